"""Signature POSTs per second and p50/p99 latency under gunicorn, on SQLite and PostgreSQL,
next to a bare Flask endpoint doing one INSERT, with load from a second process on loopback.

    .venv/bin/python bench/bench_signing.py [--seconds 15] [--workers 3] [--threads 4]
        [--clients 16] [--backends sqlite postgresql] [--endpoints bare sign]

The sign app runs as deployed (CSRF on, honeypot and fill-time checks on; SIGN_MIN_SECONDS=0
so the stamped form can be reused) except that rate limits are off and mail is left to the
outbox worker. "server CPU ms/req" is the user+system CPU of gunicorn's processes during the
measured run divided by the requests served: less noisy than req/s on a shared machine.

PostgreSQL is used if BENCH_PG_ADMIN_URL (default postgresql://postgres@127.0.0.1:5432/postgres)
is reachable; the bench database ``sign_bench`` is dropped and recreated there.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
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


def prepare(url: str) -> None:
    """A fresh migrated database with one open letter and the bare endpoint's table."""
    from sqlalchemy import text

    from bench.bench_apps import BENCH_SECRET
    from campaign import create_app
    from campaign.db import db, make_engine
    from campaign.dbcli import upgrade
    from campaign.letters import services

    if url.startswith("postgresql"):
        admin = make_engine(PG_ADMIN).execution_options(isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("DROP DATABASE IF EXISTS sign_bench"))
            connection.execute(text("CREATE DATABASE sign_bench"))
        admin.dispose()
    upgrade(url)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": BENCH_SECRET})
    with app.app_context():
        letter = services.create_letter(
            db.session, slug="bench", language="en", title="Bench letter", body="Text."
        )
        services.change_status(letter, services.LetterStatus.open)
        db.session.execute(
            text(
                "CREATE TABLE bench_bare (id SERIAL PRIMARY KEY, email TEXT)"
                if url.startswith("postgresql")
                else "CREATE TABLE bench_bare (id INTEGER PRIMARY KEY, email TEXT)"
            )
        )
        db.session.commit()
        db.engine.dispose()


def serve(url: str, factory: str, workers: int, threads: int) -> subprocess.Popen:
    env = {**os.environ, "BENCH_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
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
    connection.request("GET", "/en/letters/bench")
    response = connection.getresponse()
    page = response.read().decode()
    cookies = response.headers.get_all("Set-Cookie") or []
    cookie = "; ".join(c.split(";")[0] for c in cookies)
    hidden = dict(re.findall(r'name="(csrf_token|started)" type="hidden" value="([^"]+)"', page))
    return {"Cookie": cookie}, hidden


def load(path: str, seconds: float, threads: int) -> dict[str, float]:
    """Run in the load process: POST the sign-on form from many threads; report the figures."""
    from urllib.parse import urlencode

    latencies: list[float] = []
    errors = [0]
    deadline = [float("inf")]
    lock = threading.Lock()
    ready = threading.Barrier(threads + 1)

    def worker(n: int) -> None:
        headers, hidden = _session(path)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", PORT)
        mine, i = [], 0
        ready.wait()
        while time.perf_counter() < deadline[0]:
            i += 1
            body = urlencode(
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
            started = time.perf_counter()
            connection.request("POST", path, body, headers)
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
    begun = time.perf_counter()
    deadline[0] = begun + seconds
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


def measure(path: str, seconds: float, threads: int, server_pid: int) -> dict[str, float]:
    """Load from a second process, after a short warm-up; also the server's CPU per request."""
    script = str(Path(__file__).resolve())
    subprocess.run(
        [sys.executable, script, "--load", path, "--seconds", "2", "--clients", str(threads)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    cpu_before = server_cpu_seconds(server_pid)
    result = subprocess.run(
        [
            sys.executable,
            script,
            "--load",
            path,
            "--seconds",
            str(seconds),
            "--clients",
            str(threads),
        ],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    figures = json.loads(result.stdout)
    cpu = server_cpu_seconds(server_pid) - cpu_before
    figures["cpu_ms"] = 1000 * cpu / max(figures["requests"], 1)
    return figures


def run(args: argparse.Namespace) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    backends = {"sqlite": f"sqlite:///{OUT / 'bench.sqlite3'}", "postgresql": PG_BENCH}
    backends = {name: url for name, url in backends.items() if name in args.backends}
    print(
        f"gunicorn gthread, {args.workers} workers x {args.threads} threads; "
        f"load: {args.clients} client threads in a second process, {args.seconds:.0f} s"
    )
    print(
        f"{'backend':<11}{'endpoint':<9}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
        f"{'errors':>8}{'server CPU ms/req':>19}"
    )
    for name, url in backends.items():
        if name == "sqlite":
            Path(OUT / "bench.sqlite3").unlink(missing_ok=True)
        prepare(url)
        figures = {}
        endpoints = (("bare", "bare_app", "/bare"), ("sign", "sign_app", "/en/letters/bench/sign"))
        for label, factory, path in (e for e in endpoints if e[0] in args.endpoints):
            server = serve(url, factory, args.workers, args.threads)
            try:
                figures[label] = measure(path, args.seconds, args.clients, server.pid)
            finally:
                server.terminate()
                server.wait()
            f = figures[label]
            print(
                f"{name:<11}{label:<9}{f['per_second']:>8.0f}{f['p50_ms']:>9.1f}"
                f"{f['p99_ms']:>9.1f}{f['errors']:>8}{f['cpu_ms']:>19.2f}"
            )
        if len(figures) == 2:
            ratio = figures["sign"]["per_second"] / figures["bare"]["per_second"]
            print(f"{name:<11}sign/bare = {ratio:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--endpoints", nargs="+", default=["bare", "sign"])
    parser.add_argument("--load", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        print(json.dumps(load(args.load, args.seconds, args.clients)))
    else:
        run(args)


if __name__ == "__main__":
    main()
