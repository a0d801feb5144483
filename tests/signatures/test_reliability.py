"""Nothing lost or doubled under concurrency, and nothing half-written when the database fails."""

from __future__ import annotations

import http.client
import logging
import threading
from urllib.parse import urlencode, urlsplit

import pytest
from sqlalchemy import select, text

from campaign import create_app
from campaign.db import db
from campaign.mail_models import OutboxMessage
from campaign.signatures.models import SignatureStatus
from tests.conftest import test_config
from tests.i18n import translated
from tests.live import live_server
from tests.signatures.conftest import form_data, signatures

UNIQUE, REPEATS = 150, 50


def post(base: str, path: str, body: dict[str, object]) -> int:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        connection.request("POST", path, urlencode(body), headers)
        return connection.getresponse().status
    finally:
        connection.close()


def post_at_once(base: str, path: str, bodies: list[dict[str, object]]) -> list[int]:
    """POST every body to ``path`` from its own thread, all released together; the statuses."""
    statuses: list[int] = []
    barrier = threading.Barrier(len(bodies))

    def submit(body: dict[str, object]) -> None:
        barrier.wait()
        statuses.append(post(base, path, body))

    threads = [threading.Thread(target=submit, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


@pytest.mark.slow
def test_200_concurrent_submissions_with_repeats_make_exactly_the_expected_rows(app, make, smtp):
    letter = make.letter("carta")
    bodies = [
        form_data(name=f"Org {n}", contact_email=f"org{n}@example.org") for n in range(UNIQUE)
    ]
    bodies += [
        form_data(name=f"Org {n} again", contact_email=f"ORG{n}+again@example.org")
        for n in range(REPEATS)
    ]
    with live_server(app) as base:
        statuses = post_at_once(base, f"/es/letters/{letter.slug}/sign", bodies)
    assert statuses == [302] * len(bodies)
    rows = signatures()
    assert len(rows) == UNIQUE
    assert sorted(r.email_key for r in rows) == sorted(f"org{n}@example.org" for n in range(UNIQUE))
    assert all(r.status is SignatureStatus.pending for r in rows)
    # Whichever of two submissions from one address arrived first is the one kept.
    assert all(r.name.removesuffix(" again") == f"Org {r.email_key[3:-12]}" for r in rows)
    assert len(db.session.scalars(select(OutboxMessage)).all()) == UNIQUE + REPEATS
    assert len(smtp.inbox.messages) == UNIQUE + REPEATS


@pytest.mark.parametrize(
    "earlier", [SignatureStatus.pending, SignatureStatus.approved, SignatureStatus.withdrawn]
)
def test_the_same_address_sent_many_times_at_once_always_gets_the_neutral_page(
    app, make, smtp, earlier
):
    """A double tap on a slow line, or a robot: whatever the address's earlier signature,
    every answer is the neutral page (a conflict page would tell that the address signed)."""
    letter = make.letter("carta")
    make.signature(
        letter,
        "Asociación Pro Derechos",
        status=earlier,
        language="es",
        contact_email="lucia@proderechos.example.org",
    )
    with live_server(app) as base:
        statuses = post_at_once(base, f"/es/letters/{letter.slug}/sign", [form_data()] * 12)
    assert statuses == [302] * 12
    [row] = signatures()
    assert row.status is (
        SignatureStatus.approved if earlier is SignatureStatus.approved else SignatureStatus.pending
    )
    # To the address on file; not one per submission, as notices of a repeat are not sent
    # again within the hour (those sent at the same moment may all go).
    assert smtp.inbox.messages
    assert {m["To"] for m in smtp.inbox.messages} == {"lucia@proderechos.example.org"}


@pytest.mark.parametrize(
    "url", ["sqlite:////nonexistent/dir/campaign.sqlite3", "postgresql://postgres@127.0.0.1:1/none"]
)
def test_unreachable_database_gives_a_clear_503_page(url):
    app = create_app(test_config(url, MAIL_SEND_AFTER_REQUEST=False))
    client = app.test_client()
    for response in (client.get("/es/letters/carta"), client.post("/es/letters/carta/sign")):
        assert response.status_code == 503
        with app.app_context():
            expected = translated(
                "es",
                "We could not reach our database. Nothing was saved. Please try again shortly.",
            )
        assert expected in response.get_data(as_text=True)


REFUSE_OUTBOX = {
    "sqlite": [
        "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox_messages "
        "BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION refuse_outbox() RETURNS trigger AS $$ "
        "BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql",
        "CREATE TRIGGER refuse_outbox BEFORE INSERT ON outbox_messages "
        "FOR EACH ROW EXECUTE FUNCTION refuse_outbox()",
    ],
}
ALLOW_OUTBOX = {
    "sqlite": ["DROP TRIGGER refuse_outbox"],
    "postgresql": [
        "DROP TRIGGER refuse_outbox ON outbox_messages",
        "DROP FUNCTION refuse_outbox()",
    ],
}


@pytest.fixture
def failing_outbox(app, backend):
    """The database accepts the signature row but fails on the outbox row after it."""
    with db.engine.begin() as connection:
        for statement in REFUSE_OUTBOX[backend]:
            connection.execute(text(statement))
    yield
    with db.engine.begin() as connection:
        for statement in ALLOW_OUTBOX[backend]:
            connection.execute(text(statement))


def test_failure_mid_transaction_leaves_no_half_written_signature(make, sign, failing_outbox):
    letter = make.letter("carta")
    response = sign(letter)
    assert response.status_code == 500  # the database refused the write: not an outage
    assert "Nothing you entered was saved half-way" in response.get_data(as_text=True)
    assert signatures() == []


def test_a_refused_write_logs_no_signers_details(make, sign, failing_outbox, caplog):
    """The log of a database error says what failed, never the values being written: a
    signer's contact address and name would otherwise be in every server log."""
    letter = make.letter("carta")
    caplog.set_level(logging.INFO)
    response = sign(letter, contact_email="lucia@proderechos.example.org", contact_name="Lucía")
    assert response.status_code == 500
    assert "unhandled error on /en/letters/carta/sign" in caplog.text
    assert "lucia@proderechos.example.org" not in caplog.text and "Lucía" not in caplog.text
