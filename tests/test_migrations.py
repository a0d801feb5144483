"""Models and migrations agree, and every revision goes down and up again, on each backend."""

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from campaign.accounts.models import Role
from campaign.db import make_engine
from campaign.dbcli import alembic_config
from campaign.models import Base
from campaign.signatures.keys import email_key
from tests.conftest import empty_tables
from tests.factories import Factory


def test_models_match_migrations(database_url):
    command.check(alembic_config(database_url))


def test_every_revision_downgrades_and_upgrades(database_url):
    cfg = alembic_config(database_url)
    command.downgrade(cfg, "base")
    engine = make_engine(database_url)
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    command.upgrade(cfg, "head")
    assert {t.name for t in Base.metadata.sorted_tables} <= set(inspect(engine).get_table_names())
    engine.dispose()
    command.check(cfg)


def test_revisions_form_one_line(database_url):
    scripts = ScriptDirectory.from_config(alembic_config(database_url))
    assert len(scripts.get_heads()) == 1
    for revision in scripts.walk_revisions():
        assert revision.module.downgrade.__code__.co_code != (lambda: None).__code__.co_code


def test_downgrading_below_account_entries_drops_them(database_url):
    """The older schema needs a letter on every audit entry: entries about staff accounts
    go, and the way back up works again."""
    cfg = alembic_config(database_url)
    command.upgrade(cfg, "head")
    engine = make_engine(database_url)
    columns = "(letter_id, action, actor_label, before, after, detail, created_at)"
    values = "(NULL, 'account_switched_off', 'command line', '{}', '{}', '', CURRENT_TIMESTAMP)"
    with engine.begin() as connection:
        connection.execute(text(f"INSERT INTO audit_entries {columns} VALUES {values}"))
    try:
        command.downgrade(cfg, "21230b17d0b4")
        with engine.connect() as connection:
            count = connection.execute(text("SELECT COUNT(*) FROM audit_entries")).scalar()
        assert count == 0
    finally:
        command.upgrade(cfg, "head")
        engine.dispose()


@contextmanager
def at_head_with_rows(database_url: str) -> Iterator[tuple[Config, Engine, Factory]]:
    """The schema at head, a factory to put rows in, and the way back to head with empty
    tables afterwards, whatever the test did to the schema in between."""
    cfg = alembic_config(database_url)
    command.upgrade(cfg, "head")
    engine = make_engine(database_url)
    try:
        with Session(engine) as session:
            yield cfg, engine, Factory(session)
    finally:
        command.upgrade(cfg, "head")
        empty_tables(database_url)
        engine.dispose()


def test_email_keys_are_made_again_with_the_domain_lower_cased_not_folded(database_url):
    """Keys stored by the older rule (domain case-folded: "straße" became "strasse") are
    made again on the way up, so a signer at "strasse.example" is not taken for one at
    "straße.example" (nor "αθηνασ" for "αθηνας": two domains under IDNA 2008); the way down
    folds them again."""
    with at_head_with_rows(database_url) as (cfg, engine, make):
        letter = make.letter("rekey")
        # As the sign-on form stores them (email_validator's normal form).
        german = make.signature(letter, "Verein", contact_email="info@straße.example")
        greek = make.signature(letter, "Ένωση", contact_email="Info+x@αθηνας.example")
        plain = make.signature(letter, "Plain", contact_email="Info@example.org")
        ids = german.id, greek.id, plain.id
        older = {ids[0]: "info@strasse.example", ids[1]: "info@αθηνασ.example"}
        with engine.begin() as connection:
            for signature_id, key in older.items():
                connection.execute(
                    text("UPDATE signatures SET email_key = :key WHERE id = :id"),
                    {"key": key, "id": signature_id},
                )

        def keys() -> list[str]:
            with engine.connect() as connection:
                query = text("SELECT id, email_key FROM signatures WHERE id IN (:a, :b, :c)")
                rows = dict(connection.execute(query, dict(zip("abc", ids, strict=True))).all())
            return [rows[i] for i in ids]

        command.downgrade(cfg, "2733a4a370d5")
        assert keys() == ["info@strasse.example", "info@αθηνασ.example", "info@example.org"]
        command.upgrade(cfg, "head")
        assert keys() == ["info@straße.example", "info@αθηνας.example", "info@example.org"]
        assert keys()[:2] == [email_key("info@straße.example"), email_key("Info@αθηνας.example")]


def test_downgrading_todays_columns_keeps_every_row(database_url):
    """Dropping a column of ``users`` or ``letters`` on the way down must not rebuild the
    table: on SQLite a rebuild drops the old table, and the foreign keys' cascades then
    delete every role, signature and text with it."""
    tables = ("users", "letter_roles", "letters", "letter_texts", "signatures")
    with at_head_with_rows(database_url) as (cfg, engine, make):
        letter = make.letter("kept")
        make.user("lead@example.org", roles={letter: Role.coordinator})
        make.signature(letter, "Kept Org")

        def counts() -> dict[str, int]:
            with engine.connect() as connection:
                return {
                    t: connection.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar()
                    for t in tables
                }

        before = counts()
        assert all(before.values())
        command.downgrade(cfg, "e3d8b517e272")  # below the session epoch and letter versions
        assert counts() == before
        command.upgrade(cfg, "head")
        assert counts() == before


def test_cancelled_mail_is_failed_below_its_revision_and_refused_there(database_url):
    """Older code knows no cancelled message: the way down makes it a failed one, keeping
    its reason, and the older schema refuses the status again; on the way up, what the older
    code gave up for want of anything to send is cancelled."""
    insert = text(
        "INSERT INTO outbox_messages (template, language, recipient, subject, body_text,"
        " body_html, status, attempts, last_error, created_at, next_attempt_at, context)"
        " VALUES ('t', 'en', 'a@example.org', '', '', '', :status, 0, :why,"
        " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, '{}')"
    )
    with at_head_with_rows(database_url) as (cfg, engine, _make):
        with engine.begin() as connection:
            connection.execute(insert, {"status": "cancelled", "why": "why"})
        command.downgrade(cfg, "dbe7fe85b69f")
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT status, last_error FROM outbox_messages"))
            assert rows.all() == [("failed", "why")]
        with pytest.raises(IntegrityError), engine.begin() as connection:
            connection.execute(insert, {"status": "cancelled", "why": "why"})
        # Given up by the older code for want of anything to send: cancelled on the way up.
        with engine.begin() as connection:
            connection.execute(text("DELETE FROM outbox_messages"))
            for why in ("nothing to send: signature 7 no longer exists", "refused: 550"):
                connection.execute(insert, {"status": "failed", "why": why})
        command.upgrade(cfg, "head")
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT status FROM outbox_messages ORDER BY id"))
            assert rows.scalars().all() == ["cancelled", "failed"]


def test_below_staff_sessions_every_account_epoch_is_raised(database_url):
    """The older code ends sessions by raising the epoch, which this code never does on a
    logout or a new password: the way down raises it once, so an older cookie dies."""
    with at_head_with_rows(database_url) as (cfg, engine, make):
        make.user("lead@example.org")

        def epochs() -> list[int]:
            with engine.connect() as connection:
                return connection.execute(text("SELECT session_epoch FROM users")).scalars().all()

        before = epochs()
        command.downgrade(cfg, "9b773e0cae68")
        assert epochs() == [e + 1 for e in before]
