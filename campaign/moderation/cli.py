"""``campaign moderation rekey``: recompute stored name keys after the key function changed."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

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
    stand-in key, and look-ups by key would miss them).
    """
    changed = 0
    for model in (Signature, Organisation, OrganisationAlias):
        for row in db.session.scalars(select(model)):
            if row.name_key != (key := name_key(row.name)):
                row.name_key = key
                changed += 1
    db.session.commit()
    click.echo(f"{changed} name keys updated.")
