"""Analyse stage: figures computed from stored data, and checks of the news against them.

Consumes the store (and, for the cross-check, the official Air Force series imported into
it); produces per-night figures and verdicts. Entry points: ``import_official``,
``nightly`` and ``compare``.
"""

from __future__ import annotations

from peacewatch.analyse.official import (
    DEFAULT_TOLERANCE,
    Comparison,
    NewsFigure,
    NightFigures,
    OfficialFile,
    OfficialRow,
    Tolerance,
    compare,
    figures_by_night,
    import_official,
    night_of,
    nightly,
    read_airforce_csv,
)
from peacewatch.analyse.official_models import MODEL_TABLE, model_kind
from peacewatch.store.base import OfficialImportResult, StoredOfficialRow

__all__ = [
    "DEFAULT_TOLERANCE",
    "MODEL_TABLE",
    "Comparison",
    "NewsFigure",
    "NightFigures",
    "OfficialFile",
    "OfficialImportResult",
    "OfficialRow",
    "StoredOfficialRow",
    "Tolerance",
    "compare",
    "figures_by_night",
    "import_official",
    "model_kind",
    "night_of",
    "nightly",
    "read_airforce_csv",
]
