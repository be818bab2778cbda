"""Article JSONL (the contract's input format), read line by line with a cap on each line."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import IO, Any

from peacewatch.errors import (
    DecodeError,
    EmptyInput,
    InputError,
    MalformedInput,
    TooLargeInput,
    UnreadableInput,
)
from peacewatch.ingest.common import make_article, reject
from peacewatch.records import Article, Rejection
from peacewatch.settings import DEFAULT_OPTIONS, Options

_STRING_FIELDS = ("title", "published", "url", "source", "language")
_SKIP_CHUNK = 1 << 16


def _lines(stream: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) per line; bytes is None for a line over the cap, which is skipped unread."""
    lineno = 0
    while True:
        line = stream.readline(cap + 1)
        if not line:
            return
        lineno += 1
        if len(line) > cap and not line.endswith(b"\n"):
            while True:  # drop the rest of the long line in bounded chunks
                rest = stream.readline(_SKIP_CHUNK)
                if not rest or rest.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line


def _article(record: Any, name: str, lineno: int) -> Article:
    """Validate one decoded line and build its Article; raises an InputError naming the problem."""
    if not isinstance(record, dict):
        raise MalformedInput(f"line is a JSON {type(record).__name__}, not an object")
    text = record.get("text")
    if text is None:
        raise MalformedInput('no "text" field')
    if not isinstance(text, str):
        raise MalformedInput(f'"text" must be a string, got {type(text).__name__}')
    if not text.strip():
        raise EmptyInput('"text" is empty')
    for key in _STRING_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise MalformedInput(f'"{key}" must be a string or null, got {type(value).__name__}')
    raw_id = record.get("id")
    if raw_id is not None and (isinstance(raw_id, bool) or not isinstance(raw_id, str | int)):
        raise MalformedInput(f'"id" must be a string or an integer, got {type(raw_id).__name__}')
    doc_id = str(raw_id).strip() if raw_id is not None else ""
    return make_article(
        id=doc_id or f"{name}:{lineno}",
        raw_text=text,
        title=record.get("title"),
        published=record.get("published"),
        url=record.get("url"),
        source=record.get("source"),
        language=record.get("language"),
        origin=name,
    )


def _decode(line: bytes) -> Any:
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid UTF-8 at byte offset {exc.start} of the line") from None
    try:
        return json.loads(decoded)
    except json.JSONDecodeError as exc:
        raise MalformedInput(f"not valid JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise MalformedInput("not valid JSON: nested too deeply") from None
    except ValueError as exc:
        # json raises a bare ValueError for an integer over Python's 4,300-digit conversion limit
        raise MalformedInput(f"not valid JSON: {' '.join(str(exc).split())}") from None


def read_jsonl(
    stream: IO[bytes], name: str, options: Options = DEFAULT_OPTIONS
) -> Iterator[Article | Rejection]:
    """One Article per article line, one Rejection per bad line (source ``name:lineno``).

    Blank lines are skipped; the stream is read a line at a time, each line capped.
    """
    cap = options.max_jsonl_line_bytes
    found = False
    lines = _lines(stream, cap)
    while True:
        try:
            item = next(lines, None)
        except OSError as exc:
            yield reject(UnreadableInput(f"read error: {exc.strerror or exc}"), name)
            return
        if item is None:
            break
        lineno, line = item
        where = f"{name}:{lineno}"
        if line is None:
            found = True
            yield reject(TooLargeInput(f"line longer than {cap:,} bytes (max_jsonl_line_bytes)"), where)
            continue
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        if not line.strip():
            continue
        found = True
        result: Article | Rejection
        try:
            result = _article(_decode(line), name, lineno)
        except InputError as exc:
            result = reject(exc, where)
        yield result
    if not found:
        yield reject(EmptyInput("no article lines (empty input)"), name)
