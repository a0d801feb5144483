"""Blocking keys: two records are compared only if they share a key.

Keys are chosen so that every pair the scorer could accept shares one: the exact key, the
translated word set, the letters without word breaks, acronyms, known-alias groups, and
"one word deleted one letter" keys that catch a single typo (symmetric deletion). Cost then
grows with the number of real look-alikes, not with the square of the list.
"""

from __future__ import annotations

from functools import lru_cache

from .acronyms import initials
from .canonical import is_geo
from .compare import _MIN_TYPO_LEN
from .domains import domain_label
from .names import _MAX_EXPANDED, short_forms
from .profile import Profile
from .variants import SECTION, brand

#: Names longer than this get no initials keys (they are rarely shortened that way).
_MAX_FOR_INITIALS = 10


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
        if p.canon != p.words:  # a translated name one slip from another's words
            keys.update(_typo_keys(p.canon))
    keys.update(_initials_keys(p.words))
    keys.update(_variant_keys(p))
    return keys


def _variant_keys(p: Profile) -> set[str]:
    """Keys for names that add descriptors, their own country or "section" to another name,
    and for records tied through a domain ("d:": domain names, acronyms, one-word names)."""
    keys = {f"d:{domain_label(d)}" for d in p.domains}
    keys.update(f"d:{form}" for form in acronym_keys(p) if len(form) >= 3)
    if (word := brand(p)) is not None:
        keys.add(f"b:{word}")
    bare = tuple(t for t in p.canon if not is_geo(t) and t not in SECTION)
    if bare and len(bare) < len(p.canon):
        keys.add(f"c:{' '.join(sorted(bare))}")
        if len(bare) == 1:  # "FTU Brasil": the acronym of a long name, with its country
            keys.add(f"d:{bare[0]}")
    if len(p.canon) > 1 and p.canon[0] == "association":  # "Asociación Abuelas del Río"
        keys.add(f"c:{' '.join(sorted(p.canon[1:]))}")
    return keys


def _initials_keys(words: tuple[str, ...]) -> set[str]:
    """The words, and the words with a run of 3-5 of them written as its initials.

    "wan europe" and "water action network europe" share "x:europe wan", so a name that
    writes part of another as an acronym is compared with it.
    """
    keys = {"x:" + " ".join(sorted(words))}
    if len(words) > _MAX_FOR_INITIALS:
        return keys
    for size in range(3, min(_MAX_EXPANDED, len(words) - 1) + 1):
        for i in range(len(words) - size + 1):
            short = words[:i] + (initials(words[i : i + size]),) + words[i + size :]
            keys.add("x:" + " ".join(sorted(short)))
    return keys


def acronym_keys(p: Profile) -> set[str]:
    """Acronyms a record is written with (or is), matched against acronyms and initials."""
    forms = set(p.acronyms) | short_forms(p)
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
