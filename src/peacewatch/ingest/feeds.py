"""RSS and Atom feeds: one Article per entry, one Rejection per entry that has no text.

feedparser is always given bytes: given a URL it would fetch it itself, past our size cap,
timeouts and address checks.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from peacewatch.errors import EmptyInput, InputError, MalformedInput, TooLargeInput
from peacewatch.ingest.common import make_article, reject, tidy, valid_published
from peacewatch.ingest.html import html_to_text
from peacewatch.records import Article, Rejection

_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")

# feedparser builds every entry before returning (120,000 short entries: 13 s and 300 MB), and
# each entry is then cleaned and extracted. A news feed carries tens of entries, an archive a few
# thousand; a document with more is refused before it is parsed, by counting the entry tags.
MAX_FEED_ENTRIES = 5_000
# feedparser reads about 5 MB a second, and its HTML sanitizer three times slower; entries are
# turned into plain text (scripts and styles dropped) by html_to_text, so the sanitizer is not run.
MAX_FEED_BYTES = 5 * 1024 * 1024
_ENTRY_TAG = re.compile(rb"<(?:[\w.-]+:)?(?:item|entry)[\s/>]", re.IGNORECASE)


def looks_like_feed(data: bytes) -> bool:
    """The document element of an RSS, Atom or RDF feed appears near the start."""
    head = data[:4096].lower()
    return any(marker in head for marker in _FEED_MARKERS)


def _entry_text(entry: Any) -> str:
    """The fullest body the entry carries (content over summary), as plain text."""
    candidates = [c for c in entry.get("content") or () if c.get("value")]
    if entry.get("summary"):
        candidates.append(entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"})
    if not candidates:
        return ""
    best = max(candidates, key=lambda c: len(c.get("value") or ""))
    value = best.get("value") or ""
    if best.get("type") == "text/plain":
        return value.strip()
    return html_to_text(value)


def _entry_date(entry: Any) -> str | None:
    """The entry's own ISO date if it wrote one, else feedparser's parsed date (UTC)."""
    for key in ("published", "updated"):
        # dict.get: FeedParserDict maps a missing "updated" to "published" with a DeprecationWarning.
        raw = valid_published(dict.get(entry, key))
        if raw:
            return raw
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed:
            return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).isoformat()
    return None


def _count_entries(data: bytes, limit: int) -> int:
    """<item>/<entry> tags in the document, counted up to ``limit``."""
    n = 0
    for _ in _ENTRY_TAG.finditer(data):
        n += 1
        if n >= limit:
            break
    return n


def _http(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(("http://", "https://")) else None


def read_feed(data: bytes, name: str, *, origin: str | None = None) -> Iterator[Article | Rejection]:
    """Articles from a feed document; a document that is not a feed is one Rejection."""
    if len(data) > MAX_FEED_BYTES:
        yield reject(
            TooLargeInput(f"feed is {len(data):,} bytes, over the {MAX_FEED_BYTES:,}-byte feed cap"), name
        )
        return
    entries = _count_entries(data, MAX_FEED_ENTRIES + 1)
    if entries > MAX_FEED_ENTRIES:
        yield reject(TooLargeInput(f"feed has over {MAX_FEED_ENTRIES:,} entries (the cap)"), name)
        return
    import feedparser  # on first use: a run without feeds need not load it at start-up

    try:
        parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    except Exception as exc:
        # feedparser's fallback parser is lenient and has raised on hostile bytes (UnicodeEncodeError
        # on "&#xD800;"); whatever a third-party parser raises, the feed is a Rejection, not a crash.
        reason = f"unparseable feed ({type(exc).__name__}: {' '.join(str(exc).split())})"
        yield reject(MalformedInput(reason), name)
        return
    if not parsed.get("version"):
        problem = parsed.get("bozo_exception")
        detail = f" ({' '.join(str(problem).split())})" if problem else ""
        yield reject(MalformedInput(f"not an RSS or Atom feed{detail}"), name)
        return
    feed_title = tidy(parsed.feed.get("title")) or urlsplit(name).hostname
    if not parsed.entries:
        yield reject(EmptyInput("the feed has no entries"), name)
        return
    for n, entry in enumerate(parsed.entries, start=1):
        link = tidy(entry.get("link")) or tidy(entry.get("id"))
        entry_id = link or f"{name}#{n}"
        result: Article | Rejection
        try:
            text = _entry_text(entry)
            if not text.strip():
                title = tidy(entry.get("title"))
                what = f"entry {title!r}" if title else "entry without title"
                raise EmptyInput(f"{what} has no text (no content or summary)")
            result = make_article(
                id=entry_id,
                raw_text=text,
                title=entry.get("title"),
                published=_entry_date(entry),
                url=_http(entry.get("link")),
                source=feed_title,
                language=_language(entry, parsed),
                origin=origin or name,
            )
        except InputError as exc:
            result = reject(exc, f"{name}#{n}")
        yield result


def _language(entry: Any, parsed: Any) -> str | None:
    """A language the feed declares (``<language>en-us</language>``), as its ISO 639-1 part."""
    detail = entry.get("title_detail") or {}
    lang = detail.get("language") or parsed.feed.get("language")
    if isinstance(lang, str) and len(lang.split("-")[0]) == 2:
        return lang.split("-")[0].lower()
    return None
