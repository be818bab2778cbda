"""Extract stage: article text → events with evidence.

Consumes an :class:`~peacewatch.records.Article` (or plain text plus a publication
date); produces :class:`~peacewatch.records.Event` records of four kinds (attack,
talks, proposal, commitment), each with evidence offsets into the text.

Offline and deterministic: spaCy's blank English pipeline for tokens and sentences,
the bundled gazetteer for places, rules over the words around each number. The
:class:`Extractor` is built once (≈1 s) and reused; :func:`extract` keeps one per
process.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Iterator

import spacy
from spacy.attrs import IDX, LENGTH, ORTH

from peacewatch.errors import TooLargeInput
from peacewatch.extract import attacks as A
from peacewatch.extract.commitments import commitments
from peacewatch.extract.context import Boundaries, DocContext
from peacewatch.extract.dates import years_in
from peacewatch.extract.entities import (
    add_capital_phrases,
    add_city_anaphora,
    add_direction_pairs,
    add_unlisted_settlements,
    drop_ship_names,
    find_entities,
    relocate_plants,
    resolve_places,
)
from peacewatch.extract.gazetteer import Gazetteer
from peacewatch.extract.gazetteer import load as load_gazetteer
from peacewatch.extract.proposals import proposals
from peacewatch.extract.talks import talks
from peacewatch.records import MAX_TEXT_CHARS, PUBLISHED_RANGE, Article, Event, parse_published

__all__ = ["EXTRACTOR_VERSION", "Extractor", "extract", "extract_article", "get_extractor"]

# Bump when a change to the rules changes output; stored with every article's events.
EXTRACTOR_VERSION = "1.0.0"


class Extractor:
    """Builds the pipeline and gazetteer once; :meth:`extract` is then a pure function."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        nlp = spacy.blank("en")  # the tokenizer only: sentences come from its ORTH array (context.Boundaries)
        nlp.max_length = 30_000_000
        self.nlp = nlp
        self.boundaries = Boundaries(nlp.vocab.strings)
        self.gaz = gazetteer or load_gazetteer()

    def extract(
        self, text: str, published: str | dt.date | None = None, title: str | None = None
    ) -> list[Event]:
        """Events reported in ``text``; relative dates resolve against ``published`` only.

        A text over ``MAX_TEXT_CHARS`` raises :class:`~peacewatch.errors.TooLargeInput`, as ingest
        refuses it: extraction time grows faster than the text.
        """
        from peacewatch.ingest import clean

        _check_size(text)
        cleaned, _ = clean(text, title)
        return self.extract_clean(cleaned, published)

    def extract_clean(self, text: str, published: str | dt.date | None = None) -> list[Event]:
        """Like :meth:`extract` on text whose boilerplate is already blanked out."""
        _check_size(text)
        pub = _anchor(published)
        if not text.strip():
            return []
        ctx = self._context(text, pub)
        mentions = A.mentions(ctx, self.gaz)
        clusters = A.group(ctx, self.gaz, mentions)
        attack_events = A.build_events(ctx, self.gaz, clusters)
        attack_spans = [(m.clause.start, m.clause.end) for m in mentions if m.has_numbers or m.specific]
        events: list[Event] = list(attack_events)
        attack_places = {id(ent) for m in mentions for _, ent in m.places}
        strike_date = next((e.date for e in attack_events if e.date is not None and e.date.start), None)
        talks_events = talks(ctx, self.gaz, attack_spans, attack_places, strike_date)
        events += talks_events
        events += proposals(ctx, self.gaz, talks_events)
        events += commitments(ctx, self.gaz)
        order = {"attack": 0, "talks": 1, "proposal": 2, "commitment": 3}
        events.sort(key=lambda e: (order[e.kind], e.evidence[0].start if e.evidence else 0))
        return events

    def _context(self, text: str, pub: dt.date | None) -> DocContext:
        doc = self.nlp.make_doc(_tokenizable(text))
        arr = doc.to_array([IDX, LENGTH, ORTH])
        idx, lengths, orth = arr[:, 0], arr[:, 1], arr[:, 2]
        starts = idx.tolist()
        ends = set((idx + lengths).tolist())
        ents = add_direction_pairs(find_entities(text, starts, ends, self.gaz), self.gaz, text)
        resolve_places(ents, self.gaz, text)
        drop_ship_names(ents, text)
        relocate_plants(ents, self.gaz, text)
        ents = add_unlisted_settlements(ents, self.gaz, text)
        ents = add_city_anaphora(add_capital_phrases(ents, self.gaz, text), text)
        title_end = _headline_end(text)
        years = years_in(text)
        anchor_year = pub.year if pub else (max(years) if years else None)
        return DocContext(
            text=text,
            published=pub,
            title_end=title_end,
            sentences=self.boundaries.sentences(text, idx, orth),
            ents=ents,
            anchor_year=anchor_year,
        )

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for a in articles:
            yield a, self.extract_clean(a.text, a.published)


# spaCy strips punctuation off a token one character at a time, searching the rest of the token each
# time: quadratic in its length (a run of 50,000 quotes took ten minutes). No word runs this long, so
# a longer run of non-space characters is tokenized as one opaque token of the same length, which
# keeps every offset.
_LONG_RUN = re.compile(r"\S{100,}")


def _tokenizable(text: str) -> str:
    return _LONG_RUN.sub(lambda m: "x" * len(m.group()), text)


def _check_size(text: str) -> None:
    if len(text) > MAX_TEXT_CHARS:
        raise TooLargeInput(f"text is {len(text):,} characters, over the {MAX_TEXT_CHARS:,}-character cap")


# Relative dates ("last month", "overnight") are resolved by stepping back and forth from the
# publication date. A date at the edge of the calendar (the placeholders 0001-01-01 and 9999-12-31
# that some systems write) leaves no room for that and is no real publication date of a report on
# these wars, so it anchors nothing: such dates stay unresolved, as without a date. Ingest keeps
# no such date either (``valid_published``).


def _anchor(published: str | dt.date | None) -> dt.date | None:
    """The publication day that relative dates resolve against, or None when there is no usable one."""
    if isinstance(published, dt.datetime):
        pub: dt.date | None = published.date()
    elif isinstance(published, dt.date):
        pub = published
    else:
        pub = parse_published(published)
    if pub is None or not PUBLISHED_RANGE[0] <= pub <= PUBLISHED_RANGE[1]:
        return None
    return pub


def _headline_end(text: str) -> int:
    """End of the headline line, when the text opens with one (short, no final full stop); else 0.

    Feed entries and pages often open straight with the lede paragraph: that is not a headline,
    and the rule that a vague headline adds nothing must not drop it.
    """
    m = re.match(r"\s*([^\n]*)", text)
    if not m:
        return 0
    line = m.group(1).strip()
    if len(line.split()) > 25 or re.search(r"[.!?][\"”’']?$", line):
        return 0
    return m.end()


@functools.lru_cache(maxsize=1)
def get_extractor() -> Extractor:
    """The process-wide extractor (built on first use)."""
    return Extractor()


def extract(text: str, published: str | dt.date | None = None, title: str | None = None) -> list[Event]:
    """Events in one article's text. See :class:`Extractor`."""
    return get_extractor().extract(text, published, title)


def extract_article(article: Article) -> list[Event]:
    """Events of an ingested article (its text is already cleaned)."""
    return get_extractor().extract_clean(article.text, article.published)
