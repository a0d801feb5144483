"""Words the exports print: column headings, ECOSOC statuses, types of organisation,
country names per language."""

from __future__ import annotations

from itertools import groupby

from babel import Locale

from campaign.collation import sort_key
from campaign.exports.rows import Row
from campaign.i18n import _l
from campaign.signatures.choices import ORG_TYPE_LABELS

COLUMNS = {
    "number": _l("No."),
    "name": _l("Name"),
    "kind": _l("Signing as"),
    "country": _l("Country code"),
    "country_name": _l("Country"),
    "ecosoc_status": _l("ECOSOC status"),
    "org_type": _l("Type of organisation"),
    "website": _l("Website"),
    "submitted_name": _l("Name as submitted"),
    "contact_name": _l("Contact name"),
    "contact_email": _l("Contact email"),
    "contact_role": _l("Contact role"),
    "consent_contact": _l("Consent to be contacted"),
}
CONSENT = {True: _l("Yes"), False: _l("No")}
KINDS = {"organisation": _l("Organisation"), "individual": _l("Individual")}
ECOSOC = {
    "general": _l("General"),
    "special": _l("Special"),
    "roster": _l("Roster"),
    "none": _l("None"),
    "unknown": _l("Unknown"),
}
NO_COUNTRY = _l("Country not given")
# As the sign-on form names them, keyed by the stored code ("ngo").
ORG_TYPES = {org_type.value: label for org_type, label in ORG_TYPE_LABELS.items()}


def country_name(code: str, language: str) -> str:
    """The country's name in ``language`` (CLDR via Babel), or the code if unknown."""
    if not code:
        return ""
    try:
        names = Locale.parse(language).territories
    except (ValueError, LookupError):
        names = Locale("en").territories
    return names.get(code.upper(), code.upper())


def by_country(rows: list[Row], language: str) -> list[tuple[str, list[Row]]]:
    """Rows grouped under localised country names, in collation order of those names.

    Rows keep their numbers, so a signatory has the same number grouped or not; rows
    without a country come last.
    """

    def key(row: Row) -> tuple[int, object]:
        name = country_name(row.country, language)
        return (0, sort_key(name)) if name else (1, ())

    ordered = sorted(rows, key=lambda r: (key(r), r.number))
    return [
        (country_name(group[0].country, language) or str(NO_COUNTRY), group)
        for _, items in groupby(ordered, key=key)
        for group in [list(items)]
    ]
