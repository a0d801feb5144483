"""Security headers on every response (Flask-Talisman): what a page may load and run, who
may frame it, what it tells other sites.

- Content-Security-Policy: scripts, styles, fonts and fetches from this site only; no inline
  script (the two small scripts are files under static/); no plugins; no ``<base>``; forms
  post only here; no site may frame a page (the sign-on form and the staff buttons cannot be
  clicked through a hidden frame), except the pages registered with ``frameable``: a letter's
  embeddable sign-on form, framed by the sites its coordinators named.
- Referrer-Policy "same-origin": other sites never learn which letter or page a visitor came
  from, nor a private link (see ``campaign.private_links``); this site's own forms still send
  the Referer that Flask-WTF checks over HTTPS.
- X-Content-Type-Options: nosniff; HSTS for a year, on HTTPS requests (this host only).

HTTPS itself is the TLS proxy's job (see the README), so nothing is redirected here, and the
session cookie's Secure flag stays the production setting's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from flask import Flask, request
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.wrappers import Response

from campaign.extensions import talisman
from campaign.private_links import keep_staff_pages_private

POLICY = {
    "default-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
REFERRER_POLICY = "same-origin"
# Endpoint -> the sites that may frame its pages, given the page's view arguments.
_FRAMEABLE: dict[str, Callable[..., Sequence[str]]] = {}


def frameable(endpoint: str, sites: Callable[..., Sequence[str]]) -> None:
    """Let this site and the origins ``sites(**view_args)`` names frame ``endpoint``'s pages,
    its error pages included (a rate-limit page inside a frame must show, not be blocked)."""
    _FRAMEABLE[endpoint] = sites


def policy_header(policy: dict[str, str]) -> str:
    return "; ".join(f"{directive} {value}" for directive, value in policy.items())


def _allow_framing(response: Response) -> Response:
    """Runs after Talisman's headers: widens them for the endpoints registered above."""
    sites = _FRAMEABLE.get(request.endpoint or "")
    if sites is None:
        return response
    try:
        origins = list(sites(**(request.view_args or {})))
    except SQLAlchemyError:  # the database is down: the page stays unframeable
        return response
    ancestors = " ".join(["'self'", *origins])
    response.headers["Content-Security-Policy"] = policy_header(
        {**POLICY, "frame-ancestors": ancestors}
    )
    response.headers.pop("X-Frame-Options", None)
    return response


def init_app(app: Flask) -> None:
    app.after_request(_allow_framing)  # registered first, so it runs after Talisman's
    app.after_request(keep_staff_pages_private)
    talisman.init_app(
        app,
        force_https=False,
        frame_options="DENY",
        content_security_policy=POLICY,
        referrer_policy=REFERRER_POLICY,
        strict_transport_security=True,
        strict_transport_security_include_subdomains=False,
        session_cookie_secure=bool(app.config.get("SESSION_COOKIE_SECURE")),
        session_cookie_http_only=True,
        session_cookie_samesite=str(app.config.get("SESSION_COOKIE_SAMESITE") or "Lax"),
    )
