"""Honeypot, minimum fill time, CSRF and rate limits."""

from __future__ import annotations

import re

from campaign.letters.models import LetterStatus
from campaign.signatures import tokens
from tests.i18n import translated
from tests.signatures.conftest import SESSION_ENDED, form_data, signatures


def test_filled_honeypot_gets_the_neutral_page_and_saves_nothing(make, sign, smtp):
    letter = make.letter("carta")
    response = sign(letter, homepage="http://spam.example")
    assert response.headers["Location"].endswith("/thanks")
    assert signatures() == [] and smtp.inbox.messages == []


def test_form_sent_too_soon_is_shown_again_with_its_values(make, sign, app):
    app.config["SIGN_MIN_SECONDS"] = 3600
    letter = make.letter("carta")
    response = sign(letter)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "take a moment" in page and 'value="Asociación Pro Derechos"' in page
    assert signatures() == []


def test_forged_start_time_counts_as_too_soon(make, sign):
    letter = make.letter("carta")
    assert sign(letter, started="1234.forged").status_code == 400
    assert sign(letter, started=None).status_code == 400
    assert signatures() == []


def test_start_time_is_signed(app):
    assert tokens.seconds_since_started(tokens.form_started()) >= 0
    assert tokens.seconds_since_started("form.AAAAAA.forged") is None


def test_post_without_csrf_token_is_refused(make, app, client):
    app.config["WTF_CSRF_ENABLED"] = True
    letter = make.letter("carta")
    response = client.post(f"/es/letters/{letter.slug}/sign", data=form_data())
    assert response.status_code == 400
    assert translated("es", SESSION_ENDED) in response.get_data(as_text=True)
    assert signatures() == []


def test_a_form_whose_session_was_lost_comes_back_as_typed_to_send_again(make, app, client):
    """A browser restarted, or a tab left for a day: the session cookie behind the form's
    token is gone. Nothing is saved, nothing typed is lost, and the second send goes through."""
    app.config["WTF_CSRF_ENABLED"] = True
    letter = make.letter("carta", texts={"es": ("Carta", "…")}, language="es")
    page = client.get("/es/letters/carta").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    client.delete_cookie("session")
    data = form_data(csrf_token=token, name="Red de Defensoras", contact_role="Enlace")
    response = client.post(f"/es/letters/{letter.slug}/sign", data=data)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert translated("es", SESSION_ENDED) in page
    for typed in ('value="Red de Defensoras"', 'value="Enlace"', 'value="lucia@proderechos'):
        assert typed in page
    assert signatures() == []
    fresh = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)[1]
    again = client.post(f"/es/letters/{letter.slug}/sign", data={**data, "csrf_token": fresh})
    assert again.status_code == 302
    assert [s.name for s in signatures()] == ["Red de Defensoras"]


def test_a_form_with_no_session_for_a_letter_or_link_that_does_not_exist_is_not_found(
    make, app, client
):
    app.config["WTF_CSRF_ENABLED"] = True
    make.letter("cerrada", status=LetterStatus.closed)
    assert client.post("/es/letters/nope/sign", data={"name": "x"}).status_code == 404
    assert client.post("/es/letters/cerrada/sign", data={"name": "x"}).status_code == 409
    assert client.post("/es/signatures/edit/forged", data={"name": "x"}).status_code == 404
    assert client.post("/es/signatures/withdraw/forged").status_code == 404
    assert signatures() == []
