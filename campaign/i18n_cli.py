"""``campaign translations``: extract, update and compile the interface catalogues."""

from __future__ import annotations

from pathlib import Path

import click
from babel.messages.frontend import CommandLineInterface

from campaign.i18n import INTERFACE_LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "translations" / "messages.pot"


def pybabel(*args: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *args])


def extract(output: Path = POT) -> None:
    """Write the template of every interface string to ``output``."""
    pybabel(
        "extract",
        "-F",
        str(ROOT / "babel.cfg"),
        "-k",
        "_l",
        "--no-location",
        "--sort-output",
        "-o",
        str(output),
        str(ROOT),
    )


@click.group("translations")
def translations() -> None:
    """Interface translations (Babel)."""


@translations.command("update")
def update_command() -> None:
    """Extract strings, merge them into every catalogue, and compile."""
    extract()
    for code in INTERFACE_LANGUAGES:
        po = ROOT / "translations" / code / "LC_MESSAGES" / "messages.po"
        action = "update" if po.exists() else "init"
        pybabel(action, "-i", str(POT), "-d", str(ROOT / "translations"), "-l", code, "--no-wrap")
    compile_catalogues()


@translations.command("compile")
def compile_command() -> None:
    """Compile the .po catalogues to .mo files."""
    compile_catalogues()


def compile_catalogues() -> None:
    pybabel("compile", "-d", str(ROOT / "translations"))
