"""Typed records that flow one way through the pipeline.

ingest -> Article (or Rejection) -> extract -> Event -> store -> reconcile ...

They are frozen so a stage cannot quietly edit what an earlier stage produced, and
they are a superset of the public extraction contract (``../shared/contract``):
``Event.to_contract()`` prints exactly the contract's shape, while the records keep
richer data (evidence per field, gazetteer ids, sub-counts) for storage.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

EventKind = Literal["attack", "talks", "proposal", "commitment"]
EVENT_KINDS: tuple[str, ...] = ("attack", "talks", "proposal", "commitment")

Qualifier = Literal["exact", "at_least", "approx", "range", "at_most", "unspecified"]
QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "approx", "range", "at_most", "unspecified")

DatePrecision = Literal["day", "days", "week", "month", "year", "unknown"]
PlacePrecision = Literal["point", "city", "district", "admin1", "region", "country"]

WEAPON_KINDS: tuple[str, ...] = (
    "missile",
    "drone",
    "glide_bomb",
    "rocket",
    "artillery",
    "cluster_munition",
    "bomb",
)
TARGET_TYPES: tuple[str, ...] = (
    "residential",
    "energy",
    "infrastructure",
    "market",
    "hospital",
    "school",
    "port",
    "rail",
    "industrial",
    "government",
    "military",
    "civilian_other",
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the article text that supports an event or one of its fields."""

    start: int
    end: int
    quote: str
    field: str | None = None  # which field this span supports ("killed", "place", ...); None = the event

    def to_contract(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "quote": self.quote}


@dataclass(frozen=True, slots=True)
class Count:
    """A reported number with its hedging kept ("at least 7", "350 to 500", "several")."""

    value: int | None
    low: int | None
    high: int | None
    qualifier: Qualifier
    evidence: Evidence | None = None
    children: int | None = None  # "including N children": a sub-count, never added to the total

    @classmethod
    def exact(cls, n: int, evidence: Evidence | None = None) -> Count:
        return cls(n, n, n, "exact", evidence)

    @classmethod
    def at_least(cls, n: int, evidence: Evidence | None = None) -> Count:
        return cls(n, n, None, "at_least", evidence)

    @classmethod
    def at_most(cls, n: int, evidence: Evidence | None = None) -> Count:
        return cls(n, None, n, "at_most", evidence)

    @classmethod
    def approx(cls, n: int, evidence: Evidence | None = None) -> Count:
        return cls(n, None, None, "approx", evidence)

    @classmethod
    def between(cls, low: int, high: int, evidence: Evidence | None = None) -> Count:
        return cls(None, low, high, "range", evidence)

    @classmethod
    def unspecified(cls, evidence: Evidence | None = None) -> Count:
        return cls(None, None, None, "unspecified", evidence)

    @property
    def has_number(self) -> bool:
        return self.value is not None or self.low is not None or self.high is not None

    @property
    def best(self) -> int | None:
        """One figure for sorting and totals: the value, else the lower bound."""
        if self.value is not None:
            return self.value
        return self.low if self.low is not None else self.high

    def to_contract(self) -> dict[str, Any]:
        return {"value": self.value, "low": self.low, "high": self.high, "qualifier": self.qualifier}


@dataclass(frozen=True, slots=True)
class DateSpan:
    """When something happened, as precisely as the text allows (never guessed)."""

    start: dt.date | None
    end: dt.date | None
    precision: DatePrecision
    evidence: Evidence | None = None

    @classmethod
    def unknown(cls) -> DateSpan:
        return cls(None, None, "unknown")

    def to_contract(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A place resolved against the bundled gazetteer."""

    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: PlacePrecision | None
    geonameid: int | None = None
    evidence: Evidence | None = None
    district: str | None = None  # a city district named in the text; ``name`` is then its city

    def to_contract(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "admin1": self.admin1,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "precision": self.precision,
        }


@dataclass(frozen=True, slots=True)
class Weapon:
    kind: str  # one of WEAPON_KINDS
    model: str | None = None
    launched: Count | None = None
    intercepted: Count | None = None
    evidence: Evidence | None = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "model": self.model,
            "launched": self.launched.to_contract() if self.launched else None,
            "intercepted": self.intercepted.to_contract() if self.intercepted else None,
        }


@dataclass(frozen=True, slots=True)
class Venue:
    name: str
    country: str | None

    def to_contract(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


_KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "attack": ("date", "places", "actor", "killed", "injured", "weapons", "targets"),
    "talks": ("date", "venue", "parties", "mediators", "round", "status"),
    "proposal": ("date", "name", "points", "revises_points", "proposer"),
    "commitment": ("date", "scope", "by", "announced_by", "status"),
}


@dataclass(frozen=True, slots=True)
class Event:
    """One event an article reports; which fields matter depends on ``kind``."""

    kind: EventKind
    evidence: tuple[Evidence, ...]
    confidence: float
    date: DateSpan | None = None
    # attack
    places: tuple[Place, ...] = ()
    actor: str | None = None
    killed: Count | None = None
    injured: Count | None = None
    weapons: tuple[Weapon, ...] = ()
    targets: tuple[str, ...] = ()
    # talks
    venue: Venue | None = None
    parties: tuple[str, ...] = ()
    mediators: tuple[str, ...] = ()
    round: int | None = None
    status: str | None = None  # talks: held|planned|ongoing; commitment: announced|in_force|disputed|...
    # proposal
    name: str | None = None
    points: int | None = None
    revises_points: int | None = None
    proposer: str | None = None
    # commitment
    scope: str | None = None
    by: str | None = None
    announced_by: str | None = None

    def to_contract(self) -> dict[str, Any]:
        """The event exactly as ``../shared/contract/document.schema.json`` describes it."""
        out: dict[str, Any] = {"kind": self.kind}
        for name in _KIND_FIELDS[self.kind]:
            v = getattr(self, name)
            if name == "date":
                out["date"] = v.to_contract() if v else DateSpan.unknown().to_contract()
            elif name in ("killed", "injured"):
                out[name] = v.to_contract() if v else None
            elif name in ("places", "weapons"):
                out[name] = [x.to_contract() for x in v]
            elif name == "venue":
                out[name] = v.to_contract() if v else None
            elif name in ("targets", "parties", "mediators"):
                out[name] = list(v)
            else:
                out[name] = v
        out["evidence"] = [e.to_contract() for e in self.evidence if e.field is None] or [
            self.evidence[0].to_contract()
        ]
        out["confidence"] = round(float(self.confidence), 3)
        return out

    def to_dict(self) -> dict[str, Any]:
        """Everything, for storage: the contract fields plus per-field evidence."""
        return _jsonable(asdict(self))

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return _event_from_dict(d)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read by ingest.

    ``raw_text`` is what the source held; ``text`` is the same string with boilerplate
    lines blanked out *in place* (same length, same offsets), so evidence offsets
    computed on ``text`` quote ``raw_text`` exactly.
    """

    id: str
    text: str
    raw_text: str
    title: str | None = None
    published: str | None = None  # ISO date or datetime as given
    url: str | None = None
    source: str | None = None
    language: str | None = None
    origin: str | None = None  # where it was read: a path, URL or feed entry
    boilerplate: tuple[tuple[int, int, str], ...] = field(default=())  # (start, end, why) blanked

    @property
    def content_hash(self) -> str:
        return content_hash(self.raw_text)

    def published_date(self) -> dt.date | None:
        return parse_published(self.published)

    def with_(self, **changes: Any) -> Article:
        return replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become an article: a record, stored and counted, never a log line."""

    stage: str  # "read", "decode", "parse", "fetch", "extract", ...
    reason: str  # one line
    source: str  # the input's name: path, URL, "file.jsonl:17"
    code: str = "PW000"


_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def json_line(obj: Any) -> str:
    """One JSON Lines record, UTF-8 kept readable, with the Unicode line breaks (U+2028, U+2029,
    U+0085) escaped: valid JSON either way, but a reader that splits on every line break
    (``str.splitlines``) would cut a record that carries them raw."""
    return json.dumps(obj, ensure_ascii=False).translate(_LINE_BREAKS) + "\n"


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and Unicode form normalised: the duplicate key."""
    norm = unicodedata.normalize("NFC", text)
    norm = re.sub(r"\s+", " ", norm).strip()
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


# The longest article text read (about 15,000 words, longer than any news report or live blog page).
# Extraction time grows faster than the text (events are matched against each other), so a longer
# text — a book, a dump, a hostile input — would hold a run for minutes; it is refused, not cut.
MAX_TEXT_CHARS = 100_000

# Publication dates outside these years are placeholders (0001-01-01, 9999-12-31), not dates: later
# stages step days and months from a publication date, which overflows at the ends of the calendar.
PUBLISHED_RANGE = (dt.date(1900, 1, 1), dt.date(2199, 12, 31))


def parse_published(value: str | None) -> dt.date | None:
    """The date part of an ISO date or datetime, or None when absent or unreadable."""
    if not value:
        return None
    s = str(value).strip()
    try:
        return dt.date.fromisoformat(s[:10])
    except ValueError:
        return None


def _jsonable(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _jsonable(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_jsonable(v) for v in obj]
    if isinstance(obj, dt.date):
        return obj.isoformat()
    return obj


def _ev(d: dict[str, Any] | None) -> Evidence | None:
    return Evidence(**d) if d else None


def _count(d: dict[str, Any] | None) -> Count | None:
    if not d:
        return None
    d = dict(d)
    d["evidence"] = _ev(d.get("evidence"))
    return Count(**d)


def _date(d: dict[str, Any] | None) -> DateSpan | None:
    if not d:
        return None
    return DateSpan(
        dt.date.fromisoformat(d["start"]) if d.get("start") else None,
        dt.date.fromisoformat(d["end"]) if d.get("end") else None,
        d.get("precision") or "unknown",
        _ev(d.get("evidence")),
    )


def _event_from_dict(d: dict[str, Any]) -> Event:
    names = {f.name for f in fields(Event)}
    kw: dict[str, Any] = {k: v for k, v in d.items() if k in names}
    kw["evidence"] = tuple(Evidence(**e) for e in d.get("evidence") or ())
    kw["date"] = _date(d.get("date"))
    kw["killed"] = _count(d.get("killed"))
    kw["injured"] = _count(d.get("injured"))
    kw["places"] = tuple(Place(**{**p, "evidence": _ev(p.get("evidence"))}) for p in d.get("places") or ())
    kw["weapons"] = tuple(
        Weapon(
            kind=w["kind"],
            model=w.get("model"),
            launched=_count(w.get("launched")),
            intercepted=_count(w.get("intercepted")),
            evidence=_ev(w.get("evidence")),
        )
        for w in d.get("weapons") or ()
    )
    kw["venue"] = Venue(**d["venue"]) if d.get("venue") else None
    for k in ("targets", "parties", "mediators"):
        kw[k] = tuple(d.get(k) or ())
    return Event(**kw)
