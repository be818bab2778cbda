"""The blocking key: which reports are reconciled together, so that the work can be split.

Reconciling (``peacewatch.reconcile.cluster``) is a greedy pass over the reports of one kind
in date order, each report comparing itself with every earlier cluster it may join. Run on a
whole corpus it is one sequential job whose cost grows with the square of the reports of
a kind (56,000 reports from 4,000 generated articles already take 78 s). The scale-out
runner therefore gives every report exactly one **block** and runs the *same* clustering
(``reconcile_mentions``) inside each block, in parallel.

A block is ``(kind, region, date bucket)``:

* **kind** — exact: reports of different kinds are never clustered together anyway.
* **region** — attacks only, the country of the report's places (``"country"``, the
  default), or its oblast when all its specific places lie in one (``"admin1"``). The
  match rules already keep a Kyiv strike apart from a Belgorod one (places of different
  countries never agree), so country blocking loses only what crosses a border: a report
  naming places in two countries, or one naming no place. Talks, plans and commitments
  are few and their venues and scopes cross borders, so they get one region, ``*``.
* **date bucket** — fixed windows of ``bucket_days[kind]`` days counted from a fixed epoch,
  on the report's *anchor* day: the first day of the span its text dates it to (before
  any widening), or, when the text gives no date, its publication day (the day before,
  for an attack: "overnight", "yesterday"). Reports with neither (the rules call them
  "undated, unpublished") form their own bucket per kind and region. Buckets (28 days
  for attacks, 91 for the rest) are wide compared with how long one event is reported
  (a strike is dated within a day or two), which keeps the share of clusters cut at a
  bucket edge small; smaller ones make smaller, faster blocks and cut more.

The key is a pure function of one report, so every engine, and any partitioning of the
input, puts every report in the same block: ``--engine local`` and ``--engine dask`` give
identical canonical events. What blocking gives up, compared with reconciling a whole
store at once (``peacewatch reconcile``), is exactly this: two reports in different blocks
are never merged. That splits the few clusters that straddle a bucket edge or a border,
an undated report can only join undated ones, and, clustering being greedy, a cut can
change later choices in a block. On the demo corpus nothing is cut (the same canonical
events as ``peacewatch reconcile``, tested); on the adversarial generated corpus about
80 % of canonical events come out identical. ``docs/scaling.md`` has the figures;
``bench/scale.py --compare N`` measures them.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from peacewatch.reconcile import Mention, match
from peacewatch.records import Event, parse_published

Region = Literal["country", "admin1"]

# Monday 5 January 1970: buckets start on the same weekday whatever their width.
EPOCH = dt.date(1970, 1, 5)
DEFAULT_BUCKET_DAYS: dict[str, int] = {"attack": 28, "talks": 91, "proposal": 91, "commitment": 91}
# A report whose text gives no date is filed under the day it most likely tells of: for an
# attack the day before publication ("overnight", "yesterday"); for the rest its publication day.
REPORTED_AFTER: dict[str, int] = {"attack": 1}
UNDATED = "undated"
ANY_REGION = "*"
NO_REGION = "-"
_SPECIFIC = frozenset({"point", "city", "district", "admin1"})


@dataclass(frozen=True, slots=True)
class Blocking:
    """How reports are split into blocks; both engines must use the same one."""

    region: Region = "country"
    bucket_days: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_BUCKET_DAYS))

    def key(self, m: Mention) -> str:
        """The block of one report: ``kind|region|bucket start`` (or ``…|undated``)."""
        ev = m.event
        region = _region(ev, self.region) if ev.kind == "attack" else ANY_REGION
        day = anchor(ev, m.published)
        if day is None:
            return f"{ev.kind}|{region}|{UNDATED}"
        width = self.bucket_days.get(ev.kind, 28)
        start = EPOCH + dt.timedelta(days=((day - EPOCH).days // width) * width)
        return f"{ev.kind}|{region}|{start.isoformat()}"


def anchor(ev: Event, published: str | None) -> dt.date | None:
    """The day a report is filed under: the start of its dated span, else (about) its publication day."""
    w = match.window(ev, parse_published(published))
    if w is None:
        return None
    if w.exact:
        return w.span[0]
    day = parse_published(published)
    return day - dt.timedelta(days=REPORTED_AFTER.get(ev.kind, 0)) if day else None


def _region(ev: Event, granularity: Region) -> str:
    places = ev.places
    specific = [p for p in places if p.precision in _SPECIFIC and p.country]
    named = specific or [p for p in places if p.country]
    if not named:
        return NO_REGION
    counted = Counter(p.country for p in named)
    first = {c: i for i, c in reversed(list(enumerate(p.country for p in named)))}
    country = min(counted, key=lambda c: (-counted[c], first[c]))
    if granularity == "admin1":
        admin1 = {(p.admin1 or p.name).casefold() for p in specific if p.country == country}
        if len(admin1) == 1 and len(specific) == sum(1 for p in specific if p.country == country):
            return f"{country}/{admin1.pop()}"
    return str(country)


def partition_of(block: str, partitions: int) -> int:
    """Which reduce partition a block goes to: a stable hash, the same in every process.

    (Python's ``hash`` of a string differs between processes, so it cannot be used.)
    """
    return zlib.crc32(block.encode("utf-8")) % partitions
