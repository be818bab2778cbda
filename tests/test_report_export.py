"""Exports (``peacewatch export``): ACLED-style CSV, GeoJSON (RFC 7946), Parquet with the full record.

On the four seed articles and the demo corpus: the CSV opens in pandas with ACLED's
columns then ours, one row per event and place, counts split so they still sum; the
GeoJSON passes a schema and the RFC's own rules (lon/lat order, ranges, no crs); the
Parquet reads back into exactly ``CanonicalEvent.to_dict()``; filters and errors.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner, Result

import peacewatch.cli.report  # noqa: F401  (registers brief and export)
from peacewatch import api, report
from peacewatch.cli import app
from peacewatch.records import Place
from peacewatch.report import acled

pytestmark = pytest.mark.usefixtures("isolated_env")

ACLED = [
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "country", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities",
]  # fmt: skip
OURS = [
    "injured_best", "killed_low", "killed_high", "missiles_launched", "missiles_intercepted", "drones_launched",
    "drones_intercepted", "source_urls",
]  # fmt: skip

# RFC 7946 as far as these exports use it: Point / MultiPoint / null geometries, [lon, lat] positions
_POSITION = {
    "type": "array",
    "minItems": 2,
    "maxItems": 3,
    "prefixItems": [
        {"type": "number", "minimum": -180, "maximum": 180},
        {"type": "number", "minimum": -90, "maximum": 90},
    ],
    "items": {"type": "number"},
}
GEOJSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "not": {"anyOf": [{"required": ["crs"]}, {"required": ["geometry"]}, {"required": ["properties"]}]},
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "properties": {"type": ["object", "null"]},
                    "geometry": {
                        "oneOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "required": ["type", "coordinates"],
                                "properties": {"type": {"const": "Point"}, "coordinates": _POSITION},
                            },
                            {
                                "type": "object",
                                "required": ["type", "coordinates"],
                                "properties": {
                                    "type": {"const": "MultiPoint"},
                                    "coordinates": {"type": "array", "items": _POSITION},
                                },
                            },
                        ]
                    },
                },
            },
        },
    },
}


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev" / "seeds.articles.jsonl"
    if not seeds.is_file():
        pytest.skip(f"the shared seeds are absent ({seeds})")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    api.ingest([str(seeds)], db=db)
    return db


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    api.demo(db)
    return db


# --- CSV ---------------------------------------------------------------------------------------------


def test_csv_opens_in_pandas_with_acled_columns(
    runner: CliRunner, seeds_db: str, demo_db: str, tmp_path: Path
) -> None:
    pd = pytest.importorskip("pandas", reason="the CSV check reads the file with pandas")
    for db in (seeds_db, demo_db):
        out = tmp_path / "events.csv"
        result = run(runner, "export", "--format", "csv", "-o", str(out), "--db", db)
        assert result.exit_code == 0, result.stderr
        df = pd.read_csv(out)
        assert list(df.columns[: len(ACLED)]) == ACLED
        assert set(OURS) <= set(df.columns)
        assert list(df.columns) == list(acled.COLUMNS)
        events = api.canonical(db)
        assert set(df["canonical_id"]) == {e.id for e in events}
        assert len(df) == sum(max(1, len(e.places)) if e.kind == "attack" else 1 for e in events)
        assert df["event_id_cnty"].is_unique
        assert f"wrote {len(df)} rows" in result.stderr
        # fatalities: ACLED's conservative figure, 0 when none was reported; sums are kept
        killed = sum((f.conservative or 0) for e in events if (f := e.figure("killed")))
        assert df["fatalities"].sum() == killed
        assert set(df["event_type"]) <= {"Explosions/Remote violence", "Strategic developments"}


def test_csv_rows_of_the_kyiv_attack(demo_db: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="the CSV check reads the file with pandas")
    out = tmp_path / "attacks.csv"
    report.export(
        demo_db, "csv", out, report.ExportFilters.parse(kind="attack", since="2025-11-25", until="2025-11-25")
    )
    df = pd.read_csv(out, dtype={"admin2": str, "source_scale": str})
    kyiv = df[df["location"] == "Kyiv"].iloc[0]
    # "KYIV, Nov 25 (Wire) - Russia attacked Kyiv … overnight": the night into the 25th, a span of two
    # days (ACLED's precision 2), dated by its last day
    assert kyiv["event_date"] == "2025-11-25" and kyiv["year"] == 2025 and kyiv["time_precision"] == 2
    assert kyiv["country"] == "Ukraine" and kyiv["event_id_cnty"].startswith("UKR-attack-")
    assert kyiv["actor1"] == "Military Forces of Russia (2000-)" and kyiv["actor2"] == "Civilians (Ukraine)"
    assert (kyiv["event_type"], kyiv["sub_event_type"]) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert (
        abs(kyiv["latitude"] - 50.45) < 0.1
        and abs(kyiv["longitude"] - 30.52) < 0.1
        and kyiv["geo_precision"] == 1
    )
    assert kyiv["fatalities"] == 7 and kyiv["killed_low"] == 7 and kyiv["injured_best"] == 20
    assert (
        kyiv["missiles_launched"] == 22
        and kyiv["drones_launched"] == 464
        and kyiv["drones_intercepted"] == 438
    )
    assert "Black Sea Wire" in kyiv["source"] and "https://kyiv-ledger.example/" in kyiv["source_urls"]
    assert "Sources disagree on missiles launched" in kyiv["notes"] and kyiv["disputed"] == "missile.launched"
    rostov = df[df["location"] == "Rostov Oblast"].iloc[0]
    assert rostov["country"] == "Russia" and rostov["geo_precision"] == 3
    assert rostov["actor1"] == "Military Forces of Ukraine (2019-)"
    assert rostov["sub_event_type"] == "Air/drone strike"  # drones named, no missile


def test_one_row_per_place_with_counts_split(demo_db: str) -> None:
    kyiv = next(e for e in api.canonical(demo_db, kind="attack") if e.places[0].name == "Kyiv")
    odesa = Place("Odesa", "Odesa Oblast", "UA", 46.48572, 30.74383, "city")
    two = dataclasses.replace(kyiv, places=(*kyiv.places, odesa))
    rows = list(acled.rows(two))
    assert [r["location"] for r in rows] == ["Kyiv", "Odesa"]
    assert [r["event_id_cnty"][-2:] for r in rows] == ["-1", "-2"]
    assert [r["fatalities"] for r in rows] == [4, 3]  # 7 split evenly, remainder first
    assert [r["drones_launched"] for r in rows] == [232, 232]
    assert {r["canonical_id"] for r in rows} == {kyiv.id}


def test_talks_map_to_strategic_developments(seeds_db: str) -> None:
    talks = next(e for e in api.canonical(seeds_db, kind="talks") if e.venue and e.venue.name == "Abu Dhabi")
    (row,) = acled.rows(talks)
    assert (row["event_type"], row["sub_event_type"]) == ("Strategic developments", "Agreement")
    assert {row["actor1"], row["actor2"]} == {"Government of Russia (2000-)", "Government of Ukraine (2019-)"}
    assert row["country"] == "United Arab Emirates" and row["location"] == "Abu Dhabi" and row["latitude"]
    assert row["fatalities"] == 0 and "mediated by United States" in row["notes"]


# --- GeoJSON ----------------------------------------------------------------------------------------


def check_rfc7946(fc: dict[str, Any]) -> None:
    jsonschema.validate(fc, GEOJSON_SCHEMA)
    for feat in fc["features"]:
        g = feat["geometry"]
        if g is None:
            continue
        positions = [g["coordinates"]] if g["type"] == "Point" else g["coordinates"]
        assert positions, "a MultiPoint needs positions"
        for lon, lat in positions:
            assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_validates(runner: CliRunner, seeds_db: str, demo_db: str, tmp_path: Path) -> None:
    for db in (seeds_db, demo_db):
        out = tmp_path / "events.geojson"
        result = run(runner, "export", "--format", "geojson", "-o", str(out), "--db", db)
        assert result.exit_code == 0, result.stderr
        fc = json.loads(out.read_text(encoding="utf-8"))
        check_rfc7946(fc)
        events = api.canonical(db)
        assert [f["id"] for f in fc["features"]] == [e.id for e in events]
        kyiv = next(f for f in fc["features"] if f["properties"]["places"][:1] == ["Kyiv"])
        lon, lat = kyiv["geometry"]["coordinates"]
        assert 30 < lon < 31 and 50 < lat < 51  # [longitude, latitude], not the other way round
        assert kyiv["properties"]["killed_best"] == 7
        assert (
            kyiv["properties"]["sources"] and kyiv["properties"]["event_type"] == "Explosions/Remote violence"
        )
    # the schema does catch the classic mistake
    bad = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [50.45, 130.52]}}]}  # fmt: skip
    with pytest.raises(jsonschema.ValidationError):
        check_rfc7946(bad)


# --- Parquet ---------------------------------------------------------------------------------------


def test_parquet_round_trips(runner: CliRunner, seeds_db: str, demo_db: str, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow", reason="the Parquet export needs pyarrow")
    from peacewatch.report.parquet import read_parquet

    for db in (seeds_db, demo_db):
        out = tmp_path / "events.parquet"
        result = run(runner, "export", "--format", "parquet", "-o", str(out), "--db", db)
        assert result.exit_code == 0, result.stderr
        original = [e.to_dict() for e in api.canonical(db)]
        assert read_parquet(out) == original
        assert json.dumps(read_parquet(out), sort_keys=True) == json.dumps(original, sort_keys=True)


def test_parquet_is_typed_for_other_tools(demo_db: str, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas", reason="pandas reads the Parquet back")
    pytest.importorskip("pyarrow", reason="the Parquet export needs pyarrow")
    import pyarrow.parquet as pq

    out = tmp_path / "events.parquet"
    report.export(demo_db, "parquet", out, report.ExportFilters.parse(kind="attack"))
    table = pq.read_table(out)
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("figures").type).startswith("list<element: struct<field: string")
    df = pd.read_parquet(out)
    assert set(df["kind"]) == {"attack"} and len(df) == len(api.canonical(demo_db, kind="attack"))


# --- filters and errors ----------------------------------------------------------------------------


def test_filters(demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.geojson"

    def ids(**kw: str) -> set[str]:
        report.export(demo_db, "geojson", out, report.ExportFilters.parse(**kw))
        return {f["id"] for f in json.loads(out.read_text(encoding="utf-8"))["features"]}

    events = api.canonical(demo_db)
    assert ids() == {e.id for e in events}
    assert ids(kind="talks") == {e.id for e in events if e.kind == "talks"}
    russia = ids(country="ru")
    assert russia and all(
        any(p.country == "RU" for p in e.places) or (e.venue and e.venue.country == "RU")
        for e in events
        if e.id in russia
    )
    nov25 = ids(since="2025-11-25", until="2025-11-25")
    kyiv = next(e for e in events if e.kind == "attack" and e.places[0].name == "Kyiv")
    february = [e.id for e in events if e.date.start and e.date.start.year == 2026]
    assert kyiv.id in nov25 and february and not nov25 & set(february)
    assert all(e.date.start is not None for e in events if e.id in nov25)  # undated events are left out


def test_export_usage_errors(runner: CliRunner, demo_db: str, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    for args in (
        ("--format", "xlsx"),
        ("--kind", "battle"),
        ("--country", "Ukraine"),
        ("--since", "2025-13-01"),
        ("--since", "2025-12-01", "--until", "2025-11-01"),
    ):
        result = run(runner, "export", "-o", str(out), "--db", demo_db, *args)
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr.startswith("peacewatch: error:")
    assert not out.exists()
    nowhere = run(runner, "export", "-o", str(tmp_path / "no" / "such" / "x.csv"), "--db", demo_db)
    assert nowhere.exit_code == 2 and "does not exist" in nowhere.stderr
    missing = run(runner, "export", "-o", str(out), "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 4 and not out.exists()
    assert list(tmp_path.glob(".*.tmp")) == []  # no half-written file left behind
