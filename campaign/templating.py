"""Template globals: the page's language and direction, links to other languages, and
numbers, times, lists and language names in the page's locale."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from babel import Locale
from babel.lists import format_list
from flask import Flask, g, request, url_for
from flask_babel import format_date, format_decimal, format_time, get_locale
from markupsafe import Markup

from campaign import static_versions
from campaign.accounts.labels import role_label
from campaign.i18n import CONTENT_LANGUAGES, INTERFACE_LANGUAGES, language
from campaign.letters.labels import (
    letter_status_label,
    next_statuses,
    status_action_label,
    status_label,
)
from campaign.text import isolate_against


def _page_language() -> str:
    """The language the page's address names: its letter text, links and language menu
    follow it, even when it has no interface catalogue (Persian, German...)."""
    return getattr(g, "lang", None) or str(get_locale() or "en")


def url_in_language(code: str) -> str:
    """This page's address in another language (staff pages: remember the choice)."""
    if (
        request.endpoint
        and request.view_args is not None
        and "lang" in (request.url_rule.arguments if request.url_rule else ())
    ):
        args = dict(request.view_args, lang=code)
        return url_for(request.endpoint, **args)
    return url_for("accounts.choose_language", lang=code, next=request.full_path.rstrip("?"))


ADDRESS_FIELDS = frozenset({"EmailField", "URLField"})
TEXT_FIELDS = frozenset({"StringField", "TextAreaField", "SearchField"})


def typed_direction(field_type: str, render_kw: dict[str, Any] | None = None) -> dict[str, str]:
    """The ``dir`` of an input or text area (a WTForms field type) for what is typed in it.

    Addresses read left to right on every page, Arabic ones included; other text takes the
    direction of its first letter ("Acme Rights Inc." or a site's address on its own line of
    an Arabic page stays as typed), unless the field sets its own (the website).
    """
    if (render_kw or {}).get("dir"):
        return {}
    if field_type in ADDRESS_FIELDS:
        return {"dir": "ltr"}
    return {"dir": "auto"} if field_type in TEXT_FIELDS else {}


def _locale() -> Locale:
    return get_locale() or Locale.parse("en")


def number(value: int) -> str:
    """A count with the locale's digit grouping: 3,010 in English, 3 010 in French."""
    return format_decimal(value)


def score(value: float) -> str:
    """A match score to two decimals, the locale's way: 0.87 in English, 0,87 in French
    (Western digits in Arabic, as every number of the interface)."""
    return format_decimal(value, format="0.00")


def minutes(value: datetime) -> str:
    """A date and time to the minute (no seconds), in the locale's order and style."""
    pattern = str(_locale().datetime_formats["medium"]).replace("'", "")
    return pattern.replace("{0}", format_time(value, "short")).replace(
        "{1}", format_date(value, "medium")
    )


def language_name(code: str) -> str:
    """A language's name in the page's language ("anglais" on a French page)."""
    return _locale().languages.get(code) or language(code).native_name


def names_list(names: Iterable[str]) -> Markup:
    """Names joined the locale's way ("A, B and C"; "A وB" in Arabic), each isolated so a
    name written in the other direction does not scramble its neighbours."""
    isolated = [str(Markup("<bdi>{}</bdi>").format(name)) for name in names]
    # Each name is escaped above; the locale's separators hold no markup.
    return Markup(format_list(isolated, locale=_locale()))


def isolated(value: str, lang: str) -> str:
    """Text quoted in an email written in ``lang`` (a letter's title, a signer's name), kept
    from scrambling the sentence around it if it runs the other way."""
    return isolate_against(value, rtl=language(lang).dir == "rtl")


def forms_with_errors() -> bool:
    """True when a form made for this request has errors (base.html then starts the page's
    title with "Error:", so it is the first thing a screen reader says)."""
    return any(form.errors for form in g.get("forms", ()))


def register(app: Flask) -> None:
    @app.context_processor
    def page_globals() -> dict[str, Any]:
        code = _page_language()
        # <html> says what most of the page is written in: the interface catalogue actually
        # used (English on a Persian letter's page). Letter text carries its own lang and dir.
        interface = language(str(_locale()))
        return {
            "page_lang": code,
            "interface": interface,
            "interface_languages": INTERFACE_LANGUAGES.values(),
            "content_languages": CONTENT_LANGUAGES,
            "url_in_language": url_in_language,
            "language": language,
            "status_label": status_label,
            "letter_status_label": letter_status_label,
            "status_action_label": status_action_label,
            "next_statuses": next_statuses,
            "role_label": role_label,
            "language_name": language_name,
            "forms_with_errors": forms_with_errors,
        }

    # A global, not a context variable: the form macros, imported without context, use it.
    app.add_template_global(typed_direction)
    app.add_template_filter(number)
    app.add_template_filter(score)
    app.add_template_filter(minutes)
    app.add_template_filter(names_list)
    app.add_template_filter(isolated)
    static_versions.init_app(app)
