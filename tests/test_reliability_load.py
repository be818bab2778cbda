"""Issue 7, item 6: 50 concurrent API clients while ``peacewatch ingest`` writes to the same
database, on SQLite and on PostgreSQL.

Each run serves the demo database from ``peacewatch serve``'s app in a process of its own,
starts 50 closed-loop clients going round a mix of endpoints (bench/api_load.py's
clients), and a second later a real ``peacewatch ingest`` process of a generated corpus
(bench/corpus.py). Every answer must be 2xx and no connection may fail; latency is
reported, not asserted (the machine is shared). A monitor reads ``/api/stats`` every half
second, so the run also shows that articles were committed while the clients ran. Quick:
10 s per store; ``make reliability``: 60 s.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from peacewatch import api
from reliability import REPO, record, scale

sys.path.insert(0, str(REPO / "bench"))
import api_load
from corpus import generate

pytestmark = pytest.mark.reliability

CLIENTS = 50
SECONDS = scale(10, 60)
WARMUP = 1.0
INGEST_AFTER = -0.5  # seconds from the end of the warm-up: the ingest starts while the clients warm up
# enough articles to keep the ingest busy for the whole window on this machine (SQLite stores
# about 40 a second beside the clients, PostgreSQL about 20): the clients never see a still store
ARTICLES = scale(400, 3000)
RESULTS: dict[str, dict[str, Any]] = {}  # store → figures, printed side by side at the end


# The endpoints the clients go round: lists, a filtered list, stats, the timeline, pages. No
# canonical event page: its id is the cluster's first report by publication, so an ingest of
# earlier articles renames it (a 404 then is the documented rule, not a failure under load).
MIX = [
    "/api/events?limit=20",
    "/api/canonical?limit=20",
    "/api/canonical?kind=attack&sort=-killed&limit=10",
    "/api/stats",
    "/api/timeline",
    "/articles/1",
    "/charts",
]


async def _monitor(port: int, stop_at: float, seen: list[tuple[float, int]]) -> None:
    """Articles stored, every half second, on a connection of its own (not measured)."""
    start = time.perf_counter()
    while time.perf_counter() < stop_at:
        stats = await api_load.get_json("127.0.0.1", port, "/api/stats")
        seen.append((time.perf_counter() - start, int(stats["articles"])))
        await asyncio.sleep(0.5)


async def _run(
    port: int, paths: list[str], start_ingest: Any
) -> tuple[api_load.Phase, list[tuple[float, int]]]:
    seen: list[tuple[float, int]] = []
    stop_at = time.perf_counter() + WARMUP + SECONDS
    clients = asyncio.ensure_future(api_load.run_mix("127.0.0.1", port, paths, CLIENTS, SECONDS, WARMUP))
    monitor = asyncio.ensure_future(_monitor(port, stop_at, seen))
    await asyncio.sleep(WARMUP + INGEST_AFTER)
    start_ingest()
    phase = await clients
    await monitor
    return phase, seen


def run_load(store: str, db: str, exe: Path, tmp_path: Path) -> dict[str, Any]:
    """Serve ``db``, run the clients, start the ingest during them; the figures of the run."""
    api.demo(db)
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in generate(ARTICLES, words=350, seed=7)))
    port = api_load.free_port()
    server = api_load.start_server(db, port)
    ingest: subprocess.Popen[bytes] | None = None
    log = tmp_path / f"ingest-{store}.log"
    started: list[float] = []

    ended: list[float] = []

    def start_ingest() -> None:
        nonlocal ingest
        started.append(time.perf_counter())
        with log.open("wb") as fh:
            ingest = subprocess.Popen(
                [str(exe), "ingest", str(corpus), "--db", db], stdout=fh, stderr=subprocess.STDOUT
            )
        proc = ingest
        threading.Thread(target=lambda: (proc.wait(), ended.append(time.perf_counter())), daemon=True).start()

    try:
        phase, seen = asyncio.run(_run(port, MIX, start_ingest))
        assert ingest is not None
        during = ingest.poll() is None
        code = ingest.wait(timeout=600)
        time.sleep(0.05)  # the watcher thread notes the exit time
        ingest_seconds = (ended[0] if ended else time.perf_counter()) - started[0]
    finally:
        if ingest is not None and ingest.poll() is None:
            ingest.kill()
        api_load.stop_server(server)
    row = phase.row()
    assert phase.errors == 0, f"{store}: {phase.errors} errors, first ones: {phase.problems}"
    assert set(phase.statuses) == {200}, phase.statuses
    assert code in (0, 1), f"ingest exited {code}: {log.read_text(errors='replace')[-2000:]}"
    counts = [n for _, n in seen]
    during_window = counts[-1] - counts[0] if counts else 0
    assert during_window > 0, f"{store}: no article was committed while the clients ran ({seen})"
    total = _articles(db)
    figures = {
        "store": store,
        "clients": CLIENTS,
        "seconds": SECONDS,
        "requests": row["requests"],
        "errors": phase.errors,
        "req_per_s": round(float(row["req_per_s"]), 1),
        "p50_ms": round(float(row["p50_ms"]), 1),
        "p95_ms": round(float(row["p95_ms"]), 1),
        "p99_ms": round(float(row["p99_ms"]), 1),
        "max_ms": round(float(row["max_ms"]), 1),
        "p99_ms_by_endpoint": {k: round(v, 1) for k, v in phase.path_p99_ms().items()},
        "articles_ingested_during_clients": during_window,
        "ingest_still_running_at_end": during,
        "ingest_seconds": round(ingest_seconds, 1),
        "ingest_exit": code,
        "articles_after": total,
        "endpoints": len(MIX),
    }
    RESULTS[store] = figures
    record("6-load", store, **figures)
    return figures


def _articles(db: str) -> int:
    from peacewatch.store import open_store

    store = open_store(db, create=False)
    try:
        return int(store.stats()["articles"])
    finally:
        store.close()


def test_load_beside_an_ingest_sqlite(peacewatch_exe: Path, tmp_path: Path) -> None:
    run_load("sqlite", str(tmp_path / "load.db"), peacewatch_exe, tmp_path)


def test_load_beside_an_ingest_postgresql(
    peacewatch_exe: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    import pgserver  # the session's throwaway PostgreSQL (skips, with the reason, when it cannot start)

    run_load("postgresql", pgserver.database(request), peacewatch_exe, tmp_path)


def test_load_figures_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the runs of this session next to each other (the reliability summary has them too)."""
    if not RESULTS:
        pytest.skip("no load run in this session")
    first = next(iter(RESULTS.values()))
    keys = [k for k, v in first.items() if k != "store" and not isinstance(v, dict)]
    with capsys.disabled():
        print(f"\n{'':34}" + "".join(f"{s:>14}" for s in RESULTS))
        for k in keys:
            print(f"{k:34}" + "".join(f"{RESULTS[s][k]!s:>14}" for s in RESULTS))
        for s, figures in RESULTS.items():
            print(f"p99 ms by endpoint, {s}: {figures['p99_ms_by_endpoint']}")
