"""Print the figures the reliability tests recorded (``make reliability`` runs this last).

    python scripts/reliability_summary.py [--dir tests/artifacts/reliability]

One block per section of issue 7, one line per test with its figures, in the order the
sections are numbered. A section with nothing recorded is listed as such, so a test that
did not run (skipped, deselected, or failed before recording) shows as a gap, not a pass.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from reliability import OUT, SECTIONS


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_fmt(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_fmt(v) for v in value) + "]"
    return str(value)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, default=OUT)
    args = parser.parse_args(argv)
    docs = []
    for path in sorted(args.dir.glob("*.json")) if args.dir.is_dir() else []:
        try:
            docs.append(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as exc:
            print(f"reliability: unreadable figures {path}: {exc}", file=sys.stderr)
    print(f"peacewatch reliability figures ({args.dir})")
    for key, title in SECTIONS.items():
        print(f"\n{key[0]}. {title}")
        mine = [d for d in docs if d.get("section") == key]
        if not mine:
            print("   (nothing recorded: the tests did not run or did not finish)")
        for doc in sorted(mine, key=lambda d: d["name"]):
            size = "full" if doc.get("full") else "quick"
            print(f"   {doc['name']} [{size}]")
            for k, v in doc["figures"].items():
                print(f"      {k:<28} {_fmt(v)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
