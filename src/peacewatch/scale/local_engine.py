"""The local engine: the plan of ``runner.run`` in this process, one partition at a time.

It is the reference the Dask engine is tested against, and the way to run without a
cluster. The shuffle goes through one temporary file per reduce partition, so memory
holds one extracted partition, then one reduce partition, never the whole corpus.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from peacewatch.scale.runner import Job, Progress, RunReport
from peacewatch.scale.work import extract_partition, reconcile_partition


def _loop(func: Callable[[Any], Any], items: Any) -> list[Any]:
    return [func(x) for x in items]


def _blobs(fh: IO[bytes]) -> Iterator[bytes]:
    fh.seek(0)
    while True:
        try:
            yield pickle.load(fh)
        except EOFError:
            return


def run_local(
    job_for: Callable[[Callable[..., list[Any]]], Job], report: RunReport, progress: Progress | None
) -> None:
    """Run the job in this process; fills ``report``."""
    import fsspec

    if progress:
        progress("plan", 0, 1)
    job = job_for(_loop)
    if progress:
        progress("plan", 1, 1)
    done = 0
    with tempfile.TemporaryDirectory(prefix="peacewatch-shuffle-") as tmp, ExitStack() as stack:
        spills = [
            stack.enter_context(Path(tmp, f"{j}.pickle").open("w+b")) for j in range(job.reduce_partitions)
        ]
        with fsspec.open(report.documents, "w", encoding="utf-8", **job.storage_options) as docs:
            for part in job.partitions:
                out = extract_partition(
                    part, job.blocking, job.reduce_partitions, job.options, job.storage_options
                )
                docs.write(out.documents)
                report.add_head(out.head())
                for fh, blob in zip(spills, out.pieces, strict=True):
                    pickle.dump(blob, fh, protocol=pickle.HIGHEST_PROTOCOL)
                done += part.lines
                if progress:
                    progress("extract", done, report.lines)
        for j, fh in enumerate(spills):
            report.add_reduce(reconcile_partition(j, list(_blobs(fh)), job.output, job.storage_options))
            fh.truncate(0)  # free the disk as we go
            if progress:
                progress("reconcile", j + 1, job.reduce_partitions)
