"""Every staff account, for administrators: who holds what, who may create letters or is an
administrator, and switching accounts off and on.

Someone given the right to create letters gets an email in their language (a new address, in
the administrator's); it gets an account without a password, and the email's link lets them
choose one.

A switched-off account cannot log in, its open sessions end at their next request, and the
password links emailed to it stop working; its roles are kept, so switching it on again gives
them back. Each switch is written to the audit log of every letter the account holds a role
on, so a letter's coordinators can see why a teammate stopped acting.

Every change made here is also an entry about the account itself (no letter), listed on the
staff accounts page: who switched whom off, who let whom create letters, and when.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.accounts import invitations, services, sessions
from campaign.accounts.models import LetterRole, Role, User
from campaign.letters.models import Letter
from campaign.moderation.audit import record
from campaign.moderation.models import AuditEntry

SWITCHED_OFF, SWITCHED_ON = "account_switched_off", "account_switched_on"
LETTERS_ALLOWED, LETTERS_STOPPED = "letters_allowed", "letters_stopped"
ADMIN_GRANTED, ADMIN_REVOKED = "admin_granted", "admin_revoked"
GRANTED = {"can_create_letters": LETTERS_ALLOWED, "is_admin": ADMIN_GRANTED}
ACCOUNT_LOG_SIZE = 50


class StaffRefused(services.Refused):
    """A change the staff accounts page refuses (see views_staff for the words)."""


@dataclass(frozen=True)
class Account:
    """One row of the accounts page: the account and the letters its roles are on."""

    user: User
    roles: list[tuple[Letter, Role]]


def accounts(session: Session) -> list[Account]:
    """Every staff account, active ones first, then by email, with its roles' letters."""
    users = session.scalars(select(User).order_by(User.active.desc(), User.email)).all()
    letter_ids = {held.letter_id for user in users for held in user.roles}
    letters = {
        letter.id: letter
        for letter in session.scalars(select(Letter).where(Letter.id.in_(letter_ids)))
    }
    return [
        Account(user, [(letters[held.letter_id], held.role) for held in user.roles])
        for user in users
    ]


def allow_letters(session: Session, email: str, language: str, actor: User | None) -> User:
    """Let the person at ``email`` create letters (and so coordinate them), and tell them."""
    user = services.account_for(session, email, language)
    if not user.active:
        raise StaffRefused("inactive")
    if user.is_admin or user.can_create_letters:
        raise StaffRefused("already")
    grant_right(session, user, "can_create_letters", actor)
    invitations.queue_creator(session, user)
    return user


def stop_letters(session: Session, user_id: int, actor: User | None) -> User:
    """No more new letters for this account; its roles on letters stay as they are."""
    user = session.get(User, user_id)
    if user is None or not user.can_create_letters:
        raise StaffRefused("gone")
    _set(session, user, "can_create_letters", False, LETTERS_STOPPED, actor)
    return user


def make_admin(session: Session, user_id: int, actor: User | None) -> User:
    """Give an active account every right: all letters, all accounts."""
    user = session.get(User, user_id)
    if user is None:
        raise StaffRefused("gone")
    if not user.active:
        raise StaffRefused("inactive")
    if user.is_admin:
        raise StaffRefused("already_admin")
    grant_right(session, user, "is_admin", actor)
    return user


def stop_admin(session: Session, user_id: int, actor: User | None) -> User:
    """Take an account's administrator rights away; its roles on letters stay. Nobody takes
    their own away, so the administrator acting here always remains one."""
    user = session.get(User, user_id)
    if user is None or not user.is_admin:
        raise StaffRefused("gone")
    if actor is not None and actor.id == user.id:
        raise StaffRefused("yourself_admin")
    _set(session, user, "is_admin", False, ADMIN_REVOKED, actor)
    return user


def grant_right(session: Session, user: User, right: str, actor: User | None) -> None:
    """Make ``user`` an administrator (``is_admin``) or a letter creator
    (``can_create_letters``), unless they are one already."""
    if not getattr(user, right):
        session.flush()  # a new account gets its id
        _set(session, user, right, True, GRANTED[right], actor)


def _set(
    session: Session, user: User, right: str, value: bool, action: str, actor: User | None
) -> None:
    """Change one of the account's rights, and say so in the accounts' log."""
    before = {"email": user.email, right: getattr(user, right)}
    setattr(user, right, value)
    after = {"email": user.email, right: value}
    record(
        session,
        letter_id=None,
        account=user,
        action=action,
        actor=actor,
        before=before,
        after=after,
    )
    session.flush()


def account_log(session: Session, limit: int = ACCOUNT_LOG_SIZE) -> list[AuditEntry]:
    """The latest changes to staff accounts themselves, newest first."""
    query = select(AuditEntry).where(AuditEntry.letter_id.is_(None))
    query = query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())
    return list(session.scalars(query.limit(limit)))


def switch(
    session: Session, user_id: int, active: bool, actor: User | None
) -> tuple[User, list[Letter]]:
    """Switch the account off (``active`` False) or on again. Returns the account and, when it
    is switched off, the letters it leaves without an active coordinator (admins can still
    manage them, and add one). Nobody switches off their own account: an administrator who
    could would lock out the last one."""
    user = session.get(User, user_id)
    if user is None:
        raise StaffRefused("gone")
    if actor is not None and actor.id == user.id and not active:
        raise StaffRefused("yourself")
    if user.active is active:
        return user, []
    action = SWITCHED_ON if active else SWITCHED_OFF
    for letter_id in sorted({held.letter_id for held in user.roles}):
        record(
            session,
            letter_id=letter_id,
            account=user,
            action=action,
            actor=actor,
            before={"email": user.email, "active": not active},
            after={"email": user.email, "active": active},
        )
    _set(session, user, "active", active, action, actor)
    if not active:  # for good: switched on again, they log in afresh or ask for a new link
        sessions.end_all(session, user)
        services.void_password_links(user)
    return user, [] if active else _left_without_coordinator(session, user)


def _left_without_coordinator(session: Session, user: User) -> list[Letter]:
    led = {held.letter_id for held in user.roles if held.role is Role.coordinator}
    if not led:
        return []
    still_led = (
        select(LetterRole.letter_id)
        .join(User)
        .where(
            LetterRole.letter_id.in_(led),
            LetterRole.role == Role.coordinator,
            User.active.is_(True),
        )
    )
    query = select(Letter).where(Letter.id.in_(led), Letter.id.not_in(still_led))
    return list(session.scalars(query.order_by(Letter.slug)))
