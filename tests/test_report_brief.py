"""The daily brief (``peacewatch brief``): what a day's sources say, every figure cited.

On the four seed articles (with the Air Force series imported, so the cross-check has
verdicts) and on the demo corpus: the acceptance (the PDF of 2025-11-25 on the seeds
carries a citation on each figure, read back with pdftotext or pypdf), the day rule,
the escaping of hostile article text, the chart and map, and the PDF fetcher that
reads nothing from the network.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

import peacewatch.cli.report  # noqa: F401  (registers brief and export)
from peacewatch import api, report
from peacewatch.cli import app
from peacewatch.report import html as report_html
from peacewatch.report import mapsvg
from peacewatch.report.daily import build_brief
from peacewatch.report.model import Brief

pytestmark = pytest.mark.usefixtures("isolated_env")

DAY = dt.date(2025, 11, 25)
HOSTILE = {
    "id": "hostile-1",
    "title": "Drones hit Kharkiv <script>alert('t')</script>",
    "published": "2025-11-25",
    "source": "<img src=x onerror=alert(1)>Evil Wire",
    "url": "javascript:alert(1)",
    "text": (
        "Drones hit Kharkiv <script>alert('t')</script>\n\nRussian drones struck Kharkiv overnight, killing four "
        "people and wounding 17 <script>alert('x')</script> [click](javascript:alert(2)), the mayor said on "
        "25 November 2025. Air defences shot down 31 of the 40 drones."
    ),
}


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    shared = Path(__file__).resolve().parents[1].parent / "shared"
    seeds = shared / "eval" / "dev" / "seeds.articles.jsonl"
    if not seeds.is_file():
        pytest.skip(f"the shared seeds are absent ({seeds})")
    db = str(tmp_path_factory.mktemp("seeds") / "seeds.db")
    api.ingest([str(seeds)], db=db)
    series = shared / "data" / "airforce" / "missile_attacks_daily.csv"
    if series.is_file():
        api.crosscheck(series, db)
    return db


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("demo") / "demo.db")
    api.demo(db)
    return db


def squash(text: str) -> str:
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    """The PDF's text, by pdftotext (poppler-utils) or else pypdf."""
    if shutil.which("pdftotext"):
        return subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
    pypdf = pytest.importorskip("pypdf", reason="neither pdftotext (poppler-utils) nor pypdf is installed")
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(str(path)).pages)


def marks(numbers: tuple[int, ...]) -> str:
    return "".join(f"[{n}]" for n in numbers)


# --- the acceptance --------------------------------------------------------------------------------


def test_pdf_brief_of_the_seeds_cites_every_figure(runner: CliRunner, seeds_db: str, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="the PDF brief needs WeasyPrint")
    out = tmp_path / "brief.pdf"
    result = run(runner, "brief", "--date", "2025-11-25", "--format", "pdf", "-o", str(out), "--db", seeds_db)
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    text = squash(pdf_text(out))

    b = build_brief(seeds_db, DAY)
    # the night of 24–25 November: Kyiv (7 killed, 48 missiles, 470 drones) and Rostov (3 killed)
    figures = {(f.name, f.best) for f in b.figures}
    assert {("killed", 7), ("injured", 20), ("missile.launched", 48), ("drone.launched", 470)} <= figures
    assert ("killed", 3) in figures
    for f in b.figures:
        assert f.citations, f"{f.label} has no source"
        line = f"{f.label}: {f.value} {marks(f.citations)}"
        assert line in text, f"figure line not in the PDF: {line!r}"
    # the map (with its labels) and the chart are in the PDF, drawn as vectors
    assert "Kyiv (7 killed)" in text and "Missiles and drones launched" in text
    if shutil.which("pdftoppm"):  # and page 1 rasterises, as a reader would see it
        subprocess.run(
            ["pdftoppm", "-png", "-r", "30", "-f", "1", "-l", "1", str(out), str(tmp_path / "page")],
            check=True,
        )
        (png,) = tmp_path.glob("page*.png")
        assert png.stat().st_size > 5_000
    # each cited number leads to its source sentence in the reference list
    sources = text[text.rindex("Sources") :]
    for c in b.citations:
        assert c.source in sources
        assert squash(c.quote or "")[:50] in sources
    # cross-check verdicts, each figure cited (news and official)
    if b.verdicts:
        assert "differs" in text and "consistent" in text
        for v in b.verdicts:
            assert v.citations and v.official_citations
            assert f"news {v.news} {marks(v.citations)}" in text


def test_every_figure_and_fact_is_cited(seeds_db: str, demo_db: str) -> None:
    for db in (seeds_db, demo_db):
        b = build_brief(db, DAY)
        numbers = {c.n for c in b.citations}
        assert sorted(numbers) == list(range(1, len(numbers) + 1))
        assert b.facts
        for fact in b.facts:
            assert fact.citations and set(fact.citations) <= numbers, fact
            assert re.fullmatch(r"\d{4}-\d\d-\d\d(T[\d:+.Z-]+)?", fact.timestamp), fact.timestamp
        for it in b.attacks + b.talks + b.proposals + b.reported:
            assert it.citations and set(it.citations) <= numbers
        for f in b.figures:
            assert f.citations and set(f.citations) <= numbers
        json.dumps(b.to_dict())  # the model is JSON-ready


def test_markdown_brief(runner: CliRunner, seeds_db: str) -> None:
    result = run(runner, "brief", "--date", "2025-11-25", "--db", seeds_db)
    assert result.exit_code == 0, result.stderr
    md = result.stdout
    assert md.startswith("# Daily brief — 2025-11-25")
    for heading in (
        "## Attacks",
        "## Talks",
        "## Commitments",
        "## Disagreements between sources",
        "## Facts",
        "## Sources",
    ):
        assert heading in md
    b = build_brief(seeds_db, DAY)
    for f in b.figures:
        assert f"- {f.label}: {f.value} {marks(f.citations)}" in md
    assert "Talks in Abu Dhabi" in md and "round: 2" in md and "status: held" in md
    # the atomic facts: one line each, timestamp first, sources last
    facts = [line for line in md.splitlines() if line.startswith("- `20")]
    assert len(facts) == len(b.facts)
    assert all(re.search(r"(\[\d+\])+$", line) for line in facts)


def test_overnight_attack_counts_on_the_morning_it_ended(seeds_db: str) -> None:
    on_25 = build_brief(seeds_db, DAY)
    on_24 = build_brief(seeds_db, DAY - dt.timedelta(days=1))
    assert any(it.title.startswith("Kyiv") for it in on_25.attacks)
    assert not any(it.title.startswith("Kyiv") for it in on_24.attacks + on_24.reported)
    assert on_25.attacks[0].title.startswith("Kyiv")  # the deadliest first
    # reported on the 25th but dated otherwise: listed apart, with its own date
    geneva = next(it for it in on_25.reported if it.title.startswith("Talks in Geneva"))
    assert geneva.when == "2025-11-23 – 2025-11-24"


def test_demo_brief_shows_the_dispute_and_the_superseded_toll(demo_db: str) -> None:
    b = build_brief(demo_db, DAY)
    kyiv = next(it for it in b.attacks if it.title.startswith("Kyiv"))
    killed = next(f for f in kyiv.figures if f.name == "killed")
    assert killed.best == 7 and killed.superseded  # "six dead earlier in the day", still cited
    assert any(d.label == "missiles launched" for d in b.disputes)
    dispute = next(d for d in b.disputes if d.label == "missiles launched")
    assert {c.figure for c in dispute.competing} == {"22", "about 48"}
    assert all(c.citations for c in dispute.competing)
    md = report.brief(demo_db, DAY, "md")
    assert "missiles launched: 22 (Black Sea Wire) [" in md


def test_commitment_and_possible_violation(demo_db: str) -> None:
    b = build_brief(demo_db, dt.date(2026, 2, 3))
    (c,) = b.commitments
    assert c.status == "possibly violated" and c.bound == "Russia" and c.citations
    # the overnight barrage of 2–3 February on energy targets, during the energy pause
    (v,) = c.violations
    assert v.attributed and v.when == "2026-02-02 – 2026-02-03" and v.citations
    assert any("possible violation" in f.text for f in b.facts)


def test_html_brief_has_chart_map_and_links(runner: CliRunner, demo_db: str) -> None:
    result = run(runner, "brief", "--date", "2025-11-25", "--format", "html", "--db", demo_db)
    assert result.exit_code == 0, result.stderr
    page = result.stdout
    assert page.count("<svg") == 2  # the map and the chart, inline
    assert "Missiles and drones launched" in page and "Killed and injured" in page
    assert "Kyiv (7 killed)" in page and "<circle" in page
    assert 'href="#src-1"' in page and 'id="src-1"' in page
    assert 'href="https://blacksea-wire.example/' in page
    # self-contained: nothing for a browser or WeasyPrint to fetch
    assert not re.search(r"<(script|link|img|iframe)\b", page)
    assert not re.search(r"""\bsrc=""", page)  # links to sources are <a href>, never fetched


def test_hostile_article_text_is_escaped(tmp_path: Path) -> None:
    src = tmp_path / "hostile.jsonl"
    src.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = str(tmp_path / "hostile.db")
    api.ingest([str(src)], db=db)
    b = build_brief(db, DAY)
    assert any("<script>" in (c.quote or "") for c in b.citations), "the quote should carry the hostile text"

    md = report.brief(db, DAY, "md")
    assert isinstance(md, str)
    assert "<script" not in md.lower() and "<img" not in md
    assert "&lt;script&gt;" in md and "&lt;img src=x" in md
    assert not re.search(r"(?<!\\)\]\(", md)  # no Markdown link: every "[" and "]" is escaped
    assert "<javascript:" not in md and "\\[click\\](javascript:alert(2))" in md

    page = report.brief(db, DAY, "html")
    assert isinstance(page, str)
    assert "<script" not in page.lower() and "<img" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;Evil Wire" in page
    assert not re.search(r"href=[\"']?\s*javascript:", page, re.I)


# --- the PDF reads nothing from the network --------------------------------------------------------


def test_pdf_fetcher_refuses_remote_urls(http_server: object, tmp_path: Path) -> None:
    pytest.importorskip("weasyprint", reason="the PDF brief needs WeasyPrint")
    url = http_server.route("/x.png", body=b"\x89PNG", content_type="image/png")  # type: ignore[attr-defined]
    outside = tmp_path / "outside.css"
    outside.write_text("body { color: red }", encoding="utf-8")
    page = (
        f'<html><head><link rel="stylesheet" href="{outside.as_uri()}"></head>'
        f'<body><p>x</p><img src="{url}"><img src="//127.0.0.1:9/y.png"></body></html>'
    )
    pdf = report_html.render_pdf(page)
    assert pdf.startswith(b"%PDF-")
    assert http_server.requests == []  # type: ignore[attr-defined]
    for bad in (url, "https://example.org/a.png", outside.as_uri(), "ftp://example.org/x"):
        with pytest.raises(ValueError):
            report_html.check_local(bad)
    assert report_html.check_local("data:image/png;base64,AAAA").startswith("data:")
    assert report_html.check_local((report_html.PACKAGE_DIR / "py.typed").as_uri())


# --- chart and map ----------------------------------------------------------------------------------


def test_chart_and_map_svg(demo_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from peacewatch.report.chart import daily_chart

    b: Brief = build_brief(demo_db, DAY)
    assert len(b.daily) == 15 and b.daily[7].day == DAY
    day = b.daily[7]
    assert (day.missiles, day.drones, day.killed, day.injured) == (22, 464, 10, 36)
    chart = daily_chart(b.daily, b.date)
    assert chart.startswith("<svg") and chart.endswith("</svg>") and ">464<" in chart

    svg = mapsvg.attack_map(b.points)
    if mapsvg.countries():
        assert "Outlines: Natural Earth" in svg and svg.count("<path") > 5
    labels = {p.label for p in b.points}
    assert labels == {"Kyiv", "Rostov Oblast"}
    # without the basemap the dots stand on a grid, and the map says so
    monkeypatch.setattr(mapsvg, "countries", lambda: ())
    bare = mapsvg.attack_map(b.points)
    assert "No basemap installed" in bare and bare.count("<circle") >= 2
    assert "No attack of this day" in mapsvg.attack_map([])


def test_crimea_is_drawn_in_ukraine() -> None:
    from peacewatch.report import basemap

    shapes = {c.name: c for c in basemap.countries()}
    if not shapes:
        pytest.skip("no basemap installed under peacewatch/data/basemap")

    def has_crimea(c: basemap.Country) -> bool:
        return any(
            all(32 <= lon <= 37 and 44 <= lat <= 46.35 for lon, lat in r) and len(r) > 20 for r in c.rings
        )

    assert has_crimea(shapes["Ukraine"]) and not has_crimea(shapes["Russia"])


# --- usage errors ------------------------------------------------------------------------------------


def test_brief_usage_errors(runner: CliRunner, seeds_db: str, tmp_path: Path) -> None:
    bad_date = run(runner, "brief", "--date", "25/11/2025", "--db", seeds_db)
    assert bad_date.exit_code == 2 and "--date" in bad_date.stderr
    bad_format = run(runner, "brief", "--date", "2025-11-25", "--format", "docx", "--db", seeds_db)
    assert bad_format.exit_code == 2
    missing = run(runner, "brief", "--date", "2025-11-25", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 4 and not (tmp_path / "none.db").exists()
