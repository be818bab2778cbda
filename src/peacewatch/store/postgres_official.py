"""PostgreSQL side of the official Air Force series (kept apart from ``postgres.py`` to keep
both small). The same versioning as ``SQLiteStore``: an edited row gets a new version, the
old one is marked superseded, never deleted.

``OfficialMixin`` is mixed into ``PostgresStore`` and uses its connection, transaction,
lock and error helpers.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from psycopg.rows import dict_row

from peacewatch.store.base import (
    OfficialImport,
    OfficialImportMeta,
    OfficialImportResult,
    OfficialRowLike,
    StoredOfficialRow,
    check_official_rows,
    official_content_hash,
    official_diff,
    official_row_values,
    parse_official_time,
    utc_now,
)
from peacewatch.store.sqlfilter import POSTGRES, official_where

if TYPE_CHECKING:
    import psycopg

_OFFICIAL_COLUMNS = (
    "id, row_key, version, import_id, superseded_by, line, time_start, time_end, night, model, kind,"
    " scope, launched, destroyed, launch_place, target, source, raw, content_hash"
)


class OfficialMixin:
    """Versioned imports of the official series in PostgreSQL."""

    if TYPE_CHECKING:  # provided by PostgresStore
        _conn: psycopg.Connection[Any]
        url: str

        def _errors(self, action: str) -> AbstractContextManager[None]: ...
        def _transaction(self) -> AbstractContextManager[psycopg.Connection[Any]]: ...
        def _lock(self, c: psycopg.Connection[Any], purpose: str, *, shared: bool = False) -> None: ...

    def add_official_import(
        self, meta: OfficialImportMeta, rows: Sequence[OfficialRowLike]
    ) -> OfficialImportResult:
        """Diff the rows against the current versions and write the difference, all or nothing."""
        check_official_rows(rows)
        incoming = [(r, official_content_hash(r.raw)) for r in rows]
        with self._errors(f"importing official rows from {meta.file_name}"), self._transaction() as c:
            # One import at a time: the diff against the current versions is made under this
            # lock, so two imports at once cannot both add version 2 of a row.
            self._lock(c, "official")
            current = {
                str(k): (int(i), str(h))
                for i, k, h in c.execute(
                    "SELECT id, row_key, content_hash FROM official_rows WHERE superseded_by IS NULL"
                ).fetchall()
            }
            last_version = {
                str(k): int(v)
                for k, v in c.execute(
                    "SELECT row_key, MAX(version) FROM official_rows GROUP BY row_key"
                ).fetchall()
            }
            diff = official_diff(current, incoming, full=meta.full)
            if not diff.write and not diff.supersede:
                latest = c.execute("SELECT MAX(id) FROM official_imports").fetchone()
                if latest is not None and latest[0] is not None:
                    return OfficialImportResult(int(latest[0]), 0, 0, diff.unchanged, 0, recorded=False)
            inserted = c.execute(
                'INSERT INTO official_imports (imported_at, file_name, sha256, row_count, problems, "full",'
                " new, changed, unchanged, removed) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " RETURNING id",
                (
                    utc_now(),
                    meta.file_name,
                    meta.sha256,
                    len(rows),
                    meta.problems,
                    int(meta.full),
                    diff.new,
                    diff.changed,
                    diff.unchanged,
                    diff.removed,
                ),
            ).fetchone()
            assert inserted is not None  # RETURNING always gives the row
            import_id = int(inserted[0])
            # Supersede first: the partial unique index allows one current version per key.
            c.execute(
                "UPDATE official_rows SET superseded_by = %s WHERE id = ANY(%s::bigint[])",
                (import_id, diff.supersede),
            )
            with c.cursor() as cur_:
                cur_.executemany(
                    "INSERT INTO official_rows (row_key, version, import_id, line, time_start, time_end,"
                    " night, model, kind, scope, launched, destroyed, launch_place, target, source, raw,"
                    " content_hash)"
                    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                    [
                        official_row_values(r, digest, last_version.get(r.row_key, 0) + 1, import_id)
                        for r, digest in diff.write
                    ],
                )
        return OfficialImportResult(import_id, diff.new, diff.changed, diff.unchanged, diff.removed)

    def official_rows(
        self,
        night_from: dt.date | None = None,
        night_to: dt.date | None = None,
        current_only: bool = True,
        *,
        as_of: int | None = None,
    ) -> list[StoredOfficialRow]:
        where, params = official_where(
            POSTGRES, night_from=night_from, night_to=night_to, current_only=current_only, as_of=as_of
        )
        sql = (
            f"SELECT {_OFFICIAL_COLUMNS} FROM official_rows{where}"
            " ORDER BY night, time_start, model, row_key, version"
        )
        with self._errors("listing official rows"), self._conn.cursor(row_factory=dict_row) as cur:
            return [_official_row(r) for r in cur.execute(sql, params).fetchall()]

    def official_row_versions(self, row_key: str) -> list[StoredOfficialRow]:
        with (
            self._errors(f"listing the versions of official row {row_key}"),
            self._conn.cursor(row_factory=dict_row) as cur,
        ):
            rows = cur.execute(
                f"SELECT {_OFFICIAL_COLUMNS} FROM official_rows WHERE row_key = %s ORDER BY version",
                (row_key,),
            ).fetchall()
        return [_official_row(r) for r in rows]

    def official_imports(self) -> list[OfficialImport]:
        with self._errors("listing official imports"), self._conn.cursor(row_factory=dict_row) as cur:
            rows = cur.execute(
                'SELECT id, imported_at, file_name, sha256, row_count, problems, "full", new, changed,'
                " unchanged, removed FROM official_imports ORDER BY id"
            ).fetchall()
        return [
            OfficialImport(
                id=int(r["id"]),
                imported_at=r["imported_at"],
                file_name=r["file_name"],
                sha256=r["sha256"],
                row_count=int(r["row_count"]),
                problems=int(r["problems"]),
                full=bool(r["full"]),
                new=int(r["new"]),
                changed=int(r["changed"]),
                unchanged=int(r["unchanged"]),
                removed=int(r["removed"]),
            )
            for r in rows
        ]


def _opt_int(v: Any) -> int | None:
    return None if v is None else int(v)


def _official_row(r: dict[str, Any]) -> StoredOfficialRow:
    return StoredOfficialRow(
        id=int(r["id"]),
        row_key=r["row_key"],
        version=int(r["version"]),
        import_id=int(r["import_id"]),
        superseded_by=_opt_int(r["superseded_by"]),
        line=int(r["line"]),
        time_start=parse_official_time(r["time_start"]),
        time_end=parse_official_time(r["time_end"]),
        night=dt.date.fromisoformat(r["night"]),
        model=r["model"],
        kind=r["kind"],
        scope=r["scope"],
        launched=_opt_int(r["launched"]),
        destroyed=_opt_int(r["destroyed"]),
        launch_place=r["launch_place"],
        target=r["target"],
        source=r["source"],
        raw=json.loads(r["raw"]),
        content_hash=r["content_hash"],
    )
