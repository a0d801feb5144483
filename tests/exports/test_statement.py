"""The Council's joint written statement, opened with python-docx and read as XML."""

from __future__ import annotations

import io
import zipfile

from docx import Document

from campaign.accounts.models import Role
from campaign.cli import main
from campaign.demo import TEXTS
from campaign.signatures.models import EcosocStatus
from tests.exports.helpers import run_cli, seed

STATUS_ORDER = ["General", "Special", "Roster"]


def _statement(runner, letter, *args: str):  # noqa: ANN001, ANN202
    content = run_cli(runner, "export", letter.slug, "--format", "docx", *args)
    return content, Document(io.BytesIO(content))


def test_sponsors_are_grouped_by_status_and_others_named_in_a_real_footnote(runner, make):
    letter = make.letter(texts=TEXTS)
    seed(make, letter)
    content, document = _statement(runner, letter, "--session", "61", "--agenda-item", "3")
    lines = [p.text for p in document.paragraphs]
    assert lines[:4] == [
        "Human Rights Council",
        "Session 61",
        "Agenda item 3",
        "Joint written statement submitted by",
    ]
    assert lines[4:8] == [
        "Human Rights Watch (General)",
        "Amnesty International (Special)",
        "İHH İnsani Yardım Vakfı (Special)",
        "الجمعية العربية لحقوق الإنسان (Roster)",
    ]
    title = next(p for p in document.paragraphs if p.text == TEXTS["en"][0])
    assert title.runs[0].bold and title.runs[0].font.name == "Times New Roman"
    assert title.runs[0].font.size.pt == 12
    assert 'w:footnoteReference w:id="1"' in title._p.xml
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        footnotes = archive.read("word/footnotes.xml").decode()
        assert "word/footnotes.xml" in archive.read("[Content_Types].xml").decode()
        assert "footnotes.xml" in archive.read("word/_rels/document.xml.rels").decode()
    assert "Àltera Associació" in footnotes and "Albergue Solidario" in footnotes
    assert "also share the views expressed in this statement." in footnotes
    assert "Human Rights Watch" not in footnotes and "Jane Doe" not in footnotes


def test_body_is_justified_times_new_roman(runner, make):
    letter = make.letter(texts=TEXTS)
    make.signature(letter, "Only Org", ecosoc_status=EcosocStatus.special)
    _, document = _statement(runner, letter)
    body = [p for p in document.paragraphs if p.text.startswith("Across regions")][0]
    assert body.alignment == 3  # WD_ALIGN_PARAGRAPH.JUSTIFY
    assert all(r.font.name == "Times New Roman" for r in body.runs)


def test_french_statement_uses_the_council_wording(runner, make):
    letter = make.letter(texts=TEXTS)
    make.signature(letter, "Seule Org", ecosoc_status=EcosocStatus.roster)
    make.signature(letter, "Autre Org", ecosoc_status=EcosocStatus.none)
    content, document = _statement(runner, letter, "--lang", "fr")
    lines = [p.text for p in document.paragraphs]
    assert "Conseil des droits de l'homme" in lines and "Seule Org (Liste)" in lines
    footnotes = zipfile.ZipFile(io.BytesIO(content)).read("word/footnotes.xml").decode()
    assert "Autre Org partage également les vues exprimées dans cet exposé." in footnotes


def test_word_count_against_the_limit_and_deadline_in_cli_output(runner, make):
    long_body = "word " * 1600
    letter = make.letter(texts={"en": ("Long statement", long_body)})
    make.signature(letter, "Special Org", ecosoc_status=EcosocStatus.special)
    result = runner.invoke(
        main,
        [
            "export",
            letter.slug,
            "--format",
            "docx",
            "--output",
            "/dev/null",
            "--session-start",
            "2027-02-22",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "of 1500 allowed" in result.stderr
    assert "WARNING" in result.stderr
    assert "Submission deadline: 2027-02-08." in result.stderr
    make.signature(letter, "General Org", ecosoc_status=EcosocStatus.general)
    result = runner.invoke(
        main, ["export", letter.slug, "--format", "docx", "--output", "/dev/null"]
    )
    assert "of 2000 allowed" in result.stderr and "WARNING" not in result.stderr


def test_statement_check_shown_on_the_exports_page(client, make, login_as):
    letter = make.letter(texts={"en": ("Long statement", "word " * 1600)})
    make.signature(letter, "Special Org", ecosoc_status=EcosocStatus.special)
    login_as(make.user(roles={letter: Role.exporter}))
    response = client.post(
        f"/manage/letters/{letter.slug}/exports/download",
        data={
            "format": "docx",
            "language": "en",
            "snapshot": "0",
            "columns": "1",
            "session_start": "2027-02-22",
            "check": "Check",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "of 1500 allowed" in page and "over the limit" in page
    assert "February 8, 2027" in page


def test_statement_refuses_languages_the_council_does_not_take(runner, make):
    letter = make.letter()
    result = runner.invoke(main, ["export", letter.slug, "--format", "docx", "--lang", "ar"])
    assert result.exit_code != 0 and "English, French or Spanish" in result.output
