"""The letter's audit log, paged and filtered by action, person, dates and signature."""

from __future__ import annotations

from flask import current_app, render_template, request, url_for
from flask_login import current_user

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.letters.models import Letter
from campaign.moderation import audit_display, auditlog, bp, labels, queue
from campaign.moderation.audit_filters import AuditFilterForm


@bp.route("/audit")
@letter_role_required(Role.moderator)
def audit(letter: Letter) -> tuple[str, int]:
    form = AuditFilterForm(
        request.args,
        actions=auditlog.actions_used(db.session, letter.id),
        actors=auditlog.actors_used(db.session, letter.id),
    )
    valid = form.validate()
    filters = form.filters()
    number = queue.page_number(request.args.get("page"))
    size = int(current_app.config["MODERATION_PAGE_SIZE"])
    log = auditlog.letter_log(db.session, letter.id, filters, number, size)
    page = render_template(
        "moderation/audit.html",
        letter=letter,
        log=log,
        shown=audit_display.present(db.session, log.entries, letter, current_user.id),
        form=form,
        filtered=bool(filters.as_args()) or not valid,
        labels=labels,
        page_url=lambda n: url_for(".audit", slug=letter.slug, **filters.as_args(), page=n),
    )
    return page, 200 if valid else 400
