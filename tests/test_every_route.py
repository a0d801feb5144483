"""Every route of the app, sent hostile input, answers without a server error.

The other robustness tests throw generated text at one form each. This one walks the app's
URL map, so a route added later is covered without anyone remembering to: each is called
by a staff member with every right, with the ids in its address too large for any database
column or not numbers at all, and with bodies and query strings that hold what a careless
or hostile client sends (oversized values, digits that are not ASCII, NUL, bidi overrides,
formulas, bytes that are not UTF-8, a multipart body cut short).
"""

from __future__ import annotations

import itertools

import pytest
from flask import Flask
from flask.testing import FlaskClient
from wtforms import Form
from wtforms.fields.core import UnboundField

from campaign.accounts.models import Role
from campaign.signatures.models import SignatureStatus

HUGE = "9" * 25  # beyond any integer column
HOSTILE = [
    "",
    HUGE,
    str(2**31),
    "-1",
    "²",  # a digit to str.isdigit(), not to int()
    "٣",  # an Arabic-Indic digit
    "1,²",
    "approve:" + HUGE,
    "approve:²",
    "a\x00b",
    "\u202eevil",
    '=HYPERLINK("http://x")',
    "x" * 20_000,
]
# Raw bodies no form would send, each with the content type it claims.
RAW_BODIES = [
    (b"name=%ff%fe&ids=\xff\xfe&action=\xc3", "application/x-www-form-urlencoded"),
    (b"--cut\r\nContent-Disposition: form-data; name=", "multipart/form-data; boundary=cut"),
    (b"no boundary at all", "multipart/form-data"),
    (b'{"ids": [1]}', "application/json"),
]
# Names of posted values read straight from the request rather than through a form.
RAW_FIELDS = ["ids", "decide", "action", "next", "apply", "expected"]
QUERY = ["page", "per_page", "old", "new", "by", "status", "flag", "sort", "q", "next", "action"]
# Called last: they end the session or close the letter, and would hide the rest.
LAST = {"accounts.logout", "manage.change_status", "staff.switch_off", "team.remove"}


def _form_fields() -> list[str]:
    """The name of every field of every form the app defines."""
    names: set[str] = set()
    pending = list(Form.__subclasses__())
    while pending:
        form = pending.pop()
        pending.extend(form.__subclasses__())
        if form.__module__.startswith("campaign."):
            names.update(n for n in dir(form) if isinstance(getattr(form, n), UnboundField))
    return sorted(names | set(RAW_FIELDS))


def _addresses(rule: object, letter_slug: str) -> list[str]:
    """The rule's URL with ids too large for a column, just over 32 bits, and zero."""
    fixed = {
        "lang": "ar",
        "slug": letter_slug,
        "language": "fr",
        "status": "closed",
        "operation": "zz",
        "outcome": "apply",
        "token": "x" * 300,
        "filename": "x.css",
    }
    arguments = rule.arguments  # type: ignore[attr-defined]
    numbers = [a for a in arguments if a not in fixed]
    urls = []
    for value in [int(HUGE), 2**31, 0] if numbers else [0]:
        values = {a: fixed[a] for a in arguments if a in fixed} | dict.fromkeys(numbers, value)
        urls.append(rule.build(values)[1])  # type: ignore[attr-defined]
    return urls


@pytest.fixture
def staff(client: FlaskClient, make, login_as) -> str:  # noqa: ANN001
    """A letter with signatures of every kind, and an administrator who coordinates it."""
    letter = make.letter("target")
    for status in SignatureStatus:
        make.signature(letter, f"Amnesty {status.value}", status=status)
    login_as(make.user(admin=True, creator=True, roles={letter: Role.coordinator}))
    return letter.slug


def test_every_route_survives_hostile_input(app: Flask, client: FlaskClient, staff: str) -> None:
    fields = _form_fields()
    rules = sorted(
        (r for r in app.url_map.iter_rules() if r.endpoint != "static"),
        key=lambda r: (r.endpoint in LAST, r.rule),
    )
    failures: list[str] = []

    def call(method: str, url: str, label: str, **kwargs: object) -> None:
        try:
            status = client.open(url, method=method, **kwargs).status_code
        except Exception as error:  # noqa: BLE001 - every failure is reported at the end
            failures.append(f"{method} {url[:120]} {label}: {type(error).__name__}: {error}")
            return
        if status >= 500:
            failures.append(f"{method} {url[:120]} {label}: {status}")

    for rule in rules:
        for url in _addresses(rule, staff):
            if "GET" in rule.methods:
                for value in HOSTILE:
                    call(
                        "GET",
                        url,
                        f"query={value[:12]!r}",
                        query_string=dict.fromkeys(QUERY, value),
                    )
            if "POST" in rule.methods:
                for value in HOSTILE:
                    call("POST", url, f"form={value[:12]!r}", data=dict.fromkeys(fields, value))
                mixed = dict(zip(fields, itertools.cycle(HOSTILE), strict=False))
                call("POST", url, "form=mixed", data=mixed)
                for body, content_type in RAW_BODIES:
                    call("POST", url, content_type, data=body, content_type=content_type)
    assert not failures, "\n".join(failures)
