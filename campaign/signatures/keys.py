"""Normalised keys: one pure function per key, stored in an indexed column and used by lookups."""

from __future__ import annotations

from campaign.matching import name_key as _engine_name_key


def name_key(name: str) -> str:
    """The matching engine's key: equal for names that differ only in case, accents,
    punctuation, spacing, a leading article or legal form, or a bracketed acronym.

    "Àltera-Asociación", "altera asociacion" and "ALTERA ASOCIACIÓN." share one key.
    """
    return _engine_name_key(name)[:300]  # the column's width; ligatures may expand


def email_key(email: str) -> str:
    """The canonical form of an address for "has this address signed already?".

    Case is ignored, and so is a "+tag" in the local part (one mailbox, one signature). The
    domain is only lower-cased, not case-folded: under IDNA 2008 "straße.example" and
    "strasse.example" are two domains, perhaps of two organisations.
    """
    local, _, domain = email.strip().rpartition("@")
    local = local.casefold().split("+", 1)[0] or local.casefold()
    return f"{local}@{domain.lower()}"
