"""Bad input through ``peacewatch ingest``, each beside a good article in the same run.

Each bad input must give one stderr line naming it, a stored Rejection (stage, reason, source)
counted in the summary, exit code 1, the good article stored, and nothing half-written.
When every input is bad the exit code is 3.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import CliRunner, Result

import peacewatch.cli.articles
from peacewatch import open_store
from peacewatch.cli import app
from peacewatch.extract import Extractor
from peacewatch.settings import DEFAULT_OPTIONS

if TYPE_CHECKING:
    from conftest import LocalServer

pytestmark = pytest.mark.usefixtures("isolated_env")

DATA = Path(__file__).resolve().parent / "data" / "cli"
GOOD = DATA / "corpus" / "kharkiv-drones.txt"
SUMMARY = re.compile(
    r"read (\d+), added (\d+) \(\d+ events\), duplicates \d+, near-duplicates \d+, rejected (\d+)"
)
PAGE = (
    b"<html><head><title>Shelling in Kherson</title></head><body><article>"
    b"<p>Russian artillery shelled the centre of Kherson on Monday morning, wounding three people "
    b"and damaging a tram depot, the city administration said.</p></article></body></html>"
)


def run(runner: CliRunner, *args: str) -> Result:
    return runner.invoke(app, list(args), catch_exceptions=False)


def counts(result: Result) -> tuple[int, int, int]:
    """(read, added, rejected) from the summary line."""
    m = SUMMARY.search(result.stderr)
    assert m, f"no summary line on stderr:\n{result.stderr}"
    read, added, rejected = (int(g) for g in m.groups())
    return read, added, rejected


@dataclass(frozen=True)
class Bad:
    """One bad input: what is passed to ingest, and the Rejection expected for it."""

    source: str  # the argument given to ingest
    stage: str
    code: str
    reason: str  # a regex the stored reason must match
    rejected_as: str | None = None  # the Rejection's source when it is not the argument (a JSONL line)


def _binary(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 8)
    return Bad(str(path), "decode", "PW202", "binary")


def _latin1(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "latin1.txt"
    path.write_bytes("Frappe de drones sur Kharkiv\nUn café détruit, trois blessés.\n".encode("latin-1"))
    return Bad(str(path), "decode", "PW203", "invalid UTF-8 at byte offset")


def _empty(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "empty.txt"
    path.write_bytes(b"")
    return Bad(str(path), "clean", "PW204", "empty")


def _blank(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "blank.md"
    path.write_text(" \n\t\n   \n")
    return Bad(str(path), "clean", "PW204", "empty")


def _broken_symlink(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "gone.txt"
    path.symlink_to(tmp / "no-such-target.txt")
    return Bad(str(path), "read", "PW201", "no such file")


def _missing(tmp: Path, _server: LocalServer) -> Bad:
    return Bad(str(tmp / "never-written.txt"), "read", "PW201", "no such file")


def _huge(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "huge.txt"
    with path.open("wb") as fh:  # sparse: 50 MB on paper, nothing on disk
        fh.truncate(50 * 1024 * 1024)
    return Bad(str(path), "read", "PW205", r"52,428,800 bytes, over the .*cap")


def _garbage_html(tmp: Path, _server: LocalServer) -> Bad:
    return Bad(str(DATA / "bad" / "garbage.html"), "parse", "PW206", "no article text")


def _unsupported(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "report.pdf"
    path.write_bytes(b"%PDF-1.4 not really\n")
    return Bad(str(path), "read", "PW200", "unsupported file type")


def _not_json(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "lines.jsonl"
    path.write_text(
        '{"id": "fine", "text": "Russian drones hit Sumy overnight, injuring two people, the governor said."}\n'
        '{"id": "broken", "text": "an unterminated string\n'
    )
    return Bad(str(path), "parse", "PW206", "not valid JSON", rejected_as=f"{path}:2")


def _no_text(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "lines.jsonl"
    path.write_text(
        '{"id": "headline-only", "title": "Drones over Odesa", "published": "2025-02-02"}\n'
        '{"id": "fine", "text": "Russian drones hit Sumy overnight, injuring two people, the governor said."}\n'
    )
    return Bad(str(path), "parse", "PW206", 'no "text" field', rejected_as=f"{path}:1")


def _long_line(tmp: Path, _server: LocalServer) -> Bad:
    path = tmp / "long.jsonl"
    cap = DEFAULT_OPTIONS.max_jsonl_line_bytes
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{"id": "long", "text": "' + "Shelling continued. " * (cap // 20 + 1) + '"}\n')
        fh.write('{"id": "fine", "text": "Russian drones hit Sumy overnight, injuring two people."}\n')
    return Bad(str(path), "read", "PW205", "line longer than", rejected_as=f"{path}:1")


def _http_404(tmp: Path, server: LocalServer) -> Bad:
    return Bad(server.url("/gone"), "fetch", "PW210", "HTTP 404")


def _http_timeout(tmp: Path, server: LocalServer) -> Bad:
    url = server.route("/slow", body=PAGE, delay=10.0)
    return Bad(url, "fetch", "PW210", "timed out")


CASES: dict[str, Callable[[Path, LocalServer], Bad]] = {
    "binary": _binary,
    "invalid-utf8": _latin1,
    "empty": _empty,
    "whitespace-only": _blank,
    "broken-symlink": _broken_symlink,
    "missing": _missing,
    "50MB": _huge,
    "garbage-html": _garbage_html,
    "unsupported-type": _unsupported,
    "jsonl-not-json": _not_json,
    "jsonl-no-text": _no_text,
    "jsonl-line-too-long": _long_line,
    "url-404": _http_404,
    "url-timeout": _http_timeout,
}


@pytest.fixture
def short_timeouts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI has no --timeout option: shorten the defaults it builds its options from."""
    monkeypatch.setattr(
        peacewatch.cli.articles,
        "DEFAULT_OPTIONS",
        DEFAULT_OPTIONS.with_(connect_timeout=1.0, read_timeout=0.5),
    )


@pytest.mark.usefixtures("short_timeouts")
@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_beside_a_good_one(
    case: str, runner: CliRunner, tmp_path: Path, db_path: Path, http_server: LocalServer
) -> None:
    bad = CASES[case](tmp_path, http_server)
    rejected_as = bad.rejected_as or bad.source

    started = time.monotonic()
    result = run(runner, "ingest", str(GOOD), bad.source, "--db", str(db_path), "--allow-private")
    elapsed = time.monotonic() - started

    assert result.exit_code == 1, result.stderr
    assert elapsed < 10  # the 50 MB file is refused by its size, the slow server by the read timeout
    named = [line for line in result.stderr.splitlines() if rejected_as in line]
    assert len(named) == 1, result.stderr
    assert named[0].startswith(f"peacewatch: rejected {rejected_as}: ")
    good_in_jsonl = 1 if bad.rejected_as else 0
    assert counts(result) == (1 + good_in_jsonl, 1 + good_in_jsonl, 1)
    with open_store(db_path) as store:
        stats = store.stats()
        (stored,) = store.rejections()
        docs = {a.doc_id for a in store.articles()}
        assert store.integrity_check() == "ok"
    assert (stats["articles"], stats["rejections"]) == (1 + good_in_jsonl, 1)
    assert str(GOOD) in docs
    rej = stored.rejection
    assert (rej.stage, rej.code, rej.source) == (bad.stage, bad.code, rejected_as)
    assert re.search(bad.reason, rej.reason), rej.reason
    assert "\n" not in rej.reason
    assert rej.reason in named[0]


def test_unreadable_file(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    path = tmp_path / "secret.txt"
    shutil.copy(GOOD.with_name("odesa-port.md"), path)
    path.chmod(0)
    try:
        with path.open("rb"):
            readable = True
    except PermissionError:
        readable = False
    if readable:
        path.chmod(0o600)
        pytest.skip("running as root: chmod 000 does not stop reading (see the broken-symlink case)")
    try:
        result = run(runner, "ingest", str(GOOD), str(path), "--db", str(db_path))
    finally:
        path.chmod(0o600)
    assert result.exit_code == 1
    assert f"peacewatch: rejected {path}: permission denied" in result.stderr
    assert counts(result) == (1, 1, 1)
    with open_store(db_path) as store:
        (stored,) = store.rejections()
        assert store.integrity_check() == "ok"
    assert (stored.rejection.stage, stored.rejection.code) == ("read", "PW201")


def test_feed_with_broken_entries(runner: CliRunner, db_path: Path) -> None:
    feed = DATA / "bad" / "broken-entries.xml"

    result = run(runner, "ingest", str(GOOD), str(feed), "--db", str(db_path))

    assert result.exit_code == 1
    assert counts(result) == (3, 3, 2)
    for n in (2, 3):
        lines = [line for line in result.stderr.splitlines() if f"{feed}#{n}:" in line]
        assert len(lines) == 1 and "has no text" in lines[0]
    with open_store(db_path) as store:
        rejections = [r.rejection for r in store.rejections()]
        urls = {a.url for a in store.articles()}
        assert store.integrity_check() == "ok"
    assert [(r.stage, r.code, r.source) for r in rejections] == [
        ("clean", "PW204", f"{feed}#2"),
        ("clean", "PW204", f"{feed}#3"),
    ]
    assert urls == {
        None,  # the good text file
        "https://northern-digest.example/2025/02/11/chernihiv-energy",
        "https://northern-digest.example/2025/02/12/sumy-shelling",
    }


def test_good_url_is_fetched_and_stored(runner: CliRunner, db_path: Path, http_server: LocalServer) -> None:
    url = http_server.route("/kherson", body=PAGE)
    result = run(runner, "ingest", url, "--db", str(db_path), "--allow-private")
    assert result.exit_code == 0, result.stderr
    assert http_server.requests == ["/kherson"]
    with open_store(db_path) as store:
        (article,) = store.articles()
    assert article.url == url and "Kherson" in article.text


def test_all_inputs_bad_exits_3(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.md"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    missing = tmp_path / "missing.html"

    result = run(runner, "ingest", str(empty), str(binary), str(missing), "--db", str(db_path))

    assert result.exit_code == 3
    assert counts(result) == (0, 0, 3)
    for path in (empty, binary, missing):
        assert f"peacewatch: rejected {path}: " in result.stderr
    with open_store(db_path) as store:
        assert [r.rejection.source for r in store.rejections()] == [str(empty), str(binary), str(missing)]
        assert store.stats()["articles"] == 0
        assert store.integrity_check() == "ok"


def test_empty_folder_is_named_and_recorded(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "nothing-here"
    folder.mkdir()
    (folder / ".hidden.txt").write_text("Hidden files are skipped.\n")

    result = run(runner, "ingest", str(folder), "--db", str(db_path))

    # Like empty stdin or a feed without entries: named on stderr and stored, not just "read 0".
    assert result.exit_code == 3
    assert f"peacewatch: rejected {folder}: no articles in this folder" in result.stderr
    assert counts(result) == (0, 0, 1)
    with open_store(db_path) as store:
        (stored,) = store.rejections()
    assert (stored.rejection.stage, stored.rejection.code, stored.rejection.source) == (
        "read",
        "PW200",
        str(folder),
    )


def test_loopback_url_refused_without_allow_private(
    runner: CliRunner, db_path: Path, http_server: LocalServer
) -> None:
    url = http_server.route("/kherson", body=PAGE)

    result = run(runner, "ingest", url, "--db", str(db_path))

    assert result.exit_code == 3
    assert f"peacewatch: rejected {url}: refused" in result.stderr
    assert "loopback" in result.stderr
    assert http_server.requests == []  # nothing was sent
    with open_store(db_path) as store:
        (stored,) = store.rejections()
        assert store.stats()["articles"] == 0
    assert (stored.rejection.stage, stored.rejection.code, stored.rejection.source) == ("fetch", "PW211", url)


def test_unsupported_url_scheme(runner: CliRunner, db_path: Path) -> None:
    result = run(runner, "ingest", str(GOOD), "ftp://example.org/news.txt", "--db", str(db_path))
    assert result.exit_code == 1
    assert "peacewatch: rejected ftp://example.org/news.txt: unsupported URL scheme" in result.stderr
    with open_store(db_path) as store:
        assert [r.rejection.code for r in store.rejections()] == ["PW210"]


def test_unwritable_database_exits_4(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder\n")
    db = blocker / "peacewatch.db"
    result = run(runner, "ingest", str(GOOD), "--db", str(db))
    assert result.exit_code == 4
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("peacewatch: error: ") and str(db) in lines[0]
    assert not os.path.exists(db)


# --- the extractor failing on one article ---------------------------------------------------------


@pytest.fixture
def exploding_extractor(monkeypatch: pytest.MonkeyPatch) -> str:
    """The extractor raises on any text holding the returned marker (an extractor bug, simulated)."""
    marker = "Exploding-Test-Marker"
    original = Extractor.extract_clean

    def extract_clean(self: Extractor, text: str, published: Any = None) -> list[Any]:
        if marker in text:
            raise RuntimeError("simulated extractor bug")
        return original(self, text, published)

    monkeypatch.setattr(Extractor, "extract_clean", extract_clean)
    return marker


def test_extractor_failure_is_a_rejection(
    runner: CliRunner, tmp_path: Path, db_path: Path, exploding_extractor: str
) -> None:
    boom = tmp_path / "boom.txt"
    boom.write_text(f"Shelling in Kherson\nRussian artillery shelled Kherson. {exploding_extractor}\n")

    result = run(runner, "ingest", str(GOOD), str(boom), "--db", str(db_path))

    assert result.exit_code == 1
    assert counts(result) == (2, 1, 1)
    (line,) = [x for x in result.stderr.splitlines() if str(boom) in x]
    assert line.startswith(f"peacewatch: rejected {boom}: extraction failed")
    with open_store(db_path) as store:
        (stored,) = store.rejections()
        assert [a.doc_id for a in store.articles()] == [str(GOOD)]  # the failed one is not half-stored
        assert store.integrity_check() == "ok"
    assert (stored.rejection.stage, stored.rejection.code, stored.rejection.source) == (
        "extract",
        "PW300",
        str(boom),
    )


def test_extractor_failure_in_extract_is_an_error_line(
    runner: CliRunner, tmp_path: Path, exploding_extractor: str
) -> None:
    boom = tmp_path / "boom.txt"
    boom.write_text(f"Shelling in Kherson\nRussian artillery shelled Kherson. {exploding_extractor}\n")

    result = run(runner, "extract", str(GOOD), str(boom))

    assert result.exit_code == 1
    good, bad = (json.loads(x) for x in result.stdout.splitlines())
    assert good["error"] is None and good["events"]
    assert bad["doc_id"] == str(boom) and bad["events"] == []
    assert bad["error"].startswith("extraction failed (PW300): RuntimeError: simulated extractor bug")


# --- file names the OS allows but that are not text -------------------------------------------------


@pytest.fixture
def latin1_names(tmp_path: Path) -> Path:
    """A folder with a good article and a binary file, both named in Latin-1 (as old archives unpack)."""
    folder = tmp_path / "archive"
    folder.mkdir()
    shutil.copy(GOOD, folder / "a-good.txt")
    try:
        with open(os.path.join(os.fsencode(folder), b"b-caf\xe9-strike.txt"), "wb") as fh:
            fh.write(
                b"Strike on a Kyiv cafe\nRussian drones hit a cafe in Kyiv overnight, wounding two people.\n"
            )
        with open(os.path.join(os.fsencode(folder), b"c-caf\xe9-photo.txt"), "wb") as fh:
            fh.write(b"\x00\x01\x02\x03")
    except OSError as exc:
        pytest.skip(f"this file system refuses non-UTF-8 file names: {exc}")
    return folder


def test_ingest_survives_non_utf8_file_names(runner: CliRunner, latin1_names: Path, db_path: Path) -> None:
    # Not run(): a crash here must show up as a failed assertion, with the exception named.
    result = runner.invoke(app, ["ingest", str(latin1_names), "--db", str(db_path)])

    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    assert counts(result) == (2, 2, 1)
    # The undecodable byte is shown as an escape: one printable line, valid UTF-8 in the database.
    photo = f"{latin1_names}/c-caf\\xe9-photo.txt"
    assert f"peacewatch: rejected {photo}: binary content" in result.stderr
    with open_store(db_path) as store:
        docs = [a.doc_id for a in store.articles()]
        (stored,) = store.rejections()
        assert store.integrity_check() == "ok"
    assert docs == [str(latin1_names / "a-good.txt"), f"{latin1_names}/b-caf\\xe9-strike.txt"]
    assert (stored.rejection.stage, stored.rejection.source) == ("decode", photo)


def test_extract_survives_non_utf8_file_names(runner: CliRunner, latin1_names: Path) -> None:
    result = runner.invoke(app, ["extract", str(latin1_names)])

    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1
    docs = [json.loads(x) for x in result.stdout.splitlines()]
    assert [d["doc_id"] for d in docs] == [
        str(latin1_names / "a-good.txt"),
        f"{latin1_names}/b-caf\\xe9-strike.txt",
        f"{latin1_names}/c-caf\\xe9-photo.txt",
    ]
    assert [d["error"] is None for d in docs] == [True, True, False]


def test_rejection_message_stays_on_one_line(runner: CliRunner, tmp_path: Path, db_path: Path) -> None:
    odd = tmp_path / "two\nlines.txt"
    odd.write_bytes(b"\x00\x01\x02")

    result = run(runner, "ingest", str(GOOD), str(odd), "--db", str(db_path))

    assert result.exit_code == 1
    messages = [x for x in result.stderr.splitlines() if x.startswith("peacewatch: rejected")]
    assert len(messages) == 1
    assert messages[0].endswith("binary content (NUL bytes or control characters), not text")
    shown = f"{tmp_path}/two\\nlines.txt"  # the newline made visible, as an escape
    assert messages[0].startswith(f"peacewatch: rejected {shown}: ")
    with open_store(db_path) as store:
        assert [r.rejection.source for r in store.rejections()] == [shown]
