"""Duplicate review: clusters with their reasons, merging one, keeping look-alikes apart, undo."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy import select
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.i18n import _
from campaign.ids import parse_ids
from campaign.letters.forms import ActionForm
from campaign.letters.models import Letter
from campaign.moderation import bp, labels, merges, signals
from campaign.moderation.forms import OTHER, MergeForm, versions_of
from campaign.moderation.models import SignatureMerge
from campaign.moderation.readiness import readiness
from campaign.moderation.registry import known_for
from campaign.moderation.views_common import back_to, staff_page
from campaign.signatures.models import EcosocStatus, Signature, SignatureStatus
from campaign.signatures.states import SignatureError

S = SignatureStatus
PREFERENCE = (S.approved, S.held, S.confirmed, S.pending)  # which row a merge keeps by default


def _ids(raw: str) -> list[int]:
    ids = parse_ids(p for p in raw.split(",") if p)
    if not ids:
        abort(400)
    return ids


def _members(letter: Letter, ids: list[int]) -> list[Signature]:
    """The letter's signatures among ``ids``, in the order a merge would keep them."""
    return _groups(letter, [ids])[0]


def _groups(letter: Letter, groups: list[list[int]]) -> list[list[Signature]]:
    """Each group of ids as its signatures, merge order first; one query for them all."""
    wanted = {i for ids in groups for i in ids}
    query = select(Signature).where(Signature.letter_id == letter.id, Signature.id.in_(wanted))
    rows = {s.id: s for s in db.session.scalars(query)}
    rank = {status: n for n, status in enumerate(PREFERENCE)}
    return [
        sorted(
            (rows[i] for i in dict.fromkeys(ids) if i in rows),
            key=lambda s: (rank.get(s.status, 9), s.created_at, s.id),
        )
        for ids in groups
    ]


@bp.route("/moderation/duplicates")
@letter_role_required(Role.moderator)
def duplicates(letter: Letter) -> str:
    found = signals.compute(db.session, letter.id)
    members = _groups(letter, [[int(i) for i in c.ids] for c in found.clusters])
    groups = list(zip(found.clusters, members, strict=True))
    recent = db.session.scalars(
        select(SignatureMerge)
        .where(SignatureMerge.letter_id == letter.id)
        .order_by(SignatureMerge.id.desc())
        .limit(20)
    ).all()
    names = {s.id: s.name for s in db.session.scalars(
        select(Signature).where(Signature.id.in_([m.primary_id for m in recent]))
    )}  # fmt: skip
    return render_template(
        "moderation/duplicates.html",
        letter=letter,
        groups=groups,
        merges=recent,
        undoable=merges.undoable(recent),
        names=names,
        readiness=readiness(db.session, letter.id, found),
        labels=labels,
        action=ActionForm(),
    )


def _choices(form: MergeForm, members: list[Signature]) -> str | None:
    """Offer each spelling, the registry's canonical name, or free text; return the canonical."""
    org = next((o for s in members if (o := known_for(db.session, s)) is not None), None)
    spellings = [n for s in members for n in (s.name, s.submitted_name)]
    names = list(dict.fromkeys(([org.name] if org else []) + spellings))
    form.primary.choices = [(str(s.id), s.name) for s in members]
    form.name_choice.choices = [(n, n) for n in names] + [
        (OTHER, _("Another spelling, typed below"))
    ]
    if not form.is_submitted():
        form.primary.data = str(members[0].id)
        form.name_choice.data = names[0]
        form.country.data = members[0].country or (org.country if org else "") or ""
        form.ecosoc_status.data = merges.best_ecosoc(members).value
        form.versions.data = versions_of(members)
    return org.name if org else None


def _merged(letter: Letter, form: MergeForm, ids: list[int]) -> bool:
    """Merge as the form says and commit; False (with the reason flashed) if refused."""
    try:
        ecosoc = EcosocStatus(form.ecosoc_status.data) if form.ecosoc_status.data else None
        merges.merge(
            db.session, letter, ids, int(form.primary.data), form.chosen_name(),
            form.country.data or None, current_user, ecosoc,
        )  # fmt: skip
    except SignatureError as error:
        flash(str(error.message), "error")
        return False
    db.session.commit()
    return True


def _say_merged(letter: Letter, back: str) -> None:
    """Flash that the merge is done. Undo is among the duplicates page's recent merges: on
    any other page, the message links there."""
    duplicates = url_for(".duplicates", slug=letter.slug)
    done = _("Merged. The public list now shows this organisation once.")
    if urlsplit(back).path != duplicates:
        undo = _("Undo it from the duplicates page")
        done = Markup('{} <a href="{}#merges-h">{}</a>').format(done, duplicates, undo)
    flash(done, "success")


@bp.route("/moderation/duplicates/merge", methods=["GET", "POST"])
@letter_role_required(Role.moderator)
def merge(letter: Letter) -> tuple | Response:
    """The merge form for ``ids``: a group the detector found, or signatures a moderator chose
    (from the queue, or a signature's page). The form carries ``next``, the staff page it was
    opened from, where Cancel and a merge go back to (else the duplicates page)."""
    ids = _ids(request.values.get("ids", ""))
    members = _members(letter, ids)
    if len(members) < 2:
        abort(404)
    form = MergeForm(ids=",".join(map(str, ids)), next=staff_page(request.args.get("next")))
    back = staff_page(form.next.data) or url_for(".duplicates", slug=letter.slug)
    canonical = _choices(form, members)
    status = 200
    if form.validate_on_submit():
        if form.changed_since_shown(members):
            status = 409
        elif _merged(letter, form, ids):
            _say_merged(letter, back)
            return redirect(back)
    page = render_template(
        "moderation/merge.html", letter=letter, form=form, members=members,
        canonical=canonical, labels=labels, back=back,
    )  # fmt: skip
    return page, status


@bp.route("/moderation/duplicates/separate", methods=["POST"])
@letter_role_required(Role.moderator)
def separate(letter: Letter) -> Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    merges.keep_separate(db.session, letter, _ids(request.form.get("ids", "")), current_user)
    db.session.commit()
    flash(_("Kept as separate organisations."), "success")
    return redirect(url_for(".duplicates", slug=letter.slug))


@bp.route("/moderation/merges/<int:mid>/undo", methods=["POST"])
@letter_role_required(Role.moderator)
def undo_merge(letter: Letter, mid: int) -> Response:
    record = db.session.get(SignatureMerge, mid)
    if record is None or record.letter_id != letter.id:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        merges.undo(db.session, record, current_user)
    except SignatureError as error:
        flash(str(error.message), "error")
    else:
        db.session.commit()
        flash(_("Merge undone."), "success")
    return back_to(url_for(".duplicates", slug=letter.slug))
