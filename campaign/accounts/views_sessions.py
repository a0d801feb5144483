"""The account's open sessions, below its password form: where it is logged in, with buttons
to log out of one other session or of all but this one."""

from __future__ import annotations

from collections.abc import Callable

from flask import render_template, url_for
from flask_login import current_user, login_required, login_user
from werkzeug.wrappers import Response

from campaign.accounts import bp, buttons, devices, sessions
from campaign.accounts.forms import PasswordForm
from campaign.accounts.loader import begin_session
from campaign.accounts.services import Refused
from campaign.db import db
from campaign.i18n import _, _l
from campaign.letters.forms import ActionForm

REFUSALS = {"gone": _l("That session has already ended.")}


def password_page(form: PasswordForm) -> str:
    """The "Password" page: the form, then the account's open sessions."""
    return render_template(
        "accounts/password.html",
        form=form,
        sessions=sessions.open_for(db.session, current_user),
        here=sessions.current_id(current_user),
        describe=devices.describe,
        action=ActionForm(),
    )


def _button(change: Callable[[], buttons.Messages]) -> Response:
    return buttons.apply(change, REFUSALS, url_for(".change_password"))


@bp.route("/account/sessions/end-others", methods=["POST"])
@login_required
def end_other_sessions() -> Response:
    """End every session of the account, this one too, and go on here in a new one: a copy
    of this browser's cookie dies with the others."""

    def change() -> buttons.Messages:
        user = current_user._get_current_object()
        sessions.end_all(db.session, user)
        begin_session(user)
        login_user(user)
        done = _("You are logged out of your other sessions; this one goes on.")
        return [(done, "success")]

    return _button(change)


@bp.route("/account/sessions/<int:session_id>/end", methods=["POST"])
@login_required
def end_session(session_id: int) -> Response:
    """Log out of one other session (of this account's only: any other id ends nothing)."""

    def change() -> buttons.Messages:
        here = sessions.current_id(current_user)
        if session_id == here or not sessions.end(db.session, current_user, session_id):
            raise Refused("gone")
        return [(_("That session is logged out."), "success")]

    return _button(change)
