"""``run``: the one entry point of the scale-out runner, whatever the engine.

The plan is the same for both engines, so that they give the same output:

1. **discover** the input files and **plan** partitions of ``partition_size`` lines or rows;
2. **extract** each partition (map): contract lines, and reports keyed by block;
3. **shuffle** the reports to ``reduce_partitions`` partitions by a stable hash of their block;
4. **reconcile** each block with ``reconcile_mentions`` (reduce) and write its Parquet part;
5. write ``documents.jsonl`` in input order.

``engine="local"`` runs it in this process (the reports of each reduce partition wait in
a temporary file, so memory holds one partition at a time); ``engine="dask"`` runs it on
a Dask cluster, a new ``LocalCluster`` of worker processes or the one at ``scheduler``.
"""

from __future__ import annotations

import importlib.util
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from peacewatch.errors import UsageError
from peacewatch.scale.blocking import Blocking
from peacewatch.scale.inputs import Partition
from peacewatch.scale.work import MapHead, ReduceOutput
from peacewatch.settings import DEFAULT_OPTIONS, Options

Engine = Literal["local", "dask"]
ENGINES: tuple[str, ...] = ("local", "dask")
Progress = Callable[[str, int, int], None]  # (stage: "plan" | "extract" | "reconcile", done, total)

DEFAULT_PARTITION_SIZE = 500  # articles: ~7 s of extraction, small enough to balance two workers
REDUCE_ARTICLES = 2000  # one reduce partition per this many input lines…
MAX_REDUCE_PARTITIONS = 256  # …up to this many
KEEP_REJECTED = 10_000  # error lines listed in the report (all are counted and all are in the output)
EXTRA = 'pip install "peacewatch[dask]"'


@dataclass(slots=True)
class RunReport:
    """What a run read, found and wrote."""

    engine: str
    input: str
    output: str
    documents: str = ""
    canonical: str = ""
    files: int = 0
    partitions: int = 0
    reduce_partitions: int = 0
    lines: int = 0
    articles: int = 0
    errors: int = 0
    events: int = 0
    mentions: int = 0
    duplicates: int = 0
    blocks: int = 0
    canonical_events: int = 0
    workers: int = 1
    seconds: float = 0.0
    dashboard: str | None = None
    rejected: list[tuple[str, str]] = field(default_factory=list)  # the first KEEP_REJECTED

    def summary(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "workers": self.workers,
            "files": self.files,
            "partitions": self.partitions,
            "articles": self.articles,
            "errors": self.errors,
            "events": self.events,
            "duplicate_reports": self.duplicates,
            "blocks": self.blocks,
            "canonical_events": self.canonical_events,
            "seconds": round(self.seconds, 2),
            "documents": self.documents,
            "canonical": self.canonical,
        }

    def add_head(self, head: MapHead) -> None:
        self.articles += head.articles
        self.events += head.events
        self.errors += len(head.rejected)
        room = KEEP_REJECTED - len(self.rejected)
        if room > 0:
            self.rejected.extend(head.rejected[:room])

    def add_reduce(self, r: ReduceOutput) -> None:
        self.mentions += r.mentions
        self.duplicates += r.duplicates
        self.blocks += r.blocks
        self.canonical_events += r.canonical


@dataclass(frozen=True, slots=True)
class Job:
    """Everything a run needs, decided before any engine starts (so engines cannot differ)."""

    partitions: list[Partition]
    blocking: Blocking
    reduce_partitions: int
    output: str
    options: Options
    storage_options: dict[str, Any]


def require(engine: str) -> None:
    """Refuse early, with the install command, when the optional dependencies are missing."""
    needed = ["fsspec", "pyarrow"] + (["dask", "distributed"] if engine == "dask" else [])
    missing = [m for m in needed if importlib.util.find_spec(m) is None]
    if missing:
        raise UsageError(f"peacewatch run --engine {engine} needs {', '.join(missing)}: {EXTRA}")


def run(
    input: str,
    output: str,
    engine: Engine | str = "local",
    scheduler: str | None = None,
    n_workers: int | None = None,
    partition_size: int = DEFAULT_PARTITION_SIZE,
    *,
    blocking: Blocking | None = None,
    reduce_partitions: int | None = None,
    options: Options = DEFAULT_OPTIONS,
    storage_options: dict[str, Any] | None = None,
    progress: Progress | None = None,
) -> RunReport:
    """Extract and reconcile a corpus partition by partition; write documents and canonical events.

    ``input`` is article JSONL or Parquet (a file, folder or glob; a local path or any
    fsspec URL); ``output`` a folder (path or URL) that receives ``documents.jsonl`` and
    ``canonical.parquet/``. With ``engine="dask"`` and no ``scheduler``, a ``LocalCluster``
    of ``n_workers`` worker processes (default: one per core) is started and closed; with a
    scheduler address the run uses that cluster as it is. Bad lines become error lines in
    ``documents.jsonl``; nothing is dropped silently.
    """
    if engine not in ENGINES:
        raise UsageError(f"--engine must be local or dask, not {engine!r}")
    if engine == "local" and (scheduler is not None or n_workers not in (None, 1)):
        raise UsageError("--scheduler and --workers are for --engine dask")
    if n_workers is not None and n_workers < 1:
        raise UsageError("--workers must be at least 1")
    require(engine)
    from peacewatch.scale import inputs
    from peacewatch.scale import output as out

    started = time.perf_counter()
    so = dict(storage_options or {})
    files = inputs.discover(input, so)
    report = RunReport(engine=str(engine), input=input, output=output, files=len(files))
    report.documents, report.canonical = out.documents_path(output), out.canonical_path(output)
    out.prepare(output, so)

    def job_for(map_fn: inputs.MapFn) -> Job:
        parts = inputs.plan(files, partition_size, map_fn, so)
        lines = sum(p.lines for p in parts)
        n_out = reduce_partitions or max(1, min(MAX_REDUCE_PARTITIONS, math.ceil(lines / REDUCE_ARTICLES)))
        report.partitions, report.reduce_partitions, report.lines = len(parts), n_out, lines
        return Job(parts, blocking or Blocking(), n_out, output, options, so)

    if engine == "local":
        from peacewatch.scale.local_engine import run_local

        run_local(job_for, report, progress)
    else:
        from peacewatch.scale.dask_engine import run_dask

        run_dask(job_for, report, progress, scheduler=scheduler, n_workers=n_workers)
    report.seconds = time.perf_counter() - started
    return report
