"""Answers of read endpoints kept while the database files are unchanged.

Why: a dashboard asks the same questions over and over, and building a page of reports
costs milliseconds of record decoding in the store; serving the bytes of the previous
answer costs two ``stat`` calls. An entry is used only while the database file and its WAL
have the same size and modification time as when it was built, and for at most
``ttl`` seconds (file times tick coarsely, so two commits within one tick could leave the
files looking unchanged: the ttl bounds how long such an answer can be stale). A PostgreSQL database has no files to
watch: there the cache is off.
"""

from __future__ import annotations

import os
import threading
import time
from collections import OrderedDict

Stamp = tuple[int, int, int, int]


class ResponseCache:
    """URL → JSON bytes, valid for one state of the database files; least recently used dropped."""

    def __init__(self, db_path: str, ttl: float = 2.0, max_entries: int = 256) -> None:
        self.enabled = ttl > 0 and db_path != ":memory:"
        self.files = (db_path, db_path + "-wal")
        self.ttl = ttl
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[Stamp, float, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def stamp(self) -> Stamp:
        """Size and modification time of the database file and its WAL (zeros when absent)."""
        out: list[int] = []
        for f in self.files:
            try:
                st = os.stat(f)
                out += [st.st_size, st.st_mtime_ns]
            except OSError:
                out += [0, 0]
        return (out[0], out[1], out[2], out[3])

    def get(self, key: str, stamp: Stamp) -> bytes | None:
        if not self.enabled:
            return None
        with self._lock:
            hit = self._entries.get(key)
            if hit is None:
                return None
            if hit[0] != stamp or time.monotonic() - hit[1] > self.ttl:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return hit[2]

    def put(self, key: str, stamp: Stamp, body: bytes) -> None:
        """Keep an answer built from the state ``stamp`` (taken before building it)."""
        if not self.enabled:
            return
        with self._lock:
            self._entries[key] = (stamp, time.monotonic(), body)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
