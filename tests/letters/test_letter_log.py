"""What coordinators change on a letter itself (settings, status, texts) is in its log, with
who did it and what changed, next to the moderators' decisions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from flask_babel import force_locale, format_datetime
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters.models import LetterStatus
from campaign.moderation.models import AuditEntry
from tests.conftest import login
from tests.i18n import translated

SETTINGS = {
    "slug": "carta",
    "addressee": "Human Rights Council",
    "lead_organisations": "",
    "deadline": "",
}


@pytest.fixture
def letter(make, client):
    letter = make.letter("carta", status=LetterStatus.draft, addressee="Human Rights Council")
    make.user("coord@example.org", roles={letter: Role.coordinator})
    login(client, "coord@example.org")
    return letter


def entries() -> list[AuditEntry]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_changed_settings_are_logged_once_with_only_what_changed(client, letter):
    changes = {"auto_approve": "y", "embed_origins": "coalition.example.org"}
    changes["deadline"] = "2026-12-31T17:00"
    for _ in range(2):  # the second save changes nothing
        saved = client.post("/manage/letters/carta/settings", data={**SETTINGS, **changes})
        assert saved.status_code == 302
    [entry] = entries()
    assert (entry.action, entry.actor_label, entry.letter_id) == (
        "settings_changed",
        "coord@example.org",
        letter.id,
    )
    assert entry.before == {"deadline": None, "auto_approve": False, "embed_origins": ""}
    assert entry.after == {
        "deadline": "2026-12-31T17:00+00:00",
        "auto_approve": True,
        "embed_origins": "https://coalition.example.org",
    }


def test_refused_settings_log_nothing(client, letter):
    response = client.post("/manage/letters/carta/settings", data={**SETTINGS, "slug": "Bad Slug"})
    assert response.status_code == 400
    assert entries() == []


def test_status_changes_and_texts_are_logged_and_refused_moves_are_not(client, letter):
    client.post("/manage/letters/carta/status/submitted")  # not from a draft
    client.post("/manage/letters/carta/status/open")
    client.post("/manage/letters/carta/texts/fr", data={"title": "Lettre", "body": "Texte"})
    client.post("/manage/letters/carta/texts/fr/authoritative")
    logged = [(e.action, e.before, e.after, e.detail) for e in entries()]
    assert logged == [
        ("status_changed", {"status": "draft"}, {"status": "open"}, ""),
        ("text_saved", {}, {}, "fr"),
        (
            "text_authoritative",
            {"authoritative_language": "en"},
            {"authoritative_language": "fr"},
            "fr",
        ),
    ]


def test_the_log_page_shows_them_in_the_readers_language(client, letter):
    client.post("/manage/letters/carta/status/open")
    client.get("/language/es")
    page = client.get("/manage/letters/carta/audit").get_data(as_text=True)
    assert translated("es", "Letter status changed") in page
    filtered = client.get("/manage/letters/carta/audit?action=status_changed")
    assert "coord@example.org" in filtered.get_data(as_text=True)


def test_deleting_a_text_that_is_not_there_says_so_and_logs_nothing(client, letter):
    page = client.post("/manage/letters/carta/texts/fr/delete", follow_redirects=True)
    assert "There is no text in this language." in page.get_data(as_text=True)
    assert entries() == []
    client.post("/manage/letters/carta/texts/fr", data={"title": "Lettre", "body": "Texte"})
    client.post("/manage/letters/carta/texts/fr/delete")
    logged = [(e.action, e.detail) for e in entries()]
    assert logged == [("text_saved", "fr"), ("text_delete", "fr")]


def test_the_letters_own_changes_read_in_arabic(client, letter):
    changes = {"auto_approve": "y", "deadline": "2026-12-31T17:00"}
    client.post("/manage/letters/carta/settings", data={**SETTINGS, **changes})
    client.post("/manage/letters/carta/status/open")
    client.post("/manage/letters/carta/texts/fr", data={"title": "Lettre", "body": "Texte"})
    client.get("/language/ar")
    page = client.get("/manage/letters/carta/audit").get_data(as_text=True)
    with force_locale("ar"):
        deadline = format_datetime(datetime(2026, 12, 31, 17, tzinfo=UTC), "short")
    arrow = '<span aria-hidden="true">←</span>'
    changed = f'<span class="visually-hidden">{translated("ar", "changed to")}</span>'
    for label, before, after in [
        ("Sign-on deadline (UTC)", "—", deadline),
        ("Approve confirmed signatures without moderation", "No", "Yes"),
        ("Status", "Draft", "Open for signature"),
    ]:
        before, after = translated("ar", before), translated("ar", after)
        assert (
            f"<dt>{translated('ar', label)}</dt><dd>{before} {arrow}{changed} {after}</dd>" in page
        )
    assert f"<dt>{translated('ar', 'Language')}</dt><dd>الفرنسية</dd>" in page  # the text's
    assert "2026-12-31T17:00" not in page.split("<tbody>")[1]
