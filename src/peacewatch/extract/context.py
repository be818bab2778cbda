"""A document prepared for the rules: sentences, clauses, paragraphs and entities.

Built once per article by :class:`peacewatch.extract.Extractor`; every rule module
reads from it and none writes to it after construction.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from peacewatch.extract.entities import Ent
from peacewatch.extract.lexicon import OTHER_WAR, THIS_WAR, lower
from peacewatch.records import Evidence

# Clause boundaries inside a sentence: a new attack often starts after these.
_CLAUSE_SPLIT = re.compile(
    r";\s+|:\s+(?=\S)(?![\d,]+\s+(?:\w+\s+)?(?:over|in|above|near|across|on)\s)|,?\s+while\s+|,?\s+whereas\s+|,\s+as\s+well\s+as\s+(?=[A-Z])|,\s+and\s+(?=(?:in|on)\s+[A-Z])"
    r"|,?\s+and\s+(?=(?:also\s+)?(?:hit|struck|damaged|targeted|shelled|pounded|attacked)\s+(?:the\s+)?[\w-]*\s*[A-Z])"
    r"|,\s+and\s+(?=the\s+(?:city|town|port|village|region|capital)\s+of\s+[A-Z])"
    # "… a day after Kyiv's drones struck bombers deep inside Russia and hours after a Russian attack on
    # Zaporizhzhia killed one person": two attacks, each with its own attacker
    r"|\s+and\s+(?=(?:only\s+)?(?:hours|days|weeks|a\s+day|a\s+week|one\s+day|two\s+days)\s+after\s)"
    # "… as Ukrainian drones set off a fire at a Russian plant and Russian shelling killed a man in …": a
    # second attack with its own attacker
    r"|\s+and\s+(?=(?:Russian|Ukrainian)\s+(?:[\w-]+\s+)?(?:shelling|drones?|missiles?|artillery|strikes?|rockets?"
    r"|bombs?|forces|troops)\s+(?:also\s+)?(?:killed|hit|struck|wounded|injured|damaged|destroyed|shelled|attacked)\b)"
    # "…, a week after the October 10 barrage that killed 19": an earlier attack, told in passing
    r"|,\s+(?=(?:a|one|two|three|four|five|six|\d+)\s+(?:days?|weeks?|months?)\s+after\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:barrage|attack|strike|bombardment|shelling)s?\s+(?:that|which|in\s+which)\s+(?:killed|left))"
    # "Izium: five dead in centre of town, days after deadly Poltava strike": the earlier one, named last
    r"|,\s+(?=(?:only\s+)?(?:hours|days|weeks|a\s+day|a\s+week)\s+after\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?:barrage|attack|strike|bombardment|shelling)s?\s*(?:$|[.;:]))"
    # "The toll from Tuesday's strike on Poltava rose to 51, as a fresh overnight attack killed seven in Lviv"
    r"|,\s+(?=as\s+(?:a|an)\s+(?:fresh|new|separate|second|further)\s+(?:[\w-]+\s+){0,2}?(?:attack|strike|barrage"
    r"|bombardment|assault)s?\s+(?:killed|hit|struck|wounded|injured|left))"
    r"|\.(?:\[\d{1,3}\])*\s+(?=[A-Z])"
    # "…, killing a man in Marhanets and wounding two people in Nikopol": each toll with its own town
    # (kept only where the harm before it names its own town too: see _clauses)
    r"|(?P<harm_and>\s+and\s+(?=(?:killing|wounding|injuring)\s+[^,;.]{1,50}?\s+in\s+(?:the\s+)?[A-Z]))"
)
_HARM_IN_PLACE = re.compile(
    r"\b(?:killing|wounding|injuring)\s+[^,;.]{1,50}?\s+in\s+(?:the\s+)?[A-Z][^,;.]*$"
)


_NATIONALS = re.compile(r"\s+(?:citizens?|nationals?|sailors|seamen|seafarers|crew|workers|students)\b")


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    end: int
    sent: int  # sentence index


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int
    text: str = field(default="", repr=False)  # the whole document, to split clauses on first use
    _clauses: list[Clause] | None = field(default=None, repr=False)

    @property
    def clauses(self) -> list[Clause]:
        if self._clauses is None:
            self._clauses = _clauses(self.text, self.start, self.end, self.index)
        return self._clauses


@dataclass(slots=True)
class DocContext:
    text: str
    published: dt.date | None
    title_end: int  # end offset of the first line (the headline), 0 if none
    sentences: list[Sentence]
    ents: list[Ent]
    anchor_year: int | None
    lower: str = ""  # ASCII-lowercased text (same offsets), for the lexicon's fast patterns
    _ent_starts: list[int] = field(default_factory=list)
    _sent_starts: list[int] = field(default_factory=list)
    _hits: dict[str, set[int]] = field(default_factory=dict)
    memo: dict[Any, Any] = field(default_factory=dict)  # per-document caches of the rule stages

    def __post_init__(self) -> None:
        self._ent_starts = [e.start for e in self.ents]
        self._sent_starts = [x.start for x in self.sentences]
        if not self.lower:
            self.lower = lower(self.text)

    def sentences_with(self, pattern: re.Pattern[str]) -> set[int]:
        """Indices of sentences where ``pattern`` (compiled for lowercased text) matches.

        One scan of the whole document per pattern, cached: cheaper than searching each
        sentence, and every stage asks first which sentences can concern it at all.
        """
        key = pattern.pattern
        hit = self._hits.get(key)
        if hit is None:
            hit = set()
            for m in pattern.finditer(self.lower):
                i = bisect_right(self._sent_starts, m.start()) - 1
                if i >= 0 and m.start() < self.sentences[i].end:
                    hit.add(i)
            self._hits[key] = hit
        return hit

    def other_war(self) -> set[int]:
        """Sentences about another war: they name its places or sides ("Gaza", "Israeli", "Khartoum")
        and nothing of this one (no Russia, Ukraine, Kyiv, Putin, nor a Ukrainian or Russian place), or
        they stand in a paragraph that names only the other war."""
        hit = self.memo.get("other_war")
        if hit is None:
            ours = self.sentences_with(THIS_WAR) | {
                i
                for i in self.sentences_with(OTHER_WAR)
                for e in self.ents_in(self.sentences[i].start, self.sentences[i].end)
                if e.place is not None and e.place.country in ("UA", "RU")
            }
            theirs = self.sentences_with(OTHER_WAR) - ours
            # a paragraph that names only the other war is about it throughout ("The junta said 1,644
            # people had died" after "A 7.7 earthquake struck central Myanmar")
            mixed = {self.sentences[i].paragraph for i in ours}
            # "Four crew members, all Syrian citizens, were killed" in a paragraph about a strike on
            # Odesa: the victims' nationality, not another war
            theirs -= {
                i
                for i in theirs
                if (x := self.sentences[i]).paragraph in mixed
                and all(
                    _NATIONALS.match(self.lower, m.end())
                    for m in OTHER_WAR.finditer(self.lower, x.start, x.end)
                )
            }
            paras = {self.sentences[i].paragraph for i in theirs} - mixed
            hit = self.memo["other_war"] = theirs | {x.index for x in self.sentences if x.paragraph in paras}
        return hit

    def ents_in(self, start: int, end: int) -> list[Ent]:
        i = bisect_right(self._ent_starts, start - 1)
        out = []
        while i < len(self.ents) and self.ents[i].start < end:
            if self.ents[i].end <= end:
                out.append(self.ents[i])
            i += 1
        return out

    def evidence(self, start: int, end: int, field: str | None = None) -> Evidence:
        """An evidence span trimmed of surrounding whitespace, quoting the text exactly."""
        seg = self.text[start:end]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        s, e = start + lead, end - trail
        if e <= s:
            s, e = start, end
        return Evidence(s, e, self.text[s:e], field)

    def sentence_of(self, pos: int) -> Sentence:
        return self.sentences[max(0, bisect_right(self._sent_starts, pos) - 1)]


_END = (".", "!", "?", "…", "...", "?!", "!?", "!!", "??")
_CLOSE = ('"', "”", "’", "'", ")", "]", "»")


class Boundaries:
    """Sentence boundaries from spaCy token arrays (the Sentencizer's rule, plus line breaks).

    spaCy's Sentencizer walks Token objects in Python (≈2.5 ms per 700-word article here);
    the same rule — a sentence ends at . ! ? and the closing quotes or brackets after them — runs
    on the ORTH array in well under a tenth of that. A line break always ends a sentence:
    headlines and captions carry no full stop.
    """

    def __init__(self, strings: Any) -> None:
        self.end = np.array(sorted(strings.add(p) for p in _END), dtype=np.uint64)
        self.close = np.array(sorted(strings.add(p) for p in _CLOSE), dtype=np.uint64)

    def sentences(self, text: str, idx: np.ndarray, orth: np.ndarray) -> list[Sentence]:
        starts: set[int] = set()
        n = len(idx)
        ends = np.nonzero(np.isin(orth, self.end))[0].tolist()
        closing = np.isin(orth, self.close) | np.isin(orth, self.end)
        for i in ends:
            if self._abbreviation(text, idx, i):
                continue
            j = i + 1
            while j < n and closing[j]:
                j += 1
            if j < n and not text[idx[j]].islower():
                starts.add(int(idx[j]))
        for m in _NEWLINE.finditer(text):
            starts.add(m.end())
        if "[" in text:
            for m in _CITED_END.finditer(text):
                starts.add(m.end())
        return _spans(text, sorted(starts))

    @staticmethod
    def _abbreviation(text: str, idx: np.ndarray, i: int) -> bool:
        """'Power Plant No. 5', 'approx. 40', 'Lt. Col. Ivanov': the tokenizer splits off the full
        stop of these abbreviations, which does not end the sentence."""
        dot = int(idx[i])
        if text[dot] != ".":
            return False
        word = _WORD_BEFORE.search(text, max(0, dot - 8), dot)
        if word is None:
            return False
        w = word.group(0).lower()
        if w in _NUMBER_ABBREVIATIONS:
            return _DIGIT_AFTER.match(text, dot + 1) is not None
        return w in _TITLE_ABBREVIATIONS


_NEWLINE = re.compile(r"\n\s*")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])[A-Za-z]{1,6}$")
_DIGIT_AFTER = re.compile(r"\s?\d")
_NUMBER_ABBREVIATIONS = frozenset({"no", "nos", "approx", "ca", "art", "para", "p", "pp", "vol", "nr"})
_TITLE_ABBREVIATIONS = frozenset(
    {
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "cpt",
        "st",
        "gov",
        "sen",
        "rep",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "gen",
        "adm",
        "brig",
    }
)
_BULLET_START = re.compile(r"[-•*▪◦·–—►✅❌🔸🔹🔴🟢⚡]|\d{1,2}[.)]\s")
# "… Krasnodar Krai.[1] The Air Force …": a sentence that ends in a citation mark
_CITED_END = re.compile(r"[.!?][\"”’)]*(?:\[\d{1,3}\])+\s+(?=[A-Z\"“])")


def _spans(text: str, starts: list[int]) -> list[Sentence]:
    out: list[Sentence] = []
    para = 0
    prev_end = 0
    cuts = [0, *starts, len(text)]
    for a, b in itertools.pairwise(cuts):
        seg = text[a:b]
        stripped = seg.strip()
        if not stripped:
            continue
        s = a + (len(seg) - len(seg.lstrip()))
        e = s + len(stripped)
        gap = text[prev_end:s]
        if out and "\n" in gap:
            # a bulleted list belongs to the paragraph that introduces it ("… the air force said:"
            # then "- 62 Kh-101 …"), unless a blank line sets it apart
            listed = _BULLET_START.match(stripped) is not None and gap.count("\n") == 1
            if not listed:
                para += 1
        out.append(Sentence(len(out), s, e, para, text))
        prev_end = e
    return out


def _clauses(text: str, s: int, e: int, idx: int) -> list[Clause]:
    out = []
    cur = s
    for m in _CLAUSE_SPLIT.finditer(text, s, e):
        if m.group("harm_and") is not None and not _HARM_IN_PLACE.search(text, cur, m.start()):
            continue
        if m.start() > cur:
            out.append(Clause(cur, m.start(), idx))
        cur = m.end()
    if e > cur:
        out.append(Clause(cur, e, idx))
    return out or [Clause(s, e, idx)]
