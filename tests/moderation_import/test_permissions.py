"""Import and digest pages: moderators and coordinators of the letter and admins only."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.moderation.import_models import ImportBatch
from campaign.moderation.import_services import preview


@pytest.fixture
def batch(letter, coordinator):
    made = preview(db.session, letter, coordinator, b"1. Red Andina\n")
    db.session.commit()
    return made


def _routes(letter, batch_id: int) -> list[tuple[str, str]]:  # noqa: ANN001
    base = f"/manage/letters/{letter.slug}"
    return [
        ("GET", f"{base}/import/"),
        ("POST", f"{base}/import/"),
        ("GET", f"{base}/import/{batch_id}"),
        ("POST", f"{base}/import/{batch_id}/apply"),
        ("POST", f"{base}/import/{batch_id}/cancel"),
        ("POST", f"{base}/digest/"),
    ]


def _call(client, method: str, url: str):  # noqa: ANN001, ANN202
    return client.open(url, method=method, data={"pasted": "1. Zambia Legal Aid"})


def test_anonymous_visitors_are_sent_to_log_in(client, letter, batch):
    for method, url in _routes(letter, batch.id):
        response = _call(client, method, url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


@pytest.mark.parametrize("who", ["other_moderator", "exporter"])
def test_other_letters_moderators_and_exporters_are_refused(
    client, make, login_as, letter, batch, who
):
    other = make.letter()
    roles = {other: Role.moderator} if who == "other_moderator" else {letter: Role.exporter}
    login_as(make.user(roles=roles))
    for method, url in _routes(letter, batch.id):
        assert _call(client, method, url).status_code == 403, url
    assert db.session.scalar(select(ImportBatch).where(ImportBatch.id != batch.id)) is None


@pytest.mark.parametrize("role", [Role.moderator, Role.coordinator, None])
def test_moderators_coordinators_and_admins_reach_every_page(client, make, login_as, letter, role):
    user = make.user(admin=role is None, roles={letter: role} if role else {})
    login_as(user)
    made = client.post(f"/manage/letters/{letter.slug}/import/", data={"pasted": "1. Red Andina"})
    assert made.status_code == 302
    batch_id = db.session.scalar(select(ImportBatch.id).where(ImportBatch.user_id == user.id))
    for method, url in _routes(letter, batch_id):
        response = _call(client, method, url)
        if method == "GET":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 302, url
            assert "/login" not in response.headers["Location"], url
