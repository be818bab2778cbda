"""``/api/...``: JSON over the library, one call per endpoint (see ``views`` and ``writes``).

Lists answer ``{"items", "count", "total", "limit", "offset", "next", "prev"}``; errors
answer the problem shape of ``problems``. Reads need no token; writes need the bearer token.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from peacewatch.store import Store
from peacewatch.web import views, writes
from peacewatch.web.cache import ResponseCache
from peacewatch.web.config import MAX_LIMIT, PAGE_LIMIT
from peacewatch.web.models import CommitmentIn, TextIn, UrlIn
from peacewatch.web.query import SORTS, CanonicalQuery
from peacewatch.web.render import json_response, to_json_bytes
from peacewatch.web.security import require_token
from peacewatch.web.snapshot import Snapshot, Snapshots, wants_fresh

Kind = Literal["attack", "talks", "proposal", "commitment"]
Sort = Literal[SORTS]  # type: ignore[valid-type]
BIG = 2**31 - 1  # offsets and ids beyond this cannot exist in the store

_PROBLEM = {
    "description": "a problem: {type, title, status, detail, code}",
    "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}},
}
ERRORS: dict[int | str, dict[str, Any]] = {400: _PROBLEM, 404: _PROBLEM, 422: _PROBLEM, 503: _PROBLEM}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {**ERRORS, 401: _PROBLEM, 403: _PROBLEM, 413: _PROBLEM}

router = APIRouter(prefix="/api", responses=ERRORS)

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")]
Offset = Annotated[int, Query(ge=0, le=BIG, description="items to skip")]
Since = Annotated[dt.date | None, Query(description="keep events that end on or after this day")]
Until = Annotated[dt.date | None, Query(description="keep events that start on or before this day")]
Country = Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$", description="ISO 3166 alpha-2 code")]
Place = Annotated[str | None, Query(max_length=200, description="part of a place, oblast or venue name")]


def store_of(request: Request) -> Store:
    """This thread's store (call it in the endpoint body, not in a dependency)."""
    return request.app.state.pool.get()  # type: ignore[no-any-return]


async def answer(request: Request, build: Callable[[Store], Any]) -> Response:
    """The JSON of ``build(store)``, or the same bytes as last time if the database is unchanged.

    The cache is checked on the event loop (two ``stat`` calls); the store work and the JSON
    encoding run on a pool thread, where that thread's store lives.
    """
    cache: ResponseCache = request.app.state.cache
    key = f"{request.url.path}?{request.url.query}"
    stamp = cache.stamp() if cache.enabled else (0, 0, 0, 0)
    body = cache.get(key, stamp)
    if body is None:
        body = await run_in_threadpool(lambda: to_json_bytes(build(store_of(request))))
        cache.put(key, stamp, body)
    return Response(body, media_type="application/json")


async def from_snapshot(
    request: Request, build: Callable[[Snapshot], Any], *, key_extra: str = ""
) -> Response:
    """The JSON of ``build(snapshot)`` for an analysis of every reconciled event, computed once
    per state of the store and shared by concurrent requests (``web.snapshot``).

    The answer says which state it is from (``X-Peacewatch-State``), whether a newer one is
    being computed (``X-Peacewatch-Stale``) and its ``Age``; ``Cache-Control: no-cache``
    waits for the newest state instead of accepting the previous one.
    """
    snapshots: Snapshots = request.app.state.snapshots
    key = f"{request.url.path}?{request.url.query}{key_extra}"
    fresh = wants_fresh(request.headers)

    def work() -> tuple[bytes, dict[str, str]]:
        snap, stale = snapshots.get(allow_stale=not fresh)
        return snap.answer(key, lambda s: to_json_bytes(build(s))), snap.headers(stale)

    body, headers = await run_in_threadpool(work)
    return Response(body, media_type="application/json", headers=headers)


@router.get("/health", tags=["meta"])
async def health() -> Response:
    """Liveness; touches no database (the load benchmark's baseline)."""
    return json_response(views.health())


@router.get("/stats", tags=["meta"])
async def stats(request: Request) -> Response:
    """Counts: articles, events per kind, canonical events, rejections, near-duplicates, runs."""
    return await answer(request, views.stats)


@router.get("/articles", tags=["articles"])
async def articles(request: Request, limit: Limit = PAGE_LIMIT, offset: Offset = 0) -> Response:
    """Stored articles in ingest order (metadata; the text is on each article)."""
    return await answer(request, lambda store: views.articles(store, limit, offset))


@router.get("/articles/{article_id}", tags=["articles"])
async def article(request: Request, article_id: Annotated[int, Path(ge=1, le=BIG)]) -> Response:
    """One article: text, extracted events with evidence, cited spans, canonical event of each."""
    return await answer(request, lambda store: views.article(store, article_id))


@router.get("/events", tags=["events"])
async def events(
    request: Request,
    kind: Kind | None = None,
    place: Place = None,
    country: Country = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = PAGE_LIMIT,
    offset: Offset = 0,
) -> Response:
    """Every extracted report (one per article and event), by date: ``peacewatch events``."""
    return await answer(
        request,
        lambda store: views.events(
            store,
            kind=kind,
            place=place,
            country=country,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        ),
    )


@router.get("/canonical", tags=["events"])
async def canonical(
    request: Request,
    kind: Kind | None = None,
    place: Place = None,
    admin1: Annotated[str | None, Query(max_length=200, description="part of an oblast/region name")] = None,
    country: Country = None,
    actor: Annotated[
        str | None, Query(pattern=r"^[A-Za-z]{2}$", description="attacker, party, proposer (ISO2)")
    ] = None,
    since: Since = None,
    until: Until = None,
    min_killed: Annotated[int | None, Query(ge=0, le=BIG, description="canonical best killed ≥")] = None,
    q: Annotated[str | None, Query(max_length=200, description="words in quotes, titles, names")] = None,
    sort: Sort = "date",
    limit: Limit = PAGE_LIMIT,
    offset: Offset = 0,
) -> Response:
    """Canonical events (one per real event, all sources merged), filtered, sorted, paged.

    Each item is the event without its figures' reports (see ``/api/canonical/{id}``),
    plus ``weapons`` (kinds any source names) and ``href`` (its page).
    """
    query = CanonicalQuery(
        kind, place, admin1, country, actor, since, until, min_killed, q, sort, limit, offset
    )
    return await answer(request, lambda store: views.canonical(store, query))


@router.get("/canonical/{event_id}", tags=["events"])
async def canonical_event(request: Request, event_id: Annotated[str, Path(max_length=100)]) -> Response:
    """One canonical event: figures with every report and quote, each source's quote in its
    context, disagreements and supersessions spelled out, and the figures' history."""
    return await answer(request, lambda store: views.canonical_event(store, event_id))


@router.get("/timeline", tags=["analyses"])
async def timeline(
    request: Request,
    days_before: Annotated[int, Query(ge=0, le=365)] = 3,
    days_after: Annotated[int, Query(ge=0, le=365)] = 3,
) -> Response:
    """Attacks before, during and after each round of talks, and the daily series (as of the
    last reconcile; see the ``X-Peacewatch-*`` headers)."""
    return await from_snapshot(request, lambda snap: views.timeline(snap, days_before, days_after))


@router.get("/commitments", tags=["commitments"])
async def commitments(request: Request) -> Response:
    """Commitments extracted from articles and declared by users."""
    return await from_snapshot(request, views.commitments)


@router.get("/commitments/check", tags=["commitments"])
async def commitment_checks(
    request: Request, today: Annotated[dt.date | None, Query(description="check as of this day")] = None
) -> Response:
    """Each commitment with the attacks inside its scope and window (possible violations)."""
    day = today or dt.date.today()  # part of the key: the checks of a snapshot change at midnight
    return await from_snapshot(request, lambda snap: views.commitment_checks(snap, day), key_extra=f"#{day}")


@router.post(
    "/commitments",
    tags=["commitments"],
    status_code=201,
    responses=WRITE_ERRORS,
    dependencies=[Depends(require_token)],
)
def add_commitment(request: Request, body: CommitmentIn) -> Response:
    """Declare a commitment (needs the bearer token)."""
    return json_response(writes.add_commitment(store_of(request), body), status=201)


@router.get("/plans", tags=["analyses"])
async def plans(request: Request) -> Response:
    """Peace plans as lineages of versions, counterproposals beside."""
    return await from_snapshot(request, views.plans)


@router.get("/crosscheck", tags=["analyses"])
async def crosscheck(request: Request) -> Response:
    """News figures of missiles and drones launched against the imported Air Force series."""
    return await from_snapshot(request, views.crosscheck)


@router.get("/rejections", tags=["meta"])
async def rejections(request: Request, limit: Limit = PAGE_LIMIT, offset: Offset = 0) -> Response:
    """Inputs that could not be read, with the stage and reason."""
    return await answer(request, lambda store: views.rejections(store, limit, offset))


@router.post("/ingest/text", tags=["ingest"], responses=WRITE_ERRORS, dependencies=[Depends(require_token)])
def ingest_text(request: Request, body: TextIn) -> Response:
    """Ingest one article given as text, then reconcile (needs the bearer token)."""
    return json_response(writes.ingest_text(store_of(request), body))


@router.post("/ingest/url", tags=["ingest"], responses=WRITE_ERRORS, dependencies=[Depends(require_token)])
def ingest_url(request: Request, body: UrlIn) -> Response:
    """Fetch a page or an RSS/Atom feed and ingest it (needs the bearer token; public hosts only)."""
    return json_response(writes.ingest_url(store_of(request), body.url))
