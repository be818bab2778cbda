"""Store stage: articles, events, runs and rejections in one database.

Consumes the ``Article``/``Event``/``Rejection`` records of ingest and extract;
produces ``StoredArticle``/``StoredEvent`` for reconcile, analyse, report and web.
Every write goes through a ``Store`` method, one transaction per article. Open one
with ``open_store()`` — a SQLite file (``sqlite.py``) or a PostgreSQL database
(``postgres.py``); the schema is created and migrated on open. ``copy.py`` moves a
SQLite database into PostgreSQL.
"""

from __future__ import annotations

import os

from peacewatch.errors import StoreError
from peacewatch.settings import default_db_url
from peacewatch.store.base import AddResult, Store, StoredArticle, StoredEvent, StoredRejection, similarity
from peacewatch.store.copy import CopyReport, DatabaseCheck, check_database, copy_database
from peacewatch.store.sqlite import SQLiteStore
from peacewatch.store.url import is_postgres_url, redact, scheme_of

__all__ = [
    "AddResult",
    "CopyReport",
    "DatabaseCheck",
    "SQLiteStore",
    "Store",
    "StoredArticle",
    "StoredEvent",
    "StoredRejection",
    "check_database",
    "copy_database",
    "database_path",
    "is_postgres",
    "migrate_database",
    "open_store",
    "similarity",
]


def open_store(url: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """Open (creating and migrating if needed) the database at ``url``.

    ``url`` is a file path, ``sqlite:///relative/path``, ``sqlite:////absolute/path``,
    ``:memory:`` or ``postgresql://user[:password]@host[:port]/dbname`` (the database must
    exist; its tables are created); None means ``$PEACEWATCH_DB`` or the per-user default.
    With ``create=False`` a missing database (or, on PostgreSQL, one without our schema) is
    an error rather than a new empty one, so a typo in ``--db`` on a read command is
    reported instead of answering "0 events".
    """
    target = default_db_url() if url is None else os.fspath(url)
    if is_postgres_url(target):
        return _postgres_store(target, create=create)
    path = database_path(target)
    if not create and path != ":memory:" and not os.path.exists(path):
        raise StoreError(f"no database at {path} (run `peacewatch ingest` or `peacewatch demo` first)")
    return SQLiteStore(path)


def migrate_database(url: str | os.PathLike[str] | None = None) -> tuple[list[int], int]:
    """Apply the pending migrations (creating the schema if there is none).

    Returns the versions applied (empty when up to date) and the schema version now.
    """
    target = default_db_url() if url is None else os.fspath(url)
    store = (
        _postgres_store(target, create=True, migrate=False)
        if is_postgres_url(target)
        else SQLiteStore(database_path(target), migrate=False)
    )
    with store:
        applied = store.migrate()
        return applied, store.schema_version()


def _postgres_store(url: str, *, create: bool, migrate: bool = True) -> Store:
    """The PostgreSQL store, imported on first use: psycopg is only needed by those who use it."""
    try:
        from peacewatch.store.postgres import PostgresStore
    except ImportError as e:
        raise StoreError(
            f"PostgreSQL database {redact(url)} needs the psycopg driver ({e.msg}); "
            'install it with: pip install "psycopg[binary]"'
        ) from e
    return PostgresStore(url, create=create, migrate=migrate)


def database_path(url: str | os.PathLike[str] | None = None) -> str:
    """The file a database URL (or ``$PEACEWATCH_DB``, or the default) points to.

    A PostgreSQL database has no file: its URL is returned, without the password, so that
    what is printed as the location of the database never leaks it.
    """
    target = default_db_url() if url is None else os.fspath(url)
    if is_postgres_url(target):
        return redact(target)
    return _sqlite_path(target)


def is_postgres(url: str | os.PathLike[str] | None = None) -> bool:
    """Whether a database URL (or ``$PEACEWATCH_DB``, or the default) names a PostgreSQL database."""
    return is_postgres_url(default_db_url() if url is None else os.fspath(url))


def _sqlite_path(url: str) -> str:
    if not url.strip():
        raise StoreError("empty database URL")
    scheme = scheme_of(url)
    if scheme is None:
        return url
    if scheme == "sqlite":
        rest = url[len(scheme) + 3 :]
        if rest in ("", "/", "/:memory:"):
            return ":memory:"
        if not rest.startswith("/"):
            raise StoreError("a sqlite URL has no host: use sqlite:///relative/path or sqlite:////abs/path")
        return rest[1:]
    # Only the scheme is echoed: the rest of a URL may hold a password.
    raise StoreError(
        f"unsupported database URL scheme {scheme!r}; use a SQLite file path, sqlite:///path"
        " or postgresql://user@host/dbname"
    )
