"""A staff export is made in one of the letter's own languages, never one it has no text in:
a file named "-pt" must not hold the English letter."""

from __future__ import annotations

import html
import re

import pytest

from campaign.accounts.models import Role
from campaign.cli import main
from tests.exports.helpers import pdf_text
from tests.i18n import translated

TEXTS = {
    "en": ("Protect civic space", "We urge the Council to act."),
    "fr": ("Protéger l'espace civique", "Nous exhortons le Conseil à agir."),
}
NO_TEXT = (
    "The letter has no text in this language: choose one of its languages, or add the "
    "translation first."
)
FORM = {"format": "pdf", "language": "en", "snapshot": "0", "columns": "1", "download": "1"}


@pytest.fixture
def letter(make):
    letter = make.letter("civic", texts=TEXTS)
    make.signature(letter, "Amnesty International")
    return letter


def html_text(page: str) -> str:
    """The page's text as a reader sees it (entities decoded, tags dropped)."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page))).strip()


def _download(client, **fields: str):  # noqa: ANN001, ANN202
    return client.post("/manage/letters/civic/exports/download", data={**FORM, **fields})


def test_the_language_menu_offers_the_letters_own_languages(client, make, letter, login_as):
    login_as(make.user(roles={letter: Role.exporter}))
    page = client.get("/manage/letters/civic/exports/").get_data(as_text=True)
    menu = re.search(r'<select[^>]*name="language".*?</select>', page, re.S)[0]
    assert re.findall(r'<option[^>]*value="(\w+)"', menu) == ["en", "fr"]
    assert re.search(r'<option[^>]*selected[^>]*value="en"|value="en"[^>]*selected', menu)


@pytest.mark.parametrize("fmt", ["pdf", "txt", "csv", "xlsx"])
@pytest.mark.parametrize("code", ["pt", "xx"])
def test_a_language_without_a_text_posted_by_hand_is_refused_with_a_reason(
    client, make, letter, login_as, fmt, code
):
    login_as(make.user(roles={letter: Role.exporter}))
    response = _download(client, format=fmt, language=code)
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert NO_TEXT in html_text(response.get_data(as_text=True))


def test_the_refusal_is_in_the_staff_members_language(client, make, letter, login_as):
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(
        "/manage/letters/civic/exports/download",
        data={**FORM, "language": "pt"},
        headers={"Accept-Language": "fr"},
    )
    assert response.status_code == 400
    assert translated("fr", NO_TEXT) in response.get_data(as_text=True)


def test_a_language_with_a_text_downloads_that_text(client, make, letter, login_as):
    login_as(make.user(roles={letter: Role.exporter}))
    response = _download(client, language="fr")
    assert response.status_code == 200
    assert "-fr-" in response.headers["Content-Disposition"]
    assert "Nous exhortons le Conseil" in pdf_text(response.data)


@pytest.mark.parametrize("fmt", ["pdf", "txt", "csv"])
def test_the_shell_refuses_a_language_without_a_text(runner, letter, fmt):
    result = runner.invoke(main, ["export", "civic", "--format", fmt, "--lang", "pt"])
    assert result.exit_code != 0
    assert NO_TEXT in result.output


def test_a_snapshot_without_a_text_in_the_language_is_refused(
    client, runner, make, letter, login_as
):
    """A translation added after the list was frozen is offered (the letter has it) but the
    snapshot has no text in it: refused, saying why, rather than filled with English."""
    runner.invoke(main, ["exports", "freeze", "civic"], catch_exceptions=False)
    login_as(make.user(roles={letter: Role.coordinator}))
    added = client.post(
        "/manage/letters/civic/texts/es", data={"title": "Carta", "body": "Pedimos"}
    )
    assert added.status_code == 302
    page = client.get("/manage/letters/civic/exports/").get_data(as_text=True)
    snapshot = re.search(r'<option value="(\d+)">Snapshot', page)[1]
    response = _download(client, language="es", snapshot=snapshot)
    assert response.status_code == 400
    assert "This snapshot has no text in this language" in response.get_data(as_text=True)
    assert _download(client, language="es").status_code == 200  # the current list has it
