"""What a running web app needs to know, fixed when it is created.

Defaults are written here once; ``peacewatch serve`` and ``create_app`` both read them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

ENV_TOKEN = "PEACEWATCH_TOKEN"
DEFAULT_HOST = "127.0.0.1"  # loopback: reads need no token only because nobody else can reach them
DEFAULT_PORT = 8000
PAGE_LIMIT = 50  # items per page when the request does not say
MAX_LIMIT = 1000  # above this a page is refused rather than silently cut
MAP_LIMIT = 5000  # markers drawn on one map
# Request bodies above this are refused (413) as they arrive (web.limits): the largest text
# ingest accepts (the file cap, Options.max_bytes) plus room for the JSON around it.
MAX_BODY_BYTES = 21 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebConfig:
    """The database the app reads and the token that unlocks its write endpoints.

    ``token`` None or empty means the write endpoints are disabled (they answer 403).
    """

    db: str | None = None
    token: str | None = None

    @property
    def writes_enabled(self) -> bool:
        return bool(self.token)


def make_config(db: str | None = None, token: str | None = None) -> WebConfig:
    """The config for ``create_app``: an explicit token wins, else ``$PEACEWATCH_TOKEN``."""
    if token is None:
        token = os.environ.get(ENV_TOKEN) or None
    return WebConfig(db=db, token=token.strip() if token and token.strip() else None)
