"""Letters: public pages per language, and the coordinators' editing screens."""

from flask import Blueprint

from campaign.i18n import language_blueprint

bp = language_blueprint("letters", __name__)
manage_bp = Blueprint("manage", __name__, url_prefix="/manage")


from campaign.letters import views, views_manage, views_texts  # noqa: E402, F401
