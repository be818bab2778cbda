"""The scale-out runner (``peacewatch run``): a real Dask LocalCluster of 2 worker processes against
``--engine local`` on the demo corpus and on a generated one, fsspec URLs, Parquet, bad lines, the CLI.

Equivalence is checked strictly: both engines follow one plan (same partitions, same blocks, same
reduce partitions), so their ``documents.jsonl`` and every ``canonical.parquet`` part are compared
byte for byte, then as sorted rows. The 20,000-article equivalence of issue 6 is ``bench/scale.py``
(and ``test_equivalence_20000``, run with ``PEACEWATCH_SLOW=1``).
"""

from __future__ import annotations

import dataclasses
import filecmp
import json
import logging
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("distributed", reason="the Dask extra is not installed (pip install 'peacewatch[dask]')")
pytest.importorskip("pyarrow", reason="the Dask extra is not installed (pip install 'peacewatch[dask]')")
pytest.importorskip("fsspec", reason="the Dask extra is not installed (pip install 'peacewatch[dask]')")

import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, LocalCluster
from typer.testing import CliRunner

import peacewatch.cli.run  # noqa: F401  (registers `peacewatch run` on the app)
from peacewatch import api
from peacewatch.cli import app
from peacewatch.errors import UsageError
from peacewatch.ingest import read_sources
from peacewatch.reconcile import reconcile_mentions
from peacewatch.scale import Blocking, run

pytestmark = pytest.mark.usefixtures("isolated_env")

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "bench"))
from corpus import generate  # noqa: E402  (bench/corpus.py: the benchmark's reproducible articles)

# --- fixtures ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """A real LocalCluster of 2 worker processes (one thread each), shared by the module's Dask runs."""
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=logging.ERROR
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def demo_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 12 demo articles (JSONL, pages and feed) as one article JSONL file, raw text kept."""
    path = tmp_path_factory.mktemp("demo") / "demo.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for a in read_sources(api.demo_sources()):
            assert not isinstance(a, api.Rejection)
            record = {"id": a.id, "title": a.title, "text": a.raw_text, "published": a.published}
            record.update(url=a.url, source=a.source, language=a.language)
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


BAD_LINES = [
    "not json at all",
    "",  # a blank line: skipped, not an error
    json.dumps({"title": "no text here"}),
    json.dumps(["a", "list"]),
    json.dumps({"id": "empty-text", "text": "   "}),
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """240 generated ~250-word articles, bad lines among them and one article twice (other id)."""
    arts = list(generate(240, words=250, seed=11))
    twin = {**arts[5], "id": "twin-of-5", "source": "Other Wire"}
    lines = [json.dumps(a, ensure_ascii=False) for a in arts[:120]]
    lines += [*BAD_LINES, json.dumps(twin, ensure_ascii=False)]
    lines += [json.dumps(a, ensure_ascii=False) for a in arts[120:]]
    path = tmp_path_factory.mktemp("gen") / "corpus.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"id": "bad-utf8", "text": "caf\xe9"}\n')
    return path


def documents(out: Path | str) -> list[dict[str, Any]]:
    with fsspec.open(f"{out}/documents.jsonl", "r", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def canonical(out: Path | str) -> list[dict[str, Any]]:
    """Every canonical row, sorted by id, from the dataset folder."""
    fs, root = fsspec.core.url_to_fs(f"{out}/canonical.parquet")
    tables = [pq.read_table(fs.open(p, "rb")) for p in sorted(fs.glob(f"{root}/part-*.parquet"))]
    return sorted(pa.concat_tables(tables).to_pylist(), key=lambda r: r["id"])


def same_files(a: Path, b: Path) -> None:
    assert filecmp.cmp(a / "documents.jsonl", b / "documents.jsonl", shallow=False)
    pa_ = sorted(p.name for p in (a / "canonical.parquet").iterdir())
    assert pa_ == sorted(p.name for p in (b / "canonical.parquet").iterdir())
    for name in pa_:
        assert filecmp.cmp(a / "canonical.parquet" / name, b / "canonical.parquet" / name, shallow=False), (
            name
        )


# --- equivalence ------------------------------------------------------------------------------------


def test_demo_corpus_dask_equals_local_equals_ingest(
    demo_jsonl: Path, scheduler: str, tmp_path: Path
) -> None:
    local = run(str(demo_jsonl), str(tmp_path / "local"))
    dask = run(str(demo_jsonl), str(tmp_path / "dask"), engine="dask", scheduler=scheduler, partition_size=3)
    assert (local.articles, local.errors, dask.articles, dask.errors) == (12, 0, 12, 0)
    assert dask.workers == 2 and dask.partitions == 4
    assert documents(tmp_path / "local") == documents(tmp_path / "dask")
    assert canonical(tmp_path / "local") == canonical(tmp_path / "dask")
    # on the demo corpus the blocks cut nothing: the same canonical events as ingest + reconcile
    db = tmp_path / "demo.db"
    api.ingest([str(demo_jsonl)], str(db))
    stored = {e.id: e.to_dict() for e in api.canonical(str(db))}
    for d in stored.values():
        for m in d["mentions"]:
            m["event_id"] = None  # the row id in the store; the runner has no store
    assert {r["id"]: json.loads(r["data"]) for r in canonical(tmp_path / "dask")} == stored


def test_copies_of_one_text_keep_the_earliest_published_as_ingest_does(tmp_path: Path) -> None:
    text = (
        "Russian drones struck the port of Izmail on the Danube overnight on Sunday, injuring two port workers, "
        "the regional governor said."
    )
    late = {
        "id": "wire-b",
        "title": "Izmail hit",
        "published": "2025-03-03",
        "source": "Wire B",
        "text": text,
    }
    early = {**late, "id": "wire-a", "published": "2025-03-02", "source": "Wire A"}
    outs = []
    for n, order in enumerate(((late, early), (early, late))):
        src = tmp_path / f"copies{n}.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in order), encoding="utf-8")
        run(str(src), str(tmp_path / f"out{n}"), partition_size=1)
        outs.append(canonical(tmp_path / f"out{n}"))
        db = tmp_path / f"copies{n}.db"
        api.ingest([str(src)], str(db))
        stored = {e.id: e.to_dict() for e in api.canonical(str(db))}
        for d in stored.values():
            for m in d["mentions"]:
                m["event_id"] = None
        assert {r["id"]: json.loads(r["data"]) for r in outs[-1]} == stored  # as ingest keeps it
    assert outs[0] == outs[1]
    sources = {m["source"] for r in outs[0] for m in json.loads(r["data"])["mentions"]}
    assert sources == {"Wire A"}


def test_documents_are_what_extract_prints(demo_jsonl: Path, tmp_path: Path) -> None:
    bad = tmp_path / "mixed.jsonl"
    bad.write_text(demo_jsonl.read_text(encoding="utf-8") + "\n".join(BAD_LINES) + "\n", encoding="utf-8")
    run(str(bad), str(tmp_path / "out"), partition_size=5)
    expected = [r.to_contract() for r in api.extract_documents([str(bad)])]
    assert documents(tmp_path / "out") == expected


def test_generated_corpus_dask_equals_local(generated: Path, scheduler: str, tmp_path: Path) -> None:
    kw: dict[str, Any] = {"partition_size": 40, "reduce_partitions": 3}
    local = run(str(generated), str(tmp_path / "local"), **kw)
    dask = run(str(generated), str(tmp_path / "dask"), engine="dask", scheduler=scheduler, **kw)
    same_files(tmp_path / "local", tmp_path / "dask")
    with Client(scheduler) as client:  # one extractor per worker process, built once for all its partitions
        assert list(client.run(_extractor_builds).values()) == [1, 1]
    assert local.summary() | {"engine": "", "workers": 0, "seconds": 0, "documents": "", "canonical": ""} == (
        dask.summary() | {"engine": "", "workers": 0, "seconds": 0, "documents": "", "canonical": ""}
    )
    assert local.articles == 241 and local.errors == len(BAD_LINES) - 1 + 1  # four bad lines, bad UTF-8
    assert local.partitions == 7 and local.reduce_partitions == 3
    assert local.duplicates > 0  # the twin's reports were dropped once, on every engine alike
    rows = canonical(tmp_path / "dask")
    assert len({r["id"] for r in rows}) == len(rows) == local.canonical_events
    keys = [k for r in rows for k in r["mentions"]]
    assert len(keys) == len(set(keys)) == local.mentions  # every report in exactly one canonical event
    # the shuffle loses nothing: each block holds what reconcile_mentions makes of that block's reports
    expected = {(b, ev.id): sorted(m.key for m in ev.mentions) for b, ev in reconcile_by_block(generated)}
    assert {(r["block"], r["id"]): sorted(r["mentions"]) for r in rows} == expected
    assert len({b for b, _ in expected}) > 10


def _extractor_builds() -> int:
    from peacewatch.extract import get_extractor

    return get_extractor.cache_info().misses


def reconcile_by_block(path: Path) -> Iterator[tuple[str, Any]]:
    """The reference: extract each article in input order, keep the first copy of each report, block, reconcile."""
    from peacewatch.extract import get_extractor
    from peacewatch.reconcile import Mention, mention_key

    blocking, seen, blocks = Blocking(), set(), {}  # type: ignore[var-annotated]
    for a in read_sources([str(path)]):
        if isinstance(a, api.Rejection):
            continue
        for seq, ev in enumerate(get_extractor().extract_clean(a.text, a.published)):
            m = Mention(
                mention_key(a.content_hash, seq),
                ev,
                a.content_hash,
                a.id,
                a.source,
                a.url,
                a.title,
                a.published,
            )
            if m.key not in seen:
                seen.add(m.key)
                blocks.setdefault(blocking.key(m), []).append(m)
    for b, ms in blocks.items():
        yield from ((b, ev) for ev in reconcile_mentions(ms))


def test_blocks_are_engine_free() -> None:
    """The key is a function of one report: kind, region, a bucket of fixed width from a fixed epoch."""
    from peacewatch.extract import get_extractor
    from peacewatch.reconcile import Mention, mention_key
    from peacewatch.records import content_hash

    text = "Russian drones struck Kharkiv overnight, killing four people and injuring 17, the mayor said."
    ev = get_extractor().extract(text, "2025-11-25")[0]
    m = Mention(mention_key(content_hash(text), 0), ev, content_hash(text), "a", published="2025-11-25")
    assert Blocking().key(m) == "attack|UA|2025-11-24"
    assert Blocking(region="admin1").key(m) == "attack|UA/kharkiv oblast|2025-11-24"
    assert Blocking(bucket_days={"attack": 7}).key(m) == "attack|UA|2025-11-24"  # a Monday
    assert Blocking(bucket_days={"attack": 1}).key(m) == "attack|UA|2025-11-24"  # the night's first day
    undated = Mention(m.key, dataclasses.replace(ev, date=None), m.article, "a")
    assert Blocking().key(undated) == "attack|UA|undated"
    published_only = Mention(
        m.key, dataclasses.replace(ev, date=None), m.article, "a", published="2025-11-25"
    )
    assert Blocking(bucket_days={"attack": 1}).key(published_only) == "attack|UA|2025-11-24"  # the day before


# --- inputs: URLs, Parquet, bad input -------------------------------------------------------------------


def test_file_url_on_dask_and_memory_url_locally(demo_jsonl: Path, scheduler: str, tmp_path: Path) -> None:
    ref = run(str(demo_jsonl), str(tmp_path / "ref"))
    run(demo_jsonl.as_uri(), (tmp_path / "file").as_uri(), engine="dask", scheduler=scheduler)
    assert documents(tmp_path / "file") == documents(tmp_path / "ref")
    assert canonical(tmp_path / "file") == canonical(tmp_path / "ref")
    mem = fsspec.filesystem("memory")
    mem.pipe("/pw-test/in/demo.jsonl", demo_jsonl.read_bytes())
    try:
        report = run("memory://pw-test/in", "memory://pw-test/out", partition_size=5)
        assert report.articles == ref.articles == 12
        assert documents("memory://pw-test/out") == documents(tmp_path / "ref")
        assert canonical("memory://pw-test/out") == canonical(tmp_path / "ref")
    finally:
        mem.rm("/pw-test", recursive=True)


def test_parquet_input_equals_jsonl(generated: Path, scheduler: str, tmp_path: Path) -> None:
    records = []
    for line in generated.read_bytes().splitlines():
        try:
            r = json.loads(line)
        except ValueError:
            continue
        if isinstance(r, dict) and isinstance(r.get("text"), str) and r["text"].strip():
            records.append(
                {k: r.get(k) for k in ("id", "title", "text", "published", "url", "source", "language")}
            )
    records = records[:60]
    folder = tmp_path / "pq"
    folder.mkdir()
    pq.write_table(pa.Table.from_pylist(records), folder / "a.parquet", row_group_size=7)
    jsonl = tmp_path / "same.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    run(str(jsonl), str(tmp_path / "from-jsonl"))
    run(str(folder), str(tmp_path / "local"), partition_size=25)
    run(str(folder), str(tmp_path / "dask"), engine="dask", scheduler=scheduler, partition_size=25)
    same_files(tmp_path / "local", tmp_path / "dask")
    assert canonical(tmp_path / "local") == canonical(tmp_path / "from-jsonl")
    assert documents(tmp_path / "local") == documents(tmp_path / "from-jsonl")


def test_bad_parquet_rows_and_files_are_errors(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    table = pa.table(
        {
            "id": ["ok", "no-text", "x"],
            "text": ["Russian drones struck Kharkiv overnight, killing four people.", None, "  "],
            "published": pa.array([None, None, None], pa.date32()),
        }
    )
    pq.write_table(table, folder / "a.parquet")
    (folder / "b.parquet").write_bytes(b"not a parquet file")
    (folder / "c.jsonl").write_bytes(b"")
    report = run(str(folder), str(tmp_path / "out"))
    docs = documents(tmp_path / "out")
    assert [d["doc_id"] for d in docs] == [
        "ok",
        f"{folder / 'a.parquet'}:2",
        f"{folder / 'a.parquet'}:3",
        str(folder / "b.parquet"),
        str(folder / "c.jsonl"),
    ]
    assert [d["error"] is None for d in docs] == [True, False, False, False, False]
    assert docs[0]["events"] and docs[0]["events"][0]["kind"] == "attack"
    assert "cannot read" in docs[3]["error"] and "empty input" in docs[4]["error"]
    assert (report.articles, report.errors) == (1, 4)


def test_usage_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UsageError, match="no such input"):
        run(str(tmp_path / "missing.jsonl"), str(tmp_path / "out"))
    with pytest.raises(UsageError, match="local or dask"):
        run(str(tmp_path), str(tmp_path / "out"), engine="spark")
    with pytest.raises(UsageError, match="for --engine dask"):
        run(str(tmp_path), str(tmp_path / "out"), scheduler="tcp://127.0.0.1:1")
    (tmp_path / "in.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    monkeypatch.setattr("peacewatch.scale.dask_engine.CONNECT_TIMEOUT", "1s")
    with pytest.raises(UsageError, match="cannot reach the Dask scheduler"):
        run(str(tmp_path / "in.jsonl"), str(tmp_path / "out"), engine="dask", scheduler="tcp://127.0.0.1:9")


# --- the command ----------------------------------------------------------------------------------------


def test_cli_run_starts_its_own_cluster(generated: Path, tmp_path: Path) -> None:
    """``peacewatch run --engine dask --workers 2`` with no scheduler: a LocalCluster for the run."""
    result = CliRunner().invoke(
        app,
        [
            "run",
            "--engine",
            "dask",
            "--workers",
            "2",
            "--partition-size",
            "60",
            str(generated),
            str(tmp_path / "o"),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 1, result.stderr  # some lines were bad: partial failure
    assert "read 241 articles (5 errors" in result.stderr and "with dask (2 workers)" in result.stderr
    assert f"{generated}:121: not valid JSON" in result.stderr
    local = CliRunner().invoke(
        app, ["run", "-q", str(generated), str(tmp_path / "l"), "--partition-size", "60"]
    )
    assert local.exit_code == 1 and "not valid JSON" in local.stderr and "read 241" not in local.stderr
    assert documents(tmp_path / "o") == documents(tmp_path / "l")
    assert canonical(tmp_path / "o") == canonical(tmp_path / "l")


def test_cli_usage_and_nothing_read(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(app, ["run", "--engine", "spark", str(tmp_path), str(tmp_path / "o")]).exit_code == 2
    assert runner.invoke(app, ["run", "--region", "city", str(tmp_path), str(tmp_path / "o")]).exit_code == 2
    assert runner.invoke(app, ["run", str(tmp_path / "missing"), str(tmp_path / "o")]).exit_code == 2
    (tmp_path / "bad.jsonl").write_text("nope\n", encoding="utf-8")
    result = runner.invoke(app, ["run", str(tmp_path / "bad.jsonl"), str(tmp_path / "o")])
    assert result.exit_code == 3 and "bad.jsonl:1: not valid JSON" in result.stderr


# --- the 20,000 articles (opt-in: about 10 minutes on 2 cores) ------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("PEACEWATCH_SLOW"), reason="set PEACEWATCH_SLOW=1 (about 10 minutes)")
def test_equivalence_20000(tmp_path: Path) -> None:
    from corpus import write_jsonl

    corpus = tmp_path / "corpus.jsonl"
    write_jsonl(corpus, generate(20_000, words=700, seed=0))
    run(str(corpus), str(tmp_path / "local"))
    run(str(corpus), str(tmp_path / "dask"), engine="dask", n_workers=2)
    same_files(tmp_path / "local", tmp_path / "dask")
