"""Report: canonical events → daily briefs and data exports.

Consumes the canonical events of a store (``peacewatch.api.canonical`` and the
analyses built on them); produces files for people and for other tools:

- ``brief(db, date, fmt)``: what the sources say happened on one day, every figure
  cited to its source sentence, as Markdown, HTML (chart and map inline) or PDF
  (``daily`` gathers, ``markdown``/``html`` render, ``chart``/``mapsvg`` draw);
- ``export(db, fmt, path, filters)``: ACLED-style CSV (``acled``), GeoJSON
  (``geojson``) or Parquet with the full record (``parquet``).
"""

from __future__ import annotations

import datetime as dt

from peacewatch.errors import PeacewatchError, UsageError
from peacewatch.report.daily import build_brief
from peacewatch.report.exports import EXPORT_FORMATS, ExportFilters, export
from peacewatch.report.model import Brief
from peacewatch.store import Store

BRIEF_FORMATS: tuple[str, ...] = ("md", "html", "pdf")

__all__ = ["BRIEF_FORMATS", "EXPORT_FORMATS", "Brief", "ExportFilters", "brief", "build_brief", "export"]


def brief(db: str | Store | None, date: dt.date | str, fmt: str = "md") -> str | bytes:
    """The daily brief of ``date`` as Markdown or HTML text, or PDF bytes."""
    if fmt not in BRIEF_FORMATS:
        raise UsageError(f"--format must be md, html or pdf, not {fmt!r}")
    if isinstance(date, str):
        try:
            date = dt.date.fromisoformat(date)
        except ValueError:
            raise UsageError(f"--date takes an ISO date (YYYY-MM-DD), not {date!r}") from None
    b = build_brief(db, date)
    if fmt == "md":
        from peacewatch.report.markdown import render_markdown

        return render_markdown(b)
    from peacewatch.report.html import render_html, render_pdf

    page = render_html(b)
    if fmt == "html":
        return page
    try:
        return render_pdf(page)
    except ImportError as exc:  # WeasyPrint is an optional dependency
        raise PeacewatchError(f"the PDF brief needs WeasyPrint (pip install weasyprint): {exc}") from exc
