"""Rows of the reconciled tables, as the store takes and gives them.

Plain data with no knowledge of how clusters are made: reconcile builds these from
its ``CanonicalEvent`` records, the store only writes and reads them. The SQL lives
in each backend (``sqlite.py``); this module is what the backends share.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class CanonicalPlace:
    name: str
    admin1: str | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class CanonicalRow:
    """One canonical event to store, with the stored events it was built from."""

    id: str
    kind: str
    date_start: str | None
    date_end: str | None
    date_precision: str
    day: str | None
    actor: str | None
    killed: int | None
    injured: int | None
    missiles: int | None
    drones: int | None
    n_sources: int
    n_mentions: int
    disputed: tuple[str, ...]
    data: dict[str, Any]
    content_hash: str
    mentions: tuple[tuple[int, str], ...]  # (stored event id, mention key)
    places: tuple[CanonicalPlace, ...] = ()


@dataclass(frozen=True, slots=True)
class FigureState:
    """A canonical figure at one moment: what ``figure_history`` appends."""

    canonical_id: str
    field: str
    low: int | None
    best: int | None
    high: int | None
    conservative: int | None
    sources: int
    disputed: bool
    reports: tuple[dict[str, Any], ...] = ()

    def same_value(self, other: FigureState | None) -> bool:
        """Whether nothing a reader would see changed (the reports may be re-ordered)."""
        return other is not None and (
            self.low,
            self.best,
            self.high,
            self.conservative,
            self.sources,
            self.disputed,
        ) == (other.low, other.best, other.high, other.conservative, other.sources, other.disputed)


@dataclass(frozen=True, slots=True)
class FigureHistoryRow:
    id: int
    state: FigureState
    run_id: int | None
    recorded_at: str


@dataclass(frozen=True, slots=True)
class ReconcileWrite:
    """Everything one reconcile run changes, written in one transaction."""

    upsert: tuple[CanonicalRow, ...] = ()
    delete: tuple[str, ...] = ()
    history: tuple[FigureState, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredCanonical:
    id: str
    kind: str
    data: dict[str, Any]
    content_hash: str
    event_ids: tuple[int, ...]
    created_at: str
    updated_at: str


@dataclass(frozen=True, slots=True)
class DeclaredCommitment:
    """A commitment a user states: who is bound not to strike what, from when to when."""

    name: str
    scope: str
    start: dt.date
    end: dt.date | None = None
    bound: str | None = None  # ISO2 of the bound party; None: every party
    note: str | None = None
    id: int | None = None
    created_at: str | None = field(default=None, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "scope": self.scope,
            "bound": self.bound,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "note": self.note,
            "created_at": self.created_at,
        }
