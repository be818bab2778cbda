"""The PostgreSQL mirror of the numbered migrations (``NNNN_name.sql``, same numbers and names).

Why a mirrored file set rather than one portable set run through a dialect layer: a
released migration is never edited, so what it does must be readable as-is, and a
translator that evolves would silently change what an old migration does. The
differences are few and mechanical — identity columns instead of AUTOINCREMENT,
BIGINT / DOUBLE PRECISION / BYTEA for SQLite's 64-bit INTEGER / REAL / BLOB, text
compared byte-wise (``COLLATE "C"``, as SQLite's BINARY) so that ``ORDER BY`` gives the
same order on both — and ``tests/test_store_postgres.py`` checks that both sets have
the same versions, names, tables and columns.
"""

from __future__ import annotations

from importlib.resources import files

from peacewatch.errors import MigrationError
from peacewatch.store.migrations import _NAME, Migration, load_migrations


def load_postgres_migrations() -> list[Migration]:
    """Every PostgreSQL migration, by version; they must match the SQLite set one for one."""
    found: list[Migration] = []
    for entry in files(__package__).iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    mine = [(mig.version, mig.name) for mig in found]
    sqlite = [(mig.version, mig.name) for mig in load_migrations()]
    if mine != sqlite:
        raise MigrationError(
            f"the PostgreSQL migrations {mine} do not mirror the SQLite migrations {sqlite} one for one"
        )
    return found
