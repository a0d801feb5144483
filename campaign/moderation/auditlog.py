"""Reading the audit log: per letter (paged, filtered) and per signature."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time
from math import ceil

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.orm import Session

from campaign.ids import parse_id
from campaign.moderation.models import AuditEntry
from campaign.moderation.queue import like
from campaign.signatures.models import CorrectionRequest, Signature


@dataclass(frozen=True)
class LogFilters:
    """What a letter's log is narrowed to; each left empty keeps every entry. ``actor`` is
    an entry's ``actor_label``; ``signature`` a signature's number, or part of its name."""

    action: str = ""
    actor: str = ""
    since: date | None = None
    until: date | None = None
    signature: str = ""

    def as_args(self) -> dict[str, str]:
        """The filters as the page's query string names them, those set only."""
        names = {"actor": "who"}
        return {names.get(k, k): str(v) for k, v in asdict(self).items() if v}


@dataclass(frozen=True)
class LogPage:
    entries: list[AuditEntry]
    page: int
    pages: int
    total: int


def _signatures(letter_id: int, wanted: str) -> ColumnElement[bool]:
    number = parse_id(wanted.removeprefix("#").strip())
    if number is not None:
        return AuditEntry.signature_id == number
    pattern = like(wanted)
    names = (Signature.name, Signature.submitted_name)
    named = select(Signature.id).where(
        Signature.letter_id == letter_id,
        or_(*(func.lower(c).like(pattern, escape="\\") for c in names)),
    )
    return AuditEntry.signature_id.in_(named)


def _where(letter_id: int, filters: LogFilters) -> list[ColumnElement[bool]]:
    where = [AuditEntry.letter_id == letter_id]
    if filters.action:
        where.append(AuditEntry.action == filters.action)
    if filters.actor:
        where.append(AuditEntry.actor_label == filters.actor)
    if filters.since:
        where.append(AuditEntry.created_at >= datetime.combine(filters.since, time.min, UTC))
    if filters.until:
        where.append(AuditEntry.created_at <= datetime.combine(filters.until, time.max, UTC))
    if filters.signature:
        where.append(_signatures(letter_id, filters.signature))
    return where


def letter_log(
    session: Session, letter_id: int, filters: LogFilters, page: int, size: int
) -> LogPage:
    """The entries ``filters`` keep, newest first; dates are whole days, in UTC as the log
    shows its times."""
    where = _where(letter_id, filters)
    total = int(session.scalar(select(func.count(AuditEntry.id)).where(*where)) or 0)
    pages = max(1, ceil(total / size))
    page = min(max(page, 1), pages)
    entries = session.scalars(
        select(AuditEntry)
        .where(*where)
        .order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
        .offset((page - 1) * size)
        .limit(size)
    ).all()
    return LogPage(list(entries), page, pages, total)


def actions_used(session: Session, letter_id: int) -> list[str]:
    """The actions that appear in a letter's log, for the filter menu."""
    query = select(AuditEntry.action).where(AuditEntry.letter_id == letter_id).distinct()
    return sorted(session.scalars(query))


def actors_used(session: Session, letter_id: int) -> list[str]:
    """Who appears in a letter's log (staff addresses, the signer, the command line), for
    the filter menu."""
    query = select(AuditEntry.actor_label).where(
        AuditEntry.letter_id == letter_id, AuditEntry.actor_label != ""
    )
    return sorted(session.scalars(query.distinct()))


def signature_history(session: Session, signature_id: int) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.signature_id == signature_id)
    return list(session.scalars(query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())))


def merged_rows(session: Session, signature_id: int) -> list[Signature]:
    """Every signature folded into this one, directly or through earlier merges."""
    found: list[Signature] = []
    frontier = [signature_id]
    while frontier:
        rows = session.scalars(
            select(Signature).where(Signature.merged_into_id.in_(frontier))
        ).all()
        found += rows
        frontier = [r.id for r in rows]
    return found


def requests_for(session: Session, signature_id: int) -> list[CorrectionRequest]:
    """A signature's requests, and those of the sign-ups merged into it, through later merges
    too (their signers ask about the entry now listed, where ``edits.listed_row`` applies
    them)."""
    ids = [signature_id, *(s.id for s in merged_rows(session, signature_id))]
    query = select(CorrectionRequest).where(CorrectionRequest.signature_id.in_(ids))
    return list(session.scalars(query.order_by(CorrectionRequest.created_at.desc())))
