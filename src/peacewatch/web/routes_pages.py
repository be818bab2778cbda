"""The HTML pages: map and list, event, article, timeline, daily charts, API docs.

Filters live in the URL (a form with method GET), so every view can be bookmarked and
shared; the same parameters work on ``/api/canonical``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse, Response

from peacewatch.errors import UsageError
from peacewatch.web import pages, views
from peacewatch.web.query import from_params
from peacewatch.web.render import page, render_page, to_json_bytes
from peacewatch.web.routes_api import BIG, store_of
from peacewatch.web.snapshot import Snapshot, Snapshots, wants_fresh

router = APIRouter(include_in_schema=False)


def _day(request: Request, name: str) -> dt.date | None:
    """A date parameter of a form: empty means none, a bad one is the user's error (400)."""
    v = request.query_params.get(name, "").strip()
    if not v:
        return None
    try:
        return dt.date.fromisoformat(v)
    except ValueError:
        raise UsageError(f"{name} must be a date YYYY-MM-DD, not {v!r}") from None


def from_snapshot(
    request: Request, template: str, build: Callable[[Snapshot], Mapping[str, Any]]
) -> Response:
    """A page over every reconciled event, rendered once per state of the store and shared
    (``web.snapshot``; the headers say which state, as on the API)."""
    snapshots: Snapshots = request.app.state.snapshots
    snap, stale = snapshots.get(allow_stale=not wants_fresh(request.headers))
    key = f"{request.url.path}?{request.url.query}"
    if request.query_params.get("format") == "json":
        body = snap.answer(key, lambda s: to_json_bytes(build(s)))
        return Response(body, media_type="application/json", headers=snap.headers(stale))
    body = snap.answer(key + "#html", lambda s: bytes(render_page(request, template, build(s)).body))
    return HTMLResponse(body, headers=snap.headers(stale))


@router.get("/")
def index(request: Request) -> Response:
    query = from_params(dict(request.query_params))
    return page(request, "index.html", pages.index(store_of(request), query))


@router.get("/events/{event_id}")
def event(request: Request, event_id: str) -> Response:
    return page(request, "event.html", views.canonical_event(store_of(request), event_id))


@router.get("/articles/{article_id}")
def article(request: Request, article_id: int) -> Response:
    if not 1 <= article_id <= BIG:
        raise UsageError(f"no article id {article_id}")
    return page(request, "article.html", views.article(store_of(request), article_id))


@router.get("/timeline")
def timeline(
    request: Request,
    days_before: Annotated[int, Query(ge=0, le=365)] = 3,
    days_after: Annotated[int, Query(ge=0, le=365)] = 3,
) -> Response:
    return from_snapshot(request, "timeline.html", lambda snap: pages.timeline(snap, days_before, days_after))


@router.get("/charts")
def charts(request: Request) -> Response:
    since, until = _day(request, "since"), _day(request, "until")
    if since and until and until < since:
        raise UsageError(f"until ({until}) is before since ({since})")
    return from_snapshot(request, "charts.html", lambda snap: pages.daily(snap, since, until))


@router.get("/docs")
def docs(request: Request) -> Response:
    """Swagger UI from the vendored swagger-ui-dist (FastAPI's default loads it from a CDN)."""
    return render_page(request, "docs.html", {"openapi_url": "/openapi.json"})
