"""The write endpoints' work: one library call each (``api.ingest``, ``api.add_commitment``)."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

from peacewatch import api
from peacewatch.api import IngestReport
from peacewatch.errors import InputError
from peacewatch.store import Store
from peacewatch.web.models import CommitmentIn, TextIn


class NothingIngested(InputError):
    """Every input was rejected; carries the first rejection's code and reason."""


def ingest_report(report: IngestReport) -> dict[str, Any]:
    """What an ingest did, or an error when nothing at all could be read."""
    if report.read == 0 and report.rejections:
        first = report.rejections[0]
        exc = NothingIngested(f"nothing could be ingested: {first.reason}", source=first.source)
        exc.code = first.code
        raise exc
    return {
        "summary": report.summary(),
        "added_ids": report.added_ids,
        "duplicate_of": [{"doc_id": d, "article_id": a} for d, a in report.duplicate_of],
        "rejections": [
            {"stage": r.stage, "reason": r.reason, "source": r.source, "code": r.code}
            for r in report.rejections
        ],
        "articles": [f"/articles/{i}" for i in report.added_ids],
    }


def ingest_text(store: Store, body: TextIn) -> dict[str, Any]:
    """Ingest one text as a one-line JSONL corpus (``api.ingest`` reads sources, not strings)."""
    record = body.model_dump()
    record["id"] = body.id or "web-" + hashlib.sha256(body.text.encode()).hexdigest()[:12]
    with tempfile.TemporaryDirectory(prefix="peacewatch-web-") as tmp:
        path = Path(tmp) / "posted.jsonl"
        path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        return ingest_report(api.ingest([str(path)], store))


def ingest_url(store: Store, url: str) -> dict[str, Any]:
    """Fetch a page or a feed and ingest it; private and loopback addresses are refused."""
    return ingest_report(api.ingest([url], store))


def add_commitment(store: Store, body: CommitmentIn) -> dict[str, Any]:
    c = api.add_commitment(body.name, body.scope, body.start, body.end, body.bound, body.note, db=store)
    return c.to_dict()
