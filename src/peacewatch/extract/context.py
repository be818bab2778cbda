"""A document prepared for the rules: sentences, clauses, paragraphs and entities.

Built once per article by :class:`peacewatch.extract.Extractor`; every rule module
reads from it and none writes to it after construction.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc

from peacewatch.extract.entities import Ent
from peacewatch.records import Evidence

# Clause boundaries inside a sentence: a new attack often starts after these.
_CLAUSE_SPLIT = re.compile(
    r";\s+|:\s+(?=\S)|,?\s+while\s+|,?\s+whereas\s+|,\s+as\s+well\s+as\s+(?=[A-Z])|,\s+and\s+(?=(?:in|on)\s+[A-Z])"
    r"|,?\s+and\s+(?=(?:also\s+)?(?:hit|struck|damaged|targeted|shelled|pounded|attacked)\s+(?:the\s+)?[\w-]*\s*[A-Z])"
    r"|,\s+and\s+(?=the\s+(?:city|town|port|village|region|capital)\s+of\s+[A-Z])"
    r"|\.\s+(?=[A-Z])"
)


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
    clauses: list[Clause] = field(default_factory=list)


@dataclass(slots=True)
class DocContext:
    text: str
    doc: Doc
    published: dt.date | None
    title_end: int  # end offset of the first line (the headline), 0 if none
    sentences: list[Sentence]
    ents: list[Ent]
    anchor_year: int | None
    _ent_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._ent_starts = [e.start for e in self.ents]

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
        starts = [s.start for s in self.sentences]
        return self.sentences[max(0, bisect_right(starts, pos) - 1)]


def split_sentences(doc: Doc) -> list[Sentence]:
    """Sentences from spaCy, never crossing a line break, each with its clauses."""
    text = doc.text
    out: list[Sentence] = []
    para = 0
    last_end = 0
    for sent in doc.sents:
        s, e = sent.start_char, sent.end_char
        # split further at line breaks inside the spaCy sentence
        pieces = []
        cur = s
        for m in re.finditer(r"\n", text[s:e]):
            nl = s + m.start()
            if text[cur:nl].strip():
                pieces.append((cur, nl))
            cur = nl + 1
        if text[cur:e].strip():
            pieces.append((cur, e))
        for ps, pe in pieces:
            if "\n" in text[last_end:ps]:
                para += 1
            ps += len(text[ps:pe]) - len(text[ps:pe].lstrip())
            pe -= len(text[ps:pe]) - len(text[ps:pe].rstrip())
            sentence = Sentence(len(out), ps, pe, para)
            sentence.clauses = _clauses(text, ps, pe, sentence.index)
            out.append(sentence)
            last_end = pe
    return out


def _clauses(text: str, s: int, e: int, idx: int) -> list[Clause]:
    out = []
    cur = s
    for m in _CLAUSE_SPLIT.finditer(text, s, e):
        if m.start() > cur:
            out.append(Clause(cur, m.start(), idx))
        cur = m.end()
    if e > cur:
        out.append(Clause(cur, e, idx))
    return out or [Clause(s, e, idx)]
