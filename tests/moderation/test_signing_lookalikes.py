"""Look-alikes are looked for when a signer confirms, with the matching engine and the
registry, not key equality; unconfirmed submissions are neither checked nor compared with."""

from __future__ import annotations

import pytest

from campaign.db import db
from campaign.moderation.models import Organisation, OrganisationAlias
from campaign.signatures.keys import name_key
from campaign.signatures.models import SignatureStatus as S
from tests.signatures.conftest import confirm, form_data, path, signatures


@pytest.fixture
def config_overrides(mail_settings):
    return {**mail_settings, "SIGN_MIN_SECONDS": 0}


def sign(client, name, email):
    data = form_data(name=name, contact_email=email, website="")
    assert client.post("/en/letters/carta/sign", data=data).status_code == 302


@pytest.fixture
def sign_and_confirm(client, smtp):
    def _sign_and_confirm(name, email):
        sign(client, name, email)
        confirm_link = smtp.inbox.links(smtp.inbox.messages[-1])[0]
        assert confirm(client, confirm_link).status_code == 200

    return _sign_and_confirm


def flags_of(name):
    return next(s.flags for s in signatures() if s.name == name)


def test_a_misspelt_name_is_marked_as_a_possible_duplicate(sign_and_confirm, make, letter):
    make.signature(letter, "Amnesty International", country="ES")
    sign_and_confirm("Amnesty Internatonal", "a@one.example")
    sign_and_confirm("Oxfam Intermón", "b@two.example")
    assert flags_of("Amnesty Internatonal") == ["possible_duplicate"]
    assert flags_of("Oxfam Intermón") == []


def test_a_signature_confirmed_moments_ago_is_seen_by_the_next_one(sign_and_confirm, letter):
    sign_and_confirm("Human Rights Watch", "a@one.example")
    sign_and_confirm("Human Rights Wacth", "b@two.example")
    assert flags_of("Human Rights Wacth") == ["possible_duplicate"]


def test_unconfirmed_submissions_are_not_checked_and_not_compared_with(
    client, sign_and_confirm, letter
):
    sign(client, "Human Rights Watch", "a@one.example")
    sign(client, "Human Rights Wacth", "b@two.example")
    assert [s.flags for s in signatures()] == [[], []]
    sign_and_confirm("Human Rights Watch.", "c@three.example")
    assert flags_of("Human Rights Watch.") == []


def test_the_later_of_two_confirmed_look_alikes_is_the_one_marked(client, smtp, letter):
    sign(client, "Human Rights Watch", "a@one.example")
    sign(client, "Human Rights Wacth", "b@two.example")
    first, second = (smtp.inbox.links(m)[0] for m in smtp.inbox.messages)
    confirm(client, second)
    confirm(client, first)
    assert flags_of("Human Rights Wacth") == []
    assert flags_of("Human Rights Watch") == ["possible_duplicate"]


def test_a_corrected_name_of_a_counted_signature_is_checked_again(
    client, smtp, make, sign_and_confirm, letter
):
    make.signature(letter, "Amnesty International", country="ES")
    sign_and_confirm("Oxfam Intermón", "a@one.example")
    assert flags_of("Oxfam Intermón") == []
    edit_link = smtp.inbox.links(smtp.inbox.messages[-1])[1]
    data = form_data(name="Amnesty Internacional", website="")
    assert client.post(path(edit_link), data=data).status_code == 302
    assert flags_of("Amnesty Internacional") == ["possible_duplicate"]


def test_rejected_signatures_are_not_look_alikes(sign_and_confirm, make, letter):
    make.signature(letter, "Amnesty International", status=S.rejected)
    sign_and_confirm("Amnesty International", "a@one.example")
    assert [s.flags for s in signatures() if s.status is not S.rejected] == [[]]


def test_a_name_known_from_the_registry_matches_in_another_language(sign_and_confirm, make, letter):
    org = Organisation(name="Amnesty International", name_key=name_key("Amnesty International"))
    for alias in ("Amnesty International", "Amnistía Internacional"):
        org.aliases.append(OrganisationAlias(name=alias, name_key=name_key(alias)))
    db.session.add(org)
    db.session.commit()
    make.signature(letter, "Amnesty International", country="ES")
    sign_and_confirm("Amnistía Internacional", "a@one.example")
    assert flags_of("Amnistía Internacional") == ["possible_duplicate"]
