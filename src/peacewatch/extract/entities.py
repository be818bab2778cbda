"""Named things in a document: places, venues, countries, demonyms and people.

One pass over the spaCy tokens looks up capitalised n-grams (longest first) in the
gazetteer's dicts; a second step picks, for each ambiguous place name, the candidate
that fits the document (its oblast or country mentioned elsewhere) and is most
populous — so a village named like a big city does not win.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from peacewatch.extract import lexicon as L
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
    # Russian official usage for Ukraine's government ("the Kiev regime attempted a drone attack")
    "Kiev regime": "UA",
    "Kyiv regime": "UA",
    # a Russian outlet's initials for Ukraine's armed forces ("the VSU shelled Horlivka")
    "VSU": "UA",
    "VFU": "UA",
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


_WORD = re.compile(r"[^\s,;:!?()\"“”\[\]{}]+")


class _Index:
    """Every surface form by its first word, and what each form can be — built once per gazetteer."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        by_first: dict[str, list[str]] = {}
        for table in (gaz.forms, gaz.venues, gaz.country_names, gaz.demonyms, gaz.people, INSTITUTIONS):
            for form in table:
                by_first.setdefault(form.split(" ", 1)[0], []).append(form)
        self.by_first = {k: tuple(sorted(set(v), key=lambda f: (-len(f), f))) for k, v in by_first.items()}
        self.table: dict[str, tuple | None] = {}  # filled on first use of a form
        lower = sorted(gaz.lower_first, key=len, reverse=True)
        alternation = "|".join(re.escape(w) for w in lower) or "(?!)"
        # A candidate starts with a capital letter, or with one of the few lower-case first words
        # of a form ("eastern Ukraine"); found by one scan of the text instead of a loop over tokens.
        self.candidate = re.compile(rf"(?<![\w’'])(?:[A-Z]|(?:{alternation})\b)")

    def get(self, form: str) -> tuple | None:
        hit = self.table.get(form, False)
        if hit is False:
            g = self.gaz
            parts = (
                g.candidates(form),
                g.venues.get(form),
                g.country_names.get(form),
                g.demonyms.get(form),
                g.people.get(form) or INSTITUTIONS.get(form),
            )
            hit = parts if any(parts) else None
            self.table[form] = hit
        return hit  # type: ignore[return-value]


def _index(gaz: Gazetteer) -> _Index:
    idx = getattr(gaz, "_entity_index", None)
    if idx is None:
        idx = _Index(gaz)
        gaz._entity_index = idx  # type: ignore[attr-defined]
    return idx


def find_entities(text: str, starts: list[int], ends: set[int], gaz: Gazetteer) -> list[Ent]:
    """All gazetteer matches in ``text``, longest first, non-overlapping, in text order.

    ``starts``/``ends`` are spaCy's token boundaries: a match must begin at a token start and end
    at a token end or before punctuation. Candidates come from one regex scan, forms from an index
    of their first words: iterating spaCy Token objects and slicing every n-gram cost ~12 ms per
    article here (profiled); this costs well under 1 ms.
    """
    idx = _index(gaz)
    starts_set = set(starts)
    out: list[Ent] = []
    covered = -1
    for cm in idx.candidate.finditer(text):
        s = cm.start()
        if s < covered or s not in starts_set:
            continue
        m = _WORD.match(text, s)
        if m is None:
            continue
        word = m.group(0)
        ent = _match_at(text, s, word, idx, ends)
        if ent is None:
            if "-" in word and text[s].isupper():
                out.extend(_hyphen_parts(word, s, idx))
            continue
        tail = text[ent.end : ent.end + 2]
        if tail[:1] in ("'", "’") and (tail[1:2] in ("s", "") or not tail[1:2].isalpha()):
            ent.possessive = True
        out.append(ent)
        covered = ent.end
    return out


def _match_at(text: str, s: int, word: str, idx: _Index, ends: set[int]) -> Ent | None:
    keys = [word]
    if word[-1] in "s’'.":
        for suffix in ("’s", "'s", "’", "'", "."):
            if word.endswith(suffix) and len(word) > len(suffix):
                keys.append(word[: -len(suffix)])
    head, _, rest = word.partition("-")
    if rest and not rest[:1].isupper():
        keys.append(head)  # "Kharkiv-based", "Kyiv-led"; not "Dnipro-Buh estuary", another name
    # datelines write the city in capitals ("KHARKIV, Ukraine -"): try it as a name, but only
    # for words of four letters or more, so acronyms (UN, EU, US) keep their own meaning
    shouted = word.isupper() and sum(c.isalpha() for c in word) >= 4
    if shouted:
        keys.append(word.split("-")[0].rstrip(",.:").capitalize())
    n = len(text)
    for key in keys:
        for form in idx.by_first.get(key, ()):
            if not text.startswith(form, s) and not (
                shouted and text[s : s + len(form)].upper() == form.upper()
            ):
                continue
            e = s + len(form)
            if e < n and text[e].isalnum() and e not in ends:
                continue
            ent = _lookup(form, s, e, idx)
            if ent is not None:
                return ent
    return None


def _hyphen_parts(word: str, start: int, idx: _Index) -> list[Ent]:
    """Sides inside one hyphenated word: "U.S.-brokered", "Ukrainian-Russian", "Kremlin-backed"."""
    out = []
    pos = 0
    parts = word.split("-")
    for i, part in enumerate(parts):
        if part and part[0].isupper():
            ent = _lookup(part, start + pos, start + pos + len(part), idx)
            # the first of two countries ("Russia-Ukraine talks"): the scan finds the second on its own
            pair = (
                i == 0 and len(parts) == 2 and ent is not None and ent.country and _is_country(parts[1], idx)
            )
            if ent is not None and ent.side and (not ent.places or pair):
                out.append(ent)
        pos += len(part) + 1
    return out


def _is_country(form: str, idx: _Index) -> bool:
    hit = idx.get(form)
    return hit is not None and bool(hit[2])


def _lookup(form: str, s: int, e: int, idx: _Index) -> Ent | None:
    hit = idx.get(form)
    if hit is None:
        return None
    places, venue, country, demonym, person = hit
    if person and not places and not venue:
        return Ent(s, e, form, person=person)
    return Ent(s, e, form, places=list(places), venue=venue, country=country, demonym=demonym, person=person)


# "the Kharkiv and Poltava regions", "the Rostov, Belgorod, Kursk and Voronezh regions"
_REGION_PLURAL_RIGHT = re.compile(
    r"^(?:(?:\s*,\s*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*\s*,?\s+and\s+(?:the\s+)?[A-Z][\w'’-]+"
    r"(?:\s+[A-Z][\w'’-]+)?(?:\s+(?:border|frontier|front-?line|neighbou?ring|adjacent|southern|northern|western"
    r"|eastern|central))?\s+(?:regions|oblasts|provinces)"
    r"|(?:\s+(?:border|frontier|front-?line))?\s+(?:regions|oblasts|provinces)|\s+regional)\b"
)
# "homes in several regions, including Lviv and Kharkiv", "the regions of Sumy, Poltava and Odesa": a name
# in a list the word "regions" governs is the oblast
_REGION_LIST_LEFT = re.compile(
    rf"\b(?:regions|oblasts|provinces)(?:\s*,?\s+{L.EXAMPLES_CUE}|\s+of){L.NAME_LIST_SO_FAR}"
)
_CAPITAL_PHRASE = re.compile(r"\b[Tt]he\s+(?:(Ukrainian|Russian)\s+)?capital\b(?!\s+(?:of|city\s+of|region))")


_THE_CITY = re.compile(
    r"\bthe\s+(?:city|town|city\s+cent(?:re|er)|town\s+cent(?:re|er)|centre\s+of\s+the\s+city"
    # "Seven people died in the western city": the city named last, told by where it lies
    r"|(?:(?:north|south)?(?:western|eastern)|northern|southern|central|front-?line|port|industrial|regional)\s+(?:city|town))\b"
    # ("the city limits of Kyiv" names the city after it)
    r"(?!\s+of\b|\s+(?:limits|boundaries|borders|bounds)\s+of\b)"
)


_VESSEL_LEFT = re.compile(
    r"\b(?:cruiser|frigate|submarine|corvette|destroyer|flagship|tanker|(?:landing|patrol|cargo|missile|war)\s+"
    r"(?:ship|boat|vessel)|warship|ship|vessel|boat|minesweeper|icebreaker)\s*,?\s*(?:the\s+)?[\"“]?$",
    re.IGNORECASE,
)


# "The Novocherkassk, a Ropucha-class vessel, was hit": the ship named in apposition
_VESSEL_RIGHT = re.compile(
    r"['’]?,\s+an?\s+(?:[\w-]+\s+){0,3}?(?:vessel|ship|warship|frigate|corvette|submarine|cruiser|tanker"
    r"|destroyer|minesweeper|patrol\s+boat)\b",
    re.IGNORECASE,
)


# "said Serhii, 52, who lives nearby": a person given with an age, not the village of that name
_AGE_RIGHT = re.compile(r",\s+\d{1,2},\s+(?:a|an|the|who|whose|from|of|said|says)\b")


# "from 07:20 to 08:40 Moscow time": a clock, not a place; "Komsomolsky Prospekt": a street
_NOT_A_PLACE_RIGHT = re.compile(
    r"\s+(?:time\b|Prospekt\b|Prospect\b|Avenue\b|Street\b|Boulevard\b|Embankment\b|Highway\b|Lane\b|Square\b)"
)


# a rank before a surname: "the frigate Admiral Makarov", "Marshal Zhukov" are no Makariv or Zhukiv
_RANK_LEFT = re.compile(r"\b(?:Admiral|Marshal|General|Colonel|Captain)\s+$")


def drop_ship_names(ents: list[Ent], text: str) -> None:
    """'the cruiser Moskva', 'the submarine Rostov-on-Don': ships named after cities are not places;
    nor is a first name given with an age, a time zone ("Moscow time") or a street."""
    for e in ents:
        if e.place is not None and (
            _VESSEL_LEFT.search(text[max(0, e.start - 40) : e.start])
            or _VESSEL_RIGHT.match(text, e.end)
            or _AGE_RIGHT.match(text, e.end)
            or _NOT_A_PLACE_RIGHT.match(text, e.end)
            or _RANK_LEFT.search(text, max(0, e.start - 12), e.start)
        ):
            e.place = None
            e.places = []


def _with_extra(ents: list[Ent], extra: list[Ent]) -> list[Ent]:
    """``ents`` and those of ``extra`` that overlap none of them, in text order."""
    if not extra:
        return ents
    taken = [(e.start, e.end) for e in ents]
    extra = [x for x in extra if not any(s < x.end and x.start < e for s, e in taken)]
    return sorted(ents + extra, key=lambda e: e.start)


_PLACE_LEFT = re.compile(r"\b(?:in|at|on|over|near|across|to|of|from)\s+$", re.IGNORECASE)
_GOVERNMENT_RIGHT = re.compile(
    r"(?:['’]s\s+\w+|\s+(?:has\s+|had\s+|have\s+)?(?:[a-z]+(?:ed|s)|withdrew|said|made|took|gave|sent|began|sought"
    r"|chose|spoke|broke|drew|told|brought|kept|held|left|led|set|wrote|put|refused|won|lost)\b)"
)


# "In Moscow, the defence ministry asserted …": where a government spoke, not a city struck
_SENTENCE_IN_LEFT = re.compile(r"(?:^|[.!?\n]\s*)In\s+$")
_OFFICIALS_RIGHT = re.compile(
    r",\s+(?:the\s+)?(?:Russian\s+|Ukrainian\s+)?(?:Kremlin|(?:defen[cs]e|foreign)\s+ministry|ministry"
    r"|government|officials|authorities|spokes(?:man|woman|person)|president(?:ial)?|presidential)\b"
)
_CAPITALS = r"(?:Kyiv|Kiev|Moscow|Washington|Brussels)"
# "talks with Kyiv and Moscow", "a deal between Moscow and Washington": two governments
_GOVERNMENT_PAIR = re.compile(rf"{_CAPITALS}\s+and\s+{_CAPITALS}\b")
# "Russia blames Kyiv", "accused Moscow of …": the government held responsible
_GOVERNMENT_LEFT = re.compile(
    r"\b(?:blames?|blamed|blaming|accus(?:es|ed|e|ing)|urg(?:es|ed|e))\s+$", re.IGNORECASE
)


def _government(e: Ent, text: str) -> bool:
    """'Kyiv responded by …', 'Moscow has used …', 'talks with Kyiv and Moscow': the government, not
    a city to point back to."""
    if e.text not in ("Kyiv", "Kiev", "Moscow"):
        return False
    pair = any(
        m.start() <= e.start < m.end()
        for m in _GOVERNMENT_PAIR.finditer(text, max(0, e.start - 20), e.end + 20)
    )
    return (
        pair
        or (
            _GOVERNMENT_RIGHT.match(text, e.end, e.end + 30) is not None
            and _PLACE_LEFT.search(text, max(0, e.start - 12), e.start) is None  # "killed in Kyiv has risen"
        )
        or capital_spoke(e.start, e.end, text)
    )


def capital_spoke(start: int, end: int, text: str) -> bool:
    """'In Moscow, the defence ministry asserted …', 'In Kyiv, officials said …': the capital where
    a government spoke. (A regional city's officials speak of their own city, so only capitals.)"""
    return (
        text[start:end] in ("Kyiv", "Kiev", "Moscow")
        and _SENTENCE_IN_LEFT.search(text, max(0, start - 6), start) is not None
        and _OFFICIALS_RIGHT.match(text, end) is not None
    )


def first_name(e: Ent, text: str) -> bool:
    """A first name that is also a place, before a surname: "Governor Roman Busargin", "Artem Kobzar"."""
    return e.text in L.FIRST_NAMES and re.match(r"\s+[A-Z][a-z]", text[e.end : e.end + 3]) is not None


_TIME_ZONE_LEFT = re.compile(r"\b[Tt]imes?\s+(?:are\s+|in\s+)?$")
_TIME_ZONE_RIGHT = re.compile(r"\s+time\b")


def _regional_authority(e: Ent) -> bool:
    return e.authority is not None and e.authority.kind == "admin1"


def add_city_anaphora(ents: list[Ent], text: str) -> list[Ent]:
    """'the city', 'the city centre' refer to the city named last before them."""
    extra = []
    for m in _THE_CITY.finditer(text):
        prev = [
            e
            for e in ents
            if e.end <= m.start()
            and e.place is not None
            and e.place.kind == "city"
            and e.place.population >= 10000  # "the city" is not the village named last
            # "(cruise, Tu-95MS carriers, Volgodonsk area)": an aside, never what "the city" points to
            and not (
                "(" in text[max(0, e.start - 80) : e.start]
                and ")" not in text[text.rfind("(", 0, e.start) : e.start]
                # a speaker's town in brackets is no aside: "Vilkul (Kryvyi Rih): a missile attack on the city"
                and not (text[e.start - 1 : e.start] == "(" and text.startswith(")", e.end))
            )
            and not _TIME_ZONE_LEFT.search(text, max(0, e.start - 12), e.start)  # "All times Kyiv."
            and not _TIME_ZONE_RIGHT.match(text, e.end)  # '14:02 Kyiv time'
            # "about 150 km (90 miles) north of Kyiv": a place to measure from, not the city the text is about
            and not L.DISTANCE_LEFT.search(text, max(0, e.start - 60), e.start)
            # "stands on the road to Odesa": a destination, not the city the text is about
            and not re.search(
                r"\b(?:road|way|route|highway|path|railway|motorway)\s+(?:to|from)\s+$",
                text[max(0, e.start - 20) : e.start],
            )
            and not re.match(
                r"\s+(?:[Rr]iver|[Rr]eservoir|[Dd]am\b|[Bb]asin|(?:[Nn]uclear\s+)?(?:[Pp]ower\s+)?(?:[Pp]lant|[Ss]tation)\b|NPP\b)",
                text[e.end : e.end + 24],
            )  # "the Zaporizhzhia nuclear power plant" is not a town "the town" can mean
            # "shelling from the left bank of the Dnipro": the river, never "the city"
            and not (e.place.name == "Dnipro" and _RIVER_LEFT.search(text, max(0, e.start - 30), e.start))
            # "flights were diverted from Domodedovo, Vnukovo and Zhukovsky airports": an airport's name
            and not re.match(
                r"(?:\s*,\s*[A-Z][\w-]+)*(?:,?\s+and\s+[A-Z][\w-]+)?\s+(?:[Aa]irports?|[Aa]irfields?|[Aa]ir\s+[Bb]ases?)\b",
                text[e.end : e.end + 60],
            )
            # "the Moscow-installed governor", "Kyiv-based": a word about someone else
            and not text.startswith("-", e.end)
            and not first_name(e, text)  # "acting mayor Artem Kobzar", not the town of Artyom
            and not _government(e, text)
        ]
        para = text.rfind("\n\n", 0, m.start()) + 1
        if prev and _regional_authority(prev[-1]) and prev[-1].start < para:
            # "Kharkiv RMA chief Oleh Syniehubov said" paragraphs before "the outskirts of the town": the
            # region's authority, not the town the text is about (in the same paragraph it may be:
            # "Kherson's regional governor says … struck the city centre")
            prev = [e for e in prev if not _regional_authority(e)] or prev
        if prev and any(
            e.place is not None
            and e.place.kind == "admin1"
            and max(prev[-1].end, para) <= e.start < m.start()
            and e.place.name != prev[-1].place.admin1  # type: ignore[union-attr]
            for e in ents
        ):
            # "a strike on a recreation centre in the Zaporizhzhia region … the site, outside the city":
            # the city of the region the paragraph is about, not one named further back
            continue
        if prev and m.start() - prev[-1].end < 1500:
            p = prev[-1].place
            extra.append(Ent(m.start(), m.end(), m.group(0), places=[p], place=p))  # type: ignore[list-item]
        elif extra and m.start() - extra[-1].end < 1500 and (not prev or prev[-1].place is extra[-1].place):
            # a long story keeps saying "the city" ("the city's hospital", "the city council", "the
            # city was attacked again"): each one points to the city the one before pointed to
            p = extra[-1].place
            extra.append(Ent(m.start(), m.end(), m.group(0), places=[p], place=p))  # type: ignore[list-item]
    return _with_extra(ents, extra)


# "Moscow hit the capital": the side striking, not a city the capital could be
_STRIKER_RIGHT = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:also\s+|again\s+)?(?:launched|fired|hit|struck|attacked|pounded|shelled|bombed"
    r"|targeted|unleashed|sent|pummel(?:l)?ed|slammed)\b"
)


# "the left bank of the Dnipro", "across the Dnipro": the river (not "the Dnipro strike", the city's)
_RIVER_LEFT = re.compile(
    r"\b(?:banks?|side|across|along|over|crossing|crossed|shore|mouth|waters)\s+(?:of\s+)?the\s+$"
)


def add_capital_phrases(ents: list[Ent], gaz: Gazetteer, text: str) -> list[Ent]:
    """'the Ukrainian capital', or 'the capital' in an article about Ukraine, is Kyiv."""
    extra = []
    countries = Counter(e.place.country for e in ents if e.place is not None and e.place.kind != "country")
    default = countries.most_common(1)[0][0] if countries else None
    for m in _CAPITAL_PHRASE.finditer(text):
        # "killed in Kyiv …, the capital's military administration said": the country of the city
        # named just before in the paragraph, else the country the document is mostly about
        before = [
            e
            for e in ents
            if e.end <= m.start()
            and m.start() - e.end < 600
            and "\n\n" not in text[e.end : m.start()]  # in the same paragraph (a heading line above it too)
            and e.place is not None
            and e.place.kind == "city"
            and e.place.country in ("UA", "RU")
            and not (
                e.text == "Moscow" and (_government(e, text) or _STRIKER_RIGHT.match(text, e.end))
            )  # "which Moscow has used against the capital", "as Moscow hit the capital": Kyiv
            # ("Russia blames Kyiv; … the capital's mayor says": Moscow's mayor)
            and not _GOVERNMENT_LEFT.search(text, max(0, e.start - 12), e.start)
        ]
        local = before[-1].place.country if before and before[-1].place is not None else default
        iso = {"Ukrainian": "UA", "Russian": "RU"}.get(m.group(1) or "", local)
        name = {"UA": "Kyiv", "RU": "Moscow"}.get(iso or "")
        cands = [e for e in gaz.candidates(name) if e.kind == "city" and e.country == iso] if name else []
        if cands:
            best = max(cands, key=lambda e: e.population)
            extra.append(Ent(m.start(), m.end(), m.group(0), places=[best], place=best))
    if not extra:
        return ents
    # the phrase wins over the demonym inside it: "the Ukrainian capital" is Kyiv, not Ukraine
    ents = [e for e in ents if not any(x.start <= e.start and e.end <= x.end for x in extra)]
    return _with_extra(ents, extra)


_AUTHORITY_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:(?:city|regional|oblast|region['’]s|region|district|military|state|civil|city['’]s|local)\s+){0,3}"
    r"(?:military\s+administration|administration|governor|(?-i:mayor)|head|council|police|prosecutor\w*"
    r"|emergency\s+services?|authorities|officials|chief|MVA|OVA|RMA)\b",
    # "Orenburg Governor Yevgeny Solntsev" speaks for the region; "Moscow Mayor Sergei Sobyanin" reports
    # on his city, which the attack is about
    re.IGNORECASE,
)
_AUTHORITY_LEFT = re.compile(r"\b(?:mayor|governor|head|chief)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_SETTLEMENT_LEFT = re.compile(r"\b(?:village|town|settlement|hamlet|township)\s+of\s+$", re.IGNORECASE)
_IN_REGION_RIGHT = re.compile(
    # "… in the Tambov region", or as an apposition: "Tokarivka, Kherson region, 28 October"
    r"(?:[^.;,]{0,40}?\bin\s+(?:the\s+|Russia['’]s\s+|Ukraine['’]s\s+)?|,\s+(?:the\s+)?)"
    r"([A-Z][\w'’-]+)\s+(?:region|oblast|Oblast|Region|krai|Krai)\b"
    # "the Novopavlivka community of the Zaporizhzhia district": the raion named after its town
    r"|\s+(?:community|hromada)\s+(?:of|in)\s+the\s+([A-Z][\w'’-]+)\s+(?:district|raion)\b"
)
_AND_OR = re.compile(r"\b(?:and|or|while|as\s+well\s+as)\b")
_KNOWN_TOWN = 50_000  # a town this big is named for itself, not mistaken for a village elsewhere
_GOVERNOR_RIGHT = re.compile(r"^(?:['’]s)?\s+(?:acting\s+)?governor\b", re.IGNORECASE)
# (RMA, OVA: the regional military administration, as Ukrainian outlets abbreviate it)
_REGIONAL = re.compile(r"^(?:['’]s)?\s+(?:regional|oblast|region|RMA|OVA)\b", re.IGNORECASE)
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


_GIVEN_NAME_LEFT = re.compile(
    r"\b(?:Oleg|Oleh|Sergei|Sergey|Serhiy|Serhii|Alexander|Aleksandr|Oleksandr|Andriy|Andrei|Andrey|Vitaly|Vitaliy|Ihor|Igor"
    r"|Yuri|Yuriy|Mikhail|Mykhailo|Dmitry|Dmytro|Vladimir|Volodymyr|Ivan|Vadym|Vadim|Pavlo|Pavel|Maksym|Maxim|Denys|Denis"
    r"|Oleksiy|Alexei|Alexey|Viktor|Gennady|Hennadiy|Anatoly|Nikolai|Mykola|Yevgeny|Yevhen|Kirill|Boris|Petro|Pyotr|Vasyl"
    r"|Vasily|Valentyn|Ruslan|Artem|Olena|Elena|Iryna|Irina|Olga|Natalia|Tetiana|Tatiana|Svitlana|Yulia|Maria)\s+$"
)
# "our correspondent Simon Ashe": a person whose surname is also a village's name
_ROLE_NAME_LEFT = re.compile(
    r"\b(?:correspondent|reporter|editor|analyst|spokes(?:man|woman|person)|anchor|presenter|host|colleague|photographer)"
    r"\s+[A-Z][a-z]+\s+$"
)


_SURNAME_RIGHT = re.compile(
    r" (?!Oblast|Region|Krai)[A-Z][a-z]+(?:ov|ova|ev|eva|in|ina|enko|sky|skyi|ski|uk|yuk|ko|ich|vich)\b"
)


def drop_namesakes(ents: list[Ent], text: str) -> None:
    """A surname that is also a town's name ("the head of the republic Oleg Nikolayev", "our
    correspondent Simon Ashe") is no place, there or anywhere else in the article (a transcript's
    "ASHE:" speaker label included)."""
    names = {
        ent.text.lower()
        for ent in ents
        if _GIVEN_NAME_LEFT.search(text, max(0, ent.start - 14), ent.start)
        or _ROLE_NAME_LEFT.search(text, max(0, ent.start - 40), ent.start)
    }
    for ent in ents:
        if not ent.places or not all(e.kind == "city" for e in ent.places):
            continue
        # "Governor Vladimir Vladimirov": a given name that is also a city's, before a surname
        given = _GIVEN_NAME_LEFT.search(f"{ent.text} ") is not None and _SURNAME_RIGHT.match(text, ent.end)
        if given or ent.text.lower() in names:
            ent.places = []
            ent.place = None


# ("over the Black Sea" is where drones were shot down or missiles fired from, not a target)
_SEA_LEFT = re.compile(r"\b(?:in|near|off|at|waters\s+of)\s+the\s+$", re.IGNORECASE)
_SEA_RIGHT = re.compile(  # (used with .match at the name's end: no "^", which would pin the string's start)
    r"[\s-]*(?:fleet|flotilla|ports?|port\s+city|city|town|village|resort|coast|coastline|region|grain|shipping"
    r"|corridor|deal|initiative|ceasefire|truce|arrangement|security|route|trade|naval|navy|countries|states"
    r"|basin|economic|littoral|harbou?r|terminal)\b",
    re.IGNORECASE,
)


def drop_sea_names(ents: list[Ent], text: str) -> None:
    """A sea is where a ship was hit ("a tanker was struck in the Black Sea"), not the "Black Sea
    Fleet", "the Russian Black Sea port of Novorossiysk" or "the Black Sea grain deal"."""
    for ent in ents:
        if not ent.places or not all(e.id.startswith("sea:") for e in ent.places):
            continue
        if not _SEA_LEFT.search(text, max(0, ent.start - 16), ent.start) or _SEA_RIGHT.match(text, ent.end):
            ent.places = []
            ent.place = None


_NEIGHBOURHOOD_RIGHT = re.compile(
    r"\s+(?:neighbou?rhood|micro-?district|housing\s+estate|residential\s+area)s?\b", re.IGNORECASE
)


def drop_neighbourhood_namesakes(ents: list[Ent], text: str) -> None:
    """ "The Druzhba neighbourhood", "the Pivdennyi microdistrict": a part of the city the article is
    about, not the town of that name elsewhere; a city district the gazetteer knows stays."""
    for ent in ents:
        if (
            ent.places
            and all(e.kind == "city" for e in ent.places)
            and _NEIGHBOURHOOD_RIGHT.match(text, ent.end)
        ):
            ent.places = []
            ent.place = None


def resolve_places(ents: list[Ent], gaz: Gazetteer, text: str) -> None:
    """Choose one candidate per place mention, using the rest of the document as context."""
    drop_namesakes(ents, text)
    drop_sea_names(ents, text)
    drop_neighbourhood_namesakes(ents, text)
    admin1_votes: Counter[str] = Counter()
    country_votes: Counter[str] = Counter()
    cities = {ent.places[0].id for ent in ents if len(ent.places) == 1 and ent.places[0].kind == "city"}
    cities |= {
        e.id
        for ent in ents
        for e in ent.places
        if e.kind == "city" and e.population >= 100_000 and len(ent.places) > 1
    }
    # "the village of Desna" once makes every "Desna" of the article that village, not a city district
    settlements = {
        ent.text for ent in ents if _SETTLEMENT_LEFT.search(text, max(0, ent.start - 30), ent.start)
    }
    relocated: dict[str, Entry] = {}
    city_mentions: Counter[str] = Counter(
        e.id
        for ent in ents
        for e in ent.places
        if e.kind == "city" and (len(ent.places) == 1 or e.population >= 100_000)
    )
    for ent in ents:
        # a district is only that district when its city is named in the article too
        kept = [e for e in ent.places if e.kind != "district" or e.parent in cities]
        # … and not when the words after it put it in another region ("the Nikolskoye pumping station
        # in the Tambov region" is no district of Moscow)
        area = _IN_REGION_RIGHT.match(text, ent.end)
        if area is not None:
            g = area.lastindex or 1  # (the group that matched: a region's name, or a raion's town)
            areas = gaz.candidates(f"{area.group(g)} Oblast") + gaz.candidates(area.group(g))
            regions = {c.admin1 for c in areas}
            kept = [e for e in kept if e.kind != "district" or not regions or e.admin1 in regions]
            # "the Marinovka air base in the Volgograd region": a village we only know elsewhere (a
            # Marynivka in Mykolaiv) is the wrong place; the name in the region the text gives is right
            if regions and not _AND_OR.search(text, ent.end, area.start(g)):
                here = [
                    e for e in kept if e.kind != "city" or e.population >= _KNOWN_TOWN or e.admin1 in regions
                ]
                region = next((c for c in areas if c.kind == "admin1"), None)
                if not here and kept and region is not None:
                    here = [
                        Entry(
                            f"text:{ent.text}",
                            ent.text,
                            "city",
                            region.country,
                            region.admin1,
                            None,
                            None,
                            0,
                            region.id,
                        )
                    ]
                    relocated[ent.text] = here[0]
                kept = here
        if ent.text in settlements and any(e.kind == "city" for e in kept):
            kept = [e for e in kept if e.kind != "district"]  # "the village of Desna" is no city district
        if len(kept) != len(ent.places):
            ent.places = kept
    for ent in ents:  # the village is that village wherever the article names it again
        moved = relocated.get(ent.text)
        if (
            moved is not None
            and ent.places
            and all(e.kind == "city" and e.admin1 != moved.admin1 for e in ent.places)
        ):
            ent.places = [moved]
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

        if all(e.kind == "district" for e in ent.places):
            # "the Shevchenkivskyi district" of a story about Zaporizhzhia: the district of the city
            # named just before it ("Kherson also came under attack. … the Dniprovskyi district"),
            # else of the city the article names most, not of Kyiv named once as the government
            near = {
                e.id
                for e in ent.places
                if any(
                    x.end <= ent.start
                    and ent.start - x.end <= 400
                    and any(c.id == e.parent for c in x.places)
                    for x in ents
                )
            }
            ent.place = max(
                ent.places,
                key=lambda e: (e.id in near, city_mentions[e.parent], score(e), e.population, e.id),
            )
            continue
        ent.place = max(ent.places, key=lambda e: (score(e), e.population, e.id))
    drop_far_namesakes(ents, gaz, admin1_votes)
    for ent in ents:
        _roles(ent, gaz, text)


_FAR_KM = 300.0  # farther than any two places of one local report (Sevastopol to Kherson is 230 km)
_HAMLET = 2_000  # GeoNames villages this small are rarely the only one of their name


def drop_far_namesakes(ents: list[Ent], gaz: Gazetteer, admin1_votes: Counter[str]) -> None:
    """A hamlet we know only far from everything else the article names is a namesake of a place
    the gazetteer lacks ("Lyubimovka" in a Sevastopol report is no village in Dnipropetrovsk).

    Only when nothing else in the article lies in the hamlet's oblast, so a village in a region the
    text names stays, and when the article is settled in an oblast it names twice (a list of two
    far-apart villages is no namesake); the mention keeps its words and loses the wrong coordinates."""
    here = [
        ent.place
        for ent in ents
        if ent.place is not None
        and ent.place.lat is not None
        and ent.place.country in ("UA", "RU")
        and ent.place.kind != "country"
    ]
    for ent in ents:
        e = ent.place
        if e is None or e.kind != "city" or e.population >= _HAMLET or e.lat is None or e.lon is None:
            continue
        if e.id.startswith("site:"):  # an air base or a bridge is the only one of its name
            continue
        a1 = gaz.admin1_id(e)
        if a1 is None or admin1_votes[a1] > sum(
            1 for x in ents if x.place is not None and x.place.id == e.id
        ):
            continue
        others = [x for x in here if x.id != e.id and gaz.admin1_id(x) != a1]
        # the article must be settled somewhere: an oblast it names at least twice
        settled = any(admin1_votes[gaz.admin1_id(x) or ""] >= 2 for x in others)
        if settled and all(_km(e, x) > _FAR_KM for x in others):
            ent.places = []
            ent.place = None


def _km(a: Entry, b: Entry) -> float:
    """Great-circle distance in km (both entries have coordinates)."""
    la1, lo1, la2, lo2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _roles(ent: Ent, gaz: Gazetteer, text: str) -> None:
    """Oblast readings of a city name ("Kharkiv and Poltava regions") and reporting authorities."""
    e = ent.place
    if e is None and ent.person and ent.text in gaz.person_area:
        # "Governor Gladkov says two civilians were killed": the region he governs
        area = [
            c
            for c in gaz.candidates(gaz.person_area[ent.text])
            if c.kind in ("admin1", "city") and c.country == ent.person
        ]
        if area:
            ent.authority = max(area, key=lambda c: (c.kind == "admin1", c.population))
        return
    if e is None or e.kind not in ("city", "admin1"):
        return
    right = text[ent.end : ent.end + 80]
    if e.kind == "admin1":
        if _AUTHORITY_RIGHT.match(right):
            ent.authority = e
        return
    admin1 = gaz.admin1_id(e)
    region = [c for c in gaz.candidates(f"{ent.text} region") if c.kind == "admin1"]
    if region:
        admin1 = region[0].id  # "the Kyiv region" is Kyiv Oblast, not the city's own special status
    if admin1 and (
        _REGION_PLURAL_RIGHT.match(right)
        or _REGION_LIST_LEFT.search(text, max(0, ent.start - 120), ent.start)
    ):
        ent.place = gaz.places[admin1]
    if _AUTHORITY_RIGHT.match(right) or _AUTHORITY_LEFT.search(text[max(0, ent.start - 30) : ent.start]):
        # "Bryansk governor Alexander Bogomaz", "the Kharkiv regional administration": the region's
        regional = _REGIONAL.match(right) or _GOVERNOR_RIGHT.match(right)
        ent.authority = gaz.places[admin1] if (regional and admin1) else e


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


# Villages below the gazetteer's population threshold still reach the news when they are hit
# ("a missile hit a café in the village of Hroza"). The text itself says they are settlements:
# "the village of X", "X, a village …". Such a name, when the gazetteer does not know it, is kept
# as written, ungeocoded (no coordinates, no precision), with the oblast and country of the
# place the same sentence locates it by ("in the Kupiansk district", "30 km west of Kupiansk").
_NAME = r"[A-Z][a-zà-ÿʼ’']+(?:-[A-Za-zà-ÿʼ’']+)*(?:\s[A-Z][a-zà-ÿʼ’']+(?:-[A-Za-zà-ÿʼ’']+)*)?"
_UNLISTED_CUES = (
    re.compile(
        rf"\b(?:villages?|settlements?|hamlets?|small\s+towns?|towns?|townships?)\s+of\s+({_NAME})"
        rf"(?:\s*,\s*({_NAME})\s*,?\s+and\s+({_NAME})|\s+and\s+({_NAME}))?"
    ),
    re.compile(
        rf"\b({_NAME}),\s+an?\s+(?:(?:small|tiny|frontline|front-line|border|nearby|neighbouring|neighboring"
        r"|rural|farming|fishing|coastal|remote)\s+){0,2}(?:village|settlement|hamlet)\b"
    ),
)
_NOT_PLACE_NAMES = frozenset(
    {
        "The", "A", "An", "In", "On", "At", "By", "Of", "And", "But", "This", "That", "It", "He", "She",
        "They", "We", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December", "Ukrainian", "Russian", "Soviet", "Western", "Eastern",
    }
)  # fmt: skip


def add_unlisted_settlements(ents: list[Ent], gaz: Gazetteer, text: str) -> list[Ent]:
    """Settlements the text calls villages or towns but the gazetteer lacks, with every mention of them."""
    if "illage" not in text and "ettlement" not in text and "own of" not in text and "amlet" not in text:
        return ents  # every cue has one of these words: skip the patterns
    found: dict[str, Entry] = {}
    for pattern in _UNLISTED_CUES:
        for m in pattern.finditer(text):
            for g in range(1, (pattern.groups or 0) + 1):
                name = m.group(g)
                if not name or name in found:
                    continue
                name = name.rstrip("'’ʼ")
                start = m.start(g)
                if " " in name and name.split()[0] in _NOT_PLACE_NAMES:
                    # "In Dunaika, a village in the Graivoron district": the name after the preposition
                    first = name.split()[0]
                    name, start = name[len(first) + 1 :], start + len(first) + 1
                if name in _NOT_PLACE_NAMES or name.split()[0] in _NOT_PLACE_NAMES or name in found:
                    continue
                known = next((e for e in ents if e.start == start and e.text == name), None)
                if known is not None and (_elsewhere(known, ents, gaz, text) or _dropped_district(known)):
                    # "the village of Zhuravlyovka in the Belgorod district": the gazetteer's only
                    # Zhuravlyovka lies in another oblast, so this one is a village it lacks
                    found[name] = _unlisted_entry(name, start, ents, gaz, text)
                    continue
                if _index(gaz).get(name) or any(e.start <= start < e.end for e in ents):
                    continue  # a name the gazetteer knows, or part of one, or a person
                found[name] = _unlisted_entry(name, start, ents, gaz, text)
    if not found:
        return ents
    for e in ents:  # every mention of a name re-read as an unlisted village
        if e.text in found and (e.place is None or not e.place.id.startswith("text:")):
            e.place = found[e.text]
            e.places = [found[e.text]]
    extra = [
        Ent(m.start(), m.end(), name, places=[entry], place=entry)
        for name, entry in found.items()
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)
    ]
    return _with_extra(ents, extra)


def _dropped_district(known: Ent) -> bool:
    """'the town of Pivdennyi': the gazetteer knows the name only as a district of a city the
    article never names, so it was set aside, and the town is one the gazetteer lacks."""
    return known.place is None and not known.places


_IN_AREA_RIGHT = re.compile(r"\s*(?:,\s*|\s+in\s+(?:the\s+)?|\s+of\s+(?:the\s+)?)$")


def _elsewhere(known: Ent, ents: list[Ent], gaz: Gazetteer, text: str) -> bool:
    """Whether the area the text puts a village in ("X in the Belgorod district") holds none of the
    gazetteer's places of that name."""
    if known.place is None or known.place.kind != "city" or not known.places:
        return False
    # "Officials in the Belgorod region said Ukrainian shells hit the village of Zhuravlevka": a sentence
    # that names only another country's regions puts the village there, not in a namesake abroad
    s = max(text.rfind(c, 0, known.start) for c in ".!?\n") + 1
    e = text.find(".", known.end)
    here = {
        x.place.country
        for x in ents
        if s <= x.start < (len(text) if e < 0 else e)
        and x is not known
        and x.place is not None
        and x.place.kind == "admin1"
        and x.place.country
    }
    if len(here) == 1 and all(c.country not in here for c in known.places):
        return True
    area = next((e for e in ents if e.start >= known.end and e.start - known.end <= 12), None)
    if area is None or area.place is None or not _IN_AREA_RIGHT.match(text, known.end, area.start):
        return False
    a1 = area.place.admin1 or (area.place.name if area.place.kind == "admin1" else "")
    if not a1 or area.place.kind not in ("city", "admin1", "district"):
        return False
    return all(c.admin1 != a1 for c in known.places)


def _unlisted_entry(name: str, at: int, ents: list[Ent], gaz: Gazetteer, text: str) -> Entry:
    """An ungeocoded settlement, placed in the oblast of the nearest known place in its sentence."""
    s = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    e = text.find(".", at)
    e = len(text) if e < 0 else e
    near = [
        x
        for x in ents
        if s <= x.start < e
        and x.start != at
        and ((x.place is not None and x.place.kind != "region") or x.country)
        # ("a missile strike by Russia on a cafe in the village of Hroza": who struck, not where)
        and not re.search(r"\bby\s+(?:the\s+)?$", text[max(0, x.start - 8) : x.start])
    ]
    near.sort(key=lambda x: (x.start < at, abs(x.start - at)))  # what follows the name locates it first
    if near and (near[0].place is None or near[0].place.kind == "country"):
        country = near[0].place.country if near[0].place is not None else near[0].country or ""
        return Entry(f"text:{name}", name, "city", country, "", None, None, 0, "")
    # "in the Kupiansk district", "30 km west of Kupiansk"; else the place named last before it
    # ("… in the Chernihiv region. Mortar rounds hit near the village of …")
    before = [
        x
        for x in ents
        if x.end <= at and x.place is not None and x.place.kind in ("city", "district", "admin1")
    ]
    loc = near[0].place if near else (before[-1].place if before else None)
    if loc is None:
        return Entry(f"text:{name}", name, "city", "", "", None, None, 0, "")
    return Entry(
        f"text:{name}", name, "city", loc.country, loc.admin1, None, None, 0, gaz.admin1_id(loc) or ""
    )


# Nuclear power plants named after a city or region they are not in: a strike on "the Zaporizhzhia
# nuclear power plant" is a strike at Enerhodar.
_PLANT_TOWNS = {
    "Zaporizhzhia": "Enerhodar",
    "Zaporozhye": "Enerhodar",
    "Kursk": "Kurchatov",
    "Rivne": "Varash",
    "Khmelnytskyi": "Netishyn",
    "Kalinin": "Udomlya",
    "Smolensk": "Desnogorsk",
}
_PLANT_RIGHT = re.compile(
    r"\s+(?:nuclear\s+(?:power\s+)?(?:plant|station|facility)|NPP|atomic\s+(?:power\s+)?(?:plant|station))\b"
)


def relocate_plants(ents: list[Ent], gaz: Gazetteer, text: str) -> None:
    """Put "the Zaporizhzhia nuclear power plant" at the town the plant is in."""
    for e in ents:
        town = _PLANT_TOWNS.get(e.text)
        if town is None or e.place is None or not _PLANT_RIGHT.match(text, e.end):
            continue
        cands = [c for c in gaz.candidates(town) if c.kind == "city" and c.country == e.place.country]
        if cands:
            e.place = max(cands, key=lambda c: c.population)
            e.places = [e.place]
