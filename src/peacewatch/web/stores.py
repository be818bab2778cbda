"""One ``Store`` per worker thread, opened on first use and closed with the thread or the app.

Why: sqlite3 connections belong to the thread that made them, and FastAPI runs the store
work on pool threads. Opening a store costs about a millisecond (WAL set-up and the
migration check; a connection for PostgreSQL); reusing one per thread keeps that off every
request. Each read runs in its own implicit transaction, so a thread's store always sees
what ``peacewatch ingest`` committed meanwhile.

A store is closed when its thread ends (worker threads come and go) and when the app shuts
down (:meth:`StorePool.close`, from the app's lifespan), so no connection is left open.
"""

from __future__ import annotations

import contextlib
import os
import threading
import weakref

from peacewatch.settings import default_db_url
from peacewatch.store import Store, database_path, is_postgres, open_store


def _close_quietly(store: Store) -> None:
    """Close a store from whatever thread runs this. PostgreSQL connections close anywhere; a
    SQLite connection refuses a foreign thread, and is then closed when it is collected."""
    with contextlib.suppress(Exception):  # sqlite3.ProgrammingError from a foreign thread, or closed already
        store.close()


class StorePool:
    """The stores of one database, one per thread. Use :meth:`get` inside the work run on the
    pool thread: a FastAPI dependency may run on another thread than the endpoint."""

    def __init__(self, db: str | None) -> None:
        self.url = default_db_url() if db is None else os.fspath(db)  # fixed now, not per request
        self.path = database_path(self.url)  # the file; for PostgreSQL the URL without its password
        self.has_files = not is_postgres(self.url) and self.path != ":memory:"
        self._local = threading.local()
        self._lock = threading.Lock()
        self._generation = 0  # bumped by close(): stores of an earlier generation are not reused
        self._finalizers: list[weakref.finalize] = []

    def get(self) -> Store:
        """This thread's store; a missing database raises ``StoreError`` (never creates one)."""
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == self._generation:
            return held[1]  # type: ignore[no-any-return]
        store = open_store(self.url, create=False)
        self._local.held = (self._generation, store)
        done = weakref.finalize(threading.current_thread(), _close_quietly, store)
        with self._lock:
            self._finalizers = [f for f in self._finalizers if f.alive] + [done]
        return store

    def close(self) -> None:
        """Close every store opened so far (the app is shutting down)."""
        with self._lock:
            finalizers, self._finalizers = self._finalizers, []
            self._generation += 1
        for f in finalizers:
            f()
