"""Pages opened by a private link from an email (a signer's edit link, a staff member's
password link): never cached, and the link never sent on as a referrer."""

from __future__ import annotations

from werkzeug.wrappers import Response


def mark_private(response: Response) -> Response:
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    return response
