"""Names that add words which do not make another organisation.

A name that adds words to another is normally another organisation ("Zentavo Marula",
"Hope Relief Italia"), so the scorer vetoes it. Some added words are exceptions, each
guarded so that chapters and sister organisations stay apart:

- a generic descriptor beside a one-word brand: "ZENTAVO" / "Zentavo International",
  "Kurimba Global Union", "Maranta Direitos Humanos"; the brand must be a coined word (not
  in the cross-language table), the records must agree (domain, country) or the brand be
  written in capitals, and descriptors that may name a sister body ("Foundation",
  "Action") need a shared domain;
- the record's own country: "Foro Cívico Venezolano" (VE) / "Foro Cívico" (VE); never for an
  international organisation ("Kalinda Relief International UK" is a section), never when
  the records' domains or sites differ, never for a name of dictionary words alone, and
  only when the place reads as part of the name (see ``_home``);
- "section" or "chapter" beside a country both names carry ("Zentavo Kenya Section");
- a leading "Association" ("Asociación Abuelas del Río" / "Abuelas del Río").

Nothing here names an organisation: the tables are generic words.
"""

from __future__ import annotations

from functools import cache

from .canonical import canonical, is_geo
from .compare import Alignment, Relation
from .demonyms import demonym_table
from .domains import country_tld, domain_label, is_institutional
from .normalise import parse_name
from .profile import Profile
from .reasons import Evidence
from .tables import STOPWORDS
from .text import words
from .words import PHRASES

#: Words that make a name international: a country beside them names a national section.
SCOPE = frozenset("international global worldwide world".split())
#: Descriptors that say what kind of body a brand is, not which one (canonical forms).
STRONG = SCOPE | frozenset(
    """union alliance network federation confederation coalition movement campaign
    association organization agency catholic episcopal lutheran ecumenical evangelical
    protestant""".split()
)
#: Descriptor pairs that count only together ("Direitos Humanos", "Trade Union").
UNITS = (("human", "rights"), ("trade", "union"))
#: Descriptors that may also name a sister body ("X Foundation", "X Action"): accepted only
#: when both records share an organisation domain.
WEAK = frozenset(
    """action foundation institute center society council committee fund trust project
    initiative group platform collective service office program forum league commission
    rights""".split()
)
#: Words naming a national section of the organisation the rest of the name names.
SECTION = frozenset({"section", "chapter"})
#: Words of umbrella bodies, whose members may use the umbrella's web site.
UMBRELLA = frozenset("network coalition platform federation confederation alliance".split())

_MIN_BRAND = 4
#: Longest acronym written with a country to tell it apart ("FTU Brasil").
_MAX_ACRONYM = 6


@cache
def _common() -> frozenset[str]:
    """Every word of the cross-language table, in any language."""
    return frozenset(w for key, value in PHRASES.items() for w in key + value)


def descriptor(token: str) -> bool:
    """True for generic organisational words ("international", "network", "foundation")."""
    return token in STRONG or token in WEAK or token in SECTION or token in ("human", "trade")


def distinctive(token: str) -> bool:
    """True for a coined word of four letters or more: no table word, place or function word."""
    return (
        len(token) >= _MIN_BRAND
        and token.isalnum()
        and not token.isdigit()
        and not is_geo(token)
        and token not in STOPWORDS
        and token not in _common()
        and not descriptor(token)
    )


def brand(p: Profile) -> str | None:
    """The one coined word of a name made of it, descriptors and places ("Zentavo Global")."""
    core = [t for t in p.canon if not is_geo(t) and not descriptor(t) and t not in STOPWORDS]
    return core[0] if len(core) == 1 and distinctive(core[0]) else None


def _stylised(token: str, *names: str) -> bool:
    """True if a name writes ``token`` with two capitals or more ("ZENTAVO", "KurimBA")."""
    for name in names:
        for raw in name.split():
            if sum(c.isupper() for c in raw) >= 2 and "".join(words(raw)) == token:
                return True
    return False


def _descriptors_only(extra: list[str], weak_ok: bool) -> bool:
    """True if every word of ``extra`` is a descriptor (weak ones only if ``weak_ok``)."""
    rest = list(extra)
    for unit in UNITS:
        if all(w in rest for w in unit):
            for w in unit:
                rest.remove(w)
    return all(w in STRONG or (weak_ok and w in WEAK) for w in rest)


def _home(short: Profile, long: Profile, geo: list[str]) -> bool:
    """True if the only place ``long`` adds is the country both records are in, written as
    part of the name rather than as a chapter's mark.

    A parent and its chapter in the parent's own country ("Zentavo" in AU, "Zentavo
    Australia") look the same, so the place must read as part of the name: a nationality
    adjective ("Foro Cívico Venezolano"), an acronym told apart by its country ("FTU
    Brasil"), or one organisation site both records give.
    """
    code = short.country
    if not code or (long.country and long.country != code):
        return False
    if set(geo) != {"@" + code} or SCOPE & set(short.canon + long.canon):
        return False
    if short.sites and long.sites and not short.sites & long.sites:
        return False  # "example.org/espana" and "example.org/international"
    if short.domains and long.domains and not short.domains & long.domains:
        return False
    if not any(
        distinctive(t) or _stylised(t, short.record.name) for t in short.canon if not is_geo(t)
    ):
        return False
    return bool(
        short.sites & long.sites
        or _adjective(long.record.name, code)
        or _acronym_and_country(short, long.record.name, code)
    )


def _tokens(name: str) -> tuple[str, ...]:
    """Folded words of a name's key."""
    return tuple(parse_name(name).key.split())


def _adjective(name: str, code: str) -> bool:
    """True if ``name`` names country ``code`` with a nationality adjective ("Venezolano")."""
    return any(demonym_table().get((t,)) == code for t in _tokens(name))


def _acronym_and_country(short: Profile, name: str, code: str) -> bool:
    """True if ``name`` is an acronym of ``short`` in capitals plus its country ("FTU Brasil")."""
    rest = [t for t in _tokens(name) if not any(map(is_geo, canonical((t,))))]
    forms = short.acronyms | set(short.initials)
    return (
        len(rest) == 1
        and rest[0] in forms
        and len(rest[0]) <= _MAX_ACRONYM
        and _stylised(rest[0], name)
    )


def variant_evidence(ev: Evidence, a: Profile, b: Profile, canon: Alignment) -> bool:
    """Score a name that adds only descriptors, its own country or "section"; else False."""
    if canon.relation is not Relation.SUBSET or a.person or b.person:
        return False
    short, long, extra = (a, b, canon.extra_b) if canon.extra_b else (b, a, canon.extra_a)
    geo = [t for t in extra if is_geo(t)]
    rest = [t for t in extra if not is_geo(t)]
    if geo and not _home(short, long, geo):
        return False
    if not rest:
        ev.set_base("home_country", 0.85, f"the added country is the record's own: {geo[0]}")
        return True
    if not geo and set(rest) <= SECTION and short.geo and short.geo == long.geo:
        ev.set_base("section", 0.9, f"same country, one name adds {', '.join(rest)}")
        return True
    if not geo and rest == ["association"] and _leading_association(short, long):
        ev.set_base("association_prefix", 0.85, "one name opens with the word association")
        return True
    word = brand(short)
    shared_domain = bool(a.domains & b.domains)
    if word is None or not _descriptors_only(rest, shared_domain):
        return False
    agree = shared_domain or bool(a.country and a.country == b.country)
    if not (agree or _stylised(word, a.record.name, b.record.name)):
        return False
    ev.set_base("brand_descriptor", 0.86, f"{word} plus generic words: {', '.join(extra)}")
    return True


def _leading_association(short: Profile, long: Profile) -> bool:
    """True for "Asociación Abuelas del Río" beside "Abuelas del Río": the longer name only
    opens with the word association, and the rest has a coined or capitalised word."""
    first = _tokens(long.record.name)[:1]
    if not first or canonical(first) != ("association",):
        return False
    names = (short.record.name, long.record.name)
    return any(distinctive(t) or _stylised(t, *names) for t in short.canon if not is_geo(t))


def _owned_label(label: str, a: Profile, b: Profile) -> bool:
    """True if a domain's name part spells one of the names: its initials, an acronym, the
    whole name, or its one coined word ("tatra" for "Tatra Foundation Slovakia")."""
    for p in (a, b):
        forms = set(p.initials) | p.acronyms | {p.key.replace(" ", "")}
        if label in forms or (len(label) >= _MIN_BRAND and brand(p) == label):
            return True
    return False


def shared_site(a: Profile, b: Profile) -> str | None:
    """An organisation site both records give, if it ties two names in two languages.

    Same host (and first path segment, so "example.org/espana" is not
    "example.org/international"), not a university or government domain, not an umbrella
    body's; the countries agree (both given and equal, or the one given is the domain's
    country code); and the domain spells one of the names.
    """
    sites = a.sites & b.sites
    if not sites or UMBRELLA & set(a.canon + b.canon):
        return None
    for site in sorted(sites):
        domain = next((d for d in a.domains & b.domains if site.split("/")[0].endswith(d)), None)
        if domain is None or is_institutional(domain):
            continue
        countries = {c for c in (a.country, b.country) if c}
        if len(countries) > 1 or not countries:
            continue
        if not (a.country and b.country) and countries != {country_tld(domain)}:
            continue
        if _owned_label(domain_label(domain), a, b):
            return domain
    return None


def foreign_gap(canon: Alignment) -> bool:
    """True if one side's own words are all table words or places, the other's all unknown.

    "Slovak Tatra Committee" / "Slovenský Tatra Výbor": the same name in a
    language the table does not know, not two organisations with different words.
    """

    def known(t: str) -> bool:
        return is_geo(t) or t in _common() or descriptor(t)

    sides = (canon.extra_a, canon.extra_b)
    return any(all(map(known, x)) and not any(map(known, y)) for x, y in (sides, sides[::-1]))


def domain_names(a: Profile, b: Profile) -> bool:
    """True if one record's domain is named after the acronym the other writes ("CEJUPAZ")."""
    return any(
        domain_label(d) in y.acronyms and len(domain_label(d)) >= 3 and not is_institutional(d)
        for x, y in ((a, b), (b, a))
        for d in x.domains
    )
