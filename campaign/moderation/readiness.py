"""Readiness: counts per state and what still stands between the letter and a clean export."""

from __future__ import annotations

from dataclasses import dataclass

from babel.lists import format_list
from flask_babel import get_locale
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaign.i18n import ngettext
from campaign.letters.models import Letter
from campaign.moderation import signer_requests
from campaign.moderation.labels import BURSTS, NOT_A_NAME
from campaign.moderation.signals import Signals
from campaign.signatures.models import RequestKind, Signature, SignatureStatus
from campaign.templating import language_name

S = SignatureStatus


@dataclass(frozen=True)
class Readiness:
    counts: dict[SignatureStatus, int]
    blockers: list[str]

    @property
    def ready(self) -> bool:
        return not self.blockers


def counts(session: Session, letter_id: int) -> dict[SignatureStatus, int]:
    """How many signatures the letter has in each state (every state listed)."""
    rows = session.execute(
        select(Signature.status, func.count(Signature.id))
        .where(Signature.letter_id == letter_id)
        .group_by(Signature.status)
    ).all()
    found = {status: number for status, number in rows}
    return {status: int(found.get(status, 0)) for status in S}


def _flagged(signals: Signals, codes: tuple[str, ...]) -> int:
    return sum(1 for sid in signals.flags if set(signals.unreviewed(sid)) & set(codes))


def _blockers(by_state: dict, signals: Signals, requests: dict[RequestKind, int]) -> list[str]:
    groups, not_name = len(signals.clusters), _flagged(signals, NOT_A_NAME)
    person, burst = _flagged(signals, ("person",)), _flagged(signals, BURSTS)
    confirmed, held = by_state[S.confirmed], by_state[S.held]
    withdrawals = requests.get(RequestKind.withdrawal, 0)
    corrections = requests.get(RequestKind.correction, 0)
    pairs = [
        (groups, ngettext(
            "%(num)d possible duplicate group", "%(num)d possible duplicate groups", groups
        )),
        (not_name, ngettext(
            "%(num)d entry flagged as not a name",
            "%(num)d entries flagged as not a name",
            not_name,
        )),
        (person, ngettext(
            "%(num)d organisation entry that looks like a person",
            "%(num)d organisation entries that look like a person",
            person,
        )),
        (burst, ngettext(
            "%(num)d entry from a suspicious burst",
            "%(num)d entries from suspicious bursts",
            burst,
        )),
        (withdrawals, ngettext(
            "%(num)d pending withdrawal request",
            "%(num)d pending withdrawal requests",
            withdrawals,
        )),
        (corrections, ngettext(
            "%(num)d pending correction request",
            "%(num)d pending correction requests",
            corrections,
        )),
        (confirmed, ngettext(
            "%(num)d confirmed signature awaiting a decision",
            "%(num)d confirmed signatures awaiting a decision",
            confirmed,
        )),
        (held, ngettext("%(num)d signature on hold", "%(num)d signatures on hold", held)),
    ]  # fmt: skip
    return [text for number, text in pairs if number]


def readiness(session: Session, letter_id: int, signals: Signals) -> Readiness:
    """Counts per state and the short list of what blocks a clean export."""
    by_state = counts(session, letter_id)
    requests = signer_requests.by_kind(signer_requests.awaiting(session, letter_id))
    blockers = _blockers(by_state, signals, requests)
    return Readiness(by_state, blockers + _outdated_translations(session.get(Letter, letter_id)))


def _outdated_translations(letter: Letter | None) -> list[str]:
    """The translations older than the authoritative text: a PDF or statement made in one
    of them may leave out what the authoritative text now says."""
    outdated = letter.outdated_texts if letter is not None else []
    if not outdated:
        return []
    names = format_list([language_name(t.language) for t in outdated], locale=get_locale())
    return [
        ngettext(
            "%(num)d translation older than the authoritative text: %(languages)s",
            "%(num)d translations older than the authoritative text: %(languages)s",
            len(outdated),
            languages=names,
        )
    ]
