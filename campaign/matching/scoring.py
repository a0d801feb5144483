"""Pair scoring: names first, then acronyms, domains and countries, each with a reason.

Scores run from 0 to 1; ``DEFAULT_THRESHOLD`` separates "same organisation" from the rest.
A conflict (a chapter, a name that adds words, different countries) vetoes a pair whatever
else agrees, because a wrong merge deletes a signatory.
"""

from __future__ import annotations

from .compare import Relation, align
from .domains import country_tld, domain_label, is_institutional
from .names import _agree, languages_differ, name_evidence, short_forms
from .profile import Profile
from .reasons import Evidence, PairScore
from .tables import STOPWORDS
from .variants import distinctive, domain_names, foreign_gap, shared_site
from .words import PHRASES

DEFAULT_THRESHOLD = 0.8


def _acronym_forms(p: Profile) -> frozenset[str]:
    """Acronyms written with the name, plus the name itself when it is short ("Red QZV")."""
    return p.acronyms | short_forms(p)


def _shared_acronym(ev: Evidence, a: Profile, b: Profile) -> bool:
    """Score names that differ but carry the same acronym ("ABC", "RLSP")."""
    shared = sorted((_acronym_forms(a) & _acronym_forms(b)) - {""}, key=len, reverse=True)
    if not shared or not (a.acronyms or b.acronyms):
        return False
    acr = shared[0]
    value = 0.86 if len(acr) >= 4 else 0.82 if len(acr) == 3 else 0.55
    if acr in a.fitting | b.fitting:
        value += 0.04
    overlap = len(set(a.canon) & set(b.canon))
    if not (a.acronym_only or b.acronym_only or overlap >= 2 or _agree(a, b)):
        if not _distinctive_short_name(acr, a, b):
            value = min(value, 0.7)
    both_spell = acr in a.fitting and acr in b.fitting and not (a.acronym_only or b.acronym_only)
    if both_spell and not languages_differ(a, b):
        value = min(value, 0.7)  # two names in one language, each spelling it: a coincidence
    ev.set_base("shared_acronym", value, f"both written with the acronym {acr.upper()}")
    return True


def _distinctive_short_name(form: str, a: Profile, b: Profile) -> bool:
    """True if one record's whole name is the short name the other writes beside its own.

    "Eurolink" and "European Network on Links and Development (Eurolink)": a coined name of
    five letters or more is not a coincidence; a dictionary word ("Harmony") may be.
    """
    if len(form) < 5 or (form,) in PHRASES or form in STOPWORDS:
        return False
    return bool(
        (form in short_forms(a) and form in b.acronyms)
        or (form in short_forms(b) and form in a.acronyms)
    )


def _initials_acronym(ev: Evidence, a: Profile, b: Profile) -> bool:
    """Score an acronym that spells the other name's initials, not its own ("WRC")."""
    for x, y in ((a, b), (b, a)):
        found = sorted(set(y.initials) & _acronym_forms(x), key=len) if not y.acronyms else []
        if found and (x.acronym_only or found[-1] not in x.fitting):
            acr = found[-1]
            value = 0.84 if x.acronym_only or len(acr) >= 4 else 0.78
            if not (x.acronym_only or _agree(a, b)):
                value = min(value, 0.7)
            ev.set_base("initials", value, f"{acr.upper()} is the initials of the other name")
            return True
    return False


def _domain_spells(ev: Evidence, a: Profile, b: Profile) -> bool:
    """Score a record whose acronym or one-word name is the other record's domain ("ZTVO").

    "ZTVO" and "Oficina de Zapatos y Tierra" at ztvo.org: the domain is named after the
    organisation the short record names. Three letters need the same country as well;
    without it the pair only stays linkable inside a cluster.
    """
    for x, y in ((a, b), (b, a)):
        if x.domains and not x.domains & y.domains:
            continue
        forms = set(x.acronyms)
        if " " not in x.key and distinctive(x.key):
            forms.add(x.key)
        for domain in sorted(y.domains):
            label = domain_label(domain)
            if label not in forms or is_institutional(domain) or len(label) < 3:
                continue
            home = bool(x.country and x.country in (y.country, country_tld(domain)))
            value = 0.84 if len(label) >= 4 or home else 0.6
            if value <= ev.base:
                return False
            ev.set_base("domain_is_name", value, f"{domain} is named {label.upper()}")
            return True
    return False


def _same_site(ev: Evidence, a: Profile, b: Profile) -> bool:
    """Score two unrelated-looking names at one organisation site, in one country.

    "Flygtningekomitéen" and "Danish Refugee Committee", both at drc.dk in Denmark: the same
    organisation named in its own language and in English (see ``variants.shared_site``).
    """
    canon = align(a.canon, b.canon)
    if canon.relation is not Relation.DISJOINT and not foreign_gap(canon):
        return False
    domain = shared_site(a, b)
    if domain is None:
        return False
    ev.set_base("same_site", 0.85, f"other names at one organisation site {domain}, same country")
    return True


def _explained(a: Profile, b: Profile) -> bool:
    """True if a one-sided acronym fits its own name or spells the other's initials."""
    initials = set(a.initials) | set(b.initials)
    return bool(
        a.fitting or b.fitting or (a.acronyms | b.acronyms) & initials or domain_names(a, b)
    )


def _support(ev: Evidence, a: Profile, b: Profile, by_name: bool) -> None:
    """Adjust for domains, countries and acronyms written with otherwise equal names."""
    if a.domains & b.domains:
        ev.add("same_domain", 0.05, f"same organisation domain {min(a.domains & b.domains)}")
    elif a.domains and b.domains:
        ev.add("different_domain", -0.05, "organisation domains differ")
    if a.country and b.country:
        if a.country == b.country:
            ev.add("same_country", 0.02, f"both in {a.country}")
        elif a.domains & b.domains:
            ev.add("country_differs", -0.15, f"{a.country} vs {b.country}")
        else:
            ev.veto("country_conflict", f"{a.country} vs {b.country}")
    if a.acronyms and b.acronyms and not a.acronyms & b.acronyms:
        ev.add("acronyms_differ", -0.1, "written with different acronyms")
    elif by_name and bool(a.acronyms) != bool(b.acronyms) and not _explained(a, b):
        ev.add("acronym_unexplained", -0.06, "an acronym on one side that fits neither name")


def score_pair(a: Profile, b: Profile) -> PairScore:
    """Score whether two analysed records are one organisation, with reasons."""
    ev = Evidence()
    by_name = name_evidence(ev, a, b)
    if not by_name and not ev.conflict:
        _shared_acronym(ev, a, b) or _initials_acronym(ev, a, b)
        if ev.base < DEFAULT_THRESHOLD:
            _domain_spells(ev, a, b) or _same_site(ev, a, b)
    _support(ev, a, b, by_name)
    return PairScore(ev.score, tuple(ev.reasons), ev.conflict)
