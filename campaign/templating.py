"""Template globals: the page's language and direction, and links to other languages."""

from __future__ import annotations

from typing import Any

from flask import Flask, g, request, url_for
from flask_babel import get_locale

from campaign.accounts.labels import role_label
from campaign.i18n import CONTENT_LANGUAGES, INTERFACE_LANGUAGES, language
from campaign.letters.labels import next_statuses, status_action_label, status_label


def _page_language() -> str:
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
    return url_for("choose_language", lang=code, next=request.full_path.rstrip("?"))


def forms_with_errors() -> bool:
    """True when a form made for this request has errors (base.html then starts the page's
    title with "Error:", so it is the first thing a screen reader says)."""
    return any(form.errors for form in g.get("forms", ()))


def register(app: Flask) -> None:
    @app.context_processor
    def page_globals() -> dict[str, Any]:
        code = _page_language()
        return {
            "page_lang": code,
            "page_dir": language(code).dir,
            "interface_languages": INTERFACE_LANGUAGES.values(),
            "content_languages": CONTENT_LANGUAGES,
            "url_in_language": url_in_language,
            "language": language,
            "status_label": status_label,
            "status_action_label": status_action_label,
            "next_statuses": next_statuses,
            "role_label": role_label,
            "forms_with_errors": forms_with_errors,
        }
