"""`campaign outbox worker` as deployed: a separate process on the test's database."""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from tests.conftest import ROOT
from tests.test_console_script import CAMPAIGN


@contextmanager
def outbox_worker(database_url: str, **settings: object) -> Iterator[subprocess.Popen[str]]:
    """The worker, with ``settings`` as CAMPAIGN_* variables (MAIL_PORT=…); its output is on
    its ``stdout`` (text). Killed when the block ends, if still running."""
    env = {**os.environ, "CAMPAIGN_DATABASE_URL": database_url}
    env |= {f"CAMPAIGN_{name}": str(value) for name, value in settings.items()}
    process = subprocess.Popen(
        [CAMPAIGN, "outbox", "worker", "--interval", "0.2"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield process
    finally:
        process.kill()
        process.communicate(timeout=30)


def wait_for(condition: Callable[[], object], seconds: float = 60) -> None:
    """Until ``condition()`` holds; fails after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
