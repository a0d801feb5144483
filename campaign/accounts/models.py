"""Staff accounts and the roles they hold on letters."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.db import Base, enum_column, utcnow


class Role(enum.StrEnum):
    """What a staff member may do on one letter. Coordinators may also moderate and export."""

    coordinator = "coordinator"
    moderator = "moderator"
    exporter = "exporter"

    def implies(self, other: Role) -> bool:
        return self is other or self is Role.coordinator


class User(UserMixin, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(8), default="en")
    is_admin: Mapped[bool] = mapped_column(default=False)
    can_create_letters: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]
    # Part of every emailed password link's identity: raising it (the account switched off,
    # an invitation taken back) kills the links sent (``services.void_password_links``).
    # Named for when it ended the account's sessions too, before they had rows of their own.
    session_epoch: Mapped[int] = mapped_column(default=0, server_default="0")
    # The key of the staff session (``sessions``) this object was loaded or logged in with
    # in this request, which the session cookie holds; never stored on the account.
    session_key = ""

    roles: Mapped[list[LetterRole]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def is_active(self) -> bool:  # flask-login
        return self.active

    def get_id(self) -> str:  # flask-login: what the session cookie holds
        return self.session_key

    # One row is one object in a database session. UserMixin compares users by ``get_id``,
    # which would make any two accounts loaded without a staff session equal.
    __eq__ = object.__eq__
    __hash__ = object.__hash__

    def has_role(self, letter_id: int, role: Role) -> bool:
        """True if this user may act as ``role`` on the letter (admins may do anything)."""
        if self.is_admin:
            return True
        return any(r.letter_id == letter_id and r.role.implies(role) for r in self.roles)


class LetterRole(Base):
    __tablename__ = "letter_roles"
    __table_args__ = (UniqueConstraint("user_id", "letter_id", "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(enum_column(Role))
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship(back_populates="roles")


class StaffSession(Base):
    """A staff member logged in on one browser. The cookie holds "id.secret"; only the
    secret's SHA-256 is stored, so reading this table opens no session."""

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64))
    # Parsed from the User-Agent when it began (``devices``): proper names, "" if unknown.
    browser: Mapped[str] = mapped_column(String(40), default="")
    system: Mapped[str] = mapped_column(String(40), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    ended_at: Mapped[datetime | None]
