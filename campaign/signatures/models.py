"""Signatures: one per organisation (or individual) per letter, with its life-cycle."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.db import Base, enum_column, utcnow
from campaign.letters.models import Letter

EMAIL_KEY_LENGTH = 254  # the width of Signature.email_key
WEBSITE_LENGTH = 300  # the width of Signature.website
CONTACT_NAME_LENGTH = 200  # the width of Signature.contact_name


class SignatureStatus(enum.StrEnum):
    """pending → confirmed → approved / rejected / withdrawn (auto-approve skips a step).

    Moderators may also put a signature on hold (kept off the list until decided), and
    merge duplicates into one signature: merged rows leave every list until undone.
    """

    pending = "pending"
    confirmed = "confirmed"
    approved = "approved"
    rejected = "rejected"
    withdrawn = "withdrawn"
    held = "held"
    merged = "merged"


class SignerKind(enum.StrEnum):
    organisation = "organisation"
    individual = "individual"


class OrgType(enum.StrEnum):
    ngo = "ngo"
    network = "network"
    trade_union = "trade_union"
    faith_based = "faith_based"
    academic = "academic"
    foundation = "foundation"
    other = "other"


class EcosocStatus(enum.StrEnum):
    """Consultative status with the UN Economic and Social Council."""

    general = "general"
    special = "special"
    roster = "roster"
    none = "none"
    unknown = "unknown"


class RequestKind(enum.StrEnum):
    """What a signer asked for through their private link after the letter closed."""

    correction = "correction"
    withdrawal = "withdrawal"


class Source(enum.StrEnum):
    web = "web"
    imported = "imported"


class Signature(Base):
    __tablename__ = "signatures"
    __table_args__ = (
        UniqueConstraint("letter_id", "email_key"),
        Index("ix_signatures_letter_status", "letter_id", "status"),
        # Signing-time look-alike checks read only the rows changed since their last look.
        Index("ix_signatures_letter_updated", "letter_id", "updated_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    kind: Mapped[SignerKind] = mapped_column(
        enum_column(SignerKind), default=SignerKind.organisation
    )
    status: Mapped[SignatureStatus] = mapped_column(
        enum_column(SignatureStatus), default=SignatureStatus.pending
    )
    source: Mapped[Source] = mapped_column(enum_column(Source), default=Source.web)
    # ``name`` is what the public list shows (moderators may correct it);
    # ``submitted_name`` keeps what the signer typed.
    name: Mapped[str] = mapped_column(String(300))
    submitted_name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True, default="")
    country: Mapped[str | None] = mapped_column(String(2))
    org_type: Mapped[OrgType | None] = mapped_column(enum_column(OrgType))
    website: Mapped[str] = mapped_column(String(WEBSITE_LENGTH), default="")
    ecosoc_status: Mapped[EcosocStatus] = mapped_column(
        enum_column(EcosocStatus), default=EcosocStatus.unknown
    )
    contact_name: Mapped[str] = mapped_column(String(CONTACT_NAME_LENGTH), default="")
    contact_email: Mapped[str | None] = mapped_column(String(254))
    email_key: Mapped[str | None] = mapped_column(String(EMAIL_KEY_LENGTH))
    contact_role: Mapped[str] = mapped_column(String(200), default="")
    consent_contact: Mapped[bool] = mapped_column(default=False)
    language: Mapped[str] = mapped_column(String(8), default="en")
    ip_address: Mapped[str | None] = mapped_column(String(45))
    note: Mapped[str] = mapped_column(Text, default="")
    # Marks for moderators, e.g. "possible_duplicate" (see signatures.flags).
    flags: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    # The registry entry moderators linked this signature to, and, once merged into another
    # signature of the same letter, that signature (merged rows leave the public list).
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL"), index=True
    )
    merged_into_id: Mapped[int | None] = mapped_column(
        ForeignKey("signatures.id", ondelete="SET NULL"), index=True
    )
    # Bumped whenever a private link must stop working (after use, or on withdrawal).
    token_version: Mapped[int] = mapped_column(default=0)
    # Bumped by every change through the ORM, which refuses to save over a change made since
    # the row was read (StaleDataError): a moderator's decision cannot undo a withdrawal the
    # signer made a moment earlier, nor two moderators' decisions overwrite each other.
    version: Mapped[int] = mapped_column(server_default="1")

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    confirmed_at: Mapped[datetime | None]
    approved_at: Mapped[datetime | None]
    rejected_at: Mapped[datetime | None]
    withdrawn_at: Mapped[datetime | None]
    # When a moderator last decided on it: flagged rows leave the review queue once decided.
    reviewed_at: Mapped[datetime | None]

    letter: Mapped[Letter] = relationship()

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_public(self) -> bool:
        return self.status is SignatureStatus.approved and self.merged_into_id is None


class CorrectionRequest(Base):
    """A change a signer asked for after sign-on closed; moderators apply or dismiss it.

    ``changes`` maps field names to the values the signer asked for (empty for a withdrawal).
    """

    __tablename__ = "correction_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    signature_id: Mapped[int] = mapped_column(
        ForeignKey("signatures.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[RequestKind] = mapped_column(enum_column(RequestKind))
    changes: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    resolved_at: Mapped[datetime | None]

    signature: Mapped[Signature] = relationship()
