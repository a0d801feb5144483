"""Static files: pages link them with a version, which browsers keep for a year; the
fixed addresses other sites load (embed.js) keep revalidating."""

from __future__ import annotations

import gzip
import hashlib
import re

import brotli

from tests.conftest import ROOT

LONG = "public, max-age=31536000, immutable"


def test_pages_link_static_files_by_a_version_of_their_content(client):
    page = client.get("/en/").get_data(as_text=True)
    [link] = re.findall(r'href="(/static/campaign\.css[^"]*)"', page)
    content = (ROOT / "static" / "campaign.css").read_bytes()
    assert link == f"/static/campaign.css?v={hashlib.sha256(content).hexdigest()[:12]}"
    with client.get(link) as response:
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == LONG


def test_unversioned_or_stale_addresses_keep_revalidating(client):
    for address in ("/static/embed.js", "/static/campaign.css?v=0123456789ab"):
        with client.get(address) as response:
            assert response.status_code == 200
            assert "immutable" not in response.headers["Cache-Control"]
            assert "no-cache" in response.headers["Cache-Control"]


def test_style_sheets_and_scripts_go_compressed_to_browsers_that_accept_it(client):
    """As pages do (README, "Production"): Flask-Compress alone leaves streamed files as
    they are."""
    page = client.get("/en/").get_data(as_text=True)
    [css] = re.findall(r'href="(/static/campaign\.css[^"]*)"', page)
    for address, name in ((css, "campaign.css"), ("/static/embed.js", "embed.js")):
        content = (ROOT / "static" / name).read_bytes()
        for encoding, unpack in (("gzip", gzip.decompress), ("br", brotli.decompress)):
            with client.get(address, headers={"Accept-Encoding": encoding}) as response:
                assert response.status_code == 200
                assert response.headers["Content-Encoding"] == encoding
                assert "Accept-Encoding" in response.headers["Vary"]
                body = response.get_data()
                assert int(response.headers["Content-Length"]) == len(body) < len(content)
                assert unpack(body) == content
            # A revalidation of the compressed copy is answered "not modified".
            etag = response.headers["ETag"]
            with client.get(
                address, headers={"Accept-Encoding": encoding, "If-None-Match": etag}
            ) as again:
                assert again.status_code == 304
        with client.get(address) as plain:
            assert "Content-Encoding" not in plain.headers
            assert plain.get_data() == content
