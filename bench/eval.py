"""Accuracy: score the extractor on the dev seeds and on the project's labelled passages.

    python bench/eval.py [--shared ../shared] [--show-errors]

Prints one row per set (event P/R/F1, number accuracy, date accuracy, hallucinated
numbers) and the floors the test suite enforces (eval/floors.json).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from peacewatch.evaluate import LABELLED_SETS, score, write_articles

ROOT = Path(__file__).resolve().parents[1]


def sets(shared: Path) -> list[tuple[str, Path, Path]]:
    out = [("dev-seeds", shared / "eval/dev/seeds.gold.jsonl", shared / "eval/dev/seeds.articles.jsonl")]
    for name in LABELLED_SETS:
        out.append(
            (
                f"labelled-{name}",
                ROOT / f"eval/labelled/{name}.gold.jsonl",
                ROOT / f"eval/labelled/{name}.articles.jsonl",
            )
        )
    out.append(("demo", ROOT / "tests/data/demo.gold.jsonl", _demo_articles()))
    return out


def _demo_articles() -> Path:
    """The bundled demo corpus (JSONL, HTML pages, feed) as one article JSONL file."""
    from peacewatch.api import demo_sources

    out = Path(tempfile.mkdtemp()) / "demo.articles.jsonl"
    write_articles(demo_sources(), out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--show-errors", action="store_true")
    a = ap.parse_args(argv)
    shared = Path(a.shared)
    scorer = shared / "eval/score.py"
    if not scorer.exists():
        print(f"no scorer at {scorer}: pass --shared", file=sys.stderr)
        return 2
    floors = json.loads((ROOT / "eval/floors.json").read_text())
    print(f"{'set':<20}{'docs':>5}{'P':>7}{'R':>7}{'F1':>7}{'num':>7}{'date':>7}{'halluc':>8}   floor F1/num")
    for name, gold, articles in sets(shared):
        if not gold.exists() or not articles.exists():
            print(f"{name:<20} (missing)")
            continue
        s, errors = score(gold, articles, scorer)
        date = s["fields"].get("date", {}).get("accuracy")
        fl = floors.get(name, {})
        print(
            f"{name:<20}{s['documents']:>5}{s['event_precision']:>7.3f}{s['event_recall']:>7.3f}{s['event_f1']:>7.3f}"
            f"{s['number_accuracy'] if s['number_accuracy'] is not None else float('nan'):>7.3f}"
            f"{date if date is not None else float('nan'):>7.3f}{s['hallucinated_numbers']:>8}"
            f"   {fl.get('event_f1', '-')}/{fl.get('number_accuracy', '-')}"
        )
        if a.show_errors:
            print(errors)
    return 0


if __name__ == "__main__":
    sys.exit(main())
