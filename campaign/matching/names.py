"""Name-level evidence: same words, typos, translations, chapters and subsets."""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import OSA

from .acronyms import initials, loose_fits
from .canonical import canonical, is_geo
from .compare import Alignment, Relation, align, joined_equal
from .profile import Profile
from .reasons import Evidence
from .variants import domain_names, foreign_gap, shared_site, variant_evidence
from .words import PHRASES

#: Longest acronym spelt out inside a name ("WAN Europe").
_MAX_EXPANDED = 4
#: Words an acronym may leave out and still spell the name it was made from.
_BORROWED_SKIPS = 2


def languages_differ(a: Profile, b: Profile) -> bool:
    """True if both names show language hints and share none ("pour" vs "the")."""
    return bool(a.langs and b.langs and not a.langs & b.langs)


def _agree(a: Profile, b: Profile) -> bool:
    """True if the records share an organisation domain or a country."""
    return bool(a.domains & b.domains) or bool(a.country and a.country == b.country)


def _one_word_support(a: Profile, b: Profile) -> bool:
    """A one-word name a letter off needs the same domain, or the same country and length."""
    long = min(len(a.key), len(b.key)) >= 8
    return bool(a.domains & b.domains) or (long and bool(a.country and a.country == b.country))


def _max_typos(a: Profile, b: Profile) -> int:
    """Typos forgiven: one, two in names of four words or more, none in people's names."""
    if a.person or b.person:
        return 0
    return 1 if len(a.words) < 4 else 2


def _same_words(ev: Evidence, a: Profile, b: Profile) -> bool:
    """Score names made of the same words, allowing typos and broken word joins."""
    raw = align(a.words, b.words)
    if raw.relation is Relation.SAME and raw.typos <= _max_typos(a, b):
        if raw.typos and len(a.words) == 1 and not _one_word_support(a, b):
            ev.set_base("typo_one_word", 0.75, "one-word names a letter apart, nothing else")
        elif raw.typos:
            ev.set_base("typo", 0.96 - 0.05 * raw.typos, f"{raw.typos} misspelt word(s)")
        else:
            ev.set_base("same_words", 0.97, "same words, spelt the same")
        return True
    if joined_equal(a.words, b.words):
        ev.set_base("joined_words", 0.93, "same letters, different word breaks")
        return True
    return False


def _distinctive_shared(a: Profile, b: Profile) -> bool:
    """True if the names share a word the translation table does not know (a proper name)."""
    return any((w,) not in PHRASES and len(w) > 3 for w in set(a.words) & set(b.words))


def _translated(ev: Evidence, a: Profile, b: Profile, canon: Alignment) -> None:
    """Score names equal only after translation; they need one more signal to count."""
    support = (
        _agree(a, b)
        or domain_names(a, b)
        or a.acronyms & b.acronyms
        or (a.acronyms | b.acronyms) & set(a.initials + b.initials)
        or _distinctive_shared(a, b)
    )
    value = 0.9 - 0.04 * canon.typos if support else 0.72
    ev.set_base("translation", value, "same words once translated")


def _close(x: str, y: str) -> bool:
    """True if two long words are at most two slips apart ("initiaitve", "initiiative")."""
    if x[0] != y[0] or min(len(x), len(y)) < 5 or abs(len(x) - len(y)) > 2:
        return False
    return OSA.distance(x, y, score_cutoff=2) <= 2


def _near(extra_a: tuple[str, ...], extra_b: tuple[str, ...]) -> bool:
    """True if each left-over word has a close spelling on the other side."""
    return all(any(_close(x, y) for y in extra_b) for x in extra_a) and all(
        any(_close(y, x) for x in extra_a) for y in extra_b
    )


def short_forms(p: Profile) -> frozenset[str]:
    """The whole name written as one word, when it is short enough to be a short name."""
    if p.key and " " not in p.key:
        return frozenset({p.key})
    return frozenset({p.short}) if p.short else frozenset()


def _short_name_of(a: Profile, b: Profile) -> bool:
    """True if one record is exactly the short name the other writes beside its long name.

    "Red QZV" and "Red Nacional de Vecinos ... (Red QZV)": the words differ because one is the short
    name, so word-level vetoes (subset, different words) do not apply.
    """
    return bool(short_forms(a) & b.acronyms or short_forms(b) & a.acronyms)


def _borrowed_acronym(a: Profile, b: Profile) -> bool:
    """True if both write one acronym that spells only one of the names, in one country.

    "Movimento dos Pescadores Sem Barco (MSB)" and "Boatless Fishers Movement (MSB)": the
    second carries the first's acronym from another language, so its words differ.
    """
    if not (a.country and a.country == b.country):
        return False
    for acr in (x for x in a.acronyms & b.acronyms if len(x) >= 3):
        spelt = [loose_fits(acr, p.words, _BORROWED_SKIPS) for p in (a, b)]
        if spelt[0] != spelt[1]:
            return True
    return False


def _conflicts(ev: Evidence, a: Profile, b: Profile, canon: Alignment) -> None:
    """Veto chapters, sister organisations and other word-level differences."""
    extra = canon.extra_a + canon.extra_b
    geo_a, geo_b = (set(filter(is_geo, side)) for side in (canon.extra_a, canon.extra_b))
    if _short_name_of(a, b):
        return  # "ACAT-France" written beside the long name: its place is part of the short name
    if (any(map(is_geo, extra)) and all(map(is_geo, extra))) or (geo_a and geo_b):
        ev.veto("chapter", f"different country or region in the name: {', '.join(extra)}")
    elif languages_differ(a, b) or canon.relation is Relation.DISJOINT:
        return
    elif canon.relation is Relation.SUBSET:
        ev.veto("subset", f"one name adds words to the other: {', '.join(extra)}")
    elif not _near(canon.extra_a, canon.extra_b) and not (
        (foreign_gap(canon) and shared_site(a, b)) or _borrowed_acronym(a, b)
    ):
        ev.veto("different_words", f"words differ: {', '.join(extra)}")


def _without_acronyms(p: Profile, other: Profile) -> Profile:
    """``p`` with any of ``other``'s acronyms written inline as words taken out of its name."""
    joined = "".join(p.words)
    for acr in other.acronyms:
        if len(acr) < 3 or acr not in joined:
            continue
        for i in range(len(p.words)):
            for j in range(i + 1, len(p.words) + 1):
                if "".join(p.words[i:j]) == acr and j - i < len(p.words):
                    rest = p.words[:i] + p.words[j:]
                    return replace(p, words=rest, canon=canonical(rest))
    return p


def _expand_initials(p: Profile, other: Profile) -> Profile:
    """``p`` with a word that spells the initials of a run of ``other``'s words spelt out.

    "WAN Europe" / "Water Action Network Europe", "RSL International" / "Rivers
    Safety League International": the acronym stands for those words, and the rest of the names
    is then compared word for word as usual (so "WAN Europe" is still not "WAN Africa").
    """
    if len(p.words) < 2 or len(p.words) >= len(other.words):
        return p
    out: list[str] = []
    for word in p.words:
        size = len(word)
        runs = (
            other.words[i : i + size]
            for i in range(len(other.words) - size + 1)
            if 3 <= size <= _MAX_EXPANDED and word.isalpha() and word not in other.words
        )
        run = next((r for r in runs if initials(r) == word), None)
        out.extend(run if run else (word,))
    if len(out) == len(p.words):
        return p
    words = tuple(out)
    return replace(p, words=words, canon=canonical(words))


def name_evidence(ev: Evidence, a: Profile, b: Profile) -> bool:
    """Set the base score from the names; return True if the names alone decide it."""
    if a.key == b.key and a.key:
        ev.set_base("same_name", 1.0, "identical normalised name")
        return True
    if a.aliases & b.aliases:
        ev.set_base("known_alias", 0.97, "names known to belong to one organisation")
        return True
    whole = align(a.canon, b.canon)
    a, b = _expand_initials(a, b), _expand_initials(b, a)
    a, b = _without_acronyms(a, b), _without_acronyms(b, a)
    if _same_words(ev, a, b):
        return True
    canon = align(a.canon, b.canon)
    if canon.relation is Relation.SAME and canon.typos <= _max_typos(a, b):
        _translated(ev, a, b, canon)
        return True
    if variant_evidence(ev, a, b, canon) or (
        canon.relation is not Relation.SUBSET and variant_evidence(ev, a, b, whole)
    ):
        return True
    _conflicts(ev, a, b, canon)
    near = canon.relation is Relation.SAME or (
        canon.relation is Relation.PARTIAL and _near(canon.extra_a, canon.extra_b)
    )
    ev.set_base("near_name" if near else "different_name", 0.5 if near else 0.3, "names differ")
    return False
