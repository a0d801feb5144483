"""Who a request comes from, as the rate limits count visitors."""

from __future__ import annotations

import ipaddress

from flask_limiter.util import get_remote_address


def network() -> str:
    """The rate limits' key for the client: an IPv4 address as it is, an IPv6 address by its
    /64. A home, office or phone connection is given a whole /64 and may use any address in
    it, so counting each address apart would let one visitor take a new bucket at every
    request (and mail a stranger's address as often as they like)."""
    remote = get_remote_address()
    try:
        address = ipaddress.ip_address(remote)
    except ValueError:
        return remote
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        unscoped = ipaddress.IPv6Address(address.packed)
        return str(ipaddress.IPv6Network((unscoped, 64), strict=False))
    return str(address)
