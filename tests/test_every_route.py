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
from sqlalchemy import select
from wtforms.fields.core import UnboundField

from campaign.accounts.models import Role
from campaign.db import db
from campaign.letters.models import Letter
from campaign.signatures import tokens
from campaign.signatures.models import SignatureStatus
from tests.forms import app_forms

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
    for form in app_forms():
        names.update(n for n in dir(form) if isinstance(getattr(form, n), UnboundField))
    return sorted(names | set(RAW_FIELDS))


def _addresses(rule: object, fixed: dict[str, str]) -> list[str]:
    """The rule's URL with ids too large for a column, just over 32 bits, and zero."""
    arguments = rule.arguments  # type: ignore[attr-defined]
    numbers = [a for a in arguments if a not in fixed]
    urls = []
    for value in [int(HUGE), 2**31, 0] if numbers else [0]:
        values = {a: fixed[a] for a in arguments if a in fixed} | dict.fromkeys(numbers, value)
        urls.append(rule.build(values)[1])  # type: ignore[attr-defined]
    return urls


def _sweep(app: Flask, client: FlaskClient, fixed: dict[str, str], public_only: bool) -> list[str]:
    """Call every rule (or every public one) with hostile input; the calls that failed."""
    fields = _form_fields()
    rules = sorted(
        (
            r
            for r in app.url_map.iter_rules()
            if r.endpoint != "static" and not (public_only and r.rule.startswith("/manage"))
        ),
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
        for url in _addresses(rule, fixed):
            if "GET" in rule.methods:
                for value in HOSTILE:
                    query = dict.fromkeys(QUERY, value)
                    call("GET", url, f"query={value[:12]!r}", query_string=query)
            if "POST" in rule.methods:
                for value in HOSTILE:
                    call("POST", url, f"form={value[:12]!r}", data=dict.fromkeys(fields, value))
                mixed = dict(zip(fields, itertools.cycle(HOSTILE), strict=False))
                call("POST", url, "form=mixed", data=mixed)
                for body, content_type in RAW_BODIES:
                    call("POST", url, content_type, data=body, content_type=content_type)
    return failures


@pytest.fixture
def target(make) -> dict[str, str]:  # noqa: ANN001
    """A letter with signatures of every kind; what to put in each part of an address
    that is not an id (a signer's real private link for ``<token>``)."""
    letter = make.letter("target")
    signatures = [make.signature(letter, f"Amnesty {s.value}", status=s) for s in SignatureStatus]
    return {
        "lang": "ar",
        "slug": letter.slug,
        "language": "fr",
        "status": "closed",
        "operation": "zz",
        "outcome": "apply",
        "token": tokens.make(signatures[0], tokens.EDIT),
        "filename": "x.css",
    }


def test_every_route_survives_hostile_input(app, client, make, login_as, target):  # noqa: ANN001
    letter = db.session.scalars(select(Letter).filter_by(slug=target["slug"])).one()
    login_as(make.user(admin=True, creator=True, roles={letter: Role.coordinator}))
    failures = _sweep(app, client, target, public_only=False)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}])
def test_public_forms_survive_hostile_input_from_a_lost_session(app, client, target):  # noqa: ANN001
    """With the real CSRF check and no session, the sign-on and private-link forms come
    back as typed (see errors.on_csrf_failure): hostile values included."""
    failures = _sweep(app, client, target, public_only=True)
    assert not failures, "\n".join(failures)
