"""Read-only lookups of letters: by address (and the address format), a title in a
language, the letters a user works on and those open to signatures."""

from __future__ import annotations

import re

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session, lazyload

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.letters.models import Letter, LetterText

SLUG_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$")


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
