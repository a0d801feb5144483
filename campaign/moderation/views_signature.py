"""One signature: its details, contacts, flags, history; corrections of its listing and of
its contact, signers' requests, and its confirmation email sent again after the last one
could not be delivered."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user
from werkzeug.wrappers import Response

from campaign.accounts.models import Role
from campaign.accounts.permissions import letter_role_required
from campaign.db import db
from campaign.i18n import _, ngettext
from campaign.letters.forms import ActionForm
from campaign.letters.models import Letter
from campaign.moderation import (
    audit_display,
    auditlog,
    bp,
    contacts,
    edits,
    labels,
    merges,
    registry,
    resend,
    signals,
)
from campaign.moderation.forms import ContactForm, EditForm
from campaign.moderation.views_common import signature_of
from campaign.signatures.models import CorrectionRequest, Signature
from campaign.signatures.states import SignatureError


def _page(
    letter: Letter,
    signature: Signature,
    form: EditForm | None = None,
    contact: ContactForm | None = None,
    status: int = 200,
    taken_by: Signature | None = None,
) -> tuple:
    """The signature's page; ``form`` and ``contact`` are the forms as sent, when one came
    back with errors, else both are filled in from the signature. ``taken_by`` is the
    sign-up whose address the contact form was refused."""
    found = signals.compute(db.session, letter.id)
    page = render_template(
        "moderation/signature.html",
        letter=letter,
        s=signature,
        form=form or _listing_form(signature),
        contact=contact or _contact_form(signature),
        taken_by=taken_by,
        flags=found.flags.get(signature.id, signature.flags or []),
        undelivered=found.undelivered.get(signature.id),
        history=audit_display.present(
            db.session,
            auditlog.signature_history(db.session, signature.id),
            letter,
            current_user.id,
        ),
        merged=auditlog.merged_rows(db.session, signature.id),
        kept=merges.undo_choices(db.session, signature),
        requests=auditlog.requests_for(db.session, signature.id),
        known=registry.known_for(db.session, signature),
        labels=labels,
        action=ActionForm(),
    )
    return page, status


def _listing_form(s: Signature) -> EditForm:
    return EditForm(
        formdata=None,
        kind=s.kind,
        name=s.name,
        country=s.country or "",
        org_type=s.org_type.value if s.org_type else "",
        ecosoc_status=s.ecosoc_status.value,
        version=s.version,
    )


def _contact_form(s: Signature) -> ContactForm:
    return ContactForm(
        formdata=None,
        has_address=bool(s.contact_email),
        contact_name=s.contact_name,
        contact_role=s.contact_role,
        contact_email=s.contact_email or "",
        version=s.version,
    )


@bp.route("/moderation/signatures/<int:sid>")
@letter_role_required(Role.moderator)
def signature(letter: Letter, sid: int) -> tuple:
    return _page(letter, signature_of(letter, sid))


@bp.route("/moderation/signatures/<int:sid>/edit", methods=["POST"])
@letter_role_required(Role.moderator)
def edit(letter: Letter, sid: int) -> tuple | Response:
    s = signature_of(letter, sid)
    form = EditForm(kind=s.kind)
    if not form.validate_on_submit():
        return _page(letter, s, form, status=400)
    if form.changed_since_shown(s.version):
        return _page(letter, s, form, status=409)
    edits.edit(db.session, s, form.changes(), current_user)
    db.session.commit()
    flash(_("Correction saved."), "success")
    return redirect(url_for(".signature", slug=letter.slug, sid=s.id))


@bp.route("/moderation/signatures/<int:sid>/contact", methods=["POST"])
@letter_role_required(Role.moderator)
def correct_contact(letter: Letter, sid: int) -> tuple | Response:
    s = signature_of(letter, sid)
    form = ContactForm(has_address=bool(s.contact_email))
    if not form.validate_on_submit():
        return _page(letter, s, contact=form, status=400)
    if form.changed_since_shown(s.version):
        return _page(letter, s, contact=form, status=409)
    try:
        sent_to = contacts.correct_contact(
            db.session,
            s,
            name=form.contact_name.data or "",
            role=form.contact_role.data or "",
            address=form.contact_email.data or None,
            actor=current_user,
        )
    except contacts.AddressTaken as error:
        db.session.rollback()
        form.contact_email.errors = [*form.contact_email.errors, str(error.message)]
        return _page(letter, s, contact=form, status=409, taken_by=error.other)
    except SignatureError as error:  # withdrawn, rejected or merged meanwhile
        db.session.rollback()
        flash(str(error.message), "error")
        return redirect(url_for(".signature", slug=letter.slug, sid=s.id))
    db.session.commit()
    saved = (
        _("Contact saved. Its links are on their way to %(email)s.", email=sent_to)
        if sent_to
        else _("Contact saved.")
    )
    flash(saved, "success")
    return redirect(url_for(".signature", slug=letter.slug, sid=s.id))


@bp.route("/moderation/requests/<int:rid>/<any(apply, dismiss):outcome>", methods=["POST"])
@letter_role_required(Role.moderator)
def resolve_request(letter: Letter, rid: int, outcome: str) -> Response:
    """Back on the page of the entry the request was shown on (the row a merge kept, for a
    signer whose sign-up was merged into it), telling of any sign-up a withdrawal left
    awaiting a decision."""
    found = db.session.get(CorrectionRequest, rid)
    if found is None or found.signature.letter_id != letter.id:
        abort(404)
    if not ActionForm().validate_on_submit():
        abort(400)
    shown_on = edits.listed_row(db.session, found.signature).id
    try:
        others = edits.resolve(db.session, found, outcome == "apply", current_user)
    except SignatureError as error:
        flash(str(error.message), "error")
    else:
        db.session.commit()
        flash(_("Request applied.") if outcome == "apply" else _("Request dismissed."), "success")
        if others:
            flash(_left_awaiting(others), "warning")
    return redirect(url_for(".signature", slug=letter.slug, sid=shown_on))


def _left_awaiting(others: list[Signature]) -> str:
    names = ", ".join(f"{s.name} (#{s.id})" for s in others)
    return ngettext(
        "The entry has left the list. This other sign-up of the organisation did not ask to "
        "withdraw: it now stands on its own, awaiting your decision: %(names)s.",
        "The entry has left the list. These %(num)d other sign-ups of the organisation did "
        "not ask to withdraw: each now stands on its own, awaiting your decision: %(names)s.",
        len(others),
        names=names,
    )


@bp.route("/moderation/signatures/<int:sid>/resend", methods=["POST"])
@letter_role_required(Role.moderator)
def resend_confirmation(letter: Letter, sid: int) -> Response:
    s = signature_of(letter, sid)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        address = resend.send_confirmation_again(db.session, s, current_user)
    except SignatureError as error:
        flash(str(error.message), "error")
    else:
        db.session.commit()
        flash(_("A new confirmation email is on its way to %(email)s.", email=address), "success")
    return redirect(url_for(".signature", slug=letter.slug, sid=s.id))
