"""Attacks: find attack mentions clause by clause, then merge them into one event per real attack.

A *mention* is one clause that reports a strike (a trigger word plus something concrete:
a place, a count, a date). Mentions of the same attack — headline, lede, later
paragraphs — merge when their places are compatible (a district and its city; a city
and its region), their dates agree and their figures do not contradict each other.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from peacewatch.extract import dates as D
from peacewatch.extract import lexicon as L
from peacewatch.extract.context import Clause, DocContext, Sentence
from peacewatch.extract.counts import (
    CountFacts,
    classify,
    is_period_total,
    table_row,
    updates_toll,
    weapon_mentions,
)
from peacewatch.extract.entities import Ent, capital_spoke, first_name
from peacewatch.extract.gazetteer import Entry, Gazetteer
from peacewatch.extract.numbers import find_numbers, word_to_int
from peacewatch.records import Count, DateSpan, Event, Evidence, Place, Weapon

_WARRING = frozenset({"UA", "RU"})
_ATTACK_PLACE_KINDS = {"city", "district", "admin1", "region", "country"}
_LAUNCH_LEFT = re.compile(
    r"\b(?:(?<!road\s)(?<!highway\s)(?<!figure\s)(?<!figures\s)(?<!toll\s)(?<!report\s)(?<!reports\s)(?<!update\s)"
    r"(?<!news\s)(?<!reported\s)(?<!heard\s)(?<!updates\s)from|launched\s+from|fired\s+from|took\s+off\s+from|off\s+the\s+coast\s+of"
    r"|(?:bombers?|aircraft|jets?|planes?|warplanes?|ships?|warships?|submarines?|vessels?|carriers?)\s+(?:flying\s+|operating\s+"
    r"|positioned\s+|based\s+|patrolling\s+)?(?:over|above|in|from)|flying\s+over|from\s+(?:aircraft|bombers)\s+over"
    r"|in\s+the\s+directions?\s+of|from\s+the\s+(?:directions?|territory|area|airspace|waters|side)\s+of)\s+"
    r"(?:the\s+)?(?:\w+['’]s\s+)?(?:(?:temporarily\s+)?occupied\s+|Russian-occupied\s+|Russian-held\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
# "Explosions were reported from Kyiv, …, from Lutsk in the northwest, from Dnipro and from Zaporizhzhia":
# each "from" of the chain names a place where the blasts were, not where weapons were launched
_REPORTED_FROM_CHAIN = re.compile(
    r"\b(?:reported|heard)\s+from\s+(?:(?!launched|fired|took\s+off)[^.;:])*(?:,|\band)\s+from\s+$",
    re.IGNORECASE,
)
# ships attacked where they lie are the target, not a launch platform: "drones attacked Black Sea Fleet
# ships in Sevastopol bay"
_STRUCK_SHIPS_IN_LEFT = re.compile(
    r"\b(?:attacked|attacking|hit|struck|targeted|damaged|sank|sunk)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:ships?|warships?|vessels?|submarines?)\s+(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# between two launch areas of one list: separators and at most two plain words ("cities")
_LAUNCH_CHAIN = re.compile(
    r"(?:\s*\]?\s*(?:[,;]|\band\b|\bor\b)\s*(?:and\s+)?(?:the\s+)?(?:(?!at\b|on\b|against\b|toward|hit|struck|targe)"
    r"[a-z]+\s+){0,2})+\s*|\s+(?:(?:cities|regions|oblasts|areas|airfields?|and)\s*[,;]?\s*){1,3}(?:and\s+)?(?:the\s+)?",
)
_CAPITALS_METONYMY = {"Kyiv", "Kiev", "Moscow", "Washington", "Minsk", "Kremlin"}
# A capital is a place hit only when the text puts it there: "struck Kyiv", "Kyiv's Darnytskyi district".
_CAPITAL_ATTACKED_LEFT = re.compile(
    r"\b(?:on|at|in|over|near|around|outside|into|across|of|targeted|targeting|struck|hit|hitting|attacked|pounded"
    r"|(?:missiles|drones|rockets|shells|bombs)\s+strike"  # a timeline's "Two Russian missiles strike central Kyiv"
    r"|shelled|toward|towards|(?:strikes?|attacks?|barrage|assault|offensive)\s+(?:\w+\s+)?against|pummel(?:l)?ed"
    r"|(?:drones|missiles|shaheds|uavs|rockets)\s+against"
    r"|bombed|rocked|shook|across)\s+(?:the\s+)?"
    r"(?:(?:central|downtown|northern|southern|eastern|western|outer)\s+)?(?:capital\s+)?(?:city\s+of\s+)?$",
    re.IGNORECASE,
)
_CAPITAL_PLACE_RIGHT = re.compile(
    # (not the government that gives a figure: "Kiev put the death toll at five")
    r"^(?!\s+(?:put|puts|said|says|reported|reports|claimed|claims|estimated|gave|gives|raised|revised)\b)"
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?(?:district|suburbs?|outskirts|region|oblast|centre|center|residential|neighbou?rhoods?"
    r"|streets?|metro|homes|apartments?|buildings?|infrastructure|power|energy|skies|air\s+defen[cs]es?|mayor|city"
    r"|military\s+administration|residents|was\s+(?:hit|struck|attacked|targeted)|came\s+under|injured|dead|killed"
    r"|death\s+toll|toll|casualties|hit\s+by|struck\s+by|under\s+attack)\b"
    # one of two towns that were struck: "Kyiv and Odesa were hit", "Kyiv and Odesa took the hits"
    r"|^\s+and\s+[A-Z][\w'’-]+\s+(?:were\s+(?:hit|struck|attacked|targeted)|came\s+under|took\s+the\s+(?:hits|brunt)"
    r"|bore\s+the\s+brunt)\b",
    re.IGNORECASE,
)
# Strikes spoken of as the object of a pause are not strikes that happened.
_PAUSED_STRIKES = re.compile(
    r"\b(?:hold\s+off|refrain\w*\s+from|halt\w*|paus\w+|moratorium|truce|ceasefire|suspen\w+|stop\w*|ban\s+on)\b"
    r"(?:\s+[\w’'-]+){0,4}?\s+(?:on\s+|from\s+|to\s+)?(?:\w+\s+)?(?:strikes|attacks|striking|attacking|shelling|hitting|bombing|targeting)\b",
    re.IGNORECASE,
)
# "since the strikes on the grid began in October": when a campaign started, no attack of its own
_SINCE_BEGAN = re.compile(
    r"\bsince\s+(?:the\s+)?(?:[\w’'-]+\s+){0,6}?(?:began|started|erupted|resumed)\b(?:\s+(?:in|on|last)\s+[\w’'-]+)?"
    # "since the Crimean Bridge was damaged in 2022 and 2023": an earlier attack, told as a reference point
    r"|\bsince\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}?(?:was|were)\s+(?:damaged|hit|struck|attacked|destroyed|bombed|shelled)"
    r"\s+(?:in|on|last)\s+[\w’'-]+",
    re.IGNORECASE,
)
_METONYMY_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:has\s+|had\s+|have\s+|also\s+|later\s+|then\s+)?(?:said|says|say|denied|denies|claimed|claims"
    r"|accused|accuses|announced|insists|insisted|rejected|rejects|responded|wants|demanded|demands|agreed|agrees"
    r"|calls|called|considers|described|dismissed|warned|argued|acknowledged|blamed|allies|partners|position"
    r"|negotiators|delegation|government|leadership|regime|officials|envoys?|authorities\s+said)\b",
    re.IGNORECASE,
)
_ACTOR_NOUNS = (
    r"forces|troops|army|military|missiles?|drones?|UAVs?|strikes?|attacks?|barrage|bombardments?|shelling"
    r"|airstrikes?|air\s+strikes?|bombs?|jets|aircraft|warplanes|bombers|artillery|rockets?|salvos?|offensive"
    r"|occupiers|units?|shells|navy|fleet|air\s+force|assaults?|raids?|fire|soldiers|invaders|aggression|terror"
    r"|militants|saboteurs|formations|nationalists|militias?|armed\s+forces|Armed\s+Forces|armed\s+formations"
)
_MODEL_ALT = "|".join(rx for _, _, rx in L.WEAPON_MODELS)
_ACTOR_MOD = (
    rf"(?:(?:{L.WEAPON_MODIFIERS}|{_MODEL_ALT}|own|latest|overnight|massive|heavy|combined|deadly|relentless|fresh"
    rf"|recent|renewed|large-scale|missile|drone|glide|gliding|guided|aerial|cluster|and|strategic|[A-Z][\w-]*\d[\w-]*|S-\d+"
    rf"|[a-z]+-[a-z]+)\s+)"
)
_ACTOR_RIGHT = re.compile(
    rf"^(?:['’]s)?\s+[\"“]?{_ACTOR_MOD}{{0,4}}[\"“]?(?:{_ACTOR_NOUNS}|Shaheds|Gerans)\b"
    rf"(?!\s+(?:\w+\s+)?(?:said|says|reported|reports|stated|announced|warned|confirmed|claimed|added|noted|told"
    rf"|counted|counts|recorded|registered|tracked|detected|identified|identifies|published|estimated|spokes\w+"
    rf"|tallied|logged"
    rf"|called|calls|described|describes|dubbed|termed|branded"  # "which Ukraine's military called the largest …"
    rf"|shot|shoot|shoots|intercepted|intercept|intercepts|downed|repelled|repulsed|neutrali[sz]ed"
    # "the heaviest losses Ukrainian troops have suffered": the side hit, not the attacker
    rf"|(?:have\s+|has\s+|had\s+)?(?:suffered|sustained|lost|died)|were\s+(?:killed|wounded|injured)))"
    # "Ukraine's navy spokesman", "the Ukrainian army's press service": who speaks, not who attacked
    rf"(?!['’]?s?\s+(?:spokes(?:man|woman|person)|press\s+(?:service|office|secretary)|commanders?|chiefs?"
    rf"|officials?|sources?|statement|representatives?)\b)"
    # "Russian military airfields", "Ukrainian army positions": whose sites, not who attacked
    rf"(?!\s+(?:airfields?|air\s+bases?|bases?|facilit\w+|targets?|sites?|installations?|infrastructure|depots?"
    rf"|positions|plants?|airports?|warehouses?|headquarters|ships?|vessels?"
    # "Kyiv military administration chief Tymur Tkachenko said": a city's wartime office, no attacker
    rf"|administrations?|governors?|administrators?|authorities)\b)",
    re.IGNORECASE,
)
_ACTOR_VERB_RIGHT = re.compile(
    r"^(?:\s*,\s*[^,.;]{1,30},)?\s+(?:has\s+|had\s+|have\s+)?(?:also\s+|again\s+|then\s+|once\s+again\s+|reportedly\s+)?(?:launched|fired"
    r"|attacked|struck|strikes|hit|hits|pounded|shelled|bombarded|bombed|targeted|unleashed|sent|used|retaliated"
    r"|carried\s+out|conducted|stepped\s+up|pummel(?:l)?ed|slammed|attacks|launches|fires|rained|resumed|renewed"
    r"|intensified|unleashed|dropped|attempted|tried\s+to\s+(?:attack|strike|hit)"
    # "Russia aimed 78 missiles and 106 drones at Ukrainian power facilities"
    r"|aimed\s+(?=(?:more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+)?\d))\b",
    re.IGNORECASE,
)
_BY_LEFT = re.compile(r"\bby\s+(?:the\s+)?$", re.IGNORECASE)
# a side's own claim of a strike: "Ukraine's military said it had struck an oil depot"
_OWN_STRIKE_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?(?:said|says|claimed|announced|confirmed)\s+(?:that\s+)?"
    r"(?:it|its\s+(?:forces|troops|units|drones))\s+(?:had\s+|has\s+)?(?:struck|hit|attacked|targeted)\b",
    re.IGNORECASE,
)
_ENEMY = re.compile(
    r"\b(?:the\s+)?(?:enemy|occupiers|occupying\s+forces|invaders|Kremlin\s+forces|Russian\s+Federation)\b",
    re.I,
)
_ATTACK_OF = re.compile(
    r"\b(?:attacks?|strikes?|shelling|barrage|bombardment|aggression|assault|terror)\s+of\s+$", re.I
)
_DISPUTED_ACTOR = re.compile(
    r"\b(?:blamed\s+each\s+other|accused\s+each\s+other|each\s+side\s+blamed|trad(?:e|ed|es|ing)\s+(?:blame|accusations)"
    r"|denied\s+(?:firing|shelling|striking|attacking)|denied\s+(?:responsibility|involvement"
    r"|carrying\s+out)|(?:unclear|not\s+clear|not\s+known|unknown)\s+who|false\s+flag|staged|disputed\s+who"
    r"|no\s+one\s+claimed|did\s+not\s+say\s+who)\b",
    re.IGNORECASE,
)
_COUNTRY_PLACE_LEFT = re.compile(
    r"(?:\b(?:at|on|across|against|over|into|throughout|in|struck|hit|hitting|attacked|targeted|targeting|pummel\w*"
    r"|pounded|bombarded|shelled|all\s+over)\s+(?:the\s+)?(?:whole\s+of\s+|all\s+of\s+|much\s+of\s+"
    r"|parts\s+of\s+|cities\s+(?:across|in|of)\s+|regions\s+of\s+)?"
    r"|\b(?:much|parts|cities|regions|towns|all|whole)\s+of\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_COUNTRY_POSSESSIVE_TARGET = re.compile(
    r"^['’]s\s+(?:\w+\s+){0,2}?(?:energy|power|grid|infrastructure|cities|regions|skies|capital|territory|towns"
    r"|villages|ports?|railways?|gas|heating|civilians|people)\b",
    re.IGNORECASE,
)
_AFTER_ATTACK = re.compile(  # (not "a day after a missile struck": that counts back from the day; see _DAYS_AFTER_ATTACK)
    r"(?<!\sday\s)(?<!\sdays\s)(?<!\shour\s)(?<!\shours\s)(?<!\sweek\s)(?<!\sweeks\s)(?<!\snight\s)\bafter\s+(?:an?|the|its|their|this|that|last\s+\w+['’]s)\s+(?:[\w-]+\s+){0,4}$"
)
_WEAPON_AFTER_SIDE = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:drones?|UAVs?|missiles?|rockets?|unmanned\s+aerial\s+vehicles?|Shaheds?)\b",
    re.IGNORECASE,
)
_UA_AGENCY = re.compile(
    r"\b(?:SBU|HUR|GUR)\)?(?:['’]s)?\s+(?:[\w-]+\s+){0,2}?"
    # ("the SBU security service said it had detonated explosives beneath the bridge")
    r"(?:(?:said|says|claimed)\s+(?:that\s+)?(?:it|its\s+\w+)\s+(?:had\s+|has\s+)?)?"
    r"(?:struck|hit|attacked|targeted|detonated|blew\s+up|drones?|sea\s+drones?|naval\s+drones?)\b"
)
_SEPARATELY = re.compile(
    r"(?:separately|in\s+(?:a\s+separate|another)\s+(?:attack|strike|incident))\b"
)  # (matched at a sentence's start in lower-cased text)
_ELSEWHERE = re.compile(r"\b(?:in\s+other\s+(?:regions|cities|areas|parts|towns)|elsewhere)\b", re.IGNORECASE)
_PLURAL_SUMMARY = re.compile(
    r"\b(?:attacks|strikes)\s+(?:have\s+|had\s+)?(?:struck|hit|hits|targeted|continued|continue|hammered|pounded"
    r"|damaged|destroyed|killed|kill|left|caused)\b|^\s*(?:\w+\s+){0,3}?(?:attacks|strikes)\b"
    r"|\b(?:attacks|strikes)\s+(?:across|in|on)\s+(?:several|various|multiple|\w+ern)\b",
    re.IGNORECASE,
)

_BREAKDOWN_ITEM = (
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:(?:killed|dead|injured|wounded|people)\s+)?"
    r"in\s+(?:the\s+)?[A-Z][\w'’-]+"
)
_TOWN_BREAKDOWN = re.compile(rf"\s*:\s*{_BREAKDOWN_ITEM}(?:\s*,\s*(?:and\s+)?|\s+and\s+){_BREAKDOWN_ITEM}")
_TOWNS_SUMMARY = re.compile(
    r"^\W*(?:the\s+)?(?:two|three|four|five|several|many|both|dozens\s+of)\s+(?:of\s+the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:towns|cities|villages|settlements|communities|hromadas)\b[^.;]{0,80}?\b(?:were|have\s+been|came\s+under)\b",
    re.IGNORECASE,
)
_TARGET_TYPES = [t for _, t in L.TARGET_TERMS]
_TARGETS = L.Alternatives([rx for rx, _ in L.TARGET_TERMS], before=r"(?<![\w-])", after=r"(?![\w-])")
_SHELLING = re.compile(
    r"\b(?:shelling|shelled|shells?\s+(?:hit|struck|landed)|artillery\s+fire)\b", re.IGNORECASE
)
_SUPERLATIVE_BEFORE = re.compile(
    r"\b(?:largest|biggest|deadliest|heaviest|worst|most\s+\w+|loudest|longest|first|record"
    # "killed more civilians than any other single strike in Ukraine for months"
    r"|than\s+any\s+(?:other|previous|earlier)"
    # "…, the latest in a series of attacks this winter": this attack, set among others
    r"|the\s+latest\s+(?:in|of)|part\s+of\s+an?)\b[^,.;]*$"
)
_SAID_BEFORE = re.compile(
    r"\b(?:said|says|told\s+(?:\w+\s+){0,2}|announced|reported|wrote|added|stated|confirmed|claimed|posted"
    # "the last balance of the ministry, published Friday evening": when a figure was given out
    r"|(?:balance|toll|figures?|update|report|count|tally)(?:\s+[\w'’-]+){0,8}?,?\s+(?:published|released|issued|communicated|updated))"
    r"(?:\s+(?:in\s+a\s+statement|on\s+Telegram|on\s+social\s+media|late|early))?\s+$",
    re.IGNORECASE,
)
_ANAPHOR = re.compile(
    r"\bthe\s+(?:missiles?|strikes?|attack|drones?|blast|explosion|barrage|bomb|shell|rocket|warhead)\b",
    re.IGNORECASE,
)
_ALSO_HIT = re.compile(
    r"\b(?:was|were|had\s+been|have\s+been)\s+also\s+(?:hit|struck|targeted|damaged|attacked)\b"
    # "Hits were also recorded in the Zaporizhzhia and Odesa regions"
    r"|\b(?:hits|strikes|impacts|damage|destruction)\s+(?:was|were|had\s+been|have\s+been)\s+also\s+(?:recorded|reported"
    r"|registered)\b"
    # "Flames also hit the Ust-Luga terminal … after a drone attack"
    r"|\b(?:flames|fires?|debris|drones|strikes)\s+(?:had\s+)?also\s+(?:hit|struck|damaged|engulfed)\b",
    re.IGNORECASE,
)
_DURING_THE_ATTACK = re.compile(
    r"\b(?:during|in|for)\s+the\s+(?:overnight\s+|night['’]s\s+|same\s+)?(?:attack|assault|barrage|strike)\b",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-–•*·▪►✅❌🔸🔹🔴🟢]\ufe0f?|\d{1,2}[.)])\s*")
_QUESTION = re.compile(r"\?\s*[\"”’']?\s*$")


@dataclass(slots=True)
class Mention:
    clause: Clause
    sent: Sentence
    places: list[tuple[Entry, Ent]]
    actor: str | None
    actor_strong: bool
    facts: CountFacts
    date: D.DateMention | None
    targets: set[str]
    in_title: bool
    elsewhere: bool
    summary: bool  # "Russian attacks struck civilian targets": several attacks, none specific
    explicit_country: bool = False  # "at Ukraine"
    authority_only: bool = False  # its only places are where the reporting officials sit
    table_row: bool = False  # a row of a text table of figures ("Kalibr | 8 | 8")
    towns_summary: bool = False  # "Two of the largest towns in the region were hit again this week"
    entry: dt.date | None = None  # the day of the timeline entry it stands in
    memo: dict[str, object] = field(default_factory=dict)  # per-mention answers grouping asks again and again

    @property
    def stale(self) -> bool:
        """Its figures are an earlier count the text itself moves past."""
        return _STALE.search(self.sent.text, self.sent.start, self.sent.end) is not None

    @property
    def specific(self) -> bool:
        return any(e.kind in ("city", "district", "admin1", "region") for e, _ in self.places)

    @property
    def has_numbers(self) -> bool:
        f = self.facts
        return bool(
            (f.killed and f.killed.has_number)
            or (f.injured and f.injured.has_number)
            or any((lc and lc.has_number) or (ic and ic.has_number) for _, _, lc, ic in f.weapons)
        )


# an hour of the day as a post or a live page writes it: "09:14", "21.47"
_HOUR = r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
# a thread's post number before it: "5/11 [09:50] UPD:"
_POST_NUMBER = r"(?:\d{1,2}/\d{1,2}\s+)?"


# "UPDATE 18:05: One person has died … Three dead, 41 injured.": a post's running toll, paragraph by
# paragraph; "As of this hour, the bombing has killed six": the figure so far
_UPDATE_HEAD = re.compile(
    r"\s*(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?,\s*)?"
    # a post's number, time or source before it: "5/11 [09:50] UPD:", "14:45 — UPD:", "[Telegram, 14:45] Vilkul: UPD —"
    rf"{_POST_NUMBER}(?:\[[^\]\n]{{1,30}}\]\s*)?(?:{_HOUR}\s*[–—-]?\s*)?"
    r"(?:[A-Z][\w'’-]+(?:\s+\([^)\n]{1,30}\))?:\s*)?"
    r"\[?\s*(?:UPDATE[SD]?|Update[sd]?|UPD)\b[^\n]{0,30}?[:.–—-]"
)
_AS_OF = re.compile(
    rf"\b[Aa]s\s+of\s+(?:this\s+hour|now|this\s+(?:morning|evening|afternoon)|{_HOUR})\b"
    # "By evening, at least four people had been killed": the day's figure so far
    r"|^By\s+(?:(?:the\s+)?(?:evening|nightfall|midday|noon|afternoon|late\s+evening|the\s+end\s+of\s+the\s+day)"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+(?:evening|afternoon|night))\b"
)


def _posted_update(m: Mention) -> bool:
    """Whether the mention's figures are the running toll of a post updated through the day."""
    text = m.sent.text
    head = text.rfind("\n", 0, m.sent.start) + 1
    # (sliced: "^" is the sentence's own start)
    return _UPDATE_HEAD.match(text, head, head + 80) is not None or (
        _AS_OF.search(text[m.sent.start : m.sent.end]) is not None
    )


_STAMP = re.compile(r"(\d{1,2})[:.](\d\d)")


def _post_clock(m: Mention) -> int | None:
    """The minute of the day a live page's post holding the mention is stamped with, if any."""
    text = m.sent.text
    head = text.rfind("\n", 0, m.sent.start) + 1
    if not clock_heading(text, head):
        return None
    above = text[max(0, head - 80) : head].rstrip("\n").rsplit("\n", 1)[-1]
    stamp = _STAMP.search(text, head, head + 12) or _STAMP.search(above)
    return int(stamp.group(1)) * 60 + int(stamp.group(2)) if stamp is not None else None


# "the minister said that, in total, seven people had been killed … across the country"
_GRAND_TOTAL_INSIDE = re.compile(r",\s+in\s+(?:total|all),\s")
_GRAND_TOTAL = re.compile(
    r"(?:In\s+all|In\s+total|Altogether|Overall|All\s+told|Nationwide|Across\s+the\s+country|Across\s+Ukraine|Across\s+Russia"
    # "Across the capital and the surrounding region, three people were killed and 20 injured"
    r"|(?:Across|In)\s+the\s+(?:capital|city)\s+and\s+(?:the\s+)?(?:surrounding\s+)?(?:region|oblast|area)),?\s"
)


@dataclass(slots=True)
class AttackCluster:
    mentions: list[Mention] = field(default_factory=list)

    def place_entries(self) -> list[Entry]:
        seen: dict[str, Entry] = {}
        for m in self.mentions:
            for e, _ in m.places:
                seen.setdefault(e.id, e)
        return list(seen.values())

    def date(self) -> DateSpan | None:
        ds = [m.date for m in self.mentions if m.date is not None and m.date.span.start is not None]
        if not ds:
            return None
        best = D.best(ds)
        return best.span if best else None

    def first_count(self, which: str) -> tuple[Count | None, Mention | None]:
        """The figure an event carries: a later "rose to" update wins, else the first one given;
        a figure the text marks as superseded ("initial reports spoke of three dead") comes last."""
        chosen: tuple[Count | None, Mention | None] = (None, None)
        chosen_stale = True
        ordered = sorted(self.mentions, key=lambda x: x.clause.start)
        # tolls only rise: of the figures the text gives as updates ("climbed to 20", "rose to 7"),
        # the highest is the latest, even in a live blog that runs newest first
        updates = [
            (getattr(m.facts, which), m)
            for m in ordered
            if getattr(m.facts, which) is not None
            and getattr(m.facts, which).has_number
            and (getattr(m.facts, f"{which}_update") or _posted_update(m))
        ]
        # "a nationwide total: at least 38 killed … in today's attack on Kyiv, Kryvyi Rih, Dnipro and
        # Pokrovsk": the whole attack's figure, over any one town's update
        over_towns = [
            (c, m) for m in ordered if (c := getattr(m.facts, which)) is not None and _total_over_towns(m)
        ]
        if over_towns and (over_towns[-1][0].best or 0) >= max((c.best or 0 for c, _m in updates), default=0):
            return over_towns[-1]
        if updates:  # of equal figures, the body's ("risen to at least 23") over the headline's
            best = max(updates, key=lambda cm: (cm[0].best or 0, not cm[1].in_title))
            # a live page's later post with a higher figure, though not worded as an update ("08:05 the
            # toll rises to five killed" … "14:50 seven people have died"): tolls only rise
            stamp = _post_clock(best[1])
            later = [
                (c, m)
                for m in ordered
                if stamp is not None
                and (c := getattr(m.facts, which)) is not None
                and c.has_number
                and (c.best or 0) > (best[0].best or 0)
                and not m.stale
                and not m.summary
                and (at := _post_clock(m)) is not None
                and at > stamp
            ]
            return max(later, key=lambda cm: cm[0].best or 0) if later else best
        # "In all, the barrage killed at least six": the whole attack's figure, over a town's
        totals = [
            (c, m)
            for m in ordered
            if (c := getattr(m.facts, which)) is not None
            and c.has_number
            and (
                _GRAND_TOTAL.match(m.sent.text, m.sent.start)
                or _GRAND_TOTAL_INSIDE.search(m.sent.text, m.sent.start, m.sent.end)
                or _total_over_towns(m)
                # "Regional authorities reported at least five deaths nationwide": the whole attack's
                # (in a barrage with its launch tally, and not a month's figures)
                or (
                    not m.in_title
                    and not m.specific
                    and _NATIONWIDE.search(m.sent.text, m.sent.start, m.sent.end)
                    and _barrage_tally(self)
                    and not is_period_total(L.lower(m.sent.text[m.sent.start : m.sent.end]))
                    # (of this attack's own day: not "that barrage" of the day before)
                    and (m.date is None or (own := self.date()) is None or m.date.span.start == own.start)
                )
            )
        ]
        if totals:
            return totals[-1]
        for m in ordered:
            c = getattr(m.facts, which)
            if c is None:
                continue
            upd = getattr(m.facts, f"{which}_update")
            stale = m.stale
            cur = chosen[0]
            if (
                cur is None
                or (upd and c.has_number and not stale)
                or (not cur.has_number and c.has_number)
                or (chosen_stale and not stale and c.has_number)
            ):
                chosen = (c, m)
                chosen_stale = stale
        head, hm = chosen
        if head is None or hm is None:
            return chosen

        def body(
            fits: Callable[[Count], bool], after: int = -1
        ) -> tuple[Count | None, Mention | None] | None:
            """The first figure the body gives after ``after`` that ``fits``."""
            for m in ordered:
                c = getattr(m.facts, which)
                if m.clause.start > after and not m.in_title and not m.stale and c is not None and fits(c):
                    return c, m
            return None

        better = None
        if head.value and head.children == head.value:
            # "the attack in Sumy that killed two children" over "11 people lost their lives": the
            # children are among the dead the body counts
            value = head.value
            better = body(lambda c: c.value is not None and c.value > value and c.children != c.value)
        elif hm.in_title and head.qualifier == "at_least" and head.low:
            # "more than 100 wounded" over a body that gives 113: the headline rounds the body's figure
            low = head.low
            better = body(lambda c: c.qualifier == "exact" and (c.value or 0) >= low)
        elif hm.in_title and head.qualifier == "exact" and head.value:
            # "Glide bombs kill 13" over a body's "killing at least 13": the headline drops the hedge
            value = head.value
            better = body(lambda c: c.qualifier == "at_least" and c.low == value)
        elif head.qualifier == "at_least" and head.low:
            # "injuring more than 50" in the lede, then "61 people had sought medical help": the exact
            # count the rough one stood for
            low = head.low
            better = body(
                lambda c: c.qualifier == "exact" and c.value is not None and low < c.value <= 2 * low,
                hm.clause.start,
            )
        return better or chosen


_STALE = re.compile(
    r"\b(?:initial(?:ly)?|earlier|at\s+first|first\s+reports?|previously|preliminary|had\s+(?:earlier\s+)?reported"
    r"|at\s+noon|by\s+(?:the\s+)?(?:morning|midday|afternoon|evening)|then\s+\d+|before\s+(?:it|the\s+toll)\s+rose)\b",
    re.IGNORECASE,
)
# the city or cities a dateline opens with: "KHERSON", "POLTAVA / LVIV"
_DATELINE_CITY = r"[A-Z][A-Z’'.-]+(?: [A-Z][A-Z’'.-]+){0,2}"
_DATELINE_CITIES = rf"{_DATELINE_CITY}(?: / {_DATELINE_CITY})*"
# "LYSYCHANSK, Ukraine - …", "KHERSON (Reuters) — …": a wire dateline opening a paragraph
_DATELINE = re.compile(
    rf"(?:[^\w\s]{{1,3}}\s*)?(?:(?P<place>{_DATELINE_CITIES})"
    r"(?:, [A-Z][\w. ]{2,30}){0,2}"  # ("LVIV, Ukraine, Sept 4 (Agency) —")
    r"(?: \([^)]{2,40}\))? ?(?:[-–—]|[.:](?=\s))"
    # a regional round-up's labels: "Semenivka hromada (Novhorod-Siverskyi raion).", "🔹 Chernihiv."
    r"|(?P<label>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)?)(?: (?:hromada|community|raion|district|region|oblast))?"
    # ("Sumy, 31 March." heading an incident in a monitor's list)
    r"(?: \([^)]{2,40}\))?(?:, (?:\d{1,2} [A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.? \d{1,2})(?: \d{4})?)?[.:](?=\s))"
)
# where correspondents file from: a dateline there says where the reporter is, not what was hit
_BUREAU_CITIES = frozenset({"Kyiv", "Kiev", "Moscow", "Washington", "London", "Brussels", "Berlin", "Paris"})


_DATELINE_BEFORE_DATE = re.compile(rf"^\s*{_DATELINE_CITIES},(?: [A-Z][\w ]{{2,30}},)? ?$")
_DATELINE_AFTER_DATE = re.compile(r"\s*(?:\([^)]{2,40}\))?\s*[-–—]")


def _in_dateline(stext: str, d: D.DateMention) -> bool:
    """Whether the date sits in a wire dateline ("KHARKIV, Ukraine, Jan 9 (Agency) -")."""
    return (
        _DATELINE_BEFORE_DATE.match(stext[: d.start]) is not None
        and _DATELINE_AFTER_DATE.match(stext, d.end) is not None
    )


# a timeline's entry opens on its day: "25 May - The biggest combined strike …", "Wed 9 Jul - …",
# "1 December (Monday) - Dnipro", "Friday 20 December. Russia fired …", "Jan 8 | Zaporizhzhia.", "23 to 25
# March, Riyadh.", "• 30/05 — …", "Tue 3.09 —", "11/11/2022: …", "24 January, Ryazan."; or on a weekday alone
# ("Saturday. Drones struck …"), the first such day after the entry before it
_WD = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
_ENTRY_DAY = re.compile(
    rf"\W{{0,3}}(?:{_WD})?"
    rf"(?:(?:\d{{1,2}}(?:\s*(?:[-–]|to)\s*(?:{_WD})?\d{{1,2}})?\s+{_MON}|{_MON}\s+\d{{1,2}}(?:\s*(?:[-–]|to)\s*\d{{1,2}})?)"
    r"(?:,?\s+20\d\d)?"
    r"|(?P<d>\d{1,2})[./](?P<m>\d{1,2})(?:[./](?P<y>20\d\d))?(?!\d))"
    r"(?:\s*\([^)\n]{1,40}\))?"
    # a label after a comma: a place ("24 January, Ryazan.", "11 March, Moscow region.") or a time of day
    # (and a trip's two ends: "29 December, Vienna to Bratislava")
    r"(?:,\s+(?P<label>(?:(?:[A-Z][\w'’-]*|region|oblast|district|Day)\s?){1,4}(?:(?:to|and)\s(?:[A-Z][\w'’-]*\s?){1,3})?)"
    r"|,\s+(?:early\s+|late\s+)?(?:morning|afternoon|evening|night|overnight|before\s+dawn|at\s+dawn|in\s+daylight"
    r"|midday|noon))?"
    r"\s*(?:[-–—:|](?:\s|$)|\.(?:\s|$)|\n|$)"
)
_ENTRY_WEEKDAY = re.compile(
    r"\W{0,3}(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:,\s+[A-Z][\w ]{2,20})?(?:[.:](?:\s|$)|[ \t]*(?:\n|$))"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _paragraph_blocks(ctx: DocContext) -> dict[int, int]:
    """Paragraph → its block of lines (lines with no blank line between them are one block)."""
    hit = ctx.memo.get("paragraph_blocks")
    if hit is None:
        blocks = _blocks(ctx)
        hit = ctx.memo["paragraph_blocks"] = {x.paragraph: blocks[x.index] for x in ctx.sentences}
    return hit  # type: ignore[return-value]


def _entry_spans_of(ctx: DocContext) -> dict[int, DateSpan]:
    spans = ctx.memo.get("entry_spans")
    if spans is None:
        spans = ctx.memo["entry_spans"] = _entry_spans(ctx)
    return spans  # type: ignore[return-value]


def _entry_days_of(ctx: DocContext) -> dict[int, dt.date]:
    days = ctx.memo.get("entry_days")
    if days is None:
        days = ctx.memo["entry_days"] = {
            p: s.start for p, s in _entry_spans_of(ctx).items() if s.precision == "day" and s.start
        }
    return days  # type: ignore[return-value]


def entry_day(ctx: DocContext, sent: Sentence) -> dt.date | None:
    """The day of the timeline entry the sentence belongs to, which its relative words ("overnight into
    Sunday", "the next day") count from, as a report's own words count from the day it is published."""
    return _entry_days_of(ctx).get(sent.paragraph)


def entry_span(ctx: DocContext, sent: Sentence) -> DateSpan | None:
    """The days of the timeline entry the sentence belongs to: one day, or two ("24-25 November - Abu
    Dhabi") for a meeting that the entry's own words leave undated."""
    return _entry_spans_of(ctx).get(sent.paragraph)


def _entry_date(ctx: DocContext, sent: Sentence) -> D.DateMention | None:
    """A timeline entry's day, for a report in it that names no day of its own."""
    day = entry_day(ctx, sent)
    return None if day is None else D.DateMention(0, 0, "", DateSpan(day, day, "day"), "entry")


def _entry_spans(ctx: DocContext) -> dict[int, DateSpan]:
    out: dict[int, DateSpan] = {}
    text, last = ctx.text, None
    for s in ctx.sentences:
        if (
            s.start < ctx.title_end
            or s.paragraph in out
            or (s.index and ctx.sentences[s.index - 1].paragraph == s.paragraph)
        ):
            continue
        day, span = None, None
        head = _ENTRY_DAY.match(text, s.start, s.end)
        if head is not None and head.group("d") and ctx.published is not None:
            dd, mm = int(head.group("d")), int(head.group("m"))
            year = int(head.group("y") or ctx.published.year - (mm > ctx.published.month))
            try:
                day = dt.date(year, mm, dd)
            except ValueError:
                day = None
        elif head is not None:
            # ("Friday 20 December": the date, not the weekday counted from the publication day)
            ds = [
                d
                for d in D.find_dates(
                    text[s.start : min(s.end, s.start + 40)], ctx.published, ctx.anchor_year
                )
                if d.start < 24 and d.span.precision in ("day", "days") and d.kind != "weekday"
            ]
            if ds and ds[0].span.precision == "day":
                day = ds[0].span.start
            elif ds and ds[0].span.start and ds[0].span.end and (ds[0].span.end - ds[0].span.start).days <= 3:
                span = ds[0].span
        elif (wd := _ENTRY_WEEKDAY.match(text, s.start, s.end)) is not None:
            if last is not None:
                ahead = (_WEEKDAYS.index(wd.group("w").lower()) - last.weekday()) % 7 or 7
                day = last + dt.timedelta(days=ahead)
            elif ctx.published is not None:  # a week's first entry: that weekday of the week just ended
                back = (ctx.published.weekday() - _WEEKDAYS.index(wd.group("w").lower())) % 7
                day = ctx.published - dt.timedelta(days=back)
        if day is not None:
            out[s.paragraph] = DateSpan(day, day, "day")
            last = day
        elif span is not None:
            out[s.paragraph] = span
    # an entry's heading on a line of its own ("24 August - Kursk and Ust-Luga") heads the lines under it,
    # up to the next blank line
    block_of = _paragraph_blocks(ctx)
    for para, got in sorted(out.items()):
        nxt = para + 1
        while nxt in block_of and nxt not in out and block_of[nxt] == block_of[para]:
            out[nxt] = got
            nxt += 1
    return out


def _datelines(ctx: DocContext) -> dict[int, tuple[Entry, Ent]]:
    """Paragraph → the place its dateline names (else the one city of the section heading just above
    it), for attack reports there that name none."""
    out: dict[int, tuple[Entry, Ent]] = {}
    text = ctx.text
    seen: set[int] = set()
    for sent in ctx.sentences:
        if sent.paragraph in seen:
            continue
        seen.add(sent.paragraph)
        m = _DATELINE.match(text, sent.start)
        if m is None or "/" in (m.group("place") or ""):
            continue  # (a story filed from two cities names neither for what has no place)
        ents = [e for e in ctx.ents_in(sent.start, m.end()) if e.place is not None]
        label = m.group("label") is not None
        if not ents or ents[0].start != m.start("label" if label else "place"):
            continue
        if label and m.end() < sent.end - 1:
            continue  # "Chernihiv. …" only when the label is a sentence of its own
        e = ents[0].place
        if e is None or e.kind not in ("city", "district", "admin1") or e.name in _BUREAU_CITIES:
            continue
        if not label and _places_later_in_sentence(ctx, sent, m.end(), ents[0]):
            continue  # "BRYANSK, Oct 10 - … shot down over the Novozybkov district": where it was filed
        if label and (
            e.kind != "city"
            or re.search(r" (?:hromada|community|raion|district|region|oblast)\b", m.group(0))
        ):
            # "📍 Vasylivka district. An FPV drone hit a car near Kamianka-Dniprovska …": the other
            # town the paragraph names is where its casualties are, not the district of the label
            end = ctx.text.find("\n\n", m.end())
            rest = ctx.ents_in(m.end(), len(text) if end < 0 else end)
            towns = {x.place.name for x in rest if x.place is not None and x.place.kind == "city"}
            if towns and e.name not in towns:
                continue
        out[sent.paragraph] = (e, ents[0])
    # a section heading that names one city ("What happened in Izmail", "Kyiv overnight") places the
    # reports of the paragraph under it that name no place of their own
    for sent in ctx.sentences:
        stext = text[sent.start : sent.end].strip()
        if (
            sent.start < ctx.title_end
            or len(stext) > 60
            or stext.endswith((".", "!", "?", ":", '"', "”"))
            or re.search(r"\d|\||\s[-–—]\s|^By\s|[©@]", stext)  # a byline, a date line, "Outlet | Section"
            or "\n" not in text[sent.end : sent.end + 2]
            or any(
                o.paragraph == sent.paragraph and o is not sent
                for o in ctx.sentences[max(0, sent.index - 1) : sent.index + 2]
            )
        ):
            continue
        cities = [
            x for x in ctx.ents_in(sent.start, sent.end) if x.place is not None and x.place.kind == "city"
        ]
        if len(cities) != 1 or cities[0].place is None or cities[0].place.name in _BUREAU_CITIES:
            continue
        nxt = sent.paragraph + 1
        if nxt not in out:
            out[nxt] = (cities[0].place, cities[0])
    # a timeline entry headed by its place: "14 January - Dnipro. On a Saturday afternoon a Kh-22 struck …",
    # "28 August - Kyiv" on a line of its own
    entry_days = _entry_days_of(ctx)
    for para in sorted(entry_days):
        if para in out:
            continue
        first = next(s for s in ctx.sentences if s.paragraph == para)
        head = _ENTRY_DAY.match(text, first.start, first.end)
        if head is None:
            continue
        if head.group("label"):  # "24 January, Ryazan."
            label_start, label_end = head.span("label")
        else:  # "14 January - Dnipro. On a Saturday afternoon …", "Jan 8 | Zaporizhzhia."
            stop = _LABEL_STOP.search(text, head.end(), first.end)
            label_start, label_end = head.end(), stop.start() if stop else first.end
        if len(text[label_start:label_end].split()) > 5:
            continue
        named = _heading_place(ctx, label_start, label_end, ("city", "admin1", "district"))
        if named is not None:
            out[para] = named
            # (a heading on a line of its own heads the lines under it that share its day)
            block_of, nxt = _paragraph_blocks(ctx), para + 1
            while (
                nxt not in out
                and entry_days.get(nxt) == entry_days[para]
                and block_of.get(nxt) == block_of[para]
            ):
                out[nxt] = out[para]
                nxt += 1
    # a numbered item headed by its place ("3. Kramatorsk railway station, April 2022. A Tochka-U missile
    # … killed 61"): the item's strike happened there, not in the town of the item before
    for sent in ctx.sentences:
        if sent.paragraph in out or not _ITEM_NUMBER.fullmatch(text, sent.start, sent.end):
            continue
        item = ctx.sentences[sent.index + 1] if sent.index + 1 < len(ctx.sentences) else None
        if (
            item is None
            or item.paragraph != sent.paragraph
            or not _ITEM_HEAD.fullmatch(text, item.start, item.end)
        ):
            continue
        named = _heading_place(ctx, item.start, item.end, ("city", "admin1"))
        if named is not None:
            out[sent.paragraph] = named
    # ("2 January, Krakow": where a touring band or a correspondent is, no place of this war's strikes)
    return {para: placed for para, placed in out.items() if placed[0].country in _WARRING}


def _heading_place(ctx: DocContext, start: int, end: int, kinds: tuple[str, ...]) -> tuple[Entry, Ent] | None:
    """The one place a heading names ("Kramatorsk railway station, April 2022."); a town named with its
    region ("Ust-Luga, Leningrad region.") is the town."""
    heads = [x for x in ctx.ents_in(start, end) if x.place is not None and x.place.kind in kinds]
    towns = [x for x in heads if x.place is not None and x.place.kind in ("city", "district")]
    if len(towns) == 1 and all(
        x is towns[0] or (x.place is not None and x.place.name == towns[0].place.admin1)  # type: ignore[union-attr]
        for x in heads
    ):
        heads = towns
    if len({x.place.id for x in heads if x.place is not None}) == 1 and heads[0].place is not None:
        return heads[0].place, heads[0]
    return None


# where an entry heading's place label ends: "14 January - Dnipro." / "28 August - Kyiv" (a line)
_LABEL_STOP = re.compile(r"[.:\n]")
# a numbered item's heading: "3." then "Kramatorsk railway station, April 2022." (a short sentence)
_ITEM_NUMBER = re.compile(r"\s*\d{1,2}[.)]\s*")
_ITEM_HEAD = re.compile(r"\s*(?=[A-Z])(?:[^\s.]+\s+){0,7}[^\s.]+\.\s*")


# "Where it hit", "Hits were recorded in:", "Affected regions:": the list below it names the places
# the attack reported above struck, one line each, often with no verb ("- Odesa region: a substation")
_HIT_LIST = re.compile(
    r"^\W*(?:where\s+(?:it|they|the\s+\w+)\s+(?:hit|struck|landed)|hits?\s+(?:were\s+)?(?:recorded|reported)\s+in"
    r"|(?:affected|targeted)\s+(?:regions|oblasts|areas)|(?:regions|oblasts|areas)\s+(?:hit|affected|attacked|targeted)"
    r"|(?:damage|consequences|impacts?|hits)\s+by\s+region)\b[^.!?]*$",
    re.IGNORECASE,
)
_LAUNCH_LIST = re.compile(
    r"\blaunch(?:ed|ing)?\s+(?:areas?|sites?|zones?|directions?|points?|positions?|from)\b", re.IGNORECASE
)


_MOTIVE = L.lc(
    r"\b(?:as|in|calling\s+it|called\s+it|describing\s+it\s+as|described\s+it\s+as)\s+"
    r"(?:(?:what|which)\s+(?:it|he|she|they|moscow|kyiv)\s+(?:called|described\s+as|said\s+was)\s+(?:an?\s+)?)?"
    r"(?:payback|retaliation|revenge|reprisals?|a\s+response|response)\s+(?:for|to)\b"
)


# what a page or a list sets out to cover, not an attack: "This list covers …", "This article is about …"
_SCOPE_NOTE = re.compile(
    r"\s*(?:This|The\s+following|Below\s+(?:is|are))\s+(?:dynamic\s+)?(?:list|article|page|table|timeline|chronology"
    r"|section|entries|entry|overview)?\s*(?:covers|lists|records|describes|is\s+about|collects|sets\s+out|gives"
    r"|includes|summari[sz]es)\b"
)


def _not_attack(low: str) -> bool:
    """Whether a lower-cased sentence rules out an attack, unless what rules it out is only the news it
    is timed against: "Russia attacked Kyiv overnight, injuring 15, hours after the two countries
    completed a prisoner exchange" (not "bodies handed over after the attack")."""
    veto = L.NOT_ATTACK.search(low)
    if veto is None:
        return False
    link = _TIMED_AGAINST.search(low, 0, veto.start())
    return not (
        link is not None
        and L.STRONG_ATTACK.search(low, 0, link.start()) is not None
        and L.NOT_ATTACK.search(low, 0, link.start()) is None
    )


# a strike told against other news of its day: "…, hours after", "…, as", "…, a day before"
_TIMED_AGAINST = L.lc(
    r",\s+(?:(?:just\s+|only\s+)?(?:hours|days|a\s+day|minutes|shortly|soon|a\s+few\s+hours)\s+(?:after|before)"
    r"|as|while|just\s+as|on\s+the\s+(?:same\s+)?day|amid)\s"
)


# an encyclopedia's infobox, one "Label: value" line each: "Date: 8 April 2022", "Location: Kramatorsk",
# "Weapons: Tochka-U missile", "Deaths: 61", "Injured: 150+", "Perpetrator: Russian Armed Forces"
_INFOBOX_LINE = re.compile(
    r"^[ \t]*(?P<label>[A-Z][A-Za-z ]{1,24}?)[ \t]*:[ \t]*(?P<value>\S[^\n]*)$", re.MULTILINE
)
_INFOBOX_HARM = frozenset(
    {"deaths", "killed", "dead", "fatalities", "injured", "wounded", "injuries", "casualties"}
)
_INFOBOX_ARMS = frozenset({"weapon", "weapons", "weapons used", "intercepted", "shot down", "downed"})
_INFOBOX_ACTOR = frozenset({"perpetrator", "perpetrators", "attributed to", "attacker", "belligerent"})


def _infobox(ctx: DocContext) -> dict[str, tuple[int, int]] | None:
    """The attack infobox at the head of a reference page: label → the span of its line, when the lines
    give a date, a location and a toll or the weapons."""
    hit = ctx.memo.get("infobox", False)
    if hit is not False:
        return hit  # type: ignore[return-value]
    text, box = ctx.text, None
    lines: dict[str, tuple[int, int]] = {}
    last_end = -1
    for m in _INFOBOX_LINE.finditer(text, ctx.title_end, min(len(text), ctx.title_end + 2500)):
        if last_end >= 0 and text[last_end : m.start()].strip():
            if _infobox_complete(lines):
                break
            lines = {}  # a run of label lines ends at the first line of prose
        lines.setdefault(m.group("label").strip().lower(), (m.start(), m.end()))
        last_end = m.end()
    if _infobox_complete(lines):
        box = lines
    ctx.memo["infobox"] = box
    return box


def _infobox_complete(lines: dict[str, tuple[int, int]]) -> bool:
    return "date" in lines and "location" in lines and bool(lines.keys() & (_INFOBOX_HARM | _INFOBOX_ARMS))


def _infobox_date(ctx: DocContext, box: dict[str, tuple[int, int]]) -> D.DateMention | None:
    """The day the infobox's "Date:" line gives ("23 June 2024, c. 12:15 MSK", "night of 27-28 August 2025")."""
    if "infobox_date" not in ctx.memo:
        sent = ctx.sentence_of(box["date"][0])
        ds = [
            d
            for d in D.find_dates(ctx.text[sent.start : sent.end], ctx.published, ctx.anchor_year)
            if d.span.precision in ("day", "days") and d.kind not in ("relative_day", "weekday")
        ]
        ctx.memo["infobox_date"] = ds[-1] if ds else None
    return ctx.memo["infobox_date"]  # type: ignore[return-value]


def _infobox_mentions(ctx: DocContext, gaz: Gazetteer, box: dict[str, tuple[int, int]]) -> list[Mention]:
    """One report per infobox line that counts something, all at the box's location, day and attacker."""
    text = ctx.text
    loc_start, loc_end = box["location"]
    loc_sent = ctx.sentence_of(loc_start)
    places, _ = _attack_places(
        ctx, ctx.ents_in(loc_start, loc_end), Clause(loc_start, loc_end, loc_sent.index), gaz
    )
    # "Location: Uchkuevka beach, Sevastopol, Crimea": the town; the region only says where it lies
    places = [
        (e, ent)
        for e, ent in places
        if e.kind not in ("admin1", "region", "country")
        or not any(x is not e and gaz.contains(e, x) for x, _ in places)
    ]
    date = _infobox_date(ctx, box)
    actor = None
    for label in _INFOBOX_ACTOR & box.keys():
        a, b = box[label]
        # ("Attributed to: Armed Forces of Ukraine (according to Russian officials)": who, not who says so)
        said = re.search(r"\(|\baccording\s+to\b", text[a:b])
        b = a + said.start() if said else b
        if not re.search(r"\b(?:disputed|denied|unclear|unknown|contested)\b", text[a:b], re.IGNORECASE):
            sides = {e.side for e in ctx.ents_in(a, b) if e.side in ("RU", "UA")}
            actor = sides.pop() if len(sides) == 1 else None
    out: list[Mention] = []
    for label, (a, b) in sorted(box.items(), key=lambda kv: kv[1]):
        if label not in _INFOBOX_HARM | _INFOBOX_ARMS:
            continue
        sent = ctx.sentence_of(a)
        facts = classify(text[a:b])
        if label in ("intercepted", "shot down", "downed"):
            facts = _as_intercepted(facts)
        if not (facts.killed or facts.injured or facts.weapons or facts.kinds):
            continue
        out.append(
            Mention(
                clause=Clause(a, b, sent.index),
                sent=sent,
                places=list(places),
                actor=actor,
                actor_strong=actor is not None,
                facts=facts,
                date=date,
                targets=set(),
                in_title=False,
                elsewhere=False,
                summary=False,
            )
        )
    return out


def mentions(ctx: DocContext, gaz: Gazetteer) -> list[Mention]:
    """Every clause of the document that reports an attack."""
    out: list[Mention] = []
    text = ctx.text
    paragraph, prior = -1, None
    last_mention_sent = -1
    triggered = ctx.sentences_with(L.TRIGGER_RE)
    datelines = _datelines(ctx)
    shot_down_list = False  # inside a list under "air defence shot down 53 means of air attack:"
    launch_list = False  # inside a list under "Launch areas:"
    hit_list = False  # inside a list under "Where it hit"
    other_war = ctx.other_war()
    box = _infobox(ctx)
    box_span = (min(a for a, _ in box.values()), max(b for _, b in box.values())) if box else (-1, -1)
    box_read = False
    for sent in ctx.sentences:
        if sent.index in other_war:
            continue
        if box is not None and box_span[0] <= sent.start < box_span[1]:
            if not box_read:  # (the box's lines are read together, once)
                out.extend(_infobox_mentions(ctx, gaz, box))
                box_read = True
            continue
        stext = text[sent.start : sent.end]
        lstext = ctx.lower[sent.start : sent.end]
        bullet = _BULLET.match(stext) is not None
        if not bullet:
            shot_down_list = stext.rstrip().endswith(":") and bool(L.INTERCEPT_RE.search(stext))
            launch_list = stext.rstrip().endswith(":") and _LAUNCH_LIST.search(stext) is not None
            line_start = sent.index == 0 or "\n" in text[ctx.sentences[sent.index - 1].end : sent.start]
            if line_start:
                hit_list = _HIT_LIST.match(stext) is not None
        elif launch_list:
            continue  # "Launch areas:" / "- Kh-101: Tu-95MS bombers, Engels area": where they came from
        elif hit_list and out:
            listed = _listed_hit(ctx, sent, next((m.date for m in reversed(out) if m.date), None))
            if listed is not None:
                out.append(listed)
                last_mention_sent = sent.index
            continue
        row = _table_row(text, Clause(sent.start, sent.end, sent.index)) if _cell_breaks(stext) >= 2 else None
        table = row is not None
        if sent.index not in triggered and not table:
            # "The missiles included Iskander-Ms and North Korean KN-23s.": no attack word, but it tells
            # more about the attack in the sentence before
            if (
                out
                and (last_mention_sent == sent.index - 1 or (bullet and sent.index - last_mention_sent <= 3))
                and (out[-1].sent.paragraph == sent.paragraph or bullet)
            ):
                cont = _continuation(ctx, sent, prior, intercepted=bullet and shot_down_list, before=out[-1])
                if cont is not None:
                    out.append(cont)
                    last_mention_sent = sent.index
                    # "• Kalibr (sea-launched)" then "20 launched, 14 destroyed": the model the next line counts
                    prior = _prior_after(cont.facts, prior)
            continue
        if _QUESTION.search(stext) or _not_attack(lstext) or (_heading(ctx, sent, stext) and not table):
            continue
        if _SCOPE_NOTE.match(stext):
            continue  # "This list covers Russian missile and drone attacks on the city of Odesa during 2025"
        if _SETTLEMENT_TALLY.search(lstext) and not _HARMED.search(lstext):
            continue  # "the regional head lists 88 strikes on 20 settlements over the past day": a tally of a day's shelling
        if _TIMES_TALLY.search(lstext) and L.AGGREGATE_CUES.search(lstext) and not _HARMED.search(lstext):
            continue  # "Last month alone, the city came under fire 17 times": a period's count of attacks
        if _NO_STRIKES.search(lstext):
            continue  # "No strikes were recorded in the Bashtanka and Pervomaisk districts."
        if _accident_paragraph(ctx, sent):
            continue  # "a Su-34 crashed into an apartment block during a training flight": no attack
        sent_dates = D.find_dates(stext, entry_day(ctx, sent) or ctx.published, ctx.anchor_year)
        if sent.paragraph != paragraph:
            # a new paragraph forgets the weapon counted last, but not a line right under a model's
            # line ("• Kalibr (sea-launched)" / "20 launched, 14 destroyed")
            prev_end = ctx.sentences[sent.index - 1].end if sent.index else 0
            if "\n\n" in text[prev_end : sent.start] or sent.index == 0:
                prior = None
            paragraph = sent.paragraph
        for clause in sent.clauses:
            if clause.start > sent.start and _EARLIER_ATTACK.match(text, clause.start, clause.end):
                continue  # "…, a week after the October 10 barrage that killed 19": told in passing
            motive = _MOTIVE.search(ctx.lower, clause.start, clause.end)
            if motive is not None:
                # "Putin described the barrage as payback for Kyiv firing ATACMS into Russia": the
                # reason given for a strike, not one more strike; one that leads the clause ends at
                # its comma ("In retaliation for the shelling of Belgorod, Russian missiles struck …")
                comma = text.find(",", motive.end(), clause.end)
                if text[clause.start : motive.start()].strip(" \t\n\"'“”‘’(—–-") == "":
                    clause = Clause(comma + 1, clause.end, clause.sent) if comma >= 0 else clause
                else:
                    clause = Clause(clause.start, motive.start(), clause.sent)
            facts = (
                row  # a table's row is one line: read once for the sentence, whatever its clauses
                if row is not None and _cell_breaks(text, clause.start, clause.end) >= 2
                else classify(text[clause.start : clause.end], prior, text[sent.start : clause.start])
            )
            if (
                clause.start > sent.start
                and (facts.killed or facts.injured)
                and updates_toll(text[sent.start : clause.start])
            ):
                facts = replace(
                    facts, killed_update=facts.killed is not None, injured_update=facts.injured is not None
                )
            if facts.weapons and _shot_down_colon(text, sent, clause):
                # "79 missiles were shot down: 45 Kh-101, 26 Kalibr and 8 Kh-59": the list is of the
                # missiles shot down
                facts = _as_intercepted(facts)
            prior = _prior_after(facts, prior)
            m = _mention(ctx, gaz, sent, clause, sent_dates, facts)
            if (
                m is None
                and out
                and out[-1].sent.index == sent.index
                and _AND_IN.match(text, clause.start, clause.end)
                and re.search(
                    r"\b(?:and|as\s+well\s+as)\W*(?:in\b|$)",
                    text[max(sent.start, clause.start - 12) : clause.start + 16],
                )
            ):
                # "Explosions were reported in Kyiv, where …, and in Lviv, Dnipro and Kharkiv": more places
                # of the clause before
                more, _ = _attack_places(ctx, ctx.ents_in(clause.start, clause.end), clause, gaz)
                known = {e.id for e, _ in out[-1].places}
                out[-1].places += [(e, ent) for e, ent in more if e.id not in known]
                out[-1].memo.clear()
                continue
            if m is not None and _harmless_shootdown(text, sent, clause, facts):
                continue  # "a drone was shot down on the outskirts; there was no damage": no attack there
            if m is not None and _NOT_LISTED.search(text, sent.start, sent.end):
                continue  # "43 drones destroyed over several regions but did not list Bashkortostan": a
                # tally the text itself sets apart from the attacks it reports
            if m is not None and table:
                m.table_row = True
            if m is not None:
                dl = datelines.get(sent.paragraph) or _line_label(ctx, clause.start)
                if (
                    dl is not None
                    and not m.summary
                    and not any(e.kind in ("city", "admin1") for e, _ in m.places)
                    and not _places_later_in_sentence(ctx, sent, clause.end, dl[1])
                    # ("Shebekino district. In the village of Novaya Tavolzhanka a drone attacked a car; one
                    # man was wounded": the clause goes on about the village its sentence named)
                    and not any(
                        o.sent.index == sent.index and any(e.kind == "city" for e, _ in o.places)
                        for o in out[-3:]
                    )
                ):
                    # the paragraph's dateline city, for reports that name no place or only a district
                    m.places = [dl, *m.places]
                    m.memo.clear()
                elif (
                    dl is not None
                    and not m.summary
                    and dl[0].kind == "city"
                    and m.places
                    and all(
                        e.kind == "city"
                        and e.id != dl[0].id
                        and _NEARBY_LEFT.search(text, max(0, ent.start - 30), ent.start)
                        for e, ent in m.places
                    )
                ):
                    # "Cherkaska Lozova: four dead after a strike on a recreation area on the outskirts of
                    # Kharkiv": the line's place is where it hit; the city only locates it
                    m.places = [dl]
                    m.memo.clear()
                out.append(m)
                last_mention_sent = sent.index
    return out


_NEARBY_LEFT = re.compile(
    r"\b(?:outskirts\s+of|near|outside|close\s+to)\s+(?:the\s+)?(?:city\s+of\s+)?$", re.IGNORECASE
)
# a line labelled by its place: "- Kyiv: one dead after debris hits a high-rise", "• Kharkiv region: …"
_LINE_LABEL = re.compile(
    r"[ \t]*(?:[-•*–▸►🔹📍][ \t]*)?(?:\d{1,2}[:.]\d{2}[ \t]*[:–—-]?[ \t]*)?"
    r"(?P<label>[A-Z][\w’'-]+(?:[ -][A-Z][\w’'-]+)?)(?: (?:region|oblast|district|city))?:\s"
)


def _line_label(ctx: DocContext, pos: int) -> tuple[Entry, Ent] | None:
    """The place that labels the line holding ``pos`` (a live page's key points, a regional list)."""
    head = ctx.text.rfind("\n", 0, pos) + 1
    m = _LINE_LABEL.match(ctx.text, head, pos)
    if m is None or (
        m.start("label") == head and head >= ctx.title_end and not clock_heading(ctx.text, head)
    ):
        # (in the body only a listed line, or a live post under its hour: "15:40" / "Kharkiv: … The final
        # toll for the night is seven dead"; "Kursk Oblast: Fighting continued …" heads a section)
        return None
    ents = [e for e in ctx.ents_in(m.start("label"), m.end("label")) if e.place is not None]
    if not ents or ents[0].start != m.start("label") or ents[0].place is None:
        return None
    e = ents[0].place
    if e.kind not in ("city", "district", "admin1"):
        return None
    return e, ents[0]


def _places_later_in_sentence(ctx: DocContext, sent: Sentence, after: int, dateline: Ent) -> bool:
    """'SARATOV, Jan 9 - Two firefighters were killed while battling a blaze … in Engels': the sentence
    itself goes on (past ``after``) to name the town, so its dateline is only where the report was filed."""
    if dateline.start < sent.start or dateline.end > sent.end:
        return False
    return any(
        x.place is not None
        and x.place.kind in ("city", "district")
        and (dateline.place is None or x.place.id != dateline.place.id)
        for x in ctx.ents_in(after, sent.end)
    )


_ON_APPROACH = re.compile(
    r"\b(?:on|at)\s+(?:the\s+)?(?:distant\s+)?approach(?:es)?(?:\s+to\b|\s*[,.;])",
    re.IGNORECASE,
)
_NO_DAMAGE = re.compile(
    r"\b(?:no\s+(?:casualties\s+or\s+)?damage|caused\s+no\s+(?:damage|harm)|nothing\s+was\s+damaged|without\s+(?:causing\s+)?"
    r"(?:any\s+)?damage|without\s+reporting\s+(?:any\s+)?(?:damage|casualties|hits)|no\s+(?:[\w-]+\s+){0,2}targets?\s+(?:in\s+the\s+\w+\s+)?(?:were|was|had\s+been)\s+hit|fell\s+in\s+(?:a|an)\s+"
    r"(?:empty\s+)?(?:field|forest))\b",
    re.IGNORECASE,
)
_HIT_WORD = re.compile(
    r"\b(?:hit|struck|damaged|destroyed\s+(?:a|an|the)\s+(?!drone)|killed|injured|wounded|fire)\b", re.I
)


def _harmless_shootdown(text: str, sent: Sentence, clause: Clause, facts: CountFacts) -> bool:
    """One drone shot down over a town, and the text says nothing was damaged: no attack
    on that town (the night's tally elsewhere still counts them)."""
    if facts.killed is not None or facts.injured is not None:
        return False
    if any((lc and (lc.best or 0) > 1) or (ic and (ic.best or 0) > 1) for _k, _mo, lc, ic in facts.weapons):
        return False
    stext = text[sent.start : sent.end]
    no_damage = _NO_DAMAGE.search(stext)
    if no_damage is None:
        return False
    ctext = text[clause.start : clause.end]
    shot = L.INTERCEPT_RE.search(ctext) or re.search(
        r"\bair\s+defen[cs]es?\s+(?:had\s+been\s+|were\s+)?working\b", ctext, re.I
    )
    if shot is None:
        return False
    # nothing else the clause tells was hit, apart from the denial itself
    rest = ctext[: shot.start()] + " " + ctext[shot.end() :]
    rest = _NO_DAMAGE.sub(" ", rest)
    return _HIT_WORD.search(rest) is None


def _cell_breaks(text: str, start: int = 0, end: int | None = None) -> int:
    """The cell separators of a text table's line: pipes, or the tabs of a table pasted from a bulletin."""
    end = len(text) if end is None else end
    return max(text.count("|", start, end), text.count("\t", start, end))


def _table_row(text: str, clause: Clause) -> CountFacts | None:
    """The figures of a row of a text table, read under the table's first line."""
    if _cell_breaks(text, clause.start, clause.end) < 2:
        return None
    line_start = text.rfind("\n", 0, clause.start) + 1
    header_start = line_start
    while header_start > 0:
        prev = text.rfind("\n", 0, header_start - 1) + 1
        if _cell_breaks(text, prev, header_start) < 2:
            break
        header_start = prev
    if header_start == line_start:
        return None
    header = text[header_start : text.find("\n", header_start)]
    line_end = text.find("\n", clause.start)
    return table_row(text[line_start : line_end if line_end >= 0 else len(text)], header)


_EARLIER_ATTACK = re.compile(
    r"(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?)\s+after\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:barrage|attack|strike|bombardment|shelling)s?\s+(?:that|which|in\s+which)\s+(?:killed|left)\b",
    re.IGNORECASE,
)
# A box of period totals ("KEY FIGURES (March 2025) … Of whom children: 16 killed, 97 injured").
_TALLY_BOX = re.compile(
    r"\b(?:key\s+(?:figures|numbers)|reporting\s+period|by\s+the\s+numbers|in\s+numbers|at\s+a\s+glance"
    r"|cumulative\s+(?:figures|totals))\b",
    re.IGNORECASE,
)
_ACCIDENT = L.lc(  # (searched in DocContext.lower)
    r"\b(?:during\s+a\s+training\s+(?:flight|exercise)|training\s+flight|on\s+take-?off|engine\s+(?:fire|failure)"
    r"|technical\s+(?:fault|failure|malfunction)|(?:plane|air|helicopter|jet)\s+crash|crashed\s+on\s+landing"
    r"|nothing\s+suggests\s+hostile\s+action|no\s+sign\s+of\s+(?:hostile\s+action|an\s+attack)|was\s+an\s+accident"
    # a stray interceptor: "a Ukrainian air-defence missile that fell in the Polish village of Przewodów"
    r"|(?:errant|stray)\s+(?:air-defen[cs]e\s+)?missiles?|air-defen[cs]e\s+missile\s+that\s+fell|interceptor\s+(?:missile\s+)?(?:fell|killed|landed)"
    # a household blast: "a gas explosion partly destroyed a flat …; police have ruled out any military involvement"
    r"|gas\s+(?:explosion|leak|blast)|leaking\s+(?:stove|gas)|ruled\s+out\s+(?:any\s+)?(?:military|hostile)\s+(?:involvement|action|cause)"
    # the emergency service's wording: "Preliminary cause: a gas-air mixture explosion"
    r"|gas-air\s+mixture|(?:not|un)\s*connected\s+(?:to|with)\s+(?:any|an)\s+(?:attack|strike|shelling)"
    # the weather: "at least ten people died in weather-related incidents" after a snowstorm
    r"|weather-related|snowstorms?|blizzards?|hurricane-force|storm\s+(?:winds|damage)|heavy\s+snowfall|ice\s+storm"
    # "the storm has now killed five people": a storm is no attacker
    r"|\b(?:the|a|winter)\s+storm\s+(?:has\s+|had\s+)?(?:now\s+|so\s+far\s+|also\s+)?(?:killed|claimed|injured|left)\b|storm-related"
    # disasters and transport accidents: "skidded off the runway and burst into flames", "the earthquake"
    r"|(?<!small\s)(?<!minor\s)(?<!as\san\s)earthquakes?|tsunami|landslides?|mudslides?|wildfires?|flash\s+floods?|floodwaters|skidded\s+off\s+the\s+runway"
    r"|crash-landed|capsized|mine\s+collapse|collapsed\s+mine)\b",
)


# an aircraft that crashed with its passengers: "killing 38 of the 67 people aboard", "All 10 people
# on board died" (a bus hit by a drone with people on board did not crash)
_CRASHED = re.compile(r"\bcrash(?:ed|es)?\b", re.IGNORECASE)
_ON_BOARD = re.compile(r"\b(?:people|passengers|persons)\s+(?:on\s+board|aboard)\b", re.IGNORECASE)


def _accident_paragraph(ctx: DocContext, sent: Sentence) -> bool:
    """A paragraph about an accident (a warplane that crashed on a training flight), or a box of period
    totals headed "Key figures": its tolls are no attack's."""
    key = ("accident", sent.paragraph)
    hit = ctx.memo.get(key)
    if hit is None:
        para = [s for s in ctx.sentences if s.paragraph == sent.paragraph]
        hit = ctx.memo[key] = bool(
            _ACCIDENT.search(ctx.lower, para[0].start, para[-1].end)
            or (
                _CRASHED.search(ctx.text, para[0].start, para[-1].end)
                and _ON_BOARD.search(ctx.text, para[0].start, para[-1].end)
            )
            or in_tally_box(ctx, sent)
        )
    return bool(hit)


def in_tally_box(ctx: DocContext, sent: Sentence) -> bool:
    """The sentence is a line of a box of totals headed "Key numbers", "By the numbers": sums over the
    period, no one event's figures or places."""
    key = ("tally_box", sent.paragraph)
    hit = ctx.memo.get(key)
    if hit is None:
        para = [s for s in ctx.sentences if s.paragraph == sent.paragraph]
        block = max(ctx.text.rfind("\n\n", 0, para[0].start), para[0].start - 400, 0)
        # the box's heading opens the block of lines this one belongs to
        hit = ctx.memo[key] = (
            _TALLY_BOX.search(ctx.text, block, min(para[-1].end, para[0].start + 80)) is not None
        )
    return bool(hit)


# a region's daily count of strikes: "96 attacks on 41 settlements", "shelled 27 settlements of the region"
_SETTLEMENT_TALLY = re.compile(
    r"\b\d[\d,]*\s+(?:strikes|attacks|shellings)\s+(?:on|at|against)\s+(?:\d+|[a-z]+)\s+(?:border\s+)?"
    r"(?:settlements|localities|towns|villages|communities|hromadas)\b"
    r"|\b(?:shelled|struck|attacked|hit)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|[a-z]+ty)\s+"
    r"(?:border\s+)?(?:settlements|localities|communities|hromadas)\b"
    # "The DPR mission to the JCCC counted 34 shelling incidents across the republic during the day"
    # (and "the ministry said it had recorded 4,900 drone flights and 48 attacks by Ukrainian forces")
    r"|\b(?:counted|recorded|registered|logged)\s+\d[\d,]*\s+(?:shelling\s+|drone\s+)?(?:incidents|violations"
    r"|ceasefire\s+violations|flights|sorties)\b"
    # "the general staff counted 59 instances of shelling and 26 drone launches by noon"
    r"|\b(?:counted|recorded|registered|logged)\s+\d[\d,]*\s+(?:instances|cases|episodes|acts)\s+of\b"
)
_HARMED = re.compile(rf"\b(?:{L.KILLED_WORDS}|{L.INJURED_WORDS}|killing|wounding|injuring)\b")
_TIMES_TALLY = re.compile(
    r"\b(?:came\s+under\s+(?:fire|attack|shelling)|(?:was|were)\s+(?:shelled|attacked|struck|hit)|shelled|attacked|struck)"
    r"\s+(?:\w+\s+){0,3}?(?:\d+|[a-z]+)\s+times\b"
)
_NO_STRIKES = re.compile(
    r"(?:^\s*no\s+(?:strikes|attacks|hits|impacts|shelling|explosions|damage|casualties)"
    # "Air raid alerts sounded seven times, but no strikes were recorded" (but "shelled Beryslav, but no
    # casualties were reported" is a strike)
    r"|\bbut\s+no\s+(?:strikes|attacks|hits|impacts|explosions)"
    # "air-raid alerts were declared in Kyiv …, though no strike on the capital was reported by midday"
    r"|\balerts?\b[^.;]*?\b(?:but|though|although)\s+no\s+(?:strikes?|attacks?|hits?|impacts?|explosions?)"
    r"(?:\s+(?:on|in)\s+(?:the\s+)?[\w-]+)?)"
    r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:recorded|reported|registered|observed)\b[^,;]*$"
)


def _shot_down_colon(text: str, sent: Sentence, clause: Clause) -> bool:
    """Whether the clause is a bare list after "… were shot down:" in the same sentence."""
    if clause.start <= sent.start or not text[sent.start : clause.start].rstrip().endswith(":"):
        return False
    lead = text[max(sent.start, clause.start - 120) : clause.start]
    body = text[clause.start : clause.end]
    return bool(
        re.search(rf"\b(?:{L.INTERCEPT_VERBS})\b[^:;]{{0,40}}:\s*$", lead, re.IGNORECASE)
        and not L.STRONG_ATTACK.search(L.lower(body))
    )


def _heading(ctx: DocContext, sent: Sentence, stext: str) -> bool:
    """A subheading inside the body ("Shelling of Donbass cities"): it names what follows."""
    if sent.start < ctx.title_end or stext[-1:] in '.!?"”’)' or any(c.isdigit() for c in stext):
        return False
    if len(stext.split()) > 10:
        return False
    i = sent.index
    alone_before = i == 0 or ctx.sentences[i - 1].paragraph != sent.paragraph
    alone_after = i + 1 >= len(ctx.sentences) or ctx.sentences[i + 1].paragraph != sent.paragraph
    return alone_before and alone_after


# a list line headed by a town: "- Kharkiv, afternoon:", "• Odesa:"
_TOWN_HEAD = re.compile(r"[\s•·*▪►▸–—-]*[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=\s*[,:])")


def _continuation(
    ctx: DocContext,
    sent: Sentence,
    prior: tuple[str, str | None] | None,
    *,
    intercepted: bool = False,
    before: Mention | None = None,
) -> Mention | None:
    """A sentence that only lists weapons, following an attack mention: weapons for that attack.

    Under a header such as "air defence shot down 53 means of air attack:", the listed
    figures are the ones shot down. One that names a day of its own other than that attack's
    ("Russia fired 91 missiles on 28 November. On 17 November it was 120 missiles.") is an
    earlier or later attack by the same side, told in the same breath.
    """
    clause = Clause(sent.start, sent.end, sent.index)
    stext = ctx.text[sent.start : sent.end]
    facts = classify(stext, prior)
    if not facts.kinds:
        return None
    if intercepted and facts.weapons:
        facts = _as_intercepted(facts)
    # (not a breakdown under a tally: "- Belgorod: 20 drones" counts part of the 50 told above)
    head = _TOWN_HEAD.match(stext) if not facts.weapons and not intercepted else None
    places, _ = (
        _attack_places(ctx, ctx.ents_in(sent.start, sent.start + head.end()), clause) if head else ([], False)
    )
    told = {e.id for e in _towns([e for e, _ in before.places])} if before is not None else set()
    if any(e.kind in ("city", "district") and e.id not in told for e in _towns([e for e, _ in places])):
        # "- Kharkiv, afternoon: glide bomb on a residential area": a list line headed by a town of its
        # own is another strike, not more weapons for the one before
        day = [d for d in _sentence_dates(ctx, sent) if d.span.precision == "day"]
        return Mention(
            clause,
            sent,
            places,
            None,
            False,
            facts,
            day[0] if day else None,
            _targets(stext),
            False,
            False,
            False,
        )
    date, actor = None, None
    if before is not None and before.date is not None and facts.weapons:
        days = [
            d
            for d in _sentence_dates(ctx, sent)
            if d.span.precision == "day" and d.kind in ("day_month", "month_day")
        ]
        if len(days) == 1 and days[0].span != before.date.span:
            date, actor = days[0], before.actor
    return Mention(clause, sent, [], actor, False, facts, date, set(), False, False, False)


def _listed_hit(ctx: DocContext, sent: Sentence, date: D.DateMention | None) -> Mention | None:
    """A line of a list under "Where it hit": the places and damage of the attack reported last
    (on its ``date``)."""
    clause = Clause(sent.start, sent.end, sent.index)
    places, _ = _attack_places(ctx, ctx.ents_in(sent.start, sent.end), clause)
    if not places:
        return None
    stext = ctx.text[sent.start : sent.end]
    return Mention(
        clause=clause,
        sent=sent,
        places=places,
        actor=None,
        actor_strong=False,
        facts=classify(stext, None),
        date=date,
        targets=_targets(stext),
        in_title=False,
        elsewhere=False,
        summary=False,
    )


def _as_intercepted(facts: CountFacts) -> CountFacts:
    """The clause's weapon figures read as figures shot down (a list under "… were shot down:")."""
    return replace(
        facts, weapons=tuple((k, mo, None, ic if ic is not None else lc) for k, mo, lc, ic in facts.weapons)
    )


def _prior_after(facts: CountFacts, prior: tuple[str, str | None] | None) -> tuple[str, str | None] | None:
    """The weapon a later "of them" or "of the four launched" points back to: a model the clause
    names without counting it ("the missiles were Kalibrs"), else the last one counted, else the
    one before."""
    named = [(w.kind, w.model) for w in facts.kinds if w.model]
    return (named[-1] if named and not facts.weapons else None) or facts.last_weapon or prior


_SAID_THEN_COLON = re.compile(
    r"\s*(?:,\s*(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:said|says|reported|added|stated)\s*)?:",
    re.IGNORECASE,
)


def _colon_after(text: str, end: int, sent_end: int) -> int | None:
    """Where a list after a colon starts, when the clause ends at one (", the agency said:" between)."""
    m = _SAID_THEN_COLON.match(text, end, sent_end)
    return m.end() if m else None


_BUT = re.compile(r",\s+but\s")


_WEAPON_ASIDE = re.compile(
    r",\s+(?:an?|the)\s+[^,;]{0,60}?\b(?:weapons?|missiles?|drones?|rockets?|bombs?)\s+(?:that|which)\b"
)


def _in_a_name(ctx: DocContext, base: int, ctext: str, trig: re.Match[str]) -> bool:
    """A capitalised trigger word before another capitalised word that names no place ("Salvo Analytics",
    "Strike Group Ltd"): part of a name, not a strike."""
    if not ctext[trig.start()].isupper() or not trig.group(0).isalpha():
        return False  # (one word: not "The mix included Kh-101 …")
    nxt = re.match(r"\s+([A-Z][\w-]*)", ctext[trig.end() :])
    if nxt is None:
        return False
    at = base + trig.end() + nxt.start(1)
    return not any(e.place is not None for e in ctx.ents_in(at, at + len(nxt.group(1))))


def _mention(
    ctx: DocContext,
    gaz: Gazetteer,
    sent: Sentence,
    clause: Clause,
    sent_dates: list[D.DateMention],
    facts: CountFacts,
) -> Mention | None:
    text = ctx.text
    ctext = text[clause.start : clause.end]
    lctext = ctx.lower[clause.start : clause.end]
    trig = L.STRONG_ATTACK.search(lctext)
    while trig is not None and clause.start >= ctx.title_end and _in_a_name(ctx, clause.start, ctext, trig):
        trig = L.STRONG_ATTACK.search(lctext, trig.end())  # "Salvo Analytics | Monthly digest": an outlet
    if trig is None and not facts.numbers_used:
        return None
    first_trigger = trig.start() if trig else 0
    modal = L.MODAL_CUES.search(lctext[:first_trigger]) if trig else None
    # "… hit the dam, but the structure was not at risk of failing": the contrast after the strike is
    # no hedge on it
    but = _BUT.search(lctext, first_trigger) if trig else None
    # "… struck by a Kh-22, a Soviet-designed weapon that air defences cannot shoot down": what the weapon
    # can do, no hedge on the strike
    aside = _WEAPON_ASIDE.search(lctext, first_trigger) if trig else None
    hedged_to = min(x.start() for x in (but, aside) if x is not None) if (but or aside) else len(lctext)
    if modal is not None or (not facts.numbers_used and L.MODAL_CUES.search(lctext, 0, hedged_to)):
        return None
    paused = _PAUSED_STRIKES.search(ctext)
    if (
        not facts.numbers_used
        and paused
        and trig is not None
        and paused.start() <= trig.start() < paused.end()
    ):
        return None  # the only strike here is one that was paused or halted
    since = _SINCE_BEGAN.search(ctext)
    if not facts.numbers_used and since and trig is not None and since.start() <= trig.start() < since.end():
        return None  # "the worst damage since the strikes on the grid began in October": a reference point
    gm = L.GENERIC_CUES.search(lctext)
    # "one of the largest attacks since the start of the war" compares this attack; it is not a habit
    generic = gm is not None and not _SUPERLATIVE_BEFORE.search(lctext[max(0, gm.start() - 80) : gm.start()])
    ents = ctx.ents_in(clause.start, clause.end)
    places, explicit_country = _attack_places(ctx, ents, clause, gaz)
    if (
        not places
        and clause.start > sent.start
        and ":" in text[max(sent.start, clause.start - 3) : clause.start]
    ):
        # "Christmas Eve in Kherson: Russian shelling kills 11": the place heads the sentence
        head = Clause(sent.start, clause.start, clause.sent)
        places, _ = _attack_places(ctx, ctx.ents_in(head.start, head.end), head)
    colon = _colon_after(text, clause.end, sent.end)
    if colon is not None and all(e.kind == "country" for e, _ in places):
        # "explosions were reported at two airfields: the Dyagilevo base near Ryazan and …", "struck
        # four Russian air bases …, the agency said: Belaya in Irkutsk Oblast, Olenya …": the places
        # follow the colon
        tail = Clause(colon, sent.end, clause.sent)
        listed, _ = _attack_places(ctx, ctx.ents_in(tail.start, tail.end), tail)
        places = listed or places
    if any(e.country not in _WARRING for e, _ in places):
        # "Polish jets were scrambled in Rzeszów", "a house in Wyryki in eastern Poland was damaged": a
        # neighbour's places, not those of this war's strikes (the seas between them are this war's)
        places = [(e, ent) for e, ent in places if e.country in _WARRING or e.id.startswith("sea:")]
        if not places:
            return None
    if (
        places
        and facts.killed is None
        and facts.injured is None
        and _ON_APPROACH.search(ctext) is not None
        and _HIT_WORD.search(ctext) is None
        and all(e.kind == "city" for e, _ in places)
    ):
        # "74 drones were destroyed on the approaches to the city", "shot down on approach": downed
        # before they reached it, so the city is no place the attack struck (its figures still count)
        places = []
    actor, strong = _actor(ctx, ents, clause, places)
    # dates: in the clause first (the one nearest the attack word), else anywhere in the sentence
    stext = text[sent.start : sent.end]
    sent_dates = [
        d
        for d in sent_dates
        # "since", "until", and the evening a night began: "the night of 28 November (from 19:00 on 27 November)"
        if not re.search(
            r"(?i)\b(?:since|until|by|before|from\s+\d{1,2}[:.]\d{2}\s+on)\s+$"
            # "As of Friday morning, the number of dead is 26": when the toll stood, not the attack
            r"|\bas\s+of\s*$"
            # "since Russia invaded on Feb. 24": the start of the war, not this attack
            r"|\bsince\s+(?:[\w'’-]+\s+){0,3}?(?:on|in)\s+$|\bsince\s+(?:[\w'’-]+\s+){0,6}?(?:began|started|erupted)\s+(?:on|in)\s+$|\b(?:invaded|invasion\s+began|invasion)\s+(?:on|in|of)\s+$"
            # "Kherson, retaken by Ukrainian forces in November, …": when the town changed hands
            r"|\b(?:retaken|liberated|recaptured|captured|occupied|seized|annexed)\s+(?:by\s+(?:[\w'’-]+\s+){1,3}?)?(?:(?:in|on)\s+)?$",
            stext[max(0, d.start - _LOOKBACK) : d.start],
        )
        and not _BOUND_DAY.match(d.text)
        and not _SAID_BEFORE.search(
            stext[max(0, d.start - 40) : d.start]
        )  # "said on Saturday": when it was said
        and not _statement_date(stext, d)
        and not _caption_date(stext, d)  # when a picture was taken
        # "prices hit another record on Monday after a drone attack halted the refinery": the day of
        # what followed the attack
        and not (
            trig is not None
            and sent.start + d.end <= clause.start + trig.start()
            and _AFTER_ATTACK.search(text, sent.start + d.end, clause.start + trig.start())
        )
    ]
    wire = [d for d in sent_dates if _in_dateline(stext, d)]
    # "ZAPORIZHZHIA, Ukraine, Jan 9 (Agency) - … struck … on Wednesday afternoon": the day the story was
    # filed, not the day of the strike, whether or not the sentence names that day ("TERNOPIL, Nov 20 -
    # The number killed … rose to 25" over "Wednesday's strike")
    sent_dates = [d for d in sent_dates if d not in wire]
    cdates = [d for d in sent_dates if clause.start <= sent.start + d.start < clause.end]
    if clause.start < ctx.title_end:
        # a headline's halves are two stories: "Missile hits Odesa port; overnight drone wave repelled"
        seg_start = text.rfind(";", sent.start, clause.start) + 1 or sent.start
        seg_end = text.find(";", clause.end, sent.end)
        seg_end = sent.end if seg_end < 0 else seg_end
        sent_dates = [d for d in sent_dates if seg_start <= sent.start + d.start < seg_end]
    days = {
        d.span.start for d in cdates if d.span.precision == "day" and d.kind in ("day_month", "month_day")
    }
    if len(days) >= 3 and not facts.numbers_used:
        # "resumed raids on 28 April, hit Pavlohrad on 1 May and lost a Kinzhal over Kyiv on 4 May": a
        # summary of several attacks, each told on its own
        return None
    anchor = clause.start + (trig.start() if trig else 0)
    date = _nearest_date(cdates, sent.start, anchor) or _nearest_date(sent_dates, sent.start, anchor)
    date = _stated_over_time_of_day(date, sent_dates)
    attack_shift = _ATTACK_SHIFT.search(ctext)
    if attack_shift is not None:
        # "the death toll from the Russian drone strike two days earlier": counted back from the
        # day the sentence names ("on March 4"), else from the last day named before
        base = date.span.start if date is not None and date.span.precision == "day" else None
        date = _shifted_date(ctx, sent, attack_shift.group("shift"), base) or date
    after = _DAYS_AFTER_ATTACK.search(ctext)
    if (
        after is not None
        and date is not None
        and date.span.precision == "day"
        and date.span.start is not None
        # (not "two days after a salvo hit the printing works on Thursday": that day is the salvo's own)
        and (date.kind == "shift" or sent.start + date.start < clause.start + after.start())
    ):
        # "Rescuers finished on Friday afternoon, a day after a missile struck": the strike was Thursday
        n = 1 if after.group("n").lower() in ("a", "one") else word_to_int(after.group("n"))
        if n is not None and 1 <= n <= 14:
            day = date.span.start - dt.timedelta(days=n)
            date = D.DateMention(0, 0, after.group(0), DateSpan(day, day, "day"), "shift")
    if (
        date is not None
        and date.kind in ("relative_day", "weekday")
        and (box := _infobox(ctx)) is not None
        and (boxed := _infobox_date(ctx, box)) is not None
    ):
        date = boxed  # a reference page's "on a Sunday afternoon": the day its infobox gives, not one before it was written
    if (date is None or date.kind == "relative_day") and (led := _led_by_shift(ctx, sent)) is not None:
        date = led  # "Forty-eight hours later it was Dnipro's turn. Russian missiles hit the city at dawn"
    if date is None:
        date = (
            _shifted_date(ctx, sent, ctext)
            or _entry_date(ctx, sent)
            or _paragraph_date(ctx, sent)
            or _scene_date(ctx, sent, ctext)
        )
    elif date.kind == "relative_day" and (heading := _heading_date(ctx, sent, strict=True)) is not None:
        date = heading  # "THURSDAY" over "Drones attacked a substation overnight": that Thursday's night
    elif (
        (entry := entry_day(ctx, sent)) is not None
        and date.span.precision == "day"
        and date.span.start is not None
        and 0 < (date.span.start - entry).days <= 7
        and not _ATTACK_VERB.search(ctext)
        and not L.TRIGGER_RE.search(lctext[: max(0, date.start - (clause.start - sent.start))])
    ):
        # "28 April: Uman … Emergency services ended the search on 30 April with 23 dead": a later day's
        # count of the entry's strike
        date = _entry_date(ctx, sent)
    if generic and not facts.numbers_used:
        return None
    if (
        not facts.numbers_used
        and date is not None
        and date.span.precision in ("month", "year")
        and _MONTH_TALLY.search(stext)
        and (
            is_period_total(ctx.lower[sent.start : sent.end])
            or (_HARM_IN_MONTH.search(stext) is not None and all(e.kind != "city" for e, _ in places))
        )
    ):
        # "… including 21 people killed in October according to regional authorities": a month's
        # casualties over many attacks, not one of them
        return None
    if not facts.numbers_used and _OWN_FORCES_CLAIM.search(text, sent.start, sent.end):
        # "the defence ministry said its forces had hit 'temporary deployment points'": a daily
        # front-line claim about its own fire, no strike report with anything to count
        return None
    kinds_only = not places and not facts.numbers_used and date is None
    broad = all(e.kind in ("region", "country") for e, _ in places)
    roundup = bool(_PLURAL_SUMMARY.search(ctext)) or len({w.kind for w in facts.kinds}) >= 3
    # "Two of the largest towns in the Donetsk region were hit again this week": the attacks the
    # article goes on to tell one by one
    towns_summary = (
        _TOWNS_SUMMARY.search(ctext) is not None
        and not facts.numbers_used
        and all(e.kind in ("admin1", "region", "country") for e, _ in places)
    )
    summary = (
        (bool(_PLURAL_SUMMARY.search(ctext)) and not places and not facts.numbers_used)
        or (broad and roundup and bool(places))
        or towns_summary
        # "the Russians killed three residents of Donetsk region: two in Pokrovsk and one in Druzhkivka":
        # the region's total, told town by town after the colon
        or (
            facts.numbers_used > 0
            and all(e.kind in ("admin1", "region", "country") for e, _ in places)
            and _TOWN_BREAKDOWN.match(text, clause.end, sent.end) is not None
        )
    )
    targets = _targets(ctext)
    if kinds_only and not (facts.kinds or targets or actor):
        return None
    if not facts.numbers_used and trig is None:
        return None
    return Mention(
        clause=clause,
        sent=sent,
        places=places,
        actor=actor,
        actor_strong=strong,
        facts=facts,
        date=date,
        targets=targets,
        in_title=clause.start < ctx.title_end,
        elsewhere=_ELSEWHERE.search(ctext) is not None,
        summary=summary,
        explicit_country=explicit_country,
        authority_only=bool(places) and all(_is_authority(text, ent) for _, ent in places),
        towns_summary=towns_summary,
        entry=entry_day(ctx, sent),
    )


_HARM_IN_MONTH = re.compile(
    r"\b(?:killed|injured|wounded|casualties|deaths|dead)\s+(?:[\w-]+\s+){0,3}?in\s+(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b"
)
_MONTH_TALLY = re.compile(rf"\b\d[\d,]*\s+(?:{L.PEOPLE_NOUNS}|casualties|deaths)\b", re.IGNORECASE)
_SHIFT = re.compile(
    r"\b(?:(?P<n>\w+)\s+days?\s+(?P<dir>earlier|before|later|after)"
    r"|(?P<h>twenty-four|forty-eight|seventy-two|24|48|72)\s+hours\s+(?P<dirh>earlier|before|later|after)|(?:a|one)\s+day\s+(?P<dir1>earlier|before|later|after)"
    r"|the\s+(?:day|night)\s+(?P<dir2>before|after)|the\s+(?P<dir3>previous|next|following)\s+(?:day|night)"
    r"|(?P<same>that\s+(?:night|day|morning|evening|afternoon)|the\s+same\s+(?:night|day)))\b",
    re.IGNORECASE,
)


# "… days after the president's summit", "… before New Year": counted from another happening, not a day named
_SHIFT_FROM_OTHER = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its)\s|[A-Z])")
_AFTER_THE_ATTACK = re.compile(
    r"\s+(?:a|an|the|[A-Z][\w-]+['’]s)\s+(?:[\w-]+\s+){0,4}?(?:missiles?|drones?|strikes?|attacks?|barrage|bombs?|rockets?|shelling)\b",
    re.IGNORECASE,
)


_SAYING = re.compile(
    r"\b(?:said|says|claimed|claims|announced|reported|stated|told|wrote|confirmed|denied)\b", re.IGNORECASE
)
_DIED_LATER = re.compile(
    r"\bdied\s+(?:of|from)\s+(?:\w+\s+){0,2}(?:wounds|injuries)\b[^.;]{0,40}$", re.IGNORECASE
)


# How far before a date the cues that end right before it ("since ", "died of her wounds on") are
# looked for: a window, not the whole sentence prefix, so a sentence with thousands of dates (hostile
# input) costs linear time, not quadratic.
_LOOKBACK = 200


# "during their March 18 call", "the February 28 meeting": the day of something else
_NOT_ATTACK_DAY = re.compile(
    r"['’]?s?\s+(?:phone\s+|telephone\s+|video\s+)?(?:call|talks|meeting|summit|conversation|speech|address|statement"
    r"|announcement|deal|agreement|decree|interview|visit|briefing|count|toll|tally)\b"
    # "Officials on Sunday put the final toll at 23": the day the toll was given
    r"|\s+(?:put|set|raised|revised|updated|gave)\s+the\s+(?:\w+\s+){0,2}?(?:toll|tally|number\s+of\s+(?:dead|victims))\b",
    re.IGNORECASE,
)


# "As of this afternoon, …": when a toll was given, not the attack
_AS_OF_LEFT = re.compile(r"\bas\s+of\s+$", re.IGNORECASE)


_ATTACK_VERB = re.compile(r"\b(?:attacked|struck|hit|fired|launched|shelled|bombed|targeted)\b")
_SAID_ON_LEFT = re.compile(r"\b(?:said|reported|announced|stated|confirmed|wrote|added)\s+on\s+$")


def _statement_date(stext: str, d: D.DateMention) -> bool:
    """When something was said ("On June 28 the ministry said it had struck …") or when a victim
    died later ("died of her injuries on July 1"), not when the attack happened; or the day of
    another event ("during their March 18 call"), or when a toll was given ("As of this afternoon")."""
    if (
        _DIED_LATER.search(stext[max(0, d.start - _LOOKBACK) : d.start])
        or _NOT_ATTACK_DAY.match(stext, d.end)
        or _AS_OF_LEFT.search(stext, max(0, d.start - 8), d.start)  # "As of this afternoon, 23 were killed"
        # "The city administration said on 2 August that 31 people had been killed"
        # (a toll told that day; not "said on 14 September that the ship had been attacked by five boats")
        or (
            _SAID_ON_LEFT.search(stext, max(0, d.start - 24), d.start)
            and stext.startswith(" that ", d.end)
            and not _ATTACK_VERB.search(stext, d.end)
        )
    ):
        return True
    # only a date that opens the sentence and is followed straight by who said what: "On June 28
    # the ministry said it had struck …" (not "… hit Sumy on Monday evening, officials said")
    if d.start > 15 and not re.search(r"[,;]\s*(?:on\s+)?$", stext[: d.start]):
        return False
    after = stext[d.end : d.end + 60]
    say = _SAYING.search(after)
    if say is None or "," in after[: say.start()]:
        return False
    hit = L.STRONG_ATTACK.search(L.lower(after))
    return hit is None or say.start() < hit.start()


_ATTACK_SHIFT = re.compile(
    r"\b(?:strikes?|attacks?|barrage|shelling|bombing)\s+(?:[\w-]+\s+){0,2}?(?P<shift>(?:\w+|a|one)\s+days?\s+"
    r"(?:earlier|before)|the\s+(?:day|night)\s+before|the\s+previous\s+(?:day|night))\b",
    re.IGNORECASE,
)


_DAYS_AFTER_ATTACK = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|\d)\s+days?\s+after\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:missiles?|drones?|strikes?|attacks?|barrage|bombs?|rockets?)\s+(?:had\s+)?(?:struck|hit|slammed|tore|killed)\b",
    re.IGNORECASE,
)


def _sentence_dates(ctx: DocContext, sent: Sentence) -> list[D.DateMention]:
    key = ("dates", sent.index)
    hit = ctx.memo.get(key)
    if hit is None:
        hit = ctx.memo[key] = _sentence_dates_uncached(ctx, sent)
    return hit


# a picture's caption: a noun phrase, then the day it was taken ("The damaged hotel, Jan. 17, 2024."), not
# a heading that dates the items below it ("Kyiv and Odesa, 17 June.")
_CAPTION_HEAD = re.compile(
    r"^\W*(?:(?:photo|picture|image)(?:\s+caption)?\s*:\s*)?(?:the|a|an)\s[^,.;:]{3,80}(?<!day),\s*$",
    re.IGNORECASE,
)
# a verb or a heading word before the date: a sentence or a digest's title, not a caption
_NOT_CAPTION = re.compile(
    r"\b(?:is|are|was|were|has|have|had|said|says|struck|hit|hits|killed|kills|fired|launched|attacked|on|from|until"
    r"|takes?|took|runs?|expires?|will|week|essentials|numbers)\b",
    re.IGNORECASE,
)


def _caption_date(stext: str, d: D.DateMention) -> bool:
    return (
        stext[d.end :].strip() in ("", ".")
        and _CAPTION_HEAD.match(stext[: d.start]) is not None
        and not _NOT_CAPTION.search(stext, 0, d.start)
    )


def _sentence_dates_uncached(ctx: DocContext, sent: Sentence) -> list[D.DateMention]:
    stext = ctx.text[sent.start : sent.end]
    return [
        d
        for d in D.find_dates(stext, entry_day(ctx, sent) or ctx.published, ctx.anchor_year)
        if d.span.start is not None
        and not _SAID_BEFORE.search(stext[max(0, d.start - 40) : d.start])
        and not _statement_date(stext, d)
        and not _caption_date(stext, d)
    ]


def _led_by_shift(ctx: DocContext, sent: Sentence) -> D.DateMention | None:
    """The day a sentence just before, in the same paragraph, moves the story on to ("Two days later it
    was Dnipro's turn."), when that sentence opens on the shift and tells no strike of its own."""
    if sent.index == 0:
        return None
    prev = ctx.sentences[sent.index - 1]
    ptext = ctx.text[prev.start : prev.end]
    m = _SHIFT.match(ptext)
    if (
        prev.paragraph != sent.paragraph
        or m is None
        or m.group("same")
        or _SHIFT_FROM_OTHER.match(ptext, m.end()) is not None  # "Two days after Russian missiles …"
        or L.STRONG_ATTACK.search(ctx.lower[prev.start : prev.end])
    ):
        return None
    return _shifted_date(ctx, prev, ptext)


def _shifted_date(
    ctx: DocContext, sent: Sentence, ctext: str, base: dt.date | None = None
) -> D.DateMention | None:
    """'Two days earlier, a missile strike …': counted from ``base``, else from the last day the
    text named before."""
    m = _SHIFT.search(ctext)
    if m is None:
        return None
    if m.group("n"):
        n = word_to_int(m.group("n"))
        if n is None or not 1 <= n <= 14:
            return None
    elif m.group("h"):  # "Forty-eight hours later it was Dnipro's turn": two days on
        n = {"twenty-four": 1, "forty-eight": 2, "seventy-two": 3, "24": 1, "48": 2, "72": 3}[
            m.group("h").lower()
        ]
    else:
        n = 0 if m.group("same") else 1
    direction = (
        m.group("dir") or m.group("dirh") or m.group("dir1") or m.group("dir2") or m.group("dir3") or ""
    ).lower()
    sign = -1 if direction in ("earlier", "before", "previous") else 1
    entry = entry_day(ctx, sent)
    if direction == "after" and _AFTER_THE_ATTACK.match(ctext, m.end()):
        sign = -1  # "the visit came two days after a Russian missile struck the port": the strike came first
    elif direction == "after" and re.search(r"\b(?:came|comes|happened|followed)\s+$", ctext[: m.start()]):
        return None  # "The strike came three days after a truce expired": dated from the truce, not a day named before
    elif direction in ("after", "before") and entry is not None and _SHIFT_FROM_OTHER.match(ctext, m.end()):
        return None  # an entry's "three days after the Alaska summit": the entry's own day, not the heading's + 3
    if base is not None:
        day = base + dt.timedelta(days=sign * n)
        return D.DateMention(0, 0, m.group(0), DateSpan(day, day, "day"), "shift")
    for prev in reversed(ctx.sentences[max(0, sent.index - 15) : sent.index]):
        if entry is not None and (
            entry_day(ctx, prev) != entry
            # (the entry's heading on a line of its own: "Monday, 23 June —")
            or (
                (hm := _ENTRY_DAY.match(ctx.text, prev.start, prev.end)) is not None
                and hm.end() >= prev.end - 1
            )
        ):
            # told before anything else the entry dates, the shift is how far the entry's day lies from the
            # entry before ("Monday, 23 June — Six days later, 352 drones …"; "Tue 3.09 — … Officials counted
            # 41 dead that evening"): the entry's own day
            return D.DateMention(0, 0, m.group(0), DateSpan(entry, entry, "day"), "shift")
        ds = [d for d in _sentence_dates(ctx, prev) if d.span.precision in ("day", "days")]
        if ds:
            if n == 0 and ds[-1].span.precision == "days":
                # "overnight into Thursday" … "fired at the south that night": the same night
                return D.DateMention(0, 0, m.group(0), ds[-1].span, "shift")
            base = ds[-1].span.start
            assert base is not None
            day = base + dt.timedelta(days=sign * n)
            return D.DateMention(0, 0, m.group(0), DateSpan(day, day, "day"), "shift")
    return None


_PLUPERFECT_HIT = re.compile(
    r"\bhad\s+(?:just\s+)?(?:struck|hit|slammed\s+into|exploded|landed|smashed\s+into|crashed\s+into|torn\s+into)\b",
    re.IGNORECASE,
)


def _scene_date(ctx: DocContext, sent: Sentence, ctext: str) -> D.DateMention | None:
    """ "At 6:40 on the morning of 19 November, Andriy was asleep when the building shook." / "Two
    missiles had struck a pair of high-rises": a strike told in the pluperfect explains the scene just
    set, and happened on its day."""
    if sent.index == 0 or not _PLUPERFECT_HIT.search(ctext):
        return None
    hinted = ctx.sentences_with(L.TRIGGER_RE)
    for prev in reversed(ctx.sentences[max(0, sent.index - 6) : sent.index]):
        if sent.paragraph - prev.paragraph > 1 or prev.index in hinted:
            return None  # (the scene is the one just set, with no other strike told in between)
        ptext = ctx.text[prev.start : prev.end]
        days = [
            d
            for d in _sentence_dates(ctx, prev)
            if d.span.precision == "day" and not d.future and not _statement_date(ptext, d)
        ]
        if days:
            if len({d.span.start for d in days}) != 1:
                return None
            return D.DateMention(0, 0, days[0].text, days[0].span, days[0].kind)
    return None


def _paragraph_date(ctx: DocContext, sent: Sentence) -> D.DateMention | None:
    """A report with no date of its own takes the date of the attack sentence just before it."""
    hinted = ctx.sentences_with(L.TRIGGER_RE)
    # a label opening the paragraph: "Chernihiv, 17 April.", "Energy infrastructure, 11 April."
    first = next(
        (x for x in ctx.sentences[max(0, sent.index - 6) : sent.index + 1] if x.paragraph == sent.paragraph),
        None,
    )
    if first is not None and len(ctx.text[first.start : first.end].split()) <= 8:
        label = [
            d for d in _sentence_dates(ctx, first) if d.span.precision in ("day", "days") and not d.future
        ]
        if label and first.start <= label[0].start + first.start < first.start + 60:
            d = label[0]
            return D.DateMention(0, 0, d.text, d.span, d.kind)
    for prev in reversed(ctx.sentences[max(0, sent.index - 2) : sent.index]):
        if prev.paragraph != sent.paragraph or prev.index not in hinted:
            continue
        ptext = ctx.text[prev.start : prev.end]
        ds = [
            d
            for d in _sentence_dates(ctx, prev)
            if d.span.precision in ("day", "days")
            and not d.future
            and not _statement_date(ptext, d)
            and not _BOUND_DAY.match(d.text)  # "By Thursday afternoon the toll had risen": when counted
        ]
        trig = L.STRONG_ATTACK.search(ctx.lower[prev.start : prev.end])
        if ds and trig is not None:
            d = min(ds, key=lambda x: (abs(x.start - trig.start()), x.start))  # the attack's, not the talks'
            return D.DateMention(0, 0, d.text, d.span, d.kind)
    return _heading_date(ctx, sent)


_BEARING = r"in\s+the\s+(?:far\s+)?(?:north|south|east|west)(?:-?(?:east|west))?"
_SPAN_FROM_LEFT = re.compile(r"\bfrom\s+(?:the\s+)?$")
_SPAN_FROM_RIGHT = re.compile(rf"\s+{_BEARING}\s+to\s")
_SPAN_TO_LEFT = re.compile(
    rf"\bfrom\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s+(?P<bearing>{_BEARING}))?\s+to\s+(?:the\s+)?$"
)
_SPAN_TO_RIGHT = re.compile(rf"\s+{_BEARING}\b")


def _span_end(text: str, ent: Ent) -> bool:
    """An end of a span told with its bearings: "from Lutsk in the west to Kharkiv in the east"."""
    if _SPAN_FROM_LEFT.search(text, max(0, ent.start - 12), ent.start) and _SPAN_FROM_RIGHT.match(
        text, ent.end
    ):
        return True
    to = _SPAN_TO_LEFT.search(text, max(0, ent.start - 80), ent.start)
    return to is not None and (
        to.group("bearing") is not None or _SPAN_TO_RIGHT.match(text, ent.end) is not None
    )


# where a night's explosions were heard, three places or more: how far the barrage reached, not what it hit
# (one town, "explosions rang out in Shostka", is the town's attack)
_NAME = r"(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s+(?:region|oblast|Oblast))?"
_HEARD_LIST = re.compile(
    r"\b(?:explosions?|blasts?|booms?|detonations)\s+(?:were|was|could\s+be|have\s+been|had\s+been)\s+heard\s+"
    rf"(?:in|over|across)\s+(?P<list>{_NAME}(?:,\s+{_NAME})+,?\s+and\s+{_NAME}|{_NAME}(?:,\s+{_NAME}){{2,}})"
)


# a clause that only adds places to the one before: ", and in Lviv, Dnipro, Kharkiv and Zhytomyr."
_AND_IN = re.compile(
    r"\W*(?:(?:and|as\s+well\s+as)\s+)?(?:also\s+)?in\s+(?:the\s+)?[A-Z][\w'’-]+(?:(?:,\s+|,?\s+and\s+)(?:the\s+)?[A-Z][\w'’-]+)*"
    r"(?:\s+(?:regions|oblasts))?\W*$"
)


def _heard_lists(ctx: DocContext, sent: Sentence) -> list[tuple[int, int]]:
    key = ("heard", sent.index)
    spans = ctx.memo.get(key)
    if spans is None:
        spans = ctx.memo[key] = [m.span("list") for m in _HEARD_LIST.finditer(ctx.text, sent.start, sent.end)]
    return spans  # type: ignore[return-value]


# where a speaker sits or spoke: "The Defence Ministry in Moscow said …"
_SPOKEN_IN_LEFT = re.compile(
    r"\b(?:(?:[Dd]efen[cs]e|[Ff]oreign|[Ii]nterior)\s+[Mm]inistry|[Mm]inistry\s+of\s+[Dd]efen[cs]e|[Gg]eneral\s+[Ss]taff)"
    r"\s+in\s+$"
    # "…, it was said in Kyiv": where it was said, at a clause's end
    r"|,\s+(?:it\s+)?(?:was\s+)?(?:said|announced|stated|reported)\s+in\s+$"
)
_WHERE_SPOKEN_LEFT = re.compile(r"(?:^|[\n.;]\s*)In\s+$")
_SPEAKER_RIGHT = re.compile(
    # a national body speaks from its capital; "in Kharkiv, officials said" is about Kharkiv
    r",\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:[Mm]inistry|Kremlin|[Pp]residential\s+[Oo]ffice"
    r"|[Pp]resident\s+[A-Z]\w+|[Gg]eneral\s+[Ss]taff)\s+(?:\w+\s+)?(?:said|says|spoke|claimed|called|described|announced"
    r"|reported|insisted)\b"
)
_OWN_FORCES_CLAIM = re.compile(
    r"\b(?:(?:[Dd]efen[cs]e\s+)?[Mm]inistry|[Gg]eneral\s+[Ss]taff|[Mm]inistry\s+of\s+[Dd]efen[cs]e|[Ii]t)\s+(?:said|says|claimed"
    r"|reported)\s+(?:that\s+)?(?:it|its\s+(?:forces|troops|units))\s+(?:had\s+|have\s+)?(?:struck|hit|destroyed|repelled"
    r"|repulsed|liberated|captured)\b"
)


def _heading_date(ctx: DocContext, sent: Sentence, strict: bool = False) -> D.DateMention | None:
    """A day-by-day report: the heading line above ("Friday", "Monday, January 20") dates the
    paragraphs under it, up to the next heading; ``strict``: only the nearest heading, so one that
    names no day ("New Year's night: 45 Shaheds") ends the search."""
    for prev in reversed(ctx.sentences[max(0, sent.index - 15) : sent.index]):
        if prev.paragraph == sent.paragraph:
            continue
        alone = all(
            x.paragraph != prev.paragraph for x in ctx.sentences[prev.index + 1 : prev.index + 2]
        ) and (prev.index == 0 or ctx.sentences[prev.index - 1].paragraph != prev.paragraph)
        line = ctx.text[prev.start : prev.end]
        words = line.split()
        heading = alone and len(words) <= 8 and not line.rstrip().endswith((".", "!", "?", '"', "”"))
        if strict and heading and (len(words) > 4 or prev.start < ctx.title_end):
            return None
        if not alone or len(words) > 4 or prev.start < ctx.title_end:
            continue
        if re.search(r"\b(?:19|20)\d\d\b|\d:\d\d", line):
            return None  # a byline's stamp ("19 April 2024, 18:05") dates the report, not a section
        found = (
            D.find_dates(line.title(), ctx.published, ctx.anchor_year)
            if line.isupper()
            else _sentence_dates(ctx, prev)
        )  # "MONDAY" as well as "Monday"
        # "Monday, 17 November": the date it states, not the Monday counted from publication
        ds = sorted(
            (d for d in found if d.span.precision == "day" and not d.future),
            key=lambda d: d.kind == "weekday",
        )
        if not ds:
            return None  # another heading ("Kharkiv region"): the day above it is not this one's
        return D.DateMention(0, 0, ds[0].text, ds[0].span, ds[0].kind)
    return None


def _nearest_date(ds: list[D.DateMention], base: int, anchor: int) -> D.DateMention | None:
    resolved = [d for d in ds if d.span.start is not None]
    if not resolved:
        return None
    return min(resolved, key=lambda d: (abs(base + d.start - anchor), d.start))


def _stated_over_time_of_day(
    date: D.DateMention | None, sent_dates: list[D.DateMention]
) -> D.DateMention | None:
    """ "The 28 August 2025 Russian attack on Kyiv was an overnight drone and missile strike": with the day
    written out in the sentence, "overnight" says when in it, not which night counted from the report."""
    if date is None or date.kind != "relative_day" or not _NIGHT_WORD.fullmatch(date.text):
        return date
    stated = [d for d in sent_dates if d.kind in ("day_month", "month_day") and d.span.precision == "day"]
    return stated[0] if len(stated) == 1 else date


_NIGHT_WORD = re.compile(
    r"(?:an\s+|the\s+)?(?:overnight|last\s+night|tonight|this\s+morning|in\s+the\s+night)", re.I
)


# Where weapons came from: every place from such a cue to the next word that names a target.
_LAUNCH_CUE = re.compile(
    r"\b(?:launched|fired|took\s+off|flew\s+in|came)\s+from\b|\bfrom\s+the\s+(?:directions?|area|territory|airspace"
    r"|waters|side)\s+of\b|\b(?:bombers?|aircraft|jets?|planes?|warplanes?|ships?|warships?|submarines?|vessels?|carriers?"
    r"|Tu-\d+\w*|Su-\d+\w*|MiG-\d+\w*)\s+(?:flying\s+|operating\s+|positioned\s+|based\s+|patrolling\s+)?(?:over|above|in|from)\b"
    r"|\b(?:drones?|UAVs|missiles|Shaheds|rockets)\s+(?:\w+\s+){0,2}?from\s+(?:the\s+)?(?=[A-Z]|direction|area|territory)"
    r"|\b(?:launched|fired)\b[^.;]{0,40}?\bfrom\b"
    # "with launch sites in the Kursk and Bryansk regions and in occupied Crimea"
    r"|\blaunch\s+(?:sites?|areas?|points?|positions?|zones?)\b(?:\s+for\s+the\s+\w+)?(?:\s+(?:were|was|included|including"
    r"|in|of))*\b",
    re.IGNORECASE,
)
_LAUNCH_END = re.compile(
    r"\b(?:at|on|against|targeting|targeted|toward|towards|into|hitting|striking|struck|hit|hits|damaging|killing|to)\b"
    r"|\bin\s+the\s+(?:city|town|village|region|oblast|district)\s+of\b|[;.]\s",
    re.IGNORECASE,
)


def _launch_zones(text: str, start: int, end: int) -> list[tuple[int, int]]:
    seg = text[start:end]
    if "from" not in seg and "over" not in seg and "above" not in seg and "aunch" not in seg:
        return []  # every cue has one of these words: skip the costly pattern
    out = []
    for m in _LAUNCH_CUE.finditer(text, start, end):
        apposed = _LAUNCH_APPOSITION.match(text, m.end(), end)
        if apposed is not None:
            out.append((m.end(), apposed.end()))  # "from Primorsko-Akhtarsk, a base on the Azov coast"
            continue
        stop = _LAUNCH_END.search(text, m.end(), min(end, m.end() + 160))
        out.append((m.end(), stop.start() if stop else min(end, m.end() + 160)))
    return out


_LAUNCH_APPOSITION = re.compile(
    r"[^,.;]{1,50},\s+(?:an?|the|its)\s+(?:[\w-]+\s+){0,2}?(?:base|airfield|air\s+base|airbase|port|airport|site"
    r"|area|launch\s+site)\b[^,.;]{0,60}"
)


_AUTHORITY_IN_LEFT = re.compile(
    r"\b(?:authorities|officials|administration|officers|separatists?|leaders?|police|prosecutors?|ministry)\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_REGIONAL_SEAT_LEFT = re.compile(
    r"\b(?:regional|oblast|provincial)\s+(?:military\s+|state\s+)?(?:administration|authorities|government|officials)"
    r"\s+in\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_SAYS_RIGHT = re.compile(r",?\s+(?:says|said|wrote|writes|told|added|stated|reported)\b")


def _is_authority(text: str, ent: Ent) -> bool:
    """Whether a place names the area of the officials reporting ("Kharkiv Mayor", "the authorities in Donetsk")."""
    return (
        ent.authority is not None
        or _AUTHORITY_IN_LEFT.search(text[max(0, ent.start - 40) : ent.start]) is not None
    )


_WEAPONS_CAME = re.compile(L.WEAPONS_CAME, re.IGNORECASE)
_TRAVEL_LEFT = re.compile(
    r"\b(?:landed|arrived|arriving|arrives|flew|travel(?:l)?ed|travel(?:l)?ing|went|headed|returned|visited|visiting)"
    r"\s+(?:back\s+)?(?:in|to|at|into)?\s*(?:the\s+)?$"
    # "Witkoff meets Putin in Moscow as Russian strike … kills two": where the meeting is
    r"|\b(?:meets|met|meeting|hosts|hosted|receives|received|talks\s+with)\s+(?:[\w.'’-]+\s+){1,4}?in\s+$"
    # "after touring Bucha, Borodianka and Irpin": every town of a visitor's tour
    r"|\b(?:touring|toured|tours|a\s+tour\s+of)\s+(?:the\s+)?(?:[\w’'-]+(?:\s*,\s*(?:and\s+)?|\s+and\s+)){0,4}$"
    # "a train travelling from Barvinkove towards Lviv and the western border town of Chop": where it was going
    r"|\b(?:travel(?:l)?ing|heading|bound|en\s+route|running|going|driving|sailing)\b[^.;]{0,60}?\b(?:to|towards|for)\s+"
    r"(?:(?!in\b|at\b|near\b|was\b|were\b|hit\b|struck\b|when\b)[\w-]+\s+){0,8}?$"
    # "were driving from the village of Kuleshovka towards Rylsk when the drone hit": where they set out
    r"|\b(?:travel(?:l)?(?:ing|ed)|head(?:ing|ed)|driv(?:ing|en)|drove|return(?:ing|ed)|going|went|flee(?:ing)|fled)\s+"
    r"(?:back\s+)?from\s+(?:the\s+)?(?:(?:village|town|city|settlement)\s+of\s+)?$"
    # "hit on the road to Sumy": where the road leads, not where the strike fell
    r"|\b(?:on|along)\s+the\s+(?:road|highway|motorway|way|route)\s+(?:to|towards)\s+(?:the\s+(?:city\s+of\s+)?)?$"
    # "novels about Lviv childhoods", "a film set in Mariupol": what a work is about, no place struck
    r"|\b(?:novels?|books?|stories|poems|poetry|films?|movies?|songs?|essays?|plays?|documentar(?:y|ies)|memoirs?)"
    r"\s+(?:about|on|set\s+in)\s+(?:the\s+)?$"
    # "informed the Embassy of Georgia in Kyiv", "the Polish consulate general in Lviv": a foreign mission's seat
    r"|\b(?:embassy|consul(?:ate)?(?:[\s-]+general)?)(?:\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,2}?)?\s+in\s+$"
    # "the wounded have been taken to hospitals in Kramatorsk and Dnipro": where they are treated
    r"|\b(?:taken|brought|transported|transferred|evacuated|airlifted|moved|treated|driven|rushed|delivered"
    # "died on Saturday in a hospital in Dnipro": where the wounded died, weeks after
    r"|died(?:\s+(?:on|at)\s+[\w-]+(?:\s+[\w-]+)?)?)"
    r"\s+(?:to|in|at)\s+(?:a\s+|the\s+)?"
    # ("treated in hospitals in Poltava, Kyiv and Dnipro": every town of the list)
    r"(?:[\w-]+\s+){0,2}?(?:hospitals?|clinics?|medical\s+facilit(?:y|ies))\s+(?:in|at|of)\s+"
    # (and "… in Kostiantynivka and Druzhkivka and some later to Dnipro")
    r"(?:[\w’'-]+(?:\s+[\w’'-]+)?(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+"
    r"|,?\s+and\s+(?:some|others?|one|two|three|several|the\s+rest)\s+(?:\w+\s+)?(?:to|in)\s+)){0,4}$",
    re.IGNORECASE,
)
_TALKS_RIGHT = re.compile(r"^\s+(?:peace\s+)?(?:talks|summit|negotiations)\b", re.IGNORECASE)
# "in open country south of Izium": a bearing from a town, not the town (and no place of last resort)
_BEARING_LEFT = re.compile(
    r"\b(?:country|fields?|area|road|highway|forest|steppe)\s+(?:just\s+)?(?:north|south|east|west)(?:-?(?:east|west))?"
    r"\s+of\s+$",
    re.IGNORECASE,
)
# "in Illinivka, west of Kostiantynivka", "a village on the estuary west of Kherson": the town the
# place is located by (a place of last resort, as a distance reference is)
_BEARING_REF_LEFT = re.compile(
    r"\b(?:just\s+|some\s+way\s+)?(?:north|south|east|west)(?:-?(?:east|west))?(?:ern\s+outskirts)?\s+of\s+(?:the\s+)?"
    r"(?:(?:city|town)\s+of\s+)?$",
    re.IGNORECASE,
)


_TOWARDS_LEFT = re.compile(r"\btowards?\s+(?:the\s+)?(?:\w+['’]s\s+)?$", re.IGNORECASE)
_SEA_OF_LEFT = re.compile(r"\b(?:[Ss]ea|[Gg]ulf)\s+of\s+$")
_UNIT_RIGHT = re.compile(
    r"\s+(?:[Rr]egiment|[Bb]attalion|[Bb]rigade|[Ff]ighters|[Dd]efenders|[Dd]ivision|[Cc]orps|[Gg]roup\s+of\s+[Ff]orces)\b"
)
_GOVERNMENT_LEFT = re.compile(
    r"\b(?:pressure\s+on|sanctions\s+(?:on|against)|(?:talks|relations|ties|negotiations|a\s+deal|dialogue)\s+with"
    r"|demands?\s+(?:on|from|of)|concessions?\s+(?:from|to)|(?:message|warning|signal|ultimatum)\s+to"
    r"|support\s+for|backing\s+for|aid\s+to"
    # an appeal's addressee: "We are calling on Russia to stop using Kh-22s", "urged Moscow to halt"
    r"|call(?:s|ed|ing)?\s+(?:up)?on|urg(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to)\s+$",
    re.IGNORECASE,
)


def _weapon_aside(text: str, start: int, at: int) -> bool:
    """Whether ``at`` lies in a parenthesis that opens right after a weapon's name: an air-force list's
    note on the launchers and launch area, never the target."""
    opening = text.rfind("(", start, at)
    if opening < 0 or ")" in text[opening:at]:
        return False
    before = text[max(start, opening - 60) : opening].rstrip()
    return any(w.end == len(before) for w in weapon_mentions(before))


# "Mykolaivka, a small town between Sloviansk and Kostiantynivka": landmarks that place a town (not "a
# car on the road between Pogar and Hremiach", which is where the attack was)
_BETWEEN_LEFT = re.compile(
    r"\b(?:town|village|city|settlement|community|hamlet)\s+(?:located\s+|situated\s+|lying\s+)?between\s+"
    r"(?:[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?\s+and\s+)?$"
)
_CAPTURE_LEFT = re.compile(
    r"\b(?:after|since|before)\s+(?:taking|capturing|seizing|occupying|the\s+(?:fall|capture|loss)\s+of)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$",
    re.IGNORECASE,
)
_NOT_LISTED = re.compile(
    r"\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t)\s+(?:list|mention|include|name)\s+(?:the\s+)?[A-Z]"
)
# (a sentence that "did not list" places is no mention at all: _NOT_LISTED)
_NOT_LISTED_LEFT = re.compile(
    # ("… destroyed drones over several regions, without giving a figure for Bryansk")
    r"\bwithout\s+(?:listing|mentioning|including|naming|giving\s+(?:a\s+)?(?:figures?|numbers?|breakdown)\s+for)\s+"
    r"(?:(?:the\s+)?[\w’'-]+(?:\s*,\s*|\s+(?:or|and|nor)\s+)){0,3}(?:the\s+)?$",
    re.IGNORECASE,
)
_AREA_RIGHT = re.compile(r"\s+(?:district|raion)\b")
_TAKEN_TO_LEFT = re.compile(
    r"\b(?:taken|brought|rushed|transferred|admitted|airlifted|evacuated)\s+to\s+(?:the\s+|a\s+)?$",
    re.IGNORECASE,
)
_HOSPITAL_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:(?:district|regional|city|central|children['’]s|military|clinical|emergency)\s+){0,3}"
    r"(?:hospital|clinic|morgue|medical\s+(?:centre|center))\b",
    re.IGNORECASE,
)


_OF_THE_DISTRICT_LEFT = re.compile(
    r"\b[A-Z][\w’'-]+\s+(?:community|hromada|village|settlement)\s+(?:of|in)\s+the\s+$"
)
_DISTRICT_RIGHT = re.compile(r"\s+(?:district|raion)\b", re.IGNORECASE)
_DOWNED_OVER_LEFT = re.compile(
    r"\b(?:shot\s+down|downed|destroyed|intercepted)\b[^.;]{0,80}?\b(?:mostly|mainly|largely)\s+over\s+[^.;]*$",
    re.IGNORECASE,
)
_HIT_WORDS = re.compile(r"\b(?:hit|struck|damaged|killed|injured|wounded|fell\s+on)\b", re.IGNORECASE)


def _attack_places(
    ctx: DocContext, ents: list[Ent], clause: Clause, gaz: Gazetteer | None = None
) -> tuple[list[tuple[Entry, Ent]], bool]:
    text = ctx.text
    out: list[tuple[Entry, Ent]] = []
    authorities: list[tuple[Entry, Ent]] = []
    references: list[tuple[Entry, Ent]] = []
    treated: list[tuple[Entry, Ent]] = []
    explicit_country = False
    last_launch_end = -1
    sent = ctx.sentences[clause.sent]
    zones = ctx.memo.get(("launch", sent.index))
    if zones is None:
        zones = ctx.memo[("launch", sent.index)] = _launch_zones(ctx.text, sent.start, sent.end)
    for ent in ents:
        e = ent.place
        if e is None and ent.person and ent.authority is not None:
            authorities.append((ent.authority, ent))  # "Governor Gladkov says …": the area he speaks for
            continue
        if e is None or e.kind not in _ATTACK_PLACE_KINDS:
            continue
        if any(a <= ent.start < b for a, b in zones):
            continue  # "launched from the Primorsko-Akhtarsk area and from Cape Chauda in Crimea"
        if (
            ent.start - sent.start <= 40
            and text[ent.start : ent.end].isupper()
            and (dl := _DATELINE.match(text, sent.start)) is not None
            and dl.group("place") is not None
            and dl.start("place") <= ent.start < dl.end("place")
            and _places_later_in_sentence(ctx, sent, dl.end(), ent)
        ):
            # "SARATOV, Jan 9 - Two firefighters were killed … in Engels", "POLTAVA / LVIV, Ukraine, Sept 4
            # - … missiles hit a military institute in Poltava": where it was filed
            continue
        if first_name(ent, text):
            continue  # "Governor Roman Busargin", "Yaroslav Yanushevych": a person
        if _OF_THE_DISTRICT_LEFT.search(
            text, max(clause.start, ent.start - 60), ent.start
        ) and _DISTRICT_RIGHT.match(text, ent.end):
            continue  # "the Novopavlivka community of the Zaporizhzhia district": where the village lies
        if (
            e.country == "UA"
            and _DOWNED_OVER_LEFT.search(text, max(clause.start, ent.start - 120), ent.start)
            and not _HIT_WORDS.search(text, clause.start, clause.end)
        ):
            # "Air defence shot down 18 missiles, mostly over the Kyiv region": where they were brought down
            continue
        if (
            e.kind == "city"
            and _SAYS_RIGHT.match(text, ent.end)
            and not ent.possessive
            and re.search(r"(?:^|[,;:!?\"“]\s*|\n\s*)$", text[max(0, ent.start - 3) : ent.start])
        ):
            continue  # "…, Nikolayev says": a person named like a town (see entities.drop_namesakes)
        if last_launch_end >= 0 and _LAUNCH_CHAIN.fullmatch(text, last_launch_end, ent.start):
            # "from Kursk and Primorsko-Akhtarsk", "from … Bryansk cities; Millerovo, Rostov Oblast;
            # and Primorsko-Akhtarsk, Krasnodar Krai": all launch areas
            last_launch_end = ent.end
            continue
        if _span_end(text, ent):
            continue  # "from Lutsk in the west to Kharkiv in the east": the breadth of a nationwide attack
        if any(a <= ent.start < b for a, b in _heard_lists(ctx, sent)):
            continue  # "explosions were heard in Kyiv, Zhytomyr, Khmelnytskyi and Ternopil": the night's reach
        if _SPOKEN_IN_LEFT.search(text, max(0, ent.start - 40), ent.start):
            continue  # "The Defence Ministry in Moscow said …": the seat of who speaks
        if capital_spoke(ent.start, ent.end, text):
            continue  # "In Kyiv, officials said Russia had fired dozens of drones at …": who spoke
        if _is_authority(text, ent):
            # the reporting official's area ("Kharkiv Mayor …", "the authorities in Donetsk"): a
            # place of last resort
            area = ent.authority or e
            if (
                gaz is not None
                and area.kind == "city"
                and _REGIONAL_SEAT_LEFT.search(text, max(0, ent.start - 50), ent.start)
                and (a1 := gaz.admin1_id(area)) is not None
            ):
                area = gaz.places[a1]  # "the regional administration in Cherkasy" speaks for the oblast
            authorities.append((area, ent))
            continue
        left = text[max(clause.start, ent.start - 70) : ent.start]
        right = text[ent.end : min(clause.end, ent.end + 60)]
        if right.startswith("-") or left.endswith("-"):
            continue  # "the Sloviansk-Kramatorsk agglomeration": an area named after both
        if _CAPTURE_LEFT.search(left):
            continue  # "after taking Lysychansk": ground taken, not a place struck
        if _NOT_LISTED_LEFT.search(left):
            continue  # "43 drones destroyed over several regions, without naming Bashkortostan or Orenburg"
        if _TAKEN_TO_LEFT.search(left) and _HOSPITAL_RIGHT.match(right):
            # "taken to the Klimovo district hospital": where the wounded were treated, the attack's
            # place only when the text gives no other
            treated.append((e, ent))
            continue
        if e.kind == "city" and _BETWEEN_LEFT.search(left):
            references.append((e, ent))  # "a small town between Sloviansk and Kostiantynivka": a landmark
            continue
        if _BEARING_LEFT.search(left):
            continue
        if L.DISTANCE_LEFT.search(left) or (_BEARING_REF_LEFT.search(left) and out):
            references.append((e, ent))  # the place a distance is given from: the last resort
            continue
        if _WHERE_SPOKEN_LEFT.search(text, max(0, ent.start - 6), ent.start) and _SPEAKER_RIGHT.match(
            text, ent.end, min(len(text), ent.end + 80)
        ):
            continue  # "In Moscow, the Defence Ministry spoke of a massive strike": where it was said
        if (
            _LAUNCH_LEFT.search(left)
            and not _STRUCK_SHIPS_IN_LEFT.search(left)
            and not _REPORTED_FROM_CHAIN.search(text, clause.start, ent.start)
        ):
            last_launch_end = ent.end
            continue
        if _TOWARDS_LEFT.search(left):
            if _TRAVEL_LEFT.search(text, max(clause.start, ent.start - 140), ent.start):
                continue  # "the train, travelling from Barvinkove towards Lviv": where it was going
            # "sent seven drones towards the Mykolaiv region": the target, unless the clause names
            # where they hit ("85 drones over the Bryansk region …, one flying towards Moscow")
            references.append((e, ent))
            continue
        if _GOVERNMENT_LEFT.search(left):
            continue  # "to keep up pressure on Moscow": the government, not a place hit
        if _SEA_OF_LEFT.search(left) or _UNIT_RIGHT.match(right):
            continue  # "the Sea of Azov", "Azov fighters": a sea and a regiment, not the town
        if _QUALIFIES_NOUN.match(text, ent.end, clause.end):
            continue  # "The Kursk gamble", "the Pokrovsk direction", "the Istanbul talks": no place struck
        if _weapon_aside(text, sent.start, ent.start):
            continue  # "Kh-101/Kh-555 (cruise, Tu-95MS carriers, Volgodonsk area)": where they came from
        if (
            _TRAVEL_LEFT.search(text, max(clause.start, ent.start - 140), ent.start)
            and not _WEAPONS_CAME.search(text, clause.start, ent.start)  # "Eleven missiles flew at Kyiv"
        ) or _TALKS_RIGHT.match(right):
            continue  # "hours before Orbán landed in Moscow", "at Sochi talks": travel and diplomacy
        if (
            e.kind == "city"
            and ent.text in _CAPITALS_METONYMY
            and not (_CAPITAL_ATTACKED_LEFT.search(left) or _CAPITAL_PLACE_RIGHT.match(right))
        ):
            continue  # "Moscow rejected …", "talks between Kyiv and Moscow", "Washington and Kyiv disagree"
        if re.match(
            r"^\s+(?:[Rr]iver|[Rr]eservoir|[Dd]am\b|[Bb]asin|hydro\w*|HPP|HES|[Hh]ighway|[Ss]treet"
            r"|(?:oil\s+|gas\s+)?[Pp]ipeline|Human\s+Rights|University|Institute|Polytechnic|Museum|Opera|Theatre|Philharmonic"
            r"|(?:[Ss]tock\s+|[Cc]urrency\s+|[Cc]ommodit\w+\s+)?[Ee]xchange|International\s+Economic\s+Forum"
            r"|[Aa]venue|[Rr]oad|[Ss]quare|[Bb]oulevard|[Pp]rospekt|[Ee]mbankment|[Ll]ane)\b",
            right,
        ) or (
            e.name == "Dnipro"
            and (re.search(r"\bthe\s+$", left) or re.match(r"\s+[Pp]ower\s+[Ss]tation\b", right))
        ):
            # "the Dnipro river", "the left bank of the Dnipro", "the Dnipro power station" (the dam at
            # Zaporizhzhia): the river, not the city ("the Shatura power station" is in Shatura)
            continue
        if ent.person and not _COUNTRY_PLACE_LEFT.search(left):
            continue
        if e.kind == "country":
            as_place = bool(_COUNTRY_PLACE_LEFT.search(left)) and not _ACTOR_RIGHT.match(right)
            as_place = as_place or bool(ent.possessive and _COUNTRY_POSSESSIVE_TARGET.match(right))
            if not as_place or _followed_by_place(ent, ents):
                continue
            explicit_country = True
        elif (
            ent.possessive
            and _ACTOR_RIGHT.match(right)
            and e.kind in ("city",)
            and ent.text in _CAPITALS_METONYMY
        ):
            continue  # "Kyiv's forces"
        out.append((e, ent))
    if len(out) > 1:
        # "shelled the Nikopol district …, killing a man in Marhanets": the district named after a
        # town only locates the town the clause names in it; it is not an attack on that town
        # (a town named before the district is another matter: "woman killed in Shebekino, two hurt
        # … in Grayvoron district" names two attacks)
        towns = [(e, ent) for e, ent in out if e.kind == "city" and not _AREA_RIGHT.match(text, ent.end)]
        out = [
            (e, ent)
            for e, ent in out
            if not (
                e.kind == "city"
                and _AREA_RIGHT.match(text, ent.end)
                and any(
                    t.id != e.id
                    and t.admin1 == e.admin1
                    # ("Dunaika, a village in the Graivoron district": the district locates the village)
                    and (
                        t_ent.start > ent.end
                        or (t.id.startswith("text:") and 0 < ent.start - t_ent.end <= 40)
                    )
                    for t, t_ent in towns
                )
            )
        ]
    if any(ent.person for _, ent in authorities) and any(not ent.person for _, ent in authorities):
        # "the head of the Sumy RMA, Ivan Fedorov, wrote": the area the text gives him, not the one he
        # is known for
        authorities = [(a, ent) for a, ent in authorities if not ent.person]
    if (
        out
        and all(e.kind in ("region", "country") for e, _ in out)
        and any(a.kind in ("city", "district", "admin1") for a, _ in authorities)
    ):
        # "In southern Russia, officials in the Rostov region reported …": their region is the
        # more precise place of the attack they report
        return authorities, explicit_country
    if (
        not (out or authorities or references)
        and treated
        and _place_before_in_paragraph(ctx, sent, clause.start)
    ):
        # "shelled the village of Lomakovka … One woman was wounded and taken to the Sevsk district
        # hospital": the hospital's town is no second attack; the wounded belong to the place before
        treated = []
    return (out or authorities or references or treated), explicit_country


def _place_before_in_paragraph(ctx: DocContext, sent: Sentence, before: int) -> bool:
    """The paragraph names a place before ``before`` (in an earlier sentence or clause)."""
    return any(
        ent.place is not None and ent.start < before
        for s in ctx.sentences[: sent.index + 1]
        if s.paragraph == sent.paragraph
        for ent in ctx.ents_in(s.start, s.end)
    )


def actor_use(ctx: DocContext, ent: Ent, end: int) -> bool:
    """Does this mention of a side name the attacker ("Russia launched …", "Russian drones")?"""
    right = ctx.text[ent.end : min(end, ent.end + 80)]
    return bool(_ACTOR_RIGHT.match(right) or _ACTOR_VERB_RIGHT.match(right))


def _talks_near(left: str, right: str) -> bool:
    return bool(
        re.search(r"\b(?:talks|negotiations|meeting|dialogue|between)\b", left[-60:] + " " + right[:40], re.I)
    )


def _followed_by_place(ent: Ent, ents: list[Ent]) -> bool:
    for other in ents:
        if other.start >= ent.end and other.start - ent.end <= 6 and other.place is not None:
            return True
    return False


_SUPPLIED_BY_LEFT = re.compile(
    r"\b(?:supplied|provided|delivered|donated|given|made|manufactured|produced|built)\s+(?:to\s+(?:\w+\s+){1,2})?by\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)


def _actor(
    ctx: DocContext, ents: list[Ent], clause: Clause, places: list[tuple[Entry, Ent]]
) -> tuple[str | None, bool]:
    text = ctx.text
    place_ents = {id(p[1]) for p in places}
    for ent in ents:
        side = ent.country or ent.demonym
        if ent.text in ("Moscow", "Kremlin"):
            side = "RU"
        elif ent.text in ("Kiev regime", "Kyiv regime", "VSU", "VFU"):
            side = "UA"  # Russian officials' names for Ukraine's government and its armed forces
        elif ent.text in ("Kyiv", "Kiev") and id(ent) not in place_ents:
            side = "UA"
        if side is None or id(ent) in place_ents:
            continue
        right = text[ent.end : min(clause.end, ent.end + 80)]
        left = text[max(clause.start, ent.start - 20) : ent.start]
        if ent.possessive and _followed_by_place(ent, ents):
            continue
        if re.search(
            r"\b(?:for|of|to|supplying|supplies\s+to|serving|used\s+by)\s+(?:the\s+)?$", left
        ) and not re.search(
            r"(?i)\b(?:formations|forces|troops|units|militants|army|servicemen|fighters)\s+of\s+(?:the\s+)?$",
            left,
        ):
            continue  # "fuel for the Russian army": who benefits, not who attacks ("the armed formations of the Kiev regime attacked" do)
        if re.search(
            r"(?:\b\d[\d,]*|\b(?:two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores))\s+$",
            left,
        ):
            if _WEAPON_AFTER_SIDE.match(right):
                return side, True  # "downed 94 Ukrainian drones over Russia": whose weapons they were
            continue  # "the bodies of at least 45 Ukrainian soldiers": the victims, counted
        if re.search(r"\b(?:on|against|upon)\s+(?:the\s+)?$", left):
            continue  # "the deadliest strike on Ukrainian troops": the side struck
        if _SUPPLIED_BY_LEFT.search(text, max(clause.start, ent.start - 50), ent.start):
            continue  # "The missiles, supplied to Ukraine by the United States, were fired at …": the supplier
        if re.search(r"(?i)\b(?:per|according\s+to|citing|data\s+from|figures\s+from)\s+(?:the\s+)?$", left):
            continue  # "Per the Ukrainian Air Force, Russia launched …": the source, not the attacker
        if (
            _ACTOR_RIGHT.match(right)
            or _ACTOR_VERB_RIGHT.match(right)
            or _BY_LEFT.search(left)
            or _OWN_STRIKE_RIGHT.match(right)
        ):
            return side, True
    ctext = text[clause.start : clause.end]
    if _UA_AGENCY.search(ctext):
        return "UA", True  # "SBU drones hit a tanker", "the Security Service of Ukraine (SBU) struck …"
    m = _ENEMY.search(ctext)
    if m:
        # "the enemy" is how Ukrainian officials name Russian forces; Russian officials rarely use it in English
        if _ATTACK_OF.search(ctext, 0, m.start()):
            return "RU", True  # "the massive combined attack of the Russian Federation": whose attack it was
        if re.match(r"['’]s\b", ctext[m.end() :]) or re.search(r"(?i)\bof\s+$", ctext[: m.start()]):
            return "UA", True  # "hit a radar station of the enemy's air defence": Russia's, struck by Ukraine
        countries = {e.country for e, _ in places}
        if m.group(0).lower().endswith("enemy") and countries == {"RU"}:
            return "UA", True
        return "RU", True
    return None, False


def _targets(ctext: str) -> set[str]:
    hits = [(s, e, _TARGET_TYPES[i]) for s, e, i in _TARGETS.finditer(L.lower(ctext))]
    out: set[str] = set()
    last_end = -1
    for s, e, t in hits:
        if s < last_end:
            continue
        last_end = e
        if L.NOT_TARGET_AFTER.match(ctext[e : e + 30]) or L.NOT_TARGET_BEFORE.search(
            ctext[max(0, s - 15) : s]
        ):
            continue
        out.add(t)
    if "energy" in out and "infrastructure" in out and re.search(r"energy\s+infrastructure", ctext, re.I):
        out.discard("infrastructure")
    return out


# --- grouping ------------------------------------------------------------------------------


# Cities that are oblasts of their own, inside the oblast around them: "Kyiv and the Kyiv region"
# report one attack on the capital and its suburbs
_ENCLAVES = {  # Kyiv Oblast ⊃ Kyiv, Crimea ⊃ Sevastopol, Moscow Oblast ⊃ Moscow, Leningrad Oblast ⊃ St Petersburg
    "adm1:UA-32": "adm1:UA-30",
    "adm1:UA-43": "adm1:UA-40",
    "adm1:RU-MOS": "adm1:RU-MOW",
    "adm1:RU-LEN": "adm1:RU-SPE",
}


def _around(gaz: Gazetteer, outer: Entry, inner: Entry) -> bool:
    enclave = _ENCLAVES.get(outer.id)
    return gaz.contains(outer, inner) or (enclave is not None and enclave in gaz.parent_chain(inner))


def _suburb_shootdown(gaz: Gazetteer, cp: list[Entry], m: Mention) -> bool:
    """Drones downed over a town of the region around a capital that is a region of its own, with no
    harm told: the attack on that capital ("one was shot down over the Odintsovo district, west of the
    city", while two hit Moscow), not an attack on the town."""
    f = m.facts
    if not m.places or f.killed is not None or f.injured is not None:
        return False
    if not any(ic is not None for _k, _mo, _lc, ic in f.weapons):
        return False
    capitals = {a for e in cp if e.kind == "city" for a in gaz.parent_chain(e)}
    towns = _towns([e for e, _ in m.places])
    return bool(towns) and all(any(_ENCLAVES.get(a) in capitals for a in gaz.parent_chain(t)) for t in towns)


def _places_compatible(gaz: Gazetteer, a: list[Entry], b: list[Entry]) -> bool:
    if not a or not b:
        return True
    return any(_around(gaz, x, y) or _around(gaz, y, x) for x in a for y in b)


def _towns(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.kind in ("city", "district")]


def _specific(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.kind in ("city", "district", "admin1")]


_WEEKDAY = re.compile(r"\b(?<=[Oo]n\s)(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _weekday(m: Mention) -> str | None:
    """The weekday an unresolved date names ("On Tuesday" in a text with no publication date)."""
    if m.date is not None and m.date.span.start is not None:
        return None
    # (with no publication date the weekday is not read as a date at all)
    said = m.date.text if m.date is not None else m.sent.text[m.clause.start : m.clause.end]
    w = _WEEKDAY.search(said)
    return w.group(0) if w else None


def _entries_apart(c: AttackCluster, m: Mention) -> bool:
    """Reports in entries of a timeline of different days ("Sunday 28 May" … "Monday 29 May") tell different
    attacks, though "overnight" in the second can reach back into the first day."""
    return m.entry is not None and any(x.entry is not None and x.entry != m.entry for x in c.mentions)


def _weekdays_apart(c: AttackCluster, m: Mention) -> bool:
    """ "On Tuesday, a drone …" and "On Wednesday morning, shells …" with no date to anchor them: two days."""
    mine = _weekday(m)
    theirs = {d for x in c.mentions if (d := _weekday(x)) is not None}
    if mine is not None and theirs and mine not in theirs:
        return True
    # ("Earlier on Monday, a drone …" is this week's, not the attack told "in late December")
    cd = c.date()
    if mine is not None and cd is not None and cd.precision in ("month", "year"):
        return True
    return bool(theirs) and m.date is not None and m.date.span.precision in ("month", "year")


def _dates_compatible(a: DateSpan | None, b: DateSpan | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return True
    a_end = a.end or a.start
    b_end = b.end or b.start
    coarse = ("week", "month", "year")
    if a.precision in coarse and b.precision in coarse:
        return a.start <= b_end and b.start <= a_end
    if a.precision in coarse or b.precision in coarse:
        # the day (or night) must lie within the week: "last week" ended before last night did
        (w0, w1), (d0, d1) = (
            ((a.start, a_end), (b.start, b_end))
            if a.precision in coarse
            else ((b.start, b_end), (a.start, a_end))
        )
        return w0 <= d0 and d1 <= w1
    a_night, b_night = (a_end - a.start).days == 1, (b_end - b.start).days == 1
    if a_night and b_night:
        return a_end == b_end  # "the night of May 23 to 24" is not the night of May 24 to 25
    if a_night or b_night:
        (n0, n1), (o0, o1) = (
            ((a.start, a_end), (b.start, b_end)) if a_night else ((b.start, b_end), (a.start, a_end))
        )
        return o0 <= n1 and o1 >= n0
    return abs((a.start - b.start).days) <= 1 or (a.start <= b_end and b.start <= a_end)


_NIGHT = re.compile(r"\b(?:overnight|night)\b", re.IGNORECASE)
_AFTERNOON = re.compile(r"\b(?:afternoon|midday|noon|lunchtime)\b", re.IGNORECASE)
_OVERNIGHT = re.compile(r"\bovernight\b", re.IGNORECASE)
_TOLL_REPORT = re.compile(
    r"\b(?:toll|figure|tally|(?:rose|risen|climbed|grew|increased)\s+to|number\s+of\s+(?:people\s+)?(?:killed|dead|injured"
    r"|wounded|victims))\b",
    re.IGNORECASE,
)


def _part_of_day(m: Mention) -> str | None:
    if m.date is None or m.date.span.start is None:
        # undated ("On Tuesday afternoon, a missile struck …" with no publication date): the words
        if _AFTERNOON.search(m.sent.text, m.clause.start, m.clause.end):
            return "afternoon"
        return "night" if _OVERNIGHT.search(m.sent.text, m.clause.start, m.clause.end) else None
    if _NIGHT.search(m.date.text):
        return "night"
    if _AFTERNOON.search(m.date.text):
        return "afternoon"
    return None


def _night_and_afternoon(c: AttackCluster, m: Mention) -> bool:
    """An overnight attack and one "this afternoon" on the same day are two attacks: a night's
    barrage runs from the evening into the morning, never into the afternoon."""
    part = _part_of_day(m)
    if part is None or _TOLL_REPORT.search(m.sent.text, m.sent.start, m.sent.end):
        return False  # ("On Saturday night officials had given a toll of six": when it was counted)
    for x in c.mentions:
        other = _part_of_day(x)
        if other is None or other == part:
            continue
        m_span = m.date.span if m.date is not None and m.date.span.start is not None else None
        x_span = x.date.span if x.date is not None and x.date.span.start is not None else None
        if m_span is None and x_span is None:
            return True  # told without days: a night and an afternoon are two times all the same
        if m_span is None or x_span is None:
            continue
        night, day = (m_span, x_span) if part == "night" else (x_span, m_span)
        if (
            night.start is not None
            and day.start is not None
            and night.start <= day.start <= (night.end or night.start)
        ):
            return True
    return False


_NIGHT_END = re.compile(r"\b(?:early|morning|dawn|daybreak|overnight|last\s+night|into)\b", re.IGNORECASE)
_NIGHT_START = re.compile(
    r"\b(?:evening|(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+night)\b", re.IGNORECASE
)


def _morning_and_evening(c: AttackCluster, m: Mention) -> bool:
    """ "Early on Sunday, 120 missiles …" and a missile "on Sunday evening": the end of one night and
    the start of the next, two attacks."""

    def edge(x: Mention) -> tuple[str, dt.date] | None:
        if (
            x.date is None
            or x.date.span.start is None
            or _TOLL_REPORT.search(x.sent.text, x.sent.start, x.sent.end)
            or x.date.text not in x.sent.text[x.sent.start : x.sent.end]  # (a day carried from before)
        ):
            return None
        if _NIGHT_START.search(x.date.text):
            return ("start", x.date.span.start)
        if _NIGHT_END.search(x.date.text):
            return ("end", x.date.span.end or x.date.span.start)
        return None

    mine = edge(m)
    if mine is None:
        return False
    return any((e := edge(x)) is not None and e[0] != mine[0] and e[1] == mine[1] for x in c.mentions)


def _counts_conflict(a: Count | None, b: Count | None, b_update: bool) -> bool:
    if a is None or b is None or not a.has_number or not b.has_number or b_update:
        return False
    if a.qualifier == "exact" and b.qualifier == "exact":
        # "a missile hit a residential area" in one city is part of "32 missiles" launched that night
        return a.value != b.value and min(a.value or 0, b.value or 0) > 1
    return False


_FRONT_LINE_KINDS = frozenset(
    {"artillery", "glide_bomb", "bomb", "rocket"}
)  # (cluster warheads fly on missiles too)


_EXAMPLES_LEFT = re.compile(rf"\b{L.EXAMPLES_CUE}{L.NAME_LIST_SO_FAR}")
# "… at energy facilities in the west - the Lviv and Ivano-Frankivsk regions among them": the cue after the list
# (a list's own noun before "among them": not "in Kharkiv, among them two children")
_EXAMPLES_RIGHT = re.compile(
    r"[^.;:()]{0,60}?\b(?:regions?|oblasts?|cities|towns|provinces)\s+among\s+them\b"
    r"|[^.;:()]{0,60}?\b(?:among\s+others|for\s+(?:example|instance))\b",
    re.IGNORECASE,
)


def _tally_with_examples(ctx: DocContext, m: Mention) -> bool:
    """A national tally that names a few of the regions hit only as examples ("… against Ukraine,
    targeting homes in several regions, including Lviv and Kharkiv")."""
    return (
        m.explicit_country
        and m.actor is not None
        and _long_range_tally(m)
        and any(e.kind != "country" for e, _ in m.places)
        and all(
            e.kind == "country"
            or _EXAMPLES_LEFT.search(ctx.text, max(m.clause.start, t.start - 120), t.start)
            or _EXAMPLES_RIGHT.match(ctx.text, t.end, m.clause.end)
            for e, t in m.places
        )
    )


def _long_range_tally(m: Mention) -> bool:
    """ "Russia launched 19 Shahed drones at Ukraine": a night's wave counted for a country or its
    regions, with no town of its own."""
    hit = m.memo.get("long_range")
    if hit is None:
        hit = m.memo["long_range"] = _is_long_range_tally(m)
    return bool(hit)


def _front_line_kinds(m: Mention) -> tuple[frozenset[str], bool]:
    """The weapon kinds a mention names (shelling counted as artillery) and whether it says FPV."""
    hit = m.memo.get("kinds")
    if hit is None:
        kinds = {w.kind for w in m.facts.kinds}
        if _SHELLING.search(m.sent.text, m.clause.start, m.clause.end):
            kinds.add("artillery")
        fpv = _FPV.search(m.sent.text, m.clause.start, m.clause.end) is not None
        hit = m.memo["kinds"] = (frozenset(kinds), fpv)
    return hit  # type: ignore[return-value]


_FPV = re.compile(r"\bFPV\b")


def _is_long_range_tally(m: Mention) -> bool:
    return all(e.kind in ("country", "admin1") for e, _ in m.places) and any(
        k in ("drone", "missile")
        and (c := lc or ic) is not None
        and ((c.best or 0) >= 10 or k == "missile" or bool(mo and re.match(r"(?i)shahed|geran", mo)))
        for k, mo, lc, ic in m.facts.weapons
    )


def _front_line_only(ms: list[Mention]) -> bool:
    """Shelling, glide bombs, rockets or an FPV drone: weapons of the front line, never part of a
    night's long-range wave."""
    kinds: set[str] = set()
    fpv = False
    for x in ms:
        k, f = _front_line_kinds(x)
        kinds |= k
        fpv = fpv or f
    if kinds == {"rocket"} and not any(w.model for x in ms for w in x.facts.kinds if w.kind == "rocket"):
        return False  # "a rocket damaged the museum": in many reports a missile, not a Grad's salvo
    return bool(kinds) and (kinds <= _FRONT_LINE_KINDS or (fpv and kinds <= _FRONT_LINE_KINDS | {"drone"}))


def _scales_differ(c: AttackCluster, m: Mention) -> bool:
    """A front-line strike and the country's tally of drones and missiles are two attacks."""
    if _long_range_tally(m):
        return _front_line_only(c.mentions)
    if any(_long_range_tally(x) for x in c.mentions):
        return _front_line_only([m])
    return False


_AGAIN = re.compile(
    r"\b(?:(?:was|were)\s+(?:also\s+)?(?:attacked|struck|hit|targeted|shelled|bombed)\s+(?:once\s+)?again"
    r"|(?:was|were)\s+again\s+(?:attacked|struck|hit|targeted|shelled|bombed)"
    r"|came\s+under\s+(?:attack|fire)\s+(?:once\s+)?again|again\s+came\s+under\s+(?:attack|fire))\b",
    re.IGNORECASE,
)


def _again_later(c: AttackCluster, m: Mention) -> bool:
    """'The city was attacked again a few hours later, … overnight into Saturday': a new attack on a
    place told after the first, on a date the text tells apart from it."""
    again = m.memo.get("again")
    if again is None:
        again = m.memo["again"] = _AGAIN.search(m.sent.text, m.clause.start, m.clause.end) is not None
    if not again or m.date is None or m.date.span.start is None:
        return False
    cd = c.date()
    if cd is None or cd.start is None or any(x.clause.start >= m.clause.start for x in c.mentions):
        return False
    return (cd.start, cd.end) != (m.date.span.start, m.date.span.end)


# a report that moves on to a later strike: "Later on Saturday evening, Russian missiles hit …"
_LATER_LEAD = re.compile(
    r"\W*later\s+(?:on\s+)?(?:that\s+|the\s+same\s+)?(?:\w+day\s+)?(?:evening|night|afternoon|day)\b",
    re.IGNORECASE,
)


def _later_other_weapons(c: AttackCluster, m: Mention) -> bool:
    """'Two guided bombs hit the Epicentr store in the afternoon … Later on Saturday evening, Russian
    missiles hit a neighbourhood in central Kharkiv': a later strike with other weapons is another attack."""
    if not m.facts.kinds:
        return False
    later = m.memo.get("later")
    if later is None:  # (asked of every cluster a mention is weighed against: once per mention)
        later = m.memo["later"] = _LATER_LEAD.match(m.sent.text, m.sent.start, m.sent.end) is not None
    if not later:
        return False
    before = {w.kind for x in c.mentions if x.clause.start < m.clause.start for w in x.facts.kinds}
    return bool(before) and not before & {w.kind for w in m.facts.kinds}


def _compatible(
    gaz: Gazetteer,
    c: AttackCluster,
    m: Mention,
    strict_places: bool = True,
    figures: bool = True,
    dates: bool = True,
) -> bool:
    cp = c.place_entries()
    mp = [e for e, _ in m.places]
    if strict_places and not (
        _suburb_shootdown(gaz, cp, m)
        or (bool(c.mentions) and all(_suburb_shootdown(gaz, mp, x) for x in c.mentions))
    ):
        cs, ms = _specific(cp), _specific(mp)
        if cs and ms and not _places_compatible(gaz, cs, ms):
            return False
        # two towns must meet as towns: an oblast both lie in does not make Horlivka Donetsk
        cc, mc = _towns(cs), _towns(ms)
        if cc and mc and not _places_compatible(gaz, cc, mc):
            return False
        if not _places_compatible(gaz, cp, mp):
            return False
    weak = (
        m.date is not None
        and m.date.kind == "relative_day"
        and m.date.span.precision in ("day", "days")  # "last week" is no weaker than a date
        and any(x.date is not None and x.date.kind != "relative_day" for x in c.mentions)
    )  # a bare "overnight" told from the publication date yields to a date the text states
    if dates and not weak and not _dates_compatible(c.date(), m.date.span if m.date else None):
        return False
    if dates and (_night_and_afternoon(c, m) or _morning_and_evening(c, m)):
        return False
    if dates and (_weekdays_apart(c, m) or _entries_apart(c, m)):
        return False
    if dates and _again_later(c, m):
        return False
    if dates and _later_other_weapons(c, m):
        return False
    actors = {x.actor for x in c.mentions if x.actor}
    if m.actor and actors and m.actor not in actors:
        return False
    if _scales_differ(c, m):
        return False
    if not figures:
        return True
    # Differing tolls of one place and day are the same attack counted at different hours
    # ("initial reports spoke of three dead", "by the evening 17"): they never split it.
    cw = {(k, mo): lc for x in c.mentions for k, mo, lc, _ in x.facts.weapons if lc is not None}
    for k, mo, lc, _ in m.facts.weapons:
        if lc is not None and (k, mo) in cw and _counts_conflict(cw[(k, mo)], lc, False):
            if mo is None and any(key[0] == k and key[1] and v.best == lc.best for key, v in cw.items()):
                continue  # "all 29 cruise missiles" are the "29 Kh-101" of the 31 missiles
            if not m.places and (lc.best or 0) <= 3 and (cw[(k, mo)].best or 0) >= 10 * (lc.best or 1):
                continue  # "Two missiles struck within 50 metres of the offices": two of the night's 31
            return False
    return True


def group(ctx: DocContext, gaz: Gazetteer, ms: list[Mention]) -> list[AttackCluster]:
    """One cluster per real attack."""
    clusters: list[AttackCluster] = []
    where: dict[int, AttackCluster] = {}  # id(mention) -> cluster
    # a round-up ("Russian attacks kill three in southern Ukraine") restates the attacks reported one by one
    if any(any(e.kind in ("city", "district", "admin1") for e, _ in m.places) for m in ms):
        ms = [m for m in ms if not (m.summary and m.places and m.has_numbers)]  # its figures are sums
    # "Two Russian missile strikes … have killed 21 people": a sum over attacks told apart elsewhere
    ms = [
        m
        for m in ms
        if not (m.has_numbers and _SEVERAL_ATTACKS.search(m.sent.text, m.clause.start, m.clause.end))
    ]
    ms = [m for m in ms if not _sum_of_towns(gaz, m, ms)]
    for m in [m for m in ms if _region_roundup(m, ms)]:
        m.facts = replace(m.facts, killed=None, injured=None)  # its day and attacker still hold
    if any(any(e.kind in ("city", "district") for e, _ in m.places) for m in ms):
        # a summary over the towns told one by one, with only their oblast or region to name
        ms = [m for m in ms if not (m.towns_summary and m.places)]
    # 1. mentions with a specific place (city, district, oblast, region); the headline last, as it
    # restates the body ("Grad rockets on Semenivka, driver killed near Snovsk" names two attacks)
    for m in [x for x in ms if not x.in_title] + [x for x in ms if x.in_title]:
        if not m.specific:
            continue
        if m.in_title and len(_towns([e for e, _ in m.places])) > 1:
            hits = {
                id(c)
                for c in clusters
                for e, _ in m.places
                if _places_compatible(gaz, _towns(c.place_entries()), [e])
            }
            if len(hits) > 1:
                continue
        # the same place on a compatible date: one attack, even when a later report gives new figures
        # among several candidates, the one reported nearest before: "the strikes" of a paragraph
        # are the ones that paragraph is about
        candidates = clusters
        if _SEPARATELY.match(ctx.lower, m.sent.start):
            # "Separately, troops shelled Kherson": another attack than the one just told, so only
            # an attack already reported in that very town (a live page's summary line) is this one
            # ("the village of Bilenke near Kramatorsk": the town that locates the village is not its own)
            located = [
                e for e, t in m.places if not _NEAR_LEFT.search(ctx.text, max(0, t.start - 12), t.start)
            ]
            mine = {
                e.parent if e.kind == "district" else e.id
                for e in _towns(located or [e for e, _ in m.places])
            }
            candidates = [
                c
                for c in clusters
                if mine & {e.parent if e.kind == "district" else e.id for e in _towns(c.place_entries())}
            ]
        target = _nearest(
            m, [c for c in candidates if _compatible(gaz, c, m, figures=False) and _same_place(gaz, c, m)]
        )
        target = target or _nearest(m, [c for c in candidates if _compatible(gaz, c, m)])
        if (
            target is None
            and clusters
            and _SAME_WAVE.search(ctx.lower[m.sent.start : m.sent.end])
            and _compatible(gaz, clusters[0], m, strict_places=False, figures=False)
        ):
            target = clusters[0]  # "the same wave of drones damaged …": the barrage already reported
        if target is None and not m.in_title and m.has_numbers and _IN_TOTAL.match(ctx.lower, m.sent.start):
            # "34 drones over the Moscow region", then "In total, air defences destroyed 70 drones over
            # several western regions, including Bryansk, Kursk and Oryol": the same night, summed up
            target = _nearest(
                m,
                [
                    c
                    for c in clusters
                    if any(
                        0 <= m.sent.paragraph - x.sent.paragraph <= 1 and x.clause.start < m.clause.start
                        for x in c.mentions
                    )
                    and _compatible(gaz, c, m, strict_places=False, figures=False)
                ],
            )
        if (
            target is None
            and not m.in_title
            and not m.has_numbers
            and _ALSO_HIT.search(ctx.text, m.clause.start, m.clause.end)
            and not _AGAIN.search(ctx.text, m.clause.start, m.clause.end)
        ):
            # "The air force shot down 405 drones … Energy infrastructure was also hit in the Kharkiv,
            # Poltava and Odesa regions", "the port town of Chornomorsk was also hit": more places of the
            # attack told just before (a city "also attacked again" is an attack of its own)
            before = [
                c
                for c in clusters
                if any(
                    0 <= m.sent.paragraph - x.sent.paragraph <= 1 and x.clause.start < m.clause.start
                    for x in c.mentions
                )
                and _compatible(gaz, c, m, strict_places=False, figures=False)
            ]
            if (
                not before
                and all(e.kind == "admin1" for e, _ in m.places)
                and any(
                    0 <= m.sent.paragraph - x.sent.paragraph <= 1 and not x.specific and x.has_numbers
                    for x in ms
                    if x.clause.start < m.clause.start and not x.in_title
                )
            ):
                # "In the Chernivtsi region, a facility was hit" … "Air Force figures show 94 missiles
                # fired at Ukraine" … "Hits were also recorded in the Ternopil region": the national
                # tally just before is of the one attack reported so far, and the regions are more of its
                # reach (a town "also hit" with its own toll may be a strike of its own: "Odesa was also hit")
                earlier = [c for c in clusters if _reported_before(c, m)]
                if len(earlier) == 1 and _compatible(gaz, earlier[0], m, strict_places=False, figures=False):
                    target = earlier[0]
            else:
                target = _nearest(m, before)
        if target is None and not m.in_title and _tally_with_examples(ctx, m):
            # "Russian missiles hit Ternopil early on Wednesday …" then "Overnight, Russia sent 476
            # drones and 48 missiles against Ukraine, … in several regions, including Lviv and
            # Kharkiv": the night's barrage the lede's strike was part of, with a few more of its places
            before = [
                c
                for c in clusters
                if c.mentions
                and min(x.clause.start for x in c.mentions) < m.clause.start
                and _compatible(gaz, c, m, strict_places=False, figures=False)
                and not any(_long_range_tally(x) for x in c.mentions)
            ]
            if len(before) == 1:
                target = before[0]
        if (
            target is None
            and m.in_title
            and m.facts.killed is not None
            and m.facts.killed.qualifier == "exact"
        ):
            # "Russian rockets kill 13 near Nikopol" over a body that reports 13 killed in Marhanets,
            # in the same oblast: the headline names a landmark near the attack, not another attack
            areas = {e.admin1 for e, _ in m.places if e.admin1}
            same = [
                c
                for c in clusters
                if any(
                    x.facts.killed is not None and x.facts.killed.value == m.facts.killed.value
                    for x in c.mentions
                )
                # (the region around a capital that is a region of its own: "one dead near Moscow" over
                # a body that tells of a woman killed in Ramenskoye, Moscow region)
                and (
                    areas & {e.admin1 for e in c.place_entries()}
                    or _places_compatible(gaz, [e for e, _ in m.places], c.place_entries())
                )
            ]
            mine = {e.id for e in _towns([e for e, _ in m.places])}
            told_elsewhere = any(mine & {e.id for e in c.place_entries()} for c in clusters)
            if len(same) == 1 and (
                _NEAR_LEFT.search(ctx.text, max(0, m.places[0][1].start - 12), m.places[0][1].start)
                # "missile strike on Odesa port kills eight" over a body that tells of eight killed in
                # Pivdennyi, east of Odesa, and of no strike on Odesa itself
                or (mine and not told_elsewhere)
            ):
                target = same[0]
                m.places = []
                m.memo.clear()
        if target is None and m.in_title and (raion := _raion_in_body(ctx, m, clusters)) is not None:
            # "Chuhuiv district man killed" over "In the Chuhuiv district, … shelled the village of
            # Kochetok": the headline names the district the body's village lies in
            target = raion
            m.places = []
            m.memo.clear()
        if (
            target is None
            and m.authority_only
            and (
                _TOLL_UPDATE.search(ctx.lower[m.sent.start : m.sent.end])
                or _ANAPHOR.match(ctx.text, m.sent.start, m.sent.end)
            )
        ):
            # "the separatist authorities in Donetsk had raised the toll to 53", "The attack killed nine,
            # according to Sumy RMA head …": the attack already reported in their region, not a new one
            # in their city
            areas = {e.admin1 or e.name for e, _ in m.places}
            target = next(
                (
                    c
                    for c in reversed(clusters)
                    if any((e.admin1 or e.name) in areas for e in c.place_entries())
                ),
                None,
            )
            if target is not None:
                m.places = []
                m.memo.clear()
        if target is None:
            target = AttackCluster()
            clusters.append(target)
        target.mentions.append(m)
        where[id(m)] = target
    clusters = _merge_paragraph_towns(gaz, clusters, where)
    specific_clusters = list(clusters)
    # 2. mentions without a specific place; a vague headline only restates what the body reports
    country_clusters: list[AttackCluster] = []
    body = [m for m in ms if not m.in_title]
    # the headline last, once the body's figures are placed: it restates them
    for m in body + [x for x in ms if x.in_title]:
        if m.specific or id(m) in where:
            continue  # (a mention placed in step 1 whose places were then set aside is placed already)
        if m.in_title and body and not m.has_numbers:
            if m.date is not None and m.date.span.start is not None:
                # "Friday's energy strike: what was fired …": its day still dates the body's undated report
                ctx.memo.setdefault("vague_dates", []).append((m.clause.start, m.date.span))
            continue
        # (a standfirst under the headline restates the body as the headline does: "A separate drone
        # strike wounds two in the region")
        target = _same_toll(m, specific_clusters) if m.in_title or m.sent.index <= 2 else None
        if m.table_row and not m.places:
            target = _table_home(ms, m, where)
        if target is None and not m.elsewhere and not m.summary:
            target = _attach(ctx, gaz, ms, m, where, specific_clusters)
        if target is None:
            if not m.places and not m.has_numbers and (m.elsewhere or m.summary):
                continue
            target = next((c for c in country_clusters if _compatible(gaz, c, m, strict_places=False)), None)
            if target is None:
                target = AttackCluster()
                country_clusters.append(target)
        target.mentions.append(m)
        where[id(m)] = target
    _merge_wave_paragraph(ctx, gaz, specific_clusters, country_clusters)
    _fold_lone_wave(ctx, gaz, specific_clusters, country_clusters)
    _fold_into_barrages(ctx, gaz, specific_clusters, country_clusters)
    _fold_restated_tallies(gaz, specific_clusters + country_clusters, country_clusters)
    _title_place(ctx, country_clusters, specific_clusters, gaz)
    _examples_tally_to_story(ctx, gaz, specific_clusters, country_clusters)
    _paragraph_city(ctx, specific_clusters, country_clusters)
    _merge_listed_towns(gaz, specific_clusters + country_clusters)
    _national_toll_to_barrage(ctx, specific_clusters + country_clusters)
    out = []
    for c in specific_clusters + country_clusters:
        if not c.mentions:
            continue
        if c in specific_clusters or _worth_reporting(c):
            out.append(c)
        elif (d := c.date()) is not None:
            # "… after Russia mounted its biggest aerial assault on Ukraine overnight into Sunday":
            # too vague to report, it still dates the attack the article then tells
            ctx.memo.setdefault("vague_dates", []).append((min(x.clause.start for x in c.mentions), d))
    return out


# a toll over the whole country: "at least 12 people had been killed … across the country"
_NATIONWIDE = re.compile(
    r"\b(?:across\s+(?:the\s+)?(?:country|Ukraine)|nationwide|countrywide|national\s+(?:toll|figure|total))\b",
    re.IGNORECASE,
)


def _barrage_tally(c: AttackCluster) -> bool:
    return any(
        lc is not None and (lc.best or 0) >= 20 for m in c.mentions for _k, _mo, lc, _ic in m.facts.weapons
    )


def _national_toll_to_barrage(ctx: DocContext, clusters: list[AttackCluster]) -> None:
    """A placeless toll for the whole country belongs to the night's barrage (the cluster with the
    launch tally), not to the one town's attack it happened to be placed with: "The national toll of
    the night has grown: at least 12 killed" above a post about three children killed in a village."""
    barrages = [b for b in clusters if b.mentions and _barrage_tally(b)]
    # (a barrage known only at the level of the country stays apart from the towns' attacks: their toll
    # stays with them)
    if len(barrages) != 1 or all(e.kind == "country" for e in barrages[0].place_entries()):
        return
    (b,) = barrages
    for c in clusters:
        if c is b or not c.mentions:
            continue
        moved = [
            m
            for m in c.mentions
            if not m.specific
            and not m.in_title
            and (m.facts.killed is not None or m.facts.injured is not None)
            and _NATIONWIDE.search(m.sent.text, m.sent.start, m.sent.end)
            and _dates_compatible(m.date.span if m.date else c.date(), b.date())
        ]
        if moved and len(moved) < len(c.mentions):
            c.mentions[:] = [m for m in c.mentions if m not in moved]
            b.mentions.extend(moved)
            b.mentions.sort(key=lambda m: m.clause.start)


_TOLL_OVER_TOWNS = re.compile(
    r"\b(?:nationwide|national|overall|total|in\s+all|altogether|across\s+the\s+country)\b", re.IGNORECASE
)


def _total_over_towns(m: Mention) -> bool:
    """A toll given as the total over three or more towns the sentence names."""
    return (
        not m.in_title
        and len({e.id for e in _towns([e for e, _ in m.places])}) >= 3
        and (m.facts.killed is not None or m.facts.injured is not None)
        and _TOLL_OVER_TOWNS.search(m.sent.text, m.sent.start, m.sent.end) is not None
    )


def _merge_listed_towns(gaz: Gazetteer, clusters: list[AttackCluster]) -> None:
    """A total that names the towns it covers ("a nationwide total: at least 38 killed … in today's
    attack on Kyiv, Kryvyi Rih, Dnipro and Pokrovsk") makes one attack of the towns' strikes of that day,
    told one by one on a live page."""
    for c in clusters:
        for m in c.mentions:
            if not _total_over_towns(m):
                continue
            towns = {e.id for e in _towns([e for e, _ in m.places])}
            for other in clusters:
                if other is c or not other.mentions:
                    continue
                theirs = {e.parent if e.kind == "district" else e.id for e in _towns(other.place_entries())}
                if theirs and theirs <= towns and _dates_compatible(c.date(), other.date()):
                    c.mentions.extend(other.mentions)
                    other.mentions.clear()
            break


def _table_home(ms: list[Mention], m: Mention, where: dict[int, AttackCluster]) -> AttackCluster | None:
    """A table row's attack: the one its table's earlier rows went to, else the one whose weapons
    the text counted last before the table ("the enemy attacked with 26 missiles …" over the table)."""
    for other in reversed(ms[: ms.index(m)]):
        c = where.get(id(other))
        if other.table_row:
            if c is not None:
                return c
            continue
        if m.sent.index - other.sent.index > 12:
            return None
        if c is not None and any(lc is not None for _k, _mo, lc, _ic in other.facts.weapons):
            return c
    return None


def _same_toll(m: Mention, clusters: list[AttackCluster]) -> AttackCluster | None:
    """A headline toll with no town ("Russian strike on Ukrainian train station kills 25"): the one
    attack of the body that reports the same toll."""
    for which in ("killed", "injured"):
        mine = getattr(m.facts, which)
        if mine is None or mine.value is None or mine.value < 2:
            continue
        same = [
            c
            for c in clusters
            if any((x := getattr(o.facts, which)) is not None and x.value == mine.value for o in c.mentions)
        ]
        if len(same) == 1:
            return same[0]
    return None


def _sum_of_towns(gaz: Gazetteer, m: Mention, ms: list[Mention]) -> bool:
    """ "Missiles struck Kharkiv and Dnipro, killing four": the sum of a toll the text also gives
    town by town ("one killed in Kharkiv", "three in Dnipro"), not one attack on two towns."""
    towns = {e.id: e for e, _ in m.places if e.kind in ("city", "district")}
    k = m.facts.killed
    if len(towns) < 2 or k is None or k.value is None or k.qualifier != "exact":
        return False
    per_town: dict[str, int] = {}
    for x in ms:
        xt = [e for e, _ in x.places if e.kind in ("city", "district")]
        xk = x.facts.killed
        if x is m or len(xt) != 1 or xk is None or xk.value is None:
            continue
        t = next((tid for tid, e in towns.items() if _places_compatible(gaz, [e], xt)), None)
        if t is not None:
            per_town.setdefault(t, xk.value)
    return len(per_town) == len(towns) and sum(per_town.values()) == k.value


def _paragraph_city(ctx: DocContext, specific: list[AttackCluster], countrywide: list[AttackCluster]) -> None:
    """A strike told with no town ("In the early hours of 2 March, a Russian drone hit a nine-storey
    building in the Pivdennyi neighbourhood") in a paragraph that names the one city every placed
    attack of the article struck ("For Odesa, March began with a different kind of horror"): that city."""
    cities = {
        (e.parent if e.kind == "district" else e.id): e.country
        for c in specific
        for e in c.place_entries()
        if e.kind in ("city", "district")
    }
    if len(cities) != 1:
        return
    ((city, country),) = cities.items()
    for c in countrywide:
        if not c.mentions or any(e.kind != "country" or e.country != country for e in c.place_entries()):
            continue
        if any(m.actor == country for m in c.mentions):
            continue  # the city's own side striking: not a strike on it
        paras = {m.sent.paragraph for m in c.mentions}
        named = [
            (e.place, e)
            for s in ctx.sentences
            if s.paragraph in paras and s.start >= ctx.title_end
            for e in ctx.ents_in(s.start, s.end)
            if e.place is not None and e.place.id == city
        ]
        if named:
            c.mentions[0].places = [named[0], *c.mentions[0].places]
            c.mentions[0].memo.clear()


_FROM_CITY_TITLE = re.compile(
    r"\b(?:Letter|Postcard|Dispatch|Notes|Diary|Despatch|Report|Reporter's\s+notebook)\s+from\s+(?:the\s+)?$",
    re.I,
)


# a name that qualifies another noun: "The Kursk gamble", "the Pokrovsk direction", "the Istanbul talks"
_QUALIFIES_NOUN = re.compile(
    r"\s+(?:gamble|incursion|offensive|operation|front|direction|axis|talks|summit|formula|format|process|deal"
    r"|plan|declaration|accords?|question|problem|crisis|factor)\b",
    re.IGNORECASE,
)


_OVER_RUSSIA = re.compile(r"\bover\s+(?:Russia\b|Russian\s+(?:regions|territory|soil|cities))")


def _title_place(
    ctx: DocContext,
    clusters: list[AttackCluster],
    specific: list[AttackCluster] | None = None,
    gaz: Gazetteer | None = None,
) -> None:
    """An attack the text places nowhere happened in the one city the headline names, if it names one
    ("In Kharkiv, the Bombs Arrive Before the Sirens" … "a missile strike on a printing house"); when the
    headline's own report of a strike there stands alone, the body's report is that strike."""
    if ctx.title_end <= 0:
        return
    head = Clause(0, ctx.title_end, 0)
    ents = ctx.ents_in(0, ctx.title_end)
    places, _ = _attack_places(ctx, ents, head)
    # a correspondent's "Letter from Kryvyi Rih", "Dispatch from Kherson": the city the piece is about
    places += [
        (ent.place, ent)
        for ent in ents
        if ent.place is not None and _FROM_CITY_TITLE.search(ctx.text, max(0, ent.start - 30), ent.start)
    ]
    towns = {e.id: (e, ent) for e, ent in places if e.kind in ("city", "district", "admin1")}
    if len(towns) != 1:
        return
    only = next(iter(towns.values()))
    for c in clusters:
        if any(
            m.actor == only[0].country and _OVER_RUSSIA.search(ctx.text, m.clause.start, m.clause.end)
            for m in c.mentions
        ):
            continue  # "249 Ukrainian drones downed over Russian regions": not the Ukrainian town of the headline
        if any(m.elsewhere for m in c.mentions):
            continue  # "Elsewhere, the air force said Russia had launched 64 drones overnight": not that city
        if c.mentions and not c.place_entries():
            c.mentions[0].places.append(only)
            headline = [
                h
                for h in specific or []
                if h.mentions
                and all(x.in_title for x in h.mentions)
                and {e.id for e in _towns(h.place_entries())} == {only[0].id}
            ]
            if (
                gaz is not None
                and len(headline) == 1
                and all(_compatible(gaz, headline[0], x, strict_places=False) for x in c.mentions)
            ):
                # "Hroza in mourning after a Russian strike which killed 52" over "a Russian missile struck
                # the cafe-shop of the village": one strike
                headline[0].mentions.extend(c.mentions)
                headline[0].mentions.sort(key=lambda x: x.clause.start)
                c.mentions.clear()


def _examples_tally_to_story(
    ctx: DocContext, gaz: Gazetteer, specific: list[AttackCluster], countrywide: list[AttackCluster]
) -> None:
    """ "We begin in Ternopil. … missiles hit two residential buildings" then "Russia launched 476 drones
    and 48 missiles at Ukraine that night, … the Lviv and Ivano-Frankivsk regions among them": the
    night's tally, with a few regions named only as examples, is of the story the text opened with,
    placed in its headline's town."""

    def tally(c: AttackCluster) -> bool:
        placed = [x for x in c.mentions if x.places and not x.in_title]
        return bool(placed) and all(_tally_with_examples(ctx, x) for x in placed)

    for c in specific:
        if not c.mentions or not tally(c):
            continue
        begins = min(x.clause.start for x in c.mentions)
        story = [
            h
            for h in specific + countrywide
            if h is not c
            and h.mentions
            and any(e.kind in ("city", "district") for e in h.place_entries())
            and min(x.clause.start for x in h.mentions) < begins
        ]
        if len(story) != 1:
            return
        home = story[0]
        if (
            not tally(home)
            and {e.country for e in c.place_entries() if e.kind != "country"}
            <= {e.country for e in home.place_entries()}
            and all(_compatible(gaz, home, x, strict_places=False, figures=False) for x in c.mentions)
        ):
            for x in c.mentions:
                x.places = [(e, t) for e, t in x.places if e.kind == "country"]
                x.memo.clear()
            home.mentions.extend(c.mentions)
            home.mentions.sort(key=lambda x: x.clause.start)
            c.mentions.clear()
            return


def _blocks(ctx: DocContext) -> list[int]:
    """Sentence → block of text: lines joined without a blank line between (a bulleted list) are one."""
    out, block, prev_end = [], 0, 0
    for sent in ctx.sentences:
        if re.search(r"\n[ \t]*\n", ctx.text[prev_end : sent.start]):
            block += 1
        out.append(block)
        prev_end = sent.end
    return out


def _fold_lone_wave(
    ctx: DocContext, gaz: Gazetteer, specific: list[AttackCluster], countrywide: list[AttackCluster]
) -> None:
    """The night's tally told with no place ("In total the enemy used 449 means of air attack", then
    per model) goes to the one attack in the target country it can be part of: a glide bomb on
    another city that afternoon is not a candidate."""
    for b in countrywide:
        waves = [x for x in b.mentions if _long_range_tally(x) and not x.places]
        if not waves or any(x.places for x in b.mentions):
            continue
        actors = {x.actor for x in b.mentions if x.actor}
        target = {"RU": "UA", "UA": "RU"}.get(next(iter(actors)), "") if len(actors) == 1 else None
        cands = [
            c
            for c in specific
            if c.mentions
            and not _front_line_only(c.mentions)
            and (target is None or {e.country for e in c.place_entries()} <= {target})
            and all(_compatible(gaz, c, x, strict_places=False) for x in waves)
        ]
        rivals = [c for c in specific if c.mentions and c not in cands and not _front_line_only(c.mentions)]
        if (
            len(cands) == 1
            and not rivals
            and not (
                _headline_town_not(ctx, cands[0])
                and min(x.clause.start for x in b.mentions) < min(x.clause.start for x in cands[0].mentions)
            )
        ):
            cands[0].mentions.extend(b.mentions)
            cands[0].mentions.sort(key=lambda x: x.clause.start)
            b.mentions.clear()


_WAVE = re.compile(
    r"\b(?:wave|barrage|massive|combined|large-scale|nationwide|across\s+(?:the\s+country|Ukraine|Russia))\b",
    re.IGNORECASE,
)


def _merge_wave_paragraph(
    ctx: DocContext, gaz: Gazetteer, specific: list[AttackCluster], countrywide: list[AttackCluster]
) -> None:
    """ "Russia launched another wave of missile attacks. In Dnipro, missiles hit a plant … In the Odesa
    region, a missile hit …": the towns a paragraph lists under the wave it opens with are its places,
    one attack, even with no figure to tie them."""
    for b in countrywide:
        if len(b.mentions) != 1:
            continue
        w = b.mentions[0]
        kinds = {x.kind for x in w.facts.kinds}
        if (
            w.has_numbers
            or w.in_title
            or w.actor is None
            or not kinds
            or not kinds <= {"missile", "drone"}
            or not _WAVE.search(w.sent.text, w.clause.start, w.clause.end)
        ):
            continue
        members = []
        for c in specific:
            placed = [x for x in c.mentions if x.places and not x.in_title]
            if (
                placed
                and all(
                    x.sent.paragraph == w.sent.paragraph and x.clause.start > w.clause.start for x in placed
                )
                and {x.actor for x in c.mentions if x.actor} <= {w.actor}
                and not _front_line_only(placed)
                and _compatible(gaz, c, w, strict_places=False, figures=False)
            ):
                members.append(c)
        if len(members) < 2:
            continue
        first = members[0]
        for c in members[1:]:
            first.mentions.extend(c.mentions)
            c.mentions.clear()
        first.mentions.append(w)
        first.mentions.sort(key=lambda x: x.clause.start)
        b.mentions.clear()


_NEAR_LEFT = re.compile(r"\b(?:near|outside|around)\s+$", re.IGNORECASE)


def _fold_into_barrages(
    ctx: DocContext, gaz: Gazetteer, specific: list[AttackCluster], countrywide: list[AttackCluster]
) -> None:
    """ "Russia launched 300 drones at Ukraine overnight" followed by undated reports from Kyiv and
    Poltava: the places of the barrage, not attacks of their own.

    A countrywide report dated to the day, with weapon figures, takes in the specific attacks
    reported without a date of their own in the same or the next two paragraphs, when they lie in
    the country it targeted and name no other attacker.
    """
    blocks = _blocks(ctx)
    undated_doc = all(x.date() is None for x in specific + countrywide)
    barrages = [b for b in countrywide if any(m.facts.weapons for m in b.mentions)]
    # a city's attack that took in the night's national tally ("Russia launched 465 drones") is the
    # barrage too, for the other cities reported hit that night
    barrages += [
        c
        for c in specific
        if any(
            (not m.places or any(e.kind == "country" for e, _ in m.places))
            # (… "killing five, four of them in a village near Lviv": no town of its own)
            and all(
                e.kind == "country" or _NEAR_LEFT.search(ctx.text, max(0, t.start - 12), t.start)
                for e, t in m.places
            )
            and m.actor
            and any(lc is not None and (lc.best or 0) >= 10 for _k, _mo, lc, _ic in m.facts.weapons)
            for m in c.mentions
        )
    ]
    # "Russia struck Ukraine's thermal power plants overnight": a dated attack on the country as a
    # whole is the barrage even where its figures come later, in a town's paragraph
    barrages += [
        b
        for b in countrywide
        if b not in barrages
        and (bd := b.date()) is not None
        and bd.precision in ("day", "days")
        and any(m.actor and m.explicit_country and not m.in_title for m in b.mentions)
    ]
    from_city = {id(b) for b in barrages if b not in countrywide}
    for b in barrages:
        bd = b.date()
        if not undated_doc and (bd is None or bd.precision not in ("day", "days")):
            continue
        actors = {m.actor for m in b.mentions if m.actor}
        countries = {e.country for e in b.place_entries()}
        if not countries and len(actors) == 1:
            countries = {{"RU": "UA", "UA": "RU"}.get(next(iter(actors)), "")}
        if not countries:
            # "According to the Ukrainian air force, 93 missiles and 200 drones were launched": the
            # country whose air defence counts them is the one attacked
            countries = {side for m in b.mentions if (side := _counted_by(m)) is not None}
        first = min(blocks[m.sent.index] for m in b.mentions)
        # (a barrage of another day told as background, "the last comparable strike came on 22 March",
        # leaves this one the only barrage of its night)
        alone = all(x is b or not _dates_compatible(x.date(), bd) for x in barrages)
        # a barrage told without its weapons takes in the long-range ones only
        kinds = {w.kind for m in b.mentions for w in m.facts.kinds} or {"drone", "missile"}
        for c in specific:
            if not c.mentions or c is b or not b.mentions:
                continue
            cd = c.date()
            # the same night, told only as "overnight" by both: "The enemy attacked … in the Vinnytsia
            # region overnight" over "the Air Force said Russia had launched 67 missiles … during the night"
            same_night = (
                cd is not None
                and cd == bd
                and all(x.date is None or x.date.kind == "relative_day" for x in c.mentions)
                # (its own clause says so: not the "fresh overnight barrage on Kyiv" the sentence goes on to)
                and any(
                    x.date is not None and x.clause.start <= x.sent.start + x.date.start < x.clause.end
                    for x in c.mentions
                )
            )
            if cd is not None and id(b) in from_city and not same_night:
                continue  # a city dated on its own ("on Wednesday morning") is its own attack
            if cd is not None and not (
                bd is not None and (_dates_compatible(cd, bd) or _relative_only_near(c, b, cd, bd))
            ):
                continue  # dated otherwise: an attack of its own
            if cd is not None and any(
                lc is not None and (lc.best or 0) > 1
                for m in c.mentions
                for _k, _mo, lc, _ic in m.facts.weapons
            ):
                continue  # it counts its own weapons: reported as an attack of its own ("a missile" is not a count)
            body = [m for m in c.mentions if not m.in_title] or c.mentions  # the headline restates
            start = min(blocks[m.sent.index] for m in body)
            # where it is first told with a figure or a date: a standfirst that names the town in
            # passing ("targeted across the country, from Kyiv to Volyn") comes before the barrage
            told = min(
                (blocks[m.sent.index] for m in body if m.has_numbers or m.date is not None), default=start
            )
            # near it, or anywhere after it when it is the only barrage the text reports (a standfirst
            # that told it before the barrage's paragraph aside: "The worst damage was in Ternopil")
            near = (
                first <= start <= first + 2
                or (alone and (told >= first or same_night))
                or (
                    # (an undated report does not reach back to a barrage dated days before: "on 29
                    # December Russia fired 122 missiles" under today's strike)
                    (cd is not None or _recent(ctx, bd))
                    and any(first < blocks[m.sent.index] <= first + 2 for m in body)
                )
            )
            c_countries = {e.country for e in c.place_entries()}
            c_actors = {m.actor for m in c.mentions if m.actor}
            # shelling, glide bombs or an FPV drone are the front line's, not the barrage's
            c_kinds = {w.kind for m in c.mentions for w in m.facts.kinds}
            tactical = any(re.search(r"\bFPV\b", m.sent.text[m.sent.start : m.sent.end]) for m in c.mentions)
            apart = any(_SEPARATELY.match(ctx.lower, m.sent.start) for m in c.mentions)  # "Separately, …"
            if tactical or apart or not c_kinds <= kinds:
                continue
            if near and c_countries and c_countries <= countries and c_actors <= actors:
                b.mentions.extend(c.mentions)
                b.mentions.sort(key=lambda m: m.clause.start)
                c.mentions.clear()


def _recent(ctx: DocContext, d: DateSpan | None) -> bool:
    return (
        d is not None
        and d.end is not None
        and ctx.published is not None
        and (ctx.published - d.end).days <= 1
    )


def _relative_only_near(c: AttackCluster, b: AttackCluster, cd: DateSpan, bd: DateSpan) -> bool:
    """ "Russia's overnight barrage" in a standfirst, told from a publication day after the night the
    body names ("In the night to Wednesday, …"): a bare "overnight" yields to the stated night."""
    if cd.start is None or bd.start is None or bd.end is None:
        return False
    weak = all(x.date is None or x.date.kind == "relative_day" for x in c.mentions)
    stated = any(x.date is not None and x.date.kind != "relative_day" for x in b.mentions)
    return weak and stated and abs((cd.start - bd.end).days) <= 1


# a tally placed by reference to the place just named: "shot down 48 drones over the region"
_OVER_THE_AREA = re.compile(
    r"\bover\s+(?:the|that|this)\s+(?:region|area|oblast|province|territory|district)\b", re.I
)
_COUNTED_BY = re.compile(
    r"\b(?:(?P<ua>Ukrain\w*|Kyiv['’]s)|(?P<ru>Russia(?:n|'s|’s)?|Moscow['’]s))\s+(?:air\s+force|air\s+defen[cs]es?|military|general\s+staff"
    r"|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e)\b",
    re.IGNORECASE,
)


def _counted_by(m: Mention) -> str | None:
    """The country whose air force or ministry gives the mention's weapon tally, if its sentence says."""
    if not any(lc is not None or ic is not None for _k, _mo, lc, ic in m.facts.weapons):
        return None
    sides = {
        "UA" if x.group("ua") else "RU" for x in _COUNTED_BY.finditer(m.sent.text, m.sent.start, m.sent.end)
    }
    return sides.pop() if len(sides) == 1 else None


def _fold_restated_tallies(
    gaz: Gazetteer, clusters: list[AttackCluster], countrywide: list[AttackCluster]
) -> None:
    """A live-blog heading "37 of 43 drones destroyed" over the air force's report of the same figures,
    placed and dated nowhere itself: the same barrage, told first in short."""
    for c in countrywide:
        if not c.mentions or c.date() is not None or c.place_entries():
            continue
        mine = set().union(*(_figures_of(m) for m in c.mentions))
        if not mine or any(m.facts.killed or m.facts.injured for m in c.mentions):
            continue
        cands = [
            o
            for o in clusters
            if o is not c
            and o.mentions
            and mine & set().union(*(_figures_of(m) for m in o.mentions))
            and all(_compatible(gaz, o, m, strict_places=False) for m in c.mentions)
        ]
        if len(cands) == 1:
            cands[0].mentions.extend(c.mentions)
            cands[0].mentions.sort(key=lambda m: m.clause.start)
            c.mentions.clear()


_DISTRICT_RIGHT = re.compile(r"\s+(?:district|raion|rayon|hromada|community)\b", re.IGNORECASE)


def _raion_in_body(ctx: DocContext, m: Mention, clusters: list[AttackCluster]) -> AttackCluster | None:
    """The one attack whose report names, as its district, the district a headline names."""
    ids = {e.id for e, ent in m.places if _DISTRICT_RIGHT.match(ctx.text, ent.end)}
    if not ids:
        return None
    hits = [
        c
        for c in clusters
        if not any(e.id in ids for e in c.place_entries())
        and any(
            x.place is not None and x.place.id in ids and _DISTRICT_RIGHT.match(ctx.text, x.end)
            for y in c.mentions
            if not y.in_title
            for x in ctx.ents_in(y.sent.start, y.sent.end)
        )
    ]
    return hits[0] if len(hits) == 1 else None


def _merge_paragraph_towns(
    gaz: Gazetteer, clusters: list[AttackCluster], where: dict[int, AttackCluster]
) -> list[AttackCluster]:
    """ "Missiles hit Dnipro … In the Synelnykove district, a missile destroyed a house": a town of
    the same oblast, undated, hit by the same kind of weapon in the same paragraph is another
    place of the attack the paragraph reports, not an attack of its own. (Shelling in one town and
    a glide bomb in the next stay two attacks, and so do two towns shelled: guns, launchers and glide
    bombs strike one front-line town at a time.)"""
    out: list[AttackCluster] = []
    for c in clusters:
        target = None
        if c.date() is None and c.mentions:
            first = min(c.mentions, key=lambda x: x.clause.start)
            kinds = {w.kind for m in c.mentions for w in m.facts.kinds}
            admin = {e.admin1 for e in _towns(c.place_entries())}
            for prev in reversed(out):
                pk = {w.kind for m in prev.mentions for w in m.facts.kinds}
                same_para = any(
                    m.sent.paragraph == first.sent.paragraph and m.clause.start < first.clause.start
                    for m in prev.mentions
                )
                p_admin = {e.admin1 for e in _towns(prev.place_entries())}
                if (
                    same_para
                    and kinds
                    and kinds <= pk
                    and not kinds <= _FRONT_LINE_KINDS
                    and admin
                    and admin <= p_admin
                    and _compatible(gaz, prev, first, strict_places=False, figures=False)
                ):
                    target = prev
                    break
        if target is None:
            out.append(c)
            continue
        target.mentions.extend(c.mentions)
        target.mentions.sort(key=lambda x: x.clause.start)
        for m in c.mentions:
            where[id(m)] = target
    return out


def _nearest(m: Mention, cands: list[AttackCluster]) -> AttackCluster | None:
    """The candidate with the latest mention before ``m`` (the first one on a tie)."""
    best, best_pos = None, -1
    for c in cands:
        pos = max((x.clause.start for x in c.mentions if x.clause.start < m.clause.start), default=-1)
        if best is None or pos > best_pos:
            best, best_pos = c, pos
    return best


# "Russian attacks on the Donetsk region killed three", "Across the region, the day's attacks left one
# dead": a governor's sum over the towns the report then tells one by one
_REGION_ROUNDUP = re.compile(
    r"\b(?:attacks|strikes|shelling)\s+(?:on|in|across|against|throughout)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:region|oblast|province)\b|\bacross\s+the\s+(?:region|oblast|province)\b|\bthe\s+day['’]s\s+(?:attacks|strikes|shelling)\b",
    re.IGNORECASE,
)


def _region_roundup(m: Mention, ms: list[Mention]) -> bool:
    """A toll over a whole region, when at least two of its towns are then told apart with their own."""
    f = m.facts
    if m.in_title or not ((f.killed and f.killed.has_number) or (f.injured and f.injured.has_number)):
        return False
    if any(e.kind not in ("admin1", "region", "country") for e, _ in m.places):
        return False
    if not _REGION_ROUNDUP.search(m.sent.text, m.clause.start, m.clause.end):
        return False
    later = [x for x in ms if x.clause.start > m.clause.end and not x.in_title]
    towns = {e.id for x in later for e, _ in x.places if e.kind in ("city", "district")}
    harmed = any((x.facts.killed or x.facts.injured) for x in later)
    return len(towns) >= 2 and harmed


_SEVERAL_ATTACKS = re.compile(
    r"\b(?:two|three|four|five|six|both|\d+)\s+(?:[\w-]+\s+){0,3}?(?:strikes|attacks|raids|barrages)\s+"
    r"(?:on|against|across|in)\s+(?:[\w-]+\s+){0,2}?(?:cities|towns|regions|settlements|places|communities)\b",
    re.IGNORECASE,
)
_HARM_WORDS = re.compile(r"\b(?:killed|died|dead|injured|wounded|hurt|casualties)\b", re.IGNORECASE)
_ALL_DOWN = re.compile(
    rf"^\s*(?:all\s+of\s+them|all\s+(?:were|had\s+been)|they\s+were\s+all|every\s+one\s+(?:of\s+them\s+)?was)\s*"
    rf"(?:were\s+|had\s+been\s+|have\s+been\s+)?(?:{L.INTERCEPT_VERBS})\b",
    re.IGNORECASE,
)
# "Air defences destroyed 72 missiles … and all the drones": every one of that kind launched was downed
_ALL_OF_KIND = re.compile(
    rf"\b(?:{L.INTERCEPT_VERBS})\b[^.;]*?\ball\s+(?:of\s+)?the\s+(?P<kind>drones|UAVs|missiles)\b(?!\s+(?:that|which)\s+(?:hit|struck))"
    # "30 of the missiles and every drone were shot down"
    rf"|\bevery\s+(?P<each>drone|UAV|missile)\s+(?:was\s+|were\s+|had\s+been\s+)(?:{L.INTERCEPT_VERBS})\b",
    re.IGNORECASE,
)
_IN_TOTAL = re.compile(r"\W{0,4}(?:in\s+total|in\s+all|all\s+told|altogether)\b")
_SAME_WAVE = re.compile(
    r"\bthe\s+same\s+(?:wave|attack|barrage|strike|salvo|assault|raid|night)\b"
    # "The attack also hit energy facilities in the Kharkiv and Poltava regions": more of the one told
    r"|^\W*(?:the|that)\s+(?:(?:overnight|night['’]s|russian|ukrainian)\s+)?(?:attacks?|barrage|strikes?|assault|raid|wave)"
    r"\s+(?:also|further|additionally)\b"
)
_TOLL_UPDATE = re.compile(
    r"\b(?:death\s+toll|toll|number\s+of\s+(?:dead|injured|wounded))\b.{0,80}\b(?:rose|risen|climbed|increased|reached)\b"
    r"|\b(?:raised|revised|updated)\s+(?:the\s+)?(?:death\s+)?toll\b"
)


def _same_place(gaz: Gazetteer, c: AttackCluster, m: Mention) -> bool:
    """Some specific place of the mention is one of the cluster's, or inside it, or contains it."""
    cs = _specific(c.place_entries())
    ms = _specific([e for e, _ in m.places])
    return (
        bool(cs and ms)
        and _places_compatible(gaz, cs, ms)
        and len({e.id for e in ms} - {e.id for e in cs}) == 0
    )


_LATER_DEATH = re.compile(
    r"\b(?:later\s+)?died\s+(?:later\s+)?(?:in\s+(?:the\s+)?(?:hospital|intensive\s+care|surgery)|of\s+(?:(?:his|her|their)\s+)?(?:wounds|injuries)"
    r"|on\s+the\s+way\s+to\s+hospital|overnight\s+in\s+hospital)",
    re.IGNORECASE,
)


def _lede_toll_story(gaz: Gazetteer, clusters: list[AttackCluster], m: Mention) -> AttackCluster | None:
    """A toll with no place and no attacker in the opening sentences, before any attack is told: the
    lead story the body then tells (the first attack reported after it), when they can be one."""
    if m.places or m.actor or not (m.facts.killed or m.facts.injured) or m.sent.index > 6:
        return None
    line = m.sent.text.rfind("\n", 0, m.sent.start) + 1
    if _BULLET.match(m.sent.text[line : line + 8]):
        return None  # a live page's "Key events" box sums up the whole day, not its first story
    told = [c for c in clusters if c.mentions]
    if any(min(x.clause.start for x in c.mentions) < m.clause.start for c in told):
        return None
    first = min(told, key=lambda c: min(x.clause.start for x in c.mentions), default=None)
    if first is None or not _compatible(gaz, first, m, strict_places=False, figures=False):
        return None
    return first


def _headline_town_not(ctx: DocContext, c: AttackCluster) -> bool:
    """The headline names one town and the attack is told of another: "Sumy and the logic of Palm
    Sunday" / "The strike killed 35 …" / "… worse than Kryvyi Rih nine days earlier" -- a placeless
    toll before it is the headline town's, not that of a town compared with it further down."""
    city = _title_city(ctx)
    return city is not None and city.id not in {e.id for e in _towns(c.place_entries())}


def _attach(
    ctx: DocContext,
    gaz: Gazetteer,
    ms: list[Mention],
    m: Mention,
    where: dict[int, AttackCluster],
    clusters: list[AttackCluster],
) -> AttackCluster | None:
    """The attack a mention without a specific place belongs to, tried from the surest link down."""
    same = _same_figures(gaz, clusters, m)
    if same is not None:
        return same  # "destroyed 38 drones overnight" in the lede, "38 UAVs: 17 over Belgorod …" below
    shootdown_only = any(ic is not None for _k, _mo, _lc, ic in m.facts.weapons) and all(
        lc is None for _k, _mo, lc, _ic in m.facts.weapons
    )
    own = (
        _counted_by(m)
        if not m.places
        and shootdown_only
        and _OVER_THE_AREA.search(ctx.text, m.clause.start, m.clause.end) is not None
        else None
    )
    if own is not None:
        # "Russia's Defense Ministry said it shot down 48 drones over the region": the attack on its
        # own country told just before, not the barrage on the other one
        mine = [
            (x.clause.start, c)
            for x in ms
            if x.clause.start < m.clause.start
            and not x.summary
            and 0 <= m.sent.paragraph - x.sent.paragraph <= 1
            and (c := where.get(id(x))) is not None
            and c.place_entries()
            and {e.country for e in c.place_entries()} == {own}
            and _compatible(gaz, c, m, strict_places=False)
        ]
        if mine:
            return max(mine, key=lambda t: t[0])[1]
    tally = _launched_before(ms, m, where, gaz)
    if tally is not None:
        return tally  # "as of 12:00, 59 missiles and 54 drones were shot down": of the barrage above
    if not m.places and not m.actor:
        # "Air defences shot down 283 of the drones": the attack the paragraph just reported,
        # even one known only at the level of the country
        prev = _previous_in_paragraph(ms, m, where, gaz, None)
        if prev is not None:
            return prev
    if m.stale and not m.places and (m.facts.killed or m.facts.injured):
        # "The initial figure announced on Friday evening was 57 injured; it roughly doubled
        # overnight": an earlier count of the attack just reported, whatever time words it holds --
        # of the attacks reported, the latest that has a later count of its own to supersede it
        counted = [
            c
            for c in clusters
            if any(
                not x.stale
                and (_rises(m.facts.killed, x.facts.killed) or _rises(m.facts.injured, x.facts.injured))
                for x in c.mentions
            )
        ]
        latest = _latest_specific(ms, m, where, counted) or _latest_specific(ms, m, where, clusters)
        if latest is not None and _compatible(
            gaz, latest, m, strict_places=False, figures=False, dates=False
        ):
            return latest
    if (
        not m.places
        and m.facts.killed
        and _LATER_DEATH.search(ctx.text, m.clause.start, m.clause.end) is not None
    ):
        # "A 59-year-old woman, rescued from the rubble, died in intensive care on Tuesday night": a
        # death after the attack just reported, on a later day
        latest = _latest_specific(ms, m, where, clusters)
        if latest is not None and _compatible(
            gaz, latest, m, strict_places=False, figures=False, dates=False
        ):
            return latest
    lone = _lone_cluster_in_target_country(gaz, clusters, m, ctx.published)
    if lone is not None and not m.places and not _reported_before(lone, m) and _headline_town_not(ctx, lone):
        lone = None
    if lone is not None:
        return lone  # "Russia launched 464 drones …" + "In Kyiv, seven were killed": one barrage
    wave = _the_wave(gaz, clusters, m)
    if wave is not None:
        return wave  # "Russia hit Ukraine with a huge missile attack overnight": the night's counted wave
    lead = _lede_toll_story(gaz, clusters, m)
    if lead is not None:
        # "Russia attacked Ukraine overnight …" / "At least seven died" / "Ukrainian drones attacked Saratov":
        # the toll is of the attack told before it, not of the other side's told after
        before = {x.actor for x in ms if x.actor and not x.in_title and x.clause.start < m.clause.start}
        theirs = {x.actor for x in lead.mentions if x.actor}
        if (before and theirs and not before & theirs) or _headline_town_not(ctx, lead):
            lead = None
    if lead is not None:
        return lead  # "Good evening. … In the morning, officials said two people had died." over the story
    target = _previous_in_paragraph(ms, m, where, gaz, clusters)
    if target is not None:
        return target
    if not m.has_numbers and _ANAPHOR.search(ctx.text[m.clause.start : m.clause.end]):
        latest = _latest_specific(ms, m, where, clusters)
        if latest is not None and _compatible(gaz, latest, m, figures=False):
            return latest  # "the missile … burst above a residential street": the strike just reported
    if (
        m.has_numbers
        and not m.facts.killed
        and not m.facts.injured
        and _DURING_THE_ATTACK.search(ctx.text, m.clause.start, m.clause.end)
    ):
        # "Russia launched 440 drones and 32 missiles during the attack": the tally of the attack
        # just reported
        latest = _latest_specific(ms, m, where, clusters)
        if latest is not None and _compatible(gaz, latest, m):
            return latest
    if m.date is not None and m.date.span.start is not None:
        told_kinds = {w.kind for w in m.facts.kinds}
        same_day = [
            c
            for c in clusters
            if c.date() is not None
            and _dates_compatible(c.date(), m.date.span)
            and _compatible(gaz, c, m)
            # "21 Shahed drones were launched" is no tally of two missiles that struck a high-rise
            and not (
                told_kinds
                and (theirs := {w.kind for x in c.mentions for w in x.facts.kinds})
                and not told_kinds & theirs
            )
        ]
        if (
            _long_range_tally(m)
            and any(
                (c.date() is None or c in same_day) and not _reported_before(c, m) and _told_next(c, m)
                for c in clusters
            )
            and _part_of_day(m) == "night"
            and not any(
                _part_of_day(x) == "night" for c in same_day if _reported_before(c, m) for x in c.mentions
            )
        ):
            # a night's national tally followed by the towns it hit is their barrage, not a strike told
            # before it at another time of day ("a drone struck a kindergarten in Kharkiv on Wednesday
            # morning" … "Overnight into Wednesday, Russia launched 405 drones" … "In Kyiv, …")
            same_day = [c for c in same_day if _told_next(c, m)]
            if len(same_day) == 1:
                return same_day[0]
        if len(same_day) > 1:
            # "On Sunday, drones attacked air bases" beside a bridge blown up late on Saturday: of the
            # attacks a day either side, the one of the very day that its paragraph reports
            span = (m.date.span.start, m.date.span.end)
            exact = [
                c
                for c in same_day
                if (cd := c.date()) is not None
                and (cd.start, cd.end) == span
                and any(x.sent.paragraph == m.sent.paragraph for x in c.mentions)
            ]
            if len(exact) == 1:
                same_day = exact
        # the attack is one reported before it: a day shared with one told only further down
        # ("was hit early on Tuesday" under the port strike, a village shelled on Tuesday below)
        # does not reach forward past the undated strike it follows
        if len(same_day) == 1 and (
            _reported_before(same_day[0], m) or not any(_reported_before(c, m) for c in clusters)
        ):
            return same_day[0]
    if clusters and _TOLL_UPDATE.search(ctx.lower[m.sent.start : m.sent.end]):
        lede = clusters[0]  # "the death toll rose to 18": the article's main attack
        if _compatible(gaz, lede, m, figures=False):
            return lede
    target = _recent_cluster(ms, m, where, gaz)
    if target is None and m.has_numbers:
        target = _next_in_paragraph(ms, m, where, gaz)  # "Russia launched 109 drones … In Konotop, …"
    if target is None and not m.places and m.facts.weapons:
        # "Two missiles hit …" above, "- Two Iskander-M missiles" below: any count, of launches only
        target = _same_figures(gaz, clusters, m, _launch_figures)
    return target


def _launch_figures(m: Mention) -> set[tuple[str, int]]:
    return {(k, lc.best) for k, _mo, lc, _ic in m.facts.weapons if lc is not None and lc.best}


def _the_wave(gaz: Gazetteer, clusters: list[AttackCluster], m: Mention) -> AttackCluster | None:
    """For a report of long-range strikes on a whole country, with no figures of its own, the one
    attack the text counts as a wave of drones or missiles."""
    if (
        m.has_numbers
        or not m.places
        or any(e.kind != "country" for e, _ in m.places)
        or not {w.kind for w in m.facts.kinds} <= {"missile", "drone"}
    ):
        return None
    countries = {e.country for e, _ in m.places}
    waves = [
        c
        for c in clusters
        if any(_long_range_tally(x) for x in c.mentions)
        and {e.country for e in c.place_entries()} <= countries
        and _compatible(gaz, c, m)
    ]
    return waves[0] if len(waves) == 1 else None


def _told_next(c: AttackCluster, m: Mention) -> bool:
    """Some report of the attack follows the mention within three sentences."""
    return any(0 < x.sent.index - m.sent.index <= 3 for x in c.mentions)


def _reported_before(c: AttackCluster, m: Mention) -> bool:
    return any(x.clause.start < m.clause.start for x in c.mentions)


def _launched_before(
    ms: list[Mention], m: Mention, where: dict[int, AttackCluster], gaz: Gazetteer
) -> AttackCluster | None:
    """For a report of weapons shot down only, the latest attack that launched weapons of those kinds."""
    f = m.facts
    if f.killed or f.injured or not f.weapons or any(lc is not None for _k, _mo, lc, _ic in f.weapons):
        return None
    kinds = {k for k, _mo, _lc, ic in f.weapons if ic is not None}
    for other in reversed(ms[: ms.index(m)]):
        c = where.get(id(other))
        if c is None:
            continue
        launched = {k for x in c.mentions for k, _mo, lc, _ic in x.facts.weapons if lc is not None}
        if kinds <= launched and _compatible(gaz, c, m, strict_places=False):
            return c
    return None


def _figures_of(m: Mention) -> set[tuple[str, str, int]]:
    out = set()
    for kind, _model, lc, ic in m.facts.weapons:
        for which, c in (("launched", lc), ("intercepted", ic)):
            if c is not None and c.qualifier == "exact" and c.value is not None and c.value >= 10:
                out.add((kind, which, c.value))
    return out


def _same_figures(
    gaz: Gazetteer,
    clusters: list[AttackCluster],
    m: Mention,
    figures: Callable[[Mention], set[Any]] | None = None,
) -> AttackCluster | None:
    """The one attack that has the same weapon figure as this mention: by default a distinctive one
    (ten or more, launched or shot down), else what ``figures`` reads off a mention."""
    figures = figures or _figures_of
    mine = figures(m)
    if not mine:
        return None
    cands = [
        c
        for c in clusters
        if any(mine & figures(x) for x in c.mentions) and _compatible(gaz, c, m, strict_places=False)
    ]
    return cands[0] if len(cands) == 1 else None


def _lone_cluster_in_target_country(
    gaz: Gazetteer, clusters: list[AttackCluster], m: Mention, published: dt.date | None = None
) -> AttackCluster | None:
    """The only attack on the country this mention's strike went to (from its place, else its attacker)."""
    countries = {e.country for e, _ in m.places}
    if not countries and m.actor in ("RU", "UA"):
        countries = {"UA" if m.actor == "RU" else "RU"}
    if not countries:
        # no place, no attacker ("The air force counted 598 drones"): the one attack reported so far
        before = [c for c in clusters if _reported_before(c, m)]
        return before[0] if len(before) == 1 and _compatible(gaz, before[0], m) else None
    cands = [
        c
        for c in clusters
        if (not countries or {e.country for e in c.place_entries()} <= countries) and _compatible(gaz, c, m)
    ]
    if len(cands) > 1 and published is not None:
        # attacks recalled from weeks or years before ("in January 2023 a Kh-22 killed 46") are
        # background: the report of today's figures belongs to today's attack
        recent = [
            c for c in cands if (d := c.date()) is None or d.start is None or (published - d.start).days <= 14
        ]
        cands = recent or cands
    if len(cands) > 1:
        # "Earlier on Wednesday, a Russian rocket hit a maternity ward in Vilniansk": told apart from
        # the story the lede sums up
        cands = [c for c in cands if not _told_apart(c)] or cands
    if any(c not in cands and _scales_differ(c, m) for c in clusters):
        return None  # a front-line strike told beside it leaves the wave's own place open
    return cands[0] if len(cands) == 1 else None


_APART = re.compile(rf"\W*(?:{_SEPARATELY.pattern}|earlier\s+(?:on|that|in\s+the\s+day)\b)", re.IGNORECASE)


def _told_apart(c: AttackCluster) -> bool:
    """Every sentence of the body that reports it opens by setting it apart ("Separately, …",
    "Earlier on Wednesday, …")."""
    body = [x for x in c.mentions if not x.in_title]
    return bool(body) and all(_APART.match(x.sent.text, x.sent.start) for x in body)


def _next_in_paragraph(
    ms: list[Mention], m: Mention, where: dict[int, AttackCluster], gaz: Gazetteer
) -> AttackCluster | None:
    for other in ms[ms.index(m) + 1 :]:
        if other.sent.paragraph != m.sent.paragraph:
            break
        c = where.get(id(other))
        if c is not None and other.specific:
            return c if _compatible(gaz, c, m) else None
    return None


_TOLD_APART = re.compile(rf"\W{{0,4}}(?:{_SEPARATELY.pattern}|elsewhere\b)", re.IGNORECASE)


def _recent_cluster(
    ms: list[Mention], m: Mention, where: dict[int, AttackCluster], gaz: Gazetteer
) -> AttackCluster | None:
    """The attack reported in the sentences just before this one, if any (for a casualty figure
    with no place of its own, the attack just discussed; further back for it than for the rest)."""
    casualties = (
        m.facts.killed or m.facts.injured or _HARM_WORDS.search(m.sent.text, m.clause.start, m.clause.end)
    )
    reach = 8 if casualties and not m.facts.weapons else 2
    if m.facts.weapons and not m.places and _under_colon(ms, m):
        reach = (
            6  # "The air force summarised the attack as follows:" / "Cruise missiles - 70, destroyed - 51"
        )
    for other in reversed(ms[: ms.index(m)]):
        if m.sent.index - other.sent.index > reach:
            break
        c = where.get(id(other))
        if other.sent.paragraph != m.sent.paragraph and _TOLD_APART.match(other.sent.text, other.sent.start):
            continue  # "- Separately, a glide bomb injured two in Kupiansk": an aside; the story goes on after it
        # the line above in a list of weapons ("Kh-101 … — 29, destroyed — 29;" / "Iskander-M … — 2")
        listed = bool(other.facts.weapons and m.facts.weapons and not other.places and not m.places)
        if (
            c is not None
            and (other.specific or listed or (reach > 2 and _specific(c.place_entries())))
            and _compatible(gaz, c, m)
            and (listed or not _other_weapons(c, m))
        ):
            return c
    return None


def _under_colon(ms: list[Mention], m: Mention) -> bool:
    """Whether the mention is a line of a list a sentence ending in a colon introduced."""
    if m.sent.text[max(0, m.sent.start - 200) : m.sent.start].rstrip().endswith(":"):
        return True
    # the line above is itself a line of the list
    return any(x.sent.index == m.sent.index - 1 and x.facts.weapons and not x.places for x in ms)


def _other_weapons(c: AttackCluster, m: Mention) -> bool:
    """A tally of drones is not the missile strike told just before it: the weapon kinds share nothing."""
    mine = {k for k, _mo, lc, ic in m.facts.weapons if lc is not None or ic is not None}
    theirs = {w.kind for x in c.mentions for w in x.facts.kinds}
    return bool(mine and theirs and not mine & theirs)


def _rises(early: Count | None, later: Count | None) -> bool:
    """Whether ``later`` is a higher figure than ``early``: a toll that superseded it."""
    return (
        early is not None
        and later is not None
        and early.best is not None
        and later.best is not None
        and later.best > early.best
    )


def _latest_specific(
    ms: list[Mention], m: Mention, where: dict[int, AttackCluster], clusters: list[AttackCluster]
) -> AttackCluster | None:
    for other in reversed(ms[: ms.index(m)]):
        c = where.get(id(other))
        if c is not None and any(c is k for k in clusters):
            return c
    return None


def _previous_in_paragraph(
    ms: list[Mention],
    m: Mention,
    where: dict[int, AttackCluster],
    gaz: Gazetteer,
    clusters: list[AttackCluster] | None = None,
) -> AttackCluster | None:
    best = None
    for other in ms:
        if other is m:
            break
        c = where.get(id(other))
        if (
            other.sent.paragraph == m.sent.paragraph
            and c is not None
            and (clusters is None or any(c is k for k in clusters))
        ):
            best = c
    if best is not None and _compatible(gaz, best, m):
        return best
    return None


def _worth_reporting(c: AttackCluster) -> bool:
    """A country-level attack needs a figure, or an explicit target country and a day it happened."""
    if any(m.has_numbers for m in c.mentions):
        return True
    explicit = any(m.explicit_country for m in c.mentions)
    casualty_words = any(m.facts.killed or m.facts.injured for m in c.mentions)
    date = c.date()
    on_a_day = date is not None and date.precision in ("day", "days")
    return explicit and on_a_day and (casualty_words or any(m.facts.kinds for m in c.mentions))


# --- building events -----------------------------------------------------------------------


def build_events(ctx: DocContext, gaz: Gazetteer, clusters: list[AttackCluster]) -> list[Event]:
    doc_actor = _doc_actor(clusters, ctx)
    disputed = _DISPUTED_ACTOR.search(ctx.text) is not None
    events = [_event(ctx, gaz, c, doc_actor, disputed) for c in clusters]
    events = [e for e, c in zip(events, clusters, strict=True) if not _period_tally(ctx, e, c)]
    return [e for e in _date_undated(ctx, events) if not _before_the_war(ctx, e)]


# the full-scale invasion: what a report recalls from before it (a 2014 ambush in a war-crimes
# trial, the shelling of Donbas in 2015) is history the record does not hold as an attack
FULL_SCALE_WAR = dt.date(2022, 2, 24)


def _before_the_war(ctx: DocContext, e: Event) -> bool:
    """An attack wholly dated before the full-scale war, told by a report written after it."""
    end = e.date.end or e.date.start if e.date is not None else None
    published_after = ctx.published is None or ctx.published >= FULL_SCALE_WAR
    return end is not None and end < FULL_SCALE_WAR and published_after


# "in one night", "over a single night": a record night told by its month is still one attack
_ONE_NIGHT = re.compile(r"\b(?:in|over|on|during)\s+(?:a\s+single|one|a)\s+(?:night|day)\b", re.IGNORECASE)


def _period_tally(ctx: DocContext, e: Event, c: AttackCluster) -> bool:
    """A country's figures for a whole month or year ("In March the enemy launched more than 4,000
    drones against Ukraine") are statistics, not an attack: no day and no place below the country."""
    if e.date is None or e.date.precision not in ("month", "year"):
        return False
    if any(p.precision not in ("country", "region") for p in e.places):
        return False
    return not any(_ONE_NIGHT.search(ctx.text, m.sent.start, m.sent.end) for m in c.mentions)


def _date_undated(ctx: DocContext, events: list[Event]) -> list[Event]:
    """An attack the report tells without a day of its own happened on the report's day: the day of
    the attack it leads with, when that one is of the last three days before publication."""
    if ctx.published is None:
        return events
    lead = next((e.date for e in events if e.date is not None and e.date.start is not None), None)
    if lead is None and ctx.memo.get("vague_dates"):
        lead = min(ctx.memo["vague_dates"], key=lambda pd: pd[0])[1]
    if lead is None or lead.start is None or not 0 <= (ctx.published - lead.start).days <= 3:
        return events
    if lead.precision not in ("day", "days"):
        return events
    return [
        e if e.date is not None else replace(e, date=DateSpan(lead.start, lead.end, lead.precision))
        for e in events
    ]


def _doc_actor(clusters: list[AttackCluster], ctx: DocContext | None = None) -> dict[str, str]:
    """Who attacks each country in this document, where the text says so for some attack.

    Besides the attacks themselves, any sentence about weapons or strikes that names a side as
    the one using them ("Russia's gliding bombs have turned Kharkiv into …") counts once.
    """
    votes: dict[str, dict[str, int]] = {}
    if ctx is not None:
        for i in ctx.sentences_with(L.TRIGGER_RE):
            sent = ctx.sentences[i]
            for ent in ctx.ents_in(sent.start, sent.end):
                side = ent.country or ent.demonym
                opposite = {"RU": "UA", "UA": "RU"}.get(side or "")
                blamed = re.search(
                    r"\b(?:blamed|blames|accused|accuses)\s+(?:\w+\s+){0,2}$",
                    ctx.text[max(sent.start, ent.start - 30) : ent.start],
                )
                placeless = not ent.places or all(e.kind == "country" for e in ent.places)
                if opposite and placeless and (actor_use(ctx, ent, sent.end) or blamed):
                    votes.setdefault(opposite, {}).setdefault(side or "", 0)
                    votes[opposite][side or ""] += 1
    for c in clusters:
        for m in c.mentions:
            if m.actor and m.actor_strong:
                opposite = {"RU": "UA", "UA": "RU"}.get(m.actor)
                targets = {e.country for e, _ in m.places} or ({opposite} if opposite else set())
                for country in targets:
                    votes.setdefault(country, {}).setdefault(m.actor, 0)
                    votes[country][m.actor] += 1
    out = {}
    for country, v in votes.items():
        actor, _ = max(v.items(), key=lambda kv: kv[1])
        if actor != country and len(v) == 1:
            out[country] = actor
    return out


_TIME_OF_DAY = re.compile(
    r"\b(?:in\s+the\s+(?:early\s+)?morning|(?P<later>in\s+the\s+(?:late\s+)?(?:afternoon|evening))|early\s+in\s+the\s+morning|in\s+the\s+early\s+hours|at\s+dawn|(?P<night>at\s+night))\b"
    r"(?!\s+(?:of|on|before|after)\b)",
    re.IGNORECASE,
)


def _time_of_day_date(ctx: DocContext, c: AttackCluster) -> DateSpan | None:
    """An attack the text dates only by a time of day ("In the morning, Cheboksary was attacked", "at
    night the enemy struck"), told in the body of a dated report: the report's own day (or the night
    into it). Only for an attack that no day named anywhere has dated, so no attack is split by it."""
    if ctx.published is None:
        return None
    for m in sorted(c.mentions, key=lambda x: x.clause.start):
        if m.in_title:
            continue
        t = _TIME_OF_DAY.search(ctx.text, m.clause.start, m.clause.end)
        if t is not None and not D.find_dates(ctx.text[m.sent.start : m.sent.end], ctx.published, None):
            if t.group("night"):
                return DateSpan(ctx.published - dt.timedelta(days=1), ctx.published, "days")
            if t.group("later"):
                # "The occupiers struck Orikhiv in the afternoon": the one day the item names (its
                # dateline), else the day it was posted; a digest of several days leaves it undated
                if _SAID_BEFORE.search(ctx.text, max(m.sent.start, t.start() - 40), t.start()):
                    continue  # "the governor said in the afternoon": when it was said
                only = _only_day(ctx)
                if only is None:
                    continue
                return only
            return DateSpan(ctx.published, ctx.published, "day")
    # "Yesterday, the Russian army again shelled Kherson …" over "At about 08:30, the occupiers dropped
    # explosives …": an item told by the clock, in a digest whose lede names the one day it covers
    if any(
        _CLOCK.search(ctx.text, m.clause.start, m.clause.end)
        or clock_heading(ctx.text, m.sent.start)
        # "Hours before the talks ended, a missile struck …", "shelled Kherson throughout the day": the
        # day the report is about
        or _SAME_DAY.search(ctx.text, m.clause.start, m.clause.end)
        for m in c.mentions
        if not m.in_title
    ):
        # a governor's post "At 16:45 the occupiers struck Kharkiv … UPDATE 18:05 …" names no day at
        # all: the hours are of the day it was posted
        return _lede_day(ctx) or _only_day(ctx) or _page_day(ctx)
    return None


def _page_day(ctx: DocContext) -> DateSpan | None:
    """The day a live page's masthead gives ("Slobozhanshchyna Live / Friday 30 August | Last updated
    23:55"), on the lines between its headline and its first post."""
    head_end = ctx.title_end
    for line in ctx.text[ctx.title_end : ctx.title_end + 400].split("\n"):
        head_end += len(line) + 1
        if _CLOCK_LINE.fullmatch(line) or _CLOCK_HEAD.match(line):
            break
    days = {
        (d.span.start, d.span.end)
        for d in D.find_dates(ctx.text[ctx.title_end : head_end], ctx.published, ctx.anchor_year)
        if d.span.precision == "day" and d.span.start is not None
    }
    if len(days) != 1:
        return None
    start, end = next(iter(days))
    return DateSpan(start, end, "day")


def _dateline_day(ctx: DocContext, c: AttackCluster) -> DateSpan | None:
    """The day of the wire dateline over the attack's report ("KHARKIV, Jan 9 (Agency) - A missile struck
    a hotel …"): the story's own day, for an attack that no day the text names has dated."""
    for m in sorted(c.mentions, key=lambda x: x.clause.start):
        if m.in_title:
            continue
        stext = ctx.text[m.sent.start : m.sent.end]
        for d in _sentence_dates(ctx, m.sent):
            if d.span.precision == "day" and _in_dateline(stext, d):
                return d.span
    return None


_SAME_DAY = re.compile(
    r"\b(?:hours|minutes|shortly|just)\s+(?:before|after)\s+(?:the\s+)?(?:talks|meeting|negotiations|summit|session)\b"
    r"|\b(?:throughout|during|later|earlier)\s+(?:the|that)\s+day\b",
    re.IGNORECASE,
)


# a post's paragraph opened by its hour: "21:15. An enemy UAV struck …"
_CLOCK_HEAD = re.compile(
    rf"{_HOUR}\s*[.:–—-]\s"
    # a post stamped in brackets, with its source or number: "[Telegram, 14:47] Hit in …", "4/11 [06:20] …"
    rf"|{_POST_NUMBER}\[[^\]\n]{{0,25}}?\b{_HOUR}\]\s"
)


# a live page's entry heading, alone on its line: "21:47", "09:14 GMT", "14:02 (Kyiv time)"
_CLOCK_LINE = re.compile(
    rf"[ \t]*{_HOUR}[ \t]*(?:\(?(?:GMT|BST|CET|CEST|EET|EEST|UTC|MSK|Kyiv\s+time|local\s+time"
    r"|[ap]\.?m\.?)\)?)?[ \t]*$",
    re.IGNORECASE,
)


def clock_heading(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` opens with an hour ("21:15. …"), or the entry it stands in is
    headed by an hour on the line above (a live page's "21:47")."""
    head = text.rfind("\n", 0, pos) + 1
    if _CLOCK_HEAD.match(text, head, head + 40) is not None:
        return True
    above = text[max(0, head - 80) : head].rstrip("\n").rsplit("\n", 1)[-1]
    return _CLOCK_LINE.fullmatch(above) is not None


def _only_day(ctx: DocContext) -> DateSpan | None:
    """The one day the body names anywhere ("Smoke over the district on Friday evening"), or the day
    of publication when it names no day or night; None when it names several days."""
    body = [x for x in ctx.sentences if x.start >= ctx.title_end]
    named = _days_named(ctx, body)
    days = {(d.start, d.end) for d in named if d.precision == "day"}
    if len(days) == 1:
        start, end = next(iter(days))
        return DateSpan(start, end, "day")
    # the night that ended on the day of publication is no other day ("Rescuers keep working through
    # the night" under a post stamped 14:47)
    if ctx.published is not None and all(d.precision == "days" and d.end == ctx.published for d in named):
        return DateSpan(ctx.published, ctx.published, "day")
    return None


_CLOCK = re.compile(
    r"\b(?:at|about|around|after|before|shortly\s+after|since|from|until)\s+(?:about\s+)?\d{1,2}[:.]\d{2}\b"
    r"|\b(?:around|at|about)\s+(?:midday|noon|midnight)\b",
    re.IGNORECASE,
)


def _lede_day(ctx: DocContext) -> DateSpan | None:
    """The one day the first paragraph of the body names, if it names exactly one."""
    body = [x for x in ctx.sentences if x.start >= ctx.title_end]
    if not body:
        return None
    first_para = body[0].paragraph
    days = {
        (d.start, d.end, d.precision)
        for d in _days_named(ctx, [x for x in body if x.paragraph == first_para])
    }
    if len(days) != 1:
        return None
    start, end, precision = next(iter(days))
    return DateSpan(start, end, precision)


def _days_named(ctx: DocContext, sentences: list[Sentence]) -> list[DateSpan]:
    """The days and nights these sentences date something to (not those they look ahead to)."""
    return [
        d.span
        for x in sentences
        for d in _sentence_dates(ctx, x)
        if d.span.precision in ("day", "days")
        and not d.future
        and d.span.start is not None
        and not _BOUND_DAY.match(d.text)  # "closed until Friday": a limit, not a day anything happened
    ]


# a day given as a limit: "until Friday", "since Monday" ("by midnight" is when the strike came)
_BOUND_DAY = re.compile(r"(?:until|till|by|since|from)\b(?!\s+midnight)", re.IGNORECASE)


def _title_city(ctx: DocContext) -> Entry | None:
    """The one town a headline names, when it names no other place: what a page about that town's nights
    is about."""
    if "title_city" not in ctx.memo:
        places = {e.place.id: e.place for e in ctx.ents_in(0, ctx.title_end) if e.place is not None}
        only = next(iter(places.values())) if len(places) == 1 else None
        ctx.memo["title_city"] = (
            only if only and only.kind == "city" and only.country in ("UA", "RU") else None
        )
    return ctx.memo["title_city"]  # type: ignore[return-value]


def _doc_country(ctx: DocContext) -> str:
    """The warring country whose towns the text names most: where a raid it tells with no place and no
    attacker came down ("Thirty-four missiles were fired at four DTEK plants in the centre and west")."""
    if "doc_country" not in ctx.memo:
        ctx.memo["doc_country"] = _doc_country_uncached(ctx)
    return ctx.memo["doc_country"]  # type: ignore[return-value]


def _doc_country_uncached(ctx: DocContext) -> str:
    counts = Counter(
        e.place.country
        for e in ctx.ents
        if e.place is not None
        and e.place.kind in ("city", "admin1", "district")
        and e.place.country in ("UA", "RU")
    )
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[1][1] * 2 > ranked[0][1]):
        return ""  # (no side clearly the text's)
    return ranked[0][0]


def _event(
    ctx: DocContext,
    gaz: Gazetteer,
    c: AttackCluster,
    doc_actor: dict[str, str],
    disputed: bool,
) -> Event:
    entries = _final_places(gaz, c)
    actor = _cluster_actor(c, entries, doc_actor, disputed)
    if not entries:
        auth = _authority_place(ctx, c)
        if auth is not None and (actor is None or auth.country != actor):
            entries = [auth]
    if (
        not entries
        and (city := _title_city(ctx)) is not None
        and (actor is None or city.country != actor)
        # (not "Elsewhere, …" nor the air force's count for the whole country)
        and not any(m.elsewhere or _counted_by(m) is not None for m in c.mentions)
    ):
        entries = [city]  # "Kyiv's May under fire" over "Ten more missiles arrived before dawn …"
    if not entries:
        country = {"RU": "UA", "UA": "RU"}.get(actor or "", "")
        if not country:
            # "Kyiv's air force reported a record overnight barrage of 472 drones … against the country":
            # the country whose air force counts them is the one attacked
            counted = {side for m in c.mentions if (side := _counted_by(m)) is not None}
            country = counted.pop() if len(counted) == 1 else _doc_country(ctx)
        if country and country in gaz.country_entry:
            entries = [gaz.places[gaz.country_entry[country]]]
    places = tuple(_place(ctx, gaz, c, e) for e in entries)
    killed, km = c.first_count("killed")
    injured, im = c.first_count("injured")
    if killed is not None and km is not None:
        killed = _with_evidence(ctx, killed, km, "killed")
    if injured is not None and im is not None:
        injured = _with_evidence(ctx, injured, im, "injured")
    weapons = _weapons(ctx, c)
    targets: set[str] = set()
    for m in c.mentions:
        targets |= m.targets
    date = c.date() or _time_of_day_date(ctx, c) or _dateline_day(ctx, c)
    ev_spans = _evidence(ctx, c)
    conf = 0.45 + 0.1 * bool(places) + 0.1 * bool(killed or injured) + 0.1 * bool(weapons) + 0.1 * bool(date)
    conf += 0.05 * min(len(c.mentions) - 1, 2) + 0.05 * bool(actor)
    return Event(
        kind="attack",
        evidence=ev_spans,
        confidence=min(conf, 0.95),
        date=date,
        places=places,
        actor=actor,
        killed=killed,
        injured=injured,
        weapons=weapons,
        targets=tuple(t for t in _TARGET_ORDER if t in targets),
    )


_TARGET_ORDER = [t for _, t in L.TARGET_TERMS]


def _final_places(gaz: Gazetteer, c: AttackCluster) -> list[Entry]:
    """Distinct places, dropping any that another place of the event lies within."""
    entries = c.place_entries()
    # a district whose city is also named: the city is the place (the district stays in the evidence)
    ids = {e.id for e in entries}
    entries = [e for e in entries if not (e.kind == "district" and e.parent in ids)]
    # a region or country that contains another place of the event is redundant; a named oblast is kept
    return [
        e
        for e in entries
        if not (e.kind in ("region", "country") and any(o.id != e.id and gaz.contains(e, o) for o in entries))
    ]


def _authority_place(ctx: DocContext, c: AttackCluster) -> Entry | None:
    """The area of the official who reports an attack that names no place ("Kyiv Oblast administration: …")."""
    first = min(m.clause.start for m in c.mentions)
    # "Elsewhere, the air force said …": the official quoted before speaks for another place
    apart = all(m.elsewhere for m in c.mentions)
    best = None
    for ent in ctx.ents:
        if ent.authority is None:
            continue
        same_sentence = ctx.sentence_of(ent.start).index == ctx.sentence_of(first).index
        if (ent.start <= first and not apart) or same_sentence:
            best = ent.authority
        else:
            break
    return best


def _place(ctx: DocContext, gaz: Gazetteer, c: AttackCluster, e: Entry) -> Place:
    ent = next((ent for m in c.mentions for x, ent in m.places if x.id == e.id), None)
    ev = ctx.evidence(ent.start, ent.end, "place") if ent else None
    district = next((x for x in c.place_entries() if x.kind == "district" and x.parent == e.id), None)
    if district is not None:  # "the Obolonskyi district of Kyiv": the city, located at its district
        p = e.to_place("district")
        return Place(
            p.name,
            p.admin1,
            p.country,
            district.lat,
            district.lon,
            "district",
            p.geonameid,
            ev,
            district.name,
        )
    if e.kind == "district" and e.parent in gaz.places:
        city = gaz.places[e.parent]
        return Place(
            name=city.name,
            admin1=city.admin1 or None,
            country=city.country or None,
            lat=e.lat,
            lon=e.lon,
            precision="district",
            geonameid=int(e.id[3:]) if e.id.startswith("gn:") else None,
            evidence=ev,
            district=e.name,
        )
    p = e.to_place()
    return Place(
        _english_name(gaz, e, ent, ctx.text), p.admin1, p.country, p.lat, p.lon, p.precision, p.geonameid, ev
    )


def _english_name(gaz: Gazetteer, e: Entry, ent: Ent | None, text: str = "") -> str:
    """A Russian town as English news spells it ("Novokuibyshevsk", GeoNames "Novokuybyshevsk"): the
    text's form when it is a spelling of the same name, the gazetteer's otherwise. Ukrainian places
    keep the gazetteer's (Ukrainian-based) name, which is the one analysts use, except a town the
    report calls by its name from before a renaming."""
    if ent is None or e.kind != "city" or e.country not in ("RU", "UA"):
        return e.name
    surface = re.sub(r"['’]s?$", "", ent.text).strip()
    if not surface or not surface[0].isupper() or surface.isupper() or surface == e.name:
        return e.name
    if (
        difflib.SequenceMatcher(None, surface.lower(), e.name.lower()).ratio() < 0.85
        and re.search(rf"(?<![\w-]){re.escape(e.name)}(?![\w-])", text) is not None
    ):
        # "the Alabuga economic zone at Yelabuga": an older name of the town that the text itself
        # calls by the gazetteer's name too (a mere respelling, "Graivoron", stays as written)
        return e.name
    if e.country == "UA":
        # a town renamed since 2016 keeps the name the report uses ("Krasnohrad", now Berestyn);
        # spellings of the same name ("Kupyansk") and the big cities keep the gazetteer's
        similar = difflib.SequenceMatcher(None, surface.lower(), e.name.lower()).ratio()
        own_name = any(
            c.id == e.id for c in gaz.candidates(surface)
        )  # not "the Zaporizhzhia plant" at Enerhodar
        return surface if own_name and similar < 0.5 and e.population < 100_000 else e.name
    if (
        difflib.SequenceMatcher(None, surface.lower(), e.name.lower()).ratio() >= 0.7
    ):  # "Lgov" for GeoNames "Lgovsky"
        return surface
    return e.name


# Held by Russia for most of the war though Ukrainian in the gazetteer: Ukraine's strikes on
# them are reported, so "Ukrainian troops fired at Horlivka" keeps its attacker.
_OCCUPIED_ADMIN1 = frozenset(
    {"Donetsk Oblast", "Luhansk Oblast", "Crimea", "Autonomous Republic of Crimea", "Sevastopol"}
)
_OCCUPIED_TOWNS = frozenset(
    {
        "Melitopol",
        "Berdiansk",
        "Enerhodar",
        "Tokmak",
        "Vasylivka",
        "Nova Kakhovka",
        "Skadovsk",
        "Henichesk",
        "Oleshky",
        "Hola Prystan",
        "Kakhovka",
        "Mariupol",
        "Dniprorudne",
        "Polohy",
        "Yakymivka",
    }
)


def _occupied(e: Entry) -> bool:
    return e.country == "UA" and (e.admin1 in _OCCUPIED_ADMIN1 or e.name in _OCCUPIED_TOWNS)


# held by Russia since 2014: whoever attacks Ukraine in the report is not who strikes there (towns
# taken in 2022 were still fought over, and shelled by Russia, that year)
_HELD_SINCE_2014 = frozenset({"Crimea", "Autonomous Republic of Crimea", "Sevastopol"})
_HELD_CITIES = frozenset({"Donetsk", "Luhansk", "Horlivka", "Makiivka", "Alchevsk"})


def _held_by_russia(e: Entry) -> bool:
    return e.country == "UA" and (
        e.admin1 in _HELD_SINCE_2014 or (e.kind == "city" and e.name in _HELD_CITIES)
    )


_CLAIMED = re.compile(
    r"\b(?:what\s+(?:it|he|she|they|[A-Z]\w+)\s+(?:called|described\s+as)|blamed|accused|claimed|alleged|denied|denies|deny)\b"
)


def _cluster_actor(
    c: AttackCluster, entries: list[Entry], doc_actor: dict[str, str], disputed: bool
) -> str | None:
    strong = [m.actor for m in c.mentions if m.actor and m.actor_strong]
    actor: str | None
    if strong:
        actor = max(strong, key=lambda a: (strong.count(a), -strong.index(a)))  # a tie: the first named
    else:
        weak = [m.actor for m in c.mentions if m.actor]
        actor = weak[0] if weak else None
    countries = {e.country for e in entries if e.country}  # a sea is nobody's: it tells no side
    if actor is not None and countries == {actor} and not all(_occupied(e) for e in entries):
        actor = None  # a side does not bomb itself in our data; the cue was the place
    if actor is None and len(countries) == 1:
        # Crimea or Donetsk city is struck by the side attacking Russia, not by Ukraine's attacker
        held = entries and all(_held_by_russia(e) for e in entries)
        actor = doc_actor.get("RU" if held else next(iter(countries)))
    if actor is None and entries and not countries and len(set(doc_actor.values())) == 1:
        actor = next(iter(doc_actor.values()))  # a ship hit at sea, in a report of one side's strikes
    if actor is None and countries == {"UA"} and not any(_occupied(e) for e in entries):
        actor = "RU"  # a strike on a town Ukraine holds, no other side named: this war has one attacker there
    elif actor is None and countries == {"RU"}:
        actor = "UA"
    if disputed and not strong:
        return None
    if disputed and all(
        _CLAIMED.search(m.sent.text, m.sent.start, m.sent.end)
        for m in c.mentions
        if m.actor and m.actor_strong
    ):
        return None  # "in what it called a Ukrainian strike", where the sides trade accusations: a claim
    return actor


def _with_evidence(ctx: DocContext, count: Count, m: Mention, field: str) -> Count:
    ev = ctx.evidence(m.sent.start, m.sent.end, field)
    return Count(count.value, count.low, count.high, count.qualifier, ev, count.children)


# what only rocket artillery is: a multiple-launch system by name or kind
_ROCKET_ARTILLERY = re.compile(
    r"\b(?:Grad|Uragan|Smerch|Tornado|HIMARS|MLRS|multiple[- ]launch|rocket\s+launchers?|rocket\s+artillery|Vampire|Vilkha|Olkha)\b",
    re.IGNORECASE,
)


def _rockets_as_missiles(
    ctx: DocContext, table: dict[tuple[str, str | None], list], order: list[tuple[str, str | None]]
) -> None:
    """ "84 cruise missiles … of which air defence shot down 43 rockets": where the attack's missiles
    are named and the text names no rocket artillery, "rockets" (a translation's Raketen, rakiety) are
    those missiles."""
    if ("rocket", None) not in table or not any(k[0] == "missile" for k in order):
        return
    if _ROCKET_ARTILLERY.search(ctx.text):
        return  # (anywhere in the text: "… fired from Vilkha and Vampire launchers")
    rocket, missile = table[("rocket", None)], table.get(("missile", None))
    if missile is not None and any(missile[i] is not None and rocket[i] is not None for i in (0, 1)):
        return  # "12 rockets and 2 missiles": two counts, two weapons
    del table[("rocket", None)]
    order.remove(("rocket", None))
    if missile is None:
        table[("missile", None)] = rocket
        order.append(("missile", None))
        return
    missile[0] = missile[0] if missile[0] is not None else rocket[0]
    missile[1] = missile[1] if missile[1] is not None else rocket[1]


def _weapons(ctx: DocContext, c: AttackCluster) -> tuple[Weapon, ...]:
    table: dict[tuple[str, str | None], list] = {}
    order: list[tuple[str, str | None]] = []
    # the first report in the body's order (the headline last, as it restates the body): a
    # breakdown by region further down ("nine over Belgorod and two over Kursk") does not replace
    # the total reported before it
    for m in sorted(c.mentions, key=lambda x: (x.in_title, x.clause.start)):
        ev = ctx.evidence(m.sent.start, m.sent.end, "weapons")
        total = not m.in_title and _IN_TOTAL.match(ctx.lower, m.sent.start) is not None
        for kind, model, launched, intercepted in m.facts.weapons:
            key = (kind, model)
            if key not in table:
                table[key] = [None, None, ev]
                order.append(key)
            cur = table[key]
            if launched is not None and (
                _better_figure(cur[0], launched, one_of_many=True) or (total and _sums(cur[0], launched))
            ):
                cur[0] = Count(launched.value, launched.low, launched.high, launched.qualifier, ev)
            if intercepted is not None and (
                _better_figure(cur[1], intercepted) or (total and _sums(cur[1], intercepted))
            ):
                cur[1] = Count(
                    intercepted.value, intercepted.low, intercepted.high, intercepted.qualifier, ev
                )
        for w in m.facts.kinds:
            key = (w.kind, w.model)
            if key not in table:
                table[key] = [None, None, ev]
                order.append(key)
        if (
            not m.facts.kinds
            and _SHELLING.search(ctx.text[m.clause.start : m.clause.end])
            and ("artillery", None) not in table
        ):
            table[("artillery", None)] = [None, None, ev]  # shelling is artillery fire
            order.append(("artillery", None))
    for m in c.mentions:
        # "All of them were intercepted." after a sentence that listed what was launched
        if not m.facts.weapons and _ALL_DOWN.search(m.sent.text, m.sent.start, m.sent.end):
            _all_downed(ctx, table, order, m.sent, None, 2)
        # "Air defences destroyed 72 missiles … and all the drones"
        for hit in _ALL_OF_KIND.finditer(ctx.text, m.sent.start, m.sent.end):
            noun = (hit.group("kind") or hit.group("each")).lower()
            _all_downed(ctx, table, order, m.sent, "missile" if noun.startswith("missile") else "drone", 1)
    _rockets_as_missiles(ctx, table, order)
    classed = _resolve_classes(table, order)
    _merge_model_variants(table, order)
    _model_told_after(ctx, c, table, order)
    _models_named_within(ctx, c, table, order)
    # a figure given for the kind ("72 drones were shot down") belongs to the kind's only model
    for kind, model in list(order):
        if model is not None:
            continue
        models = [k for k in order if k[0] == kind and k[1] is not None and k[1] not in L.SEA_DRONES]
        if len(models) > 1:
            # "810 UAVs of the Shahed type, Gerbera and imitator drones": the one model counted
            models = [k for k in models if table[k][0] is not None and table[k][0].has_number]
        if len(models) != 1:
            continue
        if table[models[0]][0] is None and _named_as_some(ctx, table[models[0]][2], models[0][1] or ""):
            # "13 missiles …; Kinzhal hypersonic missiles were among those used": some of them; "and that
            # 30 of them were intercepted" after "including Kh-101s" is of the 13, not of the model
            some, whole = table[models[0]], table[(kind, None)]
            if whole[0] is not None and whole[1] is None and some[1] is not None:
                whole[1], some[1] = some[1], None
            continue
        if kind in classed and _model_class(models[0][1] or "") != classed[kind]:
            continue  # "30 cruise missiles were destroyed" are not of the Kinzhals named before
        tgt = table[models[0]]
        src = table[(kind, None)]

        def agree(a: Count | None, b: Count | None) -> bool:
            return a is None or b is None or (a.best is not None and a.best == b.best)

        if agree(src[0], tgt[0]) and agree(src[1], tgt[1]):
            tgt[0] = tgt[0] or src[0]
            tgt[1] = tgt[1] or src[1]
            src[0] = src[1] = None
    # a bare kind entry is redundant when a model of that kind is listed
    out = []
    for key in order:
        kind, model = key
        launched, intercepted, ev = table[key]
        if (
            model is None
            and launched is None
            and intercepted is None
            and any(k == kind and mo is not None for k, mo in order)
        ):
            continue
        out.append(Weapon(kind, model, launched, intercepted, ev))
    return _totals_vs_breakdown(tuple(out))


_AMONG = re.compile(r"\b(?:were|was)\s+(?:also\s+)?among\b", re.IGNORECASE)


def _named_as_some(ctx: DocContext, ev: Evidence, model: str) -> bool:
    """The model is said to be among the weapons ("Kinzhal hypersonic missiles were among those used
    against Lviv"), not to be all of them."""
    sent = ctx.text[ev.start : ev.end]
    return any(
        w.model == model
        and (
            _AMONG.search(sent, w.end, w.end + 40)
            # "48 missiles of various kinds, including cruise missiles Kh-101": one type of several
            or _OF_VARIOUS_INCLUDING.search(sent, max(0, w.start - 80), w.start)
        )
        for w in weapon_mentions(sent)
    )


_OF_VARIOUS_INCLUDING = re.compile(
    r"\b(?:of\s+(?:various|different|several|many)\s+(?:kinds|types)|of\s+all\s+kinds)\s*,?\s*"
    r"(?:including|among\s+them|among\s+which)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$"
    # "99 missiles, ten of them hypersonic Kinzhals"
    r"|\b(?!most\b|all\b|almost\b|nearly\b)[\w-]+\s+of\s+them\s+(?:were\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def _model_told_after(
    ctx: DocContext,
    c: AttackCluster,
    table: dict[tuple[str, str | None], list],
    order: list[tuple[str, str | None]],
) -> None:
    """ "Three missiles slammed into the city centre …" and then "the enemy used Iskander-M ballistic
    missiles": the counted missiles are of the one model a figure-free sentence soon after names."""
    for key in list(order):
        kind, model = key
        launched = table[key][0]
        if model is not None or launched is None or not launched.has_number:
            continue
        if any(k[0] == kind and k[1] is not None for k in order):
            continue
        at = ctx.sentence_of(table[key][2].start)
        for s in ctx.sentences[at.index + 1 : at.index + 4]:
            if s.paragraph > at.paragraph + 1:
                break
            stext = ctx.text[s.start : s.end]
            if any(e.place is not None for e in ctx.ents_in(s.start, s.end)):
                break  # a report of its own ("In Kyiv a Kh-101 … hit the hospital": one of the 38)
            models = {w.model for w in weapon_mentions(stext) if w.kind == kind and w.model}
            if not models:
                continue
            if len(models) == 1 and not find_numbers(stext):
                (name,) = models
                table[(kind, name)] = table.pop(key)
                order[order.index(key)] = (kind, name)
            break


def _all_downed(
    ctx: DocContext,
    table: dict[tuple[str, str | None], list],
    order: list[tuple[str, str | None]],
    sent: Sentence,
    kind: str | None,
    reach: int,
) -> None:
    """Every weapon (of ``kind``) counted as launched up to ``reach`` sentences before, in the same
    paragraph, was downed: its launched figure is its downed one."""
    for key in order:
        launched, intercepted, ev = table[key]
        if kind is not None and key[0] != kind:
            continue
        if launched is None or not launched.has_number or intercepted is not None:
            continue
        if ev.start > sent.start or (kind is None and ev.start == sent.start):
            continue  # (a kind named as all downed may have been counted in the same sentence)
        near = ctx.sentence_of(ev.start)
        if near.paragraph == sent.paragraph and sent.index - near.index <= reach:
            table[key][1] = Count(launched.value, launched.low, launched.high, launched.qualifier, ev)


# "debris recovered at the site pointed to a Kh-101", "Russia had also used hypersonic Kinzhal missiles"
_MODEL_NAMED = re.compile(
    r"\b(?:used|pointed\s+to|identified\s+(?:it\s+|them\s+)?as|(?:fragments|debris|remains|wreckage)\s+of"
    r"|carried\s+out\s+with|listing)\b",
    re.IGNORECASE,
)
# "an Iskander ballistic missile had been used", "Kinzhal missiles were among the weapons used"
_MODEL_NAMED_AFTER = re.compile(
    r"\b(?:(?:had|has|have)\s+been|was|were)\s+(?:also\s+)?used\b|\bweapons\s+used\b|\bamong\s+them\b",
    re.IGNORECASE,
)


def _models_named_within(
    ctx: DocContext,
    c: AttackCluster,
    table: dict[tuple[str, str | None], list],
    order: list[tuple[str, str | None]],
) -> None:
    """A figure-free sentence inside the attack's own story ("the air force said Russia had also used
    Kinzhal missiles", "debris pointed to a Kh-101") names models of the kind it counted."""
    body = [m.sent.index for m in c.mentions if not m.in_title]
    if len(body) < 2:
        return
    kinds = {k for k, _ in order}
    for s in ctx.sentences[min(body) + 1 : max(body)]:
        if s.index in body:
            continue
        stext = ctx.text[s.start : s.end]
        cues = [m.end() for m in _MODEL_NAMED.finditer(stext)]
        after = [m.start() for m in _MODEL_NAMED_AFTER.finditer(stext)]
        if not (cues or after) or find_numbers(stext):
            continue
        if any(
            e.place is not None and e.place.kind != "country" and e.authority is None
            for e in ctx.ents_in(s.start, s.end)
        ):
            continue  # a report of its own (not "Dnipropetrovsk RMA head Serhii Lysak said …")
        for w in weapon_mentions(stext):
            # the weapon the cue names, not one struck ("hit a launcher of an S-400 … and used Neptune")
            if not any(0 <= w.start - end <= 60 for end in cues) and not any(
                0 <= start - w.end <= 80 for start in after
            ):
                continue
            if w.model and w.kind in kinds and (w.kind, w.model) not in table:
                table[(w.kind, w.model)] = [None, None, ctx.evidence(s.start, s.end, "weapons")]
                order.append((w.kind, w.model))


def _merge_model_variants(
    table: dict[tuple[str, str | None], list], order: list[tuple[str, str | None]]
) -> None:
    """ "27 Shahed-131/136 attack UAVs" then "all 27 Shahed UAVs were destroyed": one model told twice,
    the family name the second time; its figures go on the one variant named, when they agree."""
    for key in list(order):
        kind, model = key
        if model is None or key not in table:
            continue
        # "Shahed" → "Shahed-131/136", "Iskander" → "Iskander-M" (not "Kinzhal" → "Kinzhal/Iskander-M",
        # a pair reported together)
        variants = [k for k in order if k[0] == kind and k[1] and k != key and k[1].startswith(model + "-")]
        if len(variants) != 1:
            continue
        src, tgt = table[key], table[variants[0]]
        if all(
            a is None or b is None or a.best == b.best or _rough_then_exact(a, b) or _rough_then_exact(b, a)
            for a, b in ((src[0], tgt[0]), (src[1], tgt[1]))
        ):
            for i in (0, 1):
                a, b = src[i], tgt[i]
                tgt[i] = a if b is None or (a is not None and _rough_then_exact(b, a)) else b
            del table[key]
            order.remove(key)


def _better_figure(cur: Count | None, new: Count | None, one_of_many: bool = False) -> bool:
    """Whether ``new`` replaces the weapon figure held: a figure beats "hundreds of drones", and
    otherwise the first report stands; with ``one_of_many``, "a missile hit the city" also yields to
    the "32 missiles" the tally gives later."""
    if new is None:
        return False
    return (
        cur is None
        or (not cur.has_number and new.has_number)
        or (one_of_many and cur.best == 1 and (new.best or 0) > 1)
        or _rough_then_exact(cur, new)
    )


def _sums(part: Count | None, whole: Count) -> bool:
    """ "In total, 70 drones" after "34 over the Moscow region": the total takes the place of its part."""
    return part is not None and part.best is not None and whole.best is not None and whole.best > part.best


def _rough_then_exact(rough: Count, exact: Count) -> bool:
    """ "Over 100 missiles and about 100 Shaheds", then the air force's "127 missiles … and 109
    Shahed-136": the exact tally that agrees with the rough one replaces it."""
    if rough.qualifier not in ("at_least", "approx") or exact.qualifier != "exact" or exact.value is None:
        return False
    if rough.qualifier == "at_least":
        return rough.low is not None and rough.low <= exact.value <= 2 * rough.low
    return rough.value is not None and abs(exact.value - rough.value) <= 0.25 * rough.value


def _model_class(model: str) -> str | None:
    return L.MISSILE_CLASS.get(model.split("/")[0])


def _resolve_classes(
    table: dict[tuple[str, str | None], list], order: list[tuple[str, str | None]]
) -> dict[str, str]:
    """ "21 of the cruise missiles": the figure of the one cruise model the report names (the
    Kh-101), else of missiles in general when that has no such figure yet, else of nothing.
    Returns the class each kind's general figure was given for ("cruise"), where one was."""
    classed: dict[str, str] = {}
    for key in [k for k in order if k[1] and k[1].startswith("~")]:
        kind, cls = key[0], key[1][1:]  # type: ignore[index]
        launched, intercepted, ev = table.pop(key)
        order.remove(key)
        models = [k for k in order if k[0] == kind and k[1] and _model_class(k[1]) == cls]
        target = models[0] if len(models) == 1 else (kind, None)
        if target not in table:
            if target != (kind, None) or (launched is None and intercepted is None):
                continue
            table[target] = [None, None, ev]
            order.append(target)
        if target == (kind, None):
            classed[kind] = cls
        cur = table[target]
        for i, figure in ((0, launched), (1, intercepted)):
            if _better_figure(cur[i], figure, one_of_many=True):
                cur[i] = figure
    return classed


def _totals_vs_breakdown(ws: tuple[Weapon, ...]) -> tuple[Weapon, ...]:
    """A kind total ("22 missiles") beside per-model counts that do not add up to it: keep the
    total's figure, keep the models as names only, so no sum double-counts."""
    out = list(ws)
    for kind in {w.kind for w in ws}:
        total = [w for w in ws if w.kind == kind and w.model is None and w.launched and w.launched.has_number]
        models = [
            w for w in ws if w.kind == kind and w.model is not None and w.launched and w.launched.has_number
        ]
        if not total or not models:
            continue
        t = total[0].launched.best if total[0].launched else None
        s = sum((w.launched.best or 0) for w in models if w.launched)
        if t is not None and t < max((w.launched.best or 0) for w in models if w.launched):
            # "debris from one drone fell" beside "seven Shahed drones": a part, not a total
            out = [
                Weapon(w.kind, w.model, None, w.intercepted, w.evidence) if w is total[0] else w for w in out
            ]
            continue
        if t is not None and s == t:
            out = [w for w in out if w is not total[0]]
            ti = total[0].intercepted
            if ti is not None and ti.best == t:
                out = _each_model_downed(out, models)  # "all 31 missiles were shot down"
        else:
            out = [
                Weapon(w.kind, w.model, None, w.intercepted, w.evidence) if w in models else w for w in out
            ]
    return _intercepts_vs_breakdown(tuple(out))


def _each_model_downed(ws: list[Weapon], models: list[Weapon]) -> list[Weapon]:
    """Every one launched of each of ``models`` was shot down (when the text gives no figure of its own)."""
    return [replace(w, intercepted=w.launched) if w in models and w.intercepted is None else w for w in ws]


def _intercepts_vs_breakdown(ws: tuple[Weapon, ...]) -> tuple[Weapon, ...]:
    """The same for the figures shot down: a breakdown that adds up to the kind's figure replaces it,
    and a part ("destroyed 81 missiles, including 80 Kh-101 and Kalibr") does not count twice."""
    out = list(ws)
    for kind in {w.kind for w in ws}:
        total = [
            w
            for w in out
            if w.kind == kind and w.model is None and w.intercepted and w.intercepted.has_number
        ]
        models = [
            w
            for w in out
            if w.kind == kind and w.model is not None and w.intercepted and w.intercepted.has_number
        ]
        t = total[0].intercepted.best if total and total[0].intercepted else None
        s = sum((w.intercepted.best or 0) for w in models if w.intercepted)
        if t is None or s > t:
            continue  # (figures of different scopes: leave them as told)
        named = [w for w in out if w.kind == kind and w.model is not None]
        launched = [w.launched.best for w in named if w.launched and w.launched.has_number]
        every = bool(named) and len(launched) == len(named) and sum(x or 0 for x in launched) == t
        if not models and not every:
            continue
        if s == t or every:
            # "all 18 missiles were shot down, including six Kinzhals" over "six Kinzhals, nine Kalibrs and
            # three S-400s": every one of each model
            w = total[0]
            kept = Weapon(w.kind, w.model, w.launched, None, w.evidence)
            out = [kept if x is w else x for x in out if x is not w or w.launched is not None]
            if every:
                out = _each_model_downed(out, named)
        else:
            # a part counted for one model is that model's ("all 18 missiles, including six Kinzhals");
            # one figure for several ("80 Kh-101, Kalibr and Kh-55") is a count of none of them
            out = [
                Weapon(w.kind, w.model, w.launched, None, w.evidence)
                if w in models and "/" in (w.model or "")
                else w
                for w in out
            ]
    return tuple(out)


def _evidence(ctx: DocContext, c: AttackCluster) -> tuple[Evidence, ...]:
    seen = set()
    out = []
    for m in c.mentions:
        key = (m.sent.start, m.sent.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(ctx.evidence(m.sent.start, m.sent.end))
    return tuple(out)
