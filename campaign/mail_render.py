"""Rendering an outbox message from its template, in the recipient's language.

A message may be queued with only the ids its email is about: a function registered with
:func:`completes` for its template turns those into the template's context when the message
is rendered, so the request that queues it reads and signs nothing more, and the links in
the email are made when it goes out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from flask import current_app, has_request_context, render_template, url_for
from flask_babel import force_locale
from sqlalchemy.orm import Session

from campaign.mail_models import OutboxMessage


class NothingToSend(LookupError):
    """Raised by a completion when what the message is about no longer exists, or no longer
    wants it sent: the message is cancelled, never sent."""


Completion = Callable[[Session, dict[str, Any], str], dict[str, Any]]
Preload = Callable[[Session, list[dict[str, Any]]], object]
_COMPLETIONS: dict[str, Completion] = {}
_PRELOADS: dict[str, Preload] = {}


def completes(
    template: str, *, preload: Preload | None = None
) -> Callable[[Completion], Completion]:
    """Register ``function(session, stored_context, language) -> context`` for ``template``;
    ``preload(session, stored_contexts)``, if given, loads what a batch of such messages is
    about in one query before they are completed one by one."""

    def register(function: Completion) -> Completion:
        _COMPLETIONS[template] = function
        if preload is not None:
            _PRELOADS[template] = preload
        return function

    return register


def preload(session: Session, messages: list[OutboxMessage]) -> list[object]:
    """Run each template's preload once for the messages still to render; the caller keeps
    the result while it renders them (the session holds loaded objects only weakly)."""
    contexts: dict[str, list[dict[str, Any]]] = {}
    for message in messages:
        if to_render(message) and message.template in _PRELOADS:
            contexts.setdefault(message.template, []).append(message.context or {})
    return [_PRELOADS[template](session, stored) for template, stored in contexts.items()]


def absolute(endpoint: str, **values: object) -> str:
    """A link for an email: PUBLIC_BASE_URL plus the route's path, in a request or not (the
    outbox worker renders outside any request)."""
    if has_request_context():
        path = url_for(endpoint, **values)
    else:
        path = current_app.url_map.bind("").build(endpoint, values)
    return current_app.config["PUBLIC_BASE_URL"] + path


def render(template: str, language: str, **context: object) -> tuple[str, str, str]:
    """Subject, text and HTML of ``templates/emails/<template>/`` in ``language``."""
    folder = f"emails/{template}"
    with force_locale(language):
        subject = render_template(f"{folder}/subject.txt", lang=language, **context)
        text = render_template(f"{folder}/body.txt", lang=language, **context)
        html = render_template(f"{folder}/body.html", lang=language, **context)
    return _one_line(subject), text, html


def _one_line(subject: str) -> str:
    """The subject on one line: the template's line breaks and runs of ASCII spaces become
    one space; the no-break spaces translators put before French colons stay."""
    return re.sub(r"[ \t\r\n]+", " ", subject).strip()


def is_rendered(message: OutboxMessage) -> bool:
    return bool(message.body_text)


def to_render(message: OutboxMessage) -> bool:
    """Not rendered yet, or rendered for an attempt that failed and made from what it is
    about (a completion): made again, so its title and links are those of when it leaves
    (a signer who withdrew meanwhile revoked the links the first rendering made)."""
    return not is_rendered(message) or (message.attempts > 0 and message.template in _COMPLETIONS)


def _complete(session: Session, message: OutboxMessage) -> dict[str, Any]:
    context = dict(message.context or {})
    completion = _COMPLETIONS.get(message.template)
    return context if completion is None else completion(session, context, message.language)


def render_message(session: Session, message: OutboxMessage) -> None:
    """Fill in subject and bodies from the message's template, language and context; the
    completed context is kept with the message as a record of what was sent, beside the
    stored ids it was made from (to make it again for a retry)."""
    context = _complete(session, message)
    message.subject, message.body_text, message.body_html = render(
        message.template, message.language, **context
    )
    message.context = {**(message.context or {}), **context}
