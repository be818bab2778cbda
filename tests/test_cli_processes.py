"""The ``peacewatch`` command as real processes: an ingest killed with SIGKILL half-way, and readers
running ``peacewatch events`` while an ingest writes.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peacewatch import open_store
from peacewatch.cli import app
from peacewatch.extract import get_extractor

pytestmark = [
    pytest.mark.usefixtures("isolated_env"),
    pytest.mark.skipif(sys.platform == "win32", reason="needs POSIX signals"),
]

N_KILL = 2000
KILL_AFTER = 500  # articles committed before the SIGKILL
N_CONCURRENT = 1000


def stored_count(db: Path) -> int:
    """Articles committed so far, read through a read-only connection (0 before the schema exists)."""
    if not db.exists():
        return 0
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0


def start(exe: Path, *args: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as fh:
        return subprocess.Popen([str(exe), *args], stdout=fh, stderr=subprocess.STDOUT, env=os.environ.copy())


def test_kill_9_mid_ingest_loses_nothing_committed(
    peacewatch_exe: Path,
    tmp_path: Path,
    db_path: Path,
    strike_reports: Callable[..., list[dict[str, Any]]],
    jsonl_file: Callable[..., Path],
) -> None:
    source = jsonl_file(strike_reports(N_KILL, seed=1), "reports.jsonl")
    proc = start(peacewatch_exe, "ingest", str(source), "--db", str(db_path), log=tmp_path / "first.log")
    try:
        deadline = time.monotonic() + 90
        while stored_count(db_path) <= KILL_AFTER:
            assert proc.poll() is None, (tmp_path / "first.log").read_text()
            assert time.monotonic() < deadline, f"ingest too slow to store {KILL_AFTER} articles"
            time.sleep(0.02)
        proc.send_signal(signal.SIGKILL)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
    assert proc.returncode == -signal.SIGKILL

    with open_store(db_path) as store:
        assert store.integrity_check() == "ok"
        articles = store.articles()
        before = len(articles)
        assert KILL_AFTER < before < N_KILL
        # Every stored article has all its events: as many, of the same kinds, as the extractor gives.
        extractor = get_extractor()
        for a in articles:
            expected = sorted(e.kind for e in extractor.extract_clean(a.text, a.published))
            stored = sorted(e.event.kind for e in store.events(article_id=a.id))
            assert a.n_events == len(expected) and stored == expected, a.doc_id
        assert store.stats()["events"] == sum(a.n_events for a in articles)

    result = CliRunner().invoke(app, ["ingest", str(source), "--db", str(db_path)], catch_exceptions=False)

    assert result.exit_code == 0, result.stderr
    assert f"read {N_KILL}, added {N_KILL - before} " in result.stderr
    assert f"duplicates {before}," in result.stderr
    assert "already stored" in result.stderr
    with open_store(db_path) as store:
        articles = store.articles()
        assert store.integrity_check() == "ok"
        assert store.stats()["articles"] == N_KILL
    assert len({a.doc_id for a in articles}) == N_KILL
    assert len({a.content_hash for a in articles}) == N_KILL
    assert {a.doc_id for a in articles} == {f"synthetic-1-{i}" for i in range(N_KILL)}


def test_events_readers_beside_an_ingest(
    peacewatch_exe: Path,
    tmp_path: Path,
    db_path: Path,
    strike_reports: Callable[..., list[dict[str, Any]]],
    jsonl_file: Callable[..., Path],
) -> None:
    source = jsonl_file(strike_reports(N_CONCURRENT, seed=2), "reports.jsonl")
    open_store(db_path).close()  # readers need the database to exist; the writer fills it
    writer = start(peacewatch_exe, "ingest", str(source), "--db", str(db_path), log=tmp_path / "writer.log")
    seen: list[int] = []
    try:
        while True:
            running = writer.poll() is None
            reader = subprocess.run(
                [str(peacewatch_exe), "events", "--db", str(db_path), "--format", "json"],
                capture_output=True,
                timeout=60,
                check=False,
            )
            assert reader.returncode == 0, reader.stderr.decode()
            assert reader.stderr == b""
            rows = json.loads(reader.stdout)
            assert isinstance(rows, list)
            seen.append(len(rows))
            if not running:
                break
            time.sleep(0.5)  # leave the writer most of the CPU between readers (each one imports spaCy)
    finally:
        if writer.poll() is None:
            writer.kill()
        writer.wait(60)

    log = (tmp_path / "writer.log").read_text()
    assert writer.returncode == 0, log
    assert f"read {N_CONCURRENT}, added {N_CONCURRENT} " in log
    assert "error" not in log.lower()
    assert len(seen) >= 2
    assert seen == sorted(seen)  # committed events only ever grow
    with open_store(db_path) as store:
        assert store.integrity_check() == "ok"
        stats = store.stats()
    assert stats["articles"] == N_CONCURRENT
    assert seen[-1] == stats["events"]
