"""Digest fixtures: a real SMTP server and a letter with staff in three languages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.smtp import SmtpServer


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def config_overrides(smtp: SmtpServer) -> dict[str, object]:
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp.port, "MAIL_TIMEOUT": 5}
