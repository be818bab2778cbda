"""Who may write, what a page may load, and which Host names the app answers.

- Write endpoints need ``Authorization: Bearer <PEACEWATCH_TOKEN>``; with no token
  configured they are disabled (403), so a server started without one can only be read.
  The token is checked before the request body is read (``WriteGuard``).
- Every response carries a Content-Security-Policy that lets a page load scripts, styles,
  images and data from this server only: no request leaves it, and an inline script
  smuggled into an article could not run even if escaping failed.
- With ``allowed_hosts`` set (``peacewatch serve`` sets it), a request naming another Host
  is refused, so a web page cannot reach the API through DNS rebinding.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from peacewatch.web.config import ENV_TOKEN, WebConfig
from peacewatch.web.problems import problem
from peacewatch.web.render import to_json_bytes

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")

_bearer = HTTPBearer(auto_error=False, description=f"the server's {ENV_TOKEN}")


def refusal(config: WebConfig, authorization: str | None) -> HTTPException | None:
    """Why a write must be refused (403 disabled, 401 missing or wrong token), or None."""
    if not config.token:
        return HTTPException(
            403, f"write endpoints are disabled: start the server with {ENV_TOKEN} set to enable them"
        )
    scheme, _, given = (authorization or "").strip().partition(" ")
    given = given.strip() if scheme.lower() == "bearer" else ""
    if not hmac.compare_digest(given.encode(), config.token.encode()):  # constant time
        return HTTPException(
            401,
            f"this endpoint needs the header Authorization: Bearer <{ENV_TOKEN}>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return None


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """Let a write through only with the configured token (also checked, before the body is
    read, by :class:`WriteGuard`; this keeps the rule on the route and in the OpenAPI spec)."""
    auth = f"{credentials.scheme} {credentials.credentials}" if credentials else None
    exc = refusal(request.app.state.config, auth)
    if exc is not None:
        raise exc


class WriteGuard:
    """Pure ASGI: refuse a write without the token before a byte of its body is read.

    Why: FastAPI reads and parses a JSON body (up to ``MAX_BODY_BYTES``, 21 MiB) before
    the route's dependencies run, so without this anyone who can reach the server could
    make it buffer 21 MiB per request just to be told 401. The answer is the same problem
    object as the route's; the connection is closed, since the body is left unread.
    """

    def __init__(self, app: ASGIApp, config: WebConfig, write_paths: Iterable[str]) -> None:
        self.app = app
        self.config = config
        self.write_paths = frozenset(write_paths)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            root = str(scope.get("root_path", ""))
            path = str(scope["path"])
            path = path[len(root) :] if root and path.startswith(root) else path
            if path in self.write_paths:
                exc = refusal(self.config, Headers(scope=scope).get("authorization"))
                if exc is not None:
                    body = problem(exc.status_code, str(exc.detail))
                    headers = {**(exc.headers or {}), "Connection": "close"}
                    response = Response(
                        to_json_bytes(body),
                        exc.status_code,
                        headers=headers,
                        media_type="application/problem+json",
                    )
                    await response(scope, receive, send)
                    return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """Pure ASGI (no per-request task, unlike ``BaseHTTPMiddleware``): adds the headers above
    and, when ``allowed_hosts`` is given, refuses other Host names with the problem shape."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str] | None = None) -> None:
        self.app = app
        self.allowed = {h.lower() for h in allowed_hosts} if allowed_hosts is not None else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.allowed is not None and not self._host_ok(scope):
            body = problem(400, "this server only answers requests addressed to its own host name")
            response = Response(to_json_bytes(body), 400, media_type="application/problem+json")
            await response(scope, receive, self._with_headers(send))
            return
        await self.app(scope, receive, self._with_headers(send))

    def _host_ok(self, scope: Scope) -> bool:
        host = Headers(scope=scope).get("host", "").lower()
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name in (self.allowed or ())

    @staticmethod
    def _with_headers(send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + HEADERS
            await send(message)

        return wrapped
