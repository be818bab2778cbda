"""The records a daily brief is made of, before any rendering.

Renderers (Markdown, HTML, PDF) only lay these out; everything they show is already
here, with its citation numbers, so every format cites the same sources the same way.
All strings are plain text taken from the sources: each renderer escapes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from peacewatch.report.citations import Citation


@dataclass(frozen=True, slots=True)
class FigureLine:
    """A canonical figure with every source behind it."""

    name: str  # "killed", "missile.launched", "drone:Shahed.intercepted"
    label: str  # "killed", "missiles launched"
    value: str  # "7", "22 (sources range 22–48)"
    best: int | None
    disputed: bool
    citations: tuple[int, ...]  # current reports
    superseded: tuple[int, ...] = ()  # earlier figures later replaced, still cited


@dataclass(frozen=True, slots=True)
class Item:
    """One event of the day: an attack, a round of talks or a proposal."""

    id: str
    kind: str
    title: str
    when: str
    details: tuple[tuple[str, str], ...]
    figures: tuple[FigureLine, ...]
    citations: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Violation:
    event_id: str
    title: str
    when: str
    attributed: bool  # False: the sources do not name the attacker
    citations: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class CommitmentLine:
    id: str
    name: str
    scope: str
    bound: str
    window: str
    status: str
    reason: str
    citations: tuple[int, ...]
    violations: tuple[Violation, ...]


@dataclass(frozen=True, slots=True)
class Competing:
    figure: str
    sources: tuple[str, ...]
    citations: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Dispute:
    event_id: str
    title: str
    label: str
    competing: tuple[Competing, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    event_id: str
    title: str
    kind: str
    news: str
    official: int | None
    verdict: str
    rule: str
    citations: tuple[int, ...]  # the news reports giving the figure
    official_citations: tuple[int, ...] = ()  # the official series' row


@dataclass(frozen=True, slots=True)
class Fact:
    """One atomic statement with its time and supporting sources (TREC CrisisFACTS form)."""

    timestamp: str  # earliest publication among its sources, else the day
    text: str
    event_id: str | None
    citations: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DayCounts:
    day: dt.date
    missiles: int
    drones: int
    killed: int
    injured: int


@dataclass(frozen=True, slots=True)
class MapPoint:
    lat: float
    lon: float
    label: str
    killed: int | None
    weapon: str  # "missile", "drone", "mixed", "other"
    event_id: str


@dataclass(frozen=True, slots=True)
class Brief:
    date: dt.date
    attacks: tuple[Item, ...]
    talks: tuple[Item, ...]
    proposals: tuple[Item, ...]
    reported: tuple[Item, ...]  # reported on the day, dated otherwise or not dated
    commitments: tuple[CommitmentLine, ...]
    disputes: tuple[Dispute, ...]
    verdicts: tuple[Verdict, ...]
    facts: tuple[Fact, ...]
    citations: tuple[Citation, ...]
    daily: tuple[DayCounts, ...]
    points: tuple[MapPoint, ...]
    attribution: str | None = None  # credit for the official series, when verdicts are shown

    @property
    def figures(self) -> tuple[FigureLine, ...]:
        """Every figure the brief states."""
        return tuple(f for it in self.attacks + self.reported for f in it.figures)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["date"] = self.date.isoformat()
        for d in out["daily"]:
            d["day"] = d["day"].isoformat()
        return out
