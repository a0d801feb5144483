"""Signatures: the sign-on form, confirmation by email, private edit links, the public list."""

from flask import Blueprint, g
from werkzeug.wrappers import Response

bp = Blueprint("signatures", __name__, url_prefix="/<lang:lang>")


@bp.url_value_preprocessor
def _pull_lang(_endpoint: str | None, values: dict | None) -> None:
    g.lang = (values or {}).pop("lang", None)


@bp.url_defaults
def _add_lang(endpoint: str, values: dict) -> None:
    if "lang" not in values and getattr(g, "lang", None):
        values["lang"] = g.lang


@bp.after_request
def _private(response: Response) -> Response:
    """Pages reached by private links: never cached, never leaking the link as a referrer."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


from campaign.signatures import views, views_private  # noqa: E402, F401
