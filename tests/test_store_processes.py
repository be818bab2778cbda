"""The store under real processes: a writer killed mid-way, a reader beside a writer, two writers.

The child processes run ``main()`` below (``python -c`` with this folder on sys.path).
Every test article carries its event count in its title, so a reader can check that
it never sees half an article.
"""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from peacewatch.records import Article, Count, DateSpan, Event, Evidence, Place, Weapon
from peacewatch.store import open_store

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
CHILD = (
    f"import sys; sys.path.insert(0, {str(HERE)!r}); import test_store_processes as t; t.main(sys.argv[1:])"
)
N_CRASH = 2000


# --- what the child processes do -----------------------------------------------------------


def n_events(i: int) -> int:
    return i % 5


def make_article(i: int) -> Article:
    body = f"Synthetic report number {i}. " + "Shelling was reported in the region overnight. " * 20
    return Article(
        id=f"p{i}", text=body, raw_text=body, title=f"article {i} events={n_events(i)}", source="t"
    )


def make_events(i: int) -> list[Event]:
    day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 300)
    return [
        Event(
            kind="attack",
            evidence=(Evidence(0, 9, "Synthetic"),),
            confidence=0.5,
            date=DateSpan(day, day, "day"),
            places=(
                Place("Kharkiv", "Kharkiv Oblast", "UA", 49.98, 36.25, "city"),
                Place("Izium", "Kharkiv Oblast", "UA", 49.21, 37.26, "city"),
            ),
            actor="RU",
            killed=Count.exact(j),
            weapons=(Weapon("drone", "Shahed", Count.at_least(10 + j)),),
        )
        for j in range(n_events(i))
    ]


def write(path: str, indices: Iterable[int]) -> None:
    with open_store(path) as store:
        for i in indices:
            sig = (i % 7).to_bytes(8, "little") * 128
            res = store.add_article(
                make_article(i), make_events(i), extractor_version="t", signature=sig, keys=[f"k{i % 13}"]
            )
            print(i, res.status, flush=True)


def read_until(path: str, stop_file: str) -> None:
    """Read every event over and over; fail loudly on any torn article or shrinking count."""
    with open_store(path) as store:
        print("ready", flush=True)
        seen, loops, sizes = 0, 0, set()
        while True:
            stop = os.path.exists(stop_file)
            events = store.events(kind="attack", country="UA")
            per_article = Counter(e.article_id for e in events)
            for e in events:
                want = int(e.title.rsplit("=", 1)[1])  # type: ignore[union-attr]
                assert per_article[e.article_id] == want, (e.title, per_article[e.article_id])
            assert len(events) >= seen, (len(events), seen)
            seen, loops = len(events), loops + 1
            sizes.add(seen)
            if stop:
                break
        print("loops", loops, "events", seen, "sizes", len(sizes), flush=True)


def main(argv: list[str]) -> None:
    mode, path, *rest = argv
    if mode == "write":
        start, stop, step = map(int, rest)
        write(path, range(start, stop, step))
    else:
        read_until(path, rest[0])


# --- the tests -------------------------------------------------------------------------------


def spawn(*args: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, *map(str, args)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen[str], timeout: float = 60) -> tuple[list[str], str]:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "Error" not in err, err
    return out.splitlines(), err


def check_complete(path: Path) -> int:
    """Integrity ok and every stored article has all its events; returns the article count."""
    with open_store(path) as store:
        assert store.integrity_check() == "ok"
        arts = store.articles()
        for a in arts:
            assert a.title is not None
            assert a.n_events == int(a.title.rsplit("=", 1)[1]), a.title
        assert len({a.doc_id for a in arts}) == len(arts)
        assert store.stats()["events"] == sum(a.n_events for a in arts)
        return len(arts)


def test_writer_killed_midway_leaves_whole_articles(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    stored = 0
    for cycle in range(3):  # kill it three times, each time after 300 more articles and a pause
        proc = spawn("write", db, 0, N_CRASH, 1)
        assert proc.stdout is not None
        added = 0
        for line in proc.stdout:
            added += line.endswith(" added\n")
            if added == 300:
                break
        time.sleep(0.01 * cycle)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL
        now = check_complete(db)
        assert stored + added <= now < N_CRASH  # killed mid-way, nothing committed was lost
        stored = now

    lines, _ = finish(spawn("write", db, 0, N_CRASH, 1))
    statuses = Counter(line.split()[1] for line in lines)
    assert statuses == {"duplicate": stored, "added": N_CRASH - stored}
    assert check_complete(db) == N_CRASH


def test_reader_beside_writer(tmp_path: Path) -> None:
    db = tmp_path / "rw.db"
    open_store(db).close()
    stop = tmp_path / "stop"
    reader = spawn("read", db, stop)
    assert reader.stdout is not None and reader.stdout.readline() == "ready\n"
    writer = spawn("write", db, 0, 600, 1)
    finish(writer)
    stop.touch()
    out, _ = finish(reader)
    _, _, _, events, _, sizes = out[-1].split()
    assert int(events) == sum(n_events(i) for i in range(600))
    assert int(sizes) >= 2, out  # it really read while the writer wrote
    assert check_complete(db) == 600


def test_two_writers_same_file(tmp_path: Path) -> None:
    db = tmp_path / "ww.db"  # does not exist yet: both processes create and migrate it at once
    a = spawn("write", db, 0, 600, 1)
    b = spawn("write", db, 899, 299, -1)  # 899 … 300, meeting the other in the middle
    lines = finish(a)[0] + finish(b)[0]
    statuses = Counter(line.split()[1] for line in lines)
    assert statuses["added"] == 900
    assert statuses["duplicate"] == 300
    assert check_complete(db) == 900
    with open_store(db) as store:
        assert store.schema_version() >= 1
        rows = store._conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0]  # type: ignore[attr-defined]
        assert rows == store.schema_version()
