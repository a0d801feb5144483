"""A sign-up made in time but confirmed after sign-on closed: confirmed (its signer signed in
time), never published without a moderator, whatever the letter's auto-approve setting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from campaign.accounts.models import Role
from campaign.db import db, utcnow
from campaign.letters import services as letters
from campaign.letters.models import LetterStatus
from campaign.signatures.models import SignatureStatus
from tests.i18n import translated
from tests.signatures.conftest import confirm, signatures

CLOSED = (
    "Sign-on has closed, so the coordinators will review your signature before it can appear "
    "in the public list."
)


def close(letter, how: str) -> None:
    """Sign-on ends: the coordinators close (or close and submit) the letter, or its deadline
    passes while it is still open."""
    if how == "deadline":
        letter.deadline = utcnow() - timedelta(minutes=1)
    else:
        letters.change_status(letter, LetterStatus.closed)
        if how == "submitted":
            letters.change_status(letter, LetterStatus.submitted)
    db.session.commit()


def listed(client) -> list[str]:
    page = client.get("/en/letters/carta").text
    return [name for name in ("Alpha Rights", "Asociación Pro Derechos") if name in page]


@pytest.mark.parametrize("how", ["closed", "submitted", "deadline"])
def test_a_sign_up_confirmed_after_sign_on_closed_waits_for_a_moderator(
    client, make, sign, smtp, login_as, how
):
    letter = make.letter("carta", auto_approve=True)
    make.signature(letter, "Alpha Rights")
    assert sign(letter, lang="es").status_code == 302
    close(letter, how)
    assert listed(client) == ["Alpha Rights"]

    page = confirm(client, smtp.inbox.links(smtp.inbox.messages[0])[0]).text
    signature = signatures()[-1]
    assert signature.status is SignatureStatus.confirmed
    assert signature.confirmed_at is not None and signature.approved_at is None
    assert listed(client) == ["Alpha Rights"]
    assert translated("es", "Signature confirmed") in page
    assert translated("es", CLOSED) in page
    assert "/signatures/edit/" in page  # its private link, shown once as usual

    login_as(make.user(roles={letter: Role.moderator}))
    queue = "/manage/letters/carta/moderation"
    assert f"/signatures/{signature.id}" in client.get(queue).text
    client.post(queue + "/decide", data={"decide": f"approve:{signature.id}"})
    assert listed(client) == ["Alpha Rights", "Asociación Pro Derechos"]


def test_a_sign_up_confirmed_while_sign_on_is_open_is_still_approved_at_once(
    client, make, sign, smtp
):
    letter = make.letter("carta", auto_approve=True, deadline=utcnow() + timedelta(days=1))
    sign(letter, lang="es")
    page = confirm(client, smtp.inbox.links(smtp.inbox.messages[0])[0]).text
    assert translated("es", CLOSED) not in page
    assert signatures()[0].status is SignatureStatus.approved
    assert listed(client) == ["Asociación Pro Derechos"]
