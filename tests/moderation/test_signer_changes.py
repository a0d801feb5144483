"""What signers change themselves through their private link, as moderators see it: in the
letter's log, and an approved signature whose checked details changed back in the queue."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from campaign.db import db
from campaign.moderation.audit import SIGNER_ACTOR
from campaign.moderation.digest_models import DigestState
from campaign.signatures import tokens
from campaign.signatures.models import CorrectionRequest, EcosocStatus, OrgType
from campaign.signatures.models import SignatureStatus as S
from tests.moderation.conftest import console, entries, fresh


@pytest.fixture
def config_overrides(mail_settings):
    return mail_settings  # the digest, by real SMTP


@pytest.fixture
def approved(make, letter):
    """An approved organisation with its private edit link."""
    s = make.signature(
        letter,
        "amnesty intl uk",
        country="GB",
        org_type=OrgType.ngo,
        ecosoc_status=EcosocStatus.none,
        contact_name="Jo",
    )
    return s, f"/en/signatures/edit/{tokens.make(s, tokens.EDIT)}"


def as_shown(name: str, **fields: str) -> dict[str, str]:
    """The signer's edit form as posted: what it shows, with ``fields`` changed."""
    data = {"name": name, "country": "GB", "org_type": "ngo", "ecosoc_status": "none"}
    return {**data, "contact_name": "Jo", "language": "en", **fields}


def decide(client, decision: str, sid: int) -> None:
    client.post(console() + "/decide", data={"decide": f"{decision}:{sid}"})


def test_resaving_the_form_keeps_what_was_submitted_and_the_moderators_spelling(
    client, letter, moderator, approved
):
    s, edit = approved
    corrected = {"name": "Amnesty UK", "country": "GB"}
    client.post(console() + f"/signatures/{s.id}/edit", data=corrected)
    assert 'value="Amnesty UK"' in client.get(edit).text
    resaved = client.post(edit, data=as_shown("Amnesty UK", contact_role="Director"))
    assert resaved.status_code == 302
    signature = fresh(s.id)
    assert (signature.name, signature.submitted_name) == ("Amnesty UK", "amnesty intl uk")
    assert signature.contact_role == "Director"
    client.post(edit, data=as_shown("Amnesty International UK", contact_role="Director"))
    assert fresh(s.id).submitted_name == "amnesty intl uk"


def test_signers_edits_and_withdrawal_are_in_the_letters_log(client, letter, moderator, approved):
    s, edit = approved
    client.post(edit, data=as_shown("amnesty intl uk", contact_role="Director"))
    client.post(edit, data=as_shown("amnesty intl uk", contact_role="Director"))  # no change
    client.post(edit.replace("/edit/", "/withdraw/"), data={"confirm": "1"})
    edited, withdrawn = entries()
    assert (edited.action, edited.actor_label) == ("signer_edit", SIGNER_ACTOR)
    assert edited.actor_id is None
    assert (edited.before, edited.after) == ({"contact_role": ""}, {"contact_role": "Director"})
    assert (withdrawn.action, withdrawn.signature_id) == ("signer_withdrawal", s.id)
    assert (withdrawn.before, withdrawn.after) == ({"status": "approved"}, {"status": "withdrawn"})
    log = client.get("/manage/letters/carta/audit").text
    assert "Corrected by the signer" in log and "Withdrawn by the signer" in log
    assert log.count("<bdi>The signer, through their private link</bdi>") == 2


@pytest.mark.parametrize(
    "change", [{"name": "Ministry of Truth"}, {"ecosoc_status": "general"}], ids=["name", "ecosoc"]
)
def test_a_checked_detail_changed_after_approval_goes_live_and_back_to_the_queue(
    client, letter, moderator, approved, change
):
    s, edit = approved
    decide(client, "approve", s.id)
    assert ">amnesty intl uk</a>" not in client.get(console()).text
    client.post(edit, data={**as_shown("amnesty intl uk"), **change})
    signature = fresh(s.id)
    assert signature.status is S.approved and signature.flags == ["changed_by_signer"]
    if "name" in change:
        assert "Ministry of Truth" in client.get(f"/en/letters/{letter.slug}").text
    flagged = client.get(console() + "?flag=changed_by_signer").text
    assert f"/signatures/{s.id}" in flagged and "Changed by its signer after approval" in flagged
    assert f"/signatures/{s.id}" in client.get(console()).text
    [entry] = entries("signer_edit")
    assert entry.after["flags"] == ["changed_by_signer"]
    decide(client, "approve", s.id)
    assert f"/signatures/{s.id}" not in client.get(console()).text


def test_other_details_and_auto_approving_letters_need_no_second_look(
    client, make, letter, moderator, approved
):
    s, edit = approved
    decide(client, "approve", s.id)
    client.post(edit, data=as_shown("amnesty intl uk", country="IE", website="amnesty.example"))
    assert fresh(s.id).flags == []
    auto = make.letter("auto", auto_approve=True)
    other = make.signature(auto, "Oxfam", org_type=OrgType.ngo, contact_name="Jo")
    link = f"/en/signatures/edit/{tokens.make(other, tokens.EDIT)}"
    client.post(link, data=as_shown("Oxfam International"))
    assert fresh(other.id).name == "Oxfam International" and fresh(other.id).flags == []


def test_the_next_digest_tells_moderators_of_a_published_signature_its_signer_changed(
    client, letter, moderator, approved, runner, smtp
):
    """Nothing new has signed, but the daily digest goes: it counts the change, and the
    signature among those the review queue holds, as the queue does."""
    s, edit = approved
    decide(client, "approve", s.id)
    assert "1 digest(s) queued" in runner.invoke(args=["digest", "send"]).output
    [first] = smtp.inbox.to("mod@example.org")
    assert "changed by its signer" not in smtp.inbox.text(first)
    # A day passes.
    signature = fresh(s.id)
    for state in db.session.scalars(select(DigestState)):
        state.last_sent_at -= timedelta(hours=21)
    signature.created_at -= timedelta(hours=21)
    signature.updated_at -= timedelta(hours=21)
    db.session.commit()
    assert "0 digest(s) queued" in runner.invoke(args=["digest", "send"]).output

    edit = f"/en/signatures/edit/{tokens.make(signature, tokens.EDIT)}"  # its new birth time
    assert client.post(edit, data=as_shown("Ministry of Truth")).status_code == 302
    assert "1 digest(s) queued" in runner.invoke(args=["digest", "send"]).output
    text = smtp.inbox.text(smtp.inbox.to("mod@example.org")[-1])
    assert "1 published signature was changed by its signer and awaits a new look." in text
    assert "1 signature awaits a moderator's decision." in text
    assert "Changed by its signer after approval: 1" in text


def test_the_signer_of_a_merged_sign_up_asks_the_moderators_who_act_on_the_listed_entry(
    client, make, letter, moderator
):
    """Their organisation is listed through the row the merge kept: what they ask goes to
    the moderators, shown on that row, and applying it changes that row."""
    kept = make.signature(letter, "Amnesty International", country="GB")
    folded = make.signature(letter, "Amnesty Internatonal", country="GB", contact_name="Jo")
    link = f"/en/signatures/edit/{tokens.make(folded, tokens.EDIT)}"
    merged = client.post(
        console() + "/duplicates/merge",
        data={
            "ids": f"{kept.id},{folded.id}",
            "primary": str(kept.id),
            "name_choice": "Amnesty International",
            "country": "GB",
        },
    )
    assert merged.status_code == 302 and fresh(folded.id).status is S.merged
    assert "combined with another from the same organisation" in client.get(link).text

    asked = client.post(link, data=as_shown("Amnesty International UK"), follow_redirects=True)
    assert "your corrections were sent to the coordinators" in asked.text
    withdrawn = client.post(
        link.replace("/edit/", "/withdraw/"), data={"confirm": "1"}, follow_redirects=True
    )
    assert "your request to withdraw was sent to the coordinators" in withdrawn.text
    assert fresh(kept.id).status is S.approved and fresh(kept.id).name == "Amnesty International"

    page = client.get(console() + f"/signatures/{kept.id}").text
    assert page.count("Asked by the signer of a sign-up merged into this one") == 2
    requests = db.session.scalars(select(CorrectionRequest).order_by(CorrectionRequest.id)).all()
    correction, withdrawal = (r.id for r in requests)
    assert {r.signature_id for r in requests} == {folded.id}
    client.post(console() + f"/requests/{correction}/apply")
    assert fresh(kept.id).name == "Amnesty International UK"
    client.post(console() + f"/requests/{withdrawal}/apply", follow_redirects=True)
    # Only the sign-up that asked is withdrawn; the entry leaves the list, and the row it was
    # merged into, whose signer did not ask, awaits a decision (tests/moderation/
    # test_merged_signers.py).
    assert fresh(folded.id).status is S.withdrawn and fresh(kept.id).status is S.confirmed
    assert "Amnesty International" not in client.get("/en/letters/carta").text
    corrected, withdrew = entries("correction_applied")
    assert (corrected.signature_id, withdrew.signature_id) == (kept.id, folded.id)
    for applied in (corrected, withdrew):
        assert f"asked through signature {folded.id} merged into it" in applied.detail
