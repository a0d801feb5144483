"""Forgetting what is no longer needed: sent mail, finished background exports, old imports,
sign-ups never confirmed, staff sessions that are over, cached public PDFs of lists that have
changed.

Each holds contact details (addresses, private links, lists of contacts) that served a
purpose for a while. ``campaign cleanup`` runs this once; the outbox worker runs it every
hour, so a deployment that runs the worker keeps nothing longer than the settings say:

- MAIL_KEEP_DAYS: sent or abandoned outbox messages (queued ones are never touched);
- EXPORT_KEEP_DAYS: finished background exports and their files (snapshots stay);
- IMPORT_KEEP_DAYS: imported lists and unapplied previews (the audit log keeps what was
  applied);
- SIGN_UNCONFIRMED_KEEP_DAYS: sign-ups never confirmed by email, counted from their last
  submission, and never sooner than their confirmation link expires;
- PERMANENT_SESSION_LIFETIME (Flask's, 31 days): staff sessions unused that long (their
  cookie has expired too); those logged out or otherwise ended go a day after they ended;
- cached public PDFs (EXPORT_CACHE_DIR) as soon as they are no longer the current one for
  their letter and language (a signatory withdrew, a text changed, a day passed).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy.orm import Session

from campaign.accounts import sessions as staff_sessions
from campaign.db import db, utcnow
from campaign.exports import jobs, public_pdf
from campaign.mail_delivery import purge as purge_mail
from campaign.moderation import import_services
from campaign.signatures.services import purge_unconfirmed

EVERY = timedelta(hours=1)  # how often the outbox worker runs it


def run(session: Session, now: datetime | None = None) -> dict[str, int]:
    """Delete what is past its keeping time, in one transaction; how many of each went."""
    now = now or utcnow()
    config = current_app.config

    def cutoff(setting: str) -> datetime:
        return now - timedelta(days=int(config[setting]))

    # A sign-up stays while its confirmation link can still be used.
    links = now - timedelta(seconds=int(config["SIGN_CONFIRM_MAX_AGE"]))

    removed = {
        "mail": purge_mail(session, cutoff("MAIL_KEEP_DAYS")),
        "exports": jobs.purge(session, cutoff("EXPORT_KEEP_DAYS")),
        "imports": import_services.purge(session, cutoff("IMPORT_KEEP_DAYS")),
        "unconfirmed": purge_unconfirmed(session, min(cutoff("SIGN_UNCONFIRMED_KEEP_DAYS"), links)),
        "staff_sessions": staff_sessions.purge(session, now),
    }
    session.commit()
    # After the commit, so files are judged against the list as it now stands.
    removed["public_pdfs"] = public_pdf.purge(session, Path(config["EXPORT_CACHE_DIR"]))
    session.commit()
    return removed


@click.command("cleanup")
@with_appcontext
def cleanup_command() -> None:
    """Delete sent mail, finished exports, imports and unconfirmed sign-ups past their
    keeping time, staff sessions that are over, and cached public PDFs that are out of date."""
    removed = run(db.session)
    click.echo(
        f"deleted {removed['mail']} finished message(s), {removed['exports']} finished export(s), "
        f"{removed['imports']} import(s), {removed['unconfirmed']} unconfirmed sign-up(s), "
        f"{removed['staff_sessions']} staff session(s) over, "
        f"{removed['public_pdfs']} out-of-date public PDF(s)"
    )
