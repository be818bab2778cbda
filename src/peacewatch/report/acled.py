"""Canonical events as ACLED-style rows: the columns analysts already load.

The mapping, stated once (also in the README):

- **Rows.** One row per canonical event and location, as ACLED codes one event per
  location. An attack on several places gives several rows sharing ``canonical_id``;
  its counts (``fatalities`` and every count column after it) are divided evenly
  between them, ACLED's rule for a toll reported over several locations, the
  remainder going to the first rows, so each column still sums to the event's figure.
  Talks give one row at their venue; proposals and commitments one row with no
  location.
- **event_type / sub_event_type.** Attacks are "Explosions/Remote violence": "Shelling/
  artillery/missile attack" when missiles, rockets or artillery are named (also when
  drones are named with them), "Air/drone strike" when only drones, glide bombs or
  bombs are, and "Shelling/artillery/missile attack" when no weapon is named (the
  usual long-range strike of this war). Talks, proposals and commitments are
  "Strategic developments" / "Agreement" (ACLED's sub-event for peace talks, ceasefires
  and other agreements).
- **event_date** is the day the event is counted on: for an attack the last day of its
  span (the morning an overnight attack ended, as the Air Force reports it), otherwise
  its first day. **time_precision**: 1 a day, 2 a few days or a week, 3 a month or a
  year; undated events leave both empty (dates are never guessed).
- **actor1 / actor2.** Attacker: "Military Forces of Russia (2000-)" / "Military Forces
  of Ukraine (2019-)" (ACLED's names), other states "Military Forces of <country>";
  not stated → empty. actor2 is "Civilians (<country>)" when civilian targets were hit.
  Talks: the first two parties as "Government of <country>" (the rest in ``notes``);
  a proposal's proposer and a commitment's bound party as actor1.
- **geo_precision**: 1 a city, district or point; 3 an oblast, a region or a country.
  **admin2** is empty (not tracked). **source_scale** is empty: outlets are not classified.
- **fatalities** is the *conservative* killed figure (ACLED's lowest credible figure:
  the smallest stated firmly); 0 when no figure was reported, as ACLED codes it, with
  ``killed_low``/``killed_high`` then empty so "unknown" stays visible.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from peacewatch.reconcile import CanonicalEvent
from peacewatch.records import Place
from peacewatch.report.text import country_iso3, country_name, figure_label, target_words, venue_point

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "country",
    "admin1",
    "admin2",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
)
COUNT_COLUMNS: tuple[str, ...] = (
    "fatalities",
    "killed_low",
    "killed_high",
    "injured_best",
    "missiles_launched",
    "missiles_intercepted",
    "drones_launched",
    "drones_intercepted",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "injured_best",
    "killed_low",
    "killed_high",
    "missiles_launched",
    "missiles_intercepted",
    "drones_launched",
    "drones_intercepted",
    "source_urls",
    "canonical_id",
    "kind",
    "disputed",
)
COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS

_SHELLING = frozenset({"missile", "rocket", "artillery", "cluster_munition"})
_AIR = frozenset({"drone", "glide_bomb", "bomb"})
_CIVILIAN = frozenset({"residential", "market", "hospital", "school", "civilian_other"})
_MILITARY = {"RU": "Military Forces of Russia (2000-)", "UA": "Military Forces of Ukraine (2019-)"}
_GOVERNMENT = {"RU": "Government of Russia (2000-)", "UA": "Government of Ukraine (2019-)"}
_PRECISION = {"point": 1, "city": 1, "district": 1, "admin1": 3, "region": 3, "country": 3}
_TIME_PRECISION = {"day": 1, "days": 2, "week": 2, "month": 3, "year": 3}


def weapon_kinds(ev: CanonicalEvent) -> set[str]:
    """Weapon kinds any source names for the event, counted or not ("drones hit Rostov")."""
    named = {w.kind for m in ev.mentions for w in m.event.weapons}
    return named | {f.field.split(".")[0].split(":")[0] for f in ev.figures if "." in f.field}


def event_types(ev: CanonicalEvent) -> tuple[str, str]:
    """(event_type, sub_event_type) of a canonical event."""
    if ev.kind != "attack":
        return "Strategic developments", "Agreement"
    kinds = weapon_kinds(ev)
    if kinds & _AIR and not kinds & _SHELLING:
        return "Explosions/Remote violence", "Air/drone strike"
    return "Explosions/Remote violence", "Shelling/artillery/missile attack"


def military(code: str | None) -> str:
    if not code:
        return ""
    return _MILITARY.get(code, f"Military Forces of {country_name(code)}")


def government(code: str | None) -> str:
    if not code:
        return ""
    return _GOVERNMENT.get(code, f"Government of {country_name(code)}")


def event_date(ev: CanonicalEvent) -> Any:
    """The day an event is counted on (attacks: the last day), or None when undated."""
    if ev.date.start is None or ev.date.precision == "unknown":
        return None
    return ev.day if ev.kind == "attack" else ev.date.start


def _split(total: int | None, k: int, i: int) -> int | None:
    """Row ``i``'s share of ``total`` over ``k`` rows: even, remainder to the first rows."""
    if total is None:
        return None
    return total // k + (1 if i < total % k else 0)


def _counts(ev: CanonicalEvent) -> dict[str, int | None]:
    killed = ev.figure("killed")
    return {
        "fatalities": (killed.conservative if killed and killed.conservative is not None else 0),
        "killed_low": killed.low if killed else None,
        "killed_high": killed.high if killed else None,
        "injured_best": ev.best("injured"),
        "missiles_launched": ev.best("missile.launched"),
        "missiles_intercepted": ev.best("missile.intercepted"),
        "drones_launched": ev.best("drone.launched"),
        "drones_intercepted": ev.best("drone.intercepted"),
    }


def notes(ev: CanonicalEvent) -> str:
    """One sentence on the event, ACLED-style, with the figures and who disputes what."""
    day = event_date(ev)
    when = f"On {day.isoformat()}" if day else "On a date the sources do not give"
    if ev.kind == "attack":
        who = country_name(ev.actor) if ev.actor else "an attacker the sources do not name"
        where = "; ".join(p.name for p in ev.places) or "a place not stated"
        targets = f" ({', '.join(target_words(t) for t in ev.targets)} targets)" if ev.targets else ""
        figs = ", ".join(f"{f.best} {figure_label(f.field)}" for f in ev.figures if f.best is not None)
        text = f"{when}, {who} struck {where}{targets}" + (f": {figs}" if figs else "") + "."
    elif ev.kind == "talks":
        venue = ev.venue.name if ev.venue else "a venue not stated"
        parties = ", ".join(country_name(p) for p in ev.parties) or "parties not stated"
        via = f", mediated by {', '.join(country_name(m) for m in ev.mediators)}" if ev.mediators else ""
        rnd = f", round {ev.round}" if ev.round else ""
        text = f"{when}, talks in {venue} between {parties}{via}{rnd} ({ev.status or 'status not stated'})."
    elif ev.kind == "proposal":
        pts = f" of {ev.points} points" if ev.points else ""
        rev = f", revising the {ev.revises_points}-point version" if ev.revises_points else ""
        by = f" by {country_name(ev.proposer)}" if ev.proposer else ""
        text = f"{when}, proposal “{ev.name or 'unnamed'}”{pts}{by}{rev}."
    else:
        by = f" binding {country_name(ev.by)}" if ev.by else ""
        text = (
            f"{when}, commitment: {ev.scope or 'scope not stated'}{by} ({ev.status or 'status not stated'})."
        )
    for f in ev.figures:
        if f.disputed:
            said = "; ".join(f"{c['figure']} ({', '.join(c['sources'])})" for c in f.competing)
            text += f" Sources disagree on {figure_label(f.field)}: {said}."
    return text + f" [peacewatch {ev.id}; {len(ev.sources)} source(s)]"


def _locations(ev: CanonicalEvent) -> list[dict[str, Any]]:
    if ev.kind == "attack" and ev.places:
        return [_place(p) for p in ev.places]
    if ev.kind == "talks" and ev.venue is not None:
        pt = venue_point(ev.venue.name)
        return [
            {
                "country_code": ev.venue.country,
                "admin1": "",
                "location": ev.venue.name,
                "latitude": pt[0] if pt else None,
                "longitude": pt[1] if pt else None,
                "geo_precision": 1 if pt and ev.venue.name != country_name(ev.venue.country) else 3,
            }
        ]
    return [
        {
            "country_code": None,
            "admin1": "",
            "location": "",
            "latitude": None,
            "longitude": None,
            "geo_precision": None,
        }
    ]


def _place(p: Place) -> dict[str, Any]:
    return {
        "country_code": p.country,
        "admin1": p.admin1 or "",
        "location": p.name,
        "latitude": p.lat,
        "longitude": p.lon,
        "geo_precision": _PRECISION.get(p.precision or "", 3),
    }


def _actors(ev: CanonicalEvent, country_code: str | None) -> tuple[str, str]:
    if ev.kind == "attack":
        civilians = set(ev.targets) & _CIVILIAN
        victim = f"Civilians ({country_name(country_code)})" if civilians and country_code else ""
        return military(ev.actor), victim
    if ev.kind == "talks":
        parties = list(ev.parties)
        return government(parties[0] if parties else None), government(
            parties[1] if len(parties) > 1 else None
        )
    if ev.kind == "proposal":
        return government(ev.proposer), ""
    return government(ev.by), ""


def rows(ev: CanonicalEvent) -> Iterator[dict[str, Any]]:
    """The ACLED-style rows of one canonical event (see the module docstring)."""
    etype, sub = event_types(ev)
    day = event_date(ev)
    locations = _locations(ev)
    counts = _counts(ev)
    urls = sorted({m.url for m in ev.mentions if m.url})
    for i, loc in enumerate(locations):
        code = loc["country_code"]
        actor1, actor2 = _actors(ev, code)
        suffix = f"-{i + 1}" if len(locations) > 1 else ""
        row: dict[str, Any] = {
            "event_id_cnty": f"{country_iso3(code) if code else 'XXX'}-{ev.id}{suffix}",
            "event_date": day.isoformat() if day else None,
            "year": day.year if day else None,
            "time_precision": _TIME_PRECISION.get(ev.date.precision) if day else None,
            "event_type": etype,
            "sub_event_type": sub,
            "actor1": actor1,
            "actor2": actor2,
            "country": country_name(code),
            "admin1": loc["admin1"],
            "admin2": "",
            "location": loc["location"],
            "latitude": loc["latitude"],
            "longitude": loc["longitude"],
            "geo_precision": loc["geo_precision"],
            "source": "; ".join(ev.sources),
            "source_scale": "",
            "notes": notes(ev),
        }
        for col in COUNT_COLUMNS:
            row[col] = _split(counts[col], len(locations), i)
        row["source_urls"] = "; ".join(urls)
        row["canonical_id"] = ev.id
        row["kind"] = ev.kind
        row["disputed"] = "; ".join(ev.disputed)
        yield {c: row[c] for c in COLUMNS}
