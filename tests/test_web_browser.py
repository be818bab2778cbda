"""The web UI in a real browser: Debian's chromium driven by Playwright, against uvicorn on a free
loopback port serving the demo database (plus one hostile article).

Every test fails if the page asks for anything that is not on this server, or logs an error
(a Content-Security-Policy violation is one). Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CHROMIUM, CHROMIUM_FLAGS, serve_app
from peacewatch import api
from peacewatch.web import create_app

if not CHROMIUM.exists():
    pytest.skip(
        f"chromium is not installed at {CHROMIUM} (apt-get install -y chromium)", allow_module_level=True
    )
playwright = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
SCRIPT = "<script>window.__pwned = 1</script>"
HOSTILE = {
    "id": "hostile-1",
    "title": f"{SCRIPT} Drones hit Sumy",
    "published": "2025-11-28",
    "source": "<img src=x onerror=window.__pwned=2>Evil Wire",
    "url": "javascript:window.__pwned=3",
    "text": (
        f"{SCRIPT} Russian drones struck Sumy overnight on 27 November 2025, killing three people and "
        "wounding 12, the regional governor said. Air defences shot down 20 of the 35 drones."
    ),
}


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """uvicorn in a thread, serving the demo corpus and the hostile article."""
    folder = tmp_path_factory.mktemp("web-browser")
    db = str(folder / "demo.db")
    api.demo(db)
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    assert api.ingest([str(hostile)], db).added == 1
    with serve_app(create_app(db, token="")) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            yield b
        finally:
            b.close()


class Watched:
    """A page whose every request and console error is recorded; outside requests are aborted."""

    def __init__(self, browser: Any, base: str, width: int, height: int) -> None:
        self.base = base
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.base + "/") or url.startswith(("data:", "about:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def go(self, path: str) -> Any:
        self.page.goto(self.base + path)
        return self.page

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser: Any, base_url: str) -> Iterator[Watched]:
    w = Watched(browser, base_url, 1280, 900)
    yield w
    w.context.close()
    assert w.outside == [], f"requests left localhost: {w.outside}"
    assert w.errors == [], f"the page logged errors: {w.errors}"
    assert w.dialogs == [], f"a script opened a dialog: {w.dialogs}"


def wait_for_map(page: Any) -> int:
    page.wait_for_selector("#map[data-basemap='loaded'][data-markers]")
    return int(page.get_attribute("#map", "data-markers"))


def test_map_shows_every_located_attack(watched: Watched) -> None:
    page = watched.go("/")
    expected = len(json.loads(page.text_content("#map-data")))
    assert expected >= 8  # the demo's seven attacks and the hostile article's
    assert wait_for_map(page) == expected
    assert page.locator("path.pw-marker").count() == expected
    assert page.locator(".leaflet-overlay-pane path, .leaflet-pane path").count() > expected  # outlines drawn
    watched.shot("map")
    page.locator("path.pw-marker").first.click(force=True)
    popup = page.locator(".leaflet-popup-content .pw-popup")
    popup.wait_for()
    assert "event page" in popup.inner_text()


def test_a_filter_narrows_the_results_and_stays_in_the_url(watched: Watched) -> None:
    page = watched.go("/")
    wait_for_map(page)
    everything = page.locator("table#events tbody tr").count()
    page.fill("input[name=place]", "Kharkiv")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?place=Kharkiv")  # empty fields are left out of the URL
    assert wait_for_map(page) == 1
    rows = page.locator("table#events tbody tr")
    assert 0 < rows.count() < everything
    assert "Kharkiv" in rows.first.inner_text()
    assert page.input_value("input[name=place]") == "Kharkiv"
    watched.shot("filtered")
    page.goto(page.url)  # the URL alone reproduces the view
    assert page.locator("table#events tbody tr").count() == rows.count()


def test_event_page_lists_every_source_with_its_quote(watched: Watched) -> None:
    page = watched.go("/?place=Kyiv&kind=attack")
    page.locator("table#events tbody a").first.click()
    page.wait_for_selector("ol#sources")
    sources = page.locator("li.source")
    assert sources.count() == 3
    for i in range(3):
        assert sources.nth(i).locator("blockquote mark").inner_text().strip()
    assert "Sources disagree on missiles launched" in page.inner_text("ul.disagreements")
    watched.shot("event")


def test_timeline_and_charts_render(watched: Watched) -> None:
    page = watched.go("/timeline")
    chart = page.locator("#timeline svg.svgchart")
    assert chart.locator("circle.strike").count() >= 7
    assert chart.locator("rect.talks").count() >= 3
    assert chart.locator("rect.commitment").count() >= 1
    assert chart.locator("rect.violation").count() >= 1
    assert chart.bounding_box()["width"] > 600
    watched.shot("timeline")
    page = watched.go("/charts?since=2025-11-15&until=2025-12-05")
    assert page.locator("#charts svg.svgchart").count() == 2
    assert page.locator("#charts svg rect[fill]").count() >= 4
    watched.shot("charts")


def test_a_hostile_article_shows_as_text_and_never_runs(watched: Watched) -> None:
    page = watched.go("/?q=sumy")
    assert wait_for_map(page) == 1
    page.locator("table#events tbody a").first.click()
    page.wait_for_selector("ol#sources")
    text = page.inner_text("ol#sources")
    assert SCRIPT in text and "<img src=x onerror=window.__pwned=2>Evil Wire" in text
    assert page.locator("a[href^='javascript:']").count() == 0
    watched.shot("hostile-event")
    page.locator("ol#sources a", has_text="stored text").first.click()
    page.wait_for_selector(".article-text")
    assert SCRIPT in page.inner_text("h1") and SCRIPT in page.inner_text(".article-text")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    watched.shot("hostile-article")


def test_phone_width(browser: Any, base_url: str) -> None:
    w = Watched(browser, base_url, 390, 844)
    try:
        page = w.go("/")
        assert wait_for_map(page) >= 8
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.locator("#map").bounding_box()["width"] > 300
        w.shot("phone-map")
        page = w.go(
            "/events/" + page.locator("table#events tbody a").first.get_attribute("href").split("/")[-1]
        )
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        w.shot("phone-event")
    finally:
        w.context.close()
    assert w.outside == [] and w.errors == []


def test_api_docs_work_offline(watched: Watched) -> None:
    page = watched.go("/docs")
    page.wait_for_selector(".swagger-ui .opblock")
    assert page.locator(".swagger-ui .opblock").count() >= 15
    watched.shot("api-docs")
