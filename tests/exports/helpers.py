"""Shared builders for the export tests: a letter with a realistic, multilingual list."""

from __future__ import annotations

import io
import json
import re

from pypdf import PdfReader

from campaign.cli import main
from campaign.collation import sort_key
from campaign.db import db
from campaign.exports.models import ExportSnapshot
from campaign.exports.rows import digest
from campaign.signatures.models import EcosocStatus, SignatureStatus, SignerKind

NUMBERED = re.compile(r"^(\d+)\.\s*(\S.*)$")
NAMES = [
    ("Amnesty International", "GB", EcosocStatus.special),
    ("Àltera Associació", "ES", EcosocStatus.none),
    ("Albergue Solidario", "MX", EcosocStatus.unknown),
    ("الجمعية العربية لحقوق الإنسان", "EG", EcosocStatus.roster),
    ("Ελληνική Ένωση για τα Δικαιώματα", "GR", EcosocStatus.none),
    ("Правозащитный центр", "RU", EcosocStatus.none),
    ("中国人权组织", "CN", EcosocStatus.none),
    ("İHH İnsani Yardım Vakfı", "TR", EcosocStatus.special),
    ("Human Rights Watch", "US", EcosocStatus.general),
    ('=HYPERLINK("http://evil.example","click")', "FR", EcosocStatus.none),
]


def seed(make, letter):  # noqa: ANN001, ANN201 - test helper
    """Approved organisations from NAMES, an individual, and signatures not shown."""
    rows = [
        make.signature(letter, name, country=country, ecosoc_status=status)
        for name, country, status in NAMES
    ]
    rows.append(make.signature(letter, "Jane Doe", kind=SignerKind.individual, country="FR"))
    make.signature(letter, "Pending Org", status=SignatureStatus.pending)
    make.signature(letter, "Rejected Org", status=SignatureStatus.rejected)
    return rows


def run_cli(runner, *args: str) -> bytes:  # noqa: ANN001
    """Run ``campaign ARGS`` against the test app; return its standard output."""
    result = runner.invoke(main, args=list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


def expected_order() -> list[str]:
    return sorted((n for n, _, _ in NAMES), key=sort_key)


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def numbered(text: str, heading: str = "Signatories (") -> list[tuple[int, str]]:
    """``(number, name)`` for each list line "n. name" after the list's heading."""
    text = text[text.index(heading) :]
    lines = (NUMBERED.match(line.strip()) for line in text.splitlines())
    return [(int(m[1]), m[2].strip()) for m in lines if m]


def snapshot_texts(page: str) -> dict[str, str]:
    """The snapshot page's texts: each language's name, and what is said beside it."""
    listed = re.search(r'<ul id="snapshot-texts">(.*?)</ul>', page, re.S)[1]
    return {
        name: re.sub(r"<[^>]+>", "", marker).strip()
        for name, marker in re.findall(r"<li>(\w+)(.*?)</li>", listed, re.S)
    }


def as_frozen_before_outdated_was_recorded(snapshot: ExportSnapshot) -> None:
    """Make ``snapshot`` look like one frozen before snapshots recorded which translations
    were older than the authoritative text (no "outdated" in its texts), fingerprint and
    all, committed."""
    payload = json.loads(snapshot.content)
    for text in payload["texts"].values():
        del text["outdated"]
    snapshot.content = json.dumps(payload, sort_keys=True, ensure_ascii=False)
    snapshot.sha256 = digest(snapshot.content)
    db.session.commit()
