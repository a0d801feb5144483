"""``campaign outbox debug-server``: a local SMTP server that prints each message, for demos."""

from __future__ import annotations

import email
import time
from email.message import EmailMessage
from email.policy import default

import click
from aiosmtpd.controller import Controller


class PrintingHandler:
    """Accept every message and print its headers and decoded text body."""

    async def handle_DATA(self, _server: object, _session: object, envelope: object) -> str:
        message = email.message_from_bytes(envelope.content, policy=default)  # type: ignore[attr-defined]
        click.echo(render(message))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


def render(message: EmailMessage) -> str:
    body = message.get_body(("plain",))
    text = body.get_content() if body is not None else "(no text part)"
    rule = "=" * 72
    return f"{rule}\nTo: {message['To']}\nSubject: {message['Subject']}\n\n{text}\n{rule}"


@click.command("debug-server")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8025, show_default=True)
def debug_server_command(host: str, port: int) -> None:
    """Listen for SMTP on HOST:PORT and print every message received (Ctrl-C to stop)."""
    controller = Controller(PrintingHandler(), hostname=host, port=port)
    controller.start()
    click.echo(f"debug SMTP server on {host}:{port}: messages are printed here")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        controller.stop()
