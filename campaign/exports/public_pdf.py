"""The public "Download as PDF" of the current list, cached by the content's hash.

A crowd following a link must not make the server build the same PDF a hundred times:
the file is kept under the instance folder, keyed by the list, the text, the language and
the day, and only one request per key builds it. A file is named after its letter and
language too (``<letter id>-<language>-<key>.pdf``), so ``purge`` (run by ``campaign
cleanup`` and the outbox worker) can tell which files are no longer the current one and
delete them: a withdrawn signatory's name does not stay on disk in an old list.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import tempfile
import threading
import time as clock
from datetime import datetime, time
from pathlib import Path

from sqlalchemy.orm import Session

from campaign.db import utcnow
from campaign.exports.pdf import render_pdf
from campaign.exports.rows import ExportData, canonical_json, live_data
from campaign.letters.models import Letter

log = logging.getLogger(__name__)
NAME = re.compile(r"^(?P<letter>\d+)-(?P<language>[\w-]+)-(?P<key>[0-9a-f]{64})\.pdf$")
# A half-written file older than this belongs to a build that died.
PARTIAL_MAX_AGE = 3600.0

_locks: dict[str, threading.Lock] = {}
_locks_guard = threading.Lock()


def _lock(key: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(key, threading.Lock())


def _today() -> datetime:
    now = utcnow()
    return datetime.combine(now.date(), time(0, 0), tzinfo=now.tzinfo)


def _data(session: Session, letter: Letter) -> ExportData:
    """Today's approved list without any contact details, dated today (so one file a day)."""
    return live_data(session, letter, _today()).public()


def _key(data: ExportData, language: str) -> str:
    return hashlib.sha256(
        f"{canonical_json(data)}\n{language}\n{data.as_of.date().isoformat()}".encode()
    ).hexdigest()


def public_pdf(session: Session, letter: Letter, language: str, cache_dir: Path) -> bytes:
    """The letter in ``language`` with today's approved list, without any contact details."""
    data = _data(session, letter)
    key = _key(data, language)
    path = cache_dir / f"{letter.id}-{language}-{key}.pdf"
    with _lock(key):
        content = _cached(path)
        if content is None:
            content = render_pdf(data, language)
            _store(path, content)
    return content


def _cached(path: Path) -> bytes | None:
    """The file an earlier request built, or None. A cache that cannot be read costs a
    rebuild, never the visitor's PDF."""
    try:
        return path.read_bytes()
    except FileNotFoundError:  # not built yet, or just purged as out of date
        return None
    except OSError as error:
        log.warning("public PDF cache %s not read: %s", path, error)
        return None


def _store(path: Path, content: bytes) -> None:
    """Keep ``content`` for the next visitor, or log why not: a full disk or a read-only
    mount must not turn the PDF just built into an error page. The file is written under
    a name no other process uses, then renamed, so a reader never gets half a file and a
    failed write leaves nothing behind."""
    partial: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f"{path.stem}.", suffix=".part")
        partial = Path(name)
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        partial.replace(path)
    except OSError as error:
        log.warning("public PDF cache %s not written: %s", path, error)
        if partial is not None:
            with contextlib.suppress(OSError):
                partial.unlink(missing_ok=True)


def purge(session: Session, cache_dir: Path) -> int:
    """Delete the cached files that are not the current one for their letter and language
    (an older list or text, an earlier day, a letter since deleted), and leftovers of
    builds that died; return how many files went."""
    if not cache_dir.is_dir():
        return 0
    current: dict[int, ExportData | None] = {}
    removed = 0
    for path in cache_dir.iterdir():
        if path.suffix == ".part":
            stale = clock.time() - _mtime(path) > PARTIAL_MAX_AGE
        elif path.suffix == ".pdf":
            stale = not _is_current(session, path.name, current)
        else:
            continue
        if stale:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except FileNotFoundError:
        return clock.time()


def _is_current(session: Session, name: str, current: dict[int, ExportData | None]) -> bool:
    """True if ``name`` is the file a request for its letter and language would get now.
    A name in another form (files cached before names held the letter) is never current."""
    match = NAME.match(name)
    if match is None:
        return False
    letter_id = int(match["letter"])
    if letter_id not in current:
        letter = session.get(Letter, letter_id)
        current[letter_id] = _data(session, letter) if letter is not None else None
    data = current[letter_id]
    return data is not None and match["key"] == _key(data, match["language"])
