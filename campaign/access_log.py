"""Access logs without private links: the development server's log (werkzeug) and
gunicorn's, if an operator turns it on, print every request's path, and on the pages a
signer's or a staff member's emailed link opens, the path is the key (an edit link lasts a
year). Each such path is logged with ``<token>`` in place of the key."""

from __future__ import annotations

import logging
import re

from flask import Flask

ACCESS_LOGGERS = ("werkzeug", "gunicorn.access")


class _MaskTokens(logging.Filter):
    """Rewrites a log line whose path holds a private link's key; lets every line through."""

    pattern: re.Pattern[str] | None = None

    def masked(self, text: str) -> str:
        return text if self.pattern is None else self.pattern.sub(r"\1<token>", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = self.masked(message)
        if masked != message:
            record.msg, record.args = masked, ()
        return True


_FILTER = _MaskTokens()
# A path as the app's own log lines give it (errors.py), masked the same way.
masked = _FILTER.masked


def _prefix(rule: str) -> str:
    """A regular expression for the part of ``rule`` before its token, any language."""
    parts = re.split(r"(<[^>]+>)", rule.split("<token>")[0])
    return "".join("[^/]+" if part.startswith("<") else re.escape(part) for part in parts)


def init_app(app: Flask) -> None:
    """Mask the token of every route that takes one (taken from the URL map, so a new
    private link is covered as soon as it is routed)."""
    prefixes = sorted(
        {_prefix(rule.rule) for rule in app.url_map.iter_rules() if "token" in rule.arguments}
    )
    _FILTER.pattern = re.compile(f'({"|".join(prefixes)})[^/\\s?#"]+') if prefixes else None
    for name in ACCESS_LOGGERS:
        logging.getLogger(name).addFilter(_FILTER)  # once: a filter is not added twice
