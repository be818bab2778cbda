"""Analyses of every reconciled event are computed once per state and shared (``web.snapshot``):
N concurrent requests make one computation, their answers equal the uncached library's, a
new reconciled state is picked up, and a stale answer is marked as one."""

from __future__ import annotations

import asyncio
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from peacewatch import api
from peacewatch.store import Store
from peacewatch.web import create_app, snapshot
from peacewatch.web.snapshot import SingleFlight, Snapshots


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("singleflight") / "demo.db"
    api.demo(str(db))
    return db


@pytest.fixture
def db(demo_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    return copy


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[float]]:
    """Every snapshot read, each made slow enough (0.3 s) that concurrent requests overlap it."""
    calls: list[float] = []
    real = snapshot.read_snapshot

    def slow(store: Store) -> snapshot.Snapshot:
        calls.append(time.monotonic())
        time.sleep(0.3)
        return real(store)

    monkeypatch.setattr(snapshot, "read_snapshot", slow)
    yield calls


def _concurrently(app: Any, paths: list[str]) -> list[httpx.Response]:
    async def go() -> list[httpx.Response]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return list(await asyncio.gather(*(client.get(p) for p in paths)))

    return asyncio.run(go())


def test_concurrent_requests_share_one_computation(db: Path, counted: list[float]) -> None:
    app = create_app(str(db), token="")
    with TestClient(app):  # lifespan: the app closes its stores and thread at the end
        answers = _concurrently(
            app, ["/api/timeline"] * 20 + ["/api/plans"] * 10 + ["/api/commitments/check"] * 10
        )
    assert [r.status_code for r in answers] == [200] * 40
    assert len(counted) == 1  # one snapshot for 40 requests of three analyses
    assert app.state.snapshots.builds == 1
    timelines = {r.content for r in answers[:20]}
    assert len(timelines) == 1  # the same bytes to everyone
    assert answers[0].json() == api.timeline(str(db)).to_dict()  # as the uncached library says
    assert answers[20].json() == [x.to_dict() for x in api.plans(str(db))]
    assert answers[30].json() == [x.to_dict() for x in api.check_commitments(str(db))]
    states = {r.headers["x-peacewatch-state"] for r in answers}
    assert len(states) == 1 and {r.headers["x-peacewatch-stale"] for r in answers} == {"false"}


def test_every_analysis_equals_the_library(db: Path) -> None:
    with TestClient(create_app(str(db), token="")) as c:
        assert c.get("/api/timeline?days_before=1&days_after=5").json() == (
            api.timeline(str(db), days_before=1, days_after=5).to_dict()
        )
        assert c.get("/api/commitments").json() == [x.to_dict() for x in api.commitments(str(db))]
        assert c.get("/api/crosscheck").json() == api.crosscheck(None, str(db)).to_dict()
        daily = api.timeline(str(db)).to_dict()["daily"]
        assert c.get("/charts?format=json").json()["daily"] == daily
        page = c.get("/timeline")
        assert page.status_code == 200 and "x-peacewatch-state" in page.headers


def test_a_new_reconciled_state_is_computed_once_and_served(db: Path, counted: list[float]) -> None:
    app = create_app(str(db), token="", stale_seconds=0)
    with TestClient(app) as c:
        first = c.get("/api/commitments")
        assert len(counted) == 1
        again = c.get("/api/commitments")
        assert again.content == first.content and len(counted) == 1  # nothing changed: not recomputed
        api.add_commitment("Sea truce", "ports", "2025-12-01", db=str(db))
        answers = _concurrently(app, ["/api/commitments"] * 10)
        assert len(counted) == 2  # one more computation for ten requests
        names = [x["name"] for x in answers[0].json()]
        assert names == [x["name"] for x in first.json()] + ["Sea truce"]
        assert answers[0].headers["x-peacewatch-state"] != first.headers["x-peacewatch-state"]


def test_stale_answer_while_the_new_state_is_computed(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``wait_seconds`` the previous snapshot answers, marked stale; ``no-cache`` waits."""
    release = threading.Event()
    real = snapshot.read_snapshot
    calls: list[int] = []

    def gated(store: Store) -> snapshot.Snapshot:
        calls.append(1)
        if len(calls) > 1:
            release.wait(10)
        return real(store)

    monkeypatch.setattr(snapshot, "read_snapshot", gated)
    app = create_app(str(db), token="")
    app.state.snapshots.wait_seconds = 0.05
    with TestClient(app) as c:
        before = c.get("/api/commitments")
        api.add_commitment("Sea truce", "ports", "2025-12-01", db=str(db))
        stale = c.get("/api/commitments")
        assert stale.content == before.content
        assert stale.headers["x-peacewatch-stale"] == "true"
        assert stale.headers["x-peacewatch-state"] == before.headers["x-peacewatch-state"]
        assert int(stale.headers["age"]) >= 0
        release.set()
        fresh = c.get("/api/commitments", headers={"Cache-Control": "no-cache"})
        assert fresh.headers["x-peacewatch-stale"] == "false"
        assert "Sea truce" in [x["name"] for x in fresh.json()]
        assert len(calls) == 2  # the background build and the no-cache request shared one


def test_single_flight_runs_one_and_shares_errors() -> None:
    flight = SingleFlight()
    runs: list[int] = []
    gate = threading.Event()

    def work() -> int:
        runs.append(1)
        gate.wait(5)
        return 42

    results: list[int] = []
    threads = [threading.Thread(target=lambda: results.append(flight.run("k", work))) for _ in range(8)]
    for t in threads:
        t.start()
    time.sleep(0.2)
    gate.set()
    for t in threads:
        t.join(5)
    assert results == [42] * 8 and runs == [1]

    def boom() -> int:
        raise ValueError("no")

    with pytest.raises(ValueError):
        flight.run("k", boom)
    assert flight.run("k", lambda: 7) == 7  # a failure is not remembered


def test_sqlite_state_is_reread_only_when_the_files_change(db: Path) -> None:
    from peacewatch.store import open_store

    reads: list[int] = []
    store = open_store(str(db), create=False)
    real = store.canonical_version

    def counting() -> str:
        reads.append(1)
        return real()

    store.canonical_version = counting  # type: ignore[method-assign]
    try:
        snaps = Snapshots(lambda: store, files=(str(db), str(db) + "-wal"), recheck_seconds=60)
        a = snaps.state(store)
        assert snaps.state(store) == a and len(reads) == 1
        api.add_commitment("Sea truce", "ports", "2025-12-01", db=str(db))
        assert snaps.state(store) != a and len(reads) == 2
    finally:
        store.close()
