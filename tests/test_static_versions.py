"""Static files: pages link them with a version, which browsers keep for a year; the
fixed addresses other sites load (embed.js) keep revalidating."""

from __future__ import annotations

import hashlib
import re

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
