"""Reconcile: many reports of one real event become one canonical event.

Consumes ``Mention`` records (an extracted event plus the article fields that say who
reported it and when) and produces ``CanonicalEvent`` records: every source kept
with its evidence, figures as low / best / high / conservative with disputes flagged
(``figures``), same inputs → same events and ids (``cluster``). Storing them, and
doing it incrementally after each ingest, is ``peacewatch.api.reconcile``.
"""

from peacewatch.reconcile.cluster import (
    CanonicalEvent,
    Mention,
    canonical_id,
    cluster,
    mention_key,
    reconcile_mentions,
)
from peacewatch.reconcile.figures import Figure, Report, figure

__all__ = [
    "CanonicalEvent",
    "Figure",
    "Mention",
    "Report",
    "canonical_id",
    "cluster",
    "figure",
    "mention_key",
    "reconcile_mentions",
]
