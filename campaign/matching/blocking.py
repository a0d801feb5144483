"""Blocking keys: two records are compared only if they share a key.

Keys are chosen so that every pair the scorer could accept shares one: the exact key, the
translated word set, the letters without word breaks, acronyms, known-alias groups, and
"one word deleted one letter" keys that catch a single typo (symmetric deletion). Cost then
grows with the number of real look-alikes, not with the square of the list.

Some keys only say where to look from one side: initials ("i:") are looked up among written
acronyms ("a:"), and a name with a run of words written as its initials ("y:") among the
names written that way ("x:"). Two long names whose initials agree are no evidence, and a
list of local groups ("Amnesty International Group Berlin", "... Bonn") would otherwise be
compared pair by pair. A key too many records share is not compared on either
(``compared_on``).
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
#: Beyond this many records, a shared domain or acronym-domain key is no longer compared on.
MAX_DOMAIN_BLOCK = 50
#: Beyond this many records, any looser key (brand, initials, typo forms) is too common to
#: tell look-alikes apart; equal keys and known aliases are always compared.
MAX_BLOCK = 200
#: Keys looked up on one side only: records filed under the first are compared with those
#: filed under the second.
CROSS = {"i:": "a:", "y:": "x:"}


def compared_on(key: str, size: int) -> bool:
    """Whether records sharing ``key``, ``size`` of them, are compared (the same rule for a
    whole list and for one submission against an index)."""
    if key.startswith("d:") and size > MAX_DOMAIN_BLOCK:
        return False  # a domain that many records share tells nothing about any pair
    return size <= MAX_BLOCK or key.startswith(("k:", "g:"))


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
    keys.add("x:" + " ".join(sorted(p.words)))
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
    """The words with a run of 3-5 of them written as its initials, as ``y:`` keys.

    "water action network europe" files "y:europe wan", looked up among names filed under
    "x:europe wan" ("wan europe"), so a name that writes part of another as an acronym is
    compared with it.
    """
    keys: set[str] = set()
    if len(words) > _MAX_FOR_INITIALS:
        return keys
    for size in range(3, min(_MAX_EXPANDED, len(words) - 1) + 1):
        for i in range(len(words) - size + 1):
            run = words[i : i + size]
            if any(c.isdigit() for word in run for c in word):
                # Initials leave numbers out: "group 1", "group 2"... would all share a key,
                # and a list of numbered local groups would be compared pair by pair.
                continue
            short = words[:i] + (initials(run),) + words[i + size :]
            keys.add("y:" + " ".join(sorted(short)))
    return keys


def acronym_keys(p: Profile) -> set[str]:
    """Acronyms a record is written with (or is), matched against acronyms and initials."""
    forms = set(p.acronyms) | short_forms(p)
    return {f for f in forms if len(f) >= 2}


def stored_keys(p: Profile) -> set[str]:
    """Keys a record is filed under: its symmetric keys, its initials (``i:``) and its
    words with a run of them as initials (``y:``)."""
    keys = symmetric_keys(p)
    if not p.acronyms:
        keys.update(f"i:{i}" for i in p.initials)
    keys.update(_initials_keys(p.words))
    return keys


def lookup_keys(p: Profile) -> set[str]:
    """Keys to look up for a record: its own, plus the cross keys of ``CROSS`` both ways."""
    keys = symmetric_keys(p)
    keys.update(f"i:{acr}" for acr in acronym_keys(p) if len(acr) >= 3)
    if not p.acronyms:
        keys.update(f"a:{i}" for i in p.initials)
    keys.add("y:" + " ".join(sorted(p.words)))
    keys.update("x:" + key[2:] for key in _initials_keys(p.words))
    return keys
