"""Unicode folding and tokenising shared by every matching step."""

from __future__ import annotations

import re
import unicodedata

_SPECIAL = str.maketrans(
    {"æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "ı": "i", "þ": "th", "ð": "d", "ß": "ss"}
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d]")
_QUOTES = re.compile(r"[\u2018\u2019\u201a\u201b\u2032\u00b4`\u02bc\u02b9]")
_DQUOTES = re.compile(r"[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u300c\u300d]")
_ELISION = re.compile(r"\b(l|d|j|n|s|c|m|t|qu|dell|all|nell|sull)'(?=\w)")
_ABBREV_DOT = re.compile(r"(?<=\w)\.(?=\w)|(?<=\b\w)\.")
_NON_WORD = re.compile(r"[\W_]+")


def unify(text: str) -> str:
    """NFKC-normalise and map dash and quote variants to ASCII ``-``, ``'`` and ``"``."""
    text = unicodedata.normalize("NFKC", text)
    text = _DASHES.sub("-", text)
    text = _QUOTES.sub("'", text)
    return _DQUOTES.sub('"', text)


def strip_accents(text: str) -> str:
    """Drop combining marks and spell out letters that do not decompose (æ, ø, ß ...)."""
    text = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in text if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Case- and accent-insensitive form of ``text`` with punctuation kept."""
    return strip_accents(unify(text).casefold()).translate(_SPECIAL)


def words(text: str) -> list[str]:
    """Folded word tokens: elisions split ("l'homme"), dotted abbreviations joined ("e.V.").

    Apostrophes inside words vanish ("women's" -> "womens"); every other punctuation mark
    separates words, so "NET-ASIA" and "Net Asia" give the same tokens.
    """
    text = fold(text).replace("&", " and ").replace("\u00b7", "")
    text = _ELISION.sub(r"\1 ", text).replace("'", "")
    text = _ABBREV_DOT.sub("", text)
    return [w for w in _NON_WORD.split(text) if w]
