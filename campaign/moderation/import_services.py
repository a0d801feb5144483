"""Importing a signatory list: preview first, then apply exactly what was previewed.

Imported entries were already collected by the coalition, so they are published
("approved") at once, unless something needs a moderator's eye: an entry flagged as a
person, a sentence or a web address, or one that looks like an entry already on the letter
or earlier in the file. Those are written as "confirmed" with their flags, and wait in the
moderation queue. Refused rows (no usable name) are never written. Services flush, never commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.i18n import interface_language
from campaign.letters.models import Letter, LetterStatus
from campaign.moderation import audit, imports
from campaign.moderation.import_matching import annotate, rematch
from campaign.moderation.import_models import BatchStatus, ImportBatch
from campaign.moderation.import_rows import check_row, label
from campaign.moderation.import_summary import summarise
from campaign.signatures.models import (
    EcosocStatus,
    OrgType,
    Signature,
    SignatureStatus,
    SignerKind,
    Source,
)
from campaign.signatures.states import move

# File and sheet names, as kept and shown (a file's name may be any length, and hold anything).
FILENAME_LENGTH = 120
SHEET_LENGTH = 100


class ImportRefused(ValueError):
    """The import cannot go ahead; ``code`` names why (see import_messages)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def decide(row: dict[str, Any]) -> None:
    """The status an entry will get: approved, or confirmed (held for moderators) if flagged."""
    row["status"] = "refused" if row["refused"] else ("confirmed" if row["flags"] else "approved")


def preview(
    session: Session,
    letter: Letter,
    actor: User | None,
    data: bytes,
    *,
    fmt: str = "auto",
    encoding: str | None = None,
    filename: str = "",
    max_rows: int = 5000,
) -> ImportBatch:
    """Check a file and keep the result as a batch awaiting confirmation.

    Raises ``imports.ImportFileError`` when the file as a whole cannot be read.
    """
    if letter.status is LetterStatus.submitted:
        raise ImportRefused("submitted")
    parsed = imports.read(data, fmt, max_rows, encoding, filename)
    rows = [check_row(raw) for raw in parsed.rows]
    annotate(session, letter.id, rows)
    for row in rows:
        decide(row)
    batch = ImportBatch(
        letter_id=letter.id,
        user_id=actor.id if actor else None,
        actor_label=actor.email if actor else audit.CLI_ACTOR,
        status=BatchStatus.preview,
        format=parsed.format,
        encoding=parsed.encoding,
        filename=label(filename, FILENAME_LENGTH),
        sheet=label(parsed.sheet, SHEET_LENGTH),
        rows=rows,
        summary={**summarise(rows), "header": parsed.header},
    )
    session.add(batch)
    session.flush()
    return batch


def _claim(session: Session, batch: ImportBatch, target: BatchStatus, stamp: str) -> None:
    """Move a previewed batch on, once: a second confirmation (double click) is refused."""
    result = session.execute(
        update(ImportBatch)
        .where(ImportBatch.id == batch.id, ImportBatch.status == BatchStatus.preview)
        .values(status=target, **{stamp: utcnow()})
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise ImportRefused("not_preview")
    session.refresh(batch)


def _signature(letter: Letter, row: dict[str, Any]) -> Signature:
    kind = SignerKind(row["kind"])
    signature = Signature(
        letter_id=letter.id,
        kind=kind,
        status=SignatureStatus.pending,
        source=Source.imported,
        name=row["name"],
        submitted_name=row["name"],
        name_key=row["name_key"],
        country=row.get("country") or None,
        org_type=OrgType(row["type"])
        if row.get("type") and kind is SignerKind.organisation
        else None,
        website=row.get("website") or "",
        ecosoc_status=EcosocStatus(row["ecosoc"]),
        contact_name=row.get("contact_name") or "",
        contact_email=row.get("email") or None,
        email_key=row.get("email_key"),
        language=interface_language(letter.authoritative_language),
        flags=list(row["flags"]),
    )
    move(signature, SignatureStatus.confirmed)
    if row["status"] == "approved":
        move(signature, SignatureStatus.approved)
    return signature


def _decision(row: dict[str, Any]) -> tuple[str, list[str], str | None]:
    return row["status"], sorted(row["flags"]), row["email_key"]


def _still_as_previewed(session: Session, batch: ImportBatch) -> bool:
    """Whether a preview made now would decide every entry as this one did: the letter may
    have gained signatures since (another import of the same list, in another tab)."""
    fresh = rematch(session, batch.letter_id, batch.rows)
    for row in fresh:
        decide(row)
    return all(_decision(a) == _decision(b) for a, b in zip(batch.rows, fresh, strict=True))


def apply(session: Session, batch: ImportBatch, actor: User | None) -> list[Signature]:
    """Write every accepted row of a previewed batch, with one audit entry each.

    Refused ("rematched") if the letter changed so that an entry would now be decided
    otherwise (it looks like a signature the letter gained since, or no longer like one that
    has gone): the moderator confirmed
    what the preview showed, so nothing else is written in its name. All or nothing: the
    caller commits once, or rolls back on any error.
    """
    _claim(session, batch, BatchStatus.applied, "applied_at")
    # Locked, so two confirmations of one letter's imports run one after the other and the
    # second sees what the first wrote. FOR NO KEY UPDATE on PostgreSQL: a sign-on's INSERT
    # checks its foreign key with FOR KEY SHARE on this row, which FOR UPDATE would block
    # until the import commits.
    letter = session.get(Letter, batch.letter_id, with_for_update={"key_share": True})
    if letter is None or letter.status is LetterStatus.submitted:
        raise ImportRefused("submitted")
    if not _still_as_previewed(session, batch):
        raise ImportRefused("rematched")
    pairs = [(row, _signature(letter, row)) for row in batch.rows if not row["refused"]]
    session.add_all(s for _, s in pairs)
    session.flush()
    for row, signature in pairs:
        detail = f"import {batch.id}, line {row['line']}"
        after = audit.snapshot(signature)
        audit.record(
            session,
            letter_id=letter.id,
            action="import",
            actor=actor,
            signature=signature,
            after=after,
            detail=detail,
        )
    audit.record(
        session,
        letter_id=letter.id,
        action="import_batch",
        actor=actor,
        after=batch.summary,
        detail=f"import {batch.id}: {batch.filename}",
    )
    session.flush()
    return [s for _, s in pairs]


def cancel(session: Session, batch: ImportBatch) -> None:
    """Drop a previewed batch; nothing of it was written."""
    _claim(session, batch, BatchStatus.cancelled, "cancelled_at")


def purge(session: Session, before: datetime) -> int:
    """Delete imports made before ``before``, applied or not: their rows hold contacts' names
    and addresses, and what was applied is in the audit log (an entry per signature and one
    with the batch's summary). Flushes."""
    result = session.execute(
        delete(ImportBatch)
        .where(ImportBatch.created_at < before)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
