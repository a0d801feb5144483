"""Rendering an outbox message from its template, in the recipient's language."""

from __future__ import annotations

from flask import render_template
from flask_babel import force_locale

from campaign.mail_models import OutboxMessage


def render(template: str, language: str, **context: object) -> tuple[str, str, str]:
    """Subject, text and HTML of ``templates/emails/<template>/`` in ``language``."""
    folder = f"emails/{template}"
    with force_locale(language):
        subject = render_template(f"{folder}/subject.txt", lang=language, **context)
        text = render_template(f"{folder}/body.txt", lang=language, **context)
        html = render_template(f"{folder}/body.html", lang=language, **context)
    return " ".join(subject.split()), text, html


def is_rendered(message: OutboxMessage) -> bool:
    return bool(message.body_text)


def render_message(message: OutboxMessage) -> None:
    """Fill in subject and bodies from the message's template, language and context."""
    message.subject, message.body_text, message.body_html = render(
        message.template, message.language, **(message.context or {})
    )
