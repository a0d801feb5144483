"""The review queue: filters, readiness, approve / reject / hold, one or many, and merging
the signatures chosen."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.i18n import _, ngettext
from campaign.ids import parse_id
from campaign.letters.forms import ActionForm
from campaign.letters.models import Letter
from campaign.moderation import bp, decisions, edits, labels, queue, registry, signals
from campaign.moderation.readiness import readiness
from campaign.moderation.views_common import back_to, signature_of, staff_page


@bp.route("/moderation")
@letter_role_required(Role.moderator)
def console(letter: Letter) -> str:
    filters = queue.Filters.from_args(request.args.to_dict())
    found = signals.compute(db.session, letter.id)
    size = int(current_app.config["MODERATION_PAGE_SIZE"])
    result = queue.page(db.session, letter.id, filters, found, size)
    return render_template(
        "moderation/queue.html",
        letter=letter,
        filters=filters,
        result=result,
        readiness=readiness(db.session, letter.id, found),
        known=registry.suggestions(db.session, result.items),
        flag_codes=sorted({f for fl in found.flags.values() for f in fl}),
        labels=labels,
        action=ActionForm(),
        page_url=lambda n: url_for(".console", slug=letter.slug, **filters.as_args(n)),
    )


def _seen(raws: list[str]) -> dict[int, int | None]:
    """Each id sent ("12:3", or "12") with the version the page showed (None if not sent)."""
    chosen = {}
    for raw in raws:
        sid, _sep, version = raw.partition(":")
        number, shown = parse_id(sid), parse_id(version) if version else None
        if number is None or (version and shown is None):
            abort(400)
        chosen[number] = shown
    return chosen


def _chosen() -> tuple[str, dict[int, int | None]]:
    """The decision, and each chosen id with the version the page showed (None if not sent):
    one row's button ("approve:12:3") or the checked rows ("12:3" each)."""
    one = request.form.get("decide", "")
    decision, _sep, row = one.partition(":") if one else (request.form.get("action", ""), "", "")
    chosen = _seen([row] if one else request.form.getlist("ids"))
    if decision not in decisions.DECISIONS:
        abort(400)
    return decision, chosen


@bp.route("/moderation/decide", methods=["POST"])
@letter_role_required(Role.moderator)
def decide(letter: Letter) -> Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    decision, seen = _chosen()
    if not seen:
        flash(_("Select at least one signature first."), "error")
        return back_to(url_for(".console", slug=letter.slug))
    outcome = decisions.decide_many(db.session, letter, seen, decision, current_user)
    db.session.commit()
    done, refused = outcome.done, outcome.refused
    if done:
        flash(
            ngettext("%(num)d signature updated.", "%(num)d signatures updated.", done), "success"
        )
    if refused:
        flash(
            ngettext(
                "%(num)d signature cannot take that decision in its current state.",
                "%(num)d signatures cannot take that decision in their current state.",
                refused,
            )
            + "".join(f" {reason}" for reason in outcome.reasons),
            "error",
        )
    if outcome.changed:
        flash(
            ngettext(
                "%(num)d signature changed after you opened this page (another moderator, or "
                "its signer), so it was left as it is now: look at it again.",
                "%(num)d signatures changed after you opened this page (another moderator, or "
                "their signers), so they were left as they are now: look at them again.",
                outcome.changed,
            ),
            "warning",
        )
    return back_to(url_for(".console", slug=letter.slug))


@bp.route("/moderation/signatures/<int:sid>/canonical", methods=["POST"])
@letter_role_required(Role.moderator)
def use_canonical(letter: Letter, sid: int) -> Response:
    if not ActionForm().validate_on_submit():
        abort(400)
    if edits.use_canonical(db.session, signature_of(letter, sid), current_user):
        db.session.commit()
        flash(_("The canonical name is now shown."), "success")
    return back_to(url_for(".console", slug=letter.slug))


@bp.route("/moderation/merge-selected", methods=["POST"])
@letter_role_required(Role.moderator)
def merge_selected(letter: Letter) -> Response:
    """Open the merge form for the checked rows: duplicates the detector did not group (names
    in two languages, a different acronym) are found with the filters and chosen by hand. The
    form shows them as they are now; nothing is merged before it is sent."""
    if not ActionForm().validate_on_submit():
        abort(400)
    seen = _seen(request.form.getlist("ids"))
    if len(seen) < 2:
        flash(_("Select at least two signatures to merge."), "error")
        return back_to(url_for(".console", slug=letter.slug))
    changed = queue.changed_since_shown(db.session, letter.id, seen)
    if changed:
        flash(
            ngettext(
                "%(num)d of these signatures changed after you opened the queue (another "
                "moderator, or its signer). The merge form shows it as it is now: check it "
                "before merging.",
                "%(num)d of these signatures changed after you opened the queue (another "
                "moderator, or their signers). The merge form shows them as they are now: "
                "check them before merging.",
                changed,
            ),
            "warning",
        )
    ids = ",".join(map(str, seen))
    return redirect(
        url_for(".merge", slug=letter.slug, ids=ids, next=staff_page(request.form.get("next")))
    )
