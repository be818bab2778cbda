"""Commands on articles and their events: ingest, extract, events, demo."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from peacewatch import api
from peacewatch.cli.analysis import canonical_table
from peacewatch.cli.common import DbOpt, _errors, app, check_format, err, fmt_count, out
from peacewatch.errors import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, UsageError
from peacewatch.reconcile.run import reconcile_store
from peacewatch.records import EVENT_KINDS, Event, json_line
from peacewatch.settings import DEFAULT_OPTIONS, Options
from peacewatch.store import StoredEvent, open_store
from peacewatch.store.base import CommitListener


def _count_lines(path: Path) -> int:
    """Lines in a file, read in 1 MB chunks: a 50 MB line must not be held whole just to be counted."""
    lines, last = 0, b"\n"
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def _count_inputs(sources: list[str]) -> int:
    """A cheap estimate of how many articles a run will read (JSONL lines count one each)."""
    total = 0
    for s in sources:
        p = Path(s)
        files = [p] if p.is_file() else sorted(x for x in p.rglob("*") if x.is_file()) if p.is_dir() else []
        if not files:
            total += 1
        for f in files:
            if f.suffix == ".jsonl":
                try:
                    total += _count_lines(f)
                except OSError:
                    total += 1
            else:
                total += 1
    return total


@contextmanager
def _progress(
    sources: list[str], options: Options, quiet: bool
) -> Iterator[Callable[[str, int], None] | None]:
    total = 0 if quiet else _count_inputs(sources)
    if quiet or total <= options.progress_threshold:
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
        task = bar.add_task("ingest", total=total)

        def step(_what: str, n: int) -> None:
            bar.update(task, completed=n)

        yield step


def _report_ingest(report: api.IngestReport, quiet: bool) -> int:
    for r in report.rejections:
        err.print(f"peacewatch: rejected {r.source}: {r.reason}", markup=False)
    if report.duplicates and not quiet:
        shown = ", ".join(doc for doc, _ in report.duplicate_of[:3])
        more = f" and {report.duplicates - 3} more" if report.duplicates > 3 else ""
        err.print(f"peacewatch: already stored, nothing new: {shown}{more}", markup=False)
    if not quiet:
        err.print(
            f"read {report.read}, added {report.added} ({report.events} events), duplicates {report.duplicates}, "
            + (f"replaced by an earlier copy {report.replaced}, " if report.replaced else "")
            + f"near-duplicates {report.near_duplicates}, rejected {report.rejected} → {report.db}",
            markup=False,
        )
        if report.reconciled is not None:
            rec = report.reconciled.summary()
            err.print(
                f"reconciled {rec['mentions']} reports into {rec['canonical_events']} canonical events "
                f"({rec['created']} new, {rec['updated']} updated, {rec['removed']} removed)",
                markup=False,
            )
    if report.read == 0:
        return EXIT_NOTHING
    return EXIT_PARTIAL if report.rejections else EXIT_OK


@contextmanager
def _commit_log(target: str | None) -> Iterator[CommitListener | None]:
    """``--log``: one JSON line per committed write, flushed as it happens, so a script (or a
    crash test) watching it knows exactly what is safely stored even if the run is killed."""
    if target is None:
        yield None
        return
    try:
        fh = sys.stdout if target == "-" else open(target, "a", encoding="utf-8")  # noqa: SIM115
    except OSError as e:
        raise UsageError(f"cannot open the --log file {target}: {e.strerror or e}") from e
    try:

        def note(data: dict[str, Any]) -> None:
            fh.write(json_line(data))
            fh.flush()

        yield note
    finally:
        if fh is not sys.stdout:
            fh.close()


def _ingest(
    sources: list[str],
    db: str | None,
    options: Options,
    step: api.Progress | None,
    log: CommitListener | None,
) -> api.IngestReport:
    """Ingest, then reconcile if the canonical events lag behind the stored events even though
    nothing was added: a run killed after storing its articles but before its reconcile
    committed must be finished by the next run of the same command, or never would be."""
    store = open_store(db)
    try:
        store.on_commit = log
        report = api.ingest(sources, store, options, progress=step)
        if report.reconciled is None and store.reconcile_pending():
            report.reconciled = reconcile_store(store, run_id=report.run_id)
        return report
    finally:
        store.close()


@app.command()
def ingest(
    sources: Annotated[
        list[str], typer.Argument(help="Files, folders, feeds, URLs, or - for JSONL on stdin.")
    ],
    db: DbOpt = None,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow URLs on loopback/private addresses.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only print errors.")] = False,
    log: Annotated[
        str | None,
        typer.Option(
            "--log",
            metavar="FILE",
            help="Append a JSON line to FILE (- for stdout) for each article, rejection and reconcile"
            ' as soon as it is committed ({"op": "article", "status": "added", "doc_id", "content_hash",'
            ' "events", ...}), then a "done" line with the totals.',
        ),
    ] = None,
) -> None:
    """Read articles, extract their events and store both (re-ingesting stores nothing new)."""
    options = DEFAULT_OPTIONS.with_(allow_private=allow_private)
    with _errors(), _commit_log(log) as note, _progress(sources, options, quiet) as step:
        report = _ingest(sources, db, options, step, note)
        if note is not None:
            note({"op": "done", **report.summary()})
    raise typer.Exit(_report_ingest(report, quiet))


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (recursed); - reads article JSONL on stdin.")
    ],
    fmt: Annotated[str, typer.Option("--format", help="jsonl (the contract) or json.")] = "jsonl",
) -> None:
    """Print the events of each article as JSON (no database, no network). See the contract."""
    check_format(fmt, ("jsonl", "json"))
    failed = 0
    docs: list[dict[str, Any]] = []
    with _errors():
        for result in api.extract_documents(paths):
            if result.error:
                failed += 1
                err.print(f"peacewatch: {result.doc_id}: {result.error}", markup=False)
            line = result.to_contract()
            if fmt == "jsonl":
                sys.stdout.write(json_line(line))
                sys.stdout.flush()
            else:
                docs.append(line)
    if fmt == "json":
        sys.stdout.write(json.dumps(docs, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(EXIT_PARTIAL if failed else EXIT_OK)


@app.command()
def events(
    db: DbOpt = None,
    kind: Annotated[str | None, typer.Option(help=f"One of {', '.join(EVENT_KINDS)}.")] = None,
    place: Annotated[str | None, typer.Option(help="Place or oblast name (substring, any case).")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-2 code, e.g. UA.")] = None,
    since: Annotated[str | None, typer.Option(help="Earliest date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option(help="Latest date, YYYY-MM-DD.")] = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
) -> None:
    """List stored events, filtered."""
    check_format(fmt, ("table", "json", "csv"))
    with _errors():
        rows = api.events(db, kind=kind, place=place, country=country, since=since, until=until, limit=limit)
    if fmt == "json":
        sys.stdout.write(json.dumps([_event_json(r) for r in rows], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        sys.stdout.write(_events_csv(rows))
    else:
        out.print(events_table(rows))


@app.command()
def demo(
    db: Annotated[
        str | None,
        typer.Option("--db", help="Database for the demo (default: demo.db in the user data directory)."),
    ] = None,
) -> None:
    """Ingest the bundled demo corpus, reconcile it, then show the canonical events and where to look."""
    target = db or api.demo_database()
    with _errors():
        report = api.demo(target)
        canonical = api.canonical(target)
    out.print(canonical_table(canonical, f"{len(canonical)} canonical events (demo corpus)"))
    code = _report_ingest(report, quiet=False)
    out.print(f"\nDatabase: {report.db}")
    for hint in (
        "peacewatch events --kind attack --format json",
        "peacewatch reconcile --format json",
        "peacewatch timeline",
        "peacewatch commitments check",
        "peacewatch plans",
    ):
        out.print(f"Try:      {hint} --db {report.db}")
    out.print(f"Browse:   peacewatch serve --db {report.db}   (then open http://127.0.0.1:8000/)")
    raise typer.Exit(code)


# --- formatting -------------------------------------------------------------------------------


def _where(e: Event) -> str:
    if e.kind == "attack":
        return "; ".join(p.name for p in e.places)
    if e.kind == "talks" and e.venue:
        return e.venue.name
    return ""


def _what(e: Event) -> str:
    if e.kind == "attack":
        parts = []
        for w in e.weapons:
            label = w.model or w.kind
            n = fmt_count(w.launched)
            parts.append(f"{n} {label}".strip())
        return ", ".join(parts)
    if e.kind == "talks":
        bits = ["+".join(e.parties)]
        if e.mediators:
            bits.append("via " + "+".join(e.mediators))
        if e.round:
            bits.append(f"round {e.round}")
        return " ".join(b for b in bits if b) + (f" ({e.status})" if e.status else "")
    if e.kind == "proposal":
        pts = f"{e.points} points" if e.points else ""
        rev = f" (was {e.revises_points})" if e.revises_points else ""
        return f"{e.name or ''} {pts}{rev}".strip()
    return f"{e.scope or ''} [{e.status}]"


def _date(e: Event) -> str:
    if not e.date or not e.date.start:
        return ""
    if e.date.end and e.date.end != e.date.start:
        return f"{e.date.start}…{e.date.end}"
    return str(e.date.start)


def events_table(rows: list[StoredEvent]) -> Table:
    t = Table(title=f"{len(rows)} events", show_lines=False)
    widths = {"where": 24, "what": 44, "source": 20}
    for col in ("id", "date", "kind", "where", "actor", "killed", "injured", "what", "source"):
        t.add_column(col, overflow="ellipsis", no_wrap=True, max_width=widths.get(col))
    for r in rows:
        e = r.event
        t.add_row(
            str(r.id),
            _date(e),
            e.kind,
            _where(e),
            e.actor or "",
            fmt_count(e.killed),
            fmt_count(e.injured),
            _what(e),
            r.source or r.doc_id,
        )
    return t


def _event_json(r: StoredEvent) -> dict[str, Any]:
    return {
        "id": r.id,
        "article_id": r.article_id,
        "doc_id": r.doc_id,
        "source": r.source,
        "url": r.url,
        "published": r.published,
        **r.event.to_contract(),
    }


def _events_csv(rows: list[StoredEvent]) -> str:
    """Reports as CSV; article text that a spreadsheet would run as a formula is written as
    text (``csv_cell``), as in ``peacewatch export``."""
    from peacewatch.report.exports import csv_cell

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "date_start", "date_end", "kind", "where", "country", "actor", "killed", "injured", "what",
                "confidence", "source", "url", "quote"])  # fmt: skip
    for r in rows:
        e = r.event
        w.writerow(
            csv_cell(v)
            for v in [
                r.id,
                e.date.start if e.date and e.date.start else "",
                e.date.end if e.date and e.date.end else "",
                e.kind,
                _where(e),
                ";".join(sorted({p.country or "" for p in e.places}))
                if e.places
                else (e.venue.country if e.venue else ""),
                e.actor or "",
                fmt_count(e.killed),
                fmt_count(e.injured),
                _what(e),
                e.confidence,
                r.source or "",
                r.url or "",
                e.evidence[0].quote if e.evidence else "",
            ]
        )
    return buf.getvalue()
