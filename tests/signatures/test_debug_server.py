"""The demo's mail: `campaign outbox debug-server`, a separate process, prints each message
readably (subject and text decoded), so a new user can follow the confirmation link."""

from __future__ import annotations

import queue
import subprocess
import threading
import time

import pytest

from campaign.signatures.models import SignatureStatus
from tests.conftest import ROOT
from tests.i18n import translated
from tests.signatures.conftest import confirm, signatures
from tests.smtp import free_port
from tests.test_console_script import CAMPAIGN

PORT = free_port()
TITLE = "Protéger l’espace civique : lettre conjointe"


@pytest.fixture
def debug_server():  # noqa: ANN201
    server = subprocess.Popen(
        [CAMPAIGN, "outbox", "debug-server", "--port", str(PORT)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put(line) for line in server.stdout], daemon=True
    ).start()
    try:
        first = lines.get(timeout=60)
        assert "debug SMTP server" in first, first
        yield lines
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stdout.close()


@pytest.fixture
def config_overrides() -> dict[str, object]:
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": PORT, "SIGN_MIN_SECONDS": 0}


def printed_message(lines: queue.Queue[str]) -> str:
    """The next message the server prints, between its two rules of '='."""
    text, rules, deadline = [], 0, time.monotonic() + 30
    while rules < 2:
        line = lines.get(timeout=max(deadline - time.monotonic(), 0.1))
        rules += line.startswith("=" * 72)
        text.append(line)
    return "".join(text)


def test_french_confirmation_is_printed_readably_and_its_link_confirms(
    debug_server, make, sign, client
):
    letter = make.letter("demo", texts={"fr": (TITLE, "…")}, language="fr")
    sign(letter, lang="fr", language="fr", contact_email="marie@asso.example.org")
    printed = printed_message(debug_server)
    assert "To: marie@asso.example.org" in printed
    subject = translated(
        "fr", "Please confirm your signature: %(title)s", escape=False, title=TITLE
    )
    assert f"Subject: {subject}\n" in printed
    assert translated("fr", "Hello,", escape=False) in printed
    [link] = [w for w in printed.split() if "/fr/signatures/confirm/" in w]
    assert confirm(client, link).status_code == 200
    assert signatures()[0].status is not SignatureStatus.pending
