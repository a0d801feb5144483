"""Imports of signatory lists: what was previewed is kept, so confirming applies exactly that."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from campaign.db import Base, enum_column, utcnow


class BatchStatus(enum.StrEnum):
    """preview → applied, or preview → cancelled."""

    preview = "preview"
    applied = "applied"
    cancelled = "cancelled"


class ImportBatch(Base):
    """One uploaded or pasted list: its checked rows (JSON), decided at preview time.

    ``rows`` holds, per entry, the cleaned values, the status it will get, its flags, the
    entries it looks like and why, and the problems that refuse it (see import_rows).
    """

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    # None when made from the command line.
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_label: Mapped[str] = mapped_column(String(254), default="")
    status: Mapped[BatchStatus] = mapped_column(
        enum_column(BatchStatus), default=BatchStatus.preview
    )
    format: Mapped[str] = mapped_column(String(10))
    encoding: Mapped[str] = mapped_column(String(20), default="")
    filename: Mapped[str] = mapped_column(String(255), default="")
    sheet: Mapped[str] = mapped_column(String(100), default="")
    rows: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    summary: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    applied_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
