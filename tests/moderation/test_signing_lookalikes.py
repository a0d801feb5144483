"""Signing-time look-alikes use the matching engine and the registry, not key equality."""

from __future__ import annotations

import pytest

from campaign.db import db
from campaign.moderation.models import Organisation, OrganisationAlias
from campaign.signatures.keys import name_key
from campaign.signatures.models import SignatureStatus as S
from tests.signatures.conftest import form_data, signatures


@pytest.fixture
def config_overrides(mail_settings):
    return {**mail_settings, "SIGN_MIN_SECONDS": 0}


def sign(client, name, email):
    data = form_data(name=name, contact_email=email, website="")
    assert client.post("/en/letters/carta/sign", data=data).status_code == 302


def flags_of(name):
    return next(s.flags for s in signatures() if s.name == name)


def test_a_misspelt_name_is_marked_as_a_possible_duplicate(client, make, letter):
    make.signature(letter, "Amnesty International", country="ES")
    sign(client, "Amnesty Internatonal", "a@one.example")
    sign(client, "Oxfam Intermón", "b@two.example")
    assert flags_of("Amnesty Internatonal") == ["possible_duplicate"]
    assert flags_of("Oxfam Intermón") == []


def test_a_signature_signed_moments_ago_is_seen_by_the_next_one(client, letter):
    sign(client, "Human Rights Watch", "a@one.example")
    sign(client, "Human Rights Wacth", "b@two.example")
    assert flags_of("Human Rights Wacth") == ["possible_duplicate"]


def test_rejected_signatures_are_not_look_alikes(client, make, letter):
    make.signature(letter, "Amnesty International", status=S.rejected)
    sign(client, "Amnesty International", "a@one.example")
    assert [s.flags for s in signatures() if s.status is S.pending] == [[]]


def test_a_name_known_from_the_registry_matches_in_another_language(client, make, letter):
    org = Organisation(name="Amnesty International", name_key=name_key("Amnesty International"))
    for alias in ("Amnesty International", "Amnistía Internacional"):
        org.aliases.append(OrganisationAlias(name=alias, name_key=name_key(alias)))
    db.session.add(org)
    db.session.commit()
    make.signature(letter, "Amnesty International", country="ES")
    sign(client, "Amnistía Internacional", "a@one.example")
    assert flags_of("Amnistía Internacional") == ["possible_duplicate"]
