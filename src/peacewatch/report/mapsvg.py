"""The brief's map: the day's attacks as dots over country outlines, as SVG.

An equirectangular projection scaled by the cosine of the middle latitude (faithful
enough at this scale); the view is Ukraine and its neighbours, widened to take in
every attack of the day. Dots are sized by people killed and coloured by weapon.
Outlines come from ``report.basemap``; without a basemap the dots stand on a grid.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from peacewatch.report.basemap import Country, countries
from peacewatch.report.model import MapPoint
from peacewatch.report.svg import attrs, open_svg, text

WIDTH = 680
VIEW = (21.5, 43.6, 41.5, 53.2)  # lon0, lat0, lon1, lat1: Ukraine and its borders
COLOURS = {"missile": "#c62828", "drone": "#ef6c00", "mixed": "#6a1b9a", "other": "#37474f"}
LEGEND = {
    "missile": "missiles",
    "drone": "drones",
    "mixed": "missiles and drones",
    "other": "other / not stated",
}
# where to write a few country names, when they fall inside the view
LABELS = {
    "Ukraine": (31.0, 49.2),
    "Russia": (38.8, 52.6),
    "Belarus": (28.0, 52.9),
    "Poland": (22.3, 51.6),
    "Romania": (24.6, 45.2),
    "Moldova": (28.6, 47.3),
}


def view_for(points: Sequence[MapPoint]) -> tuple[float, float, float, float]:
    lon0, lat0, lon1, lat1 = VIEW
    for p in points:
        lon0, lon1 = min(lon0, p.lon - 1.5), max(lon1, p.lon + 1.5)
        lat0, lat1 = min(lat0, p.lat - 1.0), max(lat1, p.lat + 1.0)
    return lon0, lat0, lon1, lat1


def radius(killed: int | None) -> float:
    return 5.0 if not killed else min(20.0, 5.0 + 2.2 * math.sqrt(killed))


def attack_map(points: Sequence[MapPoint], title: str = "Attacks of the day") -> str:
    """An SVG map of the points over the basemap's country outlines."""
    lon0, lat0, lon1, lat1 = view_for(points)
    kx = math.cos(math.radians((lat0 + lat1) / 2))
    scale = WIDTH / ((lon1 - lon0) * kx)
    height = round((lat1 - lat0) * scale)

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon - lon0) * kx * scale, (lat1 - lat) * scale

    out = [open_svg(WIDTH, height + 28, title)]
    out.append(
        f"<defs><clipPath id='mapclip'><rect {attrs(x=0, y=0, width=WIDTH, height=height)}/></clipPath></defs>"
    )
    out.append(f"<rect {attrs(x=0, y=0, width=WIDTH, height=height, fill='#dfeaf3')}/>")
    out.append("<g clip-path='url(#mapclip)'>")
    shapes = countries()
    for c in shapes:
        if c.bbox[2] < lon0 - 2 or c.bbox[0] > lon1 + 2 or c.bbox[3] < lat0 - 2 or c.bbox[1] > lat1 + 2:
            continue
        d = _path(c, xy, height)
        if d:
            fill = "#fbf7ee" if c.name == "Ukraine" else "#eef0f1"
            out.append(
                f"<path {attrs(d=d, fill=fill, stroke='#8a9399', stroke_width=0.7, fill_rule='evenodd')}/>"
            )
    if not shapes:
        for grid_lon in range(math.ceil(lon0), math.floor(lon1) + 1, 2):
            gx, _ = xy(grid_lon, lat0)
            out.append(f"<line {attrs(x1=gx, x2=gx, y1=0, y2=height, stroke='#c5d3de')}/>")
        for grid_lat in range(math.ceil(lat0), math.floor(lat1) + 1):
            _, gy = xy(lon0, grid_lat)
            out.append(f"<line {attrs(x1=0, x2=WIDTH, y1=gy, y2=gy, stroke='#c5d3de')}/>")
    for name, (lon, lat) in LABELS.items():
        if shapes and lon0 < lon < lon1 and lat0 < lat < lat1:
            x, y = xy(lon, lat)
            out.append(
                text(x, y, name.upper(), font_size=11, fill="#9aa3a8", text_anchor="middle", letter_spacing=2)
            )
    for p in sorted(points, key=lambda p: -(p.killed or 0)):  # big dots under small ones
        x, y = xy(p.lon, p.lat)
        out.append(
            f"<circle {attrs(cx=x, cy=y, r=radius(p.killed), fill=COLOURS.get(p.weapon, '#37474f'), fill_opacity=0.8, stroke='#fff', stroke_width=1.2)}/>"
        )
    for p in points:
        x, y = xy(p.lon, p.lat)
        label = p.label + (f" ({p.killed} killed)" if p.killed else "")
        r = radius(p.killed)
        left = x + r + 3 + 6.8 * len(label) > WIDTH  # no room on the right: write it on the left
        lx, anchor = (x - r - 3, "end") if left else (x + r + 3, "start")
        for halo in (True, False):
            style = {"stroke": "#fff", "stroke_width": 3, "stroke_linejoin": "round"} if halo else {}
            out.append(
                text(
                    lx,
                    y + 4,
                    label,
                    font_size=11,
                    fill="#111",
                    font_weight="bold",
                    text_anchor=anchor,
                    **style,
                )
            )
    out.append("</g>")
    out += _legend(height, bool(shapes), not points)
    out.append("</svg>")
    return "".join(out)


def _legend(height: int, basemap: bool, empty: bool) -> list[str]:
    out = []
    x = 6.0
    y = height + 18
    for kind, colour in COLOURS.items():
        out.append(f"<circle {attrs(cx=x + 5, cy=y - 4, r=5, fill=colour, fill_opacity=0.8)}/>")
        out.append(text(x + 14, y, LEGEND[kind], font_size=10, fill="#333"))
        x += 24 + 6.2 * len(LEGEND[kind])
    credit = (
        "Outlines: Natural Earth; recognised borders" if basemap else "No basemap installed: grid of 2° × 1°"
    )
    out.append(text(WIDTH - 4, y, credit, font_size=9, fill="#777", text_anchor="end"))
    if empty:
        out.append(
            text(
                WIDTH / 2,
                height / 2,
                "No attack of this day has a mapped place",
                font_size=13,
                fill="#555",
                text_anchor="middle",
            )
        )
    return out


def _path(c: Country, project: Callable[[float, float], tuple[float, float]], height: int) -> str:
    """The outline as path data, clamped to a margin around the view and thinned to ~1 px."""
    lo_x, hi_x, lo_y, hi_y = -20.0, WIDTH + 20.0, -20.0, height + 20.0
    parts = []
    for ring in c.rings:
        pts: list[tuple[float, float]] = []
        for lon, lat in ring:
            x, y = project(lon, lat)
            x, y = min(max(x, lo_x), hi_x), min(max(y, lo_y), hi_y)
            if pts and abs(x - pts[-1][0]) < 0.8 and abs(y - pts[-1][1]) < 0.8:
                continue
            pts.append((x, y))
        if len(pts) < 3 or all(p[0] in (lo_x, hi_x) or p[1] in (lo_y, hi_y) for p in pts):
            continue
        parts.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z")
    return "".join(parts)
