"""The ``campaign`` command: Flask's CLI bound to this app.

Our own command groups are added to ``app.cli`` in ``create_app`` (see ``register``), so
they work both here and through Flask's test runner.
"""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import FlaskGroup

from campaign import create_app
from campaign.config import ConfigError


def _build_app(*_args: object, **_kwargs: object) -> Flask:
    """The app; settings it refuses (production without a secret, say) are said in one line,
    without a traceback, and the command exits with an error."""
    try:
        return create_app()
    except ConfigError as error:
        raise click.ClickException(str(error)) from None


@click.group(cls=FlaskGroup, create_app=_build_app, add_version_option=False)
def main() -> None:
    """Run and administer campaign (joint letters)."""


def register(app: Flask) -> None:
    """Attach every ``campaign`` sub-command to the app's CLI."""
    from campaign.accounts.cli import users
    from campaign.dbcli import db_group
    from campaign.demo import demo_command
    from campaign.exports.cli import export_command, exports_group
    from campaign.housekeeping import cleanup_command
    from campaign.i18n_cli import translations
    from campaign.mail_cli import outbox
    from campaign.matching.cli import dedupe_command
    from campaign.moderation.cli import moderation_group
    from campaign.moderation.digest_cli import digest_group
    from campaign.moderation.import_cli import import_command

    commands = (
        db_group,
        users,
        demo_command,
        translations,
        dedupe_command,
        outbox,
        export_command,
        exports_group,
        import_command,
        digest_group,
        moderation_group,
        cleanup_command,
    )
    for command in commands:
        app.cli.add_command(command)
