"""``campaign moderation rekey``: recompute stored name keys after the key function changed."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select, update

from campaign.db import db
from campaign.moderation.models import Organisation, OrganisationAlias
from campaign.signatures.keys import name_key
from campaign.signatures.models import Signature


@click.group("moderation")
def moderation_group() -> None:
    """Moderation maintenance."""


@moderation_group.command("rekey")
@with_appcontext
def rekey_command() -> None:
    """Store the current name_key for every signature and registry name.

    Run once after upgrading to the matching engine's key (rows signed before kept the
    stand-in key, and look-ups by key would miss them). A key is worked out from the name,
    not a change anyone made: it is written without bumping a signature's version, so a
    merge made before can still be undone and a moderator's page opened before still saves.
    """
    changed = 0
    for model in (Signature, Organisation, OrganisationAlias):
        table = model.__table__
        rows = db.session.execute(select(table.c.id, table.c.name, table.c.name_key)).all()
        for row in rows:
            if row.name_key != (key := name_key(row.name)):
                db.session.execute(update(table).where(table.c.id == row.id).values(name_key=key))
                changed += 1
    db.session.commit()
    click.echo(f"{changed} name keys updated.")
