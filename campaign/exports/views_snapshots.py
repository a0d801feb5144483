"""Freezing the list, looking at a frozen list, and comparing two."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.exports import bp, snapshots
from campaign.exports.forms import FreezeForm
from campaign.exports.models import ExportSnapshot
from campaign.i18n import _
from campaign.ids import parse_id
from campaign.letters.models import Letter


@bp.route("/snapshots", methods=["POST"])
@letter_role_required(Role.exporter)
def freeze(letter: Letter) -> Response:
    if not FreezeForm().validate_on_submit():
        abort(400)
    snapshot = snapshots.freeze(db.session, letter, current_user)
    db.session.commit()
    flash(
        _("List frozen: snapshot %(id)d, SHA-256 %(sha)s.", id=snapshot.id, sha=snapshot.sha256),
        "success",
    )
    return redirect(url_for(".snapshot", slug=letter.slug, snapshot_id=snapshot.id))


def _snapshot(letter: Letter, snapshot_id: int) -> ExportSnapshot:
    snapshot = snapshots.snapshot_of(db.session, letter, snapshot_id)
    if snapshot is None:
        abort(404)
    return snapshot


@bp.route("/snapshots/<int:snapshot_id>")
@letter_role_required(Role.exporter)
def snapshot(letter: Letter, snapshot_id: int) -> str:
    frozen = _snapshot(letter, snapshot_id)
    return render_template(
        "exports/snapshot.html",
        letter=letter,
        snapshot=frozen,
        data=snapshots.snapshot_data(frozen),
        intact=snapshots.is_intact(frozen),
    )


@bp.route("/diff")
@letter_role_required(Role.exporter)
def diff(letter: Letter) -> str:
    old = _snapshot(letter, parse_id(request.args.get("old")) or 0)
    new = _snapshot(letter, parse_id(request.args.get("new")) or 0)
    changes = snapshots.diff(snapshots.snapshot_data(old), snapshots.snapshot_data(new))
    return render_template("exports/diff.html", letter=letter, old=old, new=new, changes=changes)
