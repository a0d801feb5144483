"""Bulk invalidation of a spam wave: select by email domain, IP, time window or name pattern.

Name patterns are plain text or a glob (``*`` any text, ``?`` one character), turned into
an escaped SQL LIKE: no user-supplied regular expression ever runs. One made of letters,
digits and spaces also runs on the names' stored keys, so that case and accents count for
nothing in any script on either database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.i18n import _l
from campaign.letters.models import Letter
from campaign.matching.text import fold
from campaign.moderation.decisions import decide
from campaign.signatures.models import Signature
from campaign.signatures.states import LIVE

SAMPLE = 10
# Each criterion as the form asks for it and the audit log shows it.
CRITERIA_LABELS = {
    "email_domain": _l("Email domain"),
    "ip_address": _l("IP address"),
    "since": _l("Signed from (UTC)"),
    "until": _l("Signed until (UTC)"),
    "name_pattern": _l("Name contains"),
}


@dataclass(frozen=True)
class Criteria:
    email_domain: str = ""
    ip_address: str = ""
    since: datetime | None = None
    until: datetime | None = None
    name_pattern: str = ""

    def __bool__(self) -> bool:
        return any((self.email_domain, self.ip_address, self.since, self.until, self.name_pattern))

    def describe(self) -> str:
        """The criteria as stored in each audit entry."""
        parts = [f"{k}={v}" for k, v in vars(self).items() if v]
        return "bulk invalidation: " + ", ".join(parts)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def glob_to_like(pattern: str) -> str:
    """``*``/``?`` become ``%``/``_`` and LIKE's own wildcards are escaped; a pattern
    without ``*`` or ``?`` matches names containing it."""
    like = _escape(pattern.lower()).replace("*", "%").replace("?", "_")
    return like if "*" in pattern or "?" in pattern else f"%{like}%"


def key_like(pattern: str) -> str | None:
    """``pattern`` as a LIKE on ``name_key`` ("Àltera*" finds "ÀLTERA ONG" and "altera"),
    or None if it holds anything but letters, digits, spaces and wildcards: keys drop
    punctuation, so "*e.V." would become "%ev", which "Nevada" holds."""
    folded = " ".join(fold(pattern).split())
    if not folded.replace("*", "").replace("?", "").replace(" ", "").isalnum():
        return None
    return glob_to_like(folded)


def _name_matches(pattern: str) -> ColumnElement[bool]:
    """Names matching ``pattern`` as written (the database lowers ASCII letters at least),
    or by their key (see ``key_like``)."""
    matches = [func.lower(Signature.name).like(glob_to_like(pattern), escape="\\")]
    if (on_key := key_like(pattern)) is not None:
        matches.append(Signature.name_key.like(on_key, escape="\\"))
    return or_(*matches)


def _conditions(criteria: Criteria) -> list[ColumnElement[bool]]:
    found = []
    if criteria.email_domain:
        domain = _escape(criteria.email_domain.lower())
        found.append(Signature.email_key.like(f"%@{domain}", escape="\\"))
    if criteria.ip_address:
        found.append(Signature.ip_address == criteria.ip_address)
    if criteria.since:
        found.append(Signature.created_at >= criteria.since)
    if criteria.until:
        found.append(Signature.created_at <= criteria.until)
    if criteria.name_pattern:
        found.append(_name_matches(criteria.name_pattern))
    return found


def _query(letter: Letter, criteria: Criteria) -> Select:
    return select(Signature).where(
        Signature.letter_id == letter.id, Signature.status.in_(LIVE), *_conditions(criteria)
    )


def preview(session: Session, letter: Letter, criteria: Criteria) -> tuple[int, list[Signature]]:
    """How many live signatures the criteria select, and a sample of them."""
    count = session.scalar(select(func.count()).select_from(_query(letter, criteria).subquery()))
    sample = session.scalars(_query(letter, criteria).order_by(Signature.id).limit(SAMPLE)).all()
    return int(count or 0), list(sample)


def folded(session: Session, letter: Letter, criteria: Criteria) -> int:
    """How many sign-ups merged into the selected ones (directly, or through earlier merges)
    leave the list with them: a rejection of an entry is its group's."""
    total = 0
    frontier = session.scalars(
        select(Signature.id).where(
            Signature.merged_into_id.in_(_query(letter, criteria).with_only_columns(Signature.id))
        )
    ).all()
    while frontier:
        total += len(frontier)
        frontier = session.scalars(
            select(Signature.id).where(Signature.merged_into_id.in_(frontier))
        ).all()
    return total


def apply(session: Session, letter: Letter, criteria: Criteria, actor: User | None) -> int:
    """Reject every selected signature, one audit entry each naming the criteria."""
    rows = session.scalars(_query(letter, criteria).order_by(Signature.id)).all()
    for signature in rows:
        decide(
            session, signature, "reject", actor, action="bulk_reject", detail=criteria.describe()
        )
    return len(rows)
