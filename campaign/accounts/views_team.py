"""A letter's team page: its coordinators add people by email, change and remove roles."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_login import current_user
from werkzeug.wrappers import Response

from campaign.accounts import buttons, services, team
from campaign.accounts.forms import TeamMemberForm
from campaign.accounts.labels import role_hint, role_label
from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.i18n import _, _l, interface_language
from campaign.letters.forms import ActionForm
from campaign.letters.models import Letter

team_bp = Blueprint("team", __name__, url_prefix="/manage/letters/<slug>/team")

REFUSALS = {
    "already": _l("This person already holds that role on this letter."),
    "inactive": _l("This account is switched off; an administrator can switch it on again."),
    "gone": _l("That role or person is no longer on the team."),
    "last_coordinator": _l("A letter keeps at least one coordinator: add another one first."),
}


def _page(letter: Letter, form: TeamMemberForm, status: int = 200) -> tuple[str, int]:
    page = render_template(
        "accounts/team.html",
        letter=letter,
        form=form,
        action=ActionForm(),
        members=team.members(db.session, letter.id),
        has_chosen_password=services.has_chosen_password,
        roles=[(role, role_label(role), role_hint(role)) for role in Role],
    )
    return page, status


@team_bp.route("/", methods=["GET", "POST"])
@letter_role_required(Role.coordinator)
def index(letter: Letter) -> tuple[str, int] | Response:
    form = TeamMemberForm()
    if not form.validate_on_submit():
        return _page(letter, form, 400 if form.is_submitted() else 200)
    role = Role(form.role.data)
    language = interface_language(str(get_locale()))
    try:
        user = team.add(db.session, letter, form.email.data, role, current_user, language)
    except team.TeamRefused as refused:
        db.session.rollback()
        form.email.errors.append(str(REFUSALS[refused.code]))
        return _page(letter, form, 409)
    db.session.commit()
    flash(
        _(
            "%(email)s now has the role “%(role)s” on this letter; an email tells them so.",
            email=user.email,
            role=role_label(role),
        ),
        "success",
    )
    return redirect(url_for(".index", slug=letter.slug))


def _button(letter: Letter, change: Callable[[], str]) -> Response:
    """A team change from a button: ``change`` returns what to tell the coordinator."""
    back = url_for(".index", slug=letter.slug)
    return buttons.apply(lambda: [(change(), "success")], REFUSALS, back)


@team_bp.route("/<int:role_id>/remove", methods=["POST"])
@letter_role_required(Role.coordinator)
def remove(letter: Letter, role_id: int) -> Response:
    def change() -> str:
        email, role = team.remove(db.session, letter, role_id, current_user)
        return _(
            "%(email)s no longer has the role “%(role)s” on this letter.",
            email=email,
            role=role_label(role),
        )

    return _button(letter, change)


@team_bp.route("/people/<int:user_id>/invite", methods=["POST"])
@letter_role_required(Role.coordinator)
def invite_again(letter: Letter, user_id: int) -> Response:
    def change() -> str:
        user = team.invite_again(db.session, letter, user_id)
        return _("The invitation went again to %(email)s.", email=user.email)

    return _button(letter, change)
