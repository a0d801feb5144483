"""The outbox: emails stored with the change they report, sent only once that change is
committed, and rendered in the recipient's language when they are sent.

``queue`` adds a message (template, language, context) to the current transaction. After a
request whose transaction committed, what that request queued is sent by a background thread
(``campaign.mail_sender``), so no response waits for the SMTP server; whatever could not go
(SMTP down) stays queued and is retried with exponential backoff by ``campaign outbox send``
or ``campaign outbox worker``.
"""

from __future__ import annotations

import logging
from typing import cast

from flask import Flask, current_app, g
from sqlalchemy import Table, event, insert
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response

from campaign.config import send_mode
from campaign.mail_delivery import send_due
from campaign.mail_models import OutboxMessage
from campaign.mail_render import render
from campaign.mail_sender import BackgroundSender

log = logging.getLogger(__name__)
_QUEUED = "campaign.outbox.queued"
_COMMITTED = "campaign.outbox.committed"
INLINE, OFF = "inline", "off"
_TABLE = cast(Table, OutboxMessage.__table__)
_INSERT = insert(_TABLE).returning(_TABLE.c.id)

__all__ = ["init_app", "queue", "render", "send_due"]


def queue(session: Session, recipient: str, template: str, language: str, **context: object) -> int:
    """Add an email to the outbox in the caller's transaction (one INSERT); return its id.

    It is rendered when sent. ``context`` is stored as JSON, so it holds plain values
    (names, titles, finished links), or ids that a completion registered for the template
    turns into them (see ``campaign.mail_render``).
    """
    values = {"template": template, "language": language, "recipient": recipient}
    # A Core statement on the session's connection (not session.execute, whose ORM layer
    # costs more than the INSERT on the sign-on path), so nothing pending is flushed first;
    # the message needs nothing pending, as the ids in its context are read when it is sent.
    connection = session.connection()
    message_id = connection.execute(_INSERT, {**values, "context": context}).scalar_one()
    session.info.setdefault(_QUEUED, []).append(message_id)
    return message_id


def _after_commit(session: Session) -> None:
    queued = session.info.pop(_QUEUED, [])
    session.info.setdefault(_COMMITTED, []).extend(queued)


def _after_rollback(session: Session) -> None:
    session.info.pop(_QUEUED, None)


def _send_committed(response: Response) -> Response:
    """Hand what this request committed to the sender thread (or send it now, "inline")."""
    session = g.get("db_session")
    ids = session.info.pop(_COMMITTED, None) if session is not None else None
    mode = send_mode(current_app.config.get("MAIL_SEND_AFTER_REQUEST"))
    if not ids or mode == OFF:
        return response
    if mode != INLINE:
        current_app.extensions["campaign.mail_sender"].submit(ids)
        return response
    try:
        send_due(session, ids=ids)
    except Exception:  # never fail a request that has already committed
        log.exception("could not send outbox messages %s now; the worker will retry", ids)
    return response


def init_app(app: Flask) -> None:
    """Track messages per session, and send them once the request has committed, as
    MAIL_SEND_AFTER_REQUEST says: "background" (a sender thread), "inline" (before the
    response; tests) or "off" (the outbox worker sends everything)."""
    app.extensions["campaign.mail_sender"] = BackgroundSender(app)
    factory = app.extensions["campaign.db"]
    event.listen(factory, "after_commit", _after_commit)
    event.listen(factory, "after_soft_rollback", lambda s, _t: _after_rollback(s))
    app.after_request(_send_committed)
