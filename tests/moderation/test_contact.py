"""A moderator corrects a signature's contact: a mistyped address that never received its
confirmation, a new contact person for a listed organisation, an address for an imported
signature. The new address gets its links; the old address's links and unsent emails die."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db, utcnow
from campaign.mail_models import OutboxStatus
from campaign.signatures.models import Signature, Source
from campaign.signatures.models import SignatureStatus as S
from tests.moderation.conftest import entries, fresh, outbox, page_of
from tests.signatures.conftest import confirm, form_data, path

TYPO = "lucia@proderechos.exmaple.org"
RIGHT = "lucia@proderechos.example.org"


@pytest.fixture
def config_overrides(mail_settings):
    return {**mail_settings, "SIGN_MIN_SECONDS": 0}


def save_contact(client, signature: Signature, *, version: int | None = None, **fields):
    data = {
        "contact_name": signature.contact_name,
        "contact_role": signature.contact_role,
        "contact_email": signature.contact_email or "",
        "version": signature.version if version is None else version,
        **fields,
    }
    return client.post(f"{page_of(signature)}/contact", data=data)


def test_a_mistyped_address_is_corrected_and_the_signer_confirms_from_the_right_one(
    client, make, letter, login_as, smtp
):
    smtp.inbox.refusals = {TYPO: "550 5.1.1 No such user here"}
    client.post("/en/letters/carta/sign", data=form_data(contact_email=TYPO))
    signature = db.session.scalars(select(Signature)).one()
    assert [m.status for m in outbox(TYPO)] == [OutboxStatus.failed]
    login_as(make.user("mod@example.org", roles={letter: Role.moderator}))
    page = client.get(page_of(signature)).get_data(True)
    assert "Email not delivered" in page and "Correct the contact" in page
    assert f'value="{TYPO}"' in page

    answer = save_contact(client, signature, contact_email=" Lucia@proderechos.example.org ")
    assert answer.status_code == 302
    shown = client.get(answer.location).get_data(True)
    assert "Contact saved. Its links are on their way to Lucia@proderechos.example.org." in shown
    assert "Email not delivered" not in shown  # the latest email is the new one
    now = fresh(signature.id)
    assert now.status is S.pending and now.contact_email == "Lucia@proderechos.example.org"
    assert now.email_key == RIGHT
    [message] = smtp.inbox.to("Lucia@proderechos.example.org")
    assert "Confirme su firma" in message["Subject"]  # in the signer's language, as before
    assert [m.status for m in outbox(TYPO)] == [OutboxStatus.failed]  # nothing more to it

    [entry] = entries("contact_changed")
    assert entry.actor_label == "mod@example.org" and entry.signature_id == signature.id
    recorded = f"{entry.before} {entry.after} {entry.detail}"
    assert "@" not in recorded  # the audit log keeps no contact address
    log = client.get(f"/manage/letters/{letter.slug}/audit").get_data(True)
    assert "Contact address changed" in log and TYPO not in log and RIGHT not in log

    client.post("/logout")
    confirm(client, smtp.inbox.links(message)[0])
    assert fresh(signature.id).status is S.confirmed
    # The address now on file answers a repeat; the mistyped one is free again.
    client.post("/en/letters/carta/sign", data=form_data(contact_email=RIGHT))
    assert len(db.session.scalars(select(Signature)).all()) == 1


def test_a_listed_signature_gets_a_new_contact_whose_link_works_and_the_old_ones_die(
    client, make, letter, moderator, login_as, smtp
):
    letter.lead_organisations = "Coalición por los Derechos\n\nRed Sur\n"
    db.session.commit()
    client.post("/logout")
    client.post("/en/letters/carta/sign", data=form_data())
    [first] = smtp.inbox.to(RIGHT)
    confirm_link, edit_link = smtp.inbox.links(first)[:2]
    confirm(client, confirm_link)
    signature = db.session.scalars(select(Signature)).one()
    assert client.get(path(edit_link)).status_code == 200
    waiting = make.signer_email(signature, OutboxStatus.queued)  # a retry still due to the old
    login_as(moderator)

    new = "director@proderechos.example.org"
    answered_after = utcnow()
    answer = save_contact(
        client, signature, contact_name="Ana Gómez", contact_role="Directora", contact_email=new
    )
    assert answer.status_code == 302, answer.get_data(True)
    now = fresh(signature.id)
    assert (now.contact_name, now.contact_role) == ("Ana Gómez", "Directora")
    assert now.contact_email == new
    db.session.refresh(waiting)
    assert waiting.status is OutboxStatus.cancelled
    assert "contact address was changed" in waiting.last_error
    assert waiting.next_attempt_at >= answered_after  # stamped with when it was given up
    [notice] = smtp.inbox.to(new)
    assert notice["Subject"] == "Su firma: A letter to the Council"  # the signer's language
    assert "ha registrado esta dirección como contacto" in smtp.inbox.text(notice)
    assert "confirm" not in smtp.inbox.links(notice)[0]
    [_first, moved] = smtp.inbox.to(RIGHT)  # the confirmed contact is told it was replaced
    told = smtp.inbox.text(moved)
    assert "ha asignado otra dirección de contacto a la firma de" in told
    assert new not in told and "Ana" not in told  # nothing of the new contact
    assert smtp.inbox.links(moved) == ["http://localhost/es/letters/carta"]  # no private link
    assert "Coalición por los Derechos y Red Sur." in told  # who to tell, if unexpected
    client.post("/logout")
    assert client.get(path(edit_link)).status_code == 404  # the old contact's link is dead
    assert client.get(path(confirm_link)).status_code == 404
    edit_page = client.get(path(smtp.inbox.links(notice)[0]))
    assert edit_page.status_code == 200 and "Asociación Pro Derechos" in edit_page.get_data(True)
    assert fresh(signature.id).status in (S.confirmed, S.approved)  # as it was
    [entry] = entries("contact_changed")
    assert entry.after == {"contact_name": "Ana Gómez", "contact_role": "Directora"}


def test_a_new_name_or_role_alone_sends_nothing(client, make, letter, moderator, smtp):
    signature = make.signature(letter, "Red Ciudadana", contact_name="Ana")
    answer = save_contact(client, signature, contact_name="Ana María", contact_role="Presidenta")
    shown = client.get(answer.location).get_data(True)
    assert "Contact saved." in shown and "on their way" not in shown
    assert smtp.inbox.messages == []
    assert fresh(signature.id).token_version == 0  # the signer's links still work
    [entry] = entries("edit")
    assert entry.before == {"contact_name": "Ana", "contact_role": ""}
    assert entry.after == {"contact_name": "Ana María", "contact_role": "Presidenta"}


def test_an_imported_signature_without_an_address_can_be_given_one(
    client, make, letter, moderator, smtp
):
    imported = make.signature(
        letter, "Colectivo Sur", source=Source.imported, contact_email=None, email_key=None
    )
    assert save_contact(client, imported, contact_name="Pedro").status_code == 302
    assert fresh(imported.id).contact_email is None and smtp.inbox.messages == []
    assert save_contact(client, fresh(imported.id), contact_email="pedro@sur.example").status_code
    [notice] = smtp.inbox.to("pedro@sur.example")
    assert client.get(path(smtp.inbox.links(notice)[0])).status_code == 200


def test_an_address_another_sign_up_has_is_refused_with_a_link_to_it(
    client, make, letter, moderator, smtp
):
    other_letter = make.letter("otra")
    make.signature(other_letter, "Elsewhere", contact_email="shared@example.org")
    holder = make.signature(letter, "Fundación Norte", contact_email="Shared@Example.org")
    signature = make.signature(letter, "Fundación del Norte")
    before = (signature.contact_email, signature.version)
    answer = save_contact(client, signature, contact_email="shared@example.org")
    assert answer.status_code == 409
    page = answer.get_data(True)
    assert "Another sign-up for this letter already has this address." in page
    assert f'href="{page_of(holder)}"' in page and "Fundación Norte" in page
    assert 'value="shared@example.org"' in page  # what was typed is kept
    now = fresh(signature.id)
    assert (now.contact_email, now.version) == before
    assert entries("contact_changed") == [] and smtp.inbox.messages == []


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"contact_email": "not an address"}, "Enter an email address such as name@example.org."),
        ({"contact_email": ""}, "Enter an email address: this signature"),
        ({"contact_name": "=HYPERLINK(1)"}, "cannot start with"),
        ({"contact_name": "Ana\u202eGómez"}, "hidden characters (text-direction marks"),
        ({"contact_role": "x" * 201}, "200"),
    ],
)
def test_bad_input_comes_back_with_a_message_and_changes_nothing(
    client, make, letter, moderator, smtp, fields, message
):
    signature = make.signature(letter, "Red Ciudadana")
    before = (signature.contact_name, signature.contact_email, signature.version)
    answer = save_contact(client, signature, **fields)
    assert answer.status_code == 400
    assert message in answer.get_data(True)
    now = fresh(signature.id)
    assert (now.contact_name, now.contact_email, now.version) == before
    assert smtp.inbox.messages == []


def test_a_save_over_a_change_made_since_the_page_was_shown_is_caught(
    client, make, letter, moderator, smtp
):
    signature = make.signature(letter, "Red Ciudadana")
    shown_version = signature.version
    signature.contact_name = "Changed meanwhile"
    db.session.commit()
    answer = save_contact(client, signature, version=shown_version, contact_email="x@example.org")
    assert answer.status_code == 409
    assert fresh(signature.id).contact_email != "x@example.org" and smtp.inbox.messages == []


@pytest.mark.parametrize("status", [S.withdrawn, S.rejected, S.merged])
def test_a_signature_out_of_play_keeps_its_contact(client, make, letter, moderator, smtp, status):
    signature = make.signature(letter, "Red Ciudadana", status=status)
    assert "Correct the contact" not in client.get(page_of(signature)).get_data(True)
    answer = save_contact(client, signature, contact_email="new@example.org")
    assert answer.status_code == 302 and answer.location.endswith(page_of(signature))
    assert "cannot be changed" in client.get(answer.location).get_data(True)
    assert fresh(signature.id).contact_email != "new@example.org" and smtp.inbox.messages == []


def test_only_the_letters_moderators_may_correct_a_contact(client, make, letter, login_as):
    signature = make.signature(letter, "Red Ciudadana")
    other = make.letter("otra")
    login_as(make.user("elsewhere@example.org", roles={other: Role.moderator}))
    answer = save_contact(client, signature, contact_email="new@example.org")
    assert answer.status_code in (403, 404)
    assert fresh(signature.id).contact_email != "new@example.org"


def test_a_contact_put_back_after_a_repeat_notice_is_sent_its_confirmation(
    client, make, letter, login_as, smtp
):
    """The hour without repeat notices (against strangers typing an address over and over)
    never holds back a confirmation a moderator asked for: the page says it is on its way."""
    client.post("/en/letters/carta/sign", data=form_data(contact_email=RIGHT))
    client.post("/en/letters/carta/sign", data=form_data(contact_email=RIGHT))  # a notice
    assert len(smtp.inbox.to(RIGHT)) == 2
    signature = db.session.scalars(select(Signature)).one()
    login_as(make.user("mod@example.org", roles={letter: Role.moderator}))
    assert save_contact(client, signature, contact_email=TYPO).status_code == 302
    answer = save_contact(client, fresh(signature.id), contact_email=RIGHT)
    assert f"Its links are on their way to {RIGHT}." in client.get(answer.location).get_data(True)
    *_, latest = smtp.inbox.to(RIGHT)
    assert len(smtp.inbox.to(RIGHT)) == 3 and "Confirme su firma" in latest["Subject"]
    client.post("/logout")
    confirm(client, smtp.inbox.links(latest)[0])
    assert fresh(signature.id).status is S.confirmed
