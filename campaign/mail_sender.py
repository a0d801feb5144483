"""Sending right after a request commits, without the request waiting for the SMTP server.

Each server process has one sender thread, started on first use (after the server forks its
workers). A request that committed hands the ids of the mail it queued to that thread and
answers at once; the thread sends them in batches through ``send_due``, which leases each
message, so the outbox worker never sends one twice. A slow or unreachable SMTP server only
delays mail: what the thread cannot send is backed off in the outbox, and what it had not
reached when its process stopped is still queued there; ``campaign outbox worker`` sends
both.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections.abc import Iterable

from flask import Flask

from campaign.db import db
from campaign.mail_delivery import send_due

log = logging.getLogger(__name__)

BATCH = 100
# Mail waits this long for more to join its batch: a busy server then opens one SMTP
# connection and commits a few times per batch rather than per message.
LINGER = 0.1
CAPACITY = 10_000  # ids waiting in memory; beyond that the outbox worker sends them


NICENESS = 10  # below the request threads: on a busy machine, sign-ups are answered first


def _lower_priority() -> None:
    """Let the OS run this thread after the server's others (Linux schedules threads apart)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), NICENESS)
    except (AttributeError, OSError):  # not Linux, or not allowed: run at normal priority
        log.debug("outbox sender runs at normal priority")


class BackgroundSender:
    def __init__(self, app: Flask) -> None:
        self.app = app
        self._guard = threading.Lock()
        self._pid: int | None = None
        self._ids: queue.Queue[int] = queue.Queue(CAPACITY)
        self.thread: threading.Thread | None = None  # this process's sender, once started

    def submit(self, ids: Iterable[int]) -> None:
        """Send these committed messages soon, from this process's sender thread."""
        self._running()
        for message_id in ids:
            try:
                self._ids.put_nowait(message_id)
            except queue.Full:
                log.warning("sender busy: outbox message %s is left to the worker", message_id)

    def wait_idle(self) -> None:
        """Block until everything submitted so far has been tried (for tests)."""
        self._ids.join()

    def _running(self) -> None:
        pid = os.getpid()
        if self._pid == pid:
            return
        with self._guard:
            if self._pid != pid:  # first use in this process, or a fork of the one that had it
                self._ids = queue.Queue(CAPACITY)
                name = f"outbox-sender-{pid}"
                self.thread = threading.Thread(
                    target=self._run, args=(self._ids,), name=name, daemon=True
                )
                self.thread.start()
                self._pid = pid

    def _run(self, ids: queue.Queue[int]) -> None:
        _lower_priority()
        while True:
            batch = [ids.get()]
            deadline = time.monotonic() + LINGER
            while len(batch) < BATCH:
                wait = deadline - time.monotonic()
                try:
                    batch.append(ids.get(timeout=wait) if wait > 0 else ids.get_nowait())
                except queue.Empty:
                    break
            try:
                with self.app.app_context():
                    send_due(db.session, ids=batch)
            except Exception:  # the thread must live on; the worker retries these
                log.exception("could not send outbox messages %s now", batch)
            finally:
                for _ in batch:
                    ids.task_done()
