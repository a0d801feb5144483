"""Blocking keys: two records are compared only if they share a key.

Keys are chosen so that every pair the scorer could accept shares one: the exact key, the
translated word set, the letters without word breaks, acronyms, known-alias groups, and
"one word deleted one letter" keys that catch a single typo (symmetric deletion). Cost then
grows with the number of real look-alikes, not with the square of the list.
"""

from __future__ import annotations

from functools import lru_cache

from .compare import _MIN_TYPO_LEN
from .profile import Profile


@lru_cache(maxsize=200_000)
def deletions(word: str) -> tuple[str, ...]:
    """The word and every form of it with one letter deleted (for words long enough)."""
    if len(word) < _MIN_TYPO_LEN or any(c.isdigit() for c in word):
        return (word,)
    return (word,) + tuple({word[:i] + word[i + 1 :] for i in range(len(word))})


def _typo_keys(words: tuple[str, ...]) -> set[str]:
    """One key per (other words, one deletion form of this word): shared iff one typo apart."""
    keys: set[str] = set()
    for i, word in enumerate(words):
        others = " ".join(sorted(words[:i] + words[i + 1 :]))
        keys.update(f"t:{others}|{form}" for form in deletions(word))
    return keys


def symmetric_keys(p: Profile) -> set[str]:
    """Keys two records must share to be compared (acronym keys aside)."""
    keys = {f"k:{p.key}", f"c:{' '.join(sorted(p.canon))}", f"j:{''.join(p.words)}"}
    keys.update(f"g:{group}" for group in p.aliases)
    keys.update(f"a:{acr}" for acr in acronym_keys(p))
    if len(p.words) <= 8:
        keys.update(_typo_keys(p.words))
    return keys


def acronym_keys(p: Profile) -> set[str]:
    """Acronyms a record is written with (or is), matched against acronyms and initials."""
    forms = set(p.acronyms)
    if p.key and " " not in p.key:
        forms.add(p.key)
    return {f for f in forms if len(f) >= 2}


def stored_keys(p: Profile) -> set[str]:
    """Keys a record is filed under: its symmetric keys and its initials (``i:``)."""
    keys = symmetric_keys(p)
    if not p.acronyms:
        keys.update(f"i:{i}" for i in p.initials)
    return keys


def lookup_keys(p: Profile) -> set[str]:
    """Keys to look up for a record: its own, plus acronym <-> initials cross keys."""
    keys = symmetric_keys(p)
    keys.update(f"i:{acr}" for acr in acronym_keys(p) if len(acr) >= 3)
    if not p.acronyms:
        keys.update(f"a:{i}" for i in p.initials)
    return keys
