"""Duplicate review: clusters with reasons, merging into one listing, undo, the registry."""

from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import select

from campaign.accounts import services as accounts
from campaign.accounts.models import Role
from campaign.db import db
from campaign.exports.rows import numbered_rows
from campaign.moderation.models import Organisation, SignatureMerge
from campaign.signatures import tokens
from campaign.signatures.models import CorrectionRequest, EcosocStatus
from campaign.signatures.models import SignatureStatus as S
from tests.exports.helpers import run_cli
from tests.i18n import translated
from tests.moderation.conftest import console, entries, fresh

LISTED = re.compile(r'<li value="(\d+)"><bdi class="name">([^<]+)</bdi>')
DUPS = console() + "/duplicates"


def seed(make, letter):
    """An approved list with one typo duplicate and one sentence typed as a name."""
    return {
        name: make.signature(letter, name, status=S.approved, country=country, contact_email=email)
        for name, country, email in [
            ("Amnesty International", "GB", "info@amnesty.example"),
            ("Amnesty Internatonal", "GB", "london@amnesty.example"),
            ("Human Rights Watch", "US", "hrw@hrw.example"),
            ("Oxfam", "GB", "hello@oxfam.example"),
            ("We fully support this letter!", "FR", "someone@mail.example"),
        ]
    }


def public_list(client, slug="carta"):
    return [
        (int(n), name)
        for n, name in LISTED.findall(client.get(f"/en/letters/{slug}").get_data(True))
    ]


def merge(client, rows, name, primary=None, **extra):
    ids = ",".join(str(s.id) for s in rows)
    data = {
        "ids": ids,
        "primary": str((primary or rows[0]).id),
        "name_choice": name,
        "country": "GB",
        **extra,
    }
    return client.post(f"{DUPS}/merge", data=data, follow_redirects=True)


def test_clusters_are_shown_with_scores_and_readable_reasons(client, make, letter, moderator):
    seed(make, letter)
    page = client.get(DUPS).get_data(True)
    assert "Group 1: Amnesty" in page and "Group 2" not in page
    assert "Spelling differs slightly" in page and "Same country" in page
    assert re.search(r"score 0\.\d\d", page)


@pytest.mark.parametrize(
    ("language", "point"), [("en", "."), ("fr", ","), ("es", ","), ("ar", ".")]
)
def test_scores_are_written_as_the_moderator_writes_numbers(
    client, make, letter, moderator, language, point
):
    """The group's score and each pair's, as import previews write theirs: 0,87 in French,
    Western digits in Arabic (as every number of the interface)."""
    seed(make, letter)
    client.get(f"/language/{language}?next=/manage/")
    page = client.get(DUPS).get_data(True)
    score = rf"0{re.escape(point)}\d\d"
    for message in ("score %(score)s", "%(score)s:"):
        shown = re.escape(translated(language, message, score="SCORE"))
        assert re.search(shown.replace("SCORE", score), page), message
    other = "." if point == "," else ","
    assert not re.search(rf"\b0{re.escape(other)}\d\d\b", page) and "٠" not in page


def test_merge_page_offers_every_spelling_and_free_text(client, make, letter, moderator):
    rows = seed(make, letter)
    pair = f"{rows['Amnesty International'].id},{rows['Amnesty Internatonal'].id}"
    page = client.get(f"{DUPS}/merge?ids={pair}").get_data(True)
    assert 'value="Amnesty International"' in page and 'value="Amnesty Internatonal"' in page
    assert 'value="__other__"' in page and 'name="other_name"' in page


def test_merging_lists_the_organisation_once_and_keeps_contacts_and_history(
    client, make, letter, moderator
):
    rows = seed(make, letter)
    keep, dup = rows["Amnesty Internatonal"], rows["Amnesty International"]
    page = merge(client, [keep, dup], "Amnesty International").get_data(True)
    assert "Merged. The public list now shows this organisation once." in page
    assert (fresh(keep.id).name, fresh(keep.id).submitted_name) == (
        "Amnesty International",
        "Amnesty Internatonal",
    )
    assert fresh(dup.id).status is S.merged and fresh(dup.id).merged_into_id == keep.id
    names = [name for _, name in public_list(client)]
    assert names.count("Amnesty International") == 1 and "Amnesty Internatonal" not in names
    detail = client.get(console() + f"/signatures/{keep.id}").get_data(True)
    assert "info@amnesty.example" in detail and "london@amnesty.example" in detail
    merged = entries("merge")
    assert {e.signature_id for e in merged} == {keep.id, dup.id}
    by_id = {e.signature_id: e for e in merged}
    assert (
        by_id[dup.id].before["status"] == "approved" and by_id[dup.id].after["status"] == "merged"
    )
    assert by_id[keep.id].after["name"] == "Amnesty International"
    assert "Merged" in client.get("/manage/letters/carta/audit?action=merge").get_data(True)


def test_after_merging_and_rejecting_every_list_is_numbered_without_gaps(
    client, make, letter, moderator, runner, login_as
):
    rows = seed(make, letter)
    merge(
        client,
        [rows["Amnesty International"], rows["Amnesty Internatonal"]],
        "Amnesty International",
    )
    client.post(
        console() + "/decide", data={"decide": f"reject:{rows['We fully support this letter!'].id}"}
    )
    expected = ["Amnesty International", "Human Rights Watch", "Oxfam"]
    assert public_list(client) == list(enumerate(expected, start=1))
    assert [(r.number, r.name) for r in numbered_rows(db.session, letter.id)] == list(
        enumerate(expected, start=1)
    )
    text = run_cli(runner, "export", "carta", "--format", "txt").decode()
    assert [line for line in text.splitlines() if line[:1].isdigit()] == [
        "1. Amnesty International (United Kingdom)",
        "2. Human Rights Watch (United States)",
        "3. Oxfam (United Kingdom)",
    ]
    client.post("/logout")
    login_as(make.user(roles={letter: Role.coordinator}))
    download = client.post(
        "/manage/letters/carta/exports/download",
        data={
            "format": "csv",
            "language": "en",
            "snapshot": "0",
            "contacts": "y",
            "columns": "1",
            "download": "Download",
        },
    )
    table = list(csv.reader(io.StringIO(download.data.decode("utf-8-sig"))))
    assert [(row[0], row[1]) for row in table[1:]] == [
        (str(n), name) for n, name in enumerate(expected, 1)
    ]


def test_a_merge_teaches_the_registry_which_suggests_it_on_the_next_letter(
    client, make, letter, moderator
):
    rows = seed(make, letter)
    pair = [rows["Amnesty Internatonal"], rows["Amnesty International"]]
    merge(client, pair, "Amnesty International")
    org = db.session.scalars(select(Organisation)).one()
    assert (org.name, org.country) == ("Amnesty International", "GB")
    assert {a.name for a in org.aliases} == {"Amnesty International", "Amnesty Internatonal"}
    later = make.letter("later")
    accounts.grant(db.session, moderator, later.id, Role.moderator)
    db.session.commit()
    make.signature(later, "Amnesty Internatonal", status=S.confirmed)
    page = client.get("/manage/letters/later/moderation").get_data(True)
    assert "Known organisation: Amnesty International" in page


def test_a_merge_can_be_undone_leaving_no_trace_in_the_registry(client, make, letter, moderator):
    rows = seed(make, letter)
    keep, dup = rows["Amnesty Internatonal"], rows["Amnesty International"]
    merge(client, [keep, dup], "Amnesty Intl", name_choice="__other__", other_name="Amnesty Intl")
    assert fresh(keep.id).name == "Amnesty Intl"
    record = db.session.scalars(select(SignatureMerge)).one()
    page = client.post(console() + f"/merges/{record.id}/undo", follow_redirects=True).get_data(
        True
    )
    assert "Merge undone." in page
    assert (fresh(keep.id).name, fresh(keep.id).status) == ("Amnesty Internatonal", S.approved)
    assert (fresh(dup.id).status, fresh(dup.id).merged_into_id) == (S.approved, None)
    assert db.session.scalars(select(Organisation)).all() == []
    assert {e.signature_id for e in entries("merge_undone")} == {keep.id, dup.id}
    names = [name for _, name in public_list(client)]
    assert "Amnesty Internatonal" in names and "Amnesty International" in names
    again = client.post(console() + f"/merges/{record.id}/undo", follow_redirects=True).get_data(
        True
    )
    assert "can no longer be undone" in again


def test_free_text_name_is_required_when_chosen(client, make, letter, moderator):
    rows = seed(make, letter)
    page = merge(client, [rows["Amnesty Internatonal"], rows["Amnesty International"]], "__other__")
    assert "Enter the name to show." in page.get_data(True)
    assert fresh(rows["Amnesty International"].id).status is S.approved


def test_rejected_signatures_cannot_be_merged(client, make, letter, moderator):
    rows = seed(make, letter)
    gone = make.signature(letter, "Amnesty Intl.", status=S.rejected)
    page = merge(client, [rows["Amnesty International"], gone], "Amnesty International").get_data(
        True
    )
    assert "cannot be merged" in page and fresh(gone.id).merged_into_id is None


def test_look_alikes_can_be_kept_separate(client, make, letter, moderator):
    rows = seed(make, letter)
    pair = [rows["Amnesty International"], rows["Amnesty Internatonal"]]
    client.post(f"{DUPS}/separate", data={"ids": ",".join(str(s.id) for s in pair)})
    page = client.get(DUPS).get_data(True)
    assert "No possible duplicates." in page and "possible duplicate group" not in page
    assert {e.signature_id for e in entries("not_duplicate")} == {s.id for s in pair}


def test_the_same_merge_sent_twice_merges_once_and_says_why(client, make, letter, moderator):
    """A double click, or the back button and send again."""
    rows = seed(make, letter)
    keep, dup = rows["Amnesty Internatonal"], rows["Amnesty International"]
    merge(client, [keep, dup], "Amnesty International")
    again = merge(client, [keep, dup], "Amnesty International")
    assert again.status_code == 200
    assert "Rejected, withdrawn or merged signatures cannot be merged." in again.get_data(True)
    assert len(db.session.scalars(select(SignatureMerge)).all()) == 1
    assert [name for _, name in public_list(client)].count("Amnesty International") == 1


def test_a_merge_kept_in_a_confirmed_row_keeps_the_group_approved_and_its_ecosoc_status(
    client, make, letter, moderator
):
    listed = make.signature(letter, "Front Line Defenders", ecosoc_status=EcosocStatus.special)
    kept = make.signature(letter, "Frontline Defenders", status=S.confirmed)
    form = client.get(f"{DUPS}/merge?ids={listed.id},{kept.id}").text
    assert '<option selected value="special">Special consultative status</option>' in form
    merge(client, [listed, kept], "Front Line Defenders", primary=kept)
    assert (fresh(kept.id).status, fresh(kept.id).ecosoc_status) == (S.approved, "special")
    assert public_list(client) == [(1, "Front Line Defenders")]
    record = db.session.scalars(select(SignatureMerge)).one()
    client.post(console() + f"/merges/{record.id}/undo")
    assert (fresh(kept.id).status, fresh(kept.id).ecosoc_status) == (S.confirmed, "unknown")
    assert fresh(listed.id).status is S.approved


def test_the_moderator_may_choose_the_merged_ecosoc_status(client, make, letter, moderator):
    a = make.signature(letter, "Article 19", ecosoc_status=EcosocStatus.general)
    b = make.signature(letter, "Article XIX", ecosoc_status=EcosocStatus.roster)
    merge(client, [b, a], "Article 19", ecosoc_status="none")
    assert fresh(b.id).ecosoc_status is EcosocStatus.none
    [entry] = [e for e in entries("merge") if e.signature_id == b.id]
    assert (entry.before["ecosoc_status"], entry.after["ecosoc_status"]) == ("roster", "none")


@pytest.mark.parametrize("blank", [" ", "\t", "\n\n"])
def test_a_blank_ecosoc_status_keeps_the_groups_best(client, make, letter, moderator, blank):
    """Spaces where a menu's value should be are no value (they were a 500)."""
    a = make.signature(letter, "Article 19", ecosoc_status=EcosocStatus.general)
    b = make.signature(letter, "Article XIX", ecosoc_status=EcosocStatus.roster)
    merge(client, [b, a], "Article 19", ecosoc_status=blank)
    assert fresh(b.id).ecosoc_status is EcosocStatus.general


def test_a_signature_awaiting_confirmation_cannot_be_the_one_kept(client, make, letter, moderator):
    listed = make.signature(letter, "Article 19", ecosoc_status=EcosocStatus.general)
    pending = make.signature(letter, "ARTICLE 19 Global Campaign", status=S.pending)
    page = merge(client, [listed, pending], "Article 19", primary=pending).text
    assert "This one still awaits email confirmation" in page
    assert db.session.scalars(select(SignatureMerge)).all() == []
    assert fresh(listed.id).status is S.approved and public_list(client) == [(1, "Article 19")]


def undo(client, record):
    return client.post(console() + f"/merges/{record.id}/undo", follow_redirects=True).text


def merges_made():
    db.session.expire_all()
    return db.session.scalars(select(SignatureMerge).order_by(SignatureMerge.id)).all()


def signer_edits(client, signature, **fields):
    """The signer changes their entry through the private link in their emails."""
    link = f"/en/signatures/edit/{tokens.make(fresh(signature.id), tokens.EDIT)}"
    data = {"name": signature.name, "country": "GB", "org_type": "ngo", "ecosoc_status": "none"}
    response = client.post(link, data={**data, "contact_name": "Jo", "language": "en", **fields})
    assert response.status_code == 302


@pytest.fixture
def trio(make, letter):
    """One organisation signed three times, the first with its private edit link's details."""
    return [
        make.signature(
            letter,
            name,
            status=S.approved,
            country="GB",
            org_type="ngo",
            ecosoc_status=EcosocStatus.none,
            contact_name="Jo",
        )  # fmt: skip
        for name in ("Amnesty International", "Amnesty Internatonal", "Amnesty Intl")
    ]


def test_an_undo_is_refused_once_the_kept_signers_request_was_applied(
    client, letter, moderator, trio
):
    """While the merge stands, the kept row's signer only asks (tests/moderation/
    test_merged_signers.py); once a moderator applies it, the row has changed."""
    kept, dup, _ = trio
    merge(client, [kept, dup], "Amnesty International")
    [record] = merges_made()
    signer_edits(client, fresh(kept.id), country="FR", ecosoc_status="special")
    assert fresh(kept.id).country == "GB"
    [request] = db.session.scalars(select(CorrectionRequest)).all()
    client.post(console() + f"/requests/{request.id}/apply")
    page = undo(client, record)
    assert "These signatures changed since the merge, so it can no longer be undone." in page
    after = fresh(kept.id)
    assert (after.country, after.ecosoc_status) == ("FR", EcosocStatus.special)
    assert (fresh(dup.id).status, fresh(dup.id).merged_into_id) == (S.merged, kept.id)
    assert entries("merge_undone") == [] and merges_made()[0].undone_at is None


def test_an_undo_is_refused_once_a_moderator_corrected_the_kept_signature(
    client, letter, moderator, trio
):
    kept, dup, _ = trio
    merge(client, [dup, kept], "Amnesty International", primary=kept)
    [record] = merges_made()
    corrected = {"name": "Amnesty International UK", "country": "GB"}
    client.post(console() + f"/signatures/{kept.id}/edit", data=corrected)
    assert "can no longer be undone" in undo(client, record)
    assert fresh(kept.id).name == "Amnesty International UK"


def test_a_merge_made_before_versions_were_kept_is_undone_as_before(
    client, letter, moderator, trio
):
    kept, dup, _ = trio
    merge(client, [kept, dup], "Amnesty Intl UK", name_choice="__other__", other_name="AI UK")
    [record] = merges_made()
    record.versions_before = record.versions_after = None
    db.session.commit()
    assert "Merge undone." in undo(client, record)
    assert fresh(kept.id).name == "Amnesty International" and fresh(dup.id).status is S.approved


def test_stacked_merges_are_undone_newest_first(client, letter, moderator, trio):
    a, b, c = trio
    merge(client, [a, b], "AI UK", name_choice="__other__", other_name="AI UK")
    merge(client, [a, c], "AI", name_choice="__other__", other_name="AI")
    first, second = merges_made()
    page = client.get(DUPS).text
    assert f"/merges/{second.id}/undo" in page and f"/merges/{first.id}/undo" not in page
    assert "to undo, first undo the later merge of these signatures" in page
    refused = undo(client, first)
    assert "A later merge includes some of these signatures: undo that merge first" in refused
    assert (fresh(a.id).name, fresh(c.id).status, fresh(b.id).status) == ("AI", S.merged, S.merged)
    assert "Merge undone." in undo(client, second)
    assert (fresh(a.id).name, fresh(c.id).status) == ("AI UK", S.approved)
    assert f"/merges/{first.id}/undo" in client.get(DUPS).text
    assert "Merge undone." in undo(client, first)
    assert [(s.name, s.status, s.organisation_id) for s in map(fresh, (a.id, b.id, c.id))] == [
        ("Amnesty International", S.approved, None),
        ("Amnesty Internatonal", S.approved, None),
        ("Amnesty Intl", S.approved, None),
    ]
    assert db.session.scalars(select(Organisation)).all() == []


def test_a_merge_whose_kept_row_changed_before_a_later_merge_stays_refused(
    client, letter, moderator, trio
):
    """Undoing the later merge gives back the corrected row, not the one the first merge left."""
    a, b, c = trio
    merge(client, [a, b], "AI UK", name_choice="__other__", other_name="AI UK")
    client.post(console() + f"/signatures/{a.id}/edit", data={"name": "AI UK", "country": "FR"})
    merge(client, [a, c], "AI", name_choice="__other__", other_name="AI")
    first, second = merges_made()
    assert "Merge undone." in undo(client, second)
    assert "can no longer be undone" in undo(client, first)
    assert (fresh(a.id).name, fresh(a.id).country, fresh(b.id).status) == ("AI UK", "FR", S.merged)


def test_a_merge_can_still_be_undone_after_the_name_keys_are_stored_again(
    client, letter, moderator, trio, runner
):
    kept, dup, _ = trio
    merge(client, [kept, dup], "Amnesty International", primary=kept)
    [record] = merges_made()
    for signature in (fresh(kept.id), fresh(dup.id)):  # keys from an older engine
        signature.name_key = "stale " + signature.name_key
    db.session.commit()
    record.versions_after = {str(s.id): fresh(s.id).version for s in (kept, dup)}
    db.session.commit()
    assert "2 name keys updated." in runner.invoke(args=["moderation", "rekey"]).output
    assert "Merge undone." in undo(client, record)
    assert fresh(dup.id).status is S.approved and not fresh(kept.id).name_key.startswith("stale")
