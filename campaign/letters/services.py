"""Letter operations: create, write texts, move through statuses. They flush, never commit."""

from __future__ import annotations

import re
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, lazyload

from campaign.accounts.models import Role, User
from campaign.accounts.services import grant
from campaign.db import as_utc, utcnow
from campaign.i18n import CONTENT_LANGUAGES, _l
from campaign.letters.models import TRANSITIONS, Letter, LetterStatus, LetterText

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")
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


OUTDATED_TRANSLATION = _l(
    "This translation was last saved before the authoritative text was changed, so it may "
    "not say the same. Update it and save it first; or, if it already says the same, "
    "confirm with the button “Make authoritative anyway”."
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


# Built once: these run on every sign-on, and building a statement costs more than running it.
_BY_SLUG = Letter.by_slug(bindparam("slug"))  # type: ignore[arg-type]
_BY_SLUG_NO_TEXTS = _BY_SLUG.options(lazyload(Letter.texts))
_TITLES = select(LetterText.language, LetterText.title).where(
    LetterText.letter_id == bindparam("letter_id"),
    LetterText.language.in_(bindparam("languages", expanding=True)),
)


def find_by_slug(session: Session, slug: str, *, texts: bool = True) -> Letter | None:
    """The letter at this address; malformed slugs (say, with NUL bytes) match nothing.

    ``texts=False`` leaves the texts to load on first use: signing needs only one title.
    """
    if not SLUG_RE.match(slug):
        return None
    return session.scalar(_BY_SLUG if texts else _BY_SLUG_NO_TEXTS, {"slug": slug})


def title_for(session: Session, letter: Letter, language: str) -> str:
    """The title in ``language``, else in the authoritative language, else the slug."""
    wanted = {"letter_id": letter.id, "languages": [language, letter.authoritative_language]}
    titles: dict[str, str] = {lang: title for lang, title in session.execute(_TITLES, wanted)}
    return titles.get(language) or titles.get(letter.authoritative_language) or letter.slug


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


def text_changes(text: LetterText | None, title: str, body: str, addressee: str | None) -> bool:
    """True if saving these would change ``text`` (a text not written yet, always). A text
    saved as it was keeps its date, so its translations do not look outdated."""
    if text is None:
        return True
    kept = text.addressee if addressee is None else addressee
    return (text.title, text.body, text.addressee) != (title, body, kept)


def save_text(
    letter: Letter, language: str, title: str, body: str, addressee: str | None = None
) -> LetterText:
    """Create or update the text of ``letter`` in ``language``; ``addressee`` (a translation's
    own, see ``Letter.addressee_in``) is left as it is when None. Unchanged, it keeps its date."""
    if language not in CONTENT_LANGUAGES:
        raise LetterError(_l("This language is not supported."))
    text = letter.text_for(language)
    if text is None:
        text = LetterText(language=language, title=title, body=body, addressee=addressee or "")
        letter.texts.append(text)
    elif text_changes(text, title, body, addressee):
        text.title, text.body = title, body
        if addressee is not None:
            text.addressee = addressee
        text.updated_at = utcnow()
    return text


def delete_text(letter: Letter, language: str) -> None:
    if language == letter.authoritative_language:
        raise LetterError(_l("The authoritative text cannot be deleted."))
    text = letter.text_for(language)
    if text is None:
        raise LetterError(_l("There is no text in this language."))
    letter.texts.remove(text)


class OutdatedTranslation(LetterError):
    """The translation to make authoritative is older than the authoritative text: asked
    again with ``confirmed``, it is done."""


def set_authoritative(letter: Letter, language: str, *, confirmed: bool = False) -> None:
    """Make the text in ``language`` the authoritative one; an outdated translation only
    once ``confirmed`` (its wording would become binding). The letter's addressee is in the
    authoritative language: the former authoritative text keeps it as its own, and the new
    one's own (if it has one) becomes the letter's."""
    text = letter.text_for(language)
    if text is None:
        raise LetterError(_l("Write the text in this language first."))
    if language == letter.authoritative_language:
        return
    if letter.is_outdated(text) and not confirmed:
        raise OutdatedTranslation(OUTDATED_TRANSLATION)
    former = letter.authoritative_text
    if former is not None and letter.addressee:
        former.addressee = letter.addressee
    if text.addressee:
        letter.addressee, text.addressee = text.addressee, ""
    letter.authoritative_language = language


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


def letters_for(session: Session, user: User) -> list[Letter]:
    """The letters ``user`` holds any role on (all letters for admins)."""
    query = select(Letter).order_by(Letter.created_at.desc())
    if not user.is_admin:
        query = query.where(Letter.id.in_({r.letter_id for r in user.roles}))
    return list(session.scalars(query))


def public_letters(session: Session) -> list[Letter]:
    """The letters accepting signatures now: open, and their deadline (if any) not passed."""
    query = (
        select(Letter)
        .where(Letter.accepting_signatures_at(utcnow()))
        .order_by(Letter.opened_at.desc())
    )
    return list(session.scalars(query))
