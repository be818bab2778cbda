"""Files and folders: a folder is read recursively in sorted order, each file by its extension.

Sizes are checked with ``stat`` before a byte is read, so a huge file costs nothing; JSONL is
streamed line by line (its cap is per line, since one JSONL file may hold a whole corpus).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator

from peacewatch.errors import BinaryInput, InputError, TooLargeInput, UnreadableInput
from peacewatch.ingest.common import check_bytes, decode_bytes, looks_binary, reject
from peacewatch.ingest.feeds import read_feed
from peacewatch.ingest.html import article_from_html
from peacewatch.ingest.jsonl import read_jsonl
from peacewatch.ingest.text import article_from_text
from peacewatch.records import Article, Rejection
from peacewatch.settings import Options

TEXT_EXTENSIONS = frozenset({".txt", ".md"})
HTML_EXTENSIONS = frozenset({".html", ".htm"})
JSONL_EXTENSIONS = frozenset({".jsonl"})
FEED_EXTENSIONS = frozenset({".xml", ".rss", ".atom"})
EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | JSONL_EXTENSIONS | FEED_EXTENSIONS

_SNIFF = 8192


def _os_problem(exc: OSError) -> UnreadableInput:
    """A one-line reason for an OS error (the path is named by the Rejection's source)."""
    if isinstance(exc, FileNotFoundError):
        return UnreadableInput("no such file or directory (missing, or removed while reading)")
    if isinstance(exc, PermissionError):
        return UnreadableInput("permission denied")
    if exc.errno == errno.ELOOP:
        return UnreadableInput("too many levels of symbolic links (a link loop)")
    return UnreadableInput(f"cannot read: {exc.strerror or exc}")


def read_path(path: str, options: Options) -> Iterator[Article | Rejection]:
    """Everything under one path given by the user: a file, or a folder recursed in sorted order."""
    try:
        st = os.stat(path)
    except OSError as exc:
        yield reject(_os_problem(exc), path)
        return
    if stat.S_ISDIR(st.st_mode):
        found = False
        for item in _walk(path, options, {(st.st_dev, st.st_ino)}):
            found = True
            yield item
        if not found:
            yield reject(
                InputError("no articles in this folder (no .txt, .md, .html, .jsonl or feed files)"), path
            )
    else:
        yield from read_file(path, options, st)


def _walk(folder: str, options: Options, ancestors: set[tuple[int, int]]) -> Iterator[Article | Rejection]:
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as exc:
        yield reject(_os_problem(exc), folder)
        return
    for name in names:
        if name.startswith("."):
            continue  # hidden files and folders (.git, .DS_Store, editor swap files)
        path = os.path.join(folder, name)
        try:
            st = os.stat(path)
        except OSError as exc:
            yield reject(_os_problem(exc), path)
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield reject(UnreadableInput("directory loop (a link back to a parent folder)"), path)
                continue
            yield from _walk(path, options, ancestors | {key})
        else:
            yield from read_file(path, options, st)


def read_file(path: str, options: Options, st: os.stat_result | None = None) -> Iterator[Article | Rejection]:
    """The article(s) of one file; every problem becomes a Rejection naming the file."""
    ext = os.path.splitext(path)[1].lower()
    if ext not in EXTENSIONS:
        shown = ext or "no extension"
        yield reject(InputError(f"unsupported file type ({shown}); expected one of {_listed()}"), path)
        return
    try:
        if st is None:
            st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise UnreadableInput("not a regular file")
        if ext in JSONL_EXTENSIONS:
            yield from _read_jsonl_file(path, options)
            return
        data = _read_capped(path, st, options.max_bytes)
        check_bytes(data)
    except OSError as exc:
        yield reject(_os_problem(exc), path)
        return
    except InputError as exc:
        yield reject(exc, path)
        return
    if ext in FEED_EXTENSIONS:
        yield from read_feed(data, path, origin=path)
        return
    result: Article | Rejection
    try:
        if ext in HTML_EXTENSIONS:
            result = article_from_html(data, path, origin=path)
        else:
            result = article_from_text(decode_bytes(data), path, origin=path)
    except InputError as exc:
        result = reject(exc, path)
    yield result


def _listed() -> str:
    return ", ".join(sorted(EXTENSIONS))


def _read_capped(path: str, st: os.stat_result, cap: int) -> bytes:
    """The whole file, refused by its size before reading and again if it grew while read."""
    if st.st_size > cap:
        raise TooLargeInput(f"file is {st.st_size:,} bytes, over the {cap:,}-byte cap (max_bytes)")
    with open(path, "rb") as fh:
        data = fh.read(cap + 1)
    if len(data) > cap:
        raise TooLargeInput(f"file grew past the {cap:,}-byte cap (max_bytes) while being read")
    return data


def _read_jsonl_file(path: str, options: Options) -> Iterator[Article | Rejection]:
    with open(path, "rb") as fh:
        head = fh.read(_SNIFF)
        if looks_binary(head):
            raise BinaryInput("binary content (NUL bytes or control characters), not JSONL")
        fh.seek(0)
        yield from read_jsonl(fh, path, options)
