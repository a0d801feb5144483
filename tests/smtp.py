"""A real SMTP server on loopback (aiosmtpd) that keeps what it receives, for tests."""

from __future__ import annotations

import asyncio
import email
import re
import socket
import threading
from email.message import EmailMessage
from email.policy import default

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """aiosmtpd handler: every message accepted, parsed and kept in arrival order."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.raw: list[bytes] = []  # each message's bytes as the server received them
        self.envelopes: list[list[str]] = []  # each message's RCPT TO addresses
        self._lock = threading.Lock()
        # Clear it to make the server hold each message (before answering DATA) until set.
        self.gate = threading.Event()
        self.gate.set()
        # With the gate cleared and this set, the messages from this one on (counting from 0)
        # are kept at once, but the server holds its answer until the gate is set: they went,
        # yet the sender cannot know it.
        self.answer_held_from: int | None = None
        # Seconds the server takes over each message before answering DATA (a slow server).
        self.pause = 0.0
        # Recipients the server refuses, with its answer ("550 5.1.1 No such user").
        self.refusals: dict[str, str] = {}
        # The server's answer to every MAIL FROM, if it refuses the sender (a settings error).
        self.sender_refusal = ""
        # Recipients whose message the server refuses after reading it, with its answer to DATA.
        self.data_refusals: dict[str, str] = {}

    async def handle_MAIL(
        self, _server: object, _session: object, envelope: object, address: str, _options: object
    ) -> str:
        if self.sender_refusal:
            return self.sender_refusal
        envelope.mail_from = address  # type: ignore[attr-defined]
        return "250 OK"

    async def handle_RCPT(
        self, _server: object, _session: object, envelope: object, address: str, _options: object
    ) -> str:
        if address in self.refusals:
            return self.refusals[address]
        envelope.rcpt_tos.append(address)  # type: ignore[attr-defined]
        return "250 OK"

    async def handle_DATA(self, _server: object, _session: object, envelope: object) -> str:
        if self.pause:
            await asyncio.sleep(self.pause)
        for address in envelope.rcpt_tos:  # type: ignore[attr-defined]
            if address in self.data_refusals:
                return self.data_refusals[address]
        if not self.gate.is_set() and self.answer_held_from is None:
            await asyncio.get_running_loop().run_in_executor(None, self.gate.wait)
        message = email.message_from_bytes(envelope.content, policy=default)  # type: ignore[attr-defined]
        with self._lock:
            self.messages.append(message)  # type: ignore[arg-type]
            self.raw.append(envelope.content)  # type: ignore[attr-defined]
            self.envelopes.append(list(envelope.rcpt_tos))  # type: ignore[attr-defined]
            kept = len(self.messages)
        if self.answer_held_from is not None and kept > self.answer_held_from:
            await asyncio.get_running_loop().run_in_executor(None, self.gate.wait)
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [m for m in self.messages if m["To"] == address]

    @staticmethod
    def text(message: EmailMessage) -> str:
        return message.get_body(("plain",)).get_content()

    @staticmethod
    def html(message: EmailMessage) -> str:
        return message.get_body(("html",)).get_content()

    def links(self, message: EmailMessage) -> list[str]:
        return re.findall(r"https?://\S+", self.text(message))


class SmtpServer:
    """Start and stop a loopback SMTP server on a fixed free port (stop = an outage)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.inbox = Inbox()
        self._controller: Controller | None = None

    def start(self) -> None:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None
