"""Staff screens: the dashboard, creating a letter, its overview, settings and status.

The text editor and the operations on texts are in views_texts.
"""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import ANY_ROLE, can_create_letters, letter_role_required
from campaign.db import db
from campaign.i18n import CONTENT_LANGUAGES, _
from campaign.letters import manage_bp as bp
from campaign.letters import queries, services
from campaign.letters.forms import ActionForm, LetterSettingsForm, NewLetterForm
from campaign.letters.models import Letter, LetterStatus
from campaign.letters.services import LetterError
from campaign.letters.views_common import committed
from campaign.moderation.audit import recording

SETTINGS_FIELDS = ("slug", "addressee", "lead_organisations", "deadline", "auto_approve")


def _settings_typed(form: LetterSettingsForm, names: tuple[str, ...]) -> dict[str, object]:
    fields = {name: getattr(form, name).data for name in names}
    fields["slug"] = str(fields["slug"]).lower()
    return fields


@bp.route("/")
@login_required
def dashboard() -> str:
    letters = queries.letters_for(db.session, current_user)
    return render_template(
        "manage/dashboard.html", letters=letters, can_create=can_create_letters()
    )


@bp.route("/letters/new", methods=["GET", "POST"])
@login_required
def new_letter() -> str | Response:
    if not can_create_letters():
        abort(403)
    form = NewLetterForm()
    if form.validate_on_submit():
        fields = _settings_typed(form, SETTINGS_FIELDS)
        try:
            letter = services.create_letter(
                db.session,
                language=form.language.data,
                title=form.title.data,
                body=form.body.data or "",
                creator=current_user,
                **fields,
            )
        except LetterError as error:
            form.slug.errors.append(str(error.message))
        except IntegrityError:  # the same address, taken by a letter created at this moment
            db.session.rollback()
            form.slug.errors.append(str(services.SLUG_TAKEN))
        else:
            if committed():
                flash(_("Letter created as a draft."), "success")
                return redirect(url_for(".letter", slug=letter.slug))
            form.slug.errors.append(str(services.SLUG_TAKEN))
    return render_template("manage/new_letter.html", form=form)


def _overview(letter: Letter, settings: LetterSettingsForm, status: int = 200) -> tuple[str, int]:
    if letter.status.is_public:  # its address is shared: see services.change_settings
        settings.slug.render_kw = {"readonly": True}
        settings.slug.description = services.SLUG_LOCKED
    page = render_template(
        "manage/letter.html",
        letter=letter,
        settings=settings,
        action=ActionForm(),
        can_edit=current_user.has_role(letter.id, Role.coordinator),
        missing=[c for c in CONTENT_LANGUAGES if letter.text_for(c) is None],
        confirm=request.args.get("confirm"),  # an outdated translation to make authoritative
    )
    return page, status


@bp.route("/letters/<slug>")
@letter_role_required(*ANY_ROLE)
def letter(letter: Letter) -> tuple[str, int]:
    return _overview(letter, LetterSettingsForm(obj=letter))


@bp.route("/letters/<slug>/settings", methods=["POST"])
@letter_role_required(Role.coordinator)
def settings(letter: Letter) -> tuple[str, int] | Response:
    form = LetterSettingsForm()
    if form.validate_on_submit() and not form.changed_since_shown(letter.version):
        fields = _settings_typed(form, (*SETTINGS_FIELDS, "embed_origins"))
        try:
            with recording(db.session, letter, "settings_changed", current_user):
                services.change_settings(db.session, letter, **fields)
        except LetterError as error:
            form[error.field or "slug"].errors.append(str(error.message))
        else:
            if committed():
                flash(_("Settings saved."), "success")
                return redirect(url_for(".letter", slug=letter.slug))
            if not form.changed_since_shown(letter.version):
                form.slug.errors.append(str(services.SLUG_TAKEN))  # by another, just now
    return _overview(letter, form, 409 if form.form_errors else 400)


@bp.route("/letters/<slug>/status/<status>", methods=["POST"])
@letter_role_required(Role.coordinator)
def change_status(letter: Letter, status: str) -> Response:
    if status not in LetterStatus.__members__ or not ActionForm().validate_on_submit():
        abort(400)
    try:
        with recording(db.session, letter, "status_changed", current_user):
            services.change_status(letter, LetterStatus(status))
    except LetterError as error:
        flash(str(error.message), "error")
    else:
        db.session.commit()
        flash(_("Status changed."), "success")
    return redirect(url_for(".letter", slug=letter.slug))
