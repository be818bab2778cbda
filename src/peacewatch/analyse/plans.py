"""Plan versions: which proposal revises which, in date order, and what sources say changed.

Consumes canonical proposals; produces lineages. A proposal that "revises 28 points"
is linked to the 28-point plan reported closest before it; linked plans form one
lineage (28 → 19 → …). Counterproposals and plans by another proposer that were
reported while a lineage was discussed stand beside it as alternatives. What changed
is never paraphrased: each source's own sentence is quoted.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from peacewatch.reconcile import CanonicalEvent

# sentences about a version that say what changed
_CHANGE = re.compile(
    r"\b(?:cut|trimm\w*|reduc\w*|drop\w*|remov\w*|add\w*|chang\w*|revis\w*|refin\w*|amend\w*|rewr\w*|"
    r"soft\w*|harden\w*|strip\w*|deleted|set aside|scrapp\w*|replac\w*|now has|whittled|narrowed|kept)\b",
    re.IGNORECASE,
)
_COUNTER = re.compile(r"counter|alternative|rival", re.IGNORECASE)
# alternatives are placed beside a lineage reported within this many days of it
_BESIDE_DAYS = 45


@dataclass(slots=True)
class Lineage:
    versions: list[CanonicalEvent]
    alternatives: list[CanonicalEvent] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "versions": [_version(v, self.versions) for v in self.versions],
            "alternatives": [_version(a, []) for a in self.alternatives],
        }


def _when(ev: CanonicalEvent) -> dt.date | None:
    if ev.date.start is not None:
        return ev.date.start
    return dt.date.fromisoformat(ev.first_reported[:10]) if ev.first_reported else None


def _version(ev: CanonicalEvent, versions: Sequence[CanonicalEvent]) -> dict[str, Any]:
    revised = next((v.id for v in versions if ev.revises_points and v.points == ev.revises_points), None)
    said = []
    for m in ev.mentions:
        quote = m.quote or ""
        said.append(
            {
                "source": m.source_name,
                "url": m.url,
                "published": m.published,
                "quote": quote,
                "says_what_changed": bool(_CHANGE.search(quote)),
            }
        )
    return {
        "id": ev.id,
        "name": ev.name,
        "points": ev.points,
        "revises_points": ev.revises_points,
        "revises": revised,
        "proposer": ev.proposer,
        "date": ev.date.to_contract(),
        "first_reported": ev.first_reported,
        "sources": list(ev.sources),
        "what_sources_say": said,
    }


def _sort_key(ev: CanonicalEvent) -> tuple[dt.date, str]:
    return (_when(ev) or dt.date.max, ev.id)


def lineages(events: Sequence[CanonicalEvent]) -> list[Lineage]:
    """Proposals grouped into lineages of versions, oldest lineage first."""
    proposals = sorted((e for e in events if e.kind == "proposal"), key=_sort_key)
    parent: dict[str, str] = {}
    for p in proposals:
        if p.revises_points is None:
            continue
        when = _when(p)
        earlier = [
            q
            for q in proposals
            if q.points == p.revises_points and q.id != p.id and (when is None or (_when(q) or when) <= when)
        ]
        candidates = earlier or [q for q in proposals if q.points == p.revises_points and q.id != p.id]
        if candidates:
            # the closest report of that size before it (or, failing that, any)
            parent[p.id] = max(candidates, key=lambda q: (_when(q) or dt.date.min, q.id)).id

    def root(pid: str) -> str:
        seen = set()
        while pid in parent and pid not in seen:
            seen.add(pid)
            pid = parent[pid]
        return pid

    groups: dict[str, list[CanonicalEvent]] = {}
    loose: list[CanonicalEvent] = []
    for p in proposals:
        linked = p.id in parent or p.id in parent.values()
        if linked or (p.points is not None and not _COUNTER.search(p.name or "")):
            groups.setdefault(root(p.id) if linked else p.id, []).append(p)
        else:
            loose.append(p)
    result = [Lineage(sorted(vs, key=_sort_key)) for vs in groups.values()]
    result.sort(key=lambda lin: _sort_key(lin.versions[0]))
    for alt in loose:
        when = _when(alt)
        home = None
        if when is not None:
            near = [
                lin
                for lin in result
                if any(
                    (w := _when(v)) is not None and abs((w - when).days) <= _BESIDE_DAYS for v in lin.versions
                )
            ]
            home = near[0] if near else None
        if home is None:
            result.append(Lineage([], [alt]))
        else:
            home.alternatives.append(alt)
    return result
