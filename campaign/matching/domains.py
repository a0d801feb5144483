"""Email and website domains reduced to the registrable domain an organisation owns."""

from __future__ import annotations

import re

from .tables import FREE_MAIL, SECOND_LEVELS

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_LABEL = re.compile(r"^[a-z0-9-]+$")


def registrable(host: str) -> str | None:
    """Registrable domain of ``host`` ("www.amnesty.org.uk" -> "amnesty.org.uk"), else None."""
    host = host.strip().strip(".").lower()
    labels = host.split(".")
    if len(labels) < 2 or not all(_LABEL.match(label) for label in labels):
        return None
    keep = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVELS else 2
    return ".".join(labels[-keep:])


def website_domain(url: str) -> str | None:
    """Registrable domain of a website field: scheme, "www.", port, path and query dropped."""
    text = _SCHEME.sub("", (url or "").strip().lower())
    host = re.split(r"[/?#:@\s]", text, maxsplit=1)[0]
    if not host.isascii():
        try:
            host = host.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    return registrable(host)


def email_domain(email: str) -> str | None:
    """Registrable domain of an email address, or None for free-mail and invalid ones."""
    _, at, host = (email or "").strip().lower().rpartition("@")
    domain = registrable(host) if at else None
    return None if domain is None or is_free_mail(host) else domain


def is_free_mail(host: str) -> bool:
    """True if ``host`` (or its registrable domain) is a free-mail provider's."""
    host = host.strip().lower()
    return host in FREE_MAIL or (registrable(host) or "") in FREE_MAIL
