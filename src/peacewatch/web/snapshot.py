"""Analyses of every reconciled event, computed once per state of the store and shared.

Why: the timeline, the daily charts, commitment checks, plans and the cross-check need
every canonical event as a ``CanonicalEvent`` (with its reports), and building those for a
few thousand events takes about a second. Built per request, 50 clients made 50 copies at
once and waited minutes. Here they are built once per *state* and shared:

- **State** is ``Store.canonical_version()``: a digest of the stored canonical events, their
  members, declared commitments and official imports — what ``peacewatch reconcile`` and
  ``commitments add`` committed, not the reports an ingest is still adding. An ingest
  changes it once, when its reconcile commits, so the analyses agree with ``/api/canonical``
  and with the event pages an analyst opens from them. (On SQLite the digest is re-read
  only when the database files change, at most a second apart.)
- **Snapshot**: the canonical events rebuilt from the stored members of each stored
  canonical event (``reconcile.cluster.build``, no re-clustering), read in one transaction
  with the digest, so one snapshot is one state and every figure in an answer comes from it.
- **Single flight**: requests for a state being built wait for that one build; each answer
  (the JSON of one URL) is computed once per snapshot and its bytes reused. A new snapshot
  computes the answers the previous one was asked for before it is served, so the first
  requests after a reconcile do not each wait for a timeline of every event.
- **Stale while revalidate**: while a newer state is being built, a request is answered from
  the last complete snapshot for at most ``stale_seconds`` after the newer state was first
  seen, after waiting up to ``wait_seconds`` (0.5 s) for the new one — so on a database
  rebuilt quicker than that every answer is fresh — and the answer says so: ``X-Peacewatch-State`` (the state it was computed from),
  ``X-Peacewatch-Stale: true`` and ``Age`` (seconds since that snapshot was read). Figures an
  analyst cites then lag one reconcile by a second or two, and can be told apart; a client
  that must have the newest sends ``Cache-Control: no-cache`` and waits for it. Past
  ``stale_seconds`` everyone waits, so an answer is never silently old.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from peacewatch.analyse.crosscheck import night
from peacewatch.analyse.official import NightFigures, nightly
from peacewatch.reconcile import CanonicalEvent, Mention
from peacewatch.reconcile.cluster import build
from peacewatch.reconcile.run import load_mentions
from peacewatch.store import Store
from peacewatch.store.canonical import DeclaredCommitment

T = TypeVar("T")


class SingleFlight:
    """One computation per key at a time: callers of a key already running wait for its
    result (or its exception) instead of computing it again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: dict[Hashable, Future[Any]] = {}

    def run(self, key: Hashable, fn: Callable[[], T]) -> T:
        with self._lock:
            fut = self._running.get(key)
            leader = fut is None
            if fut is None:
                fut = self._running[key] = Future()
        if not leader:
            return fut.result()  # type: ignore[no-any-return]
        try:
            result = fn()
        except BaseException as exc:
            fut.set_exception(exc)
            raise
        else:
            fut.set_result(result)
            return result
        finally:
            with self._lock:
                del self._running[key]


def _age(m: Mention) -> tuple[str, str]:
    """Members oldest first, as ``reconcile.cluster`` orders a cluster before ``build``."""
    return (m.published or "~", m.key)


@dataclass
class Snapshot:
    """The reconciled events of one state, and the answers computed from them so far."""

    state: str
    read_at: float  # time.time() when its read transaction ran
    events: tuple[CanonicalEvent, ...]
    declared: tuple[DeclaredCommitment, ...]
    series: tuple[NightFigures, ...]  # the official figures of the attacks' nights
    max_answers: int = 256
    _answers: OrderedDict[str, bytes] = field(default_factory=OrderedDict)
    _recipes: dict[str, Callable[[Snapshot], bytes]] = field(default_factory=dict)  # to warm the next one
    _flight: SingleFlight = field(default_factory=SingleFlight)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, key: str, compute: Callable[[Snapshot], bytes]) -> bytes:
        """The bytes of one answer (one URL), computed once for this snapshot."""
        with self._lock:
            body = self._answers.get(key)
            if body is not None:
                self._answers.move_to_end(key)
                return body
        body = self._flight.run(key, lambda: compute(self))
        with self._lock:
            self._answers[key] = body
            self._recipes[key] = compute
            while len(self._answers) > self.max_answers:
                self._recipes.pop(self._answers.popitem(last=False)[0], None)
        return body

    def warm(self, previous: Snapshot) -> None:
        """Compute the answers ``previous`` was asked for, before this snapshot is served:
        requests keep getting the previous answers (marked stale) instead of waiting for them."""
        with previous._lock:
            recipes = [(k, previous._recipes[k]) for k in previous._answers if k in previous._recipes]
        for key, compute in recipes:
            try:
                self.answer(key, compute)
            except Exception:  # an answer that fails here fails for its own request too
                continue

    def headers(self, stale: bool) -> dict[str, str]:
        return {
            "X-Peacewatch-State": self.state[:16],
            "X-Peacewatch-Stale": "true" if stale else "false",
            "Age": str(max(0, int(time.time() - self.read_at))),
        }


def read_snapshot(store: Store) -> Snapshot:
    """The stored canonical events as ``CanonicalEvent`` records, in the library's order.

    Each stored canonical event is rebuilt from its stored members with the reconcile's own
    ``build``; right after a reconcile that is exactly what it stored (tested).
    """
    with store.reading():
        read_at = time.time()
        state = store.canonical_version()
        membership = store.canonical_membership()
        groups: dict[str, list[Mention]] = {}
        for m in load_mentions(store):
            cid = membership.get(m.event_id) if m.event_id is not None else None
            if cid is not None:
                groups.setdefault(cid, []).append(m)
        declared = tuple(store.declared_commitments())
        events = [build(sorted(g, key=_age)) for g in groups.values()]
        events.sort(key=lambda e: (e.day or dt.date.max, e.kind, e.id))
        nights = sorted(n for e in events if e.kind == "attack" and (n := night(e)) is not None)
        series = tuple(nightly(store, nights[0], nights[-1])) if nights else ()
    return Snapshot(state, read_at, tuple(events), declared, series)


def _failed(f: Future[Any]) -> bool:
    return f.done() and f.exception() is not None


def wants_fresh(headers: Mapping[str, str]) -> bool:
    """Whether the client refuses a stale answer (``Cache-Control: no-cache`` or ``max-age=0``)."""
    cc = headers.get("cache-control", "").lower().replace(" ", "")
    return "no-cache" in cc or "no-store" in cc or "max-age=0" in cc


class Snapshots:
    """The latest snapshot of one database, rebuilt when its state changes (module docstring).

    ``get_store`` gives the calling thread's store (``StorePool.get``); ``files`` are the
    database files whose size and time say "maybe changed" on SQLite (None: ask every time).
    """

    def __init__(
        self,
        get_store: Callable[[], Store],
        *,
        files: tuple[str, ...] | None,
        stale_seconds: float = 30.0,
        wait_seconds: float = 0.5,
        recheck_seconds: float = 1.0,
    ) -> None:
        self.get_store = get_store
        self.files = files
        self.stale_seconds = stale_seconds
        self.wait_seconds = wait_seconds
        self.recheck_seconds = recheck_seconds
        self.builds = 0  # snapshots built so far (what the single-flight tests count)
        self._latest: Snapshot | None = None
        self._superseded_at: float | None = None  # when a state newer than _latest was first seen
        self._flight = SingleFlight()
        self._lock = threading.Lock()
        self._memo: tuple[tuple[int, ...], float, str] | None = None
        self._background: ThreadPoolExecutor | None = None  # one thread, started on first use
        # the state being built in the background, and its build
        self._refreshing: tuple[str, Future[Snapshot]] | None = None

    def _executor(self) -> ThreadPoolExecutor:
        if self._background is None:
            self._background = ThreadPoolExecutor(1, thread_name_prefix="peacewatch-snapshot")
        return self._background

    def close(self) -> None:
        """Stop the background thread (the app is shutting down; a later request starts one)."""
        with self._lock:
            background, self._background = self._background, None
            self._refreshing = None
        if background is not None:
            background.shutdown(wait=False, cancel_futures=True)

    def _stamp(self) -> tuple[int, ...]:
        out: list[int] = []
        for f in self.files or ():
            try:
                st = os.stat(f)
                out += [st.st_size, st.st_mtime_ns]
            except OSError:
                out += [0, 0]
        return tuple(out)

    def state(self, store: Store) -> str:
        """The store's current state; on SQLite re-read only when its files changed (or after
        ``recheck_seconds``, as file times tick coarsely)."""
        if self.files is None:
            return store.canonical_version()
        stamp, now = self._stamp(), time.monotonic()
        memo = self._memo
        if memo is not None and memo[0] == stamp and now - memo[1] < self.recheck_seconds:
            return memo[2]
        state = store.canonical_version()
        self._memo = (stamp, now, state)
        return state

    def _build(self, state: str) -> Snapshot:
        """Build (or wait for the build of) the snapshot of ``state`` or a newer one."""

        def work() -> Snapshot:
            with self._lock:
                if self._latest is not None and self._latest.state == state:
                    return self._latest  # built meanwhile
            snap = read_snapshot(self.get_store())
            previous = self._latest
            if previous is not None:
                snap.warm(previous)
            with self._lock:
                self.builds += 1
                if self._latest is None or snap.read_at >= self._latest.read_at:
                    self._latest = snap
                    self._superseded_at = None
            return snap

        return self._flight.run(state, work)

    def get(self, *, allow_stale: bool = True) -> tuple[Snapshot, bool]:
        """A snapshot to answer from, and whether it is stale (a newer one is being built).

        A new state is built in the background; a request waits for it up to
        ``wait_seconds`` (a small database is rebuilt in that time, so its answers are always
        fresh), then, within ``stale_seconds`` of the new state being seen, takes the
        previous snapshot, marked stale.
        """
        state = self.state(self.get_store())
        with self._lock:
            latest = self._latest
            if latest is not None and latest.state == state:
                return latest, False
            if latest is None or not allow_stale:
                refresh = None
            else:
                now = time.monotonic()
                if self._superseded_at is None:
                    self._superseded_at = now
                within = now - self._superseded_at <= self.stale_seconds
                running = self._refreshing
                if running is None or running[0] != state or _failed(running[1]):
                    running = self._refreshing = (state, self._executor().submit(self._build, state))
                refresh = running[1] if within else None
        if refresh is not None:
            try:
                return refresh.result(timeout=self.wait_seconds), False
            except TimeoutError:
                return latest, True  # type: ignore[return-value]  # latest is set on this path
        return self._build(state), False
