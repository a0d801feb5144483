"""A translation older than the authoritative text says so to its readers, and to whoever
exports it: the authoritative text may have gained a point the translation does not have."""

import html
import re

import pytest
from babel import Locale

from campaign.accounts.models import Role
from campaign.cli import main
from campaign.db import db
from campaign.exports.models import ExportSnapshot
from campaign.letters.models import Letter
from campaign.letters.texts import save_text
from tests.exports.helpers import (
    as_frozen_before_outdated_was_recorded,
    pdf_text,
    run_cli,
    snapshot_texts,
)
from tests.i18n import translated

TEXTS = {
    "en": ("Protect civic space", "We urge the Council to act."),
    "fr": ("Protéger l'espace civique", "Nous exhortons le Conseil à agir."),
    "es": ("Proteger el espacio cívico", "Instamos al Consejo a actuar."),
    "ar": ("حماية الفضاء المدني", "نحث المجلس على التحرك."),
}
NEW_POINT = "We also ask for an independent investigation."
NOTICE = (
    "This translation was last updated before the authoritative text changed, so it may "
    "not say the same. Authoritative text: %(language)s."
)


@pytest.fixture
def letter(make):
    """English gains a point after fr, es and ar were written; es is then brought up to
    date, fr and ar are not."""
    letter = make.letter("civic", texts=TEXTS)
    save_text(letter, "en", TEXTS["en"][0], f"{TEXTS['en'][1]}\n\n{NEW_POINT}")
    db.session.commit()
    save_text(letter, "es", TEXTS["es"][0], f"{TEXTS['es'][1]}\n\nPedimos una investigación.")
    db.session.commit()
    return letter


def notice(page: str) -> str | None:
    """The outdated-translation notice's text as a reader sees it, or None."""
    found = re.search(r'<p[^>]*id="outdated-translation"[^>]*>(.*?)</p>', page, re.S)
    if found is None:
        return None
    # Spaces and line breaks collapsed; a no-break space (French "foi :") is kept.
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", "", found[1]))).strip()


@pytest.mark.parametrize("code", ["fr", "ar"])
def test_an_outdated_translation_says_so_in_its_language_and_links_the_authoritative_text(
    client, letter, code
):
    page = client.get(f"/{code}/letters/civic").get_data(as_text=True)
    english = Locale.parse(code).languages["en"]
    assert notice(page) == translated(code, NOTICE, language=english, escape=False)
    link = re.search(r'id="outdated-translation".*?</p>', page, re.S)[0]
    assert 'href="/en/letters/civic" hreflang="en"' in link


@pytest.mark.parametrize("code", ["en", "es"])
def test_the_authoritative_text_and_an_up_to_date_translation_have_no_such_notice(
    client, letter, code
):
    assert notice(client.get(f"/{code}/letters/civic").get_data(as_text=True)) is None


def test_a_page_falling_back_to_the_authoritative_text_has_no_such_notice(client, letter):
    assert notice(client.get("/de/letters/civic").get_data(as_text=True)) is None


def test_the_exports_page_names_the_outdated_translations_and_still_exports_them(
    client, make, letter, login_as
):
    login_as(make.user(roles={letter: Role.exporter}))
    page = client.get("/manage/letters/civic/exports/").get_data(as_text=True)
    warning = re.search(r'<div[^>]*id="outdated-texts".*?</div>', page, re.S)
    assert warning is not None
    assert "authoritative text (English)" in warning[0]
    items = re.findall(r"<li>(\w+) ", warning[0])
    assert items == ["Arabic", "French"]  # Spanish was brought up to date
    form = {"format": "pdf", "language": "fr", "snapshot": "0", "columns": "1", "download": "1"}
    response = client.post("/manage/letters/civic/exports/download", data=form)
    assert response.status_code == 200  # warned, not refused
    assert "Nous exhortons" in pdf_text(response.data)


def test_the_exports_page_of_a_letter_with_current_translations_warns_of_nothing(
    client, make, login_as
):
    letter = make.letter("civic", texts=TEXTS)
    login_as(make.user(roles={letter: Role.exporter}))
    page = client.get("/manage/letters/civic/exports/").get_data(as_text=True)
    assert 'id="outdated-texts"' not in page


def test_readiness_lists_the_outdated_translations(client, make, letter, login_as):
    login_as(make.user(roles={letter: Role.moderator}))
    page = client.get("/manage/letters/civic").get_data(as_text=True)
    blockers = re.search(r'<ul class="blockers">(.*?)</ul>', page, re.S)
    assert blockers is not None
    assert "2 translations older than the authoritative text: Arabic and French" in blockers[1]


def test_the_shell_export_of_an_outdated_translation_warns(runner, letter):
    result = runner.invoke(
        main, ["export", "civic", "--format", "pdf", "--lang", "fr", "--output", "/dev/null"]
    )
    assert result.exit_code == 0
    assert "WARNING: the fr text was last saved before the authoritative (en)" in result.stderr
    quiet = runner.invoke(
        main, ["export", "civic", "--format", "pdf", "--lang", "es", "--output", "/dev/null"]
    )
    assert "WARNING" not in quiet.stderr


def test_a_snapshot_keeps_which_translations_were_outdated_when_frozen(
    client, make, runner, letter, login_as
):
    """What was submitted: a translation older than the authoritative text when the list
    was frozen stays so on the snapshot's page, and in a shell export from it, after it
    is brought up to date."""
    frozen = run_cli(runner, "exports", "freeze", "civic").decode()
    snapshot_id = re.search(r"Snapshot (\d+):", frozen)[1]
    save_text(letter, "fr", TEXTS["fr"][0], "Nous demandons aussi une enquête indépendante.")
    db.session.commit()
    login_as(make.user(roles={letter: Role.exporter}))
    page = client.get(f"/manage/letters/civic/exports/snapshots/{snapshot_id}")
    older = "older than the authoritative text"
    assert list(snapshot_texts(page.get_data(as_text=True)).items()) == [
        ("English", "(authoritative)"),
        ("Arabic", older),
        ("Spanish", ""),
        ("French", older),
    ]  # the authoritative text first, then by language code, as the letter lists them
    for code, warned in (("fr", True), ("es", False)):
        args = ["export", "civic", "--format", "pdf", "--lang", code, "--snapshot", snapshot_id]
        result = runner.invoke(main, [*args, "--output", "/dev/null"])
        assert result.exit_code == 0
        warning = f"WARNING: the {code} text was last saved before the authoritative (en) text"
        assert (
            f"{warning} changed when snapshot {snapshot_id} was frozen" in result.stderr
        ) is warned
    live = runner.invoke(main, ["export", "civic", "--format", "pdf", "--lang", "fr"])
    assert "WARNING" not in live.stderr  # up to date now


def exports_notice(page: str) -> tuple[str, list[str]] | None:
    """The exports page's outdated-translations notice: its sentence and the languages it
    lists, or None."""
    found = re.search(r'<div[^>]*id="outdated-texts".*?</div>', page, re.S)
    if found is None:
        return None
    sentence = html.unescape(re.search(r"<p>(.*?)</p>", found[0], re.S)[1])
    return sentence, re.findall(r"<li>(\w+)", found[0])


def check_statement(client, snapshot: str, language: str = "fr") -> str:  # noqa: ANN001
    """The exports page as "Check the statement" answers it, for the list ``snapshot``."""
    form = {"format": "docx", "language": language, "snapshot": snapshot, "columns": "1"}
    page = client.post("/manage/letters/civic/exports/download", data={**form, "check": "1"})
    assert page.status_code == 200
    return page.get_data(as_text=True)


def test_a_web_export_from_a_snapshot_warns_of_what_was_outdated_when_it_was_frozen(
    client, make, runner, letter, login_as
):
    """As the shell does: frozen while fr and ar were outdated; since then fr was brought up
    to date and es fell behind a new authoritative text. Asked of the snapshot, the page
    names ar and fr; asked of the current list, ar and es."""
    frozen = run_cli(runner, "exports", "freeze", "civic").decode()
    snapshot_id = re.search(r"Snapshot (\d+):", frozen)[1]
    save_text(letter, "en", TEXTS["en"][0], f"{TEXTS['en'][1]}\n\n{NEW_POINT} Soon.")
    db.session.commit()
    save_text(letter, "fr", TEXTS["fr"][0], "Nous demandons aussi une enquête, vite.")
    db.session.commit()
    login_as(make.user(roles={letter: Role.exporter}))
    sentence, languages = exports_notice(check_statement(client, snapshot_id))
    assert languages == ["Arabic", "French"]
    assert sentence.startswith(f"When snapshot {snapshot_id} was frozen, these translations")
    assert exports_notice(check_statement(client, "0"))[1] == ["Arabic", "Spanish"]
    assert exports_notice(client.get("/manage/letters/civic/exports/").text)[1] == [
        "Arabic",
        "Spanish",
    ]


def test_a_web_export_from_a_snapshot_that_did_not_record_them_warns_of_nothing(
    client, make, runner, letter, login_as
):
    """As the shell says nothing for it: not what the letter's texts are now."""
    frozen = run_cli(runner, "exports", "freeze", "civic").decode()
    snapshot = db.session.get(ExportSnapshot, int(re.search(r"Snapshot (\d+):", frozen)[1]))
    as_frozen_before_outdated_was_recorded(snapshot)
    login_as(make.user(roles={letter: Role.exporter}))
    assert exports_notice(check_statement(client, str(snapshot.id))) is None
    args = ["export", "civic", "--format", "pdf", "--lang", "fr", "--snapshot", str(snapshot.id)]
    assert "WARNING" not in runner.invoke(main, [*args, "--output", "/dev/null"]).stderr


def test_outdated_texts_are_the_translations_saved_before_the_authoritative_one(letter):
    letter = db.session.get(Letter, letter.id)
    assert [t.language for t in letter.outdated_texts] == ["ar", "fr"]
