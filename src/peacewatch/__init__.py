"""peacewatch: evidence-linked event data on strikes and peace talks, from news text.

    >>> import peacewatch
    >>> [e.kind for e in peacewatch.extract("Russian drones struck Kharkiv overnight, killing four.")]
    ['attack']

Stages: ingest → extract → store → reconcile → analyse (→ report/web, in later releases).
"""

from __future__ import annotations

__version__ = "0.1.0"

from peacewatch.api import (
    DocumentResult,
    IngestReport,
    commitments,
    crosscheck,
    demo,
    events,
    extract_documents,
    ingest,
    plans,
    reconcile,
    timeline,
)
from peacewatch.errors import PeacewatchError
from peacewatch.extract import EXTRACTOR_VERSION, extract
from peacewatch.reconcile import CanonicalEvent
from peacewatch.records import Article, Event, Rejection
from peacewatch.report import brief, export
from peacewatch.settings import Options
from peacewatch.store import Store, open_store

# records, figures and rows beyond these live in their stage modules (peacewatch.records,
# peacewatch.reconcile, peacewatch.analyse, peacewatch.store)
__all__ = [
    "EXTRACTOR_VERSION",
    "Article",
    "CanonicalEvent",
    "DocumentResult",
    "Event",
    "IngestReport",
    "Options",
    "PeacewatchError",
    "Rejection",
    "Store",
    "__version__",
    "brief",
    "commitments",
    "crosscheck",
    "demo",
    "events",
    "export",
    "extract",
    "extract_documents",
    "ingest",
    "open_store",
    "plans",
    "reconcile",
    "timeline",
]
