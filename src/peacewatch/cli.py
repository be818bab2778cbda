"""The ``peacewatch`` command: options in, one library call, results out.

Exit codes (also in the README):
  0  everything read
  1  partial failure: some inputs were rejected, the rest went through
  2  usage error (bad option or argument)
  3  nothing could be read
  4  the database could not be opened or written
"""

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
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from peacewatch import __version__, api
from peacewatch.errors import (
    EXIT_NOTHING,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_STORE,
    EXIT_USAGE,
    PeacewatchError,
    StoreError,
    UsageError,
)
from peacewatch.records import EVENT_KINDS, Event
from peacewatch.settings import DEFAULT_OPTIONS, Options
from peacewatch.store import StoredEvent

app = typer.Typer(
    name="peacewatch",
    help="Evidence-linked event data on strikes and peace talks, from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
# Not a terminal (a pipe, a CI log): rich would assume 80 columns and wrap every cell.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)

DbOpt = Annotated[
    str | None,
    typer.Option(
        "--db", envvar="PEACEWATCH_DB", help="Database path (default: the per-user data directory)."
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"peacewatch {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def main_callback(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Evidence-linked event data on strikes and peace talks, from news text."""


@contextmanager
def _errors() -> Iterator[None]:
    """Library errors become one stderr line and a documented exit code."""
    try:
        yield
    except UsageError as exc:
        err.print(f"peacewatch: error: {exc.one_line()}", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    except StoreError as exc:
        err.print(f"peacewatch: error: {exc.one_line()}", markup=False)
        raise typer.Exit(EXIT_STORE) from None
    except PeacewatchError as exc:
        err.print(f"peacewatch: error: {exc.one_line()}", markup=False)
        raise typer.Exit(EXIT_PARTIAL) from None


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
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
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
            f"near-duplicates {report.near_duplicates}, rejected {report.rejected} → {report.db}",
            markup=False,
        )
    if report.read == 0:
        return EXIT_NOTHING
    return EXIT_PARTIAL if report.rejections else EXIT_OK


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
) -> None:
    """Read articles, extract their events and store both (re-ingesting stores nothing new)."""
    options = DEFAULT_OPTIONS.with_(allow_private=allow_private)
    with _errors(), _progress(sources, options, quiet) as step:
        report = api.ingest(sources, db, options, progress=step)
    raise typer.Exit(_report_ingest(report, quiet))


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (recursed); - reads article JSONL on stdin.")
    ],
    fmt: Annotated[str, typer.Option("--format", help="jsonl (the contract) or json.")] = "jsonl",
) -> None:
    """Print the events of each article as JSON (no database, no network). See the contract."""
    if fmt not in ("jsonl", "json"):
        err.print(f"peacewatch: error: --format must be jsonl or json, not {fmt!r}", markup=False)
        raise typer.Exit(EXIT_USAGE)
    failed = 0
    docs: list[dict[str, Any]] = []
    with _errors():
        for result in api.extract_documents(paths):
            if result.error:
                failed += 1
                err.print(f"peacewatch: {result.doc_id}: {result.error}", markup=False)
            line = result.to_contract()
            if fmt == "jsonl":
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
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
    if fmt not in ("table", "json", "csv"):
        err.print(f"peacewatch: error: --format must be table, json or csv, not {fmt!r}", markup=False)
        raise typer.Exit(EXIT_USAGE)
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
    """Ingest the bundled demo corpus, then show its events and where the database is."""
    target = db or api.demo_database()
    with _errors():
        report = api.demo(target)
        rows = api.events(target)
    out.print(events_table(rows))
    code = _report_ingest(report, quiet=False)
    out.print(f"\nDatabase: {report.db}")
    out.print(f"Try:      peacewatch events --db {report.db} --kind attack --format json")
    raise typer.Exit(code)


# --- formatting -------------------------------------------------------------------------------


def _fmt_count(c: Any) -> str:
    if c is None:
        return ""
    if c.qualifier == "unspecified":
        return "?"
    if c.qualifier == "range":
        return f"{c.low}–{c.high}"
    prefix = {"at_least": "≥", "approx": "~", "at_most": "≤"}.get(c.qualifier, "")
    return f"{prefix}{c.value}"


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
            n = _fmt_count(w.launched)
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
            _fmt_count(e.killed),
            _fmt_count(e.injured),
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
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["id", "date_start", "date_end", "kind", "where", "country", "actor", "killed", "injured", "what",
                "confidence", "source", "url", "quote"])  # fmt: skip
    for r in rows:
        e = r.event
        w.writerow(
            [
                r.id,
                e.date.start if e.date and e.date.start else "",
                e.date.end if e.date and e.date.end else "",
                e.kind,
                _where(e),
                ";".join(sorted({p.country or "" for p in e.places}))
                if e.places
                else (e.venue.country if e.venue else ""),
                e.actor or "",
                _fmt_count(e.killed),
                _fmt_count(e.injured),
                _what(e),
                e.confidence,
                r.source or "",
                r.url or "",
                e.evidence[0].quote if e.evidence else "",
            ]
        )
    return buf.getvalue()


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
