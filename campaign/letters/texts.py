"""Operations on a letter's texts: write or delete a translation, make one authoritative.
Like the other letter services, they flush, never commit."""

from __future__ import annotations

from campaign.db import utcnow
from campaign.i18n import CONTENT_LANGUAGES, _l
from campaign.letters.models import Letter, LetterText
from campaign.letters.services import LetterError

OUTDATED_TRANSLATION = _l(
    "This translation was last saved before the authoritative text was changed, so it may "
    "not say the same. Update it and save it first; or, if it already says the same, "
    "confirm with the button “Make authoritative anyway”."
)


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
