"""What the app asks the database: the SQL statements sent while a block runs."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from campaign.db import db


@contextmanager
def recorded() -> Iterator[list[str]]:
    """The statements sent to the database inside the block, in order (their SQL text)."""
    sent: list[str] = []

    def one_more(_conn, _cursor, statement: str, *_args: object) -> None:  # noqa: ANN001
        sent.append(statement)

    event.listen(db.engine, "before_cursor_execute", one_more)
    try:
        yield sent
    finally:
        event.remove(db.engine, "before_cursor_execute", one_more)
