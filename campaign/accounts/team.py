"""A letter's team: who holds which role on it, added and removed by its coordinators.

Someone added by email who has no account yet gets one without a password, and an email
inviting them to choose it (see ``invitations``). Every change is written to the letter's
audit log.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, contains_eager

from campaign.accounts import invitations, services
from campaign.accounts.models import LetterRole, Role, User
from campaign.letters.models import Letter
from campaign.moderation.audit import record

ADDED, REMOVED = "team_added", "team_removed"


class TeamRefused(services.Refused):
    """A change the team page refuses (see views_team for the words)."""


def members(session: Session, letter_id: int) -> list[LetterRole]:
    """The letter's roles with their holders, coordinators first, then by email."""
    order = {Role.coordinator: 0, Role.moderator: 1, Role.exporter: 2}
    query = (
        select(LetterRole)
        .join(User)
        .options(contains_eager(LetterRole.user))  # one query, however big the team
        .where(LetterRole.letter_id == letter_id)
        .order_by(User.email)
    )
    rows = session.scalars(query).all()
    return sorted(rows, key=lambda r: order[r.role])


def add(
    session: Session, letter: Letter, email: str, role: Role, actor: User, language: str
) -> User:
    """Give the person at ``email`` ``role`` on ``letter`` and tell them by email; an account
    is opened for a new address (``language`` is then its interface language)."""
    user = services.account_for(session, email, language)
    if not user.active:
        raise TeamRefused("inactive")
    if services.holds(user, letter.id, role):
        raise TeamRefused("already")
    services.grant(session, user, letter.id, role)
    log_change(session, letter, ADDED, actor, user, role)
    invitations.queue(session, user, letter, role)
    return user


def remove(session: Session, letter: Letter, role_id: int, actor: User) -> tuple[str, Role]:
    """Take one role away; return whose and which. A letter keeps at least one coordinator."""
    held = session.get(LetterRole, role_id)
    if held is None or held.letter_id != letter.id:
        raise TeamRefused("gone")
    if held.role is Role.coordinator and _coordinators(session, letter.id) <= 1:
        raise TeamRefused("last_coordinator")
    user = held.user
    user.roles.remove(held)
    if not services.has_chosen_password(user) and not _may_work_without_roles(user):
        services.void_password_links(user)  # the invitation sent leads nowhere now: it dies
    log_change(session, letter, REMOVED, actor, user, held.role)
    session.flush()
    return user.email, held.role


def _may_work_without_roles(user: User) -> bool:
    return bool(user.roles) or user.is_admin or user.can_create_letters


def invite_again(session: Session, letter: Letter, user_id: int) -> User:
    """Send the invitation again to a member who has not chosen a password yet."""
    user = session.get(User, user_id)
    roles = [r for r in user.roles if r.letter_id == letter.id] if user else []
    if user is None or not roles or services.has_chosen_password(user):
        raise TeamRefused("gone")
    if not user.active:
        raise TeamRefused("inactive")
    invitations.queue(session, user, letter, roles[0].role)
    return user


def _coordinators(session: Session, letter_id: int) -> int:
    query = select(func.count(LetterRole.id)).where(
        LetterRole.letter_id == letter_id, LetterRole.role == Role.coordinator
    )
    return int(session.scalar(query) or 0)


def log_change(
    session: Session, letter: Letter, action: str, actor: User | None, user: User, role: Role
) -> None:
    """A role given (``ADDED``) or taken (``REMOVED``), in the letter's log."""
    held = {"email": user.email, "role": role.value}
    before, after = (held, {}) if action == REMOVED else ({}, held)
    record(
        session,
        letter_id=letter.id,
        account=user,
        action=action,
        actor=actor,
        before=before,
        after=after,
    )
