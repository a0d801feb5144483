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
