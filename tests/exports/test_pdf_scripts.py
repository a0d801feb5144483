"""Names in every script the PDF has a font for come back from the PDF's text exactly (so
they were drawn, and copy and search find them); a name with characters no installed font
has is printed with a visible mark, logged, and listed on the exports page, never left
blank. PDFs made through the staff export route and the public letter page."""

from __future__ import annotations

import logging
import unicodedata

import pytest

from campaign.accounts.models import Role
from campaign.demo import TEXTS
from campaign.exports import fonts
from campaign.signatures.models import SignerKind
from tests.exports.helpers import numbered, pdf_text
from tests.i18n import translated

NAMES = {
    "thai": "ประชาไท",
    "korean": "인권운동사랑방",
    "bengali": "বাংলাদেশ মানবাধিকার সংস্থা",
    "tamil": "தமிழ் மனித உரிமைகள் மையம்",
    "georgian": "საქართველოს ახალგაზრდა იურისტები",
    "armenian": "Հելսինկյան ասոցիացիա",
    "ethiopic": "የኢትዮጵያ ሰብአዊ መብቶች ጉባኤ",
    "khmer": "សមាគមអាដហុក",
    "myanmar": "ဗမာ့လူ့အခွင့်အရေး",
    "devanagari": "मानवाधिकार जन निगरानी समिति",
    "malayalam": "മനുഷ്യാവകാശ വേദി",
    "cjk": "人権ナウ",
}
# Tibetan: no face in fonts.FACES has it.
NO_FONT = "བོད་ཀྱི་མི་དམངས"


def _download(client, letter, lang: str) -> bytes:  # noqa: ANN001
    response = client.post(
        f"/manage/letters/{letter.slug}/exports/download",
        data={"format": "pdf", "language": lang, "snapshot": "0", "columns": "1"},
    )
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return response.data


def _entries(content: bytes, lang: str) -> list[tuple[int, str]]:
    heading = translated(lang, "Signatories (%(count)d)", count=1, escape=False).split(" (")[0]
    return numbered(unicodedata.normalize("NFC", pdf_text(content)), heading)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_names_in_every_script_read_back_from_the_pdf(client, make, login_as, caplog, lang):
    letter = make.letter(texts=TEXTS)
    for name in NAMES.values():
        make.signature(letter, name)
    make.signature(letter, "Somchai ประชาไท Lee", kind=SignerKind.individual)
    login_as(make.user(roles={letter: Role.exporter}))
    with caplog.at_level(logging.WARNING):
        content = _download(client, letter, lang)
    names = sorted(name for _, name in _entries(content, lang))
    assert names == sorted([*NAMES.values(), "Somchai ประชาไท Lee"])
    assert not [r for r in caplog.records if "missing" in r.getMessage()], "a glyph is missing"
    assert "\ufffd" not in pdf_text(content)


def test_each_script_has_its_own_face():
    """The names above are drawn in their script's font, not by luck of a fallback."""
    for family, name in NAMES.items():
        assert fonts.family_for(name) == family
        assert fonts.undrawable(name) == ""


def test_a_name_no_font_can_draw_is_marked_logged_and_listed(client, make, login_as, caplog):
    assert fonts.undrawable(NO_FONT), "a font for Tibetan is installed: pick another script"
    letter = make.letter(texts=TEXTS)
    make.signature(letter, "Amnesty International")
    tibetan = make.signature(letter, NO_FONT, kind=SignerKind.individual)
    login_as(make.user(roles={letter: Role.coordinator}))
    with caplog.at_level(logging.WARNING, logger="campaign.exports.pdf_list"):
        content = _download(client, letter, "en")
    entries = _entries(content, "en")
    assert entries[0] == (1, "Amnesty International")
    number, drawn = entries[1]
    assert number == 1 and drawn and set(drawn) <= {"\ufffd", " "}
    [warning] = caplog.records
    assert f"signature {tibetan.id}" in warning.getMessage() and letter.slug in warning.getMessage()
    assert "U+0F56" in warning.getMessage()

    page = client.get(f"/manage/letters/{letter.slug}/exports/").get_data(as_text=True)
    notice = page[page.index('id="pdf-undrawable"') :]
    notice = notice[: notice.index("</div>")]
    assert NO_FONT in notice and "U+0F56" in notice and "Amnesty" not in notice
    assert f"/moderation/signatures/{tibetan.id}" in notice

    public = client.get(f"/en/letters/{letter.slug}/letter.pdf")
    assert "\ufffd" in pdf_text(public.data)


def test_exports_page_has_no_font_notice_when_every_name_can_be_drawn(client, make, login_as):
    letter = make.letter(texts=TEXTS)
    for name in NAMES.values():
        make.signature(letter, name)
    login_as(make.user(roles={letter: Role.exporter}))
    page = client.get(f"/manage/letters/{letter.slug}/exports/").get_data(as_text=True)
    assert 'id="pdf-undrawable"' not in page


def test_characters_no_font_has_in_the_letter_text_are_marked_not_left_blank(
    client, make, login_as
):
    """As for names: a title or paragraph with such characters shows the mark where they were,
    and the exports page says which languages' texts hold them."""
    letter = make.letter(texts={"en": (f"Solidarity {NO_FONT} now", f"We stand {NO_FONT} with.")})
    text = pdf_text(client.get(f"/en/letters/{letter.slug}/letter.pdf").data)
    assert "Solidarity \ufffd" in text and "We stand \ufffd" in text
    assert NO_FONT not in text
    login_as(make.user(roles={letter: Role.exporter}))
    page = client.get(f"/manage/letters/{letter.slug}/exports/").get_data(as_text=True)
    notice = page[page.index('id="pdf-undrawable-text"') :]
    notice = notice[: notice.index("</div>")]
    assert "English" in notice and "U+0F56" in notice
    assert 'id="pdf-undrawable"' not in page  # no name has such characters
