"""Staff accounts: login, logout, passwords, per-letter roles, CSRF and rate limits."""

import logging
import re

import pytest
from argon2 import PasswordHasher

from campaign.accounts import password_links
from campaign.accounts.models import Role, User
from campaign.db import db
from tests.conftest import login
from tests.factories import PASSWORD
from tests.i18n import translated


def test_passwords_are_stored_as_argon2(make):
    user = make.user("a@example.org")
    assert user.password_hash.startswith("$argon2id$")
    assert PasswordHasher().verify(user.password_hash, PASSWORD)


def test_login_and_logout(client, make):
    make.user("a@example.org")
    response = client.post("/login", data={"email": "A@Example.org ", "password": PASSWORD})
    assert response.headers["Location"] == "/manage/"
    assert client.get("/manage/").status_code == 200
    client.post("/logout")
    assert client.get("/manage/").status_code == 302


def test_signed_in_session_cookie_is_http_only_and_same_site(client, make):
    """Another site cannot have a browser send signed-in requests (CSRF, and the many
    requests a compression side channel would need on compressed staff pages)."""
    make.user("a@example.org")
    response = client.post("/login", data={"email": "a@example.org", "password": PASSWORD})
    [cookie] = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_wrong_password_is_refused_without_saying_which_part(client, make):
    make.user("a@example.org")
    wrong = client.post("/login", data={"email": "a@example.org", "password": "nope"})
    unknown = client.post("/login", data={"email": "b@example.org", "password": "nope"})
    assert wrong.status_code == unknown.status_code == 200
    assert "do not match" in wrong.get_data(as_text=True)
    assert "do not match" in unknown.get_data(as_text=True)


def test_inactive_account_cannot_log_in(client, make):
    user = make.user("a@example.org")
    user.active = False
    db.session.commit()
    response = client.post("/login", data={"email": "a@example.org", "password": PASSWORD})
    assert response.status_code == 200


def test_login_redirects_only_within_the_site(client, make):
    make.user("a@example.org")
    data = {"email": "a@example.org", "password": PASSWORD}
    assert client.post("/login?next=//evil.example", data=data).headers["Location"] == "/manage/"
    client.post("/logout")
    ok = client.post("/login?next=/manage/letters/new", data=data)
    assert ok.headers["Location"] == "/manage/letters/new"


# Addresses that start with one slash yet lead to another site once a browser reads them
# (control characters are dropped from the Location header on the way out).
ELSEWHERE = [
    "//evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "/\x7f/evil.example",
]


@pytest.mark.parametrize("target", ELSEWHERE)
def test_no_next_address_leads_to_another_site(client, make, target):
    make.user("a@example.org")
    query = {"next": target}
    switched = client.get("/language/fr", query_string=query)
    assert switched.status_code == 302 and switched.headers["Location"] == "/manage/"
    data = {"email": "a@example.org", "password": PASSWORD}
    logged_in = client.post("/login", query_string=query, data=data)
    assert logged_in.headers["Location"] == "/manage/"
    assert client.get("/language/es?next=/es/letters/").headers["Location"] == "/es/letters/"


def test_password_change(client, make, login_as):
    user = make.user("a@example.org")
    login_as(user)
    bad = client.post(
        "/account/password",
        data={"current": "wrong", "new": "a new password", "confirm": "a new password"},
    )
    assert "not right" in bad.get_data(as_text=True)
    short = client.post("/account/password", data={"current": PASSWORD, "new": "x", "confirm": "x"})
    assert short.status_code == 200 and "between" in short.get_data(as_text=True)
    ok = client.post(
        "/account/password",
        data={"current": PASSWORD, "new": "a new password", "confirm": "a new password"},
    )
    assert ok.status_code == 302
    client.post("/logout")
    assert (
        client.post(
            "/login", data={"email": "a@example.org", "password": "a new password"}
        ).status_code
        == 302
    )


def reaches_the_dashboard(client) -> bool:
    response = client.get("/manage/")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def test_a_new_password_ends_the_accounts_sessions_elsewhere_but_not_here(app, client, make):
    """Someone who changes their password because a device was lost or a password leaked
    ends every other session of the account, not their own."""
    make.user("a@example.org")
    elsewhere = app.test_client()
    login(elsewhere, "a@example.org")
    login(client, "a@example.org")
    new = "a new password for all"
    changed = client.post(
        "/account/password", data={"current": PASSWORD, "new": new, "confirm": new}
    )
    assert changed.status_code == 302
    assert translated(
        "en", "Your password has been changed, and other devices are logged out."
    ) in client.get(changed.headers["Location"]).get_data(as_text=True)
    assert reaches_the_dashboard(client)
    assert not reaches_the_dashboard(elsewhere)


def test_a_session_from_before_sessions_had_rows_logs_in_again(app, client, make):
    """Sessions begun before held "user id.epoch" (and older ones the bare id): they end,
    and logging in works as before."""
    user = make.user("a@example.org")
    login(client, "a@example.org")
    for held in (f"{user.id}.0", str(user.id)):
        with client.session_transaction() as session:
            session["_user_id"] = held
        assert not reaches_the_dashboard(client)
        login(client, "a@example.org")
        assert reaches_the_dashboard(client)


@pytest.mark.parametrize(
    "config_overrides", [{"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}]
)
def test_guessing_the_current_password_is_rate_limited(client, make, login_as, config_overrides):
    """A session left open is not a way to try passwords without end."""
    login_as(make.user("a@example.org"))
    wrong = {"current": "a wrong guess", "new": "a new password", "confirm": "a new password"}
    for _ in range(3):
        assert client.post("/account/password", data=wrong).status_code == 200
    response = client.post("/account/password", data=wrong)
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert "Please wait 1 minute, then try again." in response.get_data(as_text=True)


@pytest.fixture
def two_letters(make):
    return make.letter("alpha"), make.letter("beta")


EDIT_PAGES = ["/manage/letters/{slug}/texts/fr", "/manage/letters/{slug}"]
EDIT_POSTS = [
    "/manage/letters/{slug}/settings",
    "/manage/letters/{slug}/texts/fr",
    "/manage/letters/{slug}/status/closed",
    "/manage/letters/{slug}/texts/en/delete",
]


@pytest.mark.parametrize("url", EDIT_PAGES + EDIT_POSTS)
def test_coordinator_of_one_letter_is_refused_on_another(client, make, login_as, two_letters, url):
    alpha, beta = two_letters
    login_as(make.user(roles={alpha: Role.coordinator}))
    method = client.post if url in EDIT_POSTS else client.get
    assert method(url.format(slug="beta")).status_code == 403


@pytest.mark.parametrize("url", EDIT_POSTS)
def test_moderator_cannot_edit_the_letter(client, make, login_as, two_letters, url):
    alpha, _ = two_letters
    login_as(make.user(roles={alpha: Role.moderator}))
    assert client.post(url.format(slug="alpha")).status_code == 403


@pytest.mark.parametrize("url", EDIT_PAGES)
def test_anonymous_visitors_are_sent_to_login(client, two_letters, url):
    response = client.get(url.format(slug="alpha"))
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_admin_reaches_every_letter(client, make, login_as, two_letters):
    login_as(make.user(admin=True))
    assert client.get("/manage/letters/beta/texts/fr").status_code == 200


def test_unknown_letter_is_not_found_for_staff(client, make, login_as):
    login_as(make.user(admin=True))
    assert client.get("/manage/letters/nope").status_code == 404


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_forms_require_a_csrf_token(client, make, config_overrides):
    make.user("a@example.org")
    refused = client.post("/login", data={"email": "a@example.org", "password": PASSWORD})
    assert refused.status_code == 400
    assert "expired" in refused.get_data(as_text=True)
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    accepted = client.post(
        "/login", data={"email": "a@example.org", "password": PASSWORD, "csrf_token": token}
    )
    assert accepted.status_code == 302


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
@pytest.mark.parametrize("purpose", [password_links.WELCOME, password_links.RESET])
def test_a_password_link_sent_without_its_session_answers_in_the_accounts_language(
    client, make, config_overrides, purpose
):
    """The link opened in one browser and the form sent from another (or after the cookie
    was lost): the page comes back in the account's language, not the browser's, says why,
    and saves nothing; its fresh form then works."""
    user = make.user("nouvelle@example.org")
    user.language = "fr"
    db.session.commit()
    path = f"/account/{'welcome' if purpose == password_links.WELCOME else 'reset'}/"
    path += password_links.make(user, purpose)
    data = {"new": "a brand new passphrase", "confirm": "a brand new passphrase"}
    refused = client.post(path, data=data, headers={"Accept-Language": "en"})
    assert refused.status_code == 400
    page = refused.get_data(as_text=True)
    assert translated("fr", "Choose your password") in page
    assert (
        translated(
            "fr", "This form has expired or was sent from elsewhere. Reload the page and try again."
        )
        in page
    )
    db.session.expire_all()
    assert db.session.get(User, user.id).password_hash == user.password_hash
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post(path, data={**data, "csrf_token": token}).status_code == 302


@pytest.mark.parametrize(
    "config_overrides", [{"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}]
)
def test_login_is_rate_limited_with_a_friendly_page(client, make, config_overrides):
    for _ in range(3):
        client.post("/login", data={"email": "x@example.org", "password": "wrong"})
    response = client.post("/login", data={"email": "x@example.org", "password": "wrong"})
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert "Please wait 1 minute, then try again." in response.get_data(as_text=True)


@pytest.mark.parametrize(
    "config_overrides",
    [
        {
            "RATELIMIT_ENABLED": True,
            "LOGIN_RATE_LIMIT": "50 per minute",
            "LOGIN_ACCOUNT_RATE_LIMIT": "3 per minute",
        }
    ],
)
def test_guesses_at_one_account_from_many_networks_are_limited(
    client, make, config_overrides, caplog
):
    """Each guess from another address: the per-IP limit never trips, the account's does,
    and then even the right password waits (the page offers the emailed way in). Other
    accounts are not held up, and logins that succeed do not count."""
    make.user("a@example.org")
    make.user("b@example.org")

    def attempt(email, password, network):
        data = {"email": email, "password": password}
        return client.post("/login", data=data, environ_base={"REMOTE_ADDR": network})

    for n in range(3):
        assert attempt("b@example.org", PASSWORD, f"192.0.2.{n}").status_code == 302
        assert attempt(" A@Example.org", "wrong guess", f"198.51.100.{n}").status_code == 200
    with caplog.at_level(logging.INFO):
        refused = attempt("a@example.org", PASSWORD, "203.0.113.9")
    assert refused.status_code == 429
    tripped = [r.getMessage() for r in caplog.records if "exceeded" in r.getMessage()]
    assert tripped and not [m for m in tripped if "example.org" in m]  # no typed address
    page = refused.get_data(as_text=True)
    assert 0 < int(refused.headers["Retry-After"]) <= 60
    assert "Please wait 1 minute, then try again." in page and "Forgot your password?" in page
    assert 'value="a@example.org"' in page
    assert attempt("b@example.org", PASSWORD, "203.0.113.9").status_code == 302


@pytest.mark.parametrize(
    "config_overrides", [{"RATELIMIT_ENABLED": True, "LOGIN_RATE_LIMIT": "3 per minute"}]
)
def test_guesses_from_the_addresses_of_one_ipv6_network_are_limited_together(client, make):
    """One connection's /64 holds countless addresses: taking a new one for each guess
    does not escape the limit on logins from one network."""
    make.user("a@example.org")
    codes = [
        client.post(
            "/login",
            data={"email": f"guess{n}@example.org", "password": "wrong guess"},
            environ_base={"REMOTE_ADDR": f"2001:db8:5:6::{n + 1:x}"},
        ).status_code
        for n in range(4)
    ]
    assert codes == [200, 200, 200, 429]


def test_users_create_command(runner, make):
    make.letter("alpha")
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "M@Example.org",
            "--role",
            "moderator",
            "--letter",
            "alpha",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "password:" in result.output
    user = db.session.query(User).filter_by(email="m@example.org").one()
    assert user.roles[0].role is Role.moderator


def test_users_create_needs_a_letter_for_moderators(runner):
    result = runner.invoke(
        args=["users", "create", "--email", "m@example.org", "--role", "moderator"]
    )
    assert result.exit_code != 0
    assert "--letter" in result.output


def test_users_create_refuses_unknown_letter(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "m@example.org",
            "--role",
            "exporter",
            "--letter",
            "nope",
        ]
    )
    assert result.exit_code != 0 and "No letter" in result.output


def test_admin_created_from_the_shell(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "root@example.org",
            "--role",
            "admin",
            "--password",
            "long enough password",
        ]
    )
    assert result.exit_code == 0
    assert "password:" not in result.output
    assert db.session.query(User).filter_by(email="root@example.org").one().is_admin


@pytest.mark.parametrize(("fetched_from", "kept"), [("same-origin", "fr"), ("cross-site", "en")])
def test_only_our_own_pages_change_the_language_of_a_staff_members_emails(
    client, make, login_as, fetched_from, kept
):
    """A link on another site switches the pages this browser shows (a GET anyone can make
    it send), never the language the account is written to in."""
    user = make.user("a@example.org")
    login_as(user)
    assert db.session.get(User, user.id).language == "en"
    switched = client.get("/language/fr", headers={"Sec-Fetch-Site": fetched_from})
    assert switched.status_code == 302
    db.session.expire_all()
    assert db.session.get(User, user.id).language == kept
