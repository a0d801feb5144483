"""``campaign import SLUG FILE``: preview a signatory list, confirm, and import it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
from flask import current_app
from flask.cli import with_appcontext
from flask_babel import force_locale
from sqlalchemy.exc import IntegrityError

from campaign.db import db
from campaign.letters.models import Letter
from campaign.moderation import import_messages as say
from campaign.moderation import import_services
from campaign.moderation.import_models import ImportBatch
from campaign.moderation.import_services import ImportRefused
from campaign.moderation.imports import ENCODINGS, FORMATS, ImportFileError
from campaign.signatures.models import Signature


def _letter(slug: str) -> Letter:
    letter = db.session.scalar(Letter.by_slug(slug))
    if letter is None:
        raise click.ClickException(f"No letter with the address {slug!r}.")
    return letter


def _data(path: Path) -> bytes:
    limit = int(current_app.config["MAX_CONTENT_LENGTH"])
    if path.stat().st_size > limit:
        raise ImportFileError("too_large", limit=limit)
    return path.read_bytes()


def entries(count: int) -> str:
    """ "1 entry", "2 entries": the command speaks English only (see force_locale below)."""
    return f"{count} entry" if count == 1 else f"{count} entries"


def _row_label(row: dict[str, Any]) -> str:
    number = f" (no. {row['number']})" if row["number"] is not None else ""
    return f"line {row['line']}{number}"


def echo_preview(batch: ImportBatch) -> None:
    """Print what the import would do, with every entry that needs a look."""
    s = batch.summary
    click.echo(f"Read {entries(s['rows'])} ({batch.format}).")
    if batch.sheet and s.get("header"):
        click.echo(f"  from sheet {batch.sheet!r}, header on row {s['header']}")
    elif s.get("header"):
        click.echo(f"  header on line {s['header']}")
    click.echo(
        f"  to add: {s['added']} ({s['approved']} published at once, "
        f"{s['held']} held for moderators)"
    )
    click.echo(f"  possible duplicates: {s['duplicates']}")
    click.echo(f"  flagged as a person, a sentence or a web address: {s['flagged']}")
    click.echo(f"  refused: {s['refused']}")
    if s["gaps"] or s["repeated"]:
        click.echo(
            f"  numbering: missing {', '.join(s['gaps']) or '-'}; "
            f"repeated {', '.join(map(str, s['repeated'])) or '-'}"
        )
    for row in batch.rows:
        _echo_row(row)


def _echo_row(row: dict[str, Any]) -> None:
    if row["refused"]:
        reasons = "; ".join(say.problem(p) for p in row["problems"])
        click.echo(f"REFUSED {_row_label(row)}: {row['raw'].get('name', '')!r}: {reasons}")
        return
    if row["flags"]:
        flags = ", ".join(say.flag(f) for f in row["flags"])
        click.echo(f"HELD {_row_label(row)}: {row['name']}: {flags}")
        for match in row["matches"]:
            click.echo(
                f"    looks like {match['name']} ({say.match(match)}; "
                f"{say.reasons(match)}; score {match['score']:.2f})"
            )
    for warning in row["warnings"]:
        click.echo(f"WARNING {_row_label(row)}: {say.problem(warning)}")


def _confirmed(count: int) -> bool:
    """Ask on the terminal; no answer (no terminal, end of input) means no."""
    try:
        return click.confirm(f"Import {entries(count)}?", default=False)
    except click.Abort:
        return False


def _cancel(batch: ImportBatch) -> bool:
    """Cancel the preview; False if it is one no longer: confirmed or cancelled on the web
    while the operator read it (it is committed before the question)."""
    db.session.rollback()
    try:
        import_services.cancel(db.session, batch)
    except ImportRefused:
        db.session.rollback()
        return False
    db.session.commit()
    return True


def _apply(batch: ImportBatch) -> list[Signature]:
    """Write the batch in one short transaction, which catches a change of the letter since
    the preview; a refusal is said in words, with nothing written and the batch cancelled."""
    try:
        added = import_services.apply(db.session, batch, None)
        db.session.commit()
    except ImportRefused as refused:
        code = refused.code
    except IntegrityError:  # a contact address taken while confirming
        code = "changed"
    else:
        return added
    _cancel(batch)
    raise click.ClickException(say.refusal(code))


@click.command("import")
@click.argument("slug")
@click.argument(
    "path", metavar="FILE", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", *FORMATS]),
    default="auto",
    show_default=True,
    help="How to read FILE (auto: by name and content).",
)
@click.option(
    "--encoding",
    type=click.Choice(ENCODINGS),
    default="utf-8",
    show_default=True,
    help="Text encoding of a CSV or text file that is not UTF-8.",
)
@click.option("--yes", is_flag=True, help="Import without asking for confirmation.")
@with_appcontext
def import_command(slug: str, path: Path, fmt: str, encoding: str, yes: bool) -> None:
    """Import the signatory list in FILE (CSV, XLSX or text) into the letter SLUG."""
    letter = _letter(slug)
    with force_locale("en"):  # there is no request to take a language from
        try:
            batch = import_services.preview(
                db.session,
                letter,
                None,
                _data(path),
                fmt=fmt,
                encoding=encoding,
                filename=path.name,
                max_rows=current_app.config["IMPORT_MAX_ROWS"],
            )
        except ImportFileError as error:
            raise click.ClickException(say.file_error(error)) from None
        except ImportRefused as refused:
            raise click.ClickException(say.refusal(refused.code)) from None
        echo_preview(batch)
        count = batch.summary["added"]
        # Kept, and no transaction left open while the operator reads: on SQLite an open
        # write transaction would stop every other writer (sign-ups, logins) until answered.
        db.session.commit()
        if not (yes or _confirmed(count)):
            if not _cancel(batch):
                raise click.ClickException(say.refusal("not_preview"))
            raise click.ClickException("Nothing was imported (confirm, or pass --yes).")
        added = _apply(batch)
    s = batch.summary
    click.echo(
        f"Imported {entries(len(added))}: {s['approved']} published, {s['held']} held "
        f"for moderators ({s['duplicates']} possible duplicates, {s['flagged']} flagged); "
        f"{s['refused']} refused."
    )
