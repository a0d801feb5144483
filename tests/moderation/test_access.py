"""Only moderators of the letter (and its coordinators, and admins) reach the console."""

from __future__ import annotations

import pytest

from campaign.accounts.models import Role
from campaign.db import db
from campaign.mail_models import OutboxStatus
from campaign.moderation import merges
from campaign.signatures.models import CorrectionRequest, RequestKind
from campaign.signatures.models import SignatureStatus as S


@pytest.fixture
def targets(make, letter):
    """Every moderation route of ``letter``, with the data each POST needs to succeed."""
    a = make.signature(letter, "Amnesty International", status=S.confirmed, country="GB")
    b = make.signature(letter, "Amnesty Internacional", status=S.approved, country="GB")
    c = make.signature(letter, "Human Rights Watch", status=S.approved, country="US")
    d = make.signature(letter, "Human Rights Wacth", status=S.approved, country="US")
    record = merges.merge(db.session, letter, [c.id, d.id], c.id, "Human Rights Watch", "US", None)
    fix = CorrectionRequest(signature_id=a.id, kind=RequestKind.correction, changes={"name": "AI"})
    drop = CorrectionRequest(signature_id=b.id, kind=RequestKind.correction, changes={})
    lost = make.signature(letter, "Never Reached", status=S.pending)
    make.signer_email(lost, OutboxStatus.failed, "refused: (550, b'5.1.1 No such user')")
    db.session.add_all([fix, drop])
    db.session.commit()
    base = f"/manage/letters/{letter.slug}"
    m = f"{base}/moderation"
    merge = {"ids": f"{a.id},{b.id}", "primary": str(b.id), "name_choice": "Amnesty International"}
    return [
        ("GET", f"{m}", None),
        ("GET", f"{m}?status=all&flag=possible_duplicate&sort=name&q=amnesty", None),
        ("POST", f"{m}/decide", {"decide": f"hold:{a.id}"}),
        ("POST", f"{m}/signatures/{a.id}/canonical", {}),
        ("GET", f"{m}/signatures/{a.id}", None),
        ("POST", f"{m}/signatures/{a.id}/edit", {"name": "Amnesty International", "country": "GB"}),
        ("POST", f"{m}/signatures/{lost.id}/resend", {}),
        ("POST", f"{m}/requests/{fix.id}/apply", {}),
        ("POST", f"{m}/requests/{drop.id}/dismiss", {}),
        ("GET", f"{m}/duplicates", None),
        ("GET", f"{m}/duplicates/merge?ids={a.id},{b.id}", None),
        ("POST", f"{m}/merges/{record.id}/undo", {}),
        ("POST", f"{m}/duplicates/separate", {"ids": f"{c.id},{d.id}"}),
        ("POST", f"{m}/duplicates/merge", {**merge, "country": "GB"}),
        ("GET", f"{m}/bulk", None),
        ("POST", f"{m}/bulk", {"email_domain": "spam.example"}),
        ("GET", f"{base}/audit", None),
        ("GET", f"{base}/audit?action=merge&page=1", None),
    ]


def _call(client, method, url, data, follow=False):
    return client.open(url, method=method, data=data, follow_redirects=follow)


def test_anonymous_visitors_are_sent_to_log_in(client, targets):
    for method, url, data in targets:
        response = _call(client, method, url, data)
        assert response.status_code == 302, url
        assert "/login" in response.headers["Location"], url


@pytest.mark.parametrize("who", ["other_moderator", "exporter"])
def test_other_letters_moderators_and_exporters_are_refused(
    client, make, letter, login_as, targets, who
):
    roles = {make.letter(): Role.moderator} if who == "other_moderator" else {letter: Role.exporter}
    login_as(make.user(roles=roles))
    for method, url, data in targets:
        assert _call(client, method, url, data).status_code == 403, url


@pytest.mark.parametrize("role", [Role.moderator, Role.coordinator, None])
def test_moderators_coordinators_and_admins_reach_every_route(
    client, make, letter, login_as, targets, role
):
    login_as(make.user(roles={letter: role}) if role else make.user(admin=True))
    for method, url, data in targets:
        response = _call(client, method, url, data, follow=True)
        assert response.status_code == 200, (url, response.get_data(True)[-800:])
        assert "/moderation" in response.request.path or "/audit" in response.request.path, url


def test_staff_letter_page_links_the_console_for_moderators_only(client, make, letter, login_as):
    login_as(make.user(roles={letter: Role.exporter}))
    assert "/moderation" not in client.get(f"/manage/letters/{letter.slug}").get_data(True)
    client.post("/logout")
    login_as(make.user(roles={letter: Role.moderator}))
    page = client.get(f"/manage/letters/{letter.slug}").get_data(True)
    assert f"/manage/letters/{letter.slug}/moderation" in page and "Readiness" in page


def test_signatures_of_another_letter_are_not_found(client, make, letter, moderator):
    elsewhere = make.signature(make.letter(), "Elsewhere")
    base = f"/manage/letters/{letter.slug}/moderation"
    assert client.get(f"{base}/signatures/{elsewhere.id}").status_code == 404
    response = client.post(f"{base}/decide", data={"decide": f"reject:{elsewhere.id}"})
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(type(elsewhere), elsewhere.id).status is S.approved
