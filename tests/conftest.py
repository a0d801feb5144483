"""Test harness: a migrated database per backend, a fresh app per test, tables emptied after.

SQLite always; PostgreSQL too when CAMPAIGN_TEST_DATABASE_URL is set (CI sets it, and the run
fails if that server cannot be reached). Tests commit for real, so threads, subprocesses and
the browser see the same data; each test ends by emptying every table.
"""

from __future__ import annotations

import contextvars
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner
from sqlalchemy import text

from campaign import create_app
from campaign.db import db, make_engine
from campaign.dbcli import upgrade
from campaign.models import Base
from tests import factories
from tests.smtp import SmtpServer

PG_URL = os.environ.get("CAMPAIGN_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
TEST_SECRET = "test-secret-key-that-is-long-enough-for-production-0123"


def private_schema_url(url: str) -> str:
    """Give this test run its own schema in the PostgreSQL database, so runs never collide."""
    schema = f"test_run_{os.getpid()}"
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def drop_private_schema(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS test_run_{os.getpid()} CASCADE"))
    engine.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database migrated to the latest revision, shared by the whole session."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    else:
        url = private_schema_url(str(PG_URL))
    upgrade(url)
    yield url
    if request.param == "postgresql":
        drop_private_schema(str(PG_URL))


def empty_tables(url: str) -> None:
    engine = make_engine(url)
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as conn:
        if url.startswith("postgresql"):
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                conn.execute(text(f"DELETE FROM {table}"))
    engine.dispose()


def test_config(database_url: str, **overrides: object) -> dict[str, object]:
    return {
        "TESTING": True,
        "SECRET_KEY": TEST_SECRET,
        "DATABASE_URL": database_url,
        "WTF_CSRF_ENABLED": False,
        "RATELIMIT_ENABLED": False,
        "MAIL_SUPPRESS_SEND": False,
        # Sent before the response, so a test reads the inbox right after a request; the
        # default, a sender thread, has its own tests (tests/signatures/test_outbox.py).
        "MAIL_SEND_AFTER_REQUEST": "inline",
        # Nothing listens on the discard port: a test's mail never reaches an SMTP server a
        # developer runs beside the tests (the demo's, on 8025), unless the test sends it to
        # its own (``mail_settings``).
        "MAIL_SERVER": "127.0.0.1",
        "MAIL_PORT": 9,
        "PUBLIC_BASE_URL": "http://localhost",
        "SERVER_NAME": None,
        # Its own, so no test reads a public PDF an earlier test or run left in the cache.
        "EXPORT_CACHE_DIR": tempfile.mkdtemp(prefix="campaign-test-exports-"),
        **overrides,
    }


test_config.__test__ = False  # type: ignore[attr-defined]


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    """A real SMTP server on loopback that keeps what it receives."""
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def mail_settings(smtp: SmtpServer) -> dict[str, object]:
    """Settings that send the app's mail to ``smtp``."""
    return {"MAIL_SERVER": "127.0.0.1", "MAIL_PORT": smtp.port, "MAIL_TIMEOUT": 5}


@pytest.fixture
def config_overrides() -> dict[str, object]:
    """Override in a test module (or via indirect parametrisation) to change settings."""
    return {}


@pytest.fixture
def app(database_url: str, config_overrides: dict[str, object]) -> Iterator[Flask]:
    app = create_app(test_config(database_url, **config_overrides))
    with app.app_context():
        yield app
        db.session.close()
        db.engine.dispose()
    empty_tables(database_url)


class IsolatedClient(FlaskClient):
    """Runs each request outside the test's app context, so it gets its own ``g`` and
    database session exactly as in production, instead of sharing the test's."""

    def open(self, *args: Any, **kwargs: Any) -> Any:
        return contextvars.Context().run(super().open, *args, **kwargs)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    app.test_client_class = IsolatedClient
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture
def make(app: Flask) -> factories.Factory:
    """Factories that write committed test objects."""
    return factories.Factory(db.session)


@pytest.fixture
def backend(database_url: str) -> str:
    return "postgresql" if database_url.startswith("postgresql") else "sqlite"


def login(client: FlaskClient, email: str, password: str = factories.PASSWORD) -> None:
    response = client.post("/login", data={"email": email, "password": password})
    assert response.status_code == 302, response.data[:500]


@pytest.fixture
def login_as(client: FlaskClient):  # noqa: ANN201 - a callable
    def _login(user: object) -> FlaskClient:
        login(client, user.email)  # type: ignore[attr-defined]
        return client

    return _login


ROOT = Path(__file__).resolve().parent.parent
