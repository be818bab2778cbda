"""Talks, proposals and commitments: the table side of the record.

Talks are grouped by venue (one event per venue and round per article); parties come
from the people, demonyms and capitals named in the sentences about that venue;
mediators from mediation wording. Proposals are keyed by their point count ("the
28-point plan"), or by name when they have none. Commitments (pauses, ceasefires,
moratoria, deadlines) need wording that something was agreed or announced, not merely
floated, and their status is read from what the sides say about compliance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from peacewatch.extract import dates as D
from peacewatch.extract import lexicon as L
from peacewatch.extract.context import DocContext, Sentence
from peacewatch.extract.entities import Ent
from peacewatch.extract.gazetteer import Gazetteer
from peacewatch.extract.numbers import NUMBER, ordinal_or_number, word_to_int
from peacewatch.records import DateSpan, Event, Evidence, Venue

# --- talks ---------------------------------------------------------------------------------
_VENUE_PREFIX = (
    r"(?:the\s+)?(?:(?:Emirati|Saudi|Turkish|Swiss|Qatari|Russian|Ukrainian|US|U\.S\.|American|Belarusian|Hungarian"
    r"|Austrian|Italian|French|German|British)\s+)?(?:(?:resort|port|coastal)\s+)?(?:city|capital|town)?\s*(?:of\s+)?"
)
_VENUE_LEFT = re.compile(rf"\b(?:in|at|inside|outside|near)\s+{_VENUE_PREFIX}$", re.IGNORECASE)
_TRAVEL_LEFT = re.compile(
    rf"\b(?:travel\w*|trip|visit\w*|fl[ye]w?|flying|head\w*|dispatch\w*|sent|sending|en\s+route|arriv\w*|go|going"
    rf"|went|return\w*|summoned|invited|journey\w*|came|coming)\b[^.;]{{0,60}}?\bto\s+{_VENUE_PREFIX}$",
    re.IGNORECASE,
)
_MEETING = re.compile(
    r"\b(?:talks|negotiations?|negotiating|negotiators?|summit|summits|meetings?|met|meet|meets|meeting|round"
    r"|sat\s+down|huddled|consultations|delegations?|envoys?|diplomats?|mediat\w+|face-time|face\s+time"
    r"|visit(?:ed|s)?|arrived|arrives|sessions?|conference|peace\s+process|hosted|hosts|host)\b",
    re.IGNORECASE,
)
_VENUE_RIGHT_TALKS = re.compile(
    r"^(?:['’]s)?\s+(?:peace\s+)?(?:talks|summit|meeting|negotiations|round|format|process|conference|sessions?"
    r"|accords?|consultations)\b",
    re.IGNORECASE,
)
_NOT_VENUE_LEFT = re.compile(
    r"\b(?:embassy|consulate|ambassador|envoy|mission)\s+(?:in|to)\s+(?:the\s+)?$", re.I
)
_PHONE = re.compile(
    r"\b(?:phone\s+call|by\s+phone|telephone|video\s+(?:call|link|conference)|spoke\s+by|call\s+with)\b", re.I
)
_OFF_TOPIC = re.compile(
    r"\b(?:trade|tariff|minerals?|Gaza|Israel\w*|Hamas|Iran(?:ian)?\s+nuclear|climate|football|sport\w*|chess"
    r"|tennis|Olympic\w*|business|investment|gas\s+transit|grain\s+deal|Syria\w*|Armenia\w*|Azerbaijan\w*"
    r"|Venezuela\w*|Taiwan)\b",
    re.IGNORECASE,
)
_WAR_TOPIC = re.compile(
    r"\b(?:peace|ceasefire|truce|war|Ukrain\w*|Russia\w*|Kyiv|Kiev|Moscow|Kremlin|Zelensk\w*|Putin|plan"
    r"|framework|delegations?|settlement|prisoner)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:(?:will|would|shall|could|may|might)\s+(?:\w+\s+)?(?:meet|hold|host|travel|visit|resume|sit|gather"
    r"|convene|take\s+part|attend|head|fly|go|continue|begin|start|open|take\s+place)|to\s+be\s+held|scheduled"
    r"|set\s+to|due\s+to|expected\s+to|plans?\s+to|planned|planning\s+to|next\s+(?:week|month|round)"
    r"|upcoming|(?:is|are)\s+to\s+(?:meet|continue|hold|resume|travel)|to\s+travel|en\s+route|dispatched"
    r"|dispatching|heading\s+to|travel(?:s|ling)?\s+to|preparing|prepares|invited|proposed\s+(?:holding"
    r"|a\s+meeting)|later\s+this\s+week)\b",
    re.IGNORECASE,
)
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
_ROUND = re.compile(
    r"\b(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+round"
    r"|round\s+(?P<num>one|two|three|four|five|six|\d+))\b",
    re.IGNORECASE,
)
_VISIT = re.compile(
    r"\b(?:arrived|arrives|arriving|visited|visits|visiting|travel(?:l)?ed|flew|landed|came)\s+(?:in|to)?\s*$",
    re.IGNORECASE,
)
_MEDIATOR_RIGHT = re.compile(
    r"^(?:['’]s)?[\s-]*(?:-|\s)?(?:mediat\w+|brokered|hosted|led\s+mediation|facilitated|moderated|sponsored)\b",
    re.IGNORECASE,
)
_MEDIATOR_LEFT = re.compile(
    rf"\b(?:{L.MEDIATION_CUES}|under|with\s+mediation\s+(?:of|by|from))\s+(?:the\s+)?$", re.IGNORECASE
)
_BY_SIDE_CAPITALS = {"Kyiv": "UA", "Kiev": "UA", "Moscow": "RU", "Washington": "US", "Kremlin": "RU"}
_ROLE_RIGHT = re.compile(
    r"^(?:['’]s)?\s+(?:(?:top|chief|lead|senior|own|foreign|defen[cs]e|special|peace|new)\s+)*(?:delegations?|negotiators?"
    r"|teams?|envoys?|representatives?|officials|president|leader|minister|counterparts?|side|diplomats"
    r"|emissar(?:y|ies)|secretary|adviser|advisers|chief|commissioner|prime\s+minister)\b",
    re.IGNORECASE,
)
_PLACE_USE_LEFT = re.compile(r"\b(?:over|across|throughout|on|at|into)\s+(?:the\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class TalksCluster:
    venue: Venue
    venue_is_country: bool
    sentences: list[Sentence] = field(default_factory=list)
    venue_ents: list[Ent] = field(default_factory=list)
    round: int | None = None


def _venue_of(ent: Ent, gaz: Gazetteer, text: str, sent: Sentence) -> tuple[Venue, bool] | None:
    left = text[max(sent.start, ent.start - 100) : ent.start]
    right = text[ent.end : min(sent.end, ent.end + 40)]
    if _NOT_VENUE_LEFT.search(left) or right.startswith("-"):
        return None
    by_talks = _VENUE_RIGHT_TALKS.match(right) is not None
    by_travel = _TRAVEL_LEFT.search(left) is not None
    by_prep = _VENUE_LEFT.search(left) is not None and _MEETING.search(
        text[max(sent.start, ent.start - 80) : min(sent.end, ent.end + 70)]
    )
    if not (by_prep or by_talks or by_travel):
        return None
    if ent.venue is not None:
        return Venue(ent.venue.name, ent.venue.country or None), False
    if ent.country and ent.country not in ("UA", "RU") and not ent.demonym:
        name = gaz.country_name_of.get(ent.country, ent.text)
        return Venue(_short_country(name, ent.text), ent.country), True
    return None


def _short_country(name: str, surface: str) -> str:
    return surface if len(surface) > 3 else name


def talks(
    ctx: DocContext, gaz: Gazetteer, attack_spans: list[tuple[int, int]], attack_places: set[int]
) -> list[Event]:
    """Talks events, one per venue (and round); ``attack_places`` are ids of Ents used as attack places."""
    text = ctx.text
    clusters: list[TalksCluster] = []
    for sent in ctx.sentences:
        stext = text[sent.start : sent.end]
        if not _MEETING.search(stext) or _PHONE.search(stext):
            continue
        for ent in ctx.ents_in(sent.start, sent.end):
            if id(ent) in attack_places:
                continue
            v = _venue_of(ent, gaz, text, sent)
            if v is None:
                continue
            venue, is_country = v
            c = _cluster_for(clusters, venue, is_country, stext)
            if c is None:
                c = TalksCluster(venue, is_country)
                clusters.append(c)
            elif c.venue_is_country and not is_country:
                c.venue, c.venue_is_country = venue, False
            if sent not in c.sentences:
                c.sentences.append(sent)
            c.venue_ents.append(ent)
    events = []
    for c in clusters:
        ev = _talks_event(ctx, gaz, c, attack_spans)
        if ev is not None:
            events.append(ev)
    return events


def _in_spans(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _cluster_for(
    clusters: list[TalksCluster], venue: Venue, is_country: bool, stext: str
) -> TalksCluster | None:
    rnd = _round_in(stext)
    for c in clusters:
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


def _round_in(s: str) -> int | None:
    m = _ROUND.search(s)
    if not m:
        return None
    return ordinal_or_number(m.group("ord") or m.group("num"))


def _talks_event(
    ctx: DocContext, gaz: Gazetteer, c: TalksCluster, attack_spans: list[tuple[int, int]]
) -> Event | None:
    text = ctx.text
    stext_all = " ".join(text[s.start : s.end] for s in c.sentences)
    if _OFF_TOPIC.search(stext_all) and not _WAR_TOPIC.search(stext_all):
        return None
    if not _WAR_TOPIC.search(stext_all) and not _WAR_TOPIC.search(text[: min(len(text), 2000)]):
        return None  # neither the venue sentences nor the article's opening speak of this war
    parties, mediators = _sides(ctx, gaz, c, c.sentences, attack_spans)
    if len(parties) < 2:
        paras = {s.paragraph for s in c.sentences}
        extra = [
            s
            for s in ctx.sentences
            if s.paragraph in paras
            and s not in c.sentences
            and L.TALKS_TRIGGERS.search(text[s.start : s.end])
        ]
        p2, m2 = _sides(ctx, gaz, c, extra, attack_spans)
        parties |= p2
        mediators |= m2
    parties -= mediators
    rnd = c.round
    if rnd is None:
        for s in c.sentences:
            rnd = _round_in(text[s.start : s.end])
            if rnd:
                break
    status = _talks_status(text, c)
    date = _talks_date(ctx, c, future=status == "planned")
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
    gaz: Gazetteer,
    c: TalksCluster,
    sentences: list[Sentence],
    attack_spans: list[tuple[int, int]],
) -> tuple[set[str], set[str]]:
    text = ctx.text
    parties: set[str] = set()
    mediators: set[str] = set()
    for s in sentences:
        for ent in ctx.ents_in(s.start, s.end):
            if _in_spans(ent.start, attack_spans):
                continue
            side = ent.person or ent.demonym or ent.country or _BY_SIDE_CAPITALS.get(ent.text)
            if ent.venue is not None and ent in c.venue_ents:
                side = None
            if side is None:
                continue
            left = text[max(s.start, ent.start - 40) : ent.start]
            right = text[ent.end : min(s.end, ent.end + 40)]
            if ent.possessive and not _ROLE_RIGHT.match(right):
                continue  # "Moscow's actions", "Ukraine's skies": not someone at the table
            if side == "EU" and not _ROLE_RIGHT.match(right):
                continue  # "a European diplomat observed": Europe is at the table only when its team is
            if ent.country and not ent.person and _PLACE_USE_LEFT.search(left):
                continue  # "over Ukraine", "in Russia"
            if ent.place is not None and ent.place.kind != "country" and ent.text not in _BY_SIDE_CAPITALS:
                continue  # "Kharkiv" is a city, not a side
            if _MEDIATOR_RIGHT.match(right) or _MEDIATOR_LEFT.search(left):
                mediators.add(side)
                continue
            if c.venue.country == side and c.venue_is_country:
                continue  # the host country, unless a visit (below)
            parties.add(side)
        for ent in c.venue_ents:
            if (
                s.start <= ent.start < s.end
                and c.venue_is_country
                and _VISIT.search(text[max(s.start, ent.start - 30) : ent.start])
                and c.venue.country
            ):
                parties.add(c.venue.country)
    return parties, mediators


def _talks_status(text: str, c: TalksCluster) -> str:
    held = planned = ongoing = 0
    for s in c.sentences:
        st = text[s.start : s.end]
        held += bool(_HELD.search(st))
        planned += bool(_PLANNED.search(st))
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


def _talks_date(ctx: DocContext, c: TalksCluster, future: bool) -> DateSpan | None:
    text = ctx.text
    found: list[D.DateMention] = []
    for s in c.sentences:
        st = text[s.start : s.end]
        found += [
            d
            for d in D.find_dates(st, ctx.published, ctx.anchor_year, future=future)
            if not _SAID_AFTER.match(st[d.end :])
        ]
    best = D.best(found)
    if best is not None:
        return best.span
    if future:
        return None
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


_SAID_AFTER = re.compile(
    r"^,?\s+(?:[\w.’'-]+\s+){0,6}?(?:announced|said|says|told|stated|declared|claimed|confirmed|reported|wrote"
    r"|posted|insisted)\b",
    re.IGNORECASE,
)


# --- proposals -----------------------------------------------------------------------------
_POINT_PLAN = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})[- ]point\s+(?P<rest>(?:[\w“”\"'’.-]+\s+){{0,5}}?(?:{L.PROPOSAL_NOUNS}))\b",
    re.IGNORECASE,
)
_PLAN_POINTS = re.compile(
    rf"\b(?:{L.PROPOSAL_NOUNS})\b[^.;]{{0,60}}?\b(?:(?:from|of)\s+(?P<a>{NUMBER})\s+(?:points\s+)?(?:down\s+)?to"
    rf"|(?:to|into)|with|of|has|contains|containing)\s+(?P<b>{NUMBER})\s+points\b",
    re.IGNORECASE,
)
_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<a>{NUMBER})\s+(?:points\s+)?(?:down\s+)?to\s+(?P<b>{NUMBER})\s*(?:points|-point)?\b", re.I
)
_REVISION_AFTER = re.compile(
    r"\b(?:refined|trimmed|cut|reduced|narrowed|pared|slimmed|whittled|streamlined|revised|shrunk|shortened"
    r"|condensed|reworked|overhauled|amended|down|boiled)\b",
    re.IGNORECASE,
)
_REVISION_FROM = re.compile(
    r"\b(?:from|of|replac\w+|instead\s+of|version\s+of|revision\s+of|evolution\s+from|successor\s+to|rework\s+of"
    r"|down\s+from|based\s+on|update\s+(?:of|to))\s+(?:the\s+|an?\s+)?(?:initial|original|earlier|previous|first"
    r"|old|leaked|widely\s+criticised|widely\s+criticized|\w+)?\s*$",
    re.IGNORECASE,
)
_NAMED_PROPOSAL = re.compile(
    r"(?P<q>[\"“](?P<quoted>[^\"”]{3,60}?(?:framework|plan|proposal|formula|roadmap|memorandum))[\"”])"
    r"|\b(?P<name>(?:(?:peace|ceasefire)\s+)?(?:counter-?proposals?|non-paper|peace\s+formula|memorandum"
    r"|roadmap|peace\s+plan|peace\s+framework|peace\s+proposal))\b",
    re.IGNORECASE,
)
_PROPOSAL_VERBS = re.compile(
    r"\b(?:present\w*|submit\w*|draft\w*|unveil\w*|put\s+forward|offer\w*|hand\w*\s+over|propos\w*|tabl\w*"
    r"|leak\w*|refin\w*|revis\w*|shared|sent|deliver\w*|released|announc\w*|publish\w*|circulat\w*|rushed)\b",
    re.IGNORECASE,
)
_GENERIC_NAME = re.compile(r"^(?:plan|proposal|framework|draft|document|deal|initiative|blueprint)$", re.I)


@dataclass(slots=True)
class Proposal:
    points: int | None
    name: str
    start: int
    end: int
    sent: Sentence
    revises: int | None = None
    proposer: str | None = None


def proposals(ctx: DocContext, gaz: Gazetteer) -> list[Event]:
    text = ctx.text
    found: list[Proposal] = []
    for sent in ctx.sentences:
        stext = text[sent.start : sent.end]
        if "point" not in stext.lower() and not _NAMED_PROPOSAL.search(stext):
            continue
        pointed = []
        for m in _POINT_PLAN.finditer(stext):
            n = word_to_int(m.group("n"))
            if n is None or not 2 <= n <= 100:
                continue
            name = _proposal_name(stext, m)
            pointed.append(Proposal(n, name, sent.start + m.start(), sent.start + m.end(), sent))
        for m in _PLAN_POINTS.finditer(stext):
            b = word_to_int(m.group("b"))
            a = word_to_int(m.group("a")) if m.group("a") else None
            if b is None or not 2 <= b <= 100:
                continue
            if not any(p.points == b for p in pointed):
                pointed.append(
                    Proposal(b, f"{b}-point plan", sent.start + m.start(), sent.start + m.end(), sent, a)
                )
        for m in _FROM_TO.finditer(stext):
            a, b = word_to_int(m.group("a")), word_to_int(m.group("b"))
            if a and b and a != b and re.search(rf"\b(?:{L.PROPOSAL_NOUNS}|points)\b", stext, re.I):
                for p in pointed:
                    if p.points == b and p.revises is None:
                        p.revises = a
                if not any(p.points == b for p in pointed):
                    pointed.append(
                        Proposal(b, f"{b}-point plan", sent.start + m.start(), sent.start + m.end(), sent, a)
                    )
                if not any(p.points == a for p in pointed):
                    pointed.append(
                        Proposal(a, f"{a}-point plan", sent.start + m.start(), sent.start + m.end(), sent)
                    )
        _revisions(stext, sent.start, pointed)
        for p in pointed:
            p.proposer = _proposer(ctx, sent, p.start, p.end)
        found += pointed
        for m in _NAMED_PROPOSAL.finditer(stext):
            s, e = sent.start + m.start(), sent.start + m.end()
            if any(p.start <= s < p.end + 40 and p.sent is sent for p in pointed):
                # a quoted name right after "19-point": it names that proposal
                for p in pointed:
                    if p.sent is sent and p.start <= s < p.end + 40 and m.group("quoted"):
                        p.name = m.group("quoted")
                continue
            name = m.group("quoted") or m.group("name")
            if not (m.group("quoted") or _PROPOSAL_VERBS.search(stext) or _proposer(ctx, sent, s, e)):
                continue
            found.append(Proposal(None, name, s, e, sent, proposer=_proposer(ctx, sent, s, e)))
    return _proposal_events(ctx, found)


def _proposal_name(stext: str, m: re.Match[str]) -> str:
    rest = m.group("rest")
    quoted = re.search(r"[\"“]([^\"”]{3,60})(?:[\"”]|$)", rest)
    if quoted:
        return quoted.group(1).strip(" ,.")
    return f"{m.group('n')}-point {rest}".replace("  ", " ").strip(' "“”')


def _revisions(stext: str, base: int, pointed: list[Proposal]) -> None:
    """Within one sentence: which point count revises which."""
    if len(pointed) < 2:
        return
    ordered = sorted(pointed, key=lambda p: p.start)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if a.points == b.points:
                continue
            between = stext[a.end - base : b.start - base]
            left_of_b = stext[max(0, b.start - base - 60) : b.start - base]
            if len(between) >= 120:
                continue
            if _REVISION_FROM.search(left_of_b):
                if a.revises is None:
                    a.revises = b.points  # "19-point … evolution from the initial 28-point draft"
            elif _REVISION_AFTER.search(between) and b.revises is None:
                b.revises = a.points  # "the 28-point plan was trimmed to a 19-point framework"


def _proposer(ctx: DocContext, sent: Sentence, start: int, end: int) -> str | None:
    text = ctx.text
    left = text[max(sent.start, start - 60) : start]
    best: str | None = None
    for ent in ctx.ents_in(max(sent.start, start - 60), end):
        side = ent.demonym or ent.country or ent.person or _BY_SIDE_CAPITALS.get(ent.text)
        if side is None:
            continue
        gap = text[ent.end : start] if ent.end <= start else ""
        if (
            ent.end <= start
            and re.fullmatch(r"(?:['’]s)?[\s-]*(?:-?backed\s+|-?drafted\s+|own\s+)?(?:\w+\s+){0,2}", gap)
        ) or (
            ent.end <= start
            and re.search(r"\b(?:partners|allies|leaders|officials|government)\b", gap)
            and re.search(
                r"\b(?:offer\w*|present\w*|propos\w*|put\s+forward|submit\w*|draft\w*|unveil\w*)\b", gap
            )
        ):
            best = side
    if best is None:
        m = re.search(
            r"\b(?:drafted|proposed|put\s+forward|presented|submitted|offered|unveiled)\s+by\s+(?:the\s+)?$",
            left,
        )
        if m:
            return None
        right = text[end : min(sent.end, end + 40)]
        m2 = re.match(
            r"\s*(?:drafted|proposed|put\s+forward|presented|submitted|offered|unveiled|floated)\s+by\s+",
            right,
        )
        if m2:
            for ent in ctx.ents_in(end, min(sent.end, end + 60)):
                side = ent.demonym or ent.country or ent.person
                if side:
                    return side
    return best


def _proposal_events(ctx: DocContext, found: list[Proposal]) -> list[Event]:
    by_points: dict[int, list[Proposal]] = {}
    named: list[Proposal] = []
    for p in found:
        if p.points is not None:
            by_points.setdefault(p.points, []).append(p)
        else:
            named.append(p)
    events = []
    for points, ps in by_points.items():
        revises = next((p.revises for p in ps if p.revises), None)
        proposer = next((p.proposer for p in ps if p.proposer), None)
        name = next((p.name for p in ps if not re.match(r"\d", p.name)), ps[0].name)
        events.append(_proposal_event(ctx, ps, name, points, revises, proposer))
    # named proposals without a point count: merge by head noun, and into a pointed one of the same head
    heads: dict[str, list[Proposal]] = {}
    for p in named:
        head = _head(p.name)
        if _GENERIC_NAME.match(head) and by_points:
            continue
        if head in ("framework", "plan", "proposal", "draft") and by_points:
            continue  # "the refined framework" is the 19-point one, named differently
        heads.setdefault(head, []).append(p)
    for ps in heads.values():
        proposer = next((p.proposer for p in ps if p.proposer), None)
        quoted = next((p.name for p in ps if " " in p.name), ps[0].name)
        events.append(_proposal_event(ctx, ps, quoted, None, None, proposer))
    events.sort(key=lambda e: e.evidence[0].start)
    return events


def _head(name: str) -> str:
    words = re.findall(r"[\w-]+", name.lower())
    return words[-1].replace("counter-proposal", "counterproposal") if words else name.lower()


def _proposal_event(
    ctx: DocContext,
    ps: list[Proposal],
    name: str,
    points: int | None,
    revises: int | None,
    proposer: str | None,
) -> Event:
    text = ctx.text
    dates = []
    for p in ps:
        dates += D.find_dates(text[p.sent.start : p.sent.end], ctx.published, ctx.anchor_year)
    best = D.best(dates)
    seen: set[tuple[int, int]] = set()
    evidence: list[Evidence] = []
    for p in ps:
        if (p.sent.start, p.sent.end) not in seen:
            seen.add((p.sent.start, p.sent.end))
            evidence.append(ctx.evidence(p.sent.start, p.sent.end))
    conf = 0.6 + 0.15 * bool(points) + 0.1 * bool(revises) + 0.05 * bool(proposer)
    return Event(
        kind="proposal",
        evidence=tuple(evidence),
        confidence=min(conf, 0.9),
        date=best.span if best else None,
        name=name,
        points=points,
        revises_points=revises if revises != points else None,
        proposer=proposer,
    )


# --- commitments ---------------------------------------------------------------------------
_COMMIT = re.compile(
    rf"(?P<pre>(?:\b[\w-]+\s+){{0,3}})\b(?P<noun>{L.COMMITMENT_NOUNS}|deadline|ultimatum)s?\b(?P<post>[^.;:]{{0,90}})",
    re.IGNORECASE,
)
_AGREED = re.compile(
    r"\b(?:agreed|agree|agrees|announced|announces|pledged|pledge|promised|promise|committed|declared|ordered"
    r"|accepted|adhered|adhere|kept|observed|honou?red|respected|violated|violation|breached|breach|broke|broken"
    r"|expired|expires|ended|lapsed|took\s+effect|came\s+into\s+force|in\s+effect|in\s+force|holding|held"
    r"|began|started|extended|halted|suspended|gave|set|imposed|issued|deal\s+on|signed|brokered|reached)\b",
    re.IGNORECASE,
)
_FLOATED = re.compile(
    r"\b(?:floated|proposed|propose|proposing|suggested|called\s+for|calls\s+for|calling\s+for|urged|urging"
    r"|demanded|demands|could|would|might|may|if|hypothetical|possible|offer(?:ed)?\s+(?:a|to)|rejected"
    r"|refused|on\s+the\s+table|phased|such\s+as|including|proposal\s+for)\b",
    re.IGNORECASE,
)
_FLOATED_ONLY = re.compile(
    r"\b(?:floated|proposed|suggested|called\s+for|calls\s+for|calling\s+for|urged|urging|demanded|on\s+the\s+table"
    r"|hypothetical|would\s+(?:agree|accept)|if\s+\w+\s+(?:agrees|accepts))\b",
    re.IGNORECASE,
)
_COMPLY = re.compile(
    r"\b(?:adhered|kept\s+(?:its|their|his)\s+word|kept|complied|respected|observed|honou?red|held)\b", re.I
)
_VIOLATE = re.compile(
    r"\b(?:resumed|violat\w+|breach\w*|broke|broken|ignored|flouted|continued\s+(?:to\s+)?(?:attack|strik)\w*"
    r"|new\s+attacks|struck\s+hard|attacked\s+again)\b",
    re.IGNORECASE,
)
_DISPUTE = re.compile(
    r"\b(?:disputed|dispute|interpreted\s+differently|interpretation|differing\s+(?:accounts|interpretations)"
    r"|vague|accused\s+each\s+other|each\s+accused|both\s+sides\s+accused|matter\s+of\s+interpretation)\b",
    re.IGNORECASE,
)
_EXPIRED = re.compile(r"\b(?:expired|lapsed|ran\s+out|came\s+to\s+an\s+end|ended)\b", re.IGNORECASE)
_IN_FORCE = re.compile(
    r"\b(?:took\s+effect|came\s+into\s+force|in\s+effect|in\s+force|is\s+holding|began|in\s+place)\b", re.I
)
_DEADLINE_CONCRETE = re.compile(
    r"\b(?:until|by\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|the\s+end|\w+\s+\d)|\d+[- ]day"
    r"|(?:ten|fifty|thirty|two|three|\w+ty)[- ]day|Thanksgiving|Christmas|Easter|New\s+Year|(?:January|February|March"
    r"|April|May|June|July|August|September|October|November|December)\s+\d|expires?|expired|gave\s+\w+)\b",
    re.IGNORECASE,
)
_SCOPE_ENERGY = re.compile(r"\b(?:energy|power|grid|electric\w*|heating)\b", re.IGNORECASE)


@dataclass(slots=True)
class CommitMention:
    sent: Sentence
    noun: str
    scope: str
    start: int
    end: int


def commitments(ctx: DocContext, gaz: Gazetteer) -> list[Event]:
    text = ctx.text
    ms: list[CommitMention] = []
    for sent in ctx.sentences:
        stext = text[sent.start : sent.end]
        for m in _COMMIT.finditer(stext):
            noun = m.group("noun").lower()
            if stext[m.end("noun") : m.end("noun") + 1].lower() == "s":
                continue  # "deadlines", "ceasefires": talk about such things, not one of them
            if noun in ("deadline", "ultimatum") and not _DEADLINE_CONCRETE.search(stext):
                continue
            if noun == "stop" and not re.match(
                r"\s+(?:to|of)\s+(?:strikes|attacks|shelling)", m.group("post"), re.I
            ):
                continue
            if noun == "freeze" and not re.search(
                r"\b(?:strikes|attacks|fighting|front|hostilities)\b", m.group(0), re.I
            ):
                continue
            if noun == "halt" and re.match(
                r"\s+(?:to\s+)?(?:aid|deliver|the\s+advance|supplies)", m.group("post"), re.I
            ):
                continue
            scope = _scope(m.group("pre"), noun, m.group("post"))
            ms.append(
                CommitMention(sent, noun, scope, sent.start + m.start("noun"), sent.start + m.end("noun"))
            )
    if not ms:
        return []
    groups: list[list[CommitMention]] = []
    for m in ms:
        g = next((g for g in groups if _scopes_merge(g, m)), None)
        if g is None:
            groups.append([m])
        else:
            g.append(m)
    events = []
    for g in groups:
        ev = _commitment_event(ctx, gaz, g)
        if ev is not None:
            events.append(ev)
    return events


def _scope(pre: str, noun: str, post: str) -> str:
    pre_words = pre.split()
    qual = [w for w in pre_words if re.match(r"(?i)(energy|Black|Sea|maritime|Easter|Christmas|air|full|total"
                                             r"|partial|complete|naval|humanitarian|Victory|Day|30-day|\d+-day)", w)]  # fmt: skip
    post = post.strip()
    m = re.match(
        r"(?:(?:of|on|in|to|against)\s+)(?P<obj>(?:(?:Russian|Ukrainian|all|further|mutual|long-range)\s+)?"
        r"(?:strikes|attacks|shelling|hostilities|fighting|bombing|drone\s+strikes|missile\s+strikes)"
        r"(?:\s+(?:on|against|at|targeting)\s+[^,;]{3,50})?|[^,;]{3,50})",
        post,
        re.IGNORECASE,
    )
    obj = m.group("obj").strip() if m else ""
    obj = re.split(r"\s+(?:after|while|but|because|as|which|that|when|until|for\s+\d|from\s+\w+day)\b", obj)[
        0
    ]
    scope = " ".join([*qual, noun, obj]).strip() if obj else " ".join([*qual, noun]).strip()
    if qual and not obj:
        scope = " ".join(qual) + " " + noun
    return scope


def _scopes_merge(group: list[CommitMention], m: CommitMention) -> bool:
    g0 = group[0]
    if abs(m.sent.index - group[-1].sent.index) > 8:
        return False
    e1, e2 = bool(_SCOPE_ENERGY.search(g0.scope)), bool(_SCOPE_ENERGY.search(m.scope))
    generic = not _has_object(m.scope) or not _has_object(g0.scope)
    sea1, sea2 = "sea" in g0.scope.lower(), "sea" in m.scope.lower()
    if e1 == e2 and sea1 == sea2:
        return True
    return generic and not (sea1 or sea2)


def _has_object(scope: str) -> bool:
    return bool(
        re.search(
            r"\b(?:energy|power|grid|sea|shipping|port|easter|christmas|full|all|infrastructure)\b",
            scope,
            re.I,
        )
    )


def _commitment_event(ctx: DocContext, gaz: Gazetteer, g: list[CommitMention]) -> Event | None:
    text = ctx.text
    first = g[0].sent.index
    last = g[-1].sent.index
    window = ctx.sentences[first : min(len(ctx.sentences), last + 3)]
    sent_texts = [text[s.start : s.end] for s in {m.sent.index: m.sent for m in g}.values()]
    wtext = " ".join(text[s.start : s.end] for s in window)
    agreed = any(_AGREED.search(t) and not _FLOATED_ONLY.search(t) for t in sent_texts)
    if not agreed:
        return None
    if not re.search(r"\b(?:strikes?|attacks?|fighting|hostilities|ceasefire|truce|shelling|moratorium|energy|deadline"
                     r"|ultimatum|bombing|war)\b", wtext, re.I):  # fmt: skip
        return None
    comply, violate = _COMPLY.search(wtext), _VIOLATE.search(wtext)
    if _DISPUTE.search(wtext) or (comply and violate):
        status = "disputed"
    elif violate:
        status = "breached"
    elif _EXPIRED.search(wtext):
        status = "expired"
    elif _IN_FORCE.search(wtext):
        status = "in_force"
    else:
        status = "announced"
    scope = max((m.scope for m in g), key=lambda s: (_has_object(s), bool(_SCOPE_ENERGY.search(s)), len(s)))
    by, announced_by = _commit_sides(ctx, g, window)
    dates = []
    for s in {m.sent.index: m.sent for m in g}.values():
        dates += D.find_dates(text[s.start : s.end], ctx.published, ctx.anchor_year)
    best = D.best(dates)
    evidence = tuple(ctx.evidence(s.start, s.end) for s in {m.sent.index: m.sent for m in g}.values())
    return Event(
        kind="commitment",
        evidence=evidence,
        confidence=0.6 + 0.1 * bool(by) + 0.1 * (status != "announced"),
        date=best.span if best else None,
        scope=scope,
        by=by,
        announced_by=announced_by,
        status=status,
    )


def _commit_sides(
    ctx: DocContext, g: list[CommitMention], window: list[Sentence]
) -> tuple[str | None, str | None]:
    text = ctx.text
    by = announced = None
    for s in window:
        for ent in ctx.ents_in(s.start, s.end):
            side = ent.demonym or ent.country or ent.person or _BY_SIDE_CAPITALS.get(ent.text)
            if side is None:
                continue
            right = text[ent.end : min(s.end, ent.end + 60)]
            if by is None and re.match(
                r"^(?:['’]s)?\s+(?:had\s+|has\s+)?(?:\w+\s+)?(?:adhered|kept|agreed\s+to\s+(?:halt|pause|stop|suspend)"
                r"|pledged|promised|committed|(?:strikes|attacks|forces))\b",
                right,
                re.I,
            ):
                by = side
            if announced is None and re.match(
                r"^\s+(?:had\s+|has\s+)?(?:announced|declared|said|stated|ordered|proposed)\b", right, re.I
            ):
                announced = side
    return by, announced
