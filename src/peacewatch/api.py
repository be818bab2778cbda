"""The library functions behind each CLI command (``peacewatch ingest`` → :func:`ingest` …).

Each one takes options, runs the pipeline stages in order and returns a typed result;
the CLI only formats that result. Nothing here prints or exits.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from peacewatch.analyse import commitments as C
from peacewatch.analyse import import_official, nightly
from peacewatch.analyse.crosscheck import CrosscheckReport, crosscheck_events, night
from peacewatch.analyse.plans import Lineage, lineages
from peacewatch.analyse.timeline import Timeline
from peacewatch.analyse.timeline import timeline as build_timeline
from peacewatch.errors import ExtractionError, PeacewatchError, UsageError
from peacewatch.extract import EXTRACTOR_VERSION, get_extractor
from peacewatch.ingest import lsh_keys, read_sources, signature
from peacewatch.reconcile import CanonicalEvent
from peacewatch.reconcile.run import ReconcileReport, canonical_events, reconcile_store
from peacewatch.records import Article, Event, Rejection
from peacewatch.settings import DEFAULT_OPTIONS, Options
from peacewatch.store import Store, StoredEvent, database_path, is_postgres, open_store
from peacewatch.store.canonical import DeclaredCommitment

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
    replaced: int = 0  # word-for-word copies published before the one stored, which they replaced
    near_duplicates: int = 0
    events: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    duplicate_of: list[tuple[str, int]] = field(default_factory=list)  # (doc id, stored article id)
    added_ids: list[int] = field(default_factory=list)
    reconciled: ReconcileReport | None = None

    @property
    def rejected(self) -> int:
        return len(self.rejections)

    def summary(self) -> dict[str, Any]:
        return {
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "replaced": self.replaced,
            "near_duplicates": self.near_duplicates,
            "events": self.events,
            "rejected": self.rejected,
            **({"reconciled": self.reconciled.summary()} if self.reconciled else {}),
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
    *,
    reconcile: bool = True,
) -> IngestReport:
    """Read sources, extract events and store each article with its events in one transaction.

    Then, when anything was added and ``reconcile`` is true, reconcile the store so the
    canonical events include the new reports.

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
        if reconcile and (report.added or report.replaced or store.reconcile_pending()):
            # (also when a run killed after its writes left a reconcile pending and this run adds nothing)
            report.reconciled = reconcile_store(store, run_id=run_id)
        store.finish_run(run_id, report.summary())
        return report
    finally:
        if not isinstance(db, Store):
            store.close()


def _ingest_article(
    store: Store, extractor: Any, article: Article, report: IngestReport, options: Options, run_id: int
) -> None:
    # a word-for-word copy is skipped, unless it was published before the stored one: the store
    # then keeps the earliest copy (whichever arrived first), so the result does not depend on order
    existing = store.find_article(article.content_hash, outranked_by=article)
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
    copy_of = store.find_article(article.content_hash)  # the stored copy this one outranks, if any
    near = [
        (i, x)
        for i, x in store.find_near_duplicates(keys, sig, options.near_duplicate_threshold)
        if i != copy_of
    ]
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
    if result.status == "replaced":
        report.replaced += 1  # the earlier-published copy took the stored one's place
    else:
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
    """Where the demo goes unless told otherwise: demo.db next to the default database (in the
    per-user data folder when the default database is a PostgreSQL server)."""
    if is_postgres():
        from platformdirs import user_data_dir

        return str(Path(user_data_dir("peacewatch", appauthor=False)) / "demo.db")
    return str(Path(database_path()).with_name("demo.db"))


# --- reconcile and analyse ----------------------------------------------------------


@contextmanager
def _opened(db: str | Store | None, *, create: bool = False) -> Iterator[Store]:
    if isinstance(db, Store):
        yield db
        return
    store = open_store(db, create=create)
    try:
        yield store
    finally:
        store.close()


def reconcile(db: str | Store | None = None) -> ReconcileReport:
    """Cluster the stored events into canonical events and store what changed.

    Deterministic: the same stored events give the same canonical events and ids in
    whatever order they were ingested; figure changes are appended to their history.
    """
    with _opened(db) as store:
        run_id = store.start_run("reconcile", {})
        report = reconcile_store(store, run_id=run_id)
        store.finish_run(run_id, report.summary())
        return report


def canonical(
    db: str | Store | None = None, *, kind: str | None = None, ids: Sequence[str] | None = None
) -> list[CanonicalEvent]:
    """The canonical events of the stored events, by date (optionally one kind or some ids)."""
    with _opened(db) as store:
        evs = canonical_events(store)
    if kind is not None:
        evs = [e for e in evs if e.kind == kind]
    if ids is not None:
        wanted = set(ids)
        evs = [e for e in evs if e.id in wanted]
    return evs


def timeline(db: str | Store | None = None, *, days_before: int = 3, days_after: int = 3) -> Timeline:
    """For each round of talks, the attacks before, during and after it; and the daily series."""
    if days_before < 0 or days_after < 0:
        raise UsageError("--days-before and --days-after take zero or more days")
    return build_timeline(canonical(db), days_before=days_before, days_after=days_after)


def commitments(db: str | Store | None = None) -> list[C.Commitment]:
    """Commitments extracted from the articles and those declared with ``add_commitment``."""
    with _opened(db) as store:
        evs = canonical_events(store)
        declared = store.declared_commitments()
    return [C.from_event(e) for e in evs if e.kind == "commitment"] + [C.from_declared(d) for d in declared]


def add_commitment(
    name: str,
    scope: str,
    start: dt.date | str,
    end: dt.date | str | None = None,
    bound: str | None = None,
    note: str | None = None,
    db: str | Store | None = None,
) -> C.Commitment:
    """Declare a commitment to check attacks against (e.g. an energy-strike pause)."""
    start_day, end_day = _day(start), _day(end)
    if start_day is None:
        raise UsageError("a commitment needs a start date (YYYY-MM-DD)")
    if end_day is not None and end_day < start_day:
        raise UsageError(f"the commitment ends ({end_day}) before it starts ({start_day})")
    if bound is not None and not re.fullmatch(r"[A-Za-z]{2}", bound):
        raise UsageError(f"--bound takes an ISO 3166 alpha-2 code such as RU or UA, not {bound!r}")
    if not name.strip() or not scope.strip():
        raise UsageError("a commitment needs a name and a scope")
    declared = DeclaredCommitment(
        name.strip(), scope.strip(), start_day, end_day, bound.upper() if bound else None, note
    )
    with _opened(db, create=True) as store:
        new_id = store.add_commitment(declared)
    return C.from_declared(DeclaredCommitment(**{**_fields(declared), "id": new_id}))


def _fields(d: DeclaredCommitment) -> dict[str, Any]:
    return {k: getattr(d, k) for k in ("name", "scope", "start", "end", "bound", "note")}


def check_commitments(
    db: str | Store | None = None, *, today: dt.date | None = None
) -> list[C.CommitmentCheck]:
    """Each commitment with the attacks in its scope and window (possible violations)."""
    with _opened(db) as store:
        evs = canonical_events(store)
        declared = store.declared_commitments()
    items = [C.from_event(e) for e in evs if e.kind == "commitment"] + [C.from_declared(d) for d in declared]
    return C.check(items, evs, today=today)


def plans(db: str | Store | None = None) -> list[Lineage]:
    """Proposals as lineages of versions (28 points → 19 points) with counterproposals beside."""
    return lineages(canonical(db, kind="proposal"))


def crosscheck(official: str | Path | None = None, db: str | Store | None = None) -> CrosscheckReport:
    """Compare news figures of missiles and drones launched with the Air Force series.

    ``official`` is a CSV of the series to import first (a new version is kept only when
    rows changed); without it the series already imported is used.
    """
    with _opened(db, create=official is not None) as store:
        imported = import_official(official, store) if official is not None else None
        evs = [e for e in canonical_events(store) if e.kind == "attack"]
        nights = sorted(n for e in evs if (n := night(e)) is not None)
        series = nightly(store, nights[0], nights[-1]) if nights else []
    report = crosscheck_events(evs, series)
    report.imported = imported
    return report
