"""Records for spreadsheets and emails: CSV (UTF-8 with BOM, its cells separated by commas
or, for Excel where a comma is the decimal separator, by semicolons), XLSX and a plain
numbered list.

A name such as ``=HYPERLINK(...)`` must stay text in whatever program opens the file. CSV
has no types, so its cells go through ``neutralise_formula`` (an apostrophe in front). An
XLSX cell is typed: every text is stored as a string, never a formula, exactly as written,
and one that looks like a formula is also marked "quote prefix", so it stays text when
someone edits it in Excel.
"""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from campaign.exports.labels import (
    COLUMNS,
    CONSENT,
    ECOSOC,
    KINDS,
    ORG_TYPES,
    by_country,
    country_name,
)
from campaign.exports.rows import CONSENT_FIELD, CONTACT_FIELDS, ExportData, Row
from campaign.exports.zipfix import fix_zip, stamp_modified
from campaign.i18n import _
from campaign.text import neutralise_formula

PUBLIC_COLUMNS = ("number", "name", "kind", "country", "country_name")
RECORD_COLUMNS = ("ecosoc_status", "org_type", "website", "submitted_name")
# The separator of each CSV format. Excel opens a CSV in columns only if it is separated by
# the list separator of the computer's regional settings: a semicolon where numbers take a
# decimal comma (French, Spanish, German and many more), else a comma (also what scripts,
# LibreOffice and Google Sheets expect). Which Excel opens the file is not known from here.
CSV_DELIMITERS = {"csv": ",", "csv-semicolon": ";"}


def columns(contacts: bool) -> tuple[str, ...]:
    """Columns for a record export; contact columns only when the reader may see them, and
    then always with the signer's consent to be contacted beside them."""
    return PUBLIC_COLUMNS + RECORD_COLUMNS + ((*CONTACT_FIELDS, CONSENT_FIELD) if contacts else ())


def cell_values(row: Row, names: tuple[str, ...], language: str) -> list[int | str]:
    """The row's values for ``names``: numbers as numbers, names and addresses as written,
    codes (kind, ECOSOC status, type of organisation, consent) in the file's language."""
    derived = {
        "kind": str(KINDS.get(row.kind, row.kind)),
        "country_name": country_name(row.country, language),
        "ecosoc_status": str(ECOSOC.get(row.ecosoc_status, row.ecosoc_status)),
        "org_type": str(ORG_TYPES.get(row.org_type, row.org_type)),
        CONSENT_FIELD: str(CONSENT.get(row.consent_contact, "")),
    }
    values: list[int | str] = []
    for name in names:
        value = row.number if name == "number" else derived.get(name, getattr(row, name, ""))
        values.append(value if isinstance(value, int) else str(value))
    return values


def to_csv(data: ExportData, language: str, contacts: bool, delimiter: str = ",") -> bytes:
    """A CSV with a byte-order mark, so spreadsheet programs read it as UTF-8, its cells
    separated by ``delimiter`` (see ``CSV_DELIMITERS``)."""
    names = columns(contacts)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([str(COLUMNS[n]) for n in names])
    for row in data.rows:
        values = cell_values(row, names, language)
        writer.writerow([v if isinstance(v, int) else neutralise_formula(v) for v in values])
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(data: ExportData, language: str, contacts: bool) -> bytes:
    """One sheet, a bold heading row, every text cell stored as text (never a formula)."""
    names = columns(contacts)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Signatories")[:31])
    sheet.append([_header_cell(sheet, str(COLUMNS[n])) for n in names])
    for row in data.rows:
        sheet.append([_text_cell(sheet, v) for v in cell_values(row, names, language)])
    _stamp(workbook, data)
    buffer = io.BytesIO()
    workbook.save(buffer)
    core = {"docProps/core.xml": stamp_modified(data.as_of)}
    return fix_zip(buffer.getvalue(), data.as_of, core)


def _header_cell(sheet: object, value: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=value)
    cell.font = Font(bold=True)
    return cell


def _text_cell(sheet: object, value: int | str) -> WriteOnlyCell | int:
    """A number as is; text as a string cell (never a formula), marked "quote prefix" if
    a spreadsheet would read it as one when typed in."""
    if not isinstance(value, str):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    if neutralise_formula(value) != value:
        cell.quotePrefix = True
    return cell


def _stamp(workbook: Workbook, data: ExportData) -> None:
    """Fixed document properties, so a snapshot gives the same file every time."""
    moment = data.as_of.replace(tzinfo=None)
    workbook.properties.created = moment
    workbook.properties.modified = moment
    workbook.properties.creator = "campaign"
    workbook.properties.title = data.text(data.authoritative_language).title


def to_text(data: ExportData, language: str, group: bool = False) -> str:
    """A numbered list to paste into an email: organisations, then individuals apart."""
    lines = [data.text(language).title, ""]
    sections = ((_("Organisations"), data.organisations), (_("Individuals"), data.individuals))
    for heading, rows in sections:
        if not rows:
            continue
        lines += [f"{heading} ({len(rows)})", ""]
        lines += _text_lines(rows, language, group) + [""]
    return "\n".join(lines).rstrip() + "\n"


def _text_lines(rows: list[Row], language: str, group: bool) -> list[str]:
    if not group:
        return [_text_line(r, language) for r in rows]
    lines: list[str] = []
    for country, members in by_country(rows, language):
        lines += [country] + [f"  {r.number}. {r.name}" for r in members] + [""]
    return lines[:-1]


def _text_line(row: Row, language: str) -> str:
    country = country_name(row.country, language)
    return f"{row.number}. {row.name}" + (f" ({country})" if country else "")
