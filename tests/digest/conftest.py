"""Digest fixtures: a real SMTP server and a letter with staff in three languages."""

from __future__ import annotations

import pytest


@pytest.fixture
def config_overrides(mail_settings: dict[str, object]) -> dict[str, object]:
    return mail_settings
