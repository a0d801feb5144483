"""The whole journey: sign in Spanish, confirm by email, appear in the list."""

from __future__ import annotations

from campaign.signatures.models import SignatureStatus
from tests.i18n import translated
from tests.moderation.test_concurrent_changes import meanwhile
from tests.signatures.conftest import confirm, path, signatures

ES_TEXTS = {
    "en": ("Letter to the Council", "We ask…"),
    "es": ("Carta al Consejo", "Pedimos…"),
    "fr": ("Lettre au Conseil", "Nous demandons…"),
}


def first_organisation_in_spanish() -> str:
    """What the confirmed page says of the first organisation in the list, in Spanish."""
    return translated(
        "es",
        "It is currently number %(number)d among the organisations in the public list.",
        number=1,
    )


def test_open_letter_page_shows_the_sign_on_form_in_its_language(client, make):
    make.letter("carta", texts=ES_TEXTS)
    page = client.get("/es/letters/carta").get_data(as_text=True)
    assert 'action="/es/letters/carta/sign' in page
    for name in ("name", "country", "org_type", "website", "ecosoc_status", "contact_email"):
        assert f'name="{name}"' in page
    assert '<option dir="ltr" lang="es" selected value="es">Español</option>' in page
    assert "España" in page  # countries named in the page's language


def test_signature_is_pending_until_the_emailed_link_is_followed(client, make, sign, smtp):
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=True)
    response = sign(letter, lang="es")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/es/letters/carta/thanks")
    [signature] = signatures()
    assert signature.status is SignatureStatus.pending
    assert "Asociación Pro Derechos" not in client.get("/es/letters/carta").get_data(as_text=True)

    [message] = smtp.inbox.to("lucia@proderechos.example.org")
    assert "Carta al Consejo" in message["Subject"]
    assert 'lang="es"' in smtp.inbox.html(message)
    link, edit, _letter = smtp.inbox.links(message)
    assert link.startswith("http://localhost/es/signatures/confirm/")
    assert edit.startswith("http://localhost/es/signatures/edit/")

    page = confirm(client, link).get_data(as_text=True)
    assert first_organisation_in_spanish() in page
    assert signatures()[0].status is SignatureStatus.approved
    listing = client.get("/fr/letters/carta").get_data(as_text=True)
    assert '<li value="1"><bdi class="name">Asociación Pro Derechos</bdi>' in listing
    assert "(Espagne)" in listing


def test_contact_details_never_appear_on_the_public_page(client, make, sign, smtp):
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=True)
    sign(letter)
    confirm(client, smtp.inbox.links(smtp.inbox.messages[0])[0])
    page = client.get("/es/letters/carta").get_data(as_text=True)
    assert "Asociación Pro Derechos" in page
    assert "lucia@proderechos.example.org" not in page
    assert "Lucía Pérez" not in page


def test_confirmation_email_follows_the_preferred_language(make, sign, smtp):
    letter = make.letter("carta", texts=ES_TEXTS)
    sign(letter, lang="es", language="fr")
    [message] = smtp.inbox.messages
    assert "Lettre au Conseil" in message["Subject"]
    assert "/fr/signatures/confirm/" in smtp.inbox.text(message)


def test_confirmed_signature_waits_for_moderators_without_auto_approve(client, make, sign, smtp):
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=False)
    sign(letter)
    page = confirm(client, smtp.inbox.links(smtp.inbox.messages[0])[0]).get_data(as_text=True)
    [signature] = signatures()
    assert signature.status is SignatureStatus.confirmed
    assert signature.confirmed_at is not None and signature.approved_at is None
    review = "The coordinators will review it before it appears in the public list."
    assert translated("es", review) in page  # the signer chose Spanish
    assert "Asociación Pro Derechos" not in client.get("/es/letters/carta").get_data(as_text=True)


def test_opening_the_link_confirms_nothing_until_the_signer_presses_the_button(
    client, make, sign, smtp
):
    """Mail security scanners open every link in a message; only a person confirms."""
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=True)
    sign(letter)
    link = path(smtp.inbox.links(smtp.inbox.messages[0])[0])
    for _ in range(2):
        page = client.get(link).get_data(as_text=True)
        assert client.head(link).status_code == 200
    assert signatures()[0].status is SignatureStatus.pending
    assert signatures()[0].confirmed_at is None
    assert translated("es", "Confirm my signature") in page
    assert "Asociación Pro Derechos" in page and "Carta al Consejo" in page
    assert '<form method="post"' in page
    assert "Asociación Pro Derechos" not in client.get("/es/letters/carta").get_data(as_text=True)

    done = client.post(link, follow_redirects=True).get_data(as_text=True)
    assert translated("es", "Signature confirmed") in done
    assert signatures()[0].status is SignatureStatus.approved


def test_the_press_is_answered_by_a_redirect_and_the_edit_link_is_shown_once(
    client, make, sign, smtp
):
    """Back or a reload on the confirmed page opens the link again (GET), never asks to send
    the form again; the private edit link is on the page the press leads to, and only
    there."""
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=True)
    sign(letter)
    link = path(smtp.inbox.links(smtp.inbox.messages[0])[0])
    pressed = client.post(link)
    assert pressed.status_code == 303
    assert pressed.headers["Location"] == link
    assert signatures()[0].status is SignatureStatus.approved

    shown = client.get(link).get_data(as_text=True)
    assert translated("es", "Signature confirmed") in shown
    assert "/signatures/edit/" in shown
    again = client.get(link).get_data(as_text=True)  # Back, or a reload
    assert translated("es", "This signature was already confirmed") in again
    assert "/signatures/edit/" not in again

    # Another browser (no session of the press) is never given the edit link.
    other = client.application.test_client()
    assert "/signatures/edit/" not in other.get(link).get_data(as_text=True)


def test_confirmation_link_works_only_once(client, make, sign, smtp):
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=True)
    sign(letter)
    link = smtp.inbox.links(smtp.inbox.messages[0])[0]
    confirm(client, link)
    first = signatures()[0].confirmed_at
    already = translated("es", "This signature was already confirmed")
    for again in (client.get(path(link)), client.post(path(link), follow_redirects=True)):
        page = again.get_data(as_text=True)
        assert already in page
        # The link lives on in the mail; it no longer hands out the private edit link.
        assert "/signatures/edit/" not in page
    assert signatures()[0].confirmed_at == first


def test_tampered_or_expired_links_are_refused(client, make, sign, smtp, app):
    letter = make.letter("carta", texts=ES_TEXTS)
    sign(letter)
    link = path(smtp.inbox.links(smtp.inbox.messages[0])[0])
    for send in (client.get, client.post):
        assert send(link[:-3] + "xyz").status_code == 404
    app.config["SIGN_CONFIRM_MAX_AGE"] = -1
    for send in (client.get, client.post):
        assert send(link).status_code == 404
    assert signatures()[0].status is SignatureStatus.pending


def test_individual_is_listed_apart_from_organisations(client, make, sign, smtp):
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=True)
    make.signature(letter, "Zeta Network")
    sign(
        letter,
        kind="individual",
        name="Ana Gómez",
        org_type="",
        contact_name="",
        website="",
        country="",
    )
    [signature] = [s for s in signatures() if s.name == "Ana Gómez"]
    assert signature.org_type is None and signature.contact_name == "Ana Gómez"
    confirm(client, smtp.inbox.links(smtp.inbox.messages[0])[0])
    page = client.get("/en/letters/carta").get_data(as_text=True)
    assert page.index("Zeta Network") < page.index("Individuals") < page.index("Ana Gómez")
    assert "2 signatories" in page


def test_long_accented_and_arabic_subjects_arrive_exactly_as_written(make, sign, smtp):
    """Mail clients must not show a space inside a word where the header was folded."""
    titles = {
        "en": "Joint letter of the coalition: défendre les défenseurs des migrants à Ciudad Juárez",
        "fr": "Lettre conjointe : protéger l'espace civique des défenseurs des droits des migrants",
        "ar": "رسالة مشتركة: حماية الفضاء المدني للمدافعين عن حقوق المهاجرين واللاجئين في كل مكان",
    }
    letter = make.letter(
        "longue", texts={code: (title, "…") for code, title in titles.items()}, language="fr"
    )
    for n, code in enumerate(titles):
        sign(letter, lang=code, language=code, contact_email=f"c{n}@example.org")
    for n, (code, title) in enumerate(titles.items()):
        [message] = smtp.inbox.to(f"c{n}@example.org")
        subject = translated(
            code, "Please confirm your signature: %(title)s", escape=False, title=title
        )
        assert message["Subject"] == subject


def test_the_button_confirms_even_when_the_page_session_was_lost(app, client, make, sign, smtp):
    """The signed link is the credential: a browser that dropped its cookies between
    opening the page and pressing the button is not sent round again."""
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=True)
    sign(letter)
    app.config["WTF_CSRF_ENABLED"] = True
    client.delete_cookie("session")
    pressed = client.post(path(smtp.inbox.links(smtp.inbox.messages[0])[0]))
    assert pressed.status_code == 303
    assert signatures()[0].status is SignatureStatus.approved


def test_a_double_press_on_a_slow_line_confirms_once_and_says_so(app, client, make, sign, smtp):
    """The second press arrives while the first is saving: no error page, one confirmation."""
    letter = make.letter("carta", texts=ES_TEXTS, auto_approve=True)
    sign(letter)
    link = path(smtp.inbox.links(smtp.inbox.messages[0])[0])

    def first_press() -> None:
        done = app.test_client().post(link, follow_redirects=True).get_data(as_text=True)
        assert translated("es", "Signature confirmed") in done

    with meanwhile(first_press):
        second = client.post(link, follow_redirects=True)
    assert second.status_code == 200
    page = second.get_data(as_text=True)
    assert translated("es", "This signature was already confirmed") in page
    assert first_organisation_in_spanish() in page
    assert signatures()[0].status is SignatureStatus.approved
