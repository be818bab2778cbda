"""The store interface every backend implements (SQLite and PostgreSQL).

Records go in as the frozen ``Article``/``Event``/``Rejection`` of
``peacewatch.records`` and come back wrapped with their database ids. The helpers
that turn a record into column values live here, not in a backend, so that every
backend writes exactly the same columns.

The official Air Force series goes in as the rows ``peacewatch.analyse`` parses (any
object with their fields, ``OfficialRowLike``) and comes back as ``StoredOfficialRow``
versions: an edit by the series' maintainer adds a version, it never overwrites one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, Protocol, Self

from peacewatch.errors import StoreError, UsageError
from peacewatch.records import EVENT_KINDS, Article, Event, Rejection
from peacewatch.store.canonical import (
    DeclaredCommitment,
    FigureHistoryRow,
    FigureState,
    ReconcileWrite,
    StoredCanonical,
)

if TYPE_CHECKING:
    from peacewatch.store.paging import CanonicalFilter


@dataclass(frozen=True, slots=True)
class AddResult:
    """What ``add_article`` did: a new row, or the id of the article already stored."""

    status: Literal["added", "duplicate", "replaced"]  # replaced: this copy outranks the stored one
    article_id: int
    event_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event with its ids and the article fields a listing or a map needs."""

    id: int
    article_id: int
    seq: int
    event: Event
    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    content_hash: str = ""  # of the article: with ``seq``, a key that is the same in any store


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: int
    doc_id: str
    content_hash: str
    title: str | None
    published: str | None
    url: str | None
    source: str | None
    language: str | None
    origin: str | None
    raw_text: str
    text: str
    boilerplate: tuple[tuple[int, int, str], ...]
    near_duplicate_of: int | None
    similarity: float | None
    ingested_at: str
    extractor_version: str
    n_events: int
    run_id: int | None = None

    def to_article(self) -> Article:
        """The record as ingest produced it, e.g. to extract it again with a newer extractor."""
        return Article(
            id=self.doc_id,
            text=self.text,
            raw_text=self.raw_text,
            title=self.title,
            published=self.published,
            url=self.url,
            source=self.source,
            language=self.language,
            origin=self.origin,
            boilerplate=self.boilerplate,
        )


@dataclass(frozen=True, slots=True)
class StoredRejection:
    id: int
    run_id: int | None
    created_at: str
    rejection: Rejection


CommitListener = Callable[[dict[str, Any]], None]


class Store(ABC):
    """One connection to one database. A Store belongs to one thread: open one per thread.

    ``on_commit``, when set, is called with a JSON-able note (``{"op": "article", ...}``,
    ``"rejection"``, ``"reconcile"``) for each write, only once its transaction has committed:
    what a listener is told survives a crash of the process, which is what a caller (or a
    crash test) needs in order to know what "done" means.
    """

    url: str
    on_commit: CommitListener | None = None

    def _committed(self, note: dict[str, Any]) -> None:
        """Tell the listener about a committed write (backends call it after COMMIT returned)."""
        if self.on_commit is not None:
            self.on_commit(note)

    @abstractmethod
    def migrate(self) -> list[int]:
        """Apply pending migrations; return the versions applied (empty when up to date)."""

    @abstractmethod
    def schema_version(self) -> int: ...

    @abstractmethod
    def start_run(self, command: str, args: dict[str, Any]) -> int: ...

    @abstractmethod
    def finish_run(self, run_id: int, summary: dict[str, Any]) -> None: ...

    @abstractmethod
    def find_article(self, content_hash: str, *, outranked_by: Article | None = None) -> int | None:
        """The id of the article stored with this content hash; None when there is none, or
        when ``outranked_by`` (a copy of it) ranks before it (``copy_rank``), so that the
        caller extracts that copy and ``add_article`` puts it in the stored one's place."""

    @abstractmethod
    def find_near_duplicates(
        self, keys: Sequence[str], signature: bytes, threshold: float
    ) -> list[tuple[int, float]]: ...

    @abstractmethod
    def add_article(
        self,
        article: Article,
        events: Sequence[Event],
        *,
        extractor_version: str,
        run_id: int | None = None,
        signature: bytes | None = None,
        keys: Sequence[str] = (),
        near_duplicate_of: int | None = None,
        similarity: float | None = None,
    ) -> AddResult: ...

    @abstractmethod
    def replace_events(
        self, article_id: int, events: Sequence[Event], *, extractor_version: str
    ) -> tuple[int, ...]: ...

    @abstractmethod
    def add_rejection(self, rejection: Rejection, run_id: int | None = None) -> int: ...

    @abstractmethod
    def rejections(self, run_id: int | None = None) -> list[StoredRejection]: ...

    @abstractmethod
    def events(
        self,
        *,
        kind: str | None = None,
        place: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article_id: int | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredEvent]: ...

    @abstractmethod
    def articles(self, limit: int | None = None, offset: int = 0) -> list[StoredArticle]: ...

    @abstractmethod
    def article(self, article_id: int) -> StoredArticle | None: ...

    @abstractmethod
    def article_by_doc_id(self, doc_id: str) -> StoredArticle | None: ...

    @abstractmethod
    def stats(self) -> dict[str, int]: ...

    @abstractmethod
    def integrity_check(self) -> str: ...

    # --- the official Air Force series (versioned imports) ---------------------------

    @abstractmethod
    def add_official_import(
        self, meta: OfficialImportMeta, rows: Sequence[OfficialRowLike]
    ) -> OfficialImportResult:
        """Record one import of the series in one transaction, keeping every version of a row.

        A row whose ``row_key`` is new gets version 1; one whose content hash differs from
        its current version gets the next version and the old one is marked superseded
        (kept, never deleted). With ``meta.full`` the file is the whole series, so current
        rows absent from it are marked superseded too ("removed"). An import that would
        change nothing writes nothing and answers the id of the latest import.
        """

    @abstractmethod
    def official_rows(
        self,
        night_from: dt.date | None = None,
        night_to: dt.date | None = None,
        current_only: bool = True,
        *,
        as_of: int | None = None,
    ) -> list[StoredOfficialRow]:
        """Rows by night (inclusive bounds); every version when ``current_only`` is false;
        with ``as_of`` the versions that were current just after that import."""

    @abstractmethod
    def official_row_versions(self, row_key: str) -> list[StoredOfficialRow]:
        """Every version of one row, oldest first."""

    @abstractmethod
    def official_imports(self) -> list[OfficialImport]:
        """Every recorded import of the series, oldest first."""

    # --- reconciled events (see store.canonical) ----------------------------------------

    @abstractmethod
    def canonical_state(self) -> dict[str, str]:
        """id → content hash of every stored canonical event."""

    @abstractmethod
    def latest_figures(self) -> dict[tuple[str, str], FigureState]:
        """The last recorded state of every (canonical id, figure)."""

    @abstractmethod
    def write_reconciled(self, write: ReconcileWrite, run_id: int | None = None) -> None:
        """Apply one reconcile run in one transaction; history rows are only ever appended."""

    @abstractmethod
    def canonical_events(
        self,
        *,
        kind: str | None = None,
        place: str | None = None,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        ids: Sequence[str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> list[StoredCanonical]: ...

    # --- selections made by the database (see store.paging) ----------------------------

    @abstractmethod
    def canonical_page(
        self, f: CanonicalFilter, *, sort: str = "date", limit: int | None = None, offset: int = 0
    ) -> list[StoredCanonical]:
        """The canonical events ``f`` selects, sorted (``store.paging.CANONICAL_SORTS``) and
        paged in SQL: only the rows of the page are read and decoded."""

    @abstractmethod
    def count_canonical(self, f: CanonicalFilter) -> int:
        """How many canonical events ``f`` selects (the ``total`` of a page)."""

    @abstractmethod
    def canonical_weapons(self, ids: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """Canonical id → weapon kinds any of its stored reports names, sorted."""

    @abstractmethod
    def canonical_version(self) -> str:
        """A digest that changes whenever anything an analysis of the reconciled events
        reads changes: canonical events, their members, declared commitments, official imports."""

    @abstractmethod
    def reading(self) -> AbstractContextManager[None]:
        """A context in which every read sees one state of the database (one transaction)."""

    @abstractmethod
    def canonical_membership(self) -> dict[int, str]:
        """Stored event id → the id of its canonical event."""

    @abstractmethod
    def figure_history(self, canonical_id: str | None = None) -> list[FigureHistoryRow]: ...

    def reconcile_pending(self) -> bool:
        """Whether the canonical events lag behind the stored events: an event belongs to no
        canonical event, or a canonical event has no event left.

        Reconcile gives every stored event a canonical event, so this is false right after
        one; it is true when an ingest stored articles and stopped (killed, say) before its
        reconcile committed. A later ingest that adds nothing must still reconcile then, or
        the canonical events would stay behind for good. Backends answer it in one query.
        """
        members = self.canonical_membership()
        if any(e.id not in members for e in self.events()):
            return True
        return bool(set(self.canonical_state()) - set(members.values()))

    @contextmanager
    def reconcile_lock(self) -> Iterator[None]:
        """Hold the store's reconcile lock around one read–cluster–write cycle.

        On a database several processes write at once (PostgreSQL), a second reconcile
        waits here until the first has committed, so two never interleave. The default
        does nothing; a backend that can hold a lock across calls overrides it.
        """
        yield

    @abstractmethod
    def add_commitment(self, commitment: DeclaredCommitment) -> int: ...

    @abstractmethod
    def declared_commitments(self) -> list[DeclaredCommitment]: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url}>"


# --- helpers shared by the backends -------------------------------------------------


def copy_rank(published: str | None, doc_id: str, source: str | None, url: str | None) -> tuple[str, ...]:
    """Which of several copies of one text (one content hash: a wire story two outlets ran
    word for word) the store keeps: the earliest published (undated last), then the smallest
    document id, source and URL. Keeping whichever arrived first instead made the credited
    outlet — and the id of its canonical event, taken from its first report — depend on the
    order of ingest."""
    return (published or "~", doc_id, source or "", url or "")


def outranks(article: Article, stored: Sequence[Any]) -> bool:
    """Whether ``article`` ranks before the stored copy (``doc_id, published, source, url``)."""
    doc_id, published, source, url = stored
    return copy_rank(article.published, article.id, article.source, article.url) < copy_rank(
        published, doc_id, source, url
    )


def copy_update(params: Sequence[Any], article_id: int, mark: str) -> tuple[str, tuple[Any, ...]]:
    """The UPDATE that puts an outranking copy's metadata on the stored article row (both
    backends; ``mark`` is the driver's placeholder): ``params`` are the article's insert values."""
    (doc_id, _, title, published, url, source, language, origin, raw_text, text, boilerplate,
     extractor_version, ingested_at, run_id, _, _) = params  # fmt: skip
    columns = ("doc_id", "title", "published", "url", "source", "language", "origin", "raw_text", "text",
               "boilerplate", "extractor_version", "ingested_at", "run_id")  # fmt: skip
    sql = f"UPDATE articles SET {', '.join(f'{c} = {mark}' for c in columns)} WHERE id = {mark}"
    return sql, (doc_id, title, published, url, source, language, origin, raw_text, text, boilerplate,
                 extractor_version, ingested_at, run_id, article_id)  # fmt: skip


def article_note(article: Article, result: AddResult) -> dict[str, Any]:
    """What ``on_commit`` hears of a committed ``add_article``."""
    note: dict[str, Any] = {
        "op": "article",
        "status": result.status,
        "article_id": result.article_id,
        "doc_id": article.id,
        "content_hash": article.content_hash,
    }
    if result.status != "duplicate":
        note["events"] = len(result.event_ids)
    return note


def rejection_note(rejection: Rejection, rejection_id: int) -> dict[str, Any]:
    """What ``on_commit`` hears of a committed ``add_rejection``."""
    return {
        "op": "rejection",
        "rejection_id": rejection_id,
        "source": rejection.source,
        "stage": rejection.stage,
        "code": rejection.code,
    }


def reconcile_note(write: ReconcileWrite) -> dict[str, Any]:
    """What ``on_commit`` hears of a committed ``write_reconciled``."""
    return {
        "op": "reconcile",
        "upserted": len(write.upsert),
        "deleted": len(write.delete),
        "history": len(write.history),
    }


def utc_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def to_json(obj: Any) -> str:
    """Strict JSON (NaN refused), so what is stored can be read by any JSON consumer."""
    return json.dumps(obj, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def fold(s: str | None) -> str | None:
    """Case- and form-insensitive key for matching names (Unicode-aware, unlike SQL lower())."""
    return unicodedata.normalize("NFKC", s).casefold() if s is not None else None


def like_contains(s: str) -> str:
    r"""A LIKE pattern (ESCAPE '\') matching ``s`` anywhere, with its wildcards taken literally."""
    esc = s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{esc}%"


def similarity(a: bytes, b: bytes) -> float:
    """Fraction of equal MinHash values (8-byte positions): the estimated Jaccard similarity.

    Comparing the raw 8-byte slices is the same as comparing the little-endian uint64
    values. Signatures of different lengths are not comparable and score 0.
    """
    if len(a) != len(b) or not a or len(a) % 8:
        return 0.0
    n = len(a) // 8
    mva, mvb = memoryview(a), memoryview(b)
    same = sum(mva[i : i + 8] == mvb[i : i + 8] for i in range(0, len(a), 8))
    return same / n


@dataclass(frozen=True, slots=True)
class EventRow:
    """Column values of one event and its places, computed before any transaction opens."""

    seq: int
    kind: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    actor: str | None
    killed: int | None
    injured: int | None
    confidence: float
    data: str
    contract: str
    places: tuple[tuple[Any, ...], ...]  # (seq, role, name, admin1, country, lat, lon, precision, folds)


def event_rows(events: Sequence[Event], *, doc_id: str) -> list[EventRow]:
    """Serialise every event first, so a bad one fails before anything is written."""
    out: list[EventRow] = []
    for seq, ev in enumerate(events):
        if ev.kind not in EVENT_KINDS:
            raise StoreError(f"event {seq} of article {doc_id} has unknown kind {ev.kind!r}")
        try:
            out.append(_event_row(seq, ev))
        except (TypeError, ValueError, AttributeError, KeyError, IndexError) as e:
            raise StoreError(f"event {seq} ({ev.kind}) of article {doc_id} cannot be stored: {e}") from e
    return out


def _event_row(seq: int, ev: Event) -> EventRow:
    places: list[tuple[Any, ...]] = [
        (i, "place", p.name, p.admin1, p.country, p.lat, p.lon, p.precision, fold(p.name), fold(p.admin1))
        for i, p in enumerate(ev.places)
    ]
    if ev.venue is not None:
        v = ev.venue
        places.append((len(places), "venue", v.name, None, v.country, None, None, None, fold(v.name), None))
    d = ev.date
    return EventRow(
        seq=seq,
        kind=ev.kind,
        date_start=d.start.isoformat() if d and d.start else None,
        date_end=d.end.isoformat() if d and d.end else None,
        date_precision=d.precision if d else "unknown",
        actor=ev.actor,
        killed=ev.killed.best if ev.killed else None,
        injured=ev.injured.best if ev.injured else None,
        confidence=float(ev.confidence),
        data=to_json(ev.to_dict()),
        contract=to_json(ev.to_contract()),
        places=tuple(places),
    )


def check_page(limit: int | None, offset: int) -> None:
    if (limit is not None and limit < 0) or offset < 0:
        raise UsageError(f"limit and offset must not be negative (got limit={limit}, offset={offset})")


def check_kind(kind: str | None) -> None:
    if kind is not None and kind not in EVENT_KINDS:
        raise UsageError(f"unknown event kind {kind!r}; expected one of {', '.join(EVENT_KINDS)}")


def iso_day(d: dt.date | str | None) -> str | None:
    """A window bound as YYYY-MM-DD (a datetime counts as its day; ISO strings are accepted)."""
    if d is None:
        return None
    if isinstance(d, dt.datetime):
        return d.date().isoformat()
    if isinstance(d, dt.date):
        return d.isoformat()
    try:
        return dt.date.fromisoformat(str(d)[:10]).isoformat()
    except ValueError as e:
        raise UsageError(f"not an ISO date: {d!r}") from e


# --- the official Air Force series -------------------------------------------------


class OfficialRowLike(Protocol):
    """What the store needs of a parsed row (``peacewatch.analyse.OfficialRow``).

    A protocol rather than an import, so that the store does not depend on the analyse
    stage that consumes it.
    """

    @property
    def row_key(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def time_start(self) -> dt.date: ...
    @property
    def time_end(self) -> dt.date: ...
    @property
    def night(self) -> dt.date: ...
    @property
    def model(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def scope(self) -> str: ...
    @property
    def launched(self) -> int | None: ...
    @property
    def destroyed(self) -> int | None: ...
    @property
    def launch_place(self) -> str: ...
    @property
    def target(self) -> str: ...
    @property
    def source(self) -> str: ...
    @property
    def raw(self) -> Mapping[str, str]: ...


@dataclass(frozen=True, slots=True)
class OfficialImportMeta:
    """Where an import came from: the file's name and hash, how many rows were rejected,
    and whether it is the whole series (``full``) or a partial file merged in."""

    file_name: str
    sha256: str
    problems: int = 0
    full: bool = True


@dataclass(frozen=True, slots=True)
class OfficialImportResult:
    """What an import did to the stored series. ``recorded`` is false when nothing changed
    (then nothing was written and ``import_id`` is the latest import). ``problems`` are the
    rows the reader rejected (filled in by ``peacewatch.analyse.import_official``)."""

    import_id: int
    new: int
    changed: int
    unchanged: int
    removed: int = 0
    recorded: bool = True
    problems: tuple[Rejection, ...] = ()


@dataclass(frozen=True, slots=True)
class OfficialImport:
    id: int
    imported_at: str
    file_name: str
    sha256: str
    row_count: int
    problems: int
    full: bool
    new: int
    changed: int
    unchanged: int
    removed: int


@dataclass(frozen=True, slots=True)
class StoredOfficialRow:
    """One version of one row of the series, as stored.

    ``import_id`` is the import that wrote this version; ``superseded_by`` the import that
    replaced or removed it (None: it is current).
    """

    id: int
    row_key: str
    version: int
    import_id: int
    superseded_by: int | None
    line: int
    time_start: dt.date  # a datetime when the file gave a time
    time_end: dt.date
    night: dt.date
    model: str
    kind: str
    scope: str
    launched: int | None
    destroyed: int | None
    launch_place: str
    target: str
    source: str
    raw: dict[str, str]
    content_hash: str

    @property
    def current(self) -> bool:
        return self.superseded_by is None


OFFICIAL_ROW_KINDS: tuple[str, ...] = ("missile", "drone", "glide_bomb", "other")
OFFICIAL_SCOPES: tuple[str, ...] = ("national", "regional")


def official_content_hash(raw: Mapping[str, str | None]) -> str:
    """Hash of a row's columns, insensitive to what is not an edit.

    Values are stripped, numbers written one way ("464.0" == "464"), empty columns and
    column order ignored: a re-export of the same figures (or a new, empty column) is not
    a new version of every row, while any edited value is.
    """
    norm: dict[str, str] = {}
    for k, v in raw.items():
        if k is None or v is None:
            continue
        val = " ".join(str(v).split())
        if not val:
            continue
        try:
            f = float(val)
        except ValueError:
            pass
        else:
            if f.is_integer() and abs(f) < 2**53:
                val = str(int(f))
        norm[" ".join(str(k).split())] = val
    payload = json.dumps(norm, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def official_time(value: dt.date) -> str:
    """A time of the series as sortable text: "YYYY-MM-DD HH:MM", or "YYYY-MM-DD" for a bare date."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def parse_official_time(value: str) -> dt.date:
    """The inverse of ``official_time``."""
    if len(value) <= 10:
        return dt.date.fromisoformat(value)
    return dt.datetime.fromisoformat(value)


def check_official_rows(rows: Sequence[OfficialRowLike]) -> None:
    """Refuse a batch the versioning cannot take, before any transaction opens."""
    seen: set[str] = set()
    for r in rows:
        if r.row_key in seen:
            raise StoreError(f"official row key {r.row_key} appears twice in one import (line {r.line})")
        seen.add(r.row_key)
        if r.kind not in OFFICIAL_ROW_KINDS:
            raise StoreError(f"official row at line {r.line} has unknown kind {r.kind!r}")
        if r.scope not in OFFICIAL_SCOPES:
            raise StoreError(f"official row at line {r.line} has unknown scope {r.scope!r}")


@dataclass(frozen=True, slots=True)
class OfficialDiff:
    """What an import changes in the stored series: the rows to write as new versions (with
    their content hashes), the ids of current versions they or a full import supersede, and
    the counts ``OfficialImportResult`` reports."""

    write: list[tuple[OfficialRowLike, str]]
    supersede: list[int]
    new: int
    changed: int
    unchanged: int
    removed: int


def official_diff(
    current: Mapping[str, tuple[int, str]], incoming: Sequence[tuple[OfficialRowLike, str]], *, full: bool
) -> OfficialDiff:
    """Diff hashed rows against the current versions (row key → (id, content hash)).

    Why here: both backends make this diff inside their write transaction and must count
    exactly alike; a full import also supersedes every current row it no longer has."""
    write: list[tuple[OfficialRowLike, str]] = []
    supersede: list[int] = []
    new = changed = unchanged = 0
    for row, digest in incoming:
        cur = current.get(row.row_key)
        if cur is None:
            new += 1
            write.append((row, digest))
        elif cur[1] != digest:
            changed += 1
            supersede.append(cur[0])
            write.append((row, digest))
        else:
            unchanged += 1
    removed = 0
    if full:
        seen = {r.row_key for r, _ in incoming}
        gone = [i for k, (i, _) in current.items() if k not in seen]
        removed = len(gone)
        supersede += gone
    return OfficialDiff(write, supersede, new, changed, unchanged, removed)


def official_row_values(r: OfficialRowLike, digest: str, version: int, import_id: int) -> tuple[Any, ...]:
    """The columns of one new ``official_rows`` version, in the order both backends insert them:
    row_key, version, import_id, line, time_start, time_end, night, model, kind, scope,
    launched, destroyed, launch_place, target, source, raw, content_hash."""
    return (
        r.row_key,
        version,
        import_id,
        r.line,
        official_time(r.time_start),
        official_time(r.time_end),
        r.night.isoformat(),
        r.model,
        r.kind,
        r.scope,
        r.launched,
        r.destroyed,
        r.launch_place,
        r.target,
        r.source,
        to_json(dict(r.raw)),
        digest,
    )
