"""Fixtures for the moderation console: a letter, its moderator (logged in), and helpers."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.mail_models import OutboxMessage
from campaign.moderation.models import AuditEntry
from campaign.signatures.models import Signature


@pytest.fixture
def letter(make):
    return make.letter("carta")


@pytest.fixture
def moderator(make, letter, login_as):
    user = make.user("mod@example.org", roles={letter: Role.moderator})
    login_as(user)
    return user


def fresh(signature_id: int) -> Signature:
    """The signature as the database has it now."""
    db.session.expire_all()
    return db.session.get(Signature, signature_id)


def entries(action: str | None = None) -> list[AuditEntry]:
    db.session.expire_all()
    query = select(AuditEntry).order_by(AuditEntry.id)
    if action:
        query = query.where(AuditEntry.action == action)
    return list(db.session.scalars(query))


def console(slug: str = "carta") -> str:
    return f"/manage/letters/{slug}/moderation"


def page_of(signature: Signature) -> str:
    """A signature's page in the moderation console."""
    return f"{console()}/signatures/{signature.id}"


def outbox(recipient: str) -> list[OutboxMessage]:
    """The emails to ``recipient``, oldest first, as the database has them now."""
    db.session.expire_all()
    query = select(OutboxMessage).where(OutboxMessage.recipient == recipient)
    return list(db.session.scalars(query.order_by(OutboxMessage.id)))
