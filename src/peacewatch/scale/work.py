"""The two tasks of a scale-out run, identical under every engine: extract a partition, reconcile blocks.

``extract_partition`` (the map side) reads one partition, extracts each article with the
process-wide extractor, and returns the contract lines of its articles plus its reports
(``Mention``) already split by reduce partition: ``pieces[j]`` holds, pickled, every report
whose block hashes to ``j``. ``reconcile_partition`` (the reduce side) takes piece ``j`` of
every map output — that exchange is the shuffle — groups the reports by block, drops the
copies of articles read twice, runs ``reconcile_mentions`` on each block and writes the
canonical events of the partition as one Parquet file.

Both are plain functions of picklable arguments, so the local engine calls them in a loop
and Dask ships them to workers by reference (``peacewatch`` must be installed there).
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass
from typing import Any

from peacewatch.api import DocumentResult
from peacewatch.errors import ExtractionError
from peacewatch.extract import get_extractor
from peacewatch.reconcile import CanonicalEvent, Mention, mention_key, reconcile_mentions
from peacewatch.records import Rejection, json_line
from peacewatch.scale.blocking import Blocking, partition_of
from peacewatch.scale.inputs import Partition, read_partition
from peacewatch.scale.output import write_canonical_part
from peacewatch.settings import DEFAULT_OPTIONS, Options
from peacewatch.store.base import copy_rank

Shuffled = tuple[str, tuple[int, int], Mention]  # (block, (file, line) of its article, report)


@dataclass(frozen=True, slots=True)
class MapOutput:
    """What one extracted partition hands on: its contract lines and its reports by reduce partition."""

    index: int
    documents: str  # contract JSONL of its articles, in input order
    articles: int
    events: int
    rejected: tuple[tuple[str, str], ...]  # (doc id or input name, one-line reason) of each error line
    pieces: tuple[bytes, ...]  # pickled list[Shuffled] per reduce partition

    def head(self) -> MapHead:
        return MapHead(self.index, self.documents, self.articles, self.events, self.rejected)


@dataclass(frozen=True, slots=True)
class MapHead:
    """A map output without its pieces: what the driver writes and counts."""

    index: int
    documents: str
    articles: int
    events: int
    rejected: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class ReduceOutput:
    """What one reduce partition wrote."""

    index: int
    path: str
    blocks: int
    mentions: int
    duplicates: int  # reports dropped because the same article (content hash) was read before
    canonical: int


def extract_partition(
    part: Partition,
    blocking: Blocking,
    reduce_partitions: int,
    options: Options = DEFAULT_OPTIONS,
    storage_options: dict[str, Any] | None = None,
) -> MapOutput:
    """Extract every article of a partition; one extractor per process (``get_extractor`` caches it)."""
    extractor = get_extractor()
    lines: list[str] = []
    pieces: list[list[Shuffled]] = [[] for _ in range(reduce_partitions)]
    articles = events = 0
    rejected: list[tuple[str, str]] = []
    for where, item in read_partition(part, options, storage_options):
        if isinstance(item, Rejection):
            result = DocumentResult(item.source, None, None, (), error=item.reason)
        else:
            articles += 1
            try:
                found = extractor.extract_clean(item.text, item.published)
            except Exception as exc:  # an extractor bug must not lose the rest of the partition
                reason = f"extraction failed ({ExtractionError.code}): {type(exc).__name__}: {exc}"
                result = DocumentResult(
                    item.id, item.title, item.published, (), error=" ".join(reason.split())
                )
            else:
                result = DocumentResult(item.id, item.title, item.published, tuple(found))
                digest = item.content_hash
                for seq, ev in enumerate(found):
                    m = Mention(
                        key=mention_key(digest, seq),
                        event=ev,
                        article=digest,
                        doc_id=item.id,
                        source=item.source,
                        url=item.url,
                        title=item.title,
                        published=item.published,
                    )
                    block = blocking.key(m)
                    pieces[partition_of(block, reduce_partitions)].append((block, where, m))
                    events += 1
        if result.error is not None:
            rejected.append((result.doc_id, result.error))
        lines.append(json_line(result.to_contract()))
    return MapOutput(
        part.index,
        "".join(lines),
        articles,
        events,
        tuple(rejected),
        tuple(pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL) for p in pieces),
    )


def head_of(out: MapOutput) -> MapHead:
    """A map output without its pieces (a task of its own, so Dask moves only this to the driver)."""
    return out.head()


def piece_of(out: MapOutput, j: int) -> bytes:
    """Piece ``j`` of a map output: its reports for reduce partition ``j``."""
    return out.pieces[j]


def _rank(m: Mention, where: tuple[int, int]) -> tuple[tuple[str, ...], tuple[int, int]]:
    return copy_rank(m.published, m.doc_id, m.source, m.url), where


def reconcile_partition(
    j: int, pieces: list[bytes], output: str, storage_options: dict[str, Any] | None = None
) -> ReduceOutput:
    """Reconcile every block of reduce partition ``j`` and write its canonical events.

    An article read twice (the same content hash, e.g. one wire story two outlets ran word for
    word) gives the same reports under the same keys; the copy ``peacewatch ingest`` would keep
    is kept — the earliest published, then by ``copy_rank`` — and, of identical copies, the one
    read first (by file, then line), so the output depends neither on the order of the inputs.
    """
    blocks: dict[str, dict[str, tuple[tuple[int, int], Mention]]] = {}
    mentions = duplicates = 0
    for blob in pieces:
        shuffled: list[Shuffled] = pickle.loads(blob)
        for block, where, m in shuffled:
            mentions += 1
            seen = blocks.setdefault(block, {})
            old = seen.get(m.key)
            if old is not None:
                duplicates += 1
                if _rank(old[1], old[0]) <= _rank(m, where):
                    continue
            seen[m.key] = (where, m)
    rows: list[tuple[str, CanonicalEvent]] = []
    for block in sorted(blocks):
        reports = [m for _, m in sorted(blocks[block].values(), key=lambda wm: wm[0])]
        rows.extend((block, ev) for ev in reconcile_mentions(reports))
    path = write_canonical_part(output, j, rows, storage_options)
    return ReduceOutput(j, path, len(blocks), mentions - duplicates, duplicates, len(rows))
