"""Proposals: peace plans keyed by their point count ("the 28-point plan"), or by name.

Which version revises which is read from wording such as "trimmed from 28 to 19 points"
or "a 19-point framework, an evolution from the initial 28-point draft".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from peacewatch.extract import dates as D
from peacewatch.extract import lexicon as L
from peacewatch.extract.context import DocContext, Sentence
from peacewatch.extract.gazetteer import Gazetteer
from peacewatch.extract.numbers import NUMBER, word_to_int
from peacewatch.records import Event, Evidence

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
    r"|condensed|reworked|overhauled|amended|down|boiled|cutting|trimming|reducing|narrowing|paring|slimming"
    r"|whittling|shrinking|shortening|condensing|revising|refining)\b",
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


# "the document that began life with 28 points now has 19": the later count revises the first
_NOW_HAS = re.compile(
    rf"\b(?:with|had|of)\s+(?P<a>{NUMBER})\s+points\b[^.;]{{0,40}}?\bnow\s+(?:has|have|contains|comprises"
    rf"|numbers|counts|runs\s+to|stands\s+at)\s+(?:just\s+|only\s+)?(?P<b>{NUMBER})\b",
    re.IGNORECASE,
)
# "now runs to 19 points, having been cut down from the original 28", "pared back to 20 points from the
# 28 in the original draft": the later count first, the one it revises after "from"
_POINTS_FROM = re.compile(
    rf"\b(?P<b>{NUMBER})\s+points\b[^.;]{{0,50}}?\b(?:down\s+)?from\s+(?:the\s+)?(?:(?:original|initial|earlier|first)\s+)?"
    rf"(?P<a>{NUMBER})\b(?![\s-]*(?:%|per\s*cent|percent|km|kilomet|miles|metres|meters|years|days))",
    re.IGNORECASE,
)
# "It was later whittled down to 20 points": the plan named before, in fewer points
_DOWN_TO = re.compile(
    rf"\b(?:whittled|cut|trimmed|reduced|pared|slimmed|narrowed|shrunk|condensed|streamlined|boiled)(?:\s+down)?\s+to"
    rf"\s+(?:just\s+|only\s+)?(?P<b>{NUMBER})(?:\s+points|-point)\b",
    re.IGNORECASE,
)
_PEACE_WORDS = re.compile(
    r"\b(?:peace|ceasefire|cease-fire|truce|settlement|end(?:ing)?\s+the\s+war|negotiat\w+|talks|Kremlin|Moscow|Russia\w*"
    r"|Witkoff|Trump|framework|formula)\b",
    re.IGNORECASE,
)
_NOT_PEACE_PLAN = re.compile(
    r"\b(?:plan|programme|program|strategy)\s+(?:to|for)\s+(?:prepare|rebuild|restore|boost|support|develop|reform"
    r"|improve|protect|modernise|modernize|the\s+heating|reconstruction|recovery|energy|economic|the\s+economy|winter)\b"
    r"|\b(?:Cabinet|government|ministry|city\s+council)\s+(?:approved|adopted|unveiled)\b",
    re.IGNORECASE,
)


# 'a joint six-point "common understanding"': a quoted name is the proposal whatever its noun
_POINT_QUOTED = re.compile(
    rf"(?<![\w-])(?P<n>{NUMBER})[- ]point\s+[\"“](?P<q>[^\"”]{{3,40}})[\"”]", re.IGNORECASE
)
_ITS_POINTS = re.compile(
    rf"\s*(?:Its|The\s+(?:plan|proposal|document|framework)(?:['’]s|\s+(?:has|contains|sets\s+out|lists)))\s+"
    rf"(?P<n>{NUMBER})\s+points\b",
    re.IGNORECASE,
)
_SOURCE_OF_LEFT = re.compile(
    r"\b(?:drawn|derived|taken|copied|lifted|adapted)\s+(?:\w+\s+)?(?:from|on)\s+(?:an?|the)\s+(?:[\w-]+\s+)?[\"“]?$",
    re.IGNORECASE,
)
# (searched in lower-cased text, see DocContext.sentences_with: IGNORECASE only made it 7x slower)
_HINT = L.lc(r"point|plan|propos|framework|paper|formula|memorandum|roadmap|blueprint|draft")


@dataclass(slots=True)
class Proposal:
    points: int | None
    name: str
    start: int
    end: int
    sent: Sentence
    revises: int | None = None
    proposer: str | None = None
    own: bool = False  # "his own 10-point peace formula": not the plan of the same size named before


def proposals(ctx: DocContext, gaz: Gazetteer, talks: Sequence[Event] = ()) -> list[Event]:
    """Proposal events; ``talks`` (this article's talks events) date a paper handed over at them."""
    return [_dated_by_talks(ctx, e, talks) for e in _proposals(ctx, gaz)]


# a paper changing hands or shape at a meeting: it dates from that meeting
_AT_TABLE = re.compile(
    r"\b(?:hand\w*\s+(?:\w+\s+){0,3}?over|handed|passed|present(?:ed|s|ing)?|submit\w*|tabled|exchang\w*"
    r"|swapp?(?:ed|ing)|put\s+(?:\w+\s+){0,2}?on\s+the\s+table|laid\s+out|circulat\w*|reduced|pared|trimmed"
    r"|cut\s+(?:down\s+)?to|whittled|narrowed|slimmed)\b",
    re.IGNORECASE,
)


_AT_THE_TALKS = re.compile(
    r"\b(?:at|during)\s+the\s+(?:table|talks|meeting|session|negotiations)\b", re.IGNORECASE
)


def _dated_by_talks(ctx: DocContext, ev: Event, talks: Sequence[Event]) -> Event:
    """An undated proposal handed over, presented or cut down at talks of a known day takes that day: the
    day of talks told earlier in its paragraph ("At the second round, on June 2, … Russia handed over a
    memorandum"), else of the one held talks event told in its paragraph or the one before, else in the
    article."""
    if ev.date is not None and ev.date.start is not None:
        return ev
    sents = [ctx.sentence_of(x.start) for x in ev.evidence if _AT_TABLE.search(x.quote)]
    if not sents:
        return ev
    for sent in sents:
        for s in reversed(ctx.sentences[: sent.index + 1]):
            if s.paragraph != sent.paragraph:
                break
            st = ctx.text[s.start : s.end]
            for d in D.find_dates(st, ctx.published, ctx.anchor_year):
                if d.span.precision == "day" and L.TALKS_WORD.search(st, max(0, d.start - 60), d.end + 60):
                    return replace(ev, date=d.span)
    # (and, failing those, the one day of held talks the whole article tells: "The Russian side handed over
    # its memorandum only at the table" two paragraphs after "On Monday … sat down in Istanbul")
    at_table = any(_AT_THE_TALKS.search(x.quote) for x in ev.evidence)
    anywhere = {ctx.sentence_of(x.start).paragraph for t in talks for x in t.evidence} if at_table else set()
    for near in ({s.paragraph for s in sents}, {s.paragraph - 1 for s in sents}, anywhere):
        days = {
            t.date
            for t in talks
            if t.status == "held"
            and t.date is not None
            and t.date.precision == "day"
            and any(ctx.sentence_of(x.start).paragraph in near for x in t.evidence)
        }
        if len(days) == 1:
            return replace(ev, date=days.pop())
        if days:
            break
    return ev


def _proposals(ctx: DocContext, gaz: Gazetteer) -> list[Event]:
    text = ctx.text
    found: list[Proposal] = []
    hinted = ctx.sentences_with(_HINT) - ctx.other_war()
    for sent in ctx.sentences:
        stext = text[sent.start : sent.end]
        if sent.index not in hinted:
            continue
        pointed = []
        for m in _POINT_PLAN.finditer(stext):
            n = word_to_int(m.group("n"))
            if n is None or not 2 <= n <= 100:
                continue
            name = _proposal_name(stext, m)
            pointed.append(Proposal(n, name, sent.start + m.start(), sent.start + m.end(), sent))
        for m in _POINT_QUOTED.finditer(stext):
            n = word_to_int(m.group("n"))
            if n is None or not 2 <= n <= 100 or any(p.start == sent.start + m.start() for p in pointed):
                continue  # (a quoted name ending in "plan" was read above)
            pointed.append(
                Proposal(n, m.group("q").strip(" ,."), sent.start + m.start(), sent.start + m.end(), sent)
            )
        for m in _PLAN_POINTS.finditer(stext):
            b = word_to_int(m.group("b"))
            a = word_to_int(m.group("a")) if m.group("a") else None
            if b is None or not 2 <= b <= 100:
                continue
            if a is None and _REVISION_AFTER.search(m.group(0)):
                # "cutting the 28-point plan that Washington circulated down to 19 points": the plan
                # the noun belongs to is the one revised
                a = next((p.points for p in pointed if p.start <= sent.start + m.start() <= p.end), None)
            if not any(p.points == b for p in pointed):
                pointed.append(
                    Proposal(b, f"{b}-point plan", sent.start + m.start(), sent.start + m.end(), sent, a)
                )
        points_from = [
            m
            for m in _POINTS_FROM.finditer(stext)
            if _REVISION_AFTER.search(stext, max(0, m.start() - 40), m.end())
            or re.search(r"(?i)original|initial", m.group(0))
        ]
        for m in [*_FROM_TO.finditer(stext), *_NOW_HAS.finditer(stext), *points_from]:
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
        if pointed and _NOT_PEACE_PLAN.search(stext) and not _PEACE_WORDS.search(stext):
            pointed = []  # "a 10-point plan to prepare the power grid for winter"
        for m in _DOWN_TO.finditer(stext):
            b = word_to_int(m.group("b"))
            if b and 2 <= b <= 100 and not any(p.points == b for p in pointed):
                prev = next((p.points for p in reversed(found + pointed) if p.points and p.points != b), None)
                pointed.append(
                    Proposal(b, f"{b}-point plan", sent.start + m.start(), sent.start + m.end(), sent, prev)
                )
        _revisions(stext, sent.start, pointed)
        for p in pointed:
            p.proposer = _proposer(ctx, sent, p.start, p.end)
            if _OWN_LEFT.search(text, max(0, p.start - 16), p.start):
                p.own = True
                p.proposer = p.proposer or _last_person(ctx, sent, p.start)
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
            if not m.group("quoted") and name.lower().endswith("s") and not name.lower().endswith("process"):
                continue  # "governments write counterproposals": the genre, not one proposal
            if _SOURCE_OF_LEFT.search(stext, max(0, m.start() - 60), m.start()):
                continue  # "a blueprint drawn partly from a Russian non-paper": where a plan came from
            if not (m.group("quoted") or _PROPOSAL_VERBS.search(stext) or _proposer(ctx, sent, s, e)):
                continue
            points = None
            nxt = ctx.sentences[sent.index + 1] if sent.index + 1 < len(ctx.sentences) else None
            if nxt is not None and nxt.paragraph == sent.paragraph:
                # '… presented a "Victory Plan". Its five points cover …'
                pm = _ITS_POINTS.match(text, nxt.start, nxt.end)
                n = word_to_int(pm.group("n")) if pm else None
                points = n if n is not None and 2 <= n <= 100 else None
            found.append(Proposal(points, name, s, e, sent, proposer=_proposer(ctx, sent, s, e)))
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
            left_of_a = stext[max(0, a.start - base - 40) : a.start - base]
            if (
                _REVISION_AFTER.search(left_of_a)
                and re.search(r"\b(?:to|into)\b", between)
                and b.revises is None
            ):
                b.revises = a.points  # "trimmed the 28-point plan to a 19-point framework"
                continue
            if _REVISION_FROM.search(left_of_b):
                if a.revises is None:
                    a.revises = b.points  # "19-point … evolution from the initial 28-point draft"
            elif _REVISION_AFTER.search(between) and b.revises is None:
                b.revises = a.points  # "the 28-point plan was trimmed to a 19-point framework"


# "attitudes in Kyiv towards a 28-point plan": Kyiv is the one reacting, not the author
_NOT_PROPOSER_GAP = re.compile(
    r"\b(?:to|towards?|toward|against|on|over|about|with|from|at|into|rejects?|rejected|accepts?|accepted"
    r"|opposes|opposed|studies|studied|received|receives|reviews?|reviewed)\b",
    re.IGNORECASE,
)


def _proposer(ctx: DocContext, sent: Sentence, start: int, end: int) -> str | None:
    text = ctx.text
    left = text[max(sent.start, start - 60) : start]
    best: str | None = None
    for ent in ctx.ents_in(max(sent.start, start - 60), end):
        side = ent.side
        if side is None:
            continue
        if start <= ent.start and ent.end <= end:
            return side  # "a 28-point US draft": the proposer named inside the name
        gap = text[ent.end : start] if ent.end <= start else ""
        if (
            ent.end <= start
            and re.fullmatch(r"(?:['’]s)?[\s-]*(?:-?backed\s+|-?drafted\s+|own\s+)?(?:\w+\s+){0,2}", gap)
            and not _NOT_PROPOSER_GAP.search(gap)
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
    groups: list[tuple[int, list[Proposal]]] = []
    for points, ps in by_points.items():
        mine: list[list[Proposal]] = []
        for p in ps:
            same_head = next((g for g in mine if _head(g[0].name) == _head(p.name)), None)
            if p.own and not any(q.proposer == p.proposer for g in mine for q in g):
                mine.append([p])  # two different plans of the same size
            elif same_head is not None:
                same_head.append(p)
            elif mine:
                mine[0].append(p)
            else:
                mine.append([p])
        groups += [(points, g) for g in mine]
    events = []
    for points, ps in groups:
        revises = next((p.revises for p in ps if p.revises), None)
        proposer = next((p.proposer for p in ps if p.proposer), None)
        name = next((p.name for p in ps if not re.match(r"\d", p.name)), ps[0].name)
        events.append(_proposal_event(ctx, ps, name, points, revises, proposer))
    # named proposals without a point count: merge by head noun, and into a pointed one of the same head
    heads: dict[str, list[Proposal]] = {}
    for p in named:
        head = _head(p.name)
        pointed_heads = {_head(p2.name) for ps2 in by_points.values() for p2 in ps2}
        if head in pointed_heads or (_GENERIC_NAME.match(head) and by_points):
            continue  # "the refined framework" is the 19-point framework, named differently
        heads.setdefault(head, []).append(p)
    for ps in heads.values():
        proposer = next((p.proposer for p in ps if p.proposer), None)
        quoted = next((p.name for p in ps if " " in p.name), ps[0].name)
        events.append(_proposal_event(ctx, ps, quoted, None, None, proposer))
    events.sort(key=lambda e: e.evidence[0].start)
    return events


_OWN_LEFT = re.compile(r"\b(?:his|her|its|their|our)\s+own\s+$", re.IGNORECASE)


def _last_person(ctx: DocContext, sent: Sentence, start: int) -> str | None:
    """The side of the last person named before ``start`` in this or the previous sentence ("he")."""
    lo = ctx.sentences[sent.index - 1].start if sent.index > 0 else sent.start
    people = [e for e in ctx.ents_in(lo, start) if e.person]
    return people[-1].person if people else None


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
