"""SQLite side of the reconciled tables (kept apart from ``sqlite.py`` to keep both small).

``CanonicalMixin`` is mixed into ``SQLiteStore``; it uses that class's connection,
transaction and error helpers. All of a reconcile run is one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from peacewatch.errors import StoreError
from peacewatch.store.base import (
    check_kind,
    check_page,
    fold,
    reconcile_note,
    to_json,
    utc_now,
)
from peacewatch.store.canonical import (
    CanonicalRow,
    DeclaredCommitment,
    FigureHistoryRow,
    FigureState,
    ReconcileWrite,
    StoredCanonical,
)
from peacewatch.store.paging import CanonicalFilter, order_by, sqlite_fold, words_match
from peacewatch.store.sqlfilter import SQLITE, canonical_events_where, canonical_where

# What else an analysis depends on, beside the canonical events (``canonical_version``).
_VERSION_PARTS = (
    "SELECT COUNT(*), TOTAL(event_id), MAX(event_id) FROM canonical_mentions",
    "SELECT COUNT(*), MAX(id) FROM declared_commitments",
    "SELECT COUNT(*), MAX(id) FROM official_imports",
)

# An event without a canonical event, or a canonical event without events: reconcile is behind.
_PENDING = (
    "SELECT EXISTS (SELECT 1 FROM events e WHERE NOT EXISTS"
    " (SELECT 1 FROM canonical_mentions m WHERE m.event_id = e.id))"
    " OR EXISTS (SELECT 1 FROM canonical_events c WHERE NOT EXISTS"
    " (SELECT 1 FROM canonical_mentions m WHERE m.canonical_id = c.id))"
)


class CanonicalMixin:
    """Reconciled events, figure history and declared commitments in SQLite."""

    if TYPE_CHECKING:  # provided by SQLiteStore
        _conn: sqlite3.Connection
        url: str

        def _errors(self, action: str) -> AbstractContextManager[None]: ...
        def _committed(self, note: dict[str, Any]) -> None: ...
        def _transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...

    # --- reconciled events ------------------------------------------------------------

    def canonical_state(self) -> dict[str, str]:
        """id → content hash of every stored canonical event (what reconcile diffs against)."""
        with self._errors("reading canonical events"):
            rows = self._conn.execute("SELECT id, content_hash FROM canonical_events").fetchall()
        return {r[0]: r[1] for r in rows}

    def latest_figures(self) -> dict[tuple[str, str], FigureState]:
        """The last recorded state of every (canonical id, figure)."""
        sql = (
            "SELECT h.* FROM figure_history h JOIN (SELECT canonical_id, field, MAX(id) AS id"
            " FROM figure_history GROUP BY canonical_id, field) last ON last.id = h.id"
        )
        with self._errors("reading figure history"):
            rows = self._conn.execute(sql).fetchall()
        return {(r["canonical_id"], r["field"]): _state(r) for r in rows}

    def write_reconciled(self, write: ReconcileWrite, run_id: int | None = None) -> None:
        """Apply one reconcile run: all of it or, on any error, none of it."""
        now = utc_now()
        with self._errors("storing reconciled events"), self._transaction() as c:
            for cid in write.delete:
                c.execute("DELETE FROM canonical_events WHERE id = ?", (cid,))
            # a mention may move between clusters: free every moved event first
            moved = [event_id for row in write.upsert for event_id, _ in row.mentions]
            for i in range(0, len(moved), 500):
                chunk = moved[i : i + 500]
                c.execute(
                    f"DELETE FROM canonical_mentions WHERE event_id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                )
            for row in write.upsert:
                _upsert(c, row, now)
            c.executemany(
                "INSERT INTO figure_history (canonical_id, field, low, best, high, conservative, sources,"
                " disputed, reports, run_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        h.canonical_id,
                        h.field,
                        h.low,
                        h.best,
                        h.high,
                        h.conservative,
                        h.sources,
                        int(h.disputed),
                        to_json(list(h.reports)),
                        run_id,
                        now,
                    )
                    for h in write.history
                ],
            )
        self._committed(reconcile_note(write))

    def reconcile_pending(self) -> bool:
        """Whether an event has no canonical event or a canonical event no event (see ``Store``)."""
        with self._errors("checking whether a reconcile is pending"):
            row = self._conn.execute(_PENDING).fetchone()
        return bool(row[0])

    def canonical_events(
        self,
        *,
        kind: str | None = None,
        place: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredCanonical]:
        """Canonical events matching every filter, by day (undated last), then id."""
        check_kind(kind)
        check_page(limit, offset)
        if ids is not None and not ids:
            return []
        where, params = canonical_events_where(
            SQLITE, kind=kind, place=place, country=country, since=since, until=until, ids=ids
        )
        return self._canonical_rows(where, params, order_by("date", SQLITE.first_reported), limit, offset)

    # --- pages of canonical events chosen in SQL (see store.paging) ------------------

    def _paging_functions(self) -> None:
        """Register the Python folds the filters use (once per connection)."""
        if not getattr(self, "_has_paging_functions", False):
            self._conn.create_function("pw_fold", 1, sqlite_fold, deterministic=True)
            self._conn.create_function("pw_words", 2, words_match, deterministic=True)
            self._has_paging_functions = True

    def canonical_page(
        self, f: CanonicalFilter, *, sort: str = "date", limit: int | None = None, offset: int = 0
    ) -> list[StoredCanonical]:
        """The canonical events ``f`` selects, sorted, one page of them (``store.paging``)."""
        check_page(limit, offset)
        self._paging_functions()
        where, params = canonical_where(SQLITE, f)
        return self._canonical_rows(where, params, order_by(sort, SQLITE.first_reported), limit, offset)

    def _canonical_rows(
        self, where: str, params: list[Any], order: str, limit: int | None, offset: int
    ) -> list[StoredCanonical]:
        """The canonical events of a WHERE (``store.sqlfilter``) in ``order``, one page, decoded."""
        page, page_params = SQLITE.page(limit, offset)
        sql = (
            "SELECT c.id, c.kind, c.data, c.content_hash, c.created_at, c.updated_at,"
            " (SELECT GROUP_CONCAT(m.event_id) FROM canonical_mentions m WHERE m.canonical_id = c.id) AS events"
            f" FROM canonical_events c{where} ORDER BY {order}{page}"
        )
        with self._errors("listing canonical events"):
            rows = self._conn.execute(sql, [*params, *page_params]).fetchall()
        return [
            StoredCanonical(
                id=r["id"],
                kind=r["kind"],
                data=json.loads(r["data"]),
                content_hash=r["content_hash"],
                event_ids=tuple(sorted(int(x) for x in (r["events"] or "").split(",") if x)),
                created_at=r["created_at"],
                updated_at=r["updated_at"],
            )
            for r in rows
        ]

    def count_canonical(self, f: CanonicalFilter) -> int:
        """How many canonical events ``f`` selects."""
        self._paging_functions()
        where, params = canonical_where(SQLITE, f)
        with self._errors("counting canonical events"):
            row = self._conn.execute(f"SELECT COUNT(*) FROM canonical_events c{where}", params).fetchone()
        return int(row[0])

    def canonical_weapons(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Canonical id → the weapon kinds any of its stored reports names (sorted), for ``ids``."""
        out: dict[str, set[str]] = {i: set() for i in ids}
        with self._errors("reading weapons of canonical events"):
            for i in range(0, len(ids), 500):
                chunk = list(ids[i : i + 500])
                rows = self._conn.execute(
                    "SELECT m.canonical_id, json_extract(w.value, '$.kind') FROM canonical_mentions m"
                    " JOIN events e ON e.id = m.event_id, json_each(e.data, '$.weapons') w"
                    f" WHERE m.canonical_id IN ({', '.join('?' * len(chunk))})",
                    chunk,
                ).fetchall()
                for cid, kind in rows:
                    if kind is not None:
                        out[cid].add(kind)
        return {i: tuple(sorted(k)) for i, k in out.items()}

    def canonical_version(self) -> str:
        """A digest of the reconciled state the web's analyses are computed from: every
        canonical event's content hash, its members, declared commitments and official
        imports. Equal digests mean equal analyses (``peacewatch.web.snapshot``)."""
        h = hashlib.sha256()
        with self._errors("reading the version of canonical events"):
            for r in self._conn.execute("SELECT id, content_hash FROM canonical_events ORDER BY id"):
                h.update(f"{r[0]}:{r[1]},".encode())
            for sql in _VERSION_PARTS:
                h.update(repr(tuple(self._conn.execute(sql).fetchone())).encode())
        return h.hexdigest()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One read transaction around several calls, so they all see one state of the
        database (a no-op inside a transaction already open)."""
        if self._conn.in_transaction:
            yield
            return
        with self._errors("reading"):
            self._conn.execute("BEGIN")
        try:
            yield
        finally:
            if self._conn.in_transaction:
                self._conn.execute("COMMIT")

    def canonical_membership(self) -> dict[int, str]:
        """Stored event id → the canonical event it belongs to."""
        with self._errors("reading canonical membership"):
            rows = self._conn.execute("SELECT event_id, canonical_id FROM canonical_mentions").fetchall()
        return {int(r[0]): r[1] for r in rows}

    def figure_history(self, canonical_id: str | None = None) -> list[FigureHistoryRow]:
        """Every recorded state of the figures (of one canonical event), oldest first."""
        sql = "SELECT * FROM figure_history"
        params: tuple[Any, ...] = ()
        if canonical_id is not None:
            sql += " WHERE canonical_id = ?"
            params = (canonical_id,)
        with self._errors("reading figure history"):
            rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [FigureHistoryRow(r["id"], _state(r), r["run_id"], r["recorded_at"]) for r in rows]

    # --- declared commitments ---------------------------------------------------------

    def add_commitment(self, commitment: DeclaredCommitment) -> int:
        if commitment.end is not None and commitment.end < commitment.start:
            raise StoreError(
                f"commitment {commitment.name!r} ends ({commitment.end}) before it starts ({commitment.start})"
            )
        with self._errors(f"storing commitment {commitment.name!r}"), self._transaction() as c:
            row = c.execute(
                "INSERT INTO declared_commitments (name, scope, bound, start_day, end_day, note, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    commitment.name,
                    commitment.scope,
                    commitment.bound,
                    commitment.start.isoformat(),
                    commitment.end.isoformat() if commitment.end else None,
                    commitment.note,
                    utc_now(),
                ),
            ).fetchall()
        return int(row[0][0])

    def declared_commitments(self) -> list[DeclaredCommitment]:
        with self._errors("listing declared commitments"):
            rows = self._conn.execute("SELECT * FROM declared_commitments ORDER BY start_day, id").fetchall()
        return [
            DeclaredCommitment(
                name=r["name"],
                scope=r["scope"],
                start=dt.date.fromisoformat(r["start_day"]),
                end=dt.date.fromisoformat(r["end_day"]) if r["end_day"] else None,
                bound=r["bound"],
                note=r["note"],
                id=int(r["id"]),
                created_at=r["created_at"],
            )
            for r in rows
        ]


def _upsert(c: sqlite3.Connection, row: CanonicalRow, now: str) -> None:
    values = (
        row.kind,
        row.date_start,
        row.date_end,
        row.date_precision,
        row.day,
        row.actor,
        row.killed,
        row.injured,
        row.missiles,
        row.drones,
        row.n_sources,
        row.n_mentions,
        to_json(list(row.disputed)),
        to_json(row.data),
        row.content_hash,
    )
    c.execute(
        "INSERT INTO canonical_events (id, kind, date_start, date_end, date_precision, day, actor, killed,"
        " injured, missiles, drones, n_sources, n_mentions, disputed, data, content_hash, created_at,"
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, date_start = excluded.date_start,"
        " date_end = excluded.date_end, date_precision = excluded.date_precision, day = excluded.day,"
        " actor = excluded.actor, killed = excluded.killed, injured = excluded.injured,"
        " missiles = excluded.missiles, drones = excluded.drones, n_sources = excluded.n_sources,"
        " n_mentions = excluded.n_mentions, disputed = excluded.disputed, data = excluded.data,"
        " content_hash = excluded.content_hash, updated_at = excluded.updated_at",
        (row.id, *values, now, now),
    )
    c.execute("DELETE FROM canonical_places WHERE canonical_id = ?", (row.id,))
    c.executemany(
        "INSERT INTO canonical_places (canonical_id, seq, name, admin1, country, lat, lon, precision,"
        " name_fold, admin1_fold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (row.id, i, p.name, p.admin1, p.country, p.lat, p.lon, p.precision, fold(p.name), fold(p.admin1))
            for i, p in enumerate(row.places)
        ],
    )
    # An event the reconcile read may be gone since (its article's events were swapped by
    # another process): it is left out, so the reconcile is pending again, and that process's
    # own reconcile, which waits for ours, sees its new events. A foreign-key error would lose
    # the whole write instead.
    c.executemany(
        "INSERT INTO canonical_mentions (event_id, canonical_id, mention_key)"
        " SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM events WHERE id = ?)",
        [(event_id, row.id, key, event_id) for event_id, key in row.mentions],
    )


def _state(r: sqlite3.Row) -> FigureState:
    return FigureState(
        canonical_id=r["canonical_id"],
        field=r["field"],
        low=r["low"],
        best=r["best"],
        high=r["high"],
        conservative=r["conservative"],
        sources=int(r["sources"]),
        disputed=bool(r["disputed"]),
        reports=tuple(json.loads(r["reports"])),
    )
