"""Flags for submissions that are probably not an organisation.

Flag codes (short strings, in this order when several apply):

- ``"empty"``: nothing is left of the name after normalisation (blank, punctuation only).
- ``"person"``: looks like a person's name ("Maria Gonzalez", "Dr. John Smith").
- ``"sentence"``: looks like a comment typed into the name field ("We fully support this
  letter!", "I sign on behalf of my community").
- ``"web_address"``: holds a web or email address ("Buy cheap watches at
  www.cheap-watches.example", "http://spam.example"), which a name published as typed never
  needs and spam waves put there (see ``webaddress``).

Flags are advice for moderators; flagged "empty" and "sentence" entries are left out of
clustering because their words say nothing about an organisation. A name with a web address
is still clustered: "Amnesty International www.amnesty.org" is still Amnesty.
"""

from __future__ import annotations

from functools import lru_cache

from .normalise import name_key
from .people import GIVEN_NAMES, HONORIFICS, PRONOUNS, SIGN_VERBS
from .tables import STOPWORDS
from .text import words
from .webaddress import has_web_address
from .words import PHRASES

EMPTY, PERSON, SENTENCE, WEB_ADDRESS = "empty", "person", "sentence", "web_address"
_PARTICLES = frozenset("de da del della di van von der den la le du dos das bin ibn al el".split())


def _looks_like_person(raw: str, tokens: list[str]) -> bool:
    """Honorific first, or a known given name followed by one to three name-like words."""
    if len(tokens) >= 2 and tokens[0] in HONORIFICS and not _has_org_word(tokens[1:]):
        return True
    if not 2 <= len(tokens) <= 4 or tokens[0] not in GIVEN_NAMES or _has_org_word(tokens):
        return False
    shape = [w for w in raw.replace(".", " ").split() if w.lower() not in _PARTICLES]
    return all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in shape)


def _has_org_word(tokens: list[str]) -> bool:
    """True if any word is common organisation vocabulary ("network", "rights", "aid")."""
    return any((t,) in PHRASES or t in _ORG_WORDS for t in tokens)


_ORG_WORDS = frozenset(
    """aid trust fund watch group team project campaign clinic initiative coalition union
    partners partnership friends action now first""".split()
)


def _caps_words(raw: str) -> frozenset[str]:
    """Folded words written in capitals ("US", "U.S.") in a name that is not all capitals.

    In "Friends of the Forest U.S." the "US" is a country, not the pronoun "us".
    """
    if raw.isupper():
        return frozenset()
    caps = (w for w in raw.split() if len(w.replace(".", "")) >= 2 and w.isupper())
    return frozenset(t for w in caps for t in words(w))


def _looks_like_sentence(raw: str, tokens: list[str]) -> bool:
    """Pronouns and signing verbs, or a long run of words ending like a sentence."""
    caps = _caps_words(raw)
    pronouns = sum(t in PRONOUNS and t not in caps for t in tokens)
    verbs = sum(t in SIGN_VERBS for t in tokens)
    ending = raw.rstrip()[-1:] in "!." and len(tokens) >= 5
    function = sum(t in STOPWORDS for t in tokens)
    return (
        (pronouns and verbs)
        or (pronouns + verbs + ending >= 2)
        or (len(tokens) > 25 and function * 3 > len(tokens))
    )


def flag_name(name: str) -> list[str]:
    """Flag codes for a submitted name: ``empty``, ``person``, ``sentence``, ``web_address``
    (or none)."""
    return list(_flags(name or ""))


@lru_cache(maxsize=200_000)
def _flags(name: str) -> tuple[str, ...]:
    """Cached body of :func:`flag_name`."""
    if not name_key(name):
        return (EMPTY,)
    tokens = words(name)
    flags = []
    if _looks_like_person(name.strip(), tokens):
        flags.append(PERSON)
    if _looks_like_sentence(name, tokens):
        flags.append(SENTENCE)
    if has_web_address(name):
        flags.append(WEB_ADDRESS)
    return tuple(flags)
