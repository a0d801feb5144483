"""``campaign outbox status``: the counts, then every message given up, with its reason."""

from __future__ import annotations

from campaign.cli import main
from campaign.db import db
from campaign.mail_models import OutboxMessage, OutboxStatus


def test_status_lists_each_message_given_up_with_its_recipient_and_reason(runner, app):
    db.session.add_all(
        [
            OutboxMessage(
                template="signature_confirm",
                language="es",
                recipient="lucia@proderechos.example.org",
                status=OutboxStatus.failed,
                attempts=20,
                last_error="SMTPRecipientsRefused: (550, b'5.1.1\\nno such user')",
            ),
            OutboxMessage(
                template="signature_repeat",
                language="en",
                recipient="ok@example.org",
                status=OutboxStatus.sent,
            ),
        ]
    )
    db.session.commit()
    output = runner.invoke(main, ["outbox", "status"]).output
    assert "failed: 1" in output and "sent: 1" in output
    [line] = [line for line in output.splitlines() if line.startswith("failed #")]
    assert "signature_confirm to lucia@proderechos.example.org" in line
    assert "20 attempts" in line and "(550, b'5.1.1\\nno such user')" in line
    assert "ok@example.org" not in output
