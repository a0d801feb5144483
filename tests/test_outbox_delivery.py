"""How the outbox treats what the SMTP server answers, and senders that overlap."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from campaign.db import db, utcnow
from campaign.mail_delivery import _claim, _deliver, send_due
from campaign.mail_models import OutboxMessage, OutboxStatus


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
    assert fresh(busy).status is OutboxStatus.queued and fresh(busy).attempts == 1
    assert fresh(fine).status is OutboxStatus.sent
    assert [m["To"] for m in smtp.inbox.messages] == ["fine@example.org"]


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


def test_a_sender_domain_in_another_script_is_written_as_idna_2008(app, smtp):
    """"straße.de" is xn--strae-oqa.de; IDNA 2003 would make it strasse.de, another domain."""
    app.config["MAIL_DEFAULT_SENDER"] = "Coalición <cartas@straße.de>"
    queued("someone@example.org")
    assert send_due(db.session, force=True) == 1
    [message] = smtp.inbox.messages
    assert message["From"].addresses[0].addr_spec == "cartas@xn--strae-oqa.de"
    assert message["From"].addresses[0].display_name == "Coalición"
    assert message["Message-ID"].endswith("@xn--strae-oqa.de>")
