"""Word-by-word comparison of two names, tolerant of one typo per word."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from rapidfuzz.distance import OSA

from .canonical import is_geo
from .countries import name_table

_MIN_TYPO_LEN = 5


class Relation(Enum):
    """How two word lists relate once typos are forgiven."""

    SAME = "same"  # every word pairs up
    SUBSET = "subset"  # one name is the other plus words: a chapter, a sister organisation
    PARTIAL = "partial"  # some words shared, each side has its own
    DISJOINT = "disjoint"  # nothing shared: another language, or another organisation


@dataclass(frozen=True, slots=True)
class Alignment:
    """Result of aligning two word lists."""

    relation: Relation
    typos: int
    extra_a: tuple[str, ...]
    extra_b: tuple[str, ...]
    reordered: bool


def typo_pair(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` are one slip apart, long enough, and start alike.

    Slips in a word's first letter are rare, while different names one letter apart
    ("Kabesa", "Nabesa") are not. Numbers and country names must match exactly.
    """
    if a[0] != b[0] or min(len(a), len(b)) < _MIN_TYPO_LEN or abs(len(a) - len(b)) > 1:
        return False
    if OSA.distance(a, b, score_cutoff=1) > 1 or is_geo(a) or is_geo(b):
        return False
    if any(c.isdigit() for c in a) or any(c.isdigit() for c in b):
        return False
    return not ((a,) in name_table() and (b,) in name_table())


def align(a: tuple[str, ...], b: tuple[str, ...]) -> Alignment:
    """Pair the words of ``a`` and ``b``: exact first, then one-typo pairs."""
    if a == b:
        return Alignment(Relation.SAME, 0, (), (), False)
    rest_a, rest_b = list(a), []
    for word in b:
        if word in rest_a:
            rest_a.remove(word)
        else:
            rest_b.append(word)
    typos = 0
    for word in list(rest_a):
        match = next((w for w in rest_b if typo_pair(word, w)), None)
        if match is not None:
            rest_a.remove(word)
            rest_b.remove(match)
            typos += 1
    shared = len(a) - len(rest_a)
    if not rest_a and not rest_b:
        relation = Relation.SAME
    elif not rest_a or not rest_b:
        relation = Relation.SUBSET if shared else Relation.DISJOINT
    else:
        relation = Relation.PARTIAL if shared else Relation.DISJOINT
    reordered = relation is Relation.SAME and not typos
    return Alignment(relation, typos, tuple(rest_a), tuple(rest_b), reordered)


def joined_equal(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """True if the names differ only in word breaks ("GreenBridge" / "Green Bridge")."""
    return len(a) != len(b) and "".join(a) == "".join(b)
