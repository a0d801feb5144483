"""Letter operations: create, change settings, move through statuses. They flush, never commit.

Lookups are in queries, operations on the texts in texts.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.accounts.models import Role, User
from campaign.accounts.services import grant
from campaign.db import as_utc, utcnow
from campaign.i18n import _l
from campaign.letters.models import TRANSITIONS, Letter, LetterStatus, LetterText
from campaign.letters.queries import SLUG_RE

STATUS_STAMP = {
    LetterStatus.open: "opened_at",
    LetterStatus.closed: "closed_at",
    LetterStatus.submitted: "submitted_at",
}


SLUG_TAKEN = _l("Another letter already uses this address.")
# Words the site's own addresses use where a letter's slug goes (/manage/letters/new):
# a letter there could not be reached. tests/letters/test_manage.py checks the URL map.
RESERVED_SLUGS = frozenset({"new"})
SLUG_RESERVED = _l(
    "This address is one the site uses for its own pages (such as “new”): choose another."
)


SLUG_LOCKED = _l(
    "This letter has been published at this address, and its links, PDF and sign-on form "
    "codes are already shared: its address can no longer change."
)
DEADLINE_PASSED = _l(
    "This deadline has already passed: sign-on would stop at once. Check the date, the year "
    "especially; to stop sign-on now, close the letter instead."
)

OPENED_PAST_DEADLINE = _l(
    "The deadline in the settings has already passed, so the letter would take no signature. "
    "Set a later deadline (or none) first, then open it."
)


class LetterError(ValueError):
    """A request about a letter that cannot be carried out; ``message`` is translatable,
    ``field`` the form field it is about, if any."""

    def __init__(self, message: object, field: str | None = None) -> None:
        super().__init__(str(message))
        self.message = message
        self.field = field


def _passed(deadline: datetime | None) -> bool:
    """True for a deadline before now; a form's has no zone, and is UTC."""
    return deadline is not None and as_utc(deadline) <= utcnow()


def _deadline_as_typed(stored: datetime | None, typed: datetime | None) -> datetime | None:
    """The deadline a settings form sends, in UTC; the stored one if it is the same to the
    minute (the form shows minutes), so saving other settings leaves it as it is."""
    if typed is None:
        return None
    typed = as_utc(typed)
    if stored is not None and stored.replace(second=0, microsecond=0) == typed.replace(
        second=0, microsecond=0
    ):
        return stored
    return typed


def slug_taken(session: Session, slug: str, exclude_id: int | None = None) -> bool:
    query = select(Letter.id).where(Letter.slug == slug)
    if exclude_id is not None:
        query = query.where(Letter.id != exclude_id)
    return session.scalar(query) is not None


def create_letter(
    session: Session,
    *,
    slug: str,
    language: str,
    title: str,
    body: str = "",
    creator: User | None = None,
    **fields: object,
) -> Letter:
    """Create a draft letter with its authoritative text; the creator becomes coordinator."""
    if not SLUG_RE.match(slug):
        raise LetterError(_l("Use lower-case letters, digits and hyphens for the address."))
    if slug in RESERVED_SLUGS:
        raise LetterError(SLUG_RESERVED)
    if slug_taken(session, slug):
        raise LetterError(SLUG_TAKEN)
    letter = Letter(slug=slug, authoritative_language=language, **fields)
    letter.texts.append(LetterText(language=language, title=title, body=body))
    session.add(letter)
    session.flush()
    if creator is not None:
        grant(session, creator, letter.id, Role.coordinator)
    return letter


def change_settings(session: Session, letter: Letter, *, slug: str, **fields: object) -> None:
    """Change the letter's settings: its address (well-formed, not another letter's, and
    only while a draft: there is no redirect from an old one) and the ``fields`` of the
    settings form."""
    if not SLUG_RE.match(slug) or slug_taken(session, slug, letter.id):
        raise LetterError(_l("This address is invalid or already in use."))
    if slug in RESERVED_SLUGS:
        raise LetterError(SLUG_RESERVED)
    if slug != letter.slug and letter.status.is_public:
        raise LetterError(SLUG_LOCKED)
    if "deadline" in fields:
        fields["deadline"] = _deadline_as_typed(letter.deadline, fields["deadline"])  # type: ignore[arg-type]
    deadline = fields.get("deadline", letter.deadline)
    if letter.status is LetterStatus.open and deadline != letter.deadline and _passed(deadline):
        raise LetterError(DEADLINE_PASSED, field="deadline")
    letter.slug = slug
    for name, value in fields.items():
        setattr(letter, name, value)


def change_status(letter: Letter, target: LetterStatus, when: datetime | None = None) -> None:
    """Move ``letter`` to ``target`` if the transition is allowed, stamping the time."""
    if target not in TRANSITIONS[letter.status]:
        raise LetterError(_l("A letter cannot go from this status to that one."))
    if target is LetterStatus.open and letter.authoritative_text is None:
        raise LetterError(_l("Write the authoritative text before opening the letter."))
    if target is LetterStatus.open and _passed(letter.deadline):
        raise LetterError(OPENED_PAST_DEADLINE)
    letter.status = target
    setattr(letter, STATUS_STAMP[target], when or utcnow())
