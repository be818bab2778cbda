"""The official side of the cross-check: the Ukrainian Air Force series of launched and
destroyed missiles and drones.

Consumes the CSV of the public dataset "Massive Missile Attacks on Ukraine" (Petro
Ivaniuk, compiled from the daily reports of the Air Force of the Armed Forces of
Ukraine): one row per weapon model per attack. Produces ``OfficialRow`` records
(``read_airforce_csv``), versioned imports in the store (``import_official``), figures
per night (``nightly``) and the verdict on each news figure (``compare``).

Two rules decide what the numbers mean, and both are written here once:

- **The night of a row** (``night_of``) is the date of the morning the attack ended,
  the date the Air Force's morning report carries: time_end's date; except that an
  attack that started at or after 18:00 and ended the same evening belongs to the next
  morning (the report "from 18:00" of that evening counts it: the Kinzhal salvo of
  23:35 on 2 Nov 2025 is in the report of 3 Nov). A bare date is that day. So the night
  of 24–25 Nov 2025 has night 2025-11-25, and so do the Kinzhal launches of 01:20 and
  06:50 that morning.
- **National and regional rows.** Most rows come from the Air Force's national morning
  report (source ``kpszsu/…``), which the news repeats ("48 missiles and 470 drones
  overnight"). Others are daily tallies of a regional air command (sources ``PvKPivden``,
  ``pvkshid``, ``PvkZahid``, ``PvkCenter``: mostly reconnaissance drones downed over
  the day) that the national report does not include; adding them would turn accurate
  news figures into "differs" on most nights of 2025–26. So a row's ``scope`` is
  "regional" when its source is an air command's page ("pvk…"), else "national", and the
  figures of a night are the national ones, the regional tallies kept beside them.
- **The comparison** (``compare``) is stated in its docstring and, filled in with the
  numbers, in the ``rule`` of every ``Comparison``.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import math
import os
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from peacewatch.analyse.official_models import OfficialKind, model_kind
from peacewatch.errors import DecodeError, EmptyInput, MalformedInput, UnreadableInput
from peacewatch.records import Count, Rejection
from peacewatch.store import Store, open_store
from peacewatch.store.base import OfficialImportMeta, OfficialImportResult, StoredOfficialRow

REQUIRED_COLUMNS: tuple[str, ...] = ("time_start", "time_end", "model", "launched", "destroyed")
# What identifies a row across re-imports (see ``row_key``).
KEY_COLUMNS: tuple[str, ...] = ("time_start", "time_end", "model", "launch_place", "target", "source")
EVENING = dt.time(18, 0)  # the Air Force's reporting night runs "from 18:00" to the morning

_REGIONAL_SOURCE = re.compile(r"^\s*(?:https?://)?(?:www\.)?(?:facebook\.com/)?pvk", re.IGNORECASE)
_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$")
_MISSING = frozenset({"", "nan", "none", "null", "-"})


@dataclass(frozen=True, slots=True)
class OfficialRow:
    """One row of the series: one weapon model in one attack, with its figures.

    ``time_start``/``time_end`` are datetimes when the file gave a time, dates when it gave
    only a day. ``model`` is as written; ``kind`` comes from the model table; ``scope`` from
    the source (national report or regional air command, see the module). ``raw`` holds
    the original columns as read (kept for the record and for the content hash).
    """

    time_start: dt.date
    time_end: dt.date
    night: dt.date
    model: str
    kind: OfficialKind
    scope: Scope
    launched: int | None
    destroyed: int | None
    launch_place: str
    target: str
    source: str
    row_key: str
    raw: dict[str, str] = field(hash=False)
    line: int = 0


@dataclass(frozen=True, slots=True)
class OfficialFile:
    """A file as read: its rows, the rows it could not read (records, not exceptions),
    and the file's name and SHA-256 for the import record."""

    file_name: str
    sha256: str
    rows: tuple[OfficialRow, ...]
    problems: tuple[Rejection, ...]


Figures = dict[str, tuple[int | None, int | None]]  # kind or model → (launched, destroyed)


@dataclass(frozen=True, slots=True)
class NightFigures:
    """Launched and destroyed on one night, per kind and per model, from the current rows.

    ``by_kind``/``by_model`` sum the national rows (what the news repeats); the regional
    air commands' tallies are kept apart in ``regional_by_kind``/``regional_by_model``.
    A figure is None when every row behind it left that count empty, else the sum of the
    rows that gave one. ``rows`` counts both scopes; ``row_keys`` name them, as evidence.
    """

    night: dt.date
    by_kind: Figures = field(hash=False)
    by_model: Figures = field(hash=False)
    rows: int
    row_keys: tuple[str, ...] = ()
    regional_by_kind: Figures = field(default_factory=dict, hash=False)
    regional_by_model: Figures = field(default_factory=dict, hash=False)
    national_rows: int = 0


Scope = Literal["national", "regional"]
Verdict = Literal["consistent", "differs", "no_official_data", "no_number"]


@dataclass(frozen=True, slots=True)
class NewsFigure:
    """A figure the news gave for one night and weapon kind ("48 missiles overnight")."""

    night: dt.date
    kind: str
    count: Count
    sources: tuple[str, ...] = ()
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """The verdict on one news figure, with the rule that gave it, numbers filled in."""

    night: dt.date
    kind: str
    news: Count
    official_launched: int | None
    sources: tuple[str, ...]
    verdict: Verdict
    rule: str
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Tolerance:
    """How far a news figure may be from the official one and still agree.

    ``absolute`` and ``relative`` (of the official figure) make the margin of exact
    figures and bounds: max(absolute, relative × official); ``approx`` replaces
    ``relative`` for figures the news itself hedged ("about 400").
    """

    absolute: int = 2
    relative: float = 0.05
    approx: float = 0.15


DEFAULT_TOLERANCE = Tolerance()

# Kinds every morning report of the Air Force accounts for: on a night with rows, no row of
# these kinds means the report gave none (0), not that the series is silent.
COVERED_KINDS: tuple[str, ...] = ("missile", "drone")


# --- reading ------------------------------------------------------------------------


def read_airforce_csv(path: str | os.PathLike[str]) -> OfficialFile:
    """Read the series' CSV; rows that cannot be read become problems, not exceptions.

    A missing, unreadable, non-UTF-8 or headerless file raises an ``InputError`` with a
    one-line message naming the file.
    """
    p = Path(path)
    name = str(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError as e:
        raise UnreadableInput("no such file", source=name) from e
    except IsADirectoryError as e:
        raise UnreadableInput("is a directory, not a CSV file", source=name) from e
    except OSError as e:
        raise UnreadableInput(f"cannot read: {e.strerror or e}", source=name) from e
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise DecodeError(f"not UTF-8 (byte {e.start})", source=name) from e
    if not text.strip():
        raise EmptyInput("empty file", source=name)

    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as e:
        raise MalformedInput(f"bad CSV header: {e}", source=name) from e
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise MalformedInput(
            f"not the Air Force series: no column {', '.join(missing)} in the header", source=name
        )

    rows: list[OfficialRow] = []
    problems: list[Rejection] = []
    seen: dict[str, int] = {}
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            raise MalformedInput(f"bad CSV after line {reader.line_num}: {e}", source=name) from e
        line = reader.line_num
        where = f"{p.name}:{line}"
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            problems.append(_problem(f"{len(values)} fields where the header has {len(header)}", where))
            continue
        row = _row(dict(zip(header, values, strict=True)), line, where, problems)
        if row is None:
            continue
        n = seen.get(row.row_key, 0) + 1
        seen[row.row_key] = n
        if n > 1:  # the same identity twice in one file: the n-th occurrence is its own row
            row = replace(row, row_key=_hash_key(row.row_key, f"#{n}"))
        rows.append(row)
    return OfficialFile(p.name, hashlib.sha256(data).hexdigest(), tuple(rows), tuple(problems))


def _problem(reason: str, where: str) -> Rejection:
    return Rejection(stage="parse", reason=reason, source=where, code=MalformedInput.code)


def _row(raw: dict[str, str], line: int, where: str, problems: list[Rejection]) -> OfficialRow | None:
    start = parse_time(raw["time_start"])
    end = parse_time(raw["time_end"])
    if start is None or end is None:
        bad = raw["time_start"] if start is None else raw["time_end"]
        problems.append(_problem(f"unreadable time {bad.strip()!r}", where))
        return None
    if _as_datetime(end, end=True) < _as_datetime(start, end=False):
        problems.append(_problem(f"ends ({raw['time_end'].strip()}) before it starts", where))
        return None
    model = " ".join(raw["model"].split())
    if not model:
        problems.append(_problem("no model", where))
        return None
    counts: dict[str, int | None] = {}
    for col in ("launched", "destroyed"):
        value, why = parse_count(raw[col])
        if why:
            problems.append(_problem(f"{col} {why}", where))
            return None
        counts[col] = value
    return OfficialRow(
        time_start=start,
        time_end=end,
        night=night_of(start, end),
        model=model,
        kind=model_kind(model),
        scope=scope_of(raw.get("source")),
        launched=counts["launched"],
        destroyed=counts["destroyed"],
        launch_place=_text(raw.get("launch_place")),
        target=_text(raw.get("target")),
        source=_text(raw.get("source")),
        row_key=row_key(raw),
        raw=raw,
        line=line,
    )


def parse_time(value: str | None) -> dt.date | None:
    """ "YYYY-MM-DD HH:MM" (hour of one or two digits, seconds allowed) → datetime; a bare
    date → date; anything else → None."""
    m = _TIME.match((value or "").strip())
    if not m:
        return None
    try:
        day = dt.date.fromisoformat(m.group(1))
        if m.group(2) is None:
            return day
        return dt.datetime(
            day.year, day.month, day.day, int(m.group(2)), int(m.group(3)), int(m.group(4) or 0)
        )
    except ValueError:
        return None


def parse_count(value: str | None) -> tuple[int | None, str | None]:
    """(count, None), or (None, why it is not one). Empty (or "nan") is an unknown count."""
    s = (value or "").strip()
    if s.casefold() in _MISSING:
        return None, None
    try:
        f = float(s)
    except ValueError:
        return None, f"is not a number: {s!r}"
    if not math.isfinite(f) or not f.is_integer():
        return None, f"is not a whole number: {s!r}"
    if f < 0:
        return None, f"is negative: {s!r}"
    return int(f), None


def night_of(time_start: dt.date, time_end: dt.date) -> dt.date:
    """The date of the morning the attack ended (see the module docstring for why)."""
    if isinstance(time_end, dt.datetime):
        if (
            isinstance(time_start, dt.datetime)
            and time_start.date() == time_end.date()
            and time_start.time() >= EVENING
        ):
            return time_end.date() + dt.timedelta(days=1)
        return time_end.date()
    return time_end


def scope_of(source: str | None) -> Scope:
    """ "regional" for a regional air command's page (PvKPivden, pvkshid, PvkZahid, PvkCenter:
    "Повітряне командування"), else "national"."""
    return "regional" if _REGIONAL_SOURCE.match(source or "") else "national"


def row_key(raw: Mapping[str, str | None]) -> str:
    """The identity of a row across re-imports: a hash of time_start, time_end, model,
    launch_place, target and source, normalised (times written one way, spaces collapsed,
    case folded) so that a re-export is not a new row.

    The first four columns alone repeat in the real file (36 pairs: regional tallies of
    one model on one day, two posts for one attack); with target and source no row
    repeats. A row whose key columns the maintainer edits shows as one row removed and
    one added, both kept in the store.
    """
    parts = []
    for col in KEY_COLUMNS:
        v = raw.get(col) or ""
        if col.startswith("time_"):
            t = parse_time(v)
            parts.append(_time_text(t) if t is not None else v.strip())
        else:
            parts.append(_text(v).casefold())
    return _hash_key(*parts)


def _hash_key(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def _time_text(t: dt.date) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if isinstance(t, dt.datetime) else t.isoformat()


def _text(value: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", value or "").split())


def _as_datetime(t: dt.date, *, end: bool) -> dt.datetime:
    if isinstance(t, dt.datetime):
        return t
    return dt.datetime.combine(t, dt.time.max if end else dt.time.min)


# --- importing and reading back -----------------------------------------------------


@contextmanager
def _opened(db: Store | str | os.PathLike[str] | None, *, create: bool) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    store = open_store(db, create=create)
    try:
        yield store
    finally:
        store.close()


def import_official(
    path: str | os.PathLike[str], db: Store | str | os.PathLike[str] | None = None, *, full: bool = True
) -> OfficialImportResult:
    """Import the series into the store as a new version (nothing is written if nothing changed).

    ``full`` says the file is the whole series, so rows missing from it are no longer
    current; pass False to merge a partial file. A file with no readable row is refused
    (``EmptyInput``) rather than read as "every row was removed". The result carries the
    rows that could not be read.
    """
    read = read_airforce_csv(path)
    if not read.rows:
        raise EmptyInput(f"no readable row ({len(read.problems)} rejected)", source=str(path))
    meta = OfficialImportMeta(read.file_name, read.sha256, problems=len(read.problems), full=full)
    with _opened(db, create=True) as store:
        result = store.add_official_import(meta, read.rows)
    return replace(result, problems=read.problems)


def nightly(
    db_or_store: Store | str | os.PathLike[str] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    *,
    as_of: int | None = None,
) -> list[NightFigures]:
    """Per night (inclusive bounds), launched/destroyed per kind and per model, from the
    current versions (or, with ``as_of``, those current just after that import)."""
    with _opened(db_or_store, create=False) as store:
        rows = store.official_rows(since, until, as_of=as_of)
    return figures_by_night(rows)


def figures_by_night(rows: Sequence[OfficialRow | StoredOfficialRow]) -> list[NightFigures]:
    """Sum rows into one ``NightFigures`` per night, by night."""
    nights: dict[dt.date, list[OfficialRow | StoredOfficialRow]] = {}
    for r in rows:
        nights.setdefault(r.night, []).append(r)
    out: list[NightFigures] = []
    for night in sorted(nights):
        tables: dict[str, tuple[Figures, Figures]] = {"national": ({}, {}), "regional": ({}, {})}
        for r in nights[night]:
            by_kind, by_model = tables[r.scope]
            for table, key in ((by_kind, r.kind), (by_model, r.model)):
                launched, destroyed = table.get(key, (None, None))
                table[key] = (_plus(launched, r.launched), _plus(destroyed, r.destroyed))
        keys = tuple(r.row_key for r in nights[night])
        national = sum(1 for r in nights[night] if r.scope == "national")
        (nk, nm), (rk, rm) = tables["national"], tables["regional"]
        out.append(NightFigures(night, nk, nm, len(keys), keys, rk, rm, national))
    return out


def _plus(a: int | None, b: int | None) -> int | None:
    if a is None and b is None:
        return None
    return (a or 0) + (b or 0)


# --- the comparison -----------------------------------------------------------------


def compare(
    news: Sequence[NewsFigure],
    official: Sequence[NightFigures],
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> list[Comparison]:
    """The verdict on each news figure against the official (national) launched count of
    its night and kind.

    With ``off`` the official figure and ``tol = max(absolute, relative × off)`` (2 and
    5 % by default):

    - no number in the news ("dozens of drones", unspecified) → ``no_number``;
    - no national row that night (none at all, or only regional tallies), or a kind the
      series does not account for every night (only missiles and drones are: on a night
      with national rows and none of that kind the official figure is 0)
      → ``no_official_data``;
    - exact N: consistent if |N − off| ≤ tol;
    - at least N: consistent if off ≥ N − tol; at most N: if off ≤ N + tol;
    - range L–H: consistent if L − tol ≤ off ≤ H + tol;
    - approximately N: consistent if |N − off| ≤ max(absolute, approx × off) (15 %);
    - otherwise ``differs``.
    """
    by_night = {f.night: f for f in official}
    return [_compare_one(n, by_night.get(n.night), tolerance) for n in news]


def _compare_one(n: NewsFigure, night: NightFigures | None, tol: Tolerance) -> Comparison:
    def verdict(v: Verdict, off: int | None, rule: str) -> Comparison:
        return Comparison(n.night, n.kind, n.count, off, n.sources, v, rule, n.event_ids)

    c = n.count
    if not c.has_number:
        return verdict("no_number", None, f"the news gives no number of {n.kind}s")
    if night is None:
        return verdict("no_official_data", None, f"no official row for the night of {n.night}")
    if not night.national_rows:
        return verdict("no_official_data", None, f"only regional tallies for the night of {n.night}")
    launched = night.by_kind.get(n.kind, (None, None))[0]
    if launched is None:
        if n.kind in night.by_kind or n.kind not in COVERED_KINDS:
            return verdict("no_official_data", None, f"no official {n.kind} figure for {n.night}")
        launched = 0
    off = launched
    margin = max(tol.absolute, tol.relative * off)
    m = _num(margin)
    within = f"max({tol.absolute}, {_pct(tol.relative)} of {off})"
    q = c.qualifier
    if q == "approx" and c.value is not None:
        margin = max(tol.absolute, tol.approx * off)
        d = abs(c.value - off)
        ok = d <= margin
        rule = (
            f"about {c.value} vs official {off}: |{c.value} − {off}| = {d} "
            f"{'≤' if ok else '>'} max({tol.absolute}, {_pct(tol.approx)} of {off}) = {_num(margin)}"
        )
    elif c.low is not None and c.high is not None and c.low != c.high:
        ok = c.low - margin <= off <= c.high + margin
        rule = (
            f"range {c.low}–{c.high} vs official {off}: {'within' if ok else 'outside'} "
            f"[{c.low} − {m}, {c.high} + {m}] with margin {within}"
        )
    elif q == "at_least" or (c.value is None and c.low is not None and c.high is None):
        low = c.low if c.low is not None else c.best
        assert low is not None
        ok = off >= low - margin
        rule = f"at least {low} vs official {off}: {off} {'≥' if ok else '<'} {low} − {m} ({within})"
    elif q == "at_most" or (c.value is None and c.high is not None and c.low is None):
        high = c.high if c.high is not None else c.best
        assert high is not None
        ok = off <= high + margin
        rule = f"at most {high} vs official {off}: {off} {'≤' if ok else '>'} {high} + {m} ({within})"
    else:
        value = c.best
        assert value is not None
        d = abs(value - off)
        ok = d <= margin
        rule = f"{value} vs official {off}: |{value} − {off}| = {d} {'≤' if ok else '>'} {within} = {m}"
    return verdict("consistent" if ok else "differs", off, rule)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.1f}"


def _pct(x: float) -> str:
    return f"{x * 100:g}%"
