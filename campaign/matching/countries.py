"""Country names in any of the main languages, for the country field and inside names.

Built from pycountry's ISO 3166 data and its translations, so "España", "Spain", "ES" and
"Espagne" all become ``ES``; a country named inside an organisation's name marks a national
section ("Hope Relief Italia"), which the scorer treats as a different organisation from its parent.
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from .text import words

_LOCALES = ("es", "fr", "de", "it", "pt", "nl", "ca", "da", "sv", "pl")
_EXTRA = {
    "US": "usa, u s a, united states of america, america, estados unidos, etats unis",
    "GB": "uk, great britain, england, scotland, wales, northern ireland, britain",
    "NL": "holland, the netherlands",
    "KR": "south korea",
    "KP": "north korea",
    "RU": "russia",
    "CD": "dr congo, democratic republic of congo",
    "PS": "palestine, occupied palestinian territory",
    "CI": "ivory coast",
    "CZ": "czech republic",
    "TR": "turkey",
    "VN": "vietnam",
    "MK": "macedonia",
    "SY": "syria",
}


def _names(country: object) -> list[str]:
    """English names of one pycountry record (name, official and common names)."""
    attrs = ("name", "official_name", "common_name")
    return [getattr(country, a) for a in attrs if getattr(country, a, None)]


def _translators() -> list[gettext.NullTranslations]:
    """One gettext translator per supported locale (missing locales are skipped)."""
    out = []
    for lang in _LOCALES:
        try:
            out.append(gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [lang]))
        except OSError:
            continue
    return out


@cache
def name_table() -> dict[tuple[str, ...], str]:
    """Folded country name (as a word tuple) -> ISO alpha-2 code."""
    table: dict[tuple[str, ...], str] = {}
    translators = _translators()
    for country in pycountry.countries:
        for name in _names(country):
            variants = [name] + [t.gettext(name) for t in translators]
            for variant in variants:
                key = tuple(words(variant.split(",")[0]))
                if key and len("".join(key)) > 3:
                    table.setdefault(key, country.alpha_2)
    for code, extra in _EXTRA.items():
        for variant in extra.split(","):
            table[tuple(words(variant))] = code
    return table


@cache
def country_code(value: str) -> str | None:
    """ISO alpha-2 code for a country field ("España", "U.K.", "MX", "DEU"), else None."""
    key = tuple(words(value))
    if not key:
        return None
    if len(key) == 1 and len(key[0]) in (2, 3) and key[0] not in ("usa", "uae"):
        found = pycountry.countries.get(**{f"alpha_{len(key[0])}": key[0].upper()})
        if found is not None:
            return found.alpha_2
        if key[0] == "uk":
            return "GB"
    return name_table().get(key)
