"""Output of a scale-out run: ``documents.jsonl`` and the ``canonical.parquet`` dataset.

``documents.jsonl`` is exactly what ``peacewatch extract`` prints, one line per input
article in input order (``../shared/contract``). ``canonical.parquet`` is a folder of
Parquet files, ``part-00000.parquet`` …, one per reduce partition, written by the
worker that reconciled it (so the output must be a path or URL the workers can reach:
a shared disk or an object store). pyarrow, pandas, DuckDB and Spark read the folder as
one table. Each row is one canonical event: the columns analysts filter on (kind, day,
places, actor, best figures) plus ``data``, the full record as JSON
(``CanonicalEvent.to_dict()``: every figure with its reports, every mention), so
nothing is lost by choosing columns.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from peacewatch.reconcile import CanonicalEvent

if TYPE_CHECKING:
    import pyarrow as pa

DOCUMENTS = "documents.jsonl"
CANONICAL = "canonical.parquet"
PART = "part-{:05d}.parquet"


def schema() -> pa.Schema:
    """The columns of ``canonical.parquet`` (one row per canonical event)."""
    import pyarrow as pa

    place = pa.struct(
        [
            ("name", pa.string()),
            ("admin1", pa.string()),
            ("country", pa.string()),
            ("lat", pa.float64()),
            ("lon", pa.float64()),
            ("precision", pa.string()),
            ("district", pa.string()),
        ]
    )
    return pa.schema(
        [
            ("id", pa.string()),
            ("kind", pa.string()),
            ("block", pa.string()),
            ("date_start", pa.date32()),
            ("date_end", pa.date32()),
            ("date_precision", pa.string()),
            ("day", pa.date32()),
            ("first_reported", pa.string()),
            ("places", pa.list_(place)),
            ("actor", pa.string()),
            ("killed", pa.int64()),
            ("injured", pa.int64()),
            ("missiles", pa.int64()),
            ("drones", pa.int64()),
            ("disputed", pa.list_(pa.string())),
            ("sources", pa.list_(pa.string())),
            ("n_sources", pa.int32()),
            ("n_mentions", pa.int32()),
            ("mentions", pa.list_(pa.string())),
            ("doc_ids", pa.list_(pa.string())),
            ("confidence", pa.float64()),
            ("content_hash", pa.string()),
            ("data", pa.string()),
        ]
    )


def canonical_row(block: str, ev: CanonicalEvent) -> dict[str, Any]:
    """One Parquet row; the same derived columns as the store's ``canonical_events`` table."""
    data = ev.to_dict()
    if ev.kind == "talks" and ev.venue is not None:
        places = [_place(ev.venue.name, None, ev.venue.country, None, None, None, None)]
    else:
        places = [
            _place(p.name, p.admin1, p.country, p.lat, p.lon, p.precision, p.district) for p in ev.places
        ]
    return {
        "id": ev.id,
        "kind": ev.kind,
        "block": block,
        "date_start": ev.date.start,
        "date_end": ev.date.end,
        "date_precision": ev.date.precision,
        "day": ev.day,
        "first_reported": ev.first_reported,
        "places": places,
        "actor": ev.actor or ev.by,
        "killed": ev.best("killed"),
        "injured": ev.best("injured"),
        "missiles": ev.best("missile.launched"),
        "drones": ev.best("drone.launched"),
        "disputed": list(ev.disputed),
        "sources": list(ev.sources),
        "n_sources": len(ev.sources),
        "n_mentions": len(ev.mentions),
        "mentions": [m.key for m in ev.mentions],
        "doc_ids": [m.doc_id for m in ev.mentions],
        "confidence": ev.confidence,
        # the same digest as CanonicalEvent.content_hash, without building the dict twice
        "content_hash": hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest(),
        "data": json.dumps(data, ensure_ascii=False, default=str),
    }


def _place(*values: Any) -> dict[str, Any]:
    return dict(
        zip(("name", "admin1", "country", "lat", "lon", "precision", "district"), values, strict=True)
    )


def _order(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["day"] or dt.date.max, row["kind"], row["id"])


def write_canonical_part(
    output: str,
    j: int,
    events: Sequence[tuple[str, CanonicalEvent]],
    storage_options: dict[str, Any] | None = None,
) -> str:
    """Write reduce partition ``j`` (rows by day, kind, id; an empty file when it has none)."""
    import fsspec
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = sorted((canonical_row(b, ev) for b, ev in events), key=_order)
    table = pa.Table.from_pylist(rows, schema=schema())
    fs, root = fsspec.core.url_to_fs(output, **(storage_options or {}))
    folder = f"{root.rstrip('/')}/{CANONICAL}"
    fs.makedirs(folder, exist_ok=True)
    path = f"{folder}/{PART.format(j)}"
    with fs.open(path, "wb") as fh:
        pq.write_table(table, fh, compression="zstd")
    return str(fs.unstrip_protocol(path))


def prepare(output: str, storage_options: dict[str, Any] | None = None) -> None:
    """Make the output folder, and remove the parts a previous run left (they would mix in)."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(output, **(storage_options or {}))
    if fs.exists(root) and not fs.isdir(root):
        from peacewatch.errors import UsageError

        raise UsageError(f"the output must be a folder, and {output} is a file")
    fs.makedirs(root, exist_ok=True)
    folder = f"{root.rstrip('/')}/{CANONICAL}"
    if fs.exists(folder):
        for old in fs.glob(f"{folder}/part-*.parquet"):
            fs.rm(old)
    fs.makedirs(folder, exist_ok=True)


def documents_path(output: str) -> str:
    return f"{output.rstrip('/')}/{DOCUMENTS}"


def canonical_path(output: str) -> str:
    return f"{output.rstrip('/')}/{CANONICAL}"
