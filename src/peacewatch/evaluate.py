"""Score the extractor against gold labels with the shared scorer (``../shared/eval/score.py``).

Used by ``make eval`` and by the accuracy gate in the test suite; also useful to anyone
who labels their own articles in the same format.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from peacewatch.api import extract_documents

# The project's labelled sets in eval/labelled/ (NAME.articles.jsonl + NAME.gold.jsonl), in the
# order they were written; the accuracy gate and bench/eval.py score each of them.
LABELLED_SETS = (
    "attacks",
    "diplomacy",
    "articles",
    "articles2",
    "articles3",
    "articles4",
    "articles5",
    "articles6",
    "articles7",
    "articles8",
    "articles9",
    "articles10",
    "articles11",
    "articles12",
    "articles13",
    "articles14",
    "articles15",
    "articles16",
    "articles17",
    "articles18",
    "articles19",
    "articles20",
    "articles21",
    "articles22",
    "articles23",
    "articles24",
    "articles25",
    "articles26",
    "articles27",
    "articles28",
    "articles29",
    "articles30",
    "articles31",
    "articles32",
    "articles33",
    "articles34",
    "articles35",
    "articles36",
    "articles37",
    "articles38",
    "articles39",
    "articles40",
    "articles41",
    "articles42",
    "articles43",
    "articles44",
    "articles45",
    "articles46",
    "articles47",
    "articles48",
    "articles49",
    "articles50",
    "articles51",
    "articles52",
    "articles53",
    "articles54",
    "articles55",
    "articles56",
    "articles57",
    "articles58",
    "articles59",
    "articles60",
    "articles61",
    "articles62",
    "articles63",
    "articles64",
    "articles65",
    "articles66",
    "articles67",
    "articles68",
    "articles69",
    "articles70",
    "articles71",
)


def predict(articles: str | os.PathLike[str], out: str | os.PathLike[str]) -> int:
    """Run ``extract`` over an article JSONL file, writing contract lines; returns the count."""
    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for result in extract_documents([str(articles)]):
            fh.write(json.dumps(result.to_contract(), ensure_ascii=False) + "\n")
            n += 1
    return n


def write_articles(sources: list[str], out: str | os.PathLike[str]) -> int:
    """Read sources (files, folders, feeds) and write them as article JSONL, the extract input.

    Single files get their file name without extension as id, so gold labels do not depend on
    where the corpus sits on disk; feed entries keep their link.
    """
    from peacewatch.ingest import read_sources
    from peacewatch.records import Rejection

    n = 0
    with open(out, "w", encoding="utf-8") as fh:
        for a in read_sources(sources):
            if isinstance(a, Rejection):
                continue
            doc_id = (
                Path(a.id).stem if a.origin and a.origin == a.id and not a.id.startswith("http") else a.id
            )
            row = {"id": doc_id, "title": a.title, "text": a.raw_text, "published": a.published, "url": a.url,
                   "source": a.source, "language": a.language}  # fmt: skip
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def score(
    gold: str | os.PathLike[str], articles: str | os.PathLike[str], scorer: str | os.PathLike[str]
) -> tuple[dict[str, Any], str]:
    """Extract ``articles``, score against ``gold``; returns the summary dict and the error listing.

    The scorer runs as its own process, exactly as an outside evaluation runs it.
    """
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        predict(articles, pred)
        run = [sys.executable, str(scorer), str(gold), str(pred)]
        summary = json.loads(
            subprocess.run([*run, "--json"], capture_output=True, text=True, check=True).stdout
        )
        errors = subprocess.run([*run, "--show-errors"], capture_output=True, text=True, check=True).stdout
    return summary, errors
