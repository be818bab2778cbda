"""Canonical events as an RFC 7946 GeoJSON FeatureCollection.

One Feature per canonical event: a Point at its one located place, a MultiPoint when
it has several, and ``"geometry": null`` (allowed by RFC 7946 §3.2) when it has none
(a proposal, talks at a venue the gazetteer cannot place). Positions are
``[longitude, latitude]`` in WGS 84, rounded to 5 decimals (~1 m); no ``crs`` member.
Properties are flat, so GIS tools show them as columns; lists are JSON arrays.
"""

from __future__ import annotations

from typing import Any

from peacewatch.reconcile import CanonicalEvent
from peacewatch.report.acled import event_date, event_types
from peacewatch.report.text import venue_point


def positions(ev: CanonicalEvent) -> list[list[float]]:
    """[lon, lat] of each located place (attacks) or of the venue (talks)."""
    out: list[list[float]] = []
    if ev.kind == "attack":
        for p in ev.places:
            if p.lat is not None and p.lon is not None:
                pos = [round(p.lon, 5), round(p.lat, 5)]
                if pos not in out:
                    out.append(pos)
    elif ev.kind == "talks" and ev.venue is not None and (pt := venue_point(ev.venue.name)):
        out.append([round(pt[1], 5), round(pt[0], 5)])
    return out


def geometry(ev: CanonicalEvent) -> dict[str, Any] | None:
    pos = positions(ev)
    if not pos:
        return None
    if len(pos) == 1:
        return {"type": "Point", "coordinates": pos[0]}
    return {"type": "MultiPoint", "coordinates": pos}


def properties(ev: CanonicalEvent) -> dict[str, Any]:
    etype, sub = event_types(ev)
    day = event_date(ev)
    props: dict[str, Any] = {
        "id": ev.id,
        "kind": ev.kind,
        "event_date": day.isoformat() if day else None,
        "date_start": ev.date.start.isoformat() if ev.date.start else None,
        "date_end": ev.date.end.isoformat() if ev.date.end else None,
        "date_precision": ev.date.precision,
        "first_reported": ev.first_reported,
        "event_type": etype,
        "sub_event_type": sub,
        "places": [p.name for p in ev.places],
        "admin1": [p.admin1 for p in ev.places],
        "countries": sorted({p.country for p in ev.places if p.country}),
        "place_precision": [p.precision for p in ev.places],
        "actor": ev.actor,
        "targets": list(ev.targets),
        "venue": ev.venue.name if ev.venue else None,
        "parties": list(ev.parties),
        "mediators": list(ev.mediators),
        "round": ev.round,
        "status": ev.status,
        "name": ev.name,
        "points": ev.points,
        "scope": ev.scope,
    }
    for f in ev.figures:
        key = f.field.replace(":", "_").replace(".", "_").replace("-", "_")
        props[f"{key}_best"] = f.best
        props[f"{key}_low"] = f.low
        props[f"{key}_high"] = f.high
    props["disputed"] = list(ev.disputed)
    props["sources"] = list(ev.sources)
    props["n_sources"] = len(ev.sources)
    props["urls"] = sorted({m.url for m in ev.mentions if m.url})
    props["confidence"] = ev.confidence
    return props


def feature_collection(events: list[CanonicalEvent]) -> dict[str, Any]:
    """The FeatureCollection of the events, in their order."""
    return {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "id": ev.id, "geometry": geometry(ev), "properties": properties(ev)}
            for ev in events
        ],
    }
