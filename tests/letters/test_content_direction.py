"""Letter text keeps its own language and direction on pages whose interface is in another:
every element labelled with a language also says which way that language runs."""

import pytest
from lxml import html

from campaign.accounts.models import Role
from campaign.i18n import direction

TITLE = "رسالة مشتركة بشأن المهاجرين (2026)"
STAFF_PAGES = [
    "/manage/",
    "/manage/letters/ar-letter",
    "/manage/letters/ar-letter/texts/en",
    "/manage/letters/ar-letter/texts/fa",
    "/manage/letters/ar-letter/team/",
    "/manage/letters/ar-letter/exports/",
    "/manage/letters/ar-letter/moderation",
    "/manage/letters/ar-letter/import/",
]


@pytest.fixture
def arabic_letter(make, login_as, client):
    letter = make.letter(
        "ar-letter",
        language="ar",
        texts={"ar": (TITLE, "نطالب بما يلي:\n\n1. الحماية (فورًا)."), "en": ("Joint letter", "We")},
    )
    login_as(make.user("coord@example.org", admin=True, roles={letter: Role.coordinator}))
    client.get("/language/en")
    return letter


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_arabic_letter_text_runs_right_to_left_on_english_staff_pages(client, arabic_letter, path):
    response = client.get(path)
    assert response.status_code == 200
    doc = html.fromstring(response.get_data(as_text=True))
    labelled = doc.xpath("//body//*[@lang]")
    assert labelled
    for element in labelled:
        assert element.get("dir") == direction(element.get("lang")), html.tostring(element)
    shown = doc.xpath("//body//*[contains(text(), $title)]", title=TITLE)
    assert shown
    for element in shown:
        holder = element.xpath("ancestor-or-self::*[@lang][1]")[0]
        assert (holder.get("lang"), holder.get("dir")) == ("ar", "rtl"), html.tostring(element)


FORM_PAGES = [
    *STAFF_PAGES,
    "/manage/letters/new",
    "/manage/letters/ar-letter/moderation/bulk",
    "/manage/accounts/",
    "/account/password",
    "/ar/letters/ar-letter",
]
DIRECTIONS = {"auto", "ltr", "rtl"}
# Text areas and text inputs, but not the sign-on form's trap for robots, hidden from people.
TYPED = (
    "//*[self::textarea or self::input[not(@type) or @type='text' or @type='search' or"
    " @type='email' or @type='url' or @type='tel']][not(ancestor::*[@aria-hidden='true'])]"
)


def typed_without_direction(page: str) -> list[str]:
    """The text inputs and text areas of ``page`` that do not say which way their text runs."""
    typed = html.fromstring(page).xpath(TYPED)
    return [html.tostring(e, encoding=str) for e in typed if e.get("dir") not in DIRECTIONS]


@pytest.mark.parametrize("path", FORM_PAGES)
def test_typed_text_takes_its_own_direction_on_an_arabic_page(client, arabic_letter, path):
    """An English name or a site's address typed on an Arabic page stays left to right."""
    client.get("/language/ar")
    response = client.get(path)
    assert response.status_code == 200
    assert typed_without_direction(response.text) == []


def test_the_fields_of_a_signature_and_of_the_letters_settings_take_their_own_direction(
    client, arabic_letter, make
):
    client.get("/language/ar")
    signature = make.signature(arabic_letter, "Acme Rights Inc.")
    page = client.get(f"/manage/letters/ar-letter/moderation/signatures/{signature.id}").text
    assert typed_without_direction(page) == []
    settings = html.fromstring(client.get("/manage/letters/ar-letter").text)
    for name in ("lead_organisations", "embed_origins", "addressee"):
        assert settings.xpath(f"//*[@name='{name}']/@dir") == ["auto"], name
    imports = html.fromstring(client.get("/manage/letters/ar-letter/import/").text)
    assert imports.xpath("//textarea[@name='pasted']/@dir") == ["auto"]


def language_of(element) -> tuple[str, str]:  # noqa: ANN001
    """The lang and dir an element's text is read with: its nearest labelled ancestor's."""
    holder = element.xpath("ancestor-or-self::*[@lang][1]")[0]
    return holder.get("lang"), holder.get("dir")


def test_translation_editor_labels_are_in_the_interface_language(client, arabic_letter):
    page = client.post("/manage/letters/ar-letter/texts/fa", data={"title": "", "body": "ما"})
    doc = html.fromstring(page.get_data(as_text=True))
    form = doc.xpath("//main//form[@method='post']")[0]
    assert doc.getroottree().getroot().attrib == {"lang": "en", "dir": "ltr"}
    for name in ("title", "body"):
        assert language_of(form.xpath(f".//*[@name='{name}']")[0]) == ("fa", "rtl")
    interface = form.xpath(".//label | .//p[@class='error'] | .//*[@type='submit']")
    assert len(interface) >= 4
    for element in interface:
        assert language_of(element) == ("en", "ltr"), html.tostring(element)
    assert language_of(doc.xpath("//aside/h2")[0]) == ("en", "ltr")
    assert language_of(doc.xpath("//aside/pre")[0]) == ("ar", "rtl")


@pytest.mark.parametrize("code", ["fa", "de"])
def test_letter_page_in_a_language_without_interface_says_its_interface_is_english(
    client, make, code
):
    texts = {"en": ("Joint letter", "We ask"), "fa": ("نامه مشترک", "ما"), "de": ("Brief", "Wir")}
    make.letter("hrc-61", texts=texts, addressee="Council", deadline=None)
    doc = html.fromstring(client.get(f"/{code}/letters/hrc-61").get_data(as_text=True))
    own = direction(code)
    assert doc.getroottree().getroot().attrib == {"lang": "en", "dir": "ltr"}
    assert language_of(doc.xpath("//article/h1")[0]) == (code, own)
    assert language_of(doc.xpath("//article//div[@class='body']")[0]) == (code, own)
    interface = doc.xpath("//article//a[@type='application/pdf'] | //article//dt | //form//label")
    assert len(interface) >= 4
    for element in interface:
        assert language_of(element) == ("en", "ltr"), html.tostring(element)
