"""The staff accounts page: administrators see every account and switch accounts off and on;
a switched-off account cannot log in, loses its open sessions and its emailed links, keeps its
roles; each switch is in the letters' audit logs. The same from the command line."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from campaign.accounts.models import Role, User
from campaign.cli import main
from campaign.db import db
from campaign.moderation.models import AuditEntry
from tests.conftest import login
from tests.factories import PASSWORD
from tests.i18n import translated


@pytest.fixture
def config_overrides(mail_settings: dict[str, object]) -> dict[str, object]:
    return mail_settings


@pytest.fixture
def admin(make, client):
    user = make.user("admin@example.org", admin=True)
    login(client, user.email)
    return user


@pytest.fixture
def moderator(make, letter):
    other = make.letter("otra", texts={"en": ("Another letter", "…")})
    return make.user("mod@example.org", roles={letter: Role.moderator, other: Role.exporter})


def account(email: str) -> User:
    db.session.expire_all()
    return db.session.scalars(select(User).where(User.email == email)).one()


def entries(*, about_letters: bool) -> list[AuditEntry]:
    """Letters' audit entries, or the entries about accounts themselves, oldest first."""
    db.session.expire_all()
    on_letter = (
        AuditEntry.letter_id.is_not(None) if about_letters else AuditEntry.letter_id.is_(None)
    )
    return list(db.session.scalars(select(AuditEntry).where(on_letter).order_by(AuditEntry.id)))


def press(client, user: User, button: str):  # noqa: ANN201
    """Press a button on the accounts page (its form posts to /manage/accounts/ID/BUTTON)."""
    response = client.post(f"/manage/accounts/{user.id}/{button}")
    assert response.status_code == 302
    return client.get(response.headers["Location"]).get_data(as_text=True)


def can_log_in(app, email: str) -> bool:
    response = app.test_client().post("/login", data={"email": email, "password": PASSWORD})
    return response.status_code == 302


def test_admin_sees_every_account_with_its_roles(client, admin, moderator, make, letter):
    make.user("lead@example.org", roles={letter: Role.coordinator})
    page = client.get("/manage/accounts/").get_data(as_text=True)
    for text in (
        "admin@example.org",
        "mod@example.org",
        "lead@example.org",
        "Letter to the Council",
        "Another letter",
        translated("en", "Moderator"),
        translated("en", "Exporter"),
        translated("en", "Coordinator"),
        translated("en", "Administrator"),
        translated("en", "Switch off"),
    ):
        assert text in page
    assert 'href="/manage/accounts/"' in page  # in the admins' menu


def test_a_switched_off_account_cannot_log_in_and_gets_its_roles_back_when_switched_on(
    app, client, admin, moderator
):
    assert can_log_in(app, "mod@example.org")
    page = press(client, moderator, "switch-off")
    assert (
        translated(
            "en", "%(email)s is switched off: they can no longer log in.", email="mod@example.org"
        )
        in page
    )
    assert translated("en", "switched off") in page and translated("en", "Switch on again") in page
    assert not account("mod@example.org").active
    refused = app.test_client().post(
        "/login", data={"email": "mod@example.org", "password": PASSWORD}
    )
    assert refused.status_code == 200
    assert translated("en", "That email and password do not match an active account.") in (
        refused.get_data(as_text=True)
    )

    page = press(client, moderator, "switch-on")
    assert (
        translated(
            "en", "%(email)s can log in again, with the same roles.", email="mod@example.org"
        )
        in page
    )
    assert can_log_in(app, "mod@example.org")
    assert {r.role for r in account("mod@example.org").roles} == {Role.moderator, Role.exporter}


def test_switching_off_ends_the_sessions_already_open_for_good(app, client, admin, moderator):
    """Ended, they stay ended when the account is switched on again: its owner logs in."""
    theirs = app.test_client()
    login(theirs, "mod@example.org")
    assert theirs.get("/manage/letters/carta/audit").status_code == 200
    press(client, moderator, "switch-off")
    response = theirs.get("/manage/letters/carta/audit")
    assert response.status_code == 302 and urlsplit(response.headers["Location"]).path == "/login"
    press(client, moderator, "switch-on")
    assert theirs.get("/manage/letters/carta/audit").status_code == 302
    login(theirs, "mod@example.org")
    assert theirs.get("/manage/letters/carta/audit").status_code == 200


def test_switching_off_kills_the_password_links_already_sent(app, client, admin, moderator, smtp):
    """For good: switched on again, the account needs a new link."""
    app.test_client().post("/account/forgot", data={"email": "mod@example.org"})
    [message] = smtp.inbox.to("mod@example.org")
    [link] = [u for u in smtp.inbox.links(message) if "/account/reset/" in u]
    press(client, moderator, "switch-off")
    assert app.test_client().get(urlsplit(link).path).status_code == 404
    press(client, moderator, "switch-on")
    assert app.test_client().get(urlsplit(link).path).status_code == 404


def test_each_switch_is_in_the_audit_log_of_every_letter_of_the_account(client, admin, moderator):
    press(client, moderator, "switch-off")
    press(client, moderator, "switch-on")
    on_letters = entries(about_letters=True)
    assert sorted((e.action, e.letter_id) for e in on_letters) == sorted(
        (action, held.letter_id)
        for held in moderator.roles
        for action in ("account_switched_off", "account_switched_on")
    )
    assert all(e.actor_label == "admin@example.org" for e in on_letters)
    assert all(e.account_id == moderator.id for e in on_letters)
    assert on_letters[0].after == {"email": "mod@example.org", "active": False}
    page = client.get("/manage/letters/carta/audit").get_data(as_text=True)
    assert translated("en", "Account switched off") in page
    assert translated("en", "Account switched on again") in page


def test_a_switch_reads_in_french_in_the_letters_log_and_on_the_accounts_page(
    client, admin, moderator
):
    client.get("/language/fr")
    accounts = press(client, moderator, "switch-off")
    letter_log = client.get("/manage/letters/carta/audit").get_data(as_text=True)
    said = translated("fr", "changed to")
    switched = (
        f"<dt>{translated('fr', 'Account switched on')}</dt><dd>{translated('fr', 'Yes')} "
        f'<span aria-hidden="true">→</span><span class="visually-hidden">{said}</span> '
        f"{translated('fr', 'No')}</dd>"
    )
    whose = f'<dt>{translated("fr", "Email")}</dt><dd><bdi dir="auto">mod@example.org</bdi></dd>'
    for page in (letter_log, accounts):
        assert switched in page and whose in page
        log = page.split("<tbody>")[-1]
        assert "active:" not in log and "False" not in log


def test_switching_off_twice_changes_nothing_more(client, admin, moderator):
    press(client, moderator, "switch-off")
    press(client, moderator, "switch-off")
    assert len(entries(about_letters=True)) == len(moderator.roles)
    assert len(entries(about_letters=False)) == 1


def test_nobody_switches_off_their_own_account(client, admin):
    page = press(client, admin, "switch-off")
    assert (
        translated("en", "You cannot switch off your own account; ask another administrator.")
        in page
    )
    assert account("admin@example.org").active
    assert f"/manage/accounts/{admin.id}/switch-off" not in page


def test_letters_left_without_an_active_coordinator_are_named(client, admin, make, letter):
    lead = make.user("lead@example.org", roles={letter: Role.coordinator})
    page = press(client, lead, "switch-off")
    assert (
        translated(
            "en",
            "These letters have no active coordinator now: %(letters)s. "
            "Add one from each letter's team page.",
            letters="Letter to the Council",
        )
        in page
    )


def test_an_unknown_account_is_refused_with_a_message(client, admin):
    response = client.post("/manage/accounts/999999/switch-off")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert translated("en", "That account no longer exists.") in page


def test_only_administrators_reach_the_page(app, client, make, letter):
    make.user("lead@example.org", roles={letter: Role.coordinator})
    target = make.user("mod@example.org", roles={letter: Role.moderator})
    anonymous = app.test_client().get("/manage/accounts/")
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    login(client, "lead@example.org")
    assert client.get("/manage/accounts/").status_code == 403
    assert client.post(f"/manage/accounts/{target.id}/switch-off").status_code == 403
    assert account("mod@example.org").active
    assert 'href="/manage/accounts/"' not in client.get("/manage/").get_data(as_text=True)


def test_the_page_speaks_arabic_right_to_left(client, admin, moderator):
    client.get("/language/ar")
    page = client.get("/manage/accounts/").get_data(as_text=True)
    assert 'dir="rtl"' in page
    assert translated("ar", "Staff accounts") in page
    assert translated("ar", "Switch off") in page
    assert translated("ar", "Staff accounts") != "Staff accounts"


def test_the_command_line_switches_accounts_off_and_on(runner, make, letter):
    make.user("lead@example.org", roles={letter: Role.coordinator})
    result = runner.invoke(main, ["users", "switch-off", "LEAD@example.org"])
    assert result.exit_code == 0, result.output
    assert "lead@example.org: switched off" in result.output
    assert "letter 'carta' has no active coordinator now" in result.output
    assert not account("lead@example.org").active
    [entry] = entries(about_letters=True)
    assert entry.actor_label == "command line" and entry.action == "account_switched_off"
    [about_account] = entries(about_letters=False)
    assert about_account.actor_label == "command line" and about_account.action == entry.action

    assert runner.invoke(main, ["users", "switch-on", "lead@example.org"]).exit_code == 0
    assert account("lead@example.org").active
    missing = runner.invoke(main, ["users", "switch-off", "nobody@example.org"])
    assert missing.exit_code != 0 and "No staff account" in missing.output


def test_a_newcomer_allowed_to_create_letters_chooses_a_password_and_starts_one(
    app, client, admin, smtp
):
    client.get("/language/fr")
    response = client.post("/manage/accounts/", data={"email": " New.Lead@Example.org"})
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        translated(
            "fr",
            "%(email)s may now create letters; an email tells them so.",
            email="new.lead@example.org",
        )
        in page
    )
    assert translated("fr", "invited, no password yet") in page
    assert account("new.lead@example.org").can_create_letters

    [message] = smtp.inbox.to("new.lead@example.org")
    assert message["Subject"] == translated("fr", "You can now create joint letters", escape=False)
    assert message["Subject"] != "You can now create joint letters"
    [link] = [u for u in smtp.inbox.links(message) if "/account/welcome/" in u]
    theirs = app.test_client()
    new = "a long new password"
    chosen = theirs.post(urlsplit(link).path, data={"new": new, "confirm": new})
    assert chosen.status_code == 302
    assert theirs.get("/manage/letters/new").status_code == 200


def test_someone_with_an_account_gets_a_link_to_start_a_letter(client, admin, moderator, smtp):
    response = client.post("/manage/accounts/", data={"email": "mod@example.org"})
    assert response.status_code == 302
    [message] = smtp.inbox.to("mod@example.org")
    assert message["Subject"] == "You can now create joint letters"
    links = [urlsplit(u).path for u in smtp.inbox.links(message)]
    assert "/manage/letters/new" in links
    assert not any("/account/welcome/" in link for link in links)


@pytest.mark.parametrize(
    ("email", "status", "message"),
    [
        ("admin@example.org", 409, "This account may already create letters."),
        ("off@example.org", 409, "This account is switched off; switch it on again first."),
        ("not an address", 400, "Enter an email address such as name@example.org."),
        ("lead\u202e@example.org", 400, None),
        ("", 400, "This field is required."),
    ],
)
def test_letting_someone_create_letters_refuses_with_a_message(
    client, admin, make, smtp, email, status, message
):
    off = make.user("off@example.org")
    off.active = False
    db.session.commit()
    response = client.post("/manage/accounts/", data={"email": email})
    assert response.status_code == status
    page = response.get_data(as_text=True)
    if message:
        assert translated("en", message) in page
    assert 'class="error' in page
    assert smtp.inbox.messages == []


def test_letter_creation_can_be_withdrawn_and_roles_stay(app, client, admin, make, letter):
    lead = make.user("lead@example.org", creator=True, roles={letter: Role.coordinator})
    page = press(client, lead, "stop-letters")
    assert "lead@example.org" in page
    assert not account("lead@example.org").can_create_letters
    theirs = app.test_client()
    login(theirs, "lead@example.org")
    assert theirs.get("/manage/letters/new").status_code == 403
    assert theirs.get("/manage/letters/carta/team/").status_code == 200


def test_the_page_lists_every_change_to_accounts_newest_first(client, admin, moderator, make):
    """Switches, and rights to create letters given and taken, whether the account holds a
    role on a letter or not, each with who made it."""
    loner = make.user("loner@example.org")
    client.post("/manage/accounts/", data={"email": "new.lead@example.org"})
    press(client, account("new.lead@example.org"), "stop-letters")
    press(client, loner, "switch-off")
    page = press(client, moderator, "switch-off")
    assert translated("en", "Recent changes to accounts") in page
    log = [(e.action, e.before["email"], e.actor_label) for e in entries(about_letters=False)]
    assert log == [
        ("letters_allowed", "new.lead@example.org", "admin@example.org"),
        ("letters_stopped", "new.lead@example.org", "admin@example.org"),
        ("account_switched_off", "loner@example.org", "admin@example.org"),
        ("account_switched_off", "mod@example.org", "admin@example.org"),
    ]
    section = page[page.index(translated("en", "Recent changes to accounts")) :]
    shown = [
        section.index(translated("en", label))
        for label in (
            "Account switched off",
            "Letter creation stopped",
            "Allowed to create letters",
        )
    ]
    assert shown == sorted(shown)  # newest first
    assert section.index("mod@example.org") < section.index("loner@example.org")


def test_the_log_of_account_changes_speaks_french(client, admin, moderator):
    client.get("/language/fr")
    page = press(client, moderator, "switch-off")
    assert translated("fr", "Recent changes to accounts") in page
    assert translated("fr", "Account switched off") in page


def test_rights_given_from_the_command_line_are_logged_once(runner, make, letter):
    make.user("lead@example.org")
    for _ in range(2):
        for args in (["--role", "admin"], ["--role", "coordinator", "--letter", "carta"]):
            command = ["users", "create", "--email", "lead@example.org", *args]
            result = runner.invoke(main, command)
            assert result.exit_code == 0, result.output
    [granted] = entries(about_letters=False)
    assert (granted.action, granted.actor_label) == ("admin_granted", "command line")
    assert granted.after == {"email": "lead@example.org", "is_admin": True}
    [added] = entries(about_letters=True)
    assert (added.action, added.letter_id, added.actor_label) == (
        "team_added",
        letter.id,
        "command line",
    )
    assert added.after == {"email": "lead@example.org", "role": "coordinator"}


def test_an_administrator_makes_another_and_takes_it_back(app, client, admin, moderator):
    page = press(client, moderator, "make-admin")
    assert translated("en", "%(email)s is now an administrator.", email="mod@example.org") in page
    assert account("mod@example.org").is_admin
    theirs = app.test_client()
    login(theirs, "mod@example.org")
    assert theirs.get("/manage/accounts/").status_code == 200
    assert f"/manage/accounts/{admin.id}/stop-admin" in theirs.get("/manage/accounts/").text

    page = press(client, moderator, "stop-admin")
    assert not account("mod@example.org").is_admin
    assert theirs.get("/manage/accounts/").status_code == 403
    assert theirs.get("/manage/letters/carta/moderation").status_code == 200  # roles stay
    granted, revoked = entries(about_letters=False)
    assert (granted.action, revoked.action) == ("admin_granted", "admin_revoked")
    assert granted.actor_label == revoked.actor_label == "admin@example.org"
    assert (revoked.before["is_admin"], revoked.after["is_admin"]) == (True, False)
    assert "Administrator rights taken away" in page and "Made an administrator" in page


def test_administrator_rights_refusals_are_explained(client, admin, moderator, make):
    page = press(client, admin, "stop-admin")
    refusal = "You cannot take away your own administrator rights; ask another administrator."
    assert translated("en", refusal) in page
    assert account("admin@example.org").is_admin
    assert f"/manage/accounts/{admin.id}/stop-admin" not in page
    press(client, moderator, "make-admin")
    page = press(client, moderator, "make-admin")
    assert translated("en", "This account is already an administrator.") in page
    gone = make.user("gone@example.org")
    gone.active = False
    db.session.commit()
    page = press(client, gone, "make-admin")
    assert translated("en", "This account is switched off; switch it on again first.") in page
    assert not account("gone@example.org").is_admin
    assert len([e for e in entries(about_letters=False) if e.action == "admin_granted"]) == 1


def test_only_administrators_make_administrators(client, make, letter, moderator):
    make.user("lead@example.org", roles={letter: Role.coordinator})
    login(client, "lead@example.org")
    for button in ("make-admin", "stop-admin"):
        assert client.post(f"/manage/accounts/{moderator.id}/{button}").status_code == 403
    assert not account("mod@example.org").is_admin
