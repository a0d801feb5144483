"""How the outbox treats what the SMTP server answers, and senders that overlap."""

from __future__ import annotations

import time
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from campaign.cli import main
from campaign.db import db, utcnow
from campaign.mail_delivery import _claim, _deliver, in_short, send_due
from campaign.mail_models import OutboxMessage, OutboxStatus
from campaign.signatures.models import SignatureStatus
from tests.smtp import SmtpServer
from tests.workers import outbox_worker, wait_for


@pytest.fixture
def config_overrides(mail_settings):
    return mail_settings


def queued(*recipients: str) -> list[OutboxMessage]:
    """Messages ready to go (already written), as the outbox holds them."""
    messages = [
        OutboxMessage(
            template="signature_confirm",
            language="en",
            recipient=recipient,
            subject=f"For {recipient}",
            body_text="Please confirm.",
        )
        for recipient in recipients
    ]
    db.session.add_all(messages)
    db.session.commit()
    return messages


def fresh(message: OutboxMessage) -> OutboxMessage:
    db.session.expire_all()
    return db.session.get(OutboxMessage, message.id)


def test_a_permanent_refusal_is_given_up_at_once_and_a_temporary_one_retried(app, smtp):
    smtp.inbox.refusals = {
        "gone@example.org": "550 5.1.1 No such user here",
        "busy@example.org": "450 4.2.0 Mailbox busy, try later",
    }
    gone, busy, fine = queued("gone@example.org", "busy@example.org", "fine@example.org")
    assert send_due(db.session, force=True) == 1
    assert fresh(gone).status is OutboxStatus.failed and fresh(gone).attempts == 0
    assert "550" in fresh(gone).last_error and "No such user" in fresh(gone).last_error
    assert in_short(fresh(gone).last_error) == "550 5.1.1 No such user here"
    assert fresh(busy).status is OutboxStatus.queued and fresh(busy).attempts == 1
    assert fresh(fine).status is OutboxStatus.sent
    assert [m["To"] for m in smtp.inbox.messages] == ["fine@example.org"]


def test_a_message_refused_for_good_after_data_is_given_up_and_for_now_retried(app, smtp, runner):
    smtp.inbox.data_refusals = {
        "spam@example.org": "554 5.7.1 Message rejected as spam",
        "full@example.org": "452 4.3.1 Insufficient system storage",
    }
    spam, full = queued("spam@example.org", "full@example.org")
    assert "sent 0" in runner.invoke(main, args=["outbox", "send", "--now"]).output
    assert fresh(spam).status is OutboxStatus.failed and "554" in fresh(spam).last_error
    assert in_short(fresh(spam).last_error) == "554 5.7.1 Message rejected as spam"
    assert fresh(full).status is OutboxStatus.queued and fresh(full).attempts == 1
    assert smtp.inbox.messages == []
    status = runner.invoke(main, args=["outbox", "status"]).output
    assert "failed #" in status and "spam@example.org" in status and "full@" not in status


@pytest.mark.parametrize(
    ("last_error", "short"),
    [
        (
            "SMTPRecipientsRefused: {'a@b.example': (550, b'5.1.1\\nno such user')}",
            "550 5.1.1 no such user",
        ),
        ('refused: SMTPDataError: (554, b"5.7.1 Don\'t send that")', "554 5.7.1 Don't send that"),
        (
            "ConnectionRefusedError: [Errno 111]\n Connection refused",
            "ConnectionRefusedError: [Errno 111] Connection refused",
        ),
        ("cannot be sent: " + "x" * 300, "x" * 159 + "…"),
    ],
)
def test_a_given_up_message_is_told_in_short_by_the_servers_answer(last_error, short):
    assert in_short(last_error) == short


def test_a_message_another_sender_took_after_this_ones_lease_ended_is_sent_once(app, smtp):
    """A batch slower than its lease: the other sender re-claims and sends what this one has
    not reached; this one, coming to it, finds it no longer holds it and leaves it."""
    first, second = queued("first@example.org", "second@example.org")
    now = utcnow()
    mine = _claim(db.session, [first.id, second.id], now)
    batch = list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(mine))))
    with Session(db.engine) as other:  # the other sender, once the lease on the second ends
        other.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == second.id)
            .values(locked_until=now - timedelta(seconds=1))
        )
        other.commit()
        assert send_due(other, [second.id]) == 1
    assert _deliver(db.session, batch) == 1
    assert sorted(m["To"] for m in smtp.inbox.messages) == [
        "first@example.org",
        "second@example.org",
    ]
    assert fresh(first).status is fresh(second).status is OutboxStatus.sent


def test_an_smtp_outage_leaves_alone_a_message_another_sender_took(app, smtp):
    """This sender cannot connect; it records the failure on what it still holds, not on the
    message another sender took once this one's lease on it ended (clearing that sender's
    lease would let a third take and send it too)."""
    first, second = queued("first@example.org", "second@example.org")
    mine = _claim(db.session, [first.id, second.id], utcnow())
    batch = list(db.session.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(mine))))
    theirs = utcnow() + timedelta(minutes=5)
    with Session(db.engine) as other:  # the other sender's lease
        other.execute(
            update(OutboxMessage).where(OutboxMessage.id == second.id).values(locked_until=theirs)
        )
        other.commit()
    smtp.stop()
    assert _deliver(db.session, batch) == 0
    assert fresh(first).attempts == 1 and fresh(first).locked_until is None
    assert fresh(second).attempts == 0 and fresh(second).locked_until == theirs


def test_a_sender_domain_in_another_script_is_written_as_idna_2008(app, smtp):
    """ "straße.de" is xn--strae-oqa.de; IDNA 2003 would make it strasse.de, another domain."""
    app.config["MAIL_DEFAULT_SENDER"] = "Coalición <cartas@straße.de>"
    queued("someone@example.org")
    assert send_due(db.session, force=True) == 1
    [message] = smtp.inbox.messages
    assert message["From"].addresses[0].addr_spec == "cartas@xn--strae-oqa.de"
    assert message["From"].addresses[0].display_name == "Coalición"
    assert message["Message-ID"].endswith("@xn--strae-oqa.de>")


def worker(database_url: str, smtp: SmtpServer, lease_seconds: int):  # noqa: ANN201
    """A worker sending to ``smtp``, with a short lease."""
    return outbox_worker(database_url, MAIL_PORT=smtp.port, MAIL_LEASE_SECONDS=lease_seconds)


def statuses() -> list[OutboxStatus]:
    db.session.expire_all()
    return list(db.session.scalars(select(OutboxMessage.status).order_by(OutboxMessage.id)))


def all_sent() -> bool:
    return set(statuses()) == {OutboxStatus.sent}


def test_two_workers_and_a_batch_slower_than_its_lease_send_each_message_once(
    app, smtp, database_url
):
    """The first worker claims all eight, at half a second each; its lease (2 s) ends before
    it reaches the last ones, which the second worker claims and sends: the first, coming
    to them, finds it no longer holds them and leaves them."""
    smtp.inbox.pause = 0.5
    recipients = [f"org{n}@example.org" for n in range(8)]
    queued(*recipients)
    with worker(database_url, smtp, lease_seconds=2):
        wait_for(lambda: smtp.inbox.messages)  # the first has claimed the batch
        with worker(database_url, smtp, lease_seconds=2):
            wait_for(all_sent)
            time.sleep(2.5)  # time for a second copy of anything, were one on its way
    assert sorted(m["To"] for m in smtp.inbox.messages) == sorted(recipients)


def test_a_worker_killed_mid_batch_repeats_at_most_the_message_in_flight(app, smtp, database_url):
    """Each send is recorded as soon as the server has answered: killed while waiting for the
    server's answer to the third message (which the server has kept), the worker leaves two
    recorded as sent and only the third to be sent again, by the next worker after the
    lease."""
    smtp.inbox.gate.clear()
    smtp.inbox.answer_held_from = 2
    recipients = [f"org{n}@example.org" for n in range(5)]
    queued(*recipients)
    with worker(database_url, smtp, lease_seconds=2) as first:
        wait_for(lambda: len(smtp.inbox.messages) == 3)  # the third kept, not answered
        first.kill()
        first.wait(timeout=30)
    smtp.inbox.gate.set()
    assert statuses() == [OutboxStatus.sent] * 2 + [OutboxStatus.queued] * 3
    with worker(database_url, smtp, lease_seconds=2):
        wait_for(all_sent)
    counts = Counter(m["To"] for m in smtp.inbox.messages)
    assert counts == {**dict.fromkeys(recipients, 1), "org2@example.org": 2}


def test_a_refused_sender_backs_off_every_message_to_go_once_the_settings_are_right(
    app, smtp, make
):
    """ "550 sender not permitted" is about this server's settings, not a message: nothing is
    given up, and all of it goes once the sender is put right."""
    from campaign.signatures import emails

    letter = make.letter("carta")
    for address in ("first@example.org", "second@example.org"):
        signature = make.signature(letter, status=SignatureStatus.pending, contact_email=address)
        emails.queue_confirmation(db.session, signature.id, address, "en")
    db.session.commit()
    smtp.inbox.sender_refusal = "550 5.7.1 Sender not permitted"
    assert send_due(db.session, force=True) == 0
    messages = db.session.scalars(select(OutboxMessage)).all()
    assert [m.status for m in messages] == [OutboxStatus.queued] * 2
    assert all(m.attempts == 1 and "550" in m.last_error for m in messages)
    smtp.inbox.sender_refusal = ""
    assert send_due(db.session, force=True) == 2
