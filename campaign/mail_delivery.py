"""Sending what the outbox holds: claim, send, record, and back off after failures."""

from __future__ import annotations

import logging
import re
import smtplib
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from campaign.db import utcnow
from campaign.mail_models import OutboxMessage, OutboxStatus
from campaign.mail_render import NothingToSend, is_rendered, preload, render_message, to_render
from campaign.mail_transport import ConsoleTransport, SmtpTransport, Unsendable, transport

log = logging.getLogger(__name__)

SEND_ERRORS = (OSError, smtplib.SMTPException)
# An SMTP answer as an exception shows it: "(550, b'5.1.1 No such user')".
_SMTP_ANSWER = re.compile(r"\((\d{3}), b?(['\"])(.*?)\2")
_OUR_PREFIXES = ("refused: ", "cannot be sent: ", "nothing to send: ")


def lease() -> timedelta:
    """How long a sender holds what it claimed (MAIL_LEASE_SECONDS): longer than sending one
    message can take, as each message's hold is renewed just before it is sent."""
    return timedelta(seconds=float(current_app.config.get("MAIL_LEASE_SECONDS", 300)))


def backoff(attempts: int) -> timedelta:
    """Wait before the next try: base × 2^(attempts − 1), capped."""
    base = float(current_app.config["MAIL_RETRY_BASE_SECONDS"])
    cap = float(current_app.config["MAIL_RETRY_MAX_SECONDS"])
    return timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), cap))


def _due(session: Session, ids: list[int] | None, now: datetime, force: bool, limit: int):  # noqa: ANN202
    query = select(OutboxMessage.id).where(
        OutboxMessage.status == OutboxStatus.queued,
        or_(OutboxMessage.locked_until.is_(None), OutboxMessage.locked_until < now),
    )
    if not force:
        query = query.where(OutboxMessage.next_attempt_at <= now)
    if ids is not None:
        query = query.where(OutboxMessage.id.in_(ids))
    return list(session.scalars(query.order_by(OutboxMessage.next_attempt_at).limit(limit)))


def _claim(session: Session, ids: list[int], now: datetime) -> list[int]:
    """Lease these messages to this sender, in one UPDATE; the ids it got (another sender
    may have leased or sent some since they were found due)."""
    if not ids:
        return []
    table = OutboxMessage.__table__
    claimed = session.connection().execute(
        update(table)
        .where(
            table.c.id.in_(ids),
            table.c.status == OutboxStatus.queued,
            or_(table.c.locked_until.is_(None), table.c.locked_until < now),
        )
        .values(locked_until=now + lease())
        .returning(table.c.id)
    )
    leased = sorted(claimed.scalars())
    session.commit()
    return leased


def in_short(last_error: str, limit: int = 160) -> str:
    """A message's ``last_error`` as a person reads it: the server's answer ("550 5.1.1 No
    such user") when there is one, else the error on one line, cut at ``limit``."""
    answer = _SMTP_ANSWER.search(last_error)
    if answer:
        text = f"{answer[1]} {answer[3]}".replace("\\r", " ").replace("\\n", " ")
    else:
        text = last_error
        for prefix in _OUR_PREFIXES:
            text = text.removeprefix(prefix)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _record_failure(message: OutboxMessage, error: BaseException) -> None:
    message.attempts += 1
    message.last_error = f"{type(error).__name__}: {error}"[:2000]
    message.locked_until = None
    if message.attempts >= int(current_app.config["MAIL_MAX_ATTEMPTS"]):
        _stop(message, OutboxStatus.failed)
    else:
        message.next_attempt_at = utcnow() + backoff(message.attempts)


def _give_up(
    message: OutboxMessage, reason: str, status: OutboxStatus = OutboxStatus.failed
) -> None:
    """Never try this message again: it failed for good (it cannot be written, or the server
    refused it), or, with ``status`` cancelled, what it is about no longer wants it sent."""
    message.last_error = reason[:2000]
    message.locked_until = None
    _stop(message, status)


def _stop(message: OutboxMessage, status: OutboxStatus) -> None:
    """Leave ``message`` failed or cancelled, stamped with when (see ``next_attempt_at``)."""
    message.status = status
    message.next_attempt_at = utcnow()


def _record_sent(message: OutboxMessage) -> None:
    message.status = OutboxStatus.sent
    message.sent_at = utcnow()
    message.attempts += 1
    message.locked_until = None


def _render(session: Session, messages: list[OutboxMessage]) -> list[OutboxMessage]:
    """Render what is not rendered yet, or again for a retry (see ``to_render``); a message
    that cannot be rendered backs off (its earlier rendering is not sent), and one whose
    subject no longer wants it (see ``NothingToSend``) is cancelled. One commit for the
    batch: nothing is written (nor, on SQLite, the writer's lock taken) while the templates'
    data is read."""
    with session.no_autoflush:
        loaded = preload(session, messages)  # noqa: F841 - kept alive while rendering
        for message in messages:
            if not to_render(message):
                continue
            try:
                render_message(session, message)
            except NothingToSend as error:
                _give_up(message, f"nothing to send: {error}", OutboxStatus.cancelled)
            except Exception as error:  # a broken template must not block the rest
                log.exception("could not render outbox message %s", message.id)
                _record_failure(message, error)
    session.commit()
    # What backed off has left its lease; what is left is still held and rendered.
    return [
        m
        for m in messages
        if is_rendered(m) and m.status is OutboxStatus.queued and m.locked_until is not None
    ]


def _permanent(error: BaseException) -> bool:
    """The server refused this message for good (a 5xx for its recipient or its content),
    not for now (a 4xx): trying again for hours would only harm the sender's standing with
    that server. A refused sender or login is not about the message: every message would
    meet it until the settings are put right, so those back off and are sent then."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _text in error.recipients.values()]
        return bool(codes) and all(code >= 500 for code in codes)
    if isinstance(error, smtplib.SMTPDataError):
        return error.smtp_code >= 500
    return False


def _renew(session: Session, message_id: int, mark: datetime | None) -> datetime | None:
    """Renew this sender's lease on a message, only if it still holds it (the lease still
    ends at ``mark``, this sender's last mark on it), and commit: the new mark, or None if the
    lease was lost (a slow batch outlived it and another sender took the message, which is
    then that sender's to send and record)."""
    table = OutboxMessage.__table__
    renewed = utcnow() + lease()
    held = session.connection().execute(
        update(table)
        .where(
            table.c.id == message_id,
            table.c.status == OutboxStatus.queued,
            table.c.locked_until == mark,
        )
        .values(locked_until=renewed)
    )
    session.commit()
    return renewed if held.rowcount == 1 else None


def _send_one(connection: SmtpTransport | ConsoleTransport, message: OutboxMessage) -> bool:
    """Send ``message`` and record the answer on it (not committed); True if it went."""
    try:
        connection.send(message)
    except Unsendable as error:
        log.warning("outbox message %s cannot be sent: %s", message.id, error)
        _give_up(message, f"cannot be sent: {error}")
    except SEND_ERRORS as error:
        if _permanent(error):
            _give_up(message, f"refused: {type(error).__name__}: {error}")
        else:
            _record_failure(message, error)
    except Exception as error:  # unforeseen: back off, as a broken template does
        log.exception("could not send outbox message %s", message.id)
        _record_failure(message, error)
    else:
        _record_sent(message)
        return True
    return False


def _deliver(session: Session, messages: list[OutboxMessage]) -> int:
    """Send over one connection, each message only while this sender still holds it, and
    record each one as soon as the server has answered: a sender that dies leaves at most the
    message in flight to be sent again, and a batch slower than the lease never goes twice.
    A message that cannot be sent is recorded as such and the others go on: one bad address
    never holds up the rest."""
    # The lease each message was claimed with, kept apart from the objects, which a session
    # that expires on commit would reload with whatever another sender wrote since.
    marks = {message.id: message.locked_until for message in messages}
    sent = reached = 0
    try:
        with transport() as connection:
            for message in messages:
                reached += 1
                if _renew(session, message.id, marks[message.id]) is None:
                    continue
                sent += _send_one(connection, message)
                session.commit()
    except SEND_ERRORS as error:  # could not connect, or the server hung up
        for message in messages[reached:]:
            if _renew(session, message.id, marks[message.id]) is not None:
                _record_failure(message, error)
    session.commit()
    return sent


def send_due(
    session: Session, ids: list[int] | None = None, *, force: bool = False, limit: int = 100
) -> int:
    """Send queued messages that are due (all queued ones if ``force``); return how many went.

    Safe to run from several processes at once: each message is leased before sending.
    """
    now = utcnow()
    claimed = _claim(session, _due(session, ids, now, force, limit), now)
    if not claimed:
        return 0
    messages = list(
        session.scalars(
            select(OutboxMessage)
            .where(OutboxMessage.id.in_(claimed))
            .order_by(OutboxMessage.id)
            .execution_options(populate_existing=True)
        )
    )
    messages = _render(session, messages)
    return _deliver(session, messages) if messages else 0


def purge(session: Session, before: datetime) -> int:
    """Delete messages sent, given up or cancelled before ``before``: their bodies hold
    addresses and private links, kept only as long as someone may ask whether a mail went.
    Flushes."""
    result = session.execute(
        delete(OutboxMessage)
        .where(
            OutboxMessage.status != OutboxStatus.queued,
            OutboxMessage.created_at < before,
        )
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
