"""``campaign dedupe INPUT.csv``: cluster a sign-on list and print JSON."""

from __future__ import annotations

import json

import click

from .cluster import find_clusters
from .csvio import InputError, read_records
from .scoring import DEFAULT_THRESHOLD


@click.command("dedupe")
@click.argument("input_path", metavar="INPUT", type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=DEFAULT_THRESHOLD,
    show_default=True,
    help="Score from which two submissions are judged one organisation.",
)
@click.option("--indent", type=int, default=None, help="Pretty-print the JSON.")
def dedupe_command(input_path: str, threshold: float, indent: int | None) -> None:
    """Find submissions in INPUT (CSV: id,name[,country,email,website]) that are one
    organisation; print {"clusters", "details", "flags"} as JSON."""
    try:
        records = read_records(input_path)
    except InputError as exc:
        raise click.ClickException(str(exc)) from exc
    result = find_clusters(records, threshold=threshold)
    click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=indent))
