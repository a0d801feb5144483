"""Arbitrary Unicode and oversized values never make the signing pages fail."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.signatures.conftest import form_data

FIELDS = [
    "kind",
    "name",
    "country",
    "org_type",
    "website",
    "ecosoc_status",
    "contact_name",
    "contact_email",
    "contact_role",
    "consent_contact",
    "language",
    "started",
]
values = st.one_of(
    st.text(max_size=40),
    st.text(min_size=250, max_size=400),
    st.sampled_from(["", " ", "=1+1", "\u202e", "\u200b", "\x00", "x" * 20_000, "@", "a@b"]),
)
SETTINGS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def letter(make):
    return make.letter("carta")


@SETTINGS
@given(overrides=st.dictionaries(st.sampled_from(FIELDS), values, min_size=1))
def test_sign_form_never_fails_on_arbitrary_input(client, letter, overrides):
    response = client.post("/es/letters/carta/sign", data=form_data(**overrides))
    assert response.status_code in {302, 400}


@SETTINGS
@given(overrides=st.dictionaries(st.sampled_from(FIELDS[:-1]), values, min_size=1))
def test_edit_form_never_fails_on_arbitrary_input(client, letter, sign, smtp, overrides):
    if not smtp.inbox.messages:
        sign(letter)
    edit = smtp.inbox.links(smtp.inbox.messages[0])[1].removeprefix("http://localhost")
    response = client.post(edit, data=form_data(**overrides))
    assert response.status_code in {302, 400}
