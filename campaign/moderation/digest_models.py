"""When each staff member last got a digest of each letter's new signatures."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from campaign.db import Base


class DigestState(Base):
    """One per user and letter: the digest covers signatures created after ``last_sent_at``."""

    __tablename__ = "digest_states"
    __table_args__ = (UniqueConstraint("user_id", "letter_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # The unique (user_id, letter_id) constraint already indexes user_id.
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    last_sent_at: Mapped[datetime]
