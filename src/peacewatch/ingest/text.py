"""Plain-text and Markdown articles: an optional front-matter block, then the text; title = first line."""

from __future__ import annotations

import re

from peacewatch.ingest.common import make_article
from peacewatch.records import Article

_FRONT = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)(?:\r?\n)?^---[ \t]*(?:\r?\n|\Z)", re.S | re.M)
_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*)$")
_KEYS = frozenset({"title", "published", "url", "source", "language"})
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+|\s+#+\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """The ``---``-fenced ``key: value`` block at the top, and the text after it (not part of the article)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group("body").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        kv = _KEY.match(line.strip())
        if not kv:
            return {}, text  # not front matter after all: a text that opens with a horizontal rule
        key = kv.group("key").lower()
        if key in _KEYS:
            meta[key] = kv.group("value").strip().strip("\"'").strip()
    return meta, text[m.end() :]


def first_line_title(text: str) -> str | None:
    """The first non-empty line, without Markdown heading marks."""
    for line in text.splitlines():
        if line.strip():
            return _MD_HEADING.sub("", line).strip() or None
    return None


def article_from_text(text: str, name: str, *, origin: str | None = None) -> Article:
    """One article from a .txt/.md file (or a text/plain response); ``name`` is its id."""
    meta, body = split_front_matter(text)
    return make_article(
        id=name,
        raw_text=body,
        title=meta.get("title") or first_line_title(body),
        published=meta.get("published"),
        url=meta.get("url"),
        source=meta.get("source"),
        language=meta.get("language"),
        origin=origin or name,
    )
