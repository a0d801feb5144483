"""The Council's joint written statement, opened with python-docx and read as XML."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

from campaign.accounts.models import Role
from campaign.cli import main
from campaign.db import db, utcnow
from campaign.demo import TEXTS
from campaign.exports import jws, services
from campaign.exports.docx_footnotes import W
from campaign.signatures.models import EcosocStatus
from tests.exports.helpers import run_cli, seed

STATUS_ORDER = ["General", "Special", "Roster"]


def isolated(name: str) -> str:
    """A right-to-left ``name`` as the statement writes it: between U+2068 and U+2069."""
    return f"\u2068{name}\u2069"


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
        f"{isolated('الجمعية العربية لحقوق الإنسان')} (Roster)",
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
    share = "partage également les vues exprimées dans cet exposé."
    assert f"Autre Org {share}" in footnotes and "\u2068" not in footnotes


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


def check_statement(client, letter, session_start: str):  # noqa: ANN001, ANN201
    """Press "Check" for the English statement on the exports page."""
    data = {"format": "docx", "language": "en", "snapshot": "0", "columns": "1"}
    return client.post(
        f"/manage/letters/{letter.slug}/exports/download",
        data={**data, "session_start": session_start, "check": "Check"},
    )


def test_statement_check_shown_on_the_exports_page(client, make, login_as):
    letter = make.letter(texts={"en": ("Long statement", "word " * 1600)})
    make.signature(letter, "Special Org", ecosoc_status=EcosocStatus.special)
    login_as(make.user(roles={letter: Role.exporter}))
    response = check_statement(client, letter, "2027-02-22")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "of 1500 allowed" in page and "over the limit" in page
    assert "February 8, 2027" in page


def test_statement_refuses_languages_the_council_does_not_take(runner, make):
    letter = make.letter()
    result = runner.invoke(main, ["export", letter.slug, "--format", "docx", "--lang", "ar"])
    assert result.exit_code != 0 and "English, French or Spanish" in result.output


def test_word_count_is_title_text_and_footnote_not_the_heading(runner, make):
    """OHCHR's limit applies to the title, the text and the footnotes: 25 co-sponsors
    listed above the title do not push a 1,440-word text over 1,500."""
    letter = make.letter(texts={"en": ("Civic Space Under Threat", "word " * 1440)})
    for i in range(25):
        make.signature(
            letter, f"Special Status Organisation {i}", ecosoc_status=EcosocStatus.special
        )
    make.signature(letter, "Unknown Status Org", ecosoc_status=EcosocStatus.unknown)
    make.signature(letter, "No Status Org", ecosoc_status=EcosocStatus.none)
    letter_data = services.data_for(db.session, letter, None)
    spec = services.ExportSpec(format="docx", session="61", agenda_item="3")
    check = services.produce(letter_data, spec).check
    footnote = "Unknown Status Org, No Status Org also share the views expressed in this statement."
    assert check.words == 4 + 1440 + len(footnote.split())
    assert not check.over
    _, document = _statement(runner, letter, "--session", "61", "--agenda-item", "3")
    heading = [p.text for p in document.paragraphs]
    heading = heading[: heading.index("Civic Space Under Threat")]
    assert len(heading) == 4 + 25 + 1  # ... "submitted by", the co-sponsors, "received"
    assert check.heading == sum(len(line.split()) for line in heading)


def test_check_page_lists_sponsors_whose_status_is_unknown(client, runner, make, login_as):
    letter = make.letter(texts=TEXTS)
    make.signature(letter, "Special Org", ecosoc_status=EcosocStatus.special)
    unknown = make.signature(letter, "Status Not Recorded", ecosoc_status=EcosocStatus.unknown)
    make.signature(letter, "Without Status", ecosoc_status=EcosocStatus.none)
    data = {"format": "docx", "language": "en", "snapshot": "0", "columns": "1", "check": "1"}
    spec = services.ExportSpec(format="docx")
    heading_words = services.produce(
        services.data_for(db.session, letter, None), spec
    ).check.heading
    url = f"/manage/letters/{letter.slug}/exports/download"
    for role, linked in ((Role.exporter, False), (Role.coordinator, True)):
        login_as(make.user(roles={letter: role}))
        page = client.post(url, data=data).get_data(as_text=True)
        notice = page[page.index('id="statement-check"') :]
        notice = notice[: notice.index("</div>")]
        assert "ECOSOC status unknown: 1." in notice
        assert "Status Not Recorded" in notice and "Without Status" not in notice
        assert (f"/moderation/signatures/{unknown.id}" in notice) is linked
        assert f"({heading_words} words) are not counted" in notice
    result = runner.invoke(
        main, ["export", letter.slug, "--format", "docx", "--output", "/dev/null"]
    )
    assert "ECOSOC status unknown" in result.stderr and "Status Not Recorded" in result.stderr


@pytest.mark.parametrize("day", ["0001-01-01", "0001-01-14", "1999-12-31", "2999-01-01"])
def test_implausible_session_start_is_refused_with_a_message(client, runner, make, login_as, day):
    letter = make.letter(texts=TEXTS)
    make.signature(letter, "Special Org", ecosoc_status=EcosocStatus.special)
    login_as(make.user(roles={letter: Role.exporter}))
    response = check_statement(client, letter, day)
    assert response.status_code == 400
    assert "a date from 2006 on, and no more than ten years ahead" in response.get_data(True)
    result = runner.invoke(
        main, ["export", letter.slug, "--format", "docx", "--session-start", day]
    )
    assert result.exit_code == 2 and "from 2006 on" in result.output


def _footnote(content: bytes) -> str:
    """The text of the title's footnote, from the statement's footnotes part."""
    part = Document(io.BytesIO(content)).part.part_related_by(RT.FOOTNOTES)
    note = parse_xml(part.blob).find(f"{{{W}}}footnote[@{{{W}}}id='1']")
    return "".join(t.text for t in note.iter(f"{{{W}}}t")).strip()


def test_arabic_names_side_by_side_keep_their_order_in_the_downloaded_statement(
    client, make, login_as
):
    """In the statement's left-to-right paragraphs, each name is isolated (U+2068 ...
    U+2069): two Arabic supporters in a row would otherwise be shown in reverse order,
    with the comma between the wrong ones."""
    letter = make.letter(texts=TEXTS)
    first, second = "الجمعية العربية لحقوق الإنسان", "مركز القاهرة لدراسات حقوق الإنسان 2"
    for name in (first, second):
        make.signature(letter, name, ecosoc_status=EcosocStatus.none)
    make.signature(letter, "مركز CIHRS للدراسات", ecosoc_status=EcosocStatus.special)
    login_as(make.user(roles={letter: Role.exporter}))
    form = {"format": "docx", "language": "en", "snapshot": "0", "columns": "1"}
    response = client.post(
        f"/manage/letters/{letter.slug}/exports/download", data={**form, "download": "Download"}
    )
    assert response.status_code == 200
    names = f"{isolated(first)}, {isolated(second)}"
    assert _footnote(response.data) == f"{names} also share the views expressed in this statement."
    lines = [p.text for p in Document(io.BytesIO(response.data)).paragraphs]
    assert f"{isolated('مركز CIHRS للدراسات')} (Special)" in lines


def test_direction_marks_around_names_are_not_counted_as_words():
    arabic = "الجمعية العربية"
    assert jws.count_words([f"\u2068{arabic}\u2069, \u2068 Org\u2069 \u2069 also share"]) == 5


def _press(client, letter, button: str, **data: str):  # noqa: ANN001, ANN202
    fields = {"format": "docx", "language": "en", "snapshot": "0", "columns": "1", **data}
    url = f"/manage/letters/{letter.slug}/exports/download"
    return client.post(url, data={**fields, button: "1"})


@pytest.mark.parametrize("chosen", [{"format": "pdf", "language": "ar"}, {"format": "csv"}])
def test_the_check_judges_the_statement_whatever_format_the_form_has(
    client, make, login_as, chosen
):
    """The page preselects the letter's language and the PDF: on an Arabic letter, "Check"
    says which languages the Council takes instead of failing; with another format chosen
    for downloads, the English statement is checked."""
    letter = make.letter(language="ar", texts={"ar": ("رسالة", "نص"), "en": ("Letter", "Text")})
    make.signature(letter, "Special Org", ecosoc_status=EcosocStatus.special)
    login_as(make.user(roles={letter: Role.exporter}))
    response = _press(client, letter, "check", **chosen)
    page = response.get_data(as_text=True)
    if chosen.get("language") == "ar":
        assert response.status_code == 400 and "English, French or Spanish" in page
    else:
        assert response.status_code == 200 and "Words: 2 of 1500 allowed." in page


def test_a_statement_is_not_made_from_a_text_in_another_language(client, runner, make, login_as):
    """An Arabic-only letter has no English statement: its text would go out under the
    Council's English heading. Both buttons (the form's menu offers only Arabic) and the
    shell say to add the translation; nothing downloads."""
    letter = make.letter(language="ar", texts={"ar": ("رسالة إلى المجلس", "نحن الموقعين")})
    make.signature(letter, "General Org", ecosoc_status=EcosocStatus.general)
    login_as(make.user(roles={letter: Role.exporter}))
    for button in ("download", "check"):
        response = _press(client, letter, button)
        assert response.status_code == 400
        assert "add the translation first" in response.get_data(as_text=True)
    result = runner.invoke(main, ["export", letter.slug, "--format", "docx", "--lang", "en"])
    assert result.exit_code != 0 and "no text in the statement's language" in result.output


def test_a_statement_without_a_co_sponsor_is_not_downloaded(client, make, login_as):
    """Nobody could submit it (it would name no organisation); the check still shows it."""
    letter = make.letter()
    make.signature(letter, "Org Without Status", ecosoc_status=EcosocStatus.none)
    login_as(make.user(roles={letter: Role.exporter}))
    refused = _press(client, letter, "download")
    assert refused.status_code == 400
    assert "No co-sponsor has ECOSOC consultative status" in refused.get_data(as_text=True)
    checked = _press(client, letter, "check")
    assert checked.status_code == 200 and "Named in the footnote: 1." in checked.get_data(True)


def test_a_title_longer_than_words_core_properties_still_makes_a_statement(client, make, login_as):
    """The title field takes 300 characters; Word's file properties hold 255."""
    title = "On the protection of human rights defenders " * 6
    title = title.strip()[:290]
    letter = make.letter(texts={"en": (title, "We, the undersigned, ask…")})
    make.signature(letter, "General Org", ecosoc_status=EcosocStatus.general)
    login_as(make.user(roles={letter: Role.exporter}))
    response = _press(client, letter, "download")
    assert response.status_code == 200
    document = Document(io.BytesIO(response.data))
    assert title in [p.text for p in document.paragraphs]
    assert document.core_properties.title == title[:255]


def test_the_statement_is_on_a4_with_margins_as_un_documents_are(runner, make):
    """Not python-docx's US Letter (12240 x 15840 twips): the Council's documents, and the
    PDFs, are A4."""
    letter = make.letter(texts=TEXTS)
    make.signature(letter, "Only Org", ecosoc_status=EcosocStatus.special)
    content, document = _statement(runner, letter)
    for section in document.sections:
        assert (section.page_width.twips, section.page_height.twips) == (11906, 16838)
        margins = (section.left_margin, section.right_margin)
        assert all(round(m.cm, 2) == 2.5 for m in (*margins, section.top_margin))
        assert round(section.bottom_margin.cm, 2) == 2.5
    xml = zipfile.ZipFile(io.BytesIO(content)).read("word/document.xml").decode()
    assert 'w:w="11906"' in xml and 'w:h="16838"' in xml and "15840" not in xml


def test_only_right_to_left_names_carry_invisible_isolates(runner, make):
    """Pasted into OHCHR's template, the statement's text brings along whatever invisible
    characters it holds: a left-to-right name (all of them, in most statements) has none;
    an Arabic one keeps its isolates, which keep its neighbours in order."""
    letter = make.letter(texts=TEXTS)
    seed(make, letter)
    content, document = _statement(runner, letter)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        xml = (
            archive.read("word/document.xml").decode() + archive.read("word/footnotes.xml").decode()
        )
    marks = [i for i, char in enumerate(xml) if char in "\u2068\u2069"]
    arabic = "الجمعية العربية لحقوق الإنسان"
    assert xml.count(isolated(arabic)) == 1 and len(marks) == 2
    lines = [p.text for p in document.paragraphs]
    assert "Amnesty International (Special)" in lines
    assert "Àltera Associació" in xml and "\u2068Àltera" not in xml


@pytest.mark.parametrize(("weeks_ahead", "passed"), [(-3, True), (1, True), (2, False), (5, False)])
def test_a_submission_deadline_already_passed_is_flagged(
    client, runner, make, login_as, weeks_ahead, passed
):
    """The deadline is two weeks before the session: a session a week away was due a week
    ago (the app has no clock to set, so the dates are counted from today). A statement is
    still due on the deadline's own day."""
    letter = make.letter(texts={"en": ("Statement", "We ask…")})
    make.signature(letter, "Special Org", ecosoc_status=EcosocStatus.special)
    start = utcnow().date() + timedelta(weeks=weeks_ahead)
    login_as(make.user(roles={letter: Role.exporter}))
    response = check_statement(client, letter, start.isoformat())
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert ('id="deadline-passed"' in page) is passed
    assert ('class="notice warn" role="status" id="statement-check"' in page) is passed
    result = runner.invoke(
        main,
        ["export", letter.slug, "--format", "docx", "--output", "/dev/null"]
        + ["--session-start", start.isoformat()],
    )
    assert result.exit_code == 0, result.output
    assert ("submission deadline has passed" in result.stderr) is passed
