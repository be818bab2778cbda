"""Reading the Air Force series, the night rule, the model table and the comparison rule."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from peacewatch.analyse import (
    DEFAULT_TOLERANCE,
    MODEL_TABLE,
    NewsFigure,
    NightFigures,
    Tolerance,
    compare,
    figures_by_night,
    model_kind,
    night_of,
    read_airforce_csv,
)
from peacewatch.analyse.official import parse_count, parse_time, row_key, scope_of
from peacewatch.errors import DecodeError, EmptyInput, InputError, MalformedInput, UnreadableInput
from peacewatch.records import Count

DATA = Path(__file__).resolve().parent / "data" / "official"
SAMPLE = DATA / "sample.csv"
REAL = (
    Path(__file__).resolve().parents[1].parent / "shared" / "data" / "airforce" / "missile_attacks_daily.csv"
)

# Model names of the real series that no line of the table claims (none today).
KNOWN_UNKNOWN_MODELS: frozenset[str] = frozenset()

D = dt.date
T = dt.datetime
NOV_25 = D(2025, 11, 25)


def real_file() -> Path:
    if not REAL.exists():
        pytest.skip(f"the real Air Force series is not at {REAL} (../shared is missing)")
    return REAL


# --- reading ------------------------------------------------------------------------------


def test_sample_rows_and_quirks() -> None:
    read = read_airforce_csv(SAMPLE)
    assert read.problems == ()
    assert len(read.rows) == 21 and read.file_name == "sample.csv" and len(read.sha256) == 64
    by = {(r.model, r.time_start): r for r in read.rows}

    shahed = by["Shahed-136/131", T(2025, 11, 24, 18, 0)]
    assert (shahed.launched, shahed.destroyed) == (464, 438)  # "464.0" read as a whole number
    assert shahed.time_end == T(2025, 11, 25, 10, 0) and shahed.night == D(2025, 11, 25)
    assert shahed.kind == "drone" and shahed.scope == "national"
    assert shahed.raw["launched"] == "464.0" and shahed.raw["affected region"] == ""
    assert shahed.line == 4

    molnia = by["Молнія", D(2025, 11, 15)]
    assert molnia.kind == "drone" and molnia.scope == "regional"
    assert molnia.time_start == molnia.time_end == molnia.night == D(2025, 11, 15)
    assert type(molnia.time_start) is dt.date  # a bare date stays a date

    group = by["X-101/X-555 and Kalibr and Iskander-M/KN-23", D(2025, 2, 20)]
    assert group.kind == "missile" and (group.launched, group.destroyed) == (14, None)
    assert group.time_end == T(2025, 2, 20, 10, 0)

    one_digit = by["X-59/X-69", T(2025, 1, 31, 9, 0)]  # "9:00" and "11:00 " (trailing space)
    assert one_digit.time_end == T(2025, 1, 31, 11, 0)

    empty = by["Картограф", D(2024, 10, 15)]
    assert (empty.launched, empty.destroyed) == (None, None) and empty.kind == "drone"
    assert by["Aerial Bomb", D(2024, 10, 15)].kind == "glide_bomb"
    assert len({r.row_key for r in read.rows}) == 21


def test_bad_rows_are_problems_not_exceptions() -> None:
    read = read_airforce_csv(DATA / "bad_rows.csv")
    assert [r.source for r in read.rows] == ["kpszsu/posts/ok"]
    reasons = {p.source: p.reason for p in read.problems}
    assert reasons == {
        "bad_rows.csv:3": "unreadable time 'yesterday'",
        "bad_rows.csv:4": "unreadable time '2025-13-45'",
        "bad_rows.csv:5": "launched is negative: '-5.0'",
        "bad_rows.csv:6": "launched is not a number: 'three'",
        "bad_rows.csv:7": "no model",
        "bad_rows.csv:8": "ends (2025-11-24 10:00) before it starts",
        "bad_rows.csv:9": "4 fields where the header has 22",
    }
    assert {(p.stage, p.code) for p in read.problems} == {("parse", "PW206")}


def test_file_errors_are_input_errors_with_one_line(tmp_path: Path) -> None:
    cases: list[tuple[Path, type[InputError]]] = [(tmp_path / "missing.csv", UnreadableInput)]
    cases.append((tmp_path, UnreadableInput))
    (tmp_path / "latin1.csv").write_bytes("time_start,model\nМолнія".encode("cp1251"))
    cases.append((tmp_path / "latin1.csv", DecodeError))
    (tmp_path / "empty.csv").write_text("\n \n", encoding="utf-8")
    cases.append((tmp_path / "empty.csv", EmptyInput))
    (tmp_path / "other.csv").write_text("date,text\n2025-01-01,hello\n", encoding="utf-8")
    cases.append((tmp_path / "other.csv", MalformedInput))
    for path, error in cases:
        with pytest.raises(error) as info:
            read_airforce_csv(path)
        line = info.value.one_line()
        assert "\n" not in line and line.startswith(str(path)), line


def test_bom_and_crlf_are_read(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").replace("\n", "\r\n")
    (tmp_path / "s.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    read = read_airforce_csv(tmp_path / "s.csv")
    assert read.problems == () and len(read.rows) == 21
    assert {r.row_key for r in read.rows} == {r.row_key for r in read_airforce_csv(SAMPLE).rows}


def test_parse_helpers() -> None:
    assert parse_time("2025-11-24 18:00") == T(2025, 11, 24, 18, 0)
    assert parse_time(" 2025-11-24 9:05 ") == T(2025, 11, 24, 9, 5)
    assert parse_time("2025-11-24") == D(2025, 11, 24)
    assert parse_time("2025-11-24 25:00") is None and parse_time("") is None
    assert parse_count("464.0") == (464, None) and parse_count("") == (None, None)
    assert parse_count("nan") == (None, None) and parse_count("7") == (7, None)
    assert parse_count("2.5")[1] == "is not a whole number: '2.5'"
    assert parse_count("-1.0")[1] == "is negative: '-1.0'"


def test_row_key_ignores_formatting_but_not_identity() -> None:
    raw = {
        "time_start": "2025-11-24 18:00",
        "time_end": "2025-11-25 10:00",
        "model": "Kalibr",
        "launch_place": "Black Sea",
        "target": "Ukraine",
        "source": "kpszsu/posts/x",
        "launched": "8.0",
    }
    key = row_key(raw)
    assert row_key({**raw, "launched": "9.0", "model": " Kalibr ", "launch_place": "black  sea"}) == key
    assert row_key({**raw, "time_start": "2025-11-24 18:00:00"}) == key
    assert row_key({**raw, "time_end": "2025-11-25 11:00"}) != key
    assert row_key({**raw, "target": "Odesa oblast"}) != key


def test_repeated_identity_in_one_file_gets_its_own_key(tmp_path: Path) -> None:
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    (tmp_path / "twice.csv").write_text("\n".join([*lines, lines[-1]]) + "\n", encoding="utf-8")
    read = read_airforce_csv(tmp_path / "twice.csv")
    assert len(read.rows) == 22 and len({r.row_key for r in read.rows}) == 22


# --- the night rule -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "night"),
    [
        (T(2025, 11, 24, 18, 0), T(2025, 11, 25, 10, 0), D(2025, 11, 25)),  # the night of 24–25 Nov
        (T(2025, 11, 25, 1, 20), T(2025, 11, 25, 1, 50), D(2025, 11, 25)),  # small hours: that morning
        (T(2025, 11, 2, 23, 35), T(2025, 11, 2, 23, 55), D(2025, 11, 3)),  # evening: next morning's report
        (T(2025, 4, 2, 18, 0), T(2025, 4, 3, 14, 0), D(2025, 4, 3)),  # ran into the afternoon
        (T(2026, 4, 1, 8, 0), T(2026, 4, 1, 18, 0), D(2026, 4, 1)),  # a daytime attack keeps its day
        (T(2026, 4, 1, 17, 59), T(2026, 4, 1, 23, 0), D(2026, 4, 1)),  # began before 18:00
        (D(2025, 11, 25), D(2025, 11, 25), D(2025, 11, 25)),  # bare dates: that day
        (D(2025, 2, 20), T(2025, 2, 20, 10, 0), D(2025, 2, 20)),  # start unknown
        (D(2025, 2, 20), T(2025, 2, 20, 21, 0), D(2025, 2, 20)),
    ],
)
def test_night_rule(start: dt.date, end: dt.date, night: dt.date) -> None:
    assert night_of(start, end) == night


# --- the model table ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "kind"),
    [
        ("Shahed-136/131", "drone"),
        ("Geran-2", "drone"),
        ("Gerbera", "drone"),
        ("Unknown UAV", "drone"),
        ("Reconnaissance UAV", "drone"),
        ("Молнія", "drone"),
        ("Orlan-10 and ZALA and Supercam", "drone"),
        ("Shahed-136/131 and Lancet", "drone"),
        ("X-101/X-555 and Iskander-K", "missile"),
        ("C-300/C-400 and Iskander-M", "missile"),
        ("S-400", "missile"),
        ("Kh-22", "missile"),
        ("Х-59 (Cyrillic Х)", "missile"),
        ("X-47 Kinzhal", "missile"),
        ("3M22 Zircon", "missile"),
        ("P-800 Oniks", "missile"),
        ("Oreshnik", "missile"),
        ("Tochka-U", "missile"),
        ("Intercontinental Ballistic Missile", "missile"),
        ("KAB-500", "glide_bomb"),
        ("GBU", "glide_bomb"),
        ("Guided aerial bombs", "glide_bomb"),
        ("Kalibr and Shahed-136/131", "other"),  # a group mixing kinds
        ("Unknown", "other"),
    ],
)
def test_model_kind(model: str, kind: str) -> None:
    assert model_kind(model) == kind


def test_model_table_is_data() -> None:
    assert len(MODEL_TABLE) > 30
    assert all(isinstance(p, str) and k in ("missile", "drone", "glide_bomb") for p, k in MODEL_TABLE)


def test_every_model_of_the_real_series_has_a_kind() -> None:
    read = read_airforce_csv(real_file())
    assert read.problems == ()
    others = sorted({r.model for r in read.rows if r.kind == "other"} - KNOWN_UNKNOWN_MODELS)
    assert others == [], f"add these models to MODEL_TABLE: {others}"
    assert len({r.row_key for r in read.rows}) == len(read.rows)


def test_scope_of_source() -> None:
    assert scope_of("kpszsu/posts/pfbid0") == "national"
    assert scope_of("PvKPivden/posts/pfbid0") == "regional"
    assert scope_of("https://www.facebook.com/pvkshid/posts/1") == "regional"
    assert scope_of("https://t.me/war_monitor/27083") == "national"
    assert scope_of("") == "national"


# --- nightly figures and the comparison ---------------------------------------------------


def sample_nights() -> dict[dt.date, NightFigures]:
    return {n.night: n for n in figures_by_night(read_airforce_csv(SAMPLE).rows)}


def test_figures_by_night_on_the_sample() -> None:
    nights = sample_nights()
    n25 = nights[D(2025, 11, 25)]
    assert n25.by_kind == {"drone": (464, 438), "missile": (22, 14)}
    assert n25.by_model["X-47 Kinzhal"] == (4, 1)
    assert n25.regional_by_kind == {"drone": (12, 12)}
    assert (n25.rows, n25.national_rows, len(n25.row_keys)) == (8, 6, 8)
    n3 = nights[D(2025, 11, 3)]  # the Kinzhal salvo of the evening before is in the report of 3 Nov
    assert n3.by_kind == {"drone": (138, 115), "missile": (12, 1)}
    assert nights[D(2025, 2, 20)].by_kind == {"missile": (14, None)}  # destroyed never given
    assert nights[D(2024, 10, 15)].regional_by_kind == {"glide_bomb": (16, 0), "drone": (None, None)}
    assert nights[D(2026, 4, 1)].by_kind == {"drone": (361, 340)}


def one(
    count: Count,
    kind: str = "missile",
    night: dt.date = NOV_25,
    tolerance: Tolerance = DEFAULT_TOLERANCE,
) -> str:
    news = NewsFigure(night, kind, count, ("example.org",), ("ev-1",))
    (c,) = compare([news], list(sample_nights().values()), tolerance)
    assert c.sources == ("example.org",) and c.event_ids == ("ev-1",) and c.news == count and c.rule
    return c.verdict


def test_compare_exact() -> None:
    assert one(Count.exact(22)) == "consistent"
    assert one(Count.exact(48)) == "differs"
    assert one(Count.exact(24)) == "consistent"  # within max(2, 5% of 22)
    assert one(Count.exact(25)) == "differs"
    assert one(Count.exact(464), "drone") == "consistent"
    assert one(Count.exact(487), "drone") == "consistent"  # 23 ≤ 5% of 464 = 23.2
    assert one(Count.exact(488), "drone") == "differs"
    assert one(Count.exact(476), "drone") == "consistent"  # national + regional: still within 5%


def test_compare_bounds_ranges_and_approximations() -> None:
    assert one(Count.at_least(20)) == "consistent"
    assert one(Count.at_least(24)) == "consistent"  # 22 ≥ 24 − 2
    assert one(Count.at_least(25)) == "differs"
    assert one(Count.at_most(20)) == "consistent"  # 22 ≤ 20 + 2
    assert one(Count.at_most(19)) == "differs"
    assert one(Count.between(15, 20)) == "consistent"
    assert one(Count.between(24, 30)) == "consistent"  # 22 ≥ 24 − 2
    assert one(Count.between(25, 30)) == "differs"
    assert one(Count.approx(25)) == "consistent"  # |25 − 22| = 3 ≤ max(2, 15% of 22 = 3.3)
    assert one(Count.approx(26)) == "differs"
    assert one(Count.approx(500), "drone") == "consistent"  # 36 ≤ 69.6
    assert one(Count.approx(540), "drone") == "differs"


def test_compare_without_a_number_or_official_data() -> None:
    assert one(Count.unspecified()) == "no_number"
    assert one(Count.exact(5), night=D(2030, 1, 1)) == "no_official_data"
    assert one(Count.exact(5), "glide_bomb") == "no_official_data"  # not accounted for every night
    assert one(Count.exact(5), night=D(2025, 11, 15), kind="drone") == "no_official_data"  # regional only
    assert one(Count.exact(3), night=D(2026, 4, 1)) == "differs"  # a drone-only report: 0 missiles
    assert one(Count.exact(0), night=D(2026, 4, 1)) == "consistent"


def test_compare_states_its_rule_and_honours_the_tolerance() -> None:
    nights = list(sample_nights().values())
    (c,) = compare([NewsFigure(D(2025, 11, 25), "missile", Count.exact(48))], nights)
    assert (c.verdict, c.official_launched) == ("differs", 22)
    assert c.rule == "48 vs official 22: |48 − 22| = 26 > max(2, 5% of 22) = 2"
    (c,) = compare([NewsFigure(D(2025, 11, 25), "missile", Count.exact(48))], nights, Tolerance(absolute=30))
    assert c.verdict == "consistent"
    assert one(Count.exact(23), tolerance=Tolerance(absolute=0, relative=0)) == "differs"


def test_the_night_of_25_november_2025_in_the_real_series() -> None:
    """The README's example: 22 missiles (Kalibr 8, Iskander-M 3, Iskander-K 7, Kinzhal 2 + 2)
    and 464 drones (438 destroyed). Source: "Massive Missile Attacks on Ukraine", P. Ivaniuk."""
    nights = {n.night: n for n in figures_by_night(read_airforce_csv(real_file()).rows)}
    n = nights[D(2025, 11, 25)]
    assert n.by_kind["missile"][0] == 22 and n.by_kind["drone"] == (464, 438)
    assert {m: n.by_model[m][0] for m in ("Kalibr", "Iskander-M", "Iskander-K", "X-47 Kinzhal")} == {
        "Kalibr": 8,
        "Iskander-M": 3,
        "Iskander-K": 7,
        "X-47 Kinzhal": 4,
    }
    verdicts = compare(
        [NewsFigure(D(2025, 11, 25), "missile", Count.exact(k)) for k in (48, 22)]
        + [NewsFigure(D(2025, 11, 25), "drone", Count.exact(470))],
        list(nights.values()),
    )
    assert [v.verdict for v in verdicts] == ["differs", "consistent", "consistent"]
    json.dumps([v.rule for v in verdicts])  # plain text, ready for a report
