"""The forms the app defines, for checks that must cover every one of them."""

from __future__ import annotations

from collections.abc import Iterator

from wtforms import Form


def app_forms() -> Iterator[type[Form]]:
    """Every form class of the ``campaign`` package imported so far (an app imports all)."""
    pending = list(Form.__subclasses__())
    while pending:
        form = pending.pop()
        pending.extend(form.__subclasses__())
        if form.__module__.startswith("campaign."):
            yield form
