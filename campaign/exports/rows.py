"""What every export is made from: the letter's texts and its numbered list, as plain data.

The same structure comes from the live database or from a frozen snapshot, so each format
is written once and a snapshot reproduces it exactly.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from sqlalchemy.orm import Session

from campaign.letters.models import Letter
from campaign.signatures.models import Signature
from campaign.signatures.queries import approved

CONTACT_FIELDS = ("contact_name", "contact_email", "contact_role")
# Whether the signer agreed to be written to about the campaign: goes with the contacts.
CONSENT_FIELD = "consent_contact"


@dataclass(frozen=True)
class Row:
    """One approved signatory; ``number`` is its place among the organisations or among
    the individuals, in the one collation order (as on the letter page)."""

    id: int
    number: int
    name: str
    kind: str
    country: str = ""
    ecosoc_status: str = "unknown"
    org_type: str = ""
    website: str = ""
    submitted_name: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_role: str = ""
    # None: not known (a snapshot frozen before it was recorded, or public data).
    consent_contact: bool | None = None

    @property
    def is_organisation(self) -> bool:
        return self.kind == "organisation"


@dataclass(frozen=True)
class Text:
    language: str
    title: str
    body: str
    # The addressee as shown with this text (see Letter.addressee_in); empty in snapshots
    # taken before texts had one: the letter's.
    addressee: str = ""
    # Last saved before the authoritative text was (Letter.is_outdated), as of the data's
    # time: a snapshot keeps whether the translation it froze may not say what the
    # authoritative text said. None: not known (a snapshot frozen before it was recorded).
    outdated: bool | None = None


@dataclass(frozen=True)
class ExportData:
    """A letter's texts and numbered list as of ``as_of`` (a snapshot's time, or now)."""

    slug: str
    addressee: str
    authoritative_language: str
    texts: dict[str, Text]
    rows: tuple[Row, ...]
    as_of: datetime
    snapshot_id: int | None = None
    sha256: str = field(default="")

    @property
    def organisations(self) -> list[Row]:
        return [r for r in self.rows if r.is_organisation]

    @property
    def individuals(self) -> list[Row]:
        return [r for r in self.rows if not r.is_organisation]

    def addressee_in(self, language: str) -> str:
        """The addressee as the text in ``language`` names it, else the letter's."""
        text = self.texts.get(language)
        return (text.addressee if text is not None else "") or self.addressee

    def text(self, language: str) -> Text:
        """The text in ``language``, or the authoritative one when not translated."""
        return self.texts.get(language) or self.texts[self.authoritative_language]

    @property
    def languages(self) -> list[str]:
        """Languages with a text, the authoritative one first (as Letter.languages)."""
        others = sorted(code for code in self.texts if code != self.authoritative_language)
        first = [self.authoritative_language] if self.authoritative_language in self.texts else []
        return first + others

    @property
    def outdated_languages(self) -> list[str]:
        """The languages whose text was older than the authoritative one (see Text)."""
        return sorted(code for code, text in self.texts.items() if text.outdated)

    def public(self) -> ExportData:
        """The same data without anyone's contact details, for anything shown publicly."""
        blank: dict[str, object] = {**dict.fromkeys(CONTACT_FIELDS, ""), CONSENT_FIELD: None}
        return replace(self, rows=tuple(replace(r, **blank) for r in self.rows))


def _row(number: int, signature: Signature) -> Row:
    return Row(
        id=signature.id,
        number=number,
        name=signature.name,
        kind=signature.kind.value,
        country=signature.country or "",
        ecosoc_status=signature.ecosoc_status.value,
        org_type=signature.org_type.value if signature.org_type else "",
        website=signature.website or "",
        submitted_name=signature.submitted_name,
        contact_name=signature.contact_name or "",
        contact_email=signature.contact_email or "",
        contact_role=signature.contact_role or "",
        consent_contact=bool(signature.consent_contact),
    )


def numbered_rows(session: Session, letter_id: int) -> tuple[Row, ...]:
    """Organisations, then individuals, numbered as on the letter page: each apart, from 1
    (``campaign.signatures.queries.numbered``, the one numbering)."""
    organisations, individuals = approved(session, letter_id)
    return tuple(_row(n, s) for n, s in organisations + individuals)


def live_data(session: Session, letter: Letter, as_of: datetime) -> ExportData:
    """The letter and its approved list as they are now."""
    texts = {
        t.language: Text(
            t.language, t.title, t.body, letter.addressee_in(t.language), letter.is_outdated(t)
        )
        for t in letter.texts
    }
    data = ExportData(
        slug=letter.slug,
        addressee=letter.addressee or "",
        authoritative_language=letter.authoritative_language,
        texts=texts,
        rows=numbered_rows(session, letter.id),
        as_of=as_of.replace(microsecond=0),
    )
    return replace(data, sha256=digest(canonical_json(data)))


def canonical_json(data: ExportData) -> str:
    """Sorted keys, no spaces, UTF-8 as is: the same data always gives the same bytes."""
    payload = {
        "slug": data.slug,
        "addressee": data.addressee,
        "authoritative_language": data.authoritative_language,
        "texts": {code: asdict(t) for code, t in sorted(data.texts.items())},
        "rows": [asdict(r) for r in data.rows],
    }
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def from_json(content: str, as_of: datetime, snapshot_id: int | None = None) -> ExportData:
    """Rebuild export data from a snapshot's canonical JSON."""
    payload = json.loads(content)
    return ExportData(
        slug=payload["slug"],
        addressee=payload["addressee"],
        authoritative_language=payload["authoritative_language"],
        texts={code: Text(**t) for code, t in payload["texts"].items()},
        rows=tuple(Row(**r) for r in payload["rows"]),
        as_of=as_of,
        snapshot_id=snapshot_id,
        sha256=digest(content),
    )
