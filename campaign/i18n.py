"""Supported languages, locale selection, and the gettext helpers used everywhere."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, g, request, session
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

__all__ = [
    "CONTENT_LANGUAGES",
    "INTERFACE_LANGUAGES",
    "Language",
    "_",
    "_l",
    "direction",
    "interface_language",
    "language_blueprint",
    "language",
    "ngettext",
    "select_locale",
]


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    rtl: bool = False

    @property
    def dir(self) -> str:
        return "rtl" if self.rtl else "ltr"

    @property
    def attrs(self) -> dict[str, str]:
        """The lang and dir of an element holding text in this language, always together
        (``<h1{{ language(code).attrs|xmlattr }}>``): lang alone leaves an Arabic title laid
        out left to right on an English page."""
        return {"lang": self.code, "dir": self.dir}


# Interface catalogues we ship and keep current.
INTERFACE_LANGUAGES: dict[str, Language] = {
    lang.code: lang
    for lang in (
        Language("en", "English"),
        Language("fr", "Français"),
        Language("es", "Español"),
        Language("ar", "العربية", rtl=True),
    )
}

# Languages a letter's text may be written in; the interface falls back to English
# for those without a catalogue.
CONTENT_LANGUAGES: dict[str, Language] = {
    **INTERFACE_LANGUAGES,
    **{
        lang.code: lang
        for lang in (
            Language("pt", "Português"),
            Language("ru", "Русский"),
            Language("zh", "中文"),
            Language("de", "Deutsch"),
            Language("fa", "فارسی", rtl=True),
            Language("ur", "اردو", rtl=True),
        )
    },
}

DEFAULT_LANGUAGE = "en"


def language(code: str | None) -> Language:
    """The language for ``code``, or English when unknown."""
    return CONTENT_LANGUAGES.get(code or "", INTERFACE_LANGUAGES[DEFAULT_LANGUAGE])


def direction(code: str | None) -> str:
    return language(code).dir


def interface_language(code: str | None) -> str:
    """The interface catalogue to use for a content language."""
    return code if code in INTERFACE_LANGUAGES else DEFAULT_LANGUAGE


def _path_language() -> str | None:
    """The language an address under /<lang>/ names, for the pages shown when no view took
    it from the address (a method the address does not take, a page not found)."""
    first = request.path.lstrip("/").split("/", 1)[0]
    return first if first in CONTENT_LANGUAGES else None


def select_locale() -> str:
    """Locale for this request: the URL's language, then the visitor's choice, then headers."""
    url_lang = getattr(g, "lang", None) or _path_language()
    if url_lang:
        return interface_language(url_lang)
    chosen = session.get("lang")
    if chosen in INTERFACE_LANGUAGES:
        return chosen
    best = request.accept_languages.best_match(list(INTERFACE_LANGUAGES))
    return best or DEFAULT_LANGUAGE


def language_blueprint(name: str, import_name: str) -> Blueprint:
    """A blueprint whose routes live under ``/<lang>/``; the view sees the language in ``g.lang``.

    Links built inside such a page keep its language unless they name another.
    """
    bp = Blueprint(name, import_name, url_prefix="/<lang:lang>")

    @bp.url_value_preprocessor
    def _pull_lang(_endpoint: str | None, values: dict | None) -> None:
        g.lang = (values or {}).pop("lang", None)

    @bp.url_defaults
    def _add_lang(_endpoint: str, values: dict) -> None:
        if "lang" not in values and getattr(g, "lang", None):
            values["lang"] = g.lang

    return bp
