"""The daily brief as one self-contained HTML page (Jinja2), and as PDF (WeasyPrint).

The page carries its CSS, chart and map inline, so it opens offline and WeasyPrint
needs to fetch nothing; its fetcher refuses anything but ``data:`` URLs and files in
the package anyway (a remote URL would otherwise be fetched, or silently dropped).
Jinja2 autoescaping is on: article text cannot inject markup.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from peacewatch import __version__
from peacewatch.report.chart import daily_chart
from peacewatch.report.escape import link_url
from peacewatch.report.mapsvg import attack_map
from peacewatch.report.markdown import summary
from peacewatch.report.model import Brief

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # peacewatch/: templates, basemap


@functools.cache
def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("peacewatch.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["link"] = link_url
    return env


def render_html(b: Brief) -> str:
    """The brief as an HTML page, chart and map inline as SVG."""
    # both SVGs are written by our own code with every text node escaped (report.svg)
    return (
        _env()
        .get_template("brief.html")
        .render(
            b=b,
            version=__version__,
            summary=summary(b),
            map_svg=Markup(attack_map(b.points, f"Attacks of {b.date.isoformat()}")),
            chart_svg=Markup(daily_chart(b.daily, b.date)),
        )
    )


def render_pdf(html: str) -> bytes:
    """The HTML page printed to PDF by WeasyPrint, fetching nothing from the network."""
    import weasyprint  # imported here: ~0.5 s, and only the PDF needs it

    class LocalFetcher(weasyprint.URLFetcher):  # type: ignore[misc]
        """Only ``data:`` URLs and files inside the peacewatch package."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            return super().fetch(check_local(url), headers)

    fetcher = LocalFetcher(allowed_protocols=("data", "file"), allow_redirects=False, timeout=2)
    doc = weasyprint.HTML(string=html, base_url=PACKAGE_DIR.as_uri() + "/", url_fetcher=fetcher)
    return bytes(doc.write_pdf())


def check_local(url: str) -> str:
    """The URL when it is a ``data:`` URL or a file under the package; ValueError otherwise."""
    scheme = url.split(":", 1)[0].lower()
    if scheme == "data":
        return url
    if scheme == "file":
        path = Path(url2pathname(urlsplit(url).path)).resolve()
        if path.is_relative_to(PACKAGE_DIR):
            return url
    raise ValueError(f"refused to fetch {url!r}: the brief only reads local package files")
