"""Staff sessions, one per browser: logging out ends this browser's alone (a copy of its cookie
too), as does Flask-Login's protection dropping its login, a new password ends the others, a
password chosen through an emailed link or an account switched off ends them all; the
"Password" page lists them and logs out of the others; cleanup forgets those that are over.
Each client is a browser."""

from __future__ import annotations

import hashlib
import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from campaign import create_app
from campaign.accounts import devices, password_links
from campaign.accounts.models import StaffSession
from campaign.cli import main
from campaign.db import db, utcnow
from tests.conftest import IsolatedClient, test_config
from tests.factories import PASSWORD
from tests.i18n import translated
from tests.statements import recorded

FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
CHROME_ANDROID = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Mobile Safari/537.36"
)
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0"
)
SAFARI_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Safari/605.1.15"
)
FIREFOX_LINUX = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0"


def browser(app, agent: str = FIREFOX_WINDOWS, email: str | None = None):  # noqa: ANN001, ANN201
    """A browser of its own, which sends ``agent`` and, given ``email``, is logged in."""
    client = app.test_client()
    client.environ_base["HTTP_USER_AGENT"] = agent
    if email:
        response = client.post("/login", data={"email": email, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)[:300]
    return client


def copy_of(app, client):  # noqa: ANN001, ANN201
    """Another browser holding a copy of ``client``'s cookie (a stolen or left one)."""
    copy = browser(app, client.environ_base["HTTP_USER_AGENT"])
    copy.set_cookie("session", client.get_cookie("session").value)
    return copy


def logged_in(client) -> bool:  # noqa: ANN001
    status = client.get("/manage/").status_code
    assert status in (200, 302)
    return status == 200


def rows() -> list[StaffSession]:
    db.session.expire_all()
    return list(db.session.scalars(select(StaffSession).order_by(StaffSession.id)))


def key_of(client) -> str:  # noqa: ANN001
    with client.session_transaction() as session:
        return session["_user_id"]


def session_id(client) -> int:  # noqa: ANN001
    return int(key_of(client).partition(".")[0])


@pytest.fixture
def staff(make, client):  # noqa: ANN001, ANN201
    """An account, and ``client`` (a Firefox on Windows) logged in to it."""
    user = make.user("a@example.org")
    client.environ_base["HTTP_USER_AGENT"] = FIREFOX_WINDOWS
    client.post("/login", data={"email": user.email, "password": PASSWORD})
    return user


def test_logging_out_ends_this_browsers_session_and_its_copies_not_the_others(app, client, staff):
    phone = browser(app, SAFARI_IPHONE, staff.email)
    copy = copy_of(app, client)
    assert logged_in(copy)
    page = client.post("/logout", follow_redirects=True).get_data(as_text=True)
    assert translated("en", "You are logged out on this device.") in page
    assert not logged_in(client)
    assert not logged_in(copy)
    assert logged_in(phone)


def test_logging_in_again_ends_the_session_this_browser_held(app, client, make, staff):
    """Whoever logs in next on a shared computer, the session left there is over."""
    copy = copy_of(app, client)
    make.user("b@example.org")
    response = client.post("/login", data={"email": "b@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert logged_in(client) and not logged_in(copy)
    assert [r.ended_at is None for r in rows()] == [False, True]


def test_the_cookie_holds_a_secret_the_database_keeps_only_the_hash_of(client, staff):
    number, _dot, secret = key_of(client).partition(".")
    [row] = rows()
    assert row.id == int(number) and row.user_id == staff.id and len(secret) >= 40
    assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {row.secret_hash, row.browser, row.system}
    assert (row.browser, row.system, row.ended_at) == ("Firefox", "Windows", None)


def test_a_new_password_on_the_page_ends_every_session_and_goes_on_here_in_a_new_one(
    app, client, staff
):
    """A copy of this browser's cookie (perhaps why the password is changed) dies too."""
    phone = browser(app, SAFARI_IPHONE, staff.email)
    copy_of_phone = copy_of(app, phone)
    copy_here = copy_of(app, client)
    new = "a new password for all"
    changed = client.post(
        "/account/password", data={"current": PASSWORD, "new": new, "confirm": new}
    )
    assert changed.status_code == 302
    assert logged_in(client)
    assert not logged_in(copy_here)
    assert not logged_in(phone) and not logged_in(copy_of_phone)


def test_a_password_chosen_through_an_emailed_link_ends_every_session(app, client, staff):
    phone = browser(app, SAFARI_IPHONE, staff.email)
    copy_here = copy_of(app, client)
    path = "/account/reset/" + password_links.make(staff, password_links.RESET)
    new = "a brand new long password"
    assert client.post(path, data={"new": new, "confirm": new}).status_code == 302
    assert logged_in(client)  # in a new session
    assert not logged_in(phone) and not logged_in(copy_here)
    assert [r.ended_at is None for r in rows()] == [False, False, True]


def test_switching_an_account_off_ends_its_sessions_for_good(app, client, make, staff):
    phone = browser(app, SAFARI_IPHONE, staff.email)
    make.user("admin@example.org", admin=True)
    admin = browser(app, EDGE_WINDOWS, "admin@example.org")
    assert admin.post(f"/manage/accounts/{staff.id}/switch-off").status_code == 302
    assert not logged_in(client) and not logged_in(phone)
    assert admin.post(f"/manage/accounts/{staff.id}/switch-on").status_code == 302
    assert not logged_in(client) and not logged_in(phone)
    assert logged_in(browser(app, FIREFOX_WINDOWS, staff.email))


def sessions_listed(page: str) -> list[tuple[str, bool]]:
    """The devices in the list on the "Password" page, and whether each is this device."""
    body = page.split('id="sessions-h"')[1].split("<tbody>")[1].split("</tbody>")[0]
    this = translated("en", "this device")
    return [
        (re.sub(r"<[^>]+>", "", row.split("</td>")[0]).replace(this, "").strip(), this in row)
        for row in body.split("<tr>")[1:]
    ]


def test_the_password_page_lists_the_sessions_and_marks_this_device(app, client, staff):
    phone = browser(app, SAFARI_IPHONE, staff.email)
    page = client.get("/account/password").get_data(as_text=True)
    assert sorted(sessions_listed(page)) == [("Firefox on Windows", True), ("Safari on iOS", False)]
    page = phone.get("/account/password").get_data(as_text=True)
    assert sorted(sessions_listed(page)) == [("Firefox on Windows", False), ("Safari on iOS", True)]
    assert translated("en", "Log out of all other sessions") in page


def test_logging_out_of_all_other_sessions_goes_on_here_in_a_new_one(app, client, staff):
    phone = browser(app, SAFARI_IPHONE, staff.email)
    tablet = browser(app, CHROME_ANDROID, staff.email)
    copy_here = copy_of(app, client)
    response = client.post("/account/sessions/end-others")
    assert response.headers["Location"] == "/account/password"
    page = client.get("/account/password").get_data(as_text=True)
    assert translated("en", "You are logged out of your other sessions; this one goes on.") in page
    assert sessions_listed(page) == [("Firefox on Windows", True)]
    assert translated("en", "Log out of all other sessions") not in page
    assert logged_in(client) and not logged_in(copy_here)
    assert not logged_in(phone) and not logged_in(tablet)


def test_logging_out_of_one_other_session(app, client, staff):
    phone = browser(app, SAFARI_IPHONE, staff.email)
    tablet = browser(app, CHROME_ANDROID, staff.email)
    client.post(f"/account/sessions/{session_id(phone)}/end")
    page = client.get("/account/password").get_data(as_text=True)
    assert translated("en", "That session is logged out.") in page
    assert sorted(sessions_listed(page)) == [
        ("Chrome on Android", False),
        ("Firefox on Windows", True),
    ]
    assert not logged_in(phone)
    assert logged_in(client) and logged_in(tablet)


def test_nobody_ends_another_accounts_session(app, client, make, staff):
    make.user("b@example.org")
    theirs = browser(app, SAFARI_IPHONE, "b@example.org")
    for path in (f"/account/sessions/{session_id(theirs)}/end", "/account/sessions/end-others"):
        client.post(path)
    page = client.get("/account/password").get_data(as_text=True)
    assert translated("en", "That session has already ended.") in page
    assert logged_in(theirs) and logged_in(client)
    assert "Safari" not in str(sessions_listed(page))


def test_the_session_page_buttons_need_a_login(client):
    for path in ("/account/sessions/end-others", "/account/sessions/1/end"):
        response = client.post(path)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def csrf_token(page: str) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_logging_out_of_other_sessions_needs_the_forms_token(app, client, make, config_overrides):
    make.user("a@example.org")
    phone = browser(app, SAFARI_IPHONE)
    for each in (client, phone):
        token = csrf_token(each.get("/login").get_data(as_text=True))
        data = {"email": "a@example.org", "password": PASSWORD, "csrf_token": token}
        assert each.post("/login", data=data).status_code == 302
    assert client.post("/account/sessions/end-others").status_code == 400
    assert client.post(f"/account/sessions/{session_id(phone)}/end").status_code == 400
    assert logged_in(phone)
    token = csrf_token(client.get("/account/password").get_data(as_text=True))
    assert (
        client.post("/account/sessions/end-others", data={"csrf_token": token}).status_code == 302
    )
    assert not logged_in(phone) and logged_in(client)


def test_a_session_flask_login_drops_for_another_browser_is_ended_for_good(app, client, staff):
    """Its cookie sent by another browser (another User-Agent): Flask-Login's "strong"
    protection logs that request out, and the session ends with it, so it leaves the list on
    the Password page and a copy of the cookie kept by the first browser opens nothing."""
    phone = browser(app, SAFARI_IPHONE, staff.email)
    copy = copy_of(app, client)
    client.environ_base["HTTP_USER_AGENT"] = CHROME_ANDROID
    assert not logged_in(client)
    page = phone.get("/account/password").get_data(as_text=True)
    assert sessions_listed(page) == [("Safari on iOS", True)]
    assert not logged_in(copy)
    assert logged_in(phone)
    assert [r.ended_at is None for r in rows()] == [False, True]


def test_a_visitor_without_a_login_asks_nothing_about_sessions(app, client, staff):
    """A visitor's session (holding only a language) has no login to protect: nothing is
    ended, and staff sessions are not asked about."""
    visitor = browser(app, SAFARI_IPHONE)
    visitor.get("/language/fr")
    with recorded() as sent:
        assert not logged_in(visitor)
    assert not [s for s in sent if "staff_sessions" in s]
    assert logged_in(client)


def test_a_visitor_opening_pages_is_sent_no_cookie_once_they_have_a_session(app, make):
    """Flask-Login's protection took a visitor's session (a language chosen, the sign-on
    form's CSRF token) for a stolen login on every page, and sent back two cookies each
    time."""
    make.letter("carta")
    visitor = browser(app, SAFARI_IPHONE)
    visitor.get("/language/fr")
    first = visitor.get("/fr/letters/carta")  # its form's token joins the session
    assert [c.split("=")[0] for c in first.headers.getlist("Set-Cookie")] == ["session"]
    for page in ("/fr/letters/carta", "/fr/letters/carta", "/ar/letters/carta"):
        answer = visitor.get(page)
        assert answer.status_code == 200 and answer.headers.getlist("Set-Cookie") == []


def test_a_session_unused_for_its_lifetime_is_over(app, client, staff):
    [row] = rows()
    row.last_seen_at = utcnow() - app.permanent_session_lifetime - timedelta(minutes=1)
    db.session.commit()
    assert not logged_in(client)


def test_when_a_session_was_last_seen_is_written_only_every_few_minutes(app, client, staff):
    [row] = rows()
    earlier = utcnow() - timedelta(minutes=6)
    row.last_seen_at = earlier
    db.session.commit()
    assert logged_in(client)
    [row] = rows()
    noted = row.last_seen_at
    assert noted > earlier + timedelta(minutes=5)
    with recorded() as sent:
        assert logged_in(client)
    assert not [s for s in sent if s.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE"))]
    assert rows()[0].last_seen_at == noted


def test_a_session_that_is_over_is_dropped_from_the_cookie(app, client, staff):
    """Its browser's next public pages then ask the database nothing about it."""
    copy = copy_of(app, client)
    client.post("/logout")
    assert not logged_in(copy)
    with recorded() as sent:
        copy.get("/language/fr")
    assert not [s for s in sent if "staff_sessions" in s]
    with copy.session_transaction() as session:
        assert "_user_id" not in session


def test_cleanup_forgets_sessions_unused_for_their_lifetime_and_those_ended_a_while_ago(
    app, client, runner, staff
):
    for agent in (SAFARI_IPHONE, CHROME_ANDROID, EDGE_WINDOWS):
        browser(app, agent, staff.email)
    here, stale, long_ended, just_ended = rows()
    stale.last_seen_at = utcnow() - app.permanent_session_lifetime - timedelta(hours=1)
    long_ended.ended_at = utcnow() - timedelta(days=2)
    just_ended.ended_at = utcnow() - timedelta(hours=1)
    db.session.commit()
    output = runner.invoke(main, args=["cleanup"]).output
    assert "2 staff session(s) over" in output
    assert [r.id for r in rows()] == [here.id, just_ended.id]
    assert logged_in(client)


@pytest.mark.parametrize(
    ("agent", "described"),
    [
        (FIREFOX_WINDOWS, "Firefox on Windows"),
        (SAFARI_IPHONE, "Safari on iOS"),
        (CHROME_ANDROID, "Chrome on Android"),
        (EDGE_WINDOWS, "Edge on Windows"),
        (SAFARI_MAC, "Safari on macOS"),
        (FIREFOX_LINUX, "Firefox on Linux"),
        ("curl/8.5.0", "Unknown browser"),
        ("", "Unknown browser"),
    ],
)
def test_devices_are_named_as_their_owners_know_them(app, agent, described):
    with app.test_request_context():
        assert devices.describe(*devices.parse(agent)) == described


def _read_only(url: str) -> str:
    """The same database, opened so that it refuses every write."""
    if url.startswith("sqlite"):
        return f"sqlite:///file:{url.removeprefix('sqlite:///')}?mode=ro&uri=true"
    return url + "%20-cdefault_transaction_read_only%3Don"


def test_a_staff_page_still_answers_when_the_session_cannot_be_noted_in_use(
    app, client, staff, database_url
):
    """Noting that a session is in use is a write of its own; a database refusing it (here
    opened read-only) costs the note, not the page."""
    [row] = rows()
    row.last_seen_at = utcnow() - timedelta(minutes=6)  # due to be noted
    db.session.commit()
    read_only = create_app(test_config(_read_only(database_url)))
    read_only.test_client_class = IsolatedClient
    reader = read_only.test_client()
    reader.environ_base["HTTP_USER_AGENT"] = client.environ_base["HTTP_USER_AGENT"]
    reader.set_cookie("session", client.get_cookie("session").value)
    try:
        assert reader.get("/manage/").status_code == 200
    finally:
        with read_only.app_context():
            db.engine.dispose()


def test_a_page_still_answers_when_a_dropped_session_cannot_be_ended(
    app, client, staff, database_url
):
    """Ending the session Flask-Login's protection dropped is a write of its own too; a
    database refusing it costs the write (the session stays open), not the page."""
    read_only = create_app(test_config(_read_only(database_url)))
    read_only.test_client_class = IsolatedClient
    reader = read_only.test_client()
    reader.environ_base["HTTP_USER_AGENT"] = SAFARI_IPHONE  # not the browser that logged in
    reader.set_cookie("session", client.get_cookie("session").value)
    try:
        response = reader.get("/manage/")
        assert response.status_code == 302 and "/login" in response.headers["Location"]
    finally:
        with read_only.app_context():
            db.engine.dispose()
    assert [r.ended_at for r in rows()] == [None]
