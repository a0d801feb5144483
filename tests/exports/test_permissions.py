"""Only exporters of the letter (coordinators, admins) reach its non-public exports."""

from __future__ import annotations

import pytest

from campaign.accounts.models import Role
from campaign.exports.models import ExportJob, ExportSnapshot
from campaign.exports.services import ExportSpec


def _routes(letter, snapshot: int, job: int) -> list[tuple[str, str]]:  # noqa: ANN001
    base = f"/manage/letters/{letter.slug}/exports"
    return [
        ("GET", f"{base}/"),
        ("POST", f"{base}/download"),
        ("POST", f"{base}/snapshots"),
        ("GET", f"{base}/snapshots/{snapshot}"),
        ("GET", f"{base}/diff?old={snapshot}&new={snapshot}"),
        ("GET", f"{base}/jobs/{job}"),
        ("GET", f"{base}/jobs/{job}/progress"),
        ("GET", f"{base}/jobs/{job}/download"),
    ]


@pytest.fixture
def targets(make):  # noqa: ANN001, ANN201
    from campaign.db import db

    letter = make.letter()
    make.signature(letter, "Org")
    snapshot = ExportSnapshot(letter_id=letter.id, sha256="0" * 64, content="{}")
    job = ExportJob(letter_id=letter.id, spec=ExportSpec("csv").to_json())
    db.session.add_all([snapshot, job])
    db.session.commit()
    return letter, _routes(letter, snapshot.id, job.id)


def _call(client, method: str, url: str):  # noqa: ANN001, ANN202
    return client.open(url, method=method, data={"format": "csv", "language": "en"})


def test_anonymous_visitors_are_sent_to_log_in(client, targets):
    _, routes = targets
    for method, url in routes:
        response = _call(client, method, url)
        assert response.status_code == 302 and "/login" in response.headers["Location"], url


@pytest.mark.parametrize("who", ["other_exporter", "moderator"])
def test_other_letters_exporters_and_moderators_are_refused(client, make, login_as, targets, who):
    letter, routes = targets
    other = make.letter()
    roles = {other: Role.exporter} if who == "other_exporter" else {letter: Role.moderator}
    login_as(make.user(roles=roles))
    for method, url in routes:
        assert _call(client, method, url).status_code == 403, url


@pytest.mark.parametrize("role", [Role.exporter, Role.coordinator, None])
def test_exporters_coordinators_and_admins_see_the_exports_page(
    client, make, login_as, targets, role
):
    letter, _ = targets
    user = make.user(roles={letter: role}) if role else make.user(admin=True)
    login_as(user)
    page = client.get(f"/manage/letters/{letter.slug}/exports/")
    assert page.status_code == 200 and "Freeze the list for submission" in page.get_data(True)
    manage = client.get(f"/manage/letters/{letter.slug}").get_data(as_text=True)
    assert f"/manage/letters/{letter.slug}/exports/" in manage
