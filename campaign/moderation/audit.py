"""Writing to the audit log: every moderation and staff service calls ``record``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import as_utc
from campaign.letters.models import Letter
from campaign.moderation.models import AuditEntry
from campaign.signatures.models import Signature

CLI_ACTOR = "command line"
# The actor of what a signer changes themselves, through the private link in their emails.
SIGNER_ACTOR = "signer (private link)"
# Who made a change: a staff account; the label of someone without one (``SIGNER_ACTOR``);
# or None, the command line.
Actor = User | str | None
AUDITED_FIELDS = (
    "status",
    "name",
    "country",
    "kind",
    "org_type",
    "ecosoc_status",
    "website",
    "flags",
    "organisation_id",
    "merged_into_id",
    "contact_name",
    "contact_role",
    "consent_contact",
    "language",
)


# What a letter's log records of the letter itself (its texts are logged by language).
LETTER_FIELDS = (
    "status",
    "slug",
    "addressee",
    "lead_organisations",
    "deadline",
    "auto_approve",
    "embed_origins",
    "authoritative_language",
)


def _loggable(value: Any) -> Any:
    """A value as an entry stores it: enums by value, times as UTC ISO strings (a naive time
    is UTC already, as forms give it)."""
    if isinstance(value, datetime):
        return as_utc(value).isoformat(timespec="minutes")
    return getattr(value, "value", value)


def snapshot(subject: object, fields: tuple[str, ...] = AUDITED_FIELDS) -> dict[str, Any]:
    """The audited values of a signature (or of a letter, with ``LETTER_FIELDS``), JSON-ready,
    for an entry's before/after."""
    return {name: _loggable(getattr(subject, name, None)) for name in fields}


def record(
    session: Session,
    *,
    letter_id: int | None,
    action: str,
    actor: Actor,
    signature: Signature | None = None,
    account: User | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    detail: str = "",
) -> AuditEntry:
    """Append one entry; flushes with the change it describes, never commits. An entry
    about a staff ``account`` itself has no letter."""
    entry = AuditEntry(
        letter_id=letter_id,
        account_id=account.id if account else None,
        action=action,
        actor_id=actor.id if isinstance(actor, User) else None,
        actor_label=actor.email if isinstance(actor, User) else actor or CLI_ACTOR,
        signature_id=signature.id if signature else None,
        before=before or {},
        after=after or {},
        detail=detail,
    )
    session.add(entry)
    return entry


def changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Only the fields that differ, so entries show what a decision actually changed."""
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


@contextmanager
def recording(
    session: Session,
    subject: Signature | Letter,
    action: str,
    actor: Actor,
    detail: str = "",
) -> Iterator[None]:
    """Record what the enclosed block changes on ``subject`` as one entry in its letter's log.
    A signature's decision is always recorded; a change to a letter itself only if it changed
    something (settings saved as they were are not), or ``detail`` says what was done (a text
    saved in a language)."""
    is_letter = isinstance(subject, Letter)
    fields = LETTER_FIELDS if is_letter else AUDITED_FIELDS
    before = snapshot(subject, fields)
    yield
    old, new = changed(before, snapshot(subject, fields))
    if is_letter and not (new or detail):
        return
    record(
        session,
        letter_id=subject.id if is_letter else subject.letter_id,
        action=action,
        actor=actor,
        signature=None if is_letter else subject,
        before=old,
        after=new,
        detail=detail,
    )
