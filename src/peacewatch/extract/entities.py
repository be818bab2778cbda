"""Named things in a document: places, venues, countries, demonyms and people.

One pass over the spaCy tokens looks up capitalised n-grams (longest first) in the
gazetteer's dicts; a second step picks, for each ambiguous place name, the candidate
that fits the document (its oblast or country mentioned elsewhere) and is most
populous — so a village named like a big city does not win.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from peacewatch.extract.gazetteer import Entry, Gazetteer, VenueEntry

_POSSESSIVE = {"'s", "’s", "'", "’"}
# Capitals and seats of power that stand for a side in political text ("Moscow rejected …").
CAPITAL_SIDES = {
    "Kyiv": "UA",
    "Kiev": "UA",
    "Moscow": "RU",
    "Washington": "US",
    "Kremlin": "RU",
    "White House": "US",
}
INSTITUTIONS = {
    "Kremlin": "RU",
    "White House": "US",
    "Pentagon": "US",
    "State Department": "US",
    "Bankova": "UA",
}


@dataclass(slots=True)
class Ent:
    start: int
    end: int
    text: str
    places: list[Entry] = field(default_factory=list)  # candidates; resolved to `place`
    place: Entry | None = None
    venue: VenueEntry | None = None
    country: str | None = None  # the text names a country ("Russia", "U.S.")
    demonym: str | None = None  # "Russian", "Ukrainian"
    person: str | None = None  # a person's side
    possessive: bool = False  # followed by 's
    authority: Entry | None = None  # "Kharkiv Mayor …", "Odesa regional governor …": whose area reports

    @property
    def side(self) -> str | None:
        """Which country this mention stands for when it is an actor, a party or a proposer."""
        return self.person or self.demonym or self.country or CAPITAL_SIDES.get(self.text)


def find_entities(doc: Doc, gaz: Gazetteer) -> list[Ent]:
    """All gazetteer matches in ``doc``, longest first, non-overlapping, in text order."""
    text = doc.text
    out: list[Ent] = []
    n_tokens = len(doc)
    i = 0
    max_n = gaz.max_words + 2  # hyphens are separate tokens: "Rostov-on-Don" is 5
    while i < n_tokens:
        tok = doc[i]
        t0 = tok.text
        if not t0 or not (t0[0].isupper() or t0 in gaz.lower_first):
            i += 1
            continue
        found = None
        for n in range(min(max_n, n_tokens - i), 0, -1):
            last = doc[i + n - 1]
            if last.is_space or (last.is_punct and n > 1 and last.text not in (".",)):
                continue
            s, e = tok.idx, last.idx + len(last.text)
            form = text[s:e]
            if "\n" in form:
                continue
            form = " ".join(form.split())
            ent = _lookup(form, s, e, gaz)
            if ent is not None:
                found = (ent, n)
                break
        if found is None:
            out.extend(_hyphen_parts(tok, gaz))
            i += 1
            continue
        ent, n = found
        nxt = doc[i + n] if i + n < n_tokens else None
        if nxt is not None and nxt.text in _POSSESSIVE:
            ent.possessive = True
        out.append(ent)
        i += n
    return out


def _hyphen_parts(tok: Any, gaz: Gazetteer) -> list[Ent]:
    """Sides inside one hyphenated token: "U.S.-brokered", "Ukrainian-Russian", "Kremlin-backed"."""
    t = tok.text
    if "-" not in t:
        return []
    out = []
    pos = 0
    for part in t.split("-"):
        if part and part[0].isupper():
            ent = _lookup(part, tok.idx + pos, tok.idx + pos + len(part), gaz)
            if ent is not None and ent.side and not ent.places:
                out.append(ent)
        pos += len(part) + 1
    return out


def _lookup(form: str, s: int, e: int, gaz: Gazetteer) -> Ent | None:
    places = gaz.candidates(form)
    venue = gaz.venues.get(form)
    country = gaz.country_names.get(form)
    demonym = gaz.demonyms.get(form)
    person = gaz.people.get(form) or INSTITUTIONS.get(form)
    if not (places or venue or country or demonym or person):
        return None
    if person and not places:
        return Ent(s, e, form, person=person)
    return Ent(s, e, form, places=places, venue=venue, country=country, demonym=demonym, person=person)


_REGION_PLURAL_RIGHT = re.compile(
    r"^\s+(?:and\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+)?(?:regions|oblasts|provinces|regional)\b"
)
_AUTHORITY_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:(?:city|regional|oblast|region['’]s|region|district|military|state|civil|city['’]s|local)\s+){0,3}"
    r"(?:military\s+administration|administration|governor|mayor|head|council|police|prosecutor\w*|emergency\s+services?"
    r"|authorities|officials|chief|MVA|OVA|RMA)\b",
)
_AUTHORITY_LEFT = re.compile(r"\b(?:mayor|governor|head|chief)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_REGIONAL = re.compile(r"^(?:['’]s)?\s+(?:regional|oblast|region)\b", re.IGNORECASE)
_DIR = (
    r"northern|southern|eastern|western|central|north-eastern|northeastern|south-eastern|southeastern"
    r"|north-western|northwestern|south-western|southwestern"
)
_DIR_PAIR = re.compile(rf"\b({_DIR})\s+and\s+(?:the\s+)?(?:{_DIR})\s+(Ukraine|Russia)\b")


def add_direction_pairs(ents: list[Ent], gaz: Gazetteer, text: str) -> list[Ent]:
    """'central and western Ukraine' names two regions; the token pass only sees the second."""
    extra = []
    for m in _DIR_PAIR.finditer(text):
        cands = gaz.candidates(f"{m.group(1)} {m.group(2)}")
        if cands:
            extra.append(Ent(m.start(1), m.end(1), m.group(1), places=cands))
    if not extra:
        return ents
    return sorted(ents + extra, key=lambda e: e.start)


def resolve_places(ents: list[Ent], gaz: Gazetteer, text: str) -> None:
    """Choose one candidate per place mention, using the rest of the document as context."""
    admin1_votes: Counter[str] = Counter()
    country_votes: Counter[str] = Counter()
    cities = {ent.places[0].id for ent in ents if len(ent.places) == 1 and ent.places[0].kind == "city"}
    cities |= {
        e.id
        for ent in ents
        for e in ent.places
        if e.kind == "city" and e.population >= 100_000 and len(ent.places) > 1
    }
    for ent in ents:
        # a district is only that district when its city is named in the article too
        kept = [e for e in ent.places if e.kind != "district" or e.parent in cities]
        if len(kept) != len(ent.places):
            ent.places = kept
    for ent in ents:
        if ent.country:
            country_votes[ent.country] += 1
        if len(ent.places) == 1:
            e = ent.places[0]
            a1 = gaz.admin1_id(e)
            if a1:
                admin1_votes[a1] += 1
            country_votes[e.country] += 1
    for ent in ents:
        if not ent.places:
            continue
        if len(ent.places) == 1:
            ent.place = ent.places[0]
            continue
        local = _local_country(ent, ents, text)

        def score(e: Entry, local: str | None = local) -> float:
            s = gaz.score(e)
            a1 = gaz.admin1_id(e)
            if a1 and admin1_votes[a1]:
                s += 2.0 + min(admin1_votes[a1], 3) * 0.5
            if local and e.country == local:
                s += 3.0
            elif country_votes[e.country]:
                s += 0.5
            return s

        ent.place = max(ent.places, key=lambda e: (score(e), e.population, e.id))
    for ent in ents:
        _roles(ent, gaz, text)


def _roles(ent: Ent, gaz: Gazetteer, text: str) -> None:
    """Oblast readings of a city name ("Kharkiv and Poltava regions") and reporting authorities."""
    e = ent.place
    if e is None or e.kind not in ("city", "admin1"):
        return
    right = text[ent.end : ent.end + 80]
    if e.kind == "admin1":
        if _AUTHORITY_RIGHT.match(right):
            ent.authority = e
        return
    admin1 = gaz.admin1_id(e)
    if _REGION_PLURAL_RIGHT.match(right) and admin1:
        ent.place = gaz.places[admin1]
    if _AUTHORITY_RIGHT.match(right) or _AUTHORITY_LEFT.search(text[max(0, ent.start - 30) : ent.start]):
        ent.authority = gaz.places[admin1] if (_REGIONAL.match(right) and admin1) else e


_COUNTRY_CONTEXT = re.compile(r"(?:in|of)?\s*(?:the\s+)?$")


def _local_country(ent: Ent, ents: list[Ent], text: str) -> str | None:
    """A country that owns the place in the text: "Russia's Pokrovsk", "the Russian town of …"."""
    for other in ents:
        if other.end <= ent.start and ent.start - other.end <= 30 and (other.country or other.demonym):
            between = text[other.end : ent.start]
            if re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,2}", between) and other.country:
                return other.country
            if re.fullmatch(
                r"\s+(?:\w+\s+)?(?:city|town|village|region|port|capital|settlement)\s+of\s+", between
            ):
                return other.country or other.demonym
    return None
