"""Bursts: which signatures of one source fall in a window holding enough of them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from campaign.moderation.bursts import Stamp, suspicious

START = datetime(2026, 11, 1, tzinfo=UTC)


def stamps(minutes: list[float], ip: str = "203.0.113.9", first_id: int = 1) -> list[Stamp]:
    return [
        Stamp(first_id + n, ip, None, START + timedelta(minutes=m)) for n, m in enumerate(minutes)
    ]


def test_only_signatures_inside_a_full_window_are_flagged():
    # A lone early one, five within ten minutes, a lone late one: only the five.
    wave = stamps([0, 100, 101, 103, 106, 109, 200])
    flagged = suspicious(wave, size=5, minutes=10)
    assert sorted(flagged) == [2, 3, 4, 5, 6]
    assert all(flags == ["burst_ip"] for flags in flagged.values())


def test_a_window_sliding_along_a_long_wave_flags_each_signature_once():
    minutes = [n * 3 for n in range(40)]  # one every three minutes: four per ten minutes
    assert suspicious(stamps(minutes), size=5, minutes=10) == {}
    assert sorted(suspicious(stamps(minutes), size=4, minutes=10)) == list(range(1, 41))


def test_an_imported_list_of_thousands_at_one_instant_is_one_burst():
    """An import (or a robot) writes thousands of rows at one time: each is flagged once,
    and the check stays linear in the list (the moderation pages run it on every view)."""
    wave = stamps([0.0] * 5000)
    flagged = suspicious(wave, size=20, minutes=10)
    assert len(flagged) == 5000 and all(flags == ["burst_ip"] for flags in flagged.values())


def test_addresses_of_one_ipv6_network_are_one_source_and_other_networks_are_not():
    """As the rate limits count visitors: a connection's /64 is one source, whichever of
    its addresses each sign-up came from; an IPv4 address written as IPv6 is that address."""
    one = [
        Stamp(n + 1, f"2001:db8:1:2::{n + 1:x}", None, START + timedelta(minutes=n))
        for n in range(5)
    ]
    assert sorted(suspicious(one, size=5, minutes=10)) == [1, 2, 3, 4, 5]
    apart = [
        Stamp(n + 1, f"2001:db8:1:{n}::1", None, START + timedelta(minutes=n)) for n in range(5)
    ]
    assert suspicious(apart, size=5, minutes=10) == {}
    mapped = stamps([0, 1, 2, 3], ip="203.0.113.9") + stamps(
        [4], ip="::ffff:203.0.113.9", first_id=5
    )
    assert sorted(suspicious(mapped, size=5, minutes=10)) == [1, 2, 3, 4, 5]
