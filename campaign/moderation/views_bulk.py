"""Bulk invalidation: choose criteria, preview who would be rejected, then apply."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.i18n import _, ngettext
from campaign.letters.models import Letter
from campaign.moderation import bp, bulk, labels
from campaign.moderation.forms import BulkForm


def _render(  # noqa: ANN202
    letter: Letter, form: BulkForm, preview: tuple | None = None, status: int = 200, folded: int = 0
):
    count, sample = preview or (None, [])
    page = render_template(
        "moderation/bulk.html",
        letter=letter,
        form=form,
        count=count,
        sample=sample,
        folded=folded,
        labels=labels,
    )
    return page, status


@bp.route("/moderation/bulk", methods=["GET", "POST"])
@letter_role_required(Role.moderator)
def bulk_invalidate(letter: Letter) -> tuple | Response:
    form = BulkForm()
    if not form.validate_on_submit():
        return _render(letter, form, status=400 if form.is_submitted() else 200)
    criteria = bulk.Criteria(**form.criteria())
    if not criteria:
        form.email_domain.errors.append(_("Give at least one criterion."))
        return _render(letter, form, status=400)
    count, sample = bulk.preview(db.session, letter, criteria)
    folded = bulk.folded(db.session, letter, criteria)
    if "apply" not in request.form:
        return _render(letter, form, (count, sample), folded=folded)
    if form.expected.data != count:
        flash(_("The number of matching signatures changed; check the preview again."), "error")
        return _render(letter, form, (count, sample), folded=folded)
    done = bulk.apply(db.session, letter, criteria, current_user)
    db.session.commit()
    flash(ngettext("%(num)d signature rejected.", "%(num)d signatures rejected.", done), "success")
    return redirect(url_for(".bulk_invalidate", slug=letter.slug))
