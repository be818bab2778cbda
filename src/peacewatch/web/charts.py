"""Server-rendered SVG charts: shapes placed on a day axis, drawn by ``templates/_svg.html``.

Why SVG from the server: no chart library to vendor, the page works without scripts, and
the numbers are the library's (the timeline's daily series and canonical figures), only
placed on a scale here. Every shape carries a tooltip and, where it has one, a link to
its event.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from peacewatch.web import labels

WIDTH = 960
LEFT = 110  # room for the lane and axis labels
RIGHT = 16


@dataclass(frozen=True, slots=True)
class Shape:
    """A circle (``x``, ``y`` centre, ``r``) or a rect (``x``, ``y``, ``w``, ``h``)."""

    kind: str
    x: float
    y: float
    w: float = 0.0
    h: float = 0.0
    r: float = 0.0
    fill: str = "#7f8c8d"
    cls: str = ""
    title: str = ""
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Tick:
    at: float
    label: str


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    width: int
    height: int
    shapes: tuple[Shape, ...] = ()
    x_ticks: tuple[Tick, ...] = ()
    y_ticks: tuple[Tick, ...] = ()  # value axis (bar charts) or lane names (the timeline)
    legend: tuple[tuple[str, str], ...] = ()  # (colour, label)
    plot: tuple[float, float, float, float] = (LEFT, 10.0, WIDTH - RIGHT, 10.0)  # x0, y0, x1, y1
    empty: str | None = None  # what to say instead of an empty chart
    note: str = ""
    lanes: tuple[Tick, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class DayScale:
    first: dt.date
    last: dt.date
    x0: float = LEFT
    x1: float = WIDTH - RIGHT

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def step(self) -> float:
        return (self.x1 - self.x0) / self.days

    def x(self, day: dt.date) -> float:
        return self.x0 + (day - self.first).days * self.step

    def ticks(self) -> tuple[Tick, ...]:
        """Weekly ticks on a short span, the first of each month on a long one."""
        out = []
        if self.days <= 62:
            d = self.first
            while d <= self.last:
                out.append(Tick(self.x(d), f"{d.day} {d:%b}"))
                d += dt.timedelta(days=7)
        else:
            d = dt.date(self.first.year, self.first.month, 1)
            while d <= self.last:
                if d >= self.first:
                    out.append(Tick(self.x(d), f"{d:%b %Y}"))
                d = dt.date(d.year + d.month // 12, d.month % 12 + 1, 1)
        return tuple(out)


def _day(v: Any) -> dt.date | None:
    if not v:
        return None
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v)[:10])


def nice_max(v: float) -> int:
    """The round number a value axis ends at (1, 2, 5 × 10^n)."""
    if v <= 0:
        return 1
    p = 10 ** math.floor(math.log10(v))
    return int(next(m * p for m in (1, 2, 5, 10) if m * p >= v))


# --- daily bar charts --------------------------------------------------------------------


def daily_chart(
    title: str, daily: Sequence[dict[str, Any]], series: Sequence[tuple[str, str, str]], scale: DayScale
) -> Chart:
    """Bars per day, one per series (key, label, colour) side by side in the day's slot."""
    height, top, bottom = 230, 12, 200
    if not daily:
        return Chart(title, WIDTH, height, empty="no attacks with figures in this period")
    top_value = nice_max(max((row.get(k) or 0) for row in daily for k, _, _ in series))
    per = scale.step / len(series)
    shapes = []
    for row in daily:
        day = _day(row["day"])
        if day is None or not scale.first <= day <= scale.last:
            continue
        for i, (key, label, colour) in enumerate(series):
            v = row.get(key) or 0
            if not v:
                continue
            h = (bottom - top) * v / top_value
            shapes.append(
                Shape(
                    "rect",
                    scale.x(day) + i * per + per * 0.1,
                    bottom - h,
                    w=max(per * 0.8, 1.5),
                    h=h,
                    fill=colour,
                    title=f"{day}: {v} {label}",
                )
            )
    y_ticks = tuple(Tick(bottom - (bottom - top) * f, str(round(top_value * f))) for f in (0, 0.5, 1))
    return Chart(
        title,
        WIDTH,
        height,
        tuple(shapes),
        scale.ticks(),
        y_ticks,
        tuple((c, lab) for _, lab, c in series),
        plot=(scale.x0, top, scale.x1, bottom),
    )


def daily_charts(
    daily: Sequence[dict[str, Any]], since: dt.date | None, until: dt.date | None
) -> list[Chart]:
    """Missiles and drones launched, killed and injured: the timeline's daily sums."""
    days = [d for row in daily if (d := _day(row["day"])) is not None]
    first = since or (min(days) if days else dt.date.today())
    last = until or (max(days) if days else first)
    rows = [row for row in daily if first <= (_day(row["day"]) or first) <= last]
    scale = DayScale(first, max(first, last))
    colours = labels.WEAPON_COLOURS
    return [
        daily_chart(
            "Missiles and drones launched per day",
            rows,
            (
                ("missiles", "missiles launched", colours["missile"]),
                ("drones", "drones launched", colours["drone"]),
            ),
            scale,
        ),
        daily_chart(
            "Killed and injured per day",
            rows,
            (("killed", "killed", "#7b241c"), ("injured", "injured", "#d4ac0d")),
            scale,
        ),
    ]


# --- the timeline: strikes against talks and commitments -----------------------------------------


def _rows(spans: Sequence[tuple[dt.date, dt.date]]) -> list[int]:
    """A row for each span (in order) so that spans in one row never overlap."""
    ends: list[dt.date] = []
    rows = []
    for start, end in spans:
        row = next((i for i, e in enumerate(ends) if e < start), len(ends))
        if row == len(ends):
            ends.append(end)
        else:
            ends[row] = end
        rows.append(row)
    return rows


def _talks(talks: Sequence[dict[str, Any]], scale: DayScale, mid: float, room: float) -> list[Shape]:
    """Talks as bars over their days, overlapping rounds stacked in rows."""
    dated = []
    for t in talks:
        start = _day(t["start"])
        end = _day(t["end"]) or start
        if start is not None and end is not None:
            dated.append((start, end, t))
    dated.sort(key=lambda x: (x[0], x[1]))
    rows = _rows([(s, e) for s, e, _ in dated])
    n = max(rows, default=0) + 1
    h = min(22.0, (room - 4 * (n - 1)) / n)
    top = mid - (n * h + 4 * (n - 1)) / 2
    shapes = []
    for (start, end, t), row in zip(dated, rows, strict=True):
        x = scale.x(start)
        venue = t.get("venue") or "an unstated venue"
        title = f"talks in {venue} ({t.get('status') or 'status not stated'}), {start}"
        title += f" – {end}" if end != start else ""
        shapes.append(
            Shape(
                "rect",
                x,
                top + row * (h + 4),
                w=max(scale.x(end) + scale.step - x, 4),
                h=h,
                fill="#2e86c1",
                cls="talks",
                title=title,
                href=f"/events/{t['id']}",
            )
        )
    return shapes


def _commitments(checks: Sequence[dict[str, Any]], scale: DayScale, mid: float) -> list[Shape]:
    """Each commitment's window, and a red bar at each attack that may have broken it."""
    shapes = []
    for c in checks:
        start = _day(c["start"])
        if start is None:
            continue
        end = _day(c["end"]) or scale.last
        x = scale.x(start)
        shapes.append(
            Shape(
                "rect",
                x,
                mid - 10,
                w=max(scale.x(end) + scale.step - x, 4),
                h=20,
                fill="#17a589",
                cls="commitment",
                title=f"{c['name']}: {c['status']} ({start} – {c['end'] or 'open'})",
                href=f"/events/{c['id']}" if c.get("origin") == "extracted" else None,
            )
        )
        for v in c.get("possible_violations", []):
            day = _day(v["date"].get("end") or v["date"].get("start"))
            if day is not None:
                shapes.append(
                    Shape(
                        "rect",
                        scale.x(day) + scale.step / 2 - 1.5,
                        mid - 18,
                        w=3,
                        h=36,
                        fill="#c0392b",
                        cls="violation",
                        title=f"possible violation: {v['id']} on {day}",
                        href=f"/events/{v['id']}",
                    )
                )
    return shapes


def _strikes(attacks: Sequence[dict[str, Any]], scale: DayScale, mid: float) -> list[Shape]:
    """Each attack as a circle on the day it is counted, its area growing with the toll."""
    shapes = []
    for a in attacks:
        day = _day(a["end"]) or _day(a["start"])
        if day is None:
            continue
        killed = a.get("killed")
        what = f"{killed} killed" if killed is not None else "no death toll reported"
        where = ", ".join(a["places"]) or "place not stated"
        shapes.append(
            Shape(
                "circle",
                scale.x(day) + scale.step / 2,
                mid,
                r=min(4 + 2.2 * math.sqrt(killed or 0), 30),
                fill=a["colour"],
                cls="strike",
                title=f"{day} · {where} · {what} · {a['weapon_label']}",
                href=f"/events/{a['id']}",
            )
        )
    return shapes


def timeline_chart(
    attacks: Sequence[dict[str, Any]], talks: Sequence[dict[str, Any]], checks: Sequence[dict[str, Any]]
) -> Chart:
    """Three lanes on one day axis: strikes (sized by killed), talks, commitments with their
    windows and the attacks that may have broken them."""
    lane_h, top = 74, 8
    names = ("Strikes", "Talks", "Commitments")
    height = top + lane_h * len(names) + 28
    days = [d for a in attacks for d in (_day(a["start"]), _day(a["end"])) if d]
    days += [d for t in talks for d in (_day(t["start"]), _day(t["end"])) if d]
    days += [d for c in checks for d in (_day(c["start"]), _day(c["end"])) if d]
    if not days:
        return Chart("Strikes, talks and commitments", WIDTH, height, empty="no dated events yet")
    scale = DayScale(min(days), max(days))
    mid = [top + lane_h * i + lane_h / 2 for i in range(len(names))]
    shapes = _talks(talks, scale, mid[1], lane_h - 10) + _commitments(checks, scale, mid[2])
    shapes += _strikes(attacks, scale, mid[0])
    return Chart(
        "Strikes, talks and commitments",
        WIDTH,
        height,
        tuple(shapes),
        scale.ticks(),
        lanes=tuple(Tick(y, name) for y, name in zip(mid, names, strict=True)),
        plot=(scale.x0, top, scale.x1, top + lane_h * len(names)),
        note="circle area grows with the number killed; red bars mark attacks inside a commitment's scope and window",
    )
