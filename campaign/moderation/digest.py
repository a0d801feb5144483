"""Email digests of a letter's new signatures for its coordinators and moderators.

A digest covers the signatures created since the recipient's previous digest of that letter
(all of them, the first time): counts per group (``group_of``), the new names, the published
signatures their signers changed since, the earlier sign-ups whose confirmation email was
given up since, and what awaits the moderators now: the review queue (the same signatures,
and the same flags, as the queue's "to review") and the signers' requests not yet applied
or dismissed, each linked to the page where it is decided. It is rendered in the
recipient's language and goes through the outbox. The daily run sends one only when
something is new (a request too) and the previous one is at least ``INTERVAL`` old; a
digest asked for on the staff page is sent at once. Services flush only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign import mail
from campaign.accounts.models import LetterRole, Role, User
from campaign.db import utcnow
from campaign.i18n import _l, interface_language
from campaign.letters.models import Letter
from campaign.mail_render import absolute
from campaign.moderation import signals, signer_requests
from campaign.moderation.digest_models import DigestState
from campaign.moderation.edits import listed_row
from campaign.moderation.labels import FLAG_LABELS, REQUEST_LABELS
from campaign.moderation.queue import in_review
from campaign.signatures.changes import CHANGED_BY_SIGNER
from campaign.signatures.models import Signature, SignatureStatus
from campaign.signatures.states import LIVE
from campaign.signatures.undelivered import NOT_DELIVERED

INTERVAL = timedelta(hours=20)
NAMES_SHOWN = 50
RECIPIENT_ROLES = (Role.coordinator, Role.moderator)
# The groups new signatures are counted in: their status, or NOT_DELIVERED (``group_of``).
STATUS_LABELS = {
    "pending": _l("awaiting email confirmation"),
    "confirmed": _l("awaiting a moderator"),
    "approved": _l("published"),
    "rejected": _l("rejected"),
    "withdrawn": _l("withdrawn"),
    "held": _l("on hold"),
    "merged": _l("merged into another signature"),
    NOT_DELIVERED: _l("email not delivered, awaiting a moderator"),
}


@dataclass(frozen=True)
class SignerRequest:
    """A signer's request awaiting a decision, by the entry it is decided on."""

    kind: str
    name: str  # the entry's name on the list
    url: str  # the entry's page, where the request is applied or dismissed


@dataclass
class Digest:
    """What one digest says about one letter."""

    since: datetime | None
    new: list[Signature] = field(default_factory=list)
    groups: dict[int, str] = field(default_factory=dict)  # each new signature's (``group_of``)
    counts: dict[str, int] = field(default_factory=dict)
    awaiting: int = 0
    flags: dict[str, int] = field(default_factory=dict)
    changed: int = 0  # published signatures their signers changed since ``since``
    undelivered: int = 0  # earlier sign-ups whose confirmation was given up since ``since``
    requests: list[SignerRequest] = field(default_factory=list)  # all awaiting, withdrawals first

    @property
    def shown(self) -> list[Signature]:
        return self.new[:NAMES_SHOWN]

    @property
    def more(self) -> int:
        return max(len(self.new) - NAMES_SHOWN, 0)

    def as_context(self) -> dict[str, Any]:
        """Plain values for the outbox, which renders the email when it is sent."""
        return {
            "since": self.since.isoformat() if self.since else None,
            "new_count": len(self.new),
            "counts": self.counts,
            "awaiting": self.awaiting,
            "flags": self.flags,
            "changed": self.changed,
            "undelivered": self.undelivered,
            "requests": dict(Counter(r.kind for r in self.requests)),
            "requests_shown": [asdict(r) for r in self.requests[:NAMES_SHOWN]],
            "requests_more": max(len(self.requests) - NAMES_SHOWN, 0),
            "more": self.more,
            "shown": [
                {
                    "name": s.name,
                    "country": s.country,
                    "status": self.groups[s.id],
                    "imported": s.source.value == "imported",
                }
                for s in self.shown
            ],
        }


def email_globals() -> dict[str, Any]:
    """Labels and helpers the digest templates use, translated when the email is rendered."""
    return {
        "status_labels": STATUS_LABELS,
        "flag_labels": FLAG_LABELS,
        "request_labels": REQUEST_LABELS,
        "from_iso": datetime.fromisoformat,
    }


def state_of(session: Session, user: User, letter: Letter) -> DigestState | None:
    return session.scalar(
        select(DigestState).where(
            DigestState.user_id == user.id, DigestState.letter_id == letter.id
        )
    )


def group_of(signature: Signature, found: signals.Signals) -> str:
    """Which count a new signature is in: its status's, but a sign-up whose confirmation
    email was given up is not awaiting confirmation any more (its signer never got the link)
    but a moderator, who may send it again or decide: it is counted apart, as awaiting a
    moderator with its email not delivered, as the queue shows it (to review, flagged), and
    so not also among the sign-ups awaiting confirmation."""
    if signature.status is SignatureStatus.pending and signature.id in found.undelivered:
        return NOT_DELIVERED
    return signature.status.value


def requests_awaiting(session: Session, letter: Letter) -> list[SignerRequest]:
    """Every request of the letter's signers still awaiting a decision, however old: until
    a moderator applies or dismisses it, it is work to do, in each digest."""
    found = []
    for request in signer_requests.awaiting(session, letter.id):
        entry = listed_row(session, request.signature)
        url = absolute("moderation.signature", slug=letter.slug, sid=entry.id)
        found.append(SignerRequest(request.kind.value, entry.name, url))
    return found


def build(session: Session, letter: Letter, since: datetime | None) -> Digest:
    """The new signatures since ``since``, the published ones changed by their signers
    since, the earlier sign-ups whose confirmation was given up since (the new ones are
    counted among the new), and what awaits the moderators now: the review queue and the
    signers' requests."""
    query = select(Signature).where(Signature.letter_id == letter.id)
    if since is not None:
        query = query.where(Signature.created_at > since)
    new = list(session.scalars(query.order_by(Signature.created_at, Signature.id)))
    found = signals.compute(session, letter.id)
    groups = {s.id: group_of(s, found) for s in new}
    lost_since = [
        sid
        for sid, lost in found.undelivered.items()
        if since is not None and lost.given_up_at > since and sid not in groups
    ]
    live = session.execute(
        select(Signature.id, Signature.status, Signature.updated_at).where(
            Signature.letter_id == letter.id, Signature.status.in_(LIVE)
        )
    ).all()
    review = [r for r in live if in_review(r.status, r.id, found)]
    changed = [
        r
        for r in review
        if CHANGED_BY_SIGNER in found.unreviewed(r.id) and (since is None or r.updated_at > since)
    ]
    return Digest(
        since=since,
        new=new,
        groups=groups,
        counts=dict(Counter(groups.values())),
        awaiting=len(review),
        flags=dict(Counter(f for r in review for f in found.unreviewed(r.id))),
        changed=len(changed),
        undelivered=len(lost_since),
        requests=requests_awaiting(session, letter),
    )


def queue_digest(session: Session, user: User, letter: Letter, now: datetime | None = None) -> int:
    """Queue ``user``'s digest of ``letter`` in their language and remember when it was sent;
    return the outbox message's id."""
    now = now or utcnow()
    state = state_of(session, user, letter) or DigestState(user_id=user.id, letter_id=letter.id)
    digest = build(session, letter, state.last_sent_at if state.id else None)
    lang = interface_language(user.language)
    text = letter.text_for(lang) or letter.authoritative_text
    message_id = mail.queue(
        session,
        user.email,
        "digest",
        lang,
        digest=digest.as_context(),
        letter_title=text.title if text else letter.slug,
        staff_url=absolute("manage.letter", slug=letter.slug),
        import_url=absolute("imports.new", slug=letter.slug),
    )
    state.last_sent_at = now
    session.add(state)
    session.flush()
    return message_id


def recipients(session: Session, letter: Letter) -> list[User]:
    """Active coordinators and moderators of ``letter``."""
    return list(
        session.scalars(
            select(User)
            .join(LetterRole, LetterRole.user_id == User.id)
            .where(LetterRole.letter_id == letter.id, LetterRole.role.in_(RECIPIENT_ROLES))
            .where(User.active.is_(True))
            .distinct()
            .order_by(User.id)
        )
    )


def is_due(session: Session, user: User, letter: Letter, now: datetime, force: bool) -> bool:
    """Something new since the last digest, which is ``INTERVAL`` old (unless ``force``): a
    signature, a sign-up's confirmation given up (the outbox's time, as giving up on an email
    leaves its sign-up untouched), a signer's request made since and still awaiting a
    decision, or a published signature its signer changed."""
    state = state_of(session, user, letter)
    since = state.last_sent_at if state else None
    if state and not force and now - since < INTERVAL:
        return False
    query = select(Signature.id).where(Signature.letter_id == letter.id)
    if since is None:
        return session.scalar(query.limit(1)) is not None
    if session.scalar(query.where(Signature.created_at > since).limit(1)) is not None:
        return True
    if signals.undelivered_sign_ups(session, letter.id, after=since):
        return True
    if signer_requests.awaiting(session, letter.id, after=since):
        return True
    # A published signature its signer changed since, waiting for a new look.
    changed = session.scalars(
        select(Signature.flags).where(
            Signature.letter_id == letter.id,
            Signature.status == SignatureStatus.approved,
            Signature.reviewed_at.is_(None),
            Signature.updated_at > since,
        )
    )
    return any(CHANGED_BY_SIGNER in (flags or []) for flags in changed)
