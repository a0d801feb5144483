"""Confirming an import: what is written is what a preview made now would show, or nothing."""

from __future__ import annotations

import sqlite3

import click
import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from campaign.db import db, make_engine
from campaign.letters.models import Letter
from campaign.moderation import import_services
from campaign.moderation.import_models import BatchStatus, ImportBatch
from campaign.signatures.models import SignatureStatus
from tests.factories import Factory
from tests.moderation_import.conftest import audit_actions, confirm, previewed, signatures

LIST = "1. Red Andina\n2. Zambia Legal Aid\n3. Instituto Andino de Derechos Humanos\n"


def test_a_list_whose_look_alike_has_gone_since_the_preview_is_not_imported(
    client, login_as, letter, coordinator, make
):
    """The preview held "Red Andina" as a possible duplicate of a signature that was then
    rejected: confirming would now add it, which the preview did not show."""
    existing = make.signature(letter, "Red Andina")
    login_as(coordinator)
    batch_id = previewed(client, letter, pasted=LIST)
    existing.status = SignatureStatus.rejected
    db.session.commit()
    page = confirm(client, letter, batch_id)
    assert "would now be treated differently" in page
    assert [s.name for s in signatures(letter)] == ["Red Andina"]  # the rejected one alone


def test_a_list_previewed_twice_and_confirmed_twice_is_imported_once(
    client, login_as, letter, coordinator
):
    login_as(coordinator)
    first, second = previewed(client, letter, pasted=LIST), previewed(client, letter, pasted=LIST)
    assert "3 entries imported." in confirm(client, letter, first)
    page = confirm(client, letter, second)
    assert "The letter&#39;s list changed since this preview" in page
    assert [s.status for s in signatures(letter)] == [SignatureStatus.approved] * 3
    assert audit_actions(letter) == ["import"] * 3 + ["import_batch"]
    db.session.expire_all()
    assert db.session.get(ImportBatch, second).status is BatchStatus.preview
    page = client.get(
        f"/manage/letters/{letter.slug}/import/{previewed(client, letter, pasted=LIST)}"
    )
    assert "Possible duplicates: 3" in page.get_data(as_text=True)


def test_an_entry_matching_a_signature_that_arrived_since_the_preview_is_not_published(
    client, login_as, make, letter, coordinator
):
    login_as(coordinator)
    batch_id = previewed(client, letter, pasted=LIST)
    make.signature(letter, "Red Andina")
    assert "Nothing was imported; make a new preview" in confirm(client, letter, batch_id)
    assert [s.name for s in signatures(letter)] == ["Red Andina"]
    assert audit_actions(letter) == []


def test_a_list_held_for_moderators_is_confirmed_even_if_unrelated_signatures_arrive(
    client, login_as, make, letter, coordinator
):
    login_as(coordinator)
    make.signature(letter, "Red Andina")
    batch_id = previewed(client, letter, pasted=LIST)
    make.signature(letter, "Kenya Human Rights Commission")
    assert "3 entries imported." in confirm(client, letter, batch_id)
    imported = [s for s in signatures(letter) if s.source.value == "imported"]
    assert [s.status for s in imported] == [
        SignatureStatus.confirmed,
        SignatureStatus.approved,
        SignatureStatus.approved,
    ]


def _other_connection_can_write(url: str) -> bool:
    """Whether a connection of another process could start writing now (SQLite: take its
    write lock at once; PostgreSQL never blocks a writer here)."""
    if not url.startswith("sqlite"):
        return True
    connection = sqlite3.connect(make_url(url).database, timeout=1, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()


def test_the_command_holds_no_transaction_at_its_prompt_and_catches_a_change_after_it(
    app, runner, monkeypatch, letter, tmp_path
):
    url = str(app.config["DATABASE_URL"])
    path = tmp_path / "list.txt"
    path.write_text(LIST)
    seen: dict[str, object] = {}

    def operator(question: str, default: bool) -> bool:  # noqa: ARG001
        seen["writable"] = _other_connection_can_write(url)
        if not seen["writable"]:
            return False  # writing from another engine would wait for the lock for ever
        engine = make_engine(url)
        with Session(engine) as other:
            seen["batches"] = [b.status for b in other.scalars(select(ImportBatch))]
            Factory(other).signature(other.get(Letter, letter.id), "Red Andina")
        engine.dispose()
        return True

    monkeypatch.setattr(click, "confirm", operator)
    result = runner.invoke(args=["import", letter.slug, str(path)])
    assert seen == {"writable": True, "batches": [BatchStatus.preview]}
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "Nothing was imported; make a new preview" in result.output
    assert [s.source.value for s in signatures(letter)] == ["web"] and audit_actions(letter) == []
    db.session.expire_all()
    assert db.session.scalar(select(ImportBatch.status)) is BatchStatus.cancelled


@pytest.mark.parametrize("on_the_web", ["confirm", "cancel"])
@pytest.mark.parametrize("answer", [True, False])
def test_the_command_says_so_when_its_preview_was_handled_on_the_web_meanwhile(
    app, runner, monkeypatch, letter, tmp_path, on_the_web, answer
):
    """The preview is committed before the question, so a moderator may confirm or cancel
    it on the web while the operator reads: whatever the answer, a message, no traceback,
    and the web's decision stands."""
    path = tmp_path / "list.txt"
    path.write_text(LIST)

    def operator(question: str, default: bool) -> bool:  # noqa: ARG001
        batch = db.session.scalars(select(ImportBatch)).one()
        if on_the_web == "confirm":
            import_services.apply(db.session, batch, None)
        else:
            import_services.cancel(db.session, batch)
        db.session.commit()
        return answer

    monkeypatch.setattr(click, "confirm", operator)
    result = runner.invoke(args=["import", letter.slug, str(path)])
    assert result.exit_code == 1 and result.exception is not None
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    db.session.expire_all()
    expected = BatchStatus.applied if on_the_web == "confirm" else BatchStatus.cancelled
    assert db.session.scalar(select(ImportBatch.status)) is expected
    assert "This import was already confirmed or cancelled." in result.output


def test_the_command_answered_no_cancels_its_preview(runner, letter, tmp_path):
    path = tmp_path / "list.txt"
    path.write_text(LIST)
    result = runner.invoke(args=["import", letter.slug, str(path)], input="n\n")
    assert result.exit_code == 1 and signatures(letter) == []
    assert db.session.scalar(select(ImportBatch.status)) is BatchStatus.cancelled


def test_counts_of_one_entry_are_singular(client, login_as, runner, letter, coordinator, tmp_path):
    login_as(coordinator)
    batch_id = previewed(client, letter, pasted="1. Red Andina\n")
    page = client.get(f"/manage/letters/{letter.slug}/import/{batch_id}").get_data(as_text=True)
    assert ">Import 1 entry<" in page and "1 entries" not in page
    assert "1 entry imported." in confirm(client, letter, batch_id)
    path = tmp_path / "list.txt"
    path.write_text("1. Zambia Legal Aid\n")
    result = runner.invoke(args=["import", letter.slug, str(path)], input="y\n")
    assert "Import 1 entry? [y/N]" in result.output and "Imported 1 entry:" in result.output
    assert "1 entries" not in result.output
