"""Database engine and per-request session; the declarative base with a naming convention."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app, g
from sqlalchemy import DateTime, Engine, Enum, MetaData, create_engine, event, make_url
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from campaign import db_sqlite

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """``value`` in UTC; a naive one is taken to be UTC already (forms ask for UTC times)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Stores aware datetimes as UTC; SQLite hands back naive values, so re-attach UTC."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else as_utc(value)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


def enum_column(enum_cls: type[enum.Enum], length: int = 20) -> Enum:
    """Store a Python enum by value, as a VARCHAR with a CHECK constraint."""
    return Enum(
        enum_cls,
        native_enum=False,
        length=length,
        create_constraint=True,
        values_callable=lambda e: [m.value for m in e],
        name=enum_cls.__name__.lower(),
    )


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys, a busy timeout and writers that take
    turns (see ``db_sqlite``)."""
    if url.startswith("sqlite"):
        database = make_url(url).database
        engine = create_engine(
            url, connect_args=db_sqlite.connect_args(database, 30), hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    # hide_parameters: an error's text (logged) must not carry a signer's address or name.
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=20, hide_parameters=True
    )


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """Flask extension: one engine per app, one session per application context."""

    def init_app(self, app: Flask) -> None:
        engine = make_engine(str(app.config["DATABASE_URL"]))
        app.extensions["campaign.db"] = sessionmaker(engine, expire_on_commit=False)
        # Close at the end of each request too: tests keep an app context open around
        # requests, and each request must start from a fresh session as it does in production.
        app.teardown_request(self._close)
        app.teardown_appcontext(self._close)

    @property
    def engine(self) -> Engine:
        return self._factory().kw["bind"]

    @property
    def session(self) -> Session:
        if "db_session" not in g:
            g.db_session = self._factory()()
        return g.db_session

    @staticmethod
    def _factory() -> sessionmaker[Session]:
        return current_app.extensions["campaign.db"]

    @staticmethod
    def _close(_exc: BaseException | None) -> None:
        session = g.pop("db_session", None)
        if session is not None:
            session.close()


db = Database()
