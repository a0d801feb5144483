"""Which imported rows look like entries already known, through the matching engine.

Each row is compared with the letter's live signatures, with the rows above it in the same
file, and with the organisation registry (every name a merged organisation went by). A match
with the letter or the file flags the row ``possible_duplicate``; a match with the registry
only suggests the canonical name, since having signed another letter is no duplicate here.
A contact address already on the letter, even on a withdrawn or rejected signature, is a
match too: the entry is held, keeping the address but not its key (one key per letter).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from campaign.matching import MatchIndex, OrgRecord
from campaign.moderation.models import Organisation
from campaign.signatures.keys import email_key
from campaign.signatures.models import Signature
from campaign.signatures.services import POSSIBLE_DUPLICATE
from campaign.signatures.states import LIVE

MAX_MATCHES = 3


@dataclass
class Known:
    """What the file is compared with: records, alias groups, canonical names, email keys."""

    records: list[OrgRecord] = field(default_factory=list)
    groups: list[list[str]] = field(default_factory=list)
    canonical: dict[str, str] = field(default_factory=dict)
    emails: dict[str, Any] = field(default_factory=dict)


def _known(session: Session, letter_id: int) -> Known:
    known = Known()
    signatures = session.execute(
        select(
            Signature.id,
            Signature.name,
            Signature.country,
            Signature.contact_email,
            Signature.website,
        ).where(
            Signature.letter_id == letter_id,
            Signature.status.in_(LIVE),
            Signature.merged_into_id.is_(None),
        )
    ).all()
    for s in signatures:
        known.records.append(
            OrgRecord(f"s{s.id}", s.name, s.country or "", s.contact_email or "", s.website)
        )
    known.emails = _taken_emails(session, letter_id)
    for org in session.scalars(select(Organisation)):
        names = [org.name] + [a.name for a in org.aliases]
        known.groups.append(names)
        known.canonical[f"o{org.id}"] = org.name
        known.records += [
            OrgRecord(f"o{org.id}:{i}", n, org.country or "", "", org.website)
            for i, n in enumerate(names)
        ]
    return known


def _taken_emails(session: Session, letter_id: int) -> dict[str, Any]:
    """Every address key the letter holds, whatever its signature's state (withdrawn,
    rejected, merged): the unique (letter, email key) constraint covers them all."""
    rows = session.execute(
        select(Signature.id, Signature.name, Signature.email_key).where(
            Signature.letter_id == letter_id, Signature.email_key.is_not(None)
        )
    ).all()
    return {s.email_key: s for s in rows}


def _describe(candidate: Any, names: dict[str, str]) -> dict[str, Any]:
    rid = candidate.record.id
    kind = {"s": "signature", "o": "registry", "r": "line"}[rid[0]]
    ref = rid[1:].split(":")[0]
    return {
        "kind": kind,
        "ref": int(ref),
        "name": names.get(rid.split(":")[0], candidate.record.name),
        "score": round(candidate.score, 2),
        "reasons": [{"code": r.code, "detail": r.detail} for r in candidate.reasons],
    }


def annotate(session: Session, letter_id: int, rows: list[dict[str, Any]]) -> None:
    """Add ``matches``, ``known_as`` and the ``possible_duplicate`` flag to checked rows."""
    known = _known(session, letter_id)
    index = MatchIndex(known.records, known_aliases=known.groups)
    for row in rows:
        if row["refused"]:
            continue
        record = OrgRecord(
            f"r{row['line']}",
            row["name"],
            row.get("country") or "",
            row.get("email") or "",
            row.get("website") or "",
        )
        found = [_describe(c, known.canonical) for c in index.query(record) if c.is_match]
        _same_email(row, known.emails, found)
        _record_matches(row, found)
        index.add(record)
        if row["email_key"]:
            known.emails.setdefault(row["email_key"], row)


def rematch(session: Session, letter_id: int, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of previewed rows, matched afresh: what a preview made now would find."""
    fresh = [
        {
            **row,
            "flags": [f for f in row["flags"] if f != POSSIBLE_DUPLICATE],
            "email_key": email_key(row["email"]) if row.get("email") else None,
            "matches": [],
            "known_as": None,
        }
        for row in rows
    ]
    annotate(session, letter_id, fresh)
    return fresh


def _same_email(row: dict[str, Any], emails: dict, found: list[dict[str, Any]]) -> None:
    """A contact address already used on the letter: a duplicate, and not a second key."""
    other = emails.get(row["email_key"]) if row["email_key"] else None
    if other is None:
        return
    is_row = isinstance(other, dict)
    found.append(
        {
            "kind": "line" if is_row else "signature",
            "ref": other["line"] if is_row else other.id,
            "name": other["name"] if is_row else other.name,
            "score": 1.0,
            "reasons": [{"code": "same_email", "detail": row["email"]}],
        }
    )
    row["email_key"] = None  # one address, one key per letter (the unique constraint)


def _record_matches(row: dict[str, Any], found: list[dict[str, Any]]) -> None:
    registry = [m for m in found if m["kind"] == "registry"]
    duplicates = [m for m in found if m["kind"] != "registry"]
    unique = {(m["kind"], m["ref"]): m for m in sorted(duplicates, key=lambda m: m["score"])}
    row["matches"] = sorted(unique.values(), key=lambda m: -m["score"])[:MAX_MATCHES]
    row["known_as"] = registry[0] if registry else None
    if row["matches"]:
        row["flags"] = [*row["flags"], POSSIBLE_DUPLICATE]
