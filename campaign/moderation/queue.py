"""The review queue: a letter's signatures filtered, searched, sorted and paged."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from math import ceil

from flask import current_app
from sqlalchemy import ColumnElement, Row, Select, func, or_, select
from sqlalchemy.orm import Session

from campaign.collation import sort_key
from campaign.ids import parse_id
from campaign.moderation.signals import Signals
from campaign.signatures.keys import name_key
from campaign.signatures.models import Signature, SignatureStatus, SignerKind, Source
from campaign.signatures.queries import public_sort_keys
from campaign.text import search_term

S = SignatureStatus
REVIEW = "review"  # the default: what still needs a decision
AWAITING = (S.confirmed, S.held)
SORTS = {
    "newest": (Signature.created_at.desc(), Signature.id.desc()),
    "oldest": (Signature.created_at, Signature.id),
    "name": (),  # in the public list's collation order, which no database has: see _by_name
}


def page_number(raw: str | None) -> int:
    """A page number from a query string: 1 unless it is a sensible positive number."""
    number = parse_id(raw)
    return number if number is not None and number < 100_000 else 1


@dataclass(frozen=True)
class Filters:
    """What the moderator asked for; unknown values fall back to the defaults."""

    status: str = REVIEW
    flag: str = ""
    kind: str = ""
    source: str = ""
    q: str = ""
    sort: str = "newest"
    page: int = 1

    def as_args(self, page: int) -> dict[str, str | int]:
        """The query of page ``page`` with these filters (those left at their defaults are
        left out); only these, so nothing else in the address is carried into a link."""
        default = Filters()
        chosen = {f.name: getattr(self, f.name) for f in fields(self)}
        return {k: v for k, v in chosen.items() if v != getattr(default, k)} | {"page": page}

    @classmethod
    def from_args(cls, args: dict[str, str]) -> Filters:
        status = args.get("status", REVIEW)
        page = args.get("page", "1")
        return cls(
            status=status if status in {REVIEW, "all", *S._value2member_map_} else REVIEW,
            flag=search_term(args.get("flag"), 40),
            kind=args.get("kind", "") if args.get("kind") in SignerKind._value2member_map_ else "",
            source=args.get("source", "")
            if args.get("source") in Source._value2member_map_
            else "",
            q=search_term(args.get("q"), 200),
            sort=args.get("sort", "newest") if args.get("sort") in SORTS else "newest",
            page=page_number(page),
        )


@dataclass
class Page:
    items: list[Signature]
    total: int
    page: int
    pages: int
    flags: dict[int, list[str]] = field(default_factory=dict)


def like(text: str) -> str:
    """A LIKE pattern (escape ``\\``) for values that contain ``text``, lower-cased."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _search(q: str) -> ColumnElement[bool]:
    """Signatures whose name, submitted spelling or contact email holds ``q`` (case ignored
    as far as the database's lower() goes: ASCII only on SQLite), or whose name's key holds
    ``q``'s key: case, accents and punctuation then count for nothing in any script, on
    either database ("ÀLTERA", "altera" and "ltera" find "Àltera"; "ihh" finds "İHH")."""
    pattern = like(q)
    columns = (Signature.name, Signature.submitted_name, Signature.contact_email)
    found = [func.lower(c).like(pattern, escape="\\") for c in columns]
    if key := name_key(q):
        found.append(Signature.name_key.like(like(key), escape="\\"))
    return or_(*found)


def _query(letter_id: int, filters: Filters) -> Select:
    query = select(Signature.id, Signature.status, Signature.reviewed_at, Signature.name).where(
        Signature.letter_id == letter_id
    )
    if filters.status not in (REVIEW, "all"):
        query = query.where(Signature.status == S(filters.status))
    if filters.kind:
        query = query.where(Signature.kind == SignerKind(filters.kind))
    if filters.source:
        query = query.where(Signature.source == Source(filters.source))
    if filters.q:
        query = query.where(_search(filters.q))
    return query.order_by(*SORTS[filters.sort])


def in_review(status: S, signature_id: int, signals: Signals) -> bool:
    """In the review queue: awaiting a decision, or flagged since the last one."""
    return status in AWAITING or bool(signals.unreviewed(signature_id))


def _wanted(row: object, filters: Filters, signals: Signals) -> bool:
    if filters.flag and filters.flag not in signals.flags.get(row.id, []):
        return False
    if filters.status == REVIEW:
        return in_review(row.status, row.id, signals)
    return True


def changed_since_shown(session: Session, letter_id: int, seen: dict[int, int | None]) -> int:
    """How many of the letter's signatures in ``seen`` (id: the version the queue showed,
    None if not known) are no longer that version: their signer or another moderator
    changed them since the page was opened."""
    query = select(Signature.id, Signature.version).where(
        Signature.letter_id == letter_id, Signature.id.in_(set(seen))
    )
    return sum(seen[r.id] not in (None, r.version) for r in session.execute(query))


def _by_name(letter_id: int, rows: list[Row]) -> list[Row]:
    """``rows`` in the letter page's order: root collation of the name, then the older
    signature first. Collation keys are slow to compute, so each server process keeps
    those of the letter's names it has sorted (a name edited since costs one more key),
    starting with the public list's (built at start by ``warm_up``)."""
    known = current_app.extensions.setdefault("campaign.queue_name_keys", {})
    keys = known.setdefault(letter_id, {})
    if missing := {row.name for row in rows if row.name not in keys}:
        public = public_sort_keys(letter_id)
        keys.update((name, public.get(name) or sort_key(name)) for name in missing)
    return sorted(rows, key=lambda row: (keys[row.name], row.id))


def page(session: Session, letter_id: int, filters: Filters, signals: Signals, size: int) -> Page:
    """One page of the signatures matching ``filters``, with their flags."""
    rows = [r for r in session.execute(_query(letter_id, filters)) if _wanted(r, filters, signals)]
    if filters.sort == "name":
        rows = _by_name(letter_id, rows)
    ids = [r.id for r in rows]
    pages = max(1, ceil(len(ids) / size))
    number = min(filters.page, pages)
    chosen = ids[(number - 1) * size : number * size]
    rows = {s.id: s for s in session.scalars(select(Signature).where(Signature.id.in_(chosen)))}
    flags = {sid: signals.flags.get(sid, []) for sid in chosen}
    return Page([rows[i] for i in chosen], len(ids), number, pages, flags)
