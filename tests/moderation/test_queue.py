"""The review queue: what needs a decision, flags, filters, and decisions one or many."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from campaign.db import db, utcnow
from campaign.moderation.models import Organisation, OrganisationAlias
from campaign.signatures.keys import name_key
from campaign.signatures.models import SignatureStatus as S
from campaign.signatures.models import SignerKind, Source
from tests.moderation.conftest import console, entries, fresh


@pytest.fixture
def config_overrides():
    return {"MODERATION_PAGE_SIZE": 3}


def names_on(page: str, *candidates: str) -> set[str]:
    return {name for name in candidates if f">{name}</a>" in page}


def test_queue_lists_confirmed_and_flagged_but_not_settled_signatures(
    client, make, letter, moderator
):
    make.signature(letter, "Confirmed Org", status=S.confirmed)
    make.signature(letter, "We fully support this letter!", status=S.approved)
    make.signature(letter, "Approved Org", status=S.approved)
    make.signature(letter, "Unconfirmed Org", status=S.pending)
    make.signature(letter, "Rejected Org", status=S.rejected)
    page = client.get(console()).get_data(True)
    shown = names_on(
        page,
        "Confirmed Org",
        "We fully support this letter!",
        "Approved Org",
        "Unconfirmed Org",
        "Rejected Org",
    )
    assert shown == {"Confirmed Org", "We fully support this letter!"}
    assert "Looks like a sentence, not a name" in page


def test_flags_name_a_person_and_duplicates(client, make, letter, moderator):
    make.signature(letter, "Maria Gonzalez", status=S.confirmed)
    make.signature(letter, "John Smith", status=S.confirmed, kind=SignerKind.individual)
    make.signature(letter, "Amnesty International", status=S.confirmed, country="GB")
    make.signature(letter, "Amnesty Internatonal", status=S.confirmed, country="GB")
    person = client.get(console() + "?flag=person").get_data(True)
    assert ">Maria Gonzalez</a>" in person
    assert ">John Smith</a>" not in person  # an individual is expected to be a person
    duplicates = client.get(console() + "?flag=possible_duplicate").get_data(True)
    pair = {"Amnesty International", "Amnesty Internatonal"}
    assert names_on(duplicates, *pair, "Maria Gonzalez") == pair


@pytest.mark.parametrize(
    "addresses",
    [
        ["203.0.113.9"] * 6,
        # A connection's IPv6 /64, an address of it for each sign-up, as the rate limits
        # count it: one source.
        [f"2001:db8:7:9::{n:x}" for n in range(5)] + ["2001:db8:7:9:ffff::1"],
    ],
)
def test_a_burst_from_one_address_is_flagged_as_suspicious(
    client, make, letter, moderator, addresses
):
    start = utcnow()
    for n in range(5):
        make.signature(
            letter,
            f"Wave {n}",
            status=S.confirmed,
            ip_address=addresses[n],
            created_at=start + timedelta(minutes=2 * n),
        )
    make.signature(
        letter,
        "Calm Org",
        status=S.confirmed,
        ip_address=addresses[5],
        created_at=start + timedelta(hours=3),
    )
    page = client.get(console() + "?flag=burst_ip&status=all").get_data(True)
    assert page.count("Part of a burst from one IP address</span>") == 3  # page size 3
    assert "5 signatures match." in page and ">Calm Org</a>" not in page


def test_a_burst_from_one_organisation_domain_but_not_from_free_mail(
    client, make, letter, moderator
):
    start = utcnow()
    for n in range(5):
        make.signature(
            letter,
            f"Spam {n}",
            status=S.confirmed,
            contact_email=f"x{n}@spam.example",
            created_at=start + timedelta(seconds=n),
        )
        make.signature(
            letter,
            f"Free {n}",
            status=S.confirmed,
            contact_email=f"y{n}@gmail.com",
            created_at=start + timedelta(seconds=n),
        )
    page = client.get(console() + "?flag=burst_domain&status=all&sort=name").get_data(True)
    assert "5 signatures match." in page and ">Spam 0</a>" in page and "Free" not in page


def test_filters_search_sort_and_pages(client, make, letter, moderator):
    make.signature(letter, "Zeta Org", status=S.confirmed, contact_email="a@zeta.example")
    make.signature(letter, "Alpha Org", status=S.confirmed, source=Source.imported)
    make.signature(letter, "Beta Org", status=S.confirmed)
    make.signature(letter, "Gamma Org", status=S.confirmed)
    first = client.get(console() + "?sort=name").get_data(True)
    assert names_on(first, "Alpha Org", "Beta Org", "Gamma Org", "Zeta Org") == {
        "Alpha Org",
        "Beta Org",
        "Gamma Org",
    }
    assert "Page 1 of 2" in first
    second = client.get(console() + "?sort=name&page=2").get_data(True)
    assert names_on(second, "Alpha Org", "Zeta Org") == {"Zeta Org"}
    assert ">Zeta Org</a>" in client.get(console() + "?q=zeta.example").get_data(True)
    imported = client.get(console() + "?source=imported").get_data(True)
    assert "1 signature matches." in imported and ">Alpha Org</a>" in imported
    assert "0 signatures match." in client.get(console() + "?status=rejected").get_data(True)
    assert client.get(console() + "?status=nonsense&page=x&sort=evil").status_code == 200
    # Keys the queue does not read are not carried into its page links (they were a 500).
    for extra in ("slug=x", "endpoint=x", "_method=DELETE", "_external=1"):
        page = client.get(console() + f"?sort=name&{extra}")
        assert page.status_code == 200 and "Page 1 of 2" in page.text
        [following] = re.findall(r'<a href="([^"]*)" rel="next">', page.text)
        assert following == console() + "?sort=name&amp;page=2"


def test_by_name_follows_the_public_lists_order_across_pages(client, make, letter, moderator):
    """By name, Àltera comes right after Albergue and İHH among the I's, as on the letter
    page, on SQLite (whose lower() knows only ASCII) as on PostgreSQL; pages split that
    order."""
    order = ["Albergue Org", "Àltera Org", "Beta Org", "İHH Org", "Jota Org", "Zeta Org"]
    for name in reversed(order):
        make.signature(letter, name, status=S.approved)
    shown = []
    for number in (1, 2):
        page = client.get(console() + f"?status=all&sort=name&page={number}").text
        shown += re.findall(r">([^<>]+ Org)</a>", page)
    assert shown == order
    public = client.get("/en/letters/carta").text
    assert sorted(order, key=public.index) == order


def test_search_ignores_case_and_accents_in_every_script(client, make, letter, moderator):
    """A name starting with an accented capital is found however it is typed, on SQLite
    (whose lower() knows only ASCII) as on PostgreSQL (where "İ" lowers to "i")."""
    names = ("Àltera-Asociación", "İHH İnsani Yardım", "Other Org")
    for name in names:
        make.signature(letter, name, status=S.approved)
    wanted = {
        "Àltera-Asociación": ("ltera", "Àltera", "altera", "ÀLTERA", "àltera asoc"),
        "İHH İnsani Yardım": ("İHH", "ihh", "IHH", "insani yardim", "İnsani"),
    }
    for name, searches in wanted.items():
        for q in searches:
            page = client.get(console(), query_string={"status": "all", "q": q}).text
            assert names_on(page, *names) == {name}, q


def test_approving_one_records_it_and_clears_it_from_the_queue(client, make, letter, moderator):
    s = make.signature(letter, "Confirmed Org", status=S.confirmed)
    response = client.post(
        console() + "/decide", data={"decide": f"approve:{s.id}", "next": console()}
    )
    assert response.headers["Location"] == console()
    assert fresh(s.id).status is S.approved and fresh(s.id).reviewed_at is not None
    [entry] = entries("approve")
    assert (entry.before, entry.after) == ({"status": "confirmed"}, {"status": "approved"})
    assert entry.actor_label == "mod@example.org" and entry.signature_id == s.id
    assert ">Confirmed Org</a>" not in client.get(console()).get_data(True)
    assert "Confirmed Org" in client.get("/en/letters/carta").get_data(True)


def test_approving_a_flagged_approved_entry_marks_it_reviewed(client, make, letter, moderator):
    s = make.signature(letter, "We fully support this letter!", status=S.approved)
    client.post(console() + "/decide", data={"decide": f"approve:{s.id}"})
    assert fresh(s.id).status is S.approved
    assert ">We fully support this letter!</a>" not in client.get(console()).get_data(True)


def test_bulk_decisions_apply_to_the_checked_rows_each_audited(client, make, letter, moderator):
    rows = [make.signature(letter, f"Org {n}", status=S.confirmed) for n in range(3)]
    data = {"action": "reject", "ids": [str(rows[0].id), str(rows[2].id)]}
    page = client.post(console() + "/decide", data=data, follow_redirects=True).get_data(True)
    assert "2 signatures updated." in page
    assert [fresh(r.id).status for r in rows] == [S.rejected, S.confirmed, S.rejected]
    assert [e.signature_id for e in entries("reject")] == [rows[0].id, rows[2].id]


def test_hold_keeps_a_signature_off_the_list_until_approved(client, make, letter, moderator):
    s = make.signature(letter, "Held Org", status=S.approved)
    client.post(console() + "/decide", data={"decide": f"hold:{s.id}"})
    assert fresh(s.id).status is S.held
    assert "Held Org" not in client.get("/en/letters/carta").get_data(True)
    assert ">Held Org</a>" in client.get(console()).get_data(True)
    client.post(console() + "/decide", data={"action": "approve", "ids": [str(s.id)]})
    assert "Held Org" in client.get("/en/letters/carta").get_data(True)


def test_impossible_decisions_are_refused_and_explained(client, make, letter, moderator):
    s = make.signature(letter, "Unconfirmed Org", status=S.pending)
    page = client.post(
        console() + "/decide", data={"decide": f"approve:{s.id}"}, follow_redirects=True
    )
    assert "1 signature cannot take that decision" in page.get_data(True)
    assert fresh(s.id).status is S.pending and entries() == []
    assert client.post(console() + "/decide", data={"decide": f"launch:{s.id}"}).status_code == 400
    empty = client.post(console() + "/decide", data={"action": "approve"}, follow_redirects=True)
    assert "Select at least one signature first." in empty.get_data(True)


def test_a_rejection_is_reconsidered_only_for_a_signature_its_signer_confirmed(
    client, make, letter, moderator
):
    """Rejecting a sign-up nobody confirmed, then approving it, would publish a signature no
    one showed the organisation agreed to: refused. A confirmed one can be reconsidered."""
    forged = make.signature(letter, "Never Confirmed Org", status=S.pending)
    wrongly = make.signature(letter, "Wrongly Rejected Org", status=S.rejected)
    for s in (forged, wrongly):
        client.post(console() + "/decide", data={"decide": f"reject:{s.id}"})
    page = client.post(
        console() + "/decide",
        data={"action": "approve", "ids": [str(forged.id), str(wrongly.id)]},
        follow_redirects=True,
    ).get_data(True)
    assert "1 signature cannot take that decision" in page
    assert "never confirmed by email by its signer" in page
    assert fresh(forged.id).status is S.rejected and fresh(forged.id).approved_at is None
    assert fresh(wrongly.id).status is S.approved
    public = client.get("/en/letters/carta").get_data(True)
    assert "Wrongly Rejected Org" in public and "Never Confirmed Org" not in public


def test_known_organisation_is_suggested_and_its_canonical_name_applied(
    client, make, letter, moderator
):
    org = Organisation(
        name="Amnesty International", name_key=name_key("Amnesty International"), country="GB"
    )
    org.aliases.append(
        OrganisationAlias(
            name="Amnistía Internacional", name_key=name_key("Amnistía Internacional")
        )
    )
    db.session.add(org)
    db.session.commit()
    s = make.signature(letter, "Amnistía Internacional", status=S.confirmed)
    page = client.get(console()).get_data(True)
    assert "Known organisation: Amnesty International" in page
    client.post(console() + f"/signatures/{s.id}/canonical")
    signature = fresh(s.id)
    assert (signature.name, signature.submitted_name) == (
        "Amnesty International",
        "Amnistía Internacional",
    )
    assert signature.organisation_id == org.id and signature.country == "GB"
    [entry] = entries("use_canonical")
    assert (
        entry.before["name"] == "Amnistía Internacional"
        and entry.after["name"] == "Amnesty International"
    )
    assert "Known organisation" not in client.get(console()).get_data(True)
