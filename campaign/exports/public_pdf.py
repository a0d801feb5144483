"""The public "Download as PDF" of the current list, cached by the content's hash.

A crowd following a link must not make the server build the same PDF a hundred times:
the file is kept under the instance folder, keyed by the list, the text, the language and
the day, and only one request per key builds it.
"""

from __future__ import annotations

import hashlib
import threading
from datetime import datetime, time
from pathlib import Path

from sqlalchemy.orm import Session

from campaign.db import utcnow
from campaign.exports.pdf import render_pdf
from campaign.exports.rows import canonical_json, live_data
from campaign.letters.models import Letter

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock(key: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def public_pdf(session: Session, letter: Letter, language: str, cache_dir: Path) -> bytes:
    """The letter in ``language`` with today's approved list, without any contact details."""
    today = datetime.combine(utcnow().date(), time(0, 0), tzinfo=utcnow().tzinfo)
    data = live_data(session, letter, today).public()
    key = hashlib.sha256(
        f"{canonical_json(data)}\n{language}\n{today.date().isoformat()}".encode()
    ).hexdigest()
    path = cache_dir / f"{key}.pdf"
    with _lock(key):
        if not path.exists():
            cache_dir.mkdir(parents=True, exist_ok=True)
            content = render_pdf(data, language)
            partial = path.with_suffix(".part")
            partial.write_bytes(content)
            partial.replace(path)
    return path.read_bytes()
