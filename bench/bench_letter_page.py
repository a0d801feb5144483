"""The public letter page with 5,000 signatories: time per view, and bytes on the wire.

    .venv/bin/python bench/bench_letter_page.py [--count 5000] [--views 50]

Requests go through the whole app in-process (routing, queries, templates), on SQLite and
on PostgreSQL (BENCH_PG_ADMIN_URL's server; the database ``page_bench`` is made afresh).
Names mix Latin, Greek, Cyrillic, Arabic and CJK (the PDF bench's patterns); one in 25 signs
as an individual. For each backend it prints:

- the warm-up at start, as wsgi.py does it before gunicorn forks (collation table, menus,
  and the open letter's list: every name's collation key computed),
- the first view after that start (the list's markup rendered once per language and order),
- warm views in English and Arabic (p50 and p99), and grouped by country,
- the first view after one more signature is approved (the list rebuilt, known keys kept),
- the page's size, and what is sent to a browser that accepts gzip (every view here does).
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_pdf import PATTERNS  # noqa: E402
from bench.bench_signing import PG_ADMIN, fresh_database, open_letter  # noqa: E402

COUNTRIES = ["FR", "ES", "MA", "LB", "GR", "RU", "CN", "BR", "SN", "", "TR", "MX"]


def prepare(url: str, count: int) -> None:
    """A fresh database with one open letter signed by ``count`` approved signatories."""
    from sqlalchemy import insert

    from campaign import create_app
    from campaign.db import db, utcnow
    from campaign.signatures.keys import name_key
    from campaign.signatures.models import Signature, SignatureStatus, SignerKind

    fresh_database(url)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench-secret-" * 4})
    with app.app_context():
        letter = open_letter(db.session)
        now = utcnow()
        rows = []
        for n in range(count):
            name = PATTERNS[n % len(PATTERNS)].format(n=n)
            individual = n % 25 == 0
            rows.append(
                {
                    "letter_id": letter.id,
                    "name": name,
                    "submitted_name": name,
                    "name_key": name_key(name),
                    "kind": SignerKind.individual if individual else SignerKind.organisation,
                    "status": SignatureStatus.approved,
                    "country": COUNTRIES[n % len(COUNTRIES)] or None,
                    "contact_email": f"c{n}@example.org",
                    "email_key": f"c{n}@example.org",
                    "contact_name": "Contact",
                    "approved_at": now,
                }
            )
        db.session.execute(insert(Signature), rows)
        db.session.commit()
        db.engine.dispose()


def timed(client, path: str) -> tuple[float, bytes]:  # noqa: ANN001
    """Milliseconds for one view as a browser asks for it (gzip accepted), and its bytes."""
    start = time.perf_counter()
    response = client.get(path, headers={"Accept-Encoding": "gzip"})
    elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (path, response.status_code)
    return elapsed, response.get_data()


def views(client, path: str, count: int) -> str:  # noqa: ANN001
    times = sorted(timed(client, path)[0] for _ in range(count))
    p99 = times[min(len(times) - 1, round(len(times) * 0.99))]
    return f"p50 {statistics.median(times):6.1f} ms, p99 {p99:6.1f} ms"


def approve_one(app) -> None:  # noqa: ANN001
    from sqlalchemy import select

    from campaign.db import db, utcnow
    from campaign.signatures.models import Signature, SignatureStatus

    with app.app_context():
        signature = db.session.scalars(select(Signature).limit(1)).one()
        copy = Signature(
            letter_id=signature.letter_id,
            name="Àltera Asociación",
            submitted_name="Àltera Asociación",
            name_key="altera asociacion",
            status=SignatureStatus.approved,
            country="ES",
            contact_email="late@example.org",
            email_key="late@example.org",
            approved_at=utcnow(),
        )
        db.session.add(copy)
        db.session.commit()


def run(label: str, url: str, count: int, count_views: int) -> None:
    from campaign import create_app, warm_up

    prepare(url, count)
    app = create_app({"DATABASE_URL": url, "SECRET_KEY": "bench-secret-" * 4})
    started = time.perf_counter()
    warm_up(app)  # as wsgi.py does before gunicorn forks
    warming = 1000 * (time.perf_counter() - started)
    print(f"{label:<11}{f'warm-up at start ({count} names)':<40}{warming:7.1f} ms")
    client = app.test_client()
    client.get("/healthz")
    first, page = timed(client, "/en/letters/bench")
    print(f"{label:<11}{'first view after start':<40}{first:7.1f} ms")
    for lang in ("en", "ar"):
        figures = views(client, f"/{lang}/letters/bench", count_views)
        print(f"{label:<11}{f'warm views, {lang}':<40}{figures}")
    figures = views(client, "/fr/letters/bench?by=country", count_views)
    print(f"{label:<11}{'warm views, grouped by country':<40}{figures}")
    approve_one(app)
    rebuilt, _ = timed(client, "/en/letters/bench")  # a warm page: only the list moved
    print(f"{label:<11}{'first view after one more approval':<40}{rebuilt:7.1f} ms")
    size = len(gzip.decompress(page))
    print(f"{label:<11}page size {size / 1024:.0f} KiB, sent gzipped: {len(page) / 1024:.0f} KiB")


def run_backends(run_one, description: str, database: str, views: int) -> None:  # noqa: ANN001
    """Parse --count, --views and --backends, then ``run_one(label, url, count, views)`` on
    each backend, in a fresh database named ``database``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--views", type=int, default=views)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        urls = {
            "sqlite": f"sqlite:///{folder}/{database}.sqlite3",
            "postgresql": PG_ADMIN.rsplit("/", 1)[0] + f"/{database}",
        }
        for name in args.backends:
            run_one(name, urls[name], args.count, args.views)


if __name__ == "__main__":
    run_backends(run, __doc__.splitlines()[0], "page_bench", views=50)
