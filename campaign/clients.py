"""Who a request comes from, as the rate limits and the burst flags count visitors."""

from __future__ import annotations

import ipaddress

from flask_limiter.util import get_remote_address


def network_of(address: str) -> str:
    """One visitor's share of the address space: an IPv4 address as it is (an IPv4 address
    written as IPv6 as that address), an IPv6 address by its /64. A home, office or phone
    connection is given a whole /64 and may use any address in it, so counting each address
    apart would let one visitor look like many. Anything else is returned as given."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        unscoped = ipaddress.IPv6Address(parsed.packed)
        return str(ipaddress.IPv6Network((unscoped, 64), strict=False))
    return str(parsed)


def network() -> str:
    """The rate limits' key for the client sending this request (see ``network_of``): a
    visitor who takes a new address of their connection at each request gains no bucket."""
    return network_of(get_remote_address())
