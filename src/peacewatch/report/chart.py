"""The brief's daily chart as server-rendered SVG: no chart library, no JavaScript.

Two panels over the days around the brief's day: missiles and drones launched, and
killed and injured (canonical best figures summed per day, the timeline's daily
series). Hand-written SVG renders in browsers and WeasyPrint alike and costs nothing
to import, where matplotlib's first import alone takes ~1.8 s here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from peacewatch.report.model import DayCounts
from peacewatch.report.svg import attrs, open_svg, text

WIDTH, PANEL_H, TOP, LEFT, RIGHT = 680, 130, 24, 44, 12
SERIES = (
    ("Missiles and drones launched", (("missiles", "#c62828"), ("drones", "#ef6c00"))),
    ("Killed and injured", (("killed", "#263238"), ("injured", "#78909c"))),
)


def nice_step(v: int, ticks: int = 4) -> int:
    """A round tick step (1, 2, 5 × 10ⁿ) so that ``ticks`` steps reach ``v``."""
    raw = max(1.0, v / ticks)
    exp = 10 ** math.floor(math.log10(raw))
    return int(next(m * exp for m in (1, 2, 5, 10) if raw <= m * exp))


def daily_chart(days: Sequence[DayCounts], date: dt.date) -> str:
    """An SVG of the days given, the brief's day shaded."""
    n = max(1, len(days))
    height = TOP + len(SERIES) * (PANEL_H + 58) + 4
    plot_w = WIDTH - LEFT - RIGHT
    slot = plot_w / n
    out = [open_svg(WIDTH, height, f"Daily figures around {date.isoformat()}")]
    for p, (heading, series) in enumerate(SERIES):
        y0 = TOP + p * (PANEL_H + 58)  # top of the panel's plot area
        base = y0 + PANEL_H
        peak = max((getattr(d, s) for d in days for s, _ in series), default=0)
        step = nice_step(peak)
        ticks = max(1, math.ceil(peak / step))
        top = step * ticks
        out.append(text(LEFT, y0 - 8, heading, font_size=12, font_weight="bold", fill="#222"))
        lx = WIDTH - RIGHT
        for name, colour in reversed(series):
            lx -= 8 + 7 * len(name) + 14
            out.append(f"<rect {attrs(x=float(lx), y=float(y0 - 18), width=10, height=10, fill=colour)}/>")
            out.append(text(lx + 14, y0 - 9, name, font_size=11, fill="#333"))
        for i, d in enumerate(days):
            if d.day == date:
                out.append(
                    f"<rect {attrs(x=LEFT + i * slot, y=float(y0), width=slot, height=float(PANEL_H), fill='#fff3cd')}/>"
                )
        for k in range(ticks + 1):
            y = base - PANEL_H * k / ticks
            out.append(
                f"<line {attrs(x1=float(LEFT), x2=float(WIDTH - RIGHT), y1=y, y2=y, stroke='#e0e0e0')}/>"
            )
            out.append(text(LEFT - 4, y + 4, str(step * k), font_size=10, fill="#555", text_anchor="end"))
        bar_w = slot * 0.8 / len(series)
        for i, d in enumerate(days):
            for j, (name, colour) in enumerate(series):
                v = getattr(d, name)
                if not v:
                    continue
                h = PANEL_H * v / top
                x = LEFT + i * slot + slot * 0.1 + j * bar_w
                out.append(f"<rect {attrs(x=x, y=base - h, width=bar_w, height=h, fill=colour)}>")
                out.append(f"<title>{d.day.isoformat()}: {v} {name}</title></rect>")
                out.append(
                    text(x + bar_w / 2, base - h - 2, str(v), font_size=8, fill="#333", text_anchor="middle")
                )
        out.append(
            f"<line {attrs(x1=float(LEFT), x2=float(WIDTH - RIGHT), y1=base, y2=base, stroke='#555')}/>"
        )
        for i, d in enumerate(days):
            label = d.day.strftime("%d %b") if (i == 0 or d.day.day == 1 or d.day == date) else f"{d.day.day}"
            weight = "bold" if d.day == date else None
            out.append(
                text(
                    LEFT + (i + 0.5) * slot,
                    base + 14,
                    label,
                    font_size=9.5,
                    fill="#333",
                    text_anchor="middle",
                    font_weight=weight,
                )
            )
    out.append("</svg>")
    return "".join(out)
