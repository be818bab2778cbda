"""What a number counts: the killed, the injured, weapons launched or intercepted — or nothing.

Each number phrase found in a clause is classified by the words around it. A number
that fits no slot is dropped: nothing is ever counted because it merely appears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from peacewatch.extract import lexicon as L
from peacewatch.extract.numbers import WORD_NUMBER, NumberPhrase, find_numbers
from peacewatch.records import Count

_PEOPLE = rf"(?:(?:more|other|additional|further|local|elderly|young|civilian|Ukrainian|Russian|[a-z][a-z-]+|\d+-year-old)\s+){{0,2}}(?:{L.PEOPLE_NOUNS})\b"
# an aside between the figure and its verb: "Two people, including a child, were killed"; "Two
# people, a man, 71, and a woman, 69, were killed"
_PAREN = r"(?:\s*,\s*(?:(?:including|among\s+them|of\s+whom|most\s+of\s+them)\s+[^,;.]{1,60}|[^,;.]{1,50})(?:,\s*[^,;.]{1,30}){0,3},)?"
_PP = (
    r"(?:\s+(?:at|in|from|on|of|near|inside)\s+(?:the\s+|an?\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,2}"
    r"|\s+born\s+in\s+\d{4}|\s+aged\s+\d+|\s+in\s+(?:his|her)\s+\d+s"
    # "two women standing next to him were hurt": where they were, told by a participle
    r"|\s+(?:standing|waiting|sitting|walking|working|queuing|queueing|passing|travelling|traveling)\b[^,.;]{0,40}?"
    r"(?=\s+(?:were|was|had|have)\s|\s*,)){0,2}"  # ("three crew members on a vessel in the harbour were injured")
)
_AUX = (
    r"(?:\s+(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|got|reportedly|also|later|were\s+also"
)
_AUX += r"|have|had|all|now|confirmed|reported|been|who"  # "117 people who were wounded"
_AUX += r"|resulted|remained"  # a translation's "3 persons resulted wounded" (Spanish "resultaron heridas")
_AUX += (
    r"|lightly|slightly|moderately|seriously|severely|badly|critically|gravely))*"  # "were lightly injured"
)

_KILLED_RIGHT = re.compile(
    rf"^(?:\s+(?:of\s+)?(?:the\s+|our\s+|its\s+|their\s+)?{_PEOPLE}{_PP})?{_PAREN}{_AUX}\s*(?:{L.KILLED_WORDS})\b",
    re.IGNORECASE,
)
_INJURED_RIGHT = re.compile(
    rf"^(?:\s+(?:of\s+)?(?:the\s+|our\s+|its\s+|their\s+)?{_PEOPLE}{_PP})?{_PAREN}{_AUX}\s*(?:{L.INJURED_WORDS})\b",
    re.IGNORECASE,
)
_LIVES_RIGHT = re.compile(r"^\s+(?:people['’]s\s+|civilian\s+)?lives\b", re.IGNORECASE)
_LIVES_LEFT = re.compile(
    r"\b(?:claim(?:ed|ing|s)?|took|taking|takes|cost|costing|costs|lost|ended)\s*(?:the\s+lives\s+of\s*)?$",
    re.IGNORECASE,
)
_CLAIMED_LIVES_OF = re.compile(
    r"\b(?:claim(?:ed|ing|s)?|took|taking|cost|costing)\s+the\s+lives\s+of\s*$", re.I
)
_KILLED_LEFT = re.compile(
    r"\b(?:killing|killed|kills|kill|murdered|murdering)(?:\s+all(?:\s+the)?)?\s*$|"  # "killing all three occupants"
    r"\b(?:death\s+toll|number\s+of\s+(?:people\s+)?(?:confirmed\s+)?(?:dead|deaths|killed|those\s+killed|fatalities|victims)"
    r"|count\s+of\s+(?:the\s+)?(?:dead|deaths|killed|victims)|toll|fatalities|deaths|the\s+dead)"
    # (an aside between commas too: "the number of dead from a strike on Ternopil, in western Ukraine, climbed to")
    r"(?:,?\s+[\w’'.-]+){0,20}?\s+(?:has\s+|had\s+)?(?:rose|risen|rises|rising|climbed|climbs|increased|reached|reaches"
    r"|jumped|grew|stands|stood|now\s+stands|is|was|hit|of|at|to|numbered|totall?ed"
    # a translation's copula: "the dead are 35", "dead were 7 persons"
    r"|(?<=dead\s)(?<!among\sthe\sdead\s)(?:are|were))(?:\s+now)?(?:\s+at|\s+to)?\s*$|"
    r"\bbodies\s+of\s*$|\brecovered\s+(?:the\s+)?(?:bodies\s+of\s+)?$"
    # an infobox line: "Deaths: 25 (including 4 children)", "Killed: 61"
    r"|(?:^|\n)[ \t]*(?:Deaths|Dead|Killed|Fatalities|Death\s+toll)[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
# "bringing the overall number of wounded to": a running total of the injured
_BRINGING_INJURED = (
    r"\bbringing\s+(?:the\s+)?(?:total\s+|overall\s+)?(?:number\s+of\s+(?:people\s+)?(?:injured|wounded|injuries|hurt)"
    r"|injury\s+toll)(?:\s+\w+){0,2}?\s+to"
)
_INJURED_LEFT = re.compile(
    r"\b(?:injuring|injured|injures|wounding|wounded|wounds|hurting|hurt|hospitali[sz]ing)(?:\s+all(?:\s+the)?)?\s*$|"
    # ("the number of people injured in a Russian drone strike on … on Monday has risen to 14")
    r"\b(?:number\s+of\s+(?:people\s+)?(?:injured|wounded|injuries)|injury\s+toll)(?:\s+[\w'’.-]+){0,20}?\s+"
    r"(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|increased|reached|grew|stands|stood|is|was)(?:\s+now)?(?:\s+at|\s+to)?\s*$|"
    r"\b(?:the\s+)?injured(?:\s+\w+){0,3}?\s+"
    r"(?:has\s+|had\s+)?(?:rose|risen|rises|climbed|increased|reached|grew|stands|stood|is|was)(?:\s+now)?(?:\s+at|\s+to)?\s*$"
    # a translation's word order: "Wounded are 8 citizens", "Injured were 97 people", "the wounded are 117"
    r"|\b(?<!among\sthe\s)(?<!among\s)(?:injured|wounded)\s+(?:are|were|is|was)(?:\s+(?:also|in\s+total|already))?\s*$"
    r"|\b(?:put|puts|putting|placed|estimated)\s+(?:the\s+)?(?:number\s+of\s+(?:injured|wounded|injuries)|injury\s+toll)\s+at\s*$"
    # "bringing the number of injured to two"
    rf"|{_BRINGING_INJURED}\s*$"
    # an infobox line: "Injured: 63", "Wounded: 150+"
    r"|(?:^|\n)[ \t]*(?:Injured|Wounded|Injuries|Non-fatal\s+injuries|Hurt)[ \t]*:[ \t]*$",
    re.IGNORECASE,
)
_FIGURE_GREW_LEFT = re.compile(
    # ("… had given a toll of six dead; it rose to 12 by Sunday morning")
    r"(?:\b(?:the|that|this)\s+(?:figure|number|count|tally|toll)|(?:^|[;,]\s*)it)\s+(?:had\s+|has\s+|later\s+|then\s+)?"
    r"(?:grown|grew|risen|rose|climbed|increased|reached)\s+(?:to\s+)?$",
    re.IGNORECASE,
)
_BROUGHT_INJURED_LEFT = re.compile(
    rf"{_BRINGING_INJURED}\s*(?:at\s+least\s*|more\s+than\s*)?$", re.IGNORECASE
)
# "90 people have now been injured": the toll so far, an update
_NOW_RIGHT = re.compile(
    r"^\s+(?:people\s+|persons\s+|civilians\s+)?(?:have|has|had)\s+now\s+(?:been\s+)?(?:killed|injured|wounded|hurt|died)\b",
    re.IGNORECASE,
)
# a figure quoted only to be withdrawn: 'removed a [UV] claim of "200 missiles"', '"5 killed nationwide" replaced by'
_WITHDRAWN_LEFT = re.compile(
    r"\b(?:removed|retracted|deleted|withdrew|withdrawn|debunked|corrected)\b[^.;:\"“]{0,40}[\"“]$",
    re.IGNORECASE,
)
_WITHDRAWN_RIGHT = re.compile(
    r"[^\"”.;]{0,40}[\"”]\s+(?:was\s+|were\s+|has\s+been\s+|have\s+been\s+)?(?:replaced|corrected|removed|retracted"
    r"|withdrawn|deleted|amended|revised)\b",
    re.IGNORECASE,
)
# a translation's verb before its subject: "died 7 persons", "were killed 13 people", "were injured 5 citizens"
_PEOPLE_RIGHT = re.compile(rf"^\s+{_PEOPLE}", re.IGNORECASE)  # the people a verb before them counts
_DIED_BEFORE = re.compile(r"\b(?:died|perished|(?:were|was)\s+killed)\s*$", re.IGNORECASE)
_HURT_BEFORE = re.compile(r"\b(?:were|was|got)\s+(?:injured|wounded|hurt)\s*$", re.IGNORECASE)
_KILLED_AND_LEFT = re.compile(
    r"\b(?:killed|dead|deaths)\s+and\s+(?:at\s+least\s+|more\s+than\s+)?$", re.IGNORECASE
)
_HARM_WORD = re.compile(r"\b(?:injured|wounded|hurt|injuries|killed|dead|died|deaths)\b", re.IGNORECASE)
_INJURED_WORDS = {"injured", "wounded", "hurt", "injuries"}
_UPDATE_LEFT = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|grew|bringing\s+(?:the\s+)?(?:(?:death\s+|injury\s+)?toll|(?:total\s+)?number\s+of)\b.*\bto)"
    r"\s+(?:from\s+[\w,.-]+\s+)?(?:to\s+)?$"
    # "the number of injured is now 35"
    r"|\b(?:is|are|stands)\s+now\s+(?:at\s+)?$"
    # "the updated toll is 12", "the latest figure, 51 killed"
    r"|\b(?:latest|updated|revised|new|final)\s+(?:death\s+)?(?:toll|figures?|numbers?|count|tally)\b[^.;\d]{0,50}?"
    r"(?:[:,]|\bis|\bwas|\bof|\bat|\bto)\s*$"
    # a live page's "Latest from the governor:", "Update from the emergency service:"
    r"|(?:^|\n)\W*(?:latest|update|updated)\s+(?:from|by)\s+(?:the\s+)?[\w’' -]{1,40}:\s*$",
    re.I,
)


def updates_toll(lead: str) -> bool:
    """Whether the words before a clause announce its figures as an update ("the latest figure from Hroza:")."""
    return lead.rstrip().endswith(":") and _UPDATE_LEFT.search(lead) is not None


# "nine more people": an increment, not the total
_INCREMENT_RIGHT = re.compile(r"^\s+(?:more|additional|further|new)\b", re.IGNORECASE)
# "A woman has died. Three more people were injured": more people besides the dead, the injured count
_MORE_HURT_RIGHT = re.compile(
    r"^\s+more\s+(?:(?:people|persons?|civilians|residents)\s+)?(?:were|was|have\s+been|has\s+been|had\s+been)\s+"
    r"(?:injured|wounded|hurt|hospitali[sz]ed)\b",
    re.IGNORECASE,
)
_HARM_VERB_LEFT = re.compile(r"\b(?:injuring|wounding|killing|injured|wounded|killed)\s*$", re.IGNORECASE)
_BODIES_RIGHT = re.compile(r"^\s+bodies\b", re.IGNORECASE)
_CHILDREN = re.compile(
    r"^[^.;]{0,40}?\b(?:including|among\s+them|of\s+them|among\s+whom)\s+(?P<n>[\w,-]+(?:\s+[\w-]+)?)\s+"
    r"(?:of\s+them\s+)?(?:children|child|minors|kids|teenagers|boys?|girls?|infants?|babies)\b",
    re.IGNORECASE,
)
# Not counts at all: ages, plan sizes, units, money, times, percentages, years.
_NOT_COUNT_RIGHT = re.compile(
    r"^(?:-|–|\s)?(?:point|year|years|month|months|day|days|hour|hours|minute|minutes|storey|story|km|kilomet|mile"
    r"|met(?:er|re)|percent|per\s+cent|%|a\.m\.|p\.m\.|am\b|pm\b|GW|MW|kW|kg|tons?|tonnes?|billion|million|bn\b"
    r"|trillion|dollars|euros|hryvnias?|rubles|roubles|times\b|floors?|degrees|°|th\b|st\b|nd\b|rd\b|o['’]clock"
    r"|-year-old|-strong|-member|-nation|-page|-day|-hour)",
    re.IGNORECASE,
)
# a sum over several attacks: "7 dead and 203 injured across the weekend's two deadliest strikes", "48 dead in
# three strikes"
_OVER_SEVERAL_RIGHT = re.compile(
    r"[^.;:|]{0,40}?\b(?:across|in|from|over)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:[\w-]+\s+){0,2}?(?:strikes|attacks|raids)\b",
    re.IGNORECASE,
)
_NOT_COUNT_LEFT = re.compile(
    r"(?:\baged|\bage|\baged\s+\d{1,3}(?:\s*,\s*\d{1,3})*,?\s+and|\$|€|£|\bNo\.|\bnumber|\bpage|\barticle|\bparagraph|\bround|\bat|\bversion|\bPoint"
    r"|\bpoints?|\bResolution|\bUNSC|\bphase|\bstage|\bKh|\bS|\bTu|\bSu|\bMiG|\bF|\bBM|\["
    # "a woman of 70 suffered cuts": an age
    r"|\b(?:[Mm]an|[Ww]oman|[Bb]oy|[Gg]irl|[Pp]erson|[Pp]ensioner|[Rr]esident|[Dd]river|[Gg]randmother|[Gg]randfather)\s+of"
    r"|\b[Nn]o|\b[Nn]ot|\b[Nn]ot\s+a\s+single|\b[Nn]ot\s+even|\b[Nn]either|\b[Nn]one\s+of\s+the|\b[Ee]very|\b[Ee]very\s+single)"
    r"\s*[-–]?\s*$",
)
_PEOPLE_SUBJECT_OTHER = re.compile(
    r"^\s+(?:people|residents|civilians|families|households|homes|apartments|consumers|customers|subscribers"
    r"|children|patients)\s+(?:\w+\s+){0,3}?(?:were\s+|are\s+|remain\s+|have\s+been\s+)?(?:evacuated|sheltering"
    r"|sheltered|left\s+without|without|displaced|rescued|lost\s+power|in\s+shelters|hiding|took\s+shelter"
    r"|remained\s+(?:without|in)|were\s+without)\b",
    re.IGNORECASE,
)

# One scan for every weapon name: models first, so at one position a model beats a generic noun.
# (Fifty separate regexes cost ~120 µs per sentence; one alternation costs a tenth of that.)
_WEAPON_TABLE: list[tuple[str, str | None]] = [(kind, name) for name, kind, _ in L.WEAPON_MODELS] + [
    (kind, None) for _, kind in L.WEAPON_NOUNS
]
_WEAPONS = L.Alternatives(
    [rx for _, _, rx in L.WEAPON_MODELS] + [rx for rx, _ in L.WEAPON_NOUNS],
    before=r"(?<![\w-])",
    after=r"(?![\w-])",
)
_MODIFIER = re.compile(rf"\s*(?:(?:{L.WEAPON_MODIFIERS})\b[\s,]*|and\s+|–|-)", re.IGNORECASE)
_INTERCEPT_LEFT = re.compile(
    # (quoted too: 'had "intercepted and destroyed" 51 UAVs')
    # (and a list after a dash: "27 missiles were brought down - three Kinzhals, nine Iskander-Ms …")
    rf"\b(?:{L.INTERCEPT_VERBS})(?:\s+(?:or|and)\s+(?:[\w-]+\s+){{0,3}}?(?:{L.INTERCEPT_VERBS}))?[\"”’']?(?:\s+[-–—]|\s*:)?\s+"
    # a translation's word order: "Shot down were 7 missiles", "Shot down or by electronic means neutralised were 288"
    rf"(?:(?:were|was|are)\s+(?:also\s+)?)?"
    rf"(?:a\s+total\s+of\s+|all\s+|the\s+|all\s+the\s+)?$",
    re.IGNORECASE,
)
_INTERCEPT_RIGHT = re.compile(
    rf"^\)?(?:\s+(?:of\s+them|of\s+these|of\s+those|of\s+which|of\s+the\s+(?:\w+\s+)?\w+))?\s*,?"
    rf"(?:\s+(?:were|was|had\s+been|have\s+been|has\s+been|are|being|got|reportedly|all|also|later|successfully|confirmed(?:\s+as)?))*"
    rf"\s+[\"“']?(?:{L.INTERCEPT_VERBS})\b",  # (quoted: 'were "intercepted and destroyed"')
    re.IGNORECASE,
)
# Capacity, stock and production are not launches: "each capable of carrying up to eight Kh-101s".
_NOT_LAUNCHED_LEFT = re.compile(
    r"\b(?:capable\s+of\s+(?:carrying|launching|firing)|can\s+(?:carry|launch|fire)|carrying|armed\s+with|loaded\s+with"
    r"|hits\s+by"
    # "debris from one drone fell in a field": what fell of a counted weapon, not another launch
    r"|debris\s+(?:from|of)|fragments\s+(?:from|of)|wreckage\s+(?:from|of)|remains\s+of|parts\s+of"
    r"|equipped\s+with|stockpiles?\s+of|total\s+salvo\s+of|salvo\s+capacity\s+of|produc\w+|manufactur\w+"
    r"|reserves?\s+of|stocks?\s+of|(?:entered|began|started|ended)\s+(?:[\w-]+\s+){1,3}?with|delivery\s+of|deliveries\s+of|shipments?\s+of|supply\s+of|order(?:ed)?\s+for"
    # "The remaining 16 drones … got through": the ones not shot down, not another launch
    r"|remaining|the\s+rest\s+of"
    # "That leaves 21 drones and five missiles unaccounted for": a difference worked out, not a launch
    r"|(?:that|which|this)\s+(?:leaves|left)|leaving|(?:were|was)\s+left\s+with"
    # "to fund the purchase of 800,000 artillery shells": aid and procurement, not fire
    r"|purchases?\s+of|procurement\s+of|to\s+(?:buy|procure|purchase)|bought|pledged|promised|donated|package\s+of"
    # "a raid by ten Tu-95s could therefore deliver 80 missiles": what could be, not what was fired
    r"|(?:could|would|might|can|may)\s+(?:\w+\s+)?(?:deliver|carry|launch|fire|send|field)"
    # "large raids have rarely involved more than about 40 Kh-101s": what raids are like, no raid
    r"|(?:raids|attacks|barrages|strikes|waves|salvos)\s+(?:have\s+|had\s+)?(?:rarely|seldom|usually|typically"
    r"|generally|normally|often|tend(?:ed)?\s+to)\s+\w+)"
    r"\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_SUPERLATIVE = re.compile(
    r"\b(?:deadliest|largest|biggest|heaviest|worst|most\s+\w+|loudest|longest|first|highest|record)\b[^,.;]*$"
)
_INCLUDING_GAP = re.compile(r"\s*,?\s*(?:including|among\s+them)\s+", re.IGNORECASE)
_ALONG_WITH_LEFT = re.compile(r"\b(?:along\s+with|as\s+well\s+as)\s+(?:all\s+(?:the\s+)?)?$", re.IGNORECASE)
_LAUNCH_RE = re.compile(rf"\b(?:{L.LAUNCH_VERBS})\b", re.IGNORECASE)


def _downed_before(text: str, end: int) -> bool:
    """The last launch-or-intercept verb before ``end`` is an intercept: "destroyed 7 Kh-101s, the air
    force said, as well as 71 drones" (but "launched 8 missiles, as well as 71 drones" is a launch)."""
    ends = [m.end() for m in L.INTERCEPT_RE.finditer(text, 0, end)]
    return bool(ends) and _LAUNCH_RE.search(text, ends[-1], end) is None


# What follows a weapon's figure that makes it no launch, one pattern for the per-number loop: a stock ("roughly
# 120 Kalibr and 90 Kh-101 in reserve"), raids rather than weapons ("two large missile raids"), a figure over
# several raids ("150 missiles at Ukraine in three large raids"; not "in several waves", one attack in parts), a
# rate ("2,700 attack drones a month", "170 drones per night") or what each of several nights had ("400 drones each")
_NOT_SHIFT = r"(?!\s+(?:ago|earlier|later|before|after|on)\b)"
_NOT_LAUNCH_RIGHT = re.compile(
    r"[^.;:]{0,50}?\bin\s+(?:reserve|stock|storage|(?:its|their|the)\s+(?:arsenals?|stockpiles?|inventor(?:y|ies)"
    r"|stocks?|reserves?))\b"
    r"|\s+(?:raids|strikes|attacks|waves|barrages|salvos|alerts|campaigns)\b"
    r"|[^.;:]{0,40}?\bin\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:raids|attacks|strikes|nights)\b"
    rf"|[^.;:]{{0,40}}?\b(?:a|per|each)\s+(?:month|week|year){_NOT_SHIFT}\b"
    rf"|\s+(?:per|a)\s+(?:day|night){_NOT_SHIFT}\b|\s+each\b",
    re.IGNORECASE,
)
# "… a month, alongside some 2,500 decoys": the rate told before the figure
_RATE_LEFT = re.compile(rf"\b(?:a|per)\s+(?:month|week|year)\b{_NOT_SHIFT}[^.;:]{{0,40}}$", re.IGNORECASE)
# Drones "lost from location" or that "disappeared from radar" were neither launched at a target nor shot down.
_LOST_RIGHT = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:disappeared|vanished|were\s+[\"“]?(?:\w+\s+)?lost|lost\s+from|went\s+missing"
    r"|(?:were\s+)?lost\s+(?:in\s+)?location"  # "62 UAVs were locationally lost" (to electronic warfare)
    r"|(?:were\s+)?lost\s+to\s+(?:electronic|radio-electronic|jamming|EW|countermeasures)"  # "208 drones lost to jamming"
    # "three drones were still flying over Ukrainian territory when the report was published"
    r"|(?:were|was|remained)\s+still\s+(?:flying|in\s+the\s+air|airborne)|remained\s+(?:in\s+the\s+air|airborne)"
    # "two drones flew on towards Belarus", "left Ukrainian airspace": gone elsewhere, no launch of their own
    r"|flew\s+on\s+(?:towards?|into|to|across)|left\s+(?:\w+\s+)?airspace|crossed\s+into)",
    re.IGNORECASE,
)
# Headline style: "48 Ukrainian drones downed"
_INTERCEPT_PARTICIPLE = re.compile(
    r"^\s+(?:downed|shot\s+down|intercepted)\b(?!\s+(?:(?:an?|the)\b|\d))", re.IGNORECASE
)
# "two attack drones launched the same night were also destroyed": the count is of those downed,
# unless it is the whole of a part ("six of eight Shahed drones launched at the region were destroyed")
_LAUNCHED_THEN_DOWNED = re.compile(
    rf"\s+(?:launched|fired)(?:\s+(?!were\b|was\b)[\w-]+){{0,4}}?\s+(?:were|was)(?:\s+(?:also|all|later))?\s+(?:{L.INTERCEPT_VERBS})\b",
    re.IGNORECASE,
)
_BREAKDOWN_FOLLOWS = re.compile(
    rf"\s+of\s+(?:them|these|those)\s+(?:were|was|had\s+been)\s+(?:\w+\s+){{0,2}}?(?:{L.INTERCEPT_VERBS})\s*[—–:-]\s*\d",
    re.IGNORECASE,
)
_PART_OF_LEFT = re.compile(r"\bof\s+(?:the\s+)?$", re.IGNORECASE)
# A prisoner exchange counts people handed over, not casualties.
_SWAP_LEFT = re.compile(
    r"\b(?:hand(?:ed|ing)\s+over|exchang(?:ed|ing)|swapp(?:ed|ing)|return(?:ed|ing)|releas(?:ed|ing)|repatriat(?:ed|ing)"
    r"|freed|freeing)\s+(?:\w+\s+){0,3}$",
    re.I,
)
_OF_WHICH_LEFT = re.compile(r"\bof\s+(?:which|them|these|those)\s*,?\s*$", re.IGNORECASE)
_SINCE_WAR = L.lc(
    r"\bsince\b(?!\s+(?:midnight|dawn|(?:this|early)\s+morning|last\s+night|the\s+(?:morning|evening|night)|\d{1,2}"
    r"(?::\d\d)?\s*(?:a\.?m|p\.?m)))|\bthroughout\s+the\s+war\b|\bthe\s+war\s+has\b|\bwar\s+that\s+has\b",
)
# Whole-clause signs of a period total: "In June 2025, at least 232 civilians were killed …"
# (every alternative but the first opens with a word boundary, written once in front of them: ``re``
# then skips an alternative on its first letter, which made this pattern 4.7x faster)
_PERIOD = L.lc(
    rf"^\s*(?:in|during|over)\s+(?:the\s+month\s+of\s+)?{L.MONTH}(?:\s+20\d\d)?\s*,"
    # a monitor's count of a period: "In September 2022 the mission recorded 1,034 civilian casualties"
    r"|\b(?:recorded|documented|verified|registered)\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?\d[\d,]*"
    r"\s+civilian\s+(?:casualties|deaths)\b"
    r"|\b(?:monthly\b|verified\b(?!\s+that\b)"
    # a monitor's figures, unless for one day's incident ("alarmed by the shelling of a market … on Sunday")
    r"|monitoring\s+mission\b(?![^.]*\bon\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b)"
    # "recorded 286 civilian deaths … during July 2025", "killed in the border regions during the year"
    rf"|(?:during|throughout)\s+(?:the\s+month\s+of\s+)?{L.MONTH}\b|(?:during|throughout|over)\s+the\s+(?:whole\s+)?year\b"
    rf"|{L.MONTH}\s+alone\b"
    r"|so\s+far\b|this\s+year\b|in\s+20\d\d\b"
    # a month's toll: "at least 139 civilians were killed and 738 injured in Ukraine in January 2025"
    rf"|(?:killed|injured|wounded|dead|died|casualties)\b[^.;]{{0,60}}\bin\s+{L.MONTH}\s+20\d\d\b"
    r"|over\s+the\s+past\s+(?:day|24\s+hours|week|month)"
    r"|(?:over|in|during|within)\s+(?:the\s+(?:past|last|previous)\s+)?(?:seven|eight|nine|ten|fourteen|\d{2}|a|one|the)"
    r"\s+(?:days|weeks?|months?)\b|last\s+week\b[^.]{0,40}\bover\b"
    r"|(?:a|one|two|three|\d+)\s+years?\s+(?:on|into|after)\b|since\s+the\s+(?:full-scale\s+)?invasion\b"
    r"|since\s+the\s+(?:start|beginning|outbreak|launch)\s+of\s+(?:the\s+|russia['’]s\s+)?(?:full-scale\s+)?(?:invasion|war)\b"
    r"|since\s+(?:24\s+)?february\s+(?:24,?\s+)?2022\b)"
)
# A period that makes a weapon figure a tally of many attacks (a single day's or night's is one barrage).
# "Over the past day, the region was attacked by 43 drones", "… 70 drones and 40 shells at 15
# settlements": a day's total over many places and attacks (not "fired 12 rounds at Horlivka in the
# past 24 hours", one town's day)
_DAY_TOTAL = L.lc(r"\b(?:over|in|during|within|for)\s+the\s+(?:past|last|previous)\s+(?:day|24\s+hours)\b")
_MANY_PLACES = L.lc(
    r"\b(?:\d+|several|many|numerous|dozens\s+of|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:settlements|villages|towns"
    r"|communities|hromadas|localities|districts|regions|oblasts)\b|\bthe\s+(?:region|oblast)\b"
)
_WEAPON_PERIOD = L.lc(
    # (not "Earlier in the week, Ukraine had fired six ATACMS": when, not how long)
    r"(?<!earlier\s)(?<!later\s)\b(?:over|in|during|within)\s+(?:the\s+(?:past|last|previous)\s+)?(?:seven|eight|nine"
    r"|ten|fourteen|\d{2}|a|one|the|two|three|four|several)\s+(?:weeks?|months?|years?)\b"
    r"|\b(?:over|in|during|within)\s+(?:the\s+(?:past|last|previous)\s+)?(?:seven|eight|nine|ten|fourteen|\d{2})\s+days\b"
    r"|\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:week|fortnight|month|year)\b"
    # "In 2024 alone, Russia used more than 40,000 guided bombs": a year's
    rf"|\bin\s+20\d\d\b|\b(?:20\d\d|year|month|week|{L.MONTH})\s+alone\b"
    # "Last winter the enemy used more than five hundred Shaheds": a season's tally
    r"|\b(?:last|this|past|previous)\s+(?:winter|summer|autumn|spring)\b|\b(?:over|during|throughout)\s+the\s+(?:winter|summer|autumn|spring)\b"
    # "Counting from January, over 9,000 drones have been launched"
    rf"|\b(?:since|counting\s+from|from)\s+(?:the\s+(?:start|beginning)\s+of\s+)?{L.MONTH}\b(?!\s+\d)"
    r"|\bsince\s+the\s+(?:start|beginning|outbreak)\b|\bsince\s+the\s+(?:full-scale\s+)?invasion\b"
    # "In most months of this year, upward of 5,000 drones have been fired": a month's rate
    r"|\b(?:in\s+(?:most|many|some|all)\s+(?:of\s+the\s+)?months|(?:each|every|per)\s+month)\b"
)
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?\w+ed\b|\b(?:has|have|had)\s+(?:launched|killed|fired|sent)\b",
    re.I,
)
# "8,000 civilians have been killed in Ukraine": a toll that has been growing, not one strike's
_WAR_TOLL_RIGHT = re.compile(
    rf"^(?:\s+{_PEOPLE})?\s+(?:have|has)\s+(?:now\s+)?been\s+(?:killed|injured|wounded)", re.I
)
_MILITARY_CLAIM_RIGHT = re.compile(
    r"^\s+(?:\w+\s+)?(?:officers|servicemen|soldiers|troops|generals|militants|fighters|personnel|mercenaries"
    r"|commanders|sailors|crew\s+members|marines|paratroopers)\b",
    re.IGNORECASE,
)
# ranks and hired fighters are counted only in one side's claims of the other's losses
_ENEMY_LOSSES_RIGHT = re.compile(
    r"^\s+(?:\w+\s+)?(?:generals|officers|mercenaries|instructors|commanders|colonels|militants|nationalists)\b",
    re.IGNORECASE,
)
_CLAIM = re.compile(r"\bclaim(?:ed|s|ing)?\b", re.IGNORECASE)
_RETRACTED = re.compile(
    r"\b(?:initially|at\s+first|first)\s+(?:reported|said|announced)\b.{0,120}\b(?:amend\w*|revis\w*|retract\w*"
    r"|correct\w*|withdr[ae]w\w*)\b",
    re.IGNORECASE,
)
# "were shot down", "have been confirmed shot down", "were reportedly destroyed"
_PASSIVE = r"(?:were|was|had\s+been|have\s+been|has\s+been)(?:\s+(?:confirmed(?:\s+as)?|reportedly|successfully|also|later))?"
# "59 missiles and 54 drones were shot down": the verb after the list covers every figure in it
_SMALL_WORDS = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|all)"
_LIST_THEN_INTERCEPTED = re.compile(
    rf"^(?:\s*(?:,|and|as\s+well\s+as)\s+(?:about\s+|some\s+|over\s+|more\s+than\s+)?(?:[\d,]+|{_SMALL_WORDS}|{WORD_NUMBER}"
    rf"|every|all\s+(?:the\s+)?)\s+"  # ("30 of the missiles and every drone were shot down")
    # (the words naming each item, no new clause: not "29 drones that night and that 7 missiles were shot down")
    rf"(?!of\s+(?:which|them|these|those)\b|were\b|was\b)(?:(?!\bthat\b)[\w\s-]){{1,40}}?)+"
    rf"\s+(?:{_PASSIVE}\s+(?:{L.INTERCEPT_VERBS})\b"
    # a bulletin's participle: "Air defence: 200 drones and 8 missiles shot down"
    r"|(?:downed|shot\s+down|intercepted|destroyed)\b(?!\s+(?:(?:an?|the)\b|\d)))",
    re.IGNORECASE,
)
# "Kh-101: 40 of 46": shot down out of launched, by model
_MODEL_TALLY = re.compile(r"\s*[:–-]\s*(?P<a>\d{1,4})\s+(?:of|out\s+of|/)\s+(?P<b>\d{1,4})\b")
_ALL_INTERCEPTED = re.compile(
    rf"\ball\s+(?:of\s+them|of\s+these|of\s+which|\w+)?\s*{_PASSIVE}\s+(?:{L.INTERCEPT_VERBS})\b"
    # "air defences destroyed every one of them", "shot down all of them"
    rf"|\b(?:{L.INTERCEPT_VERBS})\s+(?:every\s+(?:single\s+)?one|all|each)\s+of\s+(?:them|these|those)\b",
    re.IGNORECASE,
)
# "put the number shot down or jammed at": the figures downed follow
_DOWNED_AT = r"\b(?:number|total|figure)\s+(?:of\s+\w+\s+)?(?:shot\s+down|downed|intercepted|destroyed)\b[^.;]{0,20}?\s+at"
_TOLL_AT_LEFT = re.compile(
    r"\b(?:toll|number\s+of\s+(?:dead|deaths|injured|wounded|casualties|victims)|(?:dead|injured|wounded)\s+(?:was\s+)?put)"
    r"(?:\s+\w+){0,3}?\s+(?:stood|stands|was|is|remained|remains|put|at)?\s*at\s*$"
    # a night's tally: "The air force put the night's total at 14 Iskander-M missiles and 250 drones"
    r"|\b(?:total|tally|count)\s+(?:stood\s+|was\s+)?at\s*$"
    rf"|{_DOWNED_AT}\s*$",
    re.IGNORECASE,
)
# "It put the number shot down or jammed at 288 drones and three missiles": the figures downed
_NUMBER_DOWNED_AT = re.compile(
    rf"{_DOWNED_AT}\s+"
    r"(?:[\w,]+\s+[\w-]+(?:\s+(?:and|,)\s+)?){0,6}$",
    re.IGNORECASE,
)
# "Air defences accounted for 623 drones and 50 missiles": downed
_DEFENCES_ACCOUNTED_LEFT = re.compile(
    r"\b(?:air\s+defen[cs]es?|defenders|air\s+defen[cs]e\s+(?:units|forces|systems))\s+(?:\w+\s+)?accounted\s+for\s+"
    r"(?:a\s+total\s+of\s+)?(?:[\w,]+\s+[\w-]+(?:\s+(?:and|,)\s+)?){0,6}$",
    re.IGNORECASE,
)
_OF_THE = re.compile(r"^\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_COORD = re.compile(
    r"\s*(?:,|and|,\s*and|as\s+well\s+as|plus)\s*(?:all\s+(?:the\s+)?)?", re.IGNORECASE
)  # "… and all eight drones"
_ONE_HIT_RIGHT = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:slammed|smashed|crashed|hit|struck|landed|exploded|fell|plunged|ploughed|tore)\b",
    re.IGNORECASE,
)
_HIT_RIGHT = re.compile(  # ("the two ballistic missiles that got through")
    r"^\s+(?:(?:that|which)\s+)?(?:(?:hit|struck|reached)\s+(?:their\s+|its\s+)?(?:intended\s+)?targets?|were\s+not\s+intercepted"
    r"|got\s+through|evaded\s+(?:air\s+)?defen[cs]es|were\s+not\s+shot\s+down)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class WeaponMention:
    kind: str
    model: str | None
    start: int  # offsets in the clause text
    end: int
    cls: str | None = None  # "cruise" or "ballistic", for a missile named only by its class

    @property
    def key(self) -> tuple[str, str | None]:
        """The weapon a figure is counted against: the model, else the class as "~cruise"
        ("21 of the cruise missiles and five of the ballistic missiles": two figures, two weapons),
        which the attack resolves to the one model of that class it names."""
        return (self.kind, self.model or (f"~{self.cls}" if self.cls else None))


@dataclass(frozen=True, slots=True)
class CountFacts:
    """What the numbers of one clause say."""

    killed: Count | None = None
    injured: Count | None = None
    killed_update: bool = False
    injured_update: bool = False
    weapons: tuple[
        tuple[str, str | None, Count | None, Count | None], ...
    ] = ()  # kind, model, launched, intercepted
    kinds: tuple[WeaponMention, ...] = ()
    numbers_used: int = 0
    last_weapon: tuple[str, str | None] | None = None


def weapon_mentions(text: str) -> list[WeaponMention]:
    """Weapon models and nouns in ``text``; a model wins over the noun it sits in front of."""
    found: list[WeaponMention] = []
    low = L.lower(text)
    for s, e, i in _WEAPONS.finditer(low):
        kind, name = _WEAPON_TABLE[i]
        if kind == "artillery" and low[s:e] == "shells" and re.search(r"\bhollowed\s+$", text[:s]):
            continue
        cls = None
        if kind == "missile" and name is None:
            c = _MISSILE_CLASS_LEFT.search(text, max(0, s - 24), s)
            cls = c.group(1).lower() if c else None
        found.append(WeaponMention(kind, name, s, e, cls))
    return _fold_model_nouns(found, text)


_MISSILE_CLASS_LEFT = re.compile(r"\b(cruise|ballistic)\s+$", re.IGNORECASE)


_TYPES_LEFT = re.compile(r"\b(?:including|such\s+as|among\s+them)\s+(?:the\s+)?$", re.IGNORECASE)


def _fold_model_nouns(found: list[WeaponMention], text: str) -> list[WeaponMention]:
    """'Iskander-M ballistic missiles' is one weapon: the model, with the noun's extent."""
    out: list[WeaponMention] = []
    types_list = False  # the last model opens or continues "including Kinzhal, Kalibr and Iskander-M"
    for w in found:
        joiner = text[out[-1].end : w.start] if out else ""
        listing = re.fullmatch(r"\s*(?:and|or|,)\s*", joiner) is not None
        if out and out[-1].model and _TYPES_LEFT.search(text, max(0, out[-1].start - 16), out[-1].start):
            types_list = True
        if (
            out
            and out[-1].model
            and w.model
            and out[-1].kind == w.kind
            and re.fullmatch(r"\s*(?:and|or|/|,)\s*", joiner)
            # ("22 missiles, including Kinzhal and Iskander-M": the types among them, two models)
            and not (types_list and listing)
        ):
            prev = out[-1]  # "20 Kh-101 and Kh-555 cruise missiles": one count for both models
            out[-1] = WeaponMention(prev.kind, f"{prev.model}/{w.model}", prev.start, w.end)
            continue
        if out and out[-1].model and w.model is None:
            gap = text[out[-1].end : w.start]
            if _only_modifiers(gap) and (
                out[-1].kind == w.kind or w.kind in ("missile", "drone", "rocket", "bomb")
            ):
                prev = out[-1]
                kind = prev.kind if w.kind != "glide_bomb" else w.kind
                out[-1] = WeaponMention(kind, prev.model, prev.start, w.end)
                continue
        if out and out[-1].model is None and w.model is None and out[-1].end == w.start:
            continue
        if (
            out
            and out[-1].model is None
            and w.model is not None
            and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[out[-1].end : w.start])
            and re.match(r"\s*-?\s*(?:types?|class|family)\b", text[w.end : w.end + 10])
        ):
            prev = out[-1]  # "810 strike UAVs of the Shahed type": the noun, of that model
            out[-1] = WeaponMention(prev.kind, w.model, prev.start, w.end)
            continue
        if (
            out
            and out[-1].model is None
            and w.model is not None
            and out[-1].kind == w.kind
            and re.fullmatch(r"\s+(?:of\s+(?:the\s+)?)?(?:types?\s+)?", text[out[-1].end : w.start])
        ):
            # a translation's "20 cruise missiles X-101", "12 guided missiles Kh-59": the noun, of that model
            prev = out[-1]
            out[-1] = WeaponMention(prev.kind, w.model, prev.start, w.end)
            continue
        if out and out[-1].model and w.model == out[-1].model and re.fullmatch(r"\s*\(\s*", joiner):
            prev = out[-1]  # "X-101 (Kh-101)": one model under two spellings
            out[-1] = WeaponMention(prev.kind, prev.model, prev.start, w.end)
            continue
        if not (w.model and listing):
            types_list = False
        out.append(w)
    return out


_LINE_HEAD = re.compile(r"[\s•·*▪►▸–—-]*(?:\ufe0f\s*)?")
_LINE_COUNTS = re.compile(
    rf"(?P<a>\d{{1,4}})(?:\s+(?:launched|fired|used))?"
    rf"(?:\s*[,;]\s*(?:(?P<b>\d{{1,4}})\s+(?:were\s+)?(?:{L.INTERCEPT_VERBS})"
    # "— 29, destroyed — 29"
    rf"|(?:{L.INTERCEPT_VERBS})\s*(?:[:—–]|-\s)\s*(?P<b2>\d{{1,4}})))?\s*[.;,]?\s*$",
    re.IGNORECASE,
)
# between a list line's model and its figures: a colon, or a dash set off by spaces
_LINE_SEP = re.compile(r":|\s[—–-]\s")


def _model_line(
    text: str, weapons: list[WeaponMention]
) -> tuple[tuple[str, str | None], re.Match[str]] | None:
    """A list line that opens with a weapon model and gives its figures after a colon."""
    if not weapons:
        return None
    head = _LINE_HEAD.match(text).end()  # type: ignore[union-attr]
    w = weapons[0]
    # ("Cruise missiles - 70, destroyed - 51": a class's line counts as well as a model's)
    if w.start != head and not (w.model is None and _only_modifiers(text[head : w.start])):
        return None
    sep = _LINE_SEP.search(text, w.end)
    # what lies between the model and the separator describes it (launchers, carriers, areas): no figures
    if sep is None or re.search(r"(?<![\w-])\d+(?![\w-])", text[w.end : sep.start()]):
        return None
    rest = text[sep.end() :]
    m = _LINE_COUNTS.match(text, sep.end() + len(rest) - len(rest.lstrip()))
    if m is None:
        return None
    return w.key, m


_LAUNCH_COLUMN = re.compile(r"\b(?:launched|fired|used|sent|total)\b", re.IGNORECASE)
_DOWN_COLUMN = re.compile(rf"\b(?:{L.INTERCEPT_VERBS}|suppressed|down)\b", re.IGNORECASE)


def table_row(row: str, header: str) -> CountFacts | None:
    """A row of an air-force table ("Shahed and Gerbera drones | 579 | 552") under its header
    ("Type | launched | shot down/suppressed"): the weapon in the first cell, each figure in the
    column the header names."""
    sep = "|" if "|" in row else "\t"  # (a table pasted from a bulletin is tab-separated)
    cells = [c.strip() for c in row.strip().strip(sep).split(sep)]
    heads = [c.strip() for c in header.strip().strip(sep).split(sep)]
    if len(cells) < 2 or len(cells) != len(heads):
        return None
    weapons = weapon_mentions(cells[0])
    if not weapons:
        return None
    w = weapons[0]
    launched = intercepted = None
    for cell, head in zip(cells[1:], heads[1:], strict=True):
        if not re.fullmatch(r"\d{1,5}", cell):
            continue
        if _DOWN_COLUMN.search(head):
            intercepted = intercepted or Count.exact(int(cell))
        elif _LAUNCH_COLUMN.search(head):
            launched = launched or Count.exact(int(cell))
    if launched is None and intercepted is None:
        return None
    return CountFacts(
        weapons=((w.kind, w.model, launched, intercepted),),
        kinds=(w,),
        numbers_used=(launched is not None) + (intercepted is not None),
        last_weapon=(w.kind, w.model),
    )


def _only_modifiers(gap: str) -> bool:
    pos = 0
    while pos < len(gap):
        m = _MODIFIER.match(gap, pos)
        if not m or m.end() == pos:
            return gap[pos:].strip() == ""
        pos = m.end()
    return True


def _weapon_right_after(text: str, end: int, weapons: list[WeaponMention]) -> WeaponMention | None:
    for w in weapons:
        if w.start < end:
            continue
        gap = text[end : w.start]
        if len(gap) > 60:
            return None
        if _only_modifiers(gap):
            return w
        return None
    return None


_BARE_INTERCEPT_LEFT = re.compile(
    r"\b(?:shot\s+down|downed|brought\s+down|intercepted|destroyed|neutrali[sz]ed)\s+(?:(?:a\s+total\s+of|all\s+but|only)\s+)?$",
    re.IGNORECASE,
)
_ALL_LEFT = re.compile(r"(?i)\ball\s+(?:the\s+)?$")
# "of the 120 missiles and 90 drones, 104 missiles and 42 drones were shot down": the figures after
# "of the" are the whole that the later ones are part of, however the list ends
_PARTITION_HEAD_LEFT = re.compile(
    r"(?i)\bof\s+(?:the|all\s+the)\s+(?:\d[\d,]*\s+[\w-]+(?:\s+[\w-]+)?\s+and\s+)?$"
)
_ALL_DOWN_RIGHT = re.compile(
    rf"\s*,?\s*(?:and\s+)?all\s+(?:of\s+them\s+|of\s+which\s+)?(?:were\s+|was\s+|had\s+been\s+)?(?:{L.INTERCEPT_VERBS})\b",
    re.IGNORECASE,
)
_ALL_THAT_LAUNCHED = re.compile(
    r"\s+(?:that|which)\s+(?:[\w’'-]+\s+){0,3}(?:had\s+|have\s+)?(?:launched|fired|sent)\b", re.IGNORECASE
)
# what may follow a bare "destroyed four": the end of the clause, or who said so
_BARE_INTERCEPT_RIGHT = re.compile(
    r"\s*(?:[.;]|$|,\s+(?:[^,.;]{0,80}\s)?(?:said|says|reported|reports|wrote|writes|added)\b|,\s+according\s+to\b"
    # "air defence destroyed 103 and another 67 vanished from radar"
    r"|,?\s+(?:and|while)\s+(?:another|a\s+further)\s+[\d,]+\b"
    # "Air defences intercepted two, and two hit the port's infrastructure"
    r"|,?\s+(?:and|while|but)\s+(?:the\s+(?:other|remaining)\s+)?(?:\d+|one|two|three|four|five|six|seven|eight|nine"
    r"|ten)\s+(?:(?:of\s+them|others?)\s+)?(?:hit|struck|reached|got\s+through)\b)",
    re.IGNORECASE,
)
_CONJ_ONLY = re.compile(r"\s*(?:and|or|&|/|plus)\s*", re.IGNORECASE)


def _conjoined_kind(text: str, w: WeaponMention, weapons: list[WeaponMention]) -> bool:
    """Whether another kind of weapon follows ``w`` joined by a bare "and" ("missiles and drones")."""
    nxt = next((x for x in weapons if x.start >= w.end), None)
    return (
        nxt is not None
        and nxt.kind != w.kind
        and nxt.start - w.end <= 8
        and _CONJ_ONLY.fullmatch(text, w.end, nxt.start) is not None
    )


def _credit(
    table: dict[tuple[str, str | None], Count],
    order: list[tuple[str, str | None]],
    key: tuple[str, str | None],
    count: Count,
) -> int:
    """Give ``count`` to weapon ``key`` unless it has one already; 1, the number used up."""
    table.setdefault(key, count)
    if key not in order:
        order.append(key)
    return 1


_FEARED_RIGHT = re.compile(
    r"^\s+(?:[\w-]+\s+){0,3}?(?:are|were|is|was|remain)\s+(?:still\s+)?(?:feared|believed|presumed|missing|unaccounted)\b",
    re.IGNORECASE,
)


_FIRED_FROM = re.compile(
    r"\s+(?:fired|launched)\s+(?:from|by)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?$", re.I
)


def _launcher_model(
    text: str, w: WeaponMention, weapons: list[WeaponMention]
) -> tuple[str, str | None] | None:
    """The model of the launcher a counted weapon was fired from, where the text names it right after."""
    for x in weapons:
        if x.start >= w.end and x.kind == w.kind and x.model and _FIRED_FROM.fullmatch(text, w.end, x.start):
            return x.key
    return None


_FIGURE_DASH = re.compile(r"^(\s*\d[\d,]*)\s+[—–]\s+(?=[A-Za-z])")
_QUOTED = re.compile(r"[\"“‘]([^\"”’\n]{1,60})[\"”’]|(?<!\w)'([^'\n]{1,60})'(?!\w)")


def classify(text: str, prior: tuple[str, str | None] | None = None, lead: str = "") -> CountFacts:
    """Read the casualty and weapon counts of one clause.

    ``prior`` is the last weapon named before this clause ("…launched 20 missiles; 18 of them
    were destroyed"), which "of them" may refer to; ``lead`` is the sentence before the clause,
    whose period ("Since the start of the invasion, … while … 40 injured") covers it too.
    """
    # a "by the numbers" line: "75 — Shahed-type drones Russia launched" reads as "75 Shahed-type drones"
    # (the dash becomes spaces, so every offset stays where it was)
    text = _FIGURE_DASH.sub(lambda m: m.group(1) + " " * (m.end() - m.end(1)), text, count=1)
    numbers = [n for n in find_numbers(text) if _plausible(text, n)]
    if L.FALSITY.search(text):
        # a figure passed as false or viral: "a figure of '130 dead' is circulating", "Posts claiming
        # 'over 200 dead' inflate the toll", "that 'more than 1,000 drones' were used"
        quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
        numbers = [n for n in numbers if not any(a <= n.start < b for a, b in quoted)]
    weapons = weapon_mentions(text)
    numbers += _single_weapons(text, numbers, weapons)
    killed = injured = None
    k_upd = i_upd = False
    launched: dict[tuple[str, str | None], Count] = {}
    intercepted: dict[tuple[str, str | None], Count] = {}
    order: list[tuple[str, str | None]] = []
    used = 0
    last_weapon: tuple[str, str | None] | None = prior
    prev_end: int | None = None
    prev_intercepted = False
    prev_count: Count | None = None
    low = L.lower(text)
    aggregate = L.AGGREGATE_CUES.search(low) is not None or _SINCE_WAR.search(low) is not None
    retracted = _RETRACTED.search(text) is not None
    period_total = is_period_total(low) or (bool(lead) and is_period_total(L.lower(lead)))

    tallied: set[int] = set()
    for wm in weapons:
        t = _MODEL_TALLY.match(text, wm.end)
        if t is None or wm.model is None:
            continue
        a, b = int(t.group("a")), int(t.group("b"))
        if a <= b:
            key: tuple[str, str | None] = (wm.kind, wm.model)
            intercepted.setdefault(key, Count.exact(a))
            launched.setdefault(key, Count.exact(b))
            if key not in order:
                order.append(key)
            used += 2
            tallied.update(range(t.start("a"), t.end("b")))
    line = _model_line(text, weapons)
    if line is not None:
        # "• Kh-22 missiles from Tu-22M3 bombers: 6 launched", "• Kalibr (sea-launched): 20 launched, 14
        # destroyed", "• S-300 missiles fired at ground targets: 13": an air-force list, a line a model
        key, lm = line
        b_group = "b" if lm.group("b") else "b2"
        launched.setdefault(key, Count.exact(int(lm.group("a"))))
        if lm.group(b_group):
            intercepted.setdefault(key, Count.exact(int(lm.group(b_group))))
        order.append(key)
        used += 2 if lm.group(b_group) else 1
        last_weapon = key
        tallied.update({lm.start("a"), lm.start(b_group)})
    numbers = [n for n in numbers if n.start not in tallied]
    for n in numbers:
        left = text[max(0, n.start - 160) : n.start]
        right = text[n.end : n.end + 120]
        blocked = _NOT_COUNT_LEFT.search(left[-24:])
        if blocked is not None and blocked.group(0).lower().startswith("at") and _TOLL_AT_LEFT.search(left):
            blocked = None  # "the death toll stood at 48": a toll, not a time or a place
        if _NOT_COUNT_RIGHT.match(right) or blocked is not None or _OVER_SEVERAL_RIGHT.match(right):
            continue
        if _WITHDRAWN_LEFT.search(left[-80:]) or _WITHDRAWN_RIGHT.match(right):
            continue  # a corrections log: 'removed a claim of "200 missiles"', '"5 killed" replaced by "at least 7"'
        if n.vague and not _vague_quantifies(n, right):
            continue
        w = _weapon_right_after(text, n.end, weapons)
        if w is not None and (
            _NOT_LAUNCHED_LEFT.search(left)
            or _NOT_LAUNCH_RIGHT.match(text, w.end, w.end + 80)
            or _RATE_LEFT.search(left[-60:])
        ):
            continue
        if (
            w is not None
            and re.match(r"\s+of\s+(?:the|these|those|its|their)\s", right)
            and not L.INTERCEPT_RE.search(left[-60:] + right[:80])
        ):
            continue  # "One of the drones struck a dormitory": a part of a wave counted elsewhere
        if w is not None and _conjoined_kind(text, w, weapons):
            continue  # "more than 200 missiles and drones": one figure for two kinds, a count of neither
        if w is not None and (
            _WEAPON_PERIOD.search(low, 0, n.start) or (_DAY_TOTAL.search(low) and _MANY_PLACES.search(low))
        ):
            continue  # "over seven days its forces had destroyed 457 UAVs": a week's tally, no one attack
        if w is not None:
            key = w.key
            if w.model is None and (launcher := _launcher_model(text, w, weapons)) is not None:
                key = launcher  # "10 rockets fired from a Vampire multiple-launch rocket system"
            if (
                (_HIT_RIGHT.match(text[w.end : w.end + 60]) and not _launch_near(left))
                or _LOST_RIGHT.match(text[w.end : w.end + 60])
                # "One drone slammed into the eighth floor": one weapon's impact, like "a missile hit"
                or (n.text.lower() == "one" and _ONE_HIT_RIGHT.match(text, w.end) and not _launch_near(left))
            ):
                last_weapon = key
                continue  # "12 missiles hit their targets", "40 drones disappeared from radar"
            if aggregate and _aggregate_near(text, n.start, w.end):
                continue
            coordinated = prev_end is not None and _COORD.fullmatch(text[prev_end : n.start]) is not None
            of_which = (_OF_WHICH_LEFT.search(left) or _ALL_LEFT.search(left[-12:])) and re.search(
                rf"\b{_PASSIVE}\s+(?:{L.INTERCEPT_VERBS})\b",
                text[w.end : w.end + 80],
                re.IGNORECASE,
            )
            # "two attack drones launched the same night were also destroyed": downed, and launched too
            launched_then_downed = bool(
                _LAUNCHED_THEN_DOWNED.match(text, w.end) and not _PART_OF_LEFT.search(left)
            )
            if (
                of_which
                or _INTERCEPT_LEFT.search(left)
                or _INTERCEPT_RIGHT.match(text[w.end : w.end + 60])
                or (
                    _LIST_THEN_INTERCEPTED.match(text[w.end : w.end + 120])
                    and not _PARTITION_HEAD_LEFT.search(left)
                )
                or _INTERCEPT_PARTICIPLE.match(text[w.end : w.end + 30])
                or launched_then_downed
                or (coordinated and prev_intercepted)
                or _NUMBER_DOWNED_AT.search(left) is not None
                or _DEFENCES_ACCOUNTED_LEFT.search(left) is not None
                # "destroyed 81 missiles, including 80 Kh-101 …": the part of a figure shot down was too
                or (
                    prev_intercepted
                    and prev_end is not None
                    and _INCLUDING_GAP.fullmatch(text, prev_end, n.start)
                )
                # "146 drones had been downed …, along with six ATACMS and four Storm Shadow missiles"
                or (_ALONG_WITH_LEFT.search(left) is not None and _downed_before(text, n.start))
            ):
                if key not in intercepted:
                    intercepted[key] = n.count
                    if key not in order:
                        order.append(key)
                    used += 1
                    if launched_then_downed:
                        launched.setdefault(key, n.count)
                    if (
                        _ALL_LEFT.search(left[-12:])
                        and (_ALL_THAT_LAUNCHED.match(text, w.end) or not _INTERCEPT_LEFT.search(left))
                    ) or _ALL_DOWN_RIGHT.match(text, w.end):
                        # "shot down all nine Shahed drones that Russia launched", "All 29 cruise missiles
                        # … were destroyed", "4 Kalibr cruise missiles, all shot down": every one
                        # launched was downed
                        launched.setdefault(key, n.count)
                prev_intercepted = True
            else:
                if key not in launched:
                    count = n.count
                    if (
                        coordinated
                        and prev_count is not None
                        and count.qualifier == "exact"
                        and n.text[:1].isdigit()
                        and prev_count.qualifier in ("approx", "at_least", "at_most")
                    ):
                        count = _requalify(count, prev_count.qualifier)  # "around 48 missiles and 470 drones"
                    launched[key] = count
                    if key not in order:
                        order.append(key)
                    used += 1
                prev_intercepted = False
            last_weapon = key
            prev_end = w.end
            prev_count = launched.get(key) if not prev_intercepted else intercepted.get(key)
            continue
        # "438 of the 464 drones" / "(55 were shot down)" / "of which 40 were intercepted"
        if _BREAKDOWN_FOLLOWS.match(right):
            continue  # "57 of them were shot down — 18 missiles and 39 drones": the breakdown counts them
        of_w = _weapon_after_of(text, n.end, weapons)
        if of_w is not None and (_INTERCEPT_LEFT.search(left) or _INTERCEPT_RIGHT.match(right)
                                 or re.search(r"\b(?:shot\s+down|intercepted|destroyed|downed)\b", text, re.I)):  # fmt: skip
            used += _credit(intercepted, order, of_w.key, n.count)
            continue
        if (
            last_weapon is not None
            and re.match(r"\s+of\s+(?:them|these|those)\b", right)
            and _INTERCEPT_LEFT.search(left)
            and not n.vague
        ):
            used += _credit(intercepted, order, last_weapon, n.count)  # "Air defence shot down 95 of them"
            continue
        if (
            last_weapon is not None
            and not n.vague
            and _BARE_INTERCEPT_LEFT.search(left)
            and _BARE_INTERCEPT_RIGHT.match(right)
        ):
            # "fired 38 missiles … and that its units had shot down 30.": of the weapon just counted
            used += _credit(intercepted, order, last_weapon, n.count)
            continue
        if (
            last_weapon is not None
            and not n.vague
            and (re.search(r"(?i)\bof\s+the\s+$", left) or re.fullmatch(r"[\s•·*-]*", left[-6:]))
            and re.match(r"\s+(?:were\s+)?(?:launched|fired)\b", right)
        ):
            # "Of the four launched, two were brought down"; under a model's line, "28 launched, 20 destroyed"
            # "the missiles were Kalibrs … Of the four launched at the city, two were brought down"
            used += _credit(launched, order, last_weapon, n.count)
            continue
        if (
            last_weapon is not None
            and not n.vague
            and lead.rstrip().endswith(":")
            and not text[: n.start].strip()
            and re.fullmatch(r"\s*[.;,]?\s*", text[n.end :])
        ):
            # "• S-300 missiles fired at ground targets: 13;": a list line's one figure, the launched
            used += _credit(launched, order, last_weapon, n.count)
            continue
        if last_weapon is not None and _INTERCEPT_RIGHT.match(right) and not n.vague:
            used += _credit(intercepted, order, last_weapon, n.count)
            continue
        if aggregate and _aggregate_near(text, n.start, n.end + 40):
            continue
        if period_total or ((aggregate or _WAR_TOLL_RIGHT.match(right)) and (n.count.best or 0) >= 1000):
            continue  # a month's or a war's toll, not one attack's
        if (n.count.best or 0) > 5000:
            continue  # no single attack of this war has killed or hurt thousands: a war total
        if _PEOPLE_SUBJECT_OTHER.match(right) or _FEARED_RIGHT.match(right):
            continue  # (also "up to sixty people are feared dead": no confirmed toll)
        if (
            _INCREMENT_RIGHT.match(right)
            and not _HARM_VERB_LEFT.search(left)
            and not _MORE_HURT_RIGHT.match(right)
        ) or _SWAP_LEFT.search(left[-60:]):
            continue  # "rose by three more" adds to a toll; "injuring two more people" is a count
        if (_MILITARY_CLAIM_RIGHT.match(right) and _CLAIM.search(text)) or _ENEMY_LOSSES_RIGHT.match(right):
            continue  # "claimed that 34 officers had died", "up to two generals": claims of enemy losses
        if retracted:
            continue  # "initially reported one killed before amending that to 'missing'"
        if killed is None and (
            _KILLED_RIGHT.match(right)
            or (_LIVES_RIGHT.match(right) and _LIVES_LEFT.search(left))
            or _KILLED_LEFT.search(left)
            or (_CLAIMED_LIVES_OF.search(left) and _PEOPLE_RIGHT.match(right))
            or _BODIES_RIGHT.match(right)
            or (_DIED_BEFORE.search(left[-30:]) and _PEOPLE_RIGHT.match(right))
        ):
            killed = _with_children(n.count, right)
            k_upd = bool(_UPDATE_LEFT.search(left) or _NOW_RIGHT.match(right))
            used += 1
            continue
        if injured is not None and _BROUGHT_INJURED_LEFT.search(left):
            # "At least three more people were hurt, bringing the overall number of wounded to at least 20":
            # the running total, not the increment before it
            injured, i_upd = n.count, True
            continue
        if injured is None and (
            _INJURED_RIGHT.match(right)
            or _INJURED_LEFT.search(left)
            or (_HURT_BEFORE.search(left[-30:]) and _PEOPLE_RIGHT.match(right))
        ):
            injured = _with_children(n.count, right)
            # "The toll climbs to six killed and 40 injured": the second figure of an update is one too
            i_upd = bool(_UPDATE_LEFT.search(left) or _NOW_RIGHT.match(right)) or (
                k_upd and _KILLED_AND_LEFT.search(left) is not None
            )
            used += 1
            continue
        if _FIGURE_GREW_LEFT.search(left):
            # "at least four injured; by morning the figure had grown to six": the toll last named
            harm = _HARM_WORD.findall(lead[-200:] + " " + text[: n.start])
            if harm and harm[-1].lower() in _INJURED_WORDS and injured is None:
                injured, i_upd = n.count, True
                used += 1
            elif harm and harm[-1].lower() not in _INJURED_WORDS and killed is None:
                killed, k_upd = n.count, True
                used += 1
    if killed is None or injured is None:
        # "a man was killed": one person, when no counted figure said it already
        for which, phrase in _single_people(text, numbers):
            if which == "killed" and killed is None:
                killed = phrase.count
                used += 1
            elif which == "injured" and injured is None:
                injured = phrase.count
                used += 1
    if _ALL_INTERCEPTED.search(text):
        # "… six Kinzhals, six Kalibrs and two drones, and all of them had been shot down"
        for key, c in launched.items():
            intercepted.setdefault(key, c)
    out_weapons = []
    for key in order:
        out_weapons.append((key[0], key[1], launched.get(key), intercepted.get(key)))
    return CountFacts(
        killed=killed,
        injured=injured,
        killed_update=k_upd,
        injured_update=i_upd,
        weapons=tuple(out_weapons),
        kinds=tuple(weapons),
        numbers_used=used,
        last_weapon=last_weapon,
    )


_SINGLE = re.compile(r"(?<![\w-])(?:a\s+single|an?|one\s+single)(?=\s+\S)", re.IGNORECASE)
_PERSON = (
    r"man|woman|boy|girl|child|baby|infant|toddler|teenager|driver|resident|pensioner|civilian|person|passenger"
    r"|soldier|serviceman|servicewoman|motorist|cyclist|worker|employee|firefighter|rescuer|policeman|police\s+officer"
    r"|doctor|nurse|paramedic|medic|farmer|volunteer|journalist|guard|mother|father|son|daughter|mine\s+clearer"
    r"|wife|husband|grandmother|grandfather|neighbour|neighbor|brother|sister|grandson|granddaughter|grandchild"
    r"|nephew|niece|aunt|uncle|cousin"
    r"|pilot|captain|sailor|seafarer|fisherman|engineer|technician|electrician|teacher|priest|student|shepherd"
    r"|patient"
)
# "a man was killed", "killing a woman", "the driver suffered shrapnel wounds": one person
_SINGLE_PERSON = re.compile(
    rf"(?<![\w-])(?:an?|(?P<the>the|his|her|their))\s+(?=(?:[\w-]+\s+){{0,2}}?(?:{_PERSON})\b"
    rf"(?!\s*-|\s*,?\s*(?:and|or)\s+(?:an?|the|one|two|three|four|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_PERSON})\b))",
    re.IGNORECASE,
)
_SINGLE_ASIDE = (
    # "the driver of the diesel locomotive was injured"
    # "an employee of the station was injured", "a woman of 70 was hospitalised"
    # "a 49-year-old worker at the facility received shrapnel wounds"
    r"(?:\s+(?:of|at|from)\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?[\w-]+|\s+of\s+\d{1,3}(?![\d,.])"
    r"|\s*,[^,]{1,90},|\s+born\s+in\s+\d{4}|\s+aged\s+\d+|\s+in\s+(?:his|her)\s+\d+s"
    r"|\s+who\s+[^,.;]{1,80}?(?=\s+(?:was|were|has\s+been|had\s+been|died|perished)\s))?"
)
_SINGLE_KILLED_RIGHT = re.compile(
    rf"^(?:[\w-]+\s+){{0,2}}?(?:{_PERSON})\b{_SINGLE_ASIDE},?\s+(?:was\s+|has\s+been\s+|had\s+been\s+|has\s+|had\s+)?"
    rf"(?:also\s+)?(?:(?:{L.KILLED_WORDS})\b"
    # "A 72-year-old woman was seriously wounded in her flat … and died in hospital overnight"
    rf"|(?:\w+ly\s+)?(?:wounded|injured|hurt)\b[^.;]{{0,80}}?\band\s+(?:later\s+)?died\b)",
    re.IGNORECASE,
)
_SINGLE_INJURED_RIGHT = re.compile(
    rf"^(?:[\w-]+\s+){{0,2}}?(?:{_PERSON})\b{_SINGLE_ASIDE},?\s+(?:was\s+|has\s+been\s+|had\s+been\s+)?"
    rf"(?:also\s+)?(?:\w+ly\s+)?(?:{L.INJURED_WORDS})\b",
    re.IGNORECASE,
)


# "killing a soldier and a guard", "a 28-year-old woman and her 12-year-old son were wounded",
# "a man and a woman aged 53 and 55": people named one by one are counted one by one (two or three)
_ONE_MORE = rf"(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:{_PERSON})\b(?:\s+aged\s+\d+|\s+born\s+in\s+\d{{4}})?"
_PEOPLE_LISTED = re.compile(
    rf"(?<![\w-])(?:an?|his|her|(?P<the>the))\s+(?:[\w-]+\s+){{0,2}}?(?:{_PERSON})\b(?:\s+aged\s+\d+|\s+born\s+in\s+\d{{4}})?"
    rf"(?P<more>(?:\s*,\s*{_ONE_MORE})?)\s*,?\s+and\s+{_ONE_MORE}(?:\s+aged\s+\d+\s+and\s+\d+)?(?![\w-])",
    re.IGNORECASE,
)


def _harm_after_list(words: str) -> re.Pattern[str]:
    """The harm told right after a list of people: "… were killed", "…, both wounded"."""
    return re.compile(
        # ("The driver and his passenger, both in their forties, received shrapnel wounds")
        rf"^(?:\s*,\s*(?:both|all\s+three)\s+[^,.;]{{1,30}}(?=,))?"
        rf"\s*,?\s+(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:also\s+|both\s+)?(?:{words})\b",
        re.I,
    )


_LISTED_KILLED_RIGHT = _harm_after_list(L.KILLED_WORDS)
_LISTED_INJURED_RIGHT = _harm_after_list(L.INJURED_WORDS)
_HARM_LEFT = re.compile(r"\b(?:(killing|killed)|wounding|wounded|injuring|injured|hurting)\s*$", re.I)


def _people_listed(text: str, taken: list[tuple[int, int]]) -> list[tuple[str, NumberPhrase]]:
    """People named one by one around a harm word: a count of two or three."""
    out = []
    for m in _PEOPLE_LISTED.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        left = text[max(0, m.start() - 20) : m.start()]
        right = text[m.end() : m.end() + 120]
        which = None
        if (before := _HARM_LEFT.search(left)) is not None:
            if m.group("the"):
                continue  # "killing the driver and his wife" may repeat people counted before
            which = "killed" if before.group(1) else "injured"
        elif _LISTED_KILLED_RIGHT.match(right):
            which = "killed"
        elif _LISTED_INJURED_RIGHT.match(right):
            which = "injured"
        if which:
            n = 3 if m.group("more") else 2
            out.append((which, NumberPhrase(m.start(), m.end(), Count.exact(n), m.group(0), m.start())))
    for m in _COUPLE.finditer(text):  # "A married couple died", "killing an elderly couple": two people
        if any(a <= m.start() < b for a, b in taken) or any(p.start <= m.start() < p.end for _, p in out):
            continue
        left = text[max(0, m.start() - 20) : m.start()]
        if (before := _HARM_LEFT.search(left)) is not None:
            which = "killed" if before.group(1) else "injured"
        elif _COUPLE_KILLED_RIGHT.match(text, m.end()):
            which = "killed"
        elif _COUPLE_INJURED_RIGHT.match(text, m.end()):
            which = "injured"
        else:
            continue
        out.append((which, NumberPhrase(m.start(), m.end(), Count.exact(2), m.group(0), m.start())))
    return out


_COUPLE = re.compile(
    r"(?<![\w-])an?\s+(?:(?:married|elderly|young|retired|older|middle-aged)\s+)?couple\b(?!\s+of\b)", re.I
)


def _harm_after_couple(words: str) -> re.Pattern[str]:
    """The harm told right after "a couple": "… died", "… in their 70s were wounded"."""
    return re.compile(
        rf"\s+(?:in\s+(?:their|his|her)\s+\d+s\s+)?(?:were\s+|have\s+been\s+|had\s+been\s+)?(?:{words})\b",
        re.I,
    )


_COUPLE_KILLED_RIGHT = _harm_after_couple(L.KILLED_WORDS)
_COUPLE_INJURED_RIGHT = _harm_after_couple(L.INJURED_WORDS)
_HARM_PRONOUN = re.compile(r",\s*(killing|wounding|injuring)\s+(?:him|her)\b", re.IGNORECASE)
_VEHICLE_HIT = re.compile(
    r"\b(?:hit|struck|targeted|attacked|dropped\s+\w+\s+on)\s+(?:an?|the)\s+(?:[\w-]+\s+)?(?:car|vehicle|bus|minibus"
    # (also "hit a car travelling between Valuyki and Urazovo, killing the driver")
    r"|truck|lorry|van|tractor|ambulance|motorcycle)(?:\s+(?:travelling|traveling|driving|moving|parked|carrying)\b[^,.;]{0,60})?"
    # ("hit a car on Friday afternoon, killing the man driving it")
    r"(?:\s+(?:on|in|at|late|early|near|outside)\s+[^,.;]{1,40})?"
    r"\s*,\s*(?:killing|wounding|injuring)\s+$",
    re.IGNORECASE,
)


def _single_people(text: str, numbers: list[NumberPhrase]) -> list[tuple[str, NumberPhrase]]:
    """'A man was killed', 'killing a woman', 'the driver suffered shrapnel wounds': a count of one;
    'killing a soldier and a guard': two.

    Only where the words around it say harm came to that one person; "the" only with the harm
    right after ("the driver was injured") or right after the vehicle it names ("hit a car,
    killing the driver"), never as an object elsewhere ("killing the driver" may repeat someone
    already counted). Returns ("killed" | "injured", phrase) pairs.
    """
    taken = [(n.start, n.end) for n in numbers]
    out = _people_listed(text, taken)
    taken += [(p.start, p.end) for _, p in out]
    for m in _SINGLE_PERSON.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        if re.search(
            rf"\b(?:{_PERSON})\s*(?:,|and|or)\s*$", text[max(0, m.start() - 40) : m.start()], re.I
        ) and not re.match(r"[^,.;]{0,30}?,\s+(?:was|has\s+been|had\s+been)\b", text[m.end() : m.end() + 60]):
            continue  # the second of "a woman and a child" (counted above as two); "His passenger, a woman, was wounded": one
        right = text[m.end() : m.end() + 160]
        left = text[max(0, m.start() - 20) : m.start()]
        which = None
        if _SINGLE_KILLED_RIGHT.match(right):
            which = "killed"
        elif _SINGLE_INJURED_RIGHT.match(right):
            which = "injured"
        elif m.group("the") is None and (pron := _HARM_PRONOUN.search(right.split(".")[0])):
            # "a drone hit a 64-year-old man in the yard of his house …, killing him"
            which = "killed" if pron.group(1).lower().startswith("kill") else "injured"
        elif m.group("the") is None or _VEHICLE_HIT.search(text, max(0, m.start() - 140), m.start()):
            # "killing the driver" counts only where the text has just named the vehicle that was
            # hit ("a drone hit a car, killing the driver"), not a person counted before
            before = _HARM_LEFT.search(left)
            if before:
                which = "killed" if before.group(1) else "injured"
        if which:
            word = m.group(0).rstrip()
            out.append(
                (which, NumberPhrase(m.start(), m.start() + len(word), Count.exact(1), word, m.start()))
            )
    # "… dropped an explosive from a drone on a man riding a bicycle. He was wounded and taken to hospital."
    pm = _PRONOUN_HARMED.match(text)
    if pm is not None and not out:
        which = "killed" if pm.group(2).lower() == "killed" else "injured"
        out.append((which, NumberPhrase(pm.start(1), pm.end(1), Count.exact(1), pm.group(1), pm.start(1))))
    return out


# a sentence that opens on the one person just named: "He was wounded", "She was killed"
_PRONOUN_HARMED = re.compile(
    r"\s*(He|She)\s+(?:was|has\s+been|had\s+been)\s+(?:(?:seriously|badly|lightly|slightly|fatally|critically"
    r"|severely|also)\s+)?(wounded|injured|hurt|killed)\b"
)


def _single_weapons(
    text: str, numbers: list[NumberPhrase], weapons: list[WeaponMention] | None = None
) -> list[NumberPhrase]:
    """'a single Kh-101', or 'an Iskander-M' listed beside counted weapons: a count of one."""
    if not numbers:
        return []
    out = []
    if weapons is None:
        weapons = weapon_mentions(text)
    for m in _SINGLE.finditer(text):
        w = _weapon_right_after(text, m.end(), weapons)
        if w is None or w.start - m.end() > 30:
            continue
        single = m.group(0).lower().startswith(("a single", "one"))
        left = text[max(0, m.start() - 40) : m.start()]
        listed = (
            re.search(r"(?:\d|\band|,)\s*$", left)
            and not re.search(r"\b\d{1,2}[:.]\d{2}\s*,?\s*$", left)  # "At about 01:20, an attack drone hit …"
            and not re.search(r"\b(?:19|20)\d\d\s*,?\s*$", left)  # "On 5 October 2023 a missile struck …"
            and any(n.end <= m.start() for n in numbers)
        )
        if single or listed:
            out.append(NumberPhrase(m.start(), m.end(), Count.exact(1), m.group(0), m.start()))
    return out


def _requalify(c: Count, qualifier: str) -> Count:
    n = c.value
    if qualifier == "approx":
        return Count.approx(n)  # type: ignore[arg-type]
    if qualifier == "at_least":
        return Count.at_least(n)  # type: ignore[arg-type]
    return Count.at_most(n)  # type: ignore[arg-type]


def _launch_near(left: str) -> bool:
    return re.search(rf"\b(?:{L.LAUNCH_VERBS})\b[^.;]*$", left, re.IGNORECASE) is not None


def _weapon_after_of(text: str, end: int, weapons: list[WeaponMention]) -> WeaponMention | None:
    """The weapon in "N of the M drones" / "N of them" (the last weapon before)."""
    # ("six of eight Shahed drones": a number in words too)
    m = re.match(
        r"\s+of\s+(?:the\s+|them|these|those|which|[\d,]+\s|[a-z-]+\s)", text[end : end + 20], re.IGNORECASE
    )
    if not m:
        return None
    after = [w for w in weapons if w.start >= end and w.start - end < 60]
    # ("seven of ten cruise missiles": a modifier may stand between the figure and the weapon)
    if after and re.match(
        r"\s+of\s+(?:the\s+)?(?:(?!(?:their|its|our|own)\b)[\w,+-]+\s+){0,2}$",
        text[end : after[0].start],
        re.I,
    ):  # (but "seven of their own drones" are no attack's)
        return after[0]
    before = [w for w in weapons if w.end <= end]
    if before and re.match(r"\s+of\s+(?:them|these|those|which)", text[end : end + 20], re.I):
        return before[-1]
    return None


_PHRASE_BREAK = re.compile(r"[;—]|,(?!\d{3}\b)")


def _uncompared(cues: re.Pattern[str], low: str) -> bool:
    """A cue of a period in ``low`` that no superlative before it turns into a comparison: "killed
    since the invasion" sums, "the deadliest attack in months" and "their first visit since the
    invasion" do not."""
    return any(not _SUPERLATIVE.search(low[max(0, m.start() - 70) : m.start()]) for m in cues.finditer(low))


def is_period_total(low: str) -> bool:
    """Whether a lower-cased clause reads as a period's total ("in October", "since the invasion")."""
    return _uncompared(_PERIOD, low)


def _aggregate_near(text: str, start: int, end: int) -> bool:
    """A cumulative figure: an aggregate cue in the number's own phrase ("38,472 injured since the
    invasion"), or a since-the-war cue in the clause with a perfect verb by the number ("has launched")."""
    # phrase breaks, not the comma of "2,200"
    before = [m.start() for m in _PHRASE_BREAK.finditer(text, 0, start)]
    seg_start = before[-1] + 1 if before else 0
    after = _PHRASE_BREAK.search(text, end)
    seg_end = after.start() if after else len(text)
    seg = L.lower(text[seg_start:seg_end])
    if _uncompared(L.AGGREGATE_CUES, seg):
        return True
    return bool(
        # ("the first such attack since Biden allowed it" compares: not a cumulative figure)
        _uncompared(_SINCE_WAR, L.lower(text))
        and _PERFECT.search(text[max(0, start - 40) : min(len(text), end + 40)])
    )


def _vague_quantifies(n: NumberPhrase, right: str) -> bool:
    """'several people were killed' quantifies; 'several fires' or 'many believe' do not."""
    return bool(
        _KILLED_RIGHT.match(right)
        or _INJURED_RIGHT.match(right)
        or re.match(
            rf"^\s+(?:of\s+(?:the\s+)?)?(?:{_PEOPLE}|drones|missiles|rockets|UAVs|Shaheds|bombs)\b",
            right,
            re.I,
        )
    )


def _plausible(text: str, n: NumberPhrase) -> bool:
    """Reject years, list markers and citation marks before any classification."""
    raw = text[n.num_start : n.end]
    if re.fullmatch(r"(?:19|20)\d\d", raw.strip()):
        return False
    before = text[max(0, n.start - 2) : n.start]
    after = text[n.end : n.end + 2]
    if before.endswith("[") or after.startswith("]"):
        return False
    line_start = text.rfind("\n", 0, n.start) + 1
    if _RATIO_RIGHT.match(text, n.end):
        return False
    return not (text[line_start : n.start].strip() == "" and re.match(r"[.)]\s", after))


# a ratio, not a count: "Russian troops fire roughly five shells for every one Ukraine can use"
_RATIO_RIGHT = re.compile(r"\s+(?:[\w-]+\s+){0,2}?for\s+(?:every|each)\s+(?:one|single|\d)\b", re.IGNORECASE)


# the figure counts children only: "the attack that killed two children"
_ONLY_CHILDREN_RIGHT = re.compile(
    r"\s+(?:young\s+|small\s+)?(?:children|child|kids|minors|teenagers|boys|girls|infants|babies)\b",
    re.IGNORECASE,
)


def _with_children(count: Count, right: str) -> Count:
    if count.value and _ONLY_CHILDREN_RIGHT.match(right):
        return replace(count, children=count.value)
    m = _CHILDREN.match(right)
    if not m:
        return count
    from peacewatch.extract.numbers import word_to_int

    n = word_to_int(m.group("n"))
    if n is None:
        return count
    return replace(count, children=n)
