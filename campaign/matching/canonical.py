"""Comparable word forms of a name: content words, their English canonical form, geography."""

from __future__ import annotations

from functools import lru_cache

from .countries import name_table
from .demonyms import SUBNATIONAL, demonym_table
from .tables import LANGUAGE_HINTS, STOPWORDS
from .words import MAX_PHRASE, PHRASES, REGIONS

_MAX_COUNTRY = 5
GEO_PREFIX = "@"


def content(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a key that carry meaning: function words dropped."""
    kept = tuple(t for t in tokens if t not in STOPWORDS)
    return kept or tokens


def _longest(tokens: tuple[str, ...], i: int) -> tuple[int, tuple[str, ...]] | None:
    """Longest country, region or phrase starting at ``tokens[i]``, as (length, output)."""
    countries, limit = name_table(), min(len(tokens) - i, max(MAX_PHRASE, _MAX_COUNTRY))
    nationalities = demonym_table()
    for size in range(limit, 0, -1):
        piece = tokens[i : i + size]
        if piece in REGIONS:
            return size, (GEO_PREFIX + REGIONS[piece],)
        if piece in SUBNATIONAL:
            return size, (GEO_PREFIX + SUBNATIONAL[piece],)
        if piece in countries:
            return size, (GEO_PREFIX + countries[piece],)
        if piece in nationalities:
            return size, (GEO_PREFIX + nationalities[piece],)
        if piece in PHRASES:
            return size, PHRASES[piece]
    return None


def _singular(word: str) -> str:
    """English target word in the singular when the table knows both ("refugees")."""
    for cut, add in (("ies", "y"), ("es", ""), ("s", "")):
        if word.endswith(cut) and len(word) > len(cut) + 3:
            stem = word[: -len(cut)] + add
            if (stem,) in PHRASES and PHRASES[(stem,)] == (stem,):
                return stem
    return word


def _plural_of_known(word: str) -> tuple[str, ...] | None:
    """Translation of a plural the table lists only in the singular ("eglises", "services")."""
    for cut, add in (("es", ""), ("s", ""), ("x", "")):
        if word.endswith(cut) and len(word) > len(cut) + 3:
            found = PHRASES.get((word[: -len(cut)] + add,))
            if found:
                return found
    return None


@lru_cache(maxsize=200_000)
def canonical(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Content words translated to English, countries and regions as ``@CODE`` tokens.

    Plurals and singulars of known words meet in the singular ("refugees", "refugiados" and
    "refugee" all give "refugee"), since names use either for the same organisation.
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        found = _longest(tokens, i)
        if found is None:
            known = _plural_of_known(tokens[i])
            found = (1, known or (tokens[i],))
        size, words = found
        out.extend(_singular(w) for w in words if w not in STOPWORDS)
        i += size
    return tuple(out) or tokens


def languages(tokens: tuple[str, ...]) -> frozenset[str]:
    """Languages hinted at by a name's function words ("pour" -> fr, "the" -> en)."""
    return frozenset(LANGUAGE_HINTS[t] for t in tokens if t in LANGUAGE_HINTS)


def is_geo(token: str) -> bool:
    """True for canonical country and region tokens."""
    return token.startswith(GEO_PREFIX)
