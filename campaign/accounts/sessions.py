"""Staff sessions: a row for each browser a staff member is logged in on (``StaffSession``).

The session cookie holds "id.secret" and the row only the secret's SHA-256. A session is
open while its row is not ended, its account is active, and it was seen within Flask's
PERMANENT_SESSION_LIFETIME, which also bounds how old a signed cookie may be. Logging out
ends this browser's session; a new password ends them all (the browser choosing it goes on
in a new one), and so does switching the account off. Flask-Login's session protection,
dropping the login of a cookie sent from another address or browser, ends its session too
(``loader``).
These flush, never commit.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import ColumnElement, delete, or_, select, update
from sqlalchemy.orm import Session

from campaign.accounts import devices
from campaign.accounts.models import StaffSession, User
from campaign.db import utcnow
from campaign.ids import parse_id

# last_seen_at is written at most this often, not on every request.
SEEN_EVERY = timedelta(minutes=5)
# Ended sessions are deleted by ``campaign cleanup`` this long after they ended.
ENDED_KEPT = timedelta(days=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def lifetime() -> timedelta:
    """How long a session lasts unused (Flask's PERMANENT_SESSION_LIFETIME, 31 days)."""
    return current_app.permanent_session_lifetime


def begin(session: Session, user: User, user_agent: str | None) -> str:
    """Open a session for ``user`` in the browser that sent ``user_agent``; its key (what the
    cookie holds), which ``user`` now stands for (``User.get_id``)."""
    secret = secrets.token_urlsafe(32)
    browser, system = devices.parse(user_agent)
    record = StaffSession(
        user_id=user.id, secret_hash=_hash(secret), browser=browser, system=system
    )
    session.add(record)
    session.flush()
    user.session_key = f"{record.id}.{secret}"
    return user.session_key


def _named(key: str | None) -> list[ColumnElement[bool]] | None:
    """Conditions picking the session ``key`` names ("id.secret"), or None if it names none."""
    number, _dot, secret = (key or "").partition(".")
    session_id = parse_id(number)
    if session_id is None or not secret:
        return None
    return [StaffSession.id == session_id, StaffSession.secret_hash == _hash(secret)]


def find(session: Session, key: str) -> tuple[User, StaffSession] | None:
    """The active account and open session ``key`` names, in one query; None if the key is
    forged, from before sessions had rows ("user id.epoch"), or its session is over."""
    named = _named(key)
    if named is None:
        return None
    query = (
        select(User, StaffSession)
        .join(StaffSession, StaffSession.user_id == User.id)
        .where(
            *named,
            StaffSession.ended_at.is_(None),
            StaffSession.last_seen_at > utcnow() - lifetime(),
            User.active.is_(True),
        )
    )
    row = session.execute(query).one_or_none()
    if row is None:
        return None
    user, record = row
    user.session_key = key
    return user, record


def seen(record: StaffSession, now: datetime | None = None) -> bool:
    """Note that ``record`` is in use, if that was last noted SEEN_EVERY ago or more; True
    if it was (the caller commits)."""
    now = now or utcnow()
    if now - record.last_seen_at < SEEN_EVERY:
        return False
    record.last_seen_at = now
    return True


def current_id(user: User) -> int | None:
    """The id of the session ``user`` was loaded with in this request."""
    return parse_id(user.session_key.partition(".")[0])


def _end(session: Session, *conditions: ColumnElement[bool]) -> int:
    result = session.execute(
        update(StaffSession)
        .where(StaffSession.ended_at.is_(None), *conditions)
        .values(ended_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount


def end_key(session: Session, key: str | None) -> None:
    """End the session ``key`` names (what this browser's cookie holds), if it is open."""
    named = _named(key)
    if named is not None:
        _end(session, *named)


def end(session: Session, user: User, session_id: int) -> bool:
    """End one open session of ``user``'s (another account's id ends nothing); True if it
    was open."""
    return _end(session, StaffSession.user_id == user.id, StaffSession.id == session_id) == 1


def end_all(session: Session, user: User) -> int:
    """End every open session of ``user``; how many ended."""
    return _end(session, StaffSession.user_id == user.id)


def open_for(session: Session, user: User) -> list[StaffSession]:
    """``user``'s open sessions, the most recently seen first."""
    query = select(StaffSession).where(
        StaffSession.user_id == user.id,
        StaffSession.ended_at.is_(None),
        StaffSession.last_seen_at > utcnow() - lifetime(),
    )
    order = (StaffSession.last_seen_at.desc(), StaffSession.id.desc())
    return list(session.scalars(query.order_by(*order)))


def purge(session: Session, now: datetime) -> int:
    """Delete sessions unused for longer than their lifetime, and those ended ENDED_KEPT
    ago: nothing can open them again."""
    result = session.execute(
        delete(StaffSession)
        .where(
            or_(
                StaffSession.last_seen_at < now - lifetime(),
                StaffSession.ended_at < now - ENDED_KEPT,
            )
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
