"""The letter's audit log, paged and filtered by action."""

from __future__ import annotations

from flask import current_app, render_template, request, url_for

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.letters.models import Letter
from campaign.moderation import auditlog, bp, labels, queue
from campaign.text import search_term


@bp.route("/audit")
@letter_role_required(Role.moderator)
def audit(letter: Letter) -> str:
    action = search_term(request.args.get("action"), 40)
    number = queue.page_number(request.args.get("page"))
    size = int(current_app.config["MODERATION_PAGE_SIZE"])
    log = auditlog.letter_log(db.session, letter.id, action, number, size)
    return render_template(
        "moderation/audit.html",
        letter=letter,
        log=log,
        action=action,
        actions=auditlog.actions_used(db.session, letter.id),
        labels=labels,
        page_url=lambda n: url_for(".audit", slug=letter.slug, action=action or None, page=n),
    )
