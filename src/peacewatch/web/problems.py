"""Every error the web app answers, in one shape built by one function: :func:`problem`.

The shape is RFC 9457's problem details with peacewatch's stable error code added::

    {"type": "urn:peacewatch:error:PW100", "title": "Bad Request", "status": 400,
     "detail": "unknown event kind 'x'; expected one of attack, talks, proposal, commitment",
     "code": "PW100"}

API clients get it as ``application/problem+json``; a browser asking for a page gets the
same dict rendered as HTML. Library errors keep their codes (``peacewatch.errors``); the
web layer adds its own, in the PW6xx range::

    PW600  internal error (a bug: the detail says nothing more, the log has the traceback)
    PW601  no such page, endpoint or record
    PW602  the request is invalid (parameter or body validation)
    PW603  method not allowed
    PW604  missing or wrong bearer token
    PW605  write endpoints are disabled (no PEACEWATCH_TOKEN configured)
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from peacewatch.errors import InputError, PeacewatchError, StoreError, TooLargeInput, UsageError
from peacewatch.web.render import render_page, to_json_bytes

INTERNAL = "PW600"
NOT_FOUND = "PW601"
INVALID = "PW602"
METHOD_NOT_ALLOWED = "PW603"
UNAUTHORIZED = "PW604"
WRITES_DISABLED = "PW605"

_CODE_FOR_STATUS = {
    404: NOT_FOUND,
    405: METHOD_NOT_ALLOWED,
    401: UNAUTHORIZED,
    403: WRITES_DISABLED,
    413: TooLargeInput.code,  # a request body over the cap (web.limits)
    422: INVALID,
}
PROBLEM_KEYS = ("type", "title", "status", "detail", "code")

log = logging.getLogger("peacewatch.web")


class NotFound(StarletteHTTPException):
    """A record that does not exist (an unknown event id, article id …): 404, PW601."""

    def __init__(self, detail: str) -> None:
        super().__init__(404, detail)


def problem(status: int, detail: str, code: str | None = None, title: str | None = None) -> dict[str, Any]:
    """The one error body of the web app (see the module docstring)."""
    code = code or _CODE_FOR_STATUS.get(status, INTERNAL if status >= 500 else INVALID)
    return {
        "type": f"urn:peacewatch:error:{code}",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": " ".join(str(detail).split()),
        "code": code,
    }


def status_for(exc: PeacewatchError) -> int:
    """The HTTP status of a library error: the caller's fault (4xx) or ours (5xx)."""
    if isinstance(exc, UsageError):
        return 400
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, StoreError):
        return 503  # the database is missing, locked or broken: the service cannot answer
    return 500


def wants_html(request: Request) -> bool:
    """A browser asking for a page (not the API) gets the problem as an HTML page."""
    path = request.url.path
    if path.startswith("/api/") or path == "/openapi.json":
        return False
    return "text/html" in request.headers.get("accept", "")


def respond(request: Request, body: dict[str, Any], headers: Mapping[str, str] | None = None) -> Response:
    """The problem as JSON, or as the error page for a browser."""
    status = int(body["status"])
    if wants_html(request):
        return render_page(request, "error.html", {"problem": body}, status=status, headers=headers)
    return Response(to_json_bytes(body), status, headers=headers, media_type="application/problem+json")


def _validation_detail(errors: Sequence[Any]) -> str:
    parts = []
    for e in errors[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x != "body") or "request"
        parts.append(f"{loc}: {e.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 5} more)" if len(errors) > 5 else ""
    return "; ".join(parts) + more


def install(app: FastAPI) -> None:
    """Route every error the app can raise through :func:`problem`."""

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        return respond(request, problem(exc.status_code, str(exc.detail)), exc.headers)

    async def invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return respond(request, problem(422, _validation_detail(exc.errors()), INVALID))

    async def library_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PeacewatchError)
        status = status_for(exc)
        if status >= 500:
            log.error("%s %s failed: %s", request.method, request.url.path, exc.one_line())
        return respond(request, problem(status, exc.one_line(), exc.code))

    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("%s %s crashed", request.method, request.url.path, exc_info=exc)
        detail = "the server failed to answer this request; the server log has the details"
        return respond(request, problem(500, detail, INTERNAL))

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(PeacewatchError, library_error)
    app.add_exception_handler(Exception, crash)
