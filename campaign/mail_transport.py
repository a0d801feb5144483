"""Where email goes: an SMTP server through Flask-Mail (with a timeout), or the console.

CAMPAIGN_MAIL_BACKEND=console prints each message instead of sending it (for demos).
"""

from __future__ import annotations

import email.message
import smtplib
import sys
from email.charset import BASE64, Charset
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import Compat32
from email.utils import formatdate, make_msgid, parseaddr
from types import TracebackType

import idna
from flask import current_app
from flask_mail import BadHeaderError, Connection, Message, sanitize_address, sanitize_addresses

from campaign.mail_models import OutboxMessage


class _Wire(Compat32):
    """compat32 with CRLF line ends, as SMTP wants. A short one-line ASCII header is written
    as it is, which is what compat32 would write too, without building a Header object to
    find that out; anything else (the encoded subject) is folded by compat32."""

    def fold_binary(self, name: str, value: object) -> bytes:
        if isinstance(value, str) and value.isascii() and len(name) + len(value) < 77:
            if "\n" not in value and "\r" not in value:
                return f"{name}: {value}\r\n".encode("ascii")
        return super().fold_binary(name, value)


_WIRE = _Wire(linesep="\r\n")
# UTF-8 in base64, for bodies and an encoded subject: any server takes it, however long a
# line of HTML is (Flask-Mail sets UTF-8 bodies to unencoded 8-bit for the whole process,
# which needs both to hold), and it is quicker to make than the shorter of two encodings.
_UTF8_BASE64 = Charset("utf-8")
_UTF8_BASE64.body_encoding = _UTF8_BASE64.header_encoding = BASE64


class _TimedConnection(Connection):
    """Flask-Mail's connection, but giving up after MAIL_TIMEOUT seconds."""

    def configure_host(self) -> smtplib.SMTP:
        state, timeout = self.mail, int(current_app.config["MAIL_TIMEOUT"])
        cls = smtplib.SMTP_SSL if state.use_ssl else smtplib.SMTP
        host = cls(state.server, state.port, timeout=timeout)
        if state.use_tls:
            host.starttls()
        if state.username and state.password:
            host.login(state.username, state.password)
        return host


class _Message(Message):
    """Flask-Mail's message, written by the standard library's compat32 classes as built.

    Flask-Mail builds the message with those classes, then gives it the SMTP policy, whose
    header objects parse every header again when the message is written and fold an encoded
    subject a second time. That second folding broke words ("prot éger") or doubled spaces
    (pallets-eco/flask-mail#126), and the parsing was the largest part of an email's cost.
    Here each header is encoded once, knowing its name, and the message is written as it is,
    with CRLF line ends: plain text and HTML as alternatives.
    Flask-Mail still checks the headers for line breaks and talks to the SMTP server.
    """

    def _message(self) -> email.message.Message:  # type: ignore[override]
        parts = [MIMEText(self.body or "", "plain", _UTF8_BASE64)]
        if self.html:
            parts.append(MIMEText(self.html, "html", _UTF8_BASE64))
        message = parts[0] if len(parts) == 1 else MIMEMultipart("alternative", _subparts=parts)
        charset = "us-ascii" if self.subject.isascii() else _UTF8_BASE64
        message["Subject"] = Header(self.subject, charset, header_name="Subject")
        message["From"] = sanitize_address(self.sender)
        message["To"] = ", ".join(sanitize_addresses(self.recipients))
        message["Date"] = formatdate(self.date, localtime=True)
        message["Message-ID"] = self.msgId
        return message

    def as_bytes(self) -> bytes:
        return self._message().as_bytes(policy=_WIRE)

    def as_string(self) -> str:
        return self._message().as_string(policy=_WIRE)


def ascii_domain(address: str) -> str:
    """``address`` with its domain in ASCII as IDNA 2008 writes it, which is how mail for it is
    routed. Left to Flask-Mail, a non-ASCII domain is encoded with Python's IDNA 2003 codec,
    which maps "ß" to "ss": mail for kontakt@straße.de would go to strasse.de, another domain
    with other owners."""
    local, at, domain = address.rpartition("@")
    if not at or domain.isascii():
        return address
    try:
        return f"{local}@{idna.encode(domain, uts46=True).decode('ascii')}"
    except idna.IDNAError:  # not a domain IDNA 2008 allows (the forms refuse such addresses)
        return address


def _sender() -> tuple[str, str] | None:
    """The configured sender, its domain in IDNA 2008 as the recipients' are ("letters@
    straße.de" is not letters@strasse.de), its display name kept (Flask-Mail encodes it)."""
    name, address = parseaddr(str(current_app.config["MAIL_DEFAULT_SENDER"]))
    return (name, ascii_domain(address)) if address else None


def as_mail(message: OutboxMessage) -> Message:
    mail = _Message(
        subject=message.subject,
        recipients=[ascii_domain(message.recipient)],
        body=message.body_text,
        html=message.body_html or None,
        sender=_sender(),
    )
    # The message id names the sender's domain rather than this machine.
    domain = parseaddr(sanitize_address(mail.sender))[1].rpartition("@")[2]
    mail.msgId = make_msgid(domain=domain or None)
    return mail


class Unsendable(Exception):
    """This message can never be written as an email (an address no mail system here can
    take, such as one with accents before the @ from before the forms refused them; a header
    with a line break): trying again would fail the same way."""


class SmtpTransport:
    def __enter__(self) -> SmtpTransport:
        self.connection = _TimedConnection(current_app.extensions["mail"]).__enter__()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.connection.__exit__(*exc)  # type: ignore[arg-type]

    def send(self, message: OutboxMessage) -> None:
        try:
            self.connection.send(as_mail(message))
        except (UnicodeError, BadHeaderError) as error:  # raised before anything is sent
            raise Unsendable(f"{type(error).__name__}: {error}") from error


class ConsoleTransport:
    def __enter__(self) -> ConsoleTransport:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def send(self, message: OutboxMessage) -> None:
        rule = "-" * 72
        print(
            f"{rule}\nTo: {message.recipient}\nSubject: {message.subject}\n\n"
            f"{message.body_text}\n{rule}",
            file=sys.stdout,
            flush=True,
        )


def transport() -> SmtpTransport | ConsoleTransport:
    """The transport the configuration names (MAIL_BACKEND: smtp or console)."""
    if current_app.config.get("MAIL_BACKEND") == "console":
        return ConsoleTransport()
    return SmtpTransport()
