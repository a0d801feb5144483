"""Coordinators create letters, write translations and move them through their statuses."""

from html import unescape as html_unescape

import pytest

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters.models import Letter, LetterStatus
from tests.exports.helpers import pdf_text


@pytest.fixture
def coordinator(make, login_as):
    user = make.user("coord@example.org", creator=True)
    login_as(user)
    return user


def new_letter(client, **overrides):
    data = {
        "slug": "hrc-61",
        "language": "en",
        "title": "Joint letter",
        "body": "We ask…",
        "addressee": "Human Rights Council",
        "lead_organisations": "Org A\nOrg B",
        "deadline": "2026-12-31T17:00",
        **overrides,
    }
    return client.post("/manage/letters/new", data=data)


def test_coordinator_creates_a_draft_letter(client, coordinator):
    response = new_letter(client)
    assert response.headers["Location"] == "/manage/letters/hrc-61"
    letter = db.session.query(Letter).filter_by(slug="hrc-61").one()
    assert letter.status is LetterStatus.draft
    assert letter.addressee == "Human Rights Council"
    assert letter.deadline.isoformat() == "2026-12-31T17:00:00+00:00"
    assert coordinator.has_role(letter.id, Role.coordinator)
    assert client.get("/en/letters/hrc-61").status_code == 200  # preview for its staff


def test_staff_without_creation_right_cannot_create(client, make, login_as):
    login_as(make.user())
    assert client.get("/manage/letters/new").status_code == 403


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"slug": "Not A Slug!"}, "Lower-case"),
        ({"title": ""}, "This field is required"),
        ({"title": "\u200d\u200c\u200d"}, "only invisible characters"),
        ({"title": "\u200c \u2060"}, "invisible characters"),
        ({"addressee": "\u200d"}, "only invisible characters"),
        ({"title": "x" * 301}, "under 300"),
        ({"title": "Evil\u202etitle"}, "text-direction"),
        ({"body": "ok\x00"}, "control characters"),
        ({"deadline": "tomorrow"}, "Not a valid datetime"),
        ({"language": "xx"}, "Not a valid choice"),
    ],
)
def test_bad_input_is_explained_and_kept(client, coordinator, overrides, message):
    response = new_letter(client, **overrides)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert message in page
    assert "Human Rights Council" in page  # what was typed comes back
    assert db.session.query(Letter).count() == 0


def test_duplicate_slug_is_refused(client, coordinator, make):
    make.letter("hrc-61")
    assert "already uses" in new_letter(client).get_data(as_text=True)


def test_translation_is_added_and_shown_with_its_date(client, coordinator):
    new_letter(client)
    response = client.post(
        "/manage/letters/hrc-61/texts/fr",
        data={"title": "Lettre conjointe", "body": "Nous demandons…"},
    )
    assert response.status_code == 302
    page = client.get("/manage/letters/hrc-61").get_data(as_text=True)
    assert "Lettre conjointe" in page and "Français" in page


def test_authoritative_language_can_change(client, coordinator):
    new_letter(client)
    client.post("/manage/letters/hrc-61/texts/fr", data={"title": "Lettre", "body": "…"})
    client.post("/manage/letters/hrc-61/texts/fr/authoritative")
    assert db.session.query(Letter).one().authoritative_language == "fr"
    client.post("/manage/letters/hrc-61/texts/fr/delete")
    assert db.session.query(Letter).one().text_for("fr") is not None  # refused


def test_status_moves_forward_with_timestamps(client, coordinator):
    new_letter(client)
    for status in ("open", "closed", "submitted"):
        assert client.post(f"/manage/letters/hrc-61/status/{status}").status_code == 302
    letter = db.session.query(Letter).one()
    db.session.refresh(letter)
    assert letter.status is LetterStatus.submitted
    assert letter.opened_at <= letter.closed_at <= letter.submitted_at


def test_impossible_status_change_is_explained(client, coordinator):
    new_letter(client)
    client.post("/manage/letters/hrc-61/status/submitted")
    page = client.get("/manage/letters/hrc-61").get_data(as_text=True)
    assert "cannot go from this status" in page
    assert client.post("/manage/letters/hrc-61/status/bogus").status_code == 400


def test_settings_are_saved(client, coordinator):
    new_letter(client)
    response = client.post(
        "/manage/letters/hrc-61/settings",
        data={"slug": "hrc-62", "addressee": "Council", "auto_approve": "y"},
    )
    assert response.headers["Location"] == "/manage/letters/hrc-62"
    letter = db.session.query(Letter).one()
    assert (letter.slug, letter.auto_approve) == ("hrc-62", True)


def test_settings_errors_do_not_crash(client, coordinator):
    new_letter(client)
    response = client.post("/manage/letters/hrc-61/settings", data={"slug": "Bad Slug"})
    assert response.status_code == 400
    assert "invalid or already in use" in response.get_data(as_text=True)


def test_unknown_text_language_is_not_found(client, coordinator):
    new_letter(client)
    assert client.get("/manage/letters/hrc-61/texts/klingon").status_code == 404


def test_a_translation_names_the_addressee_in_its_own_language(client, coordinator):
    """The French page, the letters' index in French and the French PDF say "Conseil des
    droits de l'homme"; the English ones keep the settings' "Human Rights Council"."""
    new_letter(client)
    form = client.get("/manage/letters/hrc-61/texts/fr").get_data(as_text=True)
    assert 'name="addressee"' in form and "To: Human Rights Council" in form
    response = client.post(
        "/manage/letters/hrc-61/texts/fr",
        data={"title": "Lettre", "body": "…", "addressee": "Conseil des droits de l'homme"},
    )
    assert response.status_code == 302
    client.post("/manage/letters/hrc-61/status/open")
    french = "Conseil des droits de l&#39;homme"
    for lang, shown, not_shown in (
        ("fr", french, "Human Rights Council"),
        ("en", "Human Rights Council", french),
    ):
        for page in (f"/{lang}/letters/hrc-61", f"/{lang}/"):
            html = client.get(page).get_data(as_text=True)
            assert shown in html and not_shown not in html, (lang, page)
        pdf = pdf_text(client.get(f"/{lang}/letters/hrc-61/letter.pdf").get_data())
        assert html_unescape(shown) in pdf and html_unescape(not_shown) not in pdf

    # Emptied, the French pages fall back to the letter's addressee.
    client.post(
        "/manage/letters/hrc-61/texts/fr", data={"title": "Lettre", "body": "…", "addressee": ""}
    )
    assert "Human Rights Council" in client.get("/fr/letters/hrc-61").get_data(as_text=True)


def test_the_authoritative_text_takes_its_addressee_from_the_settings(client, coordinator):
    new_letter(client)
    form = client.get("/manage/letters/hrc-61/texts/en").get_data(as_text=True)
    assert 'name="addressee"' not in form
    client.post(
        "/manage/letters/hrc-61/texts/en",
        data={"title": "Joint letter", "body": "We ask…", "addressee": "Someone else"},
    )
    letter = db.session.query(Letter).one()
    assert (letter.addressee, letter.text_for("en").addressee) == ("Human Rights Council", "")


def test_a_new_authoritative_text_brings_its_addressee_to_the_settings(client, coordinator):
    new_letter(client)
    client.post(
        "/manage/letters/hrc-61/texts/fr",
        data={"title": "Lettre", "body": "…", "addressee": "Conseil des droits de l'homme"},
    )
    client.post("/manage/letters/hrc-61/texts/fr/authoritative")
    letter = db.session.query(Letter).one()
    assert letter.addressee == "Conseil des droits de l'homme"
    assert letter.addressee_in("fr") == "Conseil des droits de l'homme"
    assert letter.addressee_in("en") == "Human Rights Council"
    settings = client.get("/manage/letters/hrc-61").get_data(as_text=True)
    assert 'value="Conseil des droits de l&#39;homme"' in settings


def test_an_unsafe_addressee_is_explained_and_nothing_is_saved(client, coordinator):
    new_letter(client)
    response = client.post(
        "/manage/letters/hrc-61/texts/fr",
        data={"title": "Lettre", "body": "…", "addressee": "Conseil\u202e"},
    )
    assert response.status_code == 200
    assert "Remove the hidden text-direction characters from this field." in response.get_data(
        as_text=True
    )
    assert db.session.query(Letter).one().text_for("fr") is None
