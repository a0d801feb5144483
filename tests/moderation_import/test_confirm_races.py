"""What else may happen on a letter while an import into it is being confirmed: a second
confirmation waits for the first and then sees what it wrote; a sign-on goes through, and on
PostgreSQL does not even wait (the confirmation locks the letter FOR NO KEY UPDATE, which a
signature's foreign key check, FOR KEY SHARE, goes through).

The races are real: the first confirmation is held, its transaction open, just after it has
locked the letter and compared the list with its preview, until the other request has either
finished or is seen waiting for it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from sqlalchemy import event, select, text

from campaign.db import db
from campaign.moderation import import_services
from campaign.moderation.import_models import BatchStatus, ImportBatch
from campaign.signatures.models import SignatureStatus, Source
from tests.conftest import login
from tests.moderation_import.conftest import audit_actions, confirm, previewed, signatures
from tests.signatures.conftest import form_data

LIST = "1. Red Andina\n2. Zambia Legal Aid\n"
TIMEOUT = 30  # seconds; only reached when something is wrong
WRITES = ("INSERT", "UPDATE", "DELETE")
BLOCKED_BY = "SELECT EXISTS (SELECT FROM pg_stat_activity WHERE :pid = ANY(pg_blocking_pids(pid)))"


@pytest.fixture
def config_overrides(mail_settings):
    return {**mail_settings, "SIGN_MIN_SECONDS": 0}


class Held:
    """The first confirmation to compare its list with the letter's is held there, its
    transaction open, until ``release``; ``outcome`` tells what another request does then."""

    def __init__(self, backend: str) -> None:
        self.backend = backend
        self.holding = threading.Event()
        self.released = threading.Event()
        self.others_writing = threading.Event()
        self.thread: int | None = None
        self.pid: int | None = None

    def rematch(self, original, session, letter_id, rows):  # noqa: ANN001, ANN201
        fresh = original(session, letter_id, rows)
        if self.thread is None:
            self.thread = threading.get_ident()
            if self.backend == "postgresql":
                self.pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            self.holding.set()
            self.released.wait(TIMEOUT)
        return fresh

    def release(self) -> None:
        self.released.set()

    def seen(self, _conn, _cursor, statement: str, *_args: object) -> None:
        """SQLite: a write from another thread waits for the held one's writer lock."""
        if self.thread not in (None, threading.get_ident()) and statement.startswith(WRITES):
            self.others_writing.set()

    def waited_for(self) -> bool:
        """Whether another connection waits for the held transaction to end."""
        if self.backend == "sqlite":
            return self.others_writing.is_set()
        with db.engine.connect() as connection:
            return connection.scalar(text(BLOCKED_BY), {"pid": self.pid})

    def outcome(self, request: Future) -> str:
        """Whether ``request`` finished ("done") or waits for the held confirmation first."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if request.done():
                return "done"
            if self.waited_for():
                return "waiting"
            time.sleep(0.02)
        return "neither"


@contextmanager
def first_confirmation_held(monkeypatch, backend: str) -> Iterator[Held]:  # noqa: ANN001
    held = Held(backend)
    original = import_services.rematch
    monkeypatch.setattr(import_services, "rematch", lambda *args: held.rematch(original, *args))
    if backend == "sqlite":
        event.listen(db.engine, "before_cursor_execute", held.seen)
    try:
        yield held
    finally:
        held.release()
        if backend == "sqlite":
            event.remove(db.engine, "before_cursor_execute", held.seen)


@pytest.fixture
def tabs(app, client, coordinator):
    """Two logged-in pages of the coordinator, each sending its own requests."""
    second = app.test_client()
    for tab in (client, second):
        login(tab, coordinator.email)
    return client, second


def test_two_confirmations_of_one_list_at_once_import_it_once(monkeypatch, backend, letter, tabs):
    first_tab, second_tab = tabs
    first, second = (previewed(tab, letter, pasted=LIST) for tab in tabs)
    with ThreadPoolExecutor(2) as pool, first_confirmation_held(monkeypatch, backend) as held:
        applied = pool.submit(confirm, first_tab, letter, first)
        assert held.holding.wait(TIMEOUT)
        repeat = pool.submit(confirm, second_tab, letter, second)
        assert held.outcome(repeat) == "waiting", "the second went ahead beside the first"
        held.release()
        assert "2 entries imported." in applied.result(TIMEOUT)
        assert "The letter&#39;s list changed since this preview" in repeat.result(TIMEOUT)
    rows = signatures(letter)
    assert [(s.name, s.status) for s in rows] == [
        ("Red Andina", SignatureStatus.approved),
        ("Zambia Legal Aid", SignatureStatus.approved),
    ]
    assert audit_actions(letter) == ["import", "import", "import_batch"]
    statuses = dict(db.session.execute(select(ImportBatch.id, ImportBatch.status)).all())
    assert statuses == {first: BatchStatus.applied, second: BatchStatus.preview}


def test_a_sign_on_goes_through_while_an_import_is_being_confirmed(
    app, monkeypatch, backend, letter, client, login_as, coordinator
):
    """On PostgreSQL the sign-on does not wait for the import at all; SQLite has one writer
    at a time (campaign/db_sqlite.py), so there it waits its turn and then goes through."""
    batch = previewed(login_as(coordinator), letter, pasted=LIST)
    signer = app.test_client()
    with ThreadPoolExecutor(2) as pool, first_confirmation_held(monkeypatch, backend) as held:
        applied = pool.submit(confirm, client, letter, batch)
        assert held.holding.wait(TIMEOUT)
        signed = pool.submit(signer.post, f"/en/letters/{letter.slug}/sign", data=form_data())
        if backend == "postgresql":
            assert held.outcome(signed) == "done", "the sign-on waited for the import"
            assert signed.result().status_code == 302 and not applied.done()
        else:
            assert held.outcome(signed) == "waiting"
            assert not signed.done()  # it cannot write before the import ends
        held.release()
        assert "2 entries imported." in applied.result(TIMEOUT)
        assert signed.result(TIMEOUT).status_code == 302
    assert sorted((s.source, s.status) for s in signatures(letter)) == [
        (Source.imported, SignatureStatus.approved),
        (Source.imported, SignatureStatus.approved),
        (Source.web, SignatureStatus.pending),
    ]
