"""Speed and memory: peacewatch extraction against spaCy's tokenizer alone, on one core.

    python bench/extract_speed.py [--articles 5000] [--words 700] [--seed 0] [--json] [--profile]

Generates a reproducible corpus of ~700-word articles from the project's fixtures
(bench/corpus.py), then runs each variant in its own fresh subprocess so that start-up and
peak RSS are clean:

* peacewatch  - ``Extractor().extract(text, published, title)`` per article (boilerplate
  cleaning included; ``--method extract_clean`` skips it);
* baseline    - ``spacy.blank("en")`` and ``nlp.make_doc(text)`` per article: tokenization only.

Each prints articles/s, words/s, start-up (import + build in a fresh process, median of
``--startup-runs``), RSS after start-up and peak RSS (VmHWM), and the ratio of the two times
on the same articles, with PASS/FAIL against the targets: >= 300 articles/s on one core,
<= 3x the tokenizer-only time, start-up < 1.5 s, peak RSS < 400 MB.

The peacewatch loop stops after ``--max-seconds`` of extraction time (default 70 s, so a
default run stays under about two minutes while extraction is slow); the baseline then runs on
exactly the same articles, so the ratio always compares like with like.

``--profile`` adds a cProfile run over the first ``--profile-articles`` (500) articles: the
top 25 peacewatch functions by cumulative time and the top 15 functions overall by self time.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

TARGETS = {
    "articles_per_s": 300.0,  # at least, one core
    "ratio": 3.0,  # at most, peacewatch time / tokenizer-only time
    "startup_s": 1.5,  # less than
    "peak_rss_mb": 400.0,  # less than
}
VARIANTS = ("peacewatch", "baseline", "baseline-cold")
LABELS = {"peacewatch": "peacewatch", "baseline": "tokenizer only", "baseline-cold": "tok. cold cache"}


# --------------------------------------------------------------------------- worker side


def _rss_mb() -> tuple[float | None, float]:
    """(current RSS, peak RSS) in MB (10^6 bytes), from /proc when there is one."""
    cur = peak = None
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    cur = int(line.split()[1]) * 1024 / 1e6
                elif line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    if peak is None:  # ru_maxrss is in KiB on Linux, bytes on macOS
        ru = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        peak = ru / 1e6 if sys.platform == "darwin" else ru * 1024 / 1e6
    return cur, peak


def _articles(path: str) -> Iterator[dict]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _nothing() -> None:
    return None


def _build(variant: str, method: str) -> tuple[Callable[[dict], int], Callable[[], None]]:
    """Import and construct the variant.

    Returns the timed function of one article (-> events or tokens) and an untimed step to run
    before each article.
    """
    if variant == "peacewatch":
        from peacewatch.extract import Extractor

        x = Extractor()
        if method == "extract_clean":
            return (lambda a: len(x.extract_clean(a["text"], a["published"]))), _nothing
        return (lambda a: len(x.extract(a["text"], a["published"], a.get("title")))), _nothing
    if variant in ("baseline", "baseline-cold"):
        import spacy

        nlp = spacy.blank("en")
        # cold: empty spaCy's chunk cache before each article, as if every article were new text
        tokenizer: Any = nlp.tokenizer
        before = tokenizer._flush_cache if variant == "baseline-cold" else _nothing
        return (lambda a: len(nlp.make_doc(a["text"]))), before
    raise SystemExit(f"unknown variant {variant!r}")


def worker_startup(a: argparse.Namespace) -> dict:
    t0 = time.perf_counter()
    _build(a.variant, a.method)
    startup = time.perf_counter() - t0
    cur, peak = _rss_mb()
    return {"startup_s": startup, "rss_after_startup_mb": cur, "peak_rss_mb": peak}


def worker_run(a: argparse.Namespace) -> dict:
    t0 = time.perf_counter()
    fn, before = _build(a.variant, a.method)
    startup = time.perf_counter() - t0
    rss_start, _ = _rss_mb()
    for art in islice(_articles(a.corpus), a.warmup):
        fn(art)
    n = words = out = 0
    busy = 0.0
    capped = False
    cpu0, wall0 = time.process_time(), time.perf_counter()
    for art in islice(_articles(a.corpus), a.limit):
        before()
        t = time.perf_counter()
        out += fn(art)
        busy += time.perf_counter() - t
        n += 1
        words += len(art["text"].split())
        if a.max_seconds and busy >= a.max_seconds and n < a.limit:
            capped = True
            break
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    cur, peak = _rss_mb()
    return {
        "variant": a.variant,
        "articles": n,
        "words": words,
        "seconds": busy,
        "articles_per_s": n / busy if busy else None,
        "words_per_s": words / busy if busy else None,
        "outputs_per_article": out / n if n else None,  # events (peacewatch) or tokens (baseline)
        "capped": capped,
        "loop_wall_s": wall,
        "loop_cpu_s": cpu,
        "cpu_share": cpu / wall if wall else None,
        "startup_in_run_s": startup,
        "rss_after_startup_mb": rss_start,
        "rss_end_mb": cur,
        "peak_rss_mb": peak,
    }


def _short(filename: str, line: int, func: str, pkg_root: str) -> str:
    if filename == "~":  # built-ins: "<built-in method re.Pattern.finditer>"
        return func
    if filename.startswith(pkg_root):
        filename = filename[len(pkg_root) :].lstrip("/")
    elif "site-packages/" in filename:
        filename = filename.split("site-packages/", 1)[1]
    elif filename.startswith(sys.base_prefix):
        filename = "<stdlib>/" + Path(filename).name
    return f"{filename}:{line}({func})"


def worker_profile(a: argparse.Namespace) -> None:
    import cProfile
    import pstats

    import peacewatch

    fn, _ = _build("peacewatch", a.method)
    arts = list(islice(_articles(a.corpus), a.limit))
    for art in arts[: a.warmup]:
        fn(art)
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for art in arts:
        fn(art)
    prof.disable()
    total = time.perf_counter() - t0
    pkg_dir = str(Path(peacewatch.__file__).resolve().parent)
    pkg_root = str(Path(pkg_dir).parent)
    st = pstats.Stats(prof)
    rows = [
        (file, line, func, cc, nc, tt, ct)
        for (file, line, func), (cc, nc, tt, ct, _callers) in st.stats.items()  # type: ignore[attr-defined]
    ]
    # Wall time under the profiler; cProfile's overhead inflates it (roughly 1.5-2x).
    print(
        f"cProfile over {len(arts)} articles ({a.method}): {total:.2f} s under the profiler "
        f"({len(arts) / total:.1f} articles/s with profiling overhead)"
    )

    def table(title: str, picked: list[tuple], n: int) -> None:
        print(f"\n{title}")
        print(f"{'ncalls':>12} {'tottime':>9} {'cumtime':>9} {'cum %':>6}  function")
        for file, line, func, cc, nc, tt, ct in picked[:n]:
            calls = f"{nc}/{cc}" if nc != cc else str(nc)
            print(
                f"{calls:>12} {tt:>9.3f} {ct:>9.3f} {100 * ct / total:>5.1f}%  {_short(file, line, func, pkg_root)}"
            )

    ours = [r for r in rows if r[0].startswith(pkg_dir)]
    table(
        "Top 25 peacewatch functions by cumulative time",
        sorted(ours, key=lambda r: r[6], reverse=True),
        25,
    )
    table("Top 15 functions (all code) by self time", sorted(rows, key=lambda r: r[5], reverse=True), 15)


def worker_main(a: argparse.Namespace) -> int:
    if a.worker == "profile":
        worker_profile(a)
        return 0
    res = worker_startup(a) if a.worker == "startup" else worker_run(a)
    print(json.dumps(res))
    return 0


# --------------------------------------------------------------------------- driver side


def _spawn(args: list[str]) -> tuple[str, float]:
    """Run this script as a worker in a fresh interpreter; return its stdout and wall time."""
    cmd = [sys.executable, str(Path(__file__).resolve()), *args]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"worker failed ({proc.returncode}): {' '.join(args)}")
    return proc.stdout, wall


def _spawn_json(args: list[str]) -> tuple[dict, float]:
    out, wall = _spawn(args)
    return json.loads(out.strip().splitlines()[-1]), wall


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def _fmt(v: float | None, spec: str, unit: str = "") -> str:
    return "-" if v is None else f"{v:{spec}}{unit}"


def _verdict(ok: bool | None) -> str:
    return "-" if ok is None else ("PASS" if ok else "FAIL")


def _worker_args(a: argparse.Namespace, path: str, *extra: str) -> list[str]:
    return ["--corpus", path, "--method", a.method, "--warmup", str(a.warmup), *extra]


def _rows(
    a: argparse.Namespace, res: dict[str, dict], ratios: dict[str, float | None], verdicts: dict
) -> list:
    pw, base, cold = (res[v] for v in VARIANTS)

    def each(key: str, spec: str, unit: str = "", *, cold_too: bool = True) -> tuple[str, str, str]:
        return (
            _fmt(pw.get(key), spec, unit),
            _fmt(base.get(key), spec, unit),
            _fmt(cold.get(key), spec, unit) if cold_too else "-",
        )

    def pct(r: dict) -> str:
        return _fmt(100 * r["cpu_share"] if r.get("cpu_share") else None, ".0f", "%")

    t = TARGETS
    return [
        ("articles measured", *each("articles", ","), "", ""),
        ("words measured", *each("words", ","), "", ""),
        ("time on those articles", *each("seconds", ".2f", " s"), "", ""),
        (
            "articles/s (1 core)",
            *each("articles_per_s", ",.1f"),
            f">= {t['articles_per_s']:.0f}",
            _verdict(verdicts["articles_per_s"]),
        ),
        ("words/s", *each("words_per_s", ",.0f"), "", ""),
        (
            "ratio: pw time / tokenizer time",
            _fmt(ratios["baseline"], ".2f", "x"),
            "1.00x",
            "",
            f"<= {t['ratio']:.0f}x",
            _verdict(verdicts["ratio"]),
        ),
        (
            "  same, vs cold-cache tokenizer",
            _fmt(ratios["baseline-cold"], ".2f", "x"),
            "",
            "1.00x",
            "",
            "(info)",
        ),
        (
            "start-up: import + build",
            *each("startup_s", ".3f", " s", cold_too=False),
            f"< {t['startup_s']} s",
            _verdict(verdicts["startup_s"]),
        ),
        ("  whole process (python -> exit)", *each("process_wall_s", ".3f", " s", cold_too=False), "", ""),
        ("RSS after start-up", *each("rss_after_startup_mb", ".0f", " MB"), "", ""),
        (
            "peak RSS (VmHWM)",
            *each("peak_rss_mb", ".0f", " MB"),
            f"< {t['peak_rss_mb']:.0f} MB",
            _verdict(verdicts["peak_rss_mb"]),
        ),
        (
            "events / tokens per article",
            _fmt(pw["outputs_per_article"], ".2f", " ev"),
            _fmt(base["outputs_per_article"], ".0f", " tok"),
            _fmt(cold["outputs_per_article"], ".0f", " tok"),
            "",
            "",
        ),
        ("CPU share during loop", pct(pw), pct(base), pct(cold), "", ""),
    ]


def _print_table(rows: list) -> None:
    head = ("", *(LABELS[v] for v in VARIANTS), "target", "result")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]

    def line(r: tuple) -> str:
        cells = [f"{r[0]:<{widths[0]}}"]
        cells += [f"{c:>{w}}" for c, w in zip(r[1:4], widths[1:4], strict=True)]
        cells += [f"{r[4]:<{widths[4]}}", r[5]]
        return "  ".join(cells).rstrip()

    print(line(head))
    print("-" * (sum(widths) + 2 * (len(widths) - 1)))
    for r in rows:
        print(line(r))


def run(a: argparse.Namespace) -> dict:
    sys.path.insert(0, str(HERE))
    from corpus import generate as gen_corpus
    from corpus import write_jsonl

    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    print(
        f"peacewatch {_version('peacewatch')} · spaCy {_version('spacy')} · Python {platform.python_version()} · "
        f"{os.cpu_count()} CPUs · load average {load[0]:.2f} at start"
    )
    with tempfile.TemporaryDirectory(prefix="pw-bench-") as tmp:
        path = os.path.join(tmp, "corpus.jsonl")
        t0 = time.perf_counter()
        cstats = write_jsonl(path, gen_corpus(a.articles, a.words, a.seed))
        gen_s = time.perf_counter() - t0
        mean_words = cstats["words"] / max(1, cstats["articles"])
        print(
            f"corpus: {cstats['articles']:,} articles, {cstats['words']:,} words ({mean_words:.0f}/article), "
            f"{cstats['distinct_chunks']:,} distinct whitespace-separated chunks, seed {a.seed}, "
            f"generated in {gen_s:.1f} s"
        )

        # start-up: fresh processes that only import and build (cold-cache baseline = baseline)
        startup: dict[str, dict] = {}
        for v in VARIANTS[:2]:
            runs = [
                _spawn_json(["--worker", "startup", "--variant", v, "--method", a.method])
                for _ in range(a.startup_runs)
            ]
            startup[v] = {
                "startup_s": statistics.median(r["startup_s"] for r, _ in runs),
                "process_wall_s": statistics.median(w for _, w in runs),
                "startup_runs_s": [round(r["startup_s"], 4) for r, _ in runs],
            }

        # throughput: peacewatch first (it may stop at --max-seconds), then the baselines on the same articles
        res: dict[str, dict] = {}
        res["peacewatch"], _ = _spawn_json(
            _worker_args(
                a,
                path,
                *("--worker", "run", "--variant", "peacewatch"),
                *("--limit", str(a.articles), "--max-seconds", str(a.max_seconds)),
            )
        )
        n = res["peacewatch"]["articles"]
        for v in VARIANTS[1:]:
            res[v], _ = _spawn_json(
                _worker_args(
                    a, path, "--worker", "run", "--variant", v, "--limit", str(n), "--max-seconds", "0"
                )
            )
        for v, figures in startup.items():
            res[v].update(figures)

        profile_text = None
        if a.profile:
            profile_text, _ = _spawn(
                _worker_args(a, path, "--worker", "profile", "--limit", str(a.profile_articles))
            )

    pw = res["peacewatch"]
    ratios = {v: (pw["seconds"] / res[v]["seconds"] if res[v]["seconds"] else None) for v in VARIANTS[1:]}
    verdicts = {
        "articles_per_s": (pw["articles_per_s"] or 0) >= TARGETS["articles_per_s"],
        "ratio": ratios["baseline"] is not None and ratios["baseline"] <= TARGETS["ratio"],
        "startup_s": pw["startup_s"] < TARGETS["startup_s"],
        "peak_rss_mb": pw["peak_rss_mb"] < TARGETS["peak_rss_mb"],
    }

    print()
    _print_table(_rows(a, res, ratios, verdicts))
    print()
    print(
        f"method: {a.method}; start-up is the median of {a.startup_runs} fresh processes "
        f"(peacewatch: {', '.join(f'{s:.2f}' for s in startup['peacewatch']['startup_runs_s'])} s)."
    )
    print(
        "tokenizer only = spacy.blank('en').make_doc per article with spaCy's chunk cache warm (this corpus "
        "reuses a small vocabulary, so nearly every chunk is a cache hit: a best case); cold cache = the "
        "cache emptied before each article (a worst case). Real news falls in between."
    )
    if pw["capped"]:
        print(
            f"note: peacewatch stopped after --max-seconds {a.max_seconds:g} on the first {n:,} of "
            f"{cstats['articles']:,} articles; the baselines ran on the same {n:,}."
        )
    if min(res[v].get("cpu_share") or 1 for v in VARIANTS) < 0.9:
        print("note: CPU share below 90%: the machine was busy, so rates are understated.")
    print(f"overall: {'PASS' if all(verdicts.values()) else 'FAIL'} ({sum(verdicts.values())}/4 targets met)")

    if profile_text is not None:
        print("\n=== profile ===")
        print(profile_text.rstrip())

    result = {
        "corpus": {**cstats, "mean_words": mean_words, "seed": a.seed, "target_words": a.words},
        "method": a.method,
        "peacewatch": pw,
        "baseline": res["baseline"],
        "baseline_cold": res["baseline-cold"],
        "ratio": ratios["baseline"],
        "ratio_vs_cold": ratios["baseline-cold"],
        "targets": TARGETS,
        "verdicts": verdicts,
        "pass": all(verdicts.values()),
        "load_average_at_start": list(load),
    }
    if a.json:
        print()
        print(json.dumps(result, sort_keys=True))
    return result


def parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=5000, help="articles in the generated corpus")
    ap.add_argument("--words", type=int, default=700, help="target words per article")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="also print one JSON object with all figures")
    ap.add_argument("--profile", action="store_true", help="also profile extraction (cProfile)")
    ap.add_argument("--profile-articles", type=int, default=500)
    ap.add_argument("--method", choices=("extract", "extract_clean"), default="extract")
    ap.add_argument(
        "--max-seconds",
        type=float,
        default=70.0,
        help="stop the peacewatch loop after this much extraction time (0: no limit)",
    )
    ap.add_argument("--warmup", type=int, default=20, help="articles run before timing starts")
    ap.add_argument("--startup-runs", type=int, default=3)
    ap.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    # internal: one variant in a fresh process
    ap.add_argument("--worker", choices=("startup", "run", "profile"), help=argparse.SUPPRESS)
    ap.add_argument("--variant", choices=VARIANTS, help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    a = parse(argv)
    if a.worker:
        return worker_main(a)
    result = run(a)
    return 1 if a.strict and not result["pass"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
