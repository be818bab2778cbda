"""The HTML pages: map and list, event, article, timeline, daily charts, API docs.

Filters live in the URL (a form with method GET), so every view can be bookmarked and
shared; the same parameters work on ``/api/canonical``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from peacewatch.errors import UsageError
from peacewatch.web import pages, views
from peacewatch.web.query import from_params
from peacewatch.web.render import page, render_page
from peacewatch.web.routes_api import BIG, store_of

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
    return page(request, "timeline.html", pages.timeline(store_of(request), days_before, days_after))


@router.get("/charts")
def charts(request: Request) -> Response:
    since, until = _day(request, "since"), _day(request, "until")
    if since and until and until < since:
        raise UsageError(f"until ({until}) is before since ({since})")
    return page(request, "charts.html", pages.daily(store_of(request), since, until))


@router.get("/docs")
def docs(request: Request) -> Response:
    """Swagger UI from the vendored swagger-ui-dist (FastAPI's default loads it from a CDN)."""
    return render_page(request, "docs.html", {"openapi_url": "/openapi.json"})
