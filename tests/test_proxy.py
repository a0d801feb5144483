"""Behind a reverse proxy (CAMPAIGN_PROXY_HOPS): each visitor keeps their own address for rate
limits and moderation, HTTPS is recognised, and the private edit page's forms pass Flask-WTF's
HTTPS origin check; with no proxy configured, the X-Forwarded-* headers are ignored."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from campaign.db import db
from campaign.signatures import tokens
from campaign.signatures.models import Signature
from tests.i18n import translated
from tests.signatures.conftest import form_data

PROXY = "127.0.0.1"  # where the proxy connects from
HIDDEN = re.compile(r'name="(csrf_token|started)" type="hidden" value="([^"]+)"')
SITE = "letters.example.org"


@pytest.fixture
def config_overrides(request, mail_settings: dict[str, object]) -> dict[str, object]:
    return {
        **mail_settings,
        "SIGN_MIN_SECONDS": 0,
        "RATELIMIT_ENABLED": True,
        "SIGN_RATE_LIMIT": "2 per 5 minutes",
        "PROXY_HOPS": 1,
        **getattr(request, "param", {}),
    }


def sign(client, n: int, visitor: str):  # noqa: ANN201
    """A sign-up from ``visitor``, as the proxy passes it on."""
    return client.post(
        "/en/letters/carta/sign",
        data=form_data(contact_email=f"a{n}@example.org"),
        environ_base={"REMOTE_ADDR": PROXY},
        headers={"X-Forwarded-For": visitor, "X-Forwarded-Proto": "https", "Host": SITE},
    )


def stored_addresses() -> list[str | None]:
    db.session.expire_all()
    return list(db.session.scalars(select(Signature.ip_address).order_by(Signature.id)))


def test_visitors_behind_the_proxy_keep_their_own_address_and_limit(client, make):
    make.letter("carta")
    assert [sign(client, n, "203.0.113.5").status_code for n in range(3)] == [302, 302, 429]
    assert sign(client, 3, "198.51.100.7").status_code == 302
    assert stored_addresses() == ["203.0.113.5", "203.0.113.5", "198.51.100.7"]


@pytest.mark.parametrize("config_overrides", [{"PROXY_HOPS": 0}], indirect=True)
def test_without_a_proxy_configured_forwarded_addresses_are_ignored(client, make):
    make.letter("carta")
    codes = [sign(client, n, f"203.0.113.{n}").status_code for n in range(3)]
    assert codes == [302, 302, 429]  # a forged header does not buy another bucket
    assert stored_addresses() == [PROXY, PROXY]


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}], indirect=True)
def test_the_private_edit_page_works_over_https_behind_the_proxy(client, make):
    """Over HTTPS Flask-WTF wants a same-site Referer on every form; the private page's
    policy ("same-origin") lets the browser send it, and still keeps the link from other
    sites."""
    letter = make.letter("carta")
    signature = make.signature(letter, "Old Name", country="ES", org_type="ngo")
    headers = {"X-Forwarded-For": "203.0.113.5", "X-Forwarded-Proto": "https", "Host": SITE}
    path = f"/en/signatures/edit/{tokens.make(signature, tokens.EDIT)}"
    page = client.get(path, headers=headers, environ_base={"REMOTE_ADDR": PROXY})
    assert page.headers["Referrer-Policy"] == "same-origin"
    token = re.findall(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text)[0]
    data = {
        "csrf_token": token,
        "name": "New Name",
        "country": "ES",
        "org_type": "ngo",
        "ecosoc_status": "none",
        "contact_name": "Contact",
        "language": "en",
    }
    # What the browser sends under each policy, for a form on the page posting to this site:
    # nothing under "no-referrer", the page's address under "same-origin".
    refused = client.post(path, data=data, headers=headers, environ_base={"REMOTE_ADDR": PROXY})
    assert refused.status_code == 400
    referred = {**headers, "Referer": f"https://{SITE}{path}"}
    saved = client.post(path, data=data, headers=referred, environ_base={"REMOTE_ADDR": PROXY})
    assert saved.status_code == 302
    assert saved.headers["Location"].startswith(("/", f"https://{SITE}/"))
    db.session.expire_all()
    assert db.session.get(Signature, signature.id).name == "New Name"


@pytest.mark.parametrize("config_overrides", [{"WTF_CSRF_ENABLED": True}], indirect=True)
def test_a_browser_that_keeps_the_referrer_back_signs_over_https_by_its_origin(client, make):
    """Privacy settings and extensions often keep the Referer back; the Origin header every
    browser sends with a form names this site as well. Another site's origin, or neither
    header, is refused with a message that says what to allow (not "your session ended"),
    and the form comes back as typed."""
    make.letter("carta")
    headers = {"X-Forwarded-For": "203.0.113.5", "X-Forwarded-Proto": "https", "Host": SITE}
    page = client.get("/fr/letters/carta", headers=headers, environ_base={"REMOTE_ADDR": PROXY})
    hidden = dict(HIDDEN.findall(page.text))

    def post(n: int, **more: str):  # noqa: ANN202
        return client.post(
            "/fr/letters/carta/sign",
            data={**form_data(contact_email=f"o{n}@example.org"), **hidden},
            headers={**headers, **more},
            environ_base={"REMOTE_ADDR": PROXY},
        )

    assert post(1, Origin=f"https://{SITE}").status_code == 302
    message = translated(
        "fr",
        "Nothing was sent, because your browser did not say that the form came from this site "
        "(it keeps back the “referrer” and “origin”), which this site checks to keep you safe. "
        "Allow your browser to send them to this site, then send the form again.",
    )
    for refused in (post(2, Origin="https://elsewhere.example"), post(3)):
        assert refused.status_code == 400
        assert message in refused.text and 'value="o' in refused.text
    assert stored_addresses() == ["203.0.113.5"]


def test_an_address_that_is_not_one_is_not_stored(client, make):
    """A proxy that passed on whatever the client sent could hand over any text: the sign-up
    goes through, without an address."""
    make.letter("carta")
    assert sign(client, 0, "not-an-address-" + "x" * 80).status_code == 302
    assert sign(client, 1, "2001:db8::1").status_code == 302
    assert stored_addresses() == [None, "2001:db8::1"]
