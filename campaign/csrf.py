"""Flask-WTF's CSRF protection, with the Origin header standing in for a missing Referer.

Over HTTPS Flask-WTF also asks that a form come with a Referer from this site. Privacy
settings and extensions often keep the Referer back, and such a signer could never sign.
Browsers still send an Origin header with every form they post, which names the sending
page's site as surely and which a page cannot forge; Django accepts either, and so does this.
The token check itself is Flask-WTF's, unchanged.
"""

from __future__ import annotations

from flask import g, request
from flask_wtf import csrf as flask_wtf_csrf
from flask_wtf.csrf import CSRFError

# What Flask-WTF says when the Referer check fails (CSRFError.description).
_REFERRER_REFUSALS = ("The referrer header is missing.", "The referrer does not match the host.")


class CSRFProtect(flask_wtf_csrf.CSRFProtect):
    def protect(self, apply_exemptions: bool = False) -> None:
        if request.is_secure and not request.referrer:
            origin = request.headers.get("Origin", "")
            if origin and flask_wtf_csrf.same_origin(origin, f"https://{request.host}/"):
                # Read by Flask-WTF's check just below; the request's own headers are a view
                # of this environ.
                request.environ["HTTP_REFERER"] = f"{origin}/"
        super().protect(apply_exemptions)


def note_refusal(error: CSRFError) -> None:
    """Keep why the check failed, for the answer that tells the visitor what to do."""
    g.csrf_refusal = error.description


def refused_for_referrer() -> bool:
    """Whether this request's CSRF check failed on where the form came from (over HTTPS, the
    browser named no page of this site), not on its token."""
    return g.get("csrf_refusal") in _REFERRER_REFUSALS
