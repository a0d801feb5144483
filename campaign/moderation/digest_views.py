"""The staff page's "Email me a digest now" button."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.i18n import _
from campaign.letters.forms import ActionForm
from campaign.letters.models import Letter
from campaign.moderation import digest

digest_bp = Blueprint("digest", __name__, url_prefix="/manage/letters/<slug>/digest")
digest_bp.app_context_processor(digest.email_globals)


@digest_bp.route("/", methods=["POST"])
@letter_role_required(Role.moderator)
def send_now(letter: Letter) -> Response:
    """Queue the current user's digest of this letter; it is sent once the request commits."""
    if not ActionForm().validate_on_submit():
        abort(400)
    digest.queue_digest(db.session, current_user, letter)
    db.session.commit()
    flash(_("A digest is on its way to %(email)s.", email=current_user.email), "success")
    return redirect(url_for("manage.letter", slug=letter.slug))
