"""Arbitrary input never produces a server error (property-based)."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaign.db import db
from campaign.letters.models import Letter
from campaign.text import BLANK_LOOKING, TextProblem, clean, find_forbidden

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
any_text = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=300, max_size=3000),
    st.sampled_from(['=HYPERLINK("http://x")', "\u202eevil", "a\x00b", "\ufeff", "𝕏" * 400]),
)


@pytest.fixture
def staff_client(client, make, login_as):
    make.letter("target")
    login_as(make.user(admin=True, creator=True))
    return client


@SETTINGS
@given(path=st.text(max_size=200))
def test_any_path_is_answered_without_server_error(client, path):
    assert client.get("/" + quote(path.lstrip("/"), safe="/")).status_code < 500


@SETTINGS
@given(
    slug=any_text,
    title=any_text,
    body=any_text,
    addressee=any_text,
    deadline=any_text,
    language=st.sampled_from(["en", "ar", "", "zz", "x" * 50]),
)
def test_new_letter_form_never_fails(
    staff_client, slug, title, body, addressee, deadline, language
):
    response = staff_client.post(
        "/manage/letters/new",
        data={
            "slug": slug,
            "title": title,
            "body": body,
            "addressee": addressee,
            "deadline": deadline,
            "language": language,
            "lead_organisations": body,
        },
    )
    assert response.status_code in (200, 302)


@SETTINGS
@given(title=any_text, body=any_text)
def test_translation_form_never_fails_and_never_half_writes(staff_client, title, body):
    response = staff_client.post(
        "/manage/letters/target/texts/fr", data={"title": title, "body": body}
    )
    assert response.status_code in (200, 302)
    saved = db.session.query(Letter).filter_by(slug="target").one().text_for("fr")
    if saved is not None:
        assert len(saved.title) <= 300 and "\x00" not in saved.body


@SETTINGS
@given(email=any_text, password=any_text)
def test_login_form_never_fails(client, email, password):
    assert client.post("/login", data={"email": email, "password": password}).status_code == 200


@given(value=st.text())
def test_clean_either_accepts_safely_or_explains(value):
    try:
        result = clean(value, 10_000)
    except TextProblem as problem:
        assert str(problem.message)
    else:
        assert result == result.strip()
        assert "\u202e" not in result and "\x00" not in result


@pytest.mark.parametrize("multiline", [False, True])
def test_printable_text_is_never_refused(multiline):
    """find_forbidden skips the character walk for printable values, so every code point
    Python counts as printable must pass the walk (a zero-width joiner, allowed but not
    printable, makes each value walked), and the refusals must still hold. The printable
    characters that show nothing (BLANK_LOOKING) are refused by both paths."""
    refused_printable = [
        hex(code)
        for code in range(0x110000)
        if chr(code).isprintable() and find_forbidden(chr(code) + "\u200d", multiline)
    ]
    assert refused_printable == [hex(code) for code in sorted(map(ord, BLANK_LOOKING))]
    blanks = ("\u3164", "\u2800", "\uffa0", "\u115f")
    for char in ("\u202e", "\u2066", "\x00", "\u200b", "\ufeff", "\ufdd0", "\ue000", *blanks):
        assert find_forbidden(f"Amnesty{char} International", multiline) is not None
    assert find_forbidden("Amnesty\u200dInternational", multiline) is None
