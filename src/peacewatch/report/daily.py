"""The daily brief: what the sources say happened on one day, every figure cited.

Consumes the canonical events of a store (``peacewatch.api``); produces a ``Brief``
(``report.model``) that the Markdown, HTML and PDF renderers lay out.

Which events belong to a day ``D`` (the calendar day, as in the Air Force's nightly
reports):

- an **attack** dated to the day (or to a span of days) whose last day is ``D``: an
  overnight attack of 24–25 November counts on the 25th, the morning it ended;
- **talks, proposals** dated to the day or days whose span includes ``D``;
- **commitments** in force on ``D``, with the attacks of ``D`` that may breach them;
- anything else that a source **published on ``D``** reports (dated otherwise, or not
  dated at all) is listed apart as "also reported", with its own date; never moved
  onto ``D``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from peacewatch import api
from peacewatch.analyse.commitments import CommitmentCheck
from peacewatch.analyse.crosscheck import ATTRIBUTION, CrosscheckReport
from peacewatch.analyse.timeline import timeline
from peacewatch.reconcile import CanonicalEvent, Figure
from peacewatch.report.acled import weapon_kinds
from peacewatch.report.citations import Citations, unique
from peacewatch.report.model import (
    Brief,
    CommitmentLine,
    Competing,
    DayCounts,
    Dispute,
    Fact,
    FigureLine,
    Item,
    MapPoint,
    Verdict,
    Violation,
)
from peacewatch.report.text import (
    count_text,
    country_name,
    figure_label,
    figure_value,
    parties_text,
    target_words,
)
from peacewatch.store import Store, open_store

_DAY = frozenset({"day", "days"})
OFFICIAL_SOURCE = "Air Force of the Armed Forces of Ukraine (series compiled by Petro Ivaniuk)"
CHART_DAYS = 7  # the chart shows this many days either side of the brief's day

FactSink = Callable[[str, str | None, tuple[int, ...]], None]  # (text, event id, citations)


def build_brief(db: str | Store | None, date: dt.date) -> Brief:
    """Gather the day's events, checks and cross-checks from a store into a ``Brief``."""
    store = db if isinstance(db, Store) else open_store(db, create=False)
    try:
        events = api.canonical(store)
        checks = api.check_commitments(store, today=date)
        cross = api.crosscheck(None, store)
    finally:
        if not isinstance(db, Store):
            store.close()
    # without an imported official series every verdict would be "no official data": noise
    return assemble(events, checks, cross if cross.nights_with_official_data else None, date)


def assemble(
    events: Sequence[CanonicalEvent],
    checks: Sequence[CommitmentCheck],
    cross: CrosscheckReport | None,
    date: dt.date,
) -> Brief:
    """A ``Brief`` from events already read: a pure function, for tests and other callers."""
    cites = Citations()
    facts: list[Fact] = []
    day_iso = date.isoformat()

    def fact(text: str, event_id: str | None, numbers: tuple[int, ...]) -> None:
        facts.append(Fact(cites.earliest(numbers) or day_iso, text, event_id, numbers))

    # the deadliest attack first
    attacks = sorted(
        (e for e in events if e.kind == "attack" and on_day(e, date)), key=lambda e: -(e.best("killed") or 0)
    )
    talks = [e for e in events if e.kind == "talks" and on_day(e, date)]
    proposals = [e for e in events if e.kind == "proposal" and on_day(e, date)]
    shown = {e.id for e in attacks + talks + proposals}
    reported = [e for e in events if e.id not in shown and e.kind != "commitment" and reported_on(e, date)]

    items: dict[str, Item] = {}
    for e in attacks + talks + proposals + reported:
        items[e.id] = _item(e, cites)
        _facts_of(e, items[e.id], fact)

    commitments = _commitments(checks, date, cites, fact)
    disputes = _disputes([e for e in attacks + reported if e.kind == "attack"], cites, items, fact)
    verdicts = _verdicts(cross, date, cites, items, fact)
    facts.sort(key=lambda f: f.timestamp)  # stable: an event's facts stay together, in order
    return Brief(
        date=date,
        attacks=tuple(items[e.id] for e in attacks),
        talks=tuple(items[e.id] for e in talks),
        proposals=tuple(items[e.id] for e in proposals),
        reported=tuple(items[e.id] for e in reported),
        commitments=commitments,
        disputes=disputes,
        verdicts=verdicts,
        facts=tuple(facts),
        citations=tuple(cites.items),
        daily=_daily(events, date),
        points=_points(attacks),
        attribution=ATTRIBUTION if verdicts else None,
    )


# --- which events belong to the day -----------------------------------------------------


def on_day(e: CanonicalEvent, date: dt.date) -> bool:
    """Whether the sources date the event to ``date`` (attacks: the day they ended)."""
    if e.date.precision not in _DAY or e.date.start is None:
        return False
    if e.kind == "attack":
        return e.day == date
    return e.date.start <= date <= (e.date.end or e.date.start)


def reported_on(e: CanonicalEvent, date: dt.date) -> bool:
    """Whether any source reporting the event was published on ``date``."""
    iso = date.isoformat()
    return any((m.published or "")[:10] == iso for m in e.mentions)


# --- items ------------------------------------------------------------------------------


def when(e: CanonicalEvent) -> str:
    """The event's date as precisely as the sources give it."""
    d = e.date
    if d.start is None:
        return "date not stated"
    if d.precision == "month":
        return d.start.strftime("%B %Y")
    if d.precision == "year":
        return str(d.start.year)
    if d.precision == "week":
        return f"week of {d.start}"
    return str(d.start) if not d.end or d.end == d.start else f"{d.start} – {d.end}"


def title(e: CanonicalEvent) -> str:
    if e.kind == "attack":
        return "; ".join(_place(p.name, p.admin1, p.country) for p in e.places) or "place not stated"
    if e.kind == "talks":
        venue = e.venue
        if venue is None:
            return "Talks, venue not stated"
        where = (
            venue.name
            if venue.name == country_name(venue.country)
            else f"{venue.name}, {country_name(venue.country)}"
        )
        return f"Talks in {where}"
    if e.kind == "proposal":
        pts = f" ({e.points} points)" if e.points else ""
        return f"Proposal: {e.name or 'unnamed'}{pts}"
    return f"Commitment: {e.scope or 'scope not stated'}"


def _place(name: str, admin1: str | None, country: str | None) -> str:
    parts = [name]
    if admin1 and admin1 != name:
        parts.append(admin1)
    if country and country_name(country) != name:
        parts.append(country_name(country))
    return ", ".join(parts)


def _details(e: CanonicalEvent) -> tuple[tuple[str, str], ...]:
    out: list[tuple[str, str]] = []
    if e.kind == "attack":
        out.append(("attacker", country_name(e.actor) if e.actor else "not stated"))
        if e.targets:
            out.append(("targets", ", ".join(target_words(t) for t in e.targets)))
    elif e.kind == "talks":
        out.append(("parties", parties_text(e.parties) or "not stated"))
        if e.mediators:
            out.append(("mediators", parties_text(e.mediators)))
        if e.round:
            out.append(("round", str(e.round)))
        out.append(("status", e.status or "not stated"))
    elif e.kind == "proposal":
        if e.revises_points:
            out.append(("revises", f"the {e.revises_points}-point version"))
        if e.proposer:
            out.append(("proposer", country_name(e.proposer)))
    out.append(("sources", str(len(e.sources))))
    return tuple(out)


def _figure_line(f: Figure, cites: Citations) -> FigureLine:
    current = [cites.report(r) for r in f.reports if r.superseded_by is None]
    old = [cites.report(r) for r in f.reports if r.superseded_by is not None]
    return FigureLine(
        name=f.field,
        label=figure_label(f.field),
        value=figure_value(f),
        best=f.best,
        disputed=f.disputed,
        citations=unique(current),
        superseded=tuple(n for n in unique(old) if n not in current),
    )


def _item(e: CanonicalEvent, cites: Citations) -> Item:
    refs = unique([cites.mention(m) for m in e.mentions])
    return Item(
        id=e.id,
        kind=e.kind,
        title=title(e),
        when=when(e),
        details=_details(e),
        figures=tuple(_figure_line(f, cites) for f in e.figures),
        citations=refs,
    )


def _facts_of(e: CanonicalEvent, item: Item, fact: FactSink) -> None:
    if e.kind == "attack":
        by = f" by {country_name(e.actor)}" if e.actor else " (attacker not stated)"
        targets = f", hitting {', '.join(target_words(t) for t in e.targets)} targets" if e.targets else ""
        fact(f"{item.title}: attack{by} ({item.when}){targets}.", e.id, item.citations)
        for f in item.figures:
            said = f"{f.value} {f.label}" if f.value.isdigit() else f"{f.label}: {f.value}"
            fact(f"{item.title}: {said}.", e.id, f.citations)
    elif e.kind == "talks":
        d = dict(item.details)
        via = f", mediated by {d['mediators']}" if "mediators" in d else ""
        rnd = f", round {d['round']}" if "round" in d else ""
        fact(
            f"{item.title} ({item.when}) between {d['parties']}{via}{rnd}: {d['status']}.",
            e.id,
            item.citations,
        )
    elif e.kind == "proposal":
        rev = f", revising the {e.revises_points}-point version" if e.revises_points else ""
        fact(f"{item.title} reported ({item.when}){rev}.", e.id, item.citations)


# --- commitments, disputes, cross-checks ------------------------------------------------


def _in_force(ch: CommitmentCheck, date: dt.date) -> bool:
    c = ch.commitment
    return c.start is not None and c.start <= date and (c.end is None or date <= c.end)


def _commitments(
    checks: Sequence[CommitmentCheck], date: dt.date, cites: Citations, fact: FactSink
) -> tuple[CommitmentLine, ...]:
    iso = date.isoformat()
    out = []
    for ch in checks:
        c = ch.commitment
        published_today = any((e.get("published") or "")[:10] == iso for e in c.evidence)
        if not (_in_force(ch, date) or published_today):
            continue
        refs = unique([cites.evidence(e) for e in c.evidence])
        violations = []
        for attributed, attacks in ((True, ch.violations), (False, ch.unattributed)):
            for a in attacks:
                if not on_day(a, date):
                    continue
                vrefs = unique([cites.mention(m) for m in a.mentions])
                violations.append(Violation(a.id, title(a), when(a), attributed, vrefs))
        window = f"{c.start or '?'} – {c.end or 'open-ended'}"
        bound = country_name(c.bound) if c.bound else "every party"
        line = CommitmentLine(
            c.id,
            c.name,
            c.scope if c.scope != c.name else "",
            bound,
            window,
            ch.status,
            ch.reason,
            refs,
            tuple(violations),
        )
        out.append(line)
        fact(f"Commitment “{c.name}” (binding {bound}, {window}): {ch.status}.", c.id, refs)
        for v in violations:
            what = "possible violation" if v.attributed else "in scope and window, attacker not stated"
            fact(f"{v.title} ({v.when}) against “{c.name}”: {what}.", v.event_id, v.citations)
    return tuple(out)


def _disputes(
    attacks: Sequence[CanonicalEvent], cites: Citations, items: dict[str, Item], fact: FactSink
) -> tuple[Dispute, ...]:
    out = []
    for e in attacks:
        for f in e.figures:
            if not f.disputed:
                continue
            groups: dict[str, list[Any]] = {}
            for r in f.reports:
                if r.superseded_by is None:
                    c = r.count
                    groups.setdefault(count_text(c.value, c.low, c.high, c.qualifier), []).append(r)
            competing = tuple(
                Competing(k, tuple(sorted({r.source for r in rs})), unique([cites.report(r) for r in rs]))
                for k, rs in sorted(groups.items())
            )
            label = figure_label(f.field)
            out.append(Dispute(e.id, items[e.id].title, label, competing))
            said = "; ".join(f"{c.figure} ({', '.join(c.sources)})" for c in competing)
            fact(
                f"{items[e.id].title}: sources disagree on {label}: {said}.",
                e.id,
                unique([n for c in competing for n in c.citations]),
            )
    return tuple(out)


def _verdicts(
    cross: CrosscheckReport | None, date: dt.date, cites: Citations, items: dict[str, Item], fact: FactSink
) -> tuple[Verdict, ...]:
    if cross is None:
        return ()
    out = []
    for c, ev in cross.comparisons:
        if c.night != date:
            continue
        f = ev.figure(f"{c.kind}.launched")
        reports = [
            r
            for r in (f.reports if f else ())
            if r.superseded_by is None and r.source in c.sources and r.count == c.news
        ]
        refs = unique([cites.report(r) for r in reports])
        news = count_text(c.news.value, c.news.low, c.news.high, c.news.qualifier)
        name = items[ev.id].title if ev.id in items else title(ev)
        official_refs: tuple[int, ...] = ()
        if c.official_launched is not None:
            said = f"{c.kind}s launched on the night ending {c.night.isoformat()}: {c.official_launched}"
            official_refs = (cites.cite(OFFICIAL_SOURCE, None, None, said),)
        out.append(
            Verdict(ev.id, name, c.kind, news, c.official_launched, c.verdict, c.rule, refs, official_refs)
        )
        official = (
            "no official figure" if c.official_launched is None else f"Air Force figure {c.official_launched}"
        )
        fact(
            f"{name}: news figure of {news} {c.kind}s launched against the {official}: "
            f"{c.verdict.replace('_', ' ')}.",
            ev.id,
            refs + official_refs,
        )
    return tuple(out)


# --- chart and map data -----------------------------------------------------------------


def _daily(events: Sequence[CanonicalEvent], date: dt.date) -> tuple[DayCounts, ...]:
    rows = {r.day: r.totals for r in timeline(events).daily}
    out = []
    for k in range(-CHART_DAYS, CHART_DAYS + 1):
        d = date + dt.timedelta(days=k)
        t = rows.get(d)
        out.append(DayCounts(d, t.missiles, t.drones, t.killed, t.injured) if t else DayCounts(d, 0, 0, 0, 0))
    return tuple(out)


def _weapon(e: CanonicalEvent) -> str:
    kinds = weapon_kinds(e)
    if {"missile", "drone"} <= kinds:
        return "mixed"
    if "missile" in kinds:
        return "missile"
    if "drone" in kinds:
        return "drone"
    return "other"


def _points(attacks: Sequence[CanonicalEvent]) -> tuple[MapPoint, ...]:
    out = []
    for e in attacks:
        for p in e.places:
            if p.lat is None or p.lon is None or p.precision == "country":
                continue  # a country's centroid would put a dot where nothing happened
            out.append(MapPoint(p.lat, p.lon, p.name, e.best("killed"), _weapon(e), e.id))
    return tuple(out)
