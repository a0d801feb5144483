"""Staff accounts page: administrators see every account, let people create letters, make
or unmake administrators, and switch accounts off and on."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_login import current_user, login_required
from werkzeug.wrappers import Response

from campaign.accounts import buttons, staff
from campaign.accounts.forms import LetterCreatorForm
from campaign.accounts.labels import role_label
from campaign.accounts.services import has_chosen_password
from campaign.db import db
from campaign.i18n import _, _l, interface_language
from campaign.letters.forms import ActionForm
from campaign.letters.models import Letter
from campaign.moderation import audit_display, labels

staff_bp = Blueprint("staff", __name__, url_prefix="/manage/accounts")

REFUSALS = {
    "gone": _l("That account no longer exists."),
    "yourself": _l("You cannot switch off your own account; ask another administrator."),
    "inactive": _l("This account is switched off; switch it on again first."),
    "already": _l("This account may already create letters."),
    "already_admin": _l("This account is already an administrator."),
    "yourself_admin": _l(
        "You cannot take away your own administrator rights; ask another administrator."
    ),
}


def admin_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    @login_required
    def wrapped(**kwargs: Any) -> Any:
        if not current_user.is_admin:
            abort(403)
        return view(**kwargs)

    return wrapped


@staff_bp.route("/", methods=["GET", "POST"])
@admin_required
def index() -> tuple[str, int] | Response:
    form = LetterCreatorForm()
    if not form.validate_on_submit():
        return _page(form, 400 if form.is_submitted() else 200)
    language = interface_language(str(get_locale()))
    try:
        user = staff.allow_letters(db.session, form.email.data, language, current_user)
    except staff.StaffRefused as refused:
        db.session.rollback()
        form.email.errors.append(str(REFUSALS[refused.code]))
        return _page(form, 409)
    db.session.commit()
    done = _("%(email)s may now create letters; an email tells them so.", email=user.email)
    flash(done, "success")
    return redirect(url_for(".index"))


def _page(form: LetterCreatorForm, status: int) -> tuple[str, int]:
    page = render_template(
        "accounts/staff.html",
        accounts=staff.accounts(db.session),
        form=form,
        action=ActionForm(),
        log=audit_display.present(db.session, staff.account_log(db.session)),
        labels=labels,
        role_label=role_label,
        has_chosen_password=has_chosen_password,
    )
    return page, status


def _button(change: Callable[[], buttons.Messages]) -> Response:
    return buttons.apply(change, REFUSALS, url_for(".index"))


def _switched(user_id: int, active: bool) -> buttons.Messages:
    user, orphaned = staff.switch(db.session, user_id, active, current_user)
    if active:
        done = _("%(email)s can log in again, with the same roles.", email=user.email)
    else:
        done = _("%(email)s is switched off: they can no longer log in.", email=user.email)
    messages = [(done, "success")]
    if orphaned:
        warning = _(
            "These letters have no active coordinator now: %(letters)s. "
            "Add one from each letter's team page.",
            letters=", ".join(_title(letter) for letter in orphaned),
        )
        messages.append((warning, "warning"))
    return messages


def _title(letter: Letter) -> str:
    text = letter.authoritative_text
    return text.title if text else letter.slug


@staff_bp.route("/<int:user_id>/switch-off", methods=["POST"])
@admin_required
def switch_off(user_id: int) -> Response:
    return _button(lambda: _switched(user_id, active=False))


@staff_bp.route("/<int:user_id>/switch-on", methods=["POST"])
@admin_required
def switch_on(user_id: int) -> Response:
    return _button(lambda: _switched(user_id, active=True))


@staff_bp.route("/<int:user_id>/stop-letters", methods=["POST"])
@admin_required
def stop_letters(user_id: int) -> Response:
    def change() -> buttons.Messages:
        user = staff.stop_letters(db.session, user_id, current_user)
        done = _(
            "%(email)s can no longer create letters; their roles on letters stay.",
            email=user.email,
        )
        return [(done, "success")]

    return _button(change)


@staff_bp.route("/<int:user_id>/make-admin", methods=["POST"])
@admin_required
def make_admin(user_id: int) -> Response:
    def change() -> buttons.Messages:
        user = staff.make_admin(db.session, user_id, current_user)
        done = _("%(email)s is now an administrator.", email=user.email)
        return [(done, "success")]

    return _button(change)


@staff_bp.route("/<int:user_id>/stop-admin", methods=["POST"])
@admin_required
def stop_admin(user_id: int) -> Response:
    def change() -> buttons.Messages:
        user = staff.stop_admin(db.session, user_id, current_user)
        done = _(
            "%(email)s is no longer an administrator; their roles on letters stay.",
            email=user.email,
        )
        return [(done, "success")]

    return _button(change)
