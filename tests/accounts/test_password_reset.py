""" "Forgot your password?": a one-time, expiring link by email, in the language of the page
it was asked from; the page says the same whatever the address."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from campaign.db import db
from tests.conftest import login
from tests.factories import PASSWORD
from tests.i18n import translated

NEUTRAL = "If an account uses this address, a link to choose a new password is on its way."
NEW = "a brand new long password"


@pytest.fixture
def config_overrides(mail_settings: dict[str, object]) -> dict[str, object]:
    return mail_settings


def ask(client, email: str):  # noqa: ANN201
    response = client.post("/account/forgot", data={"email": email})
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    return client.get(response.headers["Location"]).get_data(as_text=True)


def reset_path(smtp, address: str) -> str:
    """The emailed link's path and query (which names the email's language)."""
    [message] = smtp.inbox.to(address)
    [link] = [u for u in smtp.inbox.links(message) if "/account/reset/" in u]
    parts = urlsplit(link)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def test_the_emailed_link_sets_a_new_password_once(client, make, smtp):
    make.user("mod@example.org")
    assert translated("en", "Forgot your password?") in client.get("/login").get_data(as_text=True)
    assert translated("en", NEUTRAL) in ask(client, "MOD@example.org")
    [message] = smtp.inbox.to("mod@example.org")
    assert message["Subject"] == "Choose a new password"
    path = reset_path(smtp, "mod@example.org")

    chosen = client.post(path, data={"new": NEW, "confirm": NEW})
    assert chosen.status_code == 302 and chosen.headers["Location"] == "/manage/"
    client.post("/logout")
    old = client.post("/login", data={"email": "mod@example.org", "password": PASSWORD})
    assert old.status_code == 200
    assert (
        client.post("/login", data={"email": "mod@example.org", "password": NEW}).status_code == 302
    )
    assert client.get(path).status_code == 404  # used once


def test_a_new_password_through_the_link_ends_sessions_open_elsewhere(app, client, make, smtp):
    """The usual reason to reset: a password that leaked. Whoever was logged in with it,
    anywhere, is logged out."""
    make.user("mod@example.org")
    intruder = app.test_client()
    login(intruder, "mod@example.org")
    assert intruder.get("/manage/").status_code == 200
    ask(client, "mod@example.org")
    path = reset_path(smtp, "mod@example.org")
    assert client.post(path, data={"new": NEW, "confirm": NEW}).status_code == 302
    assert client.get("/manage/").status_code == 200
    assert intruder.get("/manage/").status_code == 302


def test_the_page_says_the_same_for_unknown_and_switched_off_addresses(client, make, smtp):
    make.user("gone@example.org").active = False
    db.session.commit()
    for email in ("nobody@example.org", "gone@example.org"):
        assert translated("en", NEUTRAL) in ask(client, email)
    assert smtp.inbox.messages == []


@pytest.mark.parametrize("switch", [True, False])
def test_the_link_is_written_in_the_language_of_the_page_it_was_asked_from(
    client, make, smtp, switch
):
    """Whoever asked reads the email: it speaks the page's language (chosen, or the
    browser's), not the one the account last used, and so does the page its link opens,
    even in another browser."""
    make.user("ar@example.org").language = "ar"
    db.session.commit()
    if switch:
        client.get("/language/fr?next=/login")
    else:
        client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "fr"
    ask(client, "ar@example.org")
    [message] = smtp.inbox.to("ar@example.org")
    assert message["Subject"] == translated("fr", "Choose a new password", escape=False)
    elsewhere = client.application.test_client()
    page = elsewhere.get(reset_path(smtp, "ar@example.org"), headers={"Accept-Language": "es"})
    assert translated("fr", "Choose your password") in page.get_data(as_text=True)


def test_an_expired_link_is_refused(client, make, smtp, app):
    app.config["STAFF_RESET_MAX_AGE"] = -1  # any link is already too old
    make.user("mod@example.org")
    ask(client, "mod@example.org")
    response = client.get(reset_path(smtp, "mod@example.org"))
    assert response.status_code == 404


@pytest.mark.parametrize("email", ["not an address", "a\u202e@example.org", ""])
def test_bad_input_is_sent_back_with_a_message(client, email, smtp):
    response = client.post("/account/forgot", data={"email": email})
    assert response.status_code == 400
    assert "error-summary" in response.get_data(as_text=True)
    assert smtp.inbox.messages == []


def test_password_link_pages_are_not_cached_and_do_not_pass_the_link_on(client, make, smtp):
    make.user("mod@example.org")
    ask(client, "mod@example.org")
    for path in (reset_path(smtp, "mod@example.org"), "/account/reset/forged"):
        response = client.get(path)
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert response.headers["X-Robots-Tag"] == "noindex, nofollow"
        assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "guessable", ["mod@example.org!2024", "MODmodMOD77", "aaaaaaaaaaaa", "ab ab ab ab ab ab"]
)
def test_a_password_easy_to_guess_is_refused_with_a_message(client, make, smtp, guessable):
    """Long enough is not enough: the account's own address (or its name before "@"), or a
    few characters repeated, are what a guesser tries first. Nothing is saved."""
    user = make.user("mod@example.org")
    ask(client, "mod@example.org")
    path = reset_path(smtp, "mod@example.org")
    refused = client.post(path, data={"new": guessable, "confirm": guessable})
    assert refused.status_code == 200
    assert translated(
        "en",
        "Choose a password that is harder to guess: not your email address, and not "
        "a few characters repeated.",
    ) in refused.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(type(user), user.id).password_hash == user.password_hash
    assert client.post(path, data={"new": NEW, "confirm": NEW}).status_code == 302
