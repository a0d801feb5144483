"""Audit entries as moderators read them: what changed, field by field, in their language;
the detail as a sentence; the signature each is about, linked. Used by the letter's log, a
signature's history and the staff accounts' log."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup
from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.ids import ID_MAX
from campaign.letters.models import Letter
from campaign.moderation import audit_details
from campaign.moderation.audit_values import HIDDEN, Lookups, is_empty, label, show, signature_link
from campaign.moderation.import_models import ImportBatch
from campaign.moderation.import_summary import is_summary
from campaign.moderation.models import AuditEntry, Organisation
from campaign.signatures.models import Signature

REFERENCES = {"merged_into_id": "signatures", "organisation_id": "organisations"}


@dataclass(frozen=True)
class Change:
    """One field: its value ``before`` and ``after`` a change; or, with ``before`` None, a
    value the entry records (what an import wrote, whose account it was)."""

    label: Markup
    after: Markup
    before: Markup | None = None


@dataclass(frozen=True)
class Shown:
    entry: AuditEntry
    changes: tuple[Change, ...]
    detail: audit_details.Detail | None
    signature: Markup | None  # the signature it is about, linked
    summary: dict[str, Any] | None  # an import's counts, shown as its page shows them


def _fields(value: Any) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    return {} if is_empty(value) else {"value": value}


def changes(entry: AuditEntry, found: Lookups) -> tuple[Change, ...]:
    """The fields an entry records. Of a change, only the fields that changed, before and
    after; a field with one value (the rest of an entry about one account) with that value.
    An entry that only records values (an import) leaves out those that are empty."""
    before, after = _fields(entry.before), _fields(entry.after)
    one_sided = not before or not after
    shown = []
    for name in [*after, *(k for k in before if k not in after)]:
        if name in HIDDEN:
            continue
        old, new = before.get(name), after.get(name, before.get(name))
        if one_sided and is_empty(new):
            continue
        if name in before and name in after and old != new:
            shown.append(Change(label(name), show(name, new, found), show(name, old, found)))
        else:
            shown.append(Change(label(name), show(name, new, found)))
    return tuple(shown)


def _ids(values: Iterable[Any]) -> set[int]:
    return {v for v in values if type(v) is int and 0 < v <= ID_MAX}


def _referenced(entries: Sequence[AuditEntry], key: str) -> set[int]:
    values = [
        record.get(name)
        for e in entries
        for record in (_fields(e.before), _fields(e.after))
        for name, kind in REFERENCES.items()
        if kind == key
    ]
    return _ids(values)


def lookups(
    session: Session, entries: Sequence[AuditEntry], letter: Letter | None, viewer: int | None
) -> Lookups:
    """Everything the entries refer to, in one query of each kind, for the whole page."""
    if letter is None:
        return Lookups()
    sids = _referenced(entries, "signatures") | _ids(e.signature_id for e in entries)
    for e in entries:
        sids |= audit_details.signature_ids(e.action, e.detail)
    oids = _referenced(entries, "organisations")
    batches = _ids(audit_details.batch_id(e.action, e.detail) for e in entries)
    return Lookups(
        slug=letter.slug,
        signatures=_names(session, Signature, sids, Signature.letter_id == letter.id),
        organisations=_names(session, Organisation, oids),
        batches=frozenset(
            session.scalars(
                select(ImportBatch.id).where(
                    ImportBatch.id.in_(batches),
                    ImportBatch.letter_id == letter.id,
                    ImportBatch.user_id == viewer,
                )
            )
            if batches and viewer
            else ()
        ),
    )


def _names(session: Session, model: type, ids: set[int], *where: Any) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.execute(select(model.id, model.name).where(model.id.in_(ids), *where))
    return {row.id: row.name for row in rows}


def present(
    session: Session,
    entries: Sequence[AuditEntry],
    letter: Letter | None = None,
    viewer: int | None = None,
) -> list[Shown]:
    """``entries`` as the log shows them to ``viewer`` (a staff account's id), with links
    into ``letter``'s pages (none without a letter)."""
    found = lookups(session, entries, letter, viewer)
    shown = []
    for e in entries:
        summary = e.after if e.action == "import_batch" and is_summary(e.after) else None
        shown.append(
            Shown(
                entry=e,
                changes=() if summary else changes(e, found),
                detail=audit_details.render(e.action, e.detail or "", found, e.signature_id),
                signature=signature_link(e.signature_id, found) if e.signature_id else None,
                summary=summary,
            )
        )
    return shown
