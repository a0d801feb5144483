import subprocess
import sys
from pathlib import Path

import pytest

from campaign import create_app
from campaign.config import ConfigError, instance_secret
from tests.conftest import TEST_SECRET

ROOT = Path(__file__).resolve().parent.parent


def test_secret_is_generated_once_and_kept(tmp_path):
    first = instance_secret(tmp_path)
    assert len(first) >= 32
    assert instance_secret(tmp_path) == first
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


PRODUCTION = {
    "CAMPAIGN_ENV": "production",
    "CAMPAIGN_SECRET_KEY": TEST_SECRET,
    "CAMPAIGN_PUBLIC_BASE_URL": "https://letters.example.org",
    "CAMPAIGN_MAIL_SENDER": "letters@example.org",
}


def production(monkeypatch, **changes: str | None) -> None:
    """A production environment, with ``changes`` (None: the variable unset)."""
    for key, value in {**PRODUCTION, **changes}.items():
        if value is None:
            monkeypatch.delenv(key, raising=False)
        else:
            monkeypatch.setenv(key, value)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"CAMPAIGN_DEBUG": "1"}, "DEBUG"),
        ({"CAMPAIGN_SECRET_KEY": "changeme"}, "SECRET_KEY"),
        ({"CAMPAIGN_SECRET_KEY": None}, "SECRET_KEY"),
        ({"CAMPAIGN_PUBLIC_BASE_URL": None}, "PUBLIC_BASE_URL"),
        ({"CAMPAIGN_PUBLIC_BASE_URL": "http://letters.example.org"}, "PUBLIC_BASE_URL"),
        ({"CAMPAIGN_MAIL_SENDER": None}, "MAIL_SENDER"),
    ],
)
def test_production_refuses_unsafe_or_unfinished_settings(monkeypatch, changes, message):
    production(monkeypatch, **changes)
    with pytest.raises(ConfigError, match=message):
        create_app({"DATABASE_URL": "sqlite://"})


def test_production_cookies_are_secure(monkeypatch):
    production(monkeypatch)
    app = create_app({"DATABASE_URL": "sqlite://"})
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"


def test_database_url_comes_from_environment(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    monkeypatch.setenv("CAMPAIGN_DATABASE_URL", url)
    assert create_app({"SECRET_KEY": TEST_SECRET}).config["DATABASE_URL"] == url


def test_app_alone_maps_every_model(tmp_path):
    """wsgi.py builds the app without importing campaign.models: signing must still work."""
    code = (
        "from campaign import create_app\n"
        f"create_app({{'SECRET_KEY': '{TEST_SECRET}', 'DATABASE_URL': 'sqlite://'}})\n"
        "from sqlalchemy import create_engine\n"
        "from campaign.db import Base\n"
        "Base.metadata.create_all(create_engine('sqlite://'))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("value", "mode"),
    [(None, "background"), ("1", "background"), ("inline", "inline"), ("0", "off"), ("off", "off")],
)
def test_mail_is_sent_from_a_background_thread_unless_told_otherwise(monkeypatch, value, mode):
    monkeypatch.delenv("CAMPAIGN_MAIL_SEND_AFTER_REQUEST", raising=False)
    if value is not None:
        monkeypatch.setenv("CAMPAIGN_MAIL_SEND_AFTER_REQUEST", value)
    app = create_app({"DATABASE_URL": "sqlite://", "SECRET_KEY": TEST_SECRET})
    assert app.config["MAIL_SEND_AFTER_REQUEST"] == mode
