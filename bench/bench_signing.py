"""Signature POSTs per second and p50/p99 latency under gunicorn, on SQLite and PostgreSQL,
next to a bare Flask endpoint doing one INSERT, with load from a second process on loopback.

    .venv/bin/python bench/bench_signing.py [--seconds 15] [--workers 3] [--threads 4]
        [--clients 16] [--rate 300] [--open-clients 16] [--backends sqlite postgresql]
        [--endpoints bare sign] [--rounds 1] [--mail]

Three runs per backend, each on a fresh gunicorn: the bare endpoint and the sign-on form at
the most they can do (closed loop: ``--clients`` threads, each sending its next request when
the last is answered), then the sign-on form at a steady ``--rate`` (open loop: requests are
due at fixed intervals, and latency counts from when each was due, so having few client
threads does not hide a slow server: a request waiting for a free thread is late, and counted
so). More client threads mean more Python threads in the load process on the same two cores.
With ``--rounds N`` the closed-loop runs go round N times (bare, stack, sign, bare, …), so a
noisy neighbour slows every endpoint alike; each round's ratios are printed, then their median.

The sign app runs as deployed (CSRF on, honeypot and fill-time checks on; SIGN_MIN_SECONDS=0
so the stamped form can be reused) except that rate limits are off. Mail is left to the
outbox worker (not run), unless ``--mail``: then the sender threads of the web processes send
each confirmation, as deployed, to an SMTP server that accepts and drops everything (aiosmtpd's
Sink, in its own process, sharing the two cores), and the sign runs also report how much of
their mail was sent by the end of the run. "server CPU ms/req" is the user+system CPU of
gunicorn's processes during the measured run divided by the requests served: less noisy than
req/s on a shared machine.

PostgreSQL is used if BENCH_PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
is reachable; the bench database ``sign_bench`` is dropped and recreated there.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
PG_ADMIN = os.environ.get("BENCH_PG_ADMIN_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
PG_BENCH = PG_ADMIN.rsplit("/", 1)[0] + "/sign_bench"
PORT = int(os.environ.get("BENCH_PORT", "5091"))


def fresh_database(url: str) -> None:
    """Migrate a new database: the PostgreSQL one ``url`` names is dropped and made again on
    BENCH_PG_ADMIN_URL's server; a SQLite file is expected to be new."""
    from sqlalchemy import text

    from campaign.db import make_engine
    from campaign.dbcli import upgrade

    if url.startswith("postgresql"):
        name = url.rsplit("/", 1)[1]
        admin = make_engine(PG_ADMIN).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {name}"))
            connection.execute(text(f"CREATE DATABASE {name}"))
        admin.dispose()
    upgrade(url)


def open_letter(session):  # noqa: ANN001, ANN201
    """The open letter at /en/letters/bench that both benchmarks use."""
    from campaign.letters import services

    letter = services.create_letter(
        session, slug="bench", language="en", title="Bench letter", body="Text."
    )
    services.change_status(letter, services.LetterStatus.open)
    session.flush()
    return letter


def prepare(url: str) -> None:
    """A fresh migrated database with one open letter and the bare endpoint's table."""
    from sqlalchemy import text

    from bench.bench_apps import BENCH_SECRET, STACK_COLUMNS
    from campaign import create_app
    from campaign.db import db

    fresh_database(url)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": BENCH_SECRET})
    with app.app_context():
        open_letter(db.session)
        key = "id SERIAL PRIMARY KEY" if url.startswith("postgresql") else "id INTEGER PRIMARY KEY"
        stack_columns = ", ".join(
            f"{c} {'BOOLEAN' if c == 'consent_contact' else 'TEXT'}" for c in STACK_COLUMNS
        )
        for table in (
            f"bench_bare ({key}, email TEXT)",
            f"bench_stack ({key}, {stack_columns})",
            f"bench_stack_outbox ({key}, recipient TEXT, context TEXT)",
        ):
            db.session.execute(text(f"CREATE TABLE {table}"))
        db.session.commit()
        db.engine.dispose()


def serve(
    url: str, factory: str, workers: int, threads: int, mail_port: int | None = None
) -> subprocess.Popen:
    env = {**os.environ, "BENCH_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    if mail_port:
        env["BENCH_MAIL_PORT"] = str(mail_port)
    command = [
        str(ROOT / ".venv/bin/gunicorn"),
        "--preload",
        "-w",
        str(workers),
        "-k",
        "gthread",
        "--threads",
        str(threads),
        "-b",
        f"127.0.0.1:{PORT}",
        "--log-level",
        "warning",
        f"bench.bench_apps:{factory}()",
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    for _ in range(200):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=1)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("gunicorn did not start")


def _session(path: str) -> tuple[dict[str, str], dict[str, str]]:
    """Cookie and hidden fields from the letter page, so the real CSRF check runs."""
    if path == "/bare":
        return {}, {}
    connection = http.client.HTTPConnection("127.0.0.1", PORT)
    connection.request("GET", "/stack" if path == "/stack" else "/en/letters/bench")
    response = connection.getresponse()
    page = response.read().decode()
    cookies = response.headers.get_all("Set-Cookie") or []
    cookie = "; ".join(c.split(";")[0] for c in cookies)
    hidden = dict(re.findall(r'name="(csrf_token|started)" type="hidden" value="([^"]+)"', page))
    return {"Cookie": cookie}, hidden


def _body(n: int, i: int, hidden: dict[str, str]) -> str:
    from urllib.parse import urlencode

    return urlencode(
        {
            "kind": "organisation",
            "name": f"Bench Org {n}-{i}",
            "country": "FR",
            "org_type": "ngo",
            "ecosoc_status": "none",
            "contact_name": "Bench Contact",
            # One organisation per signer, each on its own domain, as on a real letter.
            "contact_email": f"contact@bench{n}-{i}-{time.time_ns()}.example",
            "language": "en",
            **hidden,
        }
    )


def load(path: str, seconds: float, threads: int, rate: float = 0) -> dict[str, float]:
    """Run in the load process: POST the sign-on form from many threads; report the figures.

    With ``rate`` 0 each thread sends its next request as soon as the last one is answered
    (closed loop: the most the server can do). With a ``rate``, requests are due at fixed
    intervals whatever the server does (open loop, as real visitors arrive), and a request's
    latency runs from when it was due, so a server that falls behind is not flattered.
    """
    latencies: list[float] = []
    errors = [0]
    deadline = [float("inf")]
    lock = threading.Lock()
    ready = threading.Barrier(threads + 1)
    go = threading.Event()
    clock = [0.0]
    due = iter(range(10**9))

    def worker(n: int) -> None:
        headers, hidden = _session(path)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", PORT)
        mine, i = [], 0
        ready.wait()
        go.wait()
        while True:
            i += 1
            if rate:
                with lock:
                    started = clock[0] + next(due) / rate
                if started >= deadline[0]:
                    break
                time.sleep(max(0.0, started - time.perf_counter()))
            else:
                started = time.perf_counter()
                if started >= deadline[0]:
                    break
            connection.request("POST", path, _body(n, i, hidden), headers)
            response = connection.getresponse()
            response.read()
            mine.append(time.perf_counter() - started)
            if response.status != 302:
                errors[0] += 1
        with lock:
            latencies.extend(mine)

    pool = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in pool:
        thread.start()
    ready.wait()  # every client has its session: start the clock
    begun = clock[0] = time.perf_counter()
    deadline[0] = begun + seconds
    go.set()
    for thread in pool:
        thread.join()
    elapsed = time.perf_counter() - begun
    latencies.sort()
    return {
        "requests": len(latencies),
        "errors": errors[0],
        "per_second": len(latencies) / elapsed,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
    }


def server_cpu_seconds(pid: int) -> float:
    """User + system CPU of gunicorn's master and workers so far (Linux /proc)."""
    ticks = os.sysconf("SC_CLK_TCK")
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    total = 0.0
    for process in [str(pid), *children]:
        fields = Path(f"/proc/{process}/stat").read_text().rsplit(")", 1)[1].split()
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def _load_process(path: str, seconds: float, threads: int, rate: float) -> dict[str, float]:
    command = [sys.executable, str(Path(__file__).resolve()), "--load", path]
    command += ["--seconds", str(seconds), "--clients", str(threads), "--rate", str(rate)]
    result = subprocess.run(command, check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(result.stdout)


def smtp_sink(port: int) -> subprocess.Popen:
    """An SMTP server on loopback that accepts every message and keeps nothing."""
    command = [sys.executable, "-m", "aiosmtpd", "-n", "-c", "aiosmtpd.handlers.Sink"]
    process = subprocess.Popen([*command, "-l", f"127.0.0.1:{port}"])
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process
        except OSError:
            time.sleep(0.1)
    process.terminate()
    raise RuntimeError("the SMTP sink did not start")


def mail_sent(url: str) -> tuple[int, int]:
    """(sent, all) outbox messages: how far the sender threads kept up."""
    from sqlalchemy import text

    from campaign.db import make_engine

    engine = make_engine(url)
    with engine.connect() as connection:
        row = connection.execute(
            text(
                "SELECT SUM(CASE WHEN status = 'sent' THEN 1 ELSE 0 END), COUNT(*)"
                " FROM outbox_messages"
            )
        ).one()
    engine.dispose()
    return int(row[0] or 0), int(row[1])


def _cpu_ticks() -> tuple[int, int]:
    """(all, stolen) CPU ticks of the machine so far: a virtual machine's neighbours show as
    stolen time, and a run with much of it is not worth comparing."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(fields[:8]), fields[7]


def measure(
    path: str, seconds: float, threads: int, server_pid: int, rate: float = 0
) -> dict[str, float]:
    """Load from a second process, after a short warm-up; also the server's CPU per request
    and the share of the machine's CPU time stolen by the host meanwhile."""
    _load_process(path, 2, threads, rate)
    cpu_before, ticks_before = server_cpu_seconds(server_pid), _cpu_ticks()
    figures = _load_process(path, seconds, threads, rate)
    cpu = server_cpu_seconds(server_pid) - cpu_before
    ticks = [after - before for after, before in zip(_cpu_ticks(), ticks_before, strict=True)]
    figures["cpu_ms"] = 1000 * cpu / max(figures["requests"], 1)
    figures["steal"] = 100 * ticks[1] / max(ticks[0], 1)
    return figures


def run(args: argparse.Namespace) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    backends = {"sqlite": f"sqlite:///{OUT / 'bench.sqlite3'}", "postgresql": PG_BENCH}
    backends = {name: url for name, url in backends.items() if name in args.backends}
    print(
        f"gunicorn gthread, {args.workers} workers x {args.threads} threads, --preload; "
        f"load from a second process, {args.seconds:.0f} s per run: "
        f"closed loop with {args.clients} client threads, "
        f"then open loop at {args.rate:.0f}/s ({args.open_clients} client threads)"
    )
    print(
        f"{'backend':<11}{'endpoint':<9}{'load':<12}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}{'server CPU ms/req':>19}{'steal %':>9}"
    )
    sign_path = "/en/letters/bench/sign"
    runs = [
        ("bare", "bare_app", "/bare", 0.0),
        ("stack", "stack_app", "/stack", 0.0),
        ("sign", "sign_app", sign_path, 0.0),
    ]
    if args.rate:
        runs.append(("sign", "sign_app", sign_path, args.rate))
    mail_port = PORT + 1 if args.mail else None
    sink = smtp_sink(mail_port) if mail_port else None
    try:
        for name, url in backends.items():
            _backend(args, name, url, runs, mail_port)
    finally:
        if sink is not None:
            sink.terminate()
            sink.wait()


def _backend(
    args: argparse.Namespace,
    name: str,
    url: str,
    runs: list[tuple[str, str, str, float]],
    mail_port: int | None,
) -> None:
    if name == "sqlite":
        Path(OUT / "bench.sqlite3").unlink(missing_ok=True)
    prepare(url)
    closed = [r for r in runs if r[0] in args.endpoints and not r[3]]
    steady = [r for r in runs if r[0] in args.endpoints and r[3]]
    ratios: dict[str, list[float]] = {"stack": [], "sign": []}
    for _round in range(args.rounds):
        figures = {}
        for label, factory, path, rate in closed + (steady if _round == 0 else []):
            figures[label, rate] = _one_run(args, name, url, label, factory, path, rate, mail_port)
        for label, found in ratios.items():
            if ("bare", 0.0) in figures and (label, 0.0) in figures:
                found.append(figures[label, 0.0]["per_second"] / figures["bare", 0.0]["per_second"])
                print(f"{name:<11}{label}/bare (max) = {found[-1]:.2f}")
    if args.rounds > 1:
        for label, found in ratios.items():
            if found:
                listed = ", ".join(f"{r:.2f}" for r in found)
                print(
                    f"{name:<11}{label}/bare (max), median of {len(found)}: "
                    f"{statistics.median(found):.2f} ({listed})"
                )


def _one_run(
    args: argparse.Namespace,
    name: str,
    url: str,
    label: str,
    factory: str,
    path: str,
    rate: float,
    mail_port: int | None,
) -> dict[str, float]:
    """One endpoint on a fresh gunicorn: its figures, printed as a line of the table."""
    server = serve(url, factory, args.workers, args.threads, mail_port)
    clients = args.open_clients if rate else args.clients
    try:
        sent_before = mail_sent(url) if mail_port and label == "sign" else None
        f = measure(path, args.seconds, clients, server.pid, rate)
    finally:
        server.terminate()
        server.wait()
    mode = f"{rate:.0f}/s" if rate else "max"
    line = (
        f"{name:<11}{label:<9}{mode:<12}{f['per_second']:>8.0f}{f['p50_ms']:>9.1f}"
        f"{f['p99_ms']:>9.1f}{f['errors']:>8}{f['cpu_ms']:>19.2f}{f['steal']:>9.1f}"
    )
    if sent_before is not None:
        sent, queued = (a - b for a, b in zip(mail_sent(url), sent_before, strict=True))
        line += f"   mail sent {sent}/{queued}"
    print(line, flush=True)
    return f


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--endpoints", nargs="+", default=["bare", "stack", "sign"])
    parser.add_argument("--rate", type=float, default=300, help="open-loop rate (0: none)")
    parser.add_argument("--open-clients", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=1, help="closed-loop rounds (median)")
    parser.add_argument(
        "--mail", action="store_true", help="web processes send each confirmation, as deployed"
    )
    parser.add_argument("--load", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        print(json.dumps(load(args.load, args.seconds, args.clients, args.rate)))
    else:
        run(args)


if __name__ == "__main__":
    main()
