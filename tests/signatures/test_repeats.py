"""Same address twice: one row, the same neutral page, and an email only the owner sees."""

from __future__ import annotations

import pytest

from campaign.signatures.models import SignatureStatus
from tests.i18n import translated
from tests.signatures.conftest import confirm, path, signatures
from tests.statements import recorded


def test_same_form_posted_twice_makes_one_signature(make, sign):
    letter = make.letter("carta")
    first, second = sign(letter), sign(letter)
    assert first.status_code == second.status_code == 302
    assert first.headers["Location"] == second.headers["Location"]
    assert len(signatures()) == 1


def test_page_after_signing_is_identical_for_new_and_known_addresses(client, make, sign):
    letter = make.letter("carta")
    new = client.get(sign(letter).headers["Location"]).get_data()
    repeat = client.get(
        sign(letter, contact_email="LUCIA+x@proderechos.example.org").headers["Location"]
    ).get_data()
    assert new == repeat
    assert len(signatures()) == 1


@pytest.mark.parametrize("earlier", ["pending", "approved", "withdrawn"])
def test_a_repeat_asks_the_database_exactly_what_a_first_signature_does(
    client, make, sign, smtp, earlier
):
    """The answer's timing must not tell whether an address has signed either: a repeat
    sends the same statements as a new signature (no failed INSERT, rollback and lookup),
    and queues one email just the same. A withdrawn signer signs afresh in that statement."""
    letter = make.letter("carta", auto_approve=True)
    sign(letter, contact_email="first@other.example")  # the first request fills caches
    with recorded() as first:
        assert sign(letter).status_code == 302
    if earlier != "pending":
        confirm(client, smtp.inbox.links(smtp.inbox.messages[-1])[0])
    if earlier == "withdrawn":
        _confirm, edit, _ = smtp.inbox.links(smtp.inbox.to("lucia@proderechos.example.org")[0])
        client.post(path(edit).replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    sent_before = len(smtp.inbox.to("lucia@proderechos.example.org"))
    with recorded() as repeat:
        assert sign(letter, name="Someone Else").status_code == 302
    assert repeat == first
    [_, signature] = signatures()
    if earlier == "withdrawn":  # pending again, with what was typed, to be confirmed
        assert (signature.status, signature.name) == (SignatureStatus.pending, "Someone Else")
    else:
        assert (signature.status.value, signature.name) == (earlier, "Asociación Pro Derechos")
    [*_, answer] = smtp.inbox.to("lucia@proderechos.example.org")
    assert len(smtp.inbox.to("lucia@proderechos.example.org")) == sent_before + 1
    repeat_notice = translated(
        "es", "If this was not you, you can ignore this message: nothing has changed.", escape=False
    )
    assert (repeat_notice in smtp.inbox.text(answer)) is (earlier != "withdrawn")


def test_repeat_sends_the_owner_their_links_and_changes_nothing(make, sign, smtp):
    letter = make.letter("carta")
    sign(letter)
    sign(letter, name="Someone Else Entirely", contact_email="lucia@PRODERECHOS.example.org")
    [signature] = signatures()
    assert signature.name == "Asociación Pro Derechos"
    confirm_mail, repeat_mail = smtp.inbox.messages
    assert repeat_mail["To"] == "lucia@proderechos.example.org"
    text = smtp.inbox.text(repeat_mail)
    already = translated(
        "es",
        "Someone (probably you) tried to sign the letter “%(title)s” again with this address. "
        "This address has already signed, for:",
        escape=False,
        title=letter.authoritative_text.title,
    )
    assert already in text
    assert "/signatures/edit/" in text and "/signatures/confirm/" in text


def test_withdrawn_signer_can_sign_again(client, make, sign, smtp):
    letter = make.letter("carta", auto_approve=True)
    sign(letter)
    _confirm, edit, _ = smtp.inbox.links(smtp.inbox.messages[0])
    client.post(path(edit).replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    assert signatures()[0].status is SignatureStatus.withdrawn
    sign(letter, name="Asociación Pro Derechos Humanos")
    [signature] = signatures()
    assert signature.status is SignatureStatus.pending
    assert signature.name == "Asociación Pro Derechos Humanos"
    confirm(client, smtp.inbox.links(smtp.inbox.messages[-1])[0])
    assert signatures()[0].status is SignatureStatus.approved


def test_the_emails_a_repeat_sends_go_to_the_address_on_file_not_the_one_typed(
    client, make, sign, smtp
):
    """ "info+other@" shares "info@"'s key, but where "+" is no sub-address it is another
    mailbox: it must not receive the signature's private links."""
    letter = make.letter("carta", auto_approve=True)
    sign(letter, contact_email="info@ngo.example")
    sign(letter, contact_email="info+other@ngo.example")
    assert smtp.inbox.to("info+other@ngo.example") == []
    assert len(smtp.inbox.to("info@ngo.example")) == 2

    _confirm, edit, _ = smtp.inbox.links(smtp.inbox.messages[0])
    client.post(path(edit).replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    sign(letter, contact_email="info+other@ngo.example")  # signing afresh after withdrawing
    assert smtp.inbox.to("info+other@ngo.example") == []
    assert len(smtp.inbox.to("info@ngo.example")) == 3
    assert signatures()[0].contact_email == "info@ngo.example"


def test_lookalike_organisation_is_kept_and_marked_for_moderators(client, make, sign, smtp):
    letter = make.letter("carta", auto_approve=True)
    make.signature(letter, "Asociación Pro-Derechos")
    sign(letter, name="ASOCIACION pro derechos.")
    confirm(client, smtp.inbox.links(smtp.inbox.messages[0])[0])
    new = signatures()[-1]
    assert new.flags == ["possible_duplicate"]
    assert new.status is SignatureStatus.confirmed  # held for a moderator


def test_different_names_are_not_marked(client, make, sign, smtp):
    letter = make.letter("carta", auto_approve=True)
    make.signature(letter, "Another Organisation")
    sign(letter)
    confirm(client, smtp.inbox.links(smtp.inbox.messages[0])[0])
    assert signatures()[-1].flags == []
    assert signatures()[-1].status is SignatureStatus.approved


def test_domains_that_differ_under_idna_2008_are_two_signers(make, sign, smtp):
    """ "straße.example" and "strasse.example" are two domains, perhaps two organisations:
    neither is taken for a repeat of the other (the address's case still is ignored)."""
    letter = make.letter("carta")
    sign(letter, name="Verein Straße", contact_email="info@straße.example")
    sign(letter, name="Strasse Verein", contact_email="info@STRASSE.example")
    sign(letter, name="Verein again", contact_email="INFO@Straße.example")
    assert sorted(s.name for s in signatures()) == ["Strasse Verein", "Verein Straße"]
    german = "info@xn--strae-oqa.example"  # straße.example, as mail writes it
    assert [len(smtp.inbox.to(a)) for a in (german, "info@strasse.example")] == [2, 1]


def test_an_address_typed_again_and_again_gets_one_repeat_notice_an_hour(make, sign, smtp):
    """Anyone may type a stranger's address: however often (from however many networks),
    its mailbox gets the confirmation request and one notice of the repeats, not one each."""
    letter = make.letter("carta")
    for _ in range(4):
        sign(letter)
    confirm_mail, repeat_mail = smtp.inbox.to("lucia@proderechos.example.org")
    assert "/signatures/confirm/" in smtp.inbox.text(repeat_mail)
    [signature] = signatures()
    assert signature.status is SignatureStatus.pending


def test_a_signer_who_withdrew_after_a_repeat_notice_is_asked_to_confirm_again(
    client, make, sign, smtp
):
    """The hour without notices is about one sign-up: signing afresh after withdrawing makes
    a new one, whose confirmation request goes at once."""
    letter = make.letter("carta", auto_approve=True)
    sign(letter)
    sign(letter)  # a notice of the repeat
    confirm(client, smtp.inbox.links(smtp.inbox.messages[0])[0])
    _confirm, edit, _ = smtp.inbox.links(smtp.inbox.messages[0])
    client.post(path(edit).replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    sign(letter, name="Asociación Pro Derechos Humanos")
    assert len(smtp.inbox.messages) == 3
    confirm(client, smtp.inbox.links(smtp.inbox.messages[-1])[0])
    assert signatures()[0].status is SignatureStatus.approved
