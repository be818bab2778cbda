"""Property-based tests of ``peacewatch.extract`` (issue 7, item 4).

Texts are composed from a grammar of attack and diplomacy phrasing — places from the bundled
gazetteer, weapons, numbers as digits, words and qualifiers, dates, attacker and source phrases —
mixed with random Unicode and page noise, so the extractor really emits events and figures.
For every text:

- ``extract`` never raises;
- every evidence span (of the event and of each field) lies inside the text and quotes it exactly;
- every number it outputs is spelled in the text (as digits or words: "seven", "a dozen",
  "1,200") inside the evidence of that figure — never invented;
- it is deterministic: the same input gives the same output again, and in a fresh Extractor.

300 cases run in the normal suite; 10,000 under ``make reliability`` (marked slow).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacewatch.extract import Extractor, get_extractor
from peacewatch.records import Count, Event, Evidence, Place
from reliability import FULL, record

pytestmark = pytest.mark.reliability

QUICK_CASES = 300
FULL_CASES = 10_000


# --- reading numbers back out of a span, independently of the extractor ------------------------------

UNIT_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
TEN_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINAL_WORDS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
)  # fmt: skip
_UNITS = {w: i for i, w in enumerate(UNIT_WORDS)}
_TENS = {w: 10 * i for i, w in enumerate(TEN_WORDS, 2)}
_ORDINALS = {w: i for i, w in enumerate(ORDINAL_WORDS, 1)}
_DIGITS = re.compile(r"(?<!\d)(\d+(?:[,\u00a0 ]\d{3})*(?:\.\d+)?)(?:\s*(thousand|k)\b)?")


_ONE_PERSON = ("man", "woman", "child", "teenager", "driver", "pensioner", "rescuer", "civilian")


def spelled_numbers(span: str) -> set[int]:
    """Every whole number the span writes: digit groups ("1,200", "1.5 thousand") and runs of number
    words ("forty-five", "two hundred and ten", "a dozen", "half a dozen"), ordinals, and one
    person named as such ("a man was killed", "killing the driver": a count of one)."""
    low = span.lower()
    out: set[int] = set()
    if re.search(rf"\b(?:an?|the|one)\s+(?:[\w-]+\s+)?(?:{'|'.join(_ONE_PERSON)})\b", low):
        out.add(1)
    for m in _DIGITS.finditer(low):
        raw, scale = m.group(1), 1000 if m.group(2) else 1
        # "1 200" may be two numbers, "1,200" is one, and "1 100 100" may be 1 and then 100 100:
        # every run of groups that starts anywhere reads as a number
        groups = re.split(r"[\u00a0 ]", raw)
        runs = {" ".join(groups[i:j]) for i in range(len(groups)) for j in range(i + 1, len(groups) + 1)}
        for piece in {raw, *runs, *re.split(r"[\u00a0 .]", raw)}:
            digits = re.sub(r"[,\u00a0 ]", "", piece)
            if not digits or len(digits) > 15:
                continue
            value = Decimal(digits) * scale  # exact: 32.7 thousand is 32,700, not 32,700.000000000004
            if value == int(value):
                out.add(int(value))
            if scale == 1000:
                out.add(int(Decimal(digits)))
    out |= {int(n) for n in re.findall(r"\b(\d{1,9})(?:st|nd|rd|th)\b", low)}
    words = re.findall(r"[a-z]+", low)
    for i, w in enumerate(words):
        if w in _ORDINALS:
            out.add(_ORDINALS[w])
        total = current = 0
        for j in range(i, len(words)):
            t = words[j]
            if t in _UNITS:
                current += _UNITS[t]
            elif t in _TENS:
                current += _TENS[t]
            elif t == "hundred":
                current = (current or 1) * 100
            elif t == "thousand":
                total, current = total + (current or 1) * 1000, 0
            elif t == "dozen":
                current = (current or 1) * 12
            elif t == "a" and j + 1 < len(words) and words[j + 1] in ("hundred", "thousand", "dozen"):
                current += 1
                continue
            elif t == "and" and j > i:
                continue
            elif t == "half" and words[j + 1 : j + 3] == ["a", "dozen"]:
                out.add(6)
                break
            else:
                break
            out.add(total + current)
    return out


# --- the grammar ------------------------------------------------------------------------------------


@cache
def _places() -> tuple[str, ...]:
    """Cities and oblasts from the bundled gazetteer: the biggest of Ukraine, and Russia's border regions."""
    gaz = get_extractor().gaz
    cities = sorted(
        (e for e in gaz.places.values() if e.kind == "city" and e.country in ("UA", "RU") and e.population),
        key=lambda e: -e.population,
    )
    ua = [e.name for e in cities if e.country == "UA"][:120]
    ru = [
        e.name
        for e in cities
        if e.country == "RU"
        and e.admin1 in ("Belgorod Oblast", "Kursk Oblast", "Bryansk Oblast", "Rostov Oblast")
    ][:25]
    oblasts = [e.name for e in gaz.places.values() if e.kind == "admin1" and e.country == "UA"]
    return tuple(ua + ru + oblasts)


WEAPONS = (
    "drones", "Shahed drones", "attack drones", "kamikaze drones", "Geran-2 drones", "missiles",
    "cruise missiles", "ballistic missiles", "Iskander-M missiles", "Kh-101 missiles", "Kalibr missiles",
    "Kinzhal missiles", "glide bombs", "guided aerial bombs", "Grad rockets", "rockets", "artillery shells",
    "S-300 missiles", "cluster munitions",
)  # fmt: skip
WEAPON_SINGULAR = ("drone", "missile", "rocket", "glide bomb", "artillery", "Shahed", "Iskander-M", "Kh-101")
ACTORS = ("Russian", "Russia's", "Ukrainian", "Russian forces'", "Moscow's", "enemy", "")
ATTACKERS = (
    "Russia",
    "Russian forces",
    "Ukraine",
    "Ukrainian forces",
    "Russian troops",
    "Moscow",
    "The enemy",
)
SOURCES = (
    "the governor said", "the mayor said", "officials said", "the emergency service said",
    "according to the regional administration", "the air force reported", "police said",
)  # fmt: skip
VENUES = (
    "Istanbul",
    "Geneva",
    "Abu Dhabi",
    "Riyadh",
    "Jeddah",
    "Minsk",
    "Doha",
    "Vatican",
    "Berlin",
    "Miami",
)
MEDIATORS = ("Turkey", "the United States", "Qatar", "Saudi Arabia", "the UAE", "the Vatican")
PARTIES = ("Russia", "Ukraine", "The United States", "European countries", "Kyiv", "Moscow", "China")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")  # fmt: skip
NOISE = (
    "Page {a} of {b}", "[{a}]", "{a} comments", "Photo {a}/{b}", "Updated {a}:{b:02d}",
    "The war has killed over 500,000 people since 2022.", "A {age}-year-old woman was among the wounded.",
    "The {a}-storey building was damaged.", "About {a},000 homes lost power.", "{a} km from the front line.",
    "Rescuers worked for {a} hours.", "Share this article", "Advertisement", "Read more: {b} things to know",
)  # fmt: skip
GLITCHES = (
    "\u200b",
    "\u200e",
    "\u202e",
    "\u2028",
    "\xa0",
    "\t",
    "\u00ad",
    "🚀",
    "…",
    "—",
    "«",
    "»",
    "\u0301",
)


def _words(n: int) -> str:
    """A whole number below 1,000,000 in English words ("two hundred and ten")."""
    units = list(_UNITS)
    tens = list(_TENS)
    if n < 20:
        return units[n]
    if n < 100:
        return tens[n // 10 - 2] + ("" if n % 10 == 0 else "-" + units[n % 10])
    if n < 1000:
        rest = n % 100
        return units[n // 100] + " hundred" + ("" if rest == 0 else " and " + _words(rest))
    rest = n % 1000
    return _words(n // 1000) + " thousand" + ("" if rest == 0 else " " + _words(rest))


@st.composite
def numbers(draw: st.DrawFn, low: int = 1, high: int = 600) -> str:
    """A count as news write it: digits, words, hedged, a range, or vague."""
    n = draw(st.integers(low, high))
    form = draw(st.integers(0, 11))
    if form <= 3:
        plain = f"{n:,}" if n >= 1000 and draw(st.booleans()) else str(n)
    elif form <= 6:
        plain = _words(min(n, 99) if draw(st.booleans()) else n)
    elif form == 7:
        plain = draw(
            st.sampled_from(("a dozen", "half a dozen", "two dozen", "several", "dozens of", "scores of"))
        )
    elif form == 8:
        return f"between {n} and {n + draw(st.integers(1, 50))}"
    elif form == 9:
        return f"{n}+" if draw(st.booleans()) else f"{n} to {n + draw(st.integers(1, 40))}"
    elif form == 10:
        return draw(st.sampled_from((f"≥{n}", f"~{n}", f"{n}\u00a0{n % 1000:03d}", f"{n}-{n}")))
    else:
        plain = f"{n * 100 / 1000:g} thousand" if n >= 10 and draw(st.booleans()) else str(n)
    qualifier = draw(
        st.sampled_from(
            ("", "", "", "at least ", "more than ", "up to ", "around ", "about ", "nearly ", "over ")
        )
    )
    return qualifier + plain


@st.composite
def dates(draw: st.DrawFn) -> str:
    d = draw(st.integers(1, 28))
    month = draw(st.sampled_from(MONTHS))
    year = draw(st.integers(2022, 2026))
    return draw(
        st.sampled_from(
            (
                "",
                "overnight",
                "last night",
                f"on {draw(st.sampled_from(DAYS))}",
                f"early on {draw(st.sampled_from(DAYS))}",
                f"on {d} {month} {year}",
                f"on {month} {d}",
                f"on {month[:3]}. {d}",
                f"on the night of {d}-{d + 1} {month}",
                f"on {d:02d}.{MONTHS.index(month) + 1:02d}.{year}",
                "two days earlier",
            )
        )
    )


@st.composite
def attack_sentence(draw: st.DrawFn) -> str:
    place = draw(st.sampled_from(_places()))
    weapon = draw(st.sampled_from(WEAPONS))
    actor = draw(st.sampled_from(ACTORS))
    n, m, k = draw(numbers()), draw(numbers()), draw(numbers(1, 90))
    date = draw(dates())
    source = draw(st.sampled_from(SOURCES))
    templates = (
        f"{actor} {weapon} struck {place} {date}, killing {n} people and wounding {m}, {source}.",
        f"{draw(st.sampled_from(ATTACKERS))} launched {n} {weapon} at {place} {date}; air defences shot down {k} of them.",
        f"The death toll from the {draw(st.sampled_from(WEAPON_SINGULAR))} strike on {place} {date} rose to {n}, {source}.",
        f"{n} people were killed and {m} injured in {place} after {actor} shelling {date}.",
        f"Air defences destroyed {k} of {n} {weapon} {date}, the air force said.",
        f"{draw(st.sampled_from(ATTACKERS))} hit {place} with {n} {weapon} {date}, injuring {m} civilians, including {k} children.",
        f"In {place}, {n} people died and {m} were hospitalised after a {draw(st.sampled_from(WEAPON_SINGULAR))} attack {date}.",
        f"{actor} {weapon} hit an apartment block and a power substation in {place} {date}, {source}.",
        f"Russia fired {n} {weapon} and {m} drones overnight; {k} were intercepted over the {place} region.",
        f"{n} Shahed drones ({k} were shot down), {m} Iskander-M missiles and {draw(numbers(1, 40))} Kh-101 "
        f"cruise missiles were launched {date}, the air force said.",
        f"At least {n} civilians, {k} of them children, were killed in {place} {date}.",
        f"{place.upper()}: {actor.upper()} DRONES KILL {n.upper()}, WOUND {m.upper()}",
        f"Of the {n} drones, {k} were destroyed and {m} were lost to electronic jamming, {source}.",
        f"A total of {n} {weapon} were fired at {place}; {k} were downed and {m} hit their targets.",
        # counts of one written as a person, not a numeral ("a man was killed")
        f"A {draw(st.sampled_from(_ONE_PERSON))} was killed and {m} people were injured in {place} {date}.",
        f"{actor} {weapon} struck {place} {date}, killing a {draw(st.sampled_from(_ONE_PERSON))}, {source}.",
        f"In {place}, a {draw(st.sampled_from(WEAPON_SINGULAR))} hit a car {date}, killing the driver.",
    )
    return draw(st.sampled_from(templates))


@st.composite
def diplomacy_sentence(draw: st.DrawFn) -> str:
    venue, mediator = draw(st.sampled_from(VENUES)), draw(st.sampled_from(MEDIATORS))
    date = draw(dates())
    rnd = draw(st.sampled_from(("first", "second", "third", "fourth", "2nd", "next", "new")))
    n, m = draw(st.integers(3, 40)), draw(st.integers(3, 40))
    party = draw(st.sampled_from(PARTIES))
    templates = (
        f"Russian and Ukrainian delegations held the {rnd} round of talks in {venue} {date}, with {mediator} mediating.",
        f"{party} presented a {n}-point peace plan, revising the earlier {m}-point draft.",
        f"Russia agreed to a {n}-day pause on strikes on energy infrastructure {date}.",
        f"Talks between Russia and Ukraine are planned in {venue} next week, {mediator} said.",
        f"{party} and {draw(st.sampled_from(PARTIES))} agreed on a ceasefire in the Black Sea {date}.",
        f"The {_words(n)}-point framework was discussed in {venue} {date}.",
    )
    return draw(st.sampled_from(templates))


@st.composite
def noise_sentence(draw: st.DrawFn) -> str:
    if draw(st.booleans()):
        return draw(st.text(max_size=80))
    fmt = draw(st.sampled_from(NOISE))
    return fmt.format(a=draw(st.integers(1, 999)), b=draw(st.integers(0, 59)), age=draw(st.integers(2, 99)))


@st.composite
def articles(draw: st.DrawFn) -> tuple[str, str | None]:
    """(text, published): a headline or not, one to seven sentences of grammar and noise, glitches."""
    parts = []
    for _ in range(draw(st.integers(1, 7))):
        kind = draw(st.integers(0, 9))
        sentence = draw(
            attack_sentence() if kind <= 5 else diplomacy_sentence() if kind <= 7 else noise_sentence()
        )
        if draw(st.integers(0, 9)) == 0:  # a stray character somewhere in the sentence
            at = draw(st.integers(0, len(sentence)))
            sentence = sentence[:at] + draw(st.sampled_from(GLITCHES)) + sentence[at:]
        parts.append(" ".join(sentence.split(" ")))
    seps = [draw(st.sampled_from((" ", " ", "\n", "\n\n"))) for _ in parts]
    text = "".join(p + s for p, s in zip(parts, seps, strict=True)).strip()
    if draw(st.booleans()):
        headline = draw(attack_sentence()).rstrip(".").split(",")[0]
        text = f"{headline}\n\n{text}"
    published = draw(st.one_of(st.none(), st.dates(dt.date(2022, 1, 1), dt.date(2026, 12, 31)).map(str)))
    return text, published


# --- the properties --------------------------------------------------------------------------------


def _evidence(e: Event) -> Iterator[tuple[str, Evidence]]:
    """Every evidence span the event carries, named by what it supports."""
    for ev in e.evidence:
        yield "event", ev
    if e.date is not None and e.date.evidence is not None:
        yield "date", e.date.evidence
    for p in e.places:
        if p.evidence is not None:
            yield "place", p.evidence
    for name, c in _counts(e):
        if c.evidence is not None:
            yield name, c.evidence
    for w in e.weapons:
        if w.evidence is not None:
            yield "weapon", w.evidence


def _counts(e: Event) -> Iterator[tuple[str, Count]]:
    if e.killed is not None:
        yield "killed", e.killed
    if e.injured is not None:
        yield "injured", e.injured
    for w in e.weapons:
        if w.launched is not None:
            yield f"{w.kind}.launched", w.launched
        if w.intercepted is not None:
            yield f"{w.kind}.intercepted", w.intercepted


def _numbers_of(e: Event) -> Iterator[tuple[str, int, list[str]]]:
    """(what, number, the spans it must be spelled in): each count's own evidence, else the event's."""
    event_spans = [ev.quote for ev in e.evidence]
    for name, c in _counts(e):
        spans = [c.evidence.quote] if c.evidence is not None else event_spans
        for part, value in (("value", c.value), ("low", c.low), ("high", c.high), ("children", c.children)):
            if value is not None:
                yield f"{name}.{part}", value, spans
    for name in ("round", "points", "revises_points"):
        value = getattr(e, name)
        if value is not None:
            yield name, value, event_spans


def check(text: str, published: str | None, shared: Extractor, fresh: Extractor) -> Counter[str]:
    """Assert the four properties on one text; return what it produced, for the figures."""
    events = shared.extract(text, published)  # must not raise
    tally: Counter[str] = Counter(cases=1)
    for e in events:
        tally[f"events.{e.kind}"] += 1
        for what, ev in _evidence(e):
            assert 0 <= ev.start <= ev.end <= len(text), (what, ev, text)
            assert text[ev.start : ev.end] == ev.quote, (what, ev, text)
            tally["evidence_spans"] += 1
        for what, value, spans in _numbers_of(e):
            found = set().union(*(spelled_numbers(s) for s in spans))
            assert value in found, (
                f"{e.kind} {what}={value} is not written in its evidence {spans!r}\n{text!r}"
            )
            tally["numbers"] += 1
    tally["with_events"] += bool(events)
    tally["with_numbers"] += any(True for e in events for _ in _numbers_of(e))
    again = [e.to_dict() for e in shared.extract(text, published)]
    assert again == [e.to_dict() for e in events], "same input, different output"
    assert [e.to_dict() for e in fresh.extract(text, published)] == again, "a fresh Extractor differs"
    return tally


@pytest.fixture(scope="module")
def fresh_extractor() -> Extractor:
    """A second extractor, built apart from the process-wide one, for the determinism property."""
    return Extractor()


def run_properties(cases: int, fresh: Extractor, *, derandomize: bool) -> Counter[str]:
    tally: Counter[str] = Counter()
    shared = get_extractor()

    @settings(
        max_examples=cases,
        deadline=None,
        derandomize=derandomize,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    )
    @given(articles())
    def prop(case: tuple[str, str | None]) -> None:
        tally.update(check(*case, shared, fresh))

    prop()
    return tally


def _figures(tally: Counter[str], seconds: float) -> dict[str, Any]:
    return {
        "hypothesis_cases_run": tally["cases"],
        "cases_with_events": tally["with_events"],
        "cases_with_numbers": tally["with_numbers"],
        "events_by_kind": {
            k.split(".", 1)[1]: v for k, v in sorted(tally.items()) if k.startswith("events.")
        },
        "numbers_checked": tally["numbers"],
        "evidence_spans_checked": tally["evidence_spans"],
        "seconds": round(seconds, 1),
    }


def test_extract_properties_quick(fresh_extractor: Extractor) -> None:
    started = dt.datetime.now()
    tally = run_properties(QUICK_CASES, fresh_extractor, derandomize=True)
    seconds = (dt.datetime.now() - started).total_seconds()
    assert tally["cases"] >= QUICK_CASES
    # the grammar must really exercise the extractor: most texts give events, many give figures
    assert tally["with_events"] >= QUICK_CASES // 2 and tally["with_numbers"] >= QUICK_CASES // 4, tally
    record("4-properties", "extract-quick", **_figures(tally, seconds))


@pytest.mark.slow
@pytest.mark.skipif(not FULL, reason="10,000 cases: run under make reliability (PEACEWATCH_RELIABILITY=full)")
def test_extract_properties_full(fresh_extractor: Extractor) -> None:
    started = dt.datetime.now()
    tally = run_properties(FULL_CASES, fresh_extractor, derandomize=False)
    seconds = (dt.datetime.now() - started).total_seconds()
    assert tally["cases"] >= FULL_CASES
    assert tally["with_events"] >= FULL_CASES // 2 and tally["with_numbers"] >= FULL_CASES // 4, tally
    record("4-properties", "extract-full", **_figures(tally, seconds))


# --- the reader of numbers is itself checked, so a property failure points at the extractor --------


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("killing 1,200 people", {1200}),
        ("forty-five drones", {45}),
        ("two hundred and ten missiles", {210}),
        ("a dozen drones", {12}),
        ("half a dozen", {6}),
        ("the second round", {2}),
        ("1.5 thousand", {1500}),
        ("between 12 and 20", {12, 20}),
    ],
)
def test_spelled_numbers_reads_news_numbers(span: str, expected: set[int]) -> None:
    assert expected <= spelled_numbers(span)
    assert 7 not in spelled_numbers(span)


class _Planted:
    """An extractor with a planted bug, to show the properties fail when they should."""

    def __init__(self, events: list[Event]) -> None:
        self.events = events

    def extract(self, text: str, published: str | None = None) -> list[Event]:
        return self.events


def test_the_properties_catch_planted_bugs() -> None:
    text = "Russian drones struck Kharkiv, killing four people."
    sentence = Evidence(0, len(text), text)
    place = Place("Kharkiv", "Kharkiv Oblast", "UA", 49.98, 36.25, "city")
    good = Event("attack", (sentence,), 0.9, places=(place,), killed=Count.exact(4, sentence))
    tally = check(text, None, _Planted([good]), _Planted([good]))  # type: ignore[arg-type]
    assert tally["numbers"] == 3 and tally["with_numbers"] == 1  # value, low and high
    invented = Event("attack", (sentence,), 0.9, killed=Count.exact(40, sentence))
    shifted = Event("attack", (Evidence(1, len(text) + 1, text),), 0.9)
    for bad in (invented, shifted):
        with pytest.raises(AssertionError):
            check(text, None, _Planted([bad]), _Planted([bad]))  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match="fresh Extractor"):
        check(text, None, _Planted([good]), _Planted([invented]))  # type: ignore[arg-type]
