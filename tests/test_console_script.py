"""The `campaign` console script as a new user runs it: separate processes, a fresh database."""

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

CAMPAIGN = str(Path(sys.executable).with_name("campaign"))


def run(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CAMPAIGN, *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_upgrade_demo_and_export_from_a_fresh_database(tmp_path):
    env = {**os.environ, "CAMPAIGN_DATABASE_URL": f"sqlite:///{tmp_path / 'fresh.sqlite3'}"}
    for args in (["db", "upgrade"], ["demo"], ["demo"]):
        result = run(*args, env=env)
        assert result.returncode == 0, result.stderr[-2000:]
    assert "/en/letters/demo" in result.stdout
    output = tmp_path / "list.txt"
    result = run("export", "demo", "--format", "txt", "--output", str(output), env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = output.read_text(encoding="utf-8").splitlines()
    assert (
        "1. Albergue Solidario (Spain)" in lines
        and "5. Zentrum für Menschenrechte (Germany)" in lines
    )


def test_help_lists_every_command_group():
    result = run("--help", env=dict(os.environ))
    for command in ("db", "users", "demo", "dedupe", "export", "outbox", "translations"):
        assert f"  {command} " in result.stdout


def test_settings_refused_in_production_are_said_in_one_line(tmp_path):
    env = {
        **os.environ,
        "CAMPAIGN_ENV": "production",
        "CAMPAIGN_DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }
    env.pop("CAMPAIGN_SECRET_KEY", None)
    result = run("outbox", "status", env=env)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "Error: Set CAMPAIGN_SECRET_KEY to a random value of 32+ characters."
    )
