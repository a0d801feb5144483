"""Frozen lists kept as proof of what was submitted, and exports built in the background."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.accounts.models import User
from campaign.db import Base, enum_column, utcnow


class ExportSnapshot(Base):
    """The exact list (and letter texts) at one moment, as canonical JSON with its SHA-256.

    Never updated: later changes to signatures or texts leave it as it was.
    """

    __tablename__ = "export_snapshots"

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    sha256: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int] = mapped_column(default=0)
    content: Mapped[str] = mapped_column(Text)

    created_by: Mapped[User | None] = relationship()


class JobStatus(enum.StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class ExportJob(Base):
    """A long export: queued by a view, built by a worker, downloaded when done."""

    __tablename__ = "export_jobs"

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    snapshot_id: Mapped[int | None] = mapped_column(
        ForeignKey("export_snapshots.id", ondelete="CASCADE")
    )
    spec: Mapped[str] = mapped_column(Text)
    status: Mapped[JobStatus] = mapped_column(
        enum_column(JobStatus), default=JobStatus.queued, index=True
    )
    progress: Mapped[int] = mapped_column(default=0)
    filename: Mapped[str] = mapped_column(String(200), default="")
    mimetype: Mapped[str] = mapped_column(String(120), default="")
    result: Mapped[bytes | None] = mapped_column(LargeBinary)
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    started_at: Mapped[datetime | None]
    finished_at: Mapped[datetime | None]
    # When its builder was last heard from (or when it was queued again): a job left running
    # or queued with nobody building it (a killed worker, a restarted server) is found by it.
    heartbeat_at: Mapped[datetime | None]
    # How many builds it has been given; a job whose builders keep dying is failed, not retried.
    attempts: Mapped[int] = mapped_column(default=0, server_default="0")
