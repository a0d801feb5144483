"""Honeypot, minimum fill time, CSRF and rate limits."""

from __future__ import annotations

from campaign.signatures import tokens
from tests.signatures.conftest import form_data, signatures


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
    assert "Este formulario ha caducado" in response.get_data(as_text=True)
    assert signatures() == []
