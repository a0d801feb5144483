from __future__ import annotations

import hashlib

from flask import (
    current_app,
    flash,
    make_response,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale, refresh
from flask_login import current_user, login_required, login_user, logout_user
from werkzeug.wrappers import Response

from campaign.accounts import (
    bp,
    invitations,  # noqa: F401 - registers its email's completion
    password_links,
    resets,
    services,
)
from campaign.accounts.forms import ForgotPasswordForm, LoginForm, NewPasswordForm, PasswordForm
from campaign.accounts.loader import begin_session, end_session_here
from campaign.accounts.models import User
from campaign.accounts.views_sessions import password_page
from campaign.db import db, utcnow
from campaign.errors import FORM_EXPIRED, on_csrf_failure, on_rate_limit, please_wait
from campaign.extensions import limiter
from campaign.i18n import INTERFACE_LANGUAGES, _, _l, interface_language
from campaign.private_links import mark_private
from campaign.redirects import local_path


def _safe_next(target: str | None) -> str:
    """Only follow same-site relative redirects after login."""
    return local_path(target) or url_for("manage.dashboard")


def _login_limit() -> str:
    return str(current_app.config["LOGIN_RATE_LIMIT"])


def _account_limit() -> str:
    return str(current_app.config["LOGIN_ACCOUNT_RATE_LIMIT"])


def _account_tried() -> str:
    """The account a login names, whatever network it comes from (no limit if none): a
    digest of its address, since the limiter logs the key of a limit that trips and keeps
    it in its store, and neither should hold the addresses people type."""
    email = services.normalise_email(request.form.get("email", ""))
    if not email:
        return ""
    return "account:" + hashlib.sha256(email[:254].encode()).hexdigest()


def _failed(response: Response) -> bool:
    """A login that did not get in: its form came back (a success redirects)."""
    return response.status_code == 200


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
@limiter.limit(_account_limit, key_func=_account_tried, methods=["POST"], deduct_when=_failed)
def login() -> str | Response:
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(db.session, form.email.data, form.password.data)
        if user is not None:
            services.works_in(user, str(get_locale()))
            begin_session(user)
            db.session.commit()
            login_user(user)
            return redirect(_safe_next(request.args.get("next")))
        flash(_("That email and password do not match an active account."), "error")
    return render_template("accounts/login.html", form=form)


@on_rate_limit("accounts.login")
def login_later() -> tuple[str, int]:
    """Too many attempts from this network, or at this account: the form, with the address
    as typed and the other way in."""
    form = LoginForm()
    form.form_errors.append(
        _(
            "Too many attempts to log in. %(wait)s Or choose a new password through “Forgot "
            "your password?”.",
            wait=please_wait(),
        )
    )
    return render_template("accounts/login.html", form=form), 429


def _from_this_site() -> bool:
    """Whether the browser says the request came from our own pages (or was typed): a link
    on another site may switch the pages this browser shows, not the language the account's
    emails are written in. Browsers that send no such header are taken at their word."""
    return request.headers.get("Sec-Fetch-Site", "same-origin") in ("same-origin", "none")


@bp.route("/language/<lang:lang>")
def choose_language(lang: str) -> Response:
    """Remember an interface language for staff pages, then go back; a staff member logged
    in gets their emails in it from now on."""
    if lang in INTERFACE_LANGUAGES:
        session["lang"] = lang
        if current_user.is_authenticated and _from_this_site():
            services.works_in(current_user, lang)
            db.session.commit()
    return redirect(local_path(request.args.get("next")) or url_for("manage.dashboard"))


@bp.route("/logout", methods=["POST"])
def logout() -> Response:
    """Log out in this browser: its session ends, so a copy of the cookie opens nothing
    either; the account's other sessions go on (the "Password" page ends them)."""
    end_session_here()
    db.session.commit()
    logout_user()
    flash(_("You are logged out on this device."), "info")
    return redirect(url_for("accounts.login"))


@bp.route("/account/password", methods=["GET", "POST"])
@login_required
@limiter.limit(_login_limit, methods=["POST"])
def change_password() -> str | Response:
    """A new password, which ends the account's sessions everywhere; this browser goes on in
    a new session (a copy of its cookie, perhaps the reason for the change, dies too). Below
    the form, the open sessions (see ``views_sessions``)."""
    form = PasswordForm(account_email=current_user.email)
    if form.validate_on_submit():
        if services.verify_password(current_user, form.current.data):
            user = current_user._get_current_object()
            services.set_password(db.session, user, form.new.data)
            begin_session(user)
            db.session.commit()
            login_user(user)
            flash(_("Your password has been changed, and other devices are logged out."), "success")
            return redirect(url_for("manage.dashboard"))
        form.current.errors.append(_("The current password is not right."))
    return password_page(form)


def _choose_password(token: str, purpose: str, done: str) -> Response:
    """The page an emailed link opens to choose a password, in its email's language unless
    the visitor chose one; the link dies once a password is saved, and they are logged in."""
    return mark_private(make_response(_choose_password_page(token, purpose, done)))


def _link_holder(token: str, purpose: str) -> User | None:
    """The account an emailed password link opens. Unless the visitor chose a language, the
    page then speaks the one the link names (its email's: a reset link is written in the
    language of the page it was asked from), else the account's."""
    user = password_links.user_for(db.session, token, purpose)
    if user is not None and "lang" not in session:
        named = request.args.get("lang")
        session["lang"] = interface_language(
            named if named in INTERFACE_LANGUAGES else user.language
        )
        refresh()
    return user


def _choose_password_page(token: str, purpose: str, done: str) -> str | Response | tuple[str, int]:
    user = _link_holder(token, purpose)
    if user is None:
        return render_template("accounts/welcome_invalid.html"), 404
    form = NewPasswordForm(account_email=user.email)
    if form.validate_on_submit():
        services.set_password(db.session, user, form.new.data)
        services.works_in(user, str(get_locale()))
        user.last_login_at = utcnow()
        begin_session(user)
        db.session.commit()
        login_user(user)
        flash(_(done), "success")
        return redirect(url_for("manage.dashboard"))
    return render_template("accounts/welcome.html", form=form, user=user)


@bp.route("/account/welcome/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def welcome(token: str) -> Response:
    """Someone added to a letter's team chooses a password through the emailed link."""
    done = _l("Your password is saved. Welcome to the team.")
    return _choose_password(token, password_links.WELCOME, done)


@bp.route("/account/reset/<token>", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def reset(token: str) -> Response:
    """A new password through the link "Forgot your password?" sent."""
    return _choose_password(token, password_links.RESET, _l("Your new password is saved."))


_PASSWORD_LINKS = {
    "accounts.welcome": password_links.WELCOME,
    "accounts.reset": password_links.RESET,
}


def _choose_password_again() -> Response:
    """The session behind the page was lost (a link opened in one browser, sent from
    another): nothing is saved, and the page comes back in the account's language, with a
    fresh form and the reason."""
    token = str((request.view_args or {}).get("token", ""))
    user = _link_holder(token, _PASSWORD_LINKS[request.endpoint or ""])
    if user is None:
        page = render_template("accounts/welcome_invalid.html"), 404
    else:
        flash(str(FORM_EXPIRED), "error")
        page = (
            render_template(
                "accounts/welcome.html", form=NewPasswordForm(account_email=user.email), user=user
            ),
            400,
        )
    return mark_private(make_response(page))


for _endpoint in _PASSWORD_LINKS:
    on_csrf_failure(_endpoint)(_choose_password_again)


@bp.route("/account/forgot", methods=["GET", "POST"])
@limiter.limit(_login_limit, methods=["POST"])
def forgot_password() -> str | Response | tuple[str, int]:
    """Ask for a link by email; the answer is the same whether or not the address has an
    account, so the page never tells who works on which letters."""
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        resets.request_link(db.session, form.email.data, str(get_locale()))
        db.session.commit()
        flash(
            _("If an account uses this address, a link to choose a new password is on its way."),
            "info",
        )
        return redirect(url_for(".login"))
    return render_template("accounts/forgot.html", form=form), 400 if form.is_submitted() else 200
