"""Issue 7, item 5: web security, proved through the doors an attacker would use.

- A hostile corpus (script tags, ``javascript:`` links, event-handler attributes, SVG and
  ``<iframe>`` payloads, entities that decode to markup, payloads in the title, outlet,
  URL, text, a declared commitment, and — written straight into the store, as a poisoned
  gazetteer would — a place name and a weapon model) is shown in every page the app
  routes, in Chromium, twice: as served (with its Content-Security-Policy) and with the
  CSP bypassed, so that escaping alone is proved too. No payload may run (a global flag,
  a dialog, a navigation), create an element, or make a request leave the server. The
  same corpus goes through every export: the brief (Markdown rendered to HTML, the HTML
  page, the PDF's text), CSV (also formula injection), GeoJSON, Parquet and the JSON API.
- Write endpoints refuse missing, wrong, query-string and wrong-scheme tokens, and
  compare in constant time.
- URL ingest refuses loopback, private, link-local and metadata addresses in every
  spelling, after redirects and behind DNS names, through the library and the REST API.
- Request bodies are capped as they arrive (413), chunked or not.
- schemathesis against every endpoint, the write endpoints with a valid token: no 5xx.
"""

from __future__ import annotations

import atexit
import dataclasses
import hmac
import json
import select
import shutil
import socket
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from conftest import CHROMIUM, CHROMIUM_FLAGS, serve_app
from peacewatch import api, report
from peacewatch.errors import FetchError, ForbiddenAddress
from peacewatch.ingest import fetch as fetch_module
from peacewatch.ingest.fetch import Fetcher, check_host
from peacewatch.report.parquet import read_parquet
from peacewatch.settings import DEFAULT_OPTIONS, Options
from peacewatch.store import open_store
from peacewatch.web import create_app, routes_api, routes_pages
from peacewatch.web.config import MAX_BODY_BYTES
from reliability import record, scale

pytestmark = pytest.mark.reliability

TOKEN = "reliability-token-5"

# --- the hostile corpus ---------------------------------------------------------------------------
# Each payload, if it ever ran, would set window.__pw_<name> (or open a dialog, or navigate, or
# fetch from evil.example); none may.
PAYLOADS: dict[str, str] = {
    "script": "<script>window.__pw_script=1;alert('script')</script>",
    "img": "<img src=x onerror=\"window.__pw_img=1;alert('img')\">",
    "svg": '<svg onload="window.__pw_svg=1"><script>window.__pw_svg_script=1</script></svg>',
    "svg_animate": '<svg><animate onbegin="window.__pw_animate=1" attributeName="x" dur="1s"/></svg>',
    "iframe": (
        '<iframe src="javascript:parent.__pw_iframe=1"></iframe>'
        '<iframe srcdoc="<script>parent.__pw_srcdoc=1</script>"></iframe>'
    ),
    "js_link": '<a href="javascript:window.__pw_link=1" id="pwlink">read more</a>',
    "entities": "&lt;script&gt;window.__pw_entity=1&lt;/script&gt; &#60;img src=x onerror=window.__pw_entity=2&#62;",
    "attr_break": "\"'><script>window.__pw_attr=1</script><b title='",
    "script_close": "</script><script>window.__pw_close=1</script><!--",
    "raw_close": "</textarea></title></style></noscript><script>window.__pw_raw=1</script>",
    "meta_refresh": '<meta http-equiv="refresh" content="0;url=http://evil.example/refresh">',
    "remote": (
        '<img src="http://evil.example/beacon.png"><link rel="stylesheet" href="http://evil.example/x.css">'
        "<style>@import 'http://evil.example/i.css';</style>"
    ),
    "toggle": '<details open ontoggle="window.__pw_toggle=1"><summary>x</summary></details>',
    "body": '<body onload="window.__pw_body=1">',
    "object": '<object data="javascript:window.__pw_object=1"></object><embed src="javascript:window.__pw_embed=1">',
    "base": '<base href="http://evil.example/">',
    "form": '<form action="http://evil.example/f"><button formaction="javascript:window.__pw_form=1">go</button></form>',
    "markdown": "[click](javascript:window.__pw_md=1) ![x](http://evil.example/md.png) <javascript:alert(1)>",
    "template": "{{ 7*7 }} {% for x in range(3) %}{{x}}{% endfor %} ${7*7}",
}
HOSTILE_URLS = (
    "javascript:window.__pw_url=1",
    " JaVaScRiPt:window.__pw_url=2",
    "java\tscript:window.__pw_url=3",
    "data:text/html,<script>window.__pw_url=4</script>",
    "vbscript:msgbox(1)",
    'http://evil.example/a"><script>window.__pw_url=5</script>',
    "https://news.example/?q=<img src=x onerror=window.__pw_url=6>",
)
# written into the store directly (extraction only yields gazetteer names and known models)
PLACE_PAYLOAD = '<img src=x onerror="window.__pw_place=1">Sumy'
MODEL_PAYLOAD = '<svg onload="window.__pw_model=1">'
COMMITMENT = {
    "name": "<script>window.__pw_commitment=1</script>Energy pause",
    "scope": '<img src=x onerror="window.__pw_scope=1">energy infrastructure',
    "note": PAYLOADS["iframe"],
}
CITIES = ("Sumy", "Kharkiv", "Poltava", "Chernihiv", "Mykolaiv", "Odesa", "Dnipro")
CSV_FORMULAS = ("=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1,1)", "\t=1+1", "\r=1+1")


def hostile_records() -> list[dict[str, Any]]:
    """One article per city; together they carry every payload in title, outlet, URL and text."""
    names = list(PAYLOADS)
    records = []
    for i, city in enumerate(CITIES):
        pick = [PAYLOADS[names[(3 * i + k) % len(names)]] for k in range(3)]
        day = 18 + i
        text = (
            f"{pick[0]} Russian drones struck {city} overnight on {day} November 2025, killing {i + 2} people "
            f"and wounding {10 + i}, the regional governor said {pick[1]}. "
            f"Air defences shot down 20 of the {30 + i} drones.\n\n{pick[2]}\n\n"
            + " ".join(PAYLOADS.values())
        )
        records.append(
            {
                "id": f"hostile-{i}",
                "title": f"{pick[1]} Drones hit {city}",
                "published": f"2025-11-{day + 1:02d}",
                "source": CSV_FORMULAS[i % len(CSV_FORMULAS)] + " " + pick[2] + " Wire",
                "url": HOSTILE_URLS[i % len(HOSTILE_URLS)],
                "text": text,
            }
        )
    return records


HTML_ARTICLE = """<!doctype html><html><head><title>&lt;script&gt;window.__pw_html=1&lt;/script&gt; Missiles hit Odesa</title>
<script>window.__pw_html_raw=1</script></head><body><article>
<h1>&lt;script&gt;window.__pw_html=1&lt;/script&gt; Missiles hit Odesa</h1>
<p>Russian missiles struck Odesa &lt;img src=x onerror=window.__pw_html=2&gt; overnight on 26 November 2025,
killing five people and wounding 20, the regional governor said. &#60;svg onload=window.__pw_html=3&#62;</p>
<p>Rescuers worked through the night &amp;lt;b&amp;gt; to clear the rubble of the apartment block.</p>
</article></body></html>
"""


@dataclasses.dataclass
class Hostile:
    """The hostile database and what a test needs to find its records."""

    db: str
    article_ids: list[int]
    canonical_ids: list[str]
    texts: list[str]  # strings that must show, as text, somewhere in the pages


def inject_hostile_names(db: str, article_id: int) -> None:
    """Give one stored attack a hostile place name and weapon model, as a poisoned gazetteer
    or a hand-edited store would, then reconcile: names reach every page and export."""
    store = open_store(db)
    try:
        stored = store.events(article_id=article_id)
        events = []
        for se in stored:
            ev = se.event
            if ev.kind == "attack" and ev.places:
                places = (dataclasses.replace(ev.places[0], name=PLACE_PAYLOAD), *ev.places[1:])
                weapons = tuple(dataclasses.replace(w, model=MODEL_PAYLOAD) for w in ev.weapons)
                ev = dataclasses.replace(ev, places=places, weapons=weapons)
            events.append(ev)
        store.replace_events(article_id, events, extractor_version="hostile-test")
    finally:
        store.close()
    api.reconcile(db)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Hostile:
    folder = tmp_path_factory.mktemp("hostile")
    db = str(folder / "hostile.db")
    api.demo(db)
    corpus = folder / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in hostile_records()), encoding="utf-8")
    page = folder / "odesa.html"
    page.write_text(HTML_ARTICLE, encoding="utf-8")
    rep = api.ingest([str(corpus), str(page)], db)
    assert rep.added == len(CITIES) + 1, rep.summary()
    inject_hostile_names(db, rep.added_ids[0])
    api.add_commitment(
        COMMITMENT["name"], COMMITMENT["scope"], "2025-11-17", "2025-11-30", "RU", COMMITMENT["note"], db=db
    )
    store = open_store(db)
    try:
        canonical = {e.event_id for a in rep.added_ids for e in _canonical_of(store, a)}
    finally:
        store.close()
    texts = [PAYLOADS["script"], PLACE_PAYLOAD, COMMITMENT["name"], "<script>window.__pw_html=1</script>"]
    return Hostile(db, rep.added_ids, sorted(canonical), texts)


@dataclasses.dataclass(frozen=True)
class _Member:
    event_id: str


def _canonical_of(store: Any, article_id: int) -> list[_Member]:
    membership = store.canonical_membership()
    return [_Member(membership[se.id]) for se in store.events(article_id=article_id) if se.id in membership]


# --- the app on a real port, and Chromium -----------------------------------------------------------

# the page routes of the app; a new one fails test_every_page_route_is_visited until it is added
PAGE_ROUTES = {"/", "/events/{event_id}", "/articles/{article_id}", "/timeline", "/charts", "/docs"}
# Elements no page of ours holds and every payload would create. The trap records them as they
# are added, so one that a script adds and removes again (a tooltip) is caught too.
INJECTED = (
    "iframe,object,embed,base,meta[http-equiv],animate,[onerror],[onload],[ontoggle],[onbegin],"
    '[formaction],a[href^="javascript:" i],[src^="javascript:" i],form[action*="evil.example"],'
    'link[href*="evil.example"],img[src*="evil.example"],img[src="x"]'
)
TRAP = (
    "window.pwTrap = [];"
    "new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) {"
    "  if (n.nodeType !== 1) continue;"
    f"  for (const e of [n, ...n.querySelectorAll({json.dumps(INJECTED)})])"
    f"    if (e.matches({json.dumps(INJECTED)})) window.pwTrap.push(e.outerHTML.slice(0, 100));"
    "}}).observe(document, {childList: true, subtree: true});"
)
INSPECT = """() => {
  const own = (s) => s.type === 'application/json' || (s.src && new URL(s.src, location.href).origin === location.origin);
  return {
    flags: Object.keys(window).filter((k) => k.startsWith('__pw')),
    injected: window.pwTrap || ['(the trap did not run)'],
    scripts: [...document.scripts].filter((s) => !own(s)).map((s) => s.outerHTML.slice(0, 100)),
    text: (document.body || document.documentElement).innerText,
  };
}"""


@pytest.fixture(scope="module")
def served(hostile: Hostile) -> Iterator[str]:
    """uvicorn in a thread on a free loopback port, serving the hostile database."""
    with serve_app(create_app(hostile.db, token=TOKEN), "uvicorn-hostile") as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield browser
        finally:
            browser.close()


class Tab:
    """A browser tab that records dialogs, errors thrown by scripts, and every request that
    would leave ``base`` (those are aborted, so a beacon cannot reach anything)."""

    def __init__(self, browser: Any, base: str, *, bypass_csp: bool) -> None:
        self.base = base
        self.outside: list[str] = []
        self.dialogs: list[str] = []
        self.page_errors: list[str] = []
        self.context = browser.new_context(bypass_csp=bypass_csp)
        self.context.route("**/*", self._route)
        self.context.add_init_script(TRAP)
        self.page = self.context.new_page()
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda e: self.page_errors.append(str(e)))

    def _route(self, route: Any) -> None:
        url = route.request.url
        if (self.base and url.startswith(self.base + "/")) or url.startswith(("data:", "about:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def inspect(self, where: str) -> dict[str, Any]:
        """Let anything delayed fire, then read the page; fail on any sign of a payload."""
        self.page.wait_for_timeout(150)
        seen: dict[str, Any] = self.page.evaluate(INSPECT)
        problems = {k: seen[k] for k in ("flags", "injected", "scripts") if seen[k]}
        assert not problems, f"{where}: a payload became markup or ran: {problems}"
        assert not self.dialogs, f"{where}: a script opened a dialog: {self.dialogs}"
        assert not self.outside, f"{where}: requests left the server: {self.outside}"
        return seen

    def close(self) -> None:
        self.context.close()


def squash(text: str) -> str:
    return " ".join(text.split())


def page_urls(h: Hostile) -> list[str]:
    """Every page route, with the hostile records, reflected payloads and error pages."""
    p = PAYLOADS
    q = httpx.QueryParams
    urls = [
        "/",
        "/?" + str(q({"q": p["attr_break"]})),
        "/?" + str(q({"place": p["script_close"], "kind": "attack"})),
    ]
    urls += ["/?q=sumy", "/?since=2025-11-17&until=2025-11-30&sort=-killed"]
    urls += [f"/events/{c}" for c in h.canonical_ids] + ["/events/" + p["script"].replace("/", "%2F")]
    urls += [f"/articles/{a}" for a in h.article_ids] + ["/articles/" + p["img"]]
    urls += ["/timeline", "/timeline?days_before=30&days_after=30"]
    urls += ["/charts", "/charts?since=2025-11-15&until=2025-11-30", "/charts?" + str(q({"since": p["svg"]}))]
    urls += ["/docs", "/" + p["script"].replace("/", "%2F") + "/nothing"]
    # JSON answers opened in the browser: shown as text, never run
    urls += [f"/events/{h.canonical_ids[0]}?format=json", f"/api/articles/{h.article_ids[0]}"]
    urls += ["/api/canonical?limit=1000", "/api/events?limit=1000", "/api/commitments", "/api/rejections"]
    return urls


def test_every_page_route_is_visited(hostile: Hostile) -> None:
    """The list of pages below is the app's: a page added later must be added to the check."""
    pages = {r.path for r in routes_pages.router.routes}  # type: ignore[attr-defined]
    assert pages == PAGE_ROUTES
    visited = {u.split("?")[0] for u in page_urls(hostile)}
    for route in PAGE_ROUTES:
        prefix = route.split("{")[0]
        assert any(v == route or ("{" in route and v.startswith(prefix) and v != prefix) for v in visited), (
            route
        )


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["as-served", "csp-bypassed"])
def test_hostile_article_shows_as_text_in_every_page(
    chromium: Any, served: str, hostile: Hostile, bypass_csp: bool
) -> None:
    """No payload runs, becomes an element, opens a dialog, navigates or reaches another
    server, in any page; with the CSP bypassed the escaping alone must hold."""
    tab = Tab(chromium, served, bypass_csp=bypass_csp)
    shown: set[str] = set()
    urls = page_urls(hostile)
    try:
        for path in urls:
            tab.page.goto(served + path)
            where = f"{path} ({'CSP bypassed' if bypass_csp else 'as served'})"
            if path == "/" or path.startswith("/?"):
                _poke_map(tab)
            if path == "/docs":
                tab.page.wait_for_selector(".swagger-ui .opblock")
            seen = tab.inspect(where)
            assert tab.page.url.startswith(served + "/"), f"{where}: navigated to {tab.page.url}"
            text = squash(seen["text"])
            shown |= {s for s in [*PAYLOADS.values(), *hostile.texts] if squash(s) in text}
    finally:
        tab.close()
    missing = {k for k, v in PAYLOADS.items() if v not in shown}
    assert not missing, f"payloads never shown as text: {missing}"
    assert set(hostile.texts) <= shown
    record(
        "5-web",
        "pages-" + ("csp-bypassed" if bypass_csp else "as-served"),
        payloads=len(PAYLOADS) + len(HOSTILE_URLS) + 3,
        pages_checked=len(urls),
        page_routes=sorted(PAGE_ROUTES),
        payload_page_checks=len(PAYLOADS) * len(urls),
        payloads_shown_as_text=len(shown),
        scripts_run=0,
        dialogs=0,
        requests_outside=0,
    )


def _poke_map(tab: Tab) -> None:
    """Open every marker's tooltip and popup: they show place names from the store."""
    page = tab.page
    page.wait_for_selector("#map[data-basemap][data-markers]")
    opened = page.evaluate(
        """() => {
      let n = 0;
      for (const p of document.querySelectorAll('path.pw-marker')) {
        for (const type of ['mouseover', 'click']) {
          p.dispatchEvent(new MouseEvent(type, {bubbles: true, clientX: 1, clientY: 1}));
        }
        n += document.querySelector('.leaflet-tooltip') ? 1 : 0;
      }
      return n;
    }"""
    )
    assert opened == int(page.get_attribute("#map", "data-markers") or 0)


# --- every export ---------------------------------------------------------------------------------------

BRIEF_DAYS = [f"2025-11-{d}" for d in range(18, 28)]


def test_hostile_article_shows_as_text_in_every_export(
    chromium: Any, hostile: Hostile, tmp_path: Path
) -> None:
    """Brief (Markdown rendered to HTML, HTML, PDF), CSV, GeoJSON, Parquet and the JSON API
    carry the hostile text as text: nothing runs in Chromium (the brief page has no CSP of
    its own, so escaping is all there is), no spreadsheet formula, every string intact."""
    from markdown_it import MarkdownIt

    markdown = MarkdownIt("commonmark", {"html": True})  # raw HTML allowed: escaping must hold alone
    tab = Tab(chromium, "", bypass_csp=True)
    shown: set[str] = set()
    checks = 0
    try:
        for day in BRIEF_DAYS:
            md = report.brief(hostile.db, day, "md")
            page = report.brief(hostile.db, day, "html")
            assert isinstance(md, str) and isinstance(page, str)
            for name, html in (("md", markdown.render(md)), ("html", page)):
                tab.page.set_content(html, wait_until="load")
                text = squash(tab.inspect(f"brief {day} {name}")["text"])
                shown |= {s for s in [*PAYLOADS.values(), *hostile.texts] if squash(s) in text}
                checks += 1
    finally:
        tab.close()
    assert {PAYLOADS["script"], PLACE_PAYLOAD, COMMITMENT["name"]} <= shown
    assert PAYLOADS["entities"] in shown  # "&lt;" in an article stays "&lt;" on the page, not "<"

    pdf = report.brief(hostile.db, "2025-11-19", "pdf")
    assert isinstance(pdf, bytes)
    (tmp_path / "brief.pdf").write_bytes(pdf)
    from pypdf import PdfReader

    pdf_text = squash(" ".join(p.extract_text() for p in PdfReader(tmp_path / "brief.pdf").pages))
    assert "<script>window.__pw_" in pdf_text and 'onerror="window.__pw_place=1">Sumy' in pdf_text

    formulas = _check_csv(hostile.db, tmp_path / "events.csv")
    geo = tmp_path / "events.geojson"
    report.export(hostile.db, "geojson", geo)
    fc = json.loads(geo.read_text(encoding="utf-8"))
    geo_strings = set(_strings(fc))
    assert PLACE_PAYLOAD in geo_strings
    assert {r["source"].strip() for r in hostile_records()} <= geo_strings  # as written, not escaped
    pq = tmp_path / "events.parquet"
    report.export(hostile.db, "parquet", pq)
    rows = read_parquet(pq)
    assert rows == [e.to_dict() for e in api.canonical(hostile.db)]  # every hostile string intact
    assert PLACE_PAYLOAD in {p["name"] for r in rows for p in r.get("places", [])}

    api_strings: set[str] = set()
    with TestClient(create_app(hostile.db, token="")) as c:
        for url in [f"/api/canonical/{cid}" for cid in hostile.canonical_ids] + [
            f"/api/articles/{a}" for a in hostile.article_ids
        ]:
            r = c.get(url)
            assert r.status_code == 200 and r.headers["content-type"] == "application/json"
            assert r.headers["x-content-type-options"] == "nosniff"
            api_strings |= set(_strings(r.json()))
    squashed = {squash(s) for s in api_strings}
    for (
        rec
    ) in hostile_records():  # as written (ingest only normalises white space): not escaped, not stripped
        assert rec["text"] in api_strings
        assert {squash(rec[k]) for k in ("title", "source", "url")} <= squashed
    assert PLACE_PAYLOAD in api_strings
    record(
        "5-web",
        "exports",
        brief_days=len(BRIEF_DAYS),
        brief_pages_in_chromium=checks,
        payloads_shown_as_text=len(shown),
        scripts_run=0,
        pdf_bytes=len(pdf),
        csv_formula_cells_neutralised=formulas,
        geojson_features=len(fc["features"]),
        parquet_rows=len(rows),
        json_events=len(hostile.canonical_ids),
    )


def test_csv_cells_that_would_be_formulas_become_text() -> None:
    """Regression: outlet names and notes starting with = + - @ TAB CR were exported as formulas."""
    from peacewatch.report.exports import csv_cell

    for formula in CSV_FORMULAS:
        assert csv_cell(formula) == "'" + formula
    assert csv_cell("Kyiv Independent") == "Kyiv Independent" and csv_cell("") == ""
    assert csv_cell(-149.9) == -149.9 and csv_cell(0) == 0 and csv_cell(None) == ""  # numbers stay numbers


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _check_csv(db: str, path: Path) -> int:
    """No cell starts a formula; the outlets' text is kept after the apostrophe. Returns how
    many cells were neutralised."""
    import csv

    report.export(db, "csv", path)
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    cells = [v for r in rows for v in r.values()]
    formulas = [v for v in cells if v[:1] in ("=", "+", "-", "@", "\t", "\r") and not _number(v)]
    assert not formulas, f"cells a spreadsheet runs as formulas: {formulas}"
    quoted = [v for v in cells if v.startswith("'") and v[1:2] in ("=", "+", "-", "@", "\t", "\r")]
    sources = {r["source"] for r in rows}
    for formula in CSV_FORMULAS:
        assert any(s.startswith("'" + formula.strip()) for s in sources), formula  # outlets are trimmed
    return len(quoted)


def _number(cell: str) -> bool:
    """A coordinate like -149.9 is a number, not a formula."""
    try:
        float(cell)
    except ValueError:
        return False
    return True


# --- the token ----------------------------------------------------------------------------------------

WRITE_BODIES: dict[str, dict[str, Any]] = {
    "/api/commitments": {"name": "Sea truce", "scope": "ports", "start": "2025-12-01"},
    "/api/ingest/text": {"text": "Russian drones struck Sumy on 1 December 2025, killing two people."},
    "/api/ingest/url": {"url": "http://127.0.0.1:9/never-fetched"},
}
BAD_AUTH: list[tuple[str, dict[str, str], dict[str, str]]] = [
    ("no header", {}, {}),
    ("wrong token", {"Authorization": "Bearer wrong"}, {}),
    ("a prefix of the token", {"Authorization": "Bearer " + TOKEN[:-1]}, {}),
    ("the token and more", {"Authorization": "Bearer " + TOKEN + "x"}, {}),
    ("an empty token", {"Authorization": "Bearer "}, {}),
    ("Basic scheme", {"Authorization": "Basic " + TOKEN}, {}),
    ("Token scheme", {"Authorization": "Token " + TOKEN}, {}),
    ("no scheme", {"Authorization": TOKEN}, {}),
    ("another header", {"X-API-Key": TOKEN, "X-Token": TOKEN}, {}),
    ("a cookie", {"Cookie": f"token={TOKEN}; Authorization=Bearer%20{TOKEN}"}, {}),
    ("query token", {}, {"token": TOKEN}),
    ("query access_token", {}, {"access_token": TOKEN}),
    ("query api_key", {}, {"api_key": TOKEN, "authorization": f"Bearer {TOKEN}"}),
]


def write_routes() -> set[str]:
    return {
        r.path  # type: ignore[attr-defined]
        for r in routes_api.router.routes
        if set(getattr(r, "methods", ()) or ()) & {"POST", "PUT", "PATCH", "DELETE"}
    }


def test_write_endpoints_refuse_anything_but_the_bearer_token(
    hostile: Hostile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every write route (found from the router, so a new one is checked too) refuses each
    wrong way of sending the token with 401, without echoing it; the comparison is
    ``hmac.compare_digest``; the right token in the header, any case of "Bearer", passes."""
    from peacewatch.web import security

    assert write_routes() == set(WRITE_BODIES)
    db = tmp_path / "copy.db"
    shutil.copy(hostile.db, db)
    compared: list[tuple[bytes, bytes]] = []
    constant_time = hmac.compare_digest

    def compare(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return constant_time(a, b)

    monkeypatch.setattr(security.hmac, "compare_digest", compare)
    refused = 0
    with TestClient(create_app(str(db), token=TOKEN)) as c:
        for path, body in WRITE_BODIES.items():
            for what, headers, params in BAD_AUTH:
                r = c.post(path, json=body, headers=headers, params=params)
                assert r.status_code == 401, (path, what, r.text)
                assert r.json()["code"] == "PW604" and r.headers["www-authenticate"] == "Bearer"
                assert TOKEN not in r.text
                refused += 1
            r = c.post(path, json=body, headers={"Authorization": b"Bearer t\xf6k\xe9n"})  # type: ignore[dict-item]
            assert r.status_code == 401, (path, "latin-1 token")
            refused += 1
            for good in ("Bearer " + TOKEN, "bEaReR " + TOKEN, "Bearer  " + TOKEN):  # RFC 7235: 1*SP
                r = c.post(path, json=body, headers={"Authorization": good})
                assert r.status_code in (200, 201, 422), (path, r.text)  # through the token check
                assert r.status_code != 422 or r.json()["code"] in ("PW211", "PW601")  # the SSRF guard
    assert len(compared) >= refused - 4 * len(WRITE_BODIES)  # every token sent went through the compare
    assert all(b == TOKEN.encode() for _, b in compared)
    record(
        "5-web",
        "tokens",
        write_routes=len(WRITE_BODIES),
        bad_token_cases=len(BAD_AUTH) + 1,
        refused_401=refused,
        constant_time_compares=len(compared),
    )


# --- URL ingest: the address guard ----------------------------------------------------------------------

PUBLIC = "93.184.216.34"
ZONE: dict[str, list[str]] = {  # what the injected resolver answers
    "news.example": [PUBLIC],
    "internal.example": ["10.1.2.3"],
    "mixed.example": [PUBLIC, "127.0.0.1"],  # one bad answer is enough to refuse
    "meta.example": ["169.254.169.254"],
    "meta6.example": ["fd00:ec2::254"],
    "mapped.example": ["::ffff:127.0.0.1"],
    "v6loop.example": ["::1"],
    "nat64.example": ["64:ff9b::a9fe:a9fe"],
    "metadata.google.internal": ["169.254.169.254"],
}
FORBIDDEN_URLS = [
    # literal addresses
    "http://127.0.0.1/",
    "http://127.255.0.9:8080/admin",
    "http://[::1]/",
    "http://10.0.0.1/",
    "http://172.16.5.4/",
    "http://192.168.0.1/",
    "http://100.64.0.1/",
    "http://0.0.0.0/",
    "http://[::]/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00:ec2::254]/latest/meta-data/",
    "http://[fe80::1]/",
    # the numeric forms inet_aton reads as addresses
    "http://2130706433/",
    "http://0x7f.1/",
    "http://0x7f000001/",
    "http://017700000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://0/",
    "http://2852039166/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    # IPv6 carrying IPv4
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[::ffff:169.254.169.254]/",
    "http://[::127.0.0.1]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:a9fe:a9fe::]/",
    # names
    "http://localhost/",
    "http://LOCALHOST./",
    "http://api.localhost/",
    "http://127.0.0.1./",
    "http://%31%32%37.0.0.1/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://metadata.google.internal./computeMetadata/v1/",
    # DNS names that resolve to forbidden addresses
    "http://internal.example/",
    "https://mixed.example/",
    "http://meta.example/latest/meta-data/",
    "http://meta6.example/",
    "http://mapped.example/",
    "http://v6loop.example/",
    "http://nat64.example/",
]
# httpx itself refuses to parse these (dotted parts with leading zeros): refused as invalid URLs
UNPARSEABLE = {"http://0177.0.0.1/"}
ARTICLE_PAGE = (
    b"<html><head><title>Drones hit Poltava</title></head><body><article><p>Russian drones struck Poltava "
    b"overnight on 2 December 2025, killing two people and wounding nine, the regional governor said.</p>"
    b"</article></body></html>"
)


@dataclasses.dataclass
class FakeWeb:
    """A resolver for ``ZONE`` and an HTTP transport that serves news.example, recording
    every host asked for and every request that reached the transport (i.e. was sent)."""

    asked: list[str] = dataclasses.field(default_factory=list)
    sent: list[str] = dataclasses.field(default_factory=list)

    def resolve(self, host: str, port: int) -> list[str]:
        self.asked.append(host)
        if host.rstrip(".").lower() not in ZONE:
            raise FetchError(f"cannot resolve host {host!r}: unknown in the test zone")
        return ZONE[host.rstrip(".").lower()]

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.sent.append(str(request.url))
        if request.url.host != "news.example":
            return httpx.Response(200, text="secret metadata", headers={"Content-Type": "text/plain"})
        if request.url.path.startswith("/to/"):  # /to/<n>: a redirect to FORBIDDEN_URLS[n]
            return httpx.Response(302, headers={"Location": FORBIDDEN_URLS[int(request.url.path[4:])]})
        return httpx.Response(200, content=ARTICLE_PAGE, headers={"Content-Type": "text/html; charset=utf-8"})

    def fetcher(self) -> Fetcher:
        return Fetcher(Options(), transport=httpx.MockTransport(self.handle), resolver=self.resolve)

    def leaked(self) -> list[str]:
        return [u for u in self.sent if httpx.URL(u).host != "news.example"]


@pytest.fixture
def fake_web(monkeypatch: pytest.MonkeyPatch) -> FakeWeb:
    """Every Fetcher made in this test (by ``api.ingest`` behind the REST API too) uses the fake."""
    web = FakeWeb()
    made = Fetcher.__init__

    def init(self: Fetcher, options: Options = DEFAULT_OPTIONS, **_: Any) -> None:
        made(self, options, transport=httpx.MockTransport(web.handle), resolver=web.resolve)

    monkeypatch.setattr(fetch_module.Fetcher, "__init__", init)
    return web


def test_url_ingest_refuses_private_addresses_in_every_form(fake_web: FakeWeb) -> None:
    """The library: each forbidden URL, given directly and as the target of a redirect from a
    public page, is refused with ForbiddenAddress before anything is sent to it; numeric
    hosts are addresses (the resolver is never asked about them); a public page still loads."""
    refused = 0
    with fake_web.fetcher() as fetcher:
        assert fetcher.fetch("http://news.example/story").body == ARTICLE_PAGE  # the guard lets this through
        for i, url in enumerate(FORBIDDEN_URLS):
            for start in (url, f"http://news.example/to/{i}"):
                with pytest.raises(FetchError if url in UNPARSEABLE else ForbiddenAddress):
                    fetcher.fetch(start)
                refused += 1
    assert fake_web.leaked() == [], "a request was sent to a forbidden address"
    hosts = {httpx.URL(u).host for u in FORBIDDEN_URLS if u not in UNPARSEABLE}
    numeric = {h for h in hosts if fetch_module.numeric_ipv4(h)}
    assert len(numeric) >= 9 and not numeric & set(fake_web.asked), "a numeric host was resolved as a name"
    with pytest.raises(ForbiddenAddress):  # refused by name whatever the resolver says
        check_host(httpx.URL("http://metadata.google.internal/"), Options(), lambda h, p: [PUBLIC])
    record(
        "5-web", "ssrf-library", forbidden_urls=len(FORBIDDEN_URLS), cases_refused=refused, requests_leaked=0
    )


def test_url_ingest_through_the_rest_api_refuses_them_too(
    hostile: Hostile, tmp_path: Path, fake_web: FakeWeb
) -> None:
    """POST /api/ingest/url with a valid token: the same URLs and redirects are refused (422,
    PW211), nothing is sent to them, nothing is stored; a public page is ingested."""
    db = tmp_path / "copy.db"
    shutil.copy(hostile.db, db)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    refused = 0
    with TestClient(create_app(str(db), token=TOKEN)) as c:
        before = c.get("/api/stats").json()["articles"]
        for i, url in enumerate(FORBIDDEN_URLS):
            for start in (url, f"http://news.example/to/{i}"):
                r = c.post("/api/ingest/url", json={"url": start}, headers=auth)
                assert r.status_code == 422, (start, r.text)
                assert r.json()["code"] == ("PW210" if url in UNPARSEABLE else "PW211"), (start, r.json())
                refused += 1
        assert c.get("/api/stats").json()["articles"] == before
        ok = c.post("/api/ingest/url", json={"url": "http://news.example/story"}, headers=auth)
        assert ok.status_code == 200 and ok.json()["summary"]["added"] == 1, ok.text
    assert fake_web.leaked() == []
    record("5-web", "ssrf-rest", forbidden_urls=len(FORBIDDEN_URLS), cases_refused=refused, requests_leaked=0)


# --- request bodies are capped as they arrive ------------------------------------------------------------


def _stream_body(base: str, path: str, headers: dict[str, str], limit: int) -> tuple[int, int, float, bytes]:
    """POST an endless chunked body (no Content-Length) until the server answers or ``limit``
    bytes are sent. Returns (status, bytes sent, seconds, response head)."""
    port = httpx.URL(base).port or 80
    head = f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items()) + "Transfer-Encoding: chunked\r\n\r\n"
    chunk = b'{"text": "' + b"a" * 65_000
    frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    sent = 0
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(head.encode())
        while sent < limit:
            readable, _, _ = select.select([s], [], [], 0)
            if readable:
                break
            try:
                s.sendall(frame)
            except OSError:  # the server closed the connection after answering
                break
            sent += len(chunk)
        data = b""
        while b"\r\n\r\n" not in data:
            got = s.recv(65536)
            if not got:
                break
            data += got
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else 0
    return status, sent, time.monotonic() - started, data


def test_request_bodies_are_capped_as_they_arrive(served: str, hostile: Hostile, tmp_path: Path) -> None:
    """A body declared over the cap is refused before it is read; an endless chunked body is
    refused (413, PW205) once it passes the cap, token or not, long before it ends; bodies
    under the cap still go through, and a malformed one is a 4xx, never a 5xx."""
    limit = scale(200, 1000) * 1024 * 1024  # what the client would send if never stopped
    statuses: dict[str, int] = {}
    sent_bytes: dict[str, int] = {}
    for name, path, headers in (
        ("ingest/text with token", "/api/ingest/text", {"Authorization": f"Bearer {TOKEN}"}),
        ("ingest/text without token", "/api/ingest/text", {}),
        ("commitments with token", "/api/commitments", {"Authorization": f"Bearer {TOKEN}"}),
        ("ingest/url with token", "/api/ingest/url", {"Authorization": f"Bearer {TOKEN}"}),
    ):
        status, sent, seconds, head = _stream_body(served, path, headers, limit)
        # without the token the write is refused (401) before its body is read (web.security.WriteGuard)
        assert status == (413 if headers else 401), (name, head[:200])
        assert sent < MAX_BODY_BYTES + 16 * 1024 * 1024, f"{name}: {sent:,} bytes read before refusing"
        assert seconds < 30, f"{name}: {seconds:.1f} s"
        assert (b"PW205" if headers else b"PW604") in head or b"application/problem+json" in head
        statuses[name], sent_bytes[name] = status, sent
    port = httpx.URL(served).port
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:  # declared too big: refused unread
        s.sendall(
            f"POST /api/ingest/text HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAuthorization: Bearer {TOKEN}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {10 * 2**30}\r\n\r\n".encode()
        )
        answer = b""
        while chunk := s.recv(65536):  # no body byte sent: the answer must not wait for one
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 413") and b"PW205" in answer, answer[:200]
    statuses["declared 10 GiB, nothing sent"] = 413
    small = create_app(hostile.db, token=TOKEN, max_body_bytes=4096)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(small) as c:
        ok = c.post(
            "/api/commitments",
            json={"name": "x" * 200, "scope": "ports", "start": "2025-12-01"},
            headers=auth,
        )
        assert ok.status_code == 201, ok.text
        big = c.post("/api/ingest/text", json={"text": "x" * 5000}, headers=auth)
        assert big.status_code == 413 and big.json()["code"] == "PW205"
        for body in (b"[" * 4000, b'{"text": ' * 400, b"\xff\xfe" * 1000, b'{"text": "\\ud800"}'):
            r = c.post("/api/ingest/text", content=body, headers={**auth, "Content-Type": "application/json"})
            assert 400 <= r.status_code < 500, (body[:20], r.status_code, r.text)
    record(
        "5-web",
        "body-cap",
        cap_bytes=MAX_BODY_BYTES,
        client_would_send_bytes=limit,
        status_codes=statuses,
        bytes_sent_before_413=sent_bytes,
    )


# --- schemathesis, the write endpoints included ----------------------------------------------------------

# schemathesis reads the schema when the module is collected, so the app (and the path of its
# database) exist from import on; the database is built by the first test that needs it.
SCHEMA_DIR = Path(tempfile.mkdtemp(prefix="peacewatch-reliability-web-"))
atexit.register(shutil.rmtree, SCHEMA_DIR, ignore_errors=True)
SCHEMA_APP = create_app(str(SCHEMA_DIR / "schema.db"), token=TOKEN)
schema = schemathesis.openapi.from_asgi("/openapi.json", SCHEMA_APP)
CASES: Counter[str] = Counter()  # operation → cases run, for the figures
STATUSES: Counter[str] = Counter()  # "POST 201" → cases


@pytest.fixture(scope="module")
def schema_db() -> Path:
    """The demo corpus and the hostile articles, for the schema's app to read and write."""
    db = SCHEMA_DIR / "schema.db"
    api.demo(str(db))
    corpus = SCHEMA_DIR / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in hostile_records()), encoding="utf-8")
    api.ingest([str(corpus)], str(db))
    return db


@schema.parametrize()
@settings(max_examples=scale(6, 60), deadline=None, suppress_health_check=list(HealthCheck))
def test_schemathesis_with_a_valid_token_finds_no_server_error(
    case: Any, schema_db: Path, fake_web: FakeWeb
) -> None:
    """Every operation, writes with the token (URL ingest goes to the fake web: no network)."""
    CASES[f"{case.method} {case.path}"] += 1
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {TOKEN}"}  # over any it generated
    response = case.call_and_validate(checks=[not_a_server_error])
    STATUSES[f"{case.method} {response.status_code}"] += 1
    assert response.status_code != 401, "the valid token was refused"
    assert fake_web.leaked() == []


def test_schemathesis_figures() -> None:
    """Record how many cases ran (after the schemathesis tests above, in file order)."""
    if not CASES:
        pytest.skip("the schemathesis tests did not run in this session")
    posts = {k: v for k, v in CASES.items() if k.startswith("POST ")}
    record(
        "5-web",
        "schemathesis",
        method_path_pairs=len(CASES),  # documented ones and the methods each path must refuse
        cases=sum(CASES.values()),
        post_cases_with_token=sum(posts.values()),
        statuses=dict(sorted(STATUSES.items())),
        server_errors=0,
    )
