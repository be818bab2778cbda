"""The ``peacewatch`` command in-process: version and help, ``extract`` (the contract), ``ingest`` twice,
near-duplicates, ``events`` filters and formats, ``demo`` and the progress bar.

Every test runs the CLI through Click's runner, then checks the database through the library.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner, Result

from peacewatch import __version__, open_store
from peacewatch.cli import app
from peacewatch.errors import FetchError
from peacewatch.ingest.fetch import Fetched, Fetcher

pytestmark = pytest.mark.usefixtures("isolated_env")

DATA = Path(__file__).resolve().parent / "data" / "cli"
CORPUS = DATA / "corpus"
WIRE = DATA / "wire"
SUMMARY = re.compile(
    r"read (?P<read>\d+), added (?P<added>\d+) \((?P<events>\d+) events\), duplicates (?P<duplicates>\d+), "
    r"near-duplicates (?P<near>\d+), rejected (?P<rejected>\d+) → (?P<db>.+)$",
    re.M,
)
# The corpus: what each article is about, as the filters should see it.
KHARKIV = str(CORPUS / "kharkiv-drones.txt")
ODESA = str(CORPUS / "odesa-port.md")
ROSTOV = str(CORPUS / "rostov-refinery.html")
ISTANBUL = "istanbul-round"
ZAPORIZHZHIA = "zaporizhzhia-glide-bombs"


def run(runner: CliRunner, *args: str, input: str | None = None) -> Result:
    """Invoke the app; an unexpected exception fails the test with its traceback."""
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def summary(result: Result) -> dict[str, Any]:
    m = SUMMARY.search(result.stderr)
    assert m, f"no summary line on stderr:\n{result.stderr}"
    return {k: (v if k == "db" else int(v)) for k, v in m.groupdict().items()}


# --- the command itself ---------------------------------------------------------------------------


def test_version(runner: CliRunner) -> None:
    result = run(runner, "--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"peacewatch {__version__}"


def test_no_arguments_shows_help(runner: CliRunner) -> None:
    result = run(runner)
    # Click exits 2 when it shows help for a missing command (no_args_is_help), 0 on --help.
    assert result.exit_code in (0, 2)
    assert "Usage:" in result.output
    for command in ("ingest", "extract", "events", "demo"):
        assert command in result.output


def test_unknown_option_is_a_usage_error(runner: CliRunner) -> None:
    result = run(runner, "--no-such-option")
    assert result.exit_code == 2
    assert "No such option" in result.stderr
    result = run(runner, "events", "--no-such-option")
    assert result.exit_code == 2


# --- extract: the contract ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def validator(shared_dir: Path) -> jsonschema.protocols.Validator:
    schema = json.loads((shared_dir / "contract" / "document.schema.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def contract_lines(result: Result, validator: jsonschema.protocols.Validator) -> list[dict[str, Any]]:
    lines = result.stdout.splitlines()
    docs = [json.loads(line) for line in lines]
    for doc in docs:
        validator.validate(doc)
    return docs


def test_extract_dev_set_follows_the_contract_without_a_database(
    runner: CliRunner,
    shared_dir: Path,
    validator: jsonschema.protocols.Validator,
    tmp_path: Path,
    isolated_env: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seeds = shared_dir / "eval" / "dev" / "seeds.articles.jsonl"
    if not seeds.is_file():
        pytest.skip(f"the dev set is absent ({seeds})")
    # A database path that cannot be created, even by root: its parent is a regular file.
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder would be needed\n")
    monkeypatch.setenv("PEACEWATCH_DB", str(blocker / "peacewatch.db"))
    before = sorted(p.name for p in tmp_path.iterdir())

    first = run(runner, "extract", "--format", "jsonl", str(seeds))
    second = run(runner, "extract", "--format", "jsonl", str(seeds))

    assert first.exit_code == 0, first.stderr
    docs = contract_lines(first, validator)
    assert len(first.stdout.splitlines()) == 4
    ids = [json.loads(line)["id"] for line in seeds.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert [d["doc_id"] for d in docs] == ids
    assert all(d["error"] is None for d in docs)
    assert any(d["events"] for d in docs)
    assert second.exit_code == 0
    assert second.stdout == first.stdout  # deterministic
    # No database was needed, and none was created anywhere.
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert not isolated_env.exists()


def test_extract_a_folder_of_files(
    runner: CliRunner, validator: jsonschema.protocols.Validator, tmp_path: Path
) -> None:
    folder = tmp_path / "news"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(CORPUS / "kharkiv-drones.txt", folder / "a-kharkiv.txt")
    shutil.copy(CORPUS / "odesa-port.md", folder / "b-odesa.md")
    shutil.copy(CORPUS / "rostov-refinery.html", folder / "sub" / "c-rostov.html")

    result = run(runner, "extract", str(folder))

    assert result.exit_code == 0, result.stderr
    docs = contract_lines(result, validator)
    assert [d["doc_id"] for d in docs] == [
        str(folder / "a-kharkiv.txt"),
        str(folder / "b-odesa.md"),
        str(folder / "sub" / "c-rostov.html"),
    ]
    assert docs[0]["title"] == "Drone strike on Kharkiv kills three, wounds twelve"
    assert docs[0]["published"] == "2025-03-14"
    assert docs[1]["title"] == "Missile attack on Odesa port injures dockworkers"
    assert docs[2]["published"] is not None and docs[2]["published"].startswith("2025-05-10")
    assert "Rostov" in (docs[2]["title"] or "")
    for doc in docs:
        assert doc["error"] is None
        assert [e["kind"] for e in doc["events"]][:1] == ["attack"]
        for event in doc["events"]:
            for ev in event["evidence"]:
                assert ev["quote"]


def test_extract_reads_jsonl_on_stdin(runner: CliRunner, validator: jsonschema.protocols.Validator) -> None:
    records = [
        json.loads(line)
        for line in (CORPUS / "talks-and-plans.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records)

    result = run(runner, "extract", "-", input=stdin)

    assert result.exit_code == 0, result.stderr
    docs = contract_lines(result, validator)
    assert [d["doc_id"] for d in docs] == [ISTANBUL, ZAPORIZHZHIA]
    assert "talks" in {e["kind"] for e in docs[0]["events"]}
    assert "attack" in {e["kind"] for e in docs[1]["events"]}


def test_extract_bad_article_gives_an_error_line_and_exit_1(
    runner: CliRunner, validator: jsonschema.protocols.Validator, tmp_path: Path
) -> None:
    good = tmp_path / "a-good.txt"
    shutil.copy(CORPUS / "kharkiv-drones.txt", good)
    empty = tmp_path / "b-empty.txt"
    empty.write_text("   \n\n")
    lines = tmp_path / "c-lines.jsonl"
    lines.write_text('{"id": "no-text", "title": "A headline only"}\n{broken\n')

    result = run(runner, "extract", str(good), str(empty), str(lines))

    assert result.exit_code == 1
    docs = contract_lines(result, validator)
    assert [d["doc_id"] for d in docs] == [str(good), str(empty), f"{lines}:1", f"{lines}:2"]
    assert docs[0]["error"] is None and docs[0]["events"]
    for doc in docs[1:]:
        assert doc["error"] and "\n" not in doc["error"]
        assert doc["events"] == []
    # Each bad article is also named on stderr.
    for doc in docs[1:]:
        assert doc["doc_id"] in result.stderr


def test_extract_never_touches_the_network(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[str] = []

    def record(self: Fetcher, url: str) -> Fetched:
        attempts.append(url)
        raise FetchError("the test forbids the network")

    monkeypatch.setattr(Fetcher, "fetch", record)

    result = run(runner, "extract", "https://news.example/2025/05/10/strike")

    # The contract: extract is a pure function of its input, with no network. A URL is a bad
    # input (an error line, exit 1), refused before any lookup or request.
    assert result.exit_code == 1
    (line,) = (json.loads(x) for x in result.stdout.splitlines())
    assert line["doc_id"] == "https://news.example/2025/05/10/strike"
    assert line["error"] and "ingest" in line["error"] and line["events"] == []
    assert attempts == []


def test_extract_json_format_and_bad_format(runner: CliRunner) -> None:
    result = run(runner, "extract", "--format", "json", str(CORPUS / "odesa-port.md"))
    assert result.exit_code == 0
    (doc,) = json.loads(result.stdout)
    assert doc["doc_id"] == ODESA
    bad = run(runner, "extract", "--format", "xml", str(CORPUS / "odesa-port.md"))
    assert bad.exit_code == 2
    assert bad.stdout == ""
    assert len(bad.stderr.strip().splitlines()) == 1


# --- ingest twice -----------------------------------------------------------------------------------


def test_ingest_twice_stores_once(runner: CliRunner, db_path: Path) -> None:
    first = run(runner, "ingest", str(CORPUS), "--db", str(db_path))

    assert first.exit_code == 0, first.stderr
    assert first.stdout == ""  # ingest reports on stderr only
    s1 = summary(first)
    assert (s1["read"], s1["added"], s1["duplicates"], s1["rejected"]) == (5, 5, 0, 0)
    assert s1["db"] == str(db_path)
    with open_store(db_path) as store:
        stats1 = store.stats()
        articles = store.articles()
        assert stats1["articles"] == 5
        assert stats1["events"] == s1["events"] > 0
        assert stats1["events_attack"] >= 4 and stats1["events_talks"] >= 1
        assert {a.doc_id for a in articles} == {KHARKIV, ODESA, ROSTOV, ISTANBUL, ZAPORIZHZHIA}
        assert all(a.n_events >= 1 for a in articles)
        assert store.integrity_check() == "ok"

    second = run(runner, "ingest", str(CORPUS), "--db", str(db_path))

    assert second.exit_code == 0, second.stderr
    s2 = summary(second)
    assert (s2["read"], s2["added"], s2["events"], s2["duplicates"], s2["rejected"]) == (5, 0, 0, 5, 0)
    assert "already stored" in second.stderr
    assert KHARKIV in second.stderr
    with open_store(db_path) as store:
        stats2 = store.stats()
    assert stats2.pop("runs") == stats1.pop("runs") + 1
    assert stats2 == stats1


def test_ingest_same_text_twice_in_one_run(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "mirror"
    folder.mkdir()
    shutil.copy(CORPUS / "odesa-port.md", folder / "a.md")
    shutil.copy(CORPUS / "odesa-port.md", folder / "b.md")

    result = run(runner, "ingest", str(folder), "--db", str(db_path))

    assert result.exit_code == 0, result.stderr
    s = summary(result)
    assert (s["read"], s["added"], s["duplicates"]) == (2, 1, 1)
    assert f"already stored, nothing new: {folder / 'b.md'}" in result.stderr
    with open_store(db_path) as store:
        assert [a.doc_id for a in store.articles()] == [str(folder / "a.md")]


def test_ingest_reads_jsonl_on_stdin(runner: CliRunner, db_path: Path) -> None:
    stdin = (CORPUS / "talks-and-plans.jsonl").read_text(encoding="utf-8")

    result = run(runner, "ingest", "-", "--db", str(db_path), input=stdin)

    assert result.exit_code == 0, result.stderr
    assert summary(result)["added"] == 2
    with open_store(db_path) as store:
        articles = store.articles()
        assert {a.doc_id for a in articles} == {ISTANBUL, ZAPORIZHZHIA}
        assert {a.origin for a in articles} == {"stdin"}
        assert store.stats()["events_talks"] >= 1


def test_ingest_uses_the_environment_database(
    runner: CliRunner, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PEACEWATCH_DB", str(db_path))
    result = run(runner, "ingest", str(CORPUS / "odesa-port.md"))
    assert result.exit_code == 0, result.stderr
    assert summary(result)["db"] == str(db_path)
    with open_store(db_path) as store:
        assert store.stats()["articles"] == 1


def test_ingest_quiet_prints_nothing(runner: CliRunner, db_path: Path) -> None:
    result = run(runner, "ingest", "-q", str(CORPUS / "odesa-port.md"), "--db", str(db_path))
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_near_duplicate_wire_story_is_stored_and_linked(runner: CliRunner, db_path: Path) -> None:
    result = run(runner, "ingest", str(WIRE), "--db", str(db_path))

    assert result.exit_code == 0, result.stderr
    s = summary(result)
    assert (s["added"], s["duplicates"], s["near"]) == (2, 0, 1)
    with open_store(db_path) as store:
        first, second = store.articles()
        assert store.stats()["near_duplicates"] == 1
    assert (first.doc_id, second.doc_id) == (str(WIRE / "site-a.txt"), str(WIRE / "site-b.txt"))
    assert first.near_duplicate_of is None
    assert second.near_duplicate_of == first.id
    assert second.similarity is not None and 0.8 <= second.similarity < 1.0
    assert first.title != second.title


def test_near_duplicate_found_in_a_later_run(runner: CliRunner, db_path: Path) -> None:
    assert run(runner, "ingest", str(WIRE / "site-b.txt"), "--db", str(db_path)).exit_code == 0

    result = run(runner, "ingest", str(WIRE / "site-a.txt"), "--db", str(db_path))

    assert result.exit_code == 0, result.stderr
    assert summary(result)["near"] == 1
    with open_store(db_path) as store:
        first, second = store.articles()
    assert first.doc_id == str(WIRE / "site-b.txt") and first.near_duplicate_of is None
    assert second.doc_id == str(WIRE / "site-a.txt") and second.near_duplicate_of == first.id


def test_progress_bar_run_completes(
    runner: CliRunner,
    db_path: Path,
    strike_reports: Callable[..., list[dict[str, Any]]],
    jsonl_file: Callable[..., Path],
) -> None:
    path = jsonl_file(strike_reports(60, seed=7))

    result = run(runner, "ingest", str(path), "--db", str(db_path))

    assert result.exit_code == 0, result.stderr
    s = summary(result)
    assert (s["read"], s["added"], s["rejected"]) == (60, 60, 0)
    with open_store(db_path) as store:
        assert store.stats()["articles"] == 60


# --- events -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("events") / "corpus.db"
    result = run(CliRunner(), "ingest", str(CORPUS), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return db


def events_json(runner: CliRunner, db: Path, *args: str) -> list[dict[str, Any]]:
    result = run(runner, "events", "--db", str(db), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert isinstance(rows, list)
    return rows


def test_events_json_lists_every_stored_event(runner: CliRunner, corpus_db: Path) -> None:
    rows = events_json(runner, corpus_db)
    with open_store(corpus_db) as store:
        assert len(rows) == store.stats()["events"]
    for row in rows:
        assert {"id", "article_id", "doc_id", "kind", "evidence", "confidence"} <= row.keys()
    assert {r["doc_id"] for r in rows} == {KHARKIV, ODESA, ROSTOV, ISTANBUL, ZAPORIZHZHIA}


def test_events_filter_by_kind(runner: CliRunner, corpus_db: Path) -> None:
    attacks = events_json(runner, corpus_db, "--kind", "attack")
    assert attacks and {r["kind"] for r in attacks} == {"attack"}
    assert {r["doc_id"] for r in attacks} == {KHARKIV, ODESA, ROSTOV, ZAPORIZHZHIA}
    talks = events_json(runner, corpus_db, "--kind", "talks")
    assert [(r["doc_id"], r["venue"]["name"]) for r in talks] == [(ISTANBUL, "Istanbul")]


def test_events_filter_by_place_is_a_case_insensitive_substring(runner: CliRunner, corpus_db: Path) -> None:
    rows = events_json(runner, corpus_db, "--place", "KHARK")
    assert [r["doc_id"] for r in rows] == [KHARKIV]
    rows = events_json(runner, corpus_db, "--place", "rostov oblast")  # an oblast matches too
    assert [r["doc_id"] for r in rows] == [ROSTOV]
    assert events_json(runner, corpus_db, "--place", "Lviv") == []


def test_events_filter_by_country(runner: CliRunner, corpus_db: Path) -> None:
    russia = events_json(runner, corpus_db, "--country", "RU")
    assert [r["doc_id"] for r in russia] == [ROSTOV]
    ukraine = events_json(runner, corpus_db, "--country", "ua")
    assert {r["doc_id"] for r in ukraine} == {KHARKIV, ODESA, ZAPORIZHZHIA}
    turkey = events_json(runner, corpus_db, "--country", "TR")  # a talks venue counts
    assert [r["kind"] for r in turkey] == ["talks"]


def test_events_filter_by_dates(runner: CliRunner, corpus_db: Path) -> None:
    may = events_json(runner, corpus_db, "--since", "2025-05-01", "--until", "2025-05-31")
    assert {r["doc_id"] for r in may} == {ROSTOV, ISTANBUL}
    for r in may:
        assert r["date"]["start"] <= "2025-05-31" and (r["date"]["end"] or r["date"]["start"]) >= "2025-05-01"
    since_june = events_json(runner, corpus_db, "--since", "2025-06-01")
    assert [r["doc_id"] for r in since_june] == [ZAPORIZHZHIA]
    until_march = events_json(runner, corpus_db, "--until", "2025-03-31")
    assert [r["doc_id"] for r in until_march] == [KHARKIV]
    both = events_json(runner, corpus_db, "--kind", "attack", "--country", "UA", "--since", "2025-04-01")
    assert [r["doc_id"] for r in both] == [ODESA, ZAPORIZHZHIA]  # ordered by date


def test_events_limit(runner: CliRunner, corpus_db: Path) -> None:
    rows = events_json(runner, corpus_db, "--limit", "2")
    assert len(rows) == 2
    assert rows == events_json(runner, corpus_db)[:2]


def test_events_csv(runner: CliRunner, corpus_db: Path) -> None:
    result = run(runner, "events", "--db", str(corpus_db), "--format", "csv", "--kind", "attack")
    assert result.exit_code == 0, result.stderr
    table = list(csv.reader(io.StringIO(result.stdout)))
    header, body = table[0], table[1:]
    assert header[:4] == ["id", "date_start", "date_end", "kind"]
    assert {"where", "country", "killed", "injured", "source", "quote"} <= set(header)
    assert len(body) == len(events_json(runner, corpus_db, "--kind", "attack"))
    col = {name: i for i, name in enumerate(header)}
    assert {row[col["kind"]] for row in body} == {"attack"}
    rostov = [row for row in body if "Rostov" in row[col["where"]]]
    assert rostov and rostov[0][col["country"]] == "RU"


def test_events_table(runner: CliRunner, corpus_db: Path) -> None:
    result = run(runner, "events", "--db", str(corpus_db), "--kind", "talks")
    assert result.exit_code == 0, result.stderr
    assert "1 events" in result.stdout
    assert "Istanbul" in result.stdout
    default = run(runner, "events", "--db", str(corpus_db), "--format", "table")
    assert default.exit_code == 0
    assert "attack" in default.stdout and "talks" in default.stdout


def test_events_on_a_missing_database_is_an_error(runner: CliRunner, db_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(db_path)])
    assert result.exit_code == 4
    assert "no database at" in result.stderr and not db_path.exists()


def test_events_on_an_empty_database(runner: CliRunner, db_path: Path) -> None:
    open_store(db_path).close()
    assert run(runner, "events", "--db", str(db_path), "--format", "json").stdout.strip() == "[]"
    result = run(runner, "events", "--db", str(db_path), "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("id,")
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "xml"],
        ["--since", "2025-13-01"],
        ["--until", "yesterday"],
        ["--since", "25/05/2025"],
        ["--kind", "massacre"],
        ["--limit", "-1"],
    ],
    ids=["format", "since-month-13", "until-word", "since-not-iso", "kind", "negative-limit"],
)
def test_events_bad_options_exit_2_with_one_line(runner: CliRunner, corpus_db: Path, args: list[str]) -> None:
    result = run(runner, "events", "--db", str(corpus_db), *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("peacewatch: error: ")
    assert args[1] in lines[0]


def test_events_bad_database_exits_4(runner: CliRunner, tmp_path: Path) -> None:
    not_a_db = tmp_path / "notes.db"
    not_a_db.write_text("these are notes, not a database\n" * 200)
    result = run(runner, "events", "--db", str(not_a_db))
    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(not_a_db) in lines[0]


# --- demo -------------------------------------------------------------------------------------------


def test_demo(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "tmp" / "demo.db"

    result = run(runner, "demo", "--db", str(db))

    assert result.exit_code == 0, result.stderr
    assert re.search(r"\d+ canonical events", result.stdout)
    assert "kind" in result.stdout and "attack" in result.stdout
    assert f"Database: {db}" in result.stdout
    assert "reconciled" in result.stderr
    s = summary(result)
    assert (s["read"], s["added"], s["rejected"]) == (12, 12, 0)
    with open_store(db) as store:
        stats = store.stats()
        assert stats["articles"] == 12
        assert stats["rejections"] == 0
        for kind in ("attack", "talks", "proposal", "commitment"):
            assert stats[f"events_{kind}"] > 0, kind
        origins = [a.origin or "" for a in store.articles()]
    assert sum(o.endswith("articles.jsonl") for o in origins) == 7
    assert sum(o.endswith(".html") for o in origins) == 2
    assert sum(o.endswith("feed.xml") for o in origins) == 3


def test_demo_twice_adds_nothing(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert run(runner, "demo", "--db", str(db)).exit_code == 0
    with open_store(db) as store:
        before = store.stats()

    again = run(runner, "demo", "--db", str(db))

    assert again.exit_code == 0, again.stderr
    s = summary(again)
    assert (s["read"], s["added"], s["duplicates"]) == (12, 0, 12)
    assert re.search(r"\d+ canonical events", again.stdout)  # the table still lists what is stored
    with open_store(db) as store:
        after = store.stats()
    assert after.pop("runs") == before.pop("runs") + 1
    assert after == before


def test_demo_default_database_is_in_the_user_data_folder(
    runner: CliRunner, isolated_env: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)

    result = run(runner, "demo")

    assert result.exit_code == 0, result.stderr
    db = isolated_env / "peacewatch" / "demo.db"
    assert f"Database: {db}" in result.stdout
    with open_store(db) as store:
        assert store.stats()["articles"] == 12
    assert list(cwd.iterdir()) == []


def test_demo_beside_a_database_given_as_sqlite_url(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    data = tmp_path / "data"
    monkeypatch.setenv("PEACEWATCH_DB", f"sqlite:///{data}/peacewatch.db")  # sqlite:////abs/path

    result = run(runner, "demo")

    assert result.exit_code == 0, result.stderr
    assert list(cwd.iterdir()) == []
    assert f"Database: {data / 'demo.db'}" in result.stdout


def test_lines_are_counted_without_holding_a_long_line(tmp_path: Path) -> None:
    from peacewatch.cli.articles import _count_lines

    f = tmp_path / "long.jsonl"
    f.write_bytes(b'{"text": "' + b"x" * (3 << 20) + b'"}\n{"text": "y"}')  # no newline at the end
    assert _count_lines(f) == 2
    f.write_bytes(b"a\nb\n")
    assert _count_lines(f) == 2


def test_extract_jsonl_escapes_unicode_line_breaks(runner: CliRunner, tmp_path: Path) -> None:
    src = tmp_path / "breaks.jsonl"
    text = "Russian drones struck Kharkiv overnight,\u2028injuring three people.\u2029\x85Officials said."
    src.write_text(
        json.dumps({"id": "breaks", "text": text, "published": "2025-06-01"}) + "\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["extract", "--format", "jsonl", str(src)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()  # splits on U+2028, U+2029 and U+0085 too
    assert len(lines) == 1 and json.loads(lines[0])["doc_id"] == "breaks"
