"""Database URLs: which backend a URL names, and how to show one without its password.

Kept apart from the backends so that ``open_store`` can tell a PostgreSQL URL from a
file path (and say what is missing) without importing the PostgreSQL driver.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from peacewatch.errors import StoreError

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*)://")
POSTGRES_SCHEMES = ("postgresql", "postgres")


def scheme_of(url: str) -> str | None:
    """The lower-cased scheme of ``url``, or None for a plain file path."""
    m = _SCHEME.match(url)
    return m.group(1).lower() if m else None


def is_postgres_url(url: str) -> bool:
    return scheme_of(url) in POSTGRES_SCHEMES


def redact(url: str) -> str:
    """The URL as it may be printed: any password (in the user part or the query) removed.

    Store URLs end up in reports, error messages and ``peacewatch ingest`` output, so the
    store keeps this form as ``Store.url`` and the real one only inside its connection.
    """
    try:
        parts = urlsplit(url)
    except ValueError:
        # Only the scheme is echoed: the rest of a URL that does not parse may hold a password.
        return f"{scheme_of(url) or 'unknown'}://…"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hostport = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{hostport}" if user else hostport
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if k.lower() != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


def check_postgres_url(url: str) -> None:
    """Refuse a PostgreSQL URL that names no database, before trying to connect."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # raises on a port that is not a number
    except ValueError as e:
        raise StoreError(f"malformed PostgreSQL URL {redact(url)}: {e}") from e
    dbname = parts.path.lstrip("/") or dict(parse_qsl(parts.query)).get("dbname", "")
    if not dbname:
        raise StoreError(
            f"PostgreSQL URL {redact(url)} names no database; use postgresql://user@host:port/dbname"
        )
