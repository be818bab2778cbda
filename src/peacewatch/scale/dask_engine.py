"""The Dask engine: the plan of ``runner.run`` as tasks on a ``dask.distributed`` cluster.

Tasks, for P input partitions and R reduce partitions:

* P ``extract_partition`` tasks (each on one worker, with that worker's extractor);
* P ``head_of`` tasks — the contract lines and counts, the only thing the driver fetches;
* P × R ``piece_of`` tasks — the shuffle: reduce partition ``j`` depends on piece ``j`` of
  every map output, which the scheduler moves between workers;
* R ``reconcile_partition`` tasks, each writing its own Parquet part.

The driver releases each map output as soon as its head and pieces exist, writes
``documents.jsonl`` in input order as heads arrive, and reports progress. Worker
processes build their extractor once, when they start (``WarmExtractor``). Without a
scheduler address a ``LocalCluster`` of worker processes (one thread each: extraction
holds the GIL) is started for the run and closed after it.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from peacewatch.errors import PeacewatchError, UsageError
from peacewatch.extract import get_extractor
from peacewatch.scale.runner import Job, Progress, RunReport
from peacewatch.scale.work import MapHead, extract_partition, head_of, piece_of, reconcile_partition

CONNECT_TIMEOUT = "10s"  # to reach an existing scheduler
WORKER_WAIT_S = 60  # how long to wait for a worker to join an existing cluster


class WarmExtractor(WorkerPlugin):
    """Build the extractor when a worker starts, not in its first task (once per worker process)."""

    name = "peacewatch-warm-extractor"

    def setup(self, worker: Any) -> None:
        get_extractor()


@contextmanager
def connect(scheduler: str | None, n_workers: int | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a new LocalCluster of worker processes."""
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise UsageError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
        try:
            client.wait_for_workers(1, timeout=WORKER_WAIT_S)
        except TimeoutError:
            client.close()
            raise PeacewatchError(f"no Dask worker joined {scheduler} within {WORKER_WAIT_S} s") from None
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(
        n_workers=n_workers or os.cpu_count() or 1,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # any free port: never collide with another cluster's 8787
        silence_logs=logging.ERROR,
    )
    try:
        with Client(cluster) as client:
            yield client
    finally:
        cluster.close()


def _has_bokeh() -> bool:
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


def run_dask(
    job_for: Callable[[Callable[..., list[Any]]], Job],
    report: RunReport,
    progress: Progress | None,
    *,
    scheduler: str | None,
    n_workers: int | None,
) -> None:
    """Run the job on a Dask cluster; fills ``report``."""
    with connect(scheduler, n_workers) as client:
        client.register_plugin(WarmExtractor(), name=WarmExtractor.name)
        report.workers = len(client.nthreads())
        report.dashboard = client.dashboard_link if _has_bokeh() or scheduler else None
        if progress:
            progress("plan", 0, 1)
        job = job_for(lambda func, items: client.gather(client.map(func, list(items), pure=False)))
        if progress:
            progress("plan", 1, 1)
        _execute(client, job, report, progress)


def _execute(client: Client, job: Job, report: RunReport, progress: Progress | None) -> None:
    n_out = job.reduce_partitions
    maps = client.map(
        extract_partition,
        job.partitions,
        blocking=job.blocking,
        reduce_partitions=n_out,
        options=job.options,
        storage_options=job.storage_options,
        pure=False,
    )
    heads = client.map(head_of, maps, pure=False)
    pieces = [[client.submit(piece_of, m, j, pure=False) for m in maps] for j in range(n_out)]
    reduces = [
        client.submit(reconcile_partition, j, pieces[j], job.output, job.storage_options, pure=False)
        for j in range(n_out)
    ]
    del maps, pieces  # the scheduler now frees each map output once its head and pieces exist
    lines = {i: p.lines for i, p in enumerate(job.partitions)}
    order = {f.key: i for i, f in enumerate(heads)}
    try:
        _write_documents(client, heads, order, lines, job, report, progress)
        for n, fut in enumerate(as_completed(reduces), 1):
            report.add_reduce(fut.result())
            fut.release()
            if progress:
                progress("reconcile", n, n_out)
    except Exception:
        client.cancel(heads + reduces)
        raise


def _write_documents(
    client: Client,
    heads: list[Any],
    order: dict[Any, int],
    lines: dict[int, int],
    job: Job,
    report: RunReport,
    progress: Progress | None,
) -> None:
    """Write the contract lines in input order, holding only the heads that arrived early."""
    import fsspec

    waiting: dict[int, MapHead] = {}
    nxt = done = 0
    with fsspec.open(report.documents, "w", encoding="utf-8", **job.storage_options) as docs:
        for fut in as_completed(heads):
            i = order[fut.key]
            waiting[i] = fut.result()
            fut.release()
            done += lines[i]
            if progress:
                progress("extract", done, report.lines)
            while nxt in waiting:
                head = waiting.pop(nxt)
                docs.write(head.documents)
                report.add_head(head)
                nxt += 1
