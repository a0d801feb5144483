"""Writing to the audit log: every moderation and staff service calls ``record``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from campaign.accounts.models import User
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


def snapshot(signature: Signature, fields: tuple[str, ...] = AUDITED_FIELDS) -> dict[str, Any]:
    """The audited values of ``signature``, JSON-ready, for an entry's before/after."""
    values = {}
    for name in fields:
        value = getattr(signature, name, None)
        values[name] = getattr(value, "value", value)
    return values


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
