"""Country outlines for the brief's map, read from the vendored Natural Earth TopoJSON.

The basemap is ``world-atlas`` (Natural Earth, public domain; packaged by Mike
Bostock under ISC) in ``peacewatch/data/basemap/``, shared with the web UI. TopoJSON
stores shared borders once as delta-encoded, quantised arcs; decoding them here keeps
the report free of geo libraries. Decoded once per process.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable

# the finer file first; either works
BASEMAP_FILES = ("countries-50m.json", "countries-110m.json")

Ring = tuple[tuple[float, float], ...]  # (lon, lat) points


@dataclass(frozen=True, slots=True)
class Country:
    name: str
    id: str | None  # ISO 3166-1 numeric, as Natural Earth gives it
    rings: tuple[Ring, ...]
    bbox: tuple[float, float, float, float]  # lon0, lat0, lon1, lat1


def basemap_file() -> Traversable | None:
    """The TopoJSON file of country outlines, or None when the basemap is not installed."""
    folder = resources.files("peacewatch") / "data" / "basemap"
    for name in BASEMAP_FILES:
        f = folder / name
        if f.is_file():
            return f
    return None


CRIMEA_BOX = (32.0, 44.0, 37.0, 46.35)  # lon0, lat0, lon1, lat1


@functools.cache
def countries() -> tuple[Country, ...]:
    """Every country's outline (recognised borders); empty when no basemap file is installed."""
    f = basemap_file()
    if f is None:
        return ()
    return recognised(decode(json.loads(f.read_bytes())))


def recognised(items: tuple[Country, ...]) -> tuple[Country, ...]:
    """Internationally recognised borders: Natural Earth's default view draws Crimea in
    Russia; a brief about this war draws it in Ukraine (as the UN General Assembly does)."""
    ru = next((c for c in items if c.name == "Russia"), None)
    ua = next((c for c in items if c.name == "Ukraine"), None)
    if ru is None or ua is None:
        return items

    def in_crimea(r: Ring) -> bool:
        x0, y0, x1, y1 = CRIMEA_BOX
        return all(x0 <= lon <= x1 and y0 <= lat <= y1 for lon, lat in r)

    moved = tuple(r for r in ru.rings if in_crimea(r))
    if not moved:
        return items
    new_ru = Country(ru.name, ru.id, tuple(r for r in ru.rings if not in_crimea(r)), ru.bbox)
    new_ua = Country(ua.name, ua.id, ua.rings + moved, ua.bbox)
    return tuple(new_ru if c is ru else new_ua if c is ua else c for c in items)


def decode(topo: dict) -> tuple[Country, ...]:  # type: ignore[type-arg]
    """Countries from a TopoJSON topology whose ``objects.countries`` holds (multi)polygons."""
    t = topo.get("transform")
    sx, sy = t["scale"] if t else (1.0, 1.0)
    tx, ty = t["translate"] if t else (0.0, 0.0)
    arcs: list[list[tuple[float, float]]] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for p in arc:
            if t:
                x += p[0]
                y += p[1]
                pts.append((x * sx + tx, y * sy + ty))
            else:
                pts.append((float(p[0]), float(p[1])))
        arcs.append(pts)

    def ring(indexes: list[int]) -> Ring:
        out: list[tuple[float, float]] = []
        for i in indexes:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)  # consecutive arcs share their end point
        return tuple(out)

    result = []
    for g in topo["objects"]["countries"].get("geometries", []):
        if g.get("type") == "Polygon":
            polys = [g["arcs"]]
        elif g.get("type") == "MultiPolygon":
            polys = g["arcs"]
        else:
            continue
        rings = tuple(ring(r) for poly in polys for r in poly)
        lons = [p[0] for r in rings for p in r]
        lats = [p[1] for r in rings for p in r]
        if not lons:
            continue
        name = str((g.get("properties") or {}).get("name", ""))
        result.append(
            Country(
                name, str(g["id"]) if "id" in g else None, rings, (min(lons), min(lats), max(lons), max(lats))
            )
        )
    return tuple(result)
