"""Writing to the audit log: every moderation and staff service calls ``record``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.letters.models import Letter
from campaign.moderation.models import AuditEntry
from campaign.signatures.models import Signature

CLI_ACTOR = "command line"
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
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat(timespec="minutes")
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
    actor: User | None,
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
        actor_id=actor.id if actor else None,
        actor_label=actor.email if actor else CLI_ACTOR,
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
def recording_letter(
    session: Session, letter: Letter, action: str, actor: User | None, detail: str = ""
) -> Iterator[None]:
    """Record what the enclosed block changes on ``letter`` itself as one entry in its log;
    nothing if it changed nothing (settings saved as they were), unless ``detail`` says what
    was done (a text saved in a language)."""
    before = snapshot(letter, LETTER_FIELDS)
    yield
    old, new = changed(before, snapshot(letter, LETTER_FIELDS))
    if new or detail:
        record(
            session,
            letter_id=letter.id,
            action=action,
            actor=actor,
            before=old,
            after=new,
            detail=detail,
        )


@contextmanager
def recording(
    session: Session, signature: Signature, action: str, actor: User | None, detail: str = ""
) -> Iterator[None]:
    """Record what the enclosed block changes on ``signature`` as one entry."""
    before = snapshot(signature)
    yield
    old, new = changed(before, snapshot(signature))
    record(
        session,
        letter_id=signature.letter_id,
        action=action,
        actor=actor,
        signature=signature,
        before=old,
        after=new,
        detail=detail,
    )
