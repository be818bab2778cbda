"""The REST API in-process: every endpoint, filters, pages, the token rules, the one error shape,
and schemathesis against /openapi.json (no 5xx for any request the schema allows or forbids)."""

from __future__ import annotations

import atexit
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from peacewatch import api
from peacewatch.web import create_app
from peacewatch.web.problems import PROBLEM_KEYS, problem

TOKEN = "s3cret-token"
HOSTILE = {
    "id": "hostile-1",
    "title": "<script>window.__pwned = 1</script> Drones hit Sumy",
    "published": "2025-11-28",
    "source": "<img src=x onerror=alert(1)>Evil Wire",
    "url": "javascript:alert(1)",
    "text": (
        "<script>window.__pwned = 1</script> Russian drones struck Sumy overnight on 27 November 2025, "
        "killing three people and wounding 12, the regional governor said. "
        "Air defences shot down 20 of the 35 drones."
    ),
}


# schemathesis reads the schema when the module is collected, so the app (and the path of its
# database) exist from import on; the database itself is built by the first test that needs it.
DB_DIR = Path(tempfile.mkdtemp(prefix="peacewatch-web-api-"))
atexit.register(shutil.rmtree, DB_DIR, ignore_errors=True)  # also when no test here ran
SCHEMA_APP = create_app(str(DB_DIR / "demo.db"), token="")


@pytest.fixture(scope="module")
def demo_db() -> Path:
    """The bundled demo corpus, ingested and reconciled once for the module."""
    db = DB_DIR / "demo.db"
    api.demo(str(db))
    return db


@pytest.fixture(scope="module")
def client(demo_db: Path) -> Iterator[TestClient]:
    """A read-only client: no token configured, so every write is refused."""
    with TestClient(create_app(str(demo_db), token="")) as c:
        yield c


@pytest.fixture
def writable(demo_db: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client on a private copy of the demo database, with the token configured."""
    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    with TestClient(create_app(str(db), token=TOKEN)) as c:
        yield c


def is_problem(r: Any, status: int, code: str | None = None) -> dict[str, Any]:
    """The response is exactly the one problem shape, with this status (and code)."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/problem+json")
    body = r.json()
    assert tuple(body) == PROBLEM_KEYS
    assert body["status"] == status
    assert body["type"] == f"urn:peacewatch:error:{body['code']}"
    assert body == problem(status, body["detail"], body["code"], body["title"])
    if code is not None:
        assert body["code"] == code
    return body  # type: ignore[no-any-return]


# --- every read endpoint -------------------------------------------------------------------------

READS = [
    "/api/health",
    "/api/stats",
    "/api/articles",
    "/api/articles/1",
    "/api/events",
    "/api/canonical",
    "/api/timeline",
    "/api/commitments",
    "/api/commitments/check",
    "/api/plans",
    "/api/crosscheck",
    "/api/rejections",
    "/openapi.json",
]


@pytest.mark.parametrize("url", READS)
def test_every_read_endpoint_answers_json(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"] == "application/json"
    assert "default-src 'self'" in r.headers["content-security-policy"]
    assert r.json()


def test_stats_count_the_demo(client: TestClient) -> None:
    s = client.get("/api/stats").json()
    assert s["articles"] == 12
    assert (
        s["events"] == s["events_attack"] + s["events_talks"] + s["events_proposal"] + s["events_commitment"]
    )
    assert s["canonical_events"] == client.get("/api/canonical").json()["total"]


def test_analyses_have_the_library_shapes(client: TestClient) -> None:
    tl = client.get("/api/timeline", params={"days_before": 1, "days_after": 1}).json()
    assert set(tl) == {"rule", "talks", "daily", "undated_attacks", "undated_talks"}
    assert "within 1 days" in tl["rule"]
    checks = client.get("/api/commitments/check").json()
    assert all({"status", "reason", "possible_violations"} <= set(c) for c in checks)
    assert {c["id"] for c in checks} == {c["id"] for c in client.get("/api/commitments").json()}
    plans = client.get("/api/plans").json()
    assert plans and all("versions" in p for p in plans)
    cross = client.get("/api/crosscheck").json()
    assert {"attribution", "comparisons", "summary"} <= set(cross)


# --- articles and reports ------------------------------------------------------------------------


def test_articles_page_and_article(client: TestClient) -> None:
    page = client.get("/api/articles", params={"limit": 5}).json()
    assert page["count"] == 5 and page["next"] and page["prev"] is None
    rest = client.get(page["next"]).json()
    assert {a["id"] for a in page["items"]}.isdisjoint(a["id"] for a in rest["items"])
    art = client.get(f"/api/articles/{page['items'][0]['id']}").json()
    assert "".join(s["text"] for s in art["segments"]) == art["text"]
    assert any(s["mark"] for s in art["segments"])
    assert art["events"] and all(e["canonical_id"] for e in art["events"])
    is_problem(client.get("/api/articles/99999"), 404, "PW601")


def test_events_filters(client: TestClient) -> None:
    attacks = client.get("/api/events", params={"kind": "attack", "limit": 1000}).json()["items"]
    assert attacks and all(e["event"]["kind"] == "attack" for e in attacks)
    kyiv = client.get("/api/events", params={"place": "kyiv"}).json()["items"]
    assert kyiv and all(any("kyiv" in p["name"].lower() for p in e["event"]["places"]) for e in kyiv)
    ru = client.get("/api/events", params={"country": "RU", "kind": "attack"}).json()["items"]
    assert ru and all(any(p["country"] == "RU" for p in e["event"]["places"]) for e in ru)
    window = client.get("/api/events", params={"since": "2025-11-24", "until": "2025-11-25"}).json()["items"]
    assert window and all(e["event"]["date"]["start"] <= "2025-11-25" for e in window)
    assert all((e["event"]["date"]["end"] or e["event"]["date"]["start"]) >= "2025-11-24" for e in window)


def test_events_pages_walk_every_report_once(client: TestClient) -> None:
    seen: list[int] = []
    url: str | None = "/api/events?limit=7"
    while url:
        page = client.get(url).json()
        seen += [e["id"] for e in page["items"]]
        url = page["next"]
    assert len(seen) == len(set(seen)) == client.get("/api/stats").json()["events"]
    empty = client.get("/api/events", params={"offset": 10_000}).json()
    assert empty["items"] == [] and empty["next"] is None


# --- canonical events ------------------------------------------------------------------------------


def canonical(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    r = client.get("/api/canonical", params={"limit": 1000, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]  # type: ignore[no-any-return]


def test_canonical_filters(client: TestClient) -> None:
    assert {e["kind"] for e in canonical(client, kind="talks")} == {"talks"}
    assert [p["name"] for e in canonical(client, place="kharkiv") for p in e["places"]] == ["Kharkiv"]
    assert {e["id"] for e in canonical(client, admin1="Odesa")} == {
        e["id"] for e in canonical(client, place="Odesa", kind="attack")
    }
    rostov = canonical(client, country="RU", kind="attack")
    assert [e["places"][0]["name"] for e in rostov] == ["Rostov Oblast"]
    assert [e["id"] for e in canonical(client, actor="UA", kind="attack")] == [rostov[0]["id"]]
    assert {e["figures"]["killed"]["best"] for e in canonical(client, min_killed=5)} == {30, 7}
    assert [e["id"] for e in canonical(client, q="dniprovskyi")] == [
        e["id"] for e in canonical(client, place="Kyiv", kind="attack")
    ]
    assert canonical(client, q="no such words anywhere") == []
    feb = canonical(client, since="2026-02-01")
    assert feb and all((e["date"]["end"] or e["date"]["start"]) >= "2026-02-01" for e in feb)
    assert all(e["weapons"] is not None and e["href"] == f"/events/{e['id']}" for e in feb)


def test_canonical_sorting_and_pages(client: TestClient) -> None:
    killed = [
        e["figures"].get("killed", {}).get("best") for e in canonical(client, kind="attack", sort="-killed")
    ]
    known = [k for k in killed if k is not None]
    assert known == sorted(known, reverse=True) and killed[: len(known)] == known
    by_date = canonical(client)
    page = client.get("/api/canonical", params={"limit": 4, "offset": 4}).json()
    assert page["total"] == len(by_date) and page["count"] == 4
    assert [e["id"] for e in page["items"]] == [e["id"] for e in by_date[4:8]]
    assert "offset=8" in page["next"] and page["prev"] == "/api/canonical?limit=4"


def test_bad_canonical_filters_are_problems(client: TestClient) -> None:
    is_problem(client.get("/api/canonical", params={"kind": "battle"}), 422, "PW602")
    is_problem(client.get("/api/canonical", params={"limit": 0}), 422, "PW602")
    is_problem(client.get("/api/canonical", params={"since": "yesterday"}), 422, "PW602")
    body = is_problem(
        client.get("/api/canonical", params={"since": "2026-01-02", "until": "2026-01-01"}), 400
    )
    assert body["code"] == "PW100" and "before" in body["detail"]


def test_canonical_event_has_sources_quotes_and_history(client: TestClient) -> None:
    kyiv = canonical(client, place="Kyiv", kind="attack")[0]
    ev = client.get(f"/api/canonical/{kyiv['id']}").json()
    assert ev["n_sources"] == 3 == len({s["source"] for s in ev["source_details"]})
    for s in ev["source_details"]:
        assert s["context"]["quote"] == s["quote"]
        assert s["article_href"].startswith("/articles/")
    assert [d["figure"] for d in ev["disagreements"]] == ["missile.launched"]
    assert "Black Sea Wire says 22" in ev["disagreements"][0]["text"]
    assert ev["superseded"] and "superseded" in ev["superseded"][0]["text"]
    assert {h["field"] for h in ev["figure_history"]} >= {"killed", "missile.launched"}
    is_problem(client.get("/api/canonical/attack-0000000000"), 404, "PW601")


def test_pages_answer_their_data_dict_as_json(client: TestClient) -> None:
    ev_id = canonical(client, kind="attack")[0]["id"]
    assert client.get(f"/events/{ev_id}?format=json").json() == client.get(f"/api/canonical/{ev_id}").json()
    index = client.get("/?kind=attack&format=json").json()
    assert index["total"] == len(canonical(client, kind="attack")) and index["markers"]
    html = client.get("/?kind=attack&place=Kyiv")
    assert html.status_code == 200 and "text/html" in html.headers["content-type"]
    for url in ("/timeline", "/charts", "/charts?since=2025-11-20&until=2025-11-30", "/articles/1", "/docs"):
        r = client.get(url)
        assert r.status_code == 200, url
        assert "script-src 'self'" in r.headers["content-security-policy"]


# --- writes and the token ----------------------------------------------------------------------------


WRITES = [
    ("/api/commitments", {"name": "Energy pause", "scope": "energy infrastructure", "start": "2025-03-18"}),
    ("/api/ingest/text", {"text": HOSTILE["text"]}),
    ("/api/ingest/url", {"url": "https://example.org/feed.xml"}),
]


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_writes_are_disabled_without_a_configured_token(
    client: TestClient, url: str, body: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    for headers in ({}, {"Authorization": f"Bearer {TOKEN}"}):
        problem_body = is_problem(client.post(url, json=body, headers=headers), 403, "PW605")
        assert "PEACEWATCH_TOKEN" in problem_body["detail"]
    monkeypatch.setenv("PEACEWATCH_TOKEN", TOKEN)  # the environment is read when the app is made
    with TestClient(create_app(str(client.app.state.config.db))) as from_env:  # type: ignore[attr-defined]
        assert from_env.post(url, json=body).status_code == 401


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_writes_need_the_right_bearer_token(writable: TestClient, url: str, body: dict[str, Any]) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        r = writable.post(url, json=body, headers=headers)
        is_problem(r, 401, "PW604")
        assert r.headers["www-authenticate"] == "Bearer"


def test_declare_a_commitment(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = {"name": "Energy pause", "scope": "energy infrastructure", "start": "2025-11-20", "bound": "RU"}
    r = writable.post("/api/commitments", json=body, headers=auth)
    assert r.status_code == 201, r.text
    assert r.json()["origin"] == "declared" and r.json()["name"] == "Energy pause"
    assert "Energy pause" in [c["name"] for c in writable.get("/api/commitments").json()]
    bad = {**body, "end": "2025-11-01"}
    assert is_problem(writable.post("/api/commitments", json=bad, headers=auth), 400, "PW100")
    is_problem(writable.post("/api/commitments", json={"name": "x"}, headers=auth), 422, "PW602")


def test_ingest_text_and_escape_it_everywhere(writable: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = writable.post("/api/ingest/text", json=HOSTILE, headers=auth)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["summary"]["added"] == 1 and report["summary"]["reconciled"]["created"] >= 1
    again = writable.post("/api/ingest/text", json=HOSTILE, headers=auth).json()
    assert again["summary"]["duplicates"] == 1
    sumy = canonical(writable, place="Sumy")
    assert len(sumy) == 1 and sumy[0]["figures"]["killed"]["best"] == 3
    for url in (f"/events/{sumy[0]['id']}", report["articles"][0], "/?q=sumy"):
        html = writable.get(url).text
        assert "<script>window" not in html and "<img src=x" not in html
        assert "javascript:alert" not in html.replace("&#34;", '"').split("application/json")[0]
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in writable.get(report["articles"][0]).text


def test_ingest_url_keeps_the_address_guard(writable: TestClient) -> None:
    """A URL on loopback is refused by the library's SSRF guard, reported as a problem."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    body = is_problem(
        writable.post("/api/ingest/url", json={"url": "http://127.0.0.1:9/x"}, headers=auth), 422
    )
    assert body["code"] == "PW211" and "127.0.0.1" in body["detail"]
    is_problem(writable.post("/api/ingest/url", json={"url": "ftp://x"}, headers=auth), 422, "PW602")


def test_answers_follow_writes_made_outside_the_app(
    client: TestClient, demo_db: Path, tmp_path: Path
) -> None:
    """The answer cache is keyed on the database files: a write by `peacewatch` itself shows at once."""
    db = tmp_path / "copy.db"
    shutil.copy(demo_db, db)
    with TestClient(create_app(str(db), token="")) as c:
        before = c.get("/api/commitments").json()
        assert c.get("/api/commitments").json() == before  # served again, unchanged
        api.add_commitment("Sea truce", "ports", "2025-12-01", db=str(db))
        assert [x["name"] for x in c.get("/api/commitments").json()] == [x["name"] for x in before] + [
            "Sea truce"
        ]


# --- the one error shape ---------------------------------------------------------------------------


def test_every_error_has_the_problem_shape(client: TestClient, demo_db: Path, tmp_path: Path) -> None:
    is_problem(client.get("/api/nothing-here"), 404, "PW601")
    is_problem(client.get("/no/such/page"), 404, "PW601")
    is_problem(client.delete("/api/events"), 405, "PW603")
    is_problem(client.get("/api/events", params={"limit": "many"}), 422, "PW602")
    is_problem(client.get("/api/events", params={"country": "Ukraine"}), 422, "PW602")
    is_problem(client.post("/api/commitments", content=b"{not json"), 403, "PW605")
    missing = TestClient(create_app(str(tmp_path / "none.db")))
    assert missing.get("/api/health").status_code == 200
    assert "no database" in is_problem(missing.get("/api/stats"), 503, "PW400")["detail"]
    assert not (tmp_path / "none.db").exists()


def test_a_crash_is_a_500_problem_without_details(demo_db: Path) -> None:
    app: FastAPI = create_app(str(demo_db))

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("secret internals")

    with TestClient(app, raise_server_exceptions=False) as c:
        body = is_problem(c.get("/api/boom"), 500, "PW600")
        assert "secret" not in body["detail"]


def test_a_browser_gets_the_problem_as_a_page(client: TestClient) -> None:
    r = client.get("/events/attack-0000000000", headers={"Accept": "text/html"})
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no canonical event with id" in r.text and "PW601" in r.text
    api_r = client.get("/api/canonical/attack-0000000000", headers={"Accept": "text/html"})
    is_problem(api_r, 404, "PW601")  # the API answers JSON whatever the browser asks


def test_other_host_names_are_refused_when_hosts_are_set(demo_db: Path) -> None:
    app = create_app(str(demo_db), allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://evil.example") as c:
        is_problem(c.get("/api/health"), 400)
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/health").status_code == 200


def test_the_api_reads_postgresql_too(request: pytest.FixtureRequest) -> None:
    """Same endpoints over the PostgreSQL store (one connection per worker thread, no answer cache)."""
    import pgserver  # the session's throwaway PostgreSQL (skips when it cannot start)

    url = pgserver.database(request)
    api.demo(url)
    app = create_app(url, token="")
    assert not app.state.cache.enabled
    with TestClient(app) as c:
        assert c.get("/api/canonical", params={"kind": "attack"}).json()["total"] == 7
        assert c.get("/api/events", params={"place": "Kyiv"}).json()["items"]
        kyiv = canonical(c, place="Kyiv", kind="attack")[0]["id"]
        assert len(c.get(f"/api/canonical/{kyiv}").json()["source_details"]) == 3
        assert c.get("/").status_code == 200


# --- peacewatch serve ----------------------------------------------------------------------------------


def test_serve_refuses_a_missing_database(runner: Any, tmp_path: Path) -> None:
    import peacewatch.cli.web  # noqa: F401  (registers the command, as the CLI package will)
    from peacewatch.cli import app

    assert "PEACEWATCH_TOKEN" in runner.invoke(app, ["serve", "--help"]).stdout
    r = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 4 and "no database" in r.stderr


def test_serve_answers_on_loopback_only_by_name(demo_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real command in its own process: up, answering, refusing other Host names, stopped."""
    monkeypatch.delenv("PEACEWATCH_TOKEN", raising=False)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = "import peacewatch.cli.web; from peacewatch.cli import main; main()"
    args = [sys.executable, "-c", code, "serve", "--db", str(demo_db), "--port", str(port)]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                r = httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
                time.sleep(0.1)
        assert r.status_code == 200
        assert httpx.get(base + "/api/canonical?kind=attack").json()["total"] == 7
        assert httpx.get(base + "/api/health", headers={"Host": "evil.example"}).status_code == 400
    finally:
        proc.terminate()
        _, stderr = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in stderr and "write endpoints are disabled" in stderr


# --- schemathesis: whatever the schema allows (or not), never a server error ----------------------------


schema = schemathesis.openapi.from_asgi("/openapi.json", SCHEMA_APP)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_schemathesis_finds_no_server_error(case: Any, demo_db: Path) -> None:
    case.call_and_validate(checks=[not_a_server_error])
