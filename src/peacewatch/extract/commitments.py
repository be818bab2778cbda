"""Commitments: pauses, moratoria, truces, ceasefires and deadlines — and whether they held.

A commitment needs wording that something was agreed, declared, ordered or set, not
merely floated ("calls for a ceasefire" is not one). Three forms are read:

* nouns: "a 30-day moratorium on strikes against energy facilities", "Easter truce";
* verbs: "Putin agreed to stop attacking Ukraine's energy infrastructure";
* deadlines: "gave Moscow 50 days to agree to a ceasefire", "had until Thursday to accept".

Mentions of the same arrangement in one article merge; the status comes from what the
sides say: expired, disputed (one says it holds, the other that it was broken, or the
text says they read it differently), breached, in force, or announced.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peacewatch.extract import dates as D
from peacewatch.extract import lexicon as L
from peacewatch.extract.attacks import entry_span
from peacewatch.extract.context import DocContext, Sentence
from peacewatch.extract.gazetteer import Gazetteer
from peacewatch.records import DateSpan, Event

# The noun is found first and its modifiers read backwards from it: a lazy "up to four words
# before" prefix in the same pattern made the engine retry at every position (~100 µs a sentence).
_NOUN = re.compile(
    rf"\b(?P<noun>{L.COMMITMENT_NOUNS}|deadline|ultimatum"
    r"|(?:grain|Black\s+Sea|maritime|shipping|energy)\s+(?:deal|corridor|initiative|agreement))(?P<plural>s)?\b",
    re.IGNORECASE,
)
_POST = re.compile(r"(?:[^.;]|\.(?=\S)|(?<=\b[A-Z])\.){0,120}")
_PRE = re.compile(r"(?:[\w’'-]+\s+){0,4}$")
# Cheap test before any of the patterns above runs on a sentence.
_HINT = L.lc(
    r"paus|halt|suspen|moratori|cease|truce|freez|stop|standstill|cessation|deadline|ultimatum|deal|corridor"
    r"|initiative|agree|pledg|promis|commit|order|vow|decid|declar|gave|give|until",
)
_VERB = re.compile(
    r"\b(?P<verb>agreed|agrees|agree|pledged|pledges|promised|promises|committed|commits|ordered|orders|vowed"
    r"|vows|decided|declared)\b(?P<mid>(?:[^.;]|\.(?=\S)|(?<=\b[A-Z])\.){0,70}?)\b(?:not\s+to\s+(?P<neg>attack|strike|target|shell|fire\s+on|hit)"
    r"|(?:to|would)\s+(?:(?:ensure\s+(?:[^.;]|\.(?=\S)|(?<=\b[A-Z])\.){0,40}?\s+and\s+(?:to\s+)?)?(?:stop|halt|pause|suspend|cease|refrain\s+from|end|freeze))\s+"
    r"(?P<ger>attacking|striking|strikes|attacks|hitting|targeting|shelling|hostilities|fire|firing|fighting"
    r"|the\s+use\s+of\s+force|using\s+force|military\s+action))\b(?P<obj>(?:[^.;]|\.(?=\S)|(?<=\b[A-Z])\.){0,90})",
    re.IGNORECASE,
)
_DEADLINE_VERB = re.compile(
    r"\b(?:gave|gives|giving|give)\s+(?P<who>[\w.’'-]+(?:\s+[\w.’'-]+)?)\s+(?P<span>(?:\w+[- ])?(?:\w+\s+)?"
    r"(?:days?|weeks?|hours?|months?)|until\s+(?:[^,.;]|\.(?=\S)|(?<=\b[A-Z])\.){2,40}?)\s+to\s+(?P<vp>(?:[^.;,]|\.(?=\S)|(?<=\b[A-Z])\.){3,80})"
    r"|\b(?P<who2>[A-Z][\w.’'-]+)\s+(?:had|has|have)\s+until\s+(?P<until>(?:[^.;]|\.(?=\S)|(?<=\b[A-Z])\.){2,60}?)\s+to\s+(?P<vp2>(?:[^.;,]|\.(?=\S)|(?<=\b[A-Z])\.){3,80})",
)
_DEADLINE_CONCRETE = re.compile(
    r"\b(?:until|by\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+end|\w+\s+\d)|\d+[- ]day"
    r"|(?:ten|fifty|thirty|two|three|\w+ty)[- ]day|Thanksgiving|Christmas|Easter|New\s+Year|(?:January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\s+\d|expires?|expired|runs?\s+out|passed"
    r"|gave\s+\w+|for\s+(?:Russia|Ukraine|Moscow|Kyiv|Kiev|Putin|Zelensk\w+)\s+to)\b",
    re.IGNORECASE,
)
_AGREED = re.compile(
    r"\b(?:agreed|agree|agrees|announced|announces|pledged|pledge|pledges|promised|promise|promises|committed"
    r"|declared|declares|ordered|orders|accepted|accept|accepts|adhered|adhere|kept|observed|observing|honou?red|respected|violated|violation"
    r"|violations|breached|breach|broke|broken|breaking|violating|expired|expires|ended|lapsed|took\s+effect"
    r"|came\s+into\s+force"
    r"|in\s+effect|in\s+force|holding|held|began|started|extended|halted|suspended|signed|brokered|reached"
    r"|collapsed|unilateral|pulling\s+out|pulled\s+out|withdr[ae]w\w*|run\s+until|ran\s+until|imposed|set)\b",
    re.IGNORECASE,
)
_FLOATED_ONLY = re.compile(
    r"\b(?:floated|proposed|suggested|called\s+for|calls\s+for|calling\s+(?:instead\s+)?for|urged|urging|demanded"
    r"|on\s+the\s+table|hypothetical|would\s+(?:agree|accept)|if\s+\w+\s+(?:agrees|accepts)|could\s+include"
    r"|unresolved|remain(?:s|ed)?\s+(?:open|unresolved|elusive)|no\s+agreement|failed\s+to\s+agree|did\s+not\s+agree"
    r"|unless|threaten\w*|provided\s+(?:that\s+)?(?:Russia|Moscow|Ukraine|Kyiv|the\s+other)|on\s+condition\s+that)\b",
    re.IGNORECASE,
)
# "to agree to a ceasefire", "calling for a ceasefire": the noun is the goal, not a commitment
_GOAL_LEFT = re.compile(
    r"\b(?:(?:to\s+)?(?:agree|accept|reach|sign|declare|negotiate|secure|achieve)(?:\s+(?:to|on))?"
    r"|call(?:s|ed|ing)?(?:\s+instead)?\s+for|demand(?:s|ed|ing)?|push(?:es|ed|ing)?\s+for|urg(?:es|ed|ing)|propos\w+"
    r"|offer(?:s|ed)?|seek(?:s|ing)?|sought|rejected|rejects|refused|toward(?:s)?|a\s+path\s+to|no"
    r"|framework\s+for|proposal\s+for|plan\s+for|path\s+to|push\s+for|interested\s+in|ready\s+for|open\s+to"
    r"|hopes?\s+for|prospects?\s+(?:of|for)|chances?\s+(?:of|for)|visions?\s+of|terms\s+of|conditions\s+for"
    r"|closer\s+to|nearer\s+to|how|whether|possible|potential|eventual|future|lasting|without)"
    r"(?:\s+(?:an?|the))?(?:,?\s+[\w.-]+){0,5}\s*$",  # ("accept a full, unconditional truce")
    re.IGNORECASE,
)
# "a force that would deploy after a ceasefire", "after any ceasefire", "post-ceasefire", "options for a
# ceasefire", "mechanisms that would make any ceasefire hold": a ceasefire that may come, none agreed
_HYPOTHETICAL_LEFT = re.compile(
    r"(?:\b(?:after|once|until|before)\s+(?:an?|any|an\s+eventual|eventual)\s+|\bany\s+|\bpost-"
    r"|\b(?:options?|terms|mechanisms?|conditions?|guarantees?|plans?|preconditions?|paths?|routes?|ways?"
    r"|roadmap)\s+(?:for|of|to(?:wards?)?|that\s+would\s+\w+)\s+(?:an?\s+|any\s+)?"
    # "remained far apart on a ceasefire", "made no progress on a truce", "to monitor a ceasefire": the
    # ceasefire as a subject of talks, not one agreed
    r"|\b(?:far\s+apart|no\s+(?:progress|agreement|breakthrough)|divided|split)\s+(?:on|over|towards?|about)\s+"
    r"(?:an?\s+|the\s+|any\s+)?|\bmonitor(?:ing)?\s+(?:an?|any)\s+"
    # "want security guarantees before talking about a ceasefire"
    r"|\bbefore\s+talking\s+about\s+(?:an?\s+|any\s+)?"
    # a truce no one has agreed yet: "keep up pressure until it agrees to an unconditional ceasefire", "a
    # Russian offer at the table, not an agreed truce"
    r"|\b(?:until|unless)\s+(?:[\w'’-]+\s+){1,2}?(?:agrees?|accepts?|signs?\s+up)\s+(?:to\s+)?(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+)?|\b(?:not|never)\s+(?:an?\s+)?(?:agreed|announced|formal|actual|real)\s+"
    # a side's demand: "Ukraine wants an unconditional ceasefire first", "Kyiv insists on a full truce"
    r"|\b(?:wants?|wanted|demands?|demanded|insists?\s+on|insisted\s+on|seeks?|sought)\s+(?:an?\s+|the\s+)?)"
    r"(?:[\w-]+\s+)?$",
    re.IGNORECASE,
)
# "a week after a 30-day halt to attacks on the energy grid began": one that was real
_BEGAN = re.compile(
    r"\b(?:began|started|took\s+effect|came\s+into\s+force|expired|ended|lapsed|collapsed)\b", re.IGNORECASE
)
# "A ceasefire is not a peace": what a ceasefire is, in general
_GENERIC_RIGHT = re.compile(r"^\s+(?:is|was)\s+(?:not|no|never|only|just)\b", re.IGNORECASE)
_WOULD_LEFT = re.compile(r"\b(?:would|will|could)\s+(?:\w+\s+){1,2}(?:an?|the)\s+(?:[\w-]+\s+)?$", re.I)
_CONDITION = re.compile(
    r"\b(?:as\s+soon\s+as|if|once|provided|on\s+condition|only\s+(?:if|after|when)|in\s+exchange\s+for)\b",
    re.I,
)
_COMPLY = re.compile(
    r"\b(?:adher\w+|kept\s+(?:its|their|his)\s+word|kept\s+(?:to\s+)?(?:it|the\s+\w+)|complied|complying|respect\w*"
    r"|observ\w+|honou?r\w*|was\s+holding|is\s+holding|held\s+firm)\b",
    re.IGNORECASE,
)
_VIOLATE = re.compile(
    r"\b(?:resumed|violat\w+|breach\w*|broke|broken|breaking|breaks|ignored|flouted|continued\s+(?:to\s+)?(?:attack|strik|shell)\w*"
    r"|new\s+attacks|struck\s+hard|attacked\s+again|did\s+not\s+stop|failed\s+to\s+stop|kept\s+shelling"
    r"|shelling\s+continued|collapsed|despite\s+the\s+(?:truce|ceasefire|pause|moratorium))\b",
    re.IGNORECASE,
)
_DISPUTE = re.compile(
    r"\b(?:disputed|dispute|interpreted\s+differently|interpretation|differing\s+(?:accounts|interpretations)"
    r"|vague|(?:traded|trading)\s+accusations|accus\w+\s+each\s+other|each\s+accused|both\s+sides\s+(?:accused|alleged)"
    r"|matter\s+of\s+interpretation|allege\s+violations|in\s+doubt|sets?\s+conditions|only\s+(?:once|if|after)"
    r"|conditional\s+on|different\s+accounts|very\s+different|different\s+stor(?:y|ies)|contradict\w*"
    r"|(?:ties|tied|tying|links|linked|linking)\s+it\s+to"
    # "Kyiv and Moscow trade blame", "each side was accusing the other of breaking it"
    r"|trad(?:e|ed|es|ing)\s+(?:blame|accusations)"
    r"|each\s+side\s+(?:was\s+)?(?:accus\w+|blam\w+|saying|says|said|claim\w*)\s+(?:that\s+)?the\s+other"
    # "The energy pause … remains contested"
    r"|(?:remains?|remained|is|was|are|were)\s+(?:still\s+|hotly\s+)?contested"
    r"|both\s+sides\s+(?:say|said|claim\w*)\s+the\s+other)\b",
    re.IGNORECASE,
)
_EXPIRED = re.compile(
    r"\b(?:expired|lapsed|ran\s+out|came\s+to\s+an\s+end|had\s+run\s+until|ran\s+until|pulling\s+out|pulled"
    r"\s+out|withdr[ae]w\w*|was\s+over|is\s+over|no\s+longer\s+in\s+(?:force|effect)"
    # "it would last only until 1 February, and it was not renewed"
    r"|(?:was|were|has|have|had)\s+not\s+(?:been\s+)?(?:renewed|extended|prolonged)"
    # "the Kremlin announced it was letting the grain deal lapse" (not "threatened to let it lapse")
    r"|(?<!\bto\s)(?<!\bwill\s)(?<!\bwould\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bcould\s)"
    r"(?:let|letting|allowed|allowing)\s+(?:[\w'’-]+\s+){1,6}?(?:to\s+)?(?:lapse|expire))\b",
    re.IGNORECASE,
)
_IN_FORCE = re.compile(
    r"\b(?:took\s+effect|came\s+into\s+force|in\s+effect|in\s+force|is\s+holding|in\s+place"
    r"|(?:have|has)\s+(?:begun|started)\s+\w+ing\b[^.]{0,80}\bunder\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:ceasefire|truce)"
    # "repair crews started work …, protected by a local truce"; "the deal has been extended for 120 days"
    r"|protected\s+by\s+(?:a|the)\s+(?:[\w-]+\s+)?(?:truce|ceasefire)"
    r"|(?<!not\s)(?:has\s+been|have\s+been|was|were)\s+(?:\w+\s+)?(?:extended|renewed|prolonged))\b",
    re.I,
)
_SCOPE_ENERGY = re.compile(r"\b(?:energy|power|grid|electric\w*|heating)\b", re.IGNORECASE)
_SCOPE_CUT = re.compile(
    r"\s+(?:had|has|have|was|were|is|are|would|will|expired|collapsed|ended|lapsed|took|came|did|after|while|but"
    r"|because|when|until|which|that|with|despite|saying|the\s+Kremlin|officials)\b|\s*,|\s+\(",
    re.IGNORECASE,
)
_PRE_KEEP = re.compile(
    r"(?i)^(?:energy|Black|Sea|maritime|naval|Easter|Christmas|Orthodox|Victory|Day|air|full|total|partial|complete"
    r"|humanitarian|local|temporary|unilateral|mutual|general|comprehensive|unconditional|\d+-(?:day|hour|week)"
    r"|\w+-(?:day|hour|week)|New|Year['’]?s?|Olympic|grain|shipping|limited|brief|week-long)$"
)


@dataclass(slots=True)
class CommitMention:
    sent: Sentence
    kind: str  # "noun" | "verb" | "deadline"
    scope: str
    start: int
    end: int
    by: str | None = None


_LULL_LEFT = re.compile(
    r"\b(?:ended|broke|ending|breaking|ends|breaks)\s+an?\s+(?:[\w-]+\s+)?(?:\d+|[a-z]+)-(?:day|week|month)(?:-long)?\s+$",
    re.IGNORECASE,
)


def commitments(ctx: DocContext, gaz: Gazetteer) -> list[Event]:
    """Commitment events of one article."""
    ms = _mentions(ctx)
    groups: list[list[CommitMention]] = []
    for m in ms:
        g = next((g for g in groups if _same(g, m)), None)
        if (
            g is None
            and m.kind == "noun"
            and not _has_object(m.scope)
            and re.search(r"\bthe\s+$", ctx.text[max(0, m.start - 5) : m.start], re.I)
        ):
            # "… since the moratorium began", paragraphs later: the one named before
            word = m.scope.split()[-1].lower()
            g = next((g for g in reversed(groups) if any(word in x.scope.lower() for x in g)), None)
        if g is None:
            groups.append([m])
        else:
            g.append(m)
    events = []
    for g in groups:
        ev = _event(ctx, g)
        if ev is not None:
            events.append(ev)
    return events


def _mentions(ctx: DocContext) -> list[CommitMention]:
    text = ctx.text
    out: list[CommitMention] = []
    hinted = ctx.sentences_with(_HINT) - ctx.other_war()
    for sent in ctx.sentences:
        if sent.index not in hinted:
            continue
        stext = text[sent.start : sent.end]
        taken: list[tuple[int, int]] = []
        for m in _DEADLINE_VERB.finditer(stext):
            who = m.group("who") or m.group("who2")
            vp = (m.group("vp") or m.group("vp2") or "").strip()
            span = m.group("span") or f"until {m.group('until')}"
            scope = f"deadline: {span} to {_trim(vp)}"
            out.append(
                CommitMention(
                    sent,
                    "deadline",
                    scope,
                    sent.start + m.start(),
                    sent.start + m.end(),
                    _side_word(ctx, sent, who),
                )
            )
            taken.append(m.span())
        for m in _VERB.finditer(stext):
            raw = m.group("obj") or ""
            # "to stop using force in the Black Sea and to work out a ban on strikes against energy
            # facilities": two undertakings, each its own commitment
            nxt = _NEXT_UNDERTAKING.search(raw)
            obj = _trim(raw[: nxt.start()] if nxt else raw)
            head = (m.group("neg") or m.group("ger") or "").strip()
            scope = f"{'no ' if m.group('neg') else 'stop '}{head} {obj}".strip()
            by = _subject_side(ctx, sent, sent.start + m.start())
            out.append(CommitMention(sent, "verb", scope, sent.start + m.start(), sent.start + m.end(), by))
            energy = _ENERGY_STRIKES.search(stext, m.start("obj") + nxt.end()) if nxt else None
            if energy is not None:
                out.append(
                    CommitMention(
                        sent,
                        "verb",
                        f"stop {_trim(energy.group(0))}",
                        sent.start + m.start(),
                        sent.start + m.end(),
                        by,
                    )
                )
            taken.append(m.span())
        for m in _NOUN.finditer(stext):
            if m.group("plural") or any(s <= m.start("noun") < e for s, e in taken):
                continue  # "deadlines", "ceasefires": talk about such things, not one of them
            noun = m.group("noun").lower()
            pm = _PRE.search(stext, max(0, m.start() - 60), m.start())
            pre = pm.group(0) if pm else ""
            post = _POST.match(stext, m.end()).group(0)  # type: ignore[union-attr]
            left = stext[: m.start("noun")]
            if _GOAL_LEFT.search(left[-60:]):
                continue
            if _LULL_LEFT.search(left[-60:]):
                continue  # "It ended a 44-day pause in massed missile attacks": a lull, no one's pledge
            hyp = _HYPOTHETICAL_LEFT.search(left[-60:])
            if (
                hyp is not None
                and not (
                    re.match(r"(?i)after|once|until|before", hyp.group(0))
                    # ("after a ceasefire and agreed only to spend more": another clause's verb)
                    and not re.match(r"\W*(?:and|but|or)\b", post)
                    and (_AGREED.search(post[:80]) or _BEGAN.search(post[:80]))
                )
            ):
                continue  # (but "after a week-long pause that Putin had agreed to" was one)
            if _GENERIC_RIGHT.match(post) and re.search(r"(?:^|[:.]\s*)an?\s+$", left, re.I):
                continue
            if re.match(
                r"\s+that\s+(?:does|did)\s+not\s+(?:yet\s+)?exist|\s+that\s+(?:has\s+)?never\s+existed",
                post,
                re.I,
            ):
                continue  # "conditional on a truce that does not exist"
            if _WOULD_LEFT.search(left[-40:]) and _CONDITION.search(post):
                continue  # "would order a ceasefire as soon as Ukraine withdrew": terms offered, not a commitment
            if noun in ("stop",) and not re.match(r"\s+(?:to|of)\s+(?:strikes|attacks|shelling)", post, re.I):
                continue
            if noun == "freeze" and not re.search(
                r"\b(?:strikes|attacks|fighting|front|hostilities)\b", m.group(0), re.I
            ):
                continue
            if noun == "halt" and re.match(
                r"\s+(?:to\s+)?(?:aid|deliver|the\s+advance|supplies|exports)", post, re.I
            ):
                continue
            if noun in ("deadline", "ultimatum") and not _DEADLINE_CONCRETE.search(stext):
                continue
            kind = "deadline" if noun in ("deadline", "ultimatum") else "noun"
            scope = _noun_scope(pre, m.group("noun"), post)
            by = _possessive_side(ctx, sent, sent.start + m.start() - len(pre), sent.start + m.start("noun"))
            dm = re.search(r"\b(Russian|Ukrainian)\s+(?:strikes|attacks|shelling|drone|missile)", scope)
            by = by or ({"Russian": "RU", "Ukrainian": "UA"}[dm.group(1)] if dm else None)
            if kind == "deadline":
                fm = re.match(r"\s+for\s+([\w.’'-]+)\s+to\b", post)
                by = _side_word(ctx, sent, fm.group(1)) if fm else by
            out.append(
                CommitMention(sent, kind, scope, sent.start + m.start("noun"), sent.start + m.end("noun"), by)
            )
    out.sort(key=lambda c: c.start)
    return out


_NEXT_UNDERTAKING = re.compile(
    r"\s+and\s+(?:to\s+)?(?:work\s+out|implement\w*|develop|agree|ensure|prevent|allow|restore|resume)\b",
    re.IGNORECASE,
)
_ENERGY_STRIKES = re.compile(
    r"\b(?:strikes|attacks)\s+(?:on|against)\s+(?:the\s+)?energy\s+(?:facilities|infrastructure|sites|targets)"
    r"(?:\s+of\s+(?:Russia|Ukraine)(?:\s+and\s+(?:Russia|Ukraine))?)?",
    re.IGNORECASE,
)


def _trim(s: str) -> str:
    s = s.strip()
    m = _SCOPE_CUT.search(s)
    if m and m.start() > 0:
        s = s[: m.start()]
    return s.strip(" ,.;:\"“”'")


def _noun_scope(pre: str, noun: str, post: str) -> str:
    words = pre.split()
    keep: list[str] = []
    for w in reversed(words):  # the modifiers right before the noun that say what it covers
        w2 = w.strip("’'s")
        if _PRE_KEEP.match(w) or _PRE_KEEP.match(w2):
            keep.insert(0, w)
        else:
            break
    tail = _trim(post)
    if tail and not re.match(
        r"(?i)(?:on|of|in|against|for|to|timed|covering|along|around|declared|ordered)\b", tail
    ):
        tail = ""
    return " ".join([*keep, noun, tail]).strip()


def _has_object(scope: str) -> bool:
    return bool(
        re.search(
            r"\b(?:energy|power|grid|sea|shipping|port|easter|christmas|victory|full|all|infrastructure|deadline"
            r"|corridor|grain|navigation|vessels"
            r"|(?!(?:Russian|Ukrainian|American|Russia|Ukraine|Moscow|Kyiv|Kremlin|Putin|Trump|Zelensk\w*)\b)[A-Z][a-z]{3,})\b",
            scope,
        )
    )


_OCCASION = re.compile(r"\b(easter|christmas|victory|anniversary|new\s+year|orthodox|olympic)", re.IGNORECASE)
_FULL = re.compile(
    r"\b(?:full|all\s+fronts|complete|comprehensive|unconditional|total|general)\b", re.IGNORECASE
)


def _topic(scope: str) -> str | None:
    """What an arrangement covers, to tell one from another in the same article (None: not said)."""
    if _SCOPE_ENERGY.search(scope):
        return "energy"
    if "sea" in scope.lower():
        return "sea"
    occasion = _OCCASION.search(scope)
    if occasion:
        word = occasion.group(1).lower()
        return "victory" if word == "anniversary" else word
    if _FULL.search(scope):
        return "full"
    return None


def _same(group: list[CommitMention], m: CommitMention) -> bool:
    g0 = group[0]
    if abs(m.sent.index - group[-1].sent.index) > 8:
        return False
    if (g0.kind == "deadline") != (m.kind == "deadline"):
        return False
    # the group's subject is its first mention that says what it covers: an explainer that opens
    # on "every ceasefire" does not fold the energy pause, the Easter truce and the Victory Day
    # ceasefire into one
    mine = _topic(m.scope)
    theirs = next((t for x in group if (t := _topic(x.scope)) is not None), None)
    if mine is None or theirs is None:
        return "sea" not in (mine, theirs)  # a bare "the truce" never joins the Black Sea deal
    return mine == theirs


# an arrangement whose end the text tells in passing, as the time since or after which things happened
_ENDED_BEFORE = re.compile(
    r"(?i:(?<!days\s)(?<!hours\s)(?<!\ba\sday\s)\b(?:since|after|following)\s+(?:(?:the|its|russia['’]s|moscow['’]s)\s+)?(?:[\w'’-]+\s+){1,5}?"
    r"(?:ended|collapsed|expired|lapsed|quit|walked\s+out\s+of|withdr[ae]w\s+from|withdrawal\s+from|exit\s+from"
    r"|pulled\s+out\s+of|terminated|termination\s+of|collapse\s+of|end\s+of)\b)"
    # (not "has long since expired", "days after the end of the pause"; not an end told with its day,
    # "withdrew from the deal on 17 July": news)
    r"(?![^.;]{0,60}\bon\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\.?\s+\d{1,2}\b))",
)


def _event(ctx: DocContext, g: list[CommitMention]) -> Event | None:
    text = ctx.text
    sents = list({m.sent.index: m.sent for m in g}.values())
    sent_texts = [text[s.start : s.end] for s in sents]
    first, last = sents[0].index, sents[-1].index
    window = ctx.sentences[first : min(len(ctx.sentences), last + 3)]
    wtext = " ".join(text[s.start : s.end] for s in window)
    deadline = any(m.kind == "deadline" for m in g)
    years = [int(y) for t in sent_texts for y in re.findall(r"\b(20\d\d)\b", t)]
    now = ctx.published.year if ctx.published else ctx.anchor_year
    if years and now and max(years) < now:
        return None  # "after Russia quit the grain deal in 2023": background, not this article's news
    if all(_ENDED_BEFORE.search(t) for t in sent_texts):
        # "Since the grain deal ended in July, the Odesa region has been attacked dozens of times"
        return None
    agreed = deadline or any(_AGREED.search(t) and not _FLOATED_ONLY.search(t) for t in sent_texts)
    if not agreed:
        return None
    if not deadline and not re.search(
        r"\b(?:strikes?|attacks?|attacking|striking|fighting|hostilities|ceasefire|truce|shelling|moratorium|energy"
        r"|bombing|war|force|vessels|corridor|grain|Black\s+Sea|navigation|shipping)\b",
        wtext,
        re.I,
    ):
        return None
    own = " ".join(sent_texts)
    status = _status(own, wtext, deadline)
    scope = max((m.scope for m in g), key=lambda s: (_has_object(s), bool(_SCOPE_ENERGY.search(s)), len(s)))
    scope = _with_context(ctx, scope, sents)
    by = next((m.by for m in g if m.by), None) or _bound_side(ctx, window)
    announced_by = _announcer(ctx, window)
    best = _commitment_date(ctx, sents, deadline)
    if (
        status == "announced"
        and ctx.published is not None
        and best is not None
        and best.precision == "days"  # its own days, not the month or week it was told in
        and best.start is not None
        and best.end is not None
        and best.start < best.end < ctx.published
    ):
        status = "expired"  # "a truce ordered for Jan. 6-7", told on Jan. 16: its days have passed
    return Event(
        kind="commitment",
        evidence=tuple(ctx.evidence(s.start, s.end) for s in sents),
        confidence=0.6 + 0.1 * bool(by) + 0.1 * (status != "announced"),
        date=best,
        scope=scope,
        by=by,
        announced_by=announced_by,
        status=status,
    )


_DATELINE_RIGHT = re.compile(r"^\s*(?:\([^)]{1,40}\))?\s*[-—–]")
# "runs out on Friday, August 8": the weekday that names the date after it
_WEEKDAY_BEFORE = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+(?:the\s+)?)?"
_START_LEFT = re.compile(
    r"\b(?:from|starting|start|starts|begin|begins|beginning|began|effective|takes?\s+effect|took\s+effect|(?:come|came|comes|coming)\s+into"
    rf"\s+(?:force|effect)|(?:went|goes|go)\s+into\s+effect|entered\s+into\s+force|run\s+from|runs\s+from)\s+(?:on\s+|at\s+)?(?:midnight\s+(?:on\s+)?|noon\s+(?:on\s+)?)?{_WEEKDAY_BEFORE}$",
    re.IGNORECASE,
)
_FORWARD_START = re.compile(r"^(?:from|starting|start|begin)\b|^run", re.IGNORECASE)
_PAST_RESULT = re.compile(
    r"\b(?:did\s+not|didn['’]t|was\s+holding|held|broke|broken|breached|violated|collapsed|ended|expired|was\s+marred"
    # "the truce was supposed to begin at noon on Friday": told after the day
    r"|(?:was|were)\s+(?:supposed|meant)\s+to)\b",
    re.IGNORECASE,
)
_END_LEFT = re.compile(
    rf"\b(?:runs?\s+out|expires?|expiring|falls?|fall\s+around|ends?|until|by|before)\s+(?:on\s+|around\s+|at\s+)?{_WEEKDAY_BEFORE}$",
    re.IGNORECASE,
)
_HOLIDAY = re.compile(
    r"\b(?:until|by|before)\s+(?P<h>Thanksgiving|Christmas(?:\s+Day)?|New\s+Year['’]?s?(?:\s+Day)?)\b"
)


def _holiday(name: str, published: dt.date) -> dt.date:
    """The next US Thanksgiving, Christmas or New Year's Day on or after ``published``."""
    for year in (published.year, published.year + 1):
        if name.startswith("Thanksgiving"):
            nov1 = dt.date(year, 11, 1)
            day = nov1 + dt.timedelta(days=(3 - nov1.weekday()) % 7 + 21)  # the fourth Thursday
        elif name.startswith("Christmas"):
            day = dt.date(year, 12, 25)
        else:
            day = dt.date(year + 1, 1, 1)
        if day >= published:
            return day
    return day


def _commitment_date(ctx: DocContext, sents: list[Sentence], deadline: bool) -> DateSpan | None:
    """When the commitment starts (a truce "from midnight on May 8"), when a deadline runs out, or
    else the day it was made; a dateline's date ("KYIV, Feb 3 -") dates the report, not the pledge."""
    text = ctx.text
    starts: list[D.DateMention] = []
    ends: list[D.DateMention] = []
    others: list[D.DateMention] = []
    for s in sents:
        st = text[s.start : s.end]
        if deadline and ctx.published is not None:
            hm = _HOLIDAY.search(st)
            if hm is not None:
                day = _holiday(hm.group("h"), ctx.published)
                return DateSpan(day, day, "day")
        ahead = {d.start: d for d in D.find_dates(st, ctx.published, ctx.anchor_year, future=True)}
        for d in D.find_dates(st, ctx.published, ctx.anchor_year):
            if d.start < 40 and _DATELINE_RIGHT.match(st[d.end :]):
                continue
            left = st[max(0, d.start - 40) : d.start]
            sm = _START_LEFT.search(left)
            if sm is not None:
                # "starting on Wednesday" looks ahead; "took effect on Sunday" and a truce that
                # "did not stop the fighting" are behind us
                forward = _FORWARD_START.search(sm.group(0)) and not _PAST_RESULT.search(st)
                starts.append(ahead.get(d.start, d) if forward else d)
            elif deadline and _END_LEFT.search(left):
                ends.append(ahead.get(d.start, d))
            else:
                others.append(d)
    best = D.best(ends if deadline and ends else starts) or D.best(others)
    if best is None:
        # a timeline entry's pledge told with no day of its own: the entry's day ("Monday 17 July / By midday
        # the Kremlin announced …")
        return next((span for s in sents if (span := entry_span(ctx, s)) is not None), None)
    return best.span


_CONTEXT_TERMS = re.compile(
    r"\b(?:Orthodox\s+Christmas|Christmas|Easter|Victory\s+Day|New\s+Year|Black\s+Sea|Sea\s+of\s+Azov|grain"
    r"|navigation|shipping|humanitarian\s+corridors?|evacuation|repairs?|power\s+lines?|nuclear\s+(?:power\s+)?plant)\b",
    re.IGNORECASE,
)


_ANAPHORIC = re.compile(r"\b(?:the\s+(?:corridor|route|ports?|deal|arrangement)|vessels|ships)\b", re.I)


def _with_context(ctx: DocContext, scope: str, sents: list[Sentence]) -> str:
    """The scope as written, then in brackets what its sentences tie it to: an occasion, a topic,
    the towns it covers ("local ceasefire along the route to Poltava (Sumy, humanitarian corridor)").
    """
    have = scope.lower()
    extra: list[str] = []
    for st in sents:
        seg = ctx.text[st.start : st.end]
        for m in _CONTEXT_TERMS.finditer(seg):
            extra.append(m.group(0))
        prev = ctx.sentences[st.index - 1] if st.index > 0 else None
        if prev is not None and prev.paragraph == st.paragraph and _ANAPHORIC.search(scope):
            # "the sides pledged not to attack vessels using the corridor": the sentence before
            # says which ("… reopen Ukraine's Black Sea ports to grain exports")
            extra += [m.group(0) for m in _CONTEXT_TERMS.finditer(ctx.text[prev.start : prev.end])]
        for e in ctx.ents_in(st.start, st.end):
            if (
                e.place is not None
                and e.place.kind in ("city", "admin1", "region")
                and e.text not in ("Kyiv", "Kiev", "Moscow", "Washington")
            ):
                extra.append(e.text)
    out: list[str] = []
    topic = _topic(scope)
    for term in extra:
        if topic is not None and _topic(term) not in (None, topic):
            continue  # the Black Sea does not qualify the energy pause agreed in the same sentence
        if term.lower() not in have and term.lower() not in (x.lower() for x in out):
            out.append(term)
    return f"{scope} ({', '.join(out[:4])})" if out else scope


_EXPLICIT_DISPUTE = re.compile(
    r"\b(?:disputed|dispute|different\s+accounts|very\s+different|differing|interpreted\s+differently"
    r"|matter\s+of\s+interpretation|different\s+stor(?:y|ies))\b",
    re.IGNORECASE,
)


# Each side accusing the other of breaking it, told in separate sentences: "Russia had violated the truce
# within minutes" by Kyiv's account, "accused Ukrainian troops of breaking the ceasefire" by Moscow's
def _violation_by(side: str, accused_too: str = "") -> re.Pattern[str]:
    return re.compile(
        rf"\b(?:accus\w+\s+(?:{side}{accused_too})\s+of\s+(?:\w+\s+)?(?:breaking|violating|breaching)"
        rf"|(?:{side})\s+(?:had\s+|has\s+)?(?:violated|broken|breached)\s+(?:the|its)\b)",
        re.IGNORECASE,
    )


_VIOLATION_BY_RU = _violation_by(r"russia|moscow|russian\s+(?:forces|troops)", r"|the\s+kremlin")
_VIOLATION_BY_UA = _violation_by(r"ukraine|kyiv|ukrainian\s+(?:forces|troops|units)")


def _status(own: str, wtext: str, deadline: bool) -> str:
    if _EXPLICIT_DISPUTE.search(own) and not deadline:
        return "disputed"  # the sides tell different stories about whether it held
    if _EXPIRED.search(own):
        return "expired"
    if deadline:
        return "announced"
    comply, violate = _COMPLY.search(wtext), _VIOLATE.search(wtext)
    mutual = _VIOLATION_BY_RU.search(wtext) and _VIOLATION_BY_UA.search(wtext)
    if _DISPUTE.search(wtext) or (comply and violate) or mutual:
        return "disputed"
    if violate:
        return "breached"
    if _EXPIRED.search(wtext):
        return "expired"
    if _IN_FORCE.search(wtext):
        return "in_force"
    return "announced"


def _side_word(ctx: DocContext, sent: Sentence, word: str | None) -> str | None:
    if not word:
        return None
    for ent in ctx.ents_in(sent.start, sent.end):
        if ent.text == word or word.startswith(ent.text):
            return ent.side
    return None


def _subject_side(ctx: DocContext, sent: Sentence, verb_at: int) -> str | None:
    """The side named last before the verb in its sentence ("Putin agreed …" → RU)."""
    side = None
    for ent in ctx.ents_in(sent.start, verb_at):
        if ent.side:
            side = ent.side
    return side


def _possessive_side(ctx: DocContext, sent: Sentence, pre_at: int, noun_at: int) -> str | None:
    """'Russia's unilateral ceasefire', 'a ceasefire declared by Russia'."""
    for ent in ctx.ents_in(max(sent.start, pre_at - 15), noun_at):
        if ent.side and (ent.possessive or ent.demonym):
            return ent.side
    m = re.match(r"\s*(?:declared|ordered|announced|proposed)\s+by\s+", ctx.text[noun_at + 1 : noun_at + 60])
    if m:
        for ent in ctx.ents_in(noun_at, min(sent.end, noun_at + 80)):
            if ent.side:
                return ent.side
    return None


def _bound_side(ctx: DocContext, window: list[Sentence]) -> str | None:
    text = ctx.text
    for s in window:
        for ent in ctx.ents_in(s.start, s.end):
            right = text[ent.end : min(s.end, ent.end + 60)]
            if ent.side and re.match(
                r"^(?:['’]s)?\s+(?:had\s+|has\s+)?(?:\w+\s+)?(?:adhered|kept|agreed\s+to\s+(?:halt|pause|stop|suspend)"
                r"|pledged|promised|committed|ordered|declared|observed|respected|honou?red|broke|violated)\b",
                right,
                re.I,
            ):
                return ent.side
    return None


def _announcer(ctx: DocContext, window: list[Sentence]) -> str | None:
    text = ctx.text
    for s in window:
        for ent in ctx.ents_in(s.start, s.end):
            right = text[ent.end : min(s.end, ent.end + 40)]
            if ent.side and re.match(r"^\s+(?:had\s+|has\s+)?(?:announced|declared|ordered)\b", right, re.I):
                return ent.side
    return None
