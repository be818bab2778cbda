"""Scale-out speed: one process against Dask with 1 and 2 worker processes, on one generated corpus.

    python bench/scale.py [--articles 100000] [--words 700] [--seed 0] [--partition-size 500]
                          [--workers 1,2] [--json] [--keep DIR]

Writes a reproducible corpus (bench/corpus.py) to a temporary JSONL file, then runs
``peacewatch.scale.run`` on it three ways, each in a fresh subprocess so that memory
figures are clean:

* ``local``   - ``engine="local"``: the whole plan in one process;
* ``dask-N``  - ``engine="dask"`` on a ``LocalCluster`` of N worker processes (one thread
  each) started by the benchmark, so that the peak memory of each worker can be read
  before the cluster closes. Cluster start-up is timed apart from the run.

It prints one table: wall time of the run (planning, extraction, shuffle, reconcile,
writing), articles/s, the time spent after extraction finished (shuffle + reconcile +
writing), speed-up against ``dask-1`` and peak RSS (VmHWM) of each worker process and of
the driver. Target: ``dask-2`` at least 1.8x ``dask-1`` (the machines have 2 cores). It
then checks that the three runs wrote identical ``documents.jsonl`` and identical
``canonical.parquet`` parts, byte for byte.

The default of 100,000 articles takes over an hour on 2 cores (about 30 articles/s per
worker end to end on this dense corpus); ``--articles 20000`` takes about 30 minutes.

``--compare N`` measures instead what blocking gives up: it extracts N generated articles
once, reconciles all their reports at once (as ``peacewatch reconcile`` does a store) and
block by block (as ``peacewatch run`` does), and prints, per kind, the share of the
whole-corpus canonical events that the blocked run reproduces exactly (same reports), and
pair precision and recall (pairs of reports put in one event).
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TARGET_SPEEDUP = 1.8


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM), in MB (10^6 bytes)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


# --------------------------------------------------------------------------- child side


def child(engine: str, workers: int, corpus: str, out: str, partition_size: int) -> dict[str, Any]:
    """One run, in this (fresh) process; returns its figures."""
    from peacewatch.scale import run

    marks: dict[str, float] = {}

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "extract" and done >= total:
            marks.setdefault("extracted", time.perf_counter())

    startup = 0.0
    worker_rss: list[float] = []
    if engine == "local":
        t0 = time.perf_counter()
        report = run(corpus, out, engine="local", partition_size=partition_size, progress=progress)
    else:
        import logging

        from distributed import Client, LocalCluster

        s0 = time.perf_counter()
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
        from peacewatch.scale.dask_engine import WarmExtractor

        client.register_plugin(WarmExtractor(), name=WarmExtractor.name)
        startup = time.perf_counter() - s0
        t0 = time.perf_counter()
        report = run(
            corpus,
            out,
            engine="dask",
            scheduler=cluster.scheduler_address,
            partition_size=partition_size,
            progress=progress,
        )
        worker_rss = sorted(client.run(_peak_rss_mb).values())
        client.close()
        cluster.close()
    total = time.perf_counter() - t0
    return {
        "engine": engine,
        "workers": workers,
        "articles": report.articles,
        "errors": report.errors,
        "events": report.events,
        "canonical_events": report.canonical_events,
        "blocks": report.blocks,
        "partitions": report.partitions,
        "reduce_partitions": report.reduce_partitions,
        "startup_s": startup,
        "seconds": total,
        "after_extract_s": total - (marks.get("extracted", t0 + total) - t0),
        "worker_peak_rss_mb": worker_rss,
        "driver_peak_rss_mb": _peak_rss_mb(),
    }


# --------------------------------------------------------------------------- blocking fidelity


def compare(n: int, words: int, seed: int) -> None:
    """Whole-corpus reconcile against the blocked one, on n generated articles."""
    import itertools
    from collections import defaultdict

    from corpus import generate

    from peacewatch.extract import get_extractor
    from peacewatch.ingest.common import make_article
    from peacewatch.reconcile import Mention, cluster, mention_key
    from peacewatch.scale import Blocking

    extractor, mentions = get_extractor(), []
    t = time.perf_counter()
    for a in generate(n, words, seed):
        art = make_article(id=a["id"], raw_text=a["text"], title=a["title"], published=a["published"])
        h = art.content_hash
        for seq, ev in enumerate(extractor.extract_clean(art.text, art.published)):
            mentions.append(
                Mention(mention_key(h, seq), ev, h, art.id, title=art.title, published=art.published)
            )
    print(f"{n} articles, {len(mentions)} reports extracted in {time.perf_counter() - t:.0f} s")
    t = time.perf_counter()
    whole = [[m.key for m in g] for g in cluster(mentions)]
    t_whole = time.perf_counter() - t
    blocking, blocks = Blocking(), defaultdict(list)
    for m in mentions:
        blocks[blocking.key(m)].append(m)
    t = time.perf_counter()
    blocked = [[m.key for m in g] for b in sorted(blocks) for g in cluster(blocks[b])]
    t_blocked = time.perf_counter() - t
    print(f"reconcile: whole corpus {t_whole:.1f} s; {len(blocks)} blocks {t_blocked:.1f} s (one process)")
    kind = {m.key: m.event.kind for m in mentions}

    def pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
        return {p for g in groups for p in itertools.combinations(sorted(g), 2)}

    print(
        f"{'kind':<11} {'events (whole)':>14} {'events (blocked)':>16} {'identical':>9} {'pair P':>7} {'pair R':>7}"
    )
    for k in ("attack", "talks", "proposal", "commitment", "all"):
        w = [g for g in whole if k == "all" or kind[g[0]] == k]
        b = [g for g in blocked if k == "all" or kind[g[0]] == k]
        if not w:
            continue
        same = len({frozenset(g) for g in w} & {frozenset(g) for g in b})
        pw, pb = pairs(w), pairs(b)
        both = len(pw & pb)
        print(
            f"{k:<11} {len(w):>14} {len(b):>16} {same / len(w):>9.1%} "
            f"{both / max(1, len(pb)):>7.3f} {both / max(1, len(pw)):>7.3f}"
        )


# --------------------------------------------------------------------------- driver side


def _spawn(engine: str, workers: int, corpus: Path, out: Path, partition_size: int) -> dict[str, Any]:
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        engine,
        "--child-workers",
        str(workers),
        "--corpus",
        str(corpus),
        "--out",
        str(out),
        "--partition-size",
        str(partition_size),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"{engine} run failed (exit {proc.returncode})")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _identical(a: Path, b: Path) -> bool:
    if not filecmp.cmp(a / "documents.jsonl", b / "documents.jsonl", shallow=False):
        return False
    pa_, pb = sorted((a / "canonical.parquet").iterdir()), sorted((b / "canonical.parquet").iterdir())
    return [p.name for p in pa_] == [p.name for p in pb] and all(
        filecmp.cmp(x, y, shallow=False) for x, y in zip(pa_, pb, strict=True)
    )


def _table(rows: list[dict[str, Any]], base: float | None) -> str:
    head = (
        f"{'run':<8} {'workers':>7} {'start-up s':>10} {'run s':>8} {'articles/s':>10} "
        f"{'after extract s':>15} {'speed-up':>8}  {'peak RSS per worker MB':<24} {'driver MB':>9}"
    )
    lines = [head, "-" * len(head)]
    for r in rows:
        rate = r["articles"] / r["seconds"] if r["seconds"] else 0.0
        speed = f"{rate / base:.2f}x" if base else "-"
        rss = ", ".join(f"{x:.0f}" for x in r["worker_peak_rss_mb"]) or "(in driver)"
        name = "local" if r["engine"] == "local" else f"dask-{r['workers']}"
        lines.append(
            f"{name:<8} {r['workers']:>7} {r['startup_s']:>10.1f} {r['seconds']:>8.1f} {rate:>10.1f} "
            f"{r['after_extract_s']:>15.1f} {speed:>8}  {rss:<24} {r['driver_peak_rss_mb']:>9.0f}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--words", type=int, default=700)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--partition-size", type=int, default=500)
    ap.add_argument("--workers", default="1,2", help="Dask worker counts to run, comma-separated")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON after the table")
    ap.add_argument("--keep", help="keep the corpus and outputs in this folder")
    ap.add_argument(
        "--compare", type=int, metavar="N", help="measure blocking against a whole-corpus reconcile"
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--child-workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(child(a.child, a.child_workers, a.corpus, a.out, a.partition_size)))
        return 0

    sys.path.insert(0, str(HERE))
    from corpus import generate, write_jsonl

    if a.compare:
        compare(a.compare, a.words, a.seed)
        return 0

    with tempfile.TemporaryDirectory(prefix="peacewatch-bench-scale-") as tmp:
        root = Path(a.keep) if a.keep else Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        corpus = root / "corpus.jsonl"
        t = time.perf_counter()
        stats = write_jsonl(corpus, generate(a.articles, a.words, a.seed))
        print(
            f"corpus: {stats['articles']} articles, {stats['words'] / max(1, stats['articles']):.0f} words each, "
            f"{stats['bytes'] / 1e6:.0f} MB ({time.perf_counter() - t:.0f} s to write); "
            f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} before the runs",
            flush=True,
        )
        plan = [("local", 1)] + [("dask", int(n)) for n in a.workers.split(",") if n.strip()]
        rows = []
        for engine, n in plan:
            out = root / f"out-{engine}-{n}"
            rows.append(_spawn(engine, n, corpus, out, a.partition_size))
            r = rows[-1]
            print(
                f"  {engine:<5} workers={n}: {r['seconds']:.0f} s, {r['articles'] / r['seconds']:.1f} articles/s "
                f"(load average now {os.getloadavg()[0]:.1f})",
                flush=True,
            )
        base_row = next((r for r in rows if r["engine"] == "dask" and r["workers"] == 1), None)
        base = base_row["articles"] / base_row["seconds"] if base_row else None
        print()
        print(_table(rows, base))
        first = rows[0]
        print(
            f"\n{first['articles']} articles ({first['errors']} errors), {first['events']} reports, "
            f"{first['blocks']} blocks, {first['canonical_events']} canonical events; "
            f"{first['partitions']} partitions of {a.partition_size}, {first['reduce_partitions']} reduce partitions"
        )
        outs = [root / f"out-{e}-{n}" for e, n in plan]
        same = all(_identical(outs[0], o) for o in outs[1:])
        print(
            f"outputs identical across runs (documents.jsonl and every canonical part): {'yes' if same else 'NO'}"
        )
        two = next((r for r in rows if r["engine"] == "dask" and r["workers"] == 2), None)
        verdict = 0
        if two and base:
            ratio = two["articles"] / two["seconds"] / base
            ok = ratio >= TARGET_SPEEDUP
            verdict = 0 if ok else 1
            print(f"dask-2 / dask-1 = {ratio:.2f}x (target >= {TARGET_SPEEDUP}x): {'PASS' if ok else 'FAIL'}")
        if a.json:
            print(json.dumps({"rows": rows, "identical": same}, indent=2))
        return verdict if same else 2


if __name__ == "__main__":
    raise SystemExit(main())
