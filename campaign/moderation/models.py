"""Moderation records: the append-only audit log and the organisation registry."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint, event
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.accounts.models import User
from campaign.db import Base, utcnow


class AuditEntry(Base):
    """One decision: who, when, what, and the values before and after.

    A letter's entries (moderation, its team) carry its id; a change to a staff account
    itself (switched off, allowed to create letters) carries ``account_id`` and no letter,
    and is shown on the staff accounts page. Rows are only ever added; the ORM refuses to
    change or delete them.
    """

    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entries_letter_created", "letter_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"))
    # The staff account an entry is about; its address is kept in ``before``/``after``.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    signature_id: Mapped[int | None] = mapped_column(
        ForeignKey("signatures.id", ondelete="SET NULL"), index=True
    )
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    # Kept even if the account goes: "mod@example.org", or "command line" for the CLI.
    actor_label: Mapped[str] = mapped_column(String(254), default="")
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    after: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    detail: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    actor: Mapped[User | None] = relationship(foreign_keys=[actor_id])


@event.listens_for(AuditEntry, "before_update")
@event.listens_for(AuditEntry, "before_delete")
def _append_only(_mapper: object, _connection: object, _target: AuditEntry) -> None:
    raise PermissionError("audit entries are append-only")


class Organisation(Base):
    """An organisation known across letters, with the canonical spelling moderators chose."""

    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    country: Mapped[str | None] = mapped_column(String(2))
    website: Mapped[str] = mapped_column(String(300), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    aliases: Mapped[list[OrganisationAlias]] = relationship(
        back_populates="organisation", cascade="all, delete-orphan", lazy="selectin"
    )


class OrganisationAlias(Base):
    """Another name the same organisation signed under (another language, an acronym…)."""

    __tablename__ = "organisation_aliases"
    __table_args__ = (UniqueConstraint("organisation_id", "name_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(
        ForeignKey("organisations.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    organisation: Mapped[Organisation] = relationship(back_populates="aliases")


class SignatureMerge(Base):
    """Duplicates of one letter folded into a primary signature, with what undoing needs.

    ``before`` maps each signature id (primary included) to its audited values before the
    merge; ``organisation_before`` holds the registry entry's values (empty if the merge
    created it) and ``alias_ids`` the aliases it added, so an undo leaves no trace.
    ``versions_before`` and ``versions_after`` map each signature id to its row version just
    before and just after the merge: an undo is refused once any row changed since (None on
    merges made before versions were kept).
    """

    __tablename__ = "signature_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    primary_id: Mapped[int] = mapped_column(ForeignKey("signatures.id", ondelete="CASCADE"))
    merged_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisations.id", ondelete="SET NULL")
    )
    organisation_before: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    alias_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    versions_before: Mapped[dict[str, int] | None] = mapped_column(JSON)
    versions_after: Mapped[dict[str, int] | None] = mapped_column(JSON)
    actor_label: Mapped[str] = mapped_column(String(254), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    undone_at: Mapped[datetime | None]
    undone_by: Mapped[str] = mapped_column(String(254), default="")
