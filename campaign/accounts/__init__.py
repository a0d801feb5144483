"""Staff accounts: login, passwords, and per-letter roles."""

from flask import Blueprint

bp = Blueprint("accounts", __name__)

from campaign.accounts import views  # noqa: E402, F401
