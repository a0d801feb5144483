"""Readiness (console and staff letter page) and bulk invalidation of spam waves."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from campaign.db import db
from campaign.signatures.models import CorrectionRequest, RequestKind
from campaign.signatures.models import SignatureStatus as S
from tests.i18n import translated
from tests.moderation.conftest import console, entries, fresh

BULK = console() + "/bulk"


def test_readiness_lists_counts_and_what_blocks_a_clean_export(client, make, letter, moderator):
    make.signature(letter, "Amnesty International", status=S.approved, country="GB")
    make.signature(letter, "Amnesty Internatonal", status=S.approved, country="GB")
    make.signature(letter, "Human Rights Watch", status=S.approved, country="US")
    make.signature(letter, "Human Rights Wacth", status=S.approved, country="US")
    make.signature(letter, "We fully support this letter!", status=S.confirmed)
    make.signature(letter, "Confirmed Org", status=S.confirmed)
    held = make.signature(letter, "Held Org", status=S.held)
    for kind in (RequestKind.correction, RequestKind.withdrawal, RequestKind.withdrawal):
        db.session.add(CorrectionRequest(signature_id=held.id, kind=kind, changes={}))
    db.session.commit()
    for url in (console(), "/manage/letters/carta"):
        page = client.get(url).get_data(True)
        assert "Approved: <strong>4</strong>" in page
        assert "Confirmed, awaiting decision: <strong>2</strong>" in page
        for blocker in (
            "2 possible duplicate groups",
            "1 entry flagged as not a name",
            "2 pending withdrawal requests",
            "1 pending correction request",
            "2 confirmed signatures awaiting a decision",
            "1 signature on hold",
        ):
            assert f"<li>{blocker}</li>" in page, (url, blocker)


def test_readiness_is_clean_when_nothing_is_left_and_translated(client, make, letter, moderator):
    make.signature(letter, "Oxfam", status=S.approved)
    assert "Nothing blocks a clean export." in client.get(console()).get_data(True)
    make.signature(letter, "Confirmed Org", status=S.confirmed)
    client.get("/language/fr?next=/manage/")
    page = client.get(console()).get_data(True)
    assert translated("fr", "Readiness") in page


def spam_wave(make, letter):
    wave = [
        make.signature(
            letter,
            f"Spam Org {n}",
            status=S.pending,
            ip_address="198.51.100.7",
            contact_email=f"bot{n}@spam.example",
            created_at=datetime(2026, 11, 1, 3, n, tzinfo=UTC),
        )
        for n in range(12)
    ]
    keep = make.signature(
        letter,
        "Real Org",
        status=S.approved,
        contact_email="a@real.example",
        created_at=datetime(2026, 11, 1, 3, 5, tzinfo=UTC),
    )
    return wave, keep


def test_bulk_invalidation_previews_then_rejects_each_with_an_entry(
    client, make, letter, moderator
):
    wave, keep = spam_wave(make, letter)
    preview = client.post(BULK, data={"email_domain": "@Spam.Example"})
    page = preview.get_data(True)
    assert preview.status_code == 200 and "12 signatures would be rejected." in page
    assert "Spam Org 0" in page and "and 2 more." in page and "Real Org" not in page
    assert all(fresh(s.id).status is S.pending for s in wave)
    done = client.post(
        BULK,
        data={"email_domain": "spam.example", "expected": "12", "apply": "1"},
        follow_redirects=True,
    )
    assert "12 signatures rejected." in done.get_data(True)
    assert (
        all(fresh(s.id).status is S.rejected for s in wave) and fresh(keep.id).status is S.approved
    )
    log = entries("bulk_reject")
    assert [e.signature_id for e in log] == [s.id for s in wave]
    assert log[0].before == {"status": "pending"} and log[0].after == {"status": "rejected"}
    assert "email_domain=spam.example" in log[0].detail


def test_bulk_criteria_combine_ip_time_window_and_glob(client, make, letter, moderator):
    spam_wave(make, letter)
    data = {
        "ip_address": "198.51.100.7",
        "since": "2026-11-01T03:02",
        "until": "2026-11-01T03:04",
        "name_pattern": "spam org ?",
    }
    assert "3 signatures would be rejected." in client.post(BULK, data=data).get_data(True)
    assert "12 signatures would be" in client.post(BULK, data={"name_pattern": "SPAM"}).get_data(
        True
    )
    none = client.post(BULK, data={"name_pattern": "%"}).get_data(True)
    assert "0 signatures would be rejected." in none  # LIKE wildcards are taken literally


@pytest.mark.parametrize(
    ("pattern", "count"),
    [
        ("Àltera", 1),
        ("ÀLTERA*", 1),
        ("altera ?ur", 1),
        ("İHH*", 1),
        ("ihh", 1),
        ("*YARDIM", 1),
        ("*e.V.", 1),  # punctuation is matched as written: not "Nevada Aid"
    ],
)
def test_bulk_name_patterns_ignore_case_and_accents_in_every_script(
    client, make, letter, moderator, pattern, count
):
    for name in ("Àltera Sur", "İHH Yardım", "Nevada Aid", "Verein Hilfe e.V."):
        make.signature(letter, name, status=S.pending)
    page = client.post(BULK, data={"name_pattern": pattern}).text
    assert (
        translated(
            "en",
            "%(num)d signature would be rejected.",
            "%(num)d signatures would be rejected.",
            num=count,
        )
        in page
    )


def test_a_date_that_is_not_one_is_refused_in_the_pages_language(client, make, letter, moderator):
    wave, _ = spam_wave(make, letter)
    client.get("/language/fr")
    data = {"since": "1er novembre", "ip_address": "198.51.100.7", "expected": "douze"}
    refused = client.post(BULK, data=data | {"apply": "1"})
    assert refused.status_code == 400
    for message in ("Not a valid datetime value.", "Not a valid integer value."):
        assert translated("fr", message) in refused.text
        assert message not in refused.text
    assert all(fresh(s.id).status is S.pending for s in wave)


def test_bulk_refuses_without_criteria_or_when_the_count_moved(client, make, letter, moderator):
    wave, _ = spam_wave(make, letter)
    empty = client.post(BULK, data={})
    assert empty.status_code == 400 and "Give at least one criterion." in empty.get_data(True)
    moved = client.post(BULK, data={"email_domain": "spam.example", "expected": "11", "apply": "1"})
    assert "The number of matching signatures changed" in moved.get_data(True)
    assert all(fresh(s.id).status is S.pending for s in wave)
