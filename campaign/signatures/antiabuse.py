"""Brakes on automated sign-ups: rate-limit keys, the honeypot and the minimum fill time."""

from __future__ import annotations

import ipaddress
import logging

from flask import Response, current_app, request
from flask_limiter.util import get_remote_address

from campaign.clients import network
from campaign.extensions import limiter
from campaign.signatures import tokens
from campaign.signatures.forms import SignForm

log = logging.getLogger(__name__)


def per_address_limit() -> str:
    return str(current_app.config["SIGN_RATE_LIMIT"])


def per_letter_limit() -> str:
    return str(current_app.config["SIGN_LETTER_RATE_LIMIT"])


def address_and_letter() -> str:
    """Rate-limit key: one bucket per client address (an IPv6 one's /64) per letter."""
    return f"{network()}|{(request.view_args or {}).get('slug', '')}"


def letter_only() -> str:
    """Rate-limit key: one bucket per letter, all addresses together."""
    return f"letter|{(request.view_args or {}).get('slug', '')}"


def taken(response: Response) -> bool:
    """Whether a response counts toward the limits: only a submission the form took (its
    answer is the thanks page) does, so a signer correcting a few mistakes, or an office
    whose colleagues share one address, is not held back by forms sent back. (The limits
    are checked when a request comes and counted when it is answered, so requests sent all
    at once may pass together: at most as many as the server answers at a time.)"""
    return response.status_code == 302


# Decorators for every view that takes signatures: the letter page's form and the frame other
# sites embed draw on the same buckets, so a robot gains nothing by using both.
limit_per_address = limiter.shared_limit(
    per_address_limit, scope="sign-per-address", key_func=address_and_letter, deduct_when=taken
)
limit_per_letter = limiter.shared_limit(
    per_letter_limit, scope="sign-per-letter", key_func=letter_only, deduct_when=taken
)


def client_address() -> str | None:
    """The signer's IP address as stored for moderators, or None if what the server (or a
    misconfigured proxy) passed on is not an address. An IPv6 zone ("%eth0") is left out:
    it names an interface of the machine that saw the address, not the signer."""
    try:
        address = ipaddress.ip_address(get_remote_address())
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.scope_id:
        address = ipaddress.IPv6Address(address.packed)
    return str(address)


def caught_by_honeypot(form: SignForm) -> bool:
    """True if the hidden field a person never sees was filled in."""
    if form.homepage.data:
        log.info("honeypot filled from %s", get_remote_address())
        return True
    return False


def sent_too_fast(form: SignForm) -> bool:
    """True if the form came back sooner than a person could fill it (or its stamp is forged)."""
    elapsed = tokens.seconds_since_started(form.started.data)
    return elapsed is None or elapsed < int(current_app.config["SIGN_MIN_SECONDS"])
