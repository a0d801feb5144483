"""The outbox: mail is stored with the signature, sent after commit, retried after an outage."""

from __future__ import annotations

import os
import sys
import threading
from datetime import timedelta

import pytest
from sqlalchemy import delete, event, select

from campaign.cli import main
from campaign.db import db
from campaign.mail_delivery import backoff, send_due
from campaign.mail_models import OutboxMessage, OutboxStatus
from campaign.mail_sender import NICENESS
from campaign.moderation.decisions import decide
from campaign.signatures.models import Signature, SignatureStatus
from tests.signatures.conftest import confirm, path, signatures


def outbox() -> list[OutboxMessage]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


def test_mail_is_sent_right_after_the_request_commits(make, sign, smtp):
    sign(make.letter("carta"))
    [message] = outbox()
    assert message.status is OutboxStatus.sent and message.attempts == 1
    assert len(smtp.inbox.messages) == 1


def test_smtp_outage_keeps_signatures_and_delivers_when_the_server_is_back(
    make, sign, smtp, runner, app
):
    app.config["MAIL_RETRY_BASE_SECONDS"] = 0
    letter = make.letter("carta")
    smtp.stop()
    for n in range(3):
        assert sign(letter, contact_email=f"org{n}@example.org").status_code == 302
    assert len(signatures()) == 3
    assert [m.status for m in outbox()] == [OutboxStatus.queued] * 3
    assert all(m.attempts == 1 and "Connection refused" in m.last_error for m in outbox())

    smtp.start()
    result = runner.invoke(main, args=["outbox", "send"])
    assert "sent 3 message(s)" in result.output
    assert sorted(m["To"] for m in smtp.inbox.messages) == [f"org{n}@example.org" for n in range(3)]
    assert [m.status for m in outbox()] == [OutboxStatus.sent] * 3


def test_failed_message_waits_for_its_backoff_unless_forced(make, sign, smtp, runner):
    smtp.stop()
    sign(make.letter("carta"))
    smtp.start()
    assert "sent 0" in runner.invoke(main, args=["outbox", "send"]).output
    assert "sent 1" in runner.invoke(main, args=["outbox", "send", "--now"]).output
    assert len(smtp.inbox.messages) == 1


def test_backoff_doubles_up_to_a_cap(app):
    app.config.update(MAIL_RETRY_BASE_SECONDS=30, MAIL_RETRY_MAX_SECONDS=3600)
    assert [backoff(n) for n in (1, 2, 3)] == [timedelta(seconds=s) for s in (30, 60, 120)]
    assert backoff(20) == timedelta(seconds=3600)


def test_message_gives_up_after_the_last_attempt(make, sign, smtp, app):
    app.config.update(MAIL_MAX_ATTEMPTS=2, MAIL_RETRY_BASE_SECONDS=0)
    smtp.stop()
    sign(make.letter("carta"))
    send_due(db.session)
    [message] = outbox()
    assert message.status is OutboxStatus.failed and message.attempts == 2


def test_a_message_leased_by_one_sender_is_not_sent_by_another(make, sign, smtp, app):
    app.config["MAIL_SEND_AFTER_REQUEST"] = False
    smtp.stop()
    sign(make.letter("carta"))
    smtp.start()
    [message] = outbox()
    message.locked_until = message.created_at + timedelta(hours=1)
    db.session.commit()
    assert send_due(db.session, force=True) == 0
    assert smtp.inbox.messages == []


def test_console_backend_prints_mail(make, sign, app, capsys):
    app.config["MAIL_BACKEND"] = "console"
    sign(make.letter("carta"))
    out = capsys.readouterr().out
    assert "To: lucia@proderechos.example.org" in out and "/signatures/confirm/" in out


def test_queued_mail_is_rendered_in_the_signers_language_when_sent(make, sign, smtp, app, runner):
    app.config["MAIL_SEND_AFTER_REQUEST"] = False
    sign(make.letter("carta"), lang="es", language="fr")
    [message] = outbox()
    assert message.body_text == "" and message.context == {"signature_id": signatures()[0].id}

    assert "sent 1" in runner.invoke(main, args=["outbox", "send"]).output
    [message] = outbox()
    assert message.status is OutboxStatus.sent and '<html lang="fr"' in message.body_html
    assert "/fr/signatures/confirm/" in message.context["confirm_url"]
    assert message.context["confirm_url"] in smtp.inbox.text(smtp.inbox.messages[0])


def test_links_are_made_when_the_mail_goes_out_and_work(make, sign, smtp, app, client, runner):
    """After an outage longer than a link's lifetime, the mail still arrives with live links."""
    app.config.update(MAIL_SEND_AFTER_REQUEST=False, SIGN_CONFIRM_MAX_AGE=3600)
    sign(make.letter("carta"))
    [message] = outbox()
    message.created_at -= timedelta(days=30)  # queued a month ago, SMTP down since
    db.session.commit()
    assert "sent 1" in runner.invoke(main, args=["outbox", "send"]).output
    confirm_link = smtp.inbox.links(smtp.inbox.messages[0])[0]
    assert confirm(client, confirm_link).status_code == 200
    assert signatures()[0].status is not SignatureStatus.pending


def first_of_two_queued(app, make, sign, address: str) -> OutboxMessage:  # noqa: ANN001
    """Sign-ups from ``address`` and then fine@example.org, their confirmations left in the
    outbox (nothing sent after the requests); the first one's message."""
    app.config["MAIL_SEND_AFTER_REQUEST"] = False
    letter = make.letter("carta")
    sign(letter, contact_email=address)
    sign(letter, contact_email="fine@example.org")
    return outbox()[0]


def test_mail_about_a_deleted_signature_is_cancelled_without_blocking_others(make, sign, smtp, app):
    first_of_two_queued(app, make, sign, "gone@example.org")
    db.session.delete(signatures()[0])
    db.session.commit()
    assert send_due(db.session, force=True) == 1
    assert [m["To"] for m in smtp.inbox.messages] == ["fine@example.org"]
    gone = outbox()[0]
    assert gone.status is OutboxStatus.cancelled and "no longer exists" in gone.last_error


def test_a_message_that_cannot_be_rendered_backs_off_without_blocking_others(make, sign, smtp, app):
    broken = first_of_two_queued(app, make, sign, "broken@example.org")
    app.config["MAIL_RETRY_BASE_SECONDS"] = 0
    broken.template = "no_such_template"
    db.session.commit()
    assert send_due(db.session, force=True) == 1
    assert [m["To"] for m in smtp.inbox.messages] == ["fine@example.org"]
    broken = outbox()[0]
    assert broken.status is OutboxStatus.queued and broken.attempts == 1
    assert "TemplateNotFound" in broken.last_error


def test_a_message_that_can_never_be_sent_is_given_up_without_blocking_others(
    make, sign, smtp, app, runner
):
    """An address kept from before the forms refused accents before the @: the message is
    given up at once, with the reason, and the rest of the batch goes."""
    unsendable = first_of_two_queued(app, make, sign, "elodie@example.org")
    unsendable.recipient = "élodie@example.org"
    db.session.commit()
    result = runner.invoke(main, args=["outbox", "send", "--now"])
    assert result.exit_code == 0 and "sent 1 message(s)" in result.output
    assert [m["To"] for m in smtp.inbox.messages] == ["fine@example.org"]
    unsendable = outbox()[0]
    assert unsendable.status is OutboxStatus.failed and unsendable.attempts == 0
    assert "cannot be sent" in unsendable.last_error


@pytest.fixture
def background(app):
    """The deployed default: a sender thread of the web process sends committed mail."""
    app.config["MAIL_SEND_AFTER_REQUEST"] = "background"
    return app.extensions["campaign.mail_sender"]


def test_by_default_mail_goes_from_a_sender_thread_and_no_response_waits_for_smtp(
    make, sign, smtp, background
):
    smtp.inbox.gate.clear()  # the SMTP server holds each message until the gate opens
    try:
        response = sign(make.letter("carta"))
        assert response.status_code == 302  # answered while the server still holds the mail
        assert smtp.inbox.messages == []
    finally:
        smtp.inbox.gate.set()
    background.wait_idle()
    [mail] = smtp.inbox.to("lucia@proderechos.example.org")
    assert "/signatures/confirm/" in smtp.inbox.text(mail)
    [message] = outbox()
    assert message.status is OutboxStatus.sent and message.attempts == 1


def test_what_the_sender_thread_cannot_send_waits_in_the_outbox_for_the_worker(
    make, sign, smtp, background, runner
):
    smtp.stop()
    assert sign(make.letter("carta")).status_code == 302
    background.wait_idle()
    [message] = outbox()
    assert message.status is OutboxStatus.queued and message.attempts == 1
    assert message.locked_until is None and "Connection refused" in message.last_error
    smtp.start()
    assert "sent 1" in runner.invoke(main, args=["outbox", "send", "--now"]).output
    assert smtp.inbox.to("lucia@proderechos.example.org")


def test_many_requests_share_the_sender_thread_and_every_mail_goes_once(
    make, sign, smtp, background
):
    letter = make.letter("carta")
    for n in range(30):
        assert sign(letter, contact_email=f"c{n}@example.org").status_code == 302
    background.wait_idle()
    assert sorted(m["To"] for m in smtp.inbox.messages) == sorted(
        f"c{n}@example.org" for n in range(30)
    )
    assert {m.status for m in outbox()} == {OutboxStatus.sent}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="thread priorities are Linux's")
def test_the_sender_thread_runs_below_the_request_threads(make, sign, smtp, background):
    """On a busy machine the OS answers sign-ups before it renders and sends their mail."""
    sign(make.letter("carta"))
    background.wait_idle()
    here = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    sender = os.getpriority(os.PRIO_PROCESS, background.thread.native_id)
    assert sender == min(here + NICENESS, 19)


def test_a_batch_of_confirmations_reads_its_signatures_in_one_query(make, sign, smtp, app):
    app.config["MAIL_SEND_AFTER_REQUEST"] = "off"  # queue them all, then send as the worker does
    letter = make.letter("carta")
    for n in range(20):
        sign(letter, contact_email=f"c{n}@example.org")
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        assert send_due(db.session) == 20
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    assert len([s for s in statements if "FROM signatures" in s]) == 1
    assert len(smtp.inbox.messages) == 20


def test_a_retry_is_rendered_again_so_its_links_are_those_of_when_it_leaves(
    make, sign, smtp, app, client, runner
):
    """The first attempt (SMTP down) made the links; the signer then withdrew through the
    private link, which revokes them, and signed again. The first mail, when it finally
    goes, is made again: its links are the live ones."""
    smtp.stop()
    letter = make.letter("carta")
    sign(letter)
    [message] = outbox()
    assert message.attempts == 1 and message.context["edit_url"] in message.body_text
    first_edit = path(message.context["edit_url"])
    assert client.post(first_edit.replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    assert client.get(first_edit).status_code == 404  # revoked
    sign(letter)  # the same address again: pending afresh, its own confirmation queued

    smtp.start()
    assert "sent 2" in runner.invoke(main, args=["outbox", "send", "--now"]).output
    remade = outbox()[0].context["edit_url"]
    assert path(remade) != first_edit and remade in smtp.inbox.text(smtp.inbox.messages[0])
    for mail in smtp.inbox.messages:
        confirm_link, edit_link, *_ = smtp.inbox.links(mail)
        assert client.get(path(edit_link)).status_code == 200
    assert confirm(client, confirm_link).status_code == 200
    assert signatures()[0].status is SignatureStatus.confirmed


def test_a_confirmation_is_not_sent_once_its_signer_withdrew(make, sign, smtp, client, runner):
    """A signer who withdrew (through the link shown after signing) while the server was down
    is not asked afterwards to confirm what they withdrew; the operator sees it cancelled,
    not failed."""
    smtp.stop()
    sign(make.letter("carta"))
    [message] = outbox()
    edit = path(message.context["edit_url"])
    assert client.post(edit.replace("/edit/", "/withdraw/"), data={"confirm": "1"})

    smtp.start()
    assert "sent 0" in runner.invoke(main, args=["outbox", "send", "--now"]).output
    assert smtp.inbox.messages == []
    [message] = outbox()
    assert message.status is OutboxStatus.cancelled and "was withdrawn" in message.last_error
    status = runner.invoke(main, args=["outbox", "status"]).output
    assert "cancelled: 1" in status and "failed" not in status


def test_a_confirmation_is_not_sent_for_a_sign_up_rejected_before_it_was_confirmed(
    make, sign, smtp, runner
):
    """A spam wave typing strangers' addresses, rejected by a moderator during an outage:
    the strangers are not asked to confirm (the link could confirm nothing); the others'
    confirmations go."""
    smtp.stop()
    letter = make.letter("carta")
    sign(letter, contact_email="stranger@example.org")
    sign(letter, contact_email="real@example.org")
    spam = next(s for s in signatures() if s.contact_email == "stranger@example.org")
    decide(db.session, spam, "reject", None)
    db.session.commit()

    smtp.start()
    assert "sent 1" in runner.invoke(main, args=["outbox", "send", "--now"]).output
    assert [m["To"] for m in smtp.inbox.messages] == ["real@example.org"]
    cancelled = [m for m in outbox() if m.status is OutboxStatus.cancelled]
    assert [m.recipient for m in cancelled] == ["stranger@example.org"]
    assert "rejected before it was confirmed" in cancelled[0].last_error


def test_a_retry_whose_signature_is_gone_is_cancelled_not_sent_as_first_made(
    make, sign, smtp, runner
):
    smtp.stop()
    sign(make.letter("carta"))
    [message] = outbox()
    assert message.attempts == 1 and message.body_text
    db.session.execute(delete(Signature))
    db.session.commit()

    smtp.start()
    assert "sent 0" in runner.invoke(main, args=["outbox", "send", "--now"]).output
    assert smtp.inbox.messages == []
    [message] = outbox()
    assert message.status is OutboxStatus.cancelled and "nothing to send" in message.last_error
