"""Crash safety (issue 7, item 1): ``peacewatch ingest``, ``reconcile`` and ``db migrate`` killed
with SIGKILL at random points, on SQLite and on PostgreSQL.

How the kills are aimed (a seeded RNG picks command, mode and point; the seed is printed and
recorded, and ``PEACEWATCH_CRASH_SEED`` replays one):

- ``commits``: the console script runs ``ingest --log -`` and is killed a random moment after
  its k-th reported commit, i.e. while it extracts or writes the next article;
- ``delay``: the console script is killed after a random delay between 0 and the length of an
  uninterrupted run: at start-up, while it opens and migrates the store, or anywhere later;
- ``write``: the same CLI entry point in a child (``paused_cli``) that stops just before its
  k-th write statement (SQLite's trace callback, psycopg's ``execute``) and is killed there,
  so the kill lands inside a transaction: an article half inserted, a reconcile half
  written, a migration half applied, a COMMIT not yet made.

After every kill the database is checked from this process (``Checker``): the integrity check,
the schema exactly that of the migrations it records (no half-migrated schema), every article
whose commit was reported present with all its events, places and keys, no article with part of
its events, and the canonical events exactly a complete reconcile of the events they cover —
members, places, content hashes and the latest figure history all agreeing. A database's life
ends when its corpus is stored and reconciled (or the kills are spent); then an uninterrupted
``peacewatch ingest`` must leave exactly the canonical events of an uninterrupted run (ids,
figures, members, every source), and a new life starts from an empty database.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import pgserver
from conftest import canonical_fingerprint_of, outlet_report_set, strike_report, write_jsonl
from peacewatch import api
from peacewatch.cli import app
from peacewatch.reconcile.cluster import reconcile_mentions
from peacewatch.reconcile.run import load_mentions, reconcile_store
from peacewatch.store import open_store
from peacewatch.store.migrations import load_migrations
from reliability import record, scale

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals"),
]

HERE = Path(__file__).resolve().parent
DEMO = HERE.parent / "src" / "peacewatch" / "demo" / "articles.jsonl"
SERVER = f"import sys; sys.path.insert(0, {str(HERE)!r}); import test_reliability_crash as t; t.serve_forks()"
WRITE_SQL = re.compile(r"\s*(INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|COMMIT)\b", re.IGNORECASE)
PAUSED = "peacewatch-test: paused before write"
WRITES = "peacewatch-test: writes"
TIMEOUT = 180.0  # seconds any one child may take: generous, the machine is shared
KILLS = {"sqlite": scale(28, 90), "postgresql": scale(22, 70)}  # >= 50 in all, >= 150 at full size
SEED = int(os.environ.get("PEACEWATCH_CRASH_SEED") or random.SystemRandom().randrange(2**31))


# --- the fork server: the CLI imported once, one forked process per run -------------------------------


_pause = {"at": 0, "count": 0}  # set in each forked process: stop before write number "at"


def _seen(sql: str, rows: int = 1) -> None:
    """Count write statements (a row of an ``executemany`` is one); stop before the chosen one."""
    if not WRITE_SQL.match(sql):
        return
    before = _pause["count"]
    _pause["count"] += rows
    if before < _pause["at"] <= _pause["count"]:
        sys.stderr.write(f"{PAUSED} {_pause['at']}: {' '.join(sql.split())[:80]}\n")
        sys.stderr.flush()
        time.sleep(3600)


def _install_write_counter() -> None:
    real_connect = sqlite3.connect

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = real_connect(*args, **kwargs)
        conn.set_trace_callback(_seen)
        return conn

    sqlite3.connect = connect  # type: ignore[assignment]
    with contextlib.suppress(ImportError):
        import psycopg

        real_execute, real_many = psycopg.Cursor.execute, psycopg.Cursor.executemany

        def execute(self: Any, query: Any, params: Any = None, **kw: Any) -> Any:
            _seen(str(query))
            return real_execute(self, query, params, **kw)

        def executemany(self: Any, query: Any, params_seq: Any, **kw: Any) -> Any:
            rows = list(params_seq)
            _seen(str(query), max(1, len(rows)))
            return real_many(self, query, rows, **kw)

        psycopg.Cursor.execute = execute  # type: ignore[method-assign]
        psycopg.Cursor.executemany = executemany  # type: ignore[method-assign]


def serve_forks() -> None:
    """Runs in a child process: import the CLI once (the 1-2 s every ``peacewatch`` start pays),
    then fork one process per request read on stdin and run the CLI in it, with the write
    counter that can stop it before its k-th write statement. Single-threaded on purpose:
    forking beside another thread could copy a lock that thread holds."""
    import select

    from peacewatch.cli import app as cli_app

    _install_write_counter()
    buf = b""
    running: set[int] = set()
    while True:
        ready, _, _ = select.select([0], [], [], 0.02)
        if ready:
            chunk = os.read(0, 65536)
            if not chunk:
                break
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                req = json.loads(line)
                sys.stdout.flush()
                pid = os.fork()
                if pid == 0:
                    _forked(cli_app, req)
                running.add(pid)
                sys.stdout.write(json.dumps({"id": req["id"], "pid": pid}) + "\n")
                sys.stdout.flush()
        for pid in list(running):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                running.discard(pid)
                sys.stdout.write(json.dumps({"pid": pid, "status": os.waitstatus_to_exitcode(status)}) + "\n")
                sys.stdout.flush()
    for pid in running:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def _forked(cli_app: Any, req: dict[str, Any]) -> None:
    """In the forked process: stdout and stderr to the request's files, then the CLI."""
    code: Any = 0
    try:
        for fd, path in ((1, req["out"]), (2, req["err"])):
            target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(target, fd)
            os.close(target)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        _pause.update(at=int(req["pause_at"]), count=0)
        cli_app(args=req["argv"], prog_name="peacewatch")
    except SystemExit as e:
        code = e.code
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 99
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.write(f"{WRITES} {_pause['count']}\n")
            sys.stderr.flush()
        os._exit(code if isinstance(code, int) else 1)


class ForkServer:
    """The test's side of ``serve_forks``: requests out, pids and exit statuses back."""

    def __init__(self, env: dict[str, str], workdir: Path) -> None:
        with (workdir / "fork-server.err").open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-c", SERVER],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=err,
                env=env,
            )
        self.pids: dict[int, int] = {}
        self.status: dict[int, int] = {}
        self.cond = threading.Condition()
        self.n = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        with self.proc.stdout:
            for raw in self.proc.stdout:
                msg = json.loads(raw)
                with self.cond:
                    if "id" in msg:
                        self.pids[int(msg["id"])] = int(msg["pid"])
                    else:
                        self.status[int(msg["pid"])] = int(msg["status"])
                    self.cond.notify_all()

    def fork(self, argv: list[str], pause_at: int, out: Path, err: Path) -> int:
        assert self.proc.stdin is not None
        with self.cond:
            self.n += 1
            n = self.n
        req = {"id": n, "argv": argv, "pause_at": pause_at, "out": str(out), "err": str(err)}
        self.proc.stdin.write((json.dumps(req) + "\n").encode())
        self.proc.stdin.flush()
        with self.cond:
            if not self.cond.wait_for(lambda: n in self.pids, TIMEOUT):
                pytest.fail("the fork server does not answer")
            return self.pids[n]

    def exit_status(self, pid: int, timeout: float | None) -> int | None:
        with self.cond:
            self.cond.wait_for(lambda: pid in self.status, timeout)
            return self.status.get(pid)

    def close(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(60)
        self._reader.join(30)


class Child:
    """One ``peacewatch`` run (console script or forked): stdout and stderr go to files."""

    def __init__(
        self, out: Path, err: Path, proc: subprocess.Popen[bytes] | None, server: Any, pid: int
    ) -> None:
        self.out, self.err = out, err
        self.proc, self.server, self.pid = proc, server, pid
        self.started = time.monotonic()

    def poll(self) -> int | None:
        if self.proc is not None:
            return self.proc.poll()
        return self.server.exit_status(self.pid, 0)  # type: ignore[no-any-return]

    def notes(self) -> list[dict[str, Any]]:
        """The complete ``--log -`` lines printed so far (a line cut by the kill is not a report)."""
        text = self.out.read_text(encoding="utf-8", errors="replace") if self.out.exists() else ""
        return [
            json.loads(line)
            for line in text.splitlines(keepends=True)
            if line.startswith("{") and line.endswith("\n")
        ]

    def added(self) -> list[dict[str, Any]]:
        return [n for n in self.notes() if n.get("op") == "article" and n.get("status") == "added"]

    def stderr(self) -> str:
        return self.err.read_text(encoding="utf-8", errors="replace") if self.err.exists() else ""

    def wait_until(self, ready: Callable[[], bool], timeout: float = TIMEOUT) -> bool:
        """True once ``ready()``; False if the process ended first. Fails after ``timeout``."""
        deadline = time.monotonic() + timeout
        while not ready():
            if self.poll() is not None:
                return ready()
            if time.monotonic() > deadline:
                self.kill()
                pytest.fail(f"child still not ready after {timeout:.0f} s: {self.stderr()[-2000:]}")
            time.sleep(0.005)
        return True

    def kill(self) -> int:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        return self.finish()

    def finish(self, timeout: float = TIMEOUT) -> int:
        if self.proc is not None:
            try:
                return self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(60)
                pytest.fail(f"child did not finish in {timeout:.0f} s: {self.stderr()[-2000:]}")
        code = self.server.exit_status(self.pid, timeout)
        if code is None:
            os.kill(self.pid, signal.SIGKILL)
            pytest.fail(f"child did not finish in {timeout:.0f} s: {self.stderr()[-2000:]}")
        return int(code)

    def writes(self) -> int | None:
        m = re.search(rf"{WRITES} (\d+)", self.stderr())
        return int(m.group(1)) if m else None


@dataclass
class Runner:
    exe: Path
    workdir: Path
    server: ForkServer
    env: dict[str, str]
    n: int = 0

    def start(self, args: list[str], *, pause_at: int | None = None) -> Child:
        """The console script; or, with ``pause_at`` (0: never stop, count only), a process forked
        from the fork server that stops before its ``pause_at``-th write."""
        self.n += 1
        out, err = self.workdir / f"run-{self.n}.out", self.workdir / f"run-{self.n}.err"
        if pause_at is None:
            with out.open("wb") as fo, err.open("wb") as fe:
                proc = subprocess.Popen([str(self.exe), *args], stdout=fo, stderr=fe, env=self.env)
            return Child(out, err, proc, None, proc.pid)
        pid = self.server.fork(args, pause_at, out, err)
        return Child(out, err, None, self.server, pid)


def child_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PEACEWATCH_DB"}
    env["XDG_DATA_HOME"] = str(home)
    return env


# --- raw reads, the same SQL on both backends ----------------------------------------------------


def is_pg(url: str) -> bool:
    return url.startswith("postgresql://")


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    """Rows of one statement, on a connection of its own that changes nothing (not even the schema)."""
    if is_pg(url):
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            return [tuple(r) for r in conn.execute(sql).fetchall()]
    with contextlib.closing(sqlite3.connect(url, timeout=60)) as conn:
        return [tuple(r) for r in conn.execute(sql).fetchall()]


def execute(url: str, *statements: str) -> None:
    """Run statements in one transaction on a connection of its own."""
    if is_pg(url):
        import psycopg

        with psycopg.connect(url) as conn:
            for sql in statements:
                conn.execute(sql)
        return
    with contextlib.closing(sqlite3.connect(url, timeout=60)) as conn, conn:
        for sql in statements:
            conn.execute(sql)


def schema_objects(url: str) -> tuple[set[str], set[str]]:
    """Our tables and the indexes the migrations name, as the database has them."""
    if is_pg(url):
        tables = query(
            url, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        indexes = query(url, "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")
    else:
        tables = query(
            url, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        indexes = query(url, "SELECT name FROM sqlite_schema WHERE type = 'index'")
    return {str(r[0]) for r in tables}, {str(r[0]) for r in indexes} & ALL_INDEXES


def schema_dump(url: str) -> list[tuple[Any, ...]]:
    """The whole schema, to compare a database migrated through kills with one migrated at once."""
    if is_pg(url):
        return query(
            url,
            "SELECT table_name, column_name, data_type, is_nullable, column_default, collation_name"
            " FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY 1, 2",
        ) + query(
            url,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1",
        )
    return query(url, "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")


def _created(sql: str, what: str) -> set[str]:
    return set(re.findall(rf"CREATE\s+(?:UNIQUE\s+)?{what}\s+(?:IF NOT EXISTS\s+)?(\w+)", sql, re.IGNORECASE))


MIGRATIONS = load_migrations()
ALL_INDEXES = {name for m in MIGRATIONS for name in _created(m.sql, "INDEX")}


def expected_objects(version: int) -> tuple[set[str], set[str]]:
    tables = {name for m in MIGRATIONS if m.version <= version for name in _created(m.sql, "TABLE")}
    indexes = {name for m in MIGRATIONS if m.version <= version for name in _created(m.sql, "INDEX")}
    return tables, indexes


def schema_version(url: str) -> int | None:
    """The version schema_migrations records; None when the table does not exist yet."""
    tables, _ = schema_objects(url)
    if "schema_migrations" not in tables:
        return None
    return int(query(url, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0])


def raw_integrity(url: str) -> str:
    """SQLite's own ``PRAGMA integrity_check`` (PostgreSQL checks itself: the store's check)."""
    if is_pg(url):
        return "ok"
    rows = query(url, "PRAGMA integrity_check")
    return "; ".join(str(r[0]) for r in rows)


# --- the corpus and what an uninterrupted run makes of it --------------------------------------------


@dataclass
class Expected:
    """What an uninterrupted ``peacewatch ingest`` of the corpus stores, per article and in all."""

    corpus: Path
    articles: int
    events: dict[str, tuple[str, ...]]  # content hash → its events (contract JSON, by seq)
    places: dict[str, tuple[int, ...]]  # content hash → places per event
    keys: dict[str, int]  # content hash → LSH keys
    canonical: dict[str, dict[str, Any]]  # canonical_fingerprint_of the reference
    schema: list[tuple[Any, ...]]  # SQLite schema after a migrate
    writes: dict[str, int]  # write statements of an uninterrupted migrate / ingest / reconcile
    seconds: dict[str, float]  # and their durations


def article_rows(url: str) -> dict[str, tuple[tuple[str, ...], tuple[int, ...], int, int]]:
    """content hash → (events as contract JSON, places per event, LSH keys, signatures)."""
    events: dict[str, list[tuple[int, str, int]]] = {}
    for h, seq, contract, places in query(
        url,
        "SELECT a.content_hash, e.seq, e.contract,"
        " (SELECT COUNT(*) FROM event_places p WHERE p.event_id = e.id)"
        " FROM events e JOIN articles a ON a.id = e.article_id",
    ):
        canon = json.dumps(json.loads(contract), sort_keys=True)
        events.setdefault(str(h), []).append((int(seq), canon, int(places)))
    out = {}
    for h, keys, sigs in query(
        url,
        "SELECT a.content_hash,"
        " (SELECT COUNT(*) FROM article_lsh_keys k WHERE k.article_id = a.id),"
        " (SELECT COUNT(*) FROM article_signatures s WHERE s.article_id = a.id) FROM articles a",
    ):
        evs = sorted(events.get(str(h), []))
        out[str(h)] = (tuple(c for _, c, _ in evs), tuple(p for _, _, p in evs), int(keys), int(sigs))
    return out


def corpus_records(size: int, seed: int) -> list[dict[str, Any]]:
    """Several outlets per strike, single-outlet strike reports and the demo articles, shuffled."""
    records = outlet_report_set(size, seed=seed) + [strike_report(i, seed=seed) for i in range(size)]
    records += [json.loads(line) for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(seed).shuffle(records)
    return records


@pytest.fixture(scope="module")
def fork_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ForkServer]:
    work = tmp_path_factory.mktemp("fork-server")
    server = ForkServer(child_env(work / "home"), work)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="module")
def expected(
    tmp_path_factory: pytest.TempPathFactory, peacewatch_exe: Path, fork_server: ForkServer
) -> Expected:
    """Calibrate on SQLite: an uninterrupted migrate, ingest and full reconcile, counted."""
    work = tmp_path_factory.mktemp("crash-reference")
    corpus = write_jsonl(work / "corpus.jsonl", corpus_records(scale(24, 60), SEED % 1000))
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("this line is not JSON: one rejection per run\n")
    runner = Runner(peacewatch_exe, work, fork_server, child_env(work / "home"))
    ref = str(work / "reference.db")
    writes, seconds = calibrate(runner, corpus, ref)
    rows = article_rows(ref)
    return Expected(
        corpus=corpus,
        articles=len(rows),
        events={h: r[0] for h, r in rows.items()},
        places={h: r[1] for h, r in rows.items()},
        keys={h: r[2] for h, r in rows.items()},
        canonical=canonical_fingerprint_of(ref),
        schema=schema_dump(ref),
        writes=writes,
        seconds=seconds,
    )


def calibrate(runner: Runner, corpus: Path, url: str) -> tuple[dict[str, int], dict[str, float]]:
    """Uninterrupted runs on an empty database: migrate, ingest, then a reconcile from scratch
    (canonical tables emptied); their write statements and seconds, to aim the kills."""
    writes: dict[str, int] = {}
    seconds: dict[str, float] = {}
    for name, args in (
        ("migrate", ["db", "migrate", "--db", url]),
        ("ingest", ["ingest", str(corpus), "--db", url, "--log", "-"]),
        ("reconcile", ["reconcile", "--db", url]),
    ):
        if name == "reconcile":
            canonical = canonical_fingerprint_of(url)
            execute(
                url,
                *(f"DELETE FROM {t}" for t in ("canonical_mentions", "canonical_places", "figure_history")),
            )
            execute(url, "DELETE FROM canonical_events")
        child = runner.start(args, pause_at=0)
        assert child.finish() in (0, 1), child.stderr()
        writes[name], seconds[name] = child.writes() or 1, time.monotonic() - child.started
    assert canonical_fingerprint_of(url) == canonical, "a reconcile from scratch differs from ingest's own"
    return writes, seconds


# --- the checks after a kill ----------------------------------------------------------------------


def _data_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class Checker:
    expected: Expected
    problems: list[str] = field(default_factory=list)
    checks: Counter[str] = field(default_factory=Counter)
    reported: set[str] = field(default_factory=set)  # content hashes whose commit was reported

    def fail(self, where: str, what: str) -> None:
        self.problems.append(f"{where}: {what}")

    def schema(self, url: str, where: str) -> int | None:
        """Integrity, and a schema that is exactly migrations 1..v for the v it records."""
        integrity = raw_integrity(url)
        self.checks["integrity"] += 1
        if integrity != "ok":
            self.fail(where, f"integrity check: {integrity}")
        version = schema_version(url)
        tables, indexes = schema_objects(url)
        want_tables, want_indexes = expected_objects(version or 0)
        if version is not None:
            want_tables = want_tables | {"schema_migrations"}
            applied = sorted(int(r[0]) for r in query(url, "SELECT version FROM schema_migrations"))
            if applied != list(range(1, version + 1)):
                self.fail(where, f"migrations recorded {applied}")
        self.checks["schema"] += 1
        if (tables, indexes) != (want_tables, want_indexes):
            self.fail(
                where,
                f"half-migrated schema at version {version}: tables {sorted(tables ^ want_tables)},"
                f" indexes {sorted(indexes ^ want_indexes)} differ from the migrations",
            )
        return version

    def store(self, url: str, where: str) -> None:
        """Articles whole and as reported; canonical events a complete reconcile of what they cover."""
        self.schema(url, where)
        with open_store(url) as store:
            integrity = store.integrity_check()
            self.checks["integrity"] += 1
            if integrity != "ok":
                self.fail(where, f"store integrity check: {integrity}")
            rows = article_rows(url)
            for h, (events, places, keys, sigs) in rows.items():
                if h not in self.expected.events:
                    self.fail(where, f"article {h[:12]} is not in the corpus")
                elif (events, places, keys, sigs) != (
                    self.expected.events[h],
                    self.expected.places[h],
                    self.expected.keys[h],
                    1,
                ):
                    self.fail(
                        where, f"article {h[:12]} half written: {len(events)} events, {keys} keys, {sigs} sig"
                    )
            self.checks["articles"] += len(rows)
            missing = self.reported - set(rows)
            self.checks["reported"] += len(self.reported)
            self.checks["reported missing"] += len(missing)
            if missing:
                self.fail(where, f"{len(missing)} articles reported committed are missing")
            self._canonical(store, url, where)

    def _canonical(self, store: Any, url: str, where: str) -> None:
        membership = store.canonical_membership()
        mentions = [m for m in load_mentions(store) if m.event_id in membership]
        computed = {e.id: e for e in reconcile_mentions(mentions)}
        stored = {c.id: c for c in store.canonical_events()}
        self.checks["canonical"] += len(stored)
        if set(computed) != set(stored):
            self.fail(
                where, f"canonical ids {sorted(set(computed) ^ set(stored))[:5]} are not a whole reconcile"
            )
            return
        counts = {
            str(cid): (int(n), int(members), int(places))
            for cid, n, members, places in query(
                url,
                "SELECT c.id, c.n_mentions,"
                " (SELECT COUNT(*) FROM canonical_mentions m WHERE m.canonical_id = c.id),"
                " (SELECT COUNT(*) FROM canonical_places p WHERE p.canonical_id = c.id)"
                " FROM canonical_events c",
            )
        }
        latest = store.latest_figures()
        for cid, ev in computed.items():
            row = stored[cid]
            n, members, places = counts[cid]
            if not members or n != members or members != len(ev.mentions):
                self.fail(
                    where, f"{cid}: {n} mentions recorded, {members} members, {len(ev.mentions)} computed"
                )
            if row.content_hash != ev.content_hash or _data_hash(row.data) != row.content_hash:
                self.fail(where, f"{cid}: stored record is not the reconcile of its members")
            if places != len(row.data.get("places") or ([1] if row.data.get("venue") else [])):
                self.fail(where, f"{cid}: {places} places stored")
            for name, fig in row.data["figures"].items():
                state = latest.get((cid, name))
                now = (
                    fig["low"],
                    fig["best"],
                    fig["high"],
                    fig["conservative"],
                    fig["sources"],
                    fig["disputed"],
                )
                if (
                    state is None
                    or (
                        state.low,
                        state.best,
                        state.high,
                        state.conservative,
                        state.sources,
                        state.disputed,
                    )
                    != now
                ):
                    self.fail(where, f"{cid}: figure history of {name} does not end at the current figure")


def statement_phase(stderr: str) -> str:
    """What a paused run was about to do: "insert events", "commit", "create table", ..."""
    m = re.search(rf"{PAUSED} \d+: (.*)", stderr)
    if not m:
        return "?"
    words = m.group(1).replace("(", " ").split()
    verb = words[0].lower()
    if verb == "commit":
        return "commit"
    if verb == "create":
        return "create " + ("index" if "INDEX" in (w.upper() for w in words[1:3]) else "table")
    rest = [w for w in words[1:] if w.upper() not in ("INTO", "FROM", "OR")]
    return f"{verb} {rest[0] if rest else ''}".strip()


# --- the campaign -------------------------------------------------------------------------------


@dataclass
class Tally:
    kills: Counter[str] = field(default_factory=Counter)  # "command/mode"
    completed: Counter[str] = field(default_factory=Counter)  # runs that ended before the kill point
    phases: Counter[str] = field(default_factory=Counter)  # "command: the statement it was stopped before"
    reported: int = 0  # article commits reported by killed runs
    lives: int = 0
    converged: list[bool] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.kills.values())

    def per_command(self) -> dict[str, int]:
        out: Counter[str] = Counter()
        for key, n in self.kills.items():
            out[key.split("/")[0]] += n
        return dict(sorted(out.items()))


@dataclass
class Campaign:
    runner: Runner
    expected: Expected
    checker: Checker
    rng: random.Random
    target: int
    writes: dict[str, int]  # of uninterrupted runs on this backend (``calibrate``)
    seconds: dict[str, float]
    tally: Tally = field(default_factory=Tally)

    def run(self, command: str, args: list[str], mode: str, point: float) -> tuple[bool, str]:
        """Run one command and kill it at ``point`` (k commits, k writes, or seconds); whether it
        was killed (False: it finished first, and must then have succeeded), and where."""
        if mode == "write":
            child = self.runner.start(args, pause_at=max(1, int(point)))
            reached = child.wait_until(lambda: PAUSED in child.stderr())
        elif mode == "commits":
            # the campaign's first ingest kill is of the console script itself, start-up included
            # (first, so that it runs the code the fork server imported even if the working tree
            # changes later); the others are forked, which saves the 1-2 s of start-up per kill
            console = not any(k.startswith("ingest/") for k in self.tally.kills)
            child = self.runner.start(args, pause_at=None if console else 0)
            reached = child.wait_until(lambda: len(child.added()) >= point)
            if reached:
                time.sleep(self.rng.uniform(0.0, 0.05))
        else:
            child = self.runner.start(args, pause_at=0)
            reached = child.wait_until(lambda: time.monotonic() - child.started >= point)
        code = child.kill() if reached and child.poll() is None else child.finish()
        if code == -signal.SIGKILL:
            self.tally.kills[f"{command}/{mode}"] += 1
            phase = f"{command}: {statement_phase(child.stderr()) if mode == 'write' else 'timed'}"
            self.tally.phases[phase] += 1
            killed = True
        else:
            if code not in (0, 1) or "Traceback" in child.stderr():
                self.checker.fail(
                    command, f"an uninterrupted run failed (exit {code}): {child.stderr()[-1500:]}"
                )
            self.tally.completed[command] += 1
            killed = False
        added = child.added()
        self.checker.reported.update(n["content_hash"] for n in added)
        if killed:
            self.tally.reported += len(added)
            return True, phase
        return False, ""

    def life(self, url: str) -> None:
        """One database: killed migrates, then killed ingests and reconciles, then a re-run."""
        self.tally.lives += 1
        self.checker.reported = set()
        exp = self.expected
        budget = self.tally.total + self.rng.randint(6, 14)  # kills in this life
        migrate = ["db", "migrate", "--db", url]
        for _ in range(self.rng.randint(1, 3)):
            if self.tally.total >= self.target:
                break
            mode = self.rng.choice(("write", "write", "delay"))
            point = self.rng.randint(1, self.writes["migrate"]) if mode == "write" else self._delay("migrate")
            self.step("migrate", migrate, mode, point, lambda where: self.checker.schema(url, where))
        self.run("migrate", migrate, "delay", 1e9)
        if not is_pg(url) and schema_dump(url) != exp.schema:
            self.checker.fail("migrate", "the schema migrated through kills differs from a clean migrate")
        while self.tally.total < min(self.target, budget):
            stored = int(query(url, "SELECT COUNT(*) FROM articles")[0][0])
            with open_store(url) as store:
                pending = store.reconcile_pending()
            if stored == exp.articles and not pending:
                break  # this life's corpus is in: on to the re-run and a new database
            left = (exp.articles - stored) / exp.articles
            if pending and (stored == exp.articles or self.rng.random() < 0.5):
                command, args = "reconcile", ["reconcile", "--db", url]
                mode = self.rng.choice(("write", "write", "delay"))
                point = (
                    self.rng.randint(1, self.writes["reconcile"])
                    if mode == "write"
                    else self._delay("reconcile")
                )
            else:
                command, args = "ingest", ["ingest", str(exp.corpus), "--db", url, "--log", "-"]
                first = not any(k.startswith("ingest/") for k in self.tally.kills)
                mode = (
                    "commits" if first else self.rng.choice(("commits", "commits", "write", "write", "delay"))
                )
                if mode == "commits":
                    point = self.rng.randint(1, max(1, int(exp.articles * left / 3)))
                elif mode == "write":
                    point = self.rng.randint(1, int(self.writes["ingest"] * left) + self.writes["reconcile"])
                else:
                    point = self._delay("ingest")
            self.step(command, args, mode, point, lambda where: self.checker.store(url, where))
        self.converge(url)

    def step(
        self, command: str, args: list[str], mode: str, point: float, check: Callable[[str], Any]
    ) -> None:
        """One run killed at ``point``, then the check; one line of what happened (shown on failure)."""
        started = time.monotonic()
        killed, phase = self.run(command, args, mode, point)
        ran = time.monotonic() - started
        where = f"life {self.tally.lives} {command}/{mode}@{point:g}"
        check(where)
        print(
            f"{where}: {'killed ' + phase if killed else 'finished'} after {ran:.2f} s,"
            f" checked in {time.monotonic() - started - ran:.2f} s"
        )

    def _delay(self, command: str) -> float:
        return self.rng.uniform(0.0, self.seconds[command])

    def converge(self, url: str) -> None:
        """An uninterrupted re-run of the ingest must leave what an uninterrupted run leaves."""
        child = self.runner.start(
            ["ingest", str(self.expected.corpus), "--db", url, "--log", "-"], pause_at=0
        )
        code = child.finish()
        if code not in (0, 1):
            self.checker.fail("re-run", f"exit {code}: {child.stderr()[-1500:]}")
        self.checker.reported.update(n["content_hash"] for n in child.added())
        self.checker.store(url, f"life {self.tally.lives} re-run")
        same = canonical_fingerprint_of(url) == self.expected.canonical
        with open_store(url) as store:
            again = reconcile_store(store).summary()
        settled = again["created"] == again["updated"] == again["removed"] == again["figure_changes"] == 0
        stored = int(query(url, "SELECT COUNT(*) FROM articles")[0][0])
        if not (same and settled and stored == self.expected.articles):
            self.checker.fail(
                "re-run",
                f"life {self.tally.lives} did not converge: same canonical events {same},"
                f" reconcile again {again}, {stored}/{self.expected.articles} articles",
            )
        self.tally.converged.append(same and settled and stored == self.expected.articles)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_sigkill_during_ingest_reconcile_and_migrate(
    backend: str,
    request: pytest.FixtureRequest,
    expected: Expected,
    peacewatch_exe: Path,
    fork_server: ForkServer,
    tmp_path: Path,
) -> None:
    started = time.monotonic()
    runner = Runner(peacewatch_exe, tmp_path, fork_server, child_env(tmp_path / "home"))
    lives = iter(range(1000))
    if backend == "postgresql":
        pgserver.server(request.config)  # skips, with the reason printed, when PostgreSQL cannot start

        def new_db() -> str:
            return pgserver.database(request, migrated=False)

        calibration = new_db()
        writes, seconds = calibrate(runner, expected.corpus, calibration)
        same_as_sqlite = canonical_fingerprint_of(calibration) == expected.canonical
        reference_schema = schema_dump(pgserver.database(request))
    else:

        def new_db() -> str:
            return str(tmp_path / f"life-{next(lives)}.db")

        writes, seconds, same_as_sqlite, reference_schema = (
            expected.writes,
            expected.seconds,
            True,
            expected.schema,
        )

    print(f"crash seed {SEED} ({backend}; replay with PEACEWATCH_CRASH_SEED={SEED})")
    rng = random.Random(f"{SEED}-{backend}")
    campaign = Campaign(runner, expected, Checker(expected), rng, KILLS[backend], writes, seconds)
    tally, checker = campaign.tally, campaign.checker
    if not same_as_sqlite:
        checker.fail(
            "calibration", "an uninterrupted ingest gives other canonical events here than on SQLite"
        )
    last = ""
    while tally.total < campaign.target:
        last = new_db()
        campaign.life(last)
    if schema_dump(last) != reference_schema:
        checker.fail("migrate", "the schema migrated through kills differs from a clean one")
    check = runner.start(["db", "check", "--format", "json", "--db", last])
    code = check.finish()
    db_check = json.loads(check.out.read_text(encoding="utf-8")) if code == 0 else {}
    if code != 0 or db_check.get("integrity") != "ok":
        checker.fail("db check", f"exit {code}: {check.stderr()[-500:]}")
    record(
        "1-crash",
        f"sigkill-{backend}",
        seed=SEED,
        kills=tally.total,
        kills_per_command=tally.per_command(),
        kills_per_mode=dict(sorted(tally.kills.items())),
        kills_where=dict(sorted(tally.phases.items())),
        runs_finished_before_kill_point=dict(sorted(tally.completed.items())),
        articles_in_corpus=expected.articles,
        commits_reported_by_killed_runs=tally.reported,
        reported_commits_checked=checker.checks["reported"],
        reported_commits_missing=checker.checks["reported missing"],
        checks=dict(sorted(checker.checks.items())),
        db_check_integrity=db_check.get("integrity"),
        database_lives=tally.lives,
        converged=f"{sum(tally.converged)}/{len(tally.converged)}",
        canonical_events=len(expected.canonical),
        same_canonical_as_sqlite=same_as_sqlite,
        problems=len(checker.problems),
        seconds=round(time.monotonic() - started, 1),
    )
    assert not checker.problems, f"seed {SEED}:\n" + "\n".join(checker.problems[:20])
    assert tally.total >= KILLS[backend] and all(tally.converged)


# --- regression tests for what the kills found ------------------------------------------------------


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return str(tmp_path / "pw.db") if request.param == "sqlite" else pgserver.database(request)


@pytest.mark.usefixtures("isolated_env")
def test_rerun_after_a_kill_between_the_last_article_and_the_reconcile_reconciles(
    any_db: str, tmp_path: Path
) -> None:
    """An ingest killed after committing its last article but before its reconcile committed left
    the canonical events behind; re-running the same ingest added nothing and so never
    reconciled, and the canonical events stayed behind for good (found by the kill campaign)."""
    corpus = write_jsonl(tmp_path / "corpus.jsonl", corpus_records(6, 1))
    stopped = api.ingest([str(corpus)], any_db, reconcile=False)  # what the kill leaves behind
    assert stopped.added > 0 and not canonical_fingerprint_of(any_db)
    with open_store(any_db) as store:
        assert store.reconcile_pending()

    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", any_db], catch_exceptions=False)

    assert result.exit_code == 0, result.stderr
    assert f"added 0 (0 events), duplicates {stopped.added}" in result.stderr
    assert "reconciled" in result.stderr
    reference = tmp_path / "reference.db"
    api.ingest([str(corpus)], str(reference))
    assert canonical_fingerprint_of(any_db) == canonical_fingerprint_of(reference)
    with open_store(any_db) as store:
        assert not store.reconcile_pending()
    backend = "postgresql" if any_db.startswith("postgresql") else "sqlite"
    record("1-crash", f"regression-rerun-reconciles-{backend}", articles=stopped.added)


@pytest.mark.usefixtures("isolated_env")
def test_log_reports_only_what_is_committed(any_db: str, tmp_path: Path) -> None:
    """``ingest --log`` writes a line per committed article (with its events), rejection and
    reconcile, then the totals: what the crash campaign takes as "reported committed". On
    PostgreSQL the reconcile's line waits for the COMMIT of the transaction it runs in."""
    corpus = write_jsonl(tmp_path / "corpus.jsonl", corpus_records(2, 2))
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("not JSON\n")
    log = tmp_path / "log.jsonl"
    result = CliRunner().invoke(app, ["ingest", str(corpus), "--db", any_db, "--log", str(log)])
    assert result.exit_code == 1, result.stderr  # the bad line is a rejection: partial
    notes = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    added = [n for n in notes if n["op"] == "article"]
    assert [n["op"] for n in notes[-2:]] == ["reconcile", "done"]
    assert sum(n["op"] == "rejection" for n in notes) == 1
    with open_store(any_db) as store:
        stored = {a.content_hash: a.n_events for a in store.articles()}
        assert notes[-2]["upserted"] == len(store.canonical_events())
    assert {n["content_hash"]: n["events"] for n in added} == stored
    assert notes[-1]["added"] == len(stored) and notes[-1]["reconciled"]["canonical_events"] > 0
    bad = CliRunner().invoke(app, ["ingest", str(corpus), "--db", any_db, "--log", str(tmp_path)])
    assert bad.exit_code == 2 and "--log" in bad.stderr
    backend = "postgresql" if any_db.startswith("postgresql") else "sqlite"
    record("1-crash", f"log-reports-commits-{backend}", articles=len(stored), notes=len(notes))
