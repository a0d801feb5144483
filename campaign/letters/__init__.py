"""Letters: public pages per language, and the coordinators' editing screens."""

from flask import Blueprint, g

bp = Blueprint("letters", __name__, url_prefix="/<lang:lang>")
manage_bp = Blueprint("manage", __name__, url_prefix="/manage")


@bp.url_value_preprocessor
def _pull_lang(_endpoint: str | None, values: dict | None) -> None:
    g.lang = (values or {}).pop("lang", None)


@bp.url_defaults
def _add_lang(endpoint: str, values: dict) -> None:
    if "lang" not in values and getattr(g, "lang", None):
        values["lang"] = g.lang


from campaign.letters import views, views_manage  # noqa: E402, F401
