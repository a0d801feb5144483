"""The Human Rights Council joint written statement: who co-sponsors, who only supports,
how long it may be, and when it is due (ECOSOC resolution 1996/31, OHCHR guidelines).

The fixed phrases are the Council's own formal wording in its three working languages,
so they are data here, not interface strings.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from campaign.exports.rows import ExportData, Row
from campaign.text import BIDI_CONTROLS, isolate_against

LANGUAGES = ("en", "fr", "es")
STATUS_ORDER = ("general", "special", "roster")
LIMIT_GENERAL, LIMIT_OTHER = 2000, 1500
DEADLINE_BEFORE_SESSION = timedelta(weeks=2)
FIRST_SESSION = date(2006, 6, 19)  # the Human Rights Council's first session opened

PHRASES: dict[str, dict[str, str]] = {
    "en": {
        "council": "Human Rights Council",
        "session": "Session {session}",
        "agenda": "Agenda item {item}",
        "submitted_by": "Joint written statement submitted by",
        "received": "The Secretary-General has received the following written statement "
        "which is circulated in accordance with Economic and Social Council resolution 1996/31.",
        "share_one": "{names} also shares the views expressed in this statement.",
        "share_many": "{names} also share the views expressed in this statement.",
        "general": "General",
        "special": "Special",
        "roster": "Roster",
    },
    "fr": {
        "council": "Conseil des droits de l'homme",
        "session": "{session}e session",
        "agenda": "Point {item} de l'ordre du jour",
        "submitted_by": "Exposé écrit conjoint présenté par",
        "received": "Le Secrétaire général a reçu l'exposé écrit suivant, qui est distribué "
        "conformément à la résolution 1996/31 du Conseil économique et social.",
        "share_one": "{names} partage également les vues exprimées dans cet exposé.",
        "share_many": "{names} partagent également les vues exprimées dans cet exposé.",
        "general": "Général",
        "special": "Spécial",
        "roster": "Liste",
    },
    "es": {
        "council": "Consejo de Derechos Humanos",
        "session": "{session}º período de sesiones",
        "agenda": "Tema {item} de la agenda",
        "submitted_by": "Exposición escrita conjunta presentada por",
        "received": "El Secretario General ha recibido la siguiente exposición escrita, que "
        "se distribuye de conformidad con la resolución 1996/31 del Consejo Económico y Social.",
        "share_one": "{names} también comparte las opiniones expresadas en esta exposición.",
        "share_many": "{names} también comparten las opiniones expresadas en esta exposición.",
        "general": "General",
        "special": "Especial",
        "roster": "Lista",
    },
}


@dataclass(frozen=True)
class Sponsors:
    """Organisations with consultative status (General, Special, Roster, in that order)
    and those without it or whose status is unknown (named in the title's footnote)."""

    with_status: list[Row]
    supporters: list[Row]

    @property
    def unknown(self) -> list[Row]:
        """Supporters whose status nobody recorded: some may have one, and belong among the
        co-sponsors once it is set."""
        return [r for r in self.supporters if r.ecosoc_status == "unknown"]

    @property
    def limit(self) -> int:
        """2,000 words if any co-sponsor has General status, else 1,500."""
        general = any(r.ecosoc_status == "general" for r in self.with_status)
        return LIMIT_GENERAL if general else LIMIT_OTHER


def sponsors(data: ExportData) -> Sponsors:
    """Split the organisations by ECOSOC status; each group keeps the collation order."""
    organisations = data.organisations
    ranked = [r for status in STATUS_ORDER for r in organisations if r.ecosoc_status == status]
    others = [r for r in organisations if r.ecosoc_status not in STATUS_ORDER]
    return Sponsors(with_status=ranked, supporters=others)


def isolated_name(name: str) -> str:
    """A name as the statement (always left to right: English, French or Spanish) writes
    it: between invisible direction isolates (U+2068 ... U+2069) only if it holds
    right-to-left letters. Word lays such names out with the Unicode bidirectional
    algorithm, so without them Arabic names side by side show in reverse order, with the
    commas between the wrong ones; a left-to-right name needs nothing, and the isolates
    would only travel, unseen, into whatever the text is pasted into (OHCHR's template)."""
    return isolate_against(name, rtl=False)


def sponsor_line(row: Row, language: str) -> str:
    """ "X (Special)", a right-to-left name isolated (see ``isolated_name``)."""
    return f"{isolated_name(row.name)} ({PHRASES[language][row.ecosoc_status]})"


def footnote_text(supporters: list[Row], language: str) -> str:
    """ "X, Y also share the views expressed in this statement" (verb agreeing in number),
    each right-to-left name isolated (see ``isolated_name``)."""
    names = ", ".join(isolated_name(r.name) for r in supporters)
    key = "share_one" if len(supporters) == 1 else "share_many"
    return PHRASES[language][key].format(names=names)


def session_start_is_plausible(day: date, today: date) -> bool:
    """A Council session opens from 2006 (its first session) to ten years from ``today``;
    any other date is a typing slip (and 0001-01-01 has no date two weeks before it)."""
    return FIRST_SESSION <= day <= today + timedelta(days=3653)


def submission_deadline(session_start: date) -> date:
    """Statements are due two weeks before the session opens."""
    return session_start - DEADLINE_BEFORE_SESSION


def deadline_passed(deadline: date, today: date) -> bool:
    """True once the deadline's day is over: a statement is still due on the day itself."""
    return deadline < today


def count_words(texts: list[str]) -> int:
    """Words as Word counts them: runs of characters between spaces. The direction marks
    around names are not words, even if one ever stood alone."""
    return sum(len(_without_bidi_controls(t).split()) for t in texts)


def _without_bidi_controls(text: str) -> str:
    return "".join(char for char in text if char not in BIDI_CONTROLS)


@dataclass(frozen=True)
class WordCheck:
    """``words``: the title, the text and the footnotes, which the limit applies to;
    ``heading``: the heading block above the title (co-sponsors' list included), not
    counted against the limit."""

    words: int
    limit: int
    heading: int = 0

    @property
    def over(self) -> bool:
        return self.words > self.limit
