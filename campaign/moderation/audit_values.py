"""How the fields an audit entry stores read to a moderator: a translated label for each, and
each value as people read it (a country's name, a status's label, yes or no, a date).

Only the display changes: entries keep the codes they were written with. A field or a value
this module does not know (an entry older than a change to the code) shows as stored."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import url_for
from flask_babel import format_datetime, get_locale
from markupsafe import Markup, escape

from campaign.accounts.labels import ROLE_LABELS
from campaign.i18n import CONTENT_LANGUAGES, _, _l
from campaign.letters.labels import STATUS_LABELS as LETTER_STATUS_LABELS
from campaign.moderation import labels
from campaign.signatures.choices import ORG_TYPE_LABELS, STAFF_ECOSOC_LABELS, country_name
from campaign.templating import language_name, names_list

EMPTY = "—"

FIELD_LABELS: dict[str, object] = {
    # A signature's (``audit.AUDITED_FIELDS``).
    "status": _l("Status"),
    "name": _l("Name"),
    "submitted_name": _l("Submitted name"),
    "country": _l("Country"),
    "kind": _l("Kind"),
    "org_type": _l("Type of organisation"),
    "ecosoc_status": _l("Consultative status with ECOSOC"),
    "website": _l("Website"),
    "flags": _l("Flags"),
    "organisation_id": _l("Known organisation"),
    "merged_into_id": _l("Merged into"),
    "contact_name": _l("Contact person"),
    "contact_role": _l("Role or title"),
    "consent_contact": _l("May be contacted about this campaign"),
    "language": _l("Preferred language for emails"),
    # A letter's (``audit.LETTER_FIELDS``).
    "slug": _l("Web address (slug)"),
    "addressee": _l("Addressed to"),
    "lead_organisations": _l("Lead organisations"),
    "deadline": _l("Sign-on deadline (UTC)"),
    "auto_approve": _l("Approve confirmed signatures without moderation"),
    "embed_origins": _l("Sites that may show the sign-on form"),
    "authoritative_language": _l("Language of the authoritative text"),
    # A staff account's (team and account changes).
    "email": _l("Email"),
    "role": _l("Role"),
    "active": _l("Account switched on"),
    "is_admin": _l("Administrator rights"),
    "can_create_letters": _l("May create letters"),
}
# Bookkeeping that means nothing to a person (a search key, a row's version): not shown.
HIDDEN = frozenset({"name_key", "email_key", "version", "token_version"})

# Codes by field, each with its label; a signature's and a letter's statuses never share one.
CODES: dict[str, dict[str, object]] = {
    "status": {
        **{s.value: text for s, text in labels.STATUS_LABELS.items()},
        **{s.value: text for s, text in LETTER_STATUS_LABELS.items()},
    },
    "kind": {k.value: text for k, text in labels.KIND_LABELS.items()},
    "org_type": {t.value: text for t, text in ORG_TYPE_LABELS.items()},
    "ecosoc_status": {e.value: text for e, text in STAFF_ECOSOC_LABELS.items()},
    "role": {r.value: text for r, text in ROLE_LABELS.items()},
}


@dataclass(frozen=True)
class Lookups:
    """What the values of a page's entries refer to, fetched once for the whole page: the
    names of signatures and known organisations, the imports the reader may open, and the
    letter whose pages links go to (None: no links, as on the staff accounts page)."""

    slug: str | None = None
    signatures: dict[int, str] = field(default_factory=dict)
    organisations: dict[int, str] = field(default_factory=dict)
    batches: frozenset[int] = frozenset()


def is_empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def isolated(text: object) -> Markup:
    """Text that may run either way (a name, an address), kept from scrambling its line."""
    return Markup('<bdi dir="auto">{}</bdi>').format(text)


def signature_link(sid: Any, found: Lookups) -> Markup:
    """A signature by its name, linked to its page; by its number if its name is unknown."""
    name = found.signatures.get(sid) if isinstance(sid, int) else None
    text = isolated(name) if name else escape(_("signature %(number)s", number=sid))
    if found.slug is None or not isinstance(sid, int):
        return text
    href = url_for("moderation.signature", slug=found.slug, sid=sid)
    return Markup('<a href="{}">{}</a>').format(href, text)


def _code(table: dict[str, object]) -> Callable[[Any, Lookups], Markup]:
    def show(value: Any, _found: Lookups) -> Markup:
        known = table.get(value) if isinstance(value, str) else None
        return escape(str(known)) if known is not None else isolated(value)

    return show


def _country(value: Any, _found: Lookups) -> Markup:
    return isolated(country_name(str(value), str(get_locale() or "en")))


def _language(value: Any, _found: Lookups) -> Markup:
    known = isinstance(value, str) and value in CONTENT_LANGUAGES
    return escape(language_name(value)) if known else isolated(value)


def _flags(value: Any, _found: Lookups) -> Markup:
    if not isinstance(value, list):
        return isolated(value)
    return names_list(
        labels.label(labels.FLAG_LABELS, code) if isinstance(code, str) else str(code)
        for code in value
    )


def _lines(value: Any, _found: Lookups) -> Markup:
    """One item a line (lead organisations) or a word (sites), listed the locale's way."""
    return names_list(str(value).split("\n" if "\n" in str(value) else None))


def when(value: Any) -> Markup:
    """A stored time (ISO 8601, UTC) as the app shows times; as stored if it is not one."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return isolated(value)
    return escape(format_datetime(moment, "short"))


def _organisation(value: Any, found: Lookups) -> Markup:
    name = found.organisations.get(value) if isinstance(value, int) else None
    return isolated(name) if name else isolated(value)


FORMATS: dict[str, Callable[[Any, Lookups], Markup]] = {
    **{name: _code(table) for name, table in CODES.items()},
    "country": _country,
    "language": _language,
    "authoritative_language": _language,
    "flags": _flags,
    "lead_organisations": _lines,
    "embed_origins": _lines,
    "deadline": lambda value, _found: when(value),
    "organisation_id": _organisation,
    "merged_into_id": signature_link,
}


def label(name: str) -> Markup:
    """A field's translated label; its stored name if it has none."""
    known = FIELD_LABELS.get(name)
    return escape(str(known)) if known is not None else isolated(name)


def show(name: str, value: Any, found: Lookups) -> Markup:
    """A field's value as people read it."""
    if is_empty(value):
        return escape(EMPTY)
    if isinstance(value, bool):
        return escape(_("Yes") if value else _("No"))
    return FORMATS.get(name, lambda v, _found: isolated(v))(value, found)
