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
def load_user(user_id: str) -> User | None:
    """The logged-in staff member; nobody once their account is switched off, so its open
    sessions end at their next request."""
    number = parse_id(user_id)
    user = db.session.get(User, number) if number is not None else None
    return user if user is not None and user.active else None
