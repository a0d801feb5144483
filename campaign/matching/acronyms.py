"""Acronyms: recognising them, deriving them from initials, and checking they fit a name."""

from __future__ import annotations

import re
from functools import lru_cache

from .tables import STOPWORDS

_CAPS_TOKEN = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Z0-9]+(?:[-'][A-Za-z0-9]+)*$")


def is_caps_token(token: str) -> bool:
    """True for tokens written like acronyms: "ABC", "XY4", "NET-ASIA", "CDRF-Terre"."""
    return bool(_CAPS_TOKEN.match(token))


def is_mixed_acronym(token: str) -> bool:
    """True for short acronyms with a small letter inside ("GNRi", "FoWI"), not "McKay"."""
    caps = sum(c.isupper() for c in token)
    return 3 <= len(token) <= 6 and token.isalpha() and caps >= 3 and caps < len(token)


def is_vowelless(token: str) -> bool:
    """True for words no language spells without vowels ("Cdrf", "Wrn"): acronyms."""
    letters = token.lower()
    return len(letters) >= 2 and letters.isalpha() and not set(letters) & set("aeiouy")


def initials(content: tuple[str, ...]) -> str:
    """Initials of the content words of a name ("pacific network water rights" -> "pnwr")."""
    return "".join(word[0] for word in content if not word[0].isdigit())


def fits(acronym: str, name_words: tuple[str, ...], skippable: frozenset[str]) -> bool:
    """True if ``acronym`` can be spelt from ``name_words`` in order.

    Each letter starts a word or continues the current one; function words and ``skippable``
    words (country and region names) may be left out, every other word must contribute.
    "cajar" fits "centro acción jurídica por reforma", "idepa" fits "instituto para el
    desarrollo de la paz".
    """
    if not acronym or not name_words or len(acronym) > 12 or len(name_words) > 16:
        return False
    return _fits(acronym, name_words, STOPWORDS | skippable)


@lru_cache(maxsize=65536)
def _fits(acronym: str, words: tuple[str, ...], optional: frozenset[str]) -> bool:
    """Memoised search behind :func:`fits`."""

    def go(ai: int, wi: int, ci: int) -> bool:
        if ai == len(acronym):
            return all(w in optional for w in words[wi + 1 :])
        letter = acronym[ai]
        if wi >= 0 and letter in words[wi][ci + 1 :]:
            nxt = words[wi].index(letter, ci + 1)
            if go(ai + 1, wi, nxt):
                return True
        for wj in range(wi + 1, len(words)):
            if words[wj][0] == letter and go(ai + 1, wj, 0):
                return True
            if words[wj] not in optional:
                return False
        return False

    return go(0, -1, 0)


def loose_fits(acronym: str, name_words: tuple[str, ...], skips: int) -> bool:
    """True if ``acronym`` spells ``name_words`` leaving out at most ``skips`` words.

    Letters follow :func:`fits` (each starts a word or continues the current one), the first
    letter starts the first word, and up to ``skips`` content words may contribute nothing:
    "mst" spells "movimento trabalhadores rurais sem terra" (two left out).
    """
    if not acronym or not name_words or len(acronym) > 12 or len(name_words) > 16:
        return False
    return _loose(acronym, tuple(name_words), skips)


@lru_cache(maxsize=65536)
def _loose(acronym: str, words: tuple[str, ...], skips: int) -> bool:
    """Memoised search behind :func:`loose_fits`."""

    def go(ai: int, wi: int, ci: int, left: int) -> bool:
        if ai == len(acronym):
            return sum(w not in STOPWORDS for w in words[wi + 1 :]) <= left
        letter = acronym[ai]
        if wi >= 0 and letter in words[wi][ci + 1 :]:
            if go(ai + 1, wi, words[wi].index(letter, ci + 1), left):
                return True
        for wj in range(wi + 1, len(words)):
            if words[wj][0] == letter and go(ai + 1, wj, 0, left):
                return True
            if wi < 0:
                return False  # the first letter starts the first word
            if words[wj] not in STOPWORDS:
                left -= 1
                if left < 0:
                    return False
        return False

    return go(0, -1, 0, skips)
