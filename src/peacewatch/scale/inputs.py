"""Input of a scale-out run: find the article files, cut them into partitions, read one partition.

Consumes an INPUT string: a file, a folder (recursed), or a glob, as a local path or any
fsspec URL (``s3://bucket/news/*.jsonl``, ``gs://…``, ``file:///…``, ``memory://…``).
Produces :class:`Partition` descriptors — small, picklable, cheap to send to a worker —
and, on the worker, the ``Article`` or ``Rejection`` of every line or row they cover.

Partitions hold a fixed number of *lines* (JSONL) or *rows* (Parquet), not a fixed
number of bytes, so that every engine and every cluster size cuts the input the same
way, and so that each article keeps its line number: a bad line is reported as
``corpus.jsonl:17``, exactly as ``peacewatch extract`` names it. Finding where lines
start needs one read of the JSONL files; it is done in parallel blocks by the engine
(``inspect``), and costs little beside extraction (a few MB/s per core). Compressed
files (``.jsonl.gz`` …) cannot be entered in the middle, so each is one partition.
"""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import os
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from peacewatch.errors import EmptyInput, InputError, TooLargeInput, UnreadableInput, UsageError
from peacewatch.ingest.common import reject

# read_jsonl's line rules, reused so that a line reads the same here as in `peacewatch extract`
# (they are private there; see the report of issue 6 for making them public).
from peacewatch.ingest.jsonl import _article, _decode
from peacewatch.records import Article, Rejection
from peacewatch.settings import DEFAULT_OPTIONS, Options

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl", ".parquet": "parquet", ".pq": "parquet"}
ARTICLE_COLUMNS = ("id", "title", "text", "published", "url", "source", "language")
INSPECT_BLOCK = 64 * 1024 * 1024  # bytes of JSONL one inspect task scans for line starts
_GLOB = frozenset("*?[")

Item = tuple[tuple[int, int], Article | Rejection]  # ((file number, line), what the line holds)
MapFn = Callable[[Callable[[Any], Any], Sequence[Any]], list[Any]]


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One input file."""

    url: str  # full URL, opened on the workers
    name: str  # as the user named it; doc ids and errors use it ("corpus.jsonl:17")
    format: str  # "jsonl" or "parquet"
    size: int
    compression: str | None
    number: int  # position in the input, for ordering the output


@dataclass(frozen=True, slots=True)
class Partition:
    """A run of whole lines (or rows) of one file: the unit of extraction."""

    index: int
    file: SourceFile
    start: int  # JSONL: byte offset; Parquet: first row (0-based)
    stop: int  # JSONL: end byte, -1 for the whole (compressed) file; Parquet: row after the last
    first_line: int  # the number (1-based) of the first line or row, for names
    lines: int  # how many lines or rows it covers (progress; articles may be fewer)
    error: str | None = None  # the whole file could not be read: one Rejection, nothing else
    error_code: str = EmptyInput.code


@dataclass(frozen=True, slots=True)
class _Inspect:
    file: SourceFile
    start: int
    stop: int


@dataclass(frozen=True, slots=True)
class _Found:
    """What one inspect task learnt: line starts (JSONL) or row-group sizes (Parquet)."""

    starts: array[int]
    articles: int  # rows (Parquet), non-blank lines (compressed JSONL), non-blank fragments (a JSONL block)
    error: str | None = None


# --- finding the files ------------------------------------------------------------------------


def _fs(url: str, storage_options: dict[str, Any] | None) -> tuple[Any, str]:
    import fsspec

    return fsspec.core.url_to_fs(url, **(storage_options or {}))


def _strip_compression(path: str) -> tuple[str, str | None]:
    from fsspec.utils import infer_compression

    comp = infer_compression(path)
    return (os.path.splitext(path)[0], comp) if comp else (path, None)


def discover(source: str, storage_options: dict[str, Any] | None = None) -> list[SourceFile]:
    """The article files INPUT names, in a stable order (sorted paths).

    A single file of any suffix is read as JSONL unless it ends in ``.parquet``/``.pq``;
    in a folder or a glob only ``.jsonl``, ``.ndjson``, ``.json``, ``.parquet`` and ``.pq``
    files (optionally compressed) are taken.
    """
    fs, root = _fs(source, storage_options)
    local = "://" not in source and "::" not in source
    if any(c in root for c in _GLOB):
        paths = sorted(p for p in fs.glob(root) if not fs.isdir(p))
        listed = True
    elif fs.isdir(root):
        paths = sorted(fs.find(root))
        listed = True
    elif fs.exists(root):
        paths, listed = [root], False
    else:
        raise UsageError(f"no such input: {source}")
    files: list[SourceFile] = []
    for path in paths:
        base, comp = _strip_compression(path)
        fmt = FORMATS.get(os.path.splitext(base)[1].lower())
        if fmt is None:
            if listed:
                continue
            fmt = "jsonl"
        if comp is not None and fmt == "parquet":
            comp = None  # Parquet compresses inside; a .parquet.gz is not a thing fsspec can split
        if not local:
            name = fs.unstrip_protocol(path)
        elif not listed:
            name = source
        elif fs.isdir(root):
            name = os.path.join(source, os.path.relpath(path, root))
        else:
            name = path  # a glob: the matched path
        files.append(
            SourceFile(fs.unstrip_protocol(path), name, fmt, int(fs.size(path) or 0), comp, len(files))
        )
    if not files:
        raise UsageError(f"no .jsonl or .parquet files in {source}")
    return files


# --- planning the partitions ---------------------------------------------------------------------


def plan(
    files: Sequence[SourceFile],
    partition_size: int,
    map_fn: MapFn,
    storage_options: dict[str, Any] | None = None,
) -> list[Partition]:
    """Cut the files into partitions of ``partition_size`` lines or rows each.

    ``map_fn(func, items)`` runs the inspect tasks: a plain loop for the local engine,
    ``client.map`` for Dask, so the scan of large inputs is parallel too.
    """
    if partition_size < 1:
        raise UsageError("the partition size must be at least one article")
    tasks: list[_Inspect] = []
    for f in files:
        if f.format == "jsonl" and f.compression is None:
            tasks.extend(
                _Inspect(f, s, min(f.size, s + INSPECT_BLOCK))
                for s in range(0, max(f.size, 1), INSPECT_BLOCK)
            )
        else:
            tasks.append(_Inspect(f, 0, -1))
    found: list[_Found] = map_fn(functools.partial(_inspect, storage_options=storage_options or {}), tasks)
    by_file: dict[int, list[_Found]] = {}
    for t, r in zip(tasks, found, strict=True):
        by_file.setdefault(t.file.number, []).append(r)
    parts: list[Partition] = []
    for f in files:
        parts.extend(_partitions(f, by_file[f.number], partition_size, len(parts)))
    return [replace(p, index=i) for i, p in enumerate(parts)]


def _partitions(f: SourceFile, found: list[_Found], size: int, first_index: int) -> Iterator[Partition]:
    error = next((r.error for r in found if r.error), None)
    if error is not None:
        yield Partition(first_index, f, 0, 0, 1, 1, error=error, error_code=UnreadableInput.code)
    elif f.format == "jsonl" and f.compression is not None:
        yield Partition(
            first_index, f, 0, -1, 1, max(1, found[0].articles)
        )  # read whole; it reports emptiness
    elif sum(r.articles for r in found) == 0:
        yield Partition(first_index, f, 0, 0, 1, 1, error="no article lines (empty input)")
    elif f.format == "parquet":
        rows = found[0].articles
        for k, a in enumerate(range(0, rows, size)):
            b = min(rows, a + size)
            yield Partition(first_index + k, f, a, b, a + 1, b - a)
    else:
        starts = array("q")
        for r in found:
            starts.extend(r.starts)
        for k, a in enumerate(range(0, len(starts), size)):
            b = a + size
            stop = starts[b] if b < len(starts) else f.size
            yield Partition(first_index + k, f, starts[a], stop, a + 1, min(size, len(starts) - a))


def _inspect(task: _Inspect, storage_options: dict[str, Any]) -> _Found:
    """Line starts in one block of a JSONL file, or the row count of a Parquet file."""
    f = task.file
    try:
        fs, path = _fs(f.url, storage_options)
        if f.format == "parquet":
            import pyarrow.parquet as pq

            with fs.open(path, "rb") as fh:
                rows = pq.ParquetFile(fh).metadata.num_rows
            return _Found(array("q"), rows)
        if f.compression is not None:
            with fs.open(path, "rb", compression=f.compression) as fh:
                n = sum(1 for line in fh if line.strip())
            return _Found(array("q"), n)
        with fs.open(path, "rb") as fh:
            lead = task.start - 1 if task.start > 0 else 0
            fh.seek(lead)
            data = fh.read(task.stop - lead)
    except Exception as exc:  # any filesystem or format error: the file is reported, the run goes on
        return _Found(array("q"), 0, f"cannot read: {type(exc).__name__}: {' '.join(str(exc).split())}")
    starts = array("q")
    if task.start == 0 and data:
        starts.append(0)
    pos = data.find(b"\n")
    while pos != -1:
        at = lead + pos + 1
        if task.start <= at < task.stop:
            starts.append(at)
        pos = data.find(b"\n", pos + 1)
    nonblank = sum(1 for line in data[task.start - lead :].splitlines() if line.strip())
    return _Found(starts, nonblank)


# --- reading one partition (on a worker) --------------------------------------------------------------


def read_partition(
    part: Partition, options: Options = DEFAULT_OPTIONS, storage_options: dict[str, Any] | None = None
) -> Iterator[Item]:
    """Every article (or rejection) of a partition, in line order, with its place in the input."""
    f = part.file
    if part.error is not None:
        exc: InputError = (
            UnreadableInput(part.error) if part.error_code == UnreadableInput.code else EmptyInput(part.error)
        )
        yield (f.number, 0), reject(exc, f.name)
        return
    try:
        fs, path = _fs(f.url, storage_options)
        if f.format == "parquet":
            yield from _parquet_rows(fs, path, part)
            return
        with fs.open(path, "rb", compression=f.compression) as fh:
            if part.stop < 0:
                data = fh.read()
            else:
                fh.seek(part.start)
                data = fh.read(part.stop - part.start)
    except Exception as exc:  # the file went away or broke after planning: one rejection, not a crash
        reason = f"read error: {type(exc).__name__}: {exc}"
        yield (f.number, part.first_line), reject(UnreadableInput(reason), f"{f.name}:{part.first_line}")
        return
    yield from _jsonl_lines(data, part, options)


def _jsonl_lines(data: bytes, part: Partition, options: Options) -> Iterator[Item]:
    f = part.file
    cap = options.max_jsonl_line_bytes
    found = False
    for k, line in enumerate(data.splitlines(keepends=True)):
        lineno = part.first_line + k
        where = f"{f.name}:{lineno}"
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if len(line.rstrip(b"\r\n")) > cap:
            found = True
            yield (
                (f.number, lineno),
                reject(TooLargeInput(f"line longer than {cap:,} bytes (max_jsonl_line_bytes)"), where),
            )
            continue
        if not line.strip():
            continue
        found = True
        result: Article | Rejection
        try:
            result = _article(_decode(line), f.name, lineno)
        except InputError as exc:
            result = reject(exc, where)
        yield (f.number, lineno), result
    if not found and part.stop < 0:
        yield (f.number, 0), reject(EmptyInput("no article lines (empty input)"), f.name)


def _parquet_rows(fs: Any, path: str, part: Partition) -> Iterator[Item]:
    import pyarrow.parquet as pq

    f = part.file
    with fs.open(path, "rb") as fh:
        pf = pq.ParquetFile(fh)
        columns = [c for c in ARTICLE_COLUMNS if c in pf.schema_arrow.names]
        groups: list[int] = []
        first = 0
        offset = 0
        for g in range(pf.metadata.num_row_groups):
            n = pf.metadata.row_group(g).num_rows
            if offset + n > part.start and offset < part.stop:
                if not groups:
                    first = offset
                groups.append(g)
            offset += n
        table = pf.read_row_groups(groups, columns=columns) if groups else None
    if table is None:
        return
    rows = table.slice(part.start - first, part.stop - part.start).to_pylist()
    for k, record in enumerate(rows):
        lineno = part.first_line + k
        result: Article | Rejection
        try:
            result = _article({key: _scalar(v) for key, v in record.items()}, f.name, lineno)
        except InputError as exc:
            result = reject(exc, f"{f.name}:{lineno}")
        yield (f.number, lineno), result


def _scalar(v: Any) -> Any:
    """Parquet dates and timestamps as the ISO strings the JSONL format carries."""
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    return v
