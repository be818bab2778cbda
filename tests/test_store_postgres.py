"""The PostgreSQL store on a real server (``pgserver.py``): what only PostgreSQL has.

The store's contract runs on both backends in ``test_store.py`` and ``test_official_store.py``
(their fixtures are parametrised over sqlite and postgres); the reconcile tests of
``test_reconcile_store.py`` that read a demo database are collected here a second time,
on a PostgreSQL demo database. This file adds: URLs and errors, migrations, the schema
mirror, concurrency with real processes (three store writers, a killed writer, and three
``peacewatch ingest`` at once against one single-process run), reconciles racing, the
text order, and ``db copy`` / ``db check`` / ``db migrate``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import peacewatch.cli.db  # noqa: F401  (registers `peacewatch db` until the CLI does)
import pgserver
import test_reconcile_store as reconcile_tests
import test_store_processes as processes
from conftest import strike_report, write_jsonl
from peacewatch import api
from peacewatch.cli import app
from peacewatch.errors import MigrationError, StoreError
from peacewatch.reconcile.run import reconcile_store
from peacewatch.records import Article, Rejection
from peacewatch.store import (
    Store,
    check_database,
    copy_database,
    database_path,
    is_postgres,
    migrate_database,
    open_store,
)
from peacewatch.store.base import OfficialImportMeta
from peacewatch.store.canonical import DeclaredCommitment
from peacewatch.store.migrations import Migration, load_migrations
from peacewatch.store.migrations.postgres import load_postgres_migrations

psycopg = pytest.importorskip(
    "psycopg", reason='the PostgreSQL store needs psycopg: pip install "psycopg[binary]"'
)
from peacewatch.store.postgres import PostgresStore  # noqa: E402  (needs psycopg)

pytestmark = pytest.mark.usefixtures("isolated_env")


@pytest.fixture
def pg(request: pytest.FixtureRequest) -> str:
    """URL of an empty, migrated PostgreSQL database."""
    return pgserver.database(request)


@pytest.fixture
def fresh_pg(request: pytest.FixtureRequest) -> str:
    """URL of an empty database of its own, without our schema."""
    return pgserver.database(request, migrated=False)


def comparable(url: str | Path) -> list[dict[str, Any]]:
    return reconcile_tests.comparable(api.canonical(str(url)))


def demo_jsonl_lines() -> list[str]:
    return Path(api.demo_sources()[0]).read_text(encoding="utf-8").splitlines()


# --- the reconcile tests of test_reconcile_store, on a PostgreSQL demo database ------------------


@pytest.fixture(scope="module")
def demo_db(request: pytest.FixtureRequest) -> str:
    url = pgserver.database(request)
    report = api.demo(url)
    assert report.added == 12 and report.reconciled is not None
    return url


test_demo_events_on_postgres = (
    reconcile_tests.test_demo_events_reported_by_several_sources_are_one_event_with_the_dispute_flagged
)
test_stored_canonical_events_match_the_computed_ones_on_postgres = (
    reconcile_tests.test_stored_canonical_events_match_the_computed_ones
)
test_reconcile_again_changes_nothing_on_postgres = reconcile_tests.test_reconcile_again_changes_nothing
# ... and the demo ingested in the opposite order into SQLite gives the same events as here
test_any_ingest_order_and_backend_give_the_same_canonical_events = (
    reconcile_tests.test_any_ingest_order_gives_the_same_canonical_events
)
test_reconcile_command_json_on_postgres = reconcile_tests.test_reconcile_command_json
test_plans_lineage_on_postgres = reconcile_tests.test_plans_lineage_on_the_demo


# --- URLs, errors ---------------------------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_urls_open_postgres_and_never_show_the_password(pg: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with_password = pg.replace("postgresql://postgres@", "postgresql://postgres:s3cret@")
    with open_store(with_password) as s:
        assert isinstance(s, PostgresStore)
        assert s.url == pg and "s3cret" not in repr(s)
    assert database_path(with_password) == pg
    assert database_path(with_password + "?password=s3cret&connect_timeout=5") == pg + "?connect_timeout=5"
    with open_store(pg.replace("postgresql://", "postgres://")) as s:
        assert isinstance(s, PostgresStore)
    monkeypatch.setenv("PEACEWATCH_DB", with_password)
    assert is_postgres() and database_path() == pg
    with open_store() as s:
        assert isinstance(s, PostgresStore) and s.url == pg
    report = api.ingest([api.demo_sources()[0]], reconcile=False)
    assert report.db == pg and report.added == len(demo_jsonl_lines())


@pytest.mark.parametrize(
    "url, message",
    [
        ("postgresql://user:s3cret@127.0.0.1:{port}/pw", "cannot open database postgresql://user@127.0.0.1"),
        ("postgresql://user:s3cret@127.0.0.1:{port}", "names no database"),
        ("postgresql://user:s3cret@127.0.0.1:port/pw", "malformed PostgreSQL URL"),
        ("mysql://user:s3cret@host/db", "unsupported database URL scheme 'mysql'"),
    ],
)
def test_bad_urls_are_one_line_store_errors(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=re.escape(message)) as info:
        open_store(url.format(port=_closed_port()))
    assert "s3cret" not in str(info.value) and "\n" not in str(info.value)


def test_missing_database_and_missing_schema(pg: str, fresh_pg: str) -> None:
    server = pg.rsplit("/", 1)[0]
    with pytest.raises(StoreError, match='database "nope" does not exist'):
        open_store(f"{server}/nope")
    with pytest.raises(StoreError, match="no peacewatch schema"):
        open_store(fresh_pg, create=False)  # a read command on a database nobody set up
    with pytest.raises(StoreError, match="no peacewatch schema"):
        api.events(fresh_pg)
    with open_store(fresh_pg) as s:  # a write command creates the tables
        assert s.schema_version() == len(load_migrations())


def test_driver_errors_become_store_errors_naming_the_database(pg: str) -> None:
    s = open_store(pg)
    with pytest.raises(StoreError, match=f"storing article doc-1 failed on database {re.escape(pg)}: "):
        s.add_article(
            Article(id="doc-1", text="x", raw_text="x"), [], extractor_version="x", near_duplicate_of=999
        )
    assert s.stats()["articles"] == 0  # rolled back, and the connection is usable
    s.close()
    s.close()
    with pytest.raises(StoreError, match="counting failed"):
        s.stats()


def test_one_current_version_per_row_is_enforced_by_the_schema(pg: str) -> None:
    from peacewatch.analyse import import_official

    import_official(Path(__file__).parent / "data" / "official" / "sample.csv", pg)
    with psycopg.connect(pg) as conn, pytest.raises(psycopg.errors.UniqueViolation):
        conn.execute(
            "INSERT INTO official_rows (row_key, version, import_id, line, time_start, time_end, night,"
            " model, kind, scope, raw, content_hash)"
            " SELECT row_key, version + 1, import_id, line, time_start, time_end, night, model, kind,"
            " scope, raw, content_hash FROM official_rows LIMIT 1"
        )


# --- migrations and the schema --------------------------------------------------------------------


def test_migrations_mirror_sqlite_and_are_recorded_once(fresh_pg: str) -> None:
    assert [(m.version, m.name) for m in load_postgres_migrations()] == [
        (m.version, m.name) for m in load_migrations()
    ]
    assert migrate_database(fresh_pg) == (list(range(1, len(load_migrations()) + 1)), len(load_migrations()))
    assert migrate_database(fresh_pg) == ([], len(load_migrations()))
    with psycopg.connect(fresh_pg) as conn:
        rows = conn.execute("SELECT version, name, applied_at FROM schema_migrations ORDER BY 1").fetchall()
    assert [(v, n) for v, n, _ in rows] == [(m.version, m.name) for m in load_migrations()]
    assert all(applied for *_, applied in rows)


def _sqlite_schema(path: Path) -> tuple[dict[str, dict[str, tuple[str, bool]]], set[str]]:
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")
            if r[0] != "sqlite_sequence"
        ]
        affinity = {"INTEGER": "bigint", "TEXT": "text", "REAL": "double precision", "BLOB": "bytea"}
        columns = {
            t: {
                r[1]: (affinity[r[2]], bool(r[3]) and not r[5])
                for r in conn.execute(f"PRAGMA table_info({t})")
            }
            for t in tables
        }
        indexes = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")
        }
    finally:
        conn.close()
    return columns, indexes


def test_same_tables_columns_types_and_indexes_as_sqlite(pg: str, tmp_path: Path) -> None:
    open_store(tmp_path / "s.db").close()
    want, want_indexes = _sqlite_schema(tmp_path / "s.db")
    with psycopg.connect(pg) as conn:
        got: dict[str, dict[str, tuple[str, bool]]] = {}
        pks = {
            (t, c)
            for t, c in conn.execute(
                "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc"
                " JOIN information_schema.key_column_usage kcu USING (constraint_name, table_schema)"
                " WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()"
            ).fetchall()
        }
        for t, c, typ, nullable in conn.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns"
            " WHERE table_schema = current_schema()"
        ).fetchall():
            got.setdefault(t, {})[c] = (
                "bigint" if typ == "integer" else typ,
                nullable == "NO" and (t, c) not in pks,
            )
        indexes = {
            r[0] for r in conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
        }
        collations = conn.execute(
            "SELECT DISTINCT collation_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND data_type = 'text' AND table_name <> 'schema_migrations'"
        ).fetchall()
    assert got == want
    assert want_indexes <= indexes
    assert collations == [("C",)]  # text is compared byte-wise, as SQLite does


def test_a_new_migration_runs_in_its_own_transaction(fresh_pg: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import peacewatch.store.postgres as store_postgres

    open_store(fresh_pg).close()
    n = len(load_migrations())
    good = Migration(n + 1, "add_notes", "-- notes\nCREATE TABLE notes (id BIGINT PRIMARY KEY, body TEXT);\n")
    bad = Migration(n + 2, "broken", "CREATE TABLE t2 (x BIGINT);\nSELEC nonsense;\n")
    monkeypatch.setattr(
        store_postgres, "load_postgres_migrations", lambda: [*load_postgres_migrations(), good, bad]
    )
    with pytest.raises(MigrationError, match=f"migration {n + 2:04d}_broken failed on database") as info:
        open_store(fresh_pg)
    assert "\n" not in str(info.value)
    monkeypatch.setattr(
        store_postgres, "load_postgres_migrations", lambda: [*load_postgres_migrations(), good]
    )
    with open_store(fresh_pg) as s:
        assert s.schema_version() == n + 1 and s.migrate() == []
    with psycopg.connect(fresh_pg) as conn:
        assert conn.execute(
            "SELECT to_regclass('notes') IS NOT NULL, to_regclass('t2') IS NULL"
        ).fetchone() == (
            True,
            True,
        )
        conn.execute("INSERT INTO schema_migrations VALUES (999, 'from_the_future', '2030-01-01')")
    monkeypatch.undo()
    with pytest.raises(MigrationError, match="schema version 999, newer than this peacewatch knows"):
        open_store(fresh_pg)


def test_several_processes_creating_the_schema_at_once(fresh_pg: str) -> None:
    """Each opens the empty database at the same moment: the migration lock lets one migrate."""
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def open_it() -> None:
        try:
            start.wait()
            open_store(fresh_pg).close()
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=open_it) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    with psycopg.connect(fresh_pg) as conn:
        assert conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone() == (len(load_migrations()),)


# --- concurrency with real processes ----------------------------------------------------------------


def test_three_store_writers_no_duplicates_and_whole_articles(fresh_pg: str) -> None:
    """Three processes add overlapping ranges of articles, at once, to a database none of them
    created: every article is stored once, with all its events.

    (A reader beside them, as in ``test_store_processes``, is left to SQLite: PostgreSQL's
    snapshots never show half a transaction, and the reader's busy loop only slows this down.)
    """
    n = 300
    procs = [
        processes.spawn("write", fresh_pg, 0, 2 * n // 3, 1),
        processes.spawn("write", fresh_pg, n - 1, n // 3 - 1, -1),  # n-1 … n/3, meeting the first
        processes.spawn("write", fresh_pg, 0, n, 2),  # every other one, from the start
    ]
    lines = [line for p in procs for line in processes.finish(p)[0]]
    statuses = Counter(line.split()[1] for line in lines)
    assert statuses == {"added": n, "duplicate": 2 * n // 3 + 2 * n // 3 + n // 2 - n}
    assert processes.check_complete(fresh_pg) == n  # type: ignore[arg-type]
    with psycopg.connect(fresh_pg) as conn:
        hashes = conn.execute("SELECT COUNT(DISTINCT content_hash), COUNT(*) FROM articles").fetchone()
        events = conn.execute(
            "SELECT COUNT(*) FROM (SELECT 1 FROM events GROUP BY article_id, seq) x"
        ).fetchone()
    assert hashes == (n, n)
    assert events == (sum(processes.n_events(i) for i in range(n)),)


def test_writer_killed_midway_leaves_whole_articles_and_no_lock(pg: str) -> None:
    proc = processes.spawn("write", pg, 0, 1000, 1)
    assert proc.stdout is not None
    added = 0
    for line in proc.stdout:
        added += line.endswith(" added\n")
        if added == 100:
            break
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)
    stored = processes.check_complete(pg)  # type: ignore[arg-type]
    assert 100 <= stored < 1000
    # its advisory locks died with its connection: a reconcile write does not wait for them
    with open_store(pg) as s:
        t0 = time.monotonic()
        reconcile_store(s)
        assert time.monotonic() - t0 < 10
    lines, _ = processes.finish(processes.spawn("write", pg, 0, 300, 1))
    assert Counter(line.split()[1] for line in lines) == {
        "duplicate": min(stored, 300),
        "added": 300 - min(stored, 300),
    }


def test_three_ingest_processes_match_one_process(pg: str, tmp_path: Path, peacewatch_exe: Path) -> None:
    """Three ``peacewatch ingest`` at once on overlapping corpora: every article, event and
    canonical event once, and the same canonical events as one process on the union (in SQLite)."""
    jsonl, pages, feed = api.demo_sources()
    lines = demo_jsonl_lines()
    reports = [strike_report(i, seed=7) for i in range(12)]
    a = write_jsonl(tmp_path / "a.jsonl", reports[:8])
    b = write_jsonl(tmp_path / "b.jsonl", reversed(reports[4:]))
    c = write_jsonl(tmp_path / "c.jsonl", reports[::2])
    rev = tmp_path / "rev.jsonl"
    rev.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    half = tmp_path / "half.jsonl"
    half.write_text("\n".join(lines[::2]) + "\n", encoding="utf-8")
    corpora = [[jsonl, str(a), pages], [str(b), str(rev), feed], [feed, str(c), str(half), pages]]
    env = {k: v for k, v in os.environ.items() if k != "PEACEWATCH_DB"}
    procs = [
        subprocess.Popen(
            [str(peacewatch_exe), "ingest", "--quiet", "--db", pg, *srcs],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for srcs in corpora
    ]
    for p in procs:
        _, err = p.communicate(timeout=180)
        assert p.returncode == 0, err
    single = tmp_path / "single.db"
    api.ingest([jsonl, pages, feed, str(a), str(b)], str(single))

    with open_store(pg) as many, open_store(single) as one:
        assert many.stats()["articles"] == one.stats()["articles"] == 12 + 12
        assert many.stats()["events"] == one.stats()["events"]
        assert len({a.content_hash for a in many.articles()}) == len(many.articles())
        stored = {c.id: c for c in many.canonical_events()}
        assert sorted(stored) == sorted(c.id for c in one.canonical_events())
        assert len(many.canonical_membership()) == many.stats()["events"]
        assert sum(len(c.event_ids) for c in stored.values()) == many.stats()["events"]
    assert comparable(pg) == comparable(single)
    for e in api.canonical(pg):  # what is stored is what the stored events give
        assert stored[e.id].data == e.to_dict()


# --- reconciles racing ----------------------------------------------------------------------------------


def _split_demo(tmp_path: Path, parts: int) -> list[str]:
    lines = demo_jsonl_lines()
    out = []
    for i in range(parts):
        f = tmp_path / f"part{i}.jsonl"
        f.write_text("\n".join(lines[i::parts]) + "\n", encoding="utf-8")
        out.append(str(f))
    return out


def test_articles_stored_during_a_reconcile_are_reconciled_by_the_next_one(pg: str, tmp_path: Path) -> None:
    first, second, third = _split_demo(tmp_path, 3)
    with open_store(pg) as alone:
        assert api.ingest([first], alone).reconciled is not None
        assert alone.stale_reconcile_writes == 0  # type: ignore[attr-defined]  # nobody else wrote
    slow = open_store(pg)
    assert isinstance(slow, PostgresStore)
    real_write = slow.write_reconciled

    def others_finish_first(write: Any, run_id: int | None = None) -> None:
        # another process stores more while this reconcile is computing (its own reconcile
        # would wait for the lock this one holds, so it stores without reconciling here)
        api.ingest([third], pg, reconcile=False)
        real_write(write, run_id)

    slow.write_reconciled = others_finish_first  # type: ignore[method-assign]
    report = api.ingest([second], slow)
    assert report.reconciled is not None and report.reconciled.created
    slow.close()
    api.reconcile(pg)  # the other process's turn comes: everything is reconciled once

    single = tmp_path / "single.db"
    api.ingest([first, second, third], str(single))
    assert comparable(pg) == comparable(single)
    with open_store(pg) as s:
        stored = {c.id: c.data for c in s.canonical_events()}
        assert stored == {e.id: e.to_dict() for e in api.canonical(s)}
        history = Counter((h.state.canonical_id, h.state.field, h.state.best) for h in s.figure_history())
        assert max(history.values()) == 1  # no figure state recorded twice


def test_reconcile_lock_makes_a_second_reconcile_wait(pg: str, tmp_path: Path) -> None:
    first, second = _split_demo(tmp_path, 2)
    api.ingest([first], pg, reconcile=False)
    inside, events = threading.Event(), []

    def hold() -> None:
        with open_store(pg) as s, s.reconcile_lock():
            reconcile_store(s)
            inside.set()
            time.sleep(0.8)
            events.append(("first done", time.monotonic()))

    t = threading.Thread(target=hold)
    t.start()
    assert inside.wait(30)
    api.ingest([second], pg, reconcile=False)
    with open_store(pg) as s:
        with s.reconcile_lock():
            events.append(("second in", time.monotonic()))
            report = reconcile_store(s)
        assert s.stale_reconcile_writes == 0  # type: ignore[attr-defined]
    t.join(30)
    assert [name for name, _ in events] == ["first done", "second in"]
    assert report.created or report.updated
    assert comparable(pg) == comparable(_single(tmp_path, [first, second]))


def _single(tmp_path: Path, sources: list[str]) -> Path:
    db = tmp_path / "single.db"
    api.ingest(sources, str(db))
    return db


# --- the same order of text on any server collation -----------------------------------------------------


EVENING, MORNING, NIGHT = (
    dt.datetime(2025, 11, 24, 18, 0),
    dt.datetime(2025, 11, 25, 8, 0),
    dt.date(2025, 11, 25),
)


@dataclass(frozen=True)
class Row:
    """An official row as the store takes it (``OfficialRowLike``)."""

    row_key: str
    model: str
    line: int = 1
    time_start: dt.date = EVENING
    time_end: dt.date = MORNING
    night: dt.date = NIGHT
    kind: str = "missile"
    scope: str = "national"
    launched: int | None = 3
    destroyed: int | None = 1
    launch_place: str = ""
    target: str = "Ukraine"
    source: str = ""
    raw: dict[str, str] = field(default_factory=dict)


def test_text_sorts_byte_wise_even_on_a_database_with_a_linguistic_collation(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    srv = pgserver.server(request.config)
    name = f"icu{os.getpid()}"
    try:
        srv.admin(
            f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'"
        )
    except psycopg.Error as e:
        pytest.skip(f"no ICU collation on this server: {e}")
    url = srv.url(name)
    models = ["Kalibr", "iskander-M", "X-101", "Shahed", "kh-22", "Ä-test", "Zircon"]
    rows = [Row(f"k{i}", m, raw={"model": m}) for i, m in enumerate(models)]
    try:
        got = []
        for db in (str(tmp_path / "c.db"), url):
            with open_store(db) as s:
                s.add_official_import(OfficialImportMeta("x.csv", "0" * 64), rows)
                got.append([r.model for r in s.official_rows()])
        assert got[0] == got[1] == sorted(models)  # code point order, as Python's
    finally:
        srv.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


# --- db copy, check, migrate ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def full_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database with a row in every table: the demo, an import of the official series
    edited once (two versions of a row), a declared commitment, a rejection, a near-duplicate."""
    from peacewatch.analyse import import_official

    tmp = tmp_path_factory.mktemp("full")
    db = tmp / "full.db"
    lines = demo_jsonl_lines()
    first = tmp / "first.jsonl"
    first.write_text(lines[0] + "\n", encoding="utf-8")
    again = json.loads(lines[0])
    again["id"], again["text"] = "wire-copy", again["text"] + " Reporting by the wire."
    near = write_jsonl(tmp / "near.jsonl", [again])
    api.ingest([str(first)], str(db))
    api.ingest([*api.demo_sources(), str(near), str(tmp / "missing.txt")], str(db))
    sample = Path(__file__).parent / "data" / "official" / "sample.csv"
    import_official(sample, db)
    edited = tmp / "edited.csv"
    edited.write_text(sample.read_text(encoding="utf-8").replace(",8.0,5.0,", ",9.0,6.0,"), encoding="utf-8")
    import_official(edited, db)
    with open_store(db) as s:
        s.add_commitment(
            DeclaredCommitment("Energy pause", "energy infrastructure", dt.date(2025, 3, 18), bound="RU")
        )
        s.add_rejection(Rejection("decode", "not UTF-8 — ünïcode", "b.txt", "PW203"))
        stats = s.stats()
    assert stats["near_duplicates"] >= 1 and stats["rejections"] >= 2
    return db


def _everything(s: Store) -> dict[str, Any]:
    """Every table as the store gives it back."""
    return {
        "stats": s.stats(),
        "articles": s.articles(),
        "events": s.events(),
        "rejections": s.rejections(),
        "official_rows": s.official_rows(current_only=False),
        "official_imports": s.official_imports(),
        "canonical": s.canonical_events(),
        "membership": s.canonical_membership(),
        "history": s.figure_history(),
        "commitments": [(c, c.created_at) for c in s.declared_commitments()],
    }


def test_copy_round_trip_keeps_every_row_and_id(full_sqlite: Path, pg: str) -> None:
    report = copy_database(full_sqlite, pg)
    assert report.ok and report.schema_version == len(load_migrations())
    assert {t.table for t in report.tables if t.source_rows} >= {
        "runs", "articles", "article_signatures", "article_lsh_keys", "events", "event_places", "rejections",
        "official_imports", "official_rows", "canonical_events", "canonical_mentions", "canonical_places",
        "figure_history", "declared_commitments",
    }  # fmt: skip
    with open_store(full_sqlite) as a, open_store(pg) as b:
        assert _everything(a) == _everything(b)
        key = next(r.row_key for r in a.official_rows(current_only=False) if r.version == 2)
        assert a.official_row_versions(key) == b.official_row_versions(key)
        last = max(x.id for x in b.articles())
    # the same checksums from either side, later
    assert check_database(full_sqlite).tables == check_database(pg).tables
    # ids go on from the copied ones, and the copy reconciles to the same events
    extra = write_jsonl(full_sqlite.parent / "extra.jsonl", [strike_report(1, seed=3)])
    report = api.ingest([str(extra)], pg)
    assert report.added_ids == [last + 1]
    assert report.reconciled is not None and report.reconciled.created


def test_copy_knows_every_table(tmp_path: Path) -> None:
    from peacewatch.store.copy import COPY_ORDER

    open_store(tmp_path / "s.db").close()
    tables, _ = _sqlite_schema(tmp_path / "s.db")
    assert sorted(COPY_ORDER) == sorted(set(tables) - {"schema_migrations"})


def test_copy_refuses_what_it_cannot_copy_whole(
    full_sqlite: Path, pg: str, fresh_pg: str, tmp_path: Path
) -> None:
    with pytest.raises(StoreError, match="db copy writes to PostgreSQL"):
        copy_database(full_sqlite, str(tmp_path / "other.db"))
    with pytest.raises(StoreError, match="db copy reads a SQLite database"):
        copy_database(pg, fresh_pg)
    with pytest.raises(StoreError, match="no database at"):
        copy_database(tmp_path / "nope.db", pg)
    with open_store(pg) as s:
        s.start_run("ingest", {})
    with pytest.raises(StoreError, match="is not empty"):
        copy_database(full_sqlite, pg)
    # a broken reference in the source: PostgreSQL refuses it and nothing at all is written
    broken = tmp_path / "broken.db"
    broken.write_bytes(full_sqlite.read_bytes())
    conn = sqlite3.connect(broken)
    conn.execute(
        "INSERT INTO event_places VALUES (99999, 0, 'place', 'X', NULL, NULL, NULL, NULL, NULL, 'x', NULL)"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="copying into the database failed") as info:
        copy_database(broken, fresh_pg)
    assert "\n" not in str(info.value)
    with open_store(fresh_pg) as s:
        assert s.stats()["articles"] == 0 and s.stats()["runs"] == 0
    # an older source is migrated first, not copied half
    old = tmp_path / "old.db"
    old.write_bytes(full_sqlite.read_bytes())
    conn = sqlite3.connect(old)
    conn.execute("DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)")
    conn.commit()
    conn.close()
    with pytest.raises(MigrationError, match="run `peacewatch db migrate"):
        copy_database(old, fresh_pg)
    # a table db copy does not know (a migration added it, COPY_ORDER was not told): refused
    extra = tmp_path / "extra.db"
    extra.write_bytes(full_sqlite.read_bytes())
    conn = sqlite3.connect(extra)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="does not know the table"):
        copy_database(extra, fresh_pg)


def test_db_commands(full_sqlite: Path, pg: str, fresh_pg: str) -> None:
    runner = CliRunner()
    src_before = full_sqlite.read_bytes()
    copied = runner.invoke(app, ["db", "copy", str(full_sqlite), pg, "--format", "json"])
    assert copied.exit_code == 0, copied.stderr
    data = json.loads(copied.stdout)
    assert data["ok"] and data["destination"] == pg and data["rows"] > 0
    assert all(t["source_checksum"] == t["dest_checksum"] for t in data["tables"])
    assert full_sqlite.read_bytes() == src_before  # the source is only read
    again = runner.invoke(app, ["db", "copy", str(full_sqlite), pg])
    assert again.exit_code == 4 and len(again.stderr.strip().splitlines()) == 1

    checks = [
        json.loads(runner.invoke(app, ["db", "check", "--db", db, "--format", "json"]).stdout)
        for db in (pg, str(full_sqlite))
    ]
    assert checks[0]["tables"] == checks[1]["tables"] and checks[0]["integrity"] == "ok"
    table = runner.invoke(app, ["db", "check", "--db", pg])
    assert table.exit_code == 0 and "integrity: ok" in table.stdout

    migrated = runner.invoke(app, ["db", "migrate", "--db", fresh_pg])
    assert migrated.exit_code == 0 and "applied: 0001, 0002, 0003" in migrated.stdout
    assert "up to date" in runner.invoke(app, ["db", "migrate", "--db", fresh_pg]).stdout
    text = runner.invoke(app, ["db", "copy", str(full_sqlite), fresh_pg])
    assert text.exit_code == 0 and "every count and checksum matches" in text.stdout
    missing = runner.invoke(app, ["db", "check", "--db", pg.rsplit("/", 1)[0] + "/nope"])
    assert missing.exit_code == 4 and len(missing.stderr.strip().splitlines()) == 1


def test_integrity_check_reports_a_missing_table(fresh_pg: str) -> None:
    open_store(fresh_pg).close()
    with psycopg.connect(fresh_pg) as conn:
        conn.execute("DROP TABLE declared_commitments")
    with open_store(fresh_pg) as s:
        assert s.integrity_check() == "table declared_commitments is missing"
