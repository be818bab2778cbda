"""Dates: the forms dateparser gets wrong on news text (TECH-NOTES), and relative dates."""

from __future__ import annotations

import datetime as dt

import pytest

import peacewatch
from peacewatch.extract.dates import find_dates

PUB = dt.date(2025, 11, 25)  # a Tuesday


def one(text: str, pub: dt.date | None = PUB, **kw):
    found = find_dates(text, pub, **kw)
    assert found, f"no date found in {text!r}"
    return found[0].span


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("on Nov. 19", "2025-11-19", "2025-11-19", "day"),
        ("Over the weekend of November 23-24", "2025-11-23", "2025-11-24", "days"),
        ("on 25 November 2025", "2025-11-25", "2025-11-25", "day"),
        ("8 July 2024", "2024-07-08", "2024-07-08", "day"),
        ("the night of Nov. 19-20", "2025-11-19", "2025-11-20", "days"),
        ("the night of March 6-7", "2025-03-06", "2025-03-07", "days"),
        ("on Wednesday", "2025-11-19", "2025-11-19", "day"),
        ("overnight", "2025-11-24", "2025-11-25", "days"),
        ("last night", "2025-11-24", "2025-11-25", "days"),
        ("yesterday", "2025-11-24", "2025-11-24", "day"),
        ("this week", "2025-11-24", "2025-11-30", "week"),
        ("in August", "2025-08-01", "2025-08-31", "month"),
        ("November 2025", "2025-11-01", "2025-11-30", "month"),
        ("the night of 25 November", "2025-11-24", "2025-11-25", "days"),  # in a report of that day
        ("the night of 20 November", "2025-11-20", "2025-11-21", "days"),
        ("for most of the night", "2025-11-24", "2025-11-25", "days"),
        ("Overnight into Tuesday, drones attacked", "2025-11-24", "2025-11-25", "days"),
        ("throughout the night", "2025-11-24", "2025-11-25", "days"),
    ],
)
def test_forms(text: str, start: str, end: str, precision: str) -> None:
    span = one(text)
    assert (str(span.start), str(span.end), span.precision) == (start, end, precision)


def test_november_23_24_is_not_read_as_2024() -> None:
    span = one("November 23-24", pub=dt.date(2025, 11, 25))
    assert span.start == dt.date(2025, 11, 23)


def test_relative_dates_stay_unresolved_without_an_anchor() -> None:
    for text in ("on Wednesday", "overnight", "last week", "yesterday"):
        span = one(text, pub=None)
        assert span.start is None and span.precision == "unknown"


def test_absolute_date_without_year_uses_a_year_named_in_the_text() -> None:
    span = one("on Nov. 19", pub=None, anchor_year=2025)
    assert span.start == dt.date(2025, 11, 19)


def test_planned_weekday_looks_forward() -> None:
    span = one("talks will resume on Wednesday", future=True)
    assert span.start == dt.date(2025, 11, 26)


def test_planned_weekday_named_on_the_day_of_publication_is_that_day() -> None:
    # published on a Tuesday: "on Tuesday" is today, "next Tuesday" a week on
    assert one("envoys will meet in Moscow on Tuesday", future=True).start == PUB
    assert one("envoys will meet again next Tuesday", future=True).start == dt.date(2025, 12, 2)


def test_a_future_tense_before_the_weekday_looks_forward() -> None:
    # published Tuesday 25 November: the Sunday ahead, the Friday ahead
    assert one("a meeting which will be held in Davos on Sunday").start == dt.date(2025, 11, 30)
    assert one("ahead of a leaders' summit in Paris on Friday").start == dt.date(2025, 11, 28)
    # a report of the day stays in the past
    assert one("Kyiv will respond, he said on Sunday").start == dt.date(2025, 11, 23)
    assert one("talks that were scheduled to start on Friday").start == dt.date(2025, 11, 21)


def test_weekday_of_last_week_is_in_the_calendar_week_before() -> None:
    # published Friday 28 November: not this week's Wednesday and Thursday
    found = find_dates(
        "delegates met in Istanbul on Wednesday and Thursday of last week", dt.date(2025, 11, 28)
    )
    assert [d.span.start for d in found[:2]] == [dt.date(2025, 11, 19), dt.date(2025, 11, 20)]


def test_date_early_in_january_refers_back_to_december() -> None:
    span = one("on December 30", pub=dt.date(2026, 1, 2))
    assert span.start == dt.date(2025, 12, 30)


def test_an_attack_told_without_a_day_happened_on_the_day_the_report_leads_with() -> None:
    evs = [
        e
        for e in peacewatch.extract(
            "A Russian missile struck Kyiv overnight, injuring 13 people, the city said on Thursday.\n\n"
            "In the Kyiv region, falling debris damaged houses in the Bucha district.\n\n"
            "In Kupiansk in the Kharkiv region, shelling damaged a school.",
            "2024-03-21",
        )
        if e.kind == "attack"
    ]
    assert len(evs) >= 2 and all(e.date is not None and str(e.date.end) == "2024-03-21" for e in evs)


def test_an_old_lede_date_does_not_date_the_rest() -> None:
    evs = [
        e
        for e in peacewatch.extract(
            "On 5 March a Russian missile struck Kyiv, injuring 13 people.\n\n"
            "In Kupiansk in the Kharkiv region, shelling damaged a school.",
            "2024-03-21",
        )
        if e.kind == "attack"
    ]
    assert any(e.date is None for e in evs)


def test_overnight_on_a_named_day_is_that_day() -> None:
    (d,) = find_dates("Russia attacked Ukraine with 267 drones overnight on Feb. 23.", dt.date(2025, 2, 24))
    assert (d.span.start, d.span.precision) == (dt.date(2025, 2, 23), "day")


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        (
            "Moscow and Kyiv accepted a moratorium that took effect on 18 March.",
            dt.date(2026, 2, 25),
            dt.date(2025, 3, 18),
        ),
        (
            "The grain deal expires on 17 July unless it is renewed.",
            dt.date(2023, 7, 10),
            dt.date(2023, 7, 17),
        ),
    ],
)
def test_a_day_weeks_after_publication_is_last_years_unless_the_text_looks_ahead(
    text: str, published: dt.date, day: dt.date
) -> None:
    (d,) = find_dates(text, published)
    assert d.span.start == day


def test_a_month_that_opens_a_sentence_dates_it() -> None:
    (d,) = find_dates("In February, Russia launched 267 drones over one night, a first.", dt.date(2025, 4, 6))
    assert (d.span.start, d.span.precision) == (dt.date(2025, 2, 1), "month")


def test_a_summit_a_country_will_host_months_ahead_is_this_year() -> None:
    pub = dt.date(2024, 4, 11)
    (d,) = find_dates("Switzerland said it would host a peace conference on 15 and 16 June.", pub)
    assert d.span.start == dt.date(2024, 6, 15)
    # a past event three months "ahead" of a February story is last year's
    (d,) = find_dates(
        "They produced a memorandum, handed over on 2 June, restating demands.", dt.date(2026, 2, 25)
    )
    assert d.span.start == dt.date(2025, 6, 2)


def test_over_the_past_day_is_the_day_of_the_report() -> None:
    (d,) = find_dates(
        "Over the past day, the enemy carried out 96 attacks on 41 settlements.", dt.date(2025, 10, 9)
    )
    assert (d.span.start, d.span.precision) == (dt.date(2025, 10, 9), "day")


def test_a_yearless_day_takes_the_earlier_year_its_sentence_is_set_in() -> None:
    pub = dt.date(2025, 10, 15)
    (d,) = find_dates(
        "In 2024 the deadliest attack on the city was the strike of 15 March, which killed 21.", pub
    )
    assert d.span.start == dt.date(2024, 3, 15)
    (d,) = find_dates("It was the first meeting on 16 May since the spring of 2022.", dt.date(2025, 5, 20))
    assert d.span.start == dt.date(2025, 5, 16)


@pytest.mark.parametrize(
    "text", ["hit it on the afternoon of Saturday 14 January", "struck this Saturday, the 14 of January"]
)
def test_a_weekday_before_a_date_names_that_date(text: str) -> None:
    assert [(d.kind, d.span.start) for d in find_dates(text, dt.date(2023, 1, 24))] == [
        ("day_month", dt.date(2023, 1, 14))
    ]


def test_a_deadline_that_runs_out_on_a_weekday_and_date_is_that_date() -> None:
    text = (
        "Trump cut the deadline to 10 or 12 days. The new deadline for Moscow to accept a ceasefire runs out on "
        "Friday, August 8."
    )
    (c,) = [e for e in peacewatch.extract(text, "2025-08-06") if e.kind == "commitment"]
    assert str(c.date.start) == "2025-08-08"


def test_on_a_saturday_is_no_particular_saturday() -> None:
    assert (
        find_dates("On a Saturday morning before the New Year holidays, drones struck", dt.date(2025, 3, 13))
        == []
    )
