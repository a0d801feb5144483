"""The signers' requests (corrections, withdrawals) still awaiting a moderator's decision.

One query for every place that tells the moderators what awaits them: the readiness summary
and the digest. A request is handled on the page of the entry listed for its signer (see
``edits.listed_row``), where it is applied or dismissed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, contains_eager

from campaign.signatures.models import CorrectionRequest, RequestKind, Signature


def awaiting(
    session: Session, letter_id: int, after: datetime | None = None
) -> list[CorrectionRequest]:
    """The letter's requests neither applied nor dismissed (made ``after`` that time, if
    given), with their signatures: withdrawals first, as until one is applied the list still
    names a signer who took their signature back, then the oldest first."""
    query = (
        select(CorrectionRequest)
        .join(CorrectionRequest.signature)
        .options(contains_eager(CorrectionRequest.signature))
        .where(Signature.letter_id == letter_id, CorrectionRequest.resolved_at.is_(None))
    )
    if after is not None:
        query = query.where(CorrectionRequest.created_at > after)
    found = session.scalars(query).all()
    return sorted(found, key=lambda r: (r.kind is not RequestKind.withdrawal, r.created_at, r.id))


def by_kind(requests: Iterable[CorrectionRequest]) -> dict[RequestKind, int]:
    """How many of ``requests`` are withdrawals, and how many corrections (those present)."""
    return dict(Counter(r.kind for r in requests))
