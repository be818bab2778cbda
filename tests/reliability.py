"""Figures for ``make reliability``: what each reliability test measured, kept for the summary.

The reliability tests (``@pytest.mark.reliability``) run in the normal suite at a size that
keeps it quick, and at full size under ``make reliability`` (``PEACEWATCH_RELIABILITY=full``),
which then prints every recorded figure with ``scripts/reliability_summary.py``. A test
records its figures with :func:`record` as it finishes, so the summary shows what was
actually measured in this run, never a number written by hand.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FULL = os.environ.get("PEACEWATCH_RELIABILITY", "").strip().lower() == "full"
OUT = Path(os.environ.get("PEACEWATCH_RELIABILITY_OUT", REPO / "tests" / "artifacts" / "reliability"))

SECTIONS = {
    "1-crash": "Crash safety (SIGKILL during ingest, reconcile, db migrate)",
    "2-idempotence": "Idempotence and order",
    "3-hostile": "Hostile and broken input",
    "4-properties": "Property-based tests of extract",
    "5-web": "Web security",
    "6-load": "Load: concurrent API clients beside an ingest",
}


def scale(quick: int, full: int) -> int:
    """``full`` under ``make reliability``, ``quick`` in the normal suite."""
    return full if FULL else quick


def record(section: str, name: str, **figures: Any) -> None:
    """Keep one test's figures (JSON-able values) for the summary; written whole or not at all."""
    if section not in SECTIONS:
        raise ValueError(f"unknown reliability section {section!r}; one of {sorted(SECTIONS)}")
    OUT.mkdir(parents=True, exist_ok=True)
    doc = {
        "section": section,
        "name": name,
        "full": FULL,
        "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "figures": figures,
    }
    path = OUT / f"{section}--{name}.json"
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(doc, indent=1, sort_keys=True, default=str), encoding="utf-8")
    tmp.replace(path)
