"""The ``campaign`` command: Flask's CLI bound to this app, plus our groups."""

from __future__ import annotations

import click
from flask.cli import FlaskGroup

from campaign import create_app


def _build_app(*_args: object, **_kwargs: object):  # noqa: ANN202 - Flask app
    return create_app()


@click.group(cls=FlaskGroup, create_app=_build_app, add_version_option=False)
def main() -> None:
    """Run and administer campaign (joint letters)."""


def _register() -> None:
    from campaign.accounts.cli import users
    from campaign.dbcli import db_group
    from campaign.demo import demo_command
    from campaign.exports.cli import export_command, exports_group
    from campaign.i18n_cli import translations

    for command in (db_group, users, demo_command, translations, export_command, exports_group):
        main.add_command(command)
    try:
        from campaign.matching.cli import dedupe_command
    except ImportError:  # the matching package is optional until it lands
        return
    main.add_command(dedupe_command)


_register()
