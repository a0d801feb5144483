"""Coordinators create letters, write translations and move them through their statuses."""

import re
from datetime import UTC, datetime, timedelta
from html import unescape as html_unescape

import pytest
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters import services
from campaign.letters.models import Letter, LetterStatus
from campaign.moderation.models import AuditEntry
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
        "deadline": "2036-12-31T17:00",
        **overrides,
    }
    return client.post("/manage/letters/new", data=data)


def test_coordinator_creates_a_draft_letter(client, coordinator):
    response = new_letter(client)
    assert response.headers["Location"] == "/manage/letters/hrc-61"
    letter = db.session.query(Letter).filter_by(slug="hrc-61").one()
    assert letter.status is LetterStatus.draft
    assert letter.addressee == "Human Rights Council"
    assert letter.deadline.isoformat() == "2036-12-31T17:00:00+00:00"
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
        ({"title": "\u200c \u2060"}, "hidden characters"),
        ({"addressee": "\u200d"}, "only invisible characters"),
        ({"title": "x" * 301}, "under 300"),
        ({"title": "Evil\u202etitle"}, "hidden characters"),
        ({"body": "ok\x00"}, "hidden characters"),
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
    page = response.get_data(as_text=True)
    assert "This field held hidden characters (text-direction marks" in page
    assert 'value="Conseil"' in page  # shown without it, to send again
    assert db.session.query(Letter).one().text_for("fr") is None


def version_shown(page):
    return re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)


def test_a_text_saved_meanwhile_is_not_overwritten(client, coordinator):
    new_letter(client)
    for language in ("en", "fr"):  # the authoritative text, then a translation not yet written
        url = f"/manage/letters/hrc-61/texts/{language}"
        shown = version_shown(client.get(url).get_data(as_text=True))
        first = {"title": "Theirs", "body": "Their text", "version": shown}
        assert client.post(url, data=first).status_code == 302
        mine = {"title": "Mine", "body": "My text", "version": shown}
        response = client.post(url, data=mine)
        page = response.get_data(as_text=True)
        assert response.status_code == 409
        assert "Another coordinator saved this text" in page
        assert "My text" in page and "Their text" in page  # what I typed, and theirs beside it
        assert db.session.query(Letter).one().text_for(language).body == "Their text"
        mine["version"] = version_shown(page)  # sent again, knowingly
        assert client.post(url, data=mine).status_code == 302
        db.session.expire_all()
        assert db.session.query(Letter).one().text_for(language).body == "My text"


def test_settings_saved_meanwhile_are_not_overwritten(client, coordinator):
    new_letter(client)
    shown = version_shown(client.get("/manage/letters/hrc-61").get_data(as_text=True))
    base = {"slug": "hrc-61", "addressee": "Human Rights Council", "version": shown}
    first = {**base, "deadline": "2027-01-31T17:00"}
    assert client.post("/manage/letters/hrc-61/settings", data=first).status_code == 302
    response = client.post("/manage/letters/hrc-61/settings", data={**base, "addressee": "UN HRC"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "Another coordinator changed this letter" in page and 'value="UN HRC"' in page
    letter = db.session.query(Letter).one()
    assert (letter.addressee, letter.deadline.year) == ("Human Rights Council", 2027)


def test_an_address_the_site_uses_itself_is_refused(client, coordinator):
    response = new_letter(client, slug="new")
    assert "uses for its own pages" in response.get_data(as_text=True)
    assert db.session.query(Letter).count() == 0
    new_letter(client)
    response = client.post("/manage/letters/hrc-61/settings", data={"slug": "new"})
    assert response.status_code == 400
    assert "uses for its own pages" in response.get_data(as_text=True)
    assert db.session.query(Letter).one().slug == "hrc-61"


def test_every_fixed_word_where_a_slug_goes_is_reserved(app):
    """A route with a fixed word where a letter's slug goes (/manage/letters/new) hides the
    letter with that slug: each such word is refused as a slug."""
    words = set()
    for rule in app.url_map.iter_rules():
        for prefix in ("/manage/letters/", "/<lang:lang>/letters/"):
            rest = rule.rule.removeprefix(prefix)
            if rest != rule.rule and not rest.startswith("<"):
                words.add(rest.split("/")[0])
    assert "new" in words and words <= services.RESERVED_SLUGS


def test_an_outdated_translation_becomes_authoritative_only_once_confirmed(client, coordinator):
    new_letter(client)
    client.post("/manage/letters/hrc-61/texts/fr", data={"title": "Lettre", "body": "Nous…"})
    client.post("/manage/letters/hrc-61/texts/en", data={"title": "Joint letter", "body": "New"})
    response = client.post("/manage/letters/hrc-61/texts/fr/authoritative")
    assert response.headers["Location"] == "/manage/letters/hrc-61?confirm=fr"
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "last saved before the authoritative text was changed" in page
    assert "older than the authoritative text" in page
    assert (
        "/texts/fr/authoritative?confirm=outdated" in page and "Make authoritative anyway" in page
    )
    assert db.session.query(Letter).one().authoritative_language == "en"

    client.post("/manage/letters/hrc-61/texts/fr/authoritative?confirm=outdated")
    assert db.session.query(Letter).one().authoritative_language == "fr"


def test_making_a_text_authoritative_dates_no_text(client, coordinator):
    """The addressee moves between texts when the authoritative language changes; their
    wording does not, so their dates stay, and a translation saved after the new
    authoritative text still does not look outdated (nor asks for a confirmation)."""
    new_letter(client)
    for language, title in (("fr", "Lettre"), ("es", "Carta")):
        client.post(f"/manage/letters/hrc-61/texts/{language}", data={"title": title, "body": "…"})
    dates = {t.language: t.updated_at for t in db.session.query(Letter).one().texts}
    response = client.post("/manage/letters/hrc-61/texts/fr/authoritative")
    assert response.headers["Location"] == "/manage/letters/hrc-61"
    db.session.expire_all()
    letter = db.session.query(Letter).one()
    assert letter.authoritative_language == "fr"
    assert {t.language: t.updated_at for t in letter.texts} == dates
    assert not letter.is_outdated(letter.text_for("es"))
    response = client.post("/manage/letters/hrc-61/texts/es/authoritative")
    assert response.headers["Location"] == "/manage/letters/hrc-61"  # no "?confirm=es"


def test_a_text_saved_unchanged_keeps_its_date_and_log(client, coordinator):
    new_letter(client)
    client.post("/manage/letters/hrc-61/texts/fr", data={"title": "Lettre", "body": "Nous…"})
    letter = db.session.query(Letter).one()
    dates = {t.language: t.updated_at for t in letter.texts}
    for language, data in (
        ("en", {"title": "Joint letter", "body": "We ask…"}),
        ("fr", {"title": "Lettre", "body": "Nous…", "addressee": ""}),
    ):
        response = client.post(f"/manage/letters/hrc-61/texts/{language}", data=data)
        assert response.status_code == 302
    page = client.get("/manage/letters/hrc-61").get_data(as_text=True)
    assert "nothing changed" in page
    assert "older than the authoritative text" not in page
    db.session.expire_all()
    assert {t.language: t.updated_at for t in letter.texts} == dates
    saved = db.session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "text_saved"))
    assert list(saved) == ["fr"]  # its first save only


def test_a_past_deadline_is_refused_on_an_open_letter(client, coordinator):
    new_letter(client)
    client.post("/manage/letters/hrc-61/status/open")
    past = (datetime.now(UTC) - timedelta(days=365)).strftime("%Y-%m-%dT%H:%M")
    data = {"slug": "hrc-61", "addressee": "Human Rights Council", "deadline": past}
    response = client.post("/manage/letters/hrc-61/settings", data=data)
    assert response.status_code == 400
    assert "This deadline has already passed" in response.get_data(as_text=True)
    assert db.session.query(Letter).one().deadline.year == 2036


def test_an_open_letter_past_its_deadline_says_sign_on_has_stopped(client, coordinator, make):
    new_letter(client)
    client.post("/manage/letters/hrc-61/status/open")
    letter = db.session.query(Letter).one()
    letter.deadline = datetime.now(UTC) - timedelta(minutes=1)  # the deadline came
    db.session.commit()
    staff = client.get("/manage/letters/hrc-61").get_data(as_text=True)
    assert "the deadline has passed: sign-on has stopped" in staff
    assert "Open for signature" not in staff
    assert "the deadline has passed" in client.get("/manage/").get_data(as_text=True)
    assert "Joint letter" not in client.get("/en/").get_data(as_text=True)
    make.letter("hrc-62", texts={"en": ("Still open", "…")})
    assert "Still open" in client.get("/en/").get_data(as_text=True)


def test_a_letter_whose_deadline_has_passed_is_not_opened(client, coordinator):
    """Set while a draft (a wrong year, say), the deadline would stop sign-on the moment the
    letter opens: opening is refused with what to do, and works once it is put right."""
    past = (datetime.now(UTC) - timedelta(days=30)).strftime("%Y-%m-%dT%H:%M")
    new_letter(client, deadline=past)
    response = client.post("/manage/letters/hrc-61/status/open", follow_redirects=True)
    assert "Set a later deadline (or none) first, then open it." in response.get_data(as_text=True)
    assert db.session.query(Letter).one().status is LetterStatus.draft
    page = client.get("/manage/letters/hrc-61").get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    data = {"slug": "hrc-61", "deadline": "2036-12-31T17:00", "version": version}
    assert client.post("/manage/letters/hrc-61/settings", data=data).status_code == 302
    client.post("/manage/letters/hrc-61/status/open")
    db.session.expire_all()
    assert db.session.query(Letter).one().status is LetterStatus.open


def test_a_deadline_that_passed_on_its_own_does_not_block_other_settings(client, coordinator):
    """The settings form sends the deadline back as it shows it (to the minute, without a
    zone): unchanged, it is neither refused nor rewritten, and the letter's version moves
    only for what changed."""
    new_letter(client)
    client.post("/manage/letters/hrc-61/status/open")
    letter = db.session.query(Letter).one()
    letter.deadline = datetime.now(UTC) - timedelta(hours=1, seconds=17)  # the deadline came
    db.session.commit()
    stored = letter.deadline
    page = client.get("/manage/letters/hrc-61").get_data(as_text=True)
    shown = re.search(r'<input[^>]*name="deadline"[^>]*value="([^"]+)"', page).group(1)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', page).group(1)
    data = {"slug": "hrc-61", "addressee": "The Council", "deadline": shown, "version": version}
    response = client.post("/manage/letters/hrc-61/settings", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    db.session.expire_all()
    letter = db.session.query(Letter).one()
    assert letter.addressee == "The Council"
    assert letter.deadline == stored


def test_a_published_letter_keeps_its_address(client, coordinator):
    new_letter(client)
    client.post("/manage/letters/hrc-61/status/open")
    page = client.get("/manage/letters/hrc-61").get_data(as_text=True)
    assert re.search(r'<input[^>]*name="slug"[^>]*readonly', page)
    response = client.post("/manage/letters/hrc-61/settings", data={"slug": "hrc-62"})
    assert response.status_code == 400
    assert "its address can no longer change" in response.get_data(as_text=True)
    assert db.session.query(Letter).one().slug == "hrc-61"
    assert client.get("/en/letters/hrc-61").status_code == 200
