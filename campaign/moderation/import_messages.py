"""What import problems, flags and match reasons say, in the reader's language."""

from __future__ import annotations

from typing import Any

from campaign import text
from campaign.i18n import _, _l
from campaign.moderation.imports import ImportFileError
from campaign.signatures.forms import NOT_AN_ADDRESS
from campaign.validators import NON_ASCII_MAILBOX

FILE_ERRORS = {
    "empty": _l("The list is empty: there is no entry to import."),
    "utf16": _l(
        "This file is saved as UTF-16. Save it as UTF-8 (“CSV UTF-8” in Excel) and try again."
    ),
    "utf32": _l(
        "This file is saved as UTF-32. Save it as UTF-8 (“CSV UTF-8” in Excel) and try again."
    ),
    "nul": _l(
        "This file contains NUL bytes (position %(position)d): it is not a text list. "
        "Check the format you chose."
    ),
    "encoding": _l(
        "This file is not UTF-8 text (first problem on line %(line)d). Save it as "
        "UTF-8, or choose the encoding it was saved in (it may be %(guess)s)."
    ),
    "unknown_encoding": _l("Unknown encoding “%(encoding)s”."),
    "binary": _l(
        "This looks like a spreadsheet or another binary file, not text. Choose the "
        "XLSX format, or export the sheet as CSV."
    ),
    "too_many_rows": _l(
        "This list has more than %(limit)d entries, the most one import may hold. Split "
        "it into several files."
    ),
    "too_large": _l("This file is larger than %(limit)d bytes, the most one import may hold."),
    "csv_malformed": _l(
        "This CSV file is malformed near line %(line)d (a quote that is never closed, "
        "or a stray quote inside a cell)."
    ),
    "csv_cell_too_long": _l(
        "A cell ending near line %(line)d is longer than %(limit)d characters, far too long "
        "for a list. Check that line, and any quote opened before it and never closed."
    ),
    "no_name_column": _l(
        "No header row names a column of names among the first %(rows)d lines that are "
        "not empty. Name the column “name” (or “organisation”, “nom”, “nombre”). The first "
        "of these lines (line %(line)d) holds: %(found)s."
    ),
    "no_name_column_xlsx": _l(
        "No sheet has a header row naming a column of names among its first %(rows)d rows "
        "that are not empty. Name the column “name” (or “organisation”, “nom”, “nombre”). "
        "Sheets looked at: %(sheets)s. The first of these rows (sheet “%(sheet)s”, row "
        "%(line)d) holds: %(found)s."
    ),
    "xlsx_invalid": _l(
        "This file is not an Excel workbook (.xlsx) we can read. Save it again as "
        ".xlsx, or export it as CSV."
    ),
    "xls_old": _l("This is an old Excel file (.xls). Save it as .xlsx or as CSV, then import it."),
    "xlsx_too_big": _l(
        "This workbook holds far more data than a list of %(rows)d entries needs. Keep "
        "only the list in its first sheet, or export the list as CSV."
    ),
    "xlsx_too_many_rows": _l(
        "This workbook has more than %(limit)d rows to read, counting empty rows and rows "
        "without a name. Delete the rows below the list, or export the list as CSV."
    ),
}

REFUSALS = {
    "submitted": _l("This letter has been submitted: its list can no longer change."),
    "not_preview": _l("This import was already confirmed or cancelled."),
    "changed": _l(
        "The letter's list changed since this preview (a contact address is now taken). "
        "Nothing was imported; please make a new preview."
    ),
    "rematched": _l(
        "The letter's list changed since this preview, so some entries would now be treated "
        "differently (held for moderators, or added). Nothing was imported; make a new "
        "preview to see which."
    ),
}

PROBLEMS = {
    "too_long": _l("Too long: %(count)d characters, at most %(limit)d."),
    "formula": text.NAME_IS_FORMULA,
    "no_name": _l("No name."),
    "invisible": text.NOTHING_VISIBLE,
    "no_letters": _l("No letters or digits in the name."),
    "ragged": _l("This row has %(count)d cells but the header has %(expected)d."),
    "xlsx_formula": _l(
        "Cell %(cell)s holds a formula; formulas are not imported. Paste its values "
        "instead (Paste special → Values)."
    ),
    "invalid": _l("“%(value)s” was not understood and is left out."),
    "xlsx_not_text": _l(
        "Cell %(cell)s holds a number, a date, a true/false value or an error such as "
        "#N/A, not a name. Type the name as text."
    ),
    "email": _l("“%(value)s” is left out: %(reason)s"),
    "email_in_name": _l(
        "The email address “%(value)s” was taken out of the name and kept as the contact "
        "email (never published)."
    ),
    "email_in_name_dropped": _l(
        "The email address “%(value)s” was taken out of the name and left out (never published)."
    ),
}
# Why an address is left out: what the sign-on form says of it.
EMAIL_REASONS = {"non_ascii": NON_ASCII_MAILBOX, "invalid": NOT_AN_ADDRESS}

COLUMNS = {
    "name": _l("Name"),
    "country": _l("Country"),
    "email": _l("Email"),
    "website": _l("Website"),
    "type": _l("Type of organisation"),
    "ecosoc": _l("ECOSOC status"),
    "kind": _l("Individual"),
    "contact_name": _l("Contact person"),
}

FLAGS = {
    "possible_duplicate": _l("possible duplicate"),
    "person": _l("looks like a person"),
    "sentence": _l("looks like a sentence"),
    "empty": _l("empty"),
    "web_address": _l("contains a web or email address"),
}

MATCH_KINDS = {
    "line": _l("line %(ref)d of this list"),
    "signature": _l("signature #%(ref)d on this letter"),
    "registry": _l("known organisation #%(ref)d"),
}


def file_error(error: ImportFileError) -> str:
    return str(FILE_ERRORS.get(error.code, FILE_ERRORS["empty"])) % error.params


def refusal(code: str) -> str:
    return str(REFUSALS[code])


def problem(item: dict[str, Any]) -> str:
    """One problem of a row, with the column it concerns."""
    code, params = item["code"], item["params"]
    if code == "characters":
        message = f"{text.find_forbidden(chr(int(params['char'][2:], 16)))} ({params['char']})"
    elif code == "email":
        reason = str(EMAIL_REASONS.get(params["reason"], NOT_AN_ADDRESS))
        message = str(PROBLEMS[code]) % {**params, "reason": reason}
    else:
        message = str(PROBLEMS[code]) % params
    column = COLUMNS.get(item["field"])
    if not column:
        return message
    # The message is a whole sentence, so the column is set before it as a label: a colon
    # would ask for a lower-case letter after it in French and Spanish.
    return _("%(column)s — %(message)s", column=column, message=message)


def match(item: dict[str, Any]) -> str:
    """Where a match was found: "line 12 of this list", "signature #4 on this letter"…"""
    return str(MATCH_KINDS[item["kind"]]) % {"ref": item["ref"]}


def flag(code: str) -> str:
    return str(FLAGS.get(code, code))


REASONS = {
    "same_name": _l("same name"),
    "known_alias": _l("a name it is known under"),
    "same_words": _l("same words"),
    "typo": _l("a spelling difference"),
    "typo_one_word": _l("a spelling difference"),
    "joined_words": _l("words joined or split"),
    "translation": _l("a translation"),
    "shared_acronym": _l("same acronym"),
    "initials": _l("initials of the name"),
    "near_name": _l("a similar name"),
    "same_domain": _l("same web or email domain"),
    "same_country": _l("same country"),
    "same_email": _l("same contact email"),
}


def reasons(item: dict[str, Any]) -> str:
    """The reasons the engine gave for a match, in words (its other codes are adjustments)."""
    labels = [str(REASONS[r["code"]]) for r in item["reasons"] if r["code"] in REASONS]
    return ", ".join(dict.fromkeys(labels))


def for_templates() -> dict[str, Any]:
    return {"problem": problem, "match": match, "flag": flag, "reasons": reasons}
