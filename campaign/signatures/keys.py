"""Normalised keys: one pure function per key, stored in an indexed column and used by lookups.

``name_key`` is a stand-in until the matching engine (campaign.matching) lands.
"""

from __future__ import annotations

import unicodedata

# Letters and digits survive; punctuation, symbols, spaces, marks and controls do not.
_KEPT_CATEGORIES = {"L", "N"}


def name_key(name: str) -> str:
    """A key equal for names that differ only in case, accents, punctuation or spacing.

    "Àltera-Asociación", "altera asociacion" and "ALTERA ASOCIACIÓN." share one key.
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    decomposed = unicodedata.normalize("NFKD", folded)
    kept = (c for c in decomposed if unicodedata.category(c)[0] in _KEPT_CATEGORIES)
    return unicodedata.normalize("NFC", "".join(kept))


def email_key(email: str) -> str:
    """The canonical form of an address for "has this address signed already?".

    Case is ignored, and so is a "+tag" in the local part (one mailbox, one signature).
    """
    local, _, domain = email.strip().rpartition("@")
    local = local.casefold().split("+", 1)[0] or local.casefold()
    return f"{local}@{domain.casefold()}"
