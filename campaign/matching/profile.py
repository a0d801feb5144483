"""Submissions (``OrgRecord``) and their analysed form (``Profile``) used for scoring."""

from __future__ import annotations

from dataclasses import dataclass, field

from .acronyms import fits, initials
from .canonical import canonical, content, is_geo, languages
from .countries import country_code
from .domains import email_domain, email_site, website_domain, website_site
from .flags import PERSON, flag_name
from .normalise import parse_name
from .tables import LEADING_ARTICLES
from .text import words as split_words


@dataclass(frozen=True, slots=True)
class OrgRecord:
    """One sign-on submission or known organisation; only ``id`` and ``name`` are required."""

    id: str
    name: str
    country: str = ""
    email: str = ""
    website: str = ""


@dataclass(frozen=True, slots=True)
class Profile:
    """Everything the scorer needs about a record, computed once."""

    record: OrgRecord
    key: str
    words: tuple[str, ...]
    canon: tuple[str, ...]
    acronyms: frozenset[str]
    fitting: frozenset[str]
    initials: tuple[str, ...]
    acronym_only: bool
    langs: frozenset[str]
    country: str | None
    domains: frozenset[str]
    person: bool = False
    aliases: frozenset[str] = field(default=frozenset())
    short: str = ""
    sites: frozenset[str] = field(default=frozenset())

    @property
    def geo(self) -> frozenset[str]:
        """Countries and regions named inside the name."""
        return frozenset(t for t in self.canon if is_geo(t))


def profile(record: OrgRecord, aliases: frozenset[str] = frozenset()) -> Profile:
    """Analyse ``record``; ``aliases`` are alias-group labels known from moderators' merges."""
    parsed = parse_name(record.name)
    tokens = tuple(parsed.key.split())
    words = content(tokens)
    canon = canonical(tokens)
    geo = frozenset(w for w in words if is_geo(canonical((w,))[0]))
    acronym_only = (len(tokens) == 1 and tokens[0] in parsed.acronyms) or (
        not geo
        and len(record.name.split()) == 1
        and "".join(split_words(record.name)) in parsed.acronyms
    )
    fitting = frozenset(a for a in parsed.acronyms if fits(a, tokens, geo) or acronym_only)
    # A name of two or three words may be another record's short name ("Red QZV", "Centro Lumen").
    short = "".join(tokens) if 1 < len(tokens) <= 3 else ""
    domains = {email_domain(record.email), website_domain(record.website)} - {None}
    sites = {email_site(record.email), website_site(record.website)} - {None}
    return Profile(
        record=record,
        key=parsed.key,
        words=words,
        canon=canon,
        acronyms=frozenset(parsed.acronyms),
        fitting=fitting,
        initials=_initials(tokens, words),
        acronym_only=acronym_only,
        langs=languages(tokens),
        country=country_code(record.country or ""),
        domains=frozenset(d for d in domains if d),
        person=PERSON in flag_name(record.name),
        aliases=aliases,
        short=short,
        sites=frozenset(s for s in sites if s),
    )


def _initials(tokens: tuple[str, ...], words: tuple[str, ...]) -> tuple[str, ...]:
    """Initials of the content words and of all words, for names of two words or more."""
    if len(words) < 2:
        return ()
    bare = tuple(t for t in tokens if t not in LEADING_ARTICLES)  # "FoWI": "of" kept, "the" not
    found = (initials(words), initials(tokens), initials(bare))
    return tuple(dict.fromkeys(i for i in found if len(i) >= 3))
