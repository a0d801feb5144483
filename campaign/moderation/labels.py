"""Readable, translatable labels for the codes moderators meet: states, flags, reasons, actions."""

from __future__ import annotations

from campaign.i18n import _l
from campaign.moderation.audit import CLI_ACTOR, SIGNER_ACTOR
from campaign.signatures.changes import CHANGED_BY_SIGNER
from campaign.signatures.models import RequestKind, SignatureStatus, SignerKind, Source
from campaign.signatures.undelivered import NOT_DELIVERED

S = SignatureStatus

STATUS_LABELS = {
    S.pending: _l("Awaiting email confirmation"),
    S.confirmed: _l("Confirmed, awaiting decision"),
    S.approved: _l("Approved"),
    S.rejected: _l("Rejected"),
    S.withdrawn: _l("Withdrawn"),
    S.held: _l("On hold"),
    S.merged: _l("Merged into another signature"),
}

KIND_LABELS = {SignerKind.organisation: _l("Organisation"), SignerKind.individual: _l("Individual")}
SOURCE_LABELS = {Source.web: _l("Web form"), Source.imported: _l("Imported")}
# What a signer asked for through their private link after sign-on closed (or a merge).
REQUEST_LABELS = {
    RequestKind.withdrawal: _l("Withdrawal"),
    RequestKind.correction: _l("Correction"),
}

# Flags shown in the queue: stored ones (at confirmation) and those computed on the fly.
FLAG_LABELS = {
    "possible_duplicate": _l("Possible duplicate"),
    "person": _l("Looks like a person, not an organisation"),
    "sentence": _l("Looks like a sentence, not a name"),
    "empty": _l("No name left after clean-up"),
    "web_address": _l("Contains a web or email address"),
    "burst_ip": _l("Part of a burst from one IP address"),
    "burst_domain": _l("Part of a burst from one email domain"),
    "not_duplicate": _l("Kept separate from look-alikes"),
    CHANGED_BY_SIGNER: _l("Changed by its signer after approval"),
    NOT_DELIVERED: _l("Email not delivered"),
}
NOT_A_NAME = ("sentence", "empty", "web_address")
BURSTS = ("burst_ip", "burst_domain")

REASON_LABELS = {
    "same_name": _l("Same name"),
    "known_alias": _l("Known as the same organisation"),
    "same_words": _l("Same words in another order"),
    "typo": _l("Spelling differs slightly"),
    "typo_one_word": _l("One word spelled differently"),
    "joined_words": _l("Words joined or split"),
    "translation": _l("Same name in another language"),
    "shared_acronym": _l("Same acronym"),
    "initials": _l("Acronym matches the initials"),
    "near_name": _l("Similar name"),
    "different_name": _l("Different name"),
    "same_domain": _l("Same email or web domain"),
    "different_domain": _l("Different email or web domains"),
    "same_country": _l("Same country"),
    "country_differs": _l("Different countries"),
    "acronyms_differ": _l("Different acronyms"),
    "acronym_unexplained": _l("Acronym not explained by the name"),
    "chapter": _l("A chapter of the other organisation"),
    "subset": _l("One name adds words to the other"),
    "different_words": _l("Different key words"),
    "country_conflict": _l("Countries contradict each other"),
}

ACTION_LABELS = {
    "approve": _l("Approved"),
    "reject": _l("Rejected"),
    "hold": _l("Put on hold"),
    "edit": _l("Corrected"),
    "use_canonical": _l("Canonical name applied"),
    "merge": _l("Merged"),
    "merge_undone": _l("Merge undone"),
    "left_merge_group": _l("On its own again: a withdrawal took its merge group apart"),
    "not_duplicate": _l("Kept separate"),
    "signer_edit": _l("Corrected by the signer"),
    "signer_withdrawal": _l("Withdrawn by the signer"),
    "confirmation_resent": _l("Confirmation email sent again"),
    "contact_changed": _l("Contact address changed"),
    "correction_applied": _l("Correction request applied"),
    "correction_dismissed": _l("Correction request dismissed"),
    "bulk_reject": _l("Rejected in bulk invalidation"),
    "import": _l("Imported from a list"),
    "import_batch": _l("List imported"),
    "team_added": _l("Added to the team"),
    "team_removed": _l("Removed from the team"),
    "account_switched_off": _l("Account switched off"),
    "account_switched_on": _l("Account switched on again"),
    "letters_allowed": _l("Allowed to create letters"),
    "letters_stopped": _l("Letter creation stopped"),
    "admin_granted": _l("Made an administrator"),
    "admin_revoked": _l("Administrator rights taken away"),
    "settings_changed": _l("Letter settings changed"),
    "status_changed": _l("Letter status changed"),
    "text_saved": _l("Letter text saved"),
    "text_delete": _l("Letter text deleted"),
    "text_authoritative": _l("Authoritative text changed"),
}

# Who made a change, when it was not a staff account (shown by its address).
ACTOR_LABELS = {
    SIGNER_ACTOR: _l("The signer, through their private link"),
    CLI_ACTOR: _l("The command line, on the server"),
}


def label(table: dict, code: object) -> str:
    """The label for ``code`` in ``table``, or the code itself if it has none."""
    found = table.get(code)
    return str(found) if found is not None else str(getattr(code, "value", code))
