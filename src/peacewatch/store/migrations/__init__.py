"""Numbered schema migrations, shipped as package data (``NNNN_name.sql``).

A migration is never edited once released: a schema change is a new file with the
next number. The store applies the pending ones in order, each in its own
transaction, and records them in ``schema_migrations``.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib.resources import files

from peacewatch.errors import MigrationError

_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    def statements(self) -> list[str]:
        """The script cut into single statements, so they can run inside our own transaction.

        (``executescript`` would commit any open transaction first.)
        """
        out: list[str] = []
        buf = ""
        for line in self.sql.splitlines(keepends=True):
            buf += line
            if sqlite3.complete_statement(buf):
                out.append(buf.strip())
                buf = ""
        rest = [ln for ln in buf.splitlines() if ln.strip() and not ln.strip().startswith("--")]
        if rest:
            raise MigrationError(
                f"migration {self.version:04d}_{self.name} ends with an incomplete statement"
            )
        return out


def load_migrations() -> list[Migration]:
    """Every migration in this package, by version; numbers must run 1, 2, 3 … without gaps."""
    found: list[Migration] = []
    for entry in files(__package__).iterdir():
        m = _NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    if [mig.version for mig in found] != list(range(1, len(found) + 1)):
        raise MigrationError(f"migration files are not numbered 1..{len(found)} without gaps")
    return found
