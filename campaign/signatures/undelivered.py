"""Sign-ups whose email never reached their signer: the outbox gave up on the latest one.

Such a sign-up cannot be confirmed (its link never arrived) and would wait, unseen, until
the clean-up deletes it; moderators are shown it (flagged in their queue, the reason on its
page) and may send its confirmation again. Read from the outbox, whose signer emails keep
the signature's id in their context.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from campaign.mail_delivery import in_short
from campaign.mail_models import OutboxMessage, OutboxStatus
from campaign.signatures.emails import TO_SIGNERS

# The moderators' flag on such a sign-up (see moderation.signals).
NOT_DELIVERED = "email_not_delivered"
_SIGNATURE_ID = OutboxMessage.context["signature_id"].as_integer()
_TEMPLATES = TO_SIGNERS


@dataclass(frozen=True)
class Undelivered:
    """The latest email to a signer, given up: to whom, when it was queued, why (in short),
    and when the outbox gave up on it."""

    message_id: int
    recipient: str
    queued_at: datetime
    attempts: int
    reason: str
    given_up_at: datetime


def undelivered(
    session: Session, signature_ids: Select | list[int], after: datetime | None = None
) -> dict[int, Undelivered]:
    """For each signature of ``signature_ids`` (ids, or a query of them) whose latest email
    to its signer was given up (``after`` that time, if given), that email (a later one
    queued or sent means the signer has been reached, or may yet be). At most two queries,
    however many signatures: the emails given up (found through the status index, by when:
    few), then, only if there are any, the latest email of their signatures. Reading the
    signature id out of every message's context in one query instead cost PostgreSQL a
    minute on a 30,000-message outbox whose statistics were not yet gathered (a nested loop
    over signatures and messages)."""
    query = select(
        _SIGNATURE_ID.label("signature_id"),
        OutboxMessage.id,
        OutboxMessage.recipient,
        OutboxMessage.created_at,
        OutboxMessage.attempts,
        OutboxMessage.last_error,
        OutboxMessage.next_attempt_at,  # when a failed message was given up
    ).where(
        OutboxMessage.status == OutboxStatus.failed,
        OutboxMessage.template.in_(_TEMPLATES),
        _SIGNATURE_ID.in_(signature_ids),
    )
    if after is not None:
        query = query.where(OutboxMessage.next_attempt_at > after)
    given_up = session.execute(query).all()
    if not given_up:
        return {}
    latest = dict(
        session.execute(
            select(_SIGNATURE_ID, func.max(OutboxMessage.id))
            .where(
                OutboxMessage.template.in_(_TEMPLATES),
                _SIGNATURE_ID.in_({row.signature_id for row in given_up}),
            )
            .group_by(_SIGNATURE_ID)
        ).all()
    )
    return {
        row.signature_id: Undelivered(
            row.id,
            row.recipient,
            row.created_at,
            row.attempts,
            in_short(row.last_error),
            row.next_attempt_at,
        )
        for row in given_up
        if latest.get(row.signature_id) == row.id
    }
