"""The server's access log names the private pages a link opened, never the link's key."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request

from campaign.signatures import tokens
from tests.live import live_server


def test_a_signers_private_link_is_masked_in_the_access_log(app, make, caplog):
    letter = make.letter("carta")
    token = tokens.make(make.signature(letter, "Amnesty International"), tokens.EDIT)
    caplog.set_level(logging.INFO, logger="werkzeug")
    with live_server(app) as base:
        for path in (f"/fr/signatures/edit/{token}", f"/en/signatures/withdraw/{token}?x=1"):
            with urllib.request.urlopen(base + path) as response:
                assert response.status == 200
        try:
            urllib.request.urlopen(f"{base}/account/reset/{token}")
        except urllib.error.HTTPError as refused:
            assert refused.code == 404
    logged = caplog.text
    assert "GET /fr/signatures/edit/<token> HTTP/1.1" in logged
    assert "GET /en/signatures/withdraw/<token>?x=1 HTTP/1.1" in logged
    assert "GET /account/reset/<token> HTTP/1.1" in logged
    assert token not in logged
