"""Reconcile, timeline, commitments, plans and crosscheck through the doors users use:
the library on a real database, and the CLI in-process."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from peacewatch import CanonicalEvent, api
from peacewatch.cli import app
from peacewatch.store import open_store

pytestmark = pytest.mark.usefixtures("isolated_env")


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False)


def comparable(events: list[CanonicalEvent]) -> list[dict[str, Any]]:
    """Canonical events without the database row ids, which depend on ingest order."""
    out = []
    for e in events:
        d = e.to_dict()
        for m in d["mentions"]:
            m.pop("event_id")
        out.append(d)
    return out


def demo_reversed(tmp_path: Path) -> list[str]:
    """The demo corpus, sources in the opposite order and JSONL lines reversed (the pages keep
    their paths: a page's id is its path)."""
    jsonl, pages, feed = api.demo_sources()
    lines = Path(jsonl).read_text(encoding="utf-8").splitlines()
    rev = tmp_path / "reversed" / "articles.jsonl"
    rev.parent.mkdir()
    rev.write_text("\n".join(reversed(lines)) + "\n", encoding="utf-8")
    return [feed, pages, str(rev)]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    report = api.demo(str(db))
    assert report.added == 12 and report.reconciled is not None
    return db


# --- reconcile ----------------------------------------------------------------------------------


def test_demo_events_reported_by_several_sources_are_one_event_with_the_dispute_flagged(
    demo_db: Path,
) -> None:
    attacks = api.canonical(str(demo_db), kind="attack")
    kyiv = [e for e in attacks if any(p.name == "Kyiv" for p in e.places)]
    assert len(kyiv) == 1, [e.id for e in kyiv]
    (k,) = kyiv
    assert {"Black Sea Wire", "Kyiv Ledger"} <= set(k.sources)
    missiles = k.figure("missile.launched")
    assert missiles is not None and missiles.disputed
    competing = {c["figure"]: c["sources"] for c in missiles.competing}
    assert competing == {"22": ["Black Sea Wire"], "about 48": ["Kyiv Ledger"]}
    ternopil = [e for e in attacks if any(p.name == "Ternopil" for p in e.places)]
    assert len(ternopil) == 1 and set(ternopil[0].sources) == {"Carpathian Courier", "Kyiv Ledger"}
    killed = ternopil[0].figure("killed")
    assert killed is not None and killed.best == 30
    assert any(r.superseded_by for r in killed.reports)  # the first count of 25, kept and marked
    talks = [e for e in api.canonical(str(demo_db), kind="talks") if e.venue and e.venue.name == "Geneva"]
    assert len(talks) == 1 and len(talks[0].sources) >= 3


def test_stored_canonical_events_match_the_computed_ones(demo_db: Path) -> None:
    with open_store(demo_db) as store:
        stored = {c.id: c for c in store.canonical_events()}
        membership = store.canonical_membership()
        n_events = len(store.events())
    computed = api.canonical(str(demo_db))
    assert set(stored) == {e.id for e in computed}
    assert len(membership) == n_events  # every stored event belongs to one canonical event
    for e in computed:
        assert stored[e.id].data == e.to_dict()
        assert set(stored[e.id].event_ids) == {m.event_id for m in e.mentions}


def test_reconcile_again_changes_nothing(demo_db: Path) -> None:
    with open_store(demo_db) as store:
        history = len(store.figure_history())
    report = api.reconcile(str(demo_db))
    assert (len(report.created), len(report.updated), len(report.removed), report.figure_changes) == (
        0,
        0,
        0,
        0,
    )
    assert report.unchanged == report.events
    with open_store(demo_db) as store:
        assert len(store.figure_history()) == history


def test_any_ingest_order_gives_the_same_canonical_events(demo_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    api.ingest(demo_reversed(tmp_path), str(other))
    assert comparable(api.canonical(str(other))) == comparable(api.canonical(str(demo_db)))
    with open_store(other) as a, open_store(demo_db) as b:
        assert {c.id: c.content_hash for c in a.canonical_events()}.keys() == {
            c.id for c in b.canonical_events()
        }


def test_one_article_at_a_time_gives_the_same_events_and_touches_only_its_clusters(
    demo_db: Path, tmp_path: Path
) -> None:
    jsonl = Path(api.demo_sources()[0])
    lines = jsonl.read_text(encoding="utf-8").splitlines()
    db = str(tmp_path / "one-by-one.db")
    for i, line in enumerate(lines):
        f = tmp_path / f"a{i}.jsonl"
        f.write_text(line + "\n", encoding="utf-8")
        before = {e.id for e in api.canonical(db)} if i else set()
        report = api.ingest([str(f)], db)
        assert report.reconciled is not None
        touched = set(report.reconciled.created) | set(report.reconciled.updated)
        doc = json.loads(line)["id"]
        mine = {e.id for e in api.canonical(db) if any(m.doc_id == doc for m in e.mentions)}
        assert touched <= mine, (doc, touched - mine)  # nothing else was rewritten
        assert set(report.reconciled.removed) <= before
    api.ingest(api.demo_sources()[1:], db)
    assert comparable(api.canonical(db)) == comparable(api.canonical(str(demo_db)))


def test_figure_history_is_appended_never_overwritten(tmp_path: Path) -> None:
    jsonl = Path(api.demo_sources()[0])
    by_id = {json.loads(line)["id"]: line for line in jsonl.read_text(encoding="utf-8").splitlines()}
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(by_id["ternopil-barrage"] + "\n", encoding="utf-8")
    second.write_text(by_id["ternopil-toll-rises"] + "\n", encoding="utf-8")
    db = str(tmp_path / "h.db")
    api.ingest([str(first)], db)
    (ternopil,) = [e for e in api.canonical(db, kind="attack") if any(p.name == "Ternopil" for p in e.places)]
    api.ingest([str(second)], db)
    with open_store(db) as store:
        rows = [h for h in store.figure_history(ternopil.id) if h.state.field == "killed"]
    assert [h.state.best for h in rows] == [25, 30]
    assert rows[0].id < rows[1].id and rows[0].state.sources == 1


# --- the commands -------------------------------------------------------------------------------


def test_reconcile_command_json(runner: CliRunner, demo_db: Path) -> None:
    result = run(runner, "reconcile", "--db", str(demo_db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["summary"]["canonical_events"] == len(data["events"])
    for e in data["events"]:
        assert e["id"].startswith(e["kind"] + "-")
        assert e["mentions"] and all(m["source"] for m in e["mentions"])
        for f in e["figures"].values():
            assert f["reports"] and all(r["quote"] for r in f["reports"])


def test_reconcile_table_and_bad_format(runner: CliRunner, demo_db: Path) -> None:
    ok = run(runner, "reconcile", "--db", str(demo_db))
    assert ok.exit_code == 0 and "canonical events" in ok.stdout
    bad = run(runner, "reconcile", "--db", str(demo_db), "--format", "xml")
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_read_commands_refuse_a_missing_database(runner: CliRunner, tmp_path: Path) -> None:
    for cmd in (["reconcile"], ["timeline"], ["plans"], ["commitments", "list"], ["crosscheck"]):
        result = run(runner, *cmd, "--db", str(tmp_path / "nope.db"))
        assert result.exit_code == 4, cmd
        assert len(result.stderr.strip().splitlines()) == 1


def test_plans_lineage_on_the_demo(runner: CliRunner, demo_db: Path) -> None:
    result = run(runner, "plans", "--db", str(demo_db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    lineages = json.loads(result.stdout)
    versions = [[v["points"] for v in lin["versions"]] for lin in lineages]
    assert [28, 19] in versions
    lin = next(lin for lin in lineages if [v["points"] for v in lin["versions"]] == [28, 19])
    nineteen = lin["versions"][1]
    assert nineteen["revises"] == lin["versions"][0]["id"]
    assert any(s["says_what_changed"] for s in nineteen["what_sources_say"])
    assert any("counter" in (a["name"] or "") for a in lin["alternatives"])


def test_commitments_extracted_declared_and_checked(runner: CliRunner, demo_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    shutil.copy(demo_db, db)
    listed = json.loads(run(runner, "commitments", "list", "--db", str(db), "--format", "json").stdout)
    assert any(c["origin"] == "extracted" and c["scope_family"] == "energy" for c in listed)

    added = run(
        runner,
        "commitments",
        "add",
        "--db",
        str(db),
        "--name",
        "Energy pause (test)",
        "--scope",
        "energy infrastructure",
        "--start",
        "2025-11-24",
        "--end",
        "2025-11-26",
        "--bound",
        "ru",
    )
    assert added.exit_code == 0, added.stderr
    checked = json.loads(
        run(
            runner, "commitments", "check", "--db", str(db), "--as-of", "2026-03-01", "--format", "json"
        ).stdout
    )
    declared = next(c for c in checked if c["origin"] == "declared")
    assert declared["bound"] == "RU" and declared["status"] == "possibly violated"
    kyiv = declared["possible_violations"]
    assert [v["places"] for v in kyiv] == [["Kyiv"]] and kyiv[0]["evidence"][0]["quote"]
    extracted = next(c for c in checked if c["origin"] == "extracted" and c["scope_family"] == "energy")
    assert extracted["status"] in ("possibly violated", "unclear", "no violations found")
    assert extracted["reported_status"] == "disputed"

    not_yet = json.loads(
        run(
            runner, "commitments", "check", "--db", str(db), "--as-of", "2025-11-01", "--format", "json"
        ).stdout
    )
    assert next(c for c in not_yet if c["origin"] == "declared")["status"] == "not yet in force"


@pytest.mark.parametrize(
    "args",
    [
        ["--start", "2025-13-01"],
        ["--start", "2025-11-24", "--end", "2025-11-01"],
        ["--start", "2025-11-24", "--bound", "Russia"],
    ],
)
def test_commitments_add_refuses_bad_input(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    result = run(
        runner,
        "commitments",
        "add",
        "--db",
        str(tmp_path / "c.db"),
        "--name",
        "x",
        "--scope",
        "energy",
        *args,
    )
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


# --- on the seeds: the acceptance of the reconcile issue -----------------------------------------


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import SHARED

    seeds = SHARED / "eval/dev/seeds.articles.jsonl"
    if not seeds.is_file():
        pytest.skip(f"the shared dev set is absent ({seeds})")
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    api.ingest([str(seeds)], str(db))
    return db


def test_crosscheck_reports_the_kyiv_missiles_against_the_air_force(
    runner: CliRunner, seeds_db: Path
) -> None:
    from conftest import SHARED

    official = SHARED / "data/airforce/missile_attacks_daily.csv"
    if not official.is_file():
        pytest.skip(f"the Air Force series is absent ({official})")
    result = run(runner, "crosscheck", "--db", str(seeds_db), "--official", str(official), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert "Massive Missile Attacks on Ukraine" in data["attribution"]
    night = [c for c in data["comparisons"] if c["night"] == "2025-11-25" and c["kind"] == "missile"]
    assert len(night) == 1
    (c,) = night
    assert c["news"]["value"] == 48 and c["official_launched"] == 22 and c["verdict"] == "differs"
    assert "48" in c["rule"] and "22" in c["rule"] and c["sources"] and c["evidence"][0]["quote"]
    # a second run uses the imported series, and importing the same file again adds nothing
    again = json.loads(run(runner, "crosscheck", "--db", str(seeds_db), "--format", "json").stdout)
    assert again["comparisons"] == data["comparisons"] and "import" not in again
    same = json.loads(
        run(
            runner, "crosscheck", "--db", str(seeds_db), "--official", str(official), "--format", "json"
        ).stdout
    )
    assert same["import"]["recorded"] is False


def test_timeline_puts_the_kyiv_attack_inside_the_talks(runner: CliRunner, seeds_db: Path) -> None:
    result = run(runner, "timeline", "--db", str(seeds_db), "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    windows = {w["talks"]["venue"]: w for w in data["talks"]}
    for venue in ("Geneva", "Abu Dhabi"):
        w = windows[venue]
        inside = [a for phase in ("before", "during", "after") for a in w[phase]]
        kyiv = [a for a in inside if "Kyiv" in a["places"]]
        assert kyiv and kyiv[0]["killed"] == 7, venue
        assert w["totals"]["all"]["killed"] >= 7
    assert any(d["day"] == "2025-11-25" and d["attacks"] >= 1 for d in data["daily"])

    csv_out = run(runner, "timeline", "--db", str(seeds_db), "--format", "csv")
    assert csv_out.exit_code == 0 and csv_out.stdout.splitlines()[0].startswith("talks_id,venue")
    daily = run(runner, "timeline", "--db", str(seeds_db), "--daily", "--format", "csv")
    assert daily.stdout.splitlines()[0].startswith("day,attacks,killed")
