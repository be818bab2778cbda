"""Reconciling reports into canonical events: figures, clustering rules, determinism.

Pure functions on hand-built records; the store and CLI doors are in test_reconcile_store.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random

import pytest

from peacewatch.reconcile import Mention, Report, cluster, figure, reconcile_mentions
from peacewatch.reconcile.figures import Figure
from peacewatch.records import Count, DateSpan, Event, Evidence, Place, Venue, Weapon

KYIV = Place("Kyiv", "Kyiv City", "UA", 50.45, 30.52, "city", 703448)
KYIV_DISTRICT = Place(
    "Kyiv", "Kyiv City", "UA", 50.45, 30.52, "district", 703448, district="Dniprovskyi district"
)
KHARKIV = Place("Kharkiv", "Kharkiv Oblast", "UA", 49.98, 36.25, "city", 706483)
KHARKIV_OBLAST = Place("Kharkiv Oblast", "Kharkiv Oblast", "UA", 49.5, 36.5, "admin1")
SUMY_OBLAST = Place("Sumy Oblast", "Sumy Oblast", "UA", 50.9, 34.8, "admin1")
UKRAINE = Place("Ukraine", None, "UA", 49.0, 32.0, "country")


def ev(quote: str = "report", **kw: object) -> Event:
    base: dict[str, object] = {
        "kind": "attack",
        "evidence": (Evidence(0, len(quote), quote),),
        "confidence": 0.8,
    }
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def day(d: str, end: str | None = None, precision: str = "day") -> DateSpan:
    return DateSpan(dt.date.fromisoformat(d), dt.date.fromisoformat(end or d), precision)  # type: ignore[arg-type]


def mention(
    n: int,
    event: Event,
    *,
    source: str | None = None,
    published: str | None = "2025-11-25",
    seq: int = 0,
    article: str | None = None,
) -> Mention:
    art = article or hashlib.sha256(str(n).encode()).hexdigest()
    return Mention(
        f"{art[:16]}#{seq}",
        event,
        art,
        f"doc-{n}",
        source or f"Outlet {n}",
        None,
        None,
        published,
        n * 10 + seq,
    )


def rep(n: int, count: Count, published: str, quote: str = "") -> Report:
    return Report(f"m{n}", f"Outlet {n}", None, published, count, quote or None, None, None)


# --- figures ------------------------------------------------------------------------------------


def test_single_report_is_its_own_figure() -> None:
    f = figure("killed", [rep(1, Count.exact(4), "2025-11-24")])
    assert f is not None
    assert (f.low, f.best, f.high, f.conservative, f.sources, f.disputed) == (4, 4, 4, 4, 1, False)


def test_no_number_gives_no_figure() -> None:
    assert figure("killed", [rep(1, Count.unspecified(), "2025-11-24")]) is None


def test_later_higher_toll_supersedes_the_earlier_one() -> None:
    early = rep(1, Count.at_least(25), "2025-11-19")
    late = rep(2, Count.at_least(30), "2025-11-21")
    f = figure("killed", [late, early])
    assert f is not None
    assert f.best == 30 and f.low == 30 and f.sources == 1 and not f.disputed
    by_mention = {r.mention: r for r in f.reports}
    assert by_mention["m1"].superseded_by == "m2"  # kept, marked
    assert by_mention["m2"].superseded_by is None
    assert [r.mention for r in f.reports] == ["m1", "m2"]  # oldest first


def test_update_wording_supersedes_on_the_same_day() -> None:
    morning = rep(1, Count.exact(6), "2025-11-25")
    evening = rep(2, Count.at_least(7), "2025-11-25", quote="The death toll rose to at least seven.")
    f = figure("killed", [morning, evening])
    assert f is not None and f.best == 7 and not f.disputed


def test_same_day_without_update_wording_is_a_dispute() -> None:
    a = rep(1, Count.exact(6), "2025-11-25")
    b = rep(2, Count.exact(9), "2025-11-25")
    f = figure("killed", [a, b])
    assert f is not None and f.disputed
    assert (f.low, f.high, f.conservative) == (6, 9, 6)
    assert {c["figure"] for c in f.competing} == {"6", "9"}
    assert {s for c in f.competing for s in c["sources"]} == {"Outlet 1", "Outlet 2"}


def test_weapon_counts_are_never_superseded_by_time() -> None:
    f = figure(
        "missile.launched", [rep(1, Count.exact(22), "2025-11-25"), rep(2, Count.approx(48), "2025-11-26")]
    )
    assert f is not None and f.disputed and f.sources == 2
    assert all(r.superseded_by is None for r in f.reports)


def test_approximate_figures_tolerate_a_tenth() -> None:
    f = figure(
        "drone.launched", [rep(1, Count.exact(464), "2025-11-25"), rep(2, Count.approx(470), "2025-11-25")]
    )
    assert f is not None and not f.disputed
    assert f.conservative == 464  # the firm figure, not the hedged one


def test_range_and_at_least_bounds() -> None:
    f = figure("drone.launched", [rep(1, Count.between(350, 500), "2026-02-03")])
    assert f is not None and (f.low, f.best, f.high, f.conservative) == (350, 425, 500, 350)
    g = figure("killed", [rep(1, Count.at_least(7), "2025-11-25"), rep(2, Count.exact(9), "2025-11-25")])
    assert g is not None and not g.disputed and g.low == 7 and g.high == 9


def test_most_reported_figure_is_best() -> None:
    f = figure(
        "injured",
        [
            rep(1, Count.exact(20), "2025-11-25"),
            rep(2, Count.exact(20), "2025-11-25"),
            rep(3, Count.exact(17), "2025-11-25"),
        ],
    )
    assert isinstance(f, Figure) and f.best == 20 and f.disputed


# --- clustering ---------------------------------------------------------------------------------


def groups(*ms: Mention) -> list[set[str]]:
    return sorted(({m.doc_id for m in g} for g in cluster(ms)), key=sorted)


def test_same_city_same_night_merges_and_district_matches_city() -> None:
    a = mention(1, ev(places=(KYIV,), date=day("2025-11-24", "2025-11-25", "days"), actor="RU"))
    b = mention(2, ev(places=(KYIV_DISTRICT,), date=day("2025-11-25"), actor="RU"))
    assert groups(a, b) == [{"doc-1", "doc-2"}]


def test_kyiv_is_not_kharkiv() -> None:
    a = mention(1, ev(places=(KYIV,), date=day("2025-11-25")))
    b = mention(2, ev(places=(KHARKIV,), date=day("2025-11-25")))
    assert len(groups(a, b)) == 2


def test_an_oblast_matches_its_city_but_not_another_oblast() -> None:
    city = mention(1, ev(places=(KHARKIV,), date=day("2025-11-25")))
    oblast = mention(2, ev(places=(KHARKIV_OBLAST,), date=day("2025-11-25")))
    other = mention(3, ev(places=(SUMY_OBLAST,), date=day("2025-11-25")))
    assert groups(city, oblast, other) == [{"doc-1", "doc-2"}, {"doc-3"}]


def test_days_apart_stay_apart() -> None:
    a = mention(1, ev(places=(KYIV,), date=day("2025-11-24")))
    b = mention(2, ev(places=(KYIV,), date=day("2025-11-26")), published="2025-11-26")
    assert len(groups(a, b)) == 2
    c = mention(3, ev(places=(KYIV,), date=day("2025-11-25")))  # adjacent days: overnight ambiguity
    assert groups(a, c) == [{"doc-1", "doc-3"}]


def test_opposite_attackers_stay_apart() -> None:
    a = mention(1, ev(places=(UKRAINE,), date=day("2025-11-25"), actor="RU"))
    b = mention(2, ev(places=(UKRAINE,), date=day("2025-11-25"), actor="UA"))
    assert len(groups(a, b)) == 2


def test_two_events_of_one_article_never_merge() -> None:
    art = "ab" * 32
    a = mention(1, ev(places=(KYIV,), date=day("2025-11-25")), article=art, seq=0)
    b = mention(1, ev(places=(KYIV,), date=day("2025-11-25")), article=art, seq=1)
    assert len(cluster([a, b])) == 2


def test_undated_report_joins_by_publication_date() -> None:
    dated = mention(1, ev(places=(KYIV,), date=day("2025-11-25")))
    undated = mention(2, ev(places=(KYIV,)), published="2025-11-26")
    much_later = mention(3, ev(places=(KYIV,)), published="2025-12-20")
    assert groups(dated, undated, much_later) == [{"doc-1", "doc-2"}, {"doc-3"}]


def test_undated_unpublished_ambiguous_report_is_not_guessed_into_a_cluster() -> None:
    a = mention(1, ev(places=(KYIV,), date=day("2025-11-10")))
    b = mention(2, ev(places=(KYIV,), date=day("2025-11-25")))
    loose = mention(3, ev(places=(KYIV,)), published=None)
    assert {"doc-3"} in groups(a, b, loose)


def talks(venue: str, country: str, d: str | None, **kw: object) -> Event:
    return ev(kind="talks", venue=Venue(venue, country), date=day(d) if d else None, **kw)


def test_talks_rounds_and_venues() -> None:
    r2 = mention(1, talks("Istanbul", "TR", "2025-06-02", round=2))
    r2b = mention(2, talks("Turkey", "TR", "2025-06-02"))
    r1 = mention(3, talks("Istanbul", "TR", "2025-05-16", round=1), published="2025-05-16")
    geneva = mention(4, talks("Geneva", "CH", "2025-06-02"))
    assert groups(r2, r2b, r1, geneva) == [{"doc-1", "doc-2"}, {"doc-3"}, {"doc-4"}]


def test_talks_status_is_the_furthest_reported() -> None:
    a = mention(1, talks("Geneva", "CH", "2025-11-23", status="planned"), published="2025-11-22")
    b = mention(2, talks("Geneva", "CH", "2025-11-23", status="held"), published="2025-11-24")
    c = mention(3, talks("Geneva", "CH", "2025-11-23", status="ongoing"), published="2025-11-25")
    (canon,) = reconcile_mentions([a, b, c])
    assert canon.status == "held" and len(canon.sources) == 3


def test_plan_versions_and_counterproposals_stay_apart() -> None:
    p28 = mention(1, ev(kind="proposal", name="28-point plan", points=28, proposer="US"))
    p28b = mention(2, ev(kind="proposal", name="28-point draft", points=28))
    p19 = mention(3, ev(kind="proposal", name="19-point framework", points=19, revises_points=28))
    counter = mention(4, ev(kind="proposal", name="European counterproposal", proposer="EU"))
    assert groups(p28, p28b, p19, counter) == [{"doc-1", "doc-2"}, {"doc-3"}, {"doc-4"}]


def test_commitments_by_scope() -> None:
    energy = mention(
        1, ev(kind="commitment", scope="pause on strikes against energy infrastructure", by="RU")
    )
    grid = mention(2, ev(kind="commitment", scope="moratorium on attacks on the power grid"))
    sea = mention(3, ev(kind="commitment", scope="safe navigation in the Black Sea"))
    assert groups(energy, grid, sea) == [{"doc-1", "doc-2"}, {"doc-3"}]


# --- the canonical record -----------------------------------------------------------------------


def barrage(n: int, killed: Count, missiles: Count, published: str, place: Place = KYIV) -> Mention:
    return mention(
        n,
        ev(
            places=(place,),
            date=day("2025-11-24", "2025-11-25", "days"),
            actor="RU",
            killed=killed,
            weapons=(Weapon("missile", None, missiles), Weapon("drone", "Shahed", Count.exact(464))),
            targets=("energy",),
        ),
        published=published,
    )


def test_canonical_event_keeps_every_source_and_flags_the_dispute() -> None:
    a = barrage(1, Count.exact(6), Count.exact(22), "2025-11-25")
    b = barrage(2, Count.at_least(7), Count.approx(48), "2025-11-25T18:30:00+00:00")
    (canon,) = reconcile_mentions([a, b])
    assert canon.sources == ("Outlet 1", "Outlet 2")
    assert canon.places == (KYIV,) and canon.actor == "RU" and canon.targets == ("energy",)
    assert "missile.launched" in canon.disputed
    # the only drone entry of a report is that report's drone total, and its model figure
    assert canon.best("drone.launched") == 464 and canon.best("drone:Shahed.launched") == 464
    d = canon.to_dict()
    assert {m["source"] for m in d["mentions"]} == {"Outlet 1", "Outlet 2"}
    assert {c["figure"] for c in d["figures"]["missile.launched"]["competing"]} == {"22", "about 48"}


def test_models_are_not_summed_into_a_total() -> None:
    e = ev(
        places=(KYIV,),
        date=day("2025-11-25"),
        weapons=(
            Weapon("missile", "Kh-101", Count.exact(10)),
            Weapon("missile", "Iskander-M", Count.exact(12)),
        ),
    )
    (canon,) = reconcile_mentions([mention(1, e)])
    assert canon.figure("missile.launched") is None
    assert canon.best("missile:Kh-101.launched") == 10


def test_country_place_is_dropped_when_a_city_is_known() -> None:
    a = mention(1, ev(places=(UKRAINE,), date=day("2025-11-25"), actor="RU"))
    b = mention(2, ev(places=(KYIV,), date=day("2025-11-25"), actor="RU"))
    (canon,) = reconcile_mentions([a, b])
    assert canon.places == (KYIV,)


def _corpus() -> list[Mention]:
    out = []
    for n, (place, d) in enumerate(
        [
            (KYIV, "2025-11-25"),
            (KYIV_DISTRICT, "2025-11-25"),
            (KHARKIV, "2025-11-25"),
            (KHARKIV, "2025-11-23"),
            (UKRAINE, "2025-11-25"),
            (KYIV, "2025-11-29"),
            (KHARKIV_OBLAST, "2025-11-23"),
        ]
    ):
        out.append(
            mention(
                n,
                ev(places=(place,), date=day(d), actor="RU", killed=Count.exact(n + 1)),
                published=f"2025-11-{26 + n % 3}",
            )
        )
    out.append(mention(20, talks("Geneva", "CH", "2025-11-23")))
    out.append(mention(21, talks("Geneva", "CH", None), published="2025-11-24"))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_same_reports_in_any_order_give_the_same_events(seed: int) -> None:
    reports = _corpus()
    expected = [e.to_dict() for e in reconcile_mentions(reports)]
    shuffled = reports[:]
    random.Random(seed).shuffle(shuffled)
    assert [e.to_dict() for e in reconcile_mentions(shuffled)] == expected


def test_ids_come_from_the_first_report_so_later_reports_keep_them() -> None:
    first = barrage(1, Count.exact(6), Count.exact(22), "2025-11-25")
    (before,) = reconcile_mentions([first])
    later = barrage(2, Count.at_least(7), Count.approx(48), "2025-11-26")
    (after,) = reconcile_mentions([first, later])
    assert before.id == after.id and before.id.startswith("attack-")


@pytest.mark.parametrize("day", [dt.date.min, dt.date.max])
def test_a_date_at_the_edge_of_the_calendar_gives_a_window_not_an_overflow(day: dt.date) -> None:
    from peacewatch.reconcile.match import window

    ev = Event(kind="attack", evidence=(), confidence=0.5, date=DateSpan(day, day, "day"))
    w = window(ev, None)
    assert w is not None and w.start <= day <= w.end
    undated = Event(kind="talks", evidence=(), confidence=0.5)  # ten days either side of the day
    assert window(undated, day) is None
