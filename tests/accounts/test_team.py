"""A letter's team page: coordinators add people by email, who choose a password through the
emailed link; roles are removed; every change is in the audit log."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from campaign.accounts import services
from campaign.accounts.models import Role, User
from campaign.db import db
from campaign.moderation.models import AuditEntry
from tests.factories import PASSWORD
from tests.i18n import translated

NEW_PASSWORD = "a long new password"


@pytest.fixture
def config_overrides(mail_settings: dict[str, object]) -> dict[str, object]:
    return mail_settings


@pytest.fixture
def coordinator(make, letter, login_as):
    user = make.user("lead@example.org", roles={letter: Role.coordinator})
    login_as(user)
    return user


def add(client, email: str, role: str = "moderator", slug: str = "carta"):  # noqa: ANN201
    return client.post(f"/manage/letters/{slug}/team/", data={"email": email, "role": role})


def link_in(smtp, address: str) -> str:
    [message] = smtp.inbox.to(address)
    [link] = [u for u in smtp.inbox.links(message) if "/account/welcome/" in u or "/manage/" in u]
    return urlsplit(link).path


def user(email: str) -> User:
    db.session.expire_all()
    return db.session.scalars(select(User).where(User.email == email)).one()


def test_a_newcomer_added_by_email_chooses_a_password_and_can_moderate(client, coordinator, smtp):
    response = add(client, "New.Person@Example.org ")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "new.person@example.org" in page and "lead@example.org" in page
    assert translated("en", "invited, no password yet") in page

    [message] = smtp.inbox.to("new.person@example.org")
    assert message["Subject"] == "New role on “Letter to the Council”: Moderator"
    welcome = link_in(smtp, "new.person@example.org")
    assert welcome.startswith("/account/welcome/")

    client.post("/logout")
    assert (
        client.post(
            "/login", data={"email": "new.person@example.org", "password": "!invited"}
        ).status_code
        == 200
    )
    assert "Choose your password" in client.get(welcome).get_data(as_text=True)
    chosen = client.post(welcome, data={"new": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert chosen.status_code == 302
    assert client.get("/manage/letters/carta/moderation").status_code == 200
    assert client.get("/manage/letters/carta/team/").status_code == 403  # moderators only moderate

    again = client.post(welcome, data={"new": "another password!", "confirm": "another password!"})
    assert again.status_code == 404  # the link served once
    client.post("/logout")
    logged_in = client.post(
        "/login", data={"email": "new.person@example.org", "password": NEW_PASSWORD}
    )
    assert logged_in.status_code == 302


def test_someone_with_an_account_gets_the_role_and_a_link_to_the_letter(
    client, coordinator, smtp, make
):
    make.user("staff@example.org")
    assert add(client, "staff@example.org", "exporter").status_code == 302
    assert link_in(smtp, "staff@example.org") == "/manage/letters/carta"
    [message] = smtp.inbox.to("staff@example.org")
    assert "/account/welcome/" not in smtp.inbox.text(message)
    assert user("staff@example.org").has_role(coordinator.roles[0].letter_id, Role.exporter)


def test_the_invitation_is_written_in_the_language_the_coordinator_uses(client, coordinator, smtp):
    client.get("/language/fr?next=/manage/")
    assert add(client, "nouvelle@example.org").status_code == 302
    [message] = smtp.inbox.to("nouvelle@example.org")
    role = translated("fr", "Moderator", escape=False)
    expected = translated(
        "fr",
        "New role on “%(title)s”: %(role)s",
        escape=False,
        role=role,
        title="Letter to the Council",
    )
    assert message["Subject"] == expected
    assert user("nouvelle@example.org").language == "fr"
    welcome = link_in(smtp, "nouvelle@example.org")
    visitor = client.application.test_client()  # the newcomer's own browser, English headers
    page = visitor.get(welcome, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert translated("fr", "Choose your password") in page


def test_someone_with_an_account_is_told_in_the_language_they_last_worked_in(
    client, coordinator, smtp, make
):
    """The staff member's language follows their own choice: the page's at their login,
    then any they switch to; an English-speaking coordinator's page does not decide it."""
    make.user("staff@example.org")
    theirs = client.application.test_client()
    theirs.post(
        "/login",
        data={"email": "staff@example.org", "password": PASSWORD},
        headers={"Accept-Language": "fr"},
    )
    assert add(client, "staff@example.org", "exporter").status_code == 302
    [message] = smtp.inbox.to("staff@example.org")
    assert message["Subject"] == translated(
        "fr",
        "New role on “%(title)s”: %(role)s",
        escape=False,
        role=translated("fr", "Exporter", escape=False),
        title="Letter to the Council",
    )
    theirs.get("/language/ar?next=/manage/")
    assert add(client, "staff@example.org", "moderator").status_code == 302
    assert smtp.inbox.to("staff@example.org")[-1]["Subject"] == translated(
        "ar",
        "New role on “%(title)s”: %(role)s",
        escape=False,
        role=translated("ar", "Moderator", escape=False),
        title="\u2068Letter to the Council\u2069",  # isolated in Arabic text
    )
    page = client.get("/manage/letters/carta/team/").text
    assert (
        translated(
            "en",
            "They get an email in the language they use on this site (yours if they are new "
            "here). Someone new to this site chooses a password through the link in it.",
        )
        in page
    )


def test_changes_are_in_the_audit_log_and_a_removed_member_loses_access(
    client, coordinator, smtp, make, login_as
):
    add(client, "mod@example.org")
    page = client.get("/manage/letters/carta/team/").get_data(as_text=True)
    assert translated("en", "Send the invitation again") in page
    [held] = user("mod@example.org").roles
    assert f"/manage/letters/carta/team/{held.id}/remove" in page
    assert client.post(f"/manage/letters/carta/team/{held.id}/remove").status_code == 302
    assert user("mod@example.org").roles == []
    actions = [
        (e.action, e.actor_label, e.before, e.after)
        for e in db.session.scalars(select(AuditEntry).order_by(AuditEntry.id))
    ]
    moderator = {"email": "mod@example.org", "role": "moderator"}
    assert actions == [
        ("team_added", "lead@example.org", {}, moderator),
        ("team_removed", "lead@example.org", moderator, {}),
    ]
    audit = client.get("/manage/letters/carta/audit").get_data(as_text=True)
    assert translated("en", "Removed from the team") in audit


def test_a_letter_keeps_at_least_one_coordinator(client, coordinator):
    [held] = coordinator.roles
    response = client.post(f"/manage/letters/carta/team/{held.id}/remove")
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        translated("en", "A letter keeps at least one coordinator: add another one first.") in page
    )
    assert user("lead@example.org").roles


@pytest.mark.parametrize(
    ("email", "role", "message"),
    [
        ("not an address", "moderator", "Enter an email address such as name@example.org."),
        ("x\u202e@example.org", "moderator", None),
        ("", "moderator", "This field is required."),
        ("ok@example.org", "owner", "Choose one of the options offered."),
        ("=cmd@example.org", "admin", None),
    ],
)
def test_bad_input_is_sent_back_with_a_message_and_changes_nothing(
    client, coordinator, smtp, email, role, message
):
    response = add(client, email, role)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "error-summary" in page
    if message:
        assert translated("en", message) in page
    assert [u.email for u in db.session.scalars(select(User))] == [coordinator.email]
    assert smtp.inbox.messages == []


def test_adding_the_same_role_twice_is_refused_once_with_a_message(client, coordinator, smtp):
    add(client, "mod@example.org")
    response = add(client, "mod@example.org")
    assert response.status_code == 409
    assert translated("en", "This person already holds that role on this letter.") in (
        response.get_data(as_text=True)
    )
    assert len(smtp.inbox.to("mod@example.org")) == 1


def test_the_invitation_can_be_sent_again_until_a_password_is_chosen(client, coordinator, smtp):
    add(client, "mod@example.org")
    newcomer = user("mod@example.org")
    url = f"/manage/letters/carta/team/people/{newcomer.id}/invite"
    assert client.post(url).status_code == 302
    assert len(smtp.inbox.to("mod@example.org")) == 2
    links = [
        urlsplit(u).path for m in smtp.inbox.to("mod@example.org") for u in smtp.inbox.links(m)
    ]
    welcome = next(p for p in links if p.startswith("/account/welcome/"))
    client.post("/logout")
    client.post(welcome, data={"new": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    client.post("/logout")
    client.post("/login", data={"email": "lead@example.org", "password": PASSWORD})
    assert client.post(url).status_code == 302
    assert len(smtp.inbox.to("mod@example.org")) == 2  # has a password now: nothing sent


def test_an_invitation_dies_with_the_newcomers_last_role(client, coordinator, smtp):
    """Added by mistake and removed: the emailed link no longer opens an account."""
    add(client, "wrong@example.org")
    welcome = link_in(smtp, "wrong@example.org")
    [held] = user("wrong@example.org").roles
    assert client.post(f"/manage/letters/carta/team/{held.id}/remove").status_code == 302
    client.post("/logout")
    assert client.get(welcome).status_code == 404
    refused = client.post(welcome, data={"new": NEW_PASSWORD, "confirm": NEW_PASSWORD})
    assert refused.status_code == 404
    assert not services.has_chosen_password(user("wrong@example.org"))


def test_an_invitation_is_not_sent_again_to_a_switched_off_account(client, coordinator, smtp):
    add(client, "mod@example.org")
    newcomer = user("mod@example.org")
    newcomer.active = False
    db.session.commit()
    response = client.post(f"/manage/letters/carta/team/people/{newcomer.id}/invite")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert (
        translated("en", "This account is switched off; an administrator can switch it on again.")
        in page
    )
    assert len(smtp.inbox.to("mod@example.org")) == 1


def test_only_the_letters_coordinators_manage_its_team(client, make, login_as, letter):
    other = make.letter("otra")
    assert client.get("/manage/letters/carta/team/").status_code == 302  # to the login page
    login_as(make.user(roles={other: Role.coordinator, letter: Role.moderator}))
    assert client.get("/manage/letters/carta/team/").status_code == 403
    assert add(client, "x@example.org").status_code == 403
    assert client.get("/manage/letters/otra/team/").status_code == 200


def test_a_forged_link_is_refused(client):
    response = client.get("/account/welcome/not-a-token")
    assert response.status_code == 404
    assert translated("en", "This link does not work any more") in response.get_data(as_text=True)


def test_a_title_written_the_other_way_keeps_its_place_in_the_invitation(
    client, make, login_as, smtp
):
    """An Arabic title in an English email is isolated, so the quotes and colon around it
    stay where the sentence puts them; an English title is left as it is."""
    arabic = make.letter("risala", texts={"ar": ("رسالة إلى المجلس 2026", "…")}, language="ar")
    login_as(make.user("lead@example.org", roles={arabic: Role.coordinator}))
    assert add(client, "new@example.org", slug="risala").status_code == 302
    [message] = smtp.inbox.to("new@example.org")
    isolated = "\u2068رسالة إلى المجلس 2026\u2069"
    assert message["Subject"] == f"New role on “{isolated}”: Moderator"
    assert f"on the letter “{isolated}”." in smtp.inbox.text(message)
    assert f"“{isolated}”" in smtp.inbox.html(message)


def create_from_shell(runner, *options: str):  # noqa: ANN001, ANN201
    return runner.invoke(args=["users", "create", "--email", "m@example.org", *options])


@pytest.mark.parametrize("given", ["fr", "AR"])
def test_an_account_made_from_the_shell_is_written_to_in_the_language_it_was_given(
    runner, client, make, letter, coordinator, smtp, given
):
    """Before its owner first logs in, its digests and invitations are in that language."""
    language = given.lower()
    made = create_from_shell(
        runner, "--role", "moderator", "--letter", "carta", "--language", given
    )
    assert made.exit_code == 0, made.output
    assert user("m@example.org").language == language
    make.signature(letter, "Red Andina")
    assert runner.invoke(args=["digest", "send", "--force"]).exit_code == 0
    add(client, "m@example.org", role="coordinator")
    digest, invitation = smtp.inbox.to("m@example.org")
    for message in (digest, invitation):
        assert smtp.inbox.text(message).startswith(translated(language, "Hello,", escape=False))
        assert f'lang="{language}"' in smtp.inbox.html(message)


def test_the_shell_refuses_a_language_the_interface_does_not_speak(runner, coordinator):
    refused = create_from_shell(runner, "--role", "coordinator", "--language", "de")
    assert refused.exit_code != 0
    assert "'de' is not one of 'en', 'fr', 'es', 'ar'" in refused.output
    assert services.find_user(db.session, "m@example.org") is None


def test_the_shell_keeps_an_accounts_language_unless_given_another(runner, coordinator):
    assert create_from_shell(runner, "--role", "coordinator").exit_code == 0
    assert user("m@example.org").language == "en"  # the app's default
    create_from_shell(runner, "--role", "coordinator", "--language", "es")
    create_from_shell(runner, "--role", "admin")
    assert user("m@example.org").language == "es"
