"""Name normalisation: the stored ``name_key`` and the acronyms a name carries.

``name_key`` is the one pure function the app stores as an indexed column: two submissions
with equal keys name the same organisation in the same words. Acronyms in brackets or
before a dash ("Rural Women Alliance (RWA)", "ACDL - Asociación ...") become aliases, not
part of the key.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .acronyms import fits, is_caps_token, is_vowelless
from .countries import name_table
from .tables import LEADING_ARTICLES, LEADING_LEGAL_FORMS, LEGAL_FORMS
from .text import strip_accents, unify, words

_BRACKET = re.compile(r"\(([^()]*)\)?|\[([^\[\]]*)\]?")
_SEPARATOR = re.compile(r"\s+[-:|/]\s+|:\s+|\s+[-]+(?=[A-Z])|(?<=[A-Z])[-]+\s+")


@dataclass(frozen=True, slots=True)
class ParsedName:
    """A name split into its main wording and the acronyms written beside it."""

    key: str
    acronyms: tuple[str, ...]


def _acronym_like(part: str, other: str) -> bool:
    """True if ``part`` reads as the acronym or short name of ``other``."""
    tokens, folded = strip_accents(part).split(), tuple(words(part))
    other_words = tuple(_strip_edges(words(other)))
    if not folded or len(tokens) > 3 or len(other_words) < 2 or folded in name_table():
        return False
    if other.isupper() and len(tokens) == 1 and len(folded[0]) <= 6:
        return True
    caps_style = any(is_vowelless(t) for t in re.split(r"[-\s]", part)) or (
        not other.isupper() and any(is_caps_token(t) for t in tokens)
    )
    return caps_style or fits("".join(folded), other_words, frozenset())


def _split_brackets(name: str) -> tuple[str, list[str]]:
    """Remove bracketed acronyms from ``name``; keep other bracketed text inline."""
    aliases: list[str] = []
    for match in list(_BRACKET.finditer(name)):
        inner = (match.group(1) or match.group(2) or "").strip()
        outer = (name[: match.start()] + " " + name[match.end() :]).strip()
        if _acronym_like(inner, outer):
            aliases.append(inner)
            name = name.replace(match.group(0), " ", 1)
        elif len(outer.split()) == 1 and _acronym_like(outer, inner):
            return inner, [outer]
        else:
            name = name.replace(match.group(0), f" {inner} ", 1)
    return name, aliases


def _split_dash(name: str) -> tuple[str, list[str]]:
    """Split "ACRONYM - Full Name" or "Full Name - ACRONYM" into name and alias."""
    parts = [p.strip() for p in _SEPARATOR.split(name, maxsplit=1)]
    if len(parts) == 2 and all(parts):
        left, right = parts
        if _acronym_like(left, right):
            return right, [left]
        if _acronym_like(right, left):
            return left, [right]
    return name, []


def _by_last(forms: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """Legal forms grouped by their last word, longest first, for quick suffix checks."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        out.setdefault(form[-1], []).append(form)
    return out


_LEGAL_BY_LAST = _by_last(LEGAL_FORMS)


def _strip_once(tokens: list[str]) -> list[str]:
    """One pass: trailing legal forms, a leading legal form, a leading article."""
    while len(tokens) > 1:
        form = next(
            (f for f in _LEGAL_BY_LAST.get(tokens[-1], ()) if tuple(tokens[-len(f) :]) == f),
            None,
        )
        if form is None or len(form) >= len(tokens):
            break
        tokens = tokens[: -len(form)]
    for form in LEADING_LEGAL_FORMS:
        if len(tokens) > len(form) and tuple(tokens[: len(form)]) == form:
            tokens = tokens[len(form) :]
    first, second = (tokens + ["", ""])[:2]
    if first in LEADING_ARTICLES and second[:2].isalpha() and second not in LEADING_ARTICLES:
        tokens = tokens[1:]
    return tokens


def _strip_edges(tokens: list[str]) -> list[str]:
    """Drop legal forms at either end and a leading article, keeping at least one word."""
    while (stripped := _strip_once(tokens)) != tokens:
        tokens = stripped
    return tokens


@lru_cache(maxsize=200_000)
def parse_name(name: str) -> ParsedName:
    """Split ``name`` into its key and its written acronyms (folded, without spaces)."""
    text = " ".join(unify(name or "").split())
    main, aliases = _split_brackets(text)
    main, more = _split_dash(" ".join(main.split()))
    tokens = _strip_edges(words(main))
    if len(tokens) == 1 and is_caps_token(strip_accents(main.strip())) and len(tokens[0]) <= 10:
        aliases.append(main)
    acronyms = tuple(dict.fromkeys("".join(words(a)) for a in aliases + more if words(a)))
    return ParsedName(" ".join(tokens), acronyms)


def name_key(name: str) -> str:
    """Normalised key of an organisation name, for an indexed column and exact lookups.

    NFKC, case-folded, accents and punctuation removed, bracketed or dashed acronyms,
    legal-form suffixes ("e.V.", "A.C.", "Inc.") and a leading article removed.
    """
    return parse_name(name).key


normalise_name = name_key
