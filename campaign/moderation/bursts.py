"""Suspicious bursts: many signatures from one source in a short time.

A burst is ``size`` or more signatures sharing an IP address (an IPv6 one's /64, as the rate
limits count it), or sharing an organisation's email domain, whose creation times fit in a
window of ``minutes``. Free-mail domains
(gmail.com…) are left out of the domain rule: many unrelated organisations use them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple

from campaign.clients import network_of
from campaign.matching.domains import email_domain


class Stamp(NamedTuple):
    id: int
    ip: str | None
    email: str | None
    created_at: datetime


def _in_bursts(stamps: list[Stamp], size: int, window: timedelta) -> set[int]:
    """Ids of ``stamps`` (one source, sorted by time) inside any window holding ``size``+."""
    found: set[int] = set()
    start = marked = 0  # stamps before ``marked`` are in ``found`` already
    for end, stamp in enumerate(stamps):
        while stamp.created_at - stamps[start].created_at > window:
            start += 1
        if end - start + 1 >= size:
            found.update(s.id for s in stamps[max(start, marked) : end + 1])
            marked = end + 1  # each stamp added once: a wave of thousands stays linear
    return found


def suspicious(stamps: Iterable[Stamp], size: int, minutes: int) -> dict[int, list[str]]:
    """Burst flags (``burst_ip``, ``burst_domain``) per signature id."""
    by_source: dict[tuple[str, str], list[Stamp]] = defaultdict(list)
    for stamp in stamps:
        if stamp.ip:
            by_source[("burst_ip", network_of(stamp.ip))].append(stamp)
        if domain := email_domain(stamp.email or ""):
            by_source[("burst_domain", domain)].append(stamp)
    flags: dict[int, list[str]] = defaultdict(list)
    window = timedelta(minutes=minutes)
    for (flag, _source), group in by_source.items():
        if len(group) >= size:
            for sid in _in_bursts(sorted(group, key=lambda s: s.created_at), size, window):
                flags[sid].append(flag)
    return dict(flags)
