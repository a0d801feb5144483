"""The signers of an organisation's sign-ups merged into one entry: the signer of the row the
merge kept asks the moderators too, and applying a withdrawal takes the group apart rather
than leave the others merged into a withdrawn row."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from campaign.db import db
from campaign.moderation.models import SignatureMerge
from campaign.signatures import tokens
from campaign.signatures.models import CorrectionRequest, Signature
from campaign.signatures.models import SignatureStatus as S
from tests.i18n import translated
from tests.moderation.conftest import console, entries, fresh, page_of
from tests.moderation.test_duplicates import merge, public_list
from tests.signatures.conftest import as_shown, confirm, form_data, path

WITHDRAWAL_SENT = (
    "Your sign-up was combined with another from the same organisation, so your request to "
    "withdraw was sent to the coordinators."
)
CORRECTION_SENT = (
    "Your sign-up was combined with another from the same organisation, so your corrections "
    "were sent to the coordinators for review."
)
COMBINED_NOTICE = (
    "Your sign-up was combined with another from the same organisation, which is listed once: "
    "the coordinators will review any correction or withdrawal you ask for."
)


def in_spanish(message: str) -> str:
    """What the Spanish section's signer reads (their pages are in Spanish)."""
    return translated("es", message)


@pytest.fixture
def config_overrides(mail_settings):
    return {**mail_settings, "SIGN_MIN_SECONDS": 0}


@dataclass
class Signer:
    """A sign-up made and confirmed through the form and the emails, with its private link."""

    id: int
    edit: str

    @property
    def withdraw(self) -> str:
        return self.edit.replace("/edit/", "/withdraw/")


def signs_and_confirms(client, smtp, name: str, email: str, language: str) -> Signer:
    signed = client.post(
        "/en/letters/carta/sign",
        data=form_data(name=name, contact_email=email, language=language, country="GB"),
    )
    assert signed.status_code == 302
    [message] = smtp.inbox.to(email)
    confirm_link, edit_link, _letter = smtp.inbox.links(message)
    confirm(client, confirm_link)
    found = db.session.scalars(select(Signature).where(Signature.contact_email == email)).one()
    return Signer(found.id, path(edit_link))


def decide(client, decision: str, signature_id: int) -> None:
    client.post(console() + "/decide", data={"decide": f"{decision}:{signature_id}"})


def undo(client) -> str:
    record = db.session.scalars(select(SignatureMerge)).one()
    return client.post(console() + f"/merges/{record.id}/undo", follow_redirects=True).text


def requests_made() -> list[CorrectionRequest]:
    db.session.expire_all()
    return list(db.session.scalars(select(CorrectionRequest).order_by(CorrectionRequest.id)))


@pytest.fixture
def amnesty(client, smtp, letter, moderator):
    """The Spanish and English sections both sign and confirm; the moderator approves both,
    then merges them, keeping the Spanish sign-up: (kept, folded)."""
    kept = signs_and_confirms(client, smtp, "Amnistía Internacional", "es@amnesty.example", "es")
    folded = signs_and_confirms(client, smtp, "Amnesty International", "en@amnesty.example", "en")
    for signer in (kept, folded):
        decide(client, "approve", signer.id)
    rows = [fresh(kept.id), fresh(folded.id)]
    merge(client, rows, "Amnistía Internacional", primary=rows[0])
    assert (fresh(folded.id).status, fresh(folded.id).merged_into_id) == (S.merged, kept.id)
    assert public_list(client) == [(1, "Amnistía Internacional")]
    return kept, folded


def test_the_kept_signers_withdrawal_goes_to_the_moderators_while_the_merge_stands(client, amnesty):
    kept, folded = amnesty
    assert in_spanish(COMBINED_NOTICE) in client.get(kept.edit).text
    assert in_spanish(COMBINED_NOTICE) in client.get(kept.withdraw).text
    asked = client.post(kept.withdraw, data={"confirm": "1"}, follow_redirects=True)
    assert in_spanish(WITHDRAWAL_SENT) in asked.text
    assert fresh(kept.id).status is S.approved and fresh(folded.id).status is S.merged
    assert public_list(client) == [(1, "Amnistía Internacional")]
    assert client.get(kept.edit).status_code == 200  # the link lives until a moderator acts
    assert entries("signer_withdrawal") == []

    [request] = requests_made()
    assert (request.signature_id, request.kind.value) == (kept.id, "withdrawal")
    page = client.get(page_of(fresh(kept.id))).text
    assert "Asked by the signer of this sign-up: <bdi>Amnistía Internacional</bdi>" in page
    assert '<bdi dir="ltr">es@amnesty.example</bdi>' in page
    assert "This entry stands for several sign-ups of the organisation." in page
    assert f"/requests/{request.id}/apply" in page and f"/requests/{request.id}/dismiss" in page


def test_the_kept_signers_correction_waits_and_the_merge_can_still_be_undone(client, amnesty):
    kept, folded = amnesty
    shown = fresh(kept.id)
    asked = client.post(kept.edit, data=as_shown(shown, country="ES"), follow_redirects=True)
    assert in_spanish(CORRECTION_SENT) in asked.text
    assert fresh(kept.id).country == "GB" and entries("signer_edit") == []
    [request] = requests_made()
    assert request.changes == {"country": "ES"}
    page = client.get(page_of(shown)).text
    assert "Applying it changes the entry they share." in page

    assert "Merge undone." in undo(client)
    assert (fresh(folded.id).status, fresh(folded.id).merged_into_id) == (S.approved, None)
    assert [name for _, name in public_list(client)] == [
        "Amnesty International",
        "Amnistía Internacional",
    ]


def test_without_a_merge_in_place_the_kept_signer_withdraws_at_once_as_before(client, amnesty):
    kept, folded = amnesty
    assert "Merge undone." in undo(client)
    assert in_spanish(COMBINED_NOTICE) not in client.get(kept.edit).text
    client.post(kept.withdraw, data={"confirm": "1"})
    assert fresh(kept.id).status is S.withdrawn and requests_made() == []
    assert fresh(folded.id).status is S.approved
    assert public_list(client) == [(1, "Amnesty International")]
    assert client.get(kept.edit).status_code == 404


def test_applying_the_kept_signers_withdrawal_takes_the_group_apart(client, amnesty):
    """The Spanish sign-up is withdrawn; the English one, whose signer did not ask, is not
    lost in a withdrawn row: it stands on its own again, awaiting the moderator's decision,
    and the moderator is told so."""
    kept, folded = amnesty
    client.post(kept.withdraw, data={"confirm": "1"})
    [request] = requests_made()
    applied = client.post(console() + f"/requests/{request.id}/apply", follow_redirects=True)
    assert applied.request.path == page_of(fresh(kept.id))
    assert "Request applied." in applied.text
    assert (
        "The entry has left the list. This other sign-up of the organisation did not ask to "
        f"withdraw: it now stands on its own, awaiting your decision: Amnesty International "
        f"(#{folded.id})."
    ) in applied.text

    spanish, english = fresh(kept.id), fresh(folded.id)
    assert spanish.status is S.withdrawn and spanish.withdrawn_at is not None
    assert (english.status, english.merged_into_id) == (S.confirmed, None)
    assert public_list(client) == []
    assert client.get(kept.edit).status_code == 404  # the signer who asked: links revoked
    assert COMBINED_NOTICE not in client.get(folded.edit).text
    assert f"/signatures/{folded.id}" in client.get(console()).text  # in the review queue

    [asked] = entries("correction_applied")
    assert (asked.signature_id, asked.after["status"]) == (kept.id, "withdrawn")
    [left] = entries("left_merge_group")
    assert (left.signature_id, left.before, left.after) == (
        folded.id,
        {"status": "merged", "merged_into_id": kept.id},
        {"status": "confirmed", "merged_into_id": None},
    )
    history = client.get(page_of(english)).text
    assert "On its own again: a withdrawal took its merge group apart" in history
    assert "can no longer be undone" in undo(client)

    decide(client, "approve", folded.id)
    assert public_list(client) == [(1, "Amnesty International")]


def test_a_dismissed_withdrawal_leaves_the_group_listed(client, amnesty):
    kept, folded = amnesty
    client.post(kept.withdraw, data={"confirm": "1"})
    [request] = requests_made()
    dismissed = client.post(console() + f"/requests/{request.id}/dismiss", follow_redirects=True)
    assert "Request dismissed." in dismissed.text
    assert (fresh(kept.id).status, fresh(folded.id).status) == (S.approved, S.merged)
    assert public_list(client) == [(1, "Amnistía Internacional")]
    assert "Merge undone." in undo(client)


def test_applying_a_folded_signers_withdrawal_withdraws_only_their_sign_up(client, amnesty):
    """The kept row's own signer did not ask either: the entry leaves the list, and the
    Spanish sign-up awaits a decision, its private link still working."""
    kept, folded = amnesty
    client.post(folded.withdraw, data={"confirm": "1"})
    [request] = requests_made()
    page = client.get(page_of(fresh(kept.id))).text
    assert "Asked by the signer of a sign-up merged into this one:" in page
    assert "This entry stands for several sign-ups of the organisation. Applying it takes" in page
    applied = client.post(console() + f"/requests/{request.id}/apply", follow_redirects=True)
    assert applied.request.path == page_of(fresh(kept.id))
    assert f"awaiting your decision: Amnistía Internacional (#{kept.id})." in applied.text
    assert fresh(folded.id).status is S.withdrawn and fresh(folded.id).merged_into_id is None
    assert fresh(kept.id).status is S.confirmed and public_list(client) == []
    assert client.get(folded.edit).status_code == 404
    assert in_spanish(COMBINED_NOTICE) not in client.get(kept.edit).text


def test_the_digest_links_a_folded_signers_request_to_the_entry_listed(
    client, runner, smtp, amnesty
):
    """The moderators decide on it on the page of the row the merge kept, by its name."""
    kept, folded = amnesty
    client.post(folded.withdraw, data={"confirm": "1"})
    sent = runner.invoke(args=["digest", "send"])
    assert "1 digest(s) queued" in sent.output
    text = smtp.inbox.text(smtp.inbox.to("mod@example.org")[-1])
    assert (
        f"- Withdrawal: Amnistía Internacional — http://localhost{page_of(fresh(kept.id))}\n"
        in text
    )
    assert f"/signatures/{folded.id}" not in text


def test_through_stacked_merges_the_request_reaches_the_entry_listed(
    client, make, letter, moderator
):
    """B merged into A, then A into C: B's signer is listed through C, whose page shows their
    withdrawal; applying it takes the whole group apart."""
    a, b, c = (
        make.signature(letter, name, country="GB", org_type="ngo", contact_name="Jo")
        for name in ("Amnesty International", "Amnesty Internatonal", "Amnesty Intl")
    )
    merge(client, [a, b], "Amnesty International", primary=a)
    merge(client, [c, fresh(a.id)], "Amnesty International", primary=c)
    assert (fresh(b.id).merged_into_id, fresh(a.id).merged_into_id) == (a.id, c.id)
    withdraw_b = f"/en/signatures/withdraw/{tokens.make(fresh(b.id), tokens.EDIT)}"
    client.post(withdraw_b, data={"confirm": "1"})
    [request] = requests_made()
    page = client.get(page_of(c)).text
    assert f"/requests/{request.id}/apply" in page
    applied = client.post(console() + f"/requests/{request.id}/apply", follow_redirects=True)
    assert "These 2 other sign-ups of the organisation did not ask to withdraw" in applied.text
    assert [fresh(s.id).status for s in (a, b, c)] == [S.confirmed, S.withdrawn, S.confirmed]
    assert public_list(client) == []


GROUP_NOTE = (
    "1 other sign-up is merged into this entry: a decision on it applies to that sign-up "
    "too, and it stays merged. To decide on this sign-up alone, undo the merge first."
)


def test_the_kept_entrys_page_says_a_decision_is_the_groups_and_undoes_the_merge_there(
    client, amnesty
):
    kept, folded = amnesty
    page = client.get(f"{console()}/signatures/{kept.id}").text
    assert GROUP_NOTE in page
    assert GROUP_NOTE not in client.get(f"{console()}/signatures/{folded.id}").text
    record = db.session.scalars(select(SignatureMerge)).one()
    here = f"{console()}/signatures/{kept.id}"
    undone = client.post(f"{console()}/merges/{record.id}/undo", data={"next": here})
    assert (undone.status_code, undone.headers["Location"]) == (302, here)
    assert (fresh(folded.id).status, fresh(folded.id).merged_into_id) == (S.approved, None)
    assert GROUP_NOTE not in client.get(here).text


def test_rejecting_the_kept_entry_takes_the_group_off_and_the_merge_can_still_be_undone(
    client, amnesty
):
    """Rejecting the entry a merge kept is the group's rejection: the others stay merged, off
    the list with it. The merge is no less undoable: undone, each sign-up gets back its own
    status, and the rejected one stays rejected."""
    kept, folded = amnesty
    decide(client, "reject", kept.id)
    assert public_list(client) == []
    assert (fresh(folded.id).status, fresh(folded.id).merged_into_id) == (S.merged, kept.id)
    assert "Merge undone." in undo(client)
    assert (fresh(kept.id).status, fresh(kept.id).name) == (S.rejected, "Amnistía Internacional")
    assert (fresh(folded.id).status, fresh(folded.id).merged_into_id) == (S.approved, None)
    assert public_list(client) == [(1, "Amnesty International")]


def test_approving_the_rejected_entry_again_brings_the_group_back_still_undoable(client, amnesty):
    kept, folded = amnesty
    decide(client, "reject", kept.id)
    decide(client, "approve", kept.id)
    assert public_list(client) == [(1, "Amnistía Internacional")]
    assert fresh(folded.id).status is S.merged
    assert "Merge undone." in undo(client)
    assert public_list(client) == [(1, "Amnesty International"), (2, "Amnistía Internacional")]


def test_a_bulk_rejection_catching_the_kept_entry_says_who_goes_with_it_and_strands_nobody(
    client, amnesty
):
    kept, folded = amnesty
    bulk = f"{console()}/bulk"
    preview = client.post(bulk, data={"email_domain": "amnesty.example"}).text
    assert "1 signature would be rejected." in preview
    assert (
        "1 sign-up merged into them would leave the list with them: it stays merged, and "
        "returns if its entry is approved again or the merge is undone."
    ) in preview
    client.post(bulk, data={"email_domain": "amnesty.example", "expected": "1", "apply": "1"})
    assert fresh(kept.id).status is S.rejected and public_list(client) == []
    assert "Merge undone." in undo(client)
    assert public_list(client) == [(1, "Amnesty International")]


def test_a_change_to_the_kept_entry_other_than_a_decision_still_blocks_the_undo(client, amnesty):
    """Only a moderator's decision is the group's; a signer's correction of the kept entry
    is still a change the undo would overwrite, so the undo is refused as before."""
    kept, folded = amnesty
    decide(client, "reject", kept.id)
    decide(client, "approve", kept.id)
    row = fresh(kept.id)
    row.name = "Amnistía Internacional España"
    db.session.commit()
    assert "Merge undone." not in undo(client)
    assert fresh(folded.id).status is S.merged
