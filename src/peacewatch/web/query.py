"""Filters, sorting and pages over canonical events, as the API and the pages take them.

A ``CanonicalQuery`` is what a URL asks for (place, admin1, country, actor, dates, a
minimum toll, words, sort, page), so the URL of a page and of the API name the same
selection. The store answers it in SQL (:meth:`CanonicalQuery.filter` →
``Store.canonical_page``); :func:`select` applies the same rules to ``CanonicalEvent``
records in Python, the reference the store's selections are tested against. Names match as
case-insensitive substrings, dates by overlap (undated events drop out once a date bound is
given).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from peacewatch.errors import UsageError
from peacewatch.reconcile import CanonicalEvent
from peacewatch.records import EVENT_KINDS
from peacewatch.store.paging import CanonicalFilter
from peacewatch.web.config import MAX_LIMIT, PAGE_LIMIT

SORTS = (
    "date",
    "-date",
    "killed",
    "-killed",
    "injured",
    "-injured",
    "sources",
    "-sources",
    "reported",
    "-reported",
)


def fold(s: str | None) -> str:
    return unicodedata.normalize("NFKC", s).casefold() if s else ""


@dataclass(frozen=True, slots=True)
class CanonicalQuery:
    """One selection of canonical events; every field None/default means "no filter"."""

    kind: str | None = None
    place: str | None = None
    admin1: str | None = None
    country: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_killed: int | None = None
    q: str | None = None
    sort: str = "date"
    limit: int = PAGE_LIMIT
    offset: int = 0

    def __post_init__(self) -> None:
        if self.kind is not None and self.kind not in EVENT_KINDS:
            raise UsageError(f"unknown event kind {self.kind!r}; expected one of {', '.join(EVENT_KINDS)}")
        if self.sort not in SORTS:
            raise UsageError(f"unknown sort {self.sort!r}; expected one of {', '.join(SORTS)}")
        for name in ("country", "actor"):
            v = getattr(self, name)
            if v is not None and not re.fullmatch(r"[A-Za-z]{2}", v):
                raise UsageError(f"{name} takes an ISO 3166 alpha-2 code such as UA or RU, not {v!r}")
        if not 0 < self.limit <= MAX_LIMIT or self.offset < 0:
            raise UsageError(f"limit must be 1–{MAX_LIMIT} and offset 0 or more")
        if self.min_killed is not None and self.min_killed < 0:
            raise UsageError("min_killed must not be negative")
        if self.since and self.until and self.until < self.since:
            raise UsageError(f"until ({self.until}) is before since ({self.since})")

    def params(self) -> dict[str, str]:
        """The non-default fields as URL parameters (what a link to this selection carries)."""
        out: dict[str, str] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is not None and v != f.default:
                out[f.name] = v.isoformat() if isinstance(v, dt.date) else str(v)
        return out

    def filter(self) -> CanonicalFilter:
        """The selection for the store (``Store.canonical_page``), without sort and page."""
        return CanonicalFilter(
            self.kind,
            self.place,
            self.admin1,
            self.country,
            self.actor,
            self.since,
            self.until,
            self.min_killed,
            self.q,
        )

    def page(self, offset: int) -> CanonicalQuery:
        return replace(self, offset=max(0, offset))

    def matches(self, ev: CanonicalEvent) -> bool:
        return all(test(self, ev) for test in _TESTS)


# --- parsing the strings of an HTML form -------------------------------------------------


def from_params(raw: Mapping[str, str]) -> CanonicalQuery:
    """A query from URL parameters as a form sends them: empty fields mean "no filter"."""
    vals = {k: v.strip() for k, v in raw.items() if isinstance(v, str) and v.strip()}
    try:
        return CanonicalQuery(
            kind=vals.get("kind"),
            place=vals.get("place"),
            admin1=vals.get("admin1"),
            country=vals.get("country"),
            actor=vals.get("actor"),
            since=_date(vals.get("since"), "since"),
            until=_date(vals.get("until"), "until"),
            min_killed=_int(vals.get("min_killed"), "min_killed"),
            q=vals.get("q"),
            sort=vals.get("sort", "date"),
            limit=_int(vals.get("limit"), "limit") or PAGE_LIMIT,
            offset=_int(vals.get("offset"), "offset") or 0,
        )
    except TypeError as exc:  # a value of the wrong type slipped through
        raise UsageError(str(exc)) from exc


def _date(v: str | None, name: str) -> dt.date | None:
    if v is None:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError as exc:
        raise UsageError(f"{name} must be a date YYYY-MM-DD, not {v!r}") from exc


def _int(v: str | None, name: str) -> int | None:
    if v is None:
        return None
    if not re.fullmatch(r"\d{1,9}", v):
        raise UsageError(f"{name} must be a whole number, not {v!r}")
    return int(v)


# --- matching ------------------------------------------------------------------------------


def _names(ev: CanonicalEvent) -> list[str]:
    names = [fold(p.name) for p in ev.places] + [fold(p.district) for p in ev.places if p.district]
    names += [fold(p.admin1) for p in ev.places if p.admin1]
    if ev.venue is not None:
        names.append(fold(ev.venue.name))
    return names


def _place(q: CanonicalQuery, ev: CanonicalEvent) -> bool:
    return not q.place or any(fold(q.place) in n for n in _names(ev))


def _admin1(q: CanonicalQuery, ev: CanonicalEvent) -> bool:
    return not q.admin1 or any(fold(q.admin1) in fold(p.admin1) for p in ev.places if p.admin1)


def _country(q: CanonicalQuery, ev: CanonicalEvent) -> bool:
    if not q.country:
        return True
    countries = {p.country for p in ev.places} | ({ev.venue.country} if ev.venue else set())
    return q.country.upper() in countries


def _actor(q: CanonicalQuery, ev: CanonicalEvent) -> bool:
    if not q.actor:
        return True
    actors = {ev.actor, ev.by, ev.proposer, *ev.parties}
    return q.actor.upper() in actors


def _dates(q: CanonicalQuery, ev: CanonicalEvent) -> bool:
    if q.since is None and q.until is None:
        return True
    start = ev.date.start or ev.date.end
    end = ev.date.end or ev.date.start
    if start is None or end is None:
        return False
    return (q.since is None or end >= q.since) and (q.until is None or start <= q.until)


def _killed(q: CanonicalQuery, ev: CanonicalEvent) -> bool:
    if q.min_killed is None:
        return True
    killed = ev.best("killed")
    return killed is not None and killed >= q.min_killed


def haystack(ev: CanonicalEvent) -> str:
    """What the words of ``q`` are looked for in: ids, names, outlets, titles and quotes."""
    parts = [ev.id, ev.kind, ev.name, ev.scope, ev.status, ev.actor, *ev.parties, *ev.targets, *_names(ev)]
    for m in ev.mentions:
        parts += [m.source_name, m.title, m.quote]
    return fold(" ".join(p for p in parts if p))


def _words(q: CanonicalQuery, ev: CanonicalEvent) -> bool:
    if not q.q:
        return True
    text = haystack(ev)
    return all(w in text for w in fold(q.q).split())


_TESTS: tuple[Callable[[CanonicalQuery, CanonicalEvent], bool], ...] = (
    _place,
    _admin1,
    _country,
    _actor,
    _dates,
    _killed,
    _words,
)


# --- sorting and paging ------------------------------------------------------------------------


def _key(sort: str) -> Callable[[CanonicalEvent], Any]:
    name = sort.lstrip("-")
    if name == "killed":
        return lambda e: e.best("killed")
    if name == "injured":
        return lambda e: e.best("injured")
    if name == "sources":
        return lambda e: len(e.sources)
    if name == "reported":
        return lambda e: e.first_reported
    return lambda e: e.day


def select(events: Sequence[CanonicalEvent], q: CanonicalQuery) -> list[CanonicalEvent]:
    """Every event the query matches, sorted (events without the sort value last, either way).

    ``date`` keeps the library's order (by day, undated last); the others sort stably on it.
    """
    hits = [e for e in events if q.matches(e)]
    if q.sort == "date":
        return hits
    key = _key(q.sort)
    known = [e for e in hits if key(e) is not None]
    unknown = [e for e in hits if key(e) is None]
    known.sort(key=key, reverse=q.sort.startswith("-"))
    return known + unknown
