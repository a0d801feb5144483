"""Letters and their text in each language."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, and_, or_, select
from sqlalchemy.orm import Mapped, mapped_column, relationship

from campaign.db import Base, enum_column, utcnow


class LetterStatus(enum.StrEnum):
    draft = "draft"
    open = "open"
    closed = "closed"
    submitted = "submitted"

    @property
    def is_public(self) -> bool:
        return self is not LetterStatus.draft


# Which status may follow which; reopening a closed letter is allowed before submission.
TRANSITIONS: dict[LetterStatus, set[LetterStatus]] = {
    LetterStatus.draft: {LetterStatus.open},
    LetterStatus.open: {LetterStatus.closed},
    LetterStatus.closed: {LetterStatus.open, LetterStatus.submitted},
    LetterStatus.submitted: set(),
}


class Letter(Base):
    __tablename__ = "letters"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    addressee: Mapped[str] = mapped_column(String(300), default="")
    lead_organisations: Mapped[str] = mapped_column(Text, default="")
    deadline: Mapped[datetime | None]
    authoritative_language: Mapped[str] = mapped_column(String(8), default="en")
    status: Mapped[LetterStatus] = mapped_column(
        enum_column(LetterStatus), default=LetterStatus.draft, index=True
    )
    auto_approve: Mapped[bool] = mapped_column(default=False)
    # Sites allowed to show the sign-on form in a frame: normalised origins, one per line.
    embed_origins: Mapped[str] = mapped_column(Text, default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    opened_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    submitted_at: Mapped[datetime | None]
    # Bumped by every change saved through the ORM, which refuses to write over a change made
    # since the row was read: two coordinators saving the settings cannot overwrite each other.
    version: Mapped[int] = mapped_column(server_default="1")

    texts: Mapped[list[LetterText]] = relationship(
        back_populates="letter",
        cascade="all, delete-orphan",
        lazy="selectin",
        order_by="LetterText.language",
    )

    __mapper_args__ = {"version_id_col": version}

    @classmethod
    def by_slug(cls, slug: str):  # noqa: ANN206 - a Select
        return select(cls).where(cls.slug == slug)

    @classmethod
    def accepting_signatures_at(cls, now: object):  # noqa: ANN206 - a SQL condition
        """In SQL, what ``signatures.services.accepting_signatures`` says of one letter:
        open, and its deadline (if any) after ``now`` (a time, or a bound parameter)."""
        not_due = or_(cls.deadline.is_(None), cls.deadline > now)
        return and_(cls.status == LetterStatus.open, not_due)

    def text_for(self, language: str) -> LetterText | None:
        return next((t for t in self.texts if t.language == language), None)

    def addressee_in(self, language: str) -> str:
        """Whom the letter is addressed to, in ``language`` if its translation names it
        ("Conseil des droits de l'homme"), else as in the letter's settings, which are in the
        authoritative language."""
        text = self.text_for(language)
        if text is not None and text.addressee and language != self.authoritative_language:
            return text.addressee
        return self.addressee

    @property
    def embedding_sites(self) -> list[str]:
        return self.embed_origins.split()

    @property
    def authoritative_text(self) -> LetterText | None:
        return self.text_for(self.authoritative_language)

    def is_outdated(self, text: LetterText) -> bool:
        """True for a translation last saved before the authoritative text was."""
        source = self.authoritative_text
        return source is not None and text is not source and text.updated_at < source.updated_at

    @property
    def outdated_texts(self) -> list[LetterText]:
        """The translations last saved before the authoritative text was: they may not say
        what it now says, so readers of their pages and exporters of their files are told."""
        return sorted((t for t in self.texts if self.is_outdated(t)), key=lambda t: t.language)

    @property
    def languages(self) -> list[str]:
        """Languages with a text, the authoritative one first."""
        others = sorted(t.language for t in self.texts if t.language != self.authoritative_language)
        first = [self.authoritative_language] if self.authoritative_text else []
        return first + others


class LetterText(Base):
    __tablename__ = "letter_texts"
    __table_args__ = (UniqueConstraint("letter_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    letter_id: Mapped[int] = mapped_column(ForeignKey("letters.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")
    # The addressee in this language; empty: the letter's own (see Letter.addressee_in).
    addressee: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # When its wording (title, body, addressee) was last saved changed (texts.save_text),
    # not any write to the row: the addressee handed over when another text becomes
    # authoritative is no new wording, and must not make the other texts look outdated.
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    # As Letter.version: two coordinators saving the same text cannot overwrite each other.
    version: Mapped[int] = mapped_column(server_default="1")

    letter: Mapped[Letter] = relationship(back_populates="texts")

    __mapper_args__ = {"version_id_col": version}
