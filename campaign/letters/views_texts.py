"""Staff screens for a letter's texts: the editor for each language, and deleting a
translation or making it the authoritative text."""

from __future__ import annotations

from functools import partial

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.i18n import CONTENT_LANGUAGES, _
from campaign.letters import manage_bp as bp
from campaign.letters import texts
from campaign.letters.forms import ActionForm, LetterTextForm
from campaign.letters.models import Letter, LetterText
from campaign.letters.services import LetterError
from campaign.letters.views_common import committed
from campaign.moderation.audit import recording


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
    if committed():
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
