"""A real PostgreSQL for the tests: one throwaway server per test session, on loopback.

Started on first use from the Debian packages (on the machine image; ``apt-get install -y
postgresql`` otherwise) on a free port, with durability turned off (it is thrown away)
and trust authentication on 127.0.0.1 only; stopped and deleted when the test process
exits. As root it is a ``pg_createcluster`` cluster named ``pwtest_<pid>`` (one killed
before it could clean up is dropped by the next run); as any other user, ``initdb`` and
``pg_ctl`` in a temporary folder. With ``PEACEWATCH_TEST_PG`` set to the URL of an
existing server's maintenance database (a CI service container, say) that server is used
and nothing is started.

Tests get a migrated database from a small pool, emptied after each test, or a new one.
When PostgreSQL cannot start the tests that need it skip, and the reason is printed to
the terminal once, not only in pytest's summary.
"""

from __future__ import annotations

import atexit
import itertools
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ENV_URL = "PEACEWATCH_TEST_PG"
PREFIX = "pwtest"  # cluster names: pwtest_<pid>, so a leftover of a killed run can be recognised
TEMPLATE = "pw_template"
_counter = itertools.count()


@dataclass
class PgServer:
    host: str
    port: int
    user: str
    cluster: tuple[str, str] | None  # (version, name) when we started it with pg_createcluster
    private: bool = False  # a server of our own in a temporary folder (not root)

    def url(self, dbname: str) -> str:
        return f"postgresql://{self.user}@{self.host}:{self.port}/{dbname}"

    def admin(self, sql: str) -> None:
        """Run one statement on the maintenance database (over one kept connection)."""
        import psycopg

        global _admin
        if _admin is None or _admin.closed:
            _admin = psycopg.connect(self.url("postgres"), autocommit=True)
        _admin.execute(sql)

    def database(self, *, migrated: bool = True) -> str:
        """A new database (migrated from the template, or empty) and its URL."""
        name = f"t{os.getpid()}_{next(_counter)}"
        template = TEMPLATE if migrated else "template0"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {template}")
        if self.cluster is None and not self.private:  # someone else's server: leave it as we found it
            atexit.register(self.admin, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        return self.url(name)


_state: PgServer | str | None = None
_pool: list[str] = []  # URLs of emptied, migrated databases ready for the next test
IDENTITY_TABLES = (
    "runs",
    "articles",
    "events",
    "rejections",
    "official_imports",
    "official_rows",
    "figure_history",
    "declared_commitments",
)
_admin: Any = None  # psycopg.Connection to the maintenance database


def server(config: pytest.Config | None = None) -> PgServer:
    """The session's server, started on first use; skips the calling test when there is none."""
    global _state
    if _state is None:
        started = time.monotonic()
        _state = _start()
        if isinstance(_state, str):
            _say(config, f"PostgreSQL tests skipped: {_state}")
        else:
            _say(
                config,
                f"PostgreSQL test server on port {_state.port}, ready in {time.monotonic() - started:.1f} s",
            )
    if isinstance(_state, str):
        pytest.skip(_state)
    return _state


def database(request: pytest.FixtureRequest, *, migrated: bool = True, pooled: bool = True) -> str:
    """URL of an empty database on the session's server (skips when there is no server).

    A migrated database is taken from a pool and emptied again when the test ends (DELETE
    and identity restart: ~20 ms, where CREATE DATABASE takes 100–500 ms); ``pooled=False``
    gives a database of its own to a test that changes the schema.
    """
    srv = server(request.config)
    if not (migrated and pooled):
        return srv.database(migrated=migrated)
    url = _pool.pop() if _pool else srv.database()
    request.addfinalizer(lambda: _give_back(srv, url))
    return url


def _give_back(srv: PgServer, url: str) -> None:
    """Empty a pooled database for the next test; one that cannot be emptied is dropped."""
    import psycopg

    from peacewatch.store.copy import COPY_ORDER
    from peacewatch.store.migrations import load_migrations

    try:
        with psycopg.connect(url, autocommit=True) as conn, conn.transaction():
            conn.execute("SET LOCAL lock_timeout = '5s'")
            for table in reversed(COPY_ORDER):
                conn.execute(f"DELETE FROM {table}")
            for table in IDENTITY_TABLES:
                conn.execute(f"ALTER TABLE {table} ALTER COLUMN id RESTART")
            versions = conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()
            if versions is None or versions[0] != len(load_migrations()):
                raise psycopg.DataError("the schema was changed by the test")
    except psycopg.Error:
        srv.admin(f"DROP DATABASE IF EXISTS {url.rsplit('/', 1)[1]} WITH (FORCE)")
        return
    _pool.append(url)


def _say(config: pytest.Config | None, message: str) -> None:
    """Print past pytest's output capture, so a skip's reason is seen without -rs."""
    capman = config.pluginmanager.get_plugin("capturemanager") if config else None
    if capman is None:
        sys.stderr.write(message + "\n")
        return
    with capman.global_and_fixture_disabled():
        sys.stderr.write(f"\n[{message}]\n")


def _start() -> PgServer | str:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return 'psycopg is not installed (pip install "psycopg[binary]")'
    if os.environ.get(ENV_URL):
        return _external(os.environ[ENV_URL])
    versions = sorted(
        (p.name for p in Path("/usr/lib/postgresql").glob("*") if (p / "bin" / "postgres").exists()),
        key=int,
    )
    if not versions:
        return "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install -y postgresql)"
    version = versions[-1]
    port = _free_port()
    if os.geteuid() == 0:
        return _start_cluster(version, port)
    return _start_private(version, port)


_SETTINGS = (
    "listen_addresses=localhost",  # loopback only (pg_createcluster writes a bare 127.0.0.1 unquoted)
    "fsync=off",  # thrown away at the end: durability costs time and buys nothing
    "synchronous_commit=off",
    "full_page_writes=off",
    "max_connections=60",
)


def _start_cluster(version: str, port: int) -> PgServer | str:
    """As root: a Debian cluster (``pg_createcluster`` runs the server as ``postgres``)."""
    if not shutil.which("pg_createcluster"):
        return "pg_createcluster not found (apt-get install -y postgresql-common)"
    _drop_leftovers()
    name = f"{PREFIX}_{os.getpid()}"
    cmd = ["pg_createcluster", version, name, "--port", str(port), "--start"]
    for guc in _SETTINGS:
        cmd += ["-o", guc]
    cmd += ["--", "--auth=trust", "--no-sync"]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        _drop(version, name)
        tail = " ".join((proc.stderr or proc.stdout).split())[-300:]
        return f"pg_createcluster failed (exit {proc.returncode}): {tail}"
    atexit.register(_drop, version, name)
    return _prepare(PgServer("127.0.0.1", port, "postgres", (version, name)))


def _start_private(version: str, port: int) -> PgServer | str:
    """As any other user (initdb refuses root): a server of our own in a temporary folder."""
    import getpass
    import tempfile

    bindir = Path("/usr/lib/postgresql") / version / "bin"
    data = Path(tempfile.mkdtemp(prefix=f"{PREFIX}_{os.getpid()}_"))
    atexit.register(shutil.rmtree, data, True)
    user = getpass.getuser()
    init = subprocess.run(
        [str(bindir / "initdb"), "-D", str(data), "-U", user, "--auth=trust", "--no-sync", "-E", "UTF8"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if init.returncode != 0:
        return f"initdb failed (exit {init.returncode}): {' '.join(init.stderr.split())[-300:]}"
    options = f"-p {port} -k {data} " + " ".join(f"-c {guc}" for guc in _SETTINGS)
    ctl = [str(bindir / "pg_ctl"), "-D", str(data), "-l", str(data / "log"), "-o", options, "-w", "start"]
    started = subprocess.run(ctl, capture_output=True, text=True, timeout=120)
    if started.returncode != 0:
        return f"pg_ctl start failed (exit {started.returncode}): {' '.join(started.stdout.split())[-300:]}"
    atexit.register(
        subprocess.run,
        [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"],
        capture_output=True,
        check=False,
    )
    return _prepare(PgServer("127.0.0.1", port, user, None, private=True))


def _external(url: str) -> PgServer | str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    srv = PgServer(parts.hostname or "127.0.0.1", parts.port or 5432, parts.username or "postgres", None)
    return _prepare(srv)


def _prepare(srv: PgServer) -> PgServer | str:
    """Wait until the server answers, then build the migrated template database."""
    import psycopg

    from peacewatch.store.postgres import PostgresStore

    deadline = time.monotonic() + 20
    while True:
        try:
            srv.admin("SELECT 1")
            break
        except psycopg.OperationalError as e:
            if time.monotonic() > deadline:
                return f"the PostgreSQL server on port {srv.port} does not answer: {' '.join(str(e).split())}"
            time.sleep(0.1)
    srv.admin(f"DROP DATABASE IF EXISTS {TEMPLATE}")
    srv.admin(f"CREATE DATABASE {TEMPLATE} TEMPLATE template0")
    PostgresStore(srv.url(TEMPLATE)).close()
    return srv


def _close_admin() -> None:
    if _admin is not None:
        _admin.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _drop(version: str, name: str) -> None:
    _close_admin()
    subprocess.run(
        ["pg_dropcluster", "--stop", version, name], capture_output=True, text=True, timeout=60, check=False
    )


def _drop_leftovers() -> None:
    """Drop the clusters of earlier test runs that were killed before they could clean up."""
    proc = subprocess.run(["pg_lsclusters", "-h"], capture_output=True, text=True, check=False)
    for line in proc.stdout.splitlines():
        fields = line.split()
        if len(fields) < 2:
            continue
        m = re.fullmatch(rf"{PREFIX}_(\d+)", fields[1])
        if m and not _alive(int(m.group(1))):
            _drop(fields[0], fields[1])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
