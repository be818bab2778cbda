"""Reconcile what is stored: read the events, cluster them, write what changed.

Clustering is a pure function of the stored events (``cluster.reconcile_mentions``),
so reconciling twice, or after ingesting in another order, gives the same canonical
events with the same ids. A run rewrites only the canonical events whose content
changed, deletes those no longer made by any cluster, and appends a history row for
every figure whose value changed — all in one transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from peacewatch.reconcile.cluster import CanonicalEvent, Mention, mention_key, reconcile_mentions
from peacewatch.store.base import Store
from peacewatch.store.canonical import CanonicalPlace, CanonicalRow, FigureState, ReconcileWrite


@dataclass(slots=True)
class ReconcileReport:
    """What a reconcile run changed."""

    db: str
    mentions: int = 0
    events: int = 0
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    figure_changes: int = 0
    run_id: int | None = None

    def summary(self) -> dict[str, Any]:
        return {
            "mentions": self.mentions,
            "canonical_events": self.events,
            "created": len(self.created),
            "updated": len(self.updated),
            "removed": len(self.removed),
            "unchanged": self.unchanged,
            "figure_changes": self.figure_changes,
        }


def load_mentions(store: Store) -> list[Mention]:
    """Every stored event as a mention, keyed by its article's content hash and position."""
    return [
        Mention(
            key=mention_key(se.content_hash, se.seq),
            event=se.event,
            article=se.content_hash,
            doc_id=se.doc_id,
            source=se.source,
            url=se.url,
            title=se.title,
            published=se.published,
            event_id=se.id,
        )
        for se in store.events()
    ]


def canonical_events(store: Store) -> list[CanonicalEvent]:
    """The canonical events of what is stored (computed; equal to what reconcile stores)."""
    return reconcile_mentions(load_mentions(store))


def reconcile_store(store: Store, *, run_id: int | None = None) -> ReconcileReport:
    """Bring the stored canonical events in line with the stored events.

    The whole read–cluster–write cycle runs under the store's reconcile lock, so two
    processes reconciling one database never interleave (the second waits, then sees the
    first one's result).
    """
    with store.reconcile_lock():
        return _reconcile(store, run_id)


def _reconcile(store: Store, run_id: int | None) -> ReconcileReport:
    mentions = load_mentions(store)
    events = reconcile_mentions(mentions)
    report = ReconcileReport(db=store.url, mentions=len(mentions), events=len(events), run_id=run_id)
    stored = store.canonical_state()
    membership = store.canonical_membership()
    last = store.latest_figures()
    upsert: list[CanonicalRow] = []
    history: list[FigureState] = []
    for ev in events:
        row = to_row(ev)
        same_members = all(membership.get(eid) == ev.id for eid, _ in row.mentions)
        if ev.id not in stored:
            report.created.append(ev.id)
            upsert.append(row)
        elif stored[ev.id] != row.content_hash or not same_members:
            report.updated.append(ev.id)
            upsert.append(row)
        else:
            report.unchanged += 1
        for f in ev.figures:
            state = FigureState(
                canonical_id=ev.id,
                field=f.field,
                low=f.low,
                best=f.best,
                high=f.high,
                conservative=f.conservative,
                sources=f.sources,
                disputed=f.disputed,
                reports=tuple(
                    {
                        k: r.to_dict()[k]
                        for k in ("source", "url", "published", "value", "low", "high", "qualifier")
                    }
                    for r in f.reports
                    if r.superseded_by is None
                ),
            )
            if not state.same_value(last.get((ev.id, f.field))):
                history.append(state)
    current = {ev.id for ev in events}
    report.removed = sorted(set(stored) - current)
    report.figure_changes = len(history)
    if upsert or report.removed or history:
        store.write_reconciled(
            ReconcileWrite(upsert=tuple(upsert), delete=tuple(report.removed), history=tuple(history)),
            run_id,
        )
    return report


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def to_row(ev: CanonicalEvent) -> CanonicalRow:
    """The stored form of a canonical event."""
    data = ev.to_dict()
    return CanonicalRow(
        id=ev.id,
        kind=ev.kind,
        date_start=_iso(ev.date.start),
        date_end=_iso(ev.date.end),
        date_precision=ev.date.precision,
        day=_iso(ev.day),
        actor=ev.actor or ev.by,
        killed=ev.best("killed"),
        injured=ev.best("injured"),
        missiles=ev.best("missile.launched"),
        drones=ev.best("drone.launched"),
        n_sources=len(ev.sources),
        n_mentions=len(ev.mentions),
        disputed=ev.disputed,
        data=data,
        content_hash=ev.content_hash,
        mentions=tuple((m.event_id, m.key) for m in ev.mentions if m.event_id is not None),
        places=_places(ev),
    )


def _places(ev: CanonicalEvent) -> tuple[CanonicalPlace, ...]:
    if ev.kind == "talks" and ev.venue is not None:
        return (CanonicalPlace(ev.venue.name, None, ev.venue.country, None, None, None),)
    return tuple(CanonicalPlace(p.name, p.admin1, p.country, p.lat, p.lon, p.precision) for p in ev.places)


def by_id(events: Sequence[CanonicalEvent]) -> dict[str, CanonicalEvent]:
    return {e.id: e for e in events}
