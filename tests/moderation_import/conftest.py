"""Fixtures for imports: a letter, its coordinator, and the realistic signatory list."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from campaign.accounts.models import Role
from campaign.db import db
from campaign.moderation.models import AuditEntry
from campaign.signatures.models import Signature

DATA = Path(__file__).parent / "data"
LIST = DATA / "signatories.txt"
# What tests/moderation_import/data/signatories.txt holds (a published list, as pasted):
ENTRIES = 300
EXACT_DUPLICATE = "Friends of Guatemala"
ENGLISH = "Andean Institute for Human Rights and Development (IADHD)"
SPANISH = "Instituto Andino de Derechos Humanos y Desarrollo (IADHD)"
SENTENCE = "We fully support this letter and sign on behalf of our community!"


@pytest.fixture
def letter(make):
    return make.letter("hrc-defenders")


@pytest.fixture
def coordinator(make, letter):
    return make.user("coord@example.org", roles={letter: Role.coordinator})


def signatures(letter) -> list[Signature]:
    db.session.expire_all()
    query = select(Signature).where(Signature.letter_id == letter.id).order_by(Signature.id)
    return list(db.session.scalars(query))


def audit_actions(letter) -> list[str]:
    query = select(AuditEntry.action).where(AuditEntry.letter_id == letter.id)
    return list(db.session.scalars(query.order_by(AuditEntry.id)))
