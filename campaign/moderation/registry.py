"""The organisation registry across letters: canonical names and every spelling seen.

Merges teach it; the queue asks it, so an organisation that signed an earlier letter is
recognised by any spelling moderators merged before, and its canonical name suggested.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from campaign.moderation.models import Organisation, OrganisationAlias
from campaign.signatures.keys import name_key
from campaign.signatures.models import Signature

ORG_FIELDS = ("name", "name_key", "country", "website")


def known_aliases(session: Session) -> list[list[str]]:
    """Every organisation's names (canonical first), for the matching engine."""
    return [
        [org.name, *(alias.name for alias in org.aliases)]
        for org in session.scalars(select(Organisation))
    ]


def find(session: Session, keys: Iterable[str]) -> dict[str, Organisation]:
    """Organisations known under any of ``keys`` (canonical or alias), by key."""
    keys = {k for k in keys if k}
    if not keys:
        return {}
    aliased = select(OrganisationAlias.organisation_id).where(OrganisationAlias.name_key.in_(keys))
    found = session.scalars(
        select(Organisation).where(
            or_(Organisation.name_key.in_(keys), Organisation.id.in_(aliased))
        )
    ).all()
    by_key: dict[str, Organisation] = {}
    for org in sorted(found, key=lambda o: o.id):
        for key in {org.name_key, *(a.name_key for a in org.aliases)} & keys:
            by_key.setdefault(key, org)
    return by_key


def known_for(session: Session, signature: Signature) -> Organisation | None:
    """The registry entry for ``signature``: the one it is linked to, else one by its key."""
    if signature.organisation_id is not None:
        return session.get(Organisation, signature.organisation_id)
    return find(session, [signature.name_key]).get(signature.name_key)


def suggestions(session: Session, signatures: list[Signature]) -> dict[int, Organisation]:
    """For each signature whose organisation is known, the entry whose canonical name differs."""
    linked = {s.organisation_id for s in signatures if s.organisation_id}
    by_id = {
        o.id: o for o in session.scalars(select(Organisation).where(Organisation.id.in_(linked)))
    }
    by_key = find(session, [s.name_key for s in signatures if not s.organisation_id])
    out = {}
    for s in signatures:
        org = by_id.get(s.organisation_id) if s.organisation_id else by_key.get(s.name_key)
        if org is not None and org.name != s.name:
            out[s.id] = org
    return out


def _snapshot(org: Organisation) -> dict[str, Any]:
    return {field: getattr(org, field) for field in ORG_FIELDS}


def remember(
    session: Session,
    org: Organisation | None,
    canonical: str,
    spellings: Iterable[str],
    country: str | None,
    website: str,
) -> tuple[Organisation, dict[str, Any], list[int]]:
    """Record a merge's outcome: the canonical name, country, website and every spelling.

    Returns the entry, its values before (empty if created now) and the new aliases' ids.
    """
    before = _snapshot(org) if org is not None else {}
    if org is None:
        org = Organisation(name=canonical, name_key=name_key(canonical), website="")
        session.add(org)
    org.name, org.name_key = canonical, name_key(canonical)
    org.country = country or org.country
    org.website = org.website or website
    session.flush()
    have = {a.name_key for a in org.aliases}
    added = []
    for spelling in dict.fromkeys([canonical, *spellings]):
        key = name_key(spelling)
        if key and key not in have:
            have.add(key)
            added.append(OrganisationAlias(organisation=org, name=spelling, name_key=key))
    session.add_all(added)
    session.flush()
    return org, before, [a.id for a in added]


def forget(
    session: Session, org: Organisation, before: dict[str, Any], alias_ids: list[int]
) -> None:
    """Undo ``remember``: drop the aliases it added; restore or delete the entry."""
    for alias in list(org.aliases):
        if alias.id in alias_ids:
            org.aliases.remove(alias)
    if before:
        for field, value in before.items():
            setattr(org, field, value)
    elif not session.scalar(select(Signature.id).where(Signature.organisation_id == org.id)):
        session.delete(org)
    session.flush()
