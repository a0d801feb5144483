"""Signing, confirming, correcting and withdrawing. Services flush, never commit.

Whatever happens to a submission, the caller shows the same neutral page: whether an
address has signed is told only to that address, by email.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, Protocol, cast

from sqlalchemy import Table, and_, bindparam, case, delete, literal, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from sqlalchemy.sql.expression import Executable

from campaign.db import utcnow
from campaign.letters.models import Letter, LetterStatus
from campaign.letters.queries import SLUG_RE
from campaign.moderation.models import SignatureMerge
from campaign.signatures import emails
from campaign.signatures.keys import email_key, name_key
from campaign.signatures.lookalikes import has_lookalike
from campaign.signatures.models import (
    EcosocStatus,
    OrgType,
    Signature,
    SignatureStatus,
    SignerKind,
    Source,
)
from campaign.signatures.states import COUNTED, awaits_moderation, move

POSSIBLE_DUPLICATE = "possible_duplicate"
_TABLE = cast(Table, Signature.__table__)
_SCHEDULE = select(Letter.id, Letter.status, Letter.deadline).where(
    Letter.slug == bindparam("slug")
)
# What a signer states about themselves (the sign-on and edit forms' fields).
DETAIL_FIELDS = (
    "name",
    "country",
    "org_type",
    "website",
    "ecosoc_status",
    "contact_name",
    "contact_role",
    "consent_contact",
    "language",
)
# The columns of a new signature: the address, then what _detail_values fills in; the
# letter's id comes from the letter itself.
_SIGNED = ("contact_email", "email_key", "ip_address", "kind", "submitted_name", "name_key")
_SIGNED += (*DETAIL_FIELDS, "created_at")
# What a withdrawn signer who signs again states afresh: all but the address and its key
# (mail goes to the address on file) and the IP address of the first submission.
_AFRESH = ("kind", "submitted_name", "name_key", *DETAIL_FIELDS)


def _sign_if_open(dialect_insert: Callable[[Table], Any]) -> Executable:
    """One statement, compiled once per database, for every submission: it inserts the row
    only if the letter at ``slug`` accepts signatures at ``now`` (the check and the insert
    cannot be told apart by a letter closing in between).

    If the address has signed the letter already, the row it has is updated instead:
    - a pending signature is marked as still being signed (``updated_at`` only, outside the
      row's version, so a signer correcting their entry at that moment is not refused as a
      conflicting change);
    - a withdrawn one signs afresh: pending again, with the details just typed, created now
      (a new submission), its version bumped as the ORM would. This is ``states.move`` from
      withdrawn to pending (no time stamp) and ``apply_details`` (no look-alike check for a
      pending signature), written for the database;
    - any other is left as it is.

    It returns the signature's id, creation time (``now`` if this statement made it or
    signed it afresh: then it is to be confirmed), address on file and language, or nothing
    if the letter does not take signatures. Every submission thus costs the same one
    statement, and the time the answer takes does not tell whether the address had signed.
    """
    existing = _TABLE.c
    now = bindparam("now", type_=existing.updated_at.type)
    statement = dialect_insert(_TABLE)
    statement = statement.from_select(
        [existing.letter_id, *(existing[name] for name in _SIGNED)],
        select(
            Letter.id,
            *(
                now if name == "created_at" else bindparam(name, type_=existing[name].type)
                for name in _SIGNED
            ),
        ).where(Letter.slug == bindparam("slug"), Letter.accepting_signatures_at(now)),
    )
    withdrawn = existing.status == SignatureStatus.withdrawn

    def afresh(new: Any, old: Any) -> Any:
        return case((withdrawn, new), else_=old)

    typed = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=[existing.letter_id, existing.email_key],
        set_={
            **{name: afresh(typed[name], existing[name]) for name in _AFRESH},
            "status": afresh(
                literal(SignatureStatus.pending, existing.status.type), existing.status
            ),
            "created_at": afresh(now, existing.created_at),
            "version": afresh(existing.version + 1, existing.version),
            "updated_at": case(
                (existing.status.in_([SignatureStatus.pending, SignatureStatus.withdrawn]), now),
                else_=existing.updated_at,
            ),
        },
    ).returning(existing.id, existing.created_at, existing.contact_email, existing.language)


_SIGN_IF_OPEN = {
    "postgresql": _sign_if_open(postgresql.insert),
    "sqlite": _sign_if_open(sqlite.insert),
}


class _Schedule(Protocol):
    status: LetterStatus
    deadline: datetime | None


def accepting_signatures(letter: _Schedule) -> bool:
    """Open, and the deadline (if any) not passed (in SQL: ``Letter.accepting_signatures_at``)."""
    deadline = letter.deadline
    return letter.status is LetterStatus.open and (deadline is None or utcnow() < deadline)


def open_letter_id(session: Session, slug: str) -> int | None:
    """The id of the letter at this address if it accepts signatures now, else None.

    Signing reads only these three columns; the whole letter is loaded only for a page.
    """
    if not SLUG_RE.match(slug):
        return None
    row = session.execute(_SCHEDULE, {"slug": slug}).first()
    return row.id if row is not None and accepting_signatures(row) else None


def _detail_values(kind: SignerKind, details: dict[str, Any]) -> dict[str, Any]:
    """Column values for what a signer states about themselves (the form's cleaned data)."""
    individual = kind is SignerKind.individual
    name = details["name"]
    return {
        "kind": kind,
        "name": name,
        "name_key": name_key(name),
        "country": details.get("country") or None,
        "org_type": None if individual else OrgType(details["org_type"]),
        "website": details.get("website") or "",
        "ecosoc_status": EcosocStatus(details.get("ecosoc_status") or "unknown"),
        "contact_name": details.get("contact_name") or (name if individual else ""),
        "contact_role": details.get("contact_role") or "",
        "consent_contact": bool(details.get("consent_contact")),
        "language": details.get("language") or "en",
    }


def apply_details(session: Session, signature: Signature, kind: SignerKind, **details: Any) -> None:
    """Copy form details onto ``signature``; a counted signature whose name changes is
    checked for look-alikes again (a pending one is checked when it is confirmed).
    ``submitted_name`` keeps what was first submitted."""
    renamed = signature.name_key != name_key(details["name"])
    for column, value in _detail_values(kind, details).items():
        setattr(signature, column, value)
    if renamed and signature.status in COUNTED:
        mark_lookalike(session, signature)


def mark_lookalike(session: Session, signature: Signature) -> None:
    """Flag ``signature`` for moderators if the matching engine (typos, translations, known
    aliases from the organisation registry) finds it among the letter's counted signatures.

    Pending submissions are neither checked nor compared with: whatever is never confirmed
    (robots, mistakes) costs no matching, and of two look-alikes the later one to be
    confirmed is the one flagged.
    """
    flags = [f for f in signature.flags or [] if f != POSSIBLE_DUPLICATE]
    if has_lookalike(session, signature):
        flags.append(POSSIBLE_DUPLICATE)
    signature.flags = flags


def sign(
    session: Session,
    slug: str,
    kind: SignerKind,
    email: str,
    ip: str | None,
    **details: Any,
) -> int | None:
    """Record a new signature awaiting confirmation on the letter at ``slug``, or answer a
    repeat by email; return the signature's id, or None if the letter does not accept
    signatures (no such letter, not open, past its deadline).

    Whatever the address has done before, the submission is one statement (see
    ``_sign_if_open``) and one email queued, so a repeat is answered as fast as a first
    signature.
    """
    if not SLUG_RE.match(slug):
        return None
    values = _detail_values(kind, details)
    row = {"contact_email": email, "email_key": email_key(email), "ip_address": ip, **values}
    now = utcnow()
    row |= {"submitted_name": values["name"], "created_at": now, "slug": slug, "now": now}
    connection = session.connection()
    # Core on the session's connection: the ORM's execute adds nothing here but time.
    signed = connection.execute(_SIGN_IF_OPEN[connection.dialect.name], row).first()
    if signed is None:
        return None
    # To the address on file, not the one just typed: the two share a key, but "info+x@"
    # may be another mailbox than "info@" where "+" is not a sub-address.
    if signed.created_at == now:  # new, or signed afresh after a withdrawal
        emails.queue_confirmation(session, signed.id, signed.contact_email, signed.language)
    else:
        emails.queue_repeat_notice(session, signed.id, signed.contact_email, signed.language)
    return signed.id


def confirm(session: Session, signature: Signature) -> bool:
    """Confirm a pending signature (approving it if the letter allows and nothing looks like
    it); False if not pending.

    A sign-up made in time whose link is followed after sign-on closed (a closed or submitted
    letter, a deadline passed) is confirmed, since its signer did sign in time, but always
    waits for a moderator: published at once, it would renumber a list that may already be
    frozen in a snapshot or with the addressee."""
    if signature.status is not SignatureStatus.pending:
        return False
    mark_lookalike(session, signature)
    move(signature, SignatureStatus.confirmed)
    if accepting_signatures(signature.letter) and not awaits_moderation(signature):
        move(signature, SignatureStatus.approved)
    return True


def purge_unconfirmed(session: Session, before: datetime) -> int:
    """Delete sign-ups never confirmed by email that nobody touched since ``before``: those
    still awaiting confirmation, and those rejected (a spam wave typing strangers' addresses)
    or withdrawn before it. They never counted, and their owners never confirmed they want to
    be kept (a repeat submission, a decision or a withdrawal counts as a touch). Corrections
    asked for them go too, and so do their emails not yet sent; audit entries stay, without
    the link. A signature a merge kept stays (a signer who withdrew it and signed again
    without confirming): deleting it would take the merge's record with it. Flushes."""
    never_confirmed = and_(
        Signature.status.in_([SignatureStatus.rejected, SignatureStatus.withdrawn]),
        Signature.confirmed_at.is_(None),
        Signature.source == Source.web,
    )
    doomed = (
        or_(Signature.status == SignatureStatus.pending, never_confirmed),
        Signature.updated_at < before,
        Signature.id.not_in(select(SignatureMerge.primary_id)),
    )
    emails.forget_unsent(session, select(Signature.id).where(*doomed))
    result = session.execute(
        delete(Signature).where(*doomed).execution_options(synchronize_session=False)
    )
    return result.rowcount
