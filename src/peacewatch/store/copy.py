"""Move a SQLite database into PostgreSQL without loss, and prove it (``peacewatch db copy``).

Every table is copied row for row with its ids (the identity columns are ``BY DEFAULT``
for this), so what refers to an id — events to articles, canonical mentions to events,
figure history to runs, versions of official rows to imports — still refers to the same
row. The whole copy is one PostgreSQL transaction, holding every peacewatch lock, into a
database that must be empty; it is committed only once every table's row count and
checksum read back from PostgreSQL equal those read from SQLite. The SQLite file is
opened read-only, in one read transaction, so a copy taken while ``ingest`` writes to it
is a consistent snapshot and the source is never modified.

Checksums are order-independent (the sum of one SHA-256 per row, modulo 2**256) over a
typed encoding of each value, so they do not depend on either database's row order and
tell 1 from 1.0 from "1".
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from peacewatch.errors import MigrationError, StoreError
from peacewatch.store.url import is_postgres_url, redact

if TYPE_CHECKING:
    import psycopg

    Conn = psycopg.Connection[Any]

# Parents before children, so every foreign key finds its row.
COPY_ORDER: tuple[str, ...] = (
    "runs",
    "articles",
    "article_signatures",
    "article_lsh_keys",
    "events",
    "event_places",
    "rejections",
    "official_imports",
    "official_rows",
    "canonical_events",
    "canonical_mentions",
    "canonical_places",
    "figure_history",
    "declared_commitments",
)
_MOD = 2**256
_BATCH = 2_000


@dataclass(frozen=True, slots=True)
class TableCopy:
    """One table: rows and checksum in the source, and read back from the destination."""

    table: str
    source_rows: int
    source_checksum: str
    dest_rows: int
    dest_checksum: str

    @property
    def ok(self) -> bool:
        return (self.source_rows, self.source_checksum) == (self.dest_rows, self.dest_checksum)

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "source_rows": self.source_rows,
            "dest_rows": self.dest_rows,
            "source_checksum": self.source_checksum,
            "dest_checksum": self.dest_checksum,
            "ok": self.ok,
        }


@dataclass(frozen=True, slots=True)
class CopyReport:
    source: str
    destination: str
    schema_version: int
    tables: tuple[TableCopy, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(t.ok for t in self.tables)

    @property
    def rows(self) -> int:
        return sum(t.dest_rows for t in self.tables)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "destination": self.destination,
            "schema_version": self.schema_version,
            "rows": self.rows,
            "ok": self.ok,
            "seconds": round(self.seconds, 3),
            "tables": [t.to_dict() for t in self.tables],
        }


Progress = Callable[[str, int], None]  # (table, rows copied so far)


def copy_database(
    source: str | os.PathLike[str], destination: str, *, progress: Progress | None = None
) -> CopyReport:
    """Copy the SQLite database ``source`` into the empty PostgreSQL database ``destination``.

    Raises ``StoreError`` (and writes nothing) when the source is not a peacewatch SQLite
    database at the current schema version, the destination is not an empty peacewatch
    PostgreSQL database (its schema is created if missing), or a count or checksum read
    back differs from the source.
    """
    from peacewatch.store import database_path
    from peacewatch.store.postgres import PostgresStore

    started = time.monotonic()
    src_url = os.fspath(source)
    if is_postgres_url(src_url):
        raise StoreError(f"db copy reads a SQLite database; {redact(src_url)} is PostgreSQL")
    if not is_postgres_url(destination):
        raise StoreError(f"db copy writes to PostgreSQL (postgresql://…), not {redact(destination)}")
    path = Path(database_path(src_url)).expanduser().absolute()
    if not path.is_file():
        raise StoreError(f"no database at {path}")
    with closing(_open_readonly(path)) as src, PostgresStore(destination) as dst:
        version, target = _source_version(src, path), dst.schema_version()
        if version != target:
            hint = (
                f"run `peacewatch db migrate --db {path}` first" if version < target else "upgrade peacewatch"
            )
            raise MigrationError(
                f"database {path} has schema version {version} and {dst.url} {target}; {hint}"
            )
        _check_tables(src, path)
        tables: list[TableCopy] = []
        try:
            src.execute("BEGIN")  # one read snapshot for every table
            with dst._errors("copying into the database"), dst.exclusive_transaction() as c:
                _check_empty(c, dst.url)
                for table in COPY_ORDER:
                    columns = _columns(src, c, table, path, dst.url)
                    n, checksum = _copy_table(src, c, table, columns, progress)
                    _reset_identity(c, table, columns)
                    dest_n, dest_checksum = _dest_checksum(c, table, columns)
                    tables.append(TableCopy(table, n, checksum, dest_n, dest_checksum))
                bad = [t for t in tables if not t.ok]
                if bad:
                    raise StoreError(
                        f"copy of {path} into {dst.url} does not read back the same; nothing was written: "
                        + "; ".join(
                            f"{t.table}: {t.source_rows} rows {t.source_checksum[:16]} → "
                            f"{t.dest_rows} rows {t.dest_checksum[:16]}"
                            for t in bad
                        )
                    )
        except sqlite3.Error as e:
            raise StoreError(f"reading database {path} failed: {e}") from e
        finally:
            if src.in_transaction:
                src.execute("COMMIT")
    return CopyReport(str(path), dst.url, version, tuple(tables), time.monotonic() - started)


@dataclass(frozen=True, slots=True)
class DatabaseCheck:
    """What ``peacewatch db check`` prints: the schema version, the integrity check and
    each table's rows and checksum (the same checksums as ``db copy``, so two databases
    can be compared)."""

    url: str
    schema_version: int
    integrity: str
    tables: tuple[tuple[str, int, str], ...]  # (table, rows, checksum)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok"

    def to_dict(self) -> dict[str, Any]:
        return {
            "database": self.url,
            "schema_version": self.schema_version,
            "integrity": self.integrity,
            "tables": [{"table": t, "rows": n, "checksum": c} for t, n, c in self.tables],
        }


def check_database(url: str | os.PathLike[str] | None = None) -> DatabaseCheck:
    """Schema version, integrity and per-table checksums of an existing database (either backend)."""
    from peacewatch.settings import default_db_url
    from peacewatch.store import database_path, open_store

    target = default_db_url() if url is None else os.fspath(url)
    if is_postgres_url(target):
        from peacewatch.store.postgres import PostgresStore

        with PostgresStore(target, create=False) as pg:
            version, integrity = pg.schema_version(), pg.integrity_check()
            with pg._errors("computing checksums"), pg._snapshot() as c:
                sums = tuple((t, *_dest_checksum(c, t, _pg_columns(c, t))) for t in COPY_ORDER)
            return DatabaseCheck(pg.url, version, integrity, sums)
    path = database_path(target)
    if path == ":memory:":
        raise StoreError("an in-memory database cannot be checked from outside")
    with open_store(path, create=False) as store:
        version, integrity = store.schema_version(), store.integrity_check()
    full = Path(path).expanduser().absolute()
    with closing(_open_readonly(full)) as src:
        try:
            src.execute("BEGIN")
            sums = tuple(
                (t, *table_checksums(src.execute(f"SELECT {_column_list(_sqlite_columns(src, t))} FROM {t}")))
                for t in COPY_ORDER
            )
            src.execute("COMMIT")
        except sqlite3.Error as e:
            raise StoreError(f"reading database {full} failed: {e}") from e
    return DatabaseCheck(str(full), version, integrity, sums)


def _open_readonly(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, isolation_level=None)
        conn.execute("SELECT COUNT(*) FROM sqlite_schema").fetchone()
    except sqlite3.Error as e:
        raise StoreError(f"cannot open database {path}: {e}") from e
    return conn


def _source_version(src: sqlite3.Connection, path: Path) -> int:
    try:
        row = src.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
    except sqlite3.Error as e:
        raise StoreError(f"{path} is not a peacewatch database: {e}") from e
    return int(row[0] or 0)


def _check_tables(src: sqlite3.Connection, path: Path) -> None:
    """Every table of the source is one ``COPY_ORDER`` knows: a new migration's table must be
    added there, and until it is a copy would lose it, so it is refused."""
    tables = {
        r[0]
        for r in src.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    unknown = sorted(tables - set(COPY_ORDER) - {"schema_migrations"})
    if unknown:
        raise StoreError(
            f"db copy does not know the table(s) {', '.join(unknown)} of {path}; nothing was copied"
        )


def _check_empty(c: Conn, url: str) -> None:
    full = [t for t in COPY_ORDER if (c.execute(f"SELECT EXISTS (SELECT 1 FROM {t})").fetchone() or [0])[0]]
    if full:
        names = ", ".join(full[:3]) + (f" and {len(full) - 3} more tables" if len(full) > 3 else "")
        raise StoreError(
            f"database {url} is not empty (rows in {names}); db copy only fills an empty database"
        )


def _columns(src: sqlite3.Connection, c: Conn, table: str, path: Path, url: str) -> list[str]:
    """The table's columns, which must be the same on both sides (same schema version)."""
    mine = _sqlite_columns(src, table)
    theirs = _pg_columns(c, table)
    if not mine or sorted(mine) != sorted(theirs):
        raise StoreError(f"table {table} differs between {path} ({mine}) and {url} ({theirs})")
    return mine


def _sqlite_columns(src: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in src.execute(f"PRAGMA table_info({table})").fetchall()]


def _pg_columns(c: Conn, table: str) -> list[str]:
    return [
        r[0]
        for r in c.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
            (table,),
        ).fetchall()
    ]


def _column_list(columns: Sequence[str]) -> str:
    return ", ".join(f'"{col}"' for col in columns)


def _copy_table(
    src: sqlite3.Connection, c: Conn, table: str, columns: list[str], progress: Progress | None
) -> tuple[int, str]:
    """COPY the rows in, hashing each as it passes; returns (rows, checksum) of the source."""
    n, total = 0, 0
    cur = src.execute(f"SELECT {_column_list(columns)} FROM {table}")
    with c.cursor() as pg, pg.copy(f"COPY {table} ({_column_list(columns)}) FROM STDIN") as copy:
        while batch := cur.fetchmany(_BATCH):
            for row in batch:
                copy.write_row(row)
                total = (total + _row_hash(row)) % _MOD
            n += len(batch)
            if progress:
                progress(table, n)
    return n, f"{total:064x}"


def _reset_identity(c: Conn, table: str, columns: list[str]) -> None:
    """Point the id sequence past the copied ids, so the next insert does not collide."""
    if "id" not in columns:
        return
    row = c.execute("SELECT pg_get_serial_sequence(%s, 'id')", (table,)).fetchone()
    seq = row[0] if row else None
    if seq:
        c.execute(f"SELECT setval(%s, COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)", (seq,))


def _dest_checksum(c: Conn, table: str, columns: list[str]) -> tuple[int, str]:
    """Rows and checksum of a PostgreSQL table, streamed through a server-side cursor."""
    with c.cursor(name=f"checksum_{table}") as cur:
        cur.itersize = _BATCH
        cur.execute(f"SELECT {_column_list(columns)} FROM {table}")
        return table_checksums(cur)


def table_checksums(rows: Iterable[Sequence[Any]]) -> tuple[int, str]:
    """Row count and order-independent checksum of rows, as ``db copy`` computes them."""
    n, total = 0, 0
    for row in rows:
        total = (total + _row_hash(row)) % _MOD
        n += 1
    return n, f"{total:064x}"


def _row_hash(row: Sequence[Any]) -> int:
    h = hashlib.sha256()
    for v in row:
        for part in _encode(v):
            h.update(part)
    return int.from_bytes(h.digest(), "big")


def _encode(v: Any) -> Iterator[bytes]:
    """A typed, length-prefixed encoding: None, 1, 1.0, "1" and b"1" all differ."""
    if v is None:
        yield b"N"
        return
    if isinstance(v, bool):
        v = int(v)
    if isinstance(v, int):
        data, tag = str(v).encode(), b"i"
    elif isinstance(v, float):
        data, tag = v.hex().encode(), b"f"
    elif isinstance(v, str):
        data, tag = v.encode("utf-8"), b"s"
    elif isinstance(v, bytes | bytearray | memoryview):
        data, tag = bytes(v), b"b"
    else:
        raise StoreError(f"cannot checksum a value of type {type(v).__name__}")
    yield tag + len(data).to_bytes(8, "big")
    yield data
