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
    for element in shown:
        holder = element.xpath("ancestor-or-self::*[@lang][1]")[0]
        assert (holder.get("lang"), holder.get("dir")) == ("ar", "rtl"), html.tostring(element)
