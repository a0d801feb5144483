"""Per-address, per-letter rate limits on signing, with a friendly page."""

from __future__ import annotations

import pytest

from tests.signatures.conftest import form_data, signatures, too_many


@pytest.fixture
def config_overrides(mail_settings):
    return {
        **mail_settings,
        "SIGN_MIN_SECONDS": 0,
        "RATELIMIT_ENABLED": True,
        "SIGN_RATE_LIMIT": "2 per 5 minutes",
        "SIGN_LETTER_RATE_LIMIT": "5 per 5 minutes",
    }


def post(client, slug, n, address="127.0.0.1", **fields):
    data = form_data(**{"contact_email": f"a{n}@example.org", **fields})
    return client.post(f"/es/letters/{slug}/sign", data=data, environ_base={"REMOTE_ADDR": address})


def test_rate_limit_per_address_and_letter_gives_the_form_back_as_typed(client, make):
    letter, other = make.letter("carta"), make.letter("otra")
    assert [post(client, "carta", n).status_code for n in range(3)] == [302, 302, 429]
    limited = post(client, "carta", 9, name="Colectivo Río")
    assert limited.status_code == 429
    page = limited.get_data(as_text=True)
    assert too_many("es", limited, 300) in page  # "Espere 5 minutos…", or fewer
    assert 'value="Colectivo Río"' in page and 'value="a9@example.org"' in page
    assert post(client, "otra", 4).status_code == 302  # another letter, another bucket
    assert post(client, "carta", 5, address="10.0.0.2").status_code == 302  # another address
    assert letter.id != other.id


def test_letter_wide_limit_holds_back_many_addresses(client, make):
    make.letter("carta")
    codes = [post(client, "carta", n, address=f"10.0.0.{n}").status_code for n in range(6)]
    assert codes == [302, 302, 302, 302, 302, 429]


def test_only_submissions_taken_count_toward_the_limit(client, make):
    """A signer correcting mistakes is not held back: forms sent back cost nothing."""
    make.letter("carta")
    codes = [post(client, "carta", n, contact_email="not-an-address").status_code for n in range(4)]
    assert codes == [400] * 4
    assert [post(client, "carta", n).status_code for n in range(3)] == [302, 302, 429]
    assert len(signatures()) == 2


def test_addresses_of_one_ipv6_network_share_a_bucket(client, make):
    """A connection given an IPv6 /64 may send from any of its addresses: changing address
    at each submission gains nothing, while another network has a bucket of its own."""
    make.letter("carta")
    same = ["2001:db8:1:2::1", "2001:db8:1:2::a:2", "2001:db8:1:2:ffff:0:0:3%eth0"]
    assert [post(client, "carta", n, address=a).status_code for n, a in enumerate(same)] == [
        302,
        302,
        429,
    ]
    assert post(client, "carta", 3, address="2001:db8:1:3::1").status_code == 302
    # An IPv4 address written as IPv6 is the IPv4 address's own bucket.
    assert post(client, "carta", 4, address="::ffff:192.0.2.7").status_code == 302
    assert post(client, "carta", 5, address="192.0.2.7").status_code == 302
    assert post(client, "carta", 6, address="::ffff:192.0.2.7").status_code == 429
