"""Merging duplicates into one signature, and undoing it. Audited; flush only.

Merged rows keep their contacts and history; they take the ``merged`` state (never on the
public list) and point at the signature kept. Each merge teaches the registry.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.accounts.models import User
from campaign.db import utcnow
from campaign.i18n import _l
from campaign.letters.models import Letter
from campaign.moderation import registry
from campaign.moderation.audit import CLI_ACTOR, recording, snapshot
from campaign.moderation.models import Organisation, SignatureMerge
from campaign.signatures.keys import name_key
from campaign.signatures.models import EcosocStatus, Signature, SignatureStatus
from campaign.signatures.services import POSSIBLE_DUPLICATE
from campaign.signatures.states import (
    NOT_DUPLICATE,
    UNMERGEABLE,
    SignatureError,
    move,
    unmerge,
)

CHANGED = _l("These signatures changed since the merge, so it can no longer be undone.")
NEWER_FIRST = _l(
    "A later merge includes some of these signatures: undo that merge first, then this one."
)
UNCONFIRMED_KEPT = _l(
    "The signature to keep must have been confirmed by its signer. This one still awaits "
    "email confirmation: choose another."
)
ECOSOC_RANK = list(EcosocStatus)  # general, special, roster, none, unknown


def _load(session: Session, letter_id: int, ids: Iterable[int]) -> dict[int, Signature]:
    query = select(Signature).where(Signature.letter_id == letter_id, Signature.id.in_(set(ids)))
    return {s.id: s for s in session.scalars(query)}


def _check(rows: dict[int, Signature], ids: list[int], primary_id: int) -> None:
    if len(rows) < 2 or len(rows) != len(set(ids)) or primary_id not in rows:
        raise SignatureError(_l("Choose at least two signatures of this letter and one to keep."))
    if any(s.status not in UNMERGEABLE for s in rows.values()):
        raise SignatureError(_l("Rejected, withdrawn or merged signatures cannot be merged."))
    if rows[primary_id].status is SignatureStatus.pending:
        raise SignatureError(UNCONFIRMED_KEPT)


def best_ecosoc(rows: Iterable[Signature]) -> EcosocStatus:
    """The highest consultative status any of the rows states (general first, unknown last)."""
    return min((s.ecosoc_status for s in rows), key=ECOSOC_RANK.index)


def _organisation(session: Session, rows: Iterable[Signature]) -> Organisation | None:
    """The registry entry any of the rows is linked to or known under."""
    for s in rows:
        if s.organisation_id is not None:
            return session.get(Organisation, s.organisation_id)
    found = registry.find(session, [s.name_key for s in rows])
    return next(iter(found.values()), None)


def merge(
    session: Session,
    letter: Letter,
    ids: list[int],
    primary_id: int,
    name: str,
    country: str | None,
    actor: User | None,
    ecosoc_status: EcosocStatus | None = None,
) -> SignatureMerge:
    """Fold ``ids`` into ``primary_id``, which then shows ``name``, ``country`` and
    ``ecosoc_status`` (by default the group's highest). The kept row must be confirmed by its
    signer; it is approved if any of the group was, so the organisation stays listed."""
    rows = _load(session, letter.id, ids)
    _check(rows, ids, primary_id)
    if not name.strip():
        raise SignatureError(_l("Enter the name to show."))
    primary = rows[primary_id]
    versions_before = _versions(rows)
    spellings = [n for s in rows.values() for n in (s.submitted_name, s.name)]
    org, org_before, alias_ids = registry.remember(
        session, _organisation(session, rows.values()), name, spellings, country, primary.website
    )
    record = SignatureMerge(
        letter_id=letter.id,
        primary_id=primary_id,
        merged_ids=sorted(i for i in rows if i != primary_id),
        before={str(i): snapshot(s) for i, s in rows.items()},
        organisation_id=org.id,
        organisation_before=org_before,
        alias_ids=alias_ids,
        actor_label=actor.email if actor else CLI_ACTOR,
        versions_before=versions_before,
    )
    session.add(record)
    session.flush()
    listing = {"name": name, "country": country, "ecosoc_status": ecosoc_status}
    _fold(session, primary, rows, record, listing, actor)
    record.versions_after = _versions(rows)
    session.flush()
    return record


def _versions(rows: dict[int, Signature]) -> dict[str, int]:
    return {str(i): s.version for i, s in rows.items()}


def _members(record: SignatureMerge) -> set[int]:
    return {record.primary_id, *record.merged_ids}


def undoable(records: Sequence[SignatureMerge]) -> set[int]:
    """The ids of the merges among ``records`` (all later merges of their letter included)
    that are in place and that no later merge in place involves: undone in that order, each
    undo finds its signatures as its merge left them."""
    active = [m for m in records if m.undone_at is None]
    return {
        m.id for m in active if not any(n.id > m.id and _members(n) & _members(m) for n in active)
    }


def _in_place(session: Session, letter_id: int) -> list[SignatureMerge]:
    query = select(SignatureMerge).where(
        SignatureMerge.letter_id == letter_id, SignatureMerge.undone_at.is_(None)
    )
    return list(session.scalars(query.order_by(SignatureMerge.id)))


def _fold(
    session: Session,
    primary: Signature,
    rows: dict[int, Signature],
    record: SignatureMerge,
    listing: dict,
    actor: User | None,
) -> None:
    """Give the primary the chosen listing and the group's best status; mark the others
    merged into it. All audited."""
    detail = f"merge {record.id}: {sorted(rows)} into {primary.id}"
    now = utcnow()
    approved = any(s.status is SignatureStatus.approved for s in rows.values())
    ecosoc = listing["ecosoc_status"] or best_ecosoc(rows.values())
    for s in sorted(rows.values(), key=lambda s: s.id):
        with recording(session, s, "merge", actor, detail=detail):
            s.organisation_id = record.organisation_id
            s.reviewed_at = now
            if s is primary:
                name = listing["name"]
                s.name, s.name_key, s.country = name, name_key(name), listing["country"] or None
                s.ecosoc_status = ecosoc
                if approved and s.status is not SignatureStatus.approved:
                    move(s, SignatureStatus.approved)
            else:
                move(s, SignatureStatus.merged)
                s.merged_into_id = primary.id
    session.flush()


def _promoted(record: SignatureMerge) -> bool:
    """Whether the merge approved the row it kept, because another of the group was."""
    statuses = [values["status"] for values in record.before.values()]
    kept = record.before[str(record.primary_id)]["status"]
    return kept != SignatureStatus.approved and SignatureStatus.approved in statuses


def undo(session: Session, record: SignatureMerge, actor: User | None) -> None:
    """Put every signature of a merge back as it was, and take back what the registry learnt."""
    if record.undone_at is not None:
        raise SignatureError(CHANGED)
    in_place = _in_place(session, record.letter_id)
    if record.id not in undoable(in_place):
        raise SignatureError(NEWER_FIRST)
    rows = _load(session, record.letter_id, [record.primary_id, *record.merged_ids])
    if _changed_since(record, rows):
        raise SignatureError(CHANGED)
    detail = f"undo merge {record.id}"
    promoted = _promoted(record)
    for s in sorted(rows.values(), key=lambda s: s.id):
        before = record.before[str(s.id)]
        with recording(session, s, "merge_undone", actor, detail=detail):
            if s.id != record.primary_id or (promoted and s.status is SignatureStatus.approved):
                unmerge(s, SignatureStatus(before["status"]))
            s.ecosoc_status = EcosocStatus(before["ecosoc_status"])
            s.merged_into_id = before["merged_into_id"]
            s.organisation_id = before["organisation_id"]
            s.name, s.name_key = before["name"], name_key(before["name"])
            s.country = before["country"]
    session.flush()
    _hand_back(record, rows, [m for m in in_place if m.id < record.id])
    org = session.get(Organisation, record.organisation_id) if record.organisation_id else None
    if org is not None:
        registry.forget(session, org, record.organisation_before, record.alias_ids)
    record.undone_at = utcnow()
    record.undone_by = actor.email if actor else CLI_ACTOR
    session.flush()


def kept_by(session: Session, signature: Signature) -> list[SignatureMerge]:
    """The merges in place that kept ``signature``: it is the entry their rows are listed as."""
    query = select(SignatureMerge).where(
        SignatureMerge.primary_id == signature.id, SignatureMerge.undone_at.is_(None)
    )
    return list(session.scalars(query.order_by(SignatureMerge.id)))


def undo_choices(session: Session, signature: Signature) -> list[tuple[SignatureMerge, bool]]:
    """The merges in place that kept ``signature``, each with whether it can be undone now
    (no later merge in place involves its rows; see ``undoable``)."""
    kept = kept_by(session, signature)
    if not kept:
        return []
    ready = undoable(_in_place(session, signature.letter_id))
    return [(record, record.id in ready) for record in kept]


def decided(session: Session, signature: Signature, version_before: int) -> None:
    """A moderator decided on ``signature`` (approve, hold, reject). If merges kept it, the
    decision is the group's: the rows merged into it stay merged, listed or not with it. It
    is no change an undo would overwrite, so those merges stay undoable: undone, each
    sign-up gets back what it had, and the kept one keeps the decision. Without this, a
    rejected entry (one by one, or caught by a bulk rejection) would hold the others for
    good."""
    key = str(signature.id)
    for record in kept_by(session, signature):
        after = dict(record.versions_after or {})
        if after.get(key) == version_before:
            record.versions_after = {**after, key: signature.version}


def _changed_since(record: SignatureMerge, rows: dict[int, Signature]) -> bool:
    """Whether any signature of the merge changed after it. Merges made before versions were
    kept can only tell whether the merged rows still point at the kept one."""
    merged = [rows.get(i) for i in record.merged_ids]
    if (
        any(s is None or s.merged_into_id != record.primary_id for s in merged)
        or rows[record.primary_id].status is SignatureStatus.merged
    ):
        return True
    after = record.versions_after or {}
    return any(
        (s := rows.get(int(i))) is None or s.version != version for i, version in after.items()
    )


def _hand_back(
    record: SignatureMerge, rows: dict[int, Signature], earlier: list[SignatureMerge]
) -> None:
    """After undoing ``record``, an earlier merge whose signatures had not changed until
    ``record`` was made finds them as it left them again: it stays undoable."""
    before = record.versions_before or {}
    for m in earlier:
        after = dict(m.versions_after or {})
        moved = {i: rows[int(i)].version for i, v in after.items() if before.get(i) == v}
        if moved:
            m.versions_after = {**after, **moved}


def keep_separate(session: Session, letter: Letter, ids: list[int], actor: User | None) -> int:
    """Record that look-alikes are different organisations, closing their duplicate group."""
    rows = _load(session, letter.id, ids)
    for s in sorted(rows.values(), key=lambda s: s.id):
        with recording(
            session, s, "not_duplicate", actor, detail=f"kept apart from {sorted(rows)}"
        ):
            kept = [f for f in s.flags or [] if f not in (POSSIBLE_DUPLICATE, NOT_DUPLICATE)]
            s.flags = [*kept, NOT_DUPLICATE]
    session.flush()
    return len(rows)
