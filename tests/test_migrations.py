"""Models and migrations agree, and every revision goes down and up again, on each backend."""

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from campaign.db import make_engine
from campaign.dbcli import alembic_config
from campaign.models import Base


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
