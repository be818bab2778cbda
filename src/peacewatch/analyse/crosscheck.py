"""News figures against the Air Force series: one verdict per figure a source gave.

Consumes canonical attacks and the imported official series; produces comparisons.
Each distinct figure the current reports of an attack give for missiles or drones
launched is compared on its own, with the sources that gave it, so a dispute between
sources shows which of them the official count supports. The night of an attack is
the last day of its dated span (the morning the Air Force reports on); attacks not
dated to the day are not compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from peacewatch.analyse.official import (
    DEFAULT_TOLERANCE,
    Comparison,
    NewsFigure,
    NightFigures,
    Tolerance,
    compare,
)
from peacewatch.reconcile import CanonicalEvent
from peacewatch.store.base import OfficialImportResult

ATTRIBUTION = (
    'Official figures: "Massive Missile Attacks on Ukraine" (Petro Ivaniuk), compiled from the '
    "reports of the Air Force of the Armed Forces of Ukraine"
)
KINDS = ("missile", "drone")


@dataclass(slots=True)
class CrosscheckReport:
    comparisons: list[tuple[Comparison, CanonicalEvent]] = field(default_factory=list)
    imported: OfficialImportResult | None = None
    nights_with_official_data: int = 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"attribution": ATTRIBUTION}
        if self.imported is not None:
            r = self.imported
            out["import"] = {
                "import_id": r.import_id,
                "recorded": r.recorded,
                "new": r.new,
                "changed": r.changed,
                "unchanged": r.unchanged,
                "removed": r.removed,
                "problems": [p.reason for p in r.problems],
            }
        out["comparisons"] = [comparison_dict(c, ev) for c, ev in self.comparisons]
        out["summary"] = {
            v: sum(c.verdict == v for c, _ in self.comparisons)
            for v in ("consistent", "differs", "no_official_data", "no_number")
        }
        return out


def comparison_dict(c: Comparison, ev: CanonicalEvent) -> dict[str, Any]:
    kind_reports = [
        r
        for f in ev.figures
        if f.field == f"{c.kind}.launched"
        for r in f.reports
        if r.superseded_by is None and r.source in c.sources and r.count == c.news
    ]
    return {
        "night": c.night.isoformat(),
        "kind": c.kind,
        "news": c.news.to_contract(),
        "official_launched": c.official_launched,
        "verdict": c.verdict,
        "rule": c.rule,
        "sources": list(c.sources),
        "event": {"id": ev.id, "places": [p.name for p in ev.places], "date": ev.date.to_contract()},
        "evidence": [{"source": r.source, "url": r.url, "quote": r.quote} for r in kind_reports],
    }


def night(ev: CanonicalEvent) -> dt.date | None:
    """The morning an attack is reported on, when it is dated to the day."""
    if ev.date.precision not in ("day", "days"):
        return None
    return ev.date.end or ev.date.start


def news_figures(events: Sequence[CanonicalEvent]) -> list[tuple[NewsFigure, CanonicalEvent]]:
    """One news figure per attack, kind and distinct figure, with the sources that gave it."""
    out = []
    for ev in events:
        if ev.kind != "attack" or (n := night(ev)) is None:
            continue
        for kind in KINDS:
            f = ev.figure(f"{kind}.launched")
            if f is None:
                continue
            by_count: dict[Any, list[str]] = {}
            for r in f.reports:
                if r.superseded_by is None:
                    by_count.setdefault(r.count, []).append(r.source)
            for count, sources in by_count.items():
                out.append((NewsFigure(n, kind, count, tuple(sorted(set(sources))), (ev.id,)), ev))
    return out


def crosscheck_events(
    events: Sequence[CanonicalEvent],
    official: Sequence[NightFigures],
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> CrosscheckReport:
    pairs = news_figures(events)
    results = compare([nf for nf, _ in pairs], official, tolerance)
    report = CrosscheckReport(nights_with_official_data=sum(1 for o in official if o.national_rows))
    report.comparisons = [(c, ev) for c, (_, ev) in zip(results, pairs, strict=True)]
    report.comparisons.sort(key=lambda ce: (ce[0].night, ce[0].kind, ce[1].id, ce[0].sources))
    return report
