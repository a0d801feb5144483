"""Read-only queries on signatures shared by the public pages and the exports."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeVar

from flask import current_app
from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from campaign.collation import collate, sort_key
from campaign.letters.models import Letter, LetterStatus
from campaign.signatures.models import Signature, SignatureStatus, SignerKind


def on_public_list(letter_id: int) -> ColumnElement[bool]:
    """The one condition for "listed publicly", shared by the letter page and every export:
    approved, and not folded into another signature by a merge."""
    return and_(
        Signature.letter_id == letter_id,
        Signature.status == SignatureStatus.approved,
        Signature.merged_into_id.is_(None),
    )


T = TypeVar("T")


def numbered(
    items: Iterable[T],
    *,
    name: Callable[[T], str],
    kind: Callable[[T], SignerKind],
    ident: Callable[[T], int],
    key: Callable[[str], tuple] = sort_key,
) -> tuple[list[tuple[int, T]], list[tuple[int, T]]]:
    """The one numbering of a public list, for the letter page and every export.

    Organisations and individuals are listed apart, each in collation order of the name
    (the same name twice: the older signature, by id, first) and each numbered from 1,
    so the numbers are positions and never gapped. ``key`` may hand back collation keys
    already computed (they are slow), as long as it is ``sort_key``'s.
    """
    ordered = sorted(items, key=lambda item: (key(name(item)), ident(item)))
    organisations = [i for i in ordered if kind(i) is SignerKind.organisation]
    individuals = [i for i in ordered if kind(i) is SignerKind.individual]
    return list(enumerate(organisations, start=1)), list(enumerate(individuals, start=1))


def approved(
    session: Session, letter_id: int
) -> tuple[list[tuple[int, Signature]], list[tuple[int, Signature]]]:
    """The public list's signatures, numbered as on the letter page (see ``numbered``):
    organisations, then individuals, each as ``(number, signature)``."""
    rows = session.scalars(select(Signature).where(on_public_list(letter_id))).all()
    return numbered(rows, name=lambda s: s.name, kind=lambda s: s.kind, ident=lambda s: s.id)


@dataclass(frozen=True)
class Entry:
    """One line of the public list: its number, the name shown, and the country code."""

    number: int
    name: str
    country: str | None
    signature_id: int


@dataclass(frozen=True)
class PublicEntries:
    """What the letter page lists: organisations and individuals, each numbered from 1
    (``numbered``; every export numbers the same way).

    ``views`` keeps renderings of this very list (the letter page's, per language and
    order), so they are made once for as long as the list stays current.
    """

    organisations: list[Entry]
    individuals: list[Entry]
    views: dict[tuple[str, ...], str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def total(self) -> int:
        return len(self.organisations) + len(self.individuals)


def list_version(session: Session, letter_id: int) -> tuple[int, datetime | None]:
    """Changes whenever the approved set changes: a row joins (newest updated_at), leaves
    (count), or is edited (updated_at)."""
    count, latest = session.execute(
        select(func.count(Signature.id), func.max(Signature.updated_at)).where(
            on_public_list(letter_id)
        )
    ).one()
    return int(count), latest


@dataclass(frozen=True)
class _Cached:
    version: tuple[int, datetime | None]
    entries: PublicEntries
    keys: dict[str, tuple[tuple[int, ...], str]]


def public_entries(session: Session, letter_id: int) -> PublicEntries:
    """The approved signatories of a letter, numbered in collation order.

    The order never depends on the reader's language, so number 57 is the same
    organisation on every language page. Collation keys are slow to compute in pure
    Python, so the list is kept per app and rebuilt only when ``list_version`` moves,
    reusing the keys of names seen before.
    """
    cache = current_app.extensions.setdefault("campaign.public_lists", {})
    version = list_version(session, letter_id)
    cached = cache.get(letter_id)
    if cached is not None and cached.version == version:
        return cached.entries
    fresh = _load(session, letter_id, version, cached.keys if cached else {})
    cache[letter_id] = fresh
    return fresh.entries


def public_sort_keys(letter_id: int) -> dict[str, tuple[tuple[int, ...], str]]:
    """The collation keys (``sort_key``'s) of the names on the letter's public list that
    this server process has already computed, for other lists of the letter to reuse."""
    cached = current_app.extensions.get("campaign.public_lists", {}).get(letter_id)
    return cached.keys if cached else {}


def warm_public_lists(session: Session) -> int:
    """Build the public list of every open letter now (see ``campaign.warm_up``), so that
    a server's first views of a long list do not wait for its collation keys; return how
    many lists were built."""
    open_letters = session.scalars(select(Letter.id).where(Letter.status == LetterStatus.open))
    count = 0
    for letter_id in open_letters.all():
        public_entries(session, letter_id)
        count += 1
    return count


def _load(session: Session, letter_id: int, version: tuple, known: dict) -> _Cached:
    rows = session.execute(
        select(Signature.id, Signature.name, Signature.country, Signature.kind).where(
            on_public_list(letter_id)
        )
    ).all()
    keys = {row.name: known.get(row.name) or sort_key(row.name) for row in rows}
    organisations, individuals = numbered(
        rows,
        name=lambda row: row.name,
        kind=lambda row: row.kind,
        ident=lambda row: row.id,
        key=keys.__getitem__,
    )
    entries = PublicEntries(
        organisations=[Entry(n, r.name, r.country, r.id) for n, r in organisations],
        individuals=[Entry(n, r.name, r.country, r.id) for n, r in individuals],
    )
    return _Cached(version, entries, keys)


def by_country(
    entries: list[Entry], country_name: Callable[[str | None], str]
) -> list[tuple[str, list[Entry]]]:
    """``entries`` grouped under their country's name (in collation order), numbers kept.

    Entries without a country come last, under an empty name.
    """
    groups: dict[str, list[Entry]] = {}
    for entry in entries:
        groups.setdefault(country_name(entry.country), []).append(entry)
    named = collate((g for g in groups.items() if g[0]), lambda group: group[0])
    return named + ([("", groups[""])] if "" in groups else [])
