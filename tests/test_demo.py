"""``campaign demo``: an open, self-approving demo letter with signatories, and where mail goes."""

from __future__ import annotations

from campaign.cli import main
from campaign.db import db
from campaign.letters.models import Letter
from campaign.signatures.queries import public_entries


def test_demo_creates_a_signable_letter_and_says_where_mail_goes(runner):
    first = runner.invoke(main, ["demo"])
    again = runner.invoke(main, ["demo"])
    assert first.exit_code == again.exit_code == 0, first.output
    assert "Email (confirmation links) goes to SMTP server 127.0.0.1:" in first.output
    letter = db.session.scalar(Letter.by_slug("demo"))
    assert letter.auto_approve
    names = [e.name for e in public_entries(db.session, letter.id).organisations]
    assert names[:2] == ["Albergue Solidario", "Àltera Asociación"] and len(names) == 5
