"""Staff screens: the dashboard, creating a letter, its settings, texts and status."""

from __future__ import annotations

from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import ANY_ROLE, can_create_letters, letter_role_required
from campaign.db import db
from campaign.i18n import CONTENT_LANGUAGES, _
from campaign.letters import manage_bp as bp
from campaign.letters import queries, services, texts
from campaign.letters.forms import ActionForm, LetterSettingsForm, LetterTextForm, NewLetterForm
from campaign.letters.models import Letter, LetterStatus, LetterText
from campaign.letters.services import LetterError
from campaign.moderation.audit import recording

SETTINGS_FIELDS = ("slug", "addressee", "lead_organisations", "deadline", "auto_approve")


def _settings_typed(form: LetterSettingsForm, names: tuple[str, ...]) -> dict[str, object]:
    fields = {name: getattr(form, name).data for name in names}
    fields["slug"] = str(fields["slug"]).lower()
    return fields


def _committed() -> bool:
    """Commit; False, with everything rolled back, if another coordinator got there first:
    saved the same row after this request read it, or took the same address or added the
    same translation at the same moment (a unique value, checked too late to tell)."""
    try:
        db.session.commit()
    except (IntegrityError, StaleDataError):
        db.session.rollback()
        return False
    return True


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
            if _committed():
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
            if _committed():
                flash(_("Settings saved."), "success")
                return redirect(url_for(".letter", slug=letter.slug))
            if not form.changed_since_shown(letter.version):
                form.slug.errors.append(str(services.SLUG_TAKEN))  # by another, just now
    return _overview(letter, form, 409 if form.form_errors else 400)


def _text_version(letter: Letter, language: str) -> int:
    """The version of the text in ``language``; 0 while there is none."""
    text = letter.text_for(language)
    return 0 if text is None else text.version


def _text_page(letter: Letter, language: str, form: LetterTextForm) -> tuple[str, int]:
    """The editor; after a refused save, with the text as another coordinator saved it."""
    existing: LetterText | None = letter.text_for(language)
    page = render_template(
        "manage/text.html",
        letter=letter,
        form=form,
        language=CONTENT_LANGUAGES[language],
        existing=existing,
        theirs=existing if form.form_errors else None,
        action=ActionForm(),
        source=letter.authoritative_text if language != letter.authoritative_language else None,
    )
    return page, 409 if form.form_errors else 200


def _save_text(letter: Letter, language: str, form: LetterTextForm) -> bool:
    """Save the text as typed, logged, unless it is as it was; False if another coordinator
    saved it or added it meanwhile (then explained on ``form``)."""
    addressee = form.addressee.data if "addressee" in form else None
    typed = (form.title.data, form.body.data or "", addressee)
    if not texts.text_changes(letter.text_for(language), *typed):
        flash(_("The text was already as you sent it: nothing changed."), "success")
        return True
    with recording(db.session, letter, "text_saved", current_user, detail=language):
        texts.save_text(letter, language, *typed)
    if _committed():
        flash(_("Text saved."), "success")
        return True
    form.changed_since_shown(_text_version(letter, language))
    return False


@bp.route("/letters/<slug>/texts/<language>", methods=["GET", "POST"])
@letter_role_required(Role.coordinator)
def edit_text(letter: Letter, language: str) -> tuple[str, int] | Response:
    if language not in CONTENT_LANGUAGES:
        abort(404)
    form = LetterTextForm(obj=letter.text_for(language), version=_text_version(letter, language))
    if language == letter.authoritative_language:
        del form.addressee  # the letter's settings hold it
    if (
        form.validate_on_submit()
        and not form.changed_since_shown(_text_version(letter, language))
        and _save_text(letter, language, form)
    ):
        return redirect(url_for(".letter", slug=letter.slug))
    return _text_page(letter, language, form)


@bp.route("/letters/<slug>/texts/<language>/<operation>", methods=["POST"])
@letter_role_required(Role.coordinator)
def text_operation(letter: Letter, language: str, operation: str) -> Response:
    confirmed = request.args.get("confirm") == "outdated"
    operations = {
        "delete": texts.delete_text,
        "authoritative": partial(texts.set_authoritative, confirmed=confirmed),
    }
    if operation not in operations or not ActionForm().validate_on_submit():
        abort(400)
    try:
        with recording(db.session, letter, f"text_{operation}", current_user, detail=language):
            operations[operation](letter, language)
    except texts.OutdatedTranslation as error:
        flash(str(error.message), "error")
        return redirect(url_for(".letter", slug=letter.slug, confirm=language))
    except LetterError as error:
        flash(str(error.message), "error")
    else:
        db.session.commit()
        flash(_("Done."), "success")
    return redirect(url_for(".letter", slug=letter.slug))


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
