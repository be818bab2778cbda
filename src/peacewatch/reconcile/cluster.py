"""Group reports of one real event into one canonical event.

Deterministic and order-free: reports are visited in an order that depends only on
their content (date, publication, a hash of the article), so the same reports give
the same clusters and ids however and whenever they were ingested. A report joins
the best-scoring earlier cluster whose every member it may be (hard rules in
``match``); otherwise it starts a cluster. Two events of one article never merge: the
extractor already made one event per real attack per article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from peacewatch.reconcile import match
from peacewatch.reconcile.figures import Figure, Report, figure
from peacewatch.records import TARGET_TYPES, DateSpan, Event, Place, Venue, parse_published

_PRECISION_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4, "unknown": 5}
_TALKS_PROGRESS = {"planned": 0, "ongoing": 1, "held": 2}
_THRESHOLD = {"attack": 0.35, "talks": 0.45, "proposal": 0.3, "commitment": 0.4}


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as one article reported it, with what reconciling needs of the article."""

    key: str  # stable across stores and orders: "<article hash prefix>#<seq>"
    event: Event
    article: str  # content hash of the article
    doc_id: str
    source: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    event_id: int | None = None  # the row in the store it came from, if any

    @property
    def source_name(self) -> str:
        """Who reported it: the outlet, else the site of the URL, else the article id."""
        if self.source:
            return self.source
        if self.url:
            host = urlsplit(self.url).hostname
            if host:
                return host.removeprefix("www.")
        return self.doc_id

    @property
    def quote(self) -> str | None:
        ev = next((e for e in self.event.evidence if e.field is None), None)
        ev = ev or (self.event.evidence[0] if self.event.evidence else None)
        return ev.quote if ev else None

    def ref(self) -> dict[str, Any]:
        ev = next((e for e in self.event.evidence if e.field is None), None)
        return {
            "mention": self.key,
            "event_id": self.event_id,
            "doc_id": self.doc_id,
            "source": self.source_name,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "quote": ev.quote if ev else self.quote,
            "start": ev.start if ev else None,
            "end": ev.end if ev else None,
            "confidence": self.event.confidence,
        }


def mention_key(article_hash: str, seq: int) -> str:
    return f"{article_hash[:16]}#{seq}"


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    """One real-world event, as all its sources together describe it."""

    id: str
    kind: str
    date: DateSpan
    first_reported: str | None
    confidence: float
    mentions: tuple[Mention, ...]  # oldest report first
    figures: tuple[Figure, ...] = ()
    places: tuple[Place, ...] = ()
    actor: str | None = None
    targets: tuple[str, ...] = ()
    venue: Venue | None = None
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    round: int | None = None
    status: str | None = None
    name: str | None = None
    points: int | None = None
    revises_points: int | None = None
    proposer: str | None = None
    scope: str | None = None
    by: str | None = None
    announced_by: str | None = None

    def figure(self, name: str) -> Figure | None:
        return next((f for f in self.figures if f.field == name), None)

    def best(self, name: str) -> int | None:
        f = self.figure(name)
        return f.best if f else None

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(sorted({m.source_name for m in self.mentions}))

    @property
    def disputed(self) -> tuple[str, ...]:
        return tuple(f.field for f in self.figures if f.disputed)

    @property
    def day(self) -> dt.date | None:
        """The day the event is counted on: the morning an overnight attack ended."""
        return self.date.end or self.date.start

    def to_dict(self, *, reports: bool = True) -> dict[str, Any]:
        """Everything, JSON-ready; ``reports=False`` leaves out each figure's reports."""
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "date": self.date.to_contract(),
            "first_reported": self.first_reported,
        }
        if self.kind == "attack":
            out["places"] = [{**p.to_contract(), "district": p.district} for p in self.places]
            out["actor"] = self.actor
            out["targets"] = list(self.targets)
        elif self.kind == "talks":
            out["venue"] = self.venue.to_contract() if self.venue else None
            out["parties"] = list(self.parties)
            out["mediators"] = list(self.mediators)
            out["round"] = self.round
            out["status"] = self.status
        elif self.kind == "proposal":
            out.update(
                name=self.name,
                points=self.points,
                revises_points=self.revises_points,
                proposer=self.proposer,
            )
        else:
            out.update(scope=self.scope, by=self.by, announced_by=self.announced_by, status=self.status)
        out["figures"] = {
            f.field: (
                f.to_dict()
                if reports
                else {**f.summary(), **({"competing": f.competing} if f.disputed else {})}
            )
            for f in self.figures
        }
        out["disputed"] = list(self.disputed)
        out["sources"] = list(self.sources)
        out["n_sources"] = len(self.sources)
        out["mentions"] = [m.ref() for m in self.mentions]
        out["confidence"] = self.confidence
        return out

    @property
    def content_hash(self) -> str:
        blob = json.dumps(self.to_dict(), sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()


# --- clustering ---------------------------------------------------------------


@dataclass(slots=True)
class _Cluster:
    kind: str
    index: int = 0
    last_end: dt.date = dt.date.min  # the latest day any member may be on
    members: list[Mention] = field(default_factory=list)
    windows: list[match.Window | None] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)

    def add(self, m: Mention, w: match.Window | None) -> None:
        self.members.append(m)
        self.windows.append(w)
        self.last_end = dt.date.max if w is None else max(self.last_end, w.end)
        self.articles.add(m.article)
        keys = {match.place_key(p) for p in self.places}
        self.places.extend(p for p in m.event.places if match.place_key(p) not in keys)


def _published(m: Mention) -> dt.date | None:
    return parse_published(m.published)


def _sort_key(m: Mention, w: match.Window | None) -> tuple[Any, ...]:
    # dated reports first, in date order; undated ones last so they join, not seed
    return (
        w is None or not w.exact,
        w.start if w else dt.date.max,
        m.published or "~",
        m.key,
    )


def _hard_ok(m: Mention, w: match.Window | None, c: _Cluster) -> bool:
    if m.article in c.articles:
        return False
    ev = m.event
    for other, ow in zip(c.members, c.windows, strict=True):
        if not match.windows_meet(w, ow):
            return False
        o = other.event
        if ev.kind == "attack" and not match.actors_agree(ev.actor, o.actor):
            return False
        if ev.kind == "talks" and not match.talks_agree(ev, o):
            return False
        if ev.kind == "proposal" and not match.proposals_agree(ev, o):
            return False
        if ev.kind == "commitment" and not match.commitments_agree(ev, o):
            return False
    if ev.kind == "attack":
        # a report naming only the country joins a city's cluster, but does not let a
        # second city in through it: the cluster's broad places do not bridge
        specific = tuple(p for p in c.places if p.precision not in match.BROAD)
        return match.place_score(ev.places, specific or tuple(c.places)) is not None
    return True


def _figures_clash(a: Event, b: Event) -> bool:
    """Figures so far apart that two attacks are more likely than one (a soft sign)."""
    pairs = [(a.killed, b.killed)]
    for wa in a.weapons:
        for wb in b.weapons:
            if wa.kind == wb.kind and wa.model == wb.model:
                pairs.append((wa.launched, wb.launched))
    for x, y in pairs:
        bx, by = (x.best if x else None), (y.best if y else None)
        if bx and by:
            lo, hi = sorted((bx, by))
            if hi > 3 * lo and hi - lo > 5:
                return True
    return False


def _score(m: Mention, w: match.Window | None, c: _Cluster) -> float:
    ev = m.event
    best = 0.0
    for other, ow in zip(c.members, c.windows, strict=True):
        o = other.event
        d = match.date_score(w, ow)
        if ev.kind == "attack":
            p = match.place_score(ev.places, o.places)
            s = 0.5 * d + 0.4 * (p or 0.0) + 0.1 * (ev.actor is not None and ev.actor == o.actor)
            if _figures_clash(ev, o):
                s -= 0.15
        elif ev.kind == "talks":
            v = match.venue_score(ev, o) or 0.0
            pa, pb = set(ev.parties), set(o.parties)
            j = len(pa & pb) / len(pa | pb) if pa | pb else 0.0
            s = 0.5 * d + 0.4 * v + 0.1 * j
        elif ev.kind == "proposal":
            same_points = ev.points is not None and ev.points == o.points
            words = match.plan_words(ev.name) & match.plan_words(o.name)
            s = (
                0.6 * same_points
                + 0.2 * bool(words)
                + 0.2 * (ev.proposer is not None and ev.proposer == o.proposer)
            )
            if not same_points and not words:
                s = max(s, 0.3 if ev.name == o.name else 0.0)
        else:
            same_scope = match.scope_class(ev.scope) == match.scope_class(o.scope)
            s = 0.5 * same_scope + 0.3 * (ev.by is not None and ev.by == o.by) + 0.2 * d
        best = max(best, s)
    return best


def cluster(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """Reports grouped by real event; within a group, oldest report first."""
    by_kind: dict[str, list[tuple[Mention, match.Window | None]]] = {}
    for m in mentions:
        by_kind.setdefault(m.event.kind, []).append((m, match.window(m.event, _published(m))))
    groups: list[list[Mention]] = []
    for kind in sorted(by_kind):
        items = sorted(by_kind[kind], key=lambda mw: _sort_key(*mw))
        clusters: list[_Cluster] = []
        live: list[_Cluster] = []  # clusters a dated report may still meet
        for m, w in items:
            if w is not None and w.exact:
                # dated reports come in date order: a cluster that ended two days before
                # this one starts can meet no later dated report (a pruning, not a rule)
                horizon = w.start - 2 * match.DAY
                live = [c for c in live if c.last_end > horizon]
                pool = live
            else:
                pool = clusters
            scored = [
                (s, c.index) for c in pool if _hard_ok(m, w, c) and (s := _score(m, w, c)) >= _THRESHOLD[kind]
            ]
            if w is None and len(scored) > 1:
                scored = []  # undated, unpublished and ambiguous: do not guess
            if scored:
                _, i = max(scored, key=lambda si: (si[0], -si[1]))
                clusters[i].add(m, w)
            else:
                c = _Cluster(kind, index=len(clusters))
                c.add(m, w)
                clusters.append(c)
                live.append(c)
        groups.extend(sorted(c.members, key=_age) for c in clusters)
    return groups


def _age(m: Mention) -> tuple[str, str]:
    return (m.published or "~", m.key)


# --- the canonical record -----------------------------------------------------


def _mode(values: Iterable[Any], tiebreak: Callable[[Any], Any] | None = None) -> Any:
    """The most frequent non-empty value; ties go to ``tiebreak`` (largest), else first seen."""
    vals = [v for v in values if v not in (None, "", ())]
    if not vals:
        return None
    counts = Counter(vals)
    order = {v: -i for i, v in reversed(list(enumerate(vals)))}
    return max(counts, key=lambda v: (counts[v], tiebreak(v) if tiebreak else 0, order[v]))


def _canonical_date(members: list[Mention]) -> DateSpan:
    spans = [
        (m.event.date.start, m.event.date.end, m.event.date.precision)
        for m in members
        if m.event.date and m.event.date.start and m.event.date.precision != "unknown"
    ]
    if not spans:
        return DateSpan.unknown()
    counts = Counter(spans)
    start, end, precision = min(counts, key=lambda s: (-counts[s], _PRECISION_RANK[s[2]], s[0], s[1] or s[0]))
    return DateSpan(start, end, precision)


def _canonical_places(members: list[Mention]) -> tuple[Place, ...]:
    seen: dict[str, list[Place]] = {}
    for m in members:
        for p in m.event.places:
            seen.setdefault(match.place_key(p), []).append(p)
    places = []
    for variants in sorted(seen.values(), key=lambda vs: -len(vs)):
        with_district = [p for p in variants if p.district]
        chosen = (with_district or variants)[0]
        places.append(
            Place(
                chosen.name,
                chosen.admin1,
                chosen.country,
                chosen.lat,
                chosen.lon,
                chosen.precision,
                chosen.geonameid,
                None,
                chosen.district,
            )
        )
    specific = {p.country for p in places if p.precision != "country"}
    return tuple(p for p in places if p.precision != "country" or p.country not in specific)


def _reports(members: list[Mention]) -> dict[str, list[Report]]:
    out: dict[str, list[Report]] = {}

    def put(name: str, m: Mention, c: Any) -> None:
        if c is None:
            return
        e = c.evidence
        out.setdefault(name, []).append(
            Report(
                m.key,
                m.source_name,
                m.url,
                m.published,
                c,
                e.quote if e else None,
                e.start if e else None,
                e.end if e else None,
            )
        )

    for m in members:
        ev = m.event
        put("killed", m, ev.killed)
        put("injured", m, ev.injured)
        by_kind: dict[str, list[Any]] = {}
        for w in ev.weapons:
            by_kind.setdefault(w.kind, []).append(w)
            if w.model:
                put(f"{w.kind}:{w.model}.launched", m, w.launched)
                put(f"{w.kind}:{w.model}.intercepted", m, w.intercepted)
        for kind, ws in by_kind.items():
            # the total of a kind is a figure the text gives: a kind-level entry, or
            # the only entry of that kind; models are never summed into a total
            total = [w for w in ws if w.model is None] or (ws if len(ws) == 1 else [])
            if total:
                put(f"{kind}.launched", m, total[0].launched)
                put(f"{kind}.intercepted", m, total[0].intercepted)
    return out


def canonical_id(kind: str, members: list[Mention]) -> str:
    """The id of a cluster: from its first report, so later reports do not change it."""
    anchor = min(members, key=_age)
    return f"{kind}-{hashlib.sha256(anchor.key.encode()).hexdigest()[:10]}"


def build(members: list[Mention]) -> CanonicalEvent:
    """The canonical record of one cluster (members oldest first)."""
    kind = members[0].event.kind
    evs = [m.event for m in members]
    figures = []
    for name, reports in sorted(_reports(members).items(), key=lambda kv: _figure_order(kv[0])):
        f = figure(name, reports)
        if f is not None:
            figures.append(f)
    doubt = 1.0
    for e in evs:
        doubt *= 1.0 - max(0.0, min(1.0, e.confidence))
    common: dict[str, Any] = {
        "id": canonical_id(kind, members),
        "kind": kind,
        "date": _canonical_date(members),
        "first_reported": min((m.published for m in members if m.published), default=None),
        "confidence": round(min(0.99, 1.0 - doubt), 3),
        "mentions": tuple(members),
        "figures": tuple(figures),
    }
    latest = max(members, key=_age)
    if kind == "attack":
        targets = {t for e in evs for t in e.targets}
        return CanonicalEvent(
            **common,
            places=_canonical_places(members),
            actor=_mode(e.actor for e in evs),
            targets=tuple(t for t in TARGET_TYPES if t in targets)
            + tuple(sorted(targets - set(TARGET_TYPES))),
        )
    if kind == "talks":
        venue = _mode((e.venue for e in evs), tiebreak=lambda v: v.name != v.country)
        mediators = tuple(sorted({x for e in evs for x in e.mediators}))
        # talks do not un-happen: the furthest any report got (held > ongoing > planned)
        statuses = [e.status for e in evs if e.status]
        status = max(statuses, key=lambda s: (_TALKS_PROGRESS.get(s, -1), s), default=None)
        return CanonicalEvent(
            **common,
            venue=venue,
            parties=tuple(sorted({x for e in evs for x in e.parties} - set(mediators))),
            mediators=mediators,
            round=_mode(e.round for e in evs),
            status=status,
        )
    if kind == "proposal":
        return CanonicalEvent(
            **common,
            name=_mode((e.name for e in evs), tiebreak=len),
            points=_mode(e.points for e in evs),
            revises_points=_mode(e.revises_points for e in evs),
            proposer=_mode(e.proposer for e in evs),
        )
    statuses = [e.status for e in evs if e.status]
    return CanonicalEvent(
        **common,
        scope=_mode((e.scope for e in evs), tiebreak=len),
        by=_mode(e.by for e in evs),
        announced_by=_mode(e.announced_by for e in evs),
        status="disputed" if "disputed" in statuses else latest.event.status or _mode(statuses),
    )


def _figure_order(name: str) -> tuple[int, str]:
    head = name.split(".")[0]
    return ({"killed": 0, "injured": 1}.get(head, 2 if ":" not in head else 3), name)


def reconcile_mentions(mentions: Iterable[Mention]) -> list[CanonicalEvent]:
    """Canonical events from reports, in date order; a pure function of the reports."""
    events = [build(g) for g in cluster(mentions)]
    events.sort(key=lambda e: (e.day or dt.date.max, e.kind, e.id))
    return events
