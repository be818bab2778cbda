"""Escaping article text for Markdown and deciding which URLs may become links.

Article text is hostile until proven otherwise: a quote may carry ``<script>``, a
Markdown link or a ``javascript:`` URL. Every renderer passes source text through here.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]~])")


def md(text: str | None) -> str:
    """Plain text safe in Markdown: HTML escaped, Markdown syntax backslash-escaped, one line."""
    if not text:
        return ""
    one_line = " ".join(str(text).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(one_line, quote=False))


def link_url(url: str | None) -> str | None:
    """The URL if it is a plain http(s) address safe to link to, else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    if any(c in url for c in " <>\"'`\\") or any(ord(c) < 32 for c in url):
        return None
    return url


def md_url(url: str | None) -> str:
    """A URL for Markdown: an autolink when it is safe, else escaped text."""
    safe = link_url(url)
    if safe:
        return f"<{safe}>"
    return md(url) if url else "no URL"
