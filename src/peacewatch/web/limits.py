"""A cap on request bodies, enforced while they arrive.

Why: FastAPI reads a JSON body whole before validating it, so without a cap one request
(chunked, with no Content-Length) could make the server buffer gigabytes. A declared
``Content-Length`` over the cap is answered 413 before anything is read; a body without
one is counted as it arrives and refused as soon as it passes the cap, so at most
``max_bytes`` (plus one chunk) is ever held. The answer is the usual problem object, code
``PW205`` (``TooLargeInput``: over the size cap).
"""

from __future__ import annotations

from fastapi import HTTPException
from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from peacewatch.errors import TooLargeInput
from peacewatch.web.problems import problem
from peacewatch.web.render import to_json_bytes


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when the body passes the cap. An ``HTTPException``, so that
    FastAPI's body reader passes it on as it is (it turns other errors into a 400)."""

    def __init__(self, max_bytes: int) -> None:
        # the rest of the body is not read: the connection cannot be reused
        super().__init__(
            413, f"the request body is over the {max_bytes:,}-byte cap", headers={"Connection": "close"}
        )


def too_large(max_bytes: int) -> Response:
    exc = BodyTooLarge(max_bytes)
    body = problem(413, exc.detail, TooLargeInput.code)
    return Response(to_json_bytes(body), 413, headers=exc.headers, media_type="application/problem+json")


class BodyLimit:
    """Pure ASGI middleware: refuse bodies over ``max_bytes`` (see the module docstring)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > self.max_bytes:
            await too_large(self.max_bytes)(scope, receive, send)
            return
        received = 0
        started = False

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def watched(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited, watched)
        except BodyTooLarge:
            # raised where no exception handler runs (a route that reads the body itself)
            if started:
                raise
            await too_large(self.max_bytes)(scope, receive, send)
