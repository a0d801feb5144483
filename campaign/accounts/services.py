"""Account operations: they flush, never commit."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaign.accounts import sessions
from campaign.accounts.models import LetterRole, Role, User
from campaign.db import utcnow
from campaign.i18n import interface_language

_hasher = PasswordHasher()
# Verifying against this keeps login timing the same whether or not the account exists.
_DUMMY_HASH = _hasher.hash("campaign-timing-equaliser")
MIN_PASSWORD_LENGTH = 10
# A password with fewer different characters than this ("aaaaaaaaaa", "abababababab") is
# among the first any guesser tries, whatever its length.
MIN_DISTINCT_CHARACTERS = 5
# Stands for "no password chosen yet": no argon2 hash looks like this, so it never verifies.
NO_PASSWORD = "!invited"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_user(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(func.lower(User.email) == normalise_email(email)))


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def create_user(session: Session, email: str, password: str, **fields: object) -> User:
    """Create a staff account with an argon2 hash of ``password``."""
    user = User(email=normalise_email(email), password_hash=hash_password(password), **fields)
    session.add(user)
    session.flush()
    return user


class Refused(Exception):
    """A change to accounts or roles that is refused; ``code`` names why (the pages word it)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def account_for(session: Session, email: str, language: str) -> User:
    """The account at ``email``; a new address gets one without a password (its owner chooses
    it through an emailed invitation, see ``invitations``), speaking ``language``."""
    user = find_user(session, email)
    if user is None:
        user = User(email=normalise_email(email), password_hash=NO_PASSWORD, language=language)
        session.add(user)
        session.flush()
    return user


def works_in(user: User, language: str) -> None:
    """Note the interface language ``user`` works in (at each login, and when they choose
    another while logged in): the emails staff get (invitations, digests, a failed export's
    reason) are written in it."""
    user.language = interface_language(language)


def has_chosen_password(user: User) -> bool:
    return user.password_hash != NO_PASSWORD


def authenticate(session: Session, email: str, password: str) -> User | None:
    """Return the active user whose password matches, rehashing if parameters changed."""
    user = find_user(session, email)
    try:
        _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return None
    if user is None or not user.active:
        return None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.last_login_at = utcnow()
    return user


def guessable(password: str, email: str) -> bool:
    """True for a password a guesser tries first: made of a few characters repeated, or
    holding the account's own address or the name before its "@" (when that has 3 letters
    or more)."""
    folded = "".join(password.casefold().split())
    if len(set(folded)) < MIN_DISTINCT_CHARACTERS:
        return True
    address = normalise_email(email)
    local = address.partition("@")[0]
    return bool(address) and (address in folded or (len(local) >= 3 and local in folded))


def set_password(session: Session, user: User, password: str) -> None:
    """A new password ends every session of the account (the browser choosing it goes on in
    a new one, see the views), and kills every password link emailed to it (each carries a
    fingerprint of the password hash, see ``password_links``)."""
    user.password_hash = hash_password(password)
    sessions.end_all(session, user)


def void_password_links(user: User) -> None:
    """Kill every password link emailed to ``user``: each carries the epoch this raises."""
    user.session_epoch = (user.session_epoch or 0) + 1


def verify_password(user: User, password: str) -> bool:
    try:
        return _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def holds(user: User, letter_id: int, role: Role) -> LetterRole | None:
    """``user``'s ``role`` on the letter, if they hold it."""
    return next((r for r in user.roles if r.letter_id == letter_id and r.role is role), None)


def grant(session: Session, user: User, letter_id: int, role: Role) -> LetterRole:
    """Give ``user`` a role on a letter (idempotent)."""
    existing = holds(user, letter_id, role)
    if existing:
        return existing
    granted = LetterRole(letter_id=letter_id, role=role)
    user.roles.append(granted)
    session.flush()
    return granted
