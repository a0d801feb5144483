"""What the sign-on and edit forms tell browsers and readers: addresses left to right on
Arabic pages, autofill tokens, which fields are required (and for whom), and, after a failed
submit, an error summary that links each field and an "Error:" title."""

from __future__ import annotations

import re
from html import unescape

import pytest

from campaign.signatures import tokens
from campaign.signatures.models import SignerKind
from tests.i18n import translated


@pytest.fixture
def letter(make):
    return make.letter("carta", auto_approve=True)


def tag(page: str, field_id: str) -> str:
    """The opening tag of the input or select with ``id``."""
    return re.search(rf'<(?:input|select)[^>]*\bid="{field_id}"[^>]*>', page).group(0)


def label(page: str, field_id: str) -> str:
    return re.search(rf'<label for="{field_id}">(.*?)</label>', page, re.S).group(1)


def test_addresses_read_left_to_right_on_arabic_pages_and_autofill(client, letter):
    page = client.get("/ar/letters/carta").get_data(as_text=True)
    email, website = tag(page, "contact_email"), tag(page, "website")
    assert 'dir="ltr"' in email and 'type="email"' in email and 'autocomplete="email"' in email
    assert 'dir="ltr"' in website and 'inputmode="url"' in website
    assert 'type="text"' in website and 'autocomplete="url"' in website
    tokens_by_field = {
        "name": "organization",
        "country": "country",
        "contact_name": "name",
        "contact_role": "organization-title",
    }
    for field_id, token in tokens_by_field.items():
        assert f'autocomplete="{token}"' in tag(page, field_id)
    assert 'dir="ltr"' not in tag(page, "name")


def test_typed_text_takes_its_own_direction_on_arabic_pages(client, make, letter):
    """A Latin name typed on an Arabic page reads "Acme Rights Inc.", not ".Acme Rights Inc";
    the signer's address on the private page reads left to right within the Arabic text."""
    page = client.get("/ar/letters/carta").get_data(as_text=True)
    for field_id in ("name", "contact_name", "contact_role"):
        assert 'dir="auto"' in tag(page, field_id)
    assert 'dir="auto"' not in tag(page, "website")  # its own: ltr
    signature = make.signature(letter, "Acme Rights Inc.", contact_email="2024.info@example.org")
    edit = client.get(f"/ar/signatures/edit/{tokens.make(signature, tokens.EDIT)}")
    page = edit.get_data(as_text=True)
    assert '<bdi dir="ltr">2024.info@example.org</bdi>' in page
    for field_id in ("name", "contact_name", "contact_role"):
        assert 'dir="auto"' in tag(page, field_id)


def test_each_language_offered_is_marked_as_written_in_itself(client, make, letter):
    """WCAG 3.1.2: "العربية" on an English page is read in Arabic, "Français" in French."""
    signature = make.signature(letter, "Acme Rights Inc.")
    for url in ("/en/letters/carta", f"/ar/signatures/edit/{tokens.make(signature, tokens.EDIT)}"):
        page = client.get(url).get_data(as_text=True)
        menu = re.search(r'<select[^>]*id="language".*?</select>', page, re.S).group(0)
        options = re.findall(r"<option([^>]*)>([^<]*)</option>", menu)
        assert [label for _attrs, label in options] == ["English", "Français", "Español", "العربية"]
        for attrs, label in options:
            code = re.search(r'value="(\w+)"', attrs).group(1)
            direction = "rtl" if code == "ar" else "ltr"
            assert f'lang="{code}"' in attrs and f'dir="{direction}"' in attrs, label


def test_the_forms_say_what_the_red_star_means(client, make, letter):
    """The stars beside labels are hidden from screen readers (the inputs say "required");
    a line at the top of each form says what they mean, to everyone."""
    signature = make.signature(letter, "Acme Rights Inc.")
    for lang, url in (
        ("en", "/en/letters/carta"),
        ("ar", f"/ar/signatures/edit/{tokens.make(signature, tokens.EDIT)}"),
    ):
        page = client.get(url).get_data(as_text=True)
        note = '<p class="small required-note"><span class="req">*</span> '
        note += f"{translated(lang, 'required')}</p>"
        form = page[page.index('<form method="post"') :]
        assert note in form and form.index(note) < form.index('<div class="field')
        assert '<span class="req" aria-hidden="true">*</span>' in page


def test_staff_login_address_reads_left_to_right(client):
    client.get("/language/ar")
    page = client.get("/login").get_data(as_text=True)
    assert 'dir="ltr"' in tag(page, "email")


def test_fields_required_only_for_organisations_say_so(client, letter):
    page = client.get("/fr/letters/carta").get_data(as_text=True)
    marker = translated("fr", "(required for organisations)")
    for field_id in ("country", "org_type", "contact_name"):
        assert marker in label(page, field_id)
        assert "required" not in tag(page, field_id).split(f'id="{field_id}"')[1]
    for field_id in ("name", "contact_email"):
        assert '<span class="req" aria-hidden="true">*</span>' in label(page, field_id)
        assert marker not in label(page, field_id)
    assert marker not in label(page, "website")


@pytest.mark.parametrize(("kind", "required"), [("organisation", True), ("individual", False)])
def test_edit_form_marks_what_this_signer_must_fill_in(client, make, letter, kind, required):
    signature = make.signature(letter, "Lucía Pérez", kind=SignerKind(kind), country="ES")
    page = client.get(f"/en/signatures/edit/{tokens.make(signature, tokens.EDIT)}")
    page = page.get_data(as_text=True)
    assert "(required for organisations)" not in page
    assert ('<span class="req"' in label(page, "country")) is required
    if required:
        assert "required" in tag(page, "contact_name")
        assert 'dir="ltr"' in tag(page, "website")


def test_each_id_names_one_element_on_the_letter_and_edit_pages(app, client, make, letter):
    """A label, a summary link or a screen reader finds one element per id (the edit and
    withdraw buttons both had id="submit")."""
    app.config["WTF_CSRF_ENABLED"] = True  # each form has its token field, as deployed
    signature = make.signature(letter, "Lucía Pérez", country="ES")
    for path in ("/en/letters/carta", f"/en/signatures/edit/{tokens.make(signature, tokens.EDIT)}"):
        ids = re.findall(r'\bid="([^"]+)"', client.get(path).get_data(as_text=True))
        assert ids and len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)


def test_failed_submit_summary_links_each_field_and_titles_the_page(sign, letter):
    page = sign(letter, lang="fr", name="", contact_email="x", kind="robot").get_data(as_text=True)
    summary = re.search(r'<div class="error-summary"([^>]*)>(.*?)</div>', page, re.S)
    assert "autofocus" in summary.group(1) and 'tabindex="-1"' in summary.group(1)
    links = re.findall(r'<a href="#([\w-]+)">([^<]+)</a>', summary.group(2))
    assert [target for target, _ in links] == ["kind-0", "name", "contact_email"]
    name_error = translated(
        "fr",
        "%(field)s: %(error)s",
        field=translated("fr", "Name as it should appear in the list", escape=False),
        error=translated("fr", "Enter the name to be listed.", escape=False),
        escape=False,
    )
    assert unescape(links[1][1]) == name_error
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    heading = translated("fr", "Error: %(title)s", title="A letter to the Council")
    assert title == f"{heading} · campaign"
    assert re.search(r'<fieldset[^>]*role="radiogroup"[^>]*aria-invalid="true"', page)
    assert 'aria-describedby="kind-error"' in page and 'id="kind-error"' in page


def test_page_without_errors_keeps_its_title(client, letter):
    page = client.get("/en/letters/carta").get_data(as_text=True)
    assert "<title>A letter to the Council · campaign</title>" in page
    assert 'aria-invalid="false"' in re.search(r"<fieldset[^>]*>", page).group(0)


def test_fields_without_hint_or_error_point_to_no_description(client, letter):
    """aria-describedby names the hint and the error that exist, and nothing else."""
    page = client.get("/en/letters/carta").get_data(as_text=True)
    assert 'aria-describedby=""' not in page
    assert "aria-describedby" not in tag(page, "website")
    assert 'aria-describedby="name-hint"' in tag(page, "name")
    sent = client.post("/en/letters/carta/sign", data={"name": "", "contact_email": "x"})
    page = sent.get_data(as_text=True)
    assert 'aria-describedby="name-hint name-error"' in tag(page, "name")
    assert 'aria-describedby="country-error"' in tag(page, "country")
