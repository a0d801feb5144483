"""Headless Chromium (Playwright) against the app served on loopback, with a real SMTP server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from tests.live import live_server
from tests.smtp import SmtpServer

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def config_overrides(smtp: SmtpServer) -> dict[str, object]:
    return {
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": smtp.port,
        "MAIL_TIMEOUT": 5,
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
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()
