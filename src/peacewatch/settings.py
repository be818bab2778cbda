"""Options shared by the library, the CLI and the web app; every default is written here once."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir

ENV_DB = "PEACEWATCH_DB"
DB_FILENAME = "peacewatch.db"


@dataclass(frozen=True, slots=True)
class Options:
    """How a run behaves. Build one with ``Options()`` and ``.with_(...)``; never mutate."""

    # ingest
    max_bytes: int = 20 * 1024 * 1024  # a file or response above this is rejected, not truncated
    max_jsonl_line_bytes: int = 5 * 1024 * 1024
    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    max_redirects: int = 5
    allow_private: bool = False  # allow URLs on loopback/private/link-local addresses
    allow_network: bool = True  # False for `extract`, which the contract says never touches the network
    user_agent: str = "peacewatch (+https://github.com/peacewatch/peacewatch)"
    near_duplicate_threshold: float = 0.8  # estimated Jaccard of word 5-gram shingles
    # cli
    progress_threshold: int = 50  # show a progress bar on runs with more articles than this

    def with_(self, **changes: Any) -> Options:
        return replace(self, **changes)


DEFAULT_OPTIONS = Options()


def default_db_url() -> str:
    """``$PEACEWATCH_DB`` if set, else a SQLite file in the user data directory."""
    env = os.environ.get(ENV_DB)
    if env:
        return env
    return str(Path(user_data_dir("peacewatch", appauthor=False)) / DB_FILENAME)
