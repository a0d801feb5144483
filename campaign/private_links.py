"""Pages opened by a private link from an email (a signer's edit link, a staff member's
password link): never cached, and never indexed by a search engine if the link leaks (the
page shows the signer's contact details).

Other sites never see the link as a referrer: the site-wide Referrer-Policy "same-origin"
(``campaign.security_headers``) sees to that, while the page's own forms still send the
Referer that Flask-WTF requires over HTTPS (its check that a form came from this site).
"""

from __future__ import annotations

from flask import request
from werkzeug.wrappers import Response


def mark_private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


# Staff pages list contact details (the queue, a signature, exports, teams): a browser or
# proxy must not keep them once the page is left, on a shared office computer say.
STAFF_BLUEPRINTS = frozenset(
    {"accounts", "staff", "team", "manage", "exports", "moderation", "imports", "digest"}
)


def keep_staff_pages_private(response: Response) -> Response:
    """``private, no-store`` on every staff page that has not set its own caching."""
    if request.blueprint in STAFF_BLUEPRINTS and "Cache-Control" not in response.headers:
        response.headers["Cache-Control"] = "private, no-store"
    return response
