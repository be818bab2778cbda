"""A write without the right token is refused before its body is read (``web.security.WriteGuard``):
the server never buffers up to 21 MiB for someone who is about to be told 401."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from peacewatch import api
from peacewatch.web import create_app

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = tmp_path_factory.mktemp("guard") / "demo.db"
    api.demo(str(db))
    return str(db)


def _post(
    app: Any, path: str, headers: dict[str, str], chunks: int = 64
) -> tuple[int, dict[str, str], Any, int]:
    """POST a body of ``chunks`` × 64 KiB through the raw ASGI app; how many chunks it pulled."""
    pulled = 0
    sent: list[dict[str, Any]] = []
    chunk = b"x" * 65536

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        pulled += 1
        return {"type": "http.request", "body": chunk, "more_body": pulled < chunks}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json")]
        + [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "state": {},
    }
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    hdrs = {k.decode().lower(): v.decode() for k, v in start["headers"]}
    return start["status"], hdrs, json.loads(body), pulled


@pytest.mark.parametrize("path", ["/api/ingest/text", "/api/ingest/url", "/api/commitments"])
@pytest.mark.parametrize(
    "auth",
    [{}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}, {"Authorization": "Bearer"}],
)
def test_no_token_no_body_read(demo_db: str, path: str, auth: dict[str, str]) -> None:
    app = create_app(demo_db, token=TOKEN)
    status, headers, body, pulled = _post(app, path, auth)
    assert status == 401 and pulled == 0
    assert body["code"] == "PW604" and set(body) == {"type", "title", "status", "detail", "code"}
    assert headers["www-authenticate"] == "Bearer" and headers["connection"] == "close"
    assert "content-security-policy" in headers  # still inside the security headers


def test_writes_disabled_no_body_read(demo_db: str) -> None:
    app = create_app(demo_db, token="")
    status, _, body, pulled = _post(app, "/api/ingest/text", {"Authorization": f"Bearer {TOKEN}"})
    assert (status, body["code"], pulled) == (403, "PW605", 0)


def test_the_right_token_reads_the_body(demo_db: str) -> None:
    """With the token the body is read as before (here: an invalid one, so 422, after reading it)."""
    app = create_app(demo_db, token=TOKEN)
    status, _, body, pulled = _post(app, "/api/commitments", {"Authorization": f"Bearer {TOKEN}"}, chunks=3)
    assert pulled == 3 and status == 422 and body["code"] == "PW602"


def test_reads_and_other_posts_are_not_guarded(demo_db: str) -> None:
    with TestClient(create_app(demo_db, token=TOKEN)) as c:
        assert c.get("/api/stats").status_code == 200
        assert c.post("/api/stats").status_code == 405  # not a write endpoint: the usual answer
        ok = c.post(
            "/api/commitments",
            json={"name": "Sea truce", "scope": "ports", "start": "2025-12-01"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert ok.status_code == 201, ok.text


def test_token_check_precedes_the_size_cap(demo_db: str, tmp_path: Path) -> None:
    """An unauthenticated request declaring a huge body hears 401, not 413 (nothing to learn)."""
    app = create_app(demo_db, token=TOKEN, max_body_bytes=1000)
    with TestClient(app) as c:
        r = c.post("/api/ingest/text", content=b"x" * 5000, headers={"Content-Type": "application/json"})
    assert r.status_code == 401
