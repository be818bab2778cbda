"""Talks: one event per venue (and round) per article.

Parties come from the people, demonyms and capitals named in the sentences about the
venue; mediators from mediation wording ("U.S.-brokered", "chaired by Turkey's foreign
minister"); status from what the text says happened or will happen.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from peacewatch.extract import dates as D
from peacewatch.extract import lexicon as L
from peacewatch.extract.attacks import actor_use, clock_heading, entry_day, entry_span, in_tally_box
from peacewatch.extract.context import DocContext, Sentence
from peacewatch.extract.entities import CAPITAL_SIDES, Ent
from peacewatch.extract.gazetteer import Gazetteer
from peacewatch.extract.numbers import NUMBER, ordinal_or_number, word_to_int
from peacewatch.records import DateSpan, Event, Venue

# --- talks ---------------------------------------------------------------------------------
_VENUE_PREFIX = (
    r"(?:the\s+)?(?:(?:Emirati|Saudi|Turkish|Swiss|Qatari|Russian|Ukrainian|US|U\.S\.|American|Belarusian|Hungarian"
    r"|Austrian|Italian|French|German|British|Black\s+Sea|Red\s+Sea|Mediterranean|Gulf|Baltic|Alpine)\s+)?"
    r"(?:(?:resort|port|coastal)\s+)?(?:city|capital|town)?\s*(?:of\s+)?"
)
_VENUE_LEFT = re.compile(
    rf"\b(?:in|at|inside|(?:talks|meeting|negotiations|summit)\s+near|(?:club|resort|hotel|estate|base|palace|residence"
    rf"|villa|compound|retreat)\s+(?:near|outside))"
    rf"\s+{_VENUE_PREFIX}$",
    re.IGNORECASE,
)  # "at a private club near Miami"; not "scale back near Kyiv"
_TRAVEL_LEFT = re.compile(
    rf"\b(?:travel\w*|trip|visit\w*|fl[ye]w?|flown|flying|head\w*|dispatch\w*|sent|sending|en\s+route|arriv\w*|go|going"
    rf"|went|return\w*|summoned|invited|journey\w*|came|coming|(?:will|would)\s+come)\b[^.;]{{0,60}}?\bto\s+{_VENUE_PREFIX}$"
    # "Starmer visited Kyiv to sign …", "made a surprise visit to Kyiv" (a visit that signs or meets; see _SIGNED)
    rf"|\b(?:visited|visiting|visits|toured|(?:arrived|arrives|arriving)\s+in"
    # "Witkoff is due in Moscow on Tuesday to present the plan to Putin"
    rf"|(?:is|are|was|were)\s+(?:due|expected)\s+(?:back\s+)?in)\s+{_VENUE_PREFIX}$",
    re.IGNORECASE,
)
# "about", "close to", "just under" five hours: how long a meeting ran
_ROUGHLY = (
    r"(?:(?:about|some|nearly|almost|more\s+than|over|close\s+to|around|roughly|just\s+(?:under|over))\s+)?"
)
_MEETING = re.compile(
    # ("Trump's deadline was met with a mixture of irritation": a reception, no meeting)
    r"\b(?:talks|negotiations?|negotiating|negotiators?|summit|summits|meetings?"
    r"|(?<!\bwas\s)(?<!\bwere\s)(?<!\bbeen\s)met|meet|meets|meeting"
    r"|round(?!\s+the\s+(?:block|corner|clock|world|country|city|town))"  # (not "queues round the block")
    r"|sat\s+down|huddled|closeted|consultations|delegations?|envoys?|diplomats?|mediat\w+|face-time|face\s+time"
    r"|sessions?|conference|peace\s+process|hosted|hosts|host"
    # leaders who sign a pact meet: "visited Kyiv to sign a 100-year partnership agreement"
    # (a security or partnership pact between states, not a minerals fund or an order for jets)
    r"|sign(?:ed|s|ing)?\s+(?:(?!by\b)[\w-]+\s+){0,4}?(?:partnership|security|peace|cooperation|bilateral|strategic)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:agreements?|accords?|pacts?|declarations?|treaty|guarantees?)"
    rf"|spen[dt]\s+{_ROUGHLY}[\w-]+\s+hours\s+with"
    # "spent about five hours in the Kremlin with Putin", "spent eight hours together in a Jeddah hotel",
    # "sat across one table", "faced each other across the table"
    rf"|spen[dt]\s+{_ROUGHLY}[\w-]+\s+hours\s+(?:together|(?:[\w-]+\s+){{1,4}}?with)"
    r"|sat\s+(?:across|at|around)\s+(?:one|a|the\s+same|the)\s+table|faced\s+each\s+other"
    # "Witkoff is due in Moscow on Tuesday to present the revised plan to Putin"
    r"|(?:present|deliver|brief)\w*\s+(?:the|a|an|its|his|their)\s+(?:[\w-]+\s+){0,2}?(?:plan|proposals?|draft|framework"
    r"|peace\s+plan)\s+to\b"
    r"|(?:talked|spoke)\s+for\s+(?:(?:about|some|nearly|almost|more\s+than|over)\s+)?[\w-]+\s+(?:hours|minutes)"
    r"|(?:dinner|lunch|breakfast)\s+with"
    # a plan carried to a leader: "travel to St Petersburg to present it to Putin"
    r"|present\w*\s+(?:it|them|the\s+[\w-]+)\s+to|hand\w*\s+(?:it|the\s+[\w-]+)\s+(?:over\s+)?to"
    # a trip to see a leader: "he would head to Washington on Monday to see Trump in the Oval Office"
    r"|(?:head|travel|fly|go|went|flew)\w*\s+to\s+(?:[\w-]+\s+){1,4}?to\s+see)\b",
    re.IGNORECASE,
)
_MET_WITH = re.compile(
    rf"\b(?:met|meets|meet|sat\s+down|(?:were|was)\s+closeted|spen[dt]\s+{_ROUGHLY}[\w-]+\s+hours)"
    r"\s+with\b",
    re.IGNORECASE,
)
# a meeting wished for that did not happen: "had hoped to meet Trump there, but the president left early"
_HOPED_TO_MEET = r"had\s+hoped\s+to\s+(?:meet|hold|see)"
_HYPOTHETICAL = re.compile(
    r"\b(?:suggested|could\s+take\s+place|offered\s+to\s+host|might\s+(?:meet|take\s+place)|possible\s+venues?"
    r"|proposed\s+(?:holding|that)|ready\s+to\s+host|would\s+be\s+willing"
    # "Brazil hopes to host the 2024 summit in Rio", "asked Bennett to host talks in Jerusalem", "postponed a
    # planned trip to Kyiv", "have not ruled out a visit to Moscow"
    r"|hop(?:es|ed|ing)\s+to\s+(?:host|hold|convene|organi[sz]e)|possibly\s+(?:in|at)|asked\s+(?:\w+\s+){1,3}to\s+host|postponed\s+(?:a|an|his|her|their)\s+(?:planned\s+)?(?:trip|visit)"
    r"|not\s+ruled\s+out\s+(?:a|an)\s+(?:visit|trip|meeting)"
    # "Russia was ready to consider further rounds of talks in Istanbul": an openness, no meeting
    r"|(?:ready|willing|prepared)\s+to\s+consider\s+(?:[\w-]+\s+){0,4}?(?:talks|rounds?|meetings?|negotiations)"
    # "Moscow was still ready for a third round of talks in Istanbul, but no date had been set"
    r"|(?:ready|willing|prepared|open)\s+for\s+(?:a|an|the|new|further|more|another)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:talks|rounds?|meetings?|negotiations)"
    # "invited Trump to Moscow for their next meeting", "had hoped to meet Trump there": no meeting yet
    rf"|invit(?:ed|es|ing)\s+(?:[\w.'’-]+\s+){{1,3}}?to(?=\s+(?:visit\s+)?$)|{_HOPED_TO_MEET}"
    # "Zelensky offered to fly to Washington to finalise the plan": an offer, no meeting yet
    r"|offer(?:ed|s|ing)\s+to\s+(?:fly|travel|go|come)\s+to"
    # "Peskov said Russia was open to talks but that there was nobody to talk to in Kyiv"
    r"|(?:nobody|no\s+one)\s+to\s+(?:talk|negotiate)\s+(?:to|with))\b",
    re.IGNORECASE,
)
# "in Hiroshima, a planned Lula-Zelensky meeting … did not happen"
_NOT_HELD_RIGHT = re.compile(
    r"\b(?:did\s+not\s+(?:happen|take\s+place|go\s+ahead)|never\s+(?:happened|took\s+place)|fell\s+through"
    # ("had been expected in Kyiv this week, but the visit was postponed")
    r"|(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:later\s+)?(?:cancel+ed|called\s+off|scrapped|postponed|put\s+off"
    # "he would meet Putin in Budapest within two weeks, a plan that was later put on hold"
    r"|put\s+on\s+hold|shelved|dropped)"
    # "who was at the summit in Canada, had hoped to meet Trump there, but the president left early"
    rf"|{_HOPED_TO_MEET})\b",
    re.IGNORECASE,
)
# one side's proposal is not a meeting: "Putin proposed … that the sides resume talks in Istanbul"
_PROPOSED_LEFT = re.compile(
    r"\bpropos(?:ed|es|ing)\s+(?:[^.]{0,60}?\s)?(?:that|holding|(?:direct\s+)?(?:talks|negotiations)|to\s+(?:hold|resume|meet))\b"
    r"[^.]*$",
    re.IGNORECASE,
)
_MEETING_LC = L.lc(_MEETING.pattern)
_VENUE_RIGHT_TALKS = re.compile(
    # ("the Moscow round of talks"; not "hoped to talk Moscow round.")
    r"^(?:['’]s)?\s+(?:peace\s+|[Ss]ecurity\s+)?(?:talks|summit|meeting|negotiations|round(?!\s*[.!?])|format|process|[Cc]onference"
    r"|sessions?|accords?|consultations|[Ff]orum)\b",
    re.IGNORECASE,
)
_NOT_VENUE_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:mission|embassy|consulate|delegation|team|side|officials|envoys?|negotiators|president|leader)\b"
    # "talks in Brussels next week at Kyiv's request": whose request, not where
    r"|^['’]s\s+(?:own\s+)?(?:request|invitation|initiative|urging|behest|insistence)\b",
    re.IGNORECASE,
)
_VENUE_BUILDING_RIGHT = re.compile(
    r"\s+(?:palace|hotel|resort|villa|estate|residence|golf\s+club|club|(?:air|military|naval)\s+base|airbase"
    r"|conference\s+(?:centre|center|hall)|convention\s+(?:centre|center))\b",
    re.IGNORECASE,
)
_DRAFTED_BY_LEFT = re.compile(
    r"\b(?:drafted|proposed|written|authored|put\s+forward|prepared|backed|leaked)\s+by\s+(?:the\s+)?"
    r"(?:[\w.’'-]+\s+(?:and\s+)?){0,3}$",
    re.IGNORECASE,
)
_TIED_TO_STRIKE = re.compile(
    r"\b(?:strikes?|attacks?|barrage|bombardment)\s+(?:came|occurred|happened|hit|took\s+place)\s+(?:as|while|when"
    r"|the\s+same\s+day|on\s+the\s+same\s+day)\b",
    re.IGNORECASE,
)


def _one_day(span: DateSpan | None) -> dt.date | None:
    """The day of a strike: its date, or the morning of an overnight one (never a longer span)."""
    if span is None or span.start is None:
        return None
    end = span.end or span.start
    return end if (end - span.start).days <= 1 else None


_FEW_DAYS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_DAYS_FROM_STRIKE = re.compile(
    r"\b(?:strikes?|attacks?|barrage|bombardment|assault)\s+(?:came|happened|occurred)\s+(?P<n>a|one|two|three|four"
    r"|five|six|seven|\d{1,2})\s+days?\s+(?P<dir>after|before)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:talks|meeting|summit|negotiations)\b",
    re.IGNORECASE,
)
_DATELINE_RIGHT = re.compile(
    r"(?:,\s*[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[—–-]\s"
)
_DATELINE_SAID = re.compile(
    r"[^—–\n]{0,60}?[—–-]\s+(?:[\w.’'-]+\s+){1,6}?(?:said|says|told|announced|warned|claimed|insisted|stated|accused)\b"
)
# a dateline sentence that places talks elsewhere ("KYIV — … talks in Geneva") does not place them at home
# (also "MOSCOW, Feb 3 - A Russian delegation will fly to Abu Dhabi for a second round")
_OTHER_VENUE_WORDS = re.compile(
    r"\b(?:(?:in|at)\s+(?:the\s+)?|(?:fly|flew|flying|travel(?:l)?(?:ed|ing)?|head(?:ed|ing|s)?|go(?:es|ing)?|went|arrive[sd]?|arriving)\s+(?:back\s+)?(?:to|in)\s+)(?!Ukraine|Russia|Europe)[A-Z]"
)
_NOT_VENUE_LEFT = re.compile(
    r"(?<!meeting\sat\sthe\s)(?<!talks\sat\sthe\s)\b(?:embassy|consulate|ambassador)\s+(?:in|to)\s+(?:the\s+)?$"
    # where something was said: "in a late-night statement at the Kremlin, he proposed talks in Istanbul"
    r"|\b(?:statement|speech|address|briefing|press\s+conference|news\s+conference)\s+(?:at|in|from)\s+(?:the\s+)?$"
    # a rally, not a meeting: "Families of prisoners gathered in Kyiv, urging the negotiators …"
    r"|\b(?:families|relatives|protesters|demonstrators|activists|mourners|crowds?|hundreds|thousands)\b[^.;]{0,40}?"
    r"\b(?:gathered|rallied|marched|protested|assembled|demonstrated)\s+(?:in|at|outside|on)\s+(?:the\s+)?$"
    # what was fired at it: "allies meet in London as Russia fires ballistic missiles at Kyiv"
    r"|\b(?:fire[sd]?|firing|launch(?:es|ed|ing)?|aim(?:s|ed|ing)?|direct(?:s|ed)?)\s+(?:[\w-]+\s+){0,4}?at\s+$"
    # where a paper was written: "the original 28-point plan, drafted in Washington in November"
    r"|\b(?:drafted|written|drawn\s+up|composed|authored)\s+in\s+$"
    # what locates the venue: "at the Bürgenstock resort near Lucerne"
    r"|\b(?:resort|hotel|palace|castle|estate|villa|lodge|retreat|compound|air\s*base|airbase)\s+(?:near|outside"
    r"|close\s+to|just\s+outside)\s+$",
    re.I,
)
_SPEAKING_LEFT = re.compile(
    # (and "Peskov told journalists at the Kremlin")
    r"\b(?:speaking\s+(?:to\s+(?:reporters|journalists)\s+)?(?:in|from|at)\s+(?:the\s+)?"
    r"|told\s+(?:reporters|journalists|the\s+press)\s+at\s+(?:the\s+)?)$",
    re.I,
)
_WHERE_MEETING_RIGHT = re.compile(
    r"[^.;]{0,30}?\bwhere\b[^.;]{0,60}?\b(?:meet\w*|summit|talks|gather\w*)", re.I
)
_OFF_TOPIC = re.compile(
    r"\b(?:trade|tariff|minerals?|Gaza|Israel\w*|Hamas|Iran(?:ian)?\s+nuclear|climate|football|sport\w*|chess"
    r"|tennis|Olympic\w*|business|investment|gas\s+transit|grain\s+deal|Syria\w*|Armenia\w*|Azerbaijan\w*"
    r"|Venezuela\w*|Taiwan)\b",
    re.IGNORECASE,
)
# a paragraph about sport: its "meet X in Y" is a fixture ("Slovakia meet Romania in Frankfurt")
_SPORT = re.compile(
    r"\b(?:(?:Europa|Champions|Conference|Nations|Premier)\s+League|UEFA|FIFA|European\s+Championship|Euro\s+20\d\d"
    r"|World\s+Cup|Olympic\w*|Paralympic\w*|home\s+(?:games|matches)|group\s+stage|Group\s+[A-H]|play-?offs?"
    r"|fixtures?|kick-?off|footballers?|football\s+(?:club|team|match)|national\s+team|qualifiers?|Europa\s+Conference)\b"
)
_PEACE_WORD = re.compile(r"\b(?:peace|ceasefire|truce|settlement|security\s+guarantees)\b", re.IGNORECASE)
_WAR_TOPIC = re.compile(
    r"\b(?:peace|ceasefire|truce|war|Ukrain\w*|Russia\w*|Kyiv|Kiev|Moscow|Kremlin|Zelensk\w*|Putin|plan"
    r"|framework|delegations?|settlement|prisoner)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:(?:will|would|shall|could|may|might)\s+(?:\w+\s+)?(?:meet|hold|host|travel|visit|sit|gather"
    r"|convene|take\s+part|attend|head|fly|go|come|take\s+place)|to\s+be\s+held|scheduled"
    # "the delegation will be in Istanbul on Thursday", "will be waiting for the Ukrainian side"
    r"|will\s+be\s+(?:in|at|waiting)"
    r"|set\s+to|due\s+to|(?:is|are)\s+due\s+(?:in|at|on)|expected\s+to|(?:plans?|planning)\s+to\s+(?:meet|hold|travel|visit|host|send|fly|resume)"
    r"|next\s+(?:week|month|round)"
    r"|upcoming|(?:is|are)\s+to\s+(?:meet|continue|hold|resume|travel)|to\s+travel|en\s+route|dispatched"
    r"|dispatching|heading\s+to|travel(?:s|ling)?\s+to|preparing|prepares|(?:getting|gets|get)\s+ready\s+to"
    r"|invited|(?:is|are)\s+expected\s+in"
    # told in reported speech: "Ushakov said Witkoff was expected in Moscow on Tuesday"
    r"|\b(?:said|says|told\s+\w+|announced)\b[^.;]{0,60}?\b(?:was|were)\s+expected\s+(?:in|at|to\s+(?:arrive|travel|meet|visit))"
    r"|proposed\s+(?:holding"
    r"|a\s+meeting)|later\s+this\s+week)\b",
    re.IGNORECASE,
)
# "after Putin declined to travel to Turkey": a journey not made plans nothing
_DECLINED = re.compile(r"\b(?:declined|refused|did\s+not\s+want|chose\s+not)\s+to\s+\w+(?:\s+to)?\b", re.I)
_ONGOING = re.compile(
    r"\b(?:underway|under\s+way|continu\w+|ongoing|resumed|resume|began|begin|begins|are\s+meeting"
    r"|is\s+meeting|are\s+holding|in\s+progress|first\s+day|second\s+day|day\s+two|day\s+one)\b",
    re.IGNORECASE,
)
_HELD = re.compile(
    r"\b(?:met|held|took\s+place|concluded|ended|wrapped|came\s+to\s+an\s+end|sat\s+down|huddled|hosted"
    r"|after\s+(?:talks|meetings?|negotiations)|finished|agreed|emerged|released|marathon|discussed|talked"
    r"|participated|took\s+part|attended|arrived|refined|poring|pored|produced|yielded|ended)\b",
    re.IGNORECASE,
)
# a round that can only be the one just told of: "The first round of the talks", "The opening round began …"
_ROUND_OF_THESE = re.compile(
    r"\bround\s+of\s+(?:the|these)\s+(?:talks|negotiations|meetings?|consultations)\b"
    r"|(?:^|[.!?]\s+)\W*The\s+(?:first|second|third|fourth|fifth|opening|inaugural)\s+round\b(?!\s+of\s+(?!the\b))",
)
_BOTH_SIDES = re.compile(r"\b(?:both|the\s+two)\s+(?:sides|delegations|parties)\b", re.IGNORECASE)
_ROUND = re.compile(
    # ("a second US-brokered round", "the opening round")
    r"\b(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|opening|inaugural)"
    r"\s+(?:(?!round\b)[\w-]+\s+){0,2}?round"
    r"|round\s+(?P<num>one|two|three|four|five|six|\d+))\b",
    re.IGNORECASE,
)
_LATER_ROUND = re.compile(
    r"\s+(?:(?:could|would|may|might|will|is\s+to|was\s+to)\s+follow|to\s+follow)\b", re.I
)
_SENT_PAPER_LEFT = re.compile(
    r"\b(?:sent|sending|send|sends)\s+(?:[\w’'-]+\s+){0,3}?(?:roadmap|plan|proposals?|letters?|memorandum|draft|documents?"
    r"|message|list|text|paper|reply|response|note|demands|terms)\s+(?:back\s+)?to\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_VISIT = re.compile(
    r"\b(?:arrived|arrives|arriving|visited|visits|visiting|travel(?:l)?ed|flew|landed|came)\s+(?:in|to)?\s*$",
    re.IGNORECASE,
)
_MEDIATOR_RIGHT = re.compile(
    # ("Turkey's top diplomat, Hakan Fidan, chaired the session")
    r"^(?:['’]s)?(?:\s+(?:officials|diplomats|hosts|(?:top\s+diplomat|foreign\s+minister)(?:,\s*(?:[\w'’-]+\s+){0,2}[\w'’-]+,)?))?"
    r"(?:,\s*(?:which|who)\s+(?:(?:is|was|has\s+been|had\s+been)\s+)?)?"
    r"[\s-]*(?:-|\s)?"
    r"(?:(?:again|also|once\s+again|still|now|jointly)\s+)?(?:hosted\s+and\s+)?"
    # "Hakan Fidan chairing the session", "Turkish officials, who chaired the meeting"
    r"(?:mediat\w+|brokered|led\s+mediation|facilitated|moderated|sponsored|(?:chair(?:ed|ing|s)?|presided\s+over)\s+(?:the|this|that)\b"
    # "thanks the Republic of Turkey for its hospitality and mediation"
    r"|for\s+its\s+(?:\w+\s+and\s+)?mediation)\b",
    re.IGNORECASE,
)
_MEDIATOR_LEFT = re.compile(
    # ("under the chairmanship of Turkey's Hakan Fidan"; not "Russia's team under presidential aide Medinsky")
    rf"\b(?:{L.MEDIATION_CUES}|under\s+(?:the\s+)?(?:chairmanship|chair|auspices|aegis|mediation|patronage)\s+of"
    rf"|with\s+mediation\s+(?:of|by|from))\s+(?:the\s+)?(?:[\w.'’-]+\s+){{0,3}}$"
    # "was chaired by the Minister of Foreign Affairs of the Republic of Turkey"
    r"|\b(?:chaired|presided\s+over)\s+by\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,8}$",
    re.IGNORECASE,
)
# a round no one has fixed: "no date or venue had been agreed for a new round", "have not said when a third
# Istanbul round might happen", "has been discussed but not scheduled", "no meeting has been scheduled"
_UNSCHEDULED = re.compile(
    r"\bno\s+(?:date|venue|time|meeting|round)(?:\s+(?:or|and)\s+(?:date|venue|time|place))?\s+(?:has|had|have)\s+(?:yet\s+)?"
    r"been\s+(?:agreed|set|fixed|scheduled|announced|decided)"
    r"|\b(?:has|have|had)\s+not\s+(?:yet\s+)?(?:said|announced|decided|agreed)\s+(?:when|where)\s+(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:round|meeting|talks|summit)\b"
    r"|\bbut\s+not\s+(?:yet\s+)?(?:scheduled|agreed|fixed)\b|\bnot\s+(?:yet\s+)?been\s+scheduled\b",
    re.IGNORECASE,
)
# What the talks were about, when it is not this war: trade, Gaza, embassies, grain import bans …
_OFF_TOPIC_TALKS = re.compile(
    r"\b(?:talks|met(?!\s+(?:its|their|his|her|the|all|these|those|our)\s+(?:[\w-]+\s+)?(?:demands?|conditions|requirements"
    r"|targets?|obligations|criteria|goals?|needs|expectations))|meeting|negotiations|discussions)\b[^.]{0,40}?"
    r"\b(?:on|about|over|regarding|concerning|with)\s+"
    r"[^.]{0,60}?\b(?:trade|tariffs?|minerals?|Gaza|Hamas|Israel\w*|embass\w+|diplomatic\s+missions|imports?|exports?"
    r"|ban|visas?|investment|business|climate|football|gas\s+transit|Iran\w*|Syria\w*|Venezuela\w*)\b"
    # "signed an agreement giving Washington a stake in future revenues from Ukraine's minerals"
    r"|\bminerals?\s+(?:deal|agreement|accord|pact)\b|\bstake\s+in\s+(?:future\s+)?(?:revenues?|profits?)\b"
    r"|\b(?:agriculture|trade|economy|finance|health|education|sports?|culture)\s+ministers?\b"
    # "Naftogaz is negotiating additional gas purchases": a commercial deal
    r"|\bnegotiat\w+\s+(?:[\w-]+\s+){0,3}?(?:gas|oil|electricity|loans?|purchases?|imports?|supplies|contracts?"
    r"|prices?|tariffs?)\b"
    # military aid and reconstruction meetings are about arms and money, not a settlement
    r"|\b(?:Defen[cs]e\s+Contact\s+Group|Ramstein\s+(?:format|group)|donors?['’]?\s+conference|(?:aid|pledging|recovery"
    r"|reconstruction)\s+conference)\b"
    # "a conference on rebuilding Ukraine's energy system", "a forum on the recovery of the grid"
    r"|\b(?:conference|forum|summit|meeting)\s+(?:on|about)\s+(?:the\s+|Ukraine['’]s\s+)?(?:rebuild\w*|reconstruct\w*|recovery|restor\w*"
    r"|repair\w*|investment|financing|funding)\b"
    # a legislature's bargaining over money: "negotiations over a supplemental funding bill … in Congress"
    r"|\b(?:negotiations|talks|wrangling)\s+(?:[\w-]+\s+){0,3}?(?:bill|budget|funding|appropriations?|spending)\b"
    r"|\b(?:Congress|the\s+Senate|the\s+House\s+of\s+Representatives|Capitol\s+Hill)\b[^.]{0,80}\b(?:stalled|vote|bill)\b"
    # a summit with another continent's leaders, a business forum
    r"|\b(?:African|Arab|Latin\s+American|Asian|Central\s+Asian)\s+leaders\b|\binvestment\s+(?:summit|forum|conference)\b"
    r"|\b(?:bracing|preparing)\s+for\s+(?:the\s+)?(?:return|arrival|inauguration)\b"
    # an institution's own session is not talks between the sides: "the IAEA Board of Governors met in Vienna"
    r"|\b(?:Board\s+of\s+Governors|General\s+Assembly|Human\s+Rights\s+Council)\b"
    # (the UN's Security Council, not a nation's "security council secretary Rustem Umerov")
    r"|(?<![Nn]ational\s)\b(?-i:Security\s+Council)\b(?!\s+(?:secretary|chief|head)\b)"
    # justice for war crimes is not a settlement of the war: "prosecutors … met in The Hague"
    r"|\b(?:investigat(?:ions?|e|ing)|prosecutors?|tribunal|war\s+crimes?\s+(?:probe|inquiry|investigations?))\b"
    # a prisoner swap arranged: "consultations in Turkey and the UAE aimed at restarting prisoner exchanges"
    r"|\b(?:talks|consultations|negotiations|meetings?)\s+(?:[\w-]+\s+){0,8}?(?:aimed\s+at|on|about|over)\s+(?:restarting\s+"
    r"|resuming\s+|new\s+|further\s+)?(?:(?:prisoner|POW|captive)s?\s+(?:exchanges?|swaps?)|(?:each|every)\s+swap)\b"
    # a swap someone mediated: "swapped hundreds of prisoners of war …, mediated by the United Arab Emirates"
    r"|\b(?:swapped|exchanged|swap|exchange)\b(?:(?!\btalks\b|\bnegotiat|\bmeeting\b|\bround\b)[^.;]){0,160}?\bmediat(?:ed|ion)\b"
    # an athletics "meeting", a trade fair's "conference"
    r"|\b(?:Diamond\s+League|athletics|championships?|tournament|high\s+jump|world\s+record)\b"
    # a parade or a commemoration: "delegations … are due in Moscow for the 80th anniversary commemorations"
    r"|\b(?:(?:victory|military)\s+parade|(?:\d+(?:st|nd|rd|th)\s+)?anniversary\s+(?:parade|celebrations?|commemorations?))\b"
    # "more than 130 delegations are expected in Rome for the funerals of Pope Francis", "for the inauguration"
    r"|\bfor\s+(?:the\s+)?(?:funerals?|inauguration|coronation|enthronement|state\s+funeral)\b"
    r"|\b(?:companies|manufacturers|industry|industrial|exhibition|trade\s+fair|expo|association)\b[^.]{0,200}\bconference\b"
    r"|\bconference\b[^.]{0,80}\b(?:companies|manufacturers|industry|exhibition)\b"
    # a leader meeting his own people: "Putin … met veterans in the Kremlin"
    r"|\bmet\s+(?:with\s+)?(?:[\w-]+\s+)?(?:veterans|soldiers|troops|servicemen|students|workers|volunteers|relatives"
    r"|mothers|widows|families\s+of)\b",
    re.IGNORECASE,
)
# a bloc's own summit is not a round of war talks, though the war is on its agenda
_BLOC_SUMMIT = re.compile(
    r"\b(?:NATO|G7|G-7|G20|G-20|Group\s+of\s+(?:Seven|20|Twenty)|Arab\s+League|BRICS|SCO|ASEAN|EU|European\s+Union"
    r"|OSCE|African\s+Union|Commonwealth|European\s+Union-African\s+Union|EU-AU|EU-African\s+Union)\s+(?:leaders['’]?\s+|heads\s+of\s+state\s+|(?:foreign|defen[cs]e|finance)\s+)?"
    r"(?:summit|gathering|(?:leaders|ministers)\b[^.;]{0,40}?\b(?:met|meet|meets|meeting|gather\w*|arriv\w*|summit))\b"
    r"|\b(?:NATO|G7|EU|BRICS)\s+and\s+(?:NATO|G7|EU|BRICS)\s+summits\b"
    # "at a European summit in Granada", "the European Political Community summit"
    r"|\bEuropean\s+(?:Political\s+Community\s+)?summit\b"
    r"|\b(?:meeting|gathering|summit)\s+(?:of\s+)?(?:the\s+)?(?:NATO|G7|G-7|G20|G-20|EU|European\s+Union|BRICS|SCO|OSCE)\b"
    r"|\b(?:leaders|heads)\s+of\s+the\s+(?:Group\s+of\s+(?:Seven|20)|G7|G20)\b"
    r"|\bEuropean\s+Political\s+Community\b|\b(?:alliance|EU-Ukraine|accession)\s+summit\b"
    # a bloc's own session with Ukraine: "NATO and Ukrainian officials were due to hold emergency talks"
    r"|\b(?:NATO|EU|G7)\s+and\s+Ukrainian\s+(?:officials|ministers|leaders|diplomats)\b",
    re.IGNORECASE,
)
# Where a bloc sits: a meeting there is the bloc's own unless two leaders meet
_BLOC_SEATS = frozenset({"Brussels"})
# ... unless two leaders meet there: "Trump held talks with Zelensky at the NATO summit"
_BILATERAL = re.compile(
    r"\b(?:(?:held|hold|holds|holding)\s+(?:talks|a\s+meeting)\s+with|(?:met|meets|meet)(?:\s+with)?|sat\s+down\s+with)"
    r"\s+(?:[\w.-]+\s+){0,3}?(?:President|Prime\s+Minister"
    r"|Chancellor|Zelensk\w+|Putin|Trump|Biden)\b",
    re.IGNORECASE,
)
_BLOC_SUMMIT_RIGHT = re.compile(
    r"\s*,?\s*(?:for|at|during|on\s+the\s+sidelines\s+of)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:summit|gathering|conference|meeting)\s+(?:of\s+(?:the\s+)?)?(?:European\s+Political\s+Community|NATO|G7|G-7|G20"
    r"|G-20|EU|European\s+Union|European\s+Council|BRICS|SCO|OSCE|Arab\s+League|African\s+Union)\b"
    r"|\s*,?\s*(?:for|at|during)\s+(?:a|an|the)\s+(?:NATO|G7|G20|EU|European|BRICS|SCO|OSCE)\s+(?:summit|gathering|meeting)\b",
    re.IGNORECASE,
)
# "as NATO leaders met in Washington for the alliance's 75th anniversary": the bloc's own summit
_BLOC_MET_LEFT = re.compile(
    r"\b(?:NATO|G7|G-7|G20|G-20|EU|BRICS|SCO|OSCE|alliance)\s+(?:leaders|ministers|heads\s+of\s+state(?:\s+and\s+government)?)"
    r"\s+(?:met|gathered|convened|assembled)\s+in\s+$"
)
_HE_MET = re.compile(
    r"(?:^|[,;]\s+|\bwhere\s+)(?:he|she)\s+(?:also\s+)?(?:held\s+talks|met|sat\s+down|had\s+talks)\b"
)
# "Zelensky's talks with Trump at the White House": a leader's own meeting puts the leader at the table
_OWN_MEETING_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:[\w-]+\s+)?(?:talks|meeting|meetings|visit|trip|summit|encounter|sit-down)\b",
    re.IGNORECASE,
)
_ROLE_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:(?:top|chief|lead|senior|own|foreign|defen[cs]e|special|peace|new)\s+)*(?:delegations?|negotiators?"
    r"|teams?|envoys?|representatives?|officials|president|leader|minister|counterparts?|side|diplomats|top\s+diplomat"
    r"|emissar(?:y|ies)|secretary|adviser|advisers|chief|commissioner|prime\s+minister)\b",
    re.IGNORECASE,
)
_PLACE_USE_LEFT = re.compile(
    r"\b(?:over|across|throughout|on|at|into|in|(?:visit|trip|journey)\s+to|(?:flew|travel+ed|went|headed)\s+to"
    r"|arrived\s+in)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_VENUE_APPOSITION = re.compile(r"\b[A-Z][\w'’-]+,\s+(?:the\s+)?(?:Kingdom\s+of\s+)?$")
_HOSTING = re.compile(r"\b(?:host(?:ed|s|ing)?|welcom(?:ed|ing)|received|receiving)\b", re.IGNORECASE)
_ABSENT_RIGHT = re.compile(
    r"^(?:['’]s)?,?\s+(?:\w+\s+){0,2}?(?:(?:was|were|is|are)\s+not\s+(?:invited|present|taking\s+part|part|at\s+the\s+table"
    r"|included|represented)|not\s+at\s+the\s+table|(?:was|were)\s+(?:excluded|left\s+out|sidelined)"
    r"|(?:also\s+)?(?:postponed|cancel+ed|called\s+off)\s+(?:a|an|his|her|their)\s+(?:visit|trip|meeting)"
    r"|(?:declined|refused)\s+to\s+(?:attend|join|take\s+part|participate)|boycotted|stayed\s+away)",
    re.IGNORECASE,
)
_NOT_PARTY_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:war|conflict|crisis|issue|question|(?:officials|diplomats|sources|analysts|media|commentators)\s+"
    r"(?:said|say|says|told|noted|warned))\b",
    re.IGNORECASE,
)
_OBJECT_OF_LEFT = re.compile(
    r"\b(?:ceasefire|truce|war|peace|deal|agreement|conflict)\s+(?:with|against|on)\s+$"
    # "putting the onus on Moscow to respond": the side expected to answer, not one at the table
    r"|\b(?:onus|burden)\s+(?:is\s+)?(?:now\s+)?(?:on|upon)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# the host provides the room: "hosted by", "the talks were opened by Turkish Foreign Minister Hakan Fidan"
_HOSTED_BY_LEFT = re.compile(
    r"\b(?:hosted|opened|welcomed|greeted)\s+by\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,3}$"
)
_SIDELINE = re.compile(
    r"\b(?:separately|on\s+the\s+sidelines|also\s+(?:met|in\s+the\s+city|attended)|in\s+a\s+separate)\b"
)
_SPOKE_AFTER = re.compile(
    r"^\s*,\s+(?:[\w.’'-]+\s+){0,6}?(?:said|says|told|announced|warned|added|wrote|insisted|claimed)\b", re.I
)


@dataclass(slots=True)
class TalksCluster:
    venue: Venue
    venue_is_country: bool
    sentences: list[Sentence] = field(default_factory=list)
    venue_ents: list[Ent] = field(default_factory=list)
    round: int | None = None
    entry: dt.date | None = None  # the timeline entry it is told in ("2 June - The second round …")


_MET_WITH_PEOPLE = re.compile(
    r"\b(?:(?:talks|meetings?|negotiat\w+|sat\s+down|spoke)\s+with|met|meet|meets|meeting|hosted|received)\s+"
    r"(?:[\w.’'-]+\s+){0,3}"
    r"(?:officials?|diplomats?|senators?|lawmakers?|envoys?)\s+in\s+$",
    re.IGNORECASE,
)


_SINCE_GAP = re.compile(r"\bsince\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:of\s+)?(?:19|20)\d\d\b", re.IGNORECASE)


def _venue_of(ent: Ent, gaz: Gazetteer, text: str, sent: Sentence) -> tuple[Venue, bool] | None:
    left = text[max(sent.start, ent.start - 100) : ent.start]
    right = text[ent.end : min(sent.end, ent.end + 40)]
    if _NOT_VENUE_LEFT.search(left) or right.startswith("-") or _NOT_VENUE_RIGHT.match(right):
        return None
    # where someone spoke: "Erdogan, speaking in Ankara, welcomed the exchange" (but "speaking in Granada,
    # where leaders … are meeting" names the meeting's venue)
    if _SPEAKING_LEFT.search(left) and not _WHERE_MEETING_RIGHT.match(text, ent.end, sent.end):
        return None
    # "Ankara, which is mediating, …" hosts; "with the United States again mediating" only mediates
    by_talks = _VENUE_RIGHT_TALKS.match(right) is not None or (
        _MEDIATOR_RIGHT.match(right) is not None
        and ent.venue is not None
        and not re.search(r"\bwith\s+(?:the\s+)?$", left)  # "with Washington again mediating": a government
    )
    # "had sent its own roadmap to Moscow": a document travels, nobody meets there
    by_travel = _TRAVEL_LEFT.search(left) is not None and not _SENT_PAPER_LEFT.search(left)
    # ("the first direct talks between Ukraine and Russia since the spring of 2022 lasted … in Istanbul": the
    # measure of the gap does not put the meeting word out of the venue's reach)
    gap = _SINCE_GAP.search(text, max(sent.start, ent.start - 140), ent.start)
    reach = 80 + (len(gap.group(0)) if gap else 0)
    by_prep = (
        _VENUE_LEFT.search(left) is not None
        and (
            _MEETING.search(text[max(sent.start, ent.start - reach) : min(sent.end, ent.end + 70)])
            is not None
            # a meeting verb further back still governs the venue: "X spent four hours with A, B and C
            # at a private club near Miami"
            or _MET_WITH.search(text[max(sent.start, ent.start - 160) : ent.start]) is not None
        )
    )
    # "met for four hours at a Riyadh palace", "talks at a Geneva hotel": the city names the building
    by_building = (
        re.search(r"\b(?:at|in)\s+(?:a|an|the)\s+$", left) is not None
        and _VENUE_BUILDING_RIGHT.match(right) is not None
        and _MEETING.search(text[max(sent.start, ent.start - 80) : ent.start]) is not None
    )
    by_dateline = (
        ent.start - sent.start <= 2
        and _DATELINE_RIGHT.match(text, ent.end, sent.end) is not None
        and _MEETING.search(text, ent.end, sent.end) is not None
        and not _OTHER_VENUE_WORDS.search(text, ent.end, sent.end)
        # "MOSCOW — The Kremlin said on Friday …", "MOSCOW — Putin said Russia was ready for negotiations":
        # a statement filed from the city, no meeting held there
        and not _DATELINE_SAID.match(text, ent.end, sent.end)
    )  # "ANCHORAGE, Alaska — Trump and Putin ended their first summit in six years on Friday"
    if not (by_prep or by_talks or by_travel or by_dateline or by_building):
        return None
    if (
        _HYPOTHETICAL.search(text[max(sent.start, ent.start - 80) : ent.start])
        or _NOT_HELD_RIGHT.search(text, ent.end, min(sent.end, ent.end + 120))
        or re.match(r"\s+talks\s+(?:of|about)\b", right)
    ):
        return None  # (the last: "Germany talks of training": a country speaking, no meeting)
    proposed = _PROPOSED_LEFT.search(text, max(sent.start, ent.start - 140), ent.start)
    if proposed is not None:
        between = re.sub(r"\b(?:in|at)\s+(?:the\s+)?$", "", text[proposed.start() : ent.start])
        if not re.search(r"\b(?:in|at)\s+(?:the\s+)?[A-Z]", between):
            return None  # the proposal is for this venue ("… proposes talks in Istanbul after leaders in Kyiv …")
    if (
        not _MET_WITH_PEOPLE.search(left)  # ("talks with U.S. officials in Jeddah." is where they met)
        and re.search(
            r"\b(?:officials?|authorities|sources?|diplomats?|analysts?|residents?|observers?|senators?|lawmakers?"
            r"|politicians?|commentators?|experts?|journalists?|reporters?|correspondents?)\s+in\s+$",
            left,
            re.I,
        )
        and re.match(
            r"^\s+(?:said|say|says|did|do|does|have|has|had|were|are|told|believe|hope|expect|fear|warned|insist\w*)\b"
            # "diplomats in Geneva were poring over a draft": where they work (not "are bracing for …")
            r"(?!\s+(?:still\s+)?(?!bracing|waiting|watching|hoping|worrying|preparing|looking|counting|wondering)\w+ing\b)"
            # "…, said a diplomat in Kyiv.", "Diplomats in Geneva who have worked on pauses elsewhere say …"
            r"|^\s*(?:[.;:\"”]|,?\s+who\b)",
            right,
        )
    ):
        return None  # "officials in Kyiv did not rule out a meeting": who speaks, not where anyone meets
    if re.search(
        r"\baccording\s+to\s+(?:\w+\s+){0,2}?(?:officials|authorities|sources|diplomats|people)\s+in\s+$",
        left,
        re.I,
    ):
        return None  # "…, according to officials in Kyiv": who told it
    if re.search(
        r"(?:^|\n)\s*in\s+$", text[max(sent.start - 1, ent.start - 6) : ent.start], re.I
    ) and _SPOKE_AFTER.match(right):
        return None  # "In Washington, Trump said …": where someone spoke, not where talks were
    if re.search(r"\bthe\s+talk\s+in\s+$", left, re.I):
        return None  # "the talk in Washington is of …": talk, not talks
    if ent.venue is not None:
        name = ent.venue.name
        if name.startswith("Saint ") and re.match(r"St\.?\s", ent.text):
            name = "St " + name[len("Saint ") :]  # written "St Petersburg" in English news
        return Venue(name, ent.venue.country or None), False
    if ent.demonym and re.match(r"^\s+capital\b", right) and ent.demonym in gaz.capital_of:
        return Venue(gaz.capital_of[ent.demonym], ent.demonym), False  # "in the Emirati capital"
    if ent.country and ent.country not in ("UA", "RU") and not ent.demonym:
        name = gaz.country_name_of.get(ent.country, ent.text)
        return Venue(_short_country(name, ent.text), ent.country), True
    return None


def _short_country(name: str, surface: str) -> str:
    return surface if len(surface) > 3 else name


def talks(
    ctx: DocContext,
    gaz: Gazetteer,
    attack_spans: list[tuple[int, int]],
    attack_places: set[int],
    strike_date: DateSpan | None = None,
) -> list[Event]:
    """Talks events, one per venue (and round); ``attack_places`` are ids of Ents used as attack places."""
    text = ctx.text
    clusters: list[TalksCluster] = []
    meeting = ctx.sentences_with(_MEETING_LC) - ctx.other_war()
    for sent in ctx.sentences:
        if sent.index not in meeting:
            continue
        stext = text[sent.start : sent.end]
        found = []
        for ent in ctx.ents_in(sent.start, sent.end):
            if id(ent) in attack_places:
                continue
            v = _venue_of(ent, gaz, text, sent)
            if v is not None:
                found.append((ent, v))
        adjectival = {id(e) for e, _ in found if _VENUE_RIGHT_TALKS.match(text[e.end : sent.end])}
        if len(adjectival) < len(found):
            # "Umerov is to meet Witkoff in Miami to hear a readout of the Moscow meeting": the sentence
            # is about the meeting in Miami; "the Moscow meeting" only names the other one
            placed = {v[0].name for e, v in found if id(e) not in adjectival}
            found = [
                (e, v)
                for e, v in found
                if id(e) not in adjectival or v[0].name in placed or v[0].name in _STATE_VENUES
            ]  # (a state's summit is its city's: "the Alaska summit … near Anchorage")
        for ent, v in found:
            venue, is_country = v
            entry = entry_day(ctx, sent)
            c = _cluster_for(clusters, venue, is_country, stext, ent.start - sent.start, entry)
            if c is None:
                c = TalksCluster(
                    venue, is_country, round=_round_in(stext, ent.start - sent.start), entry=entry
                )
                clusters.append(c)
            elif c.venue_is_country and not is_country:
                c.venue, c.venue_is_country = venue, False
            if sent not in c.sentences:
                c.sentences.append(sent)
            c.venue_ents.append(ent)
    clusters = _fold_states(clusters)
    clusters = [
        c
        for c in clusters
        if not _historic(text, c, ctx.published)
        and not _past_year(text, c, ctx.published)
        and not _compared_only(text, c)
        and not _earlier_one(text, c)
    ]
    clusters = [
        c
        for c in clusters
        if not (
            _background(text, c)
            and any(
                o is not c
                and o.venue.country == c.venue.country
                # "The first round in Istanbul on May 16 yielded a swap" beside the second round: a
                # round of its own, told with its number and its day ("late last month" is mere background)
                and (c.round is None or o.round is None or o.round == c.round or not _told_day(ctx, c))
                for o in clusters
            )
        )
    ]
    events = []
    venue_ids = {id(e) for c in clusters for e in c.venue_ents}
    for c in clusters:
        capital = c.venue.country is not None and gaz.capital_of.get(c.venue.country) == c.venue.name
        ev = _talks_event(ctx, c, attack_spans, attack_places, strike_date, venue_ids, capital)
        if ev is not None:
            events.append(ev)
    return events


# Venues that are a whole state, named beside the city of the meeting ("the Alaska summit … near Anchorage"),
# with the state's bounding box (south, north, west, east) to tell which venue cities lie in it
_STATE_VENUES = {"Alaska": (51.0, 71.5, -180.0, -129.9), "Florida": (24.3, 31.1, -87.7, -79.8)}


def _city_in_state(c: TalksCluster, state: str) -> bool:
    south, north, west, east = _STATE_VENUES[state]
    return any(
        e.venue is not None
        and e.venue.lat is not None
        and e.venue.lon is not None
        and south <= e.venue.lat <= north
        and west <= e.venue.lon <= east
        for e in c.venue_ents
    )


def _fold_states(clusters: list[TalksCluster]) -> list[TalksCluster]:
    """A state named in a sentence with a city of that country is where the city lies: one meeting."""
    out = []
    for c in clusters:
        if c.venue.name in _STATE_VENUES:
            city = next(
                (
                    o
                    for o in clusters
                    if o is not c
                    and o.venue.name not in _STATE_VENUES
                    and o.venue.country == c.venue.country
                    and any(s in o.sentences for s in c.sentences)
                ),
                None,
            )
            if city is None:
                # "talks in Florida" in the headline over a body that says Miami: the one city of that
                # state where the document has a meeting
                inside = {o.venue.name: o for o in clusters if o is not c and _city_in_state(o, c.venue.name)}
                city = next(iter(inside.values())) if len(inside) == 1 else None
            if city is not None:
                city.sentences.extend(s for s in c.sentences if s not in city.sentences)
                city.sentences.sort(key=lambda s: s.index)
                city.venue_ents.extend(c.venue_ents)
                continue
        out.append(c)
    return out


_BACKGROUND = re.compile(
    r"\b(?:follow(?:s|ed|ing)?\s+(?:a|an|the)\s+(?:first|previous|earlier)|after\s+(?:a|an|the|two|three)\s+(?:first"
    r"|previous|earlier|meetings?)|previous\s+round|earlier\s+round|last\s+round|first\s+round\s+in|earlier\s+this\s+year"
    r"|late\s+last\s+month|last\s+year|in\s+20(?:22|23|24))\b",
    re.IGNORECASE,
)


# a meeting named only as one before this one, or as the start of a period: "the fourth such meeting,
# after rounds in Copenhagen, Jeddah and Malta", "China, which attended the Jeddah round", "China had
# skipped a similar meeting in Copenhagen"
_EARLIER_ONE = re.compile(
    r"\b(?:after\s+(?:earlier\s+|previous\s+)?(?:rounds|meetings|sessions|summits)\s+in"
    r"|(?:which|who)\s+(?:had\s+)?attended\s+the"
    # a time mark: "swaps have followed one another since the Istanbul talks in the summer"
    r"|since\s+the(?=\s+(?-i:[A-Z])[\w-]+\s+(?:talks|summit|meeting|round|negotiations)\b)"
    r"|(?:skipped|missed|boycotted)\s+(?:a|an|the)\s+(?:similar\s+|previous\s+|earlier\s+)?(?:meeting|round|summit"
    r"|session|talks))\b",
    re.IGNORECASE,
)


def _earlier_one(text: str, c: TalksCluster) -> bool:
    """Every sentence about this venue names its meeting only as one held before the one reported
    (each of its names there: "met Witkoff in Miami …, his first since the Alaska summit" is a meeting
    in the state folded into the city's)."""
    marks = {s.index: [m.end() for m in _EARLIER_ONE.finditer(text, s.start, s.end)] for s in c.sentences}
    return all(
        bool(marks[s.index])
        and all(
            any(end <= e.start <= end + 60 for end in marks[s.index])
            for e in c.venue_ents
            if s.start <= e.start < s.end
        )
        for s in c.sentences
    )


# "far warmer than the February Oval Office meeting": a meeting this one is compared with
_COMPARED = re.compile(
    r"\bthan\s+(?:the|their)\s+(?:[\w'’-]+\s+){0,3}?(?:meeting|talks|summit|encounter)\b", re.IGNORECASE
)


def _compared_only(text: str, c: TalksCluster) -> bool:
    """Every sentence names this venue's meeting only to compare another with it."""
    return all(_COMPARED.search(text, s.start, s.end) is not None for s in c.sentences)


def _told_day(ctx: DocContext, c: TalksCluster) -> bool:
    """Some sentence about the venue gives a day (not "late last month")."""
    return any(
        d.span.precision in ("day", "days")
        for s in c.sentences
        for d in D.find_dates(ctx.text[s.start : s.end], ctx.published, ctx.anchor_year)
    )


def _background(text: str, c: TalksCluster) -> bool:
    """Every sentence about this venue looks back at an earlier round."""
    return all(_BACKGROUND.search(text[s.start : s.end]) for s in c.sentences)


def _last_met_before(text: str, s: Sentence, year_at: int, venue_ents: list[Ent]) -> bool:
    """The year dates the leaders' previous meeting, told after the venue of this one."""
    lm = _LAST_MET_LEFT.search(text, max(s.start, year_at - 50), year_at)
    return lm is not None and all(e.end <= lm.start() for e in venue_ents if s.start <= e.start < s.end)


def _historic(text: str, c: TalksCluster, published: dt.date | None = None) -> bool:
    """Talks dated only by years before the full-scale war (the Minsk agreements of 2014–15), or told as
    "Eight years ago today, after a night of talks in the Belarusian capital" from a date that puts them there."""
    # only years near the venue ("signed in Minsk in 2014"): "… restored after a fire in April 2019"
    # at the far end of the sentence dates something else
    years = [
        int(m.group(1))
        for s in c.sentences
        # ("their first summit since 2019" compares; it does not date the meeting)
        for m in re.finditer(r"(?<!\bthe\s)(?<!\bsince\s)\b(19\d\d|20\d\d)\b", text[s.start : s.end])
        if any(abs(s.start + m.start() - e.start) <= 90 for e in c.venue_ents if s.start <= e.start < s.end)
        # ("sat down together in Anchorage; they had last met in person in 2019": the meeting before,
        # unless that is the venue's own meeting: "The two leaders last met in Helsinki in 2018.")
        and not _last_met_before(text, s, s.start + m.start(), c.venue_ents)
    ]
    if published is not None:
        for s in c.sentences:
            if _AGO.search(text, s.start, s.end) is None:
                continue  # (the number words before "years ago" are slow to try at every word)
            for m in _YEARS_AGO.finditer(text, s.start, s.end):
                n = word_to_int(m.group("n"))
                if n is not None and published.year - n < 2022:
                    years.append(published.year - n)
    return bool(years) and max(years) < 2022


_YEAR = re.compile(r"(?<!\bthe\s)\b(20\d\d)\b")
# "their first direct meeting since the early weeks of the war in 2022": a year that measures a gap
# "they had last met in person in 2019": the year of the meeting before this one
_LAST_MET_LEFT = re.compile(r"\blast\s+(?:met|spoke|talked|sat\s+down)\s[^,.;:]{0,40}$", re.IGNORECASE)
_SINCE_LEFT = re.compile(r"\bsince\s[^,.;:]{0,40}$", re.IGNORECASE)


def _past_year(text: str, c: TalksCluster, published: dt.date | None) -> bool:
    """Every sentence about the venue dates its meeting by a year before the article's ("Background: in
    2022, delegations met in Belarus and then in Istanbul"): history, not news. (In January last
    December's meeting may still be news.)"""
    if published is None or published.month == 1:
        return False
    for s in c.sentences:
        years = [
            int(m.group(1))
            for m in _YEAR.finditer(text, s.start, s.end)
            if not _SINCE_LEFT.search(text, max(s.start, m.start() - 50), m.start())
            and any(abs(m.start() - e.start) <= 90 for e in c.venue_ents if s.start <= e.start < s.end)
            and not _last_met_before(text, s, m.start(), c.venue_ents)
        ]
        if not years or max(years) >= published.year:
            return False
    return True


_YEARS_AGO = re.compile(rf"\b(?P<n>{NUMBER})\s+years\s+ago\b", re.IGNORECASE)
_AGO = re.compile(r"\syears\s+ago\b", re.IGNORECASE)


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _cluster_for(
    clusters: list[TalksCluster],
    venue: Venue,
    is_country: bool,
    stext: str,
    near: int,
    entry: dt.date | None = None,
) -> TalksCluster | None:
    rnd = _round_in(stext, near)
    for c in clusters:
        if entry is not None and c.entry is not None and entry != c.entry:
            continue  # a timeline's entries of different days: two meetings at the same venue
        same = c.venue.name == venue.name or (
            venue.country is not None
            and c.venue.country == venue.country
            and (c.venue_is_country or is_country)
        )
        if not same:
            continue
        if rnd is not None and c.round is not None and rnd != c.round:
            continue
        if rnd is not None:
            c.round = rnd
        return c
    return None


def _round_in(s: str, near: int | None = None) -> int | None:
    """The round a sentence names; with ``near`` (the venue's offset) only one close to the venue,
    and never "a fourth round could follow" (a later round, not this one)."""
    best: tuple[int, re.Match[str]] | None = None
    for m in _ROUND.finditer(s):
        if _LATER_ROUND.match(s, m.end()):
            continue
        dist = 0 if near is None else min(abs(m.start() - near), abs(m.end() - near))
        if near is not None and dist > 80:
            continue
        if best is None or dist < best[0]:
            best = (dist, m)
    if best is None:
        return None
    word = best[1].group("ord") or best[1].group("num")
    return 1 if word.lower() in ("opening", "inaugural") else ordinal_or_number(word)


def _talks_event(
    ctx: DocContext,
    c: TalksCluster,
    attack_spans: list[tuple[int, int]],
    attack_places: set[int],
    strike_date: DateSpan | None,
    venue_ids: set[int],
    capital: bool = False,
) -> Event | None:
    """``venue_ids``: ids of the Ents that name the venue of any talks in the article; ``capital``:
    the venue is the capital of its country."""
    text = ctx.text
    if all(in_tally_box(ctx, s) for s in c.sentences):
        return None  # "Key numbers / 5 meetings in five weeks | 48 dead in Kharkiv …": a box of totals
    stext_all = " ".join(text[s.start : s.end] for s in c.sentences)
    # a sentence that also names another venue may be off topic about that other meeting only
    own_only = " ".join(
        text[s.start : s.end]
        for s in c.sentences
        if not any(
            id(e) in venue_ids
            and e not in c.venue_ents
            and e.venue is not None
            and e.venue.name != c.venue.name
            for e in ctx.ents_in(s.start, s.end)
        )
    )
    bilateral = _BILATERAL.search(own_only) is not None
    if not bilateral and any(
        _BLOC_SUMMIT_RIGHT.match(text, e.end, min(len(text), e.end + 120))
        or _BLOC_MET_LEFT.search(text, max(0, e.start - 60), e.start)
        for e in c.venue_ents
    ):
        return None  # "leaders gathered in Moldova for a summit of the European Political Community"
    if all(_UNSCHEDULED.search(text, s.start, s.end) for s in c.sentences):
        return None  # "no date or venue had been agreed for a new round", "discussed but not scheduled"
    if _OFF_TOPIC_TALKS.search(own_only) or (
        _OFF_TOPIC.search(stext_all) and not _WAR_TOPIC.search(stext_all)
    ):
        return None
    if not _PEACE_WORD.search(own_only) and any(_SPORT.search(p) for p in _paragraph_texts(ctx, c.sentences)):
        return None  # "Ukraine face Belgium in Stuttgart", "home games in Krakow": fixtures, not talks
    if not bilateral and (_BLOC_SUMMIT.search(own_only) or c.venue.name in _BLOC_SEATS):
        return None  # (Brussels: the EU's and NATO's own councils, summits and summonses)
    if not _WAR_TOPIC.search(stext_all) and not _WAR_TOPIC.search(text[: min(len(text), 2000)]):
        return None  # neither the venue sentences nor the article's opening speak of this war
    parties, mediators = _sides(ctx, c, c.sentences, attack_spans, attack_places)
    # sentences about "the talks" near the venue's own: they name mediators, and sides if few are known
    paras = {s.paragraph for s in c.sentences} | {s.paragraph + 1 for s in c.sentences}
    # (a government that hosts or brokers is no other venue: "hosted by the UAE and brokered by Washington")
    others = {
        id(e)
        for e in ctx.ents
        if e.venue is not None
        and e not in c.venue_ents
        and e.venue.name != c.venue.name
        and not re.search(r"\bby\s+(?:the\s+)?$", text[max(0, e.start - 12) : e.start])
        # (nor a capital standing for its side: "Moscow's delegation passes over a memorandum", "the
        # Kremlin's conditions"; but "Istanbul's Ciragan Palace" is a place)
        and not (e.possessive and not re.match(r"(?:['’]s)?\s+[A-Z]", text[e.end : e.end + 6]))
    }
    extra = [
        s
        for s in ctx.sentences
        if s.paragraph in paras
        and s not in c.sentences
        and L.TALKS_TRIGGERS.search(ctx.lower[s.start : s.end])
        and not any(id(e) in others for e in ctx.ents_in(s.start, s.end))
    ]
    p2, m2 = _sides(ctx, c, extra, attack_spans, attack_places)
    mediators |= m2
    if len(parties - mediators) < 2:
        parties |= p2
    told = [*c.sentences, *extra]
    if (
        parties - mediators in ({"RU"}, {"UA"})
        and any(_BOTH_SIDES.search(text, s.start, s.end) for s in told)
        and all(
            e.side in (None, "RU", "UA", c.venue.country, *mediators)
            and (e.venue is None or e.venue.country in ("RU", "UA", c.venue.country))
            for s in told
            for e in ctx.ents_in(s.start, s.end)
        )
    ):
        # "Moscow's delegation passes over a memorandum … and both sides agree on an exchange": the
        # other side at a table of the two warring sides, when no one else is named, is the other one
        parties |= {"RU", "UA"}
    if len(parties - mediators) == 1:
        # "Zelensky returned from a trip … On Thursday, he held talks with Biden in the Oval Office": the
        # leader the pronoun stands for is at the table
        for s in c.sentences:
            if _HE_MET.search(text[s.start : s.end]) is None:
                continue
            sides = [
                e.side
                for e in ctx.ents_in(max(0, s.start - 400), s.start)
                if e.person and e.side and e.side not in mediators
            ]
            if sides:
                parties.add(sides[-1])
                break
    visited = any(_VISIT.search(text, max(0, e.start - 30), e.start) for e in c.venue_ents)
    if (
        not c.venue_is_country
        and c.venue.country in ("UA", "RU")
        and (len(parties - mediators) == 1 or visited)
    ):
        # "Driscoll would go to Kyiv", "Starmer visited Kyiv to sign …": a visitor to a warring side's
        # city meets that side
        parties.add(c.venue.country)
    elif (
        capital
        and not c.venue_is_country
        and c.venue.country
        and c.venue.country not in mediators
        and len(parties - mediators) == 1
        # "the opening round in the Emirati capital … hailed by both sides": a round between two
        # sides the host only receives
        and c.round is None
        and not any(_BOTH_SIDES.search(text, s.start, s.end) for s in c.sentences)
    ):
        # "Zelensky would come to Washington", "Zelensky and Ramaphosa met in Pretoria": one side
        # named, in another country's capital, meets that country
        parties.add(c.venue.country)
    parties -= mediators
    rnd = c.round
    if rnd is None:
        # (also "The first round of the talks, hosted by …, began on Friday" just after the venue's sentence)
        anaphoric = [s for s in extra if _ROUND_OF_THESE.search(text, s.start, s.end)]
        for s in [*c.sentences, *anaphoric]:
            rnd = _round_in(text[s.start : s.end])
            if rnd:
                break
    status = _talks_status(text, c)
    date = _talks_date(ctx, c, status == "planned", strike_date)
    if date is None and status != "planned":
        date = (
            next((d for s in c.sentences if (d := entry_span(ctx, s)) is not None), None)
            or _undated_held_day(ctx, c, extra, venue_ids)
            or _told_as_now(ctx, c)
        )
    if date is not None and ctx.published and date.start and date.start > ctx.published and status == "held":
        status = "planned"
    conf = 0.55 + 0.1 * bool(parties) + 0.1 * bool(date) + 0.05 * (len(c.sentences) > 1) + 0.05 * bool(rnd)
    evidence = tuple(ctx.evidence(s.start, s.end) for s in c.sentences)
    return Event(
        kind="talks",
        evidence=evidence,
        confidence=min(conf, 0.9),
        date=date,
        venue=c.venue,
        parties=tuple(sorted(parties)),
        mediators=tuple(sorted(mediators)),
        round=rnd,
        status=status,
    )


def _sides(
    ctx: DocContext,
    c: TalksCluster,
    sentences: list[Sentence],
    attack_spans: list[tuple[int, int]],
    attack_places: set[int],
) -> tuple[set[str], set[str]]:
    text = ctx.text
    parties: set[str] = set()
    mediators: set[str] = set()
    tables: set[str] = set()
    for s in sentences:
        lo, hi = _venue_clause(ctx, c, s)
        # "Umerov met Witkoff and Kushner in Miami", "talks between Russia and Ukraine": when the
        # sentence says who met whom, only they are at this table
        table = _meeting_sides(ctx, lo, hi)
        if table and not _names_other_venue(ctx, c, s):
            tables |= table  # (a sentence naming another venue may be about that other meeting)
        # "Zelensky, who was not invited to Alaska, said Ukraine was ready for a three-way meeting": a
        # side the sentence keeps away from this table is not at it anywhere in the sentence
        absent = {
            e.side
            for e in ctx.ents_in(lo, hi)
            if e.side and _ABSENT_RIGHT.match(text[e.end : min(s.end, e.end + 60)])
        }
        for ent in ctx.ents_in(lo, hi):
            if ent.side in absent:
                continue
            if id(ent) in attack_places or (
                _in_spans(ent.start, attack_spans) and actor_use(ctx, ent, s.end)
            ):
                continue  # the attacker or the attacked place of a strike in the same sentence
            side = ent.side
            if ent.venue is not None and ent in c.venue_ents:
                side = None
            if side is None:
                continue
            left = text[max(s.start, ent.start - 40) : ent.start]
            right = text[ent.end : min(s.end, ent.end + 40)]
            if ent.demonym and re.match(r"^\s+(?:capital|city|port|resort|town|coast)\b", right, re.I):
                continue  # "the Emirati capital": a place, not a side
            if re.match(r"^\s+(?:observers?|monitors?|journalists|reporters|media)\b", right, re.I):
                continue  # present, but not at the table
            if (
                ent.possessive
                and not _ROLE_RIGHT.match(right)
                and not (ent.person and _OWN_MEETING_RIGHT.match(right))
            ):
                continue  # "Moscow's actions", "Ukraine's skies": not someone at the table
            if side == "EU" and not _ROLE_RIGHT.match(right):
                continue  # "a European diplomat observed": Europe is at the table only when its team is
            if ent.country and not ent.person and _PLACE_USE_LEFT.search(left):
                continue  # "over Ukraine", "in Russia"
            if ent.place is not None and ent.place.kind != "country" and ent.text not in CAPITAL_SIDES:
                continue  # "Kharkiv" is a city, not a side
            if _HOSTED_BY_LEFT.search(left) or _DRAFTED_BY_LEFT.search(left):
                continue  # the host provides the room; the drafters of a text are not at this table
            between = re.search(r"\bbetween\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}$", left, re.I)
            if _MEDIATOR_RIGHT.match(text[ent.end : min(s.end, ent.end + 80)]) or (
                _MEDIATOR_LEFT.search(left) and not between
            ):
                mediators.add(side)  # (those a mediator stands "between" are the parties)
                continue
            if c.venue.country == side and (
                c.venue_is_country
                or _HOSTING.search(text[max(s.start, ent.start - 60) : ent.end + 60])
                or (not ent.person and _HOSTING.search(text[ent.end : min(s.end, ent.end + 120)]))
                or (ent.country and not ent.person and _VENUE_APPOSITION.search(left))
            ):
                # the host country provides the room (a visit to it is handled below): "Saudi Foreign
                # Minister Prince Faisal … welcomed the delegations", "in Jeddah, Kingdom of Saudi Arabia"
                continue
            if (
                side == c.venue.country
                and not ent.person
                and re.search(r"\b(?:to|from)\s+(?:the\s+)?$", left)
            ):
                continue  # "moving the process from the Gulf to Switzerland": the host country as a place
            if re.search(r"\b(?:without|excluding|not\s+including|absent)\s+(?:\w+\s+)?$", left):
                continue  # "talks without Ukraine"
            if _ABSENT_RIGHT.match(right) or _NOT_PARTY_RIGHT.match(right) or _OBJECT_OF_LEFT.search(left):
                continue  # "Ukraine was not invited", "the Ukraine war", "a ceasefire with Russia", "X officials said"
            if _SIDELINE.search(ctx.lower[s.start : s.end]) and not (ent.person or _ROLE_RIGHT.match(right)):
                continue  # others who "also met the delegations separately"
            if table is not None and side not in table:
                continue
            parties.add(side)
        for ent in c.venue_ents:
            if (
                s.start <= ent.start < s.end
                and c.venue.country
                and _MEDIATOR_RIGHT.match(text[ent.end : ent.end + 40])
            ):
                mediators.add(c.venue.country)  # "Ankara, which is mediating, …"
            if (
                s.start <= ent.start < s.end
                and c.venue_is_country
                and _VISIT.search(text[max(s.start, ent.start - 30) : ent.start])
                and c.venue.country
            ):
                parties.add(c.venue.country)
    if len(tables) >= 2:
        # a sentence that says who met whom outweighs sides merely named near the venue elsewhere
        # ("an adviser to Zelensky said", "a push by Germany, France and Britain")
        parties &= tables
    return parties, mediators


_MEET_BETWEEN = re.compile(
    r"\b(?:talks|negotiations|meetings?|consultations|contacts|summit|dialogue)\s+between\s+", re.IGNORECASE
)
_MEET_VERB = re.compile(
    r"\b(?:met|meets|meet|meeting\s+with|held\s+(?:[\w-]+\s+){0,4}?(?:talks|consultations|negotiations|a\s+meeting)(?:\s+[\w-]+){0,6}?\s+with"
    r"|talked\s+(?:to|with)|sat\s+down\s+with|negotiated\s+with|spoke\s+(?:to|with)|hosted|received"
    r"|for\s+talks\s+with)\b",
    re.IGNORECASE,
)
_MEET_STOP = re.compile(
    r"\b(?:in|on|at|for|to|about|over|after|before|where|while|during|near|as|who|which|that|amid|following)\b"
    r"|[,;:(—–]|(?<!\b[A-Z])\.",  # ("U.S. envoy" goes on)
    re.IGNORECASE,
)


_SUBJECT_ASIDE = re.compile(r",\s+(?:who|which)\s[^,;]*,")


def _meeting_sides(ctx: DocContext, lo: int, hi: int) -> set[str] | None:
    """The sides a meeting verb or "talks between" links in ``text[lo:hi]``; None when none is found."""
    text = ctx.text
    ents = [
        e for e in ctx.ents_in(lo, hi) if e.side and not (e.place is not None and e.place.kind != "country")
    ]

    def sides_in(a: int, b: int) -> set[str]:
        return {e.side for e in ents if a <= e.start < b and e.side}

    m = _MEET_BETWEEN.search(text, lo, hi)
    if m is not None:
        stop = _MEET_STOP.search(text, m.end(), hi)
        found = sides_in(m.end(), stop.start() if stop else hi)
        if len(found) >= 2:
            return found
    m = _MEET_VERB.search(text, lo, hi)
    if m is None:
        return None
    before = text.rfind(",", lo, m.start())
    # "Ukrainian, Russian and U.S. negotiators … meet": a comma inside a list of sides
    while (
        before >= 0
        and any(e.end == before for e in ents)
        and any(before < e.start <= before + 2 for e in ents)
    ):
        before = text.rfind(",", lo, before)
    subj_from = lo if before < 0 else before + 1
    # "X, Ukraine's top negotiator, met …": an aside does not end the subject
    if before >= 0 and not sides_in(before + 1, m.start()):
        subj_from = lo
    # "Driscoll, who presented the draft to Zelensky in Kyiv last week, is due to meet Russian officials":
    # those an aside about the subject names are not the subject
    aside = _SUBJECT_ASIDE.search(text, subj_from, m.start())
    if aside is None:
        subject = sides_in(subj_from, m.start())
    else:
        subject = sides_in(subj_from, aside.start()) | sides_in(aside.end(), m.start())
    stop = _MEET_STOP.search(text, m.end(), hi)
    objects = sides_in(m.end(), stop.start() if stop else hi)
    found = subject | objects
    # "Trump and Putin agree to meet in Budapest": both sides in the subject
    return found if subject and len(found) >= 2 else None


def _venue_clause(ctx: DocContext, c: TalksCluster, s: Sentence) -> tuple[int, int]:
    """The part of a sentence that speaks of this venue, when the sentence names two venues."""
    mine = [e for e in c.venue_ents if s.start <= e.start < s.end]
    others = [e for e in ctx.ents_in(s.start, s.end) if e.venue is not None and e not in c.venue_ents]
    if not mine or not others:
        return s.start, s.end
    for cl in s.clauses:
        if any(cl.start <= e.start < cl.end for e in mine) and not any(
            cl.start <= e.start < cl.end for e in others
        ):
            return cl.start, cl.end
    return s.start, s.end


def _names_other_venue(ctx: DocContext, c: TalksCluster, s: Sentence) -> bool:
    """Whether a sentence of this cluster names another meeting place too (and may be about it)."""
    return any(
        e.venue is not None
        and e not in c.venue_ents
        and e.venue.name != c.venue.name
        and not e.possessive  # "Washington's plan"
        and not ctx.text[e.start : e.end].isupper()  # a dateline ("MOSCOW/KYIV —")
        # the state or country that locates the venue: "ANCHORAGE, Alaska —", "Jeddah, Saudi Arabia"
        and not any(v.end <= e.start and ctx.text[v.end : e.start].strip() == "," for v in c.venue_ents)
        for e in ctx.ents_in(s.start, s.end)
    )


def _talks_status(text: str, c: TalksCluster) -> str:
    held = planned = ongoing = 0
    for s in c.sentences:
        st = text[s.start : s.end]
        held += bool(_HELD.search(st))
        planned += bool(_PLANNED.search(_DECLINED.sub(" ", st)))
        ongoing += bool(_ONGOING.search(st))
    if ongoing and not planned:
        return "ongoing"
    if held:
        return "held"
    if planned:
        return "planned"
    if ongoing:
        return "ongoing"
    return "held"


def _talks_date(
    ctx: DocContext, c: TalksCluster, future: bool, strike_date: DateSpan | None
) -> DateSpan | None:
    text = ctx.text
    found: list[tuple[int, D.DateMention]] = []
    said: list[D.DateMention] = []  # the day something was said: the talks' date only when no other is given
    for s in c.sentences:
        st = text[s.start : s.end]
        for d in D.find_dates(st, ctx.published, ctx.anchor_year, future=future):
            if d.start < 15 and _SAID_AFTER.match(st[d.end :]):
                continue  # "On Nov. 25, Trump announced …"
            if d.start < 40 and re.match(r"\s*(?:\([^)]{1,40}\))?\s*[—–-]\s", st[d.end :]):
                said.append(d)  # a dateline ("BÜRGENSTOCK, Switzerland, June 16 —") dates the report
                continue
            if _SAID_BEFORE.search(st, max(0, d.start - 30), d.start):
                said.append(d)  # "Zelensky said on Saturday he would travel to Washington on Monday"
                continue
            if _MET_BEFORE.search(st, max(0, d.start - 40), d.start):
                continue  # "the same delegations that met on May 16": when they met before
            if _WAR_BEGAN_BEFORE.search(st, max(0, d.start - 40), d.start):
                continue  # "efforts to isolate Putin that began when Russia invaded in February 2022"
            other = _OTHER_MEETING_BEFORE.search(st, max(0, d.start - 130), d.start)
            if other is not None and not any(
                s.start + other.start() <= e.start < s.start + d.start for e in c.venue_ents
            ):
                continue  # "the Jeddah talks followed an Oval Office meeting on Feb. 28"
            found.append((1 if _names_other_venue(ctx, c, s) else 0, d))
    rank = min((g for g, _d in found), default=0)  # a sentence about this venue alone dates it first
    best = D.best([d for g, d in found if g == rank]) or (None if future else D.best(said))
    if best is not None:
        return _with_length(text, c, best)
    if future:
        return None
    if strike_date is not None and any(_TIED_TO_STRIKE.search(text[s.start : s.end]) for s in c.sentences):
        return strike_date  # "The strikes came as Zelensky arrived in Turkey"
    strike_day = _one_day(strike_date)
    if strike_day is not None:
        for s in c.sentences:
            m = _DAYS_FROM_STRIKE.search(text, s.start, s.end)
            if m is not None:
                # "The barrage came a day after talks in London": counted from the strike's day
                w = m.group("n").lower()
                n = int(w) if w.isdigit() else _FEW_DAYS[w]
                if 0 < n <= 14:
                    sign = -1 if m.group("dir").lower() == "after" else 1
                    day = strike_day + dt.timedelta(days=sign * n)
                    return DateSpan(day, day, "day")
    # the nearest date earlier in the same paragraph ("… on Wednesday. The strikes came as X arrived in Turkey")
    first = c.sentences[0]
    for s in reversed(ctx.sentences[: first.index]):
        if s.paragraph != first.paragraph:
            break
        ds = D.find_dates(text[s.start : s.end], ctx.published, ctx.anchor_year)
        b = D.best(ds)
        if b is not None:
            return b.span
    return None


def _told_as_now(ctx: DocContext, c: TalksCluster) -> DateSpan | None:
    """Talks the report tells as going on ("leaders are holding talks in Anchorage", a headline's "as
    delegations meet in Jeddah") and dates no other way: the day it is published."""
    if ctx.published is None:
        return None
    if any(
        _HAPPENING_NOW.search(ctx.text, s.start, s.end)
        or (s.end <= ctx.title_end and _HEADLINE_MEET.search(ctx.text, s.start, s.end))
        for s in c.sentences
    ):
        return DateSpan(ctx.published, ctx.published, "day")
    return None


# talks told as going on while the report is written: they take place on the day it is published
_HAPPENING_NOW = re.compile(
    r"\b(?:are|is)\s+(?:now\s+)?(?:holding\s+(?:talks|a\s+meeting|negotiations)|meeting|negotiating)\b"
    r"|\b(?:talks|negotiations|meeting|session)\s+(?:have|has)\s+(?:now\s+|just\s+)?(?:begun|started|opened)\b"
    r"|\b(?:talks|negotiations)\s+(?:are|is)\s+(?:now\s+)?under\s*way\b",
    re.IGNORECASE,
)


# a headline's present tense: "… as delegations meet in Jeddah", "Trump and Putin meet in Alaska"
_HEADLINE_MEET = re.compile(r"\b(?:meet|convene|hold\s+talks|sit\s+down)\s+(?:in|at)\b", re.IGNORECASE)


_MET_BEFORE = re.compile(
    r"\b(?:that|who|which)\s+(?:had\s+)?(?:first\s+|last\s+|previously\s+|already\s+)?met\s+(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)
_WAR_BEGAN_BEFORE = re.compile(
    r"\b(?:invaded|invasion|full-scale\s+war\s+(?:began|started)|war\s+(?:began|broke\s+out|started))"
    r"(?:\s+(?:of\s+)?Ukraine)?\s+(?:in|on|since)?\s*$",
    re.IGNORECASE,
)
_OTHER_MEETING_BEFORE = re.compile(
    r"\b(?:followed|since|preceded|came\s+after|weeks\s+after|days\s+after)\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,4}?"
    r"(?:meeting|summit|talks|call|visit|shouting\s+match|row|clash|spat|encounter)\b(?:[^.;]|(?<=\b[A-Z])\.){0,80}$",
    re.IGNORECASE,
)
_LENGTH = re.compile(
    r"\b(?:(?P<n>two|three|four|[234])[- ]day\s+(?:[\w-]+\s+){0,2}?(?:summit|talks|meeting|conference|negotiations"
    r"|gathering)|(?P<m>two|three|four)\s+days\s+of\s+(?:talks|negotiations|meetings))\b",
    re.IGNORECASE,
)
_ENDED_LEFT = re.compile(
    r"\b(?:ended|concluded|closed|wrapped\s+up|finished)\s+(?:[\w-]+\s+){0,8}?(?:on\s+)?$", re.I
)
_DAYS_WORD = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _undated_held_day(
    ctx: DocContext, c: TalksCluster, extra: list[Sentence], venue_ids: set[int]
) -> DateSpan | None:
    """The day of held talks their venue's sentences leave undated: from a sentence nearby about "the
    talks" (the lede under a headline that names them), else a live page's hour line."""
    near = extra
    if any(s.paragraph == 0 for s in c.sentences):
        # a headline's talks are the lede's: "Jeddah talks open door to truce" over "… emerged from
        # eight hours of talks in the Saudi port city on Tuesday"
        lede = next((s.paragraph for s in ctx.sentences if s.paragraph > 0 and s.end - s.start > 120), None)
        near = [*extra, *(s for s in ctx.sentences if s.paragraph == lede and s not in extra)]
    # (not from a paragraph that names another meeting's venue: "Zelensky arrived in Washington on
    # Thursday … On Thursday he met executives" is no date of the Alaska summit named before)
    busy = {
        s.paragraph
        for s in ctx.sentences
        for e in ctx.ents_in(s.start, s.end)
        if id(e) in venue_ids
        and e not in c.venue_ents
        and e.venue is not None
        and e.venue.name != c.venue.name
    }
    date = _anaphoric_date(
        ctx, [s for s in near if s.index not in ctx.other_war() and s.paragraph not in busy], c.venue.name
    )
    if (
        date is None
        and ctx.published is not None
        and any(clock_heading(ctx.text, s.start) for s in c.sentences)
    ):
        date = DateSpan(ctx.published, ctx.published, "day")  # a live page's entry under its hour
    return date


def _anaphoric_date(ctx: DocContext, near: list[Sentence], venue: str | None = None) -> DateSpan | None:
    """The day of held talks the venue's own sentences leave undated, from a sentence just after that
    speaks of "the talks" without naming any venue ("Kyiv backs truce idea after Jeddah meeting" and
    then "… after a long day of talks between American and Ukrainian officials on Tuesday"), or that
    puts the venue itself beside a day ("Today in Jeddah, the United States and Ukraine took steps")."""
    days = [
        (s, d)
        for s in near
        for d in D.find_dates(ctx.text[s.start : s.end], ctx.published, ctx.anchor_year)
        if d.span.start is not None
        and d.span.precision == "day"
        and not _SAID_BEFORE.search(ctx.text, max(s.start, s.start + d.start - 30), s.start + d.start)
    ]
    for s, d in days:
        if L.TALKS_WORD.search(
            ctx.text, max(s.start, s.start + d.start - 90), min(s.end, s.start + d.end + 60)
        ):
            return d.span
    # (a day beside "the talks" first: "JEDDAH, March 12 - … after a long day of talks … on Tuesday")
    for s, d in days:
        if venue is not None and any(
            e.venue is not None and e.venue.name == venue
            for e in ctx.ents_in(s.start + max(0, d.start - 30), s.start + d.end + 30)
        ):
            return d.span
    return None


def _with_length(text: str, c: TalksCluster, best: D.DateMention) -> DateSpan:
    """ "A two-day summit … ended on Sunday": Saturday to Sunday, not Sunday alone."""
    span = best.span
    if span.precision != "day" or span.start is None:
        return span
    for s in c.sentences:
        st = text[s.start : s.end]
        if best.text not in st:
            continue
        m = _LENGTH.search(st)
        at = st.find(best.text)
        if m is None or not _ENDED_LEFT.search(st, max(0, at - 80), at):
            continue
        n = _DAYS_WORD[(m.group("n") or m.group("m")).lower()]
        return DateSpan(span.start - dt.timedelta(days=n - 1), span.start, "days")
    return span


_SAID_BEFORE = re.compile(
    r"\b(?:said|says|announced|told\s+[\w.’'-]+(?:\s+[\w.’'-]+)?|confirmed|wrote|posted|stated)\s+(?:on\s+|late\s+on\s+)?$",
    re.IGNORECASE,
)
_SAID_AFTER = re.compile(
    r"^,?\s+(?:[\w.’'-]+\s+){0,6}?(?:announced|said|says|told|stated|declared|claimed|confirmed|reported|wrote"
    r"|posted|insisted)\b",
    re.IGNORECASE,
)


def _paragraph_texts(ctx: DocContext, sentences: list[Sentence]) -> list[str]:
    """The whole paragraphs the given sentences stand in."""
    paras = {s.paragraph for s in sentences}
    by_para: dict[int, list[str]] = {}
    for s in ctx.sentences:
        if s.paragraph in paras:
            by_para.setdefault(s.paragraph, []).append(ctx.text[s.start : s.end])
    return [" ".join(v) for _k, v in sorted(by_para.items())]
