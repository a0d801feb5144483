"""The private link: correct the entry or withdraw it; after closing, ask the moderators."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from campaign.db import db
from campaign.letters import services as letters
from campaign.letters.models import LetterStatus
from campaign.signatures.models import CorrectionRequest, RequestKind, SignatureStatus
from tests.i18n import translated
from tests.signatures.conftest import SESSION_ENDED, as_shown, confirm, path, signatures

NOT_WITHDRAWN = (
    "Your signature was not withdrawn, because the page's session had ended. If you still "
    "want to withdraw it, press the button again."
)


@pytest.fixture
def signed(client, make, sign, smtp):
    """A confirmed, listed signature (number 2 of 3) and its private edit link."""
    letter = make.letter("carta", auto_approve=True)
    make.signature(letter, "Alpha Rights")
    make.signature(letter, "Zulu Foundation")
    sign(letter)
    link, edit, _ = smtp.inbox.links(smtp.inbox.messages[0])
    confirm(client, link)
    return letter, path(edit)


def correction(name: str, **fields: str) -> dict[str, str]:
    """The edit form as posted, with the listed name changed to ``name``."""
    return {
        "name": name,
        "country": "ES",
        "org_type": "ngo",
        "ecosoc_status": "none",
        "contact_name": "Lucía Pérez",
        "language": "es",
        **fields,
    }


def numbered(client) -> list[str]:
    page = client.get("/es/letters/carta").get_data(as_text=True)
    return [line.strip() for line in page.splitlines() if line.strip().startswith("<li value=")]


def test_edit_link_shows_the_entry_with_private_headers(client, signed):
    _letter, edit = signed
    response = client.get(edit)
    page = response.get_data(as_text=True)
    assert 'value="Asociación Pro Derechos"' in page and "lucia@proderechos.example.org" in page
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert response.headers["Cache-Control"] == "no-store"


def test_corrected_name_shows_in_the_list_and_renumbers(client, signed):
    _letter, edit = signed
    assert "Asociación Pro Derechos" in numbered(client)[1]
    response = client.post(edit, data=correction("Zeta Asociación"))
    assert response.status_code == 302
    saved = translated("es", "Your corrections are saved.")
    assert saved in client.get(edit).get_data(as_text=True)
    lines = numbered(client)
    assert '<li value="2"><bdi class="name">Zeta Asociación</bdi>' in lines[1]
    assert "Zulu Foundation" in lines[2]
    [signature] = [s for s in signatures() if s.ip_address]
    assert signature.submitted_name == "Asociación Pro Derechos"  # what was first submitted
    assert signature.ecosoc_status.value == "none"


def test_edit_refuses_bad_values_and_keeps_them(client, signed):
    _letter, edit = signed
    response = client.post(edit, data={"name": "=cmd", "country": "ES", "org_type": "ngo"})
    assert response.status_code == 400
    assert 'value="=cmd"' in response.get_data(as_text=True)
    assert numbered(client)[1].count("Asociación Pro Derechos") == 1


def test_withdrawal_removes_the_entry_renumbers_and_revokes_the_link(client, signed):
    _letter, edit = signed
    response = client.post(edit.replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    assert response.status_code == 302
    lines = numbered(client)
    assert len(lines) == 2 and '<li value="2"><bdi class="name">Zulu Foundation' in lines[1]
    [signature] = [s for s in signatures() if s.ip_address]
    assert signature.status is SignatureStatus.withdrawn and signature.withdrawn_at is not None
    assert client.get(edit).status_code == 404


def test_one_press_of_withdraw_only_asks_to_confirm(client, signed):
    """WCAG 3.3.4: the private page's "Withdraw" leads to a question; a withdrawal posted
    without its confirmation (a page opened before the question existed) is sent to the
    question by its address, so Back or a reload there posts nothing again."""
    _letter, edit = signed
    withdraw = edit.replace("/edit/", "/withdraw/")
    unconfirmed = client.post(withdraw)
    assert (unconfirmed.status_code, unconfirmed.location) == (303, withdraw)
    assert [s.status for s in signatures() if s.ip_address] == [SignatureStatus.approved]
    assert f'id="withdraw" href="{withdraw}"' in client.get(edit).text
    for asked in (client.get(withdraw), client.post(withdraw, follow_redirects=True)):
        assert asked.status_code == 200
        page = asked.text
        assert translated("es", "Withdraw your signature?") in page
        assert f'<form method="post" action="{withdraw}">' in page
        assert 'name="confirm" type="hidden" value="1"' in page
        assert translated("es", "Yes, withdraw") in page
        assert f'href="{edit}">{translated("es", "Keep my signature")}</a>' in page
    assert [s.status for s in signatures() if s.ip_address] == [SignatureStatus.approved]
    assert len(numbered(client)) == 3 and client.get(edit).status_code == 200


def test_after_closing_corrections_and_withdrawals_go_to_moderators(client, signed):
    letter, edit = signed
    letters.change_status(letter, LetterStatus.closed)
    db.session.commit()
    data = {"name": "Nuevo Nombre", "country": "FR", "org_type": "ngo", "contact_name": "L P"}
    client.post(
        edit, data={**data, "ecosoc_status": "special", "language": "es", "consent_contact": "y"}
    )
    sent = translated(
        "es",
        "Sign-on has closed, so your corrections were sent to the coordinators for review.",
    )
    assert sent in client.get(edit).get_data(as_text=True)
    client.post(edit.replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    requests = db.session.scalars(select(CorrectionRequest).order_by(CorrectionRequest.id)).all()
    assert [r.kind for r in requests] == [RequestKind.correction, RequestKind.withdrawal]
    assert requests[0].changes == {"name": "Nuevo Nombre", "country": "FR", "contact_name": "L P"}
    [signature] = [s for s in signatures() if s.ip_address]
    assert signature.name == "Asociación Pro Derechos"
    assert signature.status is SignatureStatus.approved


def test_a_form_sent_back_unchanged_asks_nothing_of_the_moderators(client, signed):
    letter, edit = signed
    letters.change_status(letter, LetterStatus.closed)
    db.session.commit()
    [signature] = [s for s in signatures() if s.ip_address]
    client.post(edit, data=as_shown(signature))
    page = client.get(edit).get_data(as_text=True)
    assert translated("es", "Nothing was changed: the form is as it was.") in page
    assert db.session.scalars(select(CorrectionRequest)).all() == []


def _token(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]


def test_a_correction_whose_session_was_lost_comes_back_as_typed(app, client, signed):
    """The edit page left open for days: its session is gone. Nothing changes; the page comes
    back with the correction as typed and a fresh token."""
    _letter, edit = signed
    app.config["WTF_CSRF_ENABLED"] = True
    token = _token(client.get(edit).text)
    client.delete_cookie("session")
    data = correction("Nuevo Nombre", csrf_token=token)
    response = client.post(edit, data=data)
    assert response.status_code == 400
    assert translated("es", SESSION_ENDED) in response.text
    assert 'value="Nuevo Nombre"' in response.text
    assert response.headers["Cache-Control"] == "no-store"  # still a private page
    [signature] = [s for s in signatures() if s.ip_address]
    assert signature.name == "Asociación Pro Derechos"

    assert client.post(edit, data={**data, "csrf_token": _token(response.text)}).status_code == 302
    assert [s.name for s in signatures() if s.ip_address] == ["Nuevo Nombre"]


def test_a_withdrawal_whose_session_was_lost_says_so_and_leads_back_to_the_page(
    app, client, signed
):
    """ "Withdraw" pressed on a page whose session is gone: the signature stays, and the signer
    is back on the signature's own page, told that it was not withdrawn, to press again."""
    _letter, edit = signed
    app.config["WTF_CSRF_ENABLED"] = True
    token = _token(client.get(edit).text)
    client.delete_cookie("session")
    refused = client.post(
        edit.replace("/edit/", "/withdraw/"), data={"csrf_token": token, "confirm": "1"}
    )
    assert refused.status_code == 303 and path(refused.location) == edit
    assert [s.status for s in signatures() if s.ip_address] == [SignatureStatus.approved]
    page = client.get(edit).text
    assert translated("es", NOT_WITHDRAWN) in page
    assert translated("es", SESSION_ENDED) not in page

    withdrawn = client.post(
        edit.replace("/edit/", "/withdraw/"), data={"csrf_token": _token(page), "confirm": "1"}
    )
    assert withdrawn.status_code == 302
    assert [s.status for s in signatures() if s.ip_address] == [SignatureStatus.withdrawn]


def _deleted_then_renumbered(make, sign, runner, backend, before_cleanup=None) -> None:  # noqa: ANN001
    """A sign-up left unconfirmed for 40 days is deleted by ``campaign cleanup``; a later
    one then signs, and on SQLite takes its number. ``before_cleanup()`` runs first."""
    from datetime import timedelta

    from campaign.cli import main
    from campaign.db import utcnow

    letter = make.letter("carta")
    sign(letter, contact_email="first@example.org", name="First Try")
    [first] = signatures()
    if before_cleanup is not None:
        before_cleanup()
    first.updated_at = first.created_at = utcnow() - timedelta(days=40)
    db.session.commit()
    assert "1 unconfirmed sign-up(s)" in runner.invoke(main, args=["cleanup"]).output
    sign(letter, contact_email="victim@example.org", name="Victim Org")
    [victim] = signatures()
    if backend == "sqlite":
        assert victim.id == first.id  # the number was given again


def test_an_email_never_sent_to_a_deleted_sign_up_never_carries_a_later_ones_links(
    app, make, sign, smtp, runner, backend
):
    """Mail that could not go (SMTP down) about a sign-up deleted as unconfirmed is deleted
    with it: sent later, it would be rendered from whichever signature took the number."""
    from campaign.cli import main

    app.config["MAIL_SEND_AFTER_REQUEST"] = "off"  # nothing goes until the outbox is sent
    _deleted_then_renumbered(make, sign, runner, backend)
    assert "sent 1" in runner.invoke(main, args=["outbox", "send", "--now"]).output
    assert smtp.inbox.to("first@example.org") == []
    assert len(smtp.inbox.to("victim@example.org")) == 1


def test_an_old_link_never_opens_a_later_signature_that_took_its_number(
    client, make, sign, smtp, runner, backend
):
    """Unconfirmed sign-ups are deleted after a month, their edit links last a year, and
    SQLite gives a deleted row's id to the next one: the old link must not follow the id."""
    links: list[str] = []
    _deleted_then_renumbered(
        make,
        sign,
        runner,
        backend,
        before_cleanup=lambda: links.extend(smtp.inbox.links(smtp.inbox.messages[0])),
    )
    first_edit = links[1]
    response = client.get(path(first_edit))
    assert response.status_code == 404
    assert "victim@example.org" not in response.get_data(as_text=True)
    withdrawn = client.post(path(first_edit).replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    assert withdrawn.status_code == 404
    assert signatures()[0].status is SignatureStatus.pending
