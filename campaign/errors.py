"""Friendly, translated error pages: nothing a visitor sends should produce a bare 500."""

from __future__ import annotations

import logging
import math
import time
from collections.abc import Callable

from flask import Flask, g, make_response, render_template, request
from flask.typing import ResponseReturnValue
from flask_limiter import RateLimitExceeded
from flask_login import AnonymousUserMixin
from flask_wtf.csrf import CSRFError
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException, InternalServerError, ServiceUnavailable

from campaign import access_log
from campaign.csrf import note_refusal, refused_for_referrer
from campaign.db import db
from campaign.extensions import limiter
from campaign.i18n import _, _l, ngettext

log = logging.getLogger(__name__)
Answer = Callable[[], ResponseReturnValue]
# Views that answer a refusal themselves rather than with the generic page, by the refusal
# (a failed CSRF check, a rate limit) and then by endpoint: see ``on_csrf_failure``.
_ANSWERS: dict[str, dict[str, Answer]] = {"csrf": {}, "rate_limit": {}}


def _answer_registrar(refusal: str) -> Callable[[str], Callable[[Answer], Answer]]:
    def on_refusal(endpoint: str) -> Callable[[Answer], Answer]:
        def register_answer(answer: Answer) -> Answer:
            _ANSWERS[refusal][endpoint] = answer
            return answer

        return register_answer

    return on_refusal


# Register how an endpoint answers a form whose CSRF check failed, in place of the generic
# page: the sign-on form, say, shown again with what was typed (nothing saved).
on_csrf_failure = _answer_registrar("csrf")
# Register how an endpoint answers a request over its rate limit, in place of the generic
# page: the sign-on form, say, shown again with what was typed, to send a little later.
on_rate_limit = _answer_registrar("rate_limit")


def logged_path() -> str:
    """The request's path for a log line, with private link tokens (a signer's edit link
    lasts a year) masked as the access log masks them: a log is read by more people than
    the link was sent to."""
    return access_log.masked(request.path)


def _registered_answer(refusal: str) -> ResponseReturnValue | None:
    """The answer the request's endpoint registered for ``refusal``, or None."""
    answer = _ANSWERS[refusal].get(request.endpoint or "")
    if answer is None:
        return None
    try:
        return answer()
    except HTTPException as refused:  # e.g. the letter or the link does not exist
        return render_error(refused.code or 400)


# Said when a form's CSRF check failed on its token (its session ended, or another site sent it).
FORM_EXPIRED = _l(
    "This form has expired or was sent from elsewhere. Reload the page and try again."
)
# Said when a form's CSRF check failed because, over HTTPS, the browser named no page of this
# site as the form's origin (privacy settings or an extension kept both headers back).
NO_REFERRER = _l(
    "Nothing was sent, because your browser did not say that the form came from this site "
    "(it keeps back the “referrer” and “origin”), which this site checks to keep you safe. "
    "Allow your browser to send them to this site, then send the form again."
)


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (
            _("Something in the request was not right"),
            _("Please go back, check what you entered and try again."),
        ),
        403: (
            _("You do not have access to this page"),
            _("Your account does not have a role on this letter."),
        ),
        404: (_("Page not found"), _("The address may be mistyped, or the page was removed.")),
        405: (
            _("That action is not possible here"),
            _("Please go back and use the page's buttons."),
        ),
        409: (
            _("Someone else changed this meanwhile"),
            _(
                "It changed between the moment you opened the page and the moment you sent "
                "it, so nothing you sent was saved. Reload the page to see it as it is now, "
                "and do it again if it is still needed."
            ),
        ),
        413: (_("The file is too large"), _("Please send a smaller file.")),
        429: (
            _("Too many attempts"),
            _("You have tried this too often in a short time. %(wait)s", wait=please_wait()),
        ),
        500: (
            _("Something went wrong on our side"),
            _("Nothing you entered was saved half-way. Please try again in a moment."),
        ),
        503: (
            _("The service is briefly unavailable"),
            _("We could not reach our database. Nothing was saved. Please try again shortly."),
        ),
    }


def seconds_to_wait() -> int | None:
    """How long until the rate limit this request went over lets it through again; None if
    no limit was gone over, or its store cannot say."""
    breached = limiter.current_limit
    if breached is None or not breached.breached:
        return None
    try:
        return max(1, math.ceil(breached.window.reset_time - time.time()))
    except Exception:  # the limits' store (Redis) is unreachable: the page still answers
        log.warning("could not read when a rate limit resets", exc_info=True)
        return None


def please_wait() -> str:
    """The sentence telling a visitor over a rate limit how long to wait, in whole minutes."""
    seconds = seconds_to_wait()
    if seconds is None:
        return _("Please wait a few minutes, then try again.")
    minutes = math.ceil(seconds / 60)
    return ngettext(
        "Please wait %(num)d minute, then try again.",
        "Please wait %(num)d minutes, then try again.",
        minutes,
    )


def render_error(code: int, detail: str | None = None) -> tuple[str, int]:
    title, explanation = _messages().get(code, _messages()[400 if code < 500 else 500])
    return render_template(
        "errors/error.html", code=code, title=title, explanation=detail or explanation
    ), code


def _rollback() -> None:
    try:
        db.session.rollback()
    except Exception:  # the database may be the thing that failed
        log.exception("rollback failed")


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException) -> tuple[str, int]:
        if isinstance(error, InternalServerError):
            _rollback()
        return render_error(error.code or 500)

    @app.errorhandler(CSRFError)
    def csrf_error(error: CSRFError) -> ResponseReturnValue:
        note_refusal(error)
        answer = _registered_answer("csrf")
        if answer is not None:
            return answer
        if refused_for_referrer():
            return render_error(400, str(NO_REFERRER))
        return render_error(400, str(FORM_EXPIRED))

    @app.errorhandler(RateLimitExceeded)
    def rate_limited(_error: RateLimitExceeded) -> ResponseReturnValue:
        answer = _registered_answer("rate_limit")
        response = make_response(answer if answer is not None else render_error(429))
        seconds = seconds_to_wait()
        if seconds is not None:  # for browsers, scripts and proxies that honour it
            response.headers["Retry-After"] = str(seconds)
        return response

    @app.errorhandler(StaleDataError)
    def changed_meanwhile(error: StaleDataError) -> tuple[str, int]:
        log.info("concurrent change refused on %s: %s", logged_path(), error)
        _rollback()
        return render_error(409)

    @app.errorhandler(OperationalError)
    @app.errorhandler(InterfaceError)
    def database_down(error: Exception) -> tuple[str, int]:
        # The driver's class and SQLSTATE say what failed; its message may quote values.
        cause = getattr(error, "orig", None) or error
        code = getattr(cause, "sqlstate", None) or ""
        log.error("database error on %s: %s %s", logged_path(), type(cause).__name__, code)
        _rollback()
        g._login_user = AnonymousUserMixin()  # the page must not query the database again
        return render_error(ServiceUnavailable.code)

    @app.errorhandler(Exception)
    def unexpected(error: Exception) -> tuple[str, int]:
        log.exception("unhandled error on %s", logged_path())
        _rollback()
        return render_error(500)
