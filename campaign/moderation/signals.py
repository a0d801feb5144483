"""What deserves a moderator's eye on a letter: duplicate clusters and per-signature flags.

Flags are computed on demand from the live rows (names, bursts, clusters) and the outbox
(a sign-up whose email could not be delivered), so they follow every edit and every
delivery; only ``possible_duplicate`` is also stored, at confirmation. Clustering a list
costs about a third of a second per thousand names, so the result is kept per letter and
recomputed only when a name, contact, status or the registry changes.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from flask import current_app
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from campaign.matching import ClusterDetail, OrgRecord, find_clusters
from campaign.moderation import registry
from campaign.moderation.bursts import Stamp, suspicious
from campaign.moderation.models import OrganisationAlias
from campaign.signatures.models import Signature, SignatureStatus
from campaign.signatures.states import LIVE, NOT_DUPLICATE, name_flags
from campaign.signatures.undelivered import NOT_DELIVERED, Undelivered, undelivered

_CLUSTERING = threading.Lock()
_COLUMNS = (
    Signature.id,
    Signature.name,
    Signature.country,
    Signature.contact_email,
    Signature.website,
    Signature.kind,
    Signature.status,
    Signature.flags,
    Signature.ip_address,
    Signature.created_at,
    Signature.reviewed_at,
)


@dataclass(frozen=True)
class Signals:
    """A letter's open duplicate clusters and each live signature's flags; for the sign-ups
    flagged ``email_not_delivered``, the email given up."""

    clusters: list[ClusterDetail]
    flags: dict[int, list[str]]
    reviewed: dict[int, datetime | None]
    undelivered: dict[int, Undelivered] = field(default_factory=dict)

    def unreviewed(self, sid: int) -> list[str]:
        """Flags still asking for a decision: none once a moderator decided, but an email
        not delivered, which no earlier decision saw (a signer approved, then withdrawn, who
        signs again keeps the old review, and their new confirmation may fail)."""
        flags = self.flags.get(sid, [])
        return [f for f in flags if f == NOT_DELIVERED] if self.reviewed.get(sid) else flags


def _record(row: Any) -> OrgRecord:
    return OrgRecord(
        str(row.id), row.name, row.country or "", row.contact_email or "", row.website or ""
    )


def _clusters(session: Session, letter_id: int, records: list[OrgRecord]) -> list[ClusterDetail]:
    """``find_clusters`` over ``records`` with the registry's aliases, cached per letter."""
    aliases = session.execute(
        select(func.count(OrganisationAlias.id), func.max(OrganisationAlias.id))
    ).one()
    version = (hash(tuple(records)), tuple(aliases))
    cache = current_app.extensions.setdefault("campaign.clusters", {})
    cached = cache.get(letter_id)
    if cached is None or cached[0] != version:
        # One thread clusters, the others wait for its result: pages opened at once after a
        # change (a moderator's tabs, colleagues) would each cluster the same list, and the
        # work, bound to the interpreter's lock, would only be slower for all of them.
        with _CLUSTERING:
            cached = cache.get(letter_id)
            if cached is None or cached[0] != version:
                known = registry.known_aliases(session)
                cached = (version, find_clusters(records, known_aliases=known).details)
                cache[letter_id] = cached
    return cached[1]


def compute(session: Session, letter_id: int) -> Signals:
    """Clusters and flags over the letter's live (not rejected, withdrawn or merged) rows."""
    rows = session.execute(
        select(*_COLUMNS).where(Signature.letter_id == letter_id, Signature.status.in_(LIVE))
    ).all()
    config = current_app.config
    stamps = [Stamp(r.id, r.ip_address, r.contact_email, r.created_at) for r in rows]
    bursts = suspicious(
        stamps, int(config["MODERATION_BURST_SIZE"]), int(config["MODERATION_BURST_MINUTES"])
    )
    separate = {r.id for r in rows if NOT_DUPLICATE in (r.flags or [])}
    clusters = [
        c
        for c in _clusters(session, letter_id, [_record(r) for r in rows])
        if not all(int(i) in separate for i in c.ids)
    ]
    in_cluster = {int(i) for c in clusters for i in c.ids}
    lost = undelivered_sign_ups(session, letter_id)
    flags = {}
    for row in rows:
        stored = [f for f in row.flags or [] if f != NOT_DUPLICATE]
        duplicate = ["possible_duplicate"] if row.id in in_cluster else []
        mail = [NOT_DELIVERED] if row.id in lost else []
        found = dict.fromkeys(
            duplicate + mail + stored + name_flags(row.name, row.kind) + bursts.get(row.id, [])
        )
        if found:
            flags[row.id] = list(found)
    return Signals(clusters, flags, {r.id: r.reviewed_at for r in rows}, lost)


def undelivered_sign_ups(
    session: Session, letter_id: int, after: datetime | None = None
) -> dict[int, Undelivered]:
    """The letter's sign-ups awaiting confirmation whose latest email was given up (``after``
    that time, if given): their signer never got the link (once confirmed, the email
    evidently arrived)."""
    pending = select(Signature.id).where(
        Signature.letter_id == letter_id, Signature.status == SignatureStatus.pending
    )
    return undelivered(session, pending, after)
