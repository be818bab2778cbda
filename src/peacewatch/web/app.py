"""The app factory: routes, static files, error shape, security headers, one store per thread."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute
from fastapi.staticfiles import StaticFiles

from peacewatch import __version__
from peacewatch.web import problems, routes_api, routes_pages
from peacewatch.web.cache import ResponseCache
from peacewatch.web.config import MAX_BODY_BYTES, make_config
from peacewatch.web.limits import BodyLimit
from peacewatch.web.security import SecurityHeaders, WriteGuard, require_token
from peacewatch.web.snapshot import Snapshots
from peacewatch.web.stores import StorePool

DESCRIPTION = """Evidence-linked event data on strikes and peace talks, from news text.

Reads need no token. Writes (ingest, declaring a commitment) need
`Authorization: Bearer <PEACEWATCH_TOKEN>`; a server started without that variable
answers them 403. Every error is a problem object `{type, title, status, detail, code}`.
"""

PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": list(problems.PROBLEM_KEYS),
    "additionalProperties": False,
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "code": {"type": "string", "pattern": "^PW[0-9]{3}$"},
    },
}


def create_app(
    db: str | None = None,
    token: str | None = None,
    *,
    allowed_hosts: Iterable[str] | None = None,
    cache_seconds: float = 2.0,
    max_body_bytes: int = MAX_BODY_BYTES,
    stale_seconds: float = 30.0,
) -> FastAPI:
    """The web UI and REST API over the database ``db`` (default: ``$PEACEWATCH_DB`` or the
    per-user database). ``token`` (default ``$PEACEWATCH_TOKEN``) unlocks the write endpoints;
    ``allowed_hosts`` restricts the Host names answered (``peacewatch serve`` sets it);
    ``cache_seconds`` is how long an API answer may be reused while the database files are
    unchanged (0: never; see ``web.cache``); ``max_body_bytes`` caps request bodies (413
    above it, see ``web.limits``); ``stale_seconds`` is how long after a reconcile the
    analyses may still answer from the previous state while the new one is computed (0:
    never; see ``web.snapshot``)."""
    config = make_config(db, token)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.snapshots.close()
        app.state.pool.close()  # no connection outlives the app

    app = FastAPI(
        lifespan=lifespan,
        title="peacewatch",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.config = config
    app.state.pool = StorePool(config.db)
    pool: StorePool = app.state.pool
    app.state.cache = ResponseCache(pool.path, ttl=cache_seconds if pool.has_files else 0)
    files = (pool.path, pool.path + "-wal") if pool.has_files else None
    app.state.snapshots = Snapshots(pool.get, files=files, stale_seconds=stale_seconds)
    problems.install(app)
    app.include_router(routes_api.router)
    app.include_router(routes_pages.router)
    app.mount("/static", StaticFiles(packages=[("peacewatch.web", "static")]), name="static")
    app.mount("/basemap", StaticFiles(packages=[("peacewatch", "data/basemap")]), name="basemap")
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    writes = [
        r.path
        for r in routes_api.router.routes
        if isinstance(r, APIRoute) and any(d.dependency is require_token for d in r.dependencies)
    ]
    app.add_middleware(WriteGuard, config=config, write_paths=writes)  # outside BodyLimit: 401 first
    app.add_middleware(SecurityHeaders, allowed_hosts=allowed_hosts)  # outermost: every answer has them

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(
                title=app.title, version=app.version, description=app.description, routes=app.routes
            )
            schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    return app
