"""Merging by hand: duplicates the detector did not group (a name in two languages, the
acronym elsewhere) are chosen in the queue, or reached from a refused contact address, and
merged through the same form as a detected group, with the same checks."""

from __future__ import annotations

import html
import re

import pytest
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.moderation.models import SignatureMerge
from campaign.signatures import tokens
from campaign.signatures.models import Signature
from campaign.signatures.models import SignatureStatus as S
from tests.conftest import login
from tests.moderation.conftest import console, entries, fresh, page_of
from tests.moderation.test_contact import save_contact
from tests.moderation.test_duplicates import DUPS, public_list, seed

SPANISH = "Asociación Pro Derechos Humanos de España"
ENGLISH = "Spanish Association for Human Rights (APDHE)"
MERGE = console() + "/duplicates/merge"
MERGED = "Merged. The public list now shows this organisation once."
UNDO_THERE = f'<a href="{DUPS}#merges-h">Undo it from the duplicates page</a>'
TWO_AT_LEAST = "Select at least two signatures to merge."


@pytest.fixture
def pair(make, letter) -> tuple[Signature, Signature]:
    """One organisation twice, in Spanish (listed) and in English (awaiting a decision):
    the detector scores the pair 0.10, so the duplicates page shows no group."""
    listed = make.signature(
        letter, SPANISH, status=S.approved, country="ES", contact_email="info@apdhe.org"
    )
    waiting = make.signature(
        letter, ENGLISH, status=S.confirmed, country="ES", contact_email="contact@apdhe.org"
    )
    return listed, waiting


def picks(page: str) -> list[str]:
    """The values of the queue's checkboxes: "id:version" each."""
    return re.findall(r'name="ids" value="([^"]+)"', page)


def hidden(page: str) -> dict[str, str]:
    """The merge form's hidden fields as the page shows them."""
    found = re.findall(r'<input[^>]*name="(\w+)"[^>]*type="hidden"[^>]*value="([^"]*)"', page)
    return {name: html.unescape(value) for name, value in found}


def send_merge(client, page: str, keep: Signature, name: str, path: str = MERGE, **extra):  # noqa: ANN001, ANN003, ANN201
    """Press "Merge" on the merge form ``page`` showed, keeping ``keep`` under ``name``
    (``extra``: fields sent otherwise than the page has them)."""
    data = {**hidden(page), "primary": str(keep.id), "name_choice": name, "country": "ES"}
    return client.post(path, data={**data, **extra})


def test_a_pair_the_detector_missed_is_found_and_merged_from_the_queue(
    client, make, letter, moderator, pair
):
    listed, waiting = pair
    assert "Group 1" not in client.get(console() + "/duplicates").get_data(True)
    review = client.get(console()).get_data(True)
    assert ">" + SPANISH + "</a>" not in review  # listed already: not in "Needs a decision"
    assert "show all signatures and search for them" in review

    found = client.get(console() + "?status=all&q=apdhe").get_data(True)
    assert "2 signatures match." in found and "Merge selected…" in found
    assert f'formaction="{console()}/merge-selected"' in found
    chosen = picks(found)
    assert sorted(chosen) == sorted(f"{s.id}:{s.version}" for s in pair)

    back = console() + "?status=all&q=apdhe"
    opened = client.post(console() + "/merge-selected", data={"ids": chosen, "next": back})
    assert opened.status_code == 302
    form_path = opened.headers["Location"]
    assert form_path.startswith(MERGE + "?")
    form = client.get(form_path).get_data(True)
    assert "Merge duplicates" in form
    assert f'value="{SPANISH}"' in form and f'value="{html.escape(ENGLISH)}"' in form
    assert f'href="{html.escape(back)}"' in form  # Cancel goes back to the queue

    done = send_merge(client, form, listed, SPANISH, form_path)
    assert done.status_code == 302
    assert MERGED in client.get(done.headers["Location"]).get_data(True)
    assert (fresh(listed.id).status, fresh(listed.id).name) == (S.approved, SPANISH)
    assert (fresh(waiting.id).status, fresh(waiting.id).merged_into_id) == (S.merged, listed.id)
    assert [name for _, name in public_list(client)] == [SPANISH]
    assert {e.signature_id for e in entries("merge")} == {listed.id, waiting.id}


@pytest.mark.parametrize("count", [0, 1])
def test_merging_needs_at_least_two_signatures(client, make, letter, moderator, pair, count):
    chosen = picks(client.get(console() + "?status=all").get_data(True))[:count]
    answer = client.post(console() + "/merge-selected", data={"ids": chosen}, follow_redirects=True)
    assert TWO_AT_LEAST in answer.get_data(True)
    assert entries("merge") == []


def test_the_existing_checks_apply_to_signatures_chosen_by_hand(
    client, make, letter, moderator, pair
):
    """A sign-up still awaiting its signer's confirmation cannot be the one kept, and a
    rejected one cannot be merged: the form says so, as for a detected group."""
    listed, _waiting = pair
    unconfirmed = make.signature(letter, "APDHE", status=S.pending, contact_email="a@apdhe.org")
    rejected = make.signature(letter, "APDH España", status=S.rejected, contact_email="r@apdhe.org")
    rows = [listed, unconfirmed]
    path = f"{MERGE}?ids={listed.id},{unconfirmed.id}"
    form = client.get(path).get_data(True)
    refused = send_merge(client, form, unconfirmed, "APDHE", path).get_data(True)
    assert "This one still awaits email confirmation: choose another." in refused
    path = f"{MERGE}?ids={listed.id},{rejected.id}"
    refused = send_merge(client, client.get(path).get_data(True), listed, SPANISH, path)
    assert "Rejected, withdrawn or merged signatures cannot be merged." in refused.get_data(True)
    assert entries("merge") == [] and [fresh(s.id).status for s in rows] == [S.approved, S.pending]


def test_a_signature_of_another_letter_cannot_be_chosen(client, make, letter, moderator, pair):
    listed, _waiting = pair
    elsewhere = make.signature(make.letter("otra"), ENGLISH, status=S.confirmed)
    opened = client.post(
        console() + "/merge-selected",
        data={"ids": [f"{listed.id}:{listed.version}", f"{elsewhere.id}:{elsewhere.version}"]},
    )
    assert client.get(opened.headers["Location"]).status_code == 404


def test_a_row_changed_since_the_queue_was_opened_is_shown_as_it_is_now(
    app, client, make, letter, moderator, pair
):
    listed, waiting = pair
    chosen = picks(client.get(console() + "?status=all").get_data(True))
    withdraw = f"/en/signatures/withdraw/{tokens.make(waiting, tokens.EDIT)}"
    assert app.test_client().post(withdraw, data={"confirm": "1"}).status_code == 302

    form = client.post(
        console() + "/merge-selected", data={"ids": chosen}, follow_redirects=True
    ).get_data(True)
    assert (
        "1 of these signatures changed after you opened the queue (another moderator, or its "
        "signer). The merge form shows it as it is now: check it before merging."
    ) in form
    assert "Withdrawn" in form  # the form shows its status as it is now
    path = f"{MERGE}?ids={listed.id},{waiting.id}"
    refused = send_merge(client, form, listed, SPANISH, path).get_data(True)
    assert "Rejected, withdrawn or merged signatures cannot be merged." in refused
    assert fresh(waiting.id).status is S.withdrawn and entries("merge") == []


def test_a_merge_form_sent_after_a_signature_changed_merges_nothing_until_sent_again(
    app, client, make, letter, moderator, pair
):
    """Another moderator corrects the country while this one reads the merge form: the
    merge would write the form's country over it."""
    listed, waiting = pair
    path = f"{MERGE}?ids={listed.id},{waiting.id}"
    form = client.get(path).get_data(True)
    assert hidden(form)["versions"] == ",".join(f"{s.id}:{s.version}" for s in pair)
    make.user("other@example.org", roles={letter: Role.moderator})
    other = app.test_client()
    login(other, "other@example.org")
    hold = other.post(console() + "/decide", data={"decide": f"hold:{waiting.id}"})
    assert hold.status_code == 302

    refused = send_merge(client, form, listed, SPANISH, path)
    assert refused.status_code == 409
    page = refused.get_data(True)
    assert "so nothing was merged. They are shown as they are now" in page
    assert fresh(waiting.id).status is S.held and entries("merge") == []

    again = send_merge(client, page, listed, SPANISH, path)  # the page now carries the new versions
    assert again.status_code == 302
    assert fresh(waiting.id).merged_into_id == listed.id
    assert len(db.session.scalars(select(SignatureMerge)).all()) == 1


def test_a_refused_contact_address_leads_to_merging_the_two_sign_ups(
    client, make, letter, moderator, pair
):
    listed, waiting = pair
    answer = save_contact(client, waiting, contact_email="info@apdhe.org")
    assert answer.status_code == 409
    page = answer.get_data(True)
    assert "merge them from the duplicates page" not in page
    offer = re.search(r'<a href="([^"]+)">If both are the same organisation, merge the', page)
    link = html.unescape(offer.group(1))
    assert link.startswith(MERGE) and f"ids={waiting.id},{listed.id}" in link.replace("%2C", ",")
    form = client.get(link).get_data(True)
    assert f'value="{SPANISH}"' in form and f'value="{html.escape(ENGLISH)}"' in form
    assert f'href="{page_of(waiting)}"' in form  # Cancel goes back to the signature's page
    assert send_merge(client, form, listed, SPANISH, link).status_code == 302
    assert fresh(waiting.id).merged_into_id == listed.id


def test_no_merge_is_offered_with_a_sign_up_out_of_play(client, make, letter, moderator, pair):
    _listed, waiting = pair
    make.signature(letter, "Gone", status=S.rejected, contact_email="old@apdhe.org")
    page = save_contact(client, waiting, contact_email="old@apdhe.org").get_data(True)
    assert "Another sign-up for this letter already has this address." in page
    assert "merge the two sign-ups" not in page


def test_a_merge_started_from_the_queue_returns_to_it_as_it_was_with_undo_a_link_away(
    client, make, letter, moderator, pair
):
    """The moderator goes on with the queue as they filtered and sorted it; the merge can
    still be undone from the duplicates page's recent merges, which the message links to."""
    listed, _waiting = pair
    queue = client.get(console() + "?status=all&q=apdhe&sort=name").get_data(True)
    came_from = html.unescape(re.search(r'name="next" value="([^"]+)"', queue)[1])
    assert came_from == console() + "?status=all&q=apdhe&sort=name"
    opened = client.post(
        console() + "/merge-selected", data={"ids": picks(queue), "next": came_from}
    )
    form = client.get(opened.headers["Location"]).get_data(True)
    assert hidden(form)["next"] == came_from  # the form carries it, whatever address it posts to

    done = send_merge(client, form, listed, SPANISH)
    assert done.headers["Location"] == came_from
    back = client.get(came_from).get_data(True)
    assert f"{MERGED} {UNDO_THERE}" in back and "2 signatures match." in back
    [record] = db.session.scalars(select(SignatureMerge)).all()
    assert f"/merges/{record.id}/undo" in client.get(DUPS).get_data(True)


def test_a_merge_started_from_the_duplicates_page_ends_there(client, make, letter, moderator):
    seed(make, letter)
    duplicates = client.get(DUPS).get_data(True)
    link = html.unescape(
        re.search(r'<a class="button primary" href="([^"]+)">Review', duplicates)[1]
    )
    form = client.get(link).get_data(True)
    keep = fresh(int(hidden(form)["ids"].split(",")[0]))
    done = send_merge(client, form, keep, keep.name, link)
    assert done.headers["Location"] == DUPS
    page = client.get(DUPS).get_data(True)
    assert MERGED in page and UNDO_THERE not in page and "/undo" in page


@pytest.mark.parametrize(
    "elsewhere",
    [
        "https://evil.example/manage/",
        "//evil.example/manage/",
        "/\\evil.example/manage/",
        "/\t/evil.example/manage/",
        "/en/letters/carta",
    ],
)
def test_a_merge_never_goes_back_off_site_or_off_the_staff_pages(
    client, make, letter, moderator, pair, elsewhere
):
    listed, waiting = pair
    asked = {"ids": f"{listed.id},{waiting.id}", "next": elsewhere}
    form = client.get(MERGE, query_string=asked).get_data(True)
    assert hidden(form)["next"] == ""
    done = send_merge(client, form, listed, SPANISH, next=elsewhere)
    assert done.headers["Location"] == DUPS
