"""Word lists the rules run on: weapons and their models, targets, triggers, cues.

Data, not logic: extending coverage should mostly mean adding a line here.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def lower(text: str) -> str:
    """ASCII-lowercased copy of ``text`` with the same length, so offsets carry over."""
    return text.translate(_ASCII_LOWER)


def lc(src: str) -> re.Pattern[str]:
    """Compile a pattern to run on :func:`lower` text.

    Python's ``re`` runs IGNORECASE alternations about six times slower than the same pattern,
    lower-cased, on lower-cased text (measured on the benchmark corpus); the hot patterns are
    compiled this way. Escapes whose meaning depends on case are not allowed in them.
    """
    if re.search(r"\\[SWDBAZP]|\(\?P", src):
        raise ValueError("pattern uses a case-sensitive escape or a named group")
    return re.compile(src.lower())


class Alternatives:
    """Which of many alternatives matches where, in :func:`lower` text, between ``before`` and ``after``.

    A named group around each alternative (to learn which one matched) makes ``re`` enter every
    alternative at every word start: the weapon list ran 5× slower than the same alternation without
    the groups (1.39 against 0.28 ms per benchmark article). So the plain alternation finds each
    match, and the grouped one, tried only where a match starts, tells which alternative it was:
    the same first alternative wins there, so spans and answers are those of the grouped pattern.
    """

    def __init__(self, alternatives: list[str], before: str = "", after: str = "") -> None:
        self.plain = lc(f"{before}(?:{'|'.join(f'(?:{rx})' for rx in alternatives)}){after}")
        tagged = "|".join(f"(?P<a{i}>{rx.lower()})" for i, rx in enumerate(alternatives))
        self._tagged = re.compile(f"{before.lower()}(?:{tagged}){after.lower()}")

    def finditer(self, low: str) -> Iterator[tuple[int, int, int]]:
        """(start, end, index of the alternative) of each match in ``low``, left to right."""
        for m in self.plain.finditer(low):
            tagged = self._tagged.match(low, m.start())
            assert tagged is not None and tagged.lastgroup is not None  # the same pattern, grouped
            yield m.start(), m.end(), int(tagged.lastgroup[1:])


# "a village about 30 km west of Kupiansk", "20 kilometres from Kharkiv": a place to measure from (or to
# look across the water from)
DISTANCE_LEFT = re.compile(
    r"\b\d[\d.,]*\s*-?\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?:\([^)]{0,20}\)\s+)?"
    r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+(?:of\s+)?|outside\s+(?:of\s+)?|from\s+|of\s+)"
    r"(?:the\s+)?(?:(?:city|town|village|centre|center)\s+of\s+)?$"
    # "Kamianka-Dniprovska across the reservoir from Nikopol": a landmark over the water
    r"|\b(?:across|over)\s+the\s+(?:[\w-]+\s+)?(?:reservoir|river|bay|estuary|lagoon|water)\s+from\s+$",
    re.IGNORECASE,
)


# a month's name, in lower case: the texts it is matched against are lower-cased (or the pattern ignores case)
MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"


# --- weapons ---------------------------------------------------------------------------
# (canonical model, kind, regex of the surface forms). Order matters: specific first.
WEAPON_MODELS: tuple[tuple[str, str, str], ...] = (
    ("Shahed-136/131", "drone", r"Shahed-?136\s*/\s*131|Shahed-?131\s*/\s*136"),
    ("Shahed-136", "drone", r"Shahed[- ]?136s?"),
    ("Shahed-131", "drone", r"Shahed[- ]?131s?"),
    ("Shahed-238", "drone", r"Shahed[- ]?238s?"),
    ("Shahed", "drone", r"Shaheds?|Shahed-type|Shahed-style|Shahid"),
    ("Geran-2", "drone", r"Geran[- ]?2s?|Geranium-2"),
    ("Geran-3", "drone", r"Geran[- ]?3s?"),
    ("Geran", "drone", r"Gerans?"),
    ("Gerbera", "drone", r"Gerberas?"),
    ("Lancet", "drone", r"Lancets?"),
    ("Molniya", "drone", r"Molniyas?"),
    ("Orlan-10", "drone", r"Orlan-?10s?"),
    ("Liutyi", "drone", r"Liutyi|Lyutyi|Lyuty"),
    # Ukraine's sea drones
    ("Magura V5", "drone", r"Magura[- ]?V5s?"),
    ("Magura V7", "drone", r"Magura[- ]?V7s?"),
    ("Magura", "drone", r"Maguras?"),
    ("Sea Baby", "drone", r"Sea\s+Bab(?:y|ies)"),
    ("Iskander-M", "missile", r"Iskander[- ]?Ms?\b"),
    ("Iskander-K", "missile", r"Iskander[- ]?Ks?\b"),
    ("Iskander", "missile", r"Iskanders?"),
    ("KN-23", "missile", r"KN-?23s?"),
    ("Kinzhal", "missile", r"Kh-47M2\s+Kinzhals?|Kh-47(?:M2)?s?|Kinzhals?"),
    ("Kh-101", "missile", r"(?:Kh|X|Х)-?101s?"),
    ("Kh-555", "missile", r"(?:Kh|X|Х)-?555s?"),
    ("Kh-55", "missile", r"(?:Kh|X|Х)-?55s?"),
    ("Kh-22", "missile", r"(?:Kh|X|Х)-?22s?"),
    ("Kh-32", "missile", r"(?:Kh|X|Х)-?32s?"),
    ("Kh-59/69", "missile", r"(?:Kh|X|Х)-?59/(?:(?:Kh|X|Х)-?)?69s?"),
    ("Kh-59", "missile", r"(?:Kh|X|Х)-?59(?:MK2|MK|M)?s?"),
    ("Kh-69", "missile", r"(?:Kh|X|Х)-?69s?"),
    ("Kh-31P", "missile", r"(?:Kh|X|Х)-?31(?:P|PD)?s?"),
    ("Kh-35", "missile", r"(?:Kh|X|Х)-?35(?:U)?s?"),
    ("Kalibr", "missile", r"Kalibrs?|3M-?14s?"),
    ("Tochka-U", "missile", r"Tochka(?:-U)?s?"),
    ("Zircon", "missile", r"Zircons?|Tsirkons?|3M-?22s?"),
    ("Oreshnik", "missile", r"Oreshniks?"),
    ("Oniks", "missile", r"Oniks|Onyx|P-800s?"),
    ("S-300", "missile", r"S-300s?"),
    ("S-400", "missile", r"S-400s?"),
    ("Neptune", "missile", r"Neptunes?|R-360s?"),
    ("Flamingo", "missile", r"Flamingos?|FP-5s?"),
    ("ATACMS", "missile", r"ATACMS"),
    ("Storm Shadow", "missile", r"Storm\s+Shadows?"),
    ("SCALP", "missile", r"SCALPs?"),
    ("Taurus", "missile", r"Taurus(?:\s+missiles?)?(?=\s+missile)|Taurus"),
    ("Tomahawk", "missile", r"Tomahawks?"),
    ("Tornado-S", "rocket", r"Tornado-S"),
    ("Grad", "rocket", r"Grads?|BM-21s?"),
    ("Uragan", "rocket", r"Uragans?|BM-27s?"),
    ("Smerch", "rocket", r"Smerchs?|BM-30s?"),
    ("Vilkha", "rocket", r"Vilkhas?|Vilha|Olkhas?"),
    ("Vampire", "rocket", r"(?:RM-70\s+)?Vampires?|RM-70s?"),
    ("Bureviy", "rocket", r"Bureviys?|Burevii"),
    ("HIMARS", "rocket", r"HIMARS|GMLRS"),
    ("KAB", "glide_bomb", r"KAB-\d+\w*|KABs?|UMPK"),
    ("FAB", "glide_bomb", r"FAB-\d+s?"),
)

# Sea drones: a night's count of air-launched drones is never theirs
SEA_DRONES = frozenset({"Magura V5", "Magura V7", "Magura", "Sea Baby"})

# Missile models by class, for "21 of the cruise missiles and five of the ballistic missiles"
# beside the models the same report names.
_CRUISE = (
    "Kh-101", "Kh-555", "Kh-55", "Kh-22", "Kh-32", "Kh-59/69", "Kh-59", "Kh-69", "Kh-35", "Kalibr",
    "Neptune", "Flamingo", "Storm Shadow", "SCALP", "Taurus", "Tomahawk", "Iskander-K",
)  # fmt: skip
_BALLISTIC = (
    "Iskander-M",
    "Iskander",
    "KN-23",
    "Kinzhal",
    "Tochka-U",
    "ATACMS",
    "S-300",
    "S-400",
    "Oreshnik",
)
MISSILE_CLASS: dict[str, str] = {**dict.fromkeys(_CRUISE, "cruise"), **dict.fromkeys(_BALLISTIC, "ballistic")}

# Generic weapon nouns → kind. Plurals listed; matched case-insensitively.
WEAPON_NOUNS: tuple[tuple[str, str], ...] = (
    (r"cluster[\s-]+(?:munitions?|bombs?|shells?|warheads?|rockets?|submunitions?)", "cluster_munition"),
    (r"(?:guided\s+)?glide\s+bombs?|guided\s+(?:aerial\s+|air\s+)?bombs?|gliding\s+bombs?", "glide_bomb"),
    # a car bomb: "an explosive device planted in a parked car" (not what a drone drops)
    (
        r"aerial\s+bombs?|air\s+bombs?|bombs?|IEDs?|improvised\s+explosive\s+devices?|explosive\s+device\s+(?:planted|hidden)",
        "bomb",
    ),
    (
        r"unmanned\s+aerial\s+vehicles?|unmanned\s+aircraft|UAVs?|drones?|loitering\s+munitions?"
        # sea drones: "uncrewed boats", "unmanned surface vessels"
        r"|(?:uncrewed|unmanned|crewless)\s+(?:boats?|surface\s+vessels?)|USVs?",
        "drone",
    ),
    (r"missiles?", "missile"),
    (r"rockets?|MLRS", "rocket"),
    (
        r"artillery\s+shells?|artillery\s+rounds?|mortar\s+(?:shells?|rounds?|bombs?|mines?)|mortars|shells|artillery"
        r"|rounds?\s+of\s+(?:[\w.-]+\s+){0,3}?(?:ammunition|shells?|artillery)"
        # "A shell landed next to a shop": one round that came down (not a "shell company")
        r"|shell(?=\s+(?:also\s+)?(?:landed|hit|struck|exploded|fell|slammed|damaged|killed|wounded|injured)\b)",
        "artillery",
    ),
)

# Words that may sit between a number and its weapon noun ("48 ballistic missiles").
WEAPON_MODIFIERS = (
    r"ballistic|cruise|hypersonic|anti-ship|anti-aircraft|air-defen[cs]e|guided|attack|strike|combat|kamikaze"
    r"|long-range|short-range|medium-range|air-launched|sea-launched|ground-launched|sea-based|air-to-surface"
    r"|fixed-wing|[a-z]+-[a-z]+"
    r"|surface-to-air|surface-to-surface|jet-powered|jet|decoy|dummy|imitation|Iranian-designed|Iranian-made"
    r"|(?:U\.S\.|US|American|British|French|German|Western|Soviet|North\s+Korean|Czech)-(?:made|supplied|designed|built)"
    r"|Russian-made|Russian|Ukrainian|enemy|hostile|unmanned|aerial|explosive|kamikaze-style|one-way"
    r"|Shahed-type|Shahed-style|reconnaissance|FPV|first-person-view|heavy|more|additional|other|new"
    r"|winged|tactical|operational-tactical|high-precision|precision|naval|sea|air|North\s+Korean"
    r"|small|large|light|cheap|low-cost|improvised|modified"
    r"|of\s+the|of\s+their|of\s+these|types?\s+of|of"
)

# --- triggers ----------------------------------------------------------------------------
# "prices hit another record", "talks hit a snag": no strike
_FIGURATIVE_HIT = (
    r"\s+(?:another\s+|a\s+new\s+|an?\s+|(?:all|fresh)-time\s+)?(?:record|high|low|peak|milestone|snag|wall|dead\s+end)(?![\w-])"
    # "Electricity imports hit 9,600 megawatt-hours a day", "inflation hit 12 percent": a level reached
    r"|\s+(?:about\s+|nearly\s+|almost\s+|over\s+)?[$€]?[\d][\d,.]*\s*(?:%|per\s*cent|percent|megawatt|MW|GW|kWh"
    r"|tonnes|tons|barrels|dollars|euros|hryvnias?|rubles|roubles|billion|million|bn)"
)
# "struck separate understandings with Kyiv and Moscow", "struck a conciliatory tone": no strike
_FIGURATIVE_STRUCK = (
    r"(?!\s+(?:an?\s+|the\s+|separate\s+|two\s+|new\s+|(?:[\w-]+\s+)?)?(?:deals?|agreements?|understandings?|bargains?"
    r"|compromises?|accords?|pacts?|tone|note|chord|balance)\b)"
)
# "58 drones fell to air defences": downed, and a sign of the attack they were part of
# (and "102 missiles and 99 drones had been shot out of the sky")
FELL_TO_DEFENCES = r"fell\s+to\s+(?:air|anti-aircraft)\s+defen[cs]es?|shot\s+out\s+of\s+the\s+sky"
# "killed in the border area in the first days of the incursion": a period's toll, not one attack's
PERIOD_OPENING = r"in\s+the\s+(?:first|opening|early)\s+(?:days|weeks|months)\s+of\s+(?:the|its|their|this)\b"
# "planes had burned after drones reached bases in the Murmansk and Irkutsk regions": what burned is a target
BURNED = (
    r"(?<=\s)(?:planes|aircraft|bombers|jets|helicopters|tankers|depots?|refiner(?:y|ies)|warehouses?)\s+"
    r"(?:had\s+|have\s+|were\s+|was\s+)?(?:burned|burnt)\b"
)
# a fire or a blast told without an attack verb, both a trigger and a strong one: "a fuel depot went up in
# flames", "blowing up the gas metering station"
ON_FIRE = (
    r"fires?\s+broke\s+out|caught\s+fire|(?:went|go|goes|going)\s+up\s+in\s+flames|burst\s+into\s+flames"
)
BLOWN_UP = r"blown\s+up|blew\s+up|blowing\s+up|bridge\s+collapsed"
# "utility crews were repairing damaged power lines": the aftermath, not a strike
# ("Taganrog: repair of damaged houses completed")
_MENDED = (
    r"(?<!repairing\s)(?<!repaired\s)(?<!repair\s)(?<!restoring\s)(?<!restored\s)(?<!rebuilding\s)"
    r"(?<!repair\sof\s)(?<!repairs\sof\s)(?<!repairs\sto\s)(?<!restoration\sof\s)(?<!reconstruction\sof\s)"
)
# "the idea is 'not dead'", "the deal is \"dead\"": a word in quotes or denied is said of talks, not people
_DEAD = (
    r"(?<!\bnot\s)(?:(?<![\"“‘])dead|dead(?![\"”’]))"  # (a quote that ends "… are dead" still tells deaths)
)
ATTACK_TRIGGERS = (
    rf"strikes?|struck{_FIGURATIVE_STRUCK}|striking|attacks?|attacked|attacking|barrages?|bombardments?|bombarded|bombarding"
    r"|shelling|shelled|shells|bombing|bombings|bombed|air\s*raids?|airstrikes?|air\s+strikes?"
    rf"|hit(?!{_FIGURATIVE_HIT})|hits|hitting|slammed|slamming|slams|pummel(?:l)?ed|pummel(?:l)?ing|pounded|pounding|pounds"
    r"|targeted|targeting|targets|explosions?|blasts?|salvos?|raids?|fired|firing|launched|launching"
    r"|rained\s+down|let\s+fall|assaulted|assaults?|unleashed|shot\s+down|downed|intercepted|wreckage|rubble|debris|ablaze"
    rf"|{FELL_TO_DEFENCES}"
    rf"|{ON_FIRE}|{BLOWN_UP}"
    rf"|{BURNED}"
    rf"|{_MENDED}damaged|destroyed|killed|killing|kills|wounded|wounding|injured|injuring|{_DEAD}|died|death\s+toll"
    r"|exploded|(?<=\s)(?:drones|missiles|strikes|attacks|shells|rockets|bombs)\s+kill"
)
# A hit told without an attack verb, both a trigger and a strong one: "debris fell onto a private
# household's yard", "fragments of a downed drone fell on a garage", "a drone released an explosive"
# weapons told as thrown or flying at a place: "Russia threw six Kinzhal missiles … at the city", "Eleven
# missiles flew at the city", "Ten more missiles arrived before dawn", "missiles and drones went after power plants"
WEAPONS_CAME = (
    r"(?:threw|hurled|flung|lobbed)\s+(?:[\w-]+\s+){0,10}?(?:missiles|drones|shaheds|rockets|bombs|uavs)\b"
    r"|(?:missiles|drones|shaheds|rockets|uavs)\b(?:[^.;:]{0,50}?\s|\s+)(?:flew|were\s+flying)\s+(?:at|towards?|into)"
    r"|(?:missiles|drones|shaheds|rockets|uavs)\s+(?:[\w-]+\s+){0,2}?(?:arrived|came\s+in|went\s+(?:after|for))\b"
    # "a cruise missile slams into the regional administration building" (a timeline's present tense)
    r"|(?:missiles?|drones?|shaheds?|rockets?|bombs?|uavs?)\s+(?:[\w-]+\s+){0,1}?slams\s+(?:into|onto)\b"
    # "Two ballistic missiles of the type Iskander-M impacted this Sunday in the centre of Sumy"
    r"|(?:missiles?|drones?|rockets?|bombs?|shells?|uavs?)\s+(?:[\w-]+\s+){0,4}?impacted\b"
    # "Three Iskander-M missiles came down on the centre of Chernihiv", "a missile snapped the TV tower in half"
    r"|(?:missiles?|drones?|shaheds?|rockets?|bombs?|shells?|uavs?)\s+(?:[\w-]+\s+){0,1}?(?:came\s+down\s+(?:on|in|near)"
    r"|snapped|toppled|flattened|levell?ed|gutted|demolished|wrecked|pierced|shattered|cut\s+through|crashed\s+through)\b"
)
FELL_OR_RELEASED = (
    r"(?:(?:debris|fragments|wreckage)\s+(?:of\s+(?:an?\s+|the\s+)?(?:downed\s+|shot-down\s+)?(?:drones?|missiles?|uavs?|rockets?)\s+)?"
    r"(?:fell|fall|falls|landed)\b"
    # "several shells fell on the outskirts": rounds that came down, told without an attacker
    r"|(?:shells|rockets|bombs|munitions|rounds|projectiles)\s+(?:[\w-]+\s+){0,2}?fell\s+(?:on|in|near|around|at|onto|into)\b"
    # "a Russian ballistic rocket Iskander-M with a cluster warhead fell in a residential quarter"
    r"|(?:rocket|missile|bomb|shell)\s+(?:[\w-]+\s+){0,5}?fell\s+(?:on|in|near|onto|into)\s+(?:an?|the)\b"
    # ("released two guided aerial bombs over the city")
    r"|released\s+(?:[\w-]+\s+){0,3}?(?:explosives?|munitions?|grenades?|bombs?|(?:explosive\s+)?devices?|charges?))"
)
# "(a wave of) more than 598 attack drones": a rough figure and up to three words before the weapon counted
_ROUGH_FIGURE = r"(?:more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,3}?"
COUNTED_WEAPONS = (
    r"(?:counted|recorded|registered|tracked|detected|tallied|logged)\s+(?:a\s+total\s+of\s+|at\s+least\s+|more\s+than\s+|over\s+"
    r"|some\s+|about\s+|nearly\s+)?\d[\d,]*\s+(?:[\w-]+\s+){0,3}?(?:drones|missiles|uavs|shaheds|means\s+of\s+air\s+attack)"
    # "The air force put the night's total at 14 Iskander-M ballistic missiles and 250 drones"
    r"|put\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:total|number|count|tally)\s+at\s+\d[\d,]*\s+(?:[\w-]+\s+){0,3}?"
    r"(?:drones|missiles|uavs|shaheds)"
    # "Overnight, a wave of 598 drones and 31 missiles came at Ukraine"
    rf"|(?:wave|swarm|barrage|salvo)\s+of\s+{_ROUGH_FIGURE}(?:drones|missiles|uavs|shaheds)"
    # "Russia aimed 78 missiles and 106 drones at Ukrainian power facilities"
    rf"|aimed\s+{_ROUGH_FIGURE}(?:drones|missiles|uavs|shaheds|rockets)"
)
# "The air force identified the weapons as Iskander-M missiles", "the weapon was an Iskander-M"
IDENTIFIED_WEAPONS = (
    r"identified\s+(?:the\s+)?(?:weapons?|missiles?|drones?|munitions?|projectiles?|it|them)\s+as"
    r"|the\s+(?:weapons?|missiles?|drones?|munitions?|projectiles?)\s+(?:used\s+)?(?:was|were)\s+(?:an?\s+)?"
    r"(?=(?:[\w-]+\s+){0,2}?(?:missiles?|drones?|bombs?|rockets?)\b)"
)
TRIGGER_RE = lc(
    rf"\b(?:{ATTACK_TRIGGERS}|dropped|hits|damage|came\s+under|under\s+fire|fires?\s+broke\s+out|caught\s+fire"
    # "The Air Force listed impacts in the Lviv … regions" (not "dozens of impacts" in an essay)
    rf"|(?:listed|reported|recorded|registered)\s+impacts|impacts\s+(?:were|was)\s+(?:recorded|reported|registered)"
    rf"|(?:drones|missiles|uavs|shaheds|rockets)\s+(?:were|had\s+been)\s+(?:mainly\s+|mostly\s+)?(?:aimed|directed)\s+at"
    rf"|burst|bursts|brunt|took\s+the\s+hits|(?:tore|tears|ripped|rips|smashed|smashes)\s+(?:into|through)|detonated|hospitali[sz]ed|taken\s+to\s+hospital|crashed|explosions?|blasts?|landed"
    # the verbs of an air-force tally: "sent 309 drones", "brought down 288 of them"
    rf"|sent|deployed|neutrali[sz]ed|suppressed|jammed|repelled|eliminated|(?:took|taken|brought)\s+down"
    # an air-force tally told with other verbs: "the overnight wave comprised 598 drones and 31 missiles",
    # "air defences accounted for 563 drones"
    r"|(?:comprised|consisted\s+of|was\s+made\s+up\s+of|accounted\s+for)\s+(?=(?:at\s+least\s+|more\s+than\s+|some\s+)?"
    r"\d[\d,]*\s+(?:[\w-]+\s+){0,2}?(?:drones|missiles|uavs|shaheds|rockets)\b)"
    # rescuers at the rubble: "had recovered the bodies of 14 residents" (not an exhumation)
    rf"|(?:recovered|pulled\s+out|retrieved)\s+(?:the\s+)?bodies\s+of\b"
    rf"|{FELL_OR_RELEASED}|{WEAPONS_CAME}"
    # "Russia had used 408 drones and 39 missiles"
    rf"|used\s+(?:a\s+total\s+of\s+|at\s+least\s+|more\s+than\s+|over\s+|some\s+|about\s+|nearly\s+)?\d+"
    # ("the enemy used at least five Shaheds against the community")
    r"|used\s+(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?(?:two|three|four|five|six|seven|eight|nine|ten"
    r"|eleven|twelve|a\s+dozen|dozens\s+of)\s+(?:[\w-]+\s+){0,2}?(?:drones|missiles|shaheds|uavs|rockets|bombs|kabs)"
    # "The air force counted 598 drones and 31 missiles"
    rf"|{COUNTED_WEAPONS}|{IDENTIFIED_WEAPONS}"
    # "received a shrapnel wound", "two crew members received minor injuries"
    rf"|injur(?:y|ies)|wounds?|hurt"
    rf"|(?:hospital|medical)\s+(?:treatment|help|attention|care)|treated\s+(?:in\s+(?:a\s+|the\s+)?hospitals?\s+)?for\s+(?:\w+\s+)?(?:injuries|wounds|burns|concussions?|cuts))\b"
)

# A clause is a real attack (not talk about attacks) only with one of these.
STRONG_ATTACK = lc(
    rf"\b(?:struck{_FIGURATIVE_STRUCK}|strikes?\s+(?:on|hit|killed|against|in)|strike\s+on|hit(?!{_FIGURATIVE_HIT})|hitting|slammed|pummel(?:l)?ed"
    # ("Russian aircraft bombed the maternity hospital"; not "a bombed apartment block")
    r"|pounded|attacked|bombarded|(?<!\ba\s)(?<!\bthe\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)bombed(?![\w-])|shelled|shelling|barrage|salvo|fired|launched|killed|killing|kills"
    r"|(?:drones|missiles|strikes|attacks|shells|rockets|bombs)\s+kill"
    rf"|wounded|wounding|injured|injuring|{_DEAD}|died|death\s+toll|shot\s+down|downed|intercepted"
    rf"|{FELL_TO_DEFENCES}"
    rf"|{_MENDED}damaged"
    r"|destroyed|air\s*raid(?!\s+(?:sirens?|alerts?|alarms?|warnings?|signals?|shelters?))|airstrike|exploded|hits\s+(?:and\s+(?:[\w-]+\s+){1,3}?)?(?:(?:were|was)\s+)?(?:recorded|registered)|(?:listed|reported|recorded|registered)\s+impacts|impacts\s+(?:were|was)\s+(?:recorded|reported|registered)|(?:recorded|reported|reports?)\s+(?:hits|damage)|targeted"
    r"|targeting|damage\s+(?:was|were)\s+(?:reported|recorded|caused)|dropped|let\s+fall|unleashed"
    rf"|{BURNED}"
    rf"|{ON_FIRE}"
    r"|set\s+(?:ablaze|alight|on\s+fire)|came\s+under\s+(?:[\w-]+\s+){0,4}?(?:attack|fire|shelling)|under\s+fire"
    rf"|bursts?\s+(?:above|over|in|overhead)|detonated|{BLOWN_UP}"
    # "Lutsk, in the far north-west, takes the brunt": where the raid struck hardest
    r"|(?:took|takes|bore|bears)\s+the\s+(?:brunt|hits)"
    # "Kh-101 cruise missiles tore into two apartment blocks"
    r"|(?:tore|tears|ripped|rips|smashed|smashes)\s+(?:into|through)"
    # a timeline's present tense: "Two Russian missiles strike central Kyiv", "A drone strikes a bus"
    r"|(?:missiles|drones|rockets|bombs|shells|shaheds|uavs)\s+strike\s+(?!(?:on|in|against|at|of)\b)"
    r"|(?:missile|drone|rocket|bomb|shahed|uav)\s+strikes\s+(?:an?|the|central|downtown)\b"
    rf"|{FELL_OR_RELEASED}|{WEAPONS_CAME}|{COUNTED_WEAPONS}|{IDENTIFIED_WEAPONS}"
    # "The mix included Kh-101 and Kalibr cruise missiles": what the attack was made of
    r"|(?:the|its|their)\s+(?:mix|arsenal|barrage|salvo|attack|strike|wave|weapons?\s+used)\s+(?:also\s+)?included"
    # "Russia sent a wave of Iranian-made Shahed drones against Kyiv"
    r"|sent\s+(?:an?\s+|\d+\s+)?(?:[\w-]+\s+){0,5}?(?:drones|missiles|shaheds|uavs)\s+(?:against|at|toward|towards|into|over)"
    r"|(?:strikes|attacks|hits)\s+(?:were|have\s+been|had\s+been)\s+(?:also\s+)?(?:reported|recorded|registered)"
    r"|(?:drones|missiles|uavs|shaheds|rockets)\s+(?:were|had\s+been)\s+(?:mainly\s+|mostly\s+)?(?:aimed|directed)\s+at"
    r"|(?:explosions?|blasts?)\s+(?:were\s+|was\s+|have\s+been\s+|has\s+been\s+|had\s+been\s+|(?:are|is)\s+being\s+)?(?:also\s+)?"
    r"(?:reported|heard|rocked|hit|struck"
    r"|rang\s+out|thundered|echoed|boomed|shook)"
    r"|(?:drones?|UAVs?|missiles?)\s+(?:[\w-]+\s+){0,2}?(?:crashed|smashed|plunged)\s+(?:into|onto)"
    # "the tankers were rocked by explosions in the Black Sea"
    r"|(?:rocked|shaken|hit)\s+by\s+(?:an?\s+|two\s+|several\s+|a\s+series\s+of\s+)?(?:explosions?|blasts?)"
    r"|(?:rockets?|missiles?|shells?|bombs?|rounds|munitions|drones?)\s+(?:[\w-]+\s+){0,2}?landed\s+(?:on|in|near|around|at|next\s+to|close\s+to|beside)"
    r"|(?:drone|missile|rocket|air|artillery)\s+(?:strike|attack)s?|(?:drone|missile|rocket)\s+raids?"
    r"|(?:delivered|carried\s+out|conducted|launched|made|mounted|staged)\s+(?:an?\s+)?(?:[\w’'-]+\s+){0,6}?"
    r"(?:strikes?|attacks?|raids?|bombardments?))\b"
    # "its biggest aerial assault of the war" (a ground assault on a front line is no strike)
    r"|\b(?:aerial|air|missile|drone)\s+assaults?\b"
    # "A military airfield in the Khmelnytskyi region was among the targets"
    r"|\b(?:was|were)\s+(?:also\s+)?among\s+the\s+(?:targets|sites\s+hit|places\s+hit)\b",
)

# "… in several regions, including Lviv and Kharkiv": the cue that names a few as examples, and the list of
# capitalised names it opens, up to the name being read
EXAMPLES_CUE = r"(?:including|such\s+as|among\s+them|notably|in\s+particular)"
NAME_LIST_SO_FAR = r"\s+(?:the\s+)?(?:[A-Z][\w'’-]+(?:\s*,\s*|\s+and\s+(?:the\s+)?|\s+))*$"

# Another war's places and sides: a sentence naming them, and nothing of this war, reports that war
# ("An Israeli air strike on a camp in Rafah killed 45", "Talks in Cairo on a truce have stalled")
OTHER_WAR = lc(
    r"\b(?:gaza|israel|israelis?|hamas|hezbollah|houthis?|rafah|khan\s+younis|west\s+bank|lebanon|lebanese|yemen"
    r"|yemeni|sudan|sudanese|khartoum|darfur|el\s+fasher|idlib|syria|syrian|myanmar|tigray|sahel|burkina\s+faso"
    r"|kashmir|pakistan|pakistani|subcontinent|thai|thailand|bangkok|cambodia|cambodian|phnom\s+penh"
    r"|armenia|armenian|azerbaijan|azerbaijani|karabakh|tehran|tel\s+aviv|jerusalem|haifa|hostages?|junta"
    r"|iran(?![\w-])|iranian(?![\s-]+(?:made|designed|built|supplied|shaheds?|drones?|missiles?)))\b"
)
THIS_WAR = lc(
    r"\b(?:russia|russian|russians|ukraine|ukrainian|ukrainians|kyiv|kiev|moscow|kremlin|zelensk\w*|putin"
    r"|donbas|crimea|crimean)\b"
)

GENERIC_CUES = lc(
    r"\b(?:continued\s+to\s+(?:report|face|suffer|endure|hit|target|attack|strike|shell|bomb|pound)|continues?\s+to"
    r"|keeps?\s+(?:on\s+)?\w+ing|(?<=have\s)kept\s+\w+ing|(?<=has\s)kept\s+\w+ing|every\s+(?:night|day|week)|each\s+(?:night|day)|regularly"
    r"|routinely|frequently|often|daily|nightly|almost\s+daily|for\s+(?:months|years|weeks)|in\s+recent\s+"
    r"(?:weeks|months|years)|over\s+the\s+past\s+(?:weeks|months|years)|since\s+the\s+(?:start|beginning)"
    r"|since\s+(?:February\s+)?20\d\d|throughout\s+the\s+war|so\s+far\s+this\s+(?:year|month)|repeatedly"
    r"|again\s+and\s+again|time\s+and\s+again|this\s+(?:autumn|winter|summer|spring)|almost\s+continuously"
    r"|rarely|seldom|largely\s+(?:escaped|spared)|has\s+been\s+the\s+target\s+of|(?:has|have)\s+lived\s+with"
    r"|lives?\s+with|living\s+with|under\s+(?:constant|daily|nightly)\s+(?:fire|attack|shelling)"
    r"|in\s+total\s+since|a\s+pattern|on\s+combat\s+duty|campaign\s+of|(?:escalation\s+of|surge\s+in|uptick\s+in)\s+(?:the\s+)?(?:shelling|attacks|strikes|bombardments?)|stepped\s+up|ramped\s+up|intensif(?:ied|ying|ies)|per\s+(?:day|night|week|month)|(?:nights?|days?|weeks?)\s+in\s+a\s+row"
    r"|consecutive\s+(?:nights?|days?)|ever\s+since"
    rf"|{PERIOD_OPENING}"
    # "Strikes on Lviv have become more frequent this year": a trend
    r"|(?:become|became|grown|grew|getting)\s+(?:more|less)\s+(?:frequent|common|regular|rare)"
    # "the number of drones fired at Ukrainian cities has not fallen": a trend, not an attack
    r"|the\s+(?:number|pace|rate|scale)\s+of\s+(?:drones|missiles|strikes|attacks|shelling)"
    # "accused Russia of dozens of violations, pointing to strikes on power facilities in …": examples
    r"|(?:pointing\s+to|citing|listing)\s+(?:[\w-]+\s+){0,2}?(?:strikes|attacks)\s+on"
    # a tally of attacks, not one: "the ports were attacked more than 40 times", "all hit at least once";
    # "the hromada was shelled three times" is a day's shelling of one place, told as one attack
    r"|(?:attacked|hit|struck|shelled|targeted|bombed)\s+(?:(?:more\s+than|over|at\s+least|some|about|nearly|dozens\s+of)\s+"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)|\d{2,}|several|many|multiple|dozens\s+of|hundreds\s+of)\s+times"
    # ("all hit at least once" over many places; not "the dam was hit at least twice" in one night)
    r"|(?:attacked|hit|struck|shelled|targeted|bombed)\s+at\s+least\s+once"
    r"|(?:all|each|every|both)\s+(?:[\w-]+\s+){0,4}?(?:attacked|hit|struck|shelled|targeted|bombed)\s+at\s+least\s+twice)\b",
)
MODAL_CUES = lc(
    r"\b(?:could|would|might|(?<!\d\s)may(?!\s+\d)|will|shall|can|cannot|threaten(?:s|ed)?\s+to|plans?\s+to|planning\s+to"
    r"|intends?\s+to|vowed\s+to|warn(?:s|ed)?\s+(?:of|that)|fears?\s+of|if|unless|risk\s+of|in\s+case"
    r"|permission\s+to|allowed\s+to|authori[sz](?:ed|ation)\s+to"
    # "pressing Washington and London to let it hit targets deep inside Russia"
    r"|(?:let|allow|permit)\s+(?:it|them|kyiv|ukraine|moscow|russia)\s+(?:to\s+)?(?:hit|strike|attack|use|fire|launch|target))\b",
)

PEOPLE_NOUNS = (
    r"people|persons?|civilians?|residents?|children|child|kids|minors|teenagers?|boys?|girls?|women|woman"
    r"|men|man|adults|elderly(?:\s+people)?|pensioners?|soldiers?|servicemen|service\s+members|troops"
    r"|rescuers?|firefighters?|medics?|paramedics|workers?|employees?|passengers|individuals|victims"
    r"|others|more|more\s+people|Ukrainians|Russians|police\s+officers|officers|journalists|volunteers"
    r"|infants?|babies|baby|toddlers?|students|patients|staff|miners|locals|family\s+members|guests"
    r"|humans|drivers?|motorists?|cyclists?|farmers?|guards?|nurses?|doctors?|mother|father|son|daughter|serviceman"
    r"|servicewoman|policeman|police\s+officer|journalist|volunteer|passenger|person|neighbou?rs|relatives"
    r"|crew\s+members?|crewmen|sailors?|seafarers?|dockers?|port\s+workers|railway\s+workers|railwaymen"
    r"|engineers?|technicians?|electricians?|repairmen|linemen"
    # "two members of the locomotive crew"
    r"|members\s+of\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+)?(?:crew|family|staff|team|brigade|household)"
)
KILLED_WORDS = (
    r"killed|dead|died|perished|lost\s+their\s+lives|lost\s+(?:his|her|the|their)\s+life|confirmed\s+dead"
    r"|reported\s+dead|fatalities|deaths|fatally\s+(?:injured|wounded)|bodies"
)
INJURED_WORDS = (
    # ("a 64-year-old man was hit by shrapnel", "taken to the central hospital with shrapnel wounds")
    r"(?:hit|struck|caught|wounded)\s+by\s+(?:shrapnel|fragments|debris)|"
    r"taken\s+to\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?hospital\s+with\s+(?:[\w-]+\s+)?(?:wounds|injuries|burns)|"
    r"survived\s+with\s+(?:[\w-]+\s+)?(?:injuries|wounds|burns)|"
    r"injured|wounded|hurt|hospitali[sz]ed|injuries|suffered\s+(?:\w+\s+)?(?:injuries|wounds)|sustained\s+(?:\w+\s+)?injuries"
    # "received a shrapnel wound to the arm", "received minor injuries"
    r"|(?:received|suffered|sustained)\s+(?:an?\s+)?(?:(?:minor|light|serious|severe|shrapnel|blast|gunshot|mine-blast)\s+)?(?:injur(?:y|ies)|wounds?|burns|concussions?|fractures|cuts|bruises)"
    r"|treated\s+(?:in\s+(?:a\s+|the\s+)?hospital\s+|in\s+hospitals?\s+)?for\s+(?:(?:minor|light|serious|severe|shrapnel|blast|various)\s+)?(?:injuries|wounds|burns|concussions?|cuts)|sought\s+(?:medical|hospital)\s+(?:help|attention|treatment|care)"
    r"|needed\s+(?:medical|hospital)\s+(?:help|attention|treatment|care)"
    r"|received\s+injuries|casualties\s+with\s+injuries|taken\s+to\s+hospital"
)
INTERCEPT_VERBS = (
    r"shot\s+down|shooting\s+down|downed|downing|intercepted|intercepting|destroyed|destroying"
    r"|neutrali[sz]ed|neutrali[sz]ing|suppressed|jammed|repelled|eliminated|took\s+down|taken\s+down"
    # a figure downed, not power cut: "air defences knocked out 59 missiles", "all were knocked down";
    # not "the barrage knocked out power across Kharkiv"
    r"|(?:knocked\s+(?:out|down)|took\s+out)(?=\s*$|\s+(?:the\s+)?(?:\d|all\b|most\b|some\b|many\b|dozens\b|(?:one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)\b))|(?<=were\s)knocked\s+(?:out|down)"
    r"|brought\s+down|defeated|disabled|lost\s+(?:to|due\s+to)\s+(?:electronic|EW)"
    # "air defences stopped 48 missiles and 64 drones" (a figure after it, not "the attacks stopped")
    r"|stopped(?=\s*$|\s+(?:\d|all\b|most\b))|(?<=were\s)stopped(?!\s+(?:at|in|on|by|from)\b)"
    rf"|{FELL_TO_DEFENCES}"
)
INTERCEPT_RE = re.compile(rf"\b(?:{INTERCEPT_VERBS})\b", re.IGNORECASE)  # any word for a weapon downed
LAUNCH_VERBS = r"launched|launching|launches|fired|firing|fires|used|sent|deployed|unleashed|attacked\s+with"

# Cumulative / aggregate markers: numbers near these are not one attack's figures.
AGGREGATE_CUES = lc(
    r"\b(?:since\s+(?:the\s+|Russia['’]s\s+)?(?:start|beginning|outbreak|full-scale|invasion|February|20\d\d|war)"
    r"|throughout\s+the\s+war|the\s+war\s+has|war\s+that"
    rf"|{PERIOD_OPENING}"
    r"|so\s+far\s+this\s+(?:year|month)|this\s+year|last\s+year|in\s+20\d\d|over\s+the\s+(?:past\s+|previous\s+)?"
    r"(?:\w+\s+)?(?:weeks?|months?|years?)\b|in\s+(?:recent\s+)?(?:weeks|months|years)|per\s+(?:day|night|month)"
    r"|a\s+(?:day|night|month)(?!\s+(?:of|after|before|earlier|later)\b)|each\s+(?:day|night|month)|every\s+(?:day|night|month)|in\s+total\s+since|cumulative"
    # ("downed a total of 45 drones overnight" is one night's; "a total of 113 people were injured" one toll)
    r"|total\s+of(?![^.;]{0,60}\b(?:overnight|last\s+night|during\s+the\s+night|on\s+the\s+night|this\s+morning)"
    r"|\s+\d[\d,]*\s+(?:people|civilians|persons|residents)\s+(?:were|have\s+been|had\s+been)\s+(?:injured|wounded|hurt|killed))|monthly|weekly|last\s+month|this\s+month|over\s+the\s+past\s+(?:day|24\s+hours)"
    r"|(?:in|over|during)\s+the\s+(?:past|last)\s+(?:24\s+hours|week|fortnight)|past\s+day|in\s+(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)(?!\s+\d)|devoured|claimed\s+the\s+lives\s+of\s+more"
    r"\s+than|record\s+number|(?:during|over|in)\s+(?:the\s+same|that|this)\s+period|since\s+(?:then|the\s+(?:moratorium"
    r"|ceasefire|truce|pause)\s+(?:began|started|took\s+effect))|since\s+the\s+(?:moratorium|ceasefire|truce|pause))\b",
)

# --- targets -----------------------------------------------------------------------------
# (regex, target type); matched on attack clauses. "port city" and similar descriptors are
# excluded by NOT_TARGET below.
TARGET_TERMS: tuple[tuple[str, str], ...] = (
    (
        r"residential|apartments?|apartment\s+(?:blocks?|buildings?)|high-rises?|homes?|houses?"
        r"|dwellings?|dormitor(?:y|ies)|private\s+houses|housing|multi-storey|(?:nine|five|\w+)-storey"
        r"|blocks?\s+of\s+flats|flats|residential\s+areas?|neighbou?rhoods?",
        "residential",
    ),
    (
        r"energy(?:\s+infrastructure|\s+facilit(?:y|ies)|\s+sites?|\s+system|\s+grid)?|power\s+(?:plants?|stations?"
        r"|grid|lines?|infrastructure|facilit(?:y|ies)|supply|generation)|(?:electrical\s+)?substations?"
        r"|thermal\s+power|hydroelectric|hydro\s*power|electricity|grid|heating\s+plants?|combined\s+heat"
        r"|CHP|boiler\s+houses?|gas\s+(?:infrastructure|production|facilit(?:y|ies)|pipelines?|storage)"
        r"|oil\s+(?:refiner(?:y|ies)|depots?|terminals?|facilit(?:y|ies))|refiner(?:y|ies)|fuel\s+depots?"
        r"|Naftogaz|Ukrenergo|DTEK",
        "energy",
    ),
    (
        r"(?:critical\s+|civilian\s+|essential\s+|transport\s+|water\s+)?infrastructure(?:\s+facilit(?:y|ies))?"
        r"|bridges?|water\s+(?:supply|systems?|mains|pipes?)|dams?|roads?|telecommunications",
        "infrastructure",
    ),
    (r"markets?|marketplace|bazaar", "market"),
    (
        r"hospitals?|clinics?|medical\s+(?:facilit(?:y|ies)|centres?|centers?|institutions?)|maternity"
        r"|ambulances?|polyclinic",
        "hospital",
    ),
    (
        r"schools?|kindergartens?|universit(?:y|ies)|educational\s+(?:facilit(?:y|ies)|institutions?)"
        r"|lyceum|college|playground",
        "school",
    ),
    (
        r"port(?:\s+infrastructure|\s+facilit(?:y|ies))?|ports|grain\s+terminals?|seaport|harbou?r|docks?",
        "port",
    ),
    (
        r"railways?|rail(?:way)?\s+(?:stations?|lines?|infrastructure|depots?)|trains?|railroad|Ukrzaliznytsia"
        r"|locomotives?",
        "rail",
    ),
    (
        r"factor(?:y|ies)|industrial(?:\s+(?:facilit(?:y|ies)|enterprises?|sites?|zones?|plants?))?"
        r"|enterprises?|plants?|warehouses?|production\s+facilit(?:y|ies)|defen[cs]e\s+(?:plants?|enterprises?)",
        "industrial",
    ),
    (
        r"administrative\s+buildings?|government\s+(?:buildings?|quarter)|city\s+(?:council|hall)"
        r"|regional\s+(?:administration|state\s+administration)|cabinet\s+(?:building|of\s+ministers)"
        r"|ministry|parliament",
        "government",
    ),
    (
        r"military(?:\s+(?:facilit(?:y|ies)|targets?|units?|bases?|airfields?|infrastructure|installations?))?"
        r"|airfields?|air\s+bases?|airbase|barracks|ammunition\s+depots?|arms\s+depots?|command\s+posts?"
        r"|training\s+grounds?",
        "military",
    ),
    (
        r"shopping\s+(?:centres?|centers?|malls?)|supermarkets?|shops?|stores?|caf[eé]s?|restaurants?|church(?:es)?"
        r"|cathedral|monaster(?:y|ies)|(?:civilian|private|passenger)\s+(?:cars?|vehicles?)|passenger\s+bus(?:es)?"
        r"|minibus(?:es)?|post\s+office|Nova\s+Poshta|hotels?|cars?(?!\s+bomb)|vehicles?|bus(?:es)?|service\s+station"
        r"|museums?|theat(?:re|er)s?|park|stadium|office\s+buildings?|business\s+centres?|garages?|petrol\s+station"
        r"|gas\s+station|civilian\s+(?:targets?|objects?|facilit(?:y|ies)|sites?|buildings?)",
        "civilian_other",
    ),
)
# Words right after a target word that make it a descriptor, not what was hit.
NOT_TARGET_AFTER = re.compile(
    r"^\s*(?:city|town|cities|workers?|engineers?|sector\s+workers|officials?|minister|company|companies"
    r"|administrations?|intelligence|spokes\w+|said|says|calls|called|governor|analysts?|experts?|command"
    r"|leadership|aid|support|assistance|blogger\w*|sources?|reported|claimed|denied|announced|confirmed"
    r"|supplies|prices|exports?|talks|deal|ceasefire|truce|pause|moratorium|security|guarantees?|staff"
    r"|crews?|teams?|repair)\b",
    re.IGNORECASE,
)
# Phrases that look like targets but are not (bare "plants" in "power plants" is handled by order).
NOT_TARGET_BEFORE = re.compile(
    r"(?:\bno|\bwithout|\brepair(?:ed|ing)?|\bnuclear|\bcoal|\b(?:taken|rushed|admitted|brought|treated|went|go|goes|going|sent|driven)\s+(?:to|in)"
    r"|\bin)\s*$",
    re.IGNORECASE,
)

# --- diplomacy ---------------------------------------------------------------------------
TALKS_TRIGGERS = lc(
    r"\b(?:talks|negotiations?|negotiating|negotiators?|summit|summits|meetings?|met|meet|meets|round\s+of"
    r"|sat\s+down|huddled|consultations|discussions|delegations?|envoys?|peace\s+process|diplomatic"
    r"|diplomats?|mediat\w+|face-time|face\s+time|visit(?:ed|s)?|arrived|sessions?|conference)\b",
)
# a word for a meeting, near a day it names: "after a long day of talks … on Tuesday", "At the second
# round, on June 2": the day those talks were held
TALKS_WORD = re.compile(
    r"\b(?:talks|negotiations|round|meeting|summit|session|met|sat\s+down)\b", re.IGNORECASE
)
MEDIATION_CUES = (
    r"mediation|mediated\s+by|mediator|mediators|mediating|moderated\s+by|brokered\s+by|chaired\s+by"
    r"|accompanied\s+by|facilitated\s+by|with\s+the\s+help\s+of|under\s+the\s+auspices\s+of"
)
PROPOSAL_NOUNS = (
    r"peace\s+(?:plan|proposal|framework|formula|deal\s+draft|blueprint|roadmap|initiative|memorandum)"
    r"|plan|proposal|framework|draft|blueprint|roadmap|formula|memorandum|document|non-paper"
    r"|counter-?proposals?|initiative|agreement\s+draft|deal|position\s+paper|paper|version|text"
)
COMMITMENT_NOUNS = (
    r"pause|halt|suspension|moratorium|ceasefire|cease-fire|truce|freeze|stop|standstill|cessation"
)

# A sentence that reports a death or blast but rules out an attack.
NOT_ATTACK = lc(
    r"\b(?:prisoner\s+(?:exchange|swap)|hand(?:ed|s|ing)?\s+over|exchange\s+of\s+(?:prisoners|bodies|pows)"
    # the fallen returned: "would hand over a further 3,000 bodies", "the repatriation of 909 bodies"
    r"|repatriat\w+|recover\s+the\s+(?:wounded|dead|bodies)|bodies\s+of\s+(?:fallen|dead|\w+\s+)?(?:soldiers|servicemen)"
    r"|(?:domestic\s+)?gas\s+(?:explosion|leak|blast)|road\s+accident|traffic\s+accident|car\s+crash|industrial"
    r"\s+accident|ruling\s+out|ruled\s+out|not\s+(?:caused\s+by|related\s+to|linked\s+to|the\s+result\s+of)"
    r"|short\s+circuit|faulty\s+wiring|heart\s+attack|laid\s+(?:flowers|wreaths)|memorial\s+to|commemorat\w+"
    r"|mass\s+graves?|exhum\w+|fireworks?"
    # a purpose: "a buffer zone to prevent Russian shelling of the Sumy region"
    r"|\bto\s+(?:prevent|stop|deter|halt)\s+(?:further\s+|more\s+|future\s+)?(?:russian\s+|ukrainian\s+|enemy\s+)?"
    r"(?:shelling|strikes|attacks|bombardments?|cross-border\s+(?:shelling|attacks|strikes))\b"
    # the defenders' fire, not an attack: "flights were diverted as air defences fired through the early hours"
    r"|air\s+defen[cs]es?\s+(?:were\s+|had\s+)?(?:fired|firing)\s+(?:through|all|into|for|during|throughout)\b"
    # a worked example, not an attack: "Suppose Russia sent 600 drones and 40 missiles in a single night"
    r"|(?:^|[.;:!?]\s+|\b(?:and|but|so)\s+)(?:suppose|supposing|imagine)\s+(?:that\s+)?(?:russia|ukraine|moscow|kyiv|the|an?|it|they)\b"
    r"|\bhypothetical(?:ly)?\b"
    # "the ministry listed what it said were Ukrainian drone attacks …; Kyiv said …": a truce's mutual charges
    r"|(?:listed|published\s+a\s+list\s+of|released\s+a\s+list\s+of)\s+what\s+(?:it|they)\s+(?:said|says|called)\s+were"
    r"|(?:funeral|burial|memorial\s+service)\s+(?:\w+\s+){0,2}?for\s+(?:an?|the|two|three|\w+)\s+(?:\w+\s+){0,2}?killed\s+in"
    # a trend, not an attack: "missile and drone strikes have become less frequent"
    r"|(?:strikes|attacks|shelling|bombardments?)\s+(?:have|has)\s+(?:\w+\s+)?become\s+(?:less|more|rarer|fewer|routine|a\s+daily)"
    # a ground operation or the war itself, not a strike: "Ukraine launched its incursion on August 6"
    r"|launched\s+(?:its|the|a|an|their)\s+(?:[\w-]+\s+){0,2}?(?:incursion|offensive|counter-?offensive|invasion"
    r"|ground\s+operation)|(?:offensive|incursion|counter-?offensive|invasion|ground\s+operation)\s+(?:was\s+|had\s+been\s+)?launched"
    # a ground advance claimed: "troops had improved their positions in the Kharkiv region"
    r"|improved\s+(?:their|its)\s+(?:tactical\s+)?positions?)\b"
    # a toll or an ordeal since some turn of events: "Since the city was retaken on 11 November, more
    # than 100 civilians have been killed", "Since Russian forces withdrew …, Kherson has come under fire"
    r"|^[^a-z0-9]*since\s+[^.;]*?\b(?:have|has)\s+(?:\w+\s+)?(?:been\s+(?:killed|injured|wounded|shelled|hit|struck|attacked|targeted)"
    r"|come\s+under|killed|injured|wounded)\b"
    # a pointer back to the attack already told: "The shelling came on the day separatist leaders called …"
    r"|^[^a-z0-9]*the\s+(?:shelling|strikes?|attacks?|barrage|bombardment)\s+came\s+(?:on\s+the\s+(?:same\s+)?day|as|amid|while)\b"
    # a bereaved relative's story: "Vira, 58, whose son was killed near Bakhmut in 2023"
    r"|\bwhose\s+(?:\w+\s+){1,2}(?:was|were|had\s+been)\s+killed\b"
    # damage summed since a month: "Russian strikes on Odesa and Danube ports since mid-July have destroyed
    # about 270,000 tonnes of grain"
    rf"|\bsince\s+(?:mid-|early\s+|late\s+)?{MONTH}\s+(?:\w+\s+)?(?:have|has)\s+(?:\w+\s+)?(?:destroyed|damaged|killed|hit|struck"
    r"|wounded|injured)\b"
    # (told the other way round: "more than 800 homes have been damaged in four districts since January")
    rf"|\b(?:have|has)\s+been\s+(?:damaged|destroyed)\s+[^.;]{{0,80}}?\bsince\s+(?:(?:mid-|early\s+|late\s+)?{MONTH}"
    r"|the\s+(?:start|beginning)\b"
    r"|(?:the\s+)?(?:spring|summer|autumn|winter)|20\d\d)"
    # a landmark's past: "The Crimean Bridge, which was damaged in attacks in October 2022 and July 2023, was open"
    r"|\bwhich\s+(?:was|were|had\s+been)\s+(?:damaged|hit|struck|attacked)\s+in\s+(?:(?:attacks|strikes|an?\s+attack"
    r"|an?\s+strike)\s+in\s+)?(?:[a-z]+\s+)?20\d\d\b"
    # a record to compare with: "The previous record for a drone attack on Kyiv was 52 Shaheds in May"
    r"|(?:previous|former|earlier|old)\s+record\b"
    # mines left from earlier fighting and road crashes: "their tractor ran over an anti-tank mine",
    # "four people died in a collision between a minibus and a lorry"
    r"|ran\s+over\s+(?:an?\s+)?(?:[\w-]+\s+)?mine|landmines?|(?:anti-tank|anti-personnel)\s+mines?"
    # a ship on an old sea mine: "a bulk carrier struck a drifting mine on its approach to the ports"
    r"|(?:struck|hit|hitting|striking)\s+(?:an?\s+)?(?:drifting\s+|sea\s+|naval\s+)?mine\b|(?:drifting|sea|naval)\s+mines?"
    r"|unexploded\s+(?:ordnance|munitions?|shells?|bombs?|rockets?)|(?:head-on\s+)?collision\s+(?:between|with)"
    # an argument about a kind of strike: "Hitting the stocks rather than the aircraft is a deliberate choice"
    r"|^[^a-z0-9]*(?:hitting|striking|targeting|attacking|shelling)\s+[^,.;]{1,60}?\s+(?:is|was|would\s+be|has\s+been|remains)\b"
    # a shooting or hostage-taking by gunmen, not a strike of the war: "gunmen attacked two churches and a
    # synagogue in Derbent, killing more than 20", "armed men opened fire on concertgoers"
    r"|\b(?:gunm[ae]n|armed\s+(?:men|assailants|attackers)|assailants|shooters?|hostage-takers?)\s+(?:\w+\s+){0,3}?"
    r"(?:attack\w*|open\w*\s+fire|storm\w*|stormed|burst\s+into|kill\w*|shot|seiz\w*)\b",
)


# First names that are also places in the gazetteer; followed by a surname they are people.
FIRST_NAMES = frozenset(
    {
        "Roman",
        "Yaroslav",
        "Sofia",
        "Nadia",
        "Vira",
        "Olga",
        "Olha",
        "Artem",
        "Maria",
        "Lyubov",
        "Vitaliy",
        "Bohdan",
        "Ruslan",
        "Denys",
        "Mykola",
        "Oleksandr",
        "Serhii",
        "Serhiy",
        "Oleh",
        "Ihor",
        "Vadym",
        "Ivan",
        "Iryna",
        "Oleksii",
        "Andrii",
        "Dmytro",
        "Vitalii",
        "Yurii",
        "Volodymyr",
        "Mykhailo",
        "Petro",
        "Pavlo",
        "Taras",
        "Yevhen",
        "Anatolii",
        "Vasyl",
        "Maksym",
        "Kyrylo",
        "Nataliia",
        "Svitlana",
        "Tetiana",
        "Yulia",
    }
)


# what a fact-check calls untrue or merely viral: a quoted figure so described is no count
FALSITY = re.compile(
    r"\b(?:false|falsely|fake|fabricat\w+|forg(?:ed|ery)|hoax|debunk\w*|misleading|not\s+true|no\s+evidence"
    r"|inaccurate|unfounded|inflat\w+|circulat\w+|widely\s+shared|viral)\b",
    re.I,
)
