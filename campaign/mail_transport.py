"""Where email goes: an SMTP server through Flask-Mail (with a timeout), or the console.

CAMPAIGN_MAIL_BACKEND=console prints each message instead of sending it (for demos).
"""

from __future__ import annotations

import smtplib
import sys
from email.header import Header
from email.policy import compat32
from types import TracebackType

from flask import current_app
from flask_mail import Connection, Message

from campaign.mail_models import OutboxMessage


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
    """Flask-Mail's message with a subject that reads back exactly as written.

    Flask-Mail encodes a non-ASCII subject without counting the "Subject: " before it, so the
    first line is too long, and the SMTP policy it then gives the message folds the header
    again. That second folding puts a break inside a word ("prot éger") or doubles a space
    (pallets-eco/flask-mail#126; the standard library's refolding does the same with the
    plain text). The subject is encoded here once, with its header name, into lines short
    enough that the SMTP policy writes them as they are.
    """

    def _message(self):  # type: ignore[no-untyped-def]  # noqa: ANN202
        message = super()._message()
        smtp, message.policy = message.policy, compat32  # store the encoded text as it is
        del message["Subject"]
        message["Subject"] = Header(self.subject, "utf-8", header_name="Subject").encode()
        message.policy = smtp
        return message


def as_mail(message: OutboxMessage) -> Message:
    return _Message(
        subject=message.subject,
        recipients=[message.recipient],
        body=message.body_text,
        html=message.body_html or None,
    )


class SmtpTransport:
    def __enter__(self) -> SmtpTransport:
        self.connection = _TimedConnection(current_app.extensions["mail"]).__enter__()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.connection.__exit__(*exc)  # type: ignore[arg-type]

    def send(self, message: OutboxMessage) -> None:
        self.connection.send(as_mail(message))


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
