"""Words shown for letter statuses and the buttons that change them."""

from __future__ import annotations

from campaign.i18n import _l
from campaign.letters.models import TRANSITIONS, Letter, LetterStatus
from campaign.signatures.services import accepting_signatures

STATUS_LABELS = {
    LetterStatus.draft: _l("Draft"),
    LetterStatus.open: _l("Open for signature"),
    LetterStatus.closed: _l("Closed"),
    LetterStatus.submitted: _l("Submitted"),
}
DEADLINE_PASSED_LABEL = _l("Open, but the deadline has passed: sign-on has stopped")

ACTION_LABELS = {
    LetterStatus.open: _l("Open the letter for signature"),
    LetterStatus.closed: _l("Close sign-on"),
    LetterStatus.submitted: _l("Mark as submitted"),
}


def status_label(status: LetterStatus) -> str:
    return str(STATUS_LABELS[status])


def letter_status_label(letter: Letter) -> str:
    """The letter's status as signers meet it: an open letter past its deadline takes no
    signatures, and says so."""
    if letter.status is LetterStatus.open and not accepting_signatures(letter):
        return str(DEADLINE_PASSED_LABEL)
    return status_label(letter.status)


def status_action_label(status: LetterStatus) -> str:
    return str(ACTION_LABELS[status])


def next_statuses(letter: Letter) -> list[LetterStatus]:
    order = list(LetterStatus)
    return sorted(TRANSITIONS[letter.status], key=order.index)
