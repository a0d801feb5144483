"""SQLite writers take turns through the writer lock: the next one goes as soon as the last
transaction ends (commit, rollback or a failed first write), in this process or another."""

from __future__ import annotations

import fcntl
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from campaign.db import make_engine

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'lock.sqlite3'}")
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE t (id INTEGER PRIMARY KEY, who TEXT UNIQUE)"))
    yield engine
    engine.dispose()


def write_in_thread(engine, who: str) -> tuple[threading.Thread, threading.Event]:
    """Insert and commit from another thread; the event is set once that has happened."""
    done = threading.Event()

    def run() -> None:
        with engine.begin() as connection:
            connection.execute(text("INSERT INTO t (who) VALUES (:who)"), {"who": who})
        done.set()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, done


def lock_is_held(engine) -> bool:
    """Whether some connection, in any process, holds the writer lock now."""
    with open(f"{engine.url.database}.writelock", "a+b") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        fcntl.flock(file, fcntl.LOCK_UN)
        return False


def rows(engine) -> list[str]:
    with engine.connect() as connection:
        return list(connection.scalars(text("SELECT who FROM t ORDER BY id")))


@pytest.mark.parametrize("end", ["commit", "rollback"])
def test_a_second_writer_waits_for_the_first_transaction_to_end(engine, end):
    first = engine.connect()
    assert not lock_is_held(engine)
    first.execute(text("INSERT INTO t (who) VALUES ('first')"))
    assert lock_is_held(engine)
    thread, done = write_in_thread(engine, "second")
    assert not done.wait(0.3)  # held back by the lock, without an error
    getattr(first, end)()
    thread.join(10)
    assert done.is_set() and not lock_is_held(engine)
    assert rows(engine) == (["first", "second"] if end == "commit" else ["second"])
    first.close()


def test_reads_do_not_wait_for_a_writer(engine):
    first = engine.connect()
    first.execute(text("INSERT INTO t (who) VALUES ('first')"))
    assert rows(engine) == [] and lock_is_held(engine)  # read at once, beside the writer
    first.commit()
    first.close()


def test_a_first_write_that_fails_lets_the_next_writer_go(engine):
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO t (who) VALUES ('taken')"))
    failing = engine.connect()
    with pytest.raises(IntegrityError):
        failing.execute(text("INSERT INTO t (who) VALUES ('taken')"))
    failing.rollback()
    assert not lock_is_held(engine)
    thread, done = write_in_thread(engine, "next")
    thread.join(10)
    assert done.is_set() and rows(engine) == ["taken", "next"]
    failing.close()


# The start of a script run by another Python process, on the database its argument names.
ENGINE_FROM_ARGV = (
    "import sys\n"
    "from sqlalchemy import text\n"
    "from campaign.db import make_engine\n"
    "engine = make_engine(sys.argv[1])\n"
)


def test_a_writer_in_another_process_is_waited_for(engine, tmp_path):
    """The lock is shared by processes (gunicorn's workers), not only threads."""
    script = (
        ENGINE_FROM_ARGV + "with engine.connect() as connection:\n"
        "    connection.execute(text(\"INSERT INTO t (who) VALUES ('other process')\"))\n"
        "    print('holding', flush=True)\n"
        "    sys.stdin.readline()\n"
        "    connection.commit()\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", script, str(engine.url)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline().strip() == "holding"
        assert lock_is_held(engine)
        thread, done = write_in_thread(engine, "this process")
        assert not done.wait(0.3)
        other.stdin.write("go\n")
        other.stdin.flush()
        thread.join(10)
        assert done.is_set()
    finally:
        other.stdin.close()
        other.wait(10)
        other.stdout.close()
    assert rows(engine) == ["other process", "this process"]


def test_threads_of_a_forked_worker_writing_at_once_take_turns(engine, tmp_path):
    """A server worker forked from a ``--preload`` master (which wrote before forking) gets
    a writer lock of its own; its threads' first writes, all at once, still take turns:
    none fails, none is lost."""
    script = (
        ENGINE_FROM_ARGV + "import os, threading\n"
        "sys.setswitchinterval(1e-6)  # threads change places as often as they can\n"
        "with engine.begin() as connection:\n"
        "    connection.execute(text(\"INSERT INTO t (who) VALUES ('master')\"))\n"
        "engine.dispose()  # as the app's warm-up does before the server forks\n"
        "for worker in range(10):\n"
        "    pid = os.fork()\n"
        "    if pid == 0:\n"
        "        failures = []\n"
        "        start = threading.Barrier(12)\n"
        "        def write(thread):\n"
        "            with engine.connect() as connection:\n"
        "                start.wait()  # all connected (15 at most): first writes at once\n"
        "                for n in range(10):\n"
        "                    try:\n"
        "                        connection.execute(text('INSERT INTO t (who) VALUES (:w)'),\n"
        "                                           {'w': f'{worker}-{thread}-{n}'})\n"
        "                        connection.commit()\n"
        "                    except Exception as error:\n"
        "                        failures.append(repr(error))\n"
        "                        connection.rollback()\n"
        "        threads = [threading.Thread(target=write, args=(i,)) for i in range(12)]\n"
        "        [t.start() for t in threads]\n"
        "        [t.join() for t in threads]\n"
        "        print(worker, failures[:2], flush=True)\n"
        "        os._exit(1 if failures else 0)\n"
        "    _, status = os.waitpid(pid, 0)\n"
        "    assert os.waitstatus_to_exitcode(status) == 0, f'worker {worker} failed'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(engine.url)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(rows(engine)) == 1 + 10 * 12 * 10
