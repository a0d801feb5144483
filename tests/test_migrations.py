"""Models and migrations agree, and every revision goes down and up again, on each backend."""

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

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
