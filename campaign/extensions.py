"""Unbound extensions, initialised in ``create_app``."""

from flask import session
from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_login import LoginManager
from flask_mail import Mail
from flask_talisman import Talisman

from campaign.clients import network
from campaign.csrf import CSRFProtect
from campaign.db import db


class StaffLoginManager(LoginManager):
    """Flask-Login, whose session protection only looks at sessions holding a login.

    Its "strong" protection takes any non-empty session without its mark of the browser
    for one stolen: a visitor's, holding only the sign-on form's CSRF token, on every page
    they open. Each time it "cleared" that session, which then went back to the visitor
    with a remember-me cookie's deletion: two Set-Cookie headers on every public page, for
    a login that was never there. A visitor's session holds nothing to protect."""

    def _session_protection_failed(self) -> bool:
        return "_user_id" in session and super()._session_protection_failed()


babel = Babel()
compress = Compress()
csrf = CSRFProtect()
login_manager = StaffLoginManager()
mail = Mail()
talisman = Talisman()
limiter = Limiter(key_func=network, default_limits=[])

__all__ = ["babel", "compress", "csrf", "db", "limiter", "login_manager", "mail", "talisman"]
