"""What leaves for the SMTP server: standard MIME that any server takes and clients read back."""

from __future__ import annotations

import pytest

SENDER = ("Coalición Élan", "firmas@coalicion.example")


@pytest.fixture
def config_overrides(mail_settings: dict[str, object]) -> dict[str, object]:
    return {**mail_settings, "SIGN_MIN_SECONDS": 0, "MAIL_DEFAULT_SENDER": SENDER}


def test_mail_is_7_bit_mime_with_text_and_html_and_short_crlf_lines(make, sign, smtp):
    """Only ASCII on the wire (bodies in base64, non-ASCII headers encoded), CRLF lines under
    SMTP's 998-byte limit however long a line of HTML is, and both bodies read back."""
    name = ("Asociación " + "muy larga " * 25).strip()
    letter = make.letter("carta", texts={"es": ("Carta al Consejo: ¡ya!", "…")}, language="es")
    sign(letter, lang="es", name=name)
    [raw], [message] = smtp.inbox.raw, smtp.inbox.messages
    assert raw.isascii()
    assert all(b"\n" not in line and len(line) <= 998 for line in raw.split(b"\r\n"))
    assert message.get_content_type() == "multipart/alternative"
    parts = list(message.iter_parts())
    assert [part.get_content_type() for part in parts] == ["text/plain", "text/html"]
    assert {part["Content-Transfer-Encoding"] for part in parts} == {"base64"}
    assert name in smtp.inbox.text(message) and name in smtp.inbox.html(message)
    assert "Carta al Consejo: ¡ya!" in message["Subject"]


def test_sender_name_is_encoded_and_the_message_id_names_its_domain_not_this_host(make, sign, smtp):
    sign(make.letter("carta"))
    [message] = smtp.inbox.messages
    assert message["From"] == "Coalición Élan <firmas@coalicion.example>"
    assert message["Message-ID"].endswith("@coalicion.example>")


def test_mail_for_an_international_domain_goes_to_that_domain(make, sign, smtp):
    """IDNA 2003 (Flask-Mail's codec) writes straße.example as strasse.example, which is
    another domain; the envelope and the To header must name xn--strae-oqa.example."""
    letter = make.letter("carta")
    assert sign(letter, contact_email="kontakt@straße.example").status_code == 302
    assert smtp.inbox.envelopes == [["kontakt@xn--strae-oqa.example"]]
    [message] = smtp.inbox.messages
    assert message["To"] == "kontakt@xn--strae-oqa.example"
