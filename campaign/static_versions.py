"""Static files that browsers keep: ``url_for('static', ...)`` adds ``?v=`` and a short hash
of the file's content, and a request carrying a version is served with a year's max-age,
so a page no longer waits for a revalidation round trip per file. A changed file gets a new
address. Requests without a version (``/static/embed.js``, which other sites load by a fixed
address) keep revalidating. Style sheets and scripts are also sent compressed to browsers
that accept it, as pages are."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from flask import Flask, current_app, request
from werkzeug.wrappers import Response

LONG_CACHE = "public, max-age=31536000, immutable"


@cache
def _version(folder: str, filename: str) -> str | None:
    """The first hex digits of the file's SHA-256, read once per file per process."""
    path = Path(folder, filename).resolve()
    if not path.is_relative_to(Path(folder).resolve()) or not path.is_file():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12]


def _add_version(endpoint: str, values: dict[str, Any]) -> None:
    if endpoint != "static" or "v" in values or not current_app.static_folder:
        return
    version = _version(current_app.static_folder, str(values.get("filename", "")))
    if version:
        values["v"] = version


def _cache_versioned(response: Response) -> Response:
    """A year for the current version of a file; an old or made-up version revalidates."""
    if request.endpoint != "static" or response.status_code != 200:
        return response
    filename = str((request.view_args or {}).get("filename", ""))
    version = request.args.get("v")
    if version and current_app.static_folder:
        if version == _version(current_app.static_folder, filename):
            response.headers["Cache-Control"] = LONG_CACHE
    return response


# What Flask-Compress would compress if the file were not streamed.
TEXT_TYPES = {"text/css", "text/javascript", "application/javascript"}


def _read_text_files(response: Response) -> Response:
    """Flask sends a static file as a stream, which Flask-Compress leaves alone (its
    COMPRESS_STREAMS is off: compressing a stream left its file open). Style sheets and
    scripts are small, so they are read into the response instead (the file is closed with
    it), and go out compressed like pages: campaign.css is a third of its size in gzip on a
    phone's first visit. Registered after Flask-Compress, so it runs before it."""
    if (
        request.endpoint == "static"
        and response.status_code == 200
        and response.mimetype in TEXT_TYPES
        and response.direct_passthrough
    ):
        response.direct_passthrough = False
        response.make_sequence()
    return response


def init_app(app: Flask) -> None:
    app.url_defaults(_add_version)
    app.after_request(_cache_versioned)
    app.after_request(_read_text_files)
