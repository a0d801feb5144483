"""Checks and clean-up for any text a person or a file gives us.

One place decides what a name, a line or a paragraph may contain, so web forms and
file imports reject the same things with the same translated messages.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from campaign.i18n import _l

# Zero-width joiners are needed to spell Persian, Indic scripts and emoji correctly.
ALLOWED_FORMAT_CHARS = {"\u200c", "\u200d"}
# Letters and signs that print as nothing: the Hangul fillers, Khmer's two inherent vowels
# (which Unicode advises against using) and the blank braille pattern. A name of U+3164
# alone would otherwise be a visible-looking blank line in the public list.
BLANK_LOOKING = frozenset("\u115f\u1160\u17b4\u17b5\u2800\u3164\uffa0")
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
FORMULA_PREFIXES = ("=", "+", "@", "-")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"
NAME_IS_FORMULA = _l(
    "A name cannot start with “=”, “+”, “-” or “@”: spreadsheets would run it as a formula."
)
NOTHING_VISIBLE = _l("Type some visible text: this field holds only invisible characters.")


class TextProblem(ValueError):
    """Input text that cannot be accepted; ``message`` is translatable. ``without_hidden``,
    when the only trouble was characters that show nothing (text-direction marks pasted
    from a word processor, a zero-width space, a control character), is the value with
    them taken out, for a form to show back (see ``validators.SafeText``)."""

    def __init__(self, message: object, without_hidden: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.without_hidden = without_hidden


def _is_noncharacter(char: str) -> bool:
    code = ord(char)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def find_forbidden(value: str, multiline: bool = False) -> object | None:
    """Return a translatable message if ``value`` holds a character we refuse, else None."""
    if value.isprintable() and BLANK_LOOKING.isdisjoint(value):
        # Nearly every value: every other character refused below is in one of Unicode's
        # "Other" categories (Cc, Cf, Cs, Co, Cn), which Python counts as unprintable, so a
        # printable value has none. Only the rest is walked character by character.
        return None
    return _walk(value, multiline)


def _walk(value: str, multiline: bool) -> object | None:
    for char in value:
        if char in BIDI_CONTROLS:
            return _l("Remove the hidden text-direction characters from this field.")
        if _is_control(char, multiline):
            return _l("Remove the control characters from this field.")
        if _is_invisible(char):
            return _l("Remove the invisible characters from this field.")
        if unicodedata.category(char) in {"Cs", "Co"} or _is_noncharacter(char):
            return _l("This field contains characters that cannot be used.")
    return None


def _is_control(char: str, multiline: bool) -> bool:
    return unicodedata.category(char) == "Cc" and not (multiline and char in "\n\r\t")


def _is_invisible(char: str) -> bool:
    category = unicodedata.category(char)
    return (category == "Cf" and char not in ALLOWED_FORMAT_CHARS) or char in BLANK_LOOKING


def _without_hidden(value: str, multiline: bool) -> str | None:
    """``value`` without the refused characters that show nothing, spaced as ``clean``
    spaces it; None if something else in it is refused too (a private-use character)."""
    kept = "".join(
        char
        for char in value
        if char not in BIDI_CONTROLS and not _is_control(char, multiline)
        and not _is_invisible(char)
    )  # fmt: skip
    if find_forbidden(kept, multiline) is not None:
        return None
    return kept.strip() if multiline else " ".join(kept.split())


def clean(value: str | None, max_length: int, multiline: bool = False) -> str:
    """NFC-normalise and trim ``value``; raise TextProblem if it is unsafe or too long.

    Single-line values also have runs of whitespace collapsed to one space.
    """
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", value)
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    else:
        value = " ".join(value.split())
    problem = find_forbidden(value, multiline)
    if problem is not None:
        raise TextProblem(problem, _without_hidden(value, multiline))
    if value and not has_visible(value):
        raise TextProblem(NOTHING_VISIBLE)
    if len(value) > max_length:
        raise TextProblem(too_long(max_length, len(value)))
    return value


def has_visible(value: str) -> bool:
    """True if ``value`` shows something: a letter, digit, mark or sign, not only spaces and
    the joiners allowed for spelling (a title of U+200D alone passes "required" but shows
    nothing, and its link in the index has no text)."""
    return any(unicodedata.category(char)[0] not in "CZ" for char in value)


def isolate(name: str) -> str:
    """``name`` between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, for plain text
    that puts names side by side (the web pages use ``<bdi>``): each name then takes its
    direction from its first letter, and two Arabic names in an English sentence keep
    their order and their commas. Names never hold these characters (``clean`` refuses
    them), so the pair is always balanced."""
    return f"{FIRST_STRONG_ISOLATE}{name}{POP_DIRECTIONAL_ISOLATE}"


def isolate_against(value: str, rtl: bool) -> str:
    """``value`` isolated (see ``isolate``) if it holds a letter written in the direction
    other than its surroundings' (``rtl`` for those): an Arabic title in an English email, an
    English one in an Arabic email, whose neighbouring quotes and colons would otherwise be
    drawn in the wrong place. Text in the surrounding direction is left as it is."""
    other = {"L"} if rtl else {"R", "AL"}
    if any(unicodedata.bidirectional(char) in other for char in value):
        return isolate(value)
    return value


def too_long(limit: int, count: int) -> object:
    return _l("Keep this under %(limit)d characters (it has %(count)d).", limit=limit, count=count)


def web_address(value: str) -> str | None:
    """``value`` as an http(s) address with a dotted host name ("example.org" gains
    https:// in front), or None if it is not one. Forms and imports take the same ones."""
    candidate = value if "://" in value else "https://" + value
    try:
        parts = urlsplit(candidate)
        host = parts.hostname or ""
    except ValueError:  # e.g. a malformed IPv6 literal
        return None
    if parts.scheme not in {"http", "https"} or "." not in host or " " in candidate:
        return None
    return candidate


def check_not_formula(value: str) -> None:
    """Refuse names a spreadsheet would run as a formula."""
    # A list pasted with its bullets ("- Name") is refused too: the dash makes a formula.
    if value.startswith(FORMULA_PREFIXES):
        raise TextProblem(NAME_IS_FORMULA)


def neutralise_formula(value: str) -> str:
    """Make a cell inert for spreadsheet programs by prefixing an apostrophe."""
    if value and (value.startswith(FORMULA_PREFIXES) or value[0] in "\t\r"):
        return "'" + value
    return value


def search_term(value: str | None, max_length: int) -> str:
    """A filter typed into a query string, cut to ``max_length``; empty (no filter) if it
    holds what no stored text can (PostgreSQL refuses a NUL even in a search)."""
    value = " ".join((value or "").split())[:max_length]
    return "" if find_forbidden(value) is not None else unicodedata.normalize("NFC", value)
