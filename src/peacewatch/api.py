"""The library functions behind each CLI command (``peacewatch ingest`` → :func:`ingest` …).

Each one takes options, runs the pipeline stages in order and returns a typed result;
the CLI only formats that result. Nothing here prints or exits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from peacewatch.errors import ExtractionError, PeacewatchError, UsageError
from peacewatch.extract import EXTRACTOR_VERSION, get_extractor
from peacewatch.ingest import lsh_keys, read_sources, signature
from peacewatch.records import Article, Event, Rejection
from peacewatch.settings import DEFAULT_OPTIONS, Options
from peacewatch.store import Store, StoredEvent, database_path, open_store

Progress = Callable[[str, int], None]  # (what happened, how many inputs so far)


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """One line of ``peacewatch extract``: an article's events, or why it could not be read."""

    doc_id: str
    title: str | None
    published: str | None
    events: tuple[Event, ...]
    error: str | None = None

    def to_contract(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "title": self.title,
            "published": self.published,
            "error": self.error,
            "events": [e.to_contract() for e in self.events],
        }


@dataclass(slots=True)
class IngestReport:
    """What an ingest run did, counted, with every rejection kept."""

    db: str
    run_id: int | None = None
    read: int = 0
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    events: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    duplicate_of: list[tuple[str, int]] = field(default_factory=list)  # (doc id, stored article id)
    added_ids: list[int] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def summary(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "events": self.events,
            "rejected": self.rejected,
        }


def extract_documents(sources: Sequence[str], options: Options = DEFAULT_OPTIONS) -> Iterator[DocumentResult]:
    """Read each source and extract its events: the contract command, with no database."""
    extractor = get_extractor()
    for item in read_sources(sources, options.with_(allow_network=False)):
        if isinstance(item, Rejection):
            yield DocumentResult(item.source, None, None, (), error=item.reason)
            continue
        try:
            events = extractor.extract_clean(item.text, item.published)
        except Exception as exc:  # an extractor bug must not lose the rest of the batch
            reason = f"extraction failed ({ExtractionError.code}): {type(exc).__name__}: {exc}"
            yield DocumentResult(item.id, item.title, item.published, (), error=" ".join(reason.split()))
            continue
        yield DocumentResult(item.id, item.title, item.published, tuple(events))


def ingest(
    sources: Sequence[str],
    db: str | Store | None = None,
    options: Options = DEFAULT_OPTIONS,
    progress: Progress | None = None,
) -> IngestReport:
    """Read sources, extract events and store each article with its events in one transaction.

    An article already stored (same content hash) is skipped and reported as a duplicate;
    one that is a near-copy of a stored article (the same wire story on another site) is
    stored and linked to it. Bad inputs become stored Rejections; the run goes on.
    """
    store = db if isinstance(db, Store) else open_store(db)
    try:
        report = IngestReport(db=store.url)
        run_id = store.start_run("ingest", {"sources": list(sources)})
        report.run_id = run_id
        extractor = get_extractor()
        for n, item in enumerate(read_sources(sources, options), 1):
            if isinstance(item, Rejection):
                report.rejections.append(item)
                store.add_rejection(item, run_id)
                if progress:
                    progress("rejected", n)
                continue
            report.read += 1
            _ingest_article(store, extractor, item, report, options, run_id)
            if progress:
                progress("read", n)
        store.finish_run(run_id, report.summary())
        return report
    finally:
        if not isinstance(db, Store):
            store.close()


def _ingest_article(
    store: Store, extractor: Any, article: Article, report: IngestReport, options: Options, run_id: int
) -> None:
    existing = store.find_article(article.content_hash)
    if existing is not None:
        report.duplicates += 1
        report.duplicate_of.append((article.id, existing))
        return
    try:
        events = extractor.extract_clean(article.text, article.published)
    except Exception as exc:  # keep going; the article is reported, not half-stored
        rej = Rejection(
            "extract", f"extraction failed: {type(exc).__name__}: {exc}", article.id, ExtractionError.code
        )
        report.rejections.append(rej)
        store.add_rejection(rej, run_id)
        return
    sig = signature(article.text)
    keys = lsh_keys(sig)
    near = store.find_near_duplicates(keys, sig, options.near_duplicate_threshold)
    near_id, sim = near[0] if near else (None, None)
    result = store.add_article(
        article,
        events,
        extractor_version=EXTRACTOR_VERSION,
        run_id=run_id,
        signature=sig,
        keys=keys,
        near_duplicate_of=near_id,
        similarity=sim,
    )
    if result.status == "duplicate":
        report.duplicates += 1
        report.duplicate_of.append((article.id, result.article_id))
        return
    report.added += 1
    report.added_ids.append(result.article_id)
    report.events += len(result.event_ids)
    if near_id is not None:
        report.near_duplicates += 1


def events(
    db: str | Store | None = None,
    *,
    kind: str | None = None,
    place: str | None = None,
    country: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[StoredEvent]:
    """Stored events, filtered; ordered by date."""
    if country is not None and not re.fullmatch(r"[A-Za-z]{2}", country):
        raise UsageError(f"--country takes an ISO 3166 alpha-2 code such as UA or RU, not {country!r}")
    store = db if isinstance(db, Store) else open_store(db, create=False)
    try:
        return store.events(
            kind=kind,
            place=place,
            country=country.upper() if country else None,
            since=_day(since),
            until=_day(until),
            limit=limit,
            offset=offset,
        )
    finally:
        if not isinstance(db, Store):
            store.close()


def _day(v: dt.date | str | None) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(v)
    except ValueError as exc:
        raise UsageError(f"not an ISO date (YYYY-MM-DD): {v!r}") from exc


def demo_sources() -> list[str]:
    """The bundled demo corpus: JSONL articles, two HTML pages and an RSS feed."""
    root = resources.files("peacewatch") / "demo"
    base = Path(str(root))
    if not base.is_dir():
        raise PeacewatchError("the bundled demo corpus is missing from this installation")
    return [str(base / "articles.jsonl"), str(base / "pages"), str(base / "feed.xml")]


def demo(
    db: str | Store | None = None, options: Options = DEFAULT_OPTIONS, progress: Progress | None = None
) -> IngestReport:
    """Ingest the bundled demo corpus into ``db`` (default: demo.db beside the default database)."""
    return ingest(demo_sources(), db if db is not None else demo_database(), options, progress)


def demo_database() -> str:
    """Where the demo goes unless told otherwise: demo.db next to the default database."""
    return str(Path(database_path()).with_name("demo.db"))
