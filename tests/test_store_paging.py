"""Pages of canonical events chosen in SQL (``Store.canonical_page``/``count_canonical``) give
exactly what the old path gave — every event rebuilt, then filtered, sorted and sliced in
Python (``web.query.select``) — on SQLite and on PostgreSQL; and the stored records rebuild
into the same ``CanonicalEvent``s and list items the old path made."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from peacewatch import api
from peacewatch.reconcile import CanonicalEvent
from peacewatch.store import Store, open_store
from peacewatch.store.paging import CANONICAL_SORTS, CanonicalFilter, haystack
from peacewatch.web import labels, views
from peacewatch.web.query import CanonicalQuery, select
from peacewatch.web.snapshot import read_snapshot

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from corpus import generate

BACKENDS = ["sqlite", "postgresql"]


def _fill(db: str, tmp: Path) -> None:
    """The demo corpus and 60 generated articles (districts, venues, parties, many outlets)."""
    api.demo(db)
    corpus = tmp / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in generate(60, words=300, seed=3)))
    api.ingest([str(corpus)], db)


@pytest.fixture(scope="module")
def sqlite_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("paging")
    db = str(tmp / "paging.db")
    _fill(db, tmp)
    return db


@pytest.fixture(scope="module", params=BACKENDS)
def store(
    request: pytest.FixtureRequest, sqlite_db: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Store]:
    if request.param == "sqlite":
        db = sqlite_db
    else:
        import pgserver

        db = pgserver.database(request)
        _fill(db, tmp_path_factory.mktemp("paging-pg"))
    s = open_store(db, create=False)
    try:
        yield s
    finally:
        s.close()


def _values(events: list[CanonicalEvent]) -> dict[str, Any]:
    """Filter values taken from the data, so every filter selects something and not everything."""
    attack = next(e for e in events if e.kind == "attack" and any(p.admin1 for p in e.places))
    district = next((p.district for e in events for p in e.places if p.district), None)
    talks = next(e for e in events if e.kind == "talks" and e.venue is not None)
    party = next(p for e in events if e.kind == "talks" for p in e.parties)
    mention = max((m for e in events for m in e.mentions if m.title), key=lambda m: len(m.title or ""))
    title_word = max((mention.title or "").split(), key=len)
    admin1 = next(p.admin1 for p in attack.places if p.admin1)
    return {
        "place_city": attack.places[0].name[1:5].upper(),
        "district": district,
        "venue": talks.venue.name if talks.venue else None,
        "admin1": (admin1 or "")[:5].lower(),
        "party": party,
        "title_word": title_word,
        "source": mention.source_name,
    }


def _cases(v: dict[str, Any]) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = [
        {},
        {"kind": "attack"},
        {"kind": "talks"},
        {"place": v["place_city"]},
        {"place": v["venue"]},
        {"admin1": v["admin1"], "kind": "attack"},
        {"country": "ua"},
        {"country": "RU"},
        {"actor": "RU"},
        {"actor": v["party"]},
        {"since": dt.date(2025, 11, 24)},
        {"until": dt.date(2025, 11, 25)},
        {"since": dt.date(2025, 11, 20), "until": dt.date(2025, 12, 31), "kind": "attack"},
        {"min_killed": 1},
        {"min_killed": 0, "country": "UA"},
        {"q": v["title_word"]},
        {"q": f"{v['source']} attack"},
        {"q": "no-such-word-anywhere"},
        {"place": "%"},  # taken literally, not as a wildcard
    ]
    if v["district"]:
        cases.append({"place": v["district"].lower()})
    return cases


def test_pages_match_the_full_scan(store: Store) -> None:
    everything = api.canonical(store)
    assert store.count_canonical(CanonicalFilter()) == len(everything) > 30
    values = _values(everything)
    by_kind = {k: [e for e in everything if k is None or e.kind == k] for k in (None, "attack", "talks")}
    selective = 0
    for case in _cases(values):
        for sort in CANONICAL_SORTS:
            q = CanonicalQuery(**case, sort=sort, limit=1000)
            expected = [e.id for e in select(by_kind[q.kind], q)]
            f = q.filter()
            got = [r.id for r in store.canonical_page(f, sort=sort)]
            assert got == expected, (case, sort)
            assert store.count_canonical(f) == len(expected), (case, sort)
            for limit, offset in ((7, 0), (7, 7), (5, max(0, len(expected) - 2)), (3, len(expected) + 5)):
                page = [r.id for r in store.canonical_page(f, sort=sort, limit=limit, offset=offset)]
                assert page == expected[offset : offset + limit], (case, sort, limit, offset)
        selective += 0 < len(expected) < len(everything)
    assert selective >= 12  # the cases above do select, not everything or nothing


def test_page_records_are_the_old_list_items(store: Store) -> None:
    """A list item built from the stored record equals the one built from the rebuilt event."""
    events = {e.id: e for e in api.canonical(store)}
    rows = store.canonical_page(CanonicalFilter(), limit=None)
    kinds = store.canonical_weapons([r.id for r in rows])
    assert any(kinds.values())
    for r in rows:
        ev = events[r.id]
        old = ev.to_dict(reports=False)
        old.pop("mentions")
        assert views.canonical_summary(r.data, kinds[r.id]) == {
            **old,
            "n_mentions": len(ev.mentions),
            "weapons": views.weapons(ev),
            "weapon_class": labels.weapon_class(views.weapons(ev)),
            "href": f"/events/{ev.id}",
        }
        assert r.event_ids == tuple(sorted(m.event_id for m in ev.mentions if m.event_id is not None))


def test_snapshot_rebuilds_what_reconcile_stored(store: Store) -> None:
    """``web.snapshot`` rebuilds each stored event from its members: equal to the full recompute."""
    snap = read_snapshot(store)
    computed = api.canonical(store)
    assert [e.to_dict() for e in snap.events] == [e.to_dict() for e in computed]
    assert snap.state == store.canonical_version()


def test_version_changes_with_what_analyses_read(store: Store) -> None:
    before = store.canonical_version()
    assert store.canonical_version() == before
    api.add_commitment("Test pause", "energy infrastructure", "2025-12-01", db=store)
    assert store.canonical_version() != before


def test_haystack_of_a_stored_record_is_the_events(sqlite_db: str) -> None:
    """The words filter reads the stored record as the web's ``haystack`` reads the event."""
    from peacewatch.web.query import haystack as event_haystack

    events = api.canonical(sqlite_db)
    assert {e.kind for e in events} == {"attack", "talks", "proposal", "commitment"}
    for ev in events:
        assert haystack(ev.to_dict()) == event_haystack(ev)


def test_bad_sort_and_kind_are_usage_errors(store: Store) -> None:
    from peacewatch.errors import UsageError

    with pytest.raises(UsageError):
        store.canonical_page(CanonicalFilter(), sort="nonsense")
    with pytest.raises(UsageError):
        CanonicalFilter(kind="battle")
    with pytest.raises(UsageError):
        store.canonical_page(CanonicalFilter(), limit=-1)
