"""The SQLite store: one file, shared safely by ``ingest``, ``serve`` and friends.

Why it is set up this way:

- WAL journal: readers never block the writer nor see half a write; a second
  writer process waits (``busy_timeout``) instead of failing.
- ``synchronous=NORMAL``: no fsync per commit. A killed process loses nothing
  committed; a power cut may lose the last few commits but never corrupts the file.
- Autocommit driver mode (``isolation_level=None``) and explicit
  ``BEGIN IMMEDIATE … COMMIT`` around every write: an article, its events, places
  and keys are one transaction, so a crash can never leave half an article, and the
  write lock is taken up front (no lock upgrade deadlocks between two writers).
- One connection per ``SQLiteStore``; a store belongs to the thread that opened it
  (the sqlite3 module enforces this). Open one store per thread or process.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from peacewatch.errors import MigrationError, StoreError
from peacewatch.records import EVENT_KINDS, Article, Event, Rejection
from peacewatch.store.base import (
    AddResult,
    EventRow,
    OfficialImport,
    OfficialImportMeta,
    OfficialImportResult,
    OfficialRowLike,
    Store,
    StoredArticle,
    StoredEvent,
    StoredOfficialRow,
    StoredRejection,
    article_note,
    check_kind,
    check_official_rows,
    check_page,
    copy_update,
    event_rows,
    official_content_hash,
    official_diff,
    official_row_values,
    outranks,
    parse_official_time,
    rejection_note,
    similarity,
    to_json,
    utc_now,
)
from peacewatch.store.migrations import load_migrations
from peacewatch.store.sqlfilter import SQLITE, events_where, official_where
from peacewatch.store.sqlite_canonical import CanonicalMixin

BUSY_TIMEOUT_MS = 30_000
_IN_CHUNK = 500  # bound parameters per IN (...) list, well under SQLite's limit

_ARTICLE_COLUMNS = (
    "a.id, a.doc_id, a.content_hash, a.title, a.published, a.url, a.source, a.language, a.origin, "
    "a.raw_text, a.text, a.boilerplate, a.near_duplicate_of, a.similarity, a.ingested_at, "
    "a.extractor_version, a.run_id, (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS n_events"
)


class SQLiteStore(CanonicalMixin, Store):
    """The store in one SQLite file (or ``:memory:`` for tests)."""

    def __init__(self, path: str | os.PathLike[str], *, migrate: bool = True) -> None:
        if os.fspath(path) == ":memory:":
            self.url = ":memory:"
        else:
            p = Path(path).expanduser().absolute()
            self.url = str(p)
            if p.is_dir():
                raise StoreError(f"cannot open database {p}: it is a directory")
            try:
                p.parent.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise StoreError(f"cannot create the folder of database {p}: {e.strerror or e}") from e
        try:
            self._conn = sqlite3.connect(self.url, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {self.url}: {e}") from e
        self._conn.row_factory = sqlite3.Row
        try:
            self._configure()
            if migrate:
                self.migrate()
            else:
                self._check_not_newer()
        except BaseException:
            self._conn.close()
            raise

    # --- connection, transactions, errors ----------------------------------------

    def _configure(self) -> None:
        try:
            c = self._conn
            c.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            c.execute("PRAGMA foreign_keys = ON")
            self._set_wal()
            c.execute("PRAGMA synchronous = NORMAL")
            c.execute("SELECT COUNT(*) FROM sqlite_schema").fetchone()  # fails now on a non-database file
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {self.url}: {e}") from e

    def _set_wal(self) -> None:
        """Switch to WAL, retrying: the switch needs a moment's exclusive lock and SQLite does
        not call the busy handler for it, so two processes creating the file at once collide."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        pause = 0.005
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL").fetchall()
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
            time.sleep(pause)
            pause = min(pause * 2, 0.1)

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Driver errors become one StoreError naming the database and what we were doing."""
        try:
            yield
        except sqlite3.Error as e:
            raise StoreError(f"{action} failed on database {self.url}: {e}") from e

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT; anything raised inside (even KeyboardInterrupt) rolls back."""
        c = self._conn
        c.execute("BEGIN IMMEDIATE")
        try:
            yield c
            c.execute("COMMIT")
        except BaseException:
            if c.in_transaction:
                c.execute("ROLLBACK")
            raise

    @contextmanager
    def _snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction, so several SELECTs see the same state."""
        c = self._conn
        c.execute("BEGIN")
        try:
            yield c
        finally:
            if c.in_transaction:
                c.execute("COMMIT")

    @contextmanager
    def reconcile_lock(self) -> Iterator[None]:
        """One reconcile at a time per database file, across processes: an exclusive lock on a
        sidecar file (``<db>.reconcile.lock``). Ingest writes go on meanwhile; a reconcile that
        missed one is followed by that ingest's own reconcile, which waits here and then sees it."""
        if self.url == ":memory:":
            yield
            return
        import fcntl

        lock_path = f"{self.url}.reconcile.lock"
        try:
            fh = open(lock_path, "a+b")  # noqa: SIM115 - held for the whole block below
        except OSError as e:
            raise StoreError(f"cannot open the reconcile lock {lock_path}: {e}") from e
        try:
            fcntl.flock(fh, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    # --- migrations ---------------------------------------------------------------

    def _applied(self) -> dict[int, str]:
        rows = self._conn.execute("SELECT version, name FROM schema_migrations").fetchall()
        return {int(r[0]): r[1] for r in rows}

    def _ensure_migrations_table(self) -> None:
        with self._transaction() as c:
            c.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations ("
                " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )

    def _check_not_newer(self) -> None:
        known = max((m.version for m in load_migrations()), default=0)
        with self._errors("reading the schema version"):
            row = self._conn.execute(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'"
            ).fetchone()
            current = self.schema_version() if row else 0
        if current > known:
            raise MigrationError(
                f"database {self.url} has schema version {current}, newer than this peacewatch knows "
                f"({known}); upgrade peacewatch"
            )

    def migrate(self) -> list[int]:
        """Apply pending migrations in order, each in its own transaction; safe to run twice."""
        with self._errors("creating schema_migrations"):
            self._ensure_migrations_table()
        self._check_not_newer()
        done: list[int] = []
        for mig in load_migrations():
            label = f"{mig.version:04d}_{mig.name}"
            with self._errors(f"checking migration {label}"):
                if mig.version in self._applied():
                    continue
            statements = mig.statements()
            try:
                with self._transaction() as c:
                    # Another process may have applied it while we waited for the lock.
                    if mig.version in self._applied():
                        continue
                    for stmt in statements:
                        c.execute(stmt)
                    c.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                        (mig.version, mig.name, utc_now()),
                    )
            except sqlite3.Error as e:
                raise MigrationError(f"migration {label} failed on database {self.url}: {e}") from e
            done.append(mig.version)
        return done

    def schema_version(self) -> int:
        with self._errors("reading the schema version"):
            row = self._conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    # --- runs ---------------------------------------------------------------------

    def start_run(self, command: str, args: dict[str, Any]) -> int:
        payload = to_json(args)
        with self._errors("starting a run"), self._transaction() as c:
            row = c.execute(
                "INSERT INTO runs (command, args, started_at) VALUES (?, ?, ?) RETURNING id",
                (command, payload, utc_now()),
            ).fetchall()[0]
        return int(row[0])

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        payload = to_json(summary)
        with self._errors(f"finishing run {run_id}"), self._transaction() as c:
            cur = c.execute(
                "UPDATE runs SET finished_at = ?, summary = ? WHERE id = ?", (utc_now(), payload, run_id)
            )
            if cur.rowcount != 1:
                raise StoreError(f"no run {run_id} in database {self.url}")

    # --- articles -----------------------------------------------------------------

    def find_article(self, content_hash: str, *, outranked_by: Article | None = None) -> int | None:
        with self._errors("looking up an article"):
            row = self._conn.execute(
                "SELECT id, doc_id, published, source, url FROM articles WHERE content_hash = ?",
                (content_hash,),
            ).fetchone()
        if row is None or (outranked_by is not None and outranks(outranked_by, tuple(row)[1:])):
            return None
        return int(row[0])

    def find_near_duplicates(
        self, keys: Sequence[str], signature: bytes, threshold: float
    ) -> list[tuple[int, float]]:
        """Articles sharing an LSH key, scored on their signatures, best first."""
        uniq = list(dict.fromkeys(keys))
        found: list[tuple[int, float]] = []
        with self._errors("looking up near duplicates"), self._snapshot() as c:
            ids: set[int] = set()
            for i in range(0, len(uniq), _IN_CHUNK):
                chunk = uniq[i : i + _IN_CHUNK]
                marks = ", ".join("?" * len(chunk))
                rows = c.execute(
                    f"SELECT DISTINCT article_id FROM article_lsh_keys WHERE key IN ({marks})", chunk
                ).fetchall()
                ids.update(int(r[0]) for r in rows)
            cand = sorted(ids)
            for i in range(0, len(cand), _IN_CHUNK):
                chunk_ids = cand[i : i + _IN_CHUNK]
                marks = ", ".join("?" * len(chunk_ids))
                for r in c.execute(
                    f"SELECT article_id, signature FROM article_signatures WHERE article_id IN ({marks})",
                    chunk_ids,
                ):
                    score = similarity(signature, bytes(r[1]))
                    if score >= threshold:
                        found.append((int(r[0]), score))
        found.sort(key=lambda t: (-t[1], t[0]))
        return found

    def add_article(
        self,
        article: Article,
        events: Sequence[Event],
        *,
        extractor_version: str,
        run_id: int | None = None,
        signature: bytes | None = None,
        keys: Sequence[str] = (),
        near_duplicate_of: int | None = None,
        similarity: float | None = None,
    ) -> AddResult:
        """Write an article with its events, places, signature and keys, all or nothing.

        The UNIQUE content hash decides duplicates inside the transaction (no racy
        check-then-insert): a duplicate writes nothing and returns the stored id.
        """
        rows = event_rows(events, doc_id=article.id)
        boilerplate = to_json([list(b) for b in article.boilerplate])
        params = (
            article.id,
            article.content_hash,
            article.title,
            article.published,
            article.url,
            article.source,
            article.language,
            article.origin,
            article.raw_text,
            article.text,
            boilerplate,
            extractor_version,
            utc_now(),
            run_id,
            near_duplicate_of,
            similarity,
        )
        with self._errors(f"storing article {article.id}"), self._transaction() as c:
            inserted = c.execute(
                "INSERT INTO articles (doc_id, content_hash, title, published, url, source, language,"
                " origin, raw_text, text, boilerplate, extractor_version, ingested_at, run_id,"
                " near_duplicate_of, similarity)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (content_hash) DO NOTHING RETURNING id",
                params,
            ).fetchall()
            if not inserted:
                stored = c.execute(
                    "SELECT id, doc_id, published, source, url FROM articles WHERE content_hash = ?",
                    (article.content_hash,),
                ).fetchone()
                if outranks(article, tuple(stored)[1:]):
                    result = AddResult(
                        "replaced", int(stored[0]), self._replace_copy(c, int(stored[0]), params, rows)
                    )
                else:
                    result = AddResult("duplicate", int(stored[0]), ())
            else:
                article_id = int(inserted[0][0])
                event_ids = self._insert_events(c, article_id, rows)
                if signature is not None:
                    c.execute(
                        "INSERT INTO article_signatures (article_id, signature) VALUES (?, ?)",
                        (article_id, bytes(signature)),
                    )
                c.executemany(
                    "INSERT INTO article_lsh_keys (key, article_id) VALUES (?, ?)",
                    [(k, article_id) for k in dict.fromkeys(keys)],
                )
                result = AddResult("added", article_id, event_ids)
        self._committed(article_note(article, result))
        return result

    def _replace_copy(
        self, c: sqlite3.Connection, article_id: int, params: tuple[Any, ...], rows: Sequence[EventRow]
    ) -> tuple[int, ...]:
        """Put a copy that outranks the stored one in its place (``copy_rank``): its metadata and
        its events (extracted with its own publication date), keeping the row, its signature and
        keys (the text is the same) and its near-duplicate link."""
        c.execute(*copy_update(params, article_id, "?"))
        c.execute(
            "DELETE FROM event_places WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)",
            (article_id,),
        )
        c.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
        return self._insert_events(c, article_id, rows)

    def _insert_events(
        self, c: sqlite3.Connection, article_id: int, rows: Sequence[EventRow]
    ) -> tuple[int, ...]:
        ids: list[int] = []
        for r in rows:
            event_id = int(
                c.execute(
                    "INSERT INTO events (article_id, seq, kind, date_start, date_end, date_precision, actor,"
                    " killed, injured, confidence, data, contract)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                    (
                        article_id,
                        r.seq,
                        r.kind,
                        r.date_start,
                        r.date_end,
                        r.date_precision,
                        r.actor,
                        r.killed,
                        r.injured,
                        r.confidence,
                        r.data,
                        r.contract,
                    ),
                ).fetchall()[0][0]
            )
            c.executemany(
                "INSERT INTO event_places (event_id, seq, role, name, admin1, country, lat, lon, precision,"
                " name_fold, admin1_fold) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(event_id, *p) for p in r.places],
            )
            ids.append(event_id)
        return tuple(ids)

    def replace_events(
        self, article_id: int, events: Sequence[Event], *, extractor_version: str
    ) -> tuple[int, ...]:
        """Re-extraction: swap one article's events for new ones in one transaction."""
        with self._errors(f"replacing the events of article {article_id}"), self._transaction() as c:
            row = c.execute("SELECT doc_id FROM articles WHERE id = ?", (article_id,)).fetchone()
            if row is None:
                raise StoreError(f"no article {article_id} in database {self.url}")
            rows = event_rows(events, doc_id=row[0])
            c.execute(
                "DELETE FROM event_places WHERE event_id IN (SELECT id FROM events WHERE article_id = ?)",
                (article_id,),
            )
            c.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
            ids = self._insert_events(c, article_id, rows)
            c.execute(
                "UPDATE articles SET extractor_version = ? WHERE id = ?", (extractor_version, article_id)
            )
        return ids

    def articles(self, limit: int | None = None, offset: int = 0) -> list[StoredArticle]:
        check_page(limit, offset)
        page, page_params = SQLITE.page(limit, offset)
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles a ORDER BY a.id{page}"
        with self._errors("listing articles"):
            return [_article(r) for r in self._conn.execute(sql, page_params)]

    def article(self, article_id: int) -> StoredArticle | None:
        with self._errors(f"reading article {article_id}"):
            r = self._conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?", (article_id,)
            ).fetchone()
        return _article(r) if r else None

    def article_by_doc_id(self, doc_id: str) -> StoredArticle | None:
        """The first article stored under this document id (ids need not be unique)."""
        with self._errors(f"reading article {doc_id}"):
            r = self._conn.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.doc_id = ? ORDER BY a.id LIMIT 1",
                (doc_id,),
            ).fetchone()
        return _article(r) if r else None

    # --- rejections ---------------------------------------------------------------

    def add_rejection(self, rejection: Rejection, run_id: int | None = None) -> int:
        r = rejection
        with self._errors(f"storing the rejection of {r.source}"), self._transaction() as c:
            row = c.execute(
                "INSERT INTO rejections (run_id, stage, reason, source, code, created_at)"
                " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (run_id, r.stage, r.reason, r.source, r.code, utc_now()),
            ).fetchall()[0]
        self._committed(rejection_note(r, int(row[0])))
        return int(row[0])

    def rejections(self, run_id: int | None = None) -> list[StoredRejection]:
        sql = "SELECT id, run_id, stage, reason, source, code, created_at FROM rejections"
        params: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = ?"
            params = (run_id,)
        with self._errors("listing rejections"):
            rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [
            StoredRejection(
                id=r["id"],
                run_id=r["run_id"],
                created_at=r["created_at"],
                rejection=Rejection(stage=r["stage"], reason=r["reason"], source=r["source"], code=r["code"]),
            )
            for r in rows
        ]

    # --- events -------------------------------------------------------------------

    def events(
        self,
        *,
        kind: str | None = None,
        place: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article_id: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredEvent]:
        """Events matching every filter given, by date (unknown dates last), article, position.

        ``place`` is a case-insensitive substring of a place's name or admin1 (or a talks
        venue); ``country`` an ISO2 code of a place or venue; ``since``/``until`` keep
        events whose dates overlap the window (undated events are then left out).
        """
        check_kind(kind)
        check_page(limit, offset)
        where, params = events_where(
            SQLITE, kind=kind, place=place, country=country, since=since, until=until, article_id=article_id
        )
        page, page_params = SQLITE.page(limit, offset)
        sql = (
            "SELECT e.id, e.article_id, e.seq, e.data, a.doc_id, a.title, a.source, a.url, a.published,"
            f" a.content_hash FROM events e JOIN articles a ON a.id = e.article_id{where}"
            f" ORDER BY e.date_start IS NULL, e.date_start, e.article_id, e.seq{page}"
        )
        with self._errors("listing events"):
            rows = self._conn.execute(sql, [*params, *page_params]).fetchall()
        return [
            StoredEvent(
                id=r["id"],
                article_id=r["article_id"],
                seq=r["seq"],
                event=Event.from_dict(json.loads(r["data"])),
                doc_id=r["doc_id"],
                title=r["title"],
                source=r["source"],
                url=r["url"],
                published=r["published"],
                content_hash=r["content_hash"],
            )
            for r in rows
        ]

    # --- health -------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """Counts for ``peacewatch status``: articles, events (total and per kind), rejections, …"""
        with self._errors("counting"), self._snapshot() as c:
            out = {"articles": int(c.execute("SELECT COUNT(*) FROM articles").fetchone()[0])}
            per_kind = dict.fromkeys(EVENT_KINDS, 0)
            for kind, n in c.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind"):
                per_kind[kind] = int(n)
            out["events"] = sum(per_kind.values())
            out.update({f"events_{k}": n for k, n in per_kind.items()})
            out["rejections"] = int(c.execute("SELECT COUNT(*) FROM rejections").fetchone()[0])
            out["near_duplicates"] = int(
                c.execute("SELECT COUNT(*) FROM articles WHERE near_duplicate_of IS NOT NULL").fetchone()[0]
            )
            out["runs"] = int(c.execute("SELECT COUNT(*) FROM runs").fetchone()[0])
        return out

    def integrity_check(self) -> str:
        """ "ok", or what SQLite found wrong (page-level damage or broken references)."""
        with self._errors("checking integrity"):
            problems = [r[0] for r in self._conn.execute("PRAGMA integrity_check").fetchall()]
            if problems == ["ok"]:
                problems = []
            problems += [
                f"{r[0]} row {r[1]} references a missing {r[2]} row"
                for r in self._conn.execute("PRAGMA foreign_key_check").fetchall()
            ]
        return "; ".join(problems) if problems else "ok"

    # --- the official Air Force series ------------------------------------------------

    def add_official_import(
        self, meta: OfficialImportMeta, rows: Sequence[OfficialRowLike]
    ) -> OfficialImportResult:
        """Diff the rows against the current versions and write the difference, all or nothing.

        The diff is made inside the write transaction, so two imports at once cannot both
        add version 2 of a row (and the UNIQUE constraints would refuse it anyway).
        """
        check_official_rows(rows)
        incoming = [(r, official_content_hash(r.raw)) for r in rows]
        with self._errors(f"importing official rows from {meta.file_name}"), self._transaction() as c:
            current = {
                str(k): (int(i), str(h))
                for i, k, h in c.execute(
                    "SELECT id, row_key, content_hash FROM official_rows WHERE superseded_by IS NULL"
                )
            }
            last_version = {
                str(k): int(v)
                for k, v in c.execute("SELECT row_key, MAX(version) FROM official_rows GROUP BY row_key")
            }
            diff = official_diff(current, incoming, full=meta.full)
            if not diff.write and not diff.supersede:
                latest = c.execute("SELECT MAX(id) FROM official_imports").fetchone()[0]
                if latest is not None:
                    return OfficialImportResult(int(latest), 0, 0, diff.unchanged, 0, recorded=False)
            import_id = int(
                c.execute(
                    "INSERT INTO official_imports (imported_at, file_name, sha256, row_count, problems,"
                    " full, new, changed, unchanged, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
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
                ).fetchall()[0][0]
            )
            # Supersede first: the partial unique index allows one current version per key.
            c.executemany(
                "UPDATE official_rows SET superseded_by = ? WHERE id = ?",
                [(import_id, i) for i in diff.supersede],
            )
            c.executemany(
                "INSERT INTO official_rows (row_key, version, import_id, line, time_start, time_end, night,"
                " model, kind, scope, launched, destroyed, launch_place, target, source, raw, content_hash)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
            SQLITE, night_from=night_from, night_to=night_to, current_only=current_only, as_of=as_of
        )
        sql = (
            f"SELECT {_OFFICIAL_COLUMNS} FROM official_rows{where}"
            " ORDER BY night, time_start, model, row_key, version"
        )
        with self._errors("listing official rows"):
            return [_official_row(r) for r in self._conn.execute(sql, params)]

    def official_row_versions(self, row_key: str) -> list[StoredOfficialRow]:
        with self._errors(f"listing the versions of official row {row_key}"):
            rows = self._conn.execute(
                f"SELECT {_OFFICIAL_COLUMNS} FROM official_rows WHERE row_key = ? ORDER BY version",
                (row_key,),
            ).fetchall()
        return [_official_row(r) for r in rows]

    def official_imports(self) -> list[OfficialImport]:
        with self._errors("listing official imports"):
            rows = self._conn.execute(
                "SELECT id, imported_at, file_name, sha256, row_count, problems, full, new, changed,"
                " unchanged, removed FROM official_imports ORDER BY id"
            ).fetchall()
        return [
            OfficialImport(
                id=r["id"],
                imported_at=r["imported_at"],
                file_name=r["file_name"],
                sha256=r["sha256"],
                row_count=r["row_count"],
                problems=r["problems"],
                full=bool(r["full"]),
                new=r["new"],
                changed=r["changed"],
                unchanged=r["unchanged"],
                removed=r["removed"],
            )
            for r in rows
        ]


_OFFICIAL_COLUMNS = (
    "id, row_key, version, import_id, superseded_by, line, time_start, time_end, night, model, kind,"
    " scope, launched, destroyed, launch_place, target, source, raw, content_hash"
)


def _official_row(r: sqlite3.Row) -> StoredOfficialRow:
    return StoredOfficialRow(
        id=r["id"],
        row_key=r["row_key"],
        version=r["version"],
        import_id=r["import_id"],
        superseded_by=r["superseded_by"],
        line=r["line"],
        time_start=parse_official_time(r["time_start"]),
        time_end=parse_official_time(r["time_end"]),
        night=dt.date.fromisoformat(r["night"]),
        model=r["model"],
        kind=r["kind"],
        scope=r["scope"],
        launched=r["launched"],
        destroyed=r["destroyed"],
        launch_place=r["launch_place"],
        target=r["target"],
        source=r["source"],
        raw=json.loads(r["raw"]),
        content_hash=r["content_hash"],
    )


def _article(r: sqlite3.Row) -> StoredArticle:
    return StoredArticle(
        id=r["id"],
        doc_id=r["doc_id"],
        content_hash=r["content_hash"],
        title=r["title"],
        published=r["published"],
        url=r["url"],
        source=r["source"],
        language=r["language"],
        origin=r["origin"],
        raw_text=r["raw_text"],
        text=r["text"],
        boilerplate=tuple((int(s), int(e), str(w)) for s, e, w in json.loads(r["boilerplate"])),
        near_duplicate_of=r["near_duplicate_of"],
        similarity=r["similarity"],
        ingested_at=r["ingested_at"],
        extractor_version=r["extractor_version"],
        n_events=int(r["n_events"]),
        run_id=r["run_id"],
    )
