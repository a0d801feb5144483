"""Corrections by moderators, the signature page, and the signers' correction requests."""

from __future__ import annotations

import pytest

from campaign.db import db
from campaign.signatures.models import CorrectionRequest, OrgType, RequestKind, SignerKind
from campaign.signatures.models import SignatureStatus as S
from tests.moderation.conftest import console, entries, fresh


def detail(sid: int) -> str:
    return console() + f"/signatures/{sid}"


def test_name_and_country_are_corrected_keeping_the_submission(client, make, letter, moderator):
    s = make.signature(letter, "amnesty internationl", status=S.approved, country="FR")
    response = client.post(
        detail(s.id) + "/edit", data={"name": "Amnesty International", "country": "GB"}
    )
    assert response.headers["Location"] == detail(s.id)
    signature = fresh(s.id)
    assert (signature.name, signature.country) == ("Amnesty International", "GB")
    assert signature.submitted_name == "amnesty internationl"
    assert signature.name_key == "amnesty international"
    [entry] = entries("edit")
    assert entry.before == {"name": "amnesty internationl", "country": "FR"}
    assert entry.after == {"name": "Amnesty International", "country": "GB"}
    assert "Amnesty International" in client.get("/en/letters/carta").get_data(True)


def test_bad_corrections_are_refused_with_the_reason(client, make, letter, moderator):
    s = make.signature(letter, "Org", status=S.approved, country="FR")
    formula = client.post(detail(s.id) + "/edit", data={"name": "=HYPERLINK(1)", "country": "FR"})
    assert formula.status_code == 400 and "spreadsheets would run it" in formula.get_data(True)
    country = client.post(detail(s.id) + "/edit", data={"name": "Org", "country": "XX"})
    assert country.status_code == 400 and "Choose one of the options offered." in country.get_data(
        True
    )
    empty = client.post(detail(s.id) + "/edit", data={"name": " ", "country": ""})
    assert empty.status_code == 400 and fresh(s.id).name == "Org" and entries() == []


def test_country_menu_is_the_sign_form_list_in_the_staff_language(client, make, letter, moderator):
    s = make.signature(letter, "Org", status=S.approved, country="DE")
    assert '<option selected value="DE">Germany</option>' in client.get(detail(s.id)).get_data(True)
    client.get("/language/fr?next=/manage/")
    assert '<option selected value="DE">Allemagne</option>' in client.get(detail(s.id)).get_data(
        True
    )


def test_signature_page_shows_contacts_flags_and_history(client, make, letter, moderator):
    s = make.signature(
        letter,
        "We fully support this letter!",
        status=S.confirmed,
        contact_email="someone@example.org",
        contact_name="Some One",
    )
    client.post(console() + "/decide", data={"decide": f"hold:{s.id}"})
    page = client.get(detail(s.id)).get_data(True)
    assert "someone@example.org" in page and "Some One" in page
    assert "Looks like a sentence, not a name" in page
    assert "Put on hold" in page and "mod@example.org" in page
    assert "<dt>Status</dt><dd>Confirmed, awaiting decision <span" in page  # then "On hold"


def test_correction_request_is_applied_with_an_audit_entry(client, make, letter, moderator):
    s = make.signature(letter, "Old Name", status=S.approved, country="FR")
    request = CorrectionRequest(
        signature_id=s.id,
        kind=RequestKind.correction,
        changes={"name": "New Name", "country": "BE", "org_type": "network"},
    )
    db.session.add(request)
    db.session.commit()
    page = client.get(detail(s.id)).get_data(True)
    assert "Requests from the signer" in page and "New Name" in page
    client.post(console() + f"/requests/{request.id}/apply")
    signature = fresh(s.id)
    assert (signature.name, signature.country, signature.org_type.value) == (
        "New Name",
        "BE",
        "network",
    )
    assert signature.submitted_name == "Old Name"
    [entry] = entries("correction_applied")
    assert entry.before["name"] == "Old Name" and entry.after["country"] == "BE"
    assert db.session.get(CorrectionRequest, request.id).resolved_at is not None
    again = client.post(console() + f"/requests/{request.id}/apply", follow_redirects=True)
    assert "already been dealt with" in again.get_data(True)


def test_withdrawal_request_applied_or_dismissed(client, make, letter, moderator):
    a = make.signature(letter, "Leaving Org", status=S.approved)
    b = make.signature(letter, "Staying Org", status=S.approved)
    leave = CorrectionRequest(signature_id=a.id, kind=RequestKind.withdrawal, changes={})
    stay = CorrectionRequest(signature_id=b.id, kind=RequestKind.withdrawal, changes={})
    db.session.add_all([leave, stay])
    db.session.commit()
    client.post(console() + f"/requests/{leave.id}/apply")
    client.post(console() + f"/requests/{stay.id}/dismiss")
    assert fresh(a.id).status is S.withdrawn and fresh(b.id).status is S.approved
    assert [e.signature_id for e in entries("correction_dismissed")] == [b.id]
    assert "Leaving Org" not in client.get("/en/letters/carta").get_data(True)


def test_audit_log_is_paged_and_filtered_by_action(client, make, letter, moderator, app):
    app.config["MODERATION_PAGE_SIZE"] = 2
    rows = [make.signature(letter, f"Org {n}", status=S.confirmed) for n in range(3)]
    client.post(console() + "/decide", data={"action": "approve", "ids": [str(r.id) for r in rows]})
    client.post(console() + "/decide", data={"decide": f"hold:{rows[0].id}"})
    first = client.get("/manage/letters/carta/audit").get_data(True)
    assert "4 entries." in first and "Page 1 of 2" in first
    held = client.get("/manage/letters/carta/audit?action=hold").get_data(True)
    assert "1 entry." in held and "Put on hold" in held and ">Org 0</bdi></a>" in held


@pytest.mark.parametrize("page", ["0", "-1", "abc", "99999999", ""])
def test_odd_page_numbers_show_the_first_page(client, letter, moderator, page):
    assert client.get(f"/manage/letters/carta/audit?page={page}").status_code == 200
    assert client.get(f"/manage/letters/carta/moderation?page={page}").status_code == 200


def test_rekey_command_stores_the_engine_key_for_older_rows(make, letter, runner):
    old = make.signature(
        letter, "The Amnesty International (AI)", name_key="theamnestyinternationalai"
    )
    result = runner.invoke(args=["moderation", "rekey"])
    assert result.exit_code == 0 and "1 name keys updated." in result.output
    assert fresh(old.id).name_key == "amnesty international"


def test_type_and_ecosoc_status_are_corrected_and_audited(client, make, letter, moderator):
    s = make.signature(letter, "Front Line Defenders", org_type=OrgType.ngo, country="IE")
    page = client.get(detail(s.id)).text
    assert '<option selected value="ngo">' in page
    # The signer was asked; the moderator reads a status that is not known.
    assert '<option selected value="unknown">Unknown</option>' in page
    assert "I don&#39;t know" not in page
    data = {"name": s.name, "country": "IE", "org_type": "network", "ecosoc_status": "special"}
    assert client.post(detail(s.id) + "/edit", data=data).status_code == 302
    signature = fresh(s.id)
    assert (signature.org_type, signature.ecosoc_status) == (OrgType.network, "special")
    [entry] = entries("edit")
    assert entry.before == {"org_type": "ngo", "ecosoc_status": "unknown"}
    assert entry.after == {"org_type": "network", "ecosoc_status": "special"}
    bad = client.post(detail(s.id) + "/edit", data={**data, "ecosoc_status": "observer"})
    assert bad.status_code == 400 and fresh(s.id).ecosoc_status == "special"


@pytest.mark.parametrize("menu", ["org_type", "ecosoc_status"])
def test_a_blank_menu_leaves_its_value_as_it_is(client, make, letter, moderator, menu):
    """Spaces where a menu's value should be are no value (they were a 500)."""
    s = make.signature(letter, "Front Line Defenders", org_type=OrgType.ngo, country="IE")
    data = {"name": "Front Line Defenders", "country": "IE", "org_type": "network"}
    data |= {"ecosoc_status": "special", menu: " \n"}
    assert client.post(detail(s.id) + "/edit", data=data).status_code == 302
    signature = fresh(s.id)
    expected = {"org_type": OrgType.ngo, "ecosoc_status": "unknown"}[menu]
    assert getattr(signature, menu) == expected


def test_an_individual_has_no_type_to_correct(client, make, letter, moderator):
    s = make.signature(letter, "Ana Gómez", kind=SignerKind.individual)
    assert 'name="org_type"' not in client.get(detail(s.id)).text
    data = {"name": "Ana Gómez", "country": "", "org_type": "ngo", "ecosoc_status": "none"}
    client.post(detail(s.id) + "/edit", data=data)
    assert (fresh(s.id).org_type, fresh(s.id).ecosoc_status) == (None, "none")


def test_a_row_kept_apart_and_then_corrected_meets_its_real_duplicate(
    client, make, letter, moderator
):
    """Two pairs kept apart (two national sections each); then one row turns out to be the
    other pair's organisation. Its "keep separate" judged its old name: the new duplicate
    group is shown, and the pair still kept apart is not."""
    dups = console() + "/duplicates"

    def groups() -> int:
        return client.get(dups).get_data(True).count('<section class="cluster"')

    a = make.signature(letter, "Human Rights Watch", country="US")
    b = make.signature(letter, "Human Rights Watch", country="KE")
    c = make.signature(letter, "Oxfam", country="GB")
    d = make.signature(letter, "Oxfam", country="FR")
    assert groups() == 2
    for pair in ((a, b), (c, d)):
        client.post(dups + "/separate", data={"ids": f"{pair[0].id},{pair[1].id}"})
    assert groups() == 0
    client.post(detail(b.id) + "/edit", data={"name": "Oxfam", "country": "FR"})
    page = client.get(dups).get_data(True)
    assert groups() == 1
    assert f"/signatures/{b.id}" in page and f"/signatures/{d.id}" in page
    assert f"/signatures/{a.id}" not in page
