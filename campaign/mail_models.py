"""The outbox: every email is a row written in the same transaction as the change it reports."""

from __future__ import annotations

import enum
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from campaign.db import Base, enum_column, utcnow


class OutboxStatus(enum.StrEnum):
    """queued → sent; or failed (refused for good, or the retries used up); or cancelled
    (never sent, as what it was about no longer wants it: a signer withdrew before their
    confirmation left, an account or a signature was deleted)."""

    queued = "queued"
    sent = "sent"
    failed = "failed"
    cancelled = "cancelled"


class OutboxMessage(Base):
    """One email waiting to go (or gone) to one recipient.

    Queued with its template, language and context; rendered into subject and bodies when
    it is sent, so the request that queues it does not pay for rendering.
    """

    __tablename__ = "outbox_messages"
    __table_args__ = (Index("ix_outbox_messages_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    template: Mapped[str] = mapped_column(String(100))
    language: Mapped[str] = mapped_column(String(8))
    recipient: Mapped[str] = mapped_column(String(254))
    # JSON-serialisable values for the template, or the ids a registered completion turns into
    # them when the message is rendered (see mail_render); the completed context once rendered.
    context: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict, server_default="{}")
    # Empty until rendered; kept afterwards as a record of what was sent.
    subject: Mapped[str] = mapped_column(String(500), default="")
    body_text: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[OutboxStatus] = mapped_column(
        enum_column(OutboxStatus), default=OutboxStatus.queued
    )
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # When a queued message is (next) due; once failed or cancelled, when the outbox stopped
    # trying, which the status index then finds cheaply: the coordinators' digest asks for the
    # confirmations given up since the last one (``signatures.undelivered``).
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    # A sender holds a message until this time, so two senders never send it twice.
    locked_until: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
