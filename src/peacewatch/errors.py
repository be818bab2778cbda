"""The one exception hierarchy of peacewatch.

Every error the library raises on purpose is a ``PeacewatchError`` with a stable
``code``; the CLI maps it to one stderr line and an exit code, the REST API to one
JSON problem shape. ::

    PeacewatchError                 PW000
    ├── UsageError                  PW100  bad options or arguments (exit 2)
    ├── InputError                  PW200  an input could not be read as an article
    │   ├── UnreadableInput         PW201  missing, permission denied, a directory loop
    │   ├── BinaryInput             PW202  not text
    │   ├── DecodeError             PW203  not valid UTF-8 (or the declared charset)
    │   ├── EmptyInput              PW204  nothing left after cleaning
    │   ├── TooLargeInput           PW205  over the size cap
    │   ├── MalformedInput          PW206  bad JSON line, missing "text", unparseable HTML/feed
    │   └── FetchError              PW210  HTTP error, timeout, refused scheme/address
    │       └── ForbiddenAddress    PW211  loopback/private/link-local target (SSRF guard)
    ├── ExtractionError             PW300  the extractor failed on an article
    └── StoreError                  PW400  the database could not be opened or written
        └── MigrationError          PW401  schema migration failed or the schema is newer
"""

from __future__ import annotations


class PeacewatchError(Exception):
    """Root of every error peacewatch raises on purpose."""

    code = "PW000"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def one_line(self) -> str:
        """The message as the CLI prints it: the input named first, one line."""
        msg = " ".join(self.message.split())
        return f"{self.source}: {msg}" if self.source else msg


class UsageError(PeacewatchError):
    code = "PW100"


class InputError(PeacewatchError):
    code = "PW200"
    stage = "read"


class UnreadableInput(InputError):
    code = "PW201"


class BinaryInput(InputError):
    code = "PW202"
    stage = "decode"


class DecodeError(InputError):
    code = "PW203"
    stage = "decode"


class EmptyInput(InputError):
    code = "PW204"
    stage = "clean"


class TooLargeInput(InputError):
    code = "PW205"


class MalformedInput(InputError):
    code = "PW206"
    stage = "parse"


class FetchError(InputError):
    code = "PW210"
    stage = "fetch"


class ForbiddenAddress(FetchError):
    code = "PW211"


class ExtractionError(PeacewatchError):
    code = "PW300"


class StoreError(PeacewatchError):
    code = "PW400"


class MigrationError(StoreError):
    code = "PW401"


# Exit codes of the CLI (documented in the README).
EXIT_OK = 0
EXIT_PARTIAL = 1  # some inputs were rejected, the rest went through
EXIT_USAGE = 2
EXIT_NOTHING = 3  # nothing could be read at all
EXIT_STORE = 4  # the database could not be opened or written
