"""Pages opened by a private link from an email (a signer's edit link, a staff member's
password link): never cached, and the link never sent to another site as a referrer.

The policy is "same-origin", not "no-referrer": the page's own forms must still send their
Referer to this site, since over HTTPS Flask-WTF refuses a form without one (its check that
the form came from this site); no other site ever sees the link.
"""

from __future__ import annotations

from werkzeug.wrappers import Response

from campaign.security_headers import REFERRER_POLICY


def mark_private(response: Response) -> Response:
    response.headers["Referrer-Policy"] = REFERRER_POLICY
    response.headers["Cache-Control"] = "no-store"
    return response
