"""``campaign outbox``: send queued email now, or keep sending as a worker process."""

from __future__ import annotations

import time

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func, select

from campaign import housekeeping
from campaign.db import db
from campaign.mail_debug import debug_server_command
from campaign.mail_delivery import send_due
from campaign.mail_models import OutboxMessage, OutboxStatus


@click.group("outbox")
def outbox() -> None:
    """Outgoing email (the outbox)."""


outbox.add_command(debug_server_command)


@outbox.command("send")
@click.option("--now", "force", is_flag=True, help="Also retry messages still backing off.")
@with_appcontext
def send_command(force: bool) -> None:
    """Send every message that is due, then stop (e.g. after an SMTP outage, with --now)."""
    total = 0
    while sent := send_due(db.session, force=force):
        total += sent
    click.echo(f"sent {total} message(s)")


@outbox.command("worker")
@click.option("--interval", default=5.0, show_default=True, help="Seconds between rounds.")
@with_appcontext
def worker_command(interval: float) -> None:
    """Keep sending what is due, forever (run one or more beside the web server); once an
    hour, also delete what is past its keeping time (see ``campaign cleanup``)."""
    click.echo(f"outbox worker: mail goes to {describe_destination()}; Ctrl-C to stop")
    next_cleanup = time.monotonic()
    while True:
        try:
            if time.monotonic() >= next_cleanup:
                housekeeping.run(db.session)
                next_cleanup = time.monotonic() + housekeeping.EVERY.total_seconds()
            sent = send_due(db.session)
        except Exception as error:  # e.g. the database is briefly unreachable
            db.session.rollback()
            click.echo(f"outbox worker: {error}", err=True)
            sent = 0
        if not sent:
            time.sleep(interval)


@outbox.command("status")
@with_appcontext
def status_command() -> None:
    """How many messages are queued, sent, failed and cancelled; then each failed one, with
    its recipient and the reason, so an operator can see whose confirmation never went out
    (a cancelled one was no longer wanted: nothing went wrong)."""
    rows = db.session.execute(
        select(OutboxMessage.status, func.count()).group_by(OutboxMessage.status)
    ).all()
    for status, count in rows:
        click.echo(f"{status.value}: {count}")
    failed = db.session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == OutboxStatus.failed)
        .order_by(OutboxMessage.id)
    )
    for message in failed:
        reason = " ".join(message.last_error.split())[:200]
        click.echo(
            f"failed #{message.id} {message.template} to {message.recipient} "
            f"({message.created_at:%Y-%m-%d %H:%M} UTC, {message.attempts} attempts): {reason}"
        )


def describe_destination() -> str:
    """Where mail goes under the current configuration, in words."""
    config = current_app.config
    if config.get("MAIL_BACKEND") == "console":
        return "the console of the process that sends it (CAMPAIGN_MAIL_BACKEND=console)"
    return f"SMTP server {config['MAIL_SERVER']}:{config['MAIL_PORT']}"
