"""The accuracy gate: score every labelled set and fail when a figure drops below its floor.

Floors live in eval/floors.json (raising one is a commit; lowering one needs a reason).
The scorer is the shared one (../shared/eval/score.py), so the gate measures exactly what
the held-out evaluation measures.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from peacewatch.evaluate import LABELLED_SETS, score, write_articles

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval/score.py"
FLOORS = json.loads((ROOT / "eval/floors.json").read_text())


def _sets(tmp: Path) -> dict[str, tuple[Path, Path]]:
    from peacewatch.api import demo_sources

    demo = tmp / "demo.articles.jsonl"
    write_articles(demo_sources(), demo)
    out = {
        "dev-seeds": (SHARED / "eval/dev/seeds.gold.jsonl", SHARED / "eval/dev/seeds.articles.jsonl"),
        "demo": (ROOT / "tests/data/demo.gold.jsonl", demo),
    }
    for name in LABELLED_SETS:
        gold = ROOT / f"eval/labelled/{name}.gold.jsonl"
        if gold.exists():
            out[f"labelled-{name}"] = (gold, ROOT / f"eval/labelled/{name}.articles.jsonl")
    return out


@pytest.mark.skipif(not SCORER.exists(), reason=f"shared scorer not found at {SCORER}")
def test_accuracy_floors(tmp_path: Path) -> None:
    failures = []
    report = []
    for name, (gold, articles) in _sets(tmp_path).items():
        floor = FLOORS.get(name)
        if floor is None:
            continue
        summary, _ = score(gold, articles, SCORER)
        date = summary["fields"].get("date", {}).get("accuracy", 1.0)
        got = {
            "event_f1": summary["event_f1"],
            "number_accuracy": summary["number_accuracy"] if summary["number_accuracy"] is not None else 1.0,
            "date": date,
        }
        report.append(f"{name}: {got} hallucinated={summary['hallucinated_numbers']}")
        for key in ("event_f1", "number_accuracy", "date"):
            if key in floor and got[key] < floor[key]:
                failures.append(f"{name}: {key} {got[key]} < floor {floor[key]}")
        if summary["hallucinated_numbers"] > floor.get("max_hallucinated", 0):
            failures.append(
                f"{name}: {summary['hallucinated_numbers']} hallucinated numbers > {floor['max_hallucinated']}"
            )
    print("\n".join(report), file=sys.stderr)
    assert not failures, "\n".join(failures)
