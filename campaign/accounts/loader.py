"""Flask-Login wiring: load the staff member for each request."""

from __future__ import annotations

from flask import Flask

from campaign.accounts.models import User
from campaign.db import db
from campaign.extensions import login_manager
from campaign.i18n import _l
from campaign.ids import parse_id


def init_login(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Please log in to see this page.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    """The logged-in staff member; nobody once their account is switched off or its sessions
    were ended (``services.end_sessions``), so such a session ends at its next request. A
    session holds "id.epoch" (``User.get_id``); one begun before epochs existed ends too."""
    number, _dot, epoch = session_id.partition(".")
    user_id = parse_id(number)
    user = db.session.get(User, user_id) if user_id is not None else None
    if user is None or not user.active or epoch != str(user.session_epoch):
        return None
    return user
