"""What every ``peacewatch`` command shares: the app, the consoles, errors → exit codes.

Exit codes (also in the README):
  0  everything read
  1  partial failure: some inputs were rejected, the rest went through
  2  usage error (bad option or argument)
  3  nothing could be read
  4  the database could not be opened or written
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any

import typer
from rich.console import Console

from peacewatch import __version__
from peacewatch.errors import (
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_STORE,
    EXIT_USAGE,
    PeacewatchError,
    StoreError,
    UsageError,
)

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
        "--db",
        envvar="PEACEWATCH_DB",
        help="Database path or postgresql:// URL (default: a file in the per-user data directory).",
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


def check_format(fmt: str, allowed: tuple[str, ...]) -> None:
    """Refuse an unknown --format with the usage exit code."""
    if fmt not in allowed:
        err.print(
            f"peacewatch: error: --format must be {', '.join(allowed[:-1])} or {allowed[-1]}, not {fmt!r}",
            markup=False,
        )
        raise typer.Exit(EXIT_USAGE)


def fmt_count(c: Any) -> str:
    if c is None:
        return ""
    if c.qualifier == "unspecified":
        return "?"
    if c.qualifier == "range":
        return f"{c.low}–{c.high}"
    prefix = {"at_least": "≥", "approx": "~", "at_most": "≤"}.get(c.qualifier, "")
    return f"{prefix}{c.value}"
