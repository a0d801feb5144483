"""Reading the audit log: per letter (paged, filtered by action) and per signature."""

from __future__ import annotations

from dataclasses import dataclass
from math import ceil

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaign.moderation.models import AuditEntry
from campaign.signatures.models import CorrectionRequest, Signature


@dataclass(frozen=True)
class LogPage:
    entries: list[AuditEntry]
    page: int
    pages: int
    total: int
    names: dict[int, str]


def letter_log(session: Session, letter_id: int, action: str, page: int, size: int) -> LogPage:
    """Newest first; ``action`` empty for every action."""
    where = [AuditEntry.letter_id == letter_id] + ([AuditEntry.action == action] if action else [])
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
    ids = {e.signature_id for e in entries if e.signature_id}
    rows = session.execute(select(Signature.id, Signature.name).where(Signature.id.in_(ids)))
    names = {row.id: row.name for row in rows}
    return LogPage(list(entries), page, pages, total, names)


def actions_used(session: Session, letter_id: int) -> list[str]:
    """The actions that appear in a letter's log, for the filter menu."""
    query = select(AuditEntry.action).where(AuditEntry.letter_id == letter_id).distinct()
    return sorted(session.scalars(query))


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
