"""Date expressions, absolute or relative to the article's publication date.

Our own grammar handles what dateparser gets wrong on news text (TECH-NOTES: it reads
"November 23-24" as 2024, "Nov. 19-20" as 2020, cuts "on Nov. 19" at the period and
never finds "overnight"); dateparser is kept for the rarer forms ("three days ago",
"19.11.2025") via :func:`_dateparser_fallback`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass

from peacewatch.records import DateSpan

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
       r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"  # fmt: skip
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:19|20)\d\d"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "iso",
        re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>[0-2]\d|3[01])\b"),
    ),
    (
        "day_month",  # "25 November 2025", "23-24 November", "the night of 6-7 March", "19th of November"
        re.compile(
            rf"\b(?P<night>(?:the\s+)?night\s+of\s+)?(?P<d1>{_DAY})(?:\s*(?:-|–|—|/|to|and)\s*(?P<d2>{_DAY}))?"
            rf"\s+(?:of\s+)?(?P<mon>{_MON})\.?(?:,?\s+(?P<y>{_YEAR}))?\b"
        ),
    ),
    (
        "month_day",  # "Nov. 19", "November 23-24", "November 23, 2025", "Nov 30-Dec 1", "the night of Nov. 19-20"
        re.compile(
            rf"\b(?P<night>(?:the\s+)?night\s+of\s+)?(?P<mon>{_MON})\.?\s+(?P<d1>{_DAY})\b"
            rf"(?:\s*(?:-|–|—|to|and|/)\s*(?:(?P<mon2>{_MON})\.?\s+)?(?P<d2>{_DAY})\b)?(?:,?\s+(?P<y>{_YEAR}))?"
        ),
    ),
    ("month_year", re.compile(rf"\b(?:in\s+)?(?P<mon>{_MON})\s+(?P<y>{_YEAR})\b")),
    (
        "month_last_year",
        re.compile(rf"\b(?:(?P<mon>{_MON})\s+(?P<ly>last|this)\s+year|(?P<ly2>last)\s+(?P<mon2>{_MON}))\b"),
    ),
    (
        "weekday",  # "on Wednesday", "early on Sunday", "Monday night", "last Friday", "Tuesday's attack"
        re.compile(
            # (the words before the day may open the sentence: "Overnight into Wednesday, …")
            # (not "on a Saturday morning before the New Year holidays": some Saturday, none in particular)
            rf"\b(?P<rel>(?i:last|this|next|on|early\s+on|late\s+on|early|late|overnight\s+(?:into|to)"
            rf"|on\s+the\s+night\s+(?:of|to|into)|the\s+night\s+(?:of|to|into)|since|until|by))?\s*"
            rf"(?<!\b[Oo]n\sa\s)(?<!\b[Oo]n\sone\s)(?P<wd>{_WD})(?P<part>\s+(?:night|morning|evening|afternoon))?(?P<poss>['’]s)?\b"
        ),
    ),
    (
        "relative_day",
        re.compile(
            r"\b(?P<rd>earlier\s+today|since\s+midnight|today|this\s+morning|this\s+afternoon|this\s+evening|tonight"
            r"|yesterday|last\s+night|overnight|during\s+the\s+night|in\s+the\s+night|the\s+previous\s+night"
            r"|(?:most|much|all)\s+of\s+the\s+night|all\s+night|(?:through(?:out)?|over)\s+the\s+night"
            r"|early\s+(?:this|on\s+the)\s+morning|the\s+day\s+before|(?:two|three|four|five|\d)\s+days\s+ago"
            r"|(?:over\s+the|this|last|at\s+the|on\s+the)\s+weekend(?!\s+of\b)"
            r"|this\s+week|last\s+week|next\s+week|earlier\s+this\s+week|later\s+this\s+week"
            r"|earlier\s+this\s+month|this\s+month|last\s+month|next\s+month"
            # a regional roundup's "Over the past day, the enemy carried out 96 attacks"
            r"|(?:over|in|during)\s+the\s+(?:past|last)\s+(?:day|24\s+hours))\b",
            re.IGNORECASE,
        ),
    ),
    (
        "month_only",
        # ("In February, Russia launched …" opens a sentence)
        re.compile(rf"\b(?P<pre>(?i:in|since|until|during|from|by|early|late|mid-?))\s+(?P<mon>{_MON})\b"),
    ),
]
_ORDER = {name: i for i, (name, _) in enumerate(_PATTERNS)}
_ABSOLUTE = {"iso", "day_month", "month_day", "month_year"}
_PREC_RANK = {"day": 0, "days": 1, "week": 2, "month": 3, "year": 4, "unknown": 5}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    span: DateSpan  # resolved (precision "unknown" when it could not be anchored)
    kind: str  # which pattern
    future: bool = False


def _month(s: str) -> int:
    return MONTHS[s.lower().rstrip(".")]


def _day(s: str) -> int:
    return int(re.match(r"\d+", s).group(0))  # type: ignore[union-attr]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _infer_year(
    month: int, day: int, anchor: dt.date | None, anchor_year: int | None, future: bool | str = False
) -> int | None:
    """The year of a month/day given without one: the anchor's, or the year before for a date ahead.

    Reports tell what happened: "took effect on 18 March" in a story of 25 February is last March.
    Only where the text looks ahead (planned talks, a truce announced to start) may a date lie up
    to two months after publication, four where it names what is planned ("far": a summit a country
    "will host on 15 and 16 June", announced in April); otherwise a week covers a late-filed or
    misdated story."""
    if anchor is not None:
        cand = _safe_date(anchor.year, month, day)
        if cand is not None and (cand - anchor).days > (
            _FAR_AHEAD_DAYS if future == "far" else 60 if future else 7
        ):
            return anchor.year - 1
        return anchor.year
    return anchor_year


def _last_weekday(anchor: dt.date, wd: int, future: bool, skip_today: bool = False) -> dt.date:
    if future:
        # talks "on Wednesday" in a report published on a Wednesday are that day's; "next Wednesday" is
        # a week on
        delta = (wd - anchor.weekday()) % 7
        return anchor + dt.timedelta(days=delta or (7 if skip_today else 0))
    delta = (anchor.weekday() - wd) % 7
    return anchor - dt.timedelta(days=delta)


_HINT = re.compile(
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday"
    r"|night|week|month|morning|evening|afternoon|ago|day\s+before|\d{4}-\d|(?:past|last)\s+(?:day|24\s+hours)"
)  # on lowercased text
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def find_dates(
    text: str, published: dt.date | None, anchor_year: int | None = None, future: bool = False
) -> list[DateMention]:
    """Date mentions in ``text``, resolved against ``published`` where they are relative."""
    if not _HINT.search(text.translate(_ASCII_LOWER)):
        return []  # most sentences name no date: one cheap scan instead of seven patterns
    found = list(_find_dates(text, published, anchor_year, future))
    # "overnight on Feb. 23", "last night, Sunday": the day named is the night's; the relative word
    # resolved alone (the night before publication) would date another night
    return [
        d
        for i, d in enumerate(found)
        if not (
            d.kind == "relative_day"
            and d.span.precision == "days"
            and i + 1 < len(found)
            and found[i + 1].span.precision == "day"
            and _NIGHT_THEN_DAY.fullmatch(text, d.end, found[i + 1].start) is not None
        )
        # "on Saturday 14 January", "this Sunday, the 13 of April": the weekday names the date after it
        and not (
            d.kind == "weekday"
            and i + 1 < len(found)
            and found[i + 1].kind in ("day_month", "month_day")
            and found[i + 1].span.precision == "day"
            and _WEEKDAY_THEN_DATE.fullmatch(text, d.end, found[i + 1].start) is not None
        )
    ]


_NIGHT_THEN_DAY = re.compile(r"\s*(?:on\s+|,\s*)?")
_WEEKDAY_THEN_DATE = re.compile(r"\s*,?\s*(?:the\s+)?")


# a year the sentence sets its story in ("In 2024 …", "during 2022"; not "since the spring of 2022") and a date
# that names its own year, which then leaves the yearless ones to the publication's year as usual
_YEAR_CONTEXT = re.compile(
    r"(?<!\bsince\s)\b(?:[Ii]n|[Dd]uring|[Tt]hroughout)\s+(?:early\s+|late\s+|mid-)?(20[12]\d)\b(?!\s*[-–/]\s*\d)"
)
_WITH_YEAR = re.compile(
    r"\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+20\d\d"
    r"|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+20\d\d"
)


@functools.lru_cache(maxsize=2048)
def _find_dates(
    text: str, published: dt.date | None, anchor_year: int | None, future: bool
) -> tuple[DateMention, ...]:
    # several stages date the same sentence; it is parsed once
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    ahead: bool | str = future or _LOOKS_AHEAD.search(text) is not None
    if ahead and _FAR_AHEAD.search(text):
        ahead = "far"
    # "In 2024 the deadliest attack on the city was the strike of 15 March": the sentence's own earlier year
    years = {int(y) for y in _YEAR_CONTEXT.findall(text)}
    told_year = years.pop() if len(years) == 1 and published is not None else None
    if told_year is not None and (told_year >= published.year or _WITH_YEAR.search(text)):  # type: ignore[union-attr]
        told_year = None
    for name, rx in _PATTERNS:
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            span = _resolve(name, m, published, anchor_year, future, ahead)
            if (
                told_year is not None
                and span is not None
                and name in ("day_month", "month_day")
                and span.start is not None
                and span.end is not None
                and not m.groupdict().get("y")
            ):
                shift = span.start.year - told_year
                start, end = (
                    _safe_date(told_year, span.start.month, span.start.day),
                    _safe_date(span.end.year - shift, span.end.month, span.end.day),
                )
                if start is not None and end is not None:
                    span = DateSpan(start, end, span.precision)
            if span is None:
                continue
            taken.append((s, e))
            found.append(DateMention(s, e, m.group(0), span, name, future))
    found.sort(key=lambda d: d.start)
    return tuple(found)


_OF_LAST_WEEK = re.compile(rf"(?:\s+and\s+{_WD})?\s+of\s+last\s+week\b")
# a future tense governing the weekday that follows in the same clause, with no report or past event
# in between ("will be held in Davos on Sunday"; not "will respond, he said on Monday")
_AHEAD_LEFT = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)\b(?:will|shall|is\s+to|are\s+to|to\s+be\s+held|scheduled|due\s+to"
    r"|expected\s+to|set\s+to|plans?\s+to|ahead\s+of)\b"
    r"(?:(?!\b(?:said|says|told|announced|reported|added|after|since|following|was|were|had)\b)[^.;:!?])*$",
    re.IGNORECASE,
)
_FAR_AHEAD_DAYS = 120
_FAR_AHEAD = re.compile(
    r"\b(?:will|would|to)\s+(?:host|hold|convene)\b|\b(?:scheduled|planned|to\s+be\s+held|will\s+be\s+held)\b",
    re.IGNORECASE,
)
# words that let a bare day and month lie weeks after publication: "the deal expires on 17 July",
# "talks are scheduled for 10 March"
_LOOKS_AHEAD = re.compile(
    r"\b(?:will|shall|would|expires?|expiring|due|scheduled|planned|plans?|planning|expected|set\s+to|next|upcoming"
    r"|to\s+(?:be\s+held|meet|start|begin|take\s+effect|resume|hold)|from|until|ahead\s+of|deadline)\b",
    re.IGNORECASE,
)


def _resolve(
    name: str,
    m: re.Match[str],
    pub: dt.date | None,
    anchor_year: int | None,
    future: bool,
    ahead: bool | str = False,
) -> DateSpan | None:
    g = m.groupdict()
    unknown = DateSpan(None, None, "unknown")
    if name == "iso":
        d = _safe_date(int(g["y"]), int(g["m"]), int(g["d"]))
        return DateSpan(d, d, "day") if d else None
    if name in ("day_month", "month_day"):
        mon = _month(g["mon"])
        if mon == 5 and g["mon"] == "May" and name == "month_day" and not g.get("d1"):
            return None
        d1 = _day(g["d1"])
        y = int(g["y"]) if g.get("y") else _infer_year(mon, d1, pub, anchor_year, ahead)
        if y is None:
            return unknown
        start = _safe_date(y, mon, d1)
        if start is None:
            return None
        if g.get("d2"):
            mon2 = _month(g["mon2"]) if g.get("mon2") else mon
            y2 = y + 1 if mon2 < mon else y
            end = _safe_date(y2, mon2, _day(g["d2"]))
            if end is None or end < start or (end - start).days > 31:
                return DateSpan(start, start, "day")
            return DateSpan(start, end, "days")
        if g.get("night"):
            if pub is not None and start == pub:
                # "the night of 28 November" in a report of 28 November: the night into that day
                # (as the Ukrainian air force writes it), not one still to come
                return DateSpan(start - dt.timedelta(days=1), start, "days")
            return DateSpan(start, start + dt.timedelta(days=1), "days")
        return DateSpan(start, start, "day")
    if name == "month_year":
        mon, y = _month(g["mon"]), int(g["y"])
        return _month_span(y, mon)
    if name == "month_last_year":
        if pub is None:
            return unknown
        mon = _month(g["mon"] or g["mon2"])
        if g.get("ly") == "this":
            return _month_span(pub.year, mon)
        if g.get("ly") == "last":
            return _month_span(pub.year - 1, mon)
        return _month_span(pub.year if mon < pub.month else pub.year - 1, mon)  # "last July"
    if name == "month_only":
        if g["mon"] == "May" and g["pre"].lower() in ("by", "from"):
            return None  # "by May" is too often the verb "may"
        mon = _month(g["mon"])
        if pub is None:
            return unknown if anchor_year is None else _month_span(anchor_year, mon)
        y = pub.year if mon <= pub.month or future else pub.year - 1
        return _month_span(y, mon)
    if name == "weekday":
        if pub is None:
            return unknown
        wd = WEEKDAYS[g["wd"].lower()]
        rel = (g.get("rel") or "").lower()
        if _OF_LAST_WEEK.match(m.string, m.end()):
            # "met in Istanbul on Wednesday and Thursday of last week": the calendar week before
            day = pub - dt.timedelta(days=pub.weekday() + 7 - wd)
            return DateSpan(day, day, "day")
        fut = future or rel == "next"
        if not fut and rel in ("", "on") and not g.get("poss"):
            # "a meeting which will be held in Davos on Sunday", "ahead of a summit in Paris on Tuesday"
            left = m.string[max(0, m.start() - 80) : m.start()]
            fut = _AHEAD_LEFT.search(left) is not None
        if rel == "last":
            day = _last_weekday(pub - dt.timedelta(days=1), wd, False)
        elif rel.startswith("overnight") or ("night" in rel and ("into" in rel or "to" in rel)):
            day = _last_weekday(pub, wd, fut)
            return DateSpan(day - dt.timedelta(days=1), day, "days")
        else:
            day = _last_weekday(pub, wd, fut, skip_today=rel == "next")
        if (g.get("part") or "").strip().lower() == "night":
            return DateSpan(day, day + dt.timedelta(days=1), "days")
        return DateSpan(day, day, "day")
    if name == "relative_day":
        if pub is None:
            return unknown
        rd = re.sub(r"\s+", " ", g["rd"].lower())
        one = dt.timedelta(days=1)
        if rd in ("today", "earlier today", "since midnight", "this morning", "this afternoon", "this evening", "tonight",
                  "early this morning", "early on the morning") or rd.endswith(("past day", "last day", "24 hours")):  # fmt: skip
            return DateSpan(pub, pub, "day")
        if rd in ("yesterday", "the day before"):
            return DateSpan(pub - one, pub - one, "day")
        if rd in (
            "last night",
            "overnight",
            "during the night",
            "in the night",
            "the previous night",
            "all night",
        ) or (
            rd.endswith("the night")
            and rd.split()[0] in ("most", "much", "all", "through", "throughout", "over")
        ):
            return DateSpan(pub - one, pub, "days")
        if rd.endswith("days ago"):
            n = _word_num(rd.split()[0])
            return DateSpan(pub - dt.timedelta(days=n), pub - dt.timedelta(days=n), "day")
        if "weekend" in rd:
            if rd == "this weekend" and future:
                sat = pub + dt.timedelta(days=(5 - pub.weekday()) % 7)
            else:
                sat = _last_weekday(pub, 5, False)
                if rd == "last weekend" and (pub - sat).days < 2:
                    sat -= dt.timedelta(days=7)
            return DateSpan(sat, sat + one, "days")
        monday = pub - dt.timedelta(days=pub.weekday())
        if rd in ("this week", "earlier this week", "later this week"):
            if rd == "earlier this week":
                return DateSpan(monday, pub, "week")
            return DateSpan(monday, monday + dt.timedelta(days=6), "week")
        if rd == "last week":
            return DateSpan(monday - dt.timedelta(days=7), monday - one, "week")
        if rd == "next week":
            return DateSpan(monday + dt.timedelta(days=7), monday + dt.timedelta(days=13), "week")
        if rd in ("this month", "earlier this month"):
            return _month_span(pub.year, pub.month)
        if rd == "last month":
            y, mth = (pub.year, pub.month - 1) if pub.month > 1 else (pub.year - 1, 12)
            return _month_span(y, mth)
        if rd == "next month":
            y, mth = (pub.year, pub.month + 1) if pub.month < 12 else (pub.year + 1, 1)
            return _month_span(y, mth)
    return None


def _word_num(w: str) -> int:
    return {"two": 2, "three": 3, "four": 4, "five": 5}.get(w) or int(w)


def _month_span(y: int, mon: int) -> DateSpan:
    start = dt.date(y, mon, 1)
    nxt = dt.date(y + (mon == 12), mon % 12 + 1, 1)
    return DateSpan(start, nxt - dt.timedelta(days=1), "month")


def best(mentions: list[DateMention]) -> DateMention | None:
    """The most precise resolved mention (earliest on ties): what an event is dated by."""
    resolved = [d for d in mentions if d.span.start is not None]
    if not resolved:
        return None
    return min(resolved, key=lambda d: (_PREC_RANK[d.span.precision], d.kind not in _ABSOLUTE, d.start))


@functools.lru_cache(maxsize=4096)
def _dateparser_fallback(s: str, pub: dt.date | None) -> dt.date | None:
    """Forms our grammar leaves out, parsed by dateparser with the article date as base."""
    import dateparser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": False}
    if pub is not None:
        settings["RELATIVE_BASE"] = dt.datetime(pub.year, pub.month, pub.day)
    r = dateparser.parse(s, languages=["en"], settings=settings)  # type: ignore[arg-type]
    return r.date() if r else None


_NUMERIC_DATE = re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>20\d\d)\b")
_AGO = re.compile(r"\b(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?)\s+ago\b", re.IGNORECASE)


def find_other_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Numeric European dates ("19.11.2025") and "a week ago" forms, through dateparser."""
    out = []
    for rx in (_NUMERIC_DATE, _AGO):
        for m in rx.finditer(text):
            if rx is _AGO and published is None:
                continue
            d = _dateparser_fallback(m.group(0), published)
            if d is not None:
                out.append(DateMention(m.start(), m.end(), m.group(0), DateSpan(d, d, "day"), "dateparser"))
    return out


def years_in(text: str) -> list[int]:
    """Explicit four-digit years, to anchor month/day dates in undated articles."""
    return [int(y) for y in re.findall(r"\b(20[12]\d)\b", text)]
