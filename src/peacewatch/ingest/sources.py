"""The ingest entry point: any mix of paths, URLs and stdin, read in the order given."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit

from peacewatch.errors import FetchError, InputError
from peacewatch.ingest.common import check_bytes, decode_bytes, reject
from peacewatch.ingest.feeds import looks_like_feed, read_feed
from peacewatch.ingest.fetch import FEED_TYPES, XML_TYPES, Fetched, Fetcher
from peacewatch.ingest.files import read_path
from peacewatch.ingest.html import article_from_html
from peacewatch.ingest.jsonl import read_jsonl
from peacewatch.ingest.text import article_from_text
from peacewatch.records import Article, Rejection
from peacewatch.settings import DEFAULT_OPTIONS, Options

# Two letters at least, so that a Windows drive ("C:\\news") is not taken for a scheme.
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+):")
STDIN_NAME = "stdin"


def read_sources(sources: Sequence[str], options: Options = DEFAULT_OPTIONS) -> Iterator[Article | Rejection]:
    """Yield one Article per article read and one Rejection per input that could not be, in input order.

    A source is ``-`` (article JSONL on stdin), an http(s) URL (a page or a feed), or a path to a
    file or folder. A bad input never raises: it becomes a Rejection record naming it.
    """
    fetcher: Fetcher | None = None
    try:
        for source in sources:
            if source == "-":
                yield from read_jsonl(sys.stdin.buffer, STDIN_NAME, options)
                continue
            m = _SCHEME.match(source)
            if m is None:
                yield from read_path(source, options)
                continue
            scheme = m.group(1).lower()
            if scheme not in ("http", "https"):
                yield reject(FetchError(f"unsupported URL scheme {scheme!r} (only http and https)"), source)
                continue
            if not options.allow_network:
                yield reject(
                    FetchError("URLs are not fetched here (use `peacewatch ingest` to fetch)"), source
                )
                continue
            if fetcher is None:
                fetcher = Fetcher(options)
            yield from read_url(source, fetcher)
    finally:
        if fetcher is not None:
            fetcher.close()


def read_url(url: str, fetcher: Fetcher) -> Iterator[Article | Rejection]:
    """Fetch one URL and read it as a feed, a page or plain text, by content type and content."""
    try:
        fetched = fetcher.fetch(url)
        check_bytes(fetched.body)
    except InputError as exc:
        yield reject(exc, url)
        return
    if _is_feed(fetched):
        yield from read_feed(fetched.body, fetched.url, origin=url)
        return
    result: Article | Rejection
    try:
        if fetched.content_type == "text/plain":
            article = article_from_text(decode_bytes(fetched.body, fetched.charset), fetched.url, origin=url)
            host = urlsplit(fetched.url).hostname
            result = article.with_(url=article.url or fetched.url, source=article.source or host)
        else:
            result = article_from_html(
                fetched.body, fetched.url, url=fetched.url, charset=fetched.charset, origin=url
            )
    except InputError as exc:
        result = reject(exc, url)
    yield result


def _is_feed(fetched: Fetched) -> bool:
    """A feed when the server says RSS/Atom, or says XML/HTML/nothing and the document is a feed."""
    if fetched.content_type in FEED_TYPES or fetched.content_type in XML_TYPES:
        return True
    return fetched.content_type != "text/plain" and looks_like_feed(fetched.body)
