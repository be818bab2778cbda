"""PostgreSQL side of the reconciled tables, and what keeps concurrent reconciles correct.

``CanonicalMixin`` is mixed into ``PostgresStore`` and uses its connection, transaction,
lock and error helpers. All of a reconcile write is one transaction.

Several ``ingest`` processes each reconcile when they finish, and a reconcile is a read
(every stored event, the canonical state, the membership, the latest figures), a pure
computation, then a write of the difference. Two of them interleaving could write a
difference computed from a state that is gone — a stale cluster under another id, or a
history row twice. So, besides the primary keys that make every canonical write an
upsert:

- ``write_reconciled`` takes the ``writes`` advisory lock exclusively (article writes
  take it shared), then checks that what the caller read is still what is stored: the
  store remembers a digest of its last unfiltered ``events()``, ``canonical_state()``,
  ``canonical_membership()`` and ``latest_figures()``. If anything changed since, the
  difference is stale and is not written (``stale_reconcile_writes`` counts these). That
  is safe: whoever changed it (another reconcile, or an ingest that will reconcile after
  its last article) wrote or will write a state computed from newer data, so the last
  write always reflects every stored event — the same canonical events as one process.
- ``reconcile_lock()`` (``PostgresStore``) holds the ``reconcile`` lock around a whole
  read–cluster–write cycle, so reconciles wait for each other instead; inside it only
  the canonical side is checked, since new articles may keep arriving meanwhile.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Any

from psycopg.rows import dict_row

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
from peacewatch.store.paging import CanonicalFilter, order_by
from peacewatch.store.sqlfilter import POSTGRES, canonical_events_where, canonical_where

if TYPE_CHECKING:
    import psycopg

# The same digest, computed by the server, of what each remembered read returned.
_CURRENT = {
    "events": "SELECT string_agg(id::text, ',' ORDER BY id) FROM events",
    "state": "SELECT string_agg(id || ':' || content_hash, ',' ORDER BY id) FROM canonical_events",
    "membership": (
        "SELECT string_agg(event_id::text || ':' || canonical_id, ',' ORDER BY event_id)"
        " FROM canonical_mentions"
    ),
    "figures": (
        "SELECT string_agg(id::text, ',' ORDER BY id)"
        " FROM (SELECT MAX(id) AS id FROM figure_history GROUP BY canonical_id, field) last"
    ),
}


def _digest(items: Iterable[str]) -> str:
    return hashlib.sha256(",".join(items).encode("utf-8")).hexdigest()


# The version of what the web's analyses are computed from (``canonical_version``).
_VERSION = (
    "SELECT md5(COALESCE((SELECT string_agg(id || ':' || content_hash, ',' ORDER BY id)"
    " FROM canonical_events), '')), (SELECT COUNT(*) || ',' || COALESCE(SUM(event_id), 0) || ','"
    " || COALESCE(MAX(event_id), 0) FROM canonical_mentions),"
    " (SELECT COUNT(*) || ',' || COALESCE(MAX(id), 0) FROM declared_commitments),"
    " (SELECT COUNT(*) || ',' || COALESCE(MAX(id), 0) FROM official_imports)"
)
# An event without a canonical event, or a canonical event without events: reconcile is behind.
_PENDING = (
    "SELECT EXISTS (SELECT 1 FROM events e WHERE NOT EXISTS"
    " (SELECT 1 FROM canonical_mentions m WHERE m.event_id = e.id))"
    " OR EXISTS (SELECT 1 FROM canonical_events c WHERE NOT EXISTS"
    " (SELECT 1 FROM canonical_mentions m WHERE m.canonical_id = c.id))"
)


class CanonicalMixin:
    """Reconciled events, figure history and declared commitments in PostgreSQL."""

    if TYPE_CHECKING:  # provided by PostgresStore
        _conn: psycopg.Connection[Any]
        _session: bool
        url: str

        def _errors(self, action: str) -> AbstractContextManager[None]: ...
        def _snapshot(self) -> AbstractContextManager[psycopg.Connection[Any]]: ...
        def _committed(self, note: dict[str, Any]) -> None: ...
        def _transaction(self) -> AbstractContextManager[psycopg.Connection[Any]]: ...
        def _lock(self, c: psycopg.Connection[Any], purpose: str, *, shared: bool = False) -> None: ...

    def _init_reads(self) -> None:
        self._reads: dict[str, str] = {}
        self.stale_reconcile_writes = 0

    def _remember_events(self, ids: Iterable[int]) -> None:
        self._reads["events"] = _digest(str(i) for i in sorted(ids))

    def _stale(self, c: psycopg.Connection[Any], reads: dict[str, str]) -> list[str]:
        """What changed since the caller read it (nothing checked without a full read set)."""
        if not set(_CURRENT) <= set(reads):
            return []
        names = [n for n in _CURRENT if not (self._session and n == "events")]
        changed = []
        for name in names:
            row = c.execute(_CURRENT[name]).fetchone()
            now = row[0] if row and row[0] is not None else ""
            if hashlib.sha256(now.encode("utf-8")).hexdigest() != reads[name]:
                changed.append(name)
        return changed

    # --- reconciled events ------------------------------------------------------------

    def canonical_state(self) -> dict[str, str]:
        """id → content hash of every stored canonical event (what reconcile diffs against)."""
        with self._errors("reading canonical events"):
            rows = self._conn.execute("SELECT id, content_hash FROM canonical_events").fetchall()
        state = {r[0]: r[1] for r in rows}
        self._reads["state"] = _digest(f"{i}:{h}" for i, h in sorted(state.items()))
        return state

    def latest_figures(self) -> dict[tuple[str, str], FigureState]:
        """The last recorded state of every (canonical id, figure)."""
        sql = (
            "SELECT h.* FROM figure_history h JOIN (SELECT canonical_id, field, MAX(id) AS id"
            " FROM figure_history GROUP BY canonical_id, field) last ON last.id = h.id"
        )
        with self._errors("reading figure history"), self._conn.cursor(row_factory=dict_row) as cur:
            rows = cur.execute(sql).fetchall()
        self._reads["figures"] = _digest(str(i) for i in sorted(int(r["id"]) for r in rows))
        return {(r["canonical_id"], r["field"]): _state(r) for r in rows}

    def write_reconciled(self, write: ReconcileWrite, run_id: int | None = None) -> None:
        """Apply one reconcile run: all of it or, on any error, none of it — and not at all
        when what it was computed from has changed meanwhile (see the module docstring)."""
        now = utc_now()
        reads, self._reads = self._reads, {}
        with self._errors("storing reconciled events"), self._transaction() as c:
            self._lock(c, "writes")
            if self._stale(c, reads):
                self.stale_reconcile_writes += 1
                return
            if write.delete:
                c.execute("DELETE FROM canonical_events WHERE id = ANY(%s::text[])", (list(write.delete),))
            # a mention may move between clusters: free every moved event first
            moved = [event_id for row in write.upsert for event_id, _ in row.mentions]
            if moved:
                c.execute("DELETE FROM canonical_mentions WHERE event_id = ANY(%s::bigint[])", (moved,))
            for row in write.upsert:
                _upsert(c, row, now)
            with c.cursor() as cur:
                cur.executemany(
                    "INSERT INTO figure_history (canonical_id, field, low, best, high, conservative,"
                    " sources, disputed, reports, run_id, recorded_at)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
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
        return bool(row and row[0])

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
        """Canonical events matching every filter, by day (undated last), then kind and id."""
        check_kind(kind)
        check_page(limit, offset)
        if ids is not None and not ids:
            return []
        where, params = canonical_events_where(
            POSTGRES, kind=kind, place=place, country=country, since=since, until=until, ids=ids
        )
        return self._canonical_rows(where, params, order_by("date", POSTGRES.first_reported), limit, offset)

    # --- pages of canonical events chosen in SQL (see store.paging) ------------------

    def canonical_page(
        self, f: CanonicalFilter, *, sort: str = "date", limit: int | None = None, offset: int = 0
    ) -> list[StoredCanonical]:
        """The canonical events ``f`` selects, sorted, one page of them (``store.paging``)."""
        check_page(limit, offset)
        where, params = canonical_where(POSTGRES, f)
        return self._canonical_rows(where, params, order_by(sort, POSTGRES.first_reported), limit, offset)

    def _canonical_rows(
        self, where: str, params: list[Any], order: str, limit: int | None, offset: int
    ) -> list[StoredCanonical]:
        """The canonical events of a WHERE (``store.sqlfilter``) in ``order``, one page, decoded."""
        page, page_params = POSTGRES.page(limit, offset)
        sql = (
            "SELECT c.id, c.kind, c.data, c.content_hash, c.created_at, c.updated_at,"
            " ARRAY(SELECT m.event_id FROM canonical_mentions m WHERE m.canonical_id = c.id"
            " ORDER BY m.event_id) AS events"
            f" FROM canonical_events c{where} ORDER BY {order}{page}"
        )
        with self._errors("listing canonical events"):
            rows = self._conn.execute(sql, [*params, *page_params]).fetchall()
        return [
            StoredCanonical(
                id=r[0],
                kind=r[1],
                data=json.loads(r[2]),
                content_hash=r[3],
                event_ids=tuple(int(x) for x in r[6]),
                created_at=r[4],
                updated_at=r[5],
            )
            for r in rows
        ]

    def count_canonical(self, f: CanonicalFilter) -> int:
        """How many canonical events ``f`` selects."""
        where, params = canonical_where(POSTGRES, f)
        with self._errors("counting canonical events"):
            row = self._conn.execute(f"SELECT COUNT(*) FROM canonical_events c{where}", params).fetchone()
        return int(row[0]) if row else 0

    def canonical_weapons(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Canonical id → the weapon kinds any of its stored reports names (sorted), for ``ids``."""
        out: dict[str, set[str]] = {i: set() for i in ids}
        if not ids:
            return {}
        with self._errors("reading weapons of canonical events"):
            rows = self._conn.execute(
                "SELECT m.canonical_id, w->>'kind' FROM canonical_mentions m JOIN events e ON e.id = m.event_id,"
                " jsonb_array_elements(COALESCE(e.data::jsonb->'weapons', '[]')) w"
                " WHERE m.canonical_id = ANY(%s::text[])",
                (list(ids),),
            ).fetchall()
        for cid, kind in rows:
            if kind is not None:
                out[cid].add(kind)
        return {i: tuple(sorted(k)) for i, k in out.items()}

    def canonical_version(self) -> str:
        """A digest of the reconciled state the web's analyses are computed from: every
        canonical event's content hash, its members, declared commitments and official
        imports, computed by the server in one query (``peacewatch.web.snapshot``)."""
        with self._errors("reading the version of canonical events"):
            row = self._conn.execute(_VERSION).fetchone()
        return hashlib.sha256(repr(tuple(row or ())).encode()).hexdigest()

    @contextmanager
    def reading(self) -> Iterator[None]:
        """One REPEATABLE READ transaction around several calls, so they all see one state
        of the database (inside a transaction already open, that one's view)."""
        with self._errors("reading"), self._snapshot():
            yield

    def canonical_membership(self) -> dict[int, str]:
        """Stored event id → the canonical event it belongs to."""
        with self._errors("reading canonical membership"):
            rows = self._conn.execute("SELECT event_id, canonical_id FROM canonical_mentions").fetchall()
        membership = {int(r[0]): r[1] for r in rows}
        self._reads["membership"] = _digest(f"{e}:{c}" for e, c in sorted(membership.items()))
        return membership

    def figure_history(self, canonical_id: str | None = None) -> list[FigureHistoryRow]:
        """Every recorded state of the figures (of one canonical event), oldest first."""
        sql = "SELECT * FROM figure_history"
        params: tuple[Any, ...] = ()
        if canonical_id is not None:
            sql += " WHERE canonical_id = %s"
            params = (canonical_id,)
        with self._errors("reading figure history"), self._conn.cursor(row_factory=dict_row) as cur:
            rows = cur.execute(sql + " ORDER BY id", params).fetchall()
        return [
            FigureHistoryRow(
                int(r["id"]), _state(r), None if r["run_id"] is None else int(r["run_id"]), r["recorded_at"]
            )
            for r in rows
        ]

    # --- declared commitments ---------------------------------------------------------

    def add_commitment(self, commitment: DeclaredCommitment) -> int:
        if commitment.end is not None and commitment.end < commitment.start:
            raise StoreError(
                f"commitment {commitment.name!r} ends ({commitment.end}) before it starts ({commitment.start})"
            )
        with self._errors(f"storing commitment {commitment.name!r}"), self._transaction() as c:
            row = c.execute(
                "INSERT INTO declared_commitments (name, scope, bound, start_day, end_day, note, created_at)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
                (
                    commitment.name,
                    commitment.scope,
                    commitment.bound,
                    commitment.start.isoformat(),
                    commitment.end.isoformat() if commitment.end else None,
                    commitment.note,
                    utc_now(),
                ),
            ).fetchone()
        assert row is not None  # RETURNING always gives the row
        return int(row[0])

    def declared_commitments(self) -> list[DeclaredCommitment]:
        with self._errors("listing declared commitments"), self._conn.cursor(row_factory=dict_row) as cur:
            rows = cur.execute("SELECT * FROM declared_commitments ORDER BY start_day, id").fetchall()
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


def _upsert(c: psycopg.Connection[Any], row: CanonicalRow, now: str) -> None:
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
        " updated_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        " ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, date_start = excluded.date_start,"
        " date_end = excluded.date_end, date_precision = excluded.date_precision, day = excluded.day,"
        " actor = excluded.actor, killed = excluded.killed, injured = excluded.injured,"
        " missiles = excluded.missiles, drones = excluded.drones, n_sources = excluded.n_sources,"
        " n_mentions = excluded.n_mentions, disputed = excluded.disputed, data = excluded.data,"
        " content_hash = excluded.content_hash, updated_at = excluded.updated_at",
        (row.id, *values, now, now),
    )
    c.execute("DELETE FROM canonical_places WHERE canonical_id = %s", (row.id,))
    with c.cursor() as cur:
        cur.executemany(
            "INSERT INTO canonical_places (canonical_id, seq, name, admin1, country, lat, lon, precision,"
            " name_fold, admin1_fold) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
            [
                (
                    row.id,
                    i,
                    p.name,
                    p.admin1,
                    p.country,
                    p.lat,
                    p.lon,
                    p.precision,
                    fold(p.name),
                    fold(p.admin1),
                )
                for i, p in enumerate(row.places)
            ],
        )
        # an event gone since the reconcile read it is left out (see sqlite_canonical._upsert)
        cur.executemany(
            "INSERT INTO canonical_mentions (event_id, canonical_id, mention_key)"
            " SELECT %s, %s, %s WHERE EXISTS (SELECT 1 FROM events WHERE id = %s)",
            [(event_id, row.id, key, event_id) for event_id, key in row.mentions],
        )


def _opt_int(v: Any) -> int | None:
    return None if v is None else int(v)


def _state(r: dict[str, Any]) -> FigureState:
    return FigureState(
        canonical_id=r["canonical_id"],
        field=r["field"],
        low=_opt_int(r["low"]),
        best=_opt_int(r["best"]),
        high=_opt_int(r["high"]),
        conservative=_opt_int(r["conservative"]),
        sources=int(r["sources"]),
        disputed=bool(r["disputed"]),
        reports=tuple(json.loads(r["reports"])),
    )
