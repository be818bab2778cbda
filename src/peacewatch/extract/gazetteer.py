"""The bundled offline gazetteer (GeoNames-derived, see data/README.md) and its lookups.

Place names are looked up as token n-grams in a dict rather than with spaCy's
PhraseMatcher: building a PhraseMatcher over the ~60k surface forms takes 2.6–5 s
(TECH-NOTES, and measured here), which alone breaks the 1.5 s start-up budget, while
loading the dict takes ~0.2 s and a lookup per capitalised n-gram is O(1).
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import gzip
import io
import math
import re
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources

from peacewatch.records import Place

PRECISION_OF_KIND = {
    "city": "city",
    "district": "district",
    "admin1": "admin1",
    "region": "region",
    "country": "country",
}


@dataclass(frozen=True, slots=True)
class Entry:
    id: str
    name: str
    kind: str  # city (named sites too) | district | admin1 | region | country
    country: str
    admin1: str
    lat: float | None
    lon: float | None
    population: int
    parent: str

    @property
    def precision(self) -> str | None:
        """A named site (air base, bridge: ``site:`` rows) is a point; a settlement known only from
        the text ("the village of …") has no located precision."""
        if self.id.startswith("text:"):
            return None
        return "point" if self.id.startswith("site:") else PRECISION_OF_KIND[self.kind]

    def to_place(self, precision: str | None = None) -> Place:
        return Place(
            name=self.name,
            admin1=self.admin1 or None,
            country=self.country or None,
            lat=self.lat,
            lon=self.lon,
            precision=precision or self.precision,  # type: ignore[arg-type]
            geonameid=int(self.id[3:]) if self.id.startswith("gn:") else None,
        )


@dataclass(frozen=True, slots=True)
class VenueEntry:
    name: str
    country: str
    lat: float | None
    lon: float | None


def _data_text(name: str) -> str:
    ref = resources.files("peacewatch.extract") / "data" / name
    raw = ref.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8")


def _rows(name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(_data_text(name)), delimiter="\t", quoting=csv.QUOTE_NONE))


def _float(s: str) -> float | None:
    try:
        return float(s)
    except ValueError:
        return None


class Gazetteer:
    """Places, countries, people and venues, indexed by every surface form."""

    def __init__(self) -> None:
        self.places: dict[str, Entry] = {}
        self.forms: dict[str, list[str]] = defaultdict(list)  # surface form -> place ids
        self.lower_first: set[str] = set()  # first words of forms that start in lower case
        self.max_words = 1
        for r in _rows("places.tsv.gz"):
            e = Entry(
                r["id"],
                r["name"],
                r["kind"],
                r["country"],
                _ADMIN1_FOLD.get(r["admin1"], r["admin1"]),
                _float(r["lat"]),
                _float(r["lon"]),
                int(r["population"] or 0),
                r["parent"],
            )
            self.places[e.id] = e
            for form in r["names"].split("|"):
                form = " ".join(form.split())
                if not form:
                    continue
                self.forms[form].append(e.id)
                self.max_words = max(self.max_words, len(form.replace("-", " - ").split()))
                if form[0].islower():
                    self.lower_first.add(form.split()[0])
        # a city district called by its stem in English ("the Peresyp district", "Podil district", "Obolon
        # district" for Peresypskyi, Podilskyi, Obolonskyi)
        for e in [x for x in self.places.values() if x.kind == "district" and x.name.endswith("skyi")]:
            stem = e.name[: -len("skyi")]
            for form in (f"{stem} district", f"{stem} District"):
                if len(stem) >= 4 and e.id not in self.forms[form]:
                    self.forms[form].append(e.id)
        self._drop_shadowed_forms()
        self.members: dict[str, set[str]] = defaultdict(set)
        for r in _rows("region_members.tsv"):
            self.members[r["region_id"]].add(r["admin1_id"])
        self.admin1_by_name: dict[str, str] = {
            e.name: e.id for e in self.places.values() if e.kind == "admin1"
        }
        # (the folded admin1's towns lie in the one they are read as, for grouping as for output)
        fold = {
            self.admin1_by_name[a]: self.admin1_by_name[b]
            for a, b in _ADMIN1_FOLD.items()
            if a in self.admin1_by_name and b in self.admin1_by_name
        }
        for e in list(self.places.values()):
            if e.parent in fold and e.kind != "admin1":
                self.places[e.id] = dataclasses.replace(e, parent=fold[e.parent])
        self.country_entry: dict[str, str] = {
            e.country: e.id for e in self.places.values() if e.kind == "country"
        }

        self.country_names: dict[str, str] = {}  # "United States" -> US, "Ukraine" -> UA
        self.demonyms: dict[str, str] = {}  # "Ukrainian" -> UA
        self.country_name_of: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.capital_of: dict[str, str] = {}
        for r in _rows("countries.tsv"):
            iso = r["iso2"]
            self.country_name_of[iso] = r["name"]
            for f in r["names"].split("|"):
                if f:
                    self.country_names.setdefault(f, iso)
            for f in r["demonyms"].split("|"):
                if f:
                    self.demonyms.setdefault(f, iso)
            if r.get("capital"):
                self.capitals[r["capital"]] = iso
                self.capital_of[iso] = r["capital"]
        self.people: dict[str, str] = {}
        self.person_area: dict[str, str] = {}  # form → the place a governor or mayor speaks for
        for r in _rows("people.tsv"):
            area = re.match(
                r"(?:Governor|Mayor|Head)\s+of\s+(?:the\s+)?(.+?)(?:\s+\(.*)?$", r.get("role") or ""
            )
            for f in [r["name"], *r["variants"].split("|")]:
                if f and r["country"]:
                    self.people.setdefault(f, r["country"])
                    if area:
                        self.person_area.setdefault(f, area.group(1).strip())
        self._chains: dict[tuple[str, str, str, str], list[str]] = {}
        self.venues: dict[str, VenueEntry] = {}
        for r in _rows("venues.tsv"):
            v = VenueEntry(r["name"], r["country"], _float(r["lat"]), _float(r["lon"]))
            for f in r["names"].split("|"):
                if f:
                    self.venues.setdefault(f, v)

    def _drop_shadowed_forms(self) -> None:
        """A form that is some place's own name belongs to that place: another place keeps it as an
        alternate name only when it is ten times bigger (five times, for a town of 20,000 or more), or a Ukrainian
        town of 20,000 or more at least half the size of a Ukrainian owner ("Mykolaiv" listed as an alternate of the
        town Mykolaivka goes; "Chornobyl" listed as a former name of Lazurnyi goes; a village named
        "Kiev" does not take the name from Kyiv)."""
        for form, ids in self.forms.items():
            if len(ids) < 2:
                continue
            owners = [self.places[i] for i in ids if self.places[i].name == form]
            if not owners:
                continue
            top = max(o.population for o in owners)
            # a town renamed in 2016 or 2024 keeps its old name against a village five times smaller
            # (Zlatopil, formerly Pervomaiskyi, 28,510 people, against a Pervomaiskyi of 3,045);
            # context (the oblast named around it) still picks the village when the text is about it
            keep = [
                i
                for i in ids
                if self.places[i].name == form
                or self.places[i].population > 10 * top
                or (self.places[i].population > 5 * top and self.places[i].population >= 20_000)
                # a Ukrainian town renamed in 2016 or 2024 and at least half as big as the Ukrainian
                # owner of its old name (Sokolohirsk, Luhansk Oblast, still "Pervomaisk" in Russian-side
                # reports, against Pervomaisk in Mykolaiv Oblast): both stay candidates, and the oblast
                # named around it picks one (across the border the side's usual pick stays: "Sokal" is
                # Lviv Oblast's, not Sokol in Vologda Oblast)
                or (
                    self.places[i].population * 2 >= top
                    and self.places[i].population >= 20_000
                    and self.places[i].country == "UA"
                    and all(o.country == "UA" for o in owners)
                )
            ]
            if len(keep) != len(ids):
                self.forms[form] = keep

    # --- lookups ------------------------------------------------------------------------
    def candidates(self, form: str) -> list[Entry]:
        return [self.places[i] for i in self.forms.get(form, ())]

    def parent_chain(self, e: Entry) -> list[str]:
        """Ids from the entry up to its country: district → city → admin1 → country.

        Memoised: grouping compares every mention's places with every attack's (about 460 calls per
        article), and the chain of an entry never changes. Text-only places carry their parent in
        the key, so two with one name in different oblasts stay apart."""
        key = (e.id, e.parent, e.country, e.kind)
        chain = self._chains.get(key)
        if chain is None:
            if len(self._chains) > 200_000:
                self._chains.clear()  # text-only places of a long corpus must not grow it without end
            chain = self._chains[key] = self._parent_chain(e)
        return chain

    def _parent_chain(self, e: Entry) -> list[str]:
        chain = [e.id]
        cur = e
        for _ in range(5):
            if not cur.parent or cur.parent not in self.places:
                break
            cur = self.places[cur.parent]
            chain.append(cur.id)
        if (
            e.kind != "country"
            and e.country in self.country_entry
            and self.country_entry[e.country] not in chain
        ):
            chain.append(self.country_entry[e.country])
        return chain

    def admin1_id(self, e: Entry) -> str | None:
        for i in self.parent_chain(e):
            if i in self.places and self.places[i].kind == "admin1":  # the first may be a text-only place
                return i
        if e.admin1 and e.admin1 in self.admin1_by_name:
            return self.admin1_by_name[e.admin1]
        return None

    def contains(self, outer: Entry, inner: Entry) -> bool:
        """True when ``inner`` lies within ``outer`` (a city in its oblast, an oblast in a region…)."""
        if outer.id == inner.id:
            return True
        if outer.kind == "country":
            return inner.country == outer.country
        if outer.kind == "region":
            if inner.country != outer.country:
                return False
            a1 = self.admin1_id(inner)
            return a1 is not None and a1 in self.members.get(outer.id, ())
        return outer.id in self.parent_chain(inner)

    def score(self, e: Entry) -> float:
        """Prior preference among same-named candidates: population, then kind."""
        kind_bonus = {"country": 9.0, "admin1": 7.0, "region": 6.5, "city": 0.0, "district": 0.5}[e.kind]
        return math.log10(e.population + 10) + kind_bonus


# GeoNames gives Sevastopol, a city with special status, an admin1 of its own; reporting and the labelled sets
# place it in Crimea (26 of 28 gold places), so its towns report Crimea as their admin1
_ADMIN1_FOLD = {"Sevastopol": "Crimea"}


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return Gazetteer()
