"""peacewatch: evidence-linked event data on strikes and peace talks, from news text.

    >>> import peacewatch
    >>> [e.kind for e in peacewatch.extract("Russian drones struck Kharkiv overnight, killing four.")]
    ['attack']

Stages: ingest → extract → store (→ reconcile → analyse → report/web, in later releases).
"""

from __future__ import annotations

__version__ = "0.1.0"

from peacewatch.api import DocumentResult, IngestReport, demo, events, extract_documents, ingest
from peacewatch.errors import PeacewatchError
from peacewatch.extract import EXTRACTOR_VERSION, Extractor, extract
from peacewatch.records import Article, Count, DateSpan, Event, Evidence, Place, Rejection, Weapon
from peacewatch.settings import Options
from peacewatch.store import Store, open_store

__all__ = [
    "EXTRACTOR_VERSION",
    "Article",
    "Count",
    "DateSpan",
    "DocumentResult",
    "Event",
    "Evidence",
    "Extractor",
    "IngestReport",
    "Options",
    "PeacewatchError",
    "Place",
    "Rejection",
    "Store",
    "Weapon",
    "__version__",
    "demo",
    "events",
    "extract",
    "extract_documents",
    "ingest",
    "open_store",
]
