"""Checking one imported row with the same rules as the sign-on form: pure functions.

A problem with the name refuses the row (there is nothing to list without a name). A problem
with an optional value (country, email, website, type, ECOSOC status, individual, contact)
leaves that value out and is shown as a warning: the entry is still worth importing. An email
address written in a name is taken out of it (names are published, contacts never are), and
becomes the contact email if the row has none.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from campaign import text
from campaign.matching import flag_name
from campaign.moderation.import_columns import country_code, vocabulary_value
from campaign.moderation.imports import Problem, RawRow
from campaign.signatures.forms import contact_email
from campaign.signatures.keys import email_key, name_key
from campaign.signatures.models import EcosocStatus, SignerKind
from campaign.validators import NON_ASCII_MAILBOX

LIMITS = {"name": 300, "contact_name": 200, "email": 254, "website": 300}
SHOWN_RAW = 500  # characters of a cell kept to show in the preview
PERSON = "person"
_NOT_IN_ADDRESS = r"[^\s<>()\[\]{},;:\"'@]+"
# An email address written in a name, and what is left around it once it is taken out.
ADDRESS = re.compile(rf"(?:mailto:)?{_NOT_IN_ADDRESS}@{_NOT_IN_ADDRESS}\.{_NOT_IN_ADDRESS}", re.I)
_LABEL = r"(?:e-?mail|mail|courriel|correo|contact|contacto)"
EMPTY_BRACKETS = re.compile(rf"[(<\[{{][\s,;:.\-–—|/]*{_LABEL}?[\s,;:.\-–—|/]*[)>\]}}]", re.I)
LABEL_AT_END = re.compile(rf"(?:\s*[,;\-–—|/]\s*{_LABEL}\s*:?|\s+{_LABEL}\s*:)\s*$", re.I)
SEPARATORS = " ,;:-–—|/"


def first_forbidden(value: str) -> str | None:
    """The first character ``campaign.text`` refuses in ``value``, if any."""
    return next((c for c in value if text.find_forbidden(c) is not None), None)


def visible(value: str) -> str:
    """``value`` with every refused character shown as U+FFFD, safe to display."""
    return "".join("\ufffd" if text.find_forbidden(c) is not None else c for c in value)


def label(value: str | None, limit: int) -> str:
    """A file's or a sheet's name, fit to store and show: NFC, on one line, every character
    ``campaign.text`` refuses (NUL, controls, bidi overrides) as U+FFFD, cut to ``limit``."""
    value = visible(" ".join(unicodedata.normalize("NFC", value or "").split()))
    return value if len(value) <= limit else value[: limit - 1] + "…"


def cleaned(row: RawRow, column: str, limit: int, formula: bool = False) -> str | None:
    """The cell through ``campaign.text.clean``; None (and a problem on the row) if refused."""
    value = row.values.get(column, "")
    try:
        result = text.clean(value, limit)
        if formula:
            text.check_not_formula(result)
    except text.TextProblem:
        row.problems.append(_text_problem(value, column, limit))
        return None
    return result


def _text_problem(value: str, column: str, limit: int) -> Problem:
    char = first_forbidden(" ".join(value.split()))
    if char is not None:
        return Problem("characters", column, {"char": f"U+{ord(char):04X}"})
    single = " ".join(value.split())
    if len(single) > limit:
        return Problem("too_long", column, {"limit": limit, "count": len(single)})
    if not text.has_visible(single):
        return Problem("invisible", column)
    return Problem("formula", column)


def _optional(row: RawRow, out: dict[str, Any]) -> None:
    """Fill the optional values, warning about (and leaving out) those we cannot take."""
    _email(row, out)
    checks = {
        "country": country_code,
        "website": text.web_address,
        "type": lambda v: vocabulary_value("type", v),
        "ecosoc": lambda v: vocabulary_value("ecosoc", v),
        "kind": lambda v: vocabulary_value("kind", v),
    }
    for column, check in checks.items():
        limit = LIMITS.get(column, 300)
        value = cleaned(row, column, limit)
        if value:
            result = check(value)
            out[column] = getattr(result, "value", result)
            if result is None:
                row.problems.append(Problem("invalid", column, {"value": value[:100]}))
            elif isinstance(result, str) and len(result) > limit:  # a website given a scheme
                out[column] = None
                room = limit - (len(result) - len(value))
                row.problems.append(
                    Problem("too_long", column, {"limit": room, "count": len(value)})
                )
    out["contact_name"] = cleaned(row, "contact_name", LIMITS["contact_name"], True) or ""


def _email(row: RawRow, out: dict[str, Any]) -> None:
    """The contact address, if the sign-on form would take it; else a warning that says why
    as the form does (``reason``: "non_ascii" or "invalid")."""
    value = cleaned(row, "email", LIMITS["email"])
    if not value:
        return
    try:
        out["email"] = contact_email(value)
    except text.TextProblem as problem:
        out["email"] = None
        reason = "non_ascii" if problem.message is NON_ASCII_MAILBOX else "invalid"
        row.problems.append(Problem("email", "email", {"value": value[:100], "reason": reason}))


def addresses_out_of(name: str) -> tuple[str, list[str]]:
    """``name`` without the email addresses written in it ("Red Andina <info@red.example>",
    "Zambia Legal Aid - zla@…"), which would be published with it, and those addresses."""
    found = [a.removeprefix("mailto:").rstrip(".") for a in ADDRESS.findall(name)]
    if not found:
        return name, []
    rest = ADDRESS.sub(" ", name)
    while EMPTY_BRACKETS.search(rest):
        rest = EMPTY_BRACKETS.sub(" ", rest)
    return LABEL_AT_END.sub("", " ".join(rest.split())).strip(SEPARATORS), found


def _name(row: RawRow) -> tuple[str | None, list[str]]:
    """The cleaned name, without addresses, and the addresses it held."""
    name = cleaned(row, "name", LIMITS["name"])
    if not name:
        return name, []
    name, addresses = addresses_out_of(name)
    try:
        text.check_not_formula(name)
    except text.TextProblem:
        row.problems.append(Problem("formula", "name"))
        return None, addresses
    return name, addresses


def _address_from_name(row: RawRow, out: dict[str, Any], addresses: list[str]) -> None:
    """The first usable address found in the name becomes the contact email if the row has
    none; each one is said in a warning. None stays in the name (contacts are private)."""
    for address in addresses:
        if not out.get("email"):
            try:
                out["email"] = contact_email(address)
            except text.TextProblem:
                pass
            else:
                row.problems.append(Problem("email_in_name", "email", {"value": address[:100]}))
                continue
        row.problems.append(Problem("email_in_name_dropped", "email", {"value": address[:100]}))


def check_row(row: RawRow) -> dict[str, Any]:
    """A JSON-ready description of the row: clean values, problems, warnings and flags."""
    name, addresses = _name(row)
    if name == "":
        row.problems.append(Problem("no_name", "name"))
    elif name is not None and not name_key(name):
        row.problems.append(Problem("no_letters", "name"))
    out: dict[str, Any] = {"name": name or "", "name_key": name_key(name or "")}
    _optional(row, out)
    _address_from_name(row, out, addresses)
    kind = out.pop("kind", None) or SignerKind.organisation.value
    out.update(
        kind=kind,
        ecosoc=out.get("ecosoc") or EcosocStatus.unknown.value,
        email_key=email_key(out["email"]) if out.get("email") else None,
        flags=[f for f in flag_name(name or "") if not (kind == "individual" and f == PERSON)],
    )
    refusing = [p for p in row.problems if p.column in ("", "name")]
    shown = {k: v[:SHOWN_RAW] for k, v in row.values.items() if v}
    for problem in row.problems:
        if problem.code == "characters" and problem.column in shown:
            shown[problem.column] = visible(shown[problem.column])
    return {
        **out,
        "line": row.line,
        "number": row.number,
        "raw": shown,
        "refused": bool(refusing),
        "problems": [p.as_json() for p in refusing],
        "warnings": [p.as_json() for p in row.problems if p not in refusing],
        "matches": [],
    }
