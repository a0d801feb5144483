"""A name holding a web address (a spam wave's "cheap watches at www.…") is never published
by itself: on a letter that approves signatures itself it waits for a moderator, flagged in
the queue, as do the names the engine flagged before (a sentence, a person's name for an
organisation); an imported one waits too. Real names with dots or digits are not flagged."""

from __future__ import annotations

import pytest

from campaign.accounts.models import Role
from campaign.signatures import tokens
from campaign.signatures.models import SignatureStatus as S
from tests.moderation.conftest import console
from tests.moderation_import.conftest import confirm as confirm_import
from tests.moderation_import.conftest import previewed
from tests.signatures.conftest import confirm, form_data, signatures

SPAM = "Buy cheap watches at www.cheap-watches.example best prices today"
LABEL = "Contains a web or email address"


@pytest.fixture
def config_overrides(mail_settings):
    return {**mail_settings, "SIGN_MIN_SECONDS": 0}


@pytest.fixture
def letter(make):
    return make.letter("carta", auto_approve=True)


@pytest.fixture
def sign_and_confirm(client, smtp):
    """Sign the letter as an organisation named ``name`` (or as ``kind``) and confirm by
    email, as a signer does; the status it then has."""

    def _sign_and_confirm(name: str, email: str, kind: str = "organisation") -> S:
        extra = {"org_type": "", "website": ""} if kind == "individual" else {"website": ""}
        data = form_data(name=name, contact_email=email, kind=kind, **extra)
        assert client.post("/en/letters/carta/sign", data=data).status_code == 302
        [link, *_] = smtp.inbox.links(smtp.inbox.messages[-1])
        assert confirm(client, link).status_code == 200
        return next(s.status for s in signatures() if s.name == name)

    return _sign_and_confirm


@pytest.mark.parametrize(
    "name",
    [SPAM, "http://spam.example", "Red Andina info@redandina.org", "Join at redandina.org/join"],
)
def test_a_name_with_a_web_address_waits_for_a_moderator_with_its_flag(
    client, letter, moderator, sign_and_confirm, name
):
    assert sign_and_confirm(name, "someone@mail.example") is S.confirmed
    assert name not in client.get("/en/letters/carta").get_data(True)
    flagged = client.get(console() + "?flag=web_address").get_data(True)
    assert f">{name}</a>" in flagged and f'<span class="badge warn">{LABEL}</span>' in flagged
    assert "1 entry flagged as not a name" in flagged  # readiness: it blocks a clean export
    [signature] = signatures()
    approve = client.post(console() + "/decide", data={"decide": f"approve:{signature.id}"})
    assert approve.status_code == 302
    assert name in client.get("/en/letters/carta").get_data(True)  # a moderator may list it


@pytest.mark.parametrize(
    "name",
    [
        "J.D. Foundation",
        "St. Mary's Refugee Project",
        "Article 19",
        "Forum-Asia",
        "CIVICUS: World Alliance for Citizen Participation",
        "Flüchtlingsrat Berlin e.V.",
        "350.org",
        "Inst.Tech Foundation",
    ],
)
def test_real_names_with_dots_or_digits_are_approved_at_once(letter, sign_and_confirm, name):
    assert sign_and_confirm(name, "office@org.example") is S.approved


def test_a_sentence_or_a_person_signing_as_an_organisation_waits_too(letter, sign_and_confirm):
    assert sign_and_confirm("We fully support this letter!", "a@one.example") is S.confirmed
    assert sign_and_confirm("Maria Gonzalez", "b@two.example") is S.confirmed
    individual = sign_and_confirm("Ana Gómez", "c@three.example", kind="individual")
    assert individual is S.approved  # an individual is expected to be a person


def test_an_imported_entry_with_a_web_address_waits_for_a_moderator(client, make, letter, login_as):
    login_as(make.user("coord@example.org", roles={letter: Role.coordinator}))
    batch = previewed(client, letter, pasted=f"1. Red Andina\n2. {SPAM}")
    preview = client.get(f"/manage/letters/carta/import/{batch}").get_data(True)
    assert "Flagged as a person, a sentence or a web address: 1" in preview
    assert "contains a web or email address" in preview
    confirm_import(client, letter, batch)
    assert {s.name: s.status for s in signatures()} == {
        "Red Andina": S.approved,
        SPAM: S.confirmed,
    }
    queue = client.get(console()).get_data(True)
    assert f">{SPAM}</a>" in queue and LABEL in queue


@pytest.mark.parametrize("name", [SPAM, "http://spam.example"])
def test_a_name_with_a_web_address_is_not_mailed_to_the_address_typed(client, letter, smtp, name):
    """A spam wave types strangers' addresses: its web address must not reach them in our
    confirmation (nor in the notice a repeat sends)."""
    data = form_data(name=name, contact_email="stranger@example.org", language="en")
    for _attempt in range(2):  # a sign-up, then a repeat
        assert client.post("/en/letters/carta/sign", data=data).status_code == 302
    for sent in smtp.inbox.to("stranger@example.org"):
        body = smtp.inbox.text(sent) + smtp.inbox.html(sent)
        assert "spam" not in body and "cheap-watches" not in body
        assert "The name given holds a web address, so it is not repeated here." in body
    assert len(smtp.inbox.to("stranger@example.org")) == 2


def test_a_real_name_is_still_in_its_confirmation(client, letter, smtp):
    data = form_data(name="350.org Africa", contact_email="team@350africa.example")
    client.post("/en/letters/carta/sign", data=data)
    [sent] = smtp.inbox.to("team@350africa.example")
    assert "350.org Africa" in smtp.inbox.text(sent)


def test_a_listed_name_renamed_by_its_signer_to_a_web_address_leaves_the_list(
    client, letter, sign_and_confirm
):
    """Approved at signing on a letter that approves signatures itself, then renamed through
    the private link: the new name would have been published as typed."""
    assert sign_and_confirm("Red Andina", "info@redandina.example") is S.approved
    [signed] = signatures()
    link = f"/en/signatures/edit/{tokens.make(signed, tokens.EDIT)}"
    edit = {"country": "ES", "org_type": "ngo", "ecosoc_status": "none", "language": "en"}
    edit |= {"contact_name": "Lucía Pérez"}
    assert client.post(link, data={**edit, "name": SPAM}).status_code == 302
    [renamed] = signatures()
    assert renamed.status is S.held and "changed_by_signer" in renamed.flags
    assert "cheap" not in client.get("/en/letters/carta").get_data(True)
    # A plain correction of a listed name stays listed, as before.
    assert sign_and_confirm("Colectivo Sur", "sur@colectivo.example") is S.approved
    [_, sur] = signatures()
    link = f"/en/signatures/edit/{tokens.make(sur, tokens.EDIT)}"
    assert client.post(link, data={**edit, "name": "Colectivo del Sur"}).status_code == 302
    assert signatures()[1].status is S.approved
