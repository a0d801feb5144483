"""``campaign users``: create staff accounts, grant roles, switch accounts off and on."""

from __future__ import annotations

import secrets

import click
from flask.cli import with_appcontext

from campaign.accounts import services, staff, team
from campaign.accounts.models import Role
from campaign.db import db
from campaign.i18n import DEFAULT_LANGUAGE, INTERFACE_LANGUAGES
from campaign.letters.queries import find_by_slug

ROLE_NAMES = ["admin", *[r.value for r in Role]]


@click.group("users")
def users() -> None:
    """Staff accounts."""


@users.command("create")
@click.option("--email", required=True)
@click.option("--role", type=click.Choice(ROLE_NAMES), required=True)
@click.option("--letter", "slug", help="The letter's slug (needed for moderator and exporter).")
@click.option("--password", help="Omit to generate one; it is printed once.")
@click.option(
    "--language",
    type=click.Choice(list(INTERFACE_LANGUAGES), case_sensitive=False),
    help=f"The language of the account's emails until its owner logs in (then the one they "
    f"use on the site). A new account's default: {DEFAULT_LANGUAGE}; an existing one keeps "
    "its own.",
)
@with_appcontext
def create(
    email: str, role: str, slug: str | None, password: str | None, language: str | None
) -> None:
    """Create (or update) a staff account and grant ROLE, on --letter if given."""
    session = db.session
    letter = None
    if slug:
        letter = find_by_slug(session, slug)
        if letter is None:
            raise click.ClickException(f"No letter with slug {slug!r}.")
    elif role in ("moderator", "exporter"):
        raise click.ClickException(f"The {role} role is granted on a letter: add --letter SLUG.")
    user = services.find_user(session, email)
    generated = password is None and user is None
    if generated:
        password = secrets.token_urlsafe(12)
    if user is None:
        user = services.create_user(session, email, password, language=DEFAULT_LANGUAGE)
    elif password:
        services.set_password(session, user, password)
    if language:
        services.works_in(user, language)
    if role == "admin":
        staff.grant_right(session, user, "is_admin", actor=None)
    elif letter is not None:
        if not services.holds(user, letter.id, Role(role)):
            services.grant(session, user, letter.id, Role(role))
            team.log_change(session, letter, team.ADDED, None, user, Role(role))
    else:
        staff.grant_right(session, user, "can_create_letters", actor=None)
    session.commit()
    click.echo(f"{user.email}: {role}" + (f" on {slug}" if slug else ""))
    if generated:
        click.echo(f"password: {password}")


def _switch(email: str, active: bool) -> None:
    session = db.session
    user = services.find_user(session, email)
    if user is None:
        raise click.ClickException(f"No staff account for {email!r}.")
    _, orphaned = staff.switch(session, user.id, active, actor=None)
    session.commit()
    click.echo(f"{user.email}: " + ("switched on" if active else "switched off"))
    for letter in orphaned:
        click.echo(f"warning: letter {letter.slug!r} has no active coordinator now", err=True)


@users.command("switch-off")
@click.argument("email")
@with_appcontext
def switch_off(email: str) -> None:
    """Stop EMAIL's account from logging in (its roles are kept)."""
    _switch(email, active=False)


@users.command("switch-on")
@click.argument("email")
@with_appcontext
def switch_on(email: str) -> None:
    """Let EMAIL's account log in again, with the roles it had."""
    _switch(email, active=True)
