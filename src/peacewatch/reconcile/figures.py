"""One figure from many reports: low / best / high, the conservative figure, disputes.

The rules, in the order they apply:

1. **Updates supersede.** A casualty toll only rises; a report published later whose
   figure is at least the earlier one's (or that says the toll "rose"/"climbed" to it)
   supersedes the earlier report. Superseded reports stay listed, marked, so the
   history is visible; they no longer count.
2. **Range of the current reports.** ``low`` is the lowest and ``high`` the highest
   figure any current report states ("between 350 and 500" states both ends, "at
   least 7" states 7, "up to 30" has no lower end).
3. **Best.** The figure most sources give among current reports; on a tie a firm
   figure ("464", "at least 7") before a hedged one ("about 470"), then the most
   recent report, then the larger figure.
4. **Conservative** (ACLED's rule, the lowest credible figure): the smallest figure
   stated firmly ("7", "at least 7"); "about", "up to" and ranges are used only when
   nothing firmer was reported.
5. **Disputed** when the current reports cannot all be true at once: their intervals
   ("about" widened by 10 %, at least 1) have no common point. The competing figures
   are listed with who reported each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from peacewatch.records import Count

_UPDATE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|increases|grew|grown|reached|"
    r"now stands|has risen|revised up|updated)\b",
    re.IGNORECASE,
)
# fields whose figures only ever grow as bodies are found and the wounded counted
TOLL_FIELDS = frozenset({"killed", "injured"})


@dataclass(frozen=True, slots=True)
class Report:
    """One source's figure for one field of one event."""

    mention: str  # Mention.key
    source: str
    url: str | None
    published: str | None  # ISO date or datetime as the article gives it
    count: Count
    quote: str | None
    start: int | None  # offsets of the quote in the article text
    end: int | None
    superseded_by: str | None = None  # Mention.key of the report that replaced it

    @property
    def interval(self) -> tuple[float, float]:
        """The values this report allows (inclusive); infinite when unbounded."""
        c = self.count
        if c.qualifier == "approx" and c.value is not None:
            pad = max(1.0, 0.1 * c.value)
            return (c.value - pad, c.value + pad)
        lo = c.low if c.low is not None else c.value
        hi = c.high if c.high is not None else (c.value if c.qualifier == "exact" else None)
        if c.qualifier == "at_least":
            hi = None
        if c.qualifier == "at_most":
            lo = None
        return (float(lo) if lo is not None else 0.0, float(hi) if hi is not None else float("inf"))

    @property
    def point(self) -> int | None:
        """The figure this report would put in a table."""
        c = self.count
        if c.value is not None:
            return c.value
        if c.low is not None and c.high is not None:
            return (c.low + c.high) // 2
        return c.low if c.low is not None else c.high

    @property
    def firm(self) -> bool:
        return self.count.qualifier in ("exact", "at_least")

    @property
    def says_update(self) -> bool:
        return bool(self.quote and _UPDATE.search(self.quote))

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention": self.mention,
            "source": self.source,
            "url": self.url,
            "published": self.published,
            **self.count.to_contract(),
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "superseded_by": self.superseded_by,
        }


@dataclass(frozen=True, slots=True)
class Figure:
    """The canonical value of one field (``killed``, ``drone.launched``, …)."""

    field: str
    low: int | None
    best: int | None
    high: int | None
    conservative: int | None
    sources: int  # distinct sources behind the current reports
    disputed: bool
    reports: tuple[Report, ...]  # every report, superseded ones included, oldest first

    @property
    def competing(self) -> list[dict[str, Any]]:
        """Each distinct current figure with the sources that gave it (for a dispute)."""
        groups: dict[str, list[Report]] = {}
        for r in self.reports:
            if r.superseded_by is None:
                groups.setdefault(_describe(r.count), []).append(r)
        return [
            {
                "figure": k,
                "sources": sorted({r.source for r in rs}),
                "urls": sorted({r.url for r in rs if r.url}),
            }
            for k, rs in sorted(groups.items())
        ]

    def summary(self) -> dict[str, Any]:
        """The figure without its reports: what a history row or a table keeps."""
        return {
            "low": self.low,
            "best": self.best,
            "high": self.high,
            "conservative": self.conservative,
            "sources": self.sources,
            "disputed": self.disputed,
        }

    def to_dict(self) -> dict[str, Any]:
        out = {"field": self.field, **self.summary()}
        if self.disputed:
            out["competing"] = self.competing
        out["reports"] = [r.to_dict() for r in self.reports]
        return out


def _describe(c: Count) -> str:
    if c.qualifier == "range":
        return f"{c.low}-{c.high}"
    prefix = {"at_least": "at least ", "at_most": "up to ", "approx": "about "}.get(c.qualifier, "")
    return f"{prefix}{c.value}"


def _published_key(published: str | None) -> str:
    return published or ""


def _later(a: Report, b: Report) -> bool:
    """Whether ``b`` was certainly published after ``a``.

    Two bare dates on the same day, or a bare date and a time on that day, are not
    ordered: we do not know which came first.
    """
    pa, pb = a.published, b.published
    if not pa or not pb:
        return False
    if pa[:10] != pb[:10]:
        return pb[:10] > pa[:10]
    if len(pa) > 10 and len(pb) > 10:
        return pb > pa
    return False


def _supersede(field: str, reports: list[Report]) -> list[Report]:
    if field not in TOLL_FIELDS:
        return reports
    out = []
    for r in reports:
        point, by = r.point, None
        if point is not None:
            for s in reports:
                if s.mention == r.mention or (_lower(s.count) or 0) <= point:
                    continue
                newer = _later(r, s) or (s.says_update and not _later(s, r))
                if newer and (by is None or _published_key(s.published) >= _published_key(by.published)):
                    by = s
        out.append(r if by is None else _replace(r, by.mention))
    return out


def _lower(c: Count) -> int | None:
    if c.qualifier == "at_most":
        return None
    return c.low if c.low is not None else c.value


def _upper(c: Count) -> int | None:
    if c.qualifier == "at_least":
        return c.low if c.low is not None else c.value  # the highest figure it states
    return c.high if c.high is not None else c.value


def _replace(r: Report, by: str) -> Report:
    return Report(r.mention, r.source, r.url, r.published, r.count, r.quote, r.start, r.end, superseded_by=by)


def figure(field: str, reports: list[Report]) -> Figure | None:
    """The canonical figure of a field, or None when no report gives a number."""
    numbered = [r for r in reports if r.count.has_number]
    if not numbered:
        return None
    numbered.sort(key=lambda r: (_published_key(r.published), r.source, r.mention))
    numbered = _supersede(field, numbered)
    current = [r for r in numbered if r.superseded_by is None]

    lows = [x for x in (_lower(r.count) for r in current) if x is not None]
    highs = [x for x in (_upper(r.count) for r in current) if x is not None]
    low = min(lows) if lows else None
    high = max(highs) if highs else None

    tally: dict[int, list[Report]] = {}
    for r in current:
        if r.point is not None:
            tally.setdefault(r.point, []).append(r)
    best = None
    if tally:
        best = max(
            tally,
            key=lambda v: (
                len({r.source for r in tally[v]}),
                any(r.firm for r in tally[v]),
                max(_published_key(r.published) for r in tally[v]),
                v,
            ),
        )
    firm = [r.point for r in current if r.firm and r.point is not None]
    conservative = min(firm) if firm else (low if low is not None else best)

    lo_all = max(r.interval[0] for r in current)
    hi_all = min(r.interval[1] for r in current)
    disputed = lo_all > hi_all
    return Figure(
        field=field,
        low=low,
        best=best,
        high=high,
        conservative=conservative,
        sources=len({r.source for r in current}),
        disputed=disputed,
        reports=tuple(numbered),
    )
