"""One entry point for every format: given export data and a spec, produce the file."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import date

from flask_babel import force_locale
from sqlalchemy.orm import Session

from campaign.db import utcnow
from campaign.exports import docx_jws, fonts, jws, tables
from campaign.exports.pdf import render_pdf
from campaign.exports.rows import ExportData, live_data
from campaign.exports.snapshots import snapshot_data, snapshot_of
from campaign.i18n import CONTENT_LANGUAGES, _l, interface_language
from campaign.letters.models import Letter
from campaign.signatures.queries import public_entries

MIMETYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "csv": "text/csv; charset=utf-8",
    "csv-semicolon": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "txt": "text/plain; charset=utf-8",
}
# Formats whose build time grows enough with the list to be worth a background job.
HEAVY = {"pdf", "docx", "xlsx"}
# The only formats that may hold contact details (when asked for).
CONTACT_FORMATS = ("csv", "csv-semicolon", "xlsx")
# A format that is a variant of another: the word its file's name says it with, and the
# other's extension (a CSV with semicolons is still a .csv).
VARIANTS = {"csv-semicolon": ("semicolons", "csv")}


class ExportError(ValueError):
    """An export that cannot be made as asked; ``message`` is translatable."""

    def __init__(self, message: object) -> None:
        super().__init__(message)  # lazy: translated when shown, in the reader's language
        self.message = message


@dataclass(frozen=True)
class ExportSpec:
    """What to produce. ``contacts`` only ever comes from a caller allowed to see them."""

    format: str
    language: str = "en"
    contacts: bool = False
    group: bool = False
    columns: int = 1
    session: str = ""
    agenda_item: str = ""

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, content: str) -> ExportSpec:
        return cls(**json.loads(content))


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    filename: str
    mimetype: str
    check: jws.WordCheck | None = None
    sponsors: jws.Sponsors | None = None


NO_SPONSOR = _l(
    "No co-sponsor has ECOSOC consultative status: the Council only accepts statements from "
    "organisations that have it."
)


def validate(spec: ExportSpec) -> None:
    if spec.format not in MIMETYPES:
        raise ExportError(_l("Unknown export format."))
    if spec.language not in CONTENT_LANGUAGES:
        raise ExportError(_l("This language is not supported."))
    if spec.format == "docx" and spec.language not in jws.LANGUAGES:
        raise ExportError(_l("The Council accepts statements in English, French or Spanish."))


NO_TEXT_IN_LANGUAGE = _l(
    "The letter has no text in this language: choose one of its languages, or add the "
    "translation first."
)
SNAPSHOT_WITHOUT_TEXT = _l(
    "This snapshot has no text in this language: choose one of the languages it was frozen with."
)
SNAPSHOT_WITHOUT_CONTACTS = _l(
    "A snapshot keeps no contact details. To export them, choose the current list."
)


def validate_content(data: ExportData, spec: ExportSpec) -> None:
    """What the list and texts allow: a file is made in a language the letter (or the
    snapshot) has a text in, never from another language's text under a name and headings
    that say otherwise (a "-pt" PDF holding the English letter; the Council would refuse a
    statement headed in English with its text in Arabic); and a statement names a
    co-sponsor with consultative status (else nobody can submit it; the check says so
    without refusing)."""
    if spec.contacts and spec.format in CONTACT_FORMATS and data.snapshot_id:
        if not any(row.contact_email or row.contact_name for row in data.rows):
            raise ExportError(SNAPSHOT_WITHOUT_CONTACTS)
    if spec.format == "docx":
        _statement_text(data, spec)
        if not jws.sponsors(data).with_status:
            raise ExportError(NO_SPONSOR)
    elif spec.language not in data.texts:
        raise ExportError(SNAPSHOT_WITHOUT_TEXT if data.snapshot_id else NO_TEXT_IN_LANGUAGE)


def _statement_text(data: ExportData, spec: ExportSpec) -> None:
    if spec.language not in data.texts:
        raise ExportError(
            _l(
                "The letter has no text in the statement's language yet: add that translation "
                "first. The Council reads a statement in the language it is submitted in."
            )
        )


def data_for(session: Session, letter: Letter, snapshot_id: int | None) -> ExportData:
    """A snapshot's frozen data, or the live list as of now."""
    if snapshot_id is None:
        return live_data(session, letter, utcnow())
    snapshot = snapshot_of(session, letter, snapshot_id)
    if snapshot is None:
        raise ExportError(_l("This snapshot does not exist."))
    return snapshot_data(snapshot)


def is_long(data: ExportData, spec: ExportSpec, threshold: int) -> bool:
    return spec.format in HEAVY and len(data.rows) >= threshold


def filename(data: ExportData, spec: ExportSpec) -> str:
    """Every file names its language (CSV and XLSX headings and country names are in it too),
    so the French and Arabic lists of one day are two files."""
    stamp = f"snapshot-{data.snapshot_id}" if data.snapshot_id else data.as_of.strftime("%Y%m%d")
    kind = "statement" if spec.format == "docx" else "signatories"
    variant, extension = VARIANTS.get(spec.format, ("", spec.format))
    parts = (data.slug, kind, spec.language, _contacts_marker(spec), variant, stamp)
    return "-".join(part for part in parts if part) + f".{extension}"


def _contacts_marker(spec: ExportSpec) -> str:
    """Said in the name of a file holding people's contact details, so it is not mistaken
    for (and shared as) the public list."""
    return "with-contacts" if spec.contacts and spec.format in CONTACT_FORMATS else ""


def produce(
    data: ExportData, spec: ExportSpec, progress: Callable[[float], None] | None = None
) -> ExportFile:
    """Build the file; contact details appear only in CSV/XLSX and only if ``spec.contacts``."""
    validate(spec)
    validate_content(data, spec)
    shown = data if spec.contacts and spec.format in CONTACT_FORMATS else data.public()
    check = sponsors = None
    with force_locale(interface_language(spec.language)):
        if spec.format == "pdf":
            content = render_pdf(
                shown, spec.language, group=spec.group, columns=spec.columns, progress=progress
            )
        elif spec.format == "docx":
            statement = docx_jws.build(shown, spec.language, spec.session, spec.agenda_item)
            content, check, sponsors = statement.content, statement.check, statement.sponsors
        elif spec.format in tables.CSV_DELIMITERS:
            delimiter = tables.CSV_DELIMITERS[spec.format]
            content = tables.to_csv(shown, spec.language, spec.contacts, delimiter)
        elif spec.format == "xlsx":
            content = tables.to_xlsx(shown, spec.language, spec.contacts)
        else:
            content = tables.to_text(shown, spec.language, spec.group).encode("utf-8")
    return ExportFile(content, filename(data, spec), MIMETYPES[spec.format], check, sponsors)


@dataclass(frozen=True)
class StatementCheck:
    """What staff see before downloading the statement."""

    check: jws.WordCheck
    sponsors: jws.Sponsors
    deadline: date | None
    # The deadline is before today: the statement can no longer be submitted for the session.
    deadline_passed: bool = False


def check_statement(
    data: ExportData, spec: ExportSpec, session_start: date | None
) -> StatementCheck:
    """Word count against the limit, the sponsors' grouping and the submission deadline,
    whatever format the form has chosen for downloads."""
    spec = replace(spec, format="docx")
    validate(spec)
    _statement_text(data, spec)
    statement = docx_jws.build(data.public(), spec.language, spec.session, spec.agenda_item)
    deadline = jws.submission_deadline(session_start) if session_start else None
    passed = deadline is not None and jws.deadline_passed(deadline, utcnow().date())
    return StatementCheck(statement.check, statement.sponsors, deadline, passed)


@dataclass(frozen=True)
class Undrawable:
    """A name on the public list with characters no installed PDF font has."""

    kind: str
    number: int
    name: str
    signature_id: int
    characters: str

    @property
    def code_points(self) -> str:
        return " ".join(f"U+{ord(c):04X}" for c in self.characters)


def undrawable_names(session: Session, letter: Letter) -> list[Undrawable]:
    """The current list's names that a PDF would print with a mark (U+FFFD) in place of
    characters it has no font for, so staff see them before anyone reads the PDF."""
    entries = public_entries(session, letter.id)
    found = []
    for kind, listed in (
        ("organisation", entries.organisations),
        ("individual", entries.individuals),
    ):
        for entry in listed:
            missing = fonts.undrawable(entry.name)
            if missing:
                found.append(
                    Undrawable(kind, entry.number, entry.name, entry.signature_id, missing)
                )
    return found


def undrawable_texts(letter: Letter) -> dict[str, str]:
    """For each language whose title, addressee or text holds characters no installed PDF
    font has (an emoji, a rare script), those characters: the PDF prints each as a mark."""
    found = {}
    for text in letter.texts:
        missing = fonts.undrawable(f"{text.title}{text.addressee or ''}{text.body}")
        if missing:
            found[text.language] = " ".join(f"U+{ord(c):04X}" for c in missing)
    return found
