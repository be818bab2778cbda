"""The data dict of each read endpoint, built from one library call each.

Every function takes the request's ``Store`` and returns JSON-ready dicts; the API
returns them as they are and the pages render them, so what a page shows is exactly
what ``/api/...`` (or the page's ``?format=json``) answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from peacewatch import __version__, api
from peacewatch.analyse import commitments as C
from peacewatch.analyse.crosscheck import crosscheck_events
from peacewatch.analyse.plans import lineages
from peacewatch.analyse.timeline import timeline as build_timeline
from peacewatch.errors import UsageError
from peacewatch.reconcile import CanonicalEvent
from peacewatch.store import Store, StoredArticle, StoredEvent
from peacewatch.store.paging import CanonicalFilter
from peacewatch.web import labels
from peacewatch.web.config import MAP_LIMIT
from peacewatch.web.problems import NotFound
from peacewatch.web.query import CanonicalQuery
from peacewatch.web.render import query_string, safe_url
from peacewatch.web.snapshot import Snapshot

_APPROX = ("country", "region", "admin1")  # place precisions too coarse to pin on a city


def health() -> dict[str, Any]:
    """Liveness, with no database work: the bench's baseline."""
    return {"status": "ok", "version": __version__}


def paged(
    path: str,
    params: dict[str, Any],
    items: list[Any],
    limit: int,
    offset: int,
    *,
    more: bool,
    total: int | None,
) -> dict[str, Any]:
    """The envelope of every list: items, where they sit, and links to the pages beside."""
    return {
        "items": items,
        "count": len(items),
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": path + query_string(params, offset=offset + limit) if more else None,
        "prev": path + query_string(params, offset=max(0, offset - limit) or None) if offset else None,
    }


def stats(store: Store) -> dict[str, Any]:
    return {**store.stats(), "canonical_events": store.count_canonical(CanonicalFilter())}


# --- articles and the events extracted from them -----------------------------------------


def article_summary(a: StoredArticle) -> dict[str, Any]:
    return {
        "id": a.id,
        "doc_id": a.doc_id,
        "title": a.title,
        "source": a.source,
        "url": a.url,
        "published": a.published,
        "language": a.language,
        "ingested_at": a.ingested_at,
        "n_events": a.n_events,
        "chars": len(a.text),
        "near_duplicate_of": a.near_duplicate_of,
        "similarity": a.similarity,
        "href": f"/articles/{a.id}",
    }


def articles(store: Store, limit: int, offset: int) -> dict[str, Any]:
    rows = store.articles(limit + 1, offset)
    items = [article_summary(a) for a in rows[:limit]]
    return paged("/api/articles", {"limit": limit}, items, limit, offset, more=len(rows) > limit, total=None)


def stored_event(se: StoredEvent) -> dict[str, Any]:
    return {
        "id": se.id,
        "article_id": se.article_id,
        "seq": se.seq,
        "doc_id": se.doc_id,
        "title": se.title,
        "source": se.source,
        "url": se.url,
        "published": se.published,
        "event": se.event.to_contract(),
    }


def article(store: Store, article_id: int) -> dict[str, Any]:
    """One article: its text, each extracted event, and the spans they cite marked."""
    a = store.article(article_id)
    if a is None:
        raise NotFound(f"no article with id {article_id}")
    events = store.events(article_id=article_id)
    membership = store.canonical_membership()
    spans = [(ev.start, ev.end) for se in events for ev in se.event.evidence]
    return {
        **article_summary(a),
        "text": a.text,
        "segments": segments(a.text, spans),
        "events": [
            {**stored_event(se), "canonical_id": membership.get(se.id)}
            | {"canonical_href": f"/events/{membership[se.id]}" if se.id in membership else None}
            for se in events
        ],
    }


def segments(text: str, spans: Iterable[tuple[int, int]]) -> list[dict[str, Any]]:
    """The text cut into plain and cited pieces (overlapping citations merged)."""
    merged: list[list[int]] = []
    for s, e in sorted((max(0, s), min(len(text), e)) for s, e in spans if e > s):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    out, at = [], 0
    for s, e in merged:
        if s > at:
            out.append({"text": text[at:s], "mark": False})
        out.append({"text": text[s:e], "mark": True})
        at = e
    if at < len(text):
        out.append({"text": text[at:], "mark": False})
    return out


def events(
    store: Store,
    *,
    kind: str | None,
    place: str | None,
    country: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """Every report as extracted (one per article that reported an event), by date."""
    rows = api.events(
        store,
        kind=kind,
        place=place,
        country=country,
        since=since,
        until=until,
        limit=limit + 1,
        offset=offset,
    )
    params = {
        "kind": kind,
        "place": place,
        "country": country,
        "since": since,
        "until": until,
        "limit": limit,
    }
    items = [stored_event(se) for se in rows[:limit]]
    return paged("/api/events", params, items, limit, offset, more=len(rows) > limit, total=None)


# --- canonical events ------------------------------------------------------------------------


def weapons(ev: CanonicalEvent) -> list[str]:
    """Weapon kinds any source names for the event, counted or not."""
    return sorted({w.kind for m in ev.mentions for w in m.event.weapons})


def canonical_summary(d: dict[str, Any], kinds: Sequence[str]) -> dict[str, Any]:
    """A list item from a stored record (``CanonicalEvent.to_dict()``): the event without its
    figures' reports and mentions (what ``to_dict(reports=False)`` gives), and ``weapons``."""
    out = {k: v for k, v in d.items() if k != "mentions"}
    out["figures"] = {
        name: {k: v for k, v in f.items() if k not in ("field", "reports")}
        for name, f in d["figures"].items()
    }
    return {
        **out,
        "n_mentions": len(d["mentions"]),
        "weapons": list(kinds),
        "weapon_class": labels.weapon_class(list(kinds)),
        "href": f"/events/{d['id']}",
    }


def _best(d: dict[str, Any], name: str) -> int | None:
    f = d["figures"].get(name)
    return f["best"] if f else None


def marker(d: dict[str, Any], kinds: Sequence[str]) -> dict[str, Any] | None:
    """Where an attack goes on the map (from its stored record): its finest located place."""
    located = [p for p in d.get("places") or () if p.get("lat") is not None and p.get("lon") is not None]
    if d["kind"] != "attack" or not located:
        return None
    p = min(located, key=lambda p: p.get("precision") in _APPROX)
    cls = labels.weapon_class(list(kinds))
    return {
        "id": d["id"],
        "href": f"/events/{d['id']}",
        "lat": p["lat"],
        "lon": p["lon"],
        "place": p["name"],
        "places": [x["name"] for x in d["places"]],
        "approximate": p.get("precision") in _APPROX,
        "date": labels.span_text(d["date"]),
        "killed": _best(d, "killed"),
        "injured": _best(d, "injured"),
        "weapon": cls,
        "weapon_label": labels.weapon_label(cls),
        "colour": labels.WEAPON_COLOURS[cls],
        "sources": len(d["sources"]),
        "disputed": bool(d["disputed"]),
    }


def canonical(store: Store, q: CanonicalQuery, *, map_markers: bool = False) -> dict[str, Any]:
    """A page of canonical events matching ``q``; with ``map_markers`` every matching attack's marker.

    The store selects, sorts and pages in SQL and decodes only the page (``store.paging``);
    the page and its total are read in one transaction, so they agree.
    """
    f = q.filter()
    with store.reading():
        rows = store.canonical_page(f, sort=q.sort, limit=q.limit, offset=q.offset)
        total = store.count_canonical(f)
        kinds = store.canonical_weapons([r.id for r in rows])
        attacks = []
        if map_markers and q.kind in (None, "attack"):
            attacks = store.canonical_page(replace(f, kind="attack"), limit=None)
            kinds = {**kinds, **store.canonical_weapons([r.id for r in attacks])}
    params = q.params()
    params.pop("offset", None)
    out = paged(
        "/api/canonical",
        params,
        [canonical_summary(r.data, kinds[r.id]) for r in rows],
        q.limit,
        q.offset,
        more=q.offset + q.limit < total,
        total=total,
    )
    if map_markers:
        marks = [m for r in attacks if (m := marker(r.data, kinds[r.id])) is not None]
        out["markers"] = marks[:MAP_LIMIT]
        out["unmapped"] = len(attacks) - len(marks)
        out["query"] = q.params()
        out["legend"] = [
            {"weapon": k, "label": labels.weapon_label(k), "colour": c}
            for k, c in labels.WEAPON_COLOURS.items()
        ]
    return out


def canonical_event(store: Store, event_id: str) -> dict[str, Any]:
    """One canonical event with every source, its quote in context, disputes and figure history.

    Read from the stored record (what the last reconcile committed), like the lists, so an
    id a list or the timeline gives opens here.
    """
    with store.reading():
        found = store.canonical_events(ids=[event_id])
        if not found:
            raise NotFound(f"no canonical event with id {event_id!r}")
        d = found[0].data
        kinds = list(store.canonical_weapons([event_id])[event_id])
        texts: dict[str, StoredArticle | None] = {}
        for ref in d["mentions"]:
            if ref["doc_id"] not in texts:
                texts[ref["doc_id"]] = store.article_by_doc_id(ref["doc_id"])
        history_rows = store.figure_history(event_id)
    sources = []
    for ref in d["mentions"]:
        art = texts[ref["doc_id"]]
        reported = [
            {"figure": name, "label": labels.figure_label(name), "text": labels.count_text(r)}
            for name, f in d["figures"].items()
            for r in f["reports"]
            if r["mention"] == ref["mention"] and not r.get("superseded_by")
        ]
        sources.append(
            {
                **ref,
                "url": safe_url(ref["url"]),
                "article_id": art.id if art else None,
                "article_href": f"/articles/{art.id}" if art else None,
                "context": labels.highlight(art.text if art else "", ref["start"], ref["end"], ref["quote"]),
                "reported": reported,
            }
        )
    history = [
        {
            "field": h.state.field,
            "label": labels.figure_label(h.state.field),
            "recorded_at": h.recorded_at,
            "run_id": h.run_id,
            **{
                k: getattr(h.state, k) for k in ("low", "best", "high", "conservative", "sources", "disputed")
            },
        }
        for h in history_rows
    ]
    return {
        **d,
        "weapons": kinds,
        "weapon_class": labels.weapon_class(kinds),
        "href": f"/events/{d['id']}",
        "source_details": sources,
        "disagreements": labels.disagreements(d["figures"]),
        "superseded": labels.supersessions(d["figures"]),
        "figure_history": history,
    }


# --- analyses ----------------------------------------------------------------------------------


# Each takes the snapshot of the reconciled events (``web.snapshot``): built once per state
# of the store and shared by every request, instead of each request rebuilding every event.


def timeline(snap: Snapshot, days_before: int, days_after: int) -> dict[str, Any]:
    """``peacewatch timeline`` (``api.timeline``) over the snapshot's events."""
    if days_before < 0 or days_after < 0:
        raise UsageError("--days-before and --days-after take zero or more days")
    return build_timeline(snap.events, days_before=days_before, days_after=days_after).to_dict()


def _commitments(snap: Snapshot) -> list[C.Commitment]:
    return [C.from_event(e) for e in snap.events if e.kind == "commitment"] + [
        C.from_declared(d) for d in snap.declared
    ]


def commitments(snap: Snapshot) -> list[dict[str, Any]]:
    """``peacewatch commitments list`` (``api.commitments``) over the snapshot."""
    return [c.to_dict() for c in _commitments(snap)]


def commitment_checks(snap: Snapshot, today: dt.date | None = None) -> list[dict[str, Any]]:
    """``peacewatch commitments check`` (``api.check_commitments``) over the snapshot."""
    return [c.to_dict() for c in C.check(_commitments(snap), snap.events, today=today)]


def plans(snap: Snapshot) -> list[dict[str, Any]]:
    """``peacewatch plans`` (``api.plans``) over the snapshot."""
    return [lineage.to_dict() for lineage in lineages([e for e in snap.events if e.kind == "proposal"])]


def crosscheck(snap: Snapshot) -> dict[str, Any]:
    """The news figures against the Air Force series already imported (``peacewatch crosscheck``)."""
    return crosscheck_events([e for e in snap.events if e.kind == "attack"], snap.series).to_dict()


def rejections(store: Store, limit: int, offset: int) -> dict[str, Any]:
    rows = store.rejections()
    items = [
        {
            "id": r.id,
            "run_id": r.run_id,
            "created_at": r.created_at,
            "stage": r.rejection.stage,
            "reason": r.rejection.reason,
            "source": r.rejection.source,
            "code": r.rejection.code,
        }
        for r in rows[offset : offset + limit]
    ]
    return paged(
        "/api/rejections",
        {"limit": limit},
        items,
        limit,
        offset,
        more=offset + limit < len(rows),
        total=len(rows),
    )
