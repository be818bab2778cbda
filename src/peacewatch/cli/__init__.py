"""The ``peacewatch`` command: options in, one library call, results out.

Each command lives with its kin (``articles``: ingest, extract, events, demo;
``analysis``: reconcile, timeline, commitments, plans, crosscheck; ``report``: brief,
export; ``web``: serve; ``db``: copy, migrate, check; ``run``: the corpus runner) and calls the library function of the same name (``peacewatch.api``,
``peacewatch.report``). Exit codes are listed in ``cli.common`` and the README.
"""

from __future__ import annotations

from peacewatch.cli import analysis, articles, db, report, run, web
from peacewatch.cli.common import app

__all__ = ["analysis", "app", "articles", "db", "main", "report", "run", "web"]


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
