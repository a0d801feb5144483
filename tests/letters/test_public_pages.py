"""Public letter pages: one per language, right direction, safe markup, drafts hidden."""

import re
from datetime import datetime
from html.parser import HTMLParser

import pytest

from campaign.accounts.models import Role
from campaign.letters.models import LetterStatus
from tests.exports.helpers import pdf_text

TEXTS = {
    "en": ("Protect civic space", "We **urge** the Council."),
    "fr": ("Protéger l'espace civique", "Nous **exhortons** le Conseil."),
    "es": ("Proteger el espacio cívico", "**Instamos** al Consejo."),
    "ar": ("حماية الفضاء المدني", "نحث **المجلس**."),
}


@pytest.fixture
def letter(make):
    return make.letter("civic", texts=TEXTS, addressee="Human Rights Council")


class TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend(attrs)


def html_attrs(page: str) -> dict[str, str]:
    tag = re.search(r"<html([^>]*)>", page).group(1)
    return dict(re.findall(r'(\w+)="([^"]*)"', tag))


@pytest.mark.parametrize("code", ["en", "fr", "es", "ar"])
def test_each_language_has_its_page_with_its_text(client, letter, code):
    page = client.get(f"/{code}/letters/civic").get_data(as_text=True)
    title = TEXTS[code][0].replace("'", "&#39;")
    assert f"<h1>{title}</h1>" in page
    assert html_attrs(page)["lang"] == code


def test_french_page_has_french_interface(client, letter):
    page = client.get("/fr/letters/civic").get_data(as_text=True)
    assert "Langue" in page or "Connexion" in page
    assert "Staff login" not in page


def test_arabic_page_is_right_to_left(client, letter):
    page = client.get("/ar/letters/civic").get_data(as_text=True)
    assert html_attrs(page) == {"lang": "ar", "dir": "rtl"}


def test_pages_link_their_alternates(client, letter):
    page = client.get("/en/letters/civic").get_data(as_text=True)
    for code in TEXTS:
        assert f'hreflang="{code}" href="http://localhost/{code}/letters/civic"' in page
    assert 'hreflang="x-default"' in page


def test_language_switcher_keeps_the_letter(client, letter):
    page = client.get("/en/letters/civic").get_data(as_text=True)
    assert 'href="/fr/letters/civic"' in page
    assert 'href="/ar/letters/civic"' in page


def test_missing_translation_falls_back_with_notice(client, make):
    make.letter("only-en", texts={"en": TEXTS["en"]})
    response = client.get("/fr/letters/only-en")
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "<h1>Protect civic space</h1>" in page
    assert 'class="notice"' in page
    assert '<article class="letter" lang="en" dir="ltr">' in page


def test_translation_shows_when_it_was_updated(client, letter):
    page = client.get("/es/letters/civic").get_data(as_text=True)
    assert "English" in page  # the authoritative language is named


def test_draft_letter_is_not_found_for_visitors(client, make):
    make.letter("secret", status=LetterStatus.draft)
    assert client.get("/en/letters/secret").status_code == 404


def test_draft_letter_is_previewed_by_its_staff(client, make, login_as):
    draft = make.letter("secret", status=LetterStatus.draft)
    login_as(make.user(roles={draft: Role.moderator}))
    assert client.get("/en/letters/secret").status_code == 200


def test_draft_letter_is_hidden_from_other_letters_staff(client, make, login_as):
    make.letter("secret", status=LetterStatus.draft)
    other = make.letter("other")
    login_as(make.user(roles={other: Role.coordinator}))
    assert client.get("/en/letters/secret").status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "[click](javascript:alert(1))",
        '<img src=x onerror="alert(1)">',
        "[x](JaVaScRiPt:alert(1))",
        '<a href="javascript:alert(1)">x</a>',
        "![img](data:text/html;base64,PHNjcmlwdD4=)",
    ],
)
def test_body_markup_is_rendered_harmless(client, make, body):
    make.letter("xss", texts={"en": ("Title", body)})
    page = client.get("/en/letters/xss").get_data(as_text=True)
    article = page[page.index("<article") : page.index("</article>")]
    parser = TagCollector()
    parser.feed(article)
    assert "script" not in parser.tags and "img" not in parser.tags
    for name, value in parser.attrs:
        assert not name.startswith("on")
        assert not (value or "").strip().lower().startswith(("javascript:", "data:"))


def test_markdown_formatting_survives_sanitising(client, make):
    make.letter(
        "md", texts={"en": ("T", "# Head\n\n- one\n- **two**\n\n[site](https://example.org)")}
    )
    page = client.get("/en/letters/md").get_data(as_text=True)
    assert "<strong>two</strong>" in page
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">site</a>' in page


def test_headings_and_images_show_on_the_page_as_in_the_pdf(client, make):
    body = (
        "# Our demands\n\nFirst.\n\n![Map of the *affected* region](https://x.example.org/map.png)"
        "\n\n## Signatories' call\n\nEnd."
    )
    make.letter("md", texts={"en": ("Joint letter", body)})
    page = client.get("/en/letters/md").get_data(as_text=True)
    assert page.count("<h1") == 1 and "<h1>Joint letter</h1>" in page
    assert "<h2>Our demands</h2>" in page and "<h3>Signatories' call</h3>" in page
    assert "<p>Map of the affected region</p>" in page
    assert "map.png" not in page and "<img" not in page
    pdf = pdf_text(client.get("/en/letters/md/letter.pdf").get_data())
    assert "Our demands" in pdf and "Map of the affected region" in pdf


def test_index_lists_open_letters_only(client, make):
    make.letter("open-one", texts={"en": ("Open one", "")})
    make.letter("draft-one", status=LetterStatus.draft, texts={"en": ("Draft one", "")})
    page = client.get("/en/").get_data(as_text=True)
    assert "Open one" in page and "Draft one" not in page


def test_home_redirects_to_visitors_language(client):
    response = client.get("/", headers={"Accept-Language": "es-ES,es;q=0.9"})
    assert response.headers["Location"].endswith("/es/")


@pytest.mark.parametrize(
    "url",
    [
        "/xx/letters/civic",
        "/en/letters/",
        "/en/letters/%00",
        "/en/letters/" + "a" * 5000,
        "/en/letters/civic/../../etc/passwd",
        "/en/letters/%ff%fe",
        "/EN/letters/civic",
    ],
)
def test_malformed_urls_are_not_found(client, letter, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(
    ("code", "name"), [("fr", "anglais"), ("es", "inglés"), ("ar", "الإنجليزية")]
)
def test_authoritative_language_is_named_in_the_page_language_and_linked(
    client, letter, code, name
):
    page = client.get(f"/{code}/letters/civic").get_data(as_text=True)
    link = f'<a href="/en/letters/civic" hreflang="en">{name}</a>'
    assert re.search(r'<p class="muted small">(.*?)</p>', page, re.S).group(1).count(link) == 1


def test_deadline_shows_to_the_minute_in_the_page_language(client, make):
    deadline = datetime(2030, 3, 17, 17, 0)
    make.letter("due", texts={"en": TEXTS["en"]}, deadline=deadline)
    english = client.get("/en/letters/due").get_data(as_text=True)
    french = client.get("/fr/letters/due").get_data(as_text=True)
    assert ">Mar 17, 2030, 5:00\u202fPM UTC</time>" in english
    assert ">17 mars 2030, 17:00 UTC</time>" in french
    shown = re.findall(r"<time[^>]*>([^<]*)</time>", english + french)
    assert len(shown) == 2 and not any("17:00:00" in text for text in shown)


def test_lead_organisations_are_listed_the_page_language_way_and_isolated(client, make):
    leads = "Human Rights Watch, Inc.\n\nالجمعية العربية\nAmnesty"
    make.letter("led", texts={"ar": TEXTS["ar"]}, language="ar", lead_organisations=leads)
    page = client.get("/ar/letters/led").get_data(as_text=True)
    expected = "<bdi>Human Rights Watch, Inc.</bdi> و<bdi>الجمعية العربية</bdi> و<bdi>Amnesty</bdi>"
    assert f"<dd>{expected}</dd>" in page


def test_a_table_in_the_letter_sits_in_its_own_sideways_scrolling_box(client, make):
    body = "Figures:\n\n| Country | Detained |\n|---|---|\n| Kyrgyzstan | 12 |\n\nEnd."
    make.letter("md", texts={"en": ("Joint letter", body)})
    page = client.get("/en/letters/md").get_data(as_text=True)
    assert re.search(r'<div class="table-scroll"><table>.*?</table>\s*</div>', page, re.S)


def test_a_box_written_in_the_letter_stays_text(client, make):
    body = '<div class="table-scroll">x</div>\n\n<div class="other">y</div>'
    make.letter("md", texts={"en": ("Joint letter", body)})
    page = client.get("/en/letters/md").get_data(as_text=True)
    assert '<div class="table-scroll">x' not in page and '<div class="other">' not in page
    assert "&lt;div class=&#34;table-scroll&#34;&gt;x" in page or '&lt;div class="table' in page
