"""Look-alikes at confirmation: the matching engine over a letter's counted signatures.

A signature is checked when its signer confirms it (and again if a counted signature's name
is corrected), against the letter's confirmed, approved and held signatures; pending ones are
left out, so unconfirmed submissions, robots' included, cost the matching nothing.

Each process keeps one ``MatchIndex`` per letter and brings it up to date before every
check by reading only the rows changed since (an indexed range on ``updated_at``) and the
registry aliases added since, so a check costs a few comparisons, not a whole-list scan.
Rows committed late by other processes are picked up through a two-second look-back; the
moderators' duplicate view re-clusters the whole list anyway, so a miss is never final.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.matching import MatchIndex, OrgRecord
from campaign.moderation.models import Organisation, OrganisationAlias
from campaign.signatures.models import Signature, SignatureStatus
from campaign.signatures.states import COUNTED

LOOK_BACK = timedelta(seconds=2)
_COLUMNS = (
    Signature.id,
    Signature.name,
    Signature.country,
    Signature.contact_email,
    Signature.website,
    Signature.status,
    Signature.updated_at,
)


@dataclass
class _LetterIndex:
    index: MatchIndex = field(default_factory=MatchIndex)
    rows: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    seen_at: datetime | None = None
    alias_id: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def _record(row: Any) -> OrgRecord:
    return OrgRecord(
        str(row.id), row.name, row.country or "", row.contact_email or "", row.website or ""
    )


def _sync_rows(session: Session, entry: _LetterIndex, letter_id: int) -> None:
    # Rows leaving "pending" and rows leaving the counted statuses both show up here.
    query = select(*_COLUMNS).where(
        Signature.letter_id == letter_id, Signature.status != SignatureStatus.pending
    )
    if entry.seen_at is not None:
        query = query.where(Signature.updated_at >= entry.seen_at - LOOK_BACK)
    for row in session.execute(query):
        values = tuple(row)
        if entry.rows.get(str(row.id)) != values:
            entry.rows[str(row.id)] = values
            if row.status in COUNTED:
                entry.index.add(_record(row))
        entry.seen_at = max(filter(None, (entry.seen_at, row.updated_at)))


def _sync_aliases(session: Session, entry: _LetterIndex) -> None:
    fresh = session.execute(
        select(OrganisationAlias.id, OrganisationAlias.organisation_id).where(
            OrganisationAlias.id > entry.alias_id
        )
    ).all()
    for organisation_id in {row.organisation_id for row in fresh}:
        organisation = session.get(Organisation, organisation_id)
        if organisation is not None:
            entry.index.add_aliases([organisation.name, *(a.name for a in organisation.aliases)])
    entry.alias_id = max([entry.alias_id, *(row.id for row in fresh)])


def _entry(letter_id: int) -> _LetterIndex:
    indexes = current_app.extensions.setdefault("campaign.lookalikes", {})
    return indexes.setdefault(letter_id, _LetterIndex())


def has_lookalike(session: Session, signature: Signature) -> bool:
    """True if another counted signature of the letter is, by the engine, the same organisation."""
    entry = _entry(signature.letter_id)
    with entry.lock:
        _sync_rows(session, entry, signature.letter_id)
        _sync_aliases(session, entry)
        own = str(signature.id) if signature.id is not None else ""
        probe = OrgRecord(
            own or "new",
            signature.name,
            signature.country or "",
            signature.contact_email or "",
            signature.website or "",
        )
        for candidate in entry.index.query(probe):
            rid = candidate.record.id
            counted = rid != own and entry.rows.get(rid, (None,) * 6)[5] in COUNTED
            if candidate.is_match and counted:
                return True
    return False
