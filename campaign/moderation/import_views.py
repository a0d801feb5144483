"""Staff pages to import a signatory list: upload or paste, preview, then confirm or cancel."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.i18n import _, ngettext
from campaign.letters.forms import ActionForm
from campaign.letters.models import Letter
from campaign.moderation import import_messages, import_services
from campaign.moderation.import_forms import ImportForm
from campaign.moderation.import_models import BatchStatus, ImportBatch
from campaign.moderation.import_services import ImportRefused
from campaign.moderation.import_summary import sections
from campaign.moderation.imports import ImportFileError

import_bp = Blueprint("imports", __name__, url_prefix="/manage/letters/<slug>/import")


@import_bp.app_context_processor
def _import_helpers() -> dict[str, object]:
    """``import_text`` (problem and match wording) and ``can_import(letter)`` for templates."""

    def can_import(letter: Letter) -> bool:
        user = current_user
        return bool(user.is_authenticated and user.has_role(letter.id, Role.moderator))

    return {"import_text": import_messages.for_templates(), "can_import": can_import}


def _form_page(letter: Letter, form: ImportForm, error: str = "", status: int = 200):  # noqa: ANN202
    page = render_template("moderation/import/form.html", letter=letter, form=form, error=error)
    return page, status


@import_bp.route("/", methods=["GET", "POST"])
@letter_role_required(Role.moderator)
def new(letter: Letter) -> tuple[str, int] | Response:
    form = ImportForm()
    if not form.validate_on_submit():
        return _form_page(letter, form, status=400 if form.is_submitted() else 200)
    data, filename = form.content()
    try:
        batch = import_services.preview(
            db.session,
            letter,
            current_user,
            data,
            fmt=form.format.data,
            encoding=form.encoding.data,
            filename=filename,
            max_rows=current_app.config["IMPORT_MAX_ROWS"],
        )
    except ImportFileError as error:
        return _form_page(letter, form, import_messages.file_error(error), 400)
    except ImportRefused as refused:
        return _form_page(letter, form, import_messages.refusal(refused.code), 400)
    db.session.commit()
    return redirect(url_for(".batch", slug=letter.slug, batch_id=batch.id))


def _batch(letter: Letter, batch_id: int) -> ImportBatch:
    """The caller's own batch for this letter (a preview belongs to whoever made it)."""
    batch = db.session.get(ImportBatch, batch_id)
    if batch is None or batch.letter_id != letter.id or batch.user_id != current_user.id:
        abort(404)
    return batch


@import_bp.route("/<int:batch_id>")
@letter_role_required(Role.moderator)
def batch(letter: Letter, batch_id: int) -> str:
    found = _batch(letter, batch_id)
    return render_template(
        "moderation/import/preview.html",
        letter=letter,
        batch=found,
        parts=sections(found.rows),
        action=ActionForm(),
        is_preview=found.status is BatchStatus.preview,
    )


@import_bp.route("/<int:batch_id>/apply", methods=["POST"])
@letter_role_required(Role.moderator)
def apply(letter: Letter, batch_id: int) -> Response:
    found = _batch(letter, batch_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        added = import_services.apply(db.session, found, current_user)
        db.session.commit()
    except ImportRefused as refused:
        db.session.rollback()
        flash(import_messages.refusal(refused.code), "error")
    except IntegrityError:
        db.session.rollback()
        flash(import_messages.refusal("changed"), "error")
    else:
        flash(
            ngettext("%(num)d entry imported.", "%(num)d entries imported.", len(added)), "success"
        )
    return redirect(url_for(".batch", slug=letter.slug, batch_id=batch_id))


@import_bp.route("/<int:batch_id>/cancel", methods=["POST"])
@letter_role_required(Role.moderator)
def cancel(letter: Letter, batch_id: int) -> Response:
    found = _batch(letter, batch_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        import_services.cancel(db.session, found)
        db.session.commit()
        flash(_("Import cancelled: nothing was written."), "success")
    except ImportRefused as refused:
        db.session.rollback()
        flash(import_messages.refusal(refused.code), "error")
    return redirect(url_for(".new", slug=letter.slug))
