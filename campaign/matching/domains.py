"""Email and website domains reduced to the registrable domain an organisation owns."""

from __future__ import annotations

import re

from .tables import FREE_MAIL, INSTITUTIONAL, PLATFORMS, SECOND_LEVELS

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_LABEL = re.compile(r"^[a-z0-9-]+$")
_LANGUAGE_PATH = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2})?$")


def registrable(host: str) -> str | None:
    """Registrable domain of ``host`` ("www.amnesty.org.uk" -> "amnesty.org.uk"), else None."""
    host = host.strip().strip(".").lower()
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVELS else 2
    return ".".join(labels[-keep:])


def _host_and_path(url: str) -> tuple[str, str]:
    """Lower-case host (IDNA, "www." dropped) and first path segment of a website field."""
    text = _SCHEME.sub("", (url or "").strip().lower())
    host, _, rest = re.split(r"[?#\s]", text, maxsplit=1)[0].partition("/")
    host = host.split("@")[-1].split(":")[0].strip(".")
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return "", ""
    host = host[4:] if host.startswith("www.") else host
    first = rest.split("/", 1)[0]
    return host, "" if _LANGUAGE_PATH.match(first) else first


def website_domain(url: str) -> str | None:
    """Registrable domain of a website field: scheme, "www.", port, path and query dropped.

    Hosting and social platforms give None: their pages belong to many organisations.
    """
    host, _ = _host_and_path(url)
    domain = registrable(host) if host else None
    return None if domain is None or domain in PLATFORMS else domain


def website_site(url: str) -> str | None:
    """Host and first path segment of a website ("greenpeace.org/espana"), language paths
    ("/en", "/es-mx") dropped: the part of a shared domain one organisation owns."""
    host, first = _host_and_path(url)
    if not website_domain(url):
        return None
    return f"{host}/{first}" if first else host


def email_site(email: str) -> str | None:
    """Host of an organisation email address (free-mail gives None)."""
    host = (email or "").strip().lower().rpartition("@")[2].strip(".")
    return host if email_domain(email) else None


def domain_label(domain: str) -> str:
    """The name part of a registrable domain, hyphens dropped ("icj-kenya.org" -> "icjkenya")."""
    return domain.split(".", 1)[0].replace("-", "")


def country_tld(domain: str) -> str | None:
    """The ISO code of a country-code top-level domain ("nrc.no" -> "NO"), else None."""
    tld = domain.rsplit(".", 1)[-1]
    return {"uk": "GB"}.get(tld, tld.upper()) if len(tld) == 2 and tld.isalpha() else None


def is_institutional(domain: str) -> bool:
    """True for domains shared by many separate units: universities, governments."""
    labels = domain.split(".")
    return labels[-1] in INSTITUTIONAL or (len(labels) == 3 and labels[1] in INSTITUTIONAL)


def email_domain(email: str) -> str | None:
    """Registrable domain of an email address, or None for free-mail and invalid ones."""
    _, at, host = (email or "").strip().lower().rpartition("@")
    domain = registrable(host) if at else None
    return None if domain is None or is_free_mail(host) else domain


def is_free_mail(host: str) -> bool:
    """True if ``host`` (or its registrable domain) is a free-mail provider's."""
    host = host.strip().lower()
    return host in FREE_MAIL or (registrable(host) or "") in FREE_MAIL
