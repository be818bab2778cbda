"""Canonical events as Parquet: the full record (``CanonicalEvent.to_dict()``), typed.

One row per canonical event with an explicit Arrow schema, so empty lists and
missing fields keep their types and DuckDB, pandas or Spark read the nested figures,
reports and mentions as structs. ``figures`` (a dict keyed by name in JSON) becomes a
list of structs, each with its ``field``. ``read_parquet`` turns the rows back into
exactly the dicts ``to_dict()`` gives, which the tests check (the round trip).
An ``event_date`` column (date32, see ``report.acled``) is added for filtering.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacewatch.reconcile import CanonicalEvent
from peacewatch.report.acled import event_date

# fields each kind's to_dict() has besides the common ones (kept in this order)
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "attack": ("places", "actor", "targets"),
    "talks": ("venue", "parties", "mediators", "round", "status"),
    "proposal": ("name", "points", "revises_points", "proposer"),
    "commitment": ("scope", "by", "announced_by", "status"),
}


def schema() -> Any:
    """The Arrow schema of an export (pyarrow imported lazily: it takes ~0.3 s)."""
    import pyarrow as pa

    s, i, f, b = pa.string(), pa.int64(), pa.float64(), pa.bool_()
    report = pa.struct(
        [("mention", s), ("source", s), ("url", s), ("published", s), ("value", i), ("low", i), ("high", i),
         ("qualifier", s), ("quote", s), ("start", i), ("end", i), ("superseded_by", s)]
    )  # fmt: skip
    competing = pa.struct([("figure", s), ("sources", pa.list_(s)), ("urls", pa.list_(s))])
    figure = pa.struct(
        [("field", s), ("low", i), ("best", i), ("high", i), ("conservative", i), ("sources", i),
         ("disputed", b), ("competing", pa.list_(competing)), ("reports", pa.list_(report))]
    )  # fmt: skip
    place = pa.struct(
        [
            ("name", s),
            ("admin1", s),
            ("country", s),
            ("lat", f),
            ("lon", f),
            ("precision", s),
            ("district", s),
        ]
    )
    mention = pa.struct(
        [("mention", s), ("event_id", i), ("doc_id", s), ("source", s), ("url", s), ("title", s),
         ("published", s), ("quote", s), ("start", i), ("end", i), ("confidence", f)]
    )  # fmt: skip
    return pa.schema(
        [
            ("id", s),
            ("kind", s),
            ("event_date", pa.date32()),
            ("date", pa.struct([("start", s), ("end", s), ("precision", s)])),
            ("first_reported", s),
            ("places", pa.list_(place)),
            ("actor", s),
            ("targets", pa.list_(s)),
            ("venue", pa.struct([("name", s), ("country", s)])),
            ("parties", pa.list_(s)),
            ("mediators", pa.list_(s)),
            ("round", i),
            ("status", s),
            ("name", s),
            ("points", i),
            ("revises_points", i),
            ("proposer", s),
            ("scope", s),
            ("by", s),
            ("announced_by", s),
            ("figures", pa.list_(figure)),
            ("disputed", pa.list_(s)),
            ("sources", pa.list_(s)),
            ("n_sources", i),
            ("mentions", pa.list_(mention)),
            ("confidence", f),
        ]
    )


def record(ev: CanonicalEvent) -> dict[str, Any]:
    """One Parquet row: the event's full ``to_dict()``, figures as a list."""
    d = ev.to_dict()
    row = {**d, "figures": [{**fig, "competing": fig.get("competing")} for fig in d["figures"].values()]}
    row["event_date"] = event_date(ev)
    return row


def write_parquet(events: list[CanonicalEvent], path: str | Path) -> int:
    """Write the events to ``path``; returns the number of rows."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([record(e) for e in events], schema=schema())
    pq.write_table(table, str(path), compression="zstd")
    return table.num_rows


def read_parquet(path: str | Path) -> list[dict[str, Any]]:
    """The rows of an export back as ``CanonicalEvent.to_dict()`` dicts."""
    import pyarrow.parquet as pq

    out = []
    for row in pq.read_table(str(path)).to_pylist():
        d: dict[str, Any] = {k: row[k] for k in ("id", "kind", "date", "first_reported")}
        for k in KIND_FIELDS.get(row["kind"], ()):
            d[k] = row[k]
        figures = {}
        for fig in row["figures"] or []:
            if fig.get("competing") is None:
                fig = {k: v for k, v in fig.items() if k != "competing"}
            figures[fig["field"]] = fig
        d["figures"] = figures
        for k in ("disputed", "sources", "n_sources", "mentions", "confidence"):
            d[k] = row[k]
        out.append(d)
    return out
