"""Headless Chromium (Debian's package, driven by Playwright) against the app on loopback,
with a real SMTP server for the mail the pages send."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.live import live_server

CHROMIUM = os.environ.get("CAMPAIGN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def config_overrides(mail_settings: dict[str, object]) -> dict[str, object]:
    return {
        **mail_settings,
        "SIGN_MIN_SECONDS": 0,
        "WTF_CSRF_ENABLED": True,
    }


@pytest.fixture
def base_url(app) -> Iterator[str]:  # noqa: ANN001
    with live_server(app) as base:
        app.config["PUBLIC_BASE_URL"] = base
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/setup, which installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
