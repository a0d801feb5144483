"""Flask-Login wiring: load the staff member for each request from the session its cookie
names (``sessions``)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from flask import Flask, g, request, session
from flask_login import current_user, session_protected
from sqlalchemy.exc import SQLAlchemyError

from campaign.accounts import sessions
from campaign.accounts.models import User
from campaign.db import db
from campaign.extensions import login_manager
from campaign.i18n import _l

log = logging.getLogger(__name__)


def init_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    app.before_request(_load_staff_member)


@login_manager.user_loader
def load_user(key: str) -> User | None:
    """The logged-in staff member, while the session the cookie names is open: nobody once
    it was ended (logged out here, a new password, the account switched off), nor for a
    cookie from before sessions had rows."""
    found = sessions.find(db.session, key)
    if found is None:
        return None
    user, g.staff_session = found
    return user


def _load_staff_member() -> None:
    """Before the view, in a browser that holds a staff session: load its staff member and,
    every few minutes, note that the session is in use, committed now so that nothing of the
    view's goes with it (a database that cannot take the write, read-only say, only loses
    the note: the page still answers). A session that is over is dropped from the cookie, so
    the browser's next requests (public pages too) ask the database nothing."""
    if "_user_id" not in session or request.endpoint == "static":
        return
    if not current_user.is_authenticated:
        session.pop("_user_id", None)
    elif sessions.seen(g.staff_session):
        _commit_now("could not note staff session in use")


def _commit_now(failure: str, write: Callable[[], object] = lambda: None) -> None:
    """Make (``write``) and commit a write of the staff session's own, before the view: a
    database that refuses it (read-only, say) costs that write, not the page."""
    try:
        write()
        db.session.commit()
    except SQLAlchemyError as error:  # not worth the page: the view goes on
        db.session.rollback()
        log.warning("%s: %s", failure, type(error).__name__)


@session_protected.connect
def _end_session_protection_dropped(app: Flask) -> None:
    """Flask-Login's "strong" protection dropped the login from this request's cookie
    session (it came from another address or browser than the one that logged in): end the
    staff session it named too, or it would stay listed among the account's open sessions,
    and a copy of the cookie still sent from the first browser would still open it. Flask-Login
    has already taken the key out of the session when it says so, so it is read again from
    the cookie the request came with. It also says so for a session it only marked not fresh
    (one still holding its login: nothing to end) and for a visitor's session holding no
    login at all (nothing to end either, and the database is not asked)."""
    if "_user_id" in session:
        return
    sent = app.session_interface.open_session(app, request)
    key = sent.get("_user_id") if sent is not None else None
    if key:
        ended = "could not end a staff session dropped by session protection"
        _commit_now(ended, lambda: sessions.end_key(db.session, key))


def begin_session(user: User) -> None:
    """A new session for ``user`` in this browser, ending the one its cookie held; the view
    commits, then calls ``login_user``."""
    end_session_here()
    sessions.begin(db.session, user, request.user_agent.string)


def end_session_here() -> None:
    """End the session this browser's cookie names, whoever it was for; the view commits."""
    sessions.end_key(db.session, session.get("_user_id"))
