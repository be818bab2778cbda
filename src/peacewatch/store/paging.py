"""Selections of stored canonical events made by the database: filters, sorts, pages.

Why: listing canonical events by loading every one and filtering in Python costs seconds
on a database of a few thousand events, and a page of 20 should cost what 20 rows cost.
``Store.canonical_page`` and ``Store.count_canonical`` take a :class:`CanonicalFilter` and
answer from SQL (``WHERE`` … ``ORDER BY`` … ``LIMIT/OFFSET``), decoding only the rows of the
page.

The rules are those of the web's ``CanonicalQuery`` (``peacewatch.web.query``), applied to
the stored record (``CanonicalEvent.to_dict()`` in ``canonical_events.data``):

- ``place``: a case-insensitive (NFKC + casefold) substring of a place's name, district or
  oblast, or of a talks venue; ``admin1``: of a place's oblast/region;
- ``country``: ISO2 of a place or the venue; ``actor``: ISO2 of the attacker, the party
  bound by a commitment, the proposer or one of the talks' parties;
- ``since``/``until``: the event's dates overlap the window (undated events drop out);
- ``min_killed``: canonical best killed ≥; ``q``: every word is a substring of
  :func:`haystack`.

Sorts are ``date`` (day, undated last, then kind and id: the library's order) or a figure
(``killed``, ``injured``, ``sources``, ``reported``; ``-`` for descending), events without
the value last either way, ties in date order.

SQLite evaluates the Unicode folds with :func:`fold` itself (registered on the connection),
so it matches the Python rules exactly. PostgreSQL folds district and free-text words with
``lower(normalize(…, NFKC))`` on both sides: the same except for the few letters whose
case folding is not a lower-casing (``ß`` ~ ``ss``); stored place and oblast names are
compared folded by Python, as written.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from peacewatch.errors import UsageError
from peacewatch.store.base import check_kind, fold

CANONICAL_SORTS = (
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


@dataclass(frozen=True, slots=True)
class CanonicalFilter:
    """Which canonical events to select; None means "no filter" (see the module docstring)."""

    kind: str | None = None
    place: str | None = None
    admin1: str | None = None
    country: str | None = None
    actor: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    min_killed: int | None = None
    q: str | None = None

    def __post_init__(self) -> None:
        check_kind(self.kind)

    def words(self) -> list[str]:
        """The folded words of ``q`` (each must occur in the event's :func:`haystack`)."""
        return (fold(self.q) or "").split() if self.q else []


def check_sort(sort: str) -> tuple[str, bool]:
    """The sort's field and whether it descends; an unknown sort is the caller's error."""
    if sort not in CANONICAL_SORTS:
        raise UsageError(f"unknown sort {sort!r}; expected one of {', '.join(CANONICAL_SORTS)}")
    return sort.lstrip("-"), sort.startswith("-")


def order_by(sort: str, reported: str) -> str:
    """The SQL ORDER BY of a sort over ``canonical_events c`` (both backends; ``reported`` is the
    backend's expression for the first-reported time): the sort's column, then date order."""
    field, desc = check_sort(sort)
    column = {
        "killed": "c.killed",
        "injured": "c.injured",
        "sources": "c.n_sources",
        "reported": reported,
    }.get(field)
    order = "c.day IS NULL, c.day, c.kind, c.id"
    if field == "date" and desc:  # latest day first, ties (and undated) as in date order
        return "c.day IS NULL, c.day DESC, c.kind, c.id"
    if column is not None:
        return f"{column} IS NULL, {column}{' DESC' if desc else ''}, {order}"
    return order


def _place_names(data: Mapping[str, Any]) -> Iterator[str | None]:
    places = data.get("places") or ()
    for key in ("name", "district", "admin1"):
        yield from (p.get(key) for p in places)
    venue = data.get("venue")
    if venue:
        yield venue.get("name")


def haystack(data: Mapping[str, Any]) -> str:
    """What the words of ``q`` are looked for in, from a stored record: ids, names, outlets,
    titles and quotes, folded. Mirrors ``peacewatch.web.query.haystack`` on the event."""
    parts: list[Any] = [
        data.get("id"),
        data.get("kind"),
        data.get("name"),
        data.get("scope"),
        data.get("status"),
        data.get("actor"),
        *(data.get("parties") or ()),
        *(data.get("targets") or ()),
        *(fold(n) for n in _place_names(data) if n),
    ]
    for m in data.get("mentions") or ():
        parts += [m.get("source"), m.get("title"), m.get("quote")]
    return fold(" ".join(str(p) for p in parts if p)) or ""


def words_match(data_json: str | None, words: str | None) -> int:
    """SQLite function ``pw_words(data, words)``: 1 when every NUL-separated folded word is in
    the record's haystack."""
    if not data_json or words is None:
        return 0
    text = haystack(json.loads(data_json))
    return int(all(w in text for w in words.split("\x00")))


def sqlite_fold(s: str | None) -> str | None:
    """SQLite function ``pw_fold(text)``: the same fold Python uses for stored names."""
    return fold(s)
