"""Versioned imports of the Air Force series, through ``import_official`` and the store.

The tests taking ``db`` run against both backends (a SQLite file, a PostgreSQL database).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

import pgserver
from peacewatch.analyse import import_official, nightly, read_airforce_csv
from peacewatch.errors import EmptyInput, StoreError
from peacewatch.store import open_store
from peacewatch.store.base import OfficialImportMeta

DATA = Path(__file__).resolve().parent / "data" / "official"
SAMPLE = DATA / "sample.csv"
KALIBR_LINE = "2025-11-24 18:00,2025-11-25 10:00,Kalibr,Black Sea,Ukraine,,8.0,5.0,"
D = dt.date


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """A database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    return tmp_path / "pw.db" if request.param == "sqlite" else pgserver.database(request)


def edited(tmp_path: Path, change: Callable[[str], str | None] | None = None) -> Path:
    """The sample with its Kalibr row edited (by default 8 → 9 launched, 5 → 6 destroyed)
    or deleted (``change`` returns None), as the series' maintainer does."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (i,) = [n for n, line in enumerate(lines) if line.startswith(KALIBR_LINE)]
    new = (change or (lambda line: line.replace(",8.0,5.0,", ",9.0,6.0,")))(lines[i])
    lines[i : i + 1] = [] if new is None else [new]
    path = tmp_path / "missile_attacks_daily.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_import_then_reimport_adds_nothing(db: str | Path) -> None:
    first = import_official(SAMPLE, db)
    assert (first.new, first.changed, first.unchanged, first.removed, first.recorded) == (21, 0, 0, 0, True)
    again = import_official(SAMPLE, db)
    assert (again.import_id, again.new, again.changed, again.unchanged, again.recorded) == (
        first.import_id,
        0,
        0,
        21,
        False,
    )
    with open_store(db) as store:
        assert len(store.official_imports()) == 1
        assert len(store.official_rows(current_only=False)) == 21
        imp = store.official_imports()[0]
        assert (imp.file_name, imp.row_count, imp.problems, imp.full) == ("sample.csv", 21, 0, True)
        assert imp.sha256 == read_airforce_csv(SAMPLE).sha256


def test_reexport_with_other_number_formatting_is_not_an_edit(tmp_path: Path, db: str | Path) -> None:
    import_official(SAMPLE, db)
    text = SAMPLE.read_text(encoding="utf-8").replace("464.0,438.0", "464,438")
    (tmp_path / "reexport.csv").write_text(text, encoding="utf-8")
    result = import_official(tmp_path / "reexport.csv", db)
    assert (result.new, result.changed, result.recorded) == (0, 0, False)


def test_edited_past_row_keeps_both_versions(tmp_path: Path, db: str | Path) -> None:
    first = import_official(SAMPLE, db)
    second = import_official(edited(tmp_path), db)
    assert (second.new, second.changed, second.unchanged, second.removed) == (0, 1, 20, 0)
    assert second.import_id != first.import_id

    with open_store(db) as store:
        current = store.official_rows(D(2025, 11, 25), D(2025, 11, 25))
        kalibr = next(r for r in current if r.model == "Kalibr")
        assert (kalibr.launched, kalibr.destroyed, kalibr.version, kalibr.current) == (9, 6, 2, True)
        versions = store.official_row_versions(kalibr.row_key)
        assert [(v.version, v.launched, v.import_id, v.superseded_by) for v in versions] == [
            (1, 8, first.import_id, second.import_id),
            (2, 9, second.import_id, None),
        ]
        assert versions[0].raw["launched"] == "8.0" and versions[1].raw["launched"] == "9.0"
        assert len(store.official_rows(current_only=False)) == 22
        # the series as it stood after the first import
        as_first = store.official_rows(D(2025, 11, 25), D(2025, 11, 25), as_of=first.import_id)
        assert next(r for r in as_first if r.model == "Kalibr").launched == 8

        n25 = {n.night: n for n in nightly(store)}[D(2025, 11, 25)]
        assert n25.by_kind["missile"] == (23, 15)
        old = {n.night: n for n in nightly(store, as_of=first.import_id)}[D(2025, 11, 25)]
        assert old.by_kind["missile"] == (22, 14)

    # importing the first file again makes its figures current again, as a third version
    third = import_official(SAMPLE, db)
    assert (third.changed, third.recorded) == (1, True)
    with open_store(db) as store:
        key = next(r.row_key for r in store.official_rows() if r.model == "Kalibr")
        assert [v.launched for v in store.official_row_versions(key)] == [8, 9, 8]


def test_rows_missing_from_a_full_import_are_removed_but_kept(tmp_path: Path, db: str | Path) -> None:
    import_official(SAMPLE, db)
    smaller = edited(tmp_path, lambda line: None)  # the Kalibr row deleted by the maintainer
    partial = import_official(smaller, db, full=False)
    assert (partial.removed, partial.recorded) == (0, False)  # a partial file removes nothing
    result = import_official(smaller, db)
    assert (result.new, result.changed, result.unchanged, result.removed) == (0, 0, 20, 1)
    with open_store(db) as store:
        assert all(r.model != "Kalibr" for r in store.official_rows())
        gone = [r for r in store.official_rows(current_only=False) if r.model == "Kalibr"]
        assert len(gone) == 1 and gone[0].superseded_by == result.import_id
    assert {n.night: n for n in nightly(db)}[D(2025, 11, 25)].by_kind["missile"] == (14, 9)


def test_a_changed_identity_is_one_row_removed_and_one_added(tmp_path: Path, db: str | Path) -> None:
    import_official(SAMPLE, db)
    result = import_official(edited(tmp_path, lambda line: line.replace("Black Sea", "Caspian Sea")), db)
    assert (result.new, result.changed, result.removed) == (1, 0, 1)
    with open_store(db) as store:
        places = [r.launch_place for r in store.official_rows() if r.model == "Kalibr"]
        assert places == ["Caspian Sea"]


def test_nightly_window_and_figures(db: str | Path) -> None:
    import_official(SAMPLE, db)
    nights = nightly(db, since=D(2025, 11, 3), until=D(2025, 11, 25))
    assert [n.night for n in nights] == [D(2025, 11, 3), D(2025, 11, 15), D(2025, 11, 25)]
    n25 = nights[-1]
    assert n25.by_kind == {"drone": (464, 438), "missile": (22, 14)}
    assert n25.by_model["Shahed-136/131"] == (464, 438)
    assert n25.regional_by_model == {"Unknown UAV": (9, 9), "Reconnaissance UAV": (3, 3)}
    assert nights[1].by_kind == {} and nights[1].regional_by_kind == {"drone": (12, 12)}


def test_stored_rows_round_trip(db: str | Path) -> None:
    import_official(SAMPLE, db)
    read = {r.row_key: r for r in read_airforce_csv(SAMPLE).rows}
    with open_store(db) as store:
        stored = store.official_rows()
        assert len(stored) == 21
        for s in stored:
            r = read[s.row_key]
            assert (s.time_start, s.time_end, s.night, s.model, s.kind, s.scope) == (
                r.time_start,
                r.time_end,
                r.night,
                r.model,
                r.kind,
                r.scope,
            )
            assert (s.launched, s.destroyed, s.raw, s.line) == (r.launched, r.destroyed, r.raw, r.line)
            assert type(s.time_start) is type(r.time_start)


def test_import_accepts_an_open_store_and_refuses_an_unreadable_file(tmp_path: Path) -> None:
    with open_store(":memory:") as store:
        result = import_official(SAMPLE, store)
        assert result.new == 21 and len(nightly(store)) == 8
        header = SAMPLE.read_text(encoding="utf-8").splitlines()[0]
        (tmp_path / "none.csv").write_text(f"{header}\nyesterday{',' * 21}\n", encoding="utf-8")
        with pytest.raises(EmptyInput, match="no readable row"):
            import_official(tmp_path / "none.csv", store)
        assert len(store.official_imports()) == 1
    bad = import_official(DATA / "bad_rows.csv", tmp_path / "pw.db")
    assert (bad.new, len(bad.problems)) == (1, 7)
    with open_store(tmp_path / "pw.db") as store:
        assert store.official_imports()[0].problems == 7


def test_nightly_on_a_missing_database_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        nightly(tmp_path / "nope.db")
    assert not (tmp_path / "nope.db").exists()


def test_the_store_refuses_a_batch_it_cannot_version(tmp_path: Path) -> None:
    rows = read_airforce_csv(SAMPLE).rows
    meta = OfficialImportMeta("x.csv", "0" * 64)
    with open_store(tmp_path / "pw.db") as store:
        with pytest.raises(StoreError, match="appears twice"):
            store.add_official_import(meta, [rows[0], rows[0]])
        assert store.official_imports() == []


def test_one_current_version_per_row_is_enforced_by_the_schema(tmp_path: Path) -> None:
    db = tmp_path / "pw.db"
    import_official(SAMPLE, db)
    conn = sqlite3.connect(db)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                "INSERT INTO official_rows (row_key, version, import_id, line, time_start, time_end, night,"
                " model, kind, scope, raw, content_hash)"
                " SELECT row_key, version + 1, import_id, line, time_start, time_end, night, model, kind,"
                " scope, raw, content_hash FROM official_rows LIMIT 1"
            )
    finally:
        conn.close()
