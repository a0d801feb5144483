"""Read-only queries on signatures shared by the public pages and the exports."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.collation import collate
from campaign.signatures.models import Signature, SignatureStatus, SignerKind


@dataclass(frozen=True)
class PublicList:
    """Approved signatories in collation order; numbers are positions, so never gapped."""

    organisations: list[Signature]
    individuals: list[Signature]

    @property
    def total(self) -> int:
        return len(self.organisations) + len(self.individuals)


def approved(session: Session, letter_id: int) -> PublicList:
    """The approved signatures of a letter, organisations and individuals apart."""
    rows = session.scalars(
        select(Signature).where(
            Signature.letter_id == letter_id, Signature.status == SignatureStatus.approved
        )
    ).all()
    by_name = collate(rows, lambda s: s.name)
    return PublicList(
        organisations=[s for s in by_name if s.kind is SignerKind.organisation],
        individuals=[s for s in by_name if s.kind is SignerKind.individual],
    )
