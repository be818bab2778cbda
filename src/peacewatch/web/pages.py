"""The data dicts of the HTML pages: the API's dicts, plus what a page draws (markers, charts).

Each page also answers ``?format=json`` with exactly the dict its template rendered.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from peacewatch.records import EVENT_KINDS
from peacewatch.store import Store
from peacewatch.web import charts, labels, views
from peacewatch.web.query import SORTS, CanonicalQuery
from peacewatch.web.snapshot import Snapshot


def index(store: Store, q: CanonicalQuery) -> dict[str, Any]:
    """The map of attacks and the list of canonical events, for one selection."""
    return {
        **views.canonical(store, q, map_markers=True),
        "kinds": list(EVENT_KINDS),
        "sorts": list(SORTS),
    }


def timeline(snap: Snapshot, days_before: int, days_after: int) -> dict[str, Any]:
    """Strikes against talks and commitments: the chart, the talks' windows, the checks."""
    tl = views.timeline(snap, days_before, days_after)
    checks = views.commitment_checks(snap)
    attacks = []
    for ev in (e for e in snap.events if e.kind == "attack"):
        cls = labels.weapon_class(views.weapons(ev))
        attacks.append(
            {
                "id": ev.id,
                "start": ev.date.start,
                "end": ev.date.end,
                "places": [p.name for p in ev.places],
                "killed": ev.best("killed"),
                "colour": labels.WEAPON_COLOURS[cls],
                "weapon_label": labels.weapon_label(cls),
            }
        )
    talks = [w["talks"] for w in tl["talks"]]
    return {
        "days_before": days_before,
        "days_after": days_after,
        "chart": charts.timeline_chart(attacks, talks, checks),
        "timeline": tl,
        "checks": checks,
    }


def daily(snap: Snapshot, since: dt.date | None, until: dt.date | None) -> dict[str, Any]:
    """Daily charts of the timeline's series, between two days (default: all dated events)."""
    rows = views.timeline(snap, 3, 3)["daily"]
    keep = [
        r
        for r in rows
        if (since is None or r["day"] >= since.isoformat())
        and (until is None or r["day"] <= until.isoformat())
    ]
    return {
        "since": since,
        "until": until,
        "charts": charts.daily_charts(keep, since, until),
        "daily": keep,
    }
