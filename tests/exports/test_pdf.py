"""The letter as PDF, read back: numbering, order, Arabic names, metadata, privacy."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from pypdf import PdfReader

from campaign.accounts.models import Role
from campaign.demo import TEXTS
from campaign.letters.models import LetterStatus
from tests.exports.helpers import expected_order, numbered, pdf_text, run_cli, seed
from tests.i18n import translated

ARABIC = "الجمعية العربية لحقوق الإنسان"


@pytest.fixture
def letter(make):  # noqa: ANN001, ANN201
    letter = make.letter(texts=TEXTS, addressee="Human Rights Council")
    seed(make, letter)
    return letter


@pytest.mark.parametrize("lang", ["en", "fr", "es", "ar"])
def test_pdf_lists_every_signatory_numbered_in_collation_order(runner, letter, lang):
    content = run_cli(runner, "export", letter.slug, "--format", "pdf", "--lang", lang)
    # The heading's word only: in Arabic, digits and brackets come back in visual order.
    heading = translated(lang, "Signatories (%(count)d)", count=11, escape=False).split(" (")[0]
    entries = numbered(pdf_text(content), heading)
    # Organisations 1..10, then the individuals apart from 1, as on the letter page.
    assert [n for n, _ in entries] == [*range(1, 11), 1]
    names = [name for _, name in entries]
    assert names[:10] == expected_order()
    assert names[10] == "Jane Doe"
    assert ARABIC in names


def test_pdf_has_title_language_and_page_numbers(runner, letter):
    content = run_cli(runner, "export", letter.slug, "--format", "pdf", "--lang", "fr")
    reader = PdfReader(io.BytesIO(content))
    assert reader.metadata.title == TEXTS["fr"][0]
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    text = pdf_text(content)
    assert "1 / 1" in text
    assert "Excellences," in text and "Human Rights Council" in text


def test_pdf_body_keeps_emphasis_as_text_and_never_shows_contacts(runner, letter):
    content = run_cli(runner, "export", letter.slug, "--format", "pdf")
    text = pdf_text(content)
    assert "the people and organisations who defend" in text
    assert "**" not in text
    assert "@example.org" not in text and "Contact Person" not in text


def test_two_column_grouped_pdf_keeps_numbers(runner, letter):
    args = ["export", letter.slug, "--format", "pdf", "--group", "--columns", "2"]
    text = pdf_text(run_cli(runner, *args))
    assert "Égypte" not in text and "Egypt" in text
    assert sorted(n for n, _ in numbered(text)) == sorted([*range(1, 11), 1])


def test_public_letter_page_offers_cached_pdf_without_contacts(client, letter):
    page = client.get(f"/es/letters/{letter.slug}").get_data(as_text=True)
    assert f"/es/letters/{letter.slug}/letter.pdf" in page
    first = client.get(f"/es/letters/{letter.slug}/letter.pdf")
    assert first.status_code == 200 and first.mimetype == "application/pdf"
    assert first.headers["Content-Disposition"] == f'inline; filename="{letter.slug}-es.pdf"'
    assert first.headers["Content-Language"] == "es"
    assert first.data == client.get(f"/es/letters/{letter.slug}/letter.pdf").data
    text = pdf_text(first.data)
    assert TEXTS["es"][0].split(":")[0] in text and "@example.org" not in text


def test_public_pdf_of_a_draft_is_not_found(client, make):
    letter = make.letter(status=LetterStatus.draft)
    assert client.get(f"/en/letters/{letter.slug}/letter.pdf").status_code == 404


def test_pdf_in_a_language_not_yet_translated_is_the_authoritative_texts_pdf(client, make):
    """The Arabic page of an English-only letter shows the English text (and says so) and
    links the English PDF; the Arabic PDF's address redirects there, cacheable as the PDF
    is. So the file is named and labelled English (never "-ar.pdf" holding the English
    letter), built and cached once, and one English document: labels and date in English
    too, not English text under Arabic headings. Staff exports refuse such a language
    instead (tests/exports/test_languages.py)."""
    letter = make.letter(addressee="Human Rights Council")
    make.signature(letter, "Amnesty International")
    english = f"/en/letters/{letter.slug}/letter.pdf"
    page = client.get(f"/ar/letters/{letter.slug}").get_data(as_text=True)
    assert f'href="{english}" hreflang="en"' in page
    moved = client.get(f"/ar/letters/{letter.slug}/letter.pdf")
    assert (moved.status_code, moved.headers["Location"]) == (302, english)
    assert moved.headers["Cache-Control"] == "public, max-age=300"
    public = client.get(english)
    assert public.headers["Content-Disposition"] == f'inline; filename="{letter.slug}-en.pdf"'
    assert public.headers["Content-Language"] == "en"
    text = pdf_text(public.data)
    assert "To: Human Rights Council" in text
    assert numbered(text) == [(1, "Amnesty International")]
    assert not any("\u0600" <= char <= "\u06ff" for char in text)


def test_pdf_loads_the_font_its_labels_need_when_the_text_has_none_of_that_script(client, make):
    """An Arabic version saved in Latin letters (a placeholder, say) still gets its Arabic
    headings drawn."""
    letter = make.letter(texts={"en": ("Title", "Body."), "ar": ("Draft title", "Draft body.")})
    make.signature(letter, "Amnesty International")
    response = client.get(f"/ar/letters/{letter.slug}/letter.pdf")
    assert response.status_code == 200
    heading = translated("ar", "Signatories (%(count)d)", count=1, escape=False).split(" (")[0]
    assert heading in pdf_text(response.data)


def test_public_pdf_is_still_served_when_the_cache_cannot_be_written(
    app, client, letter, tmp_path, caplog
):
    """A full disk or a read-only mount costs the next visitor a rebuild, not this one
    an error page; the log says which file and why."""
    (tmp_path / "a-file").write_text("not a folder")
    app.config["EXPORT_CACHE_DIR"] = str(tmp_path / "a-file" / "cache")
    with caplog.at_level(logging.WARNING, logger="campaign.exports.public_pdf"):
        response = client.get(f"/en/letters/{letter.slug}/letter.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert PdfReader(io.BytesIO(response.data)).metadata.title == TEXTS["en"][0]
    assert TEXTS["en"][0].split(":")[0] in pdf_text(response.data)
    warning = next(r.getMessage() for r in caplog.records if "not written" in r.getMessage())
    assert str(tmp_path / "a-file" / "cache") in warning and "Not a directory" in warning


def test_public_pdf_unreadable_in_the_cache_is_rebuilt_and_leaves_no_partial_file(
    app, client, letter, caplog
):
    """The cached file unreadable (here a folder in its place): the visitor gets the PDF
    built again, and the write that then fails leaves nothing half-written behind."""
    url = f"/en/letters/{letter.slug}/letter.pdf"
    first = client.get(url)
    cache = Path(app.config["EXPORT_CACHE_DIR"])
    (cached,) = cache.iterdir()
    cached.unlink()
    cached.mkdir()
    with caplog.at_level(logging.WARNING, logger="campaign.exports.public_pdf"):
        second = client.get(url)
    assert second.status_code == 200 and pdf_text(second.data) == pdf_text(first.data)
    messages = [r.getMessage() for r in caplog.records]
    assert [m for m in messages if "not read" in m and str(cached) in m]
    assert [m for m in messages if "not written" in m and str(cached) in m]
    assert list(cache.iterdir()) == [cached]


def test_a_drafts_pdf_preview_is_kept_out_of_shared_caches(client, make, login_as):
    """Its staff may preview it; a proxy or CDN must not keep it for anyone else, while the
    public PDF of an open letter may be cached."""
    draft = make.letter(status=LetterStatus.draft)
    login_as(make.user(roles={draft: Role.coordinator}))
    preview = client.get(f"/en/letters/{draft.slug}/letter.pdf")
    assert preview.status_code == 200
    assert preview.headers["Cache-Control"] == "private, no-store"
    moved = client.get(f"/fr/letters/{draft.slug}/letter.pdf")  # no French text
    assert moved.status_code == 302 and moved.headers["Cache-Control"] == "private, no-store"
    published = make.letter()
    public = client.get(f"/en/letters/{published.slug}/letter.pdf")
    assert public.headers["Cache-Control"] == "public, max-age=300"
