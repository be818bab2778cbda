"""Commands on the database itself: copy (SQLite → PostgreSQL), migrate, check.

Each calls one function of ``peacewatch.store`` (``copy_database``, ``migrate_database``,
``check_database``) and prints what it returns; the checksums ``copy`` and ``check``
print are the same, so a copy can be checked again later from either side.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.table import Table

from peacewatch.cli.common import DbOpt, _errors, app, check_format, err, out
from peacewatch.errors import EXIT_STORE
from peacewatch.store import check_database, copy_database, migrate_database

db_app = typer.Typer(
    help="The database: copy a SQLite database into PostgreSQL, apply migrations, check it.",
    no_args_is_help=True,
)
app.add_typer(db_app, name="db")

FormatOpt = Annotated[str, typer.Option("--format", "-f", help="table or json.")]


def _json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


@contextmanager
def _copy_progress(quiet: bool) -> Iterator[Callable[[str, int], None] | None]:
    """A one-line status on stderr while a long copy runs (nothing when not a terminal)."""
    if quiet or not err.is_terminal:
        yield None
        return
    with err.status("copying …") as status:

        def step(table: str, rows: int) -> None:
            status.update(f"copying {table}: {rows:,} rows")

        yield step


@db_app.command("copy")
def copy_cmd(
    source: Annotated[str, typer.Argument(help="The SQLite database: a file path or sqlite:///path.")],
    destination: Annotated[
        str, typer.Argument(help="An empty PostgreSQL database: postgresql://user@host:port/dbname.")
    ],
    fmt: FormatOpt = "table",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress line.")] = False,
) -> None:
    """Copy every table of a SQLite database into an empty PostgreSQL database, ids kept.

    One transaction: it is committed only when every table's row count and checksum,
    read back from PostgreSQL, equal the source's; otherwise nothing is written.
    """
    check_format(fmt, ("table", "json"))
    with _errors(), _copy_progress(quiet) as step:
        report = copy_database(source, destination, progress=step)
    if fmt == "json":
        _json(report.to_dict())
        return
    out.print(f"{report.source} → {report.destination}", markup=False)
    t = Table()
    t.add_column("table")
    t.add_column("rows", justify="right")
    t.add_column("checksum")
    t.add_column("read back")
    for tc in report.tables:
        back = "same" if tc.ok else f"{tc.dest_rows} rows {tc.dest_checksum[:16]}"
        t.add_row(tc.table, str(tc.source_rows), tc.source_checksum[:16], back)
    out.print(t)
    out.print(
        f"copied {report.rows} rows in {len(report.tables)} tables (schema version {report.schema_version})"
        f" in {report.seconds:.1f} s; every count and checksum matches",
        markup=False,
    )


@db_app.command("migrate")
def migrate_cmd(db: DbOpt = None) -> None:
    """Apply pending schema migrations (every command does this on open; this does only that)."""
    with _errors():
        applied, version = migrate_database(db)
    done = ", ".join(f"{v:04d}" for v in applied) if applied else "none (up to date)"
    out.print(f"schema version {version}; migrations applied: {done}", markup=False)


@db_app.command("check")
def check_cmd(db: DbOpt = None, fmt: FormatOpt = "table") -> None:
    """Schema version, integrity check, and each table's rows and checksum (exit 4 if damaged)."""
    check_format(fmt, ("table", "json"))
    with _errors():
        report = check_database(db)
    if fmt == "json":
        _json(report.to_dict())
    else:
        out.print(f"{report.url} (schema version {report.schema_version})", markup=False)
        t = Table()
        t.add_column("table")
        t.add_column("rows", justify="right")
        t.add_column("checksum")
        for table, rows, checksum in report.tables:
            t.add_row(table, str(rows), checksum[:16])
        out.print(t)
        out.print(f"integrity: {report.integrity}", markup=False)
    if not report.ok:
        err.print(f"peacewatch: error: database {report.url}: {report.integrity}", markup=False)
        raise typer.Exit(EXIT_STORE)
