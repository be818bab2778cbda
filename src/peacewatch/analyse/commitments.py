"""Commitments against conduct: which attacks fall inside a pause's scope and window.

Consumes canonical events and commitments declared by users; produces, for each
commitment, the attacks that may breach it, each with its evidence, and a status.
"Possible" is the honest word: an attack on a power station during an energy pause is
listed, but whether it breaches the pause is for the reader to judge from the sources.

Rules, stated once:

- **Window**: from the commitment's start to its end, inclusive. A declared commitment
  states both. An extracted one starts on its date (else the day it was first
  reported) and ends on its date's end when the text gives a span, or after a duration
  the scope names ("week-long", "30-day"); otherwise it is open-ended.
- **Scope**: the family of the scope text (energy, ports, civilian, air, all) must
  meet the attack's target types or weapons; "all" takes every attack. A scope of no
  known family cannot be checked and says so.
- **Bound party**: an attack by the bound party is a possible violation; one whose
  attacker the sources do not name is listed apart as "attacker not stated".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from peacewatch.extract.numbers import word_to_int
from peacewatch.reconcile import CanonicalEvent
from peacewatch.reconcile.match import scope_class
from peacewatch.store.canonical import DeclaredCommitment

Status = Literal[
    "not yet in force",
    "no violations found",
    "possibly violated",
    "unclear",
    "cannot check scope",
    "undated",
]

# target types each scope family protects
_SCOPE_TARGETS: dict[str, frozenset[str]] = {
    "energy": frozenset({"energy"}),
    "ports": frozenset({"port"}),
    "civilian": frozenset({"residential", "market", "hospital", "school", "civilian_other"}),
}
_AIR_WEAPONS = frozenset({"missile", "drone", "glide_bomb", "bomb"})
_DURATION = re.compile(
    r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|fourteen|thirty)[- ](?P<unit>day|week|month)s?"
    r"(?:-long)?\b|\b(?P<unit2>week|month)-long\b",
    re.IGNORECASE,
)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


@dataclass(frozen=True, slots=True)
class Commitment:
    """A commitment to check: extracted (with sources) or declared by a user."""

    id: str
    origin: Literal["extracted", "declared"]
    name: str
    scope: str
    bound: str | None
    start: dt.date | None
    end: dt.date | None
    reported_status: str | None = None
    sources: tuple[str, ...] = ()
    evidence: tuple[dict[str, Any], ...] = ()
    end_rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "origin": self.origin,
            "name": self.name,
            "scope": self.scope,
            "scope_family": scope_class(self.scope),
            "bound": self.bound,
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "end_rule": self.end_rule,
            "reported_status": self.reported_status,
            "sources": list(self.sources),
            "evidence": list(self.evidence),
        }


@dataclass(slots=True)
class CommitmentCheck:
    commitment: Commitment
    status: Status
    violations: list[CanonicalEvent] = field(default_factory=list)
    unattributed: list[CanonicalEvent] = field(default_factory=list)
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.commitment.to_dict(),
            "status": self.status,
            "reason": self.reason,
            "possible_violations": [_attack(a) for a in self.violations],
            "attacker_not_stated": [_attack(a) for a in self.unattributed],
        }


def _attack(a: CanonicalEvent) -> dict[str, Any]:
    return {
        "id": a.id,
        "date": a.date.to_contract(),
        "places": [p.name for p in a.places],
        "actor": a.actor,
        "targets": list(a.targets),
        "weapons": sorted({f.field.split(".")[0] for f in a.figures if "." in f.field}),
        "killed": a.best("killed"),
        "sources": list(a.sources),
        "evidence": [
            {"source": m.source_name, "url": m.url, "published": m.published, "quote": m.quote}
            for m in a.mentions
        ],
    }


def duration_days(scope: str | None) -> int | None:
    """Days a scope text says the commitment lasts ("a week-long pause" → 7)."""
    if not scope:
        return None
    m = _DURATION.search(scope)
    if not m:
        return None
    if m.group("unit2"):
        return _UNIT_DAYS[m.group("unit2").lower()]
    n = word_to_int(m.group("n"))
    return n * _UNIT_DAYS[m.group("unit").lower()] if n else None


def from_event(ev: CanonicalEvent) -> Commitment:
    """An extracted commitment with the window its sources allow."""
    start = ev.date.start
    if start is None and ev.first_reported:
        start = dt.date.fromisoformat(ev.first_reported[:10])
    end: dt.date | None = None
    rule = "open-ended: the sources give no end"
    if ev.date.end and ev.date.start and ev.date.end > ev.date.start:
        end, rule = ev.date.end, "the end of the span the sources date it to"
    elif start is not None and (days := duration_days(ev.scope)):
        end, rule = start + dt.timedelta(days=days - 1), f"{days} days from its start, as its scope says"
    return Commitment(
        id=ev.id,
        origin="extracted",
        name=ev.scope or "commitment",
        scope=ev.scope or "",
        bound=ev.by,
        start=start,
        end=end,
        reported_status=ev.status,
        sources=ev.sources,
        evidence=tuple(
            {"source": m.source_name, "url": m.url, "published": m.published, "quote": m.quote}
            for m in ev.mentions
        ),
        end_rule=rule,
    )


def from_declared(d: DeclaredCommitment) -> Commitment:
    return Commitment(
        id=f"declared-{d.id}",
        origin="declared",
        name=d.name,
        scope=d.scope,
        bound=d.bound,
        start=d.start,
        end=d.end,
        end_rule="declared" if d.end else "declared open-ended",
    )


def in_scope(scope: str, attack: CanonicalEvent) -> bool | None:
    """Whether an attack falls in a scope; None when the scope cannot be checked."""
    family = scope_class(scope)
    if family == "all":
        return True
    if family == "air":
        kinds = {f.field.split(".")[0].split(":")[0] for f in attack.figures if "." in f.field}
        return bool(kinds & _AIR_WEAPONS) or not kinds
    if family in _SCOPE_TARGETS:
        return bool(set(attack.targets) & _SCOPE_TARGETS[family])
    return None


def check(
    commitments: Sequence[Commitment], events: Sequence[CanonicalEvent], *, today: dt.date | None = None
) -> list[CommitmentCheck]:
    """Each commitment with the attacks in its scope and window, and a status."""
    attacks = [e for e in events if e.kind == "attack" and e.date.start is not None]
    today = today or dt.date.today()
    out = []
    for c in commitments:
        if c.start is None:
            out.append(CommitmentCheck(c, "undated", reason="neither the text nor its publication dates it"))
            continue
        if c.start > today:
            out.append(CommitmentCheck(c, "not yet in force", reason=f"starts {c.start}"))
            continue
        if scope_class(c.scope) in (None, "other"):
            out.append(CommitmentCheck(c, "cannot check scope", reason=f"no rule for the scope {c.scope!r}"))
            continue
        end = c.end or today
        result = CommitmentCheck(c, "no violations found")
        for a in attacks:
            a0 = a.date.start
            if a0 is None or a.date.precision not in ("day", "days"):
                continue
            a1 = a.date.end or a0
            if a1 < c.start or a0 > end:
                continue
            if not in_scope(c.scope, a):
                continue
            if c.bound is None or a.actor == c.bound:
                result.violations.append(a)
            elif a.actor is None:
                result.unattributed.append(a)
        if result.violations:
            result.status = "possibly violated"
            result.reason = f"{len(result.violations)} attack(s) in scope and window"
        elif result.unattributed:
            result.status = "unclear"
            result.reason = f"{len(result.unattributed)} attack(s) in scope and window, attacker not stated"
        else:
            result.reason = f"no dated attack in scope between {c.start} and {end}"
        out.append(result)
    return out
