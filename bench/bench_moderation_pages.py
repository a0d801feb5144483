"""Staff pages of a letter with 5,000 signatories: the time a moderator waits for each.

    .venv/bin/python bench/bench_moderation_pages.py [--count 5000] [--views 10]

The letter's staff page (its readiness summary), the moderation queue and the duplicates page
all show what the matching engine finds in the whole list, which is clustered again after
any change to a name. The names are those of the public page's bench: numbered names in five
scripts ("Association pour la défense des droits 17", "Правозащитный центр 18"...), the shape
of a list of local groups or branches, which share every word but one. Requests go through
the whole app in-process, logged in as the letter's coordinator, on SQLite and PostgreSQL
(BENCH_PG_ADMIN_URL's server), after the warm-up wsgi.py does. For each backend it prints,
per page: the first view (the list clustered), warm views (p50), and the first view after
one more approval (clustered again). The queue is also shown whole, sorted by name (in the
letter page's collation order).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_letter_page import approve_one, prepare, run_backends, timed, views  # noqa: E402

PASSWORD = "bench-password-long-enough"
PAGES = {
    "letter's staff page": "/manage/letters/bench",
    "moderation queue": "/manage/letters/bench/moderation",
    "moderation queue, all by name": "/manage/letters/bench/moderation?status=all&sort=name",
    "duplicates": "/manage/letters/bench/moderation/duplicates",
}


def coordinator(app) -> None:  # noqa: ANN001
    """A staff account coordinating the bench letter."""
    from sqlalchemy import select

    from campaign.accounts.models import Role
    from campaign.accounts.services import create_user, grant
    from campaign.db import db
    from campaign.letters.models import Letter

    with app.app_context():
        letter = db.session.scalars(select(Letter).where(Letter.slug == "bench")).one()
        user = create_user(db.session, "bench@example.org", PASSWORD)
        grant(db.session, user, letter.id, Role.coordinator)
        db.session.commit()


def run(label: str, url: str, count: int, count_views: int) -> None:
    from campaign import create_app, warm_up

    prepare(url, count)
    app = create_app(
        {"DATABASE_URL": url, "SECRET_KEY": "bench-secret-" * 4, "WTF_CSRF_ENABLED": False}
    )
    coordinator(app)
    warm_up(app)  # as wsgi.py does before gunicorn forks
    client = app.test_client()
    login = client.post("/login", data={"email": "bench@example.org", "password": PASSWORD})
    assert login.status_code == 302, login.status_code
    for page, path in PAGES.items():
        first, _ = timed(client, path)
        print(f"{label:<11}{page + ', first view':<44}{first:8.1f} ms")
        print(f"{label:<11}{page + ', warm views':<44}{views(client, path, count_views)}")
    approve_one(app)
    for page, path in PAGES.items():
        again, _ = timed(client, path)
        print(f"{label:<11}{page + ', after one more approval':<44}{again:8.1f} ms")


if __name__ == "__main__":
    run_backends(run, __doc__.splitlines()[0], "moderation_bench", views=10)
