"""Freezing the list for submission, reading a frozen list back, and comparing two of them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.exports.models import ExportSnapshot
from campaign.exports.rows import ExportData, Row, canonical_json, digest, from_json, live_data
from campaign.letters.models import Letter


def freeze(session: Session, letter: Letter, user: User | None) -> ExportSnapshot:
    """Store the letter's texts and numbered list as they are now, with their SHA-256.

    Without anyone's contact details: a snapshot is kept for good, as the record of what was
    submitted, and a signer who withdraws, or whose sign-up is forgotten, must not stay on
    file through it. Contacts are exported from the current list."""
    moment = utcnow().replace(microsecond=0)
    data = live_data(session, letter, moment).public()
    content = canonical_json(data)
    snapshot = ExportSnapshot(
        letter_id=letter.id,
        created_at=moment,
        created_by_id=user.id if user else None,
        sha256=digest(content),
        row_count=len(data.rows),
        content=content,
    )
    session.add(snapshot)
    session.flush()
    return snapshot


def snapshot_data(snapshot: ExportSnapshot) -> ExportData:
    """The frozen data, dated at the moment of freezing (so files come out identical)."""
    return from_json(snapshot.content, snapshot.created_at, snapshot.id)


def snapshots_of(session: Session, letter: Letter) -> list[ExportSnapshot]:
    query = (
        select(ExportSnapshot)
        .where(ExportSnapshot.letter_id == letter.id)
        .order_by(ExportSnapshot.id.desc())
    )
    return list(session.scalars(query))


def snapshot_of(session: Session, letter: Letter, snapshot_id: int) -> ExportSnapshot | None:
    """A snapshot of this letter (never another letter's, whatever id is asked for)."""
    snapshot = session.get(ExportSnapshot, snapshot_id)
    return snapshot if snapshot is not None and snapshot.letter_id == letter.id else None


def is_intact(snapshot: ExportSnapshot) -> bool:
    """True if the stored content still matches its recorded SHA-256."""
    return digest(snapshot.content) == snapshot.sha256


@dataclass(frozen=True)
class Diff:
    """Rows matched by signature id: who joined, who left, whose name changed."""

    added: list[Row]
    removed: list[Row]
    renamed: list[tuple[Row, Row]]

    @property
    def is_empty(self) -> bool:
        return not (self.added or self.removed or self.renamed)


def diff(old: ExportData, new: ExportData) -> Diff:
    """What changed between two lists (renumbering alone is not a change)."""
    before = {r.id: r for r in old.rows}
    after = {r.id: r for r in new.rows}
    return Diff(
        added=[r for r in new.rows if r.id not in before],
        removed=[r for r in old.rows if r.id not in after],
        renamed=[
            (before[r.id], r) for r in new.rows if r.id in before and before[r.id].name != r.name
        ],
    )
