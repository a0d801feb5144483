"""``campaign export SLUG``: any format from the terminal; ``campaign exports``: freeze, worker."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

import click
from flask.cli import with_appcontext
from flask_babel import force_locale

from campaign.db import db, utcnow
from campaign.exports import jobs, jws, services, snapshots
from campaign.exports.rows import ExportData
from campaign.exports.services import ExportError, ExportSpec
from campaign.letters.models import Letter


def _letter(slug: str) -> Letter:
    letter = db.session.scalar(Letter.by_slug(slug))
    if letter is None:
        raise click.ClickException(f"No letter with the address {slug!r}.")
    return letter


@click.command("export")
@click.argument("slug")
@click.option("--format", "fmt", type=click.Choice(sorted(services.MIMETYPES)), required=True)
@click.option("--lang", default=None, help="Language code (default: the authoritative one).")
@click.option("--snapshot", "snapshot_id", type=int, default=None, help="A frozen list's id.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None)
@click.option("--contacts/--no-contacts", default=False, help="Contact columns (CSV, XLSX).")
@click.option("--group", is_flag=True, help="Group the list by country.")
@click.option("--columns", type=click.IntRange(1, 2), default=1, help="Columns in the PDF list.")
@click.option("--session", default="", help="Council session number (statement).")
@click.option("--agenda-item", default="", help="Agenda item (statement).")
@click.option("--session-start", type=click.DateTime(["%Y-%m-%d"]), default=None)
@with_appcontext
def export_command(
    slug: str,
    fmt: str,
    lang: str | None,
    snapshot_id: int | None,
    output: Path | None,
    session_start: datetime | None,
    **options: object,
) -> None:
    """Write the letter SLUG as pdf, docx, csv, csv-semicolon (for Excel where a comma is
    the decimal separator), xlsx or txt (to FILE or standard output)."""
    start = session_start.date() if session_start else None
    if start and not jws.session_start_is_plausible(start, utcnow().date()):
        raise click.BadParameter(
            f"{start.isoformat()} is not the first day of a Council session: give a date "
            "from 2006 on, and no more than ten years ahead.",
            param_hint="'--session-start'",
        )
    letter = _letter(slug)
    spec = ExportSpec(format=fmt, language=lang or letter.authoritative_language, **options)
    with force_locale("en"):  # messages in English: there is no request to ask
        try:
            data = services.data_for(db.session, letter, snapshot_id)
            result = services.produce(data, spec)
        except ExportError as error:
            raise click.ClickException(str(error.message)) from error
    if output is None:
        sys.stdout.buffer.write(result.content)
    else:
        output.write_bytes(result.content)
        click.echo(f"Wrote {output} ({len(result.content)} bytes).", err=True)
    if fmt in ("pdf", "docx"):
        _warn_if_outdated(data, spec.language)
    if result.check is not None:
        _report(result.check, start)
    if result.sponsors is not None and result.sponsors.unknown:
        click.echo(
            "ECOSOC status unknown, so named in the footnote as supporters (set it if they "
            "have one): " + "; ".join(r.name for r in result.sponsors.unknown),
            err=True,
        )


def _warn_if_outdated(data: ExportData, language: str) -> None:
    """As the exports page does: a translation older than the authoritative text may not
    say what it says, and the file has the older wording (a snapshot's: as frozen)."""
    if language in data.outdated_languages:
        frozen = f" when snapshot {data.snapshot_id} was frozen" if data.snapshot_id else ""
        click.echo(
            f"WARNING: the {language} text was last saved before the authoritative "
            f"({data.authoritative_language}) text changed{frozen}, so it may not say the same.",
            err=True,
        )


def _report(check: jws.WordCheck, session_start: date | None) -> None:
    click.echo(
        f"Words: {check.words} of {check.limit} allowed (the title, the text and the "
        f"footnotes; the heading and co-sponsors above the title, {check.heading} words, "
        "are not counted).",
        err=True,
    )
    if check.over:
        click.echo(
            f"WARNING: the statement is {check.words - check.limit} words over the limit.", err=True
        )
    if session_start:
        deadline = jws.submission_deadline(session_start)
        click.echo(f"Submission deadline: {deadline.isoformat()}.", err=True)
        if jws.deadline_passed(deadline, utcnow().date()):
            click.echo(
                "WARNING: the submission deadline has passed: check the first day of the "
                "session, or prepare the statement for a later session.",
                err=True,
            )


@click.group("exports")
def exports_group() -> None:
    """Frozen lists and background exports."""


@exports_group.command("freeze")
@click.argument("slug")
@with_appcontext
def freeze_command(slug: str) -> None:
    """Freeze the letter's list for submission and print the snapshot's id and SHA-256."""
    snapshot = snapshots.freeze(db.session, _letter(slug), None)
    db.session.commit()
    click.echo(
        f"Snapshot {snapshot.id}: {snapshot.row_count} signatories, "
        f"SHA-256 {snapshot.sha256}, {snapshot.created_at.isoformat()}"
    )


@exports_group.command("worker")
@click.option("--once", is_flag=True, help="Build the queued exports, then stop.")
@click.option("--interval", default=2.0, help="Seconds between looks at the queue.")
@with_appcontext
def worker_command(once: bool, interval: float) -> None:
    """Build queued exports (when EXPORT_WORKER=process)."""
    import time

    while True:
        built = jobs.run_pending(db.session)
        if built:
            click.echo(f"Built {built} export(s).")
        if once:
            return
        time.sleep(interval)
