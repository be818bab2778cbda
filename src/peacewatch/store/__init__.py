"""Store stage: articles, events, runs and rejections in one database.

Consumes the ``Article``/``Event``/``Rejection`` records of ingest and extract;
produces ``StoredArticle``/``StoredEvent`` for reconcile, analyse, report and web.
Every write goes through a ``Store`` method, one transaction per article. Open one
with ``open_store()``; the schema is created and migrated on open.
"""

from __future__ import annotations

import os
import re

from peacewatch.errors import StoreError
from peacewatch.settings import default_db_url
from peacewatch.store.base import AddResult, Store, StoredArticle, StoredEvent, StoredRejection, similarity
from peacewatch.store.sqlite import SQLiteStore

__all__ = [
    "AddResult",
    "SQLiteStore",
    "Store",
    "StoredArticle",
    "StoredEvent",
    "StoredRejection",
    "database_path",
    "open_store",
    "similarity",
]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")


def open_store(url: str | os.PathLike[str] | None = None, *, create: bool = True) -> Store:
    """Open (creating and migrating if needed) the database at ``url``.

    ``url`` is a file path, ``sqlite:///relative/path``, ``sqlite:////absolute/path``
    or ``:memory:``; None means ``$PEACEWATCH_DB`` or the per-user default. With
    ``create=False`` a missing database is an error rather than a new empty one, so a
    typo in ``--db`` on a read command is reported instead of answering "0 events".
    """
    path = database_path(url)
    if not create and path != ":memory:" and not os.path.exists(path):
        raise StoreError(f"no database at {path} (run `peacewatch ingest` or `peacewatch demo` first)")
    return SQLiteStore(path)


def database_path(url: str | os.PathLike[str] | None = None) -> str:
    """The file a database URL (or ``$PEACEWATCH_DB``, or the default) points to."""
    target = default_db_url() if url is None else os.fspath(url)
    return _sqlite_path(target)


def _sqlite_path(url: str) -> str:
    if not url.strip():
        raise StoreError("empty database URL")
    m = _SCHEME.match(url)
    if not m:
        return url
    scheme = m.group(1).lower()
    if scheme == "sqlite":
        rest = url[len(m.group(0)) :]
        if rest in ("", "/", "/:memory:"):
            return ":memory:"
        if not rest.startswith("/"):
            raise StoreError("a sqlite URL has no host: use sqlite:///relative/path or sqlite:////abs/path")
        return rest[1:]
    if scheme.startswith("postgres"):
        raise StoreError("PostgreSQL is not supported yet; use a SQLite file path or sqlite:///path")
    # Only the scheme is echoed: the rest of a URL may hold a password.
    raise StoreError(f"unsupported database URL scheme {scheme!r}; use a SQLite file path or sqlite:///path")
