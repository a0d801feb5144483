"""The form refuses bad input with a message per field and keeps what was typed."""

from __future__ import annotations

import pytest

from campaign.db import db
from tests.i18n import translated
from tests.signatures.conftest import form_data, signatures


@pytest.fixture
def letter(make):
    return make.letter("carta", auto_approve=True)


def test_missing_fields_get_one_message_each_and_nothing_is_saved(sign, letter):
    response = sign(letter, name="", country="", org_type="", contact_name="", contact_email="")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    for message in (
        "Enter the name to be listed.",
        "Choose the organisation&#39;s country.",
        "Choose the type of organisation.",
        "Enter the name of a contact person.",
        "Enter an email address.",
    ):
        assert message in page
    assert signatures() == []


def test_typed_values_survive_an_error(sign, letter):
    page = sign(letter, contact_email="not-an-address", website="https://x.example.org/a").get_data(
        as_text=True
    )
    assert "Enter an email address such as name@example.org." in page
    assert 'value="Asociación Pro Derechos"' in page
    assert 'value="not-an-address"' in page
    assert 'value="https://x.example.org/a"' in page
    assert '<option selected value="ES">' in page or 'value="ES" selected' in page
    assert 'value="Coordinadora"' in page


HIDDEN = "This field held hidden characters (text-direction marks or invisible spaces)"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("=HYPERLINK(1)", "cannot start with"),
        ("+Org", "cannot start with"),
        ("@Org", "cannot start with"),
        ("- Org pasted from a list", "cannot start with"),
        ("Org\u202eevil", HIDDEN),
        ("Org\u200bname", HIDDEN),
        ("\u3164", HIDDEN),  # a Hangul filler: prints as a blank
        ("Org \u2800", HIDDEN),  # the blank braille pattern
        ("Org\x07", HIDDEN),  # a control character
        ("x" * 301, "Keep this under 300 characters"),
    ],
)
def test_unsafe_names_are_refused_with_a_message(sign, letter, name, message):
    response = sign(letter, name=name)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert signatures() == []


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("\u200fجمعية\u200f الحقوق\u200e", "جمعية الحقوق"),  # marks a phone keyboard adds
        ("Org\u202eevil", "Orgevil"),
        ("Org\u200b name\x07", "Org name"),
    ],
)
def test_a_name_comes_back_without_its_hidden_characters_and_goes_through_when_sent_again(
    client, sign, letter, typed, shown
):
    response = sign(letter, name=typed)
    page = response.get_data(as_text=True)
    assert response.status_code == 400 and HIDDEN in page
    assert f'value="{shown}"' in page and signatures() == []
    assert sign(letter, name=shown).status_code == 302
    assert [s.name for s in signatures()] == [shown]


def test_a_private_use_character_is_explained_and_kept_as_typed(sign, letter):
    page = sign(letter, name="Org\ue000").get_data(as_text=True)
    assert "This field contains characters that cannot be used." in page
    assert 'value="Org\ue000"' in page


def test_names_are_stored_in_nfc_with_spaces_collapsed(sign, letter):
    sign(letter, name="  Asociacio\u0301n   Sur  ")
    assert signatures()[0].name == "Asociación Sur"


def test_choices_outside_the_list_are_refused(sign, letter):
    response = sign(letter, country="XX", org_type="spaceship", ecosoc_status="x", kind="robot")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert page.count("Choose one of the options offered.</p>") == 4  # at each field
    assert page.count("Choose one of the options offered.</a>") == 4  # linked from the summary


def test_email_is_normalised_and_website_gets_a_scheme(sign, letter):
    sign(letter, contact_email="Lucia@ProDerechos.Example.org", website="proderechos.org")
    [signature] = signatures()
    assert signature.contact_email == "Lucia@proderechos.example.org"
    assert signature.email_key == "lucia@proderechos.example.org"
    assert signature.website == "https://proderechos.org"


NON_ASCII_MAILBOX = (
    "We cannot send email to an address with accents or other non-Latin letters before the "
    "@. Please give another address."
)


@pytest.mark.parametrize(
    "address",
    [
        "élodie@exemple.fr",
        # Case folding lengthens "ΐ" to three characters: this 180-character address had a
        # 308-character key, one more than its column holds (PostgreSQL refused it with a 500).
        "ΐ" * 64 + "@" + ".".join(["d" * 50, "e" * 50, "example"]),
    ],
)
def test_an_address_mail_cannot_reach_is_refused_in_the_signers_language(sign, letter, address):
    """Before the @, only what every mail system carries: an address such as élodie@… was
    taken, and its confirmation could never be sent."""
    response = sign(letter, lang="fr", contact_email=address)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert translated("fr", NON_ASCII_MAILBOX) in page
    assert address in page  # as typed, to be corrected
    assert signatures() == []


def test_a_domain_in_any_script_is_taken(sign, letter, smtp):
    assert sign(letter, contact_email="contact@straße-é.example").status_code == 302
    [signature] = signatures()
    assert signature.contact_email == "contact@straße-é.example"
    [message] = smtp.inbox.messages
    assert message["To"] == "contact@xn--strae--eta6f.example"


def test_bad_website_is_refused(sign, letter):
    response = sign(letter, website="javascript:alert(1)")
    assert "Enter a web address such as example.org." in response.get_data(as_text=True)


def test_a_website_must_fit_with_the_scheme_put_in_front(sign, letter):
    """A website "example.org" is kept as "https://example.org": 296 characters typed would
    be 304 kept, more than the column holds (PostgreSQL refused it with a 500). The limit is
    said of what was typed; typed with its scheme, the whole column is there."""
    response = sign(letter, lang="fr", website="w" * 296 + ".org")
    assert response.status_code == 400
    expected = translated("fr", "Keep this under %(limit)d characters (it has %(count)d).")
    assert expected % {"limit": 292, "count": 300} in response.get_data(as_text=True)
    assert signatures() == []
    full = "https://" + "w" * 288 + ".org"
    assert sign(letter, website=full).status_code == 302
    assert [s.website for s in signatures()] == [full]


def test_an_individual_without_another_contact_has_a_name_that_fits_as_contact(sign, letter):
    """An individual's name is also their contact name unless they give another, and contact
    names hold 200 characters (a longer name was a 500 on PostgreSQL)."""
    long_name = "Ana " + "María " * 40
    alone = sign(letter, kind="individual", name=long_name, contact_name="")
    assert alone.status_code == 400
    assert "Keep this under 200 characters (it has 243)." in alone.get_data(as_text=True)
    assert signatures() == []
    assert sign(letter, kind="individual", name=long_name, contact_name="Ana").status_code == 302
    [signature] = signatures()
    assert (signature.name, signature.contact_name) == (long_name.strip(), "Ana")


def test_an_ipv6_zone_is_not_stored_with_the_address(client, letter):
    """The zone names an interface of the server's machine, and made the address too long."""
    response = client.post(
        "/es/letters/carta/sign",
        data=form_data(),
        environ_base={"REMOTE_ADDR": "ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255%eth0"},
    )
    assert response.status_code == 302
    assert [s.ip_address for s in signatures()] == ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"]


def test_closed_letter_shows_no_form_and_refuses_signatures(client, make, sign):
    from campaign.letters.models import LetterStatus

    letter = make.letter("closed", status=LetterStatus.closed)
    page = client.get("/en/letters/closed").get_data(as_text=True)
    assert "closed for signature" in page and 'name="contact_email"' not in page
    assert sign(letter).status_code == 409
    assert signatures() == []


def _outbox_size() -> int:
    from sqlalchemy import func, select

    from campaign.mail_models import OutboxMessage

    return db.session.scalar(select(func.count()).select_from(OutboxMessage))


def test_letter_past_its_deadline_refuses_signatures_and_sends_nothing(client, make, sign):
    from datetime import timedelta

    from campaign.db import utcnow

    letter = make.letter("late", deadline=utcnow() - timedelta(minutes=1))
    assert sign(letter).status_code == 409
    assert signatures() == [] and _outbox_size() == 0


def test_letter_closed_after_the_form_was_loaded_refuses_even_a_form_with_errors(
    client, make, sign
):
    from campaign.letters import services as letters
    from campaign.letters.models import LetterStatus

    letter = make.letter("closing")
    assert client.get("/en/letters/closing").status_code == 200
    letters.change_status(letter, LetterStatus.closed)
    db.session.commit()
    assert sign(letter, contact_email="not-an-address").status_code == 409
    assert sign(letter).status_code == 409
    assert signatures() == [] and _outbox_size() == 0


def test_repeat_on_a_letter_that_has_closed_is_refused_without_a_mail(client, make, sign):
    from campaign.letters import services as letters
    from campaign.letters.models import LetterStatus

    letter = make.letter("repeat-closed")
    assert sign(letter).status_code == 302
    sent = _outbox_size()
    letters.change_status(letter, LetterStatus.closed)
    db.session.commit()
    assert sign(letter, name="Another name").status_code == 409
    assert _outbox_size() == sent
    [signature] = signatures()
    assert signature.name == "Asociación Pro Derechos"


@pytest.mark.parametrize("slug", ["no-such-letter", "Bad Slug!"])
def test_signing_an_unknown_letter_is_not_found(client, slug):
    from tests.signatures.conftest import form_data

    for data in (form_data(), form_data(contact_email="")):
        assert client.post(f"/en/letters/{slug}/sign", data=data).status_code == 404
    assert signatures() == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", ("Choose a country", "Choose a type", "Roster status", "As an individual")),
        ("es", ("Elija un país", "Elija un tipo", "Inscripción en la Lista", "título individual")),
        ("ar", ("اختر بلدًا", "اختر نوعًا", "الإدراج في القائمة", "بصفة فردية")),
    ],
)
def test_menus_speak_the_page_language_when_shown_and_when_sent_back(
    client, make, sign, lang, words
):
    """The menus' labels are translated when the form is shown, whichever language came
    before in the same server process (they are built once and shared)."""
    texts = {code: (f"Title {code}", "Body.") for code in ("en", "es", "ar")}
    letter = make.letter("carta", texts=texts)
    for other in ("en", "es", "ar"):
        client.get(f"/{other}/letters/carta")
    shown = client.get(f"/{lang}/letters/carta").get_data(as_text=True)
    sent_back = sign(letter, lang=lang, contact_email="nope")
    assert sent_back.status_code == 400
    for page in (shown, sent_back.get_data(as_text=True)):
        for word in words:
            assert word in page
    assert signatures() == []


def test_the_forms_address_opened_leads_back_to_the_letter_in_its_language(client, letter):
    """A reload, or the language switcher on a page sent back with errors, opens the address
    the form posts to: that is the letter's page, not an error."""
    sent_back = client.post(f"/ar/letters/{letter.slug}/sign", data={"name": ""})
    assert sent_back.status_code == 400
    assert f'href="/fr/letters/{letter.slug}/sign"' in sent_back.get_data(as_text=True)
    opened = client.get(f"/fr/letters/{letter.slug}/sign")
    assert opened.status_code == 303
    assert opened.headers["Location"] == f"/fr/letters/{letter.slug}#sign-heading"


def test_error_pages_under_a_language_speak_it(client, letter):
    """A page the routes never reached (a method the address does not take, no such page)
    still takes its language from the address, whatever the browser prefers, and so does
    its link onwards."""
    english = {"Accept-Language": "en"}
    refused = client.put(f"/fr/letters/{letter.slug}/sign", headers=english)
    assert refused.status_code == 405
    page = refused.get_data(as_text=True)
    assert '<html lang="fr" dir="ltr">' in page
    assert translated("fr", "That action is not possible here") in page
    assert '<a href="/fr/">' in page  # the way on stays in the page's language
    missing = client.get("/ar/no/such/page", headers=english)
    assert missing.status_code == 404
    page = missing.get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert translated("ar", "Page not found") in page
    assert '<a href="/ar/">' in page
