"""The signature life-cycle: which status may follow which, each move timestamped."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import event

from campaign.db import utcnow
from campaign.i18n import _l
from campaign.matching import flag_name
from campaign.signatures.models import Signature, SignatureStatus, SignerKind

S = SignatureStatus

# Moderators may reconsider a rejection; a withdrawn signer may sign again (back to pending).
# "held" parks a decision; "merged" rows come back only when their merge is undone (unmerge).
TRANSITIONS: dict[SignatureStatus, set[SignatureStatus]] = {
    S.pending: {S.confirmed, S.rejected, S.withdrawn, S.merged},
    S.confirmed: {S.approved, S.rejected, S.withdrawn, S.held, S.merged},
    S.approved: {S.rejected, S.withdrawn, S.held, S.merged},
    S.held: {S.approved, S.rejected, S.withdrawn, S.merged},
    S.rejected: {S.approved},
    S.withdrawn: {S.pending},
    S.merged: set(),
}
# Signatures still in play: not rejected, withdrawn or merged.
LIVE = (S.pending, S.confirmed, S.approved, S.held)
# Signatures that count: confirmed by their signer and not (yet) turned away.
COUNTED = (S.confirmed, S.approved, S.held)
# What a merged row may return to when its merge is undone: the statuses a merge accepts.
UNMERGEABLE = {s for s, targets in TRANSITIONS.items() if S.merged in targets}

# The plain refusal: the status chart has no such arrow.
NO_SUCH_MOVE = _l("This signature cannot go from its status to that one.")

STAMPS = {
    S.confirmed: "confirmed_at",
    S.approved: "approved_at",
    S.rejected: "rejected_at",
    S.withdrawn: "withdrawn_at",
}


class SignatureError(ValueError):
    """A change a signature cannot undergo; ``message`` is translatable."""

    def __init__(self, message: object) -> None:
        super().__init__(message)  # lazy: translated when shown, in the reader's language
        self.message = message


def can_move(signature: Signature, target: SignatureStatus) -> bool:
    return target in TRANSITIONS[signature.status]


def move(signature: Signature, target: SignatureStatus, when: datetime | None = None) -> None:
    """Move ``signature`` to ``target`` if allowed, stamping the time of the move.

    Only a signature its signer confirmed (or an imported one, confirmed on import) is ever
    approved: a sign-up rejected before confirmation, then reconsidered, stays off the list,
    since nobody showed that the organisation agreed to sign."""
    if not can_move(signature, target):
        raise SignatureError(NO_SUCH_MOVE)
    if target is S.approved and signature.confirmed_at is None:
        raise SignatureError(
            _l("This signature was never confirmed by email by its signer: it cannot be approved.")
        )
    signature.status = target
    if target in STAMPS:
        setattr(signature, STAMPS[target], when or utcnow())


def unmerge(signature: Signature, previous: SignatureStatus) -> None:
    """Give a row back the status it had before the merge that is being undone: a merged row
    its own, the kept row the one it had before it took the group's approval."""
    if signature.status not in (S.merged, S.approved) or previous not in UNMERGEABLE:
        raise SignatureError(NO_SUCH_MOVE)
    signature.status = previous


def leave_group(signature: Signature, withdrawn: bool) -> None:
    """Take a row out of a merge group that a signer's withdrawal broke up (see
    ``moderation.edits.resolve``). The row whose signer asked is withdrawn; any other, whose
    signer did not ask, stands on its own again, off the list until a moderator decides on
    it: confirmed, or pending if its signer never confirmed (a merge may fold in a sign-up
    still awaiting its email). Like ``unmerge``, these are not moves of the chart: merged
    rows otherwise leave their state only when their merge is undone."""
    if signature.status not in (S.merged, *LIVE):
        raise SignatureError(NO_SUCH_MOVE)
    signature.merged_into_id = None
    if withdrawn:
        signature.status = S.withdrawn
        signature.withdrawn_at = utcnow()
    else:
        signature.status = S.confirmed if signature.confirmed_at else S.pending
        signature.reviewed_at = None


# A moderator's mark, not a warning: look-alikes they judged to be different organisations.
NOT_DUPLICATE = "not_duplicate"


@event.listens_for(Signature.name_key, "set", active_history=True)
@event.listens_for(Signature.country, "set", active_history=True)
def _judged_again(target: Signature, value: Any, old: Any, _initiator: Any) -> None:
    """A row kept apart from its look-alikes was judged by the name and country it had: once
    either changes (by its signer, a moderator, a merge), the mark goes, so the row can be
    grouped with a real duplicate it now matches. Whatever path changes them, this holds."""
    if value != old and NOT_DUPLICATE in (target.flags or []):
        target.flags = [f for f in target.flags if f != NOT_DUPLICATE]


def name_flags(name: str, kind: SignerKind) -> list[str]:
    """What the matching engine says of a name that is probably not this signer's listing:
    a sentence, a web address, nothing at all, or (for an organisation only) a person's
    name. Computed, not stored: it follows every correction of the name."""
    return [f for f in flag_name(name) if f != "person" or kind is SignerKind.organisation]


def awaits_moderation(signature: Signature) -> bool:
    """Confirmed signatures wait for a moderator unless the letter approves them itself and
    nothing flagged them: neither a stored warning (a look-alike) nor the name itself, which
    would otherwise be published as typed (a spam wave's web address, a comment)."""
    warnings = [f for f in signature.flags or [] if f != NOT_DUPLICATE]
    flagged = bool(warnings) or bool(name_flags(signature.name, signature.kind))
    return flagged or not signature.letter.auto_approve
