"""What a message reads like in a language, from the real catalogues, for assertions."""

from __future__ import annotations

from flask_babel import force_locale, gettext


def translated(lang: str, message: str, **variables: object) -> str:
    """``message`` in ``lang`` (needs an app context), HTML-escaped as pages show it."""
    with force_locale(lang):
        text = gettext(message, **variables)
    return text.replace("&", "&amp;").replace("'", "&#39;").replace('"', "&#34;")
