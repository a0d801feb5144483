"""``campaign cleanup``: sent mail, finished exports, imports and unconfirmed sign-ups are
deleted after their keeping time; queued mail, running exports, snapshots and sign-ups that
count never are."""

from __future__ import annotations

import os
import time
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from campaign.cli import main
from campaign.db import db, utcnow
from campaign.exports.models import ExportJob, ExportSnapshot, JobStatus
from campaign.letters.models import Letter
from campaign.mail_models import OutboxMessage, OutboxStatus
from campaign.moderation import merges
from campaign.moderation.import_models import BatchStatus, ImportBatch
from campaign.moderation.models import AuditEntry, SignatureMerge
from campaign.signatures.models import (
    CorrectionRequest,
    RequestKind,
    Signature,
    SignatureStatus,
    SignerKind,
)
from tests.exports.helpers import pdf_text
from tests.workers import outbox_worker, wait_for


@pytest.fixture
def config_overrides() -> dict[str, object]:
    return {
        "MAIL_KEEP_DAYS": 30,
        "EXPORT_KEEP_DAYS": 7,
        "IMPORT_KEEP_DAYS": 3,
        "SIGN_UNCONFIRMED_KEEP_DAYS": 20,
        "SIGN_CONFIRM_MAX_AGE": 14 * 24 * 3600,
    }


def days_ago(days: float):  # noqa: ANN201
    return utcnow() - timedelta(days=days)


def mail(label: str, status: OutboxStatus, age: float) -> OutboxMessage:
    return OutboxMessage(
        template="signature_confirm",
        language="en",
        recipient=f"{label}@example.org",
        status=status,
        created_at=days_ago(age),
        body_text="https://example.org/private-link",
    )


def remaining(column):  # noqa: ANN001, ANN201
    db.session.expire_all()
    return sorted(db.session.scalars(select(column)))


def test_cleanup_deletes_only_what_is_past_its_keeping_time(make, runner):
    letter = make.letter("carta")
    db.session.add_all(
        [
            mail("old-sent", OutboxStatus.sent, 31),
            mail("old-failed", OutboxStatus.failed, 45),
            mail("old-cancelled", OutboxStatus.cancelled, 31),
            mail("old-queued", OutboxStatus.queued, 60),  # still to be sent: never deleted
            mail("recent-sent", OutboxStatus.sent, 29),
        ]
    )
    for spec, status, finished in [
        ("old-done", JobStatus.done, 8),
        ("old-failed", JobStatus.failed, 9),
        ("recent-done", JobStatus.done, 6),
        ("running", JobStatus.running, None),
    ]:
        db.session.add(
            ExportJob(
                letter_id=letter.id,
                spec=spec,
                status=status,
                result=b"name,email\n" if status is JobStatus.done else None,
                created_at=days_ago(30),
                finished_at=days_ago(finished) if finished else None,
            )
        )
    db.session.add(
        ExportSnapshot(letter_id=letter.id, sha256="0" * 64, content="{}", created_at=days_ago(99))
    )
    for name, status, age in [
        ("old-preview", BatchStatus.preview, 4),
        ("old-applied", BatchStatus.applied, 10),
        ("recent-preview", BatchStatus.preview, 2),
    ]:
        db.session.add(
            ImportBatch(
                letter_id=letter.id,
                status=status,
                format="csv",
                filename=name,
                rows=[{"name": "Org", "email": "contact@example.org"}],
                created_at=days_ago(age),
            )
        )
    db.session.commit()

    output = runner.invoke(main, args=["cleanup"]).output
    assert "deleted 3 finished message(s), 2 finished export(s), 2 import(s)," in output
    assert remaining(OutboxMessage.recipient) == [
        "old-queued@example.org",
        "recent-sent@example.org",
    ]
    assert remaining(ExportJob.spec) == ["recent-done", "running"]
    assert len(remaining(ExportSnapshot.id)) == 1
    assert remaining(ImportBatch.filename) == ["recent-preview"]

    again = runner.invoke(main, args=["cleanup"]).output
    assert "deleted 0 finished message(s), 0 finished export(s), 0 import(s)," in again


def test_sign_ups_never_confirmed_are_forgotten_after_their_keeping_time(make, runner, app):
    letter = make.letter("carta")
    ages = {
        "Old Pending": (SignatureStatus.pending, 21),
        "Recent Pending": (SignatureStatus.pending, 19),
        "Fresh Pending": (SignatureStatus.pending, 10),
        "Old Confirmed": (SignatureStatus.confirmed, 90),
        "Old Approved": (SignatureStatus.approved, 90),
        "Old Withdrawn": (SignatureStatus.withdrawn, 90),
        "Old Rejected": (SignatureStatus.rejected, 90),
        # Rejected (a spam wave) or withdrawn before anyone confirmed them.
        "Old Rejected Unconfirmed": (SignatureStatus.rejected, 21),
        "Old Withdrawn Unconfirmed": (SignatureStatus.withdrawn, 21),
        "Recent Rejected Unconfirmed": (SignatureStatus.rejected, 19),
    }
    rows = {
        name: make.signature(
            letter, name, status=status, **({"confirmed_at": None} if "Unconfirmed" in name else {})
        )
        for name, (status, _) in ages.items()
    }
    old = rows["Old Pending"]
    db.session.add(CorrectionRequest(signature_id=old.id, kind=RequestKind.correction))
    db.session.add(
        AuditEntry(letter_id=letter.id, signature_id=old.id, action="edit", actor_label="x")
    )
    for name, (_, age) in ages.items():
        rows[name].updated_at = rows[name].created_at = days_ago(age)
    db.session.commit()

    output = runner.invoke(main, args=["cleanup"]).output
    assert "3 unconfirmed sign-up(s)" in output
    gone = {"Old Pending", "Old Rejected Unconfirmed", "Old Withdrawn Unconfirmed"}
    assert remaining(Signature.name) == sorted(set(ages) - gone)
    assert remaining(CorrectionRequest.id) == []
    assert remaining(AuditEntry.signature_id) == [None]  # the record stays, unlinked

    # Never before its confirmation link (14 days here) has expired, whatever the setting.
    app.config["SIGN_UNCONFIRMED_KEEP_DAYS"] = 1
    assert "2 unconfirmed sign-up(s)" in runner.invoke(main, args=["cleanup"]).output
    assert "Fresh Pending" in remaining(Signature.name)
    assert "Recent Pending" not in remaining(Signature.name)
    assert "Recent Rejected Unconfirmed" not in remaining(Signature.name)


def test_a_repeat_submission_keeps_an_unconfirmed_sign_up(client, make, app):
    from tests.signatures.conftest import form_data

    app.config["SIGN_MIN_SECONDS"] = 0
    letter = make.letter("carta")
    data = form_data(contact_email="late@example.org")
    assert client.post("/en/letters/carta/sign", data=data).status_code == 302
    [signature] = db.session.scalars(select(Signature)).all()
    signature.updated_at = signature.created_at = days_ago(25)
    db.session.commit()
    assert client.post("/en/letters/carta/sign", data=data).status_code == 302  # again
    from campaign import housekeeping

    assert housekeeping.run(db.session)["unconfirmed"] == 0
    assert remaining(Signature.status) == [SignatureStatus.pending]
    assert letter.id


def test_the_outbox_worker_cleans_up_as_it_starts_and_then_hourly(make, database_url):
    """A deployment that runs the worker (README: Production) needs no cron job for this."""
    db.session.add(mail("old-sent", OutboxStatus.sent, 31))
    db.session.commit()
    with outbox_worker(database_url, MAIL_PORT=9) as worker:
        assert "outbox worker" in worker.stdout.readline()
        wait_for(lambda: not remaining(OutboxMessage.recipient))
    assert remaining(OutboxMessage.recipient) == []


def test_a_signature_a_merge_kept_is_never_forgotten(make, runner):
    """Its signer withdrew it and signed again without confirming: the merge's record and the
    rows folded into it would go with it."""
    letter = make.letter("carta")
    kept, folded = make.signature(letter, "Amnesty"), make.signature(letter, "Amnesty Intl")
    merges.merge(db.session, letter, [kept.id, folded.id], kept.id, "Amnesty", None, None)
    kept.status, kept.updated_at = SignatureStatus.pending, days_ago(90)
    db.session.commit()
    assert "0 unconfirmed sign-up(s)" in runner.invoke(main, args=["cleanup"]).output
    assert remaining(Signature.name) == ["Amnesty", "Amnesty Intl"]
    assert remaining(SignatureMerge.primary_id) == [kept.id]


def test_cleanup_deletes_cached_public_pdfs_no_longer_current(client, make, runner, app):
    """A withdrawn signatory's name must not stay on disk in an old cached PDF: files that
    are not the current one for their letter and language go, the current ones stay."""
    cache = Path(app.config["EXPORT_CACHE_DIR"])
    letter = make.letter("carta", texts={"en": ("Letter", "Text"), "fr": ("Lettre", "Texte")})
    make.signature(letter, "Amnesty International")
    person = make.signature(letter, "Maria Withdrawn", kind=SignerKind.individual)
    make.signature(make.letter("otra"), "Another Org")
    for path in ("/en/letters/carta", "/fr/letters/carta", "/en/letters/otra"):
        assert client.get(f"{path}/letter.pdf").status_code == 200
    (cache / f"{'0' * 64}.pdf").write_bytes(b"%PDF named as before names held the letter")
    (cache / "dead-build.part").write_bytes(b"%PDF half")
    os.utime(cache / "dead-build.part", (time.time() - 7200,) * 2)
    (cache / "building-now.part").write_bytes(b"%PDF half")
    person.status = SignatureStatus.withdrawn
    db.session.commit()
    current = client.get("/en/letters/carta/letter.pdf").data
    assert "Maria Withdrawn" not in pdf_text(current)
    assert len(list(cache.glob("*.pdf"))) == 5

    output = runner.invoke(main, args=["cleanup"]).output
    assert "4 out-of-date public PDF(s)" in output  # en and fr with her, old name, dead build
    left = sorted(p.name for p in cache.iterdir())
    assert len(left) == 3 and "building-now.part" in left
    assert not any("Maria Withdrawn" in pdf_text(p.read_bytes()) for p in cache.glob("*.pdf"))
    assert client.get("/en/letters/carta/letter.pdf").data == current
    assert "0 out-of-date public PDF(s)" in runner.invoke(main, args=["cleanup"]).output

    db.session.delete(db.session.get(Letter, letter.id))
    db.session.commit()
    assert "1 out-of-date public PDF(s)" in runner.invoke(main, args=["cleanup"]).output
