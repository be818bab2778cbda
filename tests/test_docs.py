"""Docs cannot drift: the CLI reference is generated from --help, README examples run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import peacewatch

ROOT = Path(__file__).resolve().parents[1]


def test_cli_reference_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/gen_cli_docs.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_readme_python_example() -> None:
    events = peacewatch.extract(
        "Ukrainian and Russian delegations met in Istanbul on Friday for a second round of talks "
        "under Turkish mediation.",
        published="2025-06-02",
    )
    got = [(e.kind, e.venue.name, e.parties, e.mediators, e.round) for e in events]  # type: ignore[union-attr]
    assert got == [("talks", "Istanbul", ("RU", "UA"), ("TR",), 2)]
    assert "[('talks', 'Istanbul', ('RU', 'UA'), ('TR',), 2)]" in (ROOT / "README.md").read_text()


def test_readme_cli_example(tmp_path: Path) -> None:
    (tmp_path / "kharkiv.txt").write_text(
        "Russian drones hit Kharkiv, killing four\n\n"
        "Russian drones struck apartment blocks in Kharkiv on Sunday evening, killing four people and "
        "wounding 17, the mayor said. Air defences shot down 31 of the 40 drones.\n"
    )
    doc = next(peacewatch.extract_documents([str(tmp_path / "kharkiv.txt")])).to_contract()
    (attack,) = doc["events"]
    assert attack["places"][0]["name"] == "Kharkiv" and attack["actor"] == "RU"
    assert attack["killed"]["value"] == 4 and attack["injured"]["value"] == 17
    assert (
        attack["weapons"][0]["launched"]["value"] == 40 and attack["weapons"][0]["intercepted"]["value"] == 31
    )
    assert attack["date"]["precision"] == "unknown"


def test_public_api_is_pinned() -> None:
    assert sorted(peacewatch.__all__) == sorted(
        [
            "EXTRACTOR_VERSION", "Article", "CanonicalEvent", "DocumentResult", "Event", "IngestReport",
            "Options", "PeacewatchError", "Rejection", "Store", "__version__", "brief", "commitments",
            "crosscheck", "demo", "events", "export", "extract", "extract_documents", "ingest", "open_store", "plans", "reconcile",
            "timeline",
        ]
    )  # fmt: skip
    for name in peacewatch.__all__:
        assert hasattr(peacewatch, name), name
