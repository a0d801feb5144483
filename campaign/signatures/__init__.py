"""Signatures: the sign-on form, confirmation by email, private edit links, the public list."""

from werkzeug.wrappers import Response

from campaign.i18n import language_blueprint

bp = language_blueprint("signatures", __name__)


@bp.after_request
def _private(response: Response) -> Response:
    """Pages reached by private links: never cached, never leaking the link as a referrer."""
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response


from campaign.signatures import views, views_private  # noqa: E402, F401
