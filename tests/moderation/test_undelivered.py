"""Sign-ups whose confirmation email could not be delivered: flagged in the queue, the reason
on the signature's page, and the confirmation sent again by a moderator."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.cli import main
from campaign.db import db, utcnow
from campaign.mail_models import OutboxStatus
from campaign.moderation import digest
from campaign.moderation.decisions import decide
from campaign.signatures import changes
from campaign.signatures.models import Signature
from campaign.signatures.models import SignatureStatus as S
from tests.moderation.conftest import console, entries, fresh, outbox, page_of
from tests.signatures.conftest import confirm, form_data

LOST = "lucia@proderechos.example.org"
REFUSAL = "550 5.1.1 No such user here"
FLAG = "Email not delivered"


@pytest.fixture
def config_overrides(mail_settings):
    return {**mail_settings, "SIGN_MIN_SECONDS": 0}


def resend_url(signature: Signature) -> str:
    return f"{page_of(signature)}/resend"


def names_on(page: str, *candidates: str) -> set[str]:
    return {name for name in candidates if f">{name}</a>" in page}


def test_a_refused_confirmation_is_flagged_explained_and_sent_again_once_the_server_takes_it(
    client, make, letter, login_as, smtp
):
    smtp.inbox.refusals = {LOST: REFUSAL}
    assert client.post("/en/letters/carta/sign", data=form_data()).status_code == 302
    assert smtp.inbox.messages == []
    [failed] = outbox(LOST)
    assert failed.status is OutboxStatus.failed
    signature = db.session.scalars(select(Signature)).one()
    delivered = make.signature(letter, "Delivered Org", status=S.pending)
    make.signer_email(delivered, OutboxStatus.sent)

    public = client.get("/en/letters/carta").get_data(True)
    login_as(make.user("mod@example.org", roles={letter: Role.moderator}))
    queue = client.get(console()).get_data(True)
    assert names_on(queue, "Asociación Pro Derechos", "Delivered Org") == {
        "Asociación Pro Derechos"
    }
    assert f'<span class="badge warn">{FLAG}</span>' in queue
    assert '<option value="email_not_delivered">Email not delivered</option>' in queue
    found = client.get(console() + "?status=all&flag=email_not_delivered").get_data(True)
    assert names_on(found, "Asociación Pro Derechos", "Delivered Org") == {
        "Asociación Pro Derechos"
    }

    page = client.get(page_of(signature)).get_data(True)
    assert REFUSAL in page and LOST in page
    assert "SMTPRecipientsRefused" not in page  # the server's answer, not Python's
    assert "Send the confirmation email again" in page

    smtp.inbox.refusals = {}  # the signer's server is put right
    answer = client.post(resend_url(signature), follow_redirects=True).get_data(True)
    assert f"A new confirmation email is on its way to {LOST}." in answer
    assert [m.status for m in outbox(LOST)] == [OutboxStatus.failed, OutboxStatus.sent]
    [entry] = entries("confirmation_resent")
    assert entry.signature_id == signature.id and entry.actor_label == "mod@example.org"
    assert entry.detail == REFUSAL  # the answer, as it holds no address
    log = client.get(f"/manage/letters/{letter.slug}/audit").get_data(True)
    assert "Confirmation email sent again" in log
    assert FLAG not in client.get(page_of(signature)).get_data(True)

    [message] = smtp.inbox.to(LOST)
    client.post("/logout")
    confirm(client, smtp.inbox.links(message)[0])
    assert fresh(signature.id).status is S.confirmed
    for shown in (public, client.get("/en/letters/carta").get_data(True)):
        assert not [t for t in ("Asociación", FLAG, "550", LOST, "again") if t in shown]


def test_an_email_whose_retries_ran_out_is_explained_by_the_last_answer(
    app, client, letter, moderator, smtp
):
    app.config["MAIL_MAX_ATTEMPTS"] = 1
    smtp.inbox.refusals = {LOST: "450 4.2.0 Mailbox busy, try later"}
    client.post("/en/letters/carta/sign", data=form_data())
    [given_up] = outbox(LOST)
    assert given_up.status is OutboxStatus.failed and given_up.attempts == 1
    signature = db.session.scalars(select(Signature).filter_by(contact_email=LOST)).one()
    assert "450 4.2.0 Mailbox busy, try later" in client.get(page_of(signature)).get_data(True)


def test_only_sign_ups_awaiting_confirmation_whose_latest_email_failed_are_flagged(
    client, make, letter, moderator
):
    lost = make.signature(letter, "Lost Org", status=S.pending)
    make.signer_email(
        lost, OutboxStatus.failed, f"refused: SMTPRecipientsRefused: (550, b'{REFUSAL}')"
    )
    retried = make.signature(letter, "Retried Org", status=S.pending)
    make.signer_email(retried, OutboxStatus.failed, "ConnectionRefusedError: [Errno 111] refused")
    make.signer_email(retried, OutboxStatus.queued)
    confirmed = make.signature(letter, "Confirmed Org", status=S.confirmed)
    make.signer_email(confirmed, OutboxStatus.failed, "SMTPDataError: (554, b'5.7.1 Spam')")
    page = client.get(console() + "?status=all&flag=email_not_delivered").get_data(True)
    assert names_on(page, "Lost Org", "Retried Org", "Confirmed Org") == {"Lost Org"}


def test_sending_again_is_refused_for_a_sign_up_no_longer_awaiting_confirmation(
    client, make, letter, moderator
):
    signature = make.signature(letter, "Confirmed Org", status=S.confirmed)
    make.signer_email(signature, OutboxStatus.failed, "refused: 550 no such user")
    answer = client.post(resend_url(signature), follow_redirects=True).get_data(True)
    assert "Only a sign-up awaiting email confirmation can be sent its confirmation again." in (
        answer
    )
    assert len(outbox(signature.contact_email)) == 1
    assert entries("confirmation_resent") == []


@pytest.mark.parametrize("latest", [None, OutboxStatus.sent, OutboxStatus.queued])
def test_sending_again_is_refused_when_the_latest_email_did_not_fail(
    client, make, letter, moderator, latest
):
    """Nothing sent yet, the email went, or it was already sent again (a second press)."""
    signature = make.signature(letter, "Pending Org", status=S.pending)
    if latest is not None:
        make.signer_email(signature, OutboxStatus.failed, "refused: 550 no such user")
        make.signer_email(signature, latest)
    answer = client.post(resend_url(signature), follow_redirects=True).get_data(True)
    assert "Nothing to send again: the latest email to this signer did not fail." in answer
    assert len(outbox(signature.contact_email)) == (0 if latest is None else 2)
    assert entries("confirmation_resent") == []


def test_a_sign_up_sent_its_confirmation_again_is_kept_by_the_clean_up_for_the_full_time(
    client, make, letter, moderator, runner
):
    """Sending again counts as a touch, as a decision does: the signer gets the full time to
    confirm, where the sign-up left alone is deleted."""
    resent, left = (make.signature(letter, n, status=S.pending) for n in ("Resent", "Left"))
    for signature in (resent, left):
        signature.updated_at = utcnow() - timedelta(days=40)
        db.session.commit()
        make.signer_email(signature, OutboxStatus.failed, "refused: 550 no such user")
    ids = resent.id, left.id
    assert client.post(resend_url(resent)).status_code == 302
    assert "1 unconfirmed sign-up(s)" in runner.invoke(main, args=["cleanup"]).output
    assert fresh(ids[0]) is not None and fresh(ids[1]) is None


def test_sending_again_needs_the_pages_csrf_token(app, client, make, letter, moderator):
    app.config["WTF_CSRF_ENABLED"] = True
    signature = make.signature(letter, "Lost Org", status=S.pending)
    make.signer_email(signature, OutboxStatus.failed, "refused: 550 no such user")
    assert client.post(resend_url(signature)).status_code == 400
    assert len(outbox(signature.contact_email)) == 1
    page = client.get(page_of(signature)).get_data(True)
    form = re.search(r'action="[^"]+/resend".*?</form>', page, re.S)[0]
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', form)[1]
    assert client.post(resend_url(signature), data={"csrf_token": token}).status_code == 302
    assert len(outbox(signature.contact_email)) == 2
    assert len(entries("confirmation_resent")) == 1


def test_a_signature_of_another_letter_is_not_found(client, make, letter, moderator):
    elsewhere = make.signature(make.letter(), "Elsewhere", status=S.pending)
    make.signer_email(elsewhere, OutboxStatus.failed, "refused: 550 no such user")
    assert client.post(f"{console()}/signatures/{elsewhere.id}/resend").status_code == 404
    assert len(outbox(elsewhere.contact_email)) == 1


def test_the_audit_log_keeps_no_address_from_the_servers_answer(
    client, make, letter, login_as, smtp
):
    """Many servers quote the address they refuse; the audit entry outlives the sign-up and
    its mail, and keeps no contact address."""
    smtp.inbox.refusals = {LOST: f"550 5.1.1 <{LOST}>: Recipient address rejected"}
    assert client.post("/en/letters/carta/sign", data=form_data()).status_code == 302
    signature = db.session.scalars(select(Signature)).one()
    login_as(make.user("mod@example.org", roles={letter: Role.moderator}))
    assert LOST in client.get(page_of(signature)).get_data(True)  # staff see it there
    smtp.inbox.refusals = {}
    client.post(resend_url(signature), follow_redirects=True)  # its message shown once
    [entry] = entries("confirmation_resent")
    assert entry.detail == "550 5.1.1 <address>: Recipient address rejected"
    assert LOST not in client.get(f"/manage/letters/{letter.slug}/audit").get_data(True)


def test_a_signer_who_signs_again_and_is_not_reached_is_to_review_despite_the_old_decision(
    client, make, letter, login_as, smtp
):
    """Confirmed, approved, withdrawn, signed again: pending afresh with the old review kept,
    and the new confirmation refused. It must not hide behind the earlier decision."""
    assert client.post("/en/letters/carta/sign", data=form_data()).status_code == 302
    confirm(client, smtp.inbox.links(smtp.inbox.to(LOST)[0])[0])
    signature = db.session.scalars(select(Signature)).one()
    decide(db.session, signature, "approve", None)
    changes.withdraw(db.session, signature)
    db.session.commit()
    smtp.inbox.refusals = {LOST: REFUSAL}
    assert client.post("/en/letters/carta/sign", data=form_data()).status_code == 302
    assert fresh(signature.id).status is S.pending
    login_as(make.user("mod@example.org", roles={letter: Role.moderator}))
    assert names_on(client.get(console()).get_data(True), "Asociación Pro Derechos")
    assert digest.build(db.session, letter, None).flags.get("email_not_delivered") == 1
