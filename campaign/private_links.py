"""Pages opened by a private link from an email (a signer's edit link, a staff member's
password link): never cached, and never indexed by a search engine if the link leaks (the
page shows the signer's contact details).

Other sites never see the link as a referrer: the site-wide Referrer-Policy "same-origin"
(``campaign.security_headers``) sees to that, while the page's own forms still send the
Referer that Flask-WTF requires over HTTPS (its check that a form came from this site).
"""

from __future__ import annotations

from werkzeug.wrappers import Response


def mark_private(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response
