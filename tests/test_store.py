"""The store through its public door, ``peacewatch.store.open_store``.

The tests taking the ``store`` fixture are the store's contract: they run against both
backends, a SQLite file and a PostgreSQL database (see ``pgserver.py``; PostgreSQL-only
tests are in ``test_store_postgres.py``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

import peacewatch.store.sqlite as store_sqlite
import pgserver
from peacewatch.errors import MigrationError, StoreError, UsageError
from peacewatch.records import (
    Article,
    Count,
    DateSpan,
    Event,
    Evidence,
    Place,
    Rejection,
    Venue,
    Weapon,
)
from peacewatch.store import AddResult, Store, open_store, similarity
from peacewatch.store.migrations import Migration, load_migrations

TEXT = (
    "Russian missiles hit Kharkiv overnight, killing at least seven people and injuring 20. "
    "Delegations met in Geneva on Sunday for talks mediated by the United States."
)


def make_article(n: int = 0, text: str = TEXT, **kw: object) -> Article:
    raw = f"{text} [{n}]"
    return Article(
        id=f"doc-{n}",
        text=raw,
        raw_text=raw,
        title=f"Article {n}",
        published="2025-11-24T08:00:00Z",
        url=f"https://example.org/{n}",
        source="Example News",
        language="en",
        origin="test.jsonl:1",
        boilerplate=((0, 0, "none"),),
        **kw,  # type: ignore[arg-type]
    )


def attack(
    day: dt.date = dt.date(2025, 11, 23),
    place: Place | None = None,
    killed: int = 7,
) -> Event:
    ev = Evidence(0, 28, "Russian missiles hit Kharkiv")
    return Event(
        kind="attack",
        evidence=(ev, Evidence(40, 58, "at least seven", field="killed")),
        confidence=0.87,
        date=DateSpan(day, day, "day", Evidence(29, 38, "overnight", field="date")),
        places=(
            place
            or Place(
                "Kharkiv", "Kharkiv Oblast", "UA", 49.98, 36.25, "city", 706483, Evidence(21, 28, "Kharkiv")
            ),
        ),
        actor="RU",
        killed=Count.at_least(killed, Evidence(40, 58, "at least seven")),
        injured=Count(20, 20, 20, "exact", None, children=3),
        weapons=(
            Weapon("missile", "Iskander-M", Count.approx(5), Count.exact(2)),
            Weapon("drone", "Shahed", Count.between(350, 500), None),
        ),
        targets=("residential", "energy"),
    )


def talks(day: dt.date = dt.date(2025, 11, 23)) -> Event:
    return Event(
        kind="talks",
        evidence=(Evidence(88, 127, "Delegations met in Geneva on Sunday"),),
        confidence=0.9,
        date=DateSpan(day, day, "day"),
        venue=Venue("Geneva", "CH"),
        parties=("UA", "US"),
        mediators=("US",),
        round=2,
        status="held",
    )


def undated_proposal() -> Event:
    return Event(
        kind="proposal",
        evidence=(Evidence(0, 10, "peace plan"),),
        confidence=0.6,
        name="refined peace framework",
        points=19,
        revises_points=28,
        proposer="US",
    )


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A new, empty store on each backend."""
    url = str(tmp_path / "pw.db") if request.param == "sqlite" else pgserver.database(request)
    s = open_store(url)
    yield s
    s.close()


def in_transaction(store: Store) -> bool:
    conn = store._conn  # type: ignore[attr-defined]
    if isinstance(conn, sqlite3.Connection):
        return conn.in_transaction
    return bool(conn.info.transaction_status)  # psycopg: IDLE is 0


# --- round trip and queries ------------------------------------------------------------


def test_round_trip_article_with_two_events(store: Store) -> None:
    art = make_article(1)
    evs = [attack(), talks()]
    res = store.add_article(art, evs, extractor_version="x1")
    assert isinstance(res, AddResult)
    assert res.status == "added" and len(res.event_ids) == 2

    got = store.events()
    assert [g.event for g in got] == evs
    assert [g.seq for g in got] == [0, 1]
    assert [g.id for g in got] == list(res.event_ids)
    g = got[0]
    assert (g.article_id, g.doc_id, g.title, g.source, g.url, g.published) == (
        res.article_id,
        "doc-1",
        "Article 1",
        "Example News",
        "https://example.org/1",
        "2025-11-24T08:00:00Z",
    )

    a = store.article(res.article_id)
    assert a is not None
    assert a.to_article() == art
    assert a.content_hash == art.content_hash
    assert a.n_events == 2 and a.extractor_version == "x1"
    assert a.boilerplate == ((0, 0, "none"),)
    assert store.article_by_doc_id("doc-1") == a
    assert store.article_by_doc_id("nope") is None
    assert store.article(999) is None
    assert store.find_article(art.content_hash) == res.article_id
    assert store.find_article("0" * 64) is None


def test_filter_columns_and_contract_are_stored(store: Store) -> None:
    store.add_article(make_article(1), [attack(), talks()], extractor_version="x1")
    rows = store._conn.execute(
        "SELECT kind, date_start, date_end, date_precision, actor, killed, injured, confidence, contract"
        " FROM events ORDER BY seq"
    ).fetchall()
    assert tuple(rows[0])[:8] == ("attack", "2025-11-23", "2025-11-23", "day", "RU", 7, 20, 0.87)
    assert tuple(rows[1])[:8] == ("talks", "2025-11-23", "2025-11-23", "day", None, None, None, 0.9)

    assert json.loads(rows[0][8]) == attack().to_contract()
    places = store._conn.execute(
        "SELECT role, name, admin1, country, lat, lon, precision FROM event_places"
    ).fetchall()
    assert [tuple(p) for p in places] == [
        ("place", "Kharkiv", "Kharkiv Oblast", "UA", 49.98, 36.25, "city"),
        ("venue", "Geneva", None, "CH", None, None, None),
    ]


def _populate(store: Store) -> None:
    kyiv = Place("Kyiv", "Kyiv City", "UA", 50.45, 30.52, "city")
    rostov = Place("Rostov-on-Don", "Rostov Oblast", "RU", 47.23, 39.7, "city")
    store.add_article(
        make_article(1), [attack(dt.date(2025, 11, 23)), talks(dt.date(2025, 11, 23))], extractor_version="x"
    )
    store.add_article(
        make_article(2), [attack(dt.date(2025, 11, 20), kyiv), undated_proposal()], extractor_version="x"
    )
    store.add_article(
        make_article(3), [attack(dt.date(2025, 11, 25), rostov, killed=2)], extractor_version="x"
    )


def test_filters(store: Store) -> None:
    _populate(store)

    def docs(**kw: object) -> list[tuple[str, str]]:
        return [(e.doc_id, e.event.kind) for e in store.events(**kw)]  # type: ignore[arg-type]

    # order: date_start, unknown dates last, then article, then seq
    assert docs() == [
        ("doc-2", "attack"),
        ("doc-1", "attack"),
        ("doc-1", "talks"),
        ("doc-3", "attack"),
        ("doc-2", "proposal"),
    ]
    assert docs(kind="talks") == [("doc-1", "talks")]
    assert docs(kind="proposal") == [("doc-2", "proposal")]
    assert docs(place="kharkiv") == [("doc-1", "attack")]
    assert docs(place="KYIV") == [("doc-2", "attack")]
    assert docs(place="rostov oblast") == [("doc-3", "attack")]  # admin1
    assert docs(place="oblast") == [("doc-1", "attack"), ("doc-3", "attack")]
    assert docs(place="geneva") == [("doc-1", "talks")]  # a talks venue
    assert docs(place="%") == []  # wildcards are literal
    assert docs(country="RU") == [("doc-3", "attack")]
    assert docs(country="ua") == [("doc-2", "attack"), ("doc-1", "attack")]
    assert docs(country="CH") == [("doc-1", "talks")]  # venue country
    assert docs(kind="attack", country="UA", place="kyiv") == [("doc-2", "attack")]
    assert docs(since=dt.date(2025, 11, 23)) == [("doc-1", "attack"), ("doc-1", "talks"), ("doc-3", "attack")]
    assert docs(until=dt.date(2025, 11, 22)) == [("doc-2", "attack")]
    assert docs(since=dt.date(2025, 11, 21), until=dt.date(2025, 11, 24)) == [
        ("doc-1", "attack"),
        ("doc-1", "talks"),
    ]
    assert docs(since="2025-11-25") == [("doc-3", "attack")]
    assert docs(since=dt.date(2025, 12, 1)) == []
    aid = store.find_article(make_article(2).content_hash)
    assert docs(article_id=aid) == [("doc-2", "attack"), ("doc-2", "proposal")]


def test_date_window_overlaps_multi_day_events(store: Store) -> None:
    week = Event(
        kind="attack",
        evidence=(Evidence(0, 5, "strikes"),),
        confidence=0.5,
        date=DateSpan(dt.date(2025, 11, 17), dt.date(2025, 11, 23), "week"),
    )
    store.add_article(make_article(1), [week], extractor_version="x")
    assert len(store.events(since=dt.date(2025, 11, 20), until=dt.date(2025, 11, 20))) == 1
    assert len(store.events(since=dt.date(2025, 11, 23))) == 1
    assert store.events(since=dt.date(2025, 11, 24)) == []
    assert store.events(until=dt.date(2025, 11, 16)) == []


def test_pagination(store: Store) -> None:
    for n in range(7):
        store.add_article(make_article(n), [attack(dt.date(2025, 11, 1 + n))], extractor_version="x")
    everything = store.events()
    assert len(everything) == 7
    pages = [store.events(limit=3, offset=o) for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [e for p in pages for e in p] == everything
    assert store.events(offset=5) == everything[5:]
    assert store.events(limit=0) == []
    arts = store.articles()
    assert [a.doc_id for a in arts] == [f"doc-{n}" for n in range(7)]
    assert store.articles(limit=2, offset=5) == arts[5:]
    assert store.articles(offset=6) == arts[6:]
    with pytest.raises(UsageError):
        store.events(limit=-1)
    with pytest.raises(UsageError):
        store.events(kind="battle")


def test_replace_events(store: Store) -> None:
    res = store.add_article(make_article(1), [attack(), talks()], extractor_version="x1")
    new_ids = store.replace_events(res.article_id, [undated_proposal()], extractor_version="x2")
    assert len(new_ids) == 1 and not set(new_ids) & set(res.event_ids)
    assert [e.event for e in store.events()] == [undated_proposal()]
    a = store.article(res.article_id)
    assert a is not None and a.extractor_version == "x2" and a.n_events == 1
    assert store._conn.execute("SELECT COUNT(*) FROM event_places").fetchone()[0] == 0
    with pytest.raises(StoreError, match="no article 999"):
        store.replace_events(999, [], extractor_version="x2")


def test_runs_rejections_and_stats(store: Store) -> None:
    run = store.start_run("ingest", {"paths": ["a.jsonl"]})
    store.add_article(make_article(1), [attack(), talks()], extractor_version="x", run_id=run)
    rid = store.add_rejection(Rejection("decode", "not UTF-8", "b.txt", "PW203"), run_id=run)
    store.add_rejection(Rejection("read", "missing", "c.txt"))
    store.finish_run(run, {"added": 1, "rejected": 1})
    command, _, finished_at, summary = store._conn.execute(
        "SELECT command, args, finished_at, summary FROM runs"
    ).fetchone()
    assert command == "ingest" and finished_at and '"added":1' in summary
    with pytest.raises(StoreError):
        store.finish_run(run + 100, {})

    rej = store.rejections(run)
    assert [(r.id, r.run_id, r.rejection) for r in rej] == [
        (rid, run, Rejection("decode", "not UTF-8", "b.txt", "PW203"))
    ]
    assert len(store.rejections()) == 2
    assert store.stats() == {
        "articles": 1,
        "events": 2,
        "events_attack": 1,
        "events_talks": 1,
        "events_proposal": 0,
        "events_commitment": 0,
        "rejections": 2,
        "near_duplicates": 0,
        "runs": 1,
    }
    assert store.integrity_check() == "ok"


# --- duplicates and near duplicates --------------------------------------------------------


def test_duplicate_content_hash_writes_nothing(store: Store) -> None:
    first = store.add_article(
        make_article(1), [attack()], extractor_version="x", keys=["k1"], signature=b"\0" * 1024
    )
    before = store.stats()
    # Same text up to whitespace, different id and title: still the same article.
    dup = Article(id="other", text=TEXT + "   [1]", raw_text=TEXT + "\n[1]", title="Other")
    res = store.add_article(
        dup, [talks(), attack()], extractor_version="y", keys=["k2"], signature=b"\1" * 1024
    )
    assert res == AddResult("duplicate", first.article_id, ())
    assert store.stats() == before
    assert store._conn.execute("SELECT COUNT(*) FROM article_lsh_keys").fetchone()[0] == 1
    assert store._conn.execute("SELECT COUNT(*) FROM article_signatures").fetchone()[0] == 1


def sig(values: list[int]) -> bytes:
    return struct.pack("<128Q", *values)


def test_similarity() -> None:
    base = list(range(1000, 1128))
    assert similarity(sig(base), sig(base)) == 1.0
    assert similarity(sig(base), sig([v + 1 for v in base])) == 0.0
    assert similarity(sig(base), sig(base[:96] + [0] * 32)) == 0.75
    # a value differing only in its high byte is a different value
    assert similarity(sig([2**63] * 128), sig([0] * 128)) == 0.0
    assert similarity(sig(base), sig(base)[:512]) == 0.0


def test_near_duplicates(store: Store) -> None:
    base = list(range(5000, 5128))
    a = store.add_article(
        make_article(1), [], extractor_version="x", signature=sig(base), keys=["b0:aa", "b1:bb"]
    )
    near = base[:120] + [1] * 8  # 120/128
    b = store.add_article(
        make_article(2),
        [],
        extractor_version="x",
        signature=sig(near),
        keys=["b0:aa", "b1:cc"],
        near_duplicate_of=a.article_id,
        similarity=120 / 128,
    )
    far = base[:64] + [2] * 64  # 0.5, shares a key but is not similar enough
    c = store.add_article(make_article(3), [], extractor_version="x", signature=sig(far), keys=["b1:bb"])
    store.add_article(
        make_article(4), [], extractor_version="x", signature=sig(base), keys=["zz"]
    )  # no shared key

    got = store.find_near_duplicates(["b0:aa", "b1:bb", "b0:aa"], sig(base), 0.8)
    assert got == [(a.article_id, 1.0), (b.article_id, 120 / 128)]
    got = store.find_near_duplicates(["b1:bb"], sig(base), 0.0)
    assert got == [(a.article_id, 1.0), (c.article_id, 0.5)]
    assert store.find_near_duplicates(["nothing"], sig(base), 0.1) == []
    assert store.find_near_duplicates([], sig(base), 0.1) == []
    # ties are broken by id
    assert store.find_near_duplicates(["b0:aa", "zz"], sig(base), 1.0) == [(a.article_id, 1.0), (4, 1.0)]
    stored = store.article(b.article_id)
    assert stored is not None and stored.near_duplicate_of == a.article_id and stored.similarity == 120 / 128
    assert store.stats()["near_duplicates"] == 1


def test_many_keys_are_chunked(store: Store) -> None:
    keys = [f"k{i}" for i in range(1500)]
    a = store.add_article(make_article(1), [], extractor_version="x", signature=sig([7] * 128), keys=keys)
    assert store.find_near_duplicates(keys[::-1], sig([7] * 128), 0.9) == [(a.article_id, 1.0)]


# --- atomicity -----------------------------------------------------------------------------


def test_unserialisable_event_writes_nothing(store: Store) -> None:
    bad = Event(kind="attack", evidence=(Evidence(0, 1, "x"),), confidence=float("nan"))
    with pytest.raises(StoreError, match="event 1"):
        store.add_article(make_article(1), [attack(), bad], extractor_version="x")
    weird = Event(kind="attack", evidence=(Evidence(0, 1, "x"),), confidence=0.5, actor=object())  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="cannot be stored"):
        store.add_article(make_article(1), [weird], extractor_version="x")
    battle = Event(kind="battle", evidence=(Evidence(0, 1, "x"),), confidence=0.5)  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="unknown kind 'battle'"):
        store.add_article(make_article(1), [battle], extractor_version="x")
    assert store.stats()["articles"] == 0


@pytest.mark.parametrize("exc", [RuntimeError("boom"), KeyboardInterrupt()])
def test_failure_mid_transaction_rolls_back(
    store: Store, monkeypatch: pytest.MonkeyPatch, exc: BaseException
) -> None:
    backend = type(store)
    real = backend._insert_events  # type: ignore[attr-defined]

    def half_then_fail(self: Store, c: object, article_id: int, rows: list) -> tuple[int, ...]:
        real(self, c, article_id, rows[:1])  # the article row and one event are written …
        raise exc  # … then the process "fails"

    monkeypatch.setattr(backend, "_insert_events", half_then_fail)
    with pytest.raises(type(exc)):
        store.add_article(make_article(1), [attack(), talks()], extractor_version="x", keys=["k"])
    monkeypatch.undo()
    for table in ("articles", "events", "event_places", "article_lsh_keys"):
        assert store._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    assert not in_transaction(store)
    # the store is still usable afterwards
    assert store.add_article(make_article(1), [attack(), talks()], extractor_version="x").status == "added"


def test_sqlite_error_in_transaction_becomes_store_error(store: Store) -> None:
    with pytest.raises(StoreError, match="storing article doc-1"):
        store.add_article(make_article(1), [attack()], extractor_version="x", near_duplicate_of=12345)  # FK
    assert store.stats()["articles"] == store.stats()["events"] == 0


# --- opening and migrations ------------------------------------------------------------


def test_migrations_run_once_and_are_recorded(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    with open_store(path) as s:
        assert s.schema_version() == len(load_migrations()) >= 1
        assert s.migrate() == []
        rows = s._conn.execute("SELECT version, name, applied_at FROM schema_migrations").fetchall()  # type: ignore[attr-defined]
        assert [(r[0], r[1]) for r in rows] == [(m.version, m.name) for m in load_migrations()]
        assert rows[0][2]
    with open_store(f"sqlite:///{path}") as s:
        assert s.migrate() == []
        assert s._conn.execute("SELECT COUNT(*) FROM schema_migrations").fetchone()[0] == len(rows)  # type: ignore[attr-defined]
        assert s._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"  # type: ignore[attr-defined]
        assert s._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1  # type: ignore[attr-defined]
        assert s._conn.execute("PRAGMA busy_timeout").fetchone()[0] == 30000  # type: ignore[attr-defined]
        assert s._conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL  # type: ignore[attr-defined]


def test_new_migration_is_applied_in_its_own_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.db"
    open_store(path).close()
    n = len(load_migrations())
    good = Migration(
        n + 1, "add_notes", "-- notes\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);\n"
    )
    bad = Migration(n + 2, "broken", "CREATE TABLE t2 (x INTEGER);\nSELEC nonsense;\n")
    monkeypatch.setattr(store_sqlite, "load_migrations", lambda: [*load_migrations(), good, bad])
    with pytest.raises(MigrationError, match=f"{n + 2:04d}_broken"):
        open_store(path)
    monkeypatch.setattr(store_sqlite, "load_migrations", lambda: [*load_migrations(), good])
    with open_store(path) as s:  # n+1 stuck, n+2 left no trace
        assert s.schema_version() == n + 1
        assert s.migrate() == []
        tables = {r[0] for r in s._conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table'")}  # type: ignore[attr-defined]
        assert "notes" in tables and "t2" not in tables


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    with open_store(path) as s:
        s._conn.execute("INSERT INTO schema_migrations VALUES (999, 'from_the_future', '2030-01-01')")  # type: ignore[attr-defined]
    with pytest.raises(MigrationError, match="999"):
        open_store(path)


def test_memory_and_urls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for url in (":memory:", "sqlite://", "sqlite:///:memory:"):
        with open_store(url) as s:
            assert s.url == ":memory:" and s.schema_version() >= 1
    monkeypatch.chdir(tmp_path)
    with open_store("sqlite:///rel/x.db") as s:
        assert s.url == str(tmp_path / "rel" / "x.db")
    with open_store(f"sqlite:///{tmp_path}/abs.db") as s:
        assert s.url == str(tmp_path / "abs.db")
    monkeypatch.setenv("PEACEWATCH_DB", str(tmp_path / "env" / "db.sqlite"))
    with open_store() as s:
        assert s.url == str(tmp_path / "env" / "db.sqlite")
    assert (tmp_path / "env" / "db.sqlite").is_file()


@pytest.mark.parametrize(
    "url, message",
    [
        ("mysql://user:secret@host/db", "unsupported database URL scheme 'mysql'"),
        ("sqlite://host/x.db", "no host"),
        ("  ", "empty"),
    ],
)
def test_unsupported_urls(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as info:
        open_store(url)
    assert "secret" not in str(info.value)
    assert "\n" not in str(info.value)


def test_bad_paths(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=re.escape(str(tmp_path))):
        open_store(tmp_path)  # a directory
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match=re.escape(str(blocker))):
        open_store(blocker / "db.sqlite")  # parent is a file
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match=re.escape(str(junk))):
        open_store(junk)


def test_closed_store_raises_store_error(tmp_path: Path) -> None:
    s = open_store(tmp_path / "c.db")
    s.close()
    s.close()  # idempotent
    with pytest.raises(StoreError):
        s.stats()
