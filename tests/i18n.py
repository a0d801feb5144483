"""What a message reads like in a language, from the real catalogues, for assertions."""

from __future__ import annotations

from flask_babel import force_locale, gettext, ngettext
from markupsafe import escape as html_escape


def translated(
    lang: str,
    message: str,
    plural: str | None = None,
    *,
    escape: bool = True,
    **variables: object,
) -> str:
    """``message`` in ``lang`` (needs an app context), HTML-escaped as pages show it.

    Give ``plural`` (and ``num``) for an ngettext message. ``escape=False`` gives the text as
    a reader sees it: a browser's rendered text, or a plain-text email.
    """
    with force_locale(lang):
        if plural is None:
            text = gettext(message, **variables)
        else:
            num = variables.pop("num")
            text = ngettext(message, plural, num, **variables)  # type: ignore[arg-type]
    return str(html_escape(text)) if escape else text
