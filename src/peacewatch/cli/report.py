"""Commands that write reports: the daily brief and the data exports.

``brief`` calls ``peacewatch.report.brief`` and ``export`` calls
``peacewatch.report.export``; this module only parses options and writes the result.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated

import typer

from peacewatch import report
from peacewatch.cli.common import DbOpt, _errors, app, check_format, err
from peacewatch.errors import EXIT_OK, EXIT_USAGE, UsageError


@app.command()
def brief(
    date: Annotated[str | None, typer.Option("--date", help="The day, YYYY-MM-DD (default: today).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="md, html or pdf.")] = "md",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Write to this file (default: stdout; pdf needs -o or a pipe)."),
    ] = None,
    db: DbOpt = None,
) -> None:
    """What the sources say happened on one day, every figure cited to its source."""
    check_format(fmt, report.BRIEF_FORMATS)
    if fmt == "pdf" and output is None and sys.stdout.isatty():
        err.print("peacewatch: error: a PDF goes to a file: add -o FILE (or pipe the output)", markup=False)
        raise typer.Exit(EXIT_USAGE)
    with _errors():
        day = _date(date) if date else dt.date.today()
        result = report.brief(db, day, fmt)
        _write(result, output)
    if output is not None:
        err.print(f"wrote the {fmt} brief of {day} → {output}", markup=False)
    raise typer.Exit(EXIT_OK)


@app.command()
def export(
    output: Annotated[Path, typer.Option("-o", "--output", help="The file to write.")],
    fmt: Annotated[
        str, typer.Option("--format", help="csv (ACLED-style columns), geojson or parquet.")
    ] = "csv",
    kind: Annotated[str | None, typer.Option(help="attack, talks, proposal or commitment.")] = None,
    country: Annotated[str | None, typer.Option(help="ISO2 code of a place or venue, e.g. UA.")] = None,
    since: Annotated[str | None, typer.Option(help="Events ending on or after this day, YYYY-MM-DD.")] = None,
    until: Annotated[
        str | None, typer.Option(help="Events starting on or before this day, YYYY-MM-DD.")
    ] = None,
    db: DbOpt = None,
) -> None:
    """Write the canonical events as ACLED-style CSV, GeoJSON or Parquet."""
    check_format(fmt, report.EXPORT_FORMATS)
    with _errors():
        filters = report.ExportFilters.parse(kind, country, since, until)
        n = report.export(db, fmt, output, filters)
    what = "features" if fmt == "geojson" else "rows"
    err.print(f"wrote {n} {what} → {output}", markup=False)
    raise typer.Exit(EXIT_OK)


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date takes an ISO date (YYYY-MM-DD), not {value!r}") from None


def _write(result: str | bytes, output: Path | None) -> None:
    data = result.encode("utf-8") if isinstance(result, str) else result
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from exc
