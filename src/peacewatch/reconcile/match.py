"""When two reports can be the same real event: dates, places, actors, venues, plans.

Every test here is a *hard* rule (may these two ever be one event?) or a *score*
(how alike are they, to choose between candidates). Hard rules err on the side of
keeping events apart: two records of one attack are a visible, fixable duplicate,
while two attacks merged into one silently lose a city and its dead.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peacewatch.records import Event, Place

DAY = dt.timedelta(days=1)

# Reports that give no date are placed by their publication date: an attack is
# reported on the day or within a few days after it, talks are also previewed.
_UNDATED_WINDOW = {
    "attack": (-3, 0),
    "talks": (-10, 10),
    "proposal": (-120, 0),
    "commitment": (-45, 0),
}
# A plan or a pause is discussed for weeks around the day a report dates it; talks
# announced for "next week" move. Their dated windows are widened by these days.
_PAD = {"proposal": 60, "commitment": 14}
# Two reports dated to the day may be one day apart and still be one event: an
# overnight attack is dated by the evening by some and by the morning by others.
_DAY_PRECISIONS = frozenset({"day", "days"})


@dataclass(frozen=True, slots=True)
class Window:
    """The days an event may have happened on, and how sure we are of them."""

    start: dt.date
    end: dt.date
    exact: bool  # from a date in the text (True) or only from the publication date
    daily: bool = False  # dated to the day or to a few days
    core: tuple[dt.date, dt.date] | None = None  # the dated span before any widening

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        return self.core or (self.start, self.end)


def window(event: Event, published: dt.date | None) -> Window | None:
    """The date window of a report, or None when neither text nor publication dates it."""
    d = event.date
    if d is not None and d.start is not None and d.precision != "unknown":
        pad = _PAD.get(event.kind, 0) or (7 if event.kind == "talks" and event.status == "planned" else 0)
        if pad:
            core = (d.start, d.end or d.start)
            try:
                return Window(d.start - pad * DAY, (d.end or d.start) + pad * DAY, True, core=core)
            except OverflowError:  # a date at the edge of the calendar: no padding left to give
                return Window(d.start, d.end or d.start, True, core=core)
        return Window(d.start, d.end or d.start, True, d.precision in _DAY_PRECISIONS)
    if published is None:
        return None
    lo, hi = _UNDATED_WINDOW[event.kind]
    try:
        return Window(published + lo * DAY, published + hi * DAY, False)
    except OverflowError:
        return None  # a publication date at the edge of the calendar dates nothing


def _gap(a: Window, b: Window) -> int:
    """Days between two windows: 0 or less when they overlap."""
    return (max(a.start, b.start) - min(a.end, b.end)).days


def windows_meet(a: Window | None, b: Window | None) -> bool:
    if a is None or b is None:
        return True
    return _gap(a, b) <= (1 if a.daily and b.daily else 0)


def date_score(a: Window | None, b: Window | None) -> float:
    """1.0 for the same dated span, less for wider, adjacent or undated ones, 0 when apart."""
    if a is None or b is None:
        return 0.2
    if not windows_meet(a, b):
        return 0.0
    (a0, a1), (b0, b1) = a.span, b.span
    union = (max(a1, b1) - min(a0, b0)).days + 1
    gap = (max(a0, b0) - min(a1, b1)).days
    if gap > 1:
        return 0.2 / union  # met only through a widened window
    score = (1 - gap) / union if gap <= 0 else 0.4 / union
    if not (a.exact and b.exact):
        score *= 0.5
    return score


# --- places -----------------------------------------------------------------

_SPECIFIC = {"point", "city", "district"}
BROAD = frozenset({"country", "region"})  # "Ukraine", "eastern Ukraine"


def place_key(p: Place) -> str:
    """One key per place: a city and any of its districts share the city's key."""
    if (p.precision or "city") in _SPECIFIC:
        return f"city:{p.geonameid}" if p.geonameid else f"city:{p.country}:{p.name.casefold()}"
    if p.precision == "admin1":
        return f"admin1:{p.country}:{(p.admin1 or p.name).casefold()}"
    if p.precision == "country":
        return f"country:{p.country}"
    return f"region:{p.country}:{p.name.casefold()}"


def _pair_score(p: Place, q: Place) -> float | None:
    """How well two places agree: None when they exclude each other."""
    if place_key(p) == place_key(q):
        return 1.0
    if p.country and q.country and p.country != q.country:
        return None
    pp, qp = p.precision or "city", q.precision or "city"
    if pp in _SPECIFIC and qp in _SPECIFIC:
        return None  # Kyiv is not Kharkiv
    if "country" in (pp, qp):
        return 0.3
    if pp == "admin1" and qp == "admin1":
        return None  # Kharkiv oblast is not Sumy oblast
    if pp == "admin1" or qp == "admin1":
        region, other = (p, q) if pp == "admin1" else (q, p)
        if other.precision in _SPECIFIC:
            same = (other.admin1 or "").casefold() == (region.admin1 or region.name).casefold()
            return 0.7 if same else None
        return 0.3  # an oblast and "eastern Ukraine": may be the same
    return 0.3  # two broad regions of one country ("eastern", "southern")


def place_score(a: tuple[Place, ...], b: tuple[Place, ...]) -> float | None:
    """Best agreement between two sets of places; None when nothing can agree.

    A report without places agrees weakly with anything: it is the date and the
    attacker that must carry the match then.
    """
    if not a or not b:
        return 0.2
    best: float | None = None
    for p in a:
        for q in b:
            s = _pair_score(p, q)
            if s is not None and (best is None or s > best):
                best = s
    return best


# --- actors, venues, plans, commitments --------------------------------------


def actors_agree(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def venue_score(a: Event, b: Event) -> float | None:
    va, vb = a.venue, b.venue
    if va is None or vb is None:
        return 0.3
    if va.name.casefold() == vb.name.casefold():
        return 1.0
    if va.country and vb.country and va.country != vb.country:
        return None
    # "Istanbul" and "Turkey": the city is in the country that is named
    if va.country and va.country == vb.country:
        return 0.6
    return None


def talks_agree(a: Event, b: Event) -> bool:
    if a.round is not None and b.round is not None and a.round != b.round:
        return False
    return venue_score(a, b) is not None


_WORDS = re.compile(r"[a-z]+")
_PLAN_STOP = {"the", "a", "an", "of", "peace", "plan", "proposal", "draft", "new", "us", "u", "s"}


def plan_words(name: str | None) -> frozenset[str]:
    """The words that name a plan, without the ones every plan shares."""
    if not name:
        return frozenset()
    words = _WORDS.findall(re.sub(r"\d+-point", " ", name.casefold()))
    return frozenset(w for w in words if w not in _PLAN_STOP)


def proposals_agree(a: Event, b: Event) -> bool:
    """One plan: the same number of points (when both say), the same proposer."""
    if a.points is not None and b.points is not None and a.points != b.points:
        return False
    if a.proposer and b.proposer and a.proposer != b.proposer:
        return False
    if a.points is None or b.points is None:
        # without a size, only the name can tell: a "counterproposal" is not the plan
        # it counters
        wa, wb = plan_words(a.name), plan_words(b.name)
        if (a.points is None) != (b.points is None):
            return bool(wa & wb) and not (wa ^ wb) & {"counterproposal", "non", "paper"}
        return bool(wa & wb) or (not wa and not wb)
    return True


SCOPE_CLASSES: tuple[tuple[str, str], ...] = (
    ("energy", r"energy|power|grid|electric|refiner|oil|gas"),
    ("ports", r"port|shipping|black sea|grain|maritime"),
    ("civilian", r"civilian|residential"),
    ("air", r"air|sky|long-range|missile|drone"),
    ("all", r"ceasefire|truce|armistice|hostilit|all attacks|fighting"),
)


def scope_class(scope: str | None) -> str | None:
    """The family of a commitment's scope: energy pauses match energy pauses."""
    if not scope:
        return None
    s = scope.casefold()
    for name, pattern in SCOPE_CLASSES:
        if re.search(pattern, s):
            return name
    return "other"


def commitments_agree(a: Event, b: Event) -> bool:
    if a.by and b.by and a.by != b.by:
        return False
    ca, cb = scope_class(a.scope), scope_class(b.scope)
    return ca is None or cb is None or ca == cb
