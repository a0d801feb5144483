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

from .acronyms import fits, is_caps_token, is_mixed_acronym, is_vowelless
from .canonical import canonical, is_geo
from .countries import name_table
from .tables import ABBREVIATIONS, LEADING_ARTICLES, LEADING_LEGAL_FORMS, LEGAL_FORMS, STOPWORDS
from .text import strip_accents, unify, words
from .words import PHRASES

_BRACKET = re.compile(r"\(([^()]*)\)?|\[([^\[\]]*)\]?")
_SEPARATOR = re.compile(
    r"\s+[-:|/]\s+|:\s+|,\s+|\s+[-]+(?=[A-Z])|(?<=[A-Z])[-]+\s+|(?<=[A-Z]{2})/(?=\w)"
)
_CAMEL = re.compile(r"[a-z][A-Z]")
#: A long name beside a short one has at least this many content words.
_LONG_NAME = 4


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


def _distinctive(folded: tuple[str, ...]) -> bool:
    """True if a short form has a word of its own: not a function word, common word or place."""
    if not folded or len(folded) > 3 or folded in name_table():
        return False
    if any(map(is_geo, canonical(folded))):
        return False
    return any(t not in STOPWORDS and (t,) not in PHRASES for t in folded)


def _short_name_like(part: str, other: str) -> bool:
    """True if bracketed ``part`` is the short name of ``other`` though not an acronym.

    "Union for Open Archives (Archives)", "... (Dejustilia)", "... (TerraNova)": a
    camel-cased brand, or a short form built from the long name's own words. A place in
    brackets ("Women in Black (Belgrade)") shares nothing with the name and is kept.
    """
    folded, other_words = tuple(words(part)), [w for w in words(other) if w not in STOPWORDS]
    if len(other_words) < 2:
        return False
    if len(folded) == 1 and len(folded[0]) >= 6 and folded[0] in other_words:
        return not any(map(is_geo, canonical(folded)))  # "(Archives)": a word of the name
    if not _distinctive(folded):
        return False
    if _CAMEL.search(part):
        return True
    for token in folded:
        for word in other_words:
            if len(word) >= 4 and (token == word or (len(word) >= 6 and word in token)):
                return True
            if len(token) >= 5 and len(word) >= 5 and token[:4] == word[:4]:
                return True
    return False


def _short_then_long(left: str, right: str) -> bool:
    """True for "Short Name - what it stands for": a brief name, then a long description.

    "Ubuntu - The Legal Centre for Rural Land Rights in Lesotho", "Clause 7: Global
    Campaign for Open Courts". Only the left part may be the short name, and the right
    must be a real description, so "Women in Black - Belgrade" keeps its city.
    """
    folded = tuple(words(left))
    content_right = [w for w in words(right) if w not in STOPWORDS]
    return len(folded) <= 2 and _distinctive(folded) and len(content_right) >= _LONG_NAME


def _split_brackets(name: str) -> tuple[str, list[str]]:
    """Remove bracketed acronyms from ``name``; keep other bracketed text inline."""
    aliases: list[str] = []
    for match in list(_BRACKET.finditer(name)):
        inner = (match.group(1) or match.group(2) or "").strip()
        outer = (name[: match.start()] + " " + name[match.end() :]).strip()
        if _acronym_like(inner, outer) or _short_name_like(inner, outer):
            aliases.append(inner)
            name = name.replace(match.group(0), " ", 1)
        elif len(outer.split()) == 1 and (
            _acronym_like(outer, inner) or _short_name_like(outer, inner)
        ):
            return inner, [outer]
        else:
            name = name.replace(match.group(0), f" {inner} ", 1)
    return name, aliases


def _split_dash(name: str) -> tuple[str, list[str]]:
    """Split "ACRONYM - Full Name" or "Full Name - ACRONYM" into name and alias."""
    parts = [p.strip() for p in _SEPARATOR.split(name, maxsplit=1)]
    if len(parts) == 2 and all(parts):
        left, right = parts
        if _acronym_like(left, right) or _short_then_long(left, right):
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
    tokens = words(main)
    if len(tokens) > 1:
        tokens = [ABBREVIATIONS.get(t, t) for t in tokens]
    tokens = _strip_edges(tokens)
    joined = "".join(tokens)
    raw = next((w for w in main.split() if joined and "".join(words(w)).startswith(joined)), "")
    bare = strip_accents(raw.strip(",;."))
    if raw and (is_caps_token(bare) or is_mixed_acronym(bare)) and len(joined) <= 10:
        aliases.append(raw)  # "ABC", "IRMU, A.C.", and hyphenated: "ABC-DEF", "NET-ASIA"
    acronyms = tuple(dict.fromkeys("".join(words(a)) for a in aliases + more if words(a)))
    return ParsedName(" ".join(tokens), acronyms)


def name_key(name: str) -> str:
    """Normalised key of an organisation name, for an indexed column and exact lookups.

    NFKC, case-folded, accents and punctuation removed, bracketed or dashed acronyms,
    legal-form suffixes ("e.V.", "A.C.", "Inc.") and a leading article removed.
    """
    return parse_name(name).key


normalise_name = name_key
