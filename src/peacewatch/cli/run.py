"""``peacewatch run``: extract and reconcile a large corpus, in this process or on a Dask cluster.

Options in, one call to ``peacewatch.scale.run``, a progress display and a summary out.
Registered on the shared app when this module is imported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from peacewatch.cli.common import _errors, app, err
from peacewatch.errors import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, EXIT_USAGE

SHOWN_ERRORS = 20  # error lines printed; all of them are in documents.jsonl
_LABELS = {"plan": "planning", "extract": "extracting articles", "reconcile": "reconciling partitions"}


@contextmanager
def _progress(quiet: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    if quiet:
        yield None
        return
    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def step(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_LABELS.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield step


@app.command("run")
def run_command(
    input: Annotated[
        str, typer.Argument(help="Article JSONL or Parquet: file, folder or glob; path or fsspec URL.")
    ],
    output: Annotated[
        str, typer.Argument(help="Folder (path or URL) for documents.jsonl and canonical.parquet/.")
    ],
    engine: Annotated[str, typer.Option(help="local (this process) or dask.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a running Dask scheduler (default: start a LocalCluster).")
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", help="Worker processes of the LocalCluster (default: one per core)."),
    ] = None,
    partition_size: Annotated[int, typer.Option(help="Articles per partition.")] = 500,
    region: Annotated[
        str, typer.Option(help="Blocking of attacks: country or admin1 (finer, more approximate).")
    ] = "country",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")] = False,
) -> None:
    """Extract and reconcile a corpus partition by partition: documents.jsonl and canonical.parquet/."""
    from peacewatch.scale import Blocking, run

    if region not in ("country", "admin1"):
        err.print(f"peacewatch: error: --region must be country or admin1, not {region!r}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    with _errors(), _progress(quiet) as step:
        report = run(
            input,
            output,
            engine=engine,
            scheduler=scheduler,
            n_workers=workers,
            partition_size=partition_size,
            blocking=Blocking(region="admin1" if region == "admin1" else "country"),
            progress=step,
        )
    for doc_id, reason in report.rejected[:SHOWN_ERRORS]:
        err.print(f"peacewatch: {doc_id}: {reason}", markup=False)
    if report.errors > SHOWN_ERRORS:
        err.print(
            f"peacewatch: … and {report.errors - SHOWN_ERRORS} more errors (in {report.documents})",
            markup=False,
        )
    if not quiet:
        rate = report.articles / report.seconds if report.seconds else 0.0
        err.print(
            f"read {report.articles} articles ({report.errors} errors, {report.events} events) with "
            f"{report.engine} ({report.workers} worker{'s' if report.workers != 1 else ''}) in "
            f"{report.seconds:.1f} s, {rate:.0f} articles/s; reconciled {report.mentions} reports in "
            f"{report.blocks} blocks into {report.canonical_events} canonical events",
            markup=False,
        )
        err.print(f"→ {report.documents}\n→ {report.canonical}", markup=False)
    if report.articles == 0:
        raise typer.Exit(EXIT_NOTHING)
    raise typer.Exit(EXIT_PARTIAL if report.errors else EXIT_OK)
