"""Choices on the sign-on form, labelled in the page's language."""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale, UnknownLocaleError
from wtforms import SelectChoice

from campaign.collation import sort_key
from campaign.i18n import INTERFACE_LANGUAGES, _l
from campaign.signatures.models import EcosocStatus, OrgType, SignerKind

KIND_LABELS = {
    SignerKind.organisation: _l("On behalf of an organisation"),
    SignerKind.individual: _l("As an individual"),
}

ORG_TYPE_LABELS = {
    OrgType.ngo: _l("Non-governmental organisation (NGO)"),
    OrgType.network: _l("Network or coalition"),
    OrgType.trade_union: _l("Trade union"),
    OrgType.faith_based: _l("Faith-based organisation"),
    OrgType.academic: _l("Academic or research institution"),
    OrgType.foundation: _l("Foundation"),
    OrgType.other: _l("Other"),
}

ECOSOC_LABELS = {
    EcosocStatus.general: _l("General consultative status"),
    EcosocStatus.special: _l("Special consultative status"),
    EcosocStatus.roster: _l("Roster status"),
    EcosocStatus.none: _l("No consultative status"),
    EcosocStatus.unknown: _l("I don't know"),
}


@lru_cache(maxsize=32)
def _territories(language: str) -> dict[str, str]:
    try:
        return dict(Locale.parse(language).territories)
    except (UnknownLocaleError, ValueError):
        return {}


@lru_cache(maxsize=32)
def countries(language: str) -> tuple[tuple[str, str], ...]:
    """(ISO alpha-2, name in ``language``) for every country, in collation order of the name."""
    names = _territories(language)
    pairs = [(c.alpha_2, names.get(c.alpha_2) or c.name) for c in pycountry.countries]
    return tuple(sorted(pairs, key=lambda pair: sort_key(pair[1])))


@lru_cache(maxsize=32)
def _country_names(language: str) -> dict[str, str]:
    return dict(countries(language))


def country_name(code: str | None, language: str) -> str:
    """The name of a country in ``language``; the code itself if unknown."""
    if not code:
        return ""
    return _country_names(language).get(code, code)


def enum_choices(labels: dict) -> list[SelectChoice]:
    """One choice per member; the label stays lazy, translated when the menu is shown."""
    return [SelectChoice(member.value, label) for member, label in labels.items()]


def language_choices() -> list[SelectChoice]:
    """Languages we can write to a signer in, each named in itself and marked so (lang, dir),
    so a screen reader says "العربية" in Arabic on an English page (WCAG 3.1.2)."""
    return [
        SelectChoice(code, lang.native_name, render_kw=lang.attrs)
        for code, lang in INTERFACE_LANGUAGES.items()
    ]


# The short menus of the sign-on form. Their values are fixed and their labels translated only
# when a menu is shown, so a sign-up that goes through (the form read, never shown) does not
# look up the locale or its catalogue.
MENUS: dict[str, tuple[SelectChoice, ...]] = {
    "kind": tuple(enum_choices(KIND_LABELS)),
    "org_type": (SelectChoice("", _l("Choose a type")), *enum_choices(ORG_TYPE_LABELS)),
    "ecosoc_status": tuple(enum_choices(ECOSOC_LABELS)),
    "language": tuple(language_choices()),
}
# Moderators' menus and audit log: the same values, said of the signature rather than by the
# signer.
STAFF_ECOSOC_LABELS = {**ECOSOC_LABELS, EcosocStatus.unknown: _l("Unknown")}
STAFF_MENUS: dict[str, tuple[SelectChoice, ...]] = {
    "ecosoc_status": tuple(enum_choices(STAFF_ECOSOC_LABELS)),
}
CHOOSE_COUNTRY = _l("Choose a country")


@lru_cache(maxsize=32)
def _country_menu(language: str) -> tuple[SelectChoice, ...]:
    return tuple(SelectChoice(code, name) for code, name in countries(language))


@lru_cache(maxsize=64)
def country_choices(language: str, blank: str) -> tuple[SelectChoice, ...]:
    """The country menu, names in ``language``, headed by ``blank``; built once per language,
    as it is the bulk of a form. The same tuple each time, so ValidChoice reuses its codes."""
    return (SelectChoice("", blank), *_country_menu(language))


@lru_cache(maxsize=32)
def signing_countries(language: str) -> tuple[SelectChoice, ...]:
    """The sign-on form's country menu, headed by "Choose a country" (translated when shown)."""
    return (SelectChoice("", CHOOSE_COUNTRY), *_country_menu(language))
