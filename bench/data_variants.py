"""Ways people retype an organisation's name, and a list generator built on them."""

from __future__ import annotations

import random
import unicodedata

from data_orgs import FREE, LEGAL, PLACES, Org, _names

COUNTRY_SPELLINGS = {
    "Kenya": ["Kenya", "KE"],
    "Mexico": ["México", "MX", "Mexico"],
    "Spain": ["España", "Spain", "ES"],
    "France": ["France", "FR"],
}


def _typo(rng: random.Random, name: str) -> str:
    """One slip in one long word: swap, drop, double or replace a letter."""
    words = name.split()
    long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
    if not long:
        return name
    i = rng.choice(long)
    w, k = words[i], rng.randrange(1, len(words[i]) - 2)
    kind = rng.randrange(4)
    words[i] = (
        w[:k] + w[k + 1] + w[k] + w[k + 2 :],
        w[:k] + w[k + 1 :],
        w[:k] + w[k] + w[k:],
        w[:k] + rng.choice("aeiourstn") + w[k + 1 :],
    )[kind]
    return " ".join(words)


def _acronym(name: str) -> str:
    """Initials of the capitalised words."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _plain(text: str) -> str:
    """The name typed without accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def variant(rng: random.Random, org: Org, first: bool) -> str:
    """One submitted spelling of ``org``'s name."""
    lang = 0 if first or rng.random() < 0.85 else rng.choice((1, 2))
    name = org.names[lang]
    acr = _acronym(org.names[0])
    for chance, change in (
        (0.15, lambda n: n.upper()),
        (0.1, lambda n: n.lower()),
        (0.1, lambda n: f"  {n} "),
        (0.15, _plain),
        (0.12, lambda n: _typo(rng, n)),
        (0.06, lambda n: f"The {n}"),
        (0.08, lambda n: f"{n} {rng.choice(LEGAL)}"),
        (0.08, lambda n: f"{n}."),
    ):
        if rng.random() < chance:
            name = change(name)
    if len(acr) >= 3 and (lang or rng.random() < 0.15):
        name = f"{name} ({acr})" if rng.random() < 0.7 else f"{acr} - {name}"
    return name


def contact(rng: random.Random, org: Org) -> tuple[str, str, str]:
    """Country, email and website fields, each sometimes blank or uninformative."""
    spellings = COUNTRY_SPELLINGS.get(org.country, [org.country])
    country = rng.choice(spellings) if rng.random() < 0.7 else ""
    roll = rng.random()
    local = rng.choice(("info", "contact", "office"))
    email = (
        f"{local}@{org.domain}"
        if roll < 0.5
        else f"{org.names[0][:5].lower()}{rng.randrange(99)}@{rng.choice(FREE)}"
        if roll < 0.8
        else ""
    )
    website = f"https://www.{org.domain}/" if rng.random() < 0.4 else ""
    return country, email, website


def make_orgs(rng: random.Random, count: int) -> list[Org]:
    """``count`` distinct organisations, a tenth of them national chapters of another."""
    orgs: list[Org] = []
    seen: set[str] = set()
    while len(orgs) < count:
        if orgs and rng.random() < 0.1:
            parent = rng.choice(orgs)
            place = rng.choice(PLACES)
            names = tuple(f"{n} {place}" for n in parent.names)
            org = Org(names, place, f"{parent.domain.split('.')[0]}{place.lower()}.org")
        else:
            names = _names(rng)
            domain = f"{_plain(names[0]).split()[-1].lower()}{rng.randrange(1000)}.org"
            org = Org(names, rng.choice(PLACES), domain)
        if names[0].lower() not in seen:
            seen.add(names[0].lower())
            orgs.append(org)
    return orgs


def make_list(n: int, seed: int = 1) -> tuple[list[dict[str, str]], dict[str, int]]:
    """``n`` submissions (id, name, country, email, website) and their organisation index."""
    rng = random.Random(seed)
    orgs = make_orgs(rng, max(1, n * 10 // 18))
    rows, truth = [], {}
    for i in range(n):
        k = i if i < len(orgs) else rng.randrange(len(orgs))
        country, email, website = contact(rng, orgs[k])
        rid = f"r{i:06d}"
        name = variant(rng, orgs[k], first=i < len(orgs))
        rows.append(
            {"id": rid, "name": name, "country": country, "email": email, "website": website}
        )
        truth[rid] = k
    rng.shuffle(rows)
    return rows, truth
