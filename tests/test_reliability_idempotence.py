"""Idempotence and order (issue 7, item 2): the same corpus ingested twice, in shuffled orders, in
chunks, or split across two processes writing at once, gives the same canonical events — same
ids, figures, members, sources — on SQLite and on PostgreSQL.

The corpus mixes strikes reported by several outlets (clusters whose id comes from the first
report, with disputed and superseded figures and publication-time ties), single-outlet strike
reports and the whole demo corpus (JSONL, HTML pages, an RSS feed). The reference is one
uninterrupted ingest into SQLite. Every run is a real ``peacewatch ingest`` process, forked from a
fork server (see the crash tests) that has the CLI imported already, so that two of them really
start together; the second run of ``twice`` is the console script itself. Orders come from a
seeded RNG: the seed is printed and recorded, and ``PEACEWATCH_ORDER_SEED`` replays one.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import pgserver
from conftest import canonical_fingerprint_of, outlet_report_set, strike_report, write_jsonl
from peacewatch import api
from peacewatch.extract import get_extractor
from peacewatch.reconcile.run import reconcile_store
from peacewatch.records import Article
from peacewatch.store import open_store
from reliability import record, scale
from test_reliability_crash import Child, ForkServer, Runner, child_env, query

pytestmark = [
    pytest.mark.reliability,
    pytest.mark.skipif(sys.platform == "win32", reason="needs fork"),
]

SEED = int(os.environ.get("PEACEWATCH_ORDER_SEED") or random.SystemRandom().randrange(2**31))
TIMEOUT = 300.0


@dataclass(frozen=True)
class Corpus:
    records: list[dict[str, Any]]  # the JSONL articles (the demo pages and feed are added as they are)
    pages: str
    feed: str
    reference: dict[str, dict[str, Any]]  # canonical_fingerprint_of one uninterrupted ingest
    articles: int
    events: int

    def write(self, folder: Path, records: list[dict[str, Any]], *, name: str = "corpus.jsonl") -> Path:
        return write_jsonl(folder / name, records)


@pytest.fixture(scope="module")
def runner_parts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[ForkServer, Path]]:
    work = tmp_path_factory.mktemp("order-runs")
    server = ForkServer(child_env(work / "home"), work)
    try:
        yield server, work
    finally:
        server.close()


@pytest.fixture(scope="module")
def corpus(runner_parts: tuple[ForkServer, Path], peacewatch_exe: Path) -> Corpus:
    """The corpus and its reference: one uninterrupted ingest into SQLite, by a process forked
    from the same fork server as the runs it is compared with (so that all of them run the same
    code, even when the working tree changes during the session)."""
    server, work = runner_parts
    jsonl, pages, feed = api.demo_sources()
    records = outlet_report_set(scale(16, 50), seed=SEED % 997) + [
        strike_report(i, seed=SEED % 991) for i in range(scale(20, 80))
    ]
    records += [
        json.loads(line) for line in Path(jsonl).read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    source = write_jsonl(work / "corpus.jsonl", records)
    db = str(work / "reference.db")
    runner = Runner(peacewatch_exe, work, server, child_env(work / "home"))
    done = finished(ingest(runner, [str(source), pages, feed], db))[-1]
    assert done["op"] == "done" and done["rejected"] == 0 and done["reconciled"]
    reference = canonical_fingerprint_of(db)
    assert any(e["n_members"] > 2 for e in reference.values()), "the corpus has no multi-source events"
    return Corpus(records, pages, feed, reference, done["added"], done["events"])


@pytest.fixture
def runner(runner_parts: tuple[ForkServer, Path], peacewatch_exe: Path, tmp_path: Path) -> Runner:
    server, _ = runner_parts
    return Runner(peacewatch_exe, tmp_path, server, child_env(tmp_path / "home"))


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db(request: pytest.FixtureRequest, tmp_path: Path) -> Callable[[], str]:
    """A factory of empty databases of one backend (each call a new one)."""
    count = iter(range(1000))
    if request.param == "postgresql":
        pgserver.server(request.config)  # skips, with the reason printed, when PostgreSQL cannot start
        return lambda: pgserver.database(request)
    return lambda: str(tmp_path / f"db-{next(count)}.db")


def backend(url: str) -> str:
    return "postgresql" if url.startswith("postgresql://") else "sqlite"


def ingest(runner: Runner, sources: list[str], db: str, *, console: bool = False) -> Child:
    """Start one ``peacewatch ingest --log -`` (the console script, or forked)."""
    return runner.start(["ingest", *sources, "--db", db, "--log", "-"], pause_at=None if console else 0)


def finished(child: Child) -> list[dict[str, Any]]:
    """Wait for a run; it must succeed. Its ``--log`` notes."""
    code = child.finish(TIMEOUT)
    assert code == 0, child.stderr()[-2000:]
    return child.notes()


def differences(got: dict[str, dict[str, Any]], want: dict[str, dict[str, Any]]) -> list[str]:
    """What differs from the reference, id by id and field by field (empty when the same)."""
    out = [f"missing {i}" for i in sorted(set(want) - set(got))]
    out += [f"extra {i}" for i in sorted(set(got) - set(want))]
    for i in sorted(set(got) & set(want)):
        out += [f"{i}.{k}" for k in sorted(set(got[i]) | set(want[i])) if got[i].get(k) != want[i].get(k)]
    return out


def stored_counts(db: str) -> tuple[int, int, int]:
    """Articles, events and figure history rows."""
    row = query(
        db,
        "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM figure_history)",
    )[0]
    return int(row[0]), int(row[1]), int(row[2])


def whole(db: str, corpus: Corpus) -> None:
    """Every article once, with all its events, and a sound database."""
    with open_store(db) as store:
        assert store.integrity_check() == "ok"
        assert not store.reconcile_pending()
    articles, events, _ = stored_counts(db)
    assert (articles, events) == (corpus.articles, corpus.events)


# --- the tests ------------------------------------------------------------------------------------


def test_ingested_twice_changes_nothing(
    corpus: Corpus, runner: Runner, new_db: Callable[[], str], tmp_path: Path
) -> None:
    started = time.monotonic()
    db = new_db()
    sources = [str(corpus.write(tmp_path, corpus.records)), corpus.pages, corpus.feed]
    first = finished(ingest(runner, sources, db))
    after_first = canonical_fingerprint_of(db)
    counts = stored_counts(db)
    second = finished(ingest(runner, sources, db, console=True))  # the console script itself

    written = [n for n in second if n["op"] in ("article", "reconcile", "rejection")]
    assert not written, written[:3]  # nothing was written the second time, not even a history row
    assert second[-1]["op"] == "done" and second[-1]["added"] == 0
    assert second[-1]["duplicates"] == corpus.articles
    assert stored_counts(db) == counts
    same = canonical_fingerprint_of(db) == after_first
    diff = differences(after_first, corpus.reference)
    record(
        "2-idempotence",
        f"twice-{backend(db)}",
        seed=SEED,
        articles=corpus.articles,
        canonical_events=len(corpus.reference),
        first_run_added=first[-1]["added"],
        second_run_writes=len(written),
        same_after_second_run=same,
        same_as_reference=not diff,
        seconds=round(time.monotonic() - started, 1),
    )
    assert same and not diff, diff[:20]
    whole(db, corpus)


def test_any_order_gives_the_same_canonical_events(
    corpus: Corpus, runner: Runner, new_db: Callable[[], str], tmp_path: Path
) -> None:
    """Shuffled JSONL lines and sources in another order, each into an empty database."""
    started = time.monotonic()
    rng = random.Random(f"{SEED}-shuffle")
    orders = scale(2, 6)
    results: list[list[str]] = []
    db = ""
    for n in range(orders):
        records = corpus.records[:]
        rng.shuffle(records)
        sources = [
            str(corpus.write(tmp_path, records, name=f"shuffled-{n}.jsonl")),
            corpus.pages,
            corpus.feed,
        ]
        rng.shuffle(sources)
        db = new_db()
        finished(ingest(runner, sources, db))
        results.append(differences(canonical_fingerprint_of(db), corpus.reference))
        whole(db, corpus)
    record(
        "2-idempotence",
        f"shuffled-{backend(db)}",
        seed=SEED,
        orders=orders,
        canonical_events=len(corpus.reference),
        same_as_reference=f"{sum(not r for r in results)}/{orders}",
        seconds=round(time.monotonic() - started, 1),
    )
    assert all(not r for r in results), [r[:10] for r in results]


def test_chunks_in_any_order_give_the_same_canonical_events(
    corpus: Corpus, runner: Runner, new_db: Callable[[], str], tmp_path: Path
) -> None:
    """One database fed chunk after chunk (each ingest reconciles incrementally), chunks shuffled."""
    started = time.monotonic()
    rng = random.Random(f"{SEED}-chunks")
    records = corpus.records[:]
    rng.shuffle(records)
    n_chunks = scale(3, 6)
    chunks = [records[i::n_chunks] for i in range(n_chunks)]
    runs = [[str(corpus.write(tmp_path, chunk, name=f"chunk-{i}.jsonl"))] for i, chunk in enumerate(chunks)]
    runs[rng.randrange(n_chunks)].append(corpus.pages)
    runs[rng.randrange(n_chunks)].append(corpus.feed)
    rng.shuffle(runs)
    db = new_db()
    updated = 0
    for sources in runs:
        notes = finished(ingest(runner, sources, db))
        updated += notes[-1].get("reconciled", {}).get("updated", 0)
    diff = differences(canonical_fingerprint_of(db), corpus.reference)
    record(
        "2-idempotence",
        f"chunks-{backend(db)}",
        seed=SEED,
        runs=len(runs),
        canonical_updates_along_the_way=updated,
        same_as_reference=not diff,
        seconds=round(time.monotonic() - started, 1),
    )
    assert not diff, diff[:20]
    whole(db, corpus)


@pytest.mark.parametrize("split", ["halves", "overlapping"])
def test_two_processes_at_once_give_the_same_canonical_events(
    split: str, corpus: Corpus, runner: Runner, new_db: Callable[[], str], tmp_path: Path
) -> None:
    """Two ``peacewatch ingest`` processes writing one database at once, on disjoint halves of the
    corpus or both on all of it (every article then raced for), each reconciling when it ends."""
    started = time.monotonic()
    rng = random.Random(f"{SEED}-{split}")
    records = corpus.records[:]
    rng.shuffle(records)
    if split == "halves":
        cut = len(records) // 2
        parts = [records[:cut], records[cut:]]
        extra = [[corpus.pages], [corpus.feed]]
    else:
        other = records[:]
        rng.shuffle(other)
        parts = [records, other]
        extra = [[corpus.pages, corpus.feed], [corpus.feed, corpus.pages]]
    files = [str(corpus.write(tmp_path, part, name=f"{split}-{i}.jsonl")) for i, part in enumerate(parts)]
    db = new_db()
    children = [ingest(runner, [files[i], *extra[i]], db) for i in range(2)]
    notes = [finished(child) for child in children]
    added = [n[-1]["added"] for n in notes]
    diff = differences(canonical_fingerprint_of(db), corpus.reference)
    record(
        "2-idempotence",
        f"concurrent-{split}-{backend(db)}",
        seed=SEED,
        articles_added_by_each=added,
        duplicates_seen_by_each=[n[-1]["duplicates"] for n in notes],
        reconciles_written=sum(1 for ns in notes for n in ns if n["op"] == "reconcile"),
        same_as_reference=not diff,
        seconds=round(time.monotonic() - started, 1),
    )
    assert sum(added) == corpus.articles  # each article stored once, by one of them
    assert not diff, diff[:20]
    whole(db, corpus)


# --- one text from two outlets (word for word): which copy is kept must not depend on order ---------

WIRE = (
    "Russian drones struck Kharkiv overnight on Sunday, killing 3 people and injuring 11, the regional"
    " governor said. The attack hit a power substation in the Kharkiv region."
)


def wire_copies() -> list[Article]:
    """The same text run by two outlets a week apart, so 'Sunday' is another day in each."""
    return [
        Article(id="wire-b", text=WIRE, raw_text=WIRE, title="Kharkiv hit", published="2025-03-11T09:00:00+00:00",
                source="Wire B", url="https://b.example/1"),
        Article(id="wire-a", text=WIRE, raw_text=WIRE, title="Kharkiv hit", published="2025-03-03T06:00:00+00:00",
                source="Wire A", url="https://a.example/1"),
    ]  # fmt: skip


def test_copies_of_one_text_keep_the_same_copy_in_any_order(new_db: Callable[[], str]) -> None:
    """The store keeps the earliest published copy, with its own events, whichever came first
    (it used to keep the first to arrive: the outlet credited depended on ingest order)."""
    extractor = get_extractor()
    kept = []
    for order in (wire_copies(), wire_copies()[::-1]):
        db = new_db()
        with open_store(db) as store:
            statuses = []
            for art in order:
                events = extractor.extract_clean(art.text, art.published)
                statuses.append(store.add_article(art, events, extractor_version="t").status)
            (stored,) = store.articles()
            days = sorted(str(e.event.date.start) for e in store.events() if e.event.date)
            kept.append((stored.doc_id, stored.source, stored.published, days))
            early, late = sorted(order, key=lambda a: a.published or "")
            assert store.find_article(early.content_hash, outranked_by=late) == stored.id
            assert store.find_article(early.content_hash, outranked_by=early) == stored.id
            assert store.integrity_check() == "ok"
        assert statuses == (["added", "replaced"] if order[0].id == "wire-b" else ["added", "duplicate"])
    assert kept[0] == kept[1]
    assert kept[0][:2] == ("wire-a", "Wire A") and kept[0][3] == ["2025-03-02"]
    record("2-idempotence", f"wire-copies-store-{backend(db)}", kept=kept[0][0], same_in_both_orders=True)


def test_copies_of_one_text_ingested_in_any_order_give_the_same_canonical_events(
    new_db: Callable[[], str], tmp_path: Path
) -> None:
    found = []
    for n, order in enumerate((wire_copies(), wire_copies()[::-1])):
        db = new_db()
        records = [{"id": a.id, "title": a.title, "published": a.published, "source": a.source, "url": a.url,
                    "text": a.text} for a in order]  # fmt: skip
        api.ingest([str(write_jsonl(tmp_path / f"copies-{n}.jsonl", records))], db)
        found.append(canonical_fingerprint_of(db))
    assert found[0] == found[1]


def test_a_copy_replaced_while_another_process_reconciles(new_db: Callable[[], str]) -> None:
    """Process A reconciles; meanwhile process B stores a copy that outranks a stored one, which
    swaps that article's events. A's write then named an event that no longer existed and failed
    on the foreign key (ingest exit 4); it must write the rest and leave the reconcile pending
    for B's own reconcile, which then gives what one process gives."""
    extractor = get_extractor()
    late, early = wire_copies()
    db = new_db()
    with open_store(db) as a, open_store(db) as b:
        a.add_article(late, extractor.extract_clean(late.text, late.published), extractor_version="t")
        write = a.write_reconciled

        def racing(w: Any, run_id: int | None = None) -> None:
            res = b.add_article(
                early, extractor.extract_clean(early.text, early.published), extractor_version="t"
            )
            assert res.status == "replaced"
            write(w, run_id)

        a.write_reconciled = racing  # type: ignore[method-assign]
        reconcile_store(a)
        assert b.reconcile_pending()
        reconcile_store(b)
        assert not a.reconcile_pending() and a.integrity_check() == "ok"
    alone = new_db()
    with open_store(alone) as store:
        store.add_article(early, extractor.extract_clean(early.text, early.published), extractor_version="t")
        reconcile_store(store)
    assert canonical_fingerprint_of(db) == canonical_fingerprint_of(alone)
    record("2-idempotence", f"copy-replaced-during-reconcile-{backend(db)}", converged=True)
