"""Web addresses written into a name: "www.cheap-watches.example", "http://spam.example".

An organisation's name never needs a web or email address in it, and names are published
as typed: spam waves write their address there. Dots alone prove nothing ("J.D.
Foundation", "St. Mary's", "e.V.", "Ass.ne"), so without a scheme or "www." a name must hold
a whole host name: labels joined by dots without spaces, ending in a common generic
top-level domain, however capitalised ("cheap.com", "Buy-Cheap.Com", "CHEAP.COM": a
domain's case means nothing), or in two letters (a country's) only in a host all in one
case, since "Ass.ne" is Italian for "Associazione". An ending that is also a word ("Tech",
"Info", "Live") after words capitalised as a name's are ("Inst.Tech", "Soc.Coop.Live",
"INST.TECH") is an abbreviation glued to the next word by its dot, not a domain. A host
ending in ".org" (or ".ngo", ".ong") is an organisation's own name ("350.org", "MoveOn.org
Civic Action") unless it is part of an email address, is followed by a path
("350.org/join": a page), or is one RFC 2606 reserves for examples ("example.org").
"""

from __future__ import annotations

import re
import unicodedata

# A scheme ("https://", "ftp://") or "www." (also "www2.") before a host.
_MARKED = re.compile(r"\b[a-z][a-z0-9+.-]*://|\bwww\d{0,3}\.(?=[^\W_])", re.IGNORECASE)
_LABEL = r"[^\W_](?:[\w-]*[^\W_])?"
# A host name standing alone (after a space, a bracket or the "@" of an email address).
_HOST = re.compile(rf"(?<![\w.-])(?:{_LABEL}\.)+([a-z]{{2,24}})(?![\w-])", re.IGNORECASE)

#: Generic top-level domains seen in names: the classic ones, the cheap ones spam uses, and
#: the names reserved for examples and tests (RFC 2606).
GENERIC_TLDS = frozenset(
    """com net org info biz edu gov int mil io ai app dev xyz top shop store site online
    website club live life world today news blog link click space tech email ngo ong
    example test invalid""".split()
)
#: Endings organisations take their names from: a bare "350.org" is a name.
ORGANISATION_TLDS = frozenset({"org", "ngo", "ong"})
#: Generic endings that are also words, or abbreviations, in organisations' names.
WORD_TLDS = frozenset(
    """tech info int app dev top shop store site online website club live life world today
    news blog link click space email""".split()
)
#: The second-level names RFC 2606 reserves for examples: nobody's name.
EXAMPLE_DOMAINS = frozenset({"example.com", "example.net", "example.org"})


def _glued_words(host: str, tld: str) -> bool:
    """Words written as in a name (each capitalised, or in capitals) joined by dots, the
    last a word and not only an ending: "Inst.Tech", "Soc.Coop.Live", "INST.TECH"."""
    labels = host.split(".")
    return tld.lower() in WORD_TLDS and all(
        w.isalpha() and w[0].isupper() and (w[1:].islower() or w.isupper()) for w in labels
    )


def _is_example(host: str) -> bool:
    """A host RFC 2606 reserves for examples: "example.org", "lists.example.net"."""
    host = host.lower()
    return any(host == d or host.endswith(f".{d}") for d in EXAMPLE_DOMAINS)


def _is_host(text: str, match: re.Match[str]) -> bool:
    host, tld, start = match.group(0), match.group(1), match.start()
    mailbox = start >= 2 and text[start - 1] == "@" and not text[start - 2].isspace()
    if mailbox or text.startswith("/", match.end()):  # an email address, or a page's
        return tld.lower() in GENERIC_TLDS or len(tld) == 2
    if tld.lower() in ORGANISATION_TLDS:
        return _is_example(host)
    if len(tld) == 2:
        return host.islower() or host.isupper()
    return tld.lower() in GENERIC_TLDS and not _glued_words(host, tld)


def has_web_address(name: str) -> bool:
    """True if ``name`` contains a URL, a "www." address, an email address or a bare domain
    ("spam.example"), but for an organisation named after its ".org" address and for
    abbreviations glued to a word ("Inst.Tech")."""
    text = unicodedata.normalize("NFKC", name)
    if _MARKED.search(text):
        return True
    return any(_is_host(text, m) for m in _HOST.finditer(text))
