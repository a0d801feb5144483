"""Pages reached through the private links in a signer's emails: confirm, correct, withdraw."""

from __future__ import annotations

from flask import flash, g, redirect, render_template, request, session, url_for
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.wrappers import Response

from campaign.db import db
from campaign.errors import on_csrf_failure
from campaign.extensions import csrf
from campaign.i18n import _, _l
from campaign.signatures import changes, queries, services, tokens
from campaign.signatures.changes import Outcome
from campaign.signatures.forms import EditForm, WithdrawForm, refusal_message
from campaign.signatures.models import Signature, SignatureStatus

from . import bp

EDIT_MESSAGES = {
    Outcome.applied: lambda: _("Your corrections are saved."),
    Outcome.requested: lambda: _(
        "Sign-on has closed, so your corrections were sent to the coordinators for review."
    ),
    Outcome.combined: lambda: _(
        "Your sign-up was combined with another from the same organisation, so your "
        "corrections were sent to the coordinators for review."
    ),
    Outcome.unchanged: lambda: _("Nothing was changed: the form is as it was."),
    Outcome.refused: lambda: _("This signature can no longer be changed."),
}
WITHDRAW_MESSAGES = {
    Outcome.applied: lambda: _("Your signature is withdrawn. You can sign again at any time."),
    Outcome.requested: lambda: _(
        "Sign-on has closed, so your request to withdraw was sent to the coordinators."
    ),
    Outcome.combined: lambda: _(
        "Your sign-up was combined with another from the same organisation, so your request "
        "to withdraw was sent to the coordinators."
    ),
    Outcome.refused: lambda: _("This signature can no longer be changed."),
}
# Said when "Withdraw" was pressed on a page whose session had ended.
NOT_WITHDRAWN = _l(
    "Your signature was not withdrawn, because the page's session had ended. If you still "
    "want to withdraw it, press the button again."
)


def _invalid_link() -> tuple[str, int]:
    return render_template("signatures/link_invalid.html"), 404


def _position(signature: Signature) -> int | None:
    """The signature's number in the public list, if it is on it."""
    entries = queries.public_entries(db.session, signature.letter_id)
    listed = (
        entries.organisations if signature.kind.value == "organisation" else entries.individuals
    )
    return next((e.number for e in listed if e.signature_id == signature.id), None)


# The session's note that this browser has just confirmed a signature (its id): the page the
# confirmation redirects to shows that signature's private edit link once.
JUST_CONFIRMED = "just_confirmed"


@bp.route("/signatures/confirm/<token>", methods=["GET", "POST"])
@csrf.exempt  # the signed token in the address is the credential; a form token adds nothing
def confirm(token: str) -> str | Response | tuple[str, int]:
    """Opening the emailed link only shows what is about to be confirmed; the signer's press
    of the button confirms. Mail security scanners that open every link in a message (common
    in large organisations' mail) therefore cannot confirm a signature nobody agreed to.
    The press is answered with a redirect to the link itself, so Back or a reload on the
    page that follows never asks to send the form again."""
    signature = tokens.resolve(db.session, token, tokens.CONFIRM)
    if signature is None:
        return _invalid_link()
    if request.method == "POST":
        try:
            if services.confirm(db.session, signature):
                db.session.commit()
                session[JUST_CONFIRMED] = signature.id
        except StaleDataError:  # pressed twice on a slow line: the other press confirmed it
            db.session.rollback()
        return redirect(url_for(".confirm", token=token), 303)
    if signature.status is SignatureStatus.pending:
        return render_template("signatures/confirm.html", signature=signature)
    # Only the press that confirmed gets the edit link, shown once: the confirmation link
    # lives on in the mail (forwarded, or logged by a scanner) and must not keep handing it
    # out. The session holds no link, only the signature's id.
    just_confirmed = session.get(JUST_CONFIRMED) == signature.id
    if just_confirmed:
        session.pop(JUST_CONFIRMED)
    return render_template(
        "signatures/confirmed.html",
        signature=signature,
        just_confirmed=just_confirmed,
        accepting=services.accepting_signatures(signature.letter),
        number=_position(signature) if signature.is_public else None,
        edit_token=tokens.make(signature, tokens.EDIT) if just_confirmed else None,
    )


def _edit_form(signature: Signature, posted: bool = True) -> EditForm:
    """The corrections form: what was posted, if anything, over the signature as it is."""
    formdata = None if not posted else request.form or None
    return EditForm(formdata, obj=signature, kind=signature.kind, page_language=g.lang)


def _edit_page(signature: Signature, form: EditForm, token: str) -> tuple[str, int]:
    page = render_template(
        "signatures/edit.html",
        signature=signature,
        form=form,
        token=token,
        accepting=services.accepting_signatures(signature.letter),
        combined=changes.combined(db.session, signature),
    )
    return page, (400 if form.errors or request.method == "POST" else 200)


@bp.route("/signatures/edit/<token>", methods=["GET", "POST"])
def edit(token: str) -> str | Response | tuple[str, int]:
    signature = tokens.resolve(db.session, token, tokens.EDIT)
    if signature is None:
        return _invalid_link()
    form = _edit_form(signature)
    if form.validate_on_submit() and not form.changed_since_shown(signature.version):
        outcome = changes.correct(db.session, signature, form.details())
        db.session.commit()
        flash(EDIT_MESSAGES[outcome](), "success" if outcome is not Outcome.refused else "error")
        return redirect(url_for(".edit", token=token))
    return _edit_page(signature, form, token)


@on_csrf_failure("signatures.edit")
def edit_again() -> tuple[str, int]:
    """The session behind the page was lost: nothing is changed, and the page comes back
    (with the corrections as typed) to send again."""
    token = str((request.view_args or {}).get("token", ""))
    signature = tokens.resolve(db.session, token, tokens.EDIT)
    if signature is None:
        return _invalid_link()
    flash(refusal_message(), "error")
    return _edit_page(signature, _edit_form(signature, posted=True), token)


@on_csrf_failure("signatures.withdraw")
def withdraw_again() -> Response | tuple[str, int]:
    """The session behind the page was lost: the signature stays, and the signer is back on
    its page (at its own address, not the withdrawal's), to press the button again."""
    token = str((request.view_args or {}).get("token", ""))
    if tokens.resolve(db.session, token, tokens.EDIT) is None:
        return _invalid_link()
    flash(str(NOT_WITHDRAWN), "error")
    return redirect(url_for(".edit", token=token), 303)


def _withdraw_page(signature: Signature, token: str) -> str:
    """Asks the signer to confirm the withdrawal, or to keep the signature."""
    return render_template(
        "signatures/withdraw.html",
        signature=signature,
        form=WithdrawForm(formdata=None, confirm="1"),
        token=token,
        accepting=services.accepting_signatures(signature.letter),
        combined=changes.combined(db.session, signature),
    )


@bp.route("/signatures/withdraw/<token>")
def ask_withdraw(token: str) -> str | tuple[str, int]:
    """The private page's "Withdraw" leads here; nothing changes until the signer confirms."""
    signature = tokens.resolve(db.session, token, tokens.EDIT)
    if signature is None:
        return _invalid_link()
    return _withdraw_page(signature, token)


@bp.route("/signatures/withdraw/<token>", methods=["POST"])
def withdraw(token: str) -> str | Response | tuple[str, int]:
    """Withdraws once confirmed; a press without the confirmation (a page opened before the
    confirmation step existed) is sent to the question, by its address (303), so reloading
    it or going Back never posts again."""
    signature = tokens.resolve(db.session, token, tokens.EDIT)
    form = WithdrawForm()
    if signature is None or not form.validate_on_submit():
        return _invalid_link()
    if form.confirm.data != "1":
        return redirect(url_for(".ask_withdraw", token=token), code=303)
    outcome = changes.withdraw(db.session, signature)
    db.session.commit()
    flash(WITHDRAW_MESSAGES[outcome](), "success" if outcome is not Outcome.refused else "error")
    if outcome is Outcome.applied:
        return redirect(url_for("letters.letter_page", slug=signature.letter.slug))
    return redirect(url_for(".edit", token=token))
