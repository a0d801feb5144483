"""Unbound extensions, initialised in ``create_app``."""

from flask_babel import Babel
from flask_compress import Compress
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager
from flask_mail import Mail
from flask_talisman import Talisman

from campaign.csrf import CSRFProtect
from campaign.db import db

babel = Babel()
compress = Compress()
csrf = CSRFProtect()
login_manager = LoginManager()
mail = Mail()
talisman = Talisman()
limiter = Limiter(key_func=get_remote_address, default_limits=[])

__all__ = ["babel", "compress", "csrf", "db", "limiter", "login_manager", "mail", "talisman"]
