"""Strikes against talks: what happened on the ground before, during and after each round.

Consumes canonical events (``peacewatch.reconcile``); produces, for every dated talks
event, the attacks of the days before, during and after it with their totals, and the
daily series of all figures. Only dated events are placed: an attack the sources do
not date is listed apart, never guessed onto a day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from peacewatch.reconcile import CanonicalEvent

Phase = Literal["before", "during", "after"]
PHASES: tuple[Phase, ...] = ("before", "during", "after")
# daily series: attacks dated no more loosely than this are put on a day
_DAILY = frozenset({"day", "days"})


@dataclass(slots=True)
class Totals:
    """Sums of the canonical best figures; ``unknown`` counts attacks with no figure."""

    attacks: int = 0
    killed: int = 0
    injured: int = 0
    missiles: int = 0
    drones: int = 0
    killed_unknown: int = 0

    def add(self, ev: CanonicalEvent) -> None:
        self.attacks += 1
        killed = ev.best("killed")
        if killed is None:
            self.killed_unknown += 1
        self.killed += killed or 0
        self.injured += ev.best("injured") or 0
        self.missiles += ev.best("missile.launched") or 0
        self.drones += ev.best("drone.launched") or 0

    def to_dict(self) -> dict[str, int]:
        return {
            "attacks": self.attacks,
            "killed": self.killed,
            "injured": self.injured,
            "missiles": self.missiles,
            "drones": self.drones,
            "attacks_without_killed_figure": self.killed_unknown,
        }


@dataclass(slots=True)
class TalksWindow:
    talks: CanonicalEvent
    start: dt.date
    end: dt.date
    window_start: dt.date
    window_end: dt.date
    attacks: dict[Phase, list[CanonicalEvent]] = field(default_factory=lambda: {p: [] for p in PHASES})

    def totals(self, phase: Phase | None = None) -> Totals:
        t = Totals()
        for p in PHASES if phase is None else (phase,):
            for ev in self.attacks[p]:
                t.add(ev)
        return t

    def to_dict(self) -> dict[str, Any]:
        venue = self.talks.venue
        return {
            "talks": {
                "id": self.talks.id,
                "venue": venue.name if venue else None,
                "country": venue.country if venue else None,
                "parties": list(self.talks.parties),
                "mediators": list(self.talks.mediators),
                "round": self.talks.round,
                "status": self.talks.status,
                "start": self.start.isoformat(),
                "end": self.end.isoformat(),
                "sources": list(self.talks.sources),
            },
            "window": {"start": self.window_start.isoformat(), "end": self.window_end.isoformat()},
            **{p: [_attack_row(ev, p) for ev in self.attacks[p]] for p in PHASES},
            "totals": {
                **{p: self.totals(p).to_dict() for p in PHASES},
                "all": self.totals().to_dict(),
            },
        }


@dataclass(slots=True)
class DayRow:
    day: dt.date
    totals: Totals = field(default_factory=Totals)
    attack_ids: list[str] = field(default_factory=list)
    talks_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "day": self.day.isoformat(),
            **self.totals.to_dict(),
            "talks": len(self.talks_ids),
            "attack_ids": self.attack_ids,
            "talks_ids": self.talks_ids,
        }


@dataclass(slots=True)
class Timeline:
    windows: list[TalksWindow]
    daily: list[DayRow]
    undated_attacks: list[CanonicalEvent]
    undated_talks: list[CanonicalEvent]
    days_before: int
    days_after: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": (
                f"an attack is 'during' talks when its dates overlap theirs, 'before' when it "
                f"ends within {self.days_before} days before they start, 'after' when it "
                f"starts within {self.days_after} days after they end; figures are the "
                "canonical best figures of each attack"
            ),
            "talks": [w.to_dict() for w in self.windows],
            "daily": [d.to_dict() for d in self.daily],
            "undated_attacks": [_attack_row(ev, None) for ev in self.undated_attacks],
            "undated_talks": [ev.id for ev in self.undated_talks],
        }


def _attack_row(ev: CanonicalEvent, phase: Phase | None) -> dict[str, Any]:
    return {
        "id": ev.id,
        "phase": phase,
        "start": ev.date.start.isoformat() if ev.date.start else None,
        "end": ev.date.end.isoformat() if ev.date.end else None,
        "places": [p.name for p in ev.places],
        "actor": ev.actor,
        "killed": ev.best("killed"),
        "injured": ev.best("injured"),
        "missiles": ev.best("missile.launched"),
        "drones": ev.best("drone.launched"),
        "targets": list(ev.targets),
        "sources": list(ev.sources),
        "disputed": list(ev.disputed),
    }


def _span(ev: CanonicalEvent) -> tuple[dt.date, dt.date] | None:
    if ev.date.start is None:
        return None
    return ev.date.start, ev.date.end or ev.date.start


def phase_of(
    attack: tuple[dt.date, dt.date], talks: tuple[dt.date, dt.date], before: int, after: int
) -> Phase | None:
    """Where an attack falls against talks, or None when outside the window."""
    a0, a1 = attack
    t0, t1 = talks
    if a0 <= t1 and t0 <= a1:
        return "during"
    if a1 < t0 and (t0 - a1).days <= before:
        return "before"
    if a0 > t1 and (a0 - t1).days <= after:
        return "after"
    return None


def timeline(events: Sequence[CanonicalEvent], *, days_before: int = 3, days_after: int = 3) -> Timeline:
    """The strikes-during-talks view and the daily series of canonical events."""
    attacks = [e for e in events if e.kind == "attack"]
    talks = [e for e in events if e.kind == "talks"]
    windows: list[TalksWindow] = []
    for t in sorted(talks, key=lambda e: (e.date.start or dt.date.max, e.id)):
        span = _span(t)
        if span is None or t.date.precision not in ("day", "days", "week"):
            continue
        w = TalksWindow(
            t, span[0], span[1], span[0] - dt.timedelta(days_before), span[1] + dt.timedelta(days_after)
        )
        for a in attacks:
            aspan = _span(a)
            if aspan is None or a.date.precision not in ("day", "days", "week"):
                continue
            ph = phase_of(aspan, span, days_before, days_after)
            if ph is not None:
                w.attacks[ph].append(a)
        for ph in PHASES:
            w.attacks[ph].sort(key=lambda e: (e.date.start or dt.date.max, e.id))
        windows.append(w)

    days: dict[dt.date, DayRow] = {}
    for a in attacks:
        if a.date.precision in _DAILY and a.day is not None:
            row = days.setdefault(a.day, DayRow(a.day))
            row.totals.add(a)
            row.attack_ids.append(a.id)
    for t in talks:
        span = _span(t)
        if span is None or t.date.precision not in _DAILY:
            continue
        d = span[0]
        while d <= span[1]:
            days.setdefault(d, DayRow(d)).talks_ids.append(t.id)
            d += dt.timedelta(days=1)
    undated_attacks = [a for a in attacks if a.date.precision not in ("day", "days", "week")]
    undated_talks = [t for t in talks if t.date.precision not in ("day", "days", "week")]
    return Timeline(
        windows=windows,
        daily=[days[d] for d in sorted(days)],
        undated_attacks=undated_attacks,
        undated_talks=undated_talks,
        days_before=days_before,
        days_after=days_after,
    )
