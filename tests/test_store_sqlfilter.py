"""The one filter builder per selection (``peacewatch.store.sqlfilter``), without a database:
each dialect gets its own fragments and parameters, in placeholder order, from the same rules.
That the SQL selects the right rows on real databases is ``test_store.py`` and
``test_store_paging.py``."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import pytest

from peacewatch.store.base import official_diff
from peacewatch.store.paging import CanonicalFilter
from peacewatch.store.sqlfilter import (
    POSTGRES,
    SQLITE,
    Dialect,
    canonical_events_where,
    canonical_where,
    events_where,
    official_where,
)

DIALECTS = [SQLITE, POSTGRES]


def _marks(d: Dialect, sql: str) -> int:
    """Placeholders in ``sql`` (a PostgreSQL ``%%`` is a literal percent sign, not one)."""
    return sql.replace("%%", "").count(d.mark)


def test_no_filter_is_no_where() -> None:
    for d in DIALECTS:
        assert events_where(d) == ("", [])
        assert canonical_events_where(d) == ("", [])
        assert canonical_where(d, CanonicalFilter()) == ("", [])
        assert canonical_where(d, CanonicalFilter(q="   ")) == ("", [])  # no words, no test
        assert official_where(d, night_from=None, night_to=None, current_only=False, as_of=None) == ("", [])


def test_events_filter_differs_only_in_placeholders() -> None:
    kw: dict[str, Any] = {
        "kind": "attack",
        "place": "Kyi_v",
        "country": " ua ",
        "since": dt.date(2025, 1, 1),
        "until": dt.date(2025, 2, 1),
        "article_id": 7,
    }
    sql, params = events_where(SQLITE, **kw)
    assert sql == (
        " WHERE e.kind = ?"
        " AND EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id"
        " AND (p.name_fold LIKE ? ESCAPE '\\' OR p.admin1_fold LIKE ? ESCAPE '\\'))"
        " AND EXISTS (SELECT 1 FROM event_places p WHERE p.event_id = e.id AND p.country = ?)"
        " AND COALESCE(e.date_end, e.date_start) >= ? AND COALESCE(e.date_start, e.date_end) <= ?"
        " AND e.article_id = ?"
    )
    # folded, LIKE wildcards taken literally; ISO2 upper-cased; days as ISO text
    assert params == ["attack", "%kyi\\_v%", "%kyi\\_v%", "UA", "2025-01-01", "2025-02-01", 7]
    assert events_where(POSTGRES, **kw) == (sql.replace("?", "%s"), params)


def test_canonical_ids_are_a_list_of_marks_or_one_array() -> None:
    assert canonical_events_where(SQLITE, kind="talks", ids=["a", "b"]) == (
        " WHERE c.kind = ? AND c.id IN (?, ?)",
        ["talks", "a", "b"],
    )
    assert canonical_events_where(POSTGRES, kind="talks", ids=["a", "b"]) == (
        " WHERE c.kind = %s AND c.id = ANY(%s::text[])",
        ["talks", ["a", "b"]],
    )


def test_place_folds_in_python_on_sqlite_and_in_the_server_on_postgres() -> None:
    sql, params = canonical_where(SQLITE, CanonicalFilter(place="Straße"))
    assert sql.startswith(
        " WHERE (c.id IN (SELECT p.canonical_id FROM canonical_places p"
        " WHERE (instr(p.name_fold, ?) > 0 OR instr(p.admin1_fold, ?) > 0))"
        " OR EXISTS (SELECT 1 FROM json_each(c.data, '$.places') jp"
    )
    assert "instr(pw_fold(json_extract(jp.value, '$.district')), ?) > 0" in sql
    assert params == ["strasse"] * 3

    sql, params = canonical_where(POSTGRES, CanonicalFilter(place="Straße"))
    assert sql.startswith(
        " WHERE (EXISTS (SELECT 1 FROM canonical_places p WHERE p.canonical_id = c.id"
        " AND (strpos(p.name_fold, %s) > 0 OR strpos(p.admin1_fold, %s) > 0))"
    )
    assert 'LIKE \'%%"district":"%%\'' in sql  # a literal % is doubled for psycopg
    assert "strpos(lower(normalize(jp->>'district', NFKC)), lower(normalize(%s, NFKC))) > 0" in sql
    assert params == ["strasse", "strasse", "Straße"]  # the district side is folded by the server


def test_admin1_and_country_use_each_backends_place_lookup() -> None:
    f = CanonicalFilter(admin1="Kyiv", country="ua")
    assert canonical_where(SQLITE, f) == (
        " WHERE c.id IN (SELECT p.canonical_id FROM canonical_places p WHERE instr(p.admin1_fold, ?) > 0)"
        " AND c.id IN (SELECT p.canonical_id FROM canonical_places p WHERE p.country = ?)",
        ["kyiv", "UA"],
    )
    assert canonical_where(POSTGRES, f) == (
        " WHERE EXISTS (SELECT 1 FROM canonical_places p WHERE p.canonical_id = c.id"
        " AND strpos(p.admin1_fold, %s) > 0)"
        " AND EXISTS (SELECT 1 FROM canonical_places p WHERE p.canonical_id = c.id AND p.country = %s)",
        ["kyiv", "UA"],
    )


def test_actor_reads_the_json_record() -> None:
    f = CanonicalFilter(actor=" ru")
    assert canonical_where(SQLITE, f) == (
        " WHERE (json_extract(c.data, '$.actor') = ? OR json_extract(c.data, '$.by') = ?"
        " OR json_extract(c.data, '$.proposer') = ?"
        " OR EXISTS (SELECT 1 FROM json_each(c.data, '$.parties') jp WHERE jp.value = ?))",
        ["RU"] * 4,
    )
    assert canonical_where(POSTGRES, f) == (
        " WHERE (SELECT COALESCE(d->>'actor' = %s, false) OR COALESCE(d->>'by' = %s, false)"
        " OR COALESCE(d->>'proposer' = %s, false)"
        " OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(COALESCE(d->'parties', '[]')) x WHERE x = %s)"
        " FROM (SELECT c.data::jsonb AS d) j)",
        ["RU"] * 4,
    )


def test_words_are_one_python_call_on_sqlite_and_one_test_each_on_postgres() -> None:
    f = CanonicalFilter(q="Drone  STRIKE", min_killed=2)
    assert canonical_where(SQLITE, f) == (
        " WHERE c.killed >= ? AND pw_words(c.data, ?) = 1",
        [2, "drone\x00strike"],
    )
    sql, params = canonical_where(POSTGRES, f)
    assert sql.startswith(" WHERE c.killed >= %s AND (SELECT strpos(h, lower(normalize(%s, NFKC))) > 0")
    assert sql.count("strpos(h, ") == 2
    assert params == [2, "Drone", "STRIKE"]


def test_pages() -> None:
    assert SQLITE.page(None, 0) == ("", [])
    assert SQLITE.page(None, 5) == (" LIMIT -1 OFFSET ?", [5])
    assert SQLITE.page(10, 20) == (" LIMIT ? OFFSET ?", [10, 20])
    assert POSTGRES.page(None, 0) == (" LIMIT %s OFFSET %s", [None, 0])
    assert POSTGRES.page(10, 20) == (" LIMIT %s OFFSET %s", [10, 20])


def test_official_rows_as_of_an_import() -> None:
    kw: dict[str, Any] = {"night_from": dt.date(2025, 3, 1), "night_to": None, "current_only": True}
    assert official_where(SQLITE, **kw, as_of=4) == (
        " WHERE import_id <= ? AND (superseded_by IS NULL OR superseded_by > ?) AND night >= ?",
        [4, 4, "2025-03-01"],
    )
    assert official_where(POSTGRES, **kw, as_of=None) == (
        " WHERE superseded_by IS NULL AND night >= %s",
        ["2025-03-01"],
    )


_FILTERS = [
    CanonicalFilter(**dict(kw))
    for kw in itertools.chain.from_iterable(
        itertools.combinations(
            [
                ("kind", "talks"),
                ("place", "Genève"),
                ("admin1", "x"),
                ("country", "ch"),
                ("actor", "ua"),
                ("since", dt.date(2025, 1, 1)),
                ("until", dt.date(2025, 5, 1)),
                ("min_killed", 0),
                ("q", "talks venue"),
            ],
            n,
        )
        for n in (1, 2, 9)
    )
]


@pytest.mark.parametrize("d", DIALECTS, ids=["sqlite", "postgres"])
def test_every_placeholder_has_its_parameter(d: Dialect) -> None:
    for f in _FILTERS:
        sql, params = canonical_where(d, f)
        assert _marks(d, sql) == len(params), f
    sql, params = events_where(d, kind="attack", place="a", country="ua", article_id=1)
    assert _marks(d, sql) == len(params) == 5


@dataclass(frozen=True)
class _Row:
    row_key: str
    line: int = 1


def test_official_diff_counts_new_changed_unchanged_and_removed() -> None:
    current = {"a": (1, "ha"), "b": (2, "hb"), "gone": (3, "hg")}
    incoming: list[tuple[Any, str]] = [(_Row("a"), "ha"), (_Row("b"), "hb2"), (_Row("c"), "hc")]
    partial = official_diff(current, incoming, full=False)
    assert [(r.row_key, h) for r, h in partial.write] == [("b", "hb2"), ("c", "hc")]
    assert (partial.supersede, partial.new, partial.changed, partial.unchanged, partial.removed) == (
        [2],
        1,
        1,
        1,
        0,
    )
    full = official_diff(current, incoming, full=True)
    assert (full.supersede, full.removed) == ([2, 3], 1)
