"""The PostgreSQL store: one database shared by a team's ``ingest`` and ``serve`` processes.

Same schema, migrations and results as ``sqlite.py`` (the reconciled tables and the
official series are in ``postgres_canonical.py`` and ``postgres_official.py``). Why it
is set up this way:

- psycopg 3, plain SQL: the SQLite store is plain SQL too, so each query here is the
  SQLite one with ``%s`` placeholders and the two read side by side (the filters of the
  listings are built once for both, ``store.sqlfilter``). SQLAlchemy Core would add a
  dependency and a second way of writing the same queries without removing any dialect
  difference that matters (upserts, advisory locks, COPY).
- Autocommit connection and explicit ``with conn.transaction()`` around every write, so
  no read leaves a transaction idle and open; a multi-statement read runs in one
  REPEATABLE READ snapshot.
- Concurrency is decided by the database, not by luck: the UNIQUE content hash with
  ``INSERT … ON CONFLICT DO NOTHING`` makes two processes storing one article store it
  once; events are written in the article's transaction (UNIQUE (article_id, seq));
  canonical events are upserts on their primary key. Reconcile writes are serialised and
  checked against what they were computed from (``postgres_canonical``), using
  transaction-scoped advisory locks, which are released by COMMIT/ROLLBACK and so can
  never be left behind by a killed process.
- ``Store.url`` is the URL without its password: it is printed in reports and errors.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row

from peacewatch.errors import MigrationError, StoreError
from peacewatch.records import EVENT_KINDS, Article, Event, Rejection
from peacewatch.store.base import (
    AddResult,
    EventRow,
    Store,
    StoredArticle,
    StoredEvent,
    StoredRejection,
    article_note,
    check_kind,
    check_page,
    copy_update,
    event_rows,
    outranks,
    rejection_note,
    similarity,
    to_json,
    utc_now,
)
from peacewatch.store.migrations.postgres import load_postgres_migrations
from peacewatch.store.postgres_canonical import CanonicalMixin
from peacewatch.store.postgres_official import OfficialMixin
from peacewatch.store.sqlfilter import POSTGRES, events_where
from peacewatch.store.url import check_postgres_url, redact

CONNECT_TIMEOUT_S = 10

# Transaction-scoped advisory locks: pg_advisory_xact_lock(LOCK_NAMESPACE, LOCKS[purpose]).
LOCK_NAMESPACE = 0x70776174  # "pwat": keeps our keys apart from other applications' locks
LOCKS = {
    "migrate": 1,  # one migration at a time (concurrent CREATE TABLE IF NOT EXISTS races otherwise)
    "reconcile": 2,  # one reconcile read–cluster–write cycle at a time (reconcile_lock)
    "writes": 3,  # shared by article writes; exclusive for a reconcile write and for db copy
    "official": 4,  # one import of the official series at a time (the diff is made under it)
}

_ARTICLE_COLUMNS = (
    "a.id, a.doc_id, a.content_hash, a.title, a.published, a.url, a.source, a.language, a.origin, "
    "a.raw_text, a.text, a.boilerplate, a.near_duplicate_of, a.similarity, a.ingested_at, "
    "a.extractor_version, a.run_id, (SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS n_events"
)
# Tables the schema must have, for integrity_check (schema_migrations included).
TABLES = (
    "schema_migrations",
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

Conn = psycopg.Connection[Any]


class PostgresStore(CanonicalMixin, OfficialMixin, Store):
    """The store in one PostgreSQL database (``postgresql://user@host:port/dbname``)."""

    def __init__(self, url: str, *, migrate: bool = True, create: bool = True) -> None:
        check_postgres_url(url)
        self.url = redact(url)
        self._password = _password(url)
        self._session = False  # inside reconcile_lock()
        self._deferred: list[dict[str, Any]] = []  # commit notes waiting for the outer COMMIT
        self._init_reads()
        try:
            self._conn: Conn = psycopg.connect(
                url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, application_name="peacewatch"
            )
        except psycopg.Error as e:
            raise StoreError(f"cannot open database {self.url}: {self._message(e)}") from e
        try:
            if not create and not self._has_schema():
                raise StoreError(
                    f"no peacewatch schema in database {self.url} (run `peacewatch ingest`, "
                    "`peacewatch demo` or `peacewatch db migrate` first)"
                )
            if migrate:
                self.migrate()
            else:
                self._check_not_newer()
        except BaseException:
            self._conn.close()
            raise

    # --- connection, transactions, errors ----------------------------------------

    def _message(self, e: BaseException) -> str:
        """One line, the server's primary message when there is one, never the password."""
        diag = getattr(e, "diag", None)
        primary = getattr(diag, "message_primary", None) if diag is not None else None
        msg = " ".join(str(primary or e).split())
        if self._password:
            msg = msg.replace(self._password, "***")
        return msg

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Driver errors become one StoreError naming the database and what we were doing."""
        try:
            yield
        except psycopg.Error as e:
            raise StoreError(f"{action} failed on database {self.url}: {self._message(e)}") from e

    @contextmanager
    def _transaction(self) -> Iterator[Conn]:
        """BEGIN … COMMIT (a savepoint when already inside one); anything raised rolls back."""
        with self._conn.transaction():
            yield self._conn

    @contextmanager
    def _snapshot(self) -> Iterator[Conn]:
        """A read-only REPEATABLE READ transaction, so several SELECTs see the same state."""
        if self._conn.info.transaction_status != TransactionStatus.IDLE:
            yield self._conn  # already inside a transaction (reconcile_lock): its view it is
            return
        with self._conn.transaction():
            self._conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield self._conn

    def _lock(self, c: Conn, purpose: str, *, shared: bool = False) -> None:
        """Take one of our advisory locks (``LOCKS``) until the end of the current transaction."""
        fn = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        c.execute(f"SELECT {fn}(%s::int4, %s::int4)", (LOCK_NAMESPACE, LOCKS[purpose]))

    @contextmanager
    def reconcile_lock(self) -> Iterator[None]:
        """One transaction holding the reconcile lock around a whole read–cluster–write cycle.

        Every store call made inside runs in this transaction, and a second process's
        ``reconcile_lock`` waits until this one commits, so two reconciles never interleave.
        """
        if self._session:
            yield
            return
        try:
            with self._errors("taking the reconcile lock"), self._transaction() as c:
                self._lock(c, "reconcile")
                self._session = True
                try:
                    yield
                finally:
                    self._session = False
        except BaseException:
            self._deferred.clear()  # rolled back: none of it was committed
            raise
        notes, self._deferred = self._deferred, []
        for note in notes:
            super()._committed(note)

    def _committed(self, note: dict[str, Any]) -> None:
        """Inside an open transaction (``reconcile_lock``) a write is only committed with it:
        keep the note until then."""
        if self._conn.info.transaction_status != TransactionStatus.IDLE:
            self._deferred.append(note)
        else:
            super()._committed(note)

    @contextmanager
    def exclusive_transaction(self) -> Iterator[Conn]:
        """One transaction in which nothing else writes: every peacewatch lock taken (db copy)."""
        with self._transaction() as c:
            for purpose in LOCKS:
                self._lock(c, purpose)
            yield c

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._conn.close()

    # --- migrations ---------------------------------------------------------------

    def _has_schema(self) -> bool:
        with self._errors("reading the schema version"):
            row = self._conn.execute("SELECT to_regclass('schema_migrations') IS NOT NULL").fetchone()
        return bool(row and row[0])

    def _applied(self) -> dict[int, str]:
        rows = self._conn.execute("SELECT version, name FROM schema_migrations").fetchall()
        return {int(r[0]): r[1] for r in rows}

    def _check_not_newer(self) -> None:
        known = max((m.version for m in load_postgres_migrations()), default=0)
        current = self.schema_version() if self._has_schema() else 0
        if current > known:
            raise MigrationError(
                f"database {self.url} has schema version {current}, newer than this peacewatch knows "
                f"({known}); upgrade peacewatch"
            )

    def migrate(self) -> list[int]:
        """Apply pending migrations in order, each in its own transaction; safe to run twice,
        and from several processes at once (the migration lock makes the second one wait)."""
        migrations = load_postgres_migrations()
        with self._errors("creating schema_migrations"), self._transaction() as c:
            self._lock(c, "migrate")
            c.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY,"
                ' name TEXT COLLATE "C" NOT NULL, applied_at TEXT COLLATE "C" NOT NULL)'
            )
        self._check_not_newer()
        done: list[int] = []
        for mig in migrations:
            label = f"{mig.version:04d}_{mig.name}"
            with self._errors(f"checking migration {label}"):
                if mig.version in self._applied():
                    continue
            statements = mig.statements()
            try:
                with self._transaction() as c:
                    self._lock(c, "migrate")
                    if mig.version in self._applied():  # another process applied it meanwhile
                        continue
                    for stmt in statements:
                        c.execute(stmt)
                    c.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (%s, %s, %s)",
                        (mig.version, mig.name, utc_now()),
                    )
            except psycopg.Error as e:
                raise MigrationError(
                    f"migration {label} failed on database {self.url}: {self._message(e)}"
                ) from e
            done.append(mig.version)
        return done

    def schema_version(self) -> int:
        with self._errors("reading the schema version"):
            row = self._conn.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0) if row else 0

    # --- runs ---------------------------------------------------------------------

    def start_run(self, command: str, args: dict[str, Any]) -> int:
        payload = to_json(args)
        with self._errors("starting a run"), self._transaction() as c:
            return _one_int(
                c.execute(
                    "INSERT INTO runs (command, args, started_at) VALUES (%s, %s, %s) RETURNING id",
                    (command, payload, utc_now()),
                )
            )

    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None:
        payload = to_json(summary)
        with self._errors(f"finishing run {run_id}"), self._transaction() as c:
            cur = c.execute(
                "UPDATE runs SET finished_at = %s, summary = %s WHERE id = %s", (utc_now(), payload, run_id)
            )
            if cur.rowcount != 1:
                raise StoreError(f"no run {run_id} in database {self.url}")

    # --- articles -----------------------------------------------------------------

    def find_article(self, content_hash: str, *, outranked_by: Article | None = None) -> int | None:
        with self._errors("looking up an article"):
            row = self._conn.execute(
                "SELECT id, doc_id, published, source, url FROM articles WHERE content_hash = %s",
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
        if not uniq:
            return []
        found: list[tuple[int, float]] = []
        with self._errors("looking up near duplicates"):
            rows = self._conn.execute(
                "SELECT s.article_id, s.signature FROM article_signatures s WHERE s.article_id IN"
                " (SELECT article_id FROM article_lsh_keys WHERE key = ANY(%s::text[]))",
                (uniq,),
            ).fetchall()
        for article_id, sig in rows:
            score = similarity(signature, bytes(sig))
            if score >= threshold:
                found.append((int(article_id), score))
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

        The UNIQUE content hash decides duplicates inside the transaction: when two
        processes store the same article at once, the second INSERT waits for the first
        to commit and then does nothing, and the stored id is returned as a duplicate.
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
            self._lock(c, "writes", shared=True)
            inserted = c.execute(
                "INSERT INTO articles (doc_id, content_hash, title, published, url, source, language,"
                " origin, raw_text, text, boilerplate, extractor_version, ingested_at, run_id,"
                " near_duplicate_of, similarity)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                " ON CONFLICT (content_hash) DO NOTHING RETURNING id",
                params,
            ).fetchone()
            if inserted is None:
                stored = c.execute(
                    "SELECT id, doc_id, published, source, url FROM articles WHERE content_hash = %s"
                    " FOR UPDATE",
                    (article.content_hash,),
                ).fetchone()
                if stored is None:
                    raise StoreError(f"article {article.id} conflicts with a stored copy that is gone")
                if outranks(article, tuple(stored)[1:]):
                    result = AddResult(
                        "replaced", int(stored[0]), self._replace_copy(c, int(stored[0]), params, rows)
                    )
                else:
                    result = AddResult("duplicate", int(stored[0]), ())
            else:
                article_id = int(inserted[0])
                event_ids = self._insert_events(c, article_id, rows)
                if signature is not None:
                    c.execute(
                        "INSERT INTO article_signatures (article_id, signature) VALUES (%s, %s)",
                        (article_id, bytes(signature)),
                    )
                with c.cursor() as cur:
                    cur.executemany(
                        "INSERT INTO article_lsh_keys (key, article_id) VALUES (%s, %s)",
                        [(k, article_id) for k in dict.fromkeys(keys)],
                    )
                result = AddResult("added", article_id, event_ids)
        self._committed(article_note(article, result))
        return result

    def _replace_copy(
        self, c: Conn, article_id: int, params: tuple[Any, ...], rows: Sequence[EventRow]
    ) -> tuple[int, ...]:
        """Put a copy that outranks the stored one in its place (see ``sqlite.py``)."""
        c.execute(*copy_update(params, article_id, "%s"))
        c.execute("DELETE FROM events WHERE article_id = %s", (article_id,))
        return self._insert_events(c, article_id, rows)

    def _insert_events(self, c: Conn, article_id: int, rows: Sequence[EventRow]) -> tuple[int, ...]:
        if not rows:
            return ()
        ids: list[int] = []
        with c.cursor() as cur:
            cur.executemany(
                "INSERT INTO events (article_id, seq, kind, date_start, date_end, date_precision, actor,"
                " killed, injured, confidence, data, contract)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) RETURNING id",
                [
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
                    )
                    for r in rows
                ],
                returning=True,
            )
            while True:
                ids.append(_one_int(cur))
                if not cur.nextset():
                    break
            places = [(event_id, *p) for event_id, r in zip(ids, rows, strict=True) for p in r.places]
            cur.executemany(
                "INSERT INTO event_places (event_id, seq, role, name, admin1, country, lat, lon, precision,"
                " name_fold, admin1_fold) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)",
                places,
            )
        return tuple(ids)

    def replace_events(
        self, article_id: int, events: Sequence[Event], *, extractor_version: str
    ) -> tuple[int, ...]:
        """Re-extraction: swap one article's events for new ones in one transaction."""
        with self._errors(f"replacing the events of article {article_id}"), self._transaction() as c:
            self._lock(c, "writes", shared=True)
            row = c.execute("SELECT doc_id FROM articles WHERE id = %s FOR UPDATE", (article_id,)).fetchone()
            if row is None:
                raise StoreError(f"no article {article_id} in database {self.url}")
            rows = event_rows(events, doc_id=row[0])
            # places and canonical mentions go with their events (ON DELETE CASCADE)
            c.execute("DELETE FROM events WHERE article_id = %s", (article_id,))
            ids = self._insert_events(c, article_id, rows)
            c.execute(
                "UPDATE articles SET extractor_version = %s WHERE id = %s", (extractor_version, article_id)
            )
        return ids

    def articles(self, limit: int | None = None, offset: int = 0) -> list[StoredArticle]:
        check_page(limit, offset)
        page, page_params = POSTGRES.page(limit, offset)
        sql = f"SELECT {_ARTICLE_COLUMNS} FROM articles a ORDER BY a.id{page}"
        with self._errors("listing articles"), self._conn.cursor(row_factory=dict_row) as cur:
            return [_article(r) for r in cur.execute(sql, page_params).fetchall()]

    def article(self, article_id: int) -> StoredArticle | None:
        with self._errors(f"reading article {article_id}"), self._conn.cursor(row_factory=dict_row) as cur:
            r = cur.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.id = %s", (article_id,)
            ).fetchone()
        return _article(r) if r else None

    def article_by_doc_id(self, doc_id: str) -> StoredArticle | None:
        """The first article stored under this document id (ids need not be unique)."""
        with self._errors(f"reading article {doc_id}"), self._conn.cursor(row_factory=dict_row) as cur:
            r = cur.execute(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE a.doc_id = %s ORDER BY a.id LIMIT 1",
                (doc_id,),
            ).fetchone()
        return _article(r) if r else None

    # --- rejections ---------------------------------------------------------------

    def add_rejection(self, rejection: Rejection, run_id: int | None = None) -> int:
        r = rejection
        with self._errors(f"storing the rejection of {r.source}"), self._transaction() as c:
            rejection_id = _one_int(
                c.execute(
                    "INSERT INTO rejections (run_id, stage, reason, source, code, created_at)"
                    " VALUES (%s, %s, %s, %s, %s, %s) RETURNING id",
                    (run_id, r.stage, r.reason, r.source, r.code, utc_now()),
                )
            )
        self._committed(rejection_note(r, rejection_id))
        return rejection_id

    def rejections(self, run_id: int | None = None) -> list[StoredRejection]:
        sql = "SELECT id, run_id, stage, reason, source, code, created_at FROM rejections"
        params: tuple[Any, ...] = ()
        if run_id is not None:
            sql += " WHERE run_id = %s"
            params = (run_id,)
        with self._errors("listing rejections"):
            rows = self._conn.execute(sql + " ORDER BY id", params).fetchall()
        return [
            StoredRejection(
                id=int(i),
                run_id=None if run is None else int(run),
                created_at=created,
                rejection=Rejection(stage=stage, reason=reason, source=source, code=code),
            )
            for i, run, stage, reason, source, code, created in rows
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

        The filters are those of ``SQLiteStore.events`` (``sqlfilter.events_where``). An
        unfiltered read is remembered (as a digest of the event ids) for the reconcile write
        that may follow it.
        """
        check_kind(kind)
        check_page(limit, offset)
        where, params = events_where(
            POSTGRES, kind=kind, place=place, country=country, since=since, until=until, article_id=article_id
        )
        page, page_params = POSTGRES.page(limit, offset)
        sql = (
            "SELECT e.id, e.article_id, e.seq, e.data, a.doc_id, a.title, a.source, a.url, a.published,"
            f" a.content_hash FROM events e JOIN articles a ON a.id = e.article_id{where}"
            f" ORDER BY e.date_start IS NULL, e.date_start, e.article_id, e.seq{page}"
        )
        with self._errors("listing events"):
            rows = self._conn.execute(sql, [*params, *page_params]).fetchall()
        if not where and limit is None and not offset:
            self._remember_events(int(r[0]) for r in rows)
        return [
            StoredEvent(
                id=int(r[0]),
                article_id=int(r[1]),
                seq=int(r[2]),
                event=Event.from_dict(json.loads(r[3])),
                doc_id=r[4],
                title=r[5],
                source=r[6],
                url=r[7],
                published=r[8],
                content_hash=r[9],
            )
            for r in rows
        ]

    # --- health -------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """Counts for ``peacewatch status``: articles, events (total and per kind), rejections, …"""
        with self._errors("counting"), self._snapshot() as c:
            out = {"articles": _one_int(c.execute("SELECT COUNT(*) FROM articles"))}
            per_kind = dict.fromkeys(EVENT_KINDS, 0)
            for kind, n in c.execute("SELECT kind, COUNT(*) FROM events GROUP BY kind").fetchall():
                per_kind[kind] = int(n)
            out["events"] = sum(per_kind.values())
            out.update({f"events_{k}": n for k, n in per_kind.items()})
            out["rejections"] = _one_int(c.execute("SELECT COUNT(*) FROM rejections"))
            out["near_duplicates"] = _one_int(
                c.execute("SELECT COUNT(*) FROM articles WHERE near_duplicate_of IS NOT NULL")
            )
            out["runs"] = _one_int(c.execute("SELECT COUNT(*) FROM runs"))
        return out

    def integrity_check(self) -> str:
        """ "ok", or what is wrong: a missing table, a constraint left unvalidated.

        PostgreSQL enforces every foreign key itself and checksums pages when the cluster
        was created with them, so what is left to check is that the schema is whole.
        """
        problems: list[str] = []
        with self._errors("checking integrity"), self._snapshot() as c:
            present = {
                r[0]
                for r in c.execute(
                    "SELECT table_name FROM information_schema.tables"
                    " WHERE table_schema = current_schema() AND table_name = ANY(%s::text[])",
                    (list(TABLES),),
                ).fetchall()
            }
            problems += [f"table {t} is missing" for t in TABLES if t not in present]
            problems += [
                f"constraint {name} on {table} is not validated"
                for name, table in c.execute(
                    "SELECT con.conname, rel.relname FROM pg_constraint con"
                    " JOIN pg_class rel ON rel.oid = con.conrelid"
                    " WHERE rel.relnamespace = current_schema()::regnamespace AND NOT con.convalidated"
                    " ORDER BY 2, 1"
                ).fetchall()
            ]
        return "; ".join(problems) if problems else "ok"


def _password(url: str) -> str | None:
    try:
        return psycopg.conninfo.conninfo_to_dict(url).get("password") or None  # type: ignore[return-value]
    except psycopg.Error:
        return None


def _one_int(cur: psycopg.Cursor[Any]) -> int:
    """The single integer a statement returns (COUNT, RETURNING id)."""
    row = cur.fetchone()
    if row is None:
        raise StoreError("a statement that returns one row returned none")
    return int(row[0])


def _article(r: dict[str, Any]) -> StoredArticle:
    return StoredArticle(
        id=int(r["id"]),
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
        near_duplicate_of=None if r["near_duplicate_of"] is None else int(r["near_duplicate_of"]),
        similarity=r["similarity"],
        ingested_at=r["ingested_at"],
        extractor_version=r["extractor_version"],
        n_events=int(r["n_events"]),
        run_id=None if r["run_id"] is None else int(r["run_id"]),
    )
