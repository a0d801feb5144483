"""With CAMPAIGN_RATELIMIT_STORAGE_URI=redis://…, every server process counts sign-ups in one
place: a worker started afresh still sees the attempts made through another. (With the
default memory:// storage each worker counts alone.)

Runs against the Redis database that CAMPAIGN_TEST_REDIS_URL names (emptied before and after),
as PostgreSQL runs when CAMPAIGN_TEST_DATABASE_URL is set; .ci/run sets both."""

from __future__ import annotations

import os

import pytest
import redis

from campaign import create_app
from campaign.db import db
from tests.signatures.conftest import form_data

REDIS_URL = os.environ.get("CAMPAIGN_TEST_REDIS_URL", "")
pytestmark = pytest.mark.skipif(
    not REDIS_URL, reason="set CAMPAIGN_TEST_REDIS_URL (as .ci/run does) to test shared counts"
)


@pytest.fixture
def config_overrides(mail_settings):
    return {
        **mail_settings,
        "SIGN_MIN_SECONDS": 0,
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_STORAGE_URI": REDIS_URL,
        "SIGN_RATE_LIMIT": "2 per 5 minutes",
    }


@pytest.fixture(autouse=True)
def empty_redis():
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.flushdb()
    except redis.ConnectionError as error:
        pytest.fail(f"no Redis at CAMPAIGN_TEST_REDIS_URL={REDIS_URL} ({error})")
    yield server
    server.flushdb()


def post(client, n: int):  # noqa: ANN201
    return client.post("/es/letters/carta/sign", data=form_data(contact_email=f"a{n}@example.org"))


def test_a_fresh_worker_sees_the_attempts_counted_by_another(app, client, make, empty_redis):
    make.letter("carta")
    assert [post(client, n).status_code for n in range(2)] == [302, 302]
    assert empty_redis.dbsize() > 0  # the count lives in Redis, not in this process
    another_worker = create_app(dict(app.config))
    try:
        # The form comes back as typed, read from the database through the other's engine.
        assert post(another_worker.test_client(), 2).status_code == 429
    finally:
        with another_worker.app_context():
            db.engine.dispose()
