"""Staff accounts page: administrators see every account and switch accounts off and on."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from campaign.accounts import staff
from campaign.accounts.labels import role_label
from campaign.accounts.team import has_chosen_password
from campaign.db import db
from campaign.i18n import _, _l
from campaign.letters.forms import ActionForm
from campaign.letters.models import Letter

staff_bp = Blueprint("staff", __name__, url_prefix="/manage/accounts")

REFUSALS = {
    "gone": _l("That account no longer exists."),
    "yourself": _l("You cannot switch off your own account; ask another administrator."),
}


def admin_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    @login_required
    def wrapped(**kwargs: Any) -> Any:
        if not current_user.is_admin:
            abort(403)
        return view(**kwargs)

    return wrapped


@staff_bp.route("/")
@admin_required
def index() -> str:
    return render_template(
        "accounts/staff.html",
        accounts=staff.accounts(db.session),
        action=ActionForm(),
        role_label=role_label,
        has_chosen_password=has_chosen_password,
    )


def _switch(user_id: int, active: bool) -> Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        user, orphaned = staff.switch(db.session, user_id, active, current_user)
    except staff.StaffRefused as refused:
        db.session.rollback()
        flash(str(REFUSALS[refused.code]), "error")
        return redirect(url_for(".index"))
    db.session.commit()
    if active:
        flash(_("%(email)s can log in again, with the same roles.", email=user.email), "success")
    else:
        flash(
            _("%(email)s is switched off: they can no longer log in.", email=user.email), "success"
        )
    if orphaned:
        titles = ", ".join(_title(letter) for letter in orphaned)
        flash(
            _(
                "These letters have no active coordinator now: %(letters)s. "
                "Add one from each letter's team page.",
                letters=titles,
            ),
            "warning",
        )
    return redirect(url_for(".index"))


def _title(letter: Letter) -> str:
    text = letter.authoritative_text
    return text.title if text else letter.slug


@staff_bp.route("/<int:user_id>/switch-off", methods=["POST"])
@admin_required
def switch_off(user_id: int) -> Response:
    return _switch(user_id, active=False)


@staff_bp.route("/<int:user_id>/switch-on", methods=["POST"])
@admin_required
def switch_on(user_id: int) -> Response:
    return _switch(user_id, active=True)
