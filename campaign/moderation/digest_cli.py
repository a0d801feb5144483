"""``campaign digest send``: the daily digest run (from cron), or a forced one."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from campaign.db import db, utcnow
from campaign.letters.models import Letter, LetterStatus
from campaign.mail_delivery import send_due
from campaign.moderation import digest


@click.group("digest")
def digest_group() -> None:
    """Email digests of new signatures for coordinators and moderators."""


def _letters(slug: str | None) -> list[Letter]:
    query = select(Letter).order_by(Letter.id)
    if slug:
        query = query.where(Letter.slug == slug)
    else:
        query = query.where(Letter.status != LetterStatus.submitted)
    letters = list(db.session.scalars(query))
    if slug and not letters:
        raise click.ClickException(f"No letter with the address {slug!r}.")
    return letters


@digest_group.command("send")
@click.option(
    "--letter",
    "slug",
    default=None,
    help="Only this letter (default: every letter not yet submitted).",
)
@click.option(
    "--force",
    is_flag=True,
    help=f"Do not wait {int(digest.INTERVAL.total_seconds() // 3600)} "
    "hours since the last digest (one is still sent only if something is new).",
)
@with_appcontext
def send_command(slug: str | None, force: bool) -> None:
    """Queue and send each coordinator's and moderator's digest that is due."""
    now, ids = utcnow(), []
    for letter in _letters(slug):
        for user in digest.recipients(db.session, letter):
            if digest.is_due(db.session, user, letter, now, force):
                ids.append(digest.queue_digest(db.session, user, letter, now))
                db.session.commit()
    sent = send_due(db.session, ids=ids) if ids else 0
    click.echo(f"{len(ids)} digest(s) queued, {sent} sent.")
