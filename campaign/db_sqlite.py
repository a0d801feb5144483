"""SQLite writers take turns through a lock that wakes the next one at once.

SQLite lets one connection write at a time. The others get "busy", and its busy handler
sleeps 1, 2, 5, 10, 15, 20, 25… ms between tries, so under a burst of sign-ups a write can
wait tens of milliseconds for a lock that was free after one. Here a connection takes a
lock before its first write: a thread lock within the process, then an ``flock`` on a file
beside the database, shared by every process. It lets go when its transaction ends, and the
next writer wakes as soon as the lock is free. Reads take no lock (WAL mode lets them run
beside a writer).
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import threading
import weakref
from pathlib import Path
from typing import IO, Any

_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


class WriterLock:
    """One writing connection at a time: in this process, then across processes."""

    def __init__(self, path: Path, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._in_process = threading.Lock()
        self._file: IO[bytes] | None = None
        _LOCKS.add(self)

    def acquire(self) -> None:
        # A plain lock, held by the connection rather than the thread, so that a second
        # connection writing from the same thread fails after the timeout, as SQLite would.
        if not self._in_process.acquire(timeout=self.timeout):
            raise sqlite3.OperationalError("database is locked")
        try:
            if self._file is None:
                self._file = open(self.path, "a+b")  # noqa: SIM115 - kept open for flock
            fcntl.flock(self._file, fcntl.LOCK_EX)
        except BaseException:
            self._in_process.release()
            raise

    def release(self) -> None:
        if self._file is not None:
            fcntl.flock(self._file, fcntl.LOCK_UN)
        self._in_process.release()

    def _forked(self) -> None:
        """In a new child process (a server worker forked from a ``--preload`` master),
        before any of its threads runs: locks of its own. The parent's lock file stays the
        parent's (an ``flock`` belongs to the open file, which the child shares), and a lock
        the parent held at the fork is not the child's to release."""
        if self._file is not None:
            self._file.close()
            self._file = None
        self._in_process = threading.Lock()

    def __del__(self) -> None:
        if self._file is not None:
            self._file.close()


# Every writer lock of this process, made new in each forked child (see ``_forked``). Done
# at the fork rather than on a child's first write, which several threads may make at once.
_LOCKS: weakref.WeakSet[WriterLock] = weakref.WeakSet()


def _after_fork() -> None:
    for lock in list(_LOCKS):
        lock._forked()


os.register_at_fork(after_in_child=_after_fork)


class Connection(sqlite3.Connection):
    """A sqlite3 connection that holds ``writer_lock`` from its first write to its end."""

    writer_lock: WriterLock | None = None
    _holding = False

    def cursor(self, factory: Any = None) -> sqlite3.Cursor:
        return super().cursor(factory or Cursor)

    def commit(self) -> None:
        try:
            super().commit()
        finally:
            self._let_go()

    def rollback(self) -> None:
        try:
            super().rollback()
        finally:
            self._let_go()

    def close(self) -> None:
        try:
            super().close()
        finally:
            self._let_go()

    def _take(self) -> None:
        if not self._holding and self.writer_lock is not None:
            self.writer_lock.acquire()
            self._holding = True

    def _let_go(self) -> None:
        if self._holding:
            self._holding = False
            if self.writer_lock is not None:
                self.writer_lock.release()


class Cursor(sqlite3.Cursor):
    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        return self._writing(sql, super().execute, parameters)

    def executemany(self, sql: str, parameters: Any, /) -> sqlite3.Cursor:
        return self._writing(sql, super().executemany, parameters)

    def _writing(self, sql: str, run: Any, parameters: Any) -> sqlite3.Cursor:
        connection = self.connection
        if connection.in_transaction or not isinstance(connection, Connection):
            return run(sql, parameters)
        if not sql.lstrip()[:7].upper().startswith(_WRITES):
            return run(sql, parameters)
        connection._take()
        try:
            return run(sql, parameters)
        finally:
            if not connection.in_transaction:  # it failed before a transaction began
                connection._let_go()


def connect_args(database: str | None, timeout: float) -> dict[str, Any]:
    """``connect_args`` for a SQLite engine: our connection class, and a writer lock for a
    database file (an in-memory database is private to its connection and needs none)."""
    args: dict[str, Any] = {"timeout": timeout, "factory": Connection}
    if database and database != ":memory:" and not database.startswith("file:"):
        lock = WriterLock(Path(database + ".writelock"), timeout)
        args["factory"] = type("LockedConnection", (Connection,), {"writer_lock": lock})
    return args
