"""Exports of the canonical events: ACLED-style CSV, GeoJSON, Parquet.

Consumes the canonical events of a store; produces one file. Filters work as
``peacewatch events`` does: ``kind``; ``country``, an ISO2 code of one of the event's
places or its venue; ``since``/``until``, events whose dates overlap the window
(undated events are then left out). Files are written to a temporary name and
renamed, so a failed export never leaves half a file.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from peacewatch import api
from peacewatch.errors import PeacewatchError, UsageError
from peacewatch.reconcile import CanonicalEvent
from peacewatch.records import EVENT_KINDS
from peacewatch.report import acled
from peacewatch.report.geojson import feature_collection
from peacewatch.store import Store

EXPORT_FORMATS: tuple[str, ...] = ("csv", "geojson", "parquet")


@dataclass(frozen=True, slots=True)
class ExportFilters:
    kind: str | None = None
    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None

    @classmethod
    def parse(
        cls,
        kind: str | None = None,
        country: str | None = None,
        since: str | dt.date | None = None,
        until: str | dt.date | None = None,
    ) -> ExportFilters:
        """Filters from option strings; a bad value is a ``UsageError``."""
        if kind is not None and kind not in EVENT_KINDS:
            raise UsageError(f"--kind must be one of {', '.join(EVENT_KINDS)}, not {kind!r}")
        if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
            raise UsageError(f"--country takes an ISO 3166 alpha-2 code such as UA or RU, not {country!r}")
        start, end = _day(since, "--since"), _day(until, "--until")
        if start and end and end < start:
            raise UsageError(f"--until ({end}) is before --since ({start})")
        return cls(kind, country.upper() if country else None, start, end)

    def keep(self, ev: CanonicalEvent) -> bool:
        if self.kind is not None and ev.kind != self.kind:
            return False
        if self.country is not None:
            codes = {p.country for p in ev.places} | ({ev.venue.country} if ev.venue else set())
            if self.country not in codes:
                return False
        if self.since is not None or self.until is not None:
            start = ev.date.start
            if start is None or ev.date.precision == "unknown":
                return False
            end = ev.date.end or start
            if self.since is not None and end < self.since:
                return False
            if self.until is not None and start > self.until:
                return False
        return True


def _day(v: str | dt.date | None, option: str) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise UsageError(f"{option} takes an ISO date (YYYY-MM-DD), not {v!r}") from None


def export(db: str | Store | None, fmt: str, path: str | Path, filters: ExportFilters | None = None) -> int:
    """Write the store's canonical events (filtered) to ``path`` as ``fmt``; returns the rows/features written."""
    if fmt not in EXPORT_FORMATS:
        raise UsageError(f"--format must be csv, geojson or parquet, not {fmt!r}")
    events = [e for e in api.canonical(db) if (filters or ExportFilters()).keep(e)]
    return export_events(events, fmt, path)


def export_events(events: list[CanonicalEvent], fmt: str, path: str | Path) -> int:
    """Write events already read; the part of ``export`` that needs no store."""
    writers: dict[str, Callable[[list[CanonicalEvent], Path], int]] = {
        "csv": write_csv,
        "geojson": write_geojson,
        "parquet": _parquet,
    }
    if fmt not in writers:
        raise UsageError(f"--format must be csv, geojson or parquet, not {fmt!r}")
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"{target} is a directory: give a file name with -o")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {target}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        n = writers[fmt](events, Path(tmp))
        os.replace(tmp, target)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return n


def csv_rows(events: list[CanonicalEvent]) -> list[dict[str, object]]:
    return [row for ev in events for row in acled.rows(ev)]


# A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection"):
# an outlet named "=cmd|' /C calc'!A0" would run a command when the export is opened.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> object:
    """A value as a CSV cell: None is empty; text a spreadsheet would read as a formula gets a
    leading apostrophe (shown as text, the rest kept); numbers are left alone."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(events: list[CanonicalEvent], path: Path) -> int:
    rows = csv_rows(events)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(acled.COLUMNS))
        w.writeheader()
        w.writerows([{k: csv_cell(v) for k, v in r.items()} for r in rows])
    return len(rows)


def write_geojson(events: list[CanonicalEvent], path: Path) -> int:
    fc = feature_collection(events)
    path.write_text(json.dumps(fc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return len(fc["features"])


def _parquet(events: list[CanonicalEvent], path: Path) -> int:
    try:
        from peacewatch.report.parquet import write_parquet

        return write_parquet(events, path)
    except ImportError as exc:  # pyarrow is an optional dependency
        raise PeacewatchError(f"the Parquet export needs pyarrow (pip install pyarrow): {exc}") from exc
