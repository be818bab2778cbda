"""Fixtures shared by the test files: a CLI runner, an isolated environment, a local HTTP server,
the console script, the shared evaluation folder, and a generator of varied synthetic strike reports.

None of them is autouse: a test file opts in (``pytestmark = pytest.mark.usefixtures("isolated_env")``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import random
import shutil
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
SHARED = REPO.parent / "shared"


# --- the CLI in-process -------------------------------------------------------------------------


@pytest.fixture
def runner() -> CliRunner:
    """Click's runner: stdout and stderr captured apart (``result.stdout``/``result.stderr``)."""
    return CliRunner()


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the user's data: ``$PEACEWATCH_DB`` is unset and the per-user data folder
    (where the default database lives) points into the test's temporary folder, which is returned."""
    data = tmp_path / "xdg-data"
    monkeypatch.delenv("PEACEWATCH_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return data


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database file that does not exist yet."""
    return tmp_path / "db" / "peacewatch.db"


# --- the installed command, for tests that need a real process -------------------------------------


@pytest.fixture(scope="session")
def peacewatch_exe() -> Path:
    """The ``peacewatch`` console script of this environment (skips when it is not installed)."""
    beside = Path(sys.executable).parent / "peacewatch"
    if beside.is_file():
        return beside
    found = shutil.which("peacewatch")
    if found is None:
        pytest.skip("the peacewatch console script is not installed (pip install -e .)")
    return Path(found)


# --- the shared evaluation folder (../shared beside the repository) ---------------------------------


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; skips with the reason when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"the shared folder is absent ({SHARED}); it holds the contract and the dev set")
    return SHARED


# --- a real local HTTP server -----------------------------------------------------------------------


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    delay: float = 0.0  # seconds to wait before answering (a slow or hung server)


@dataclass
class LocalServer:
    """A threaded HTTP server on 127.0.0.1 answering the routes set by the test; unknown paths are 404.

    ``requests`` lists the paths asked for, so a test can check that nothing was requested.
    """

    base: str = ""
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def route(self, path: str, **kwargs: Any) -> str:
        """Serve ``path`` (see ``Route`` for the keywords); returns its full URL."""
        self.routes[path] = Route(**kwargs)
        return self.url(path)

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        state = self.server.state
        state.requests.append(self.path)
        route = state.routes.get(self.path, Route(404, b"not found", "text/plain"))
        if route.delay:
            state.release.wait(route.delay)  # set at teardown, so a hung answer never delays the suite
        # The client may have given up already (timeout): writing then fails, which is expected.
        with contextlib.suppress(OSError):
            self.send_response(route.status)
            if route.content_type:
                self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    state: LocalServer


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    """A real HTTP server on 127.0.0.1 in a thread (ingest needs ``--allow-private`` to reach it)."""
    server = _Server(("127.0.0.1", 0), _Handler)
    state = LocalServer(base=f"http://127.0.0.1:{server.server_address[1]}")
    server.state = state
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), name="local-http", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


# --- synthetic articles ----------------------------------------------------------------------------

_CITIES = (
    ("Kharkiv", "the Kharkiv region"),
    ("Odesa", "the Odesa region"),
    ("Dnipro", "the Dnipropetrovsk region"),
    ("Zaporizhzhia", "the Zaporizhzhia region"),
    ("Mykolaiv", "the Mykolaiv region"),
    ("Kherson", "the Kherson region"),
    ("Sumy", "the Sumy region"),
    ("Chernihiv", "the Chernihiv region"),
    ("Poltava", "the Poltava region"),
    ("Kryvyi Rih", "the Dnipropetrovsk region"),
)
_WEAPONS = ("drones", "missiles", "glide bombs", "artillery shells", "rockets")
_TARGETS = (
    "an apartment block",
    "a power substation",
    "a grain warehouse",
    "a railway depot",
    "a school gym",
    "a row of shops",
    "a bus station",
    "a hospital annex",
)
_TIMES = (
    "overnight",
    "early in the morning",
    "in the afternoon",
    "late in the evening",
    "shortly after dawn",
)
_SOURCES = (
    "the regional governor",
    "the city mayor",
    "the emergency service",
    "the police",
    "local officials",
)
_AFTER = (
    "Rescuers searched the rubble for {n} hours.",
    "Firefighters put out {n} separate fires by noon.",
    "Power was cut to about {n} hundred homes.",
    "Windows were blown out in {n} neighbouring buildings.",
    "Doctors treated {n} people for shock and minor cuts.",
    "Traffic on {n} streets was closed while sappers checked for debris.",
)
_EXTRA = (
    "",
    "",
    " In a separate attack, Russian drones hit {other} on the same night, wounding {n} people.",
    " Earlier in the day, artillery shelling of {other} killed {n} people, the regional governor said.",
    " Separately, Russian and Ukrainian delegations held talks in Istanbul on Thursday, with Turkey as mediator.",
)


def strike_report(i: int, *, seed: int = 0) -> dict[str, Any]:
    """One short, varied strike report as an article record (contract JSONL fields).

    Each ``i`` gives a different date (so the texts always differ) and a different mix of city,
    weapon, target, time, figures and closing sentences (so templated texts are not near-duplicates);
    some also report a second strike or a round of talks, so articles hold one to two events.
    """
    rng = random.Random(seed * 1_000_003 + i)
    day = dt.date(2022, 3, 1) + dt.timedelta(days=i)
    (city, region), (other, _) = rng.sample(_CITIES, 2)
    weapon = rng.choice(_WEAPONS)
    target, target2 = rng.sample(_TARGETS, 2)
    killed, injured = rng.randint(1, 12), rng.randint(2, 40)
    launched = rng.randint(5, 90)
    text = (
        f"Russian {weapon} struck {city} {rng.choice(_TIMES)} on {day:%d %B %Y}, killing {killed} people "
        f"and injuring {injured}, {rng.choice(_SOURCES)} said. "
        f"The attack hit {target} and damaged {target2} in {region}. "
        f"Ukraine's air force said Russia launched {launched} {weapon} in the attack. "
        + rng.choice(_AFTER).format(n=rng.randint(2, 9))
        + rng.choice(_EXTRA).format(other=other, n=rng.randint(2, 9))
    )
    return {
        "id": f"synthetic-{seed}-{i}",
        "title": f"{weapon.capitalize()} hit {city} (report {i})",
        "published": day.isoformat(),
        "source": "Synthetic Wire",
        "text": text,
    }


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    """Write records as JSON lines; returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def strike_reports() -> Callable[..., list[dict[str, Any]]]:
    """``strike_reports(n, seed=0)``: n distinct synthetic strike reports (see ``strike_report``)."""

    def make(n: int, *, seed: int = 0) -> list[dict[str, Any]]:
        return [strike_report(i, seed=seed) for i in range(n)]

    return make


@pytest.fixture
def jsonl_file(tmp_path: Path) -> Callable[..., Path]:
    """``jsonl_file(records, name="articles.jsonl")``: write records as JSONL under tmp_path."""

    def make(records: Iterable[dict[str, Any]], name: str = "articles.jsonl") -> Path:
        return write_jsonl(tmp_path / name, records)

    return make


# --- the reliability tests (crash safety, idempotence): several outlets per strike, comparable results ---

_OUTLETS = ("Kyiv Wire", "Black Sea Herald", "Dnipro Daily", "Eastern Monitor")


def outlet_report_set(n: int, *, seed: int = 0) -> list[dict[str, Any]]:
    """``n`` strikes, each reported by two to four outlets with figures that differ a little.

    Reports of one strike must become one canonical event whose id comes from its first report
    and whose figures are disputed or superseded, so ingest order, crashes and concurrency have
    something to get wrong. Some outlets publish at the same minute (the id's tie-break on the
    article hash is then exercised); strikes two days apart in one city may merge (a real case).
    """
    out: list[dict[str, Any]] = []
    for j in range(n):
        rng = random.Random(seed * 7_919 + j)
        day = dt.date(2023, 1, 1) + dt.timedelta(days=2 * j)
        city, region = rng.choice(_CITIES)
        weapon = rng.choice(("drones", "missiles"))
        killed, launched = rng.randint(2, 15), rng.randint(10, 80)
        for k, outlet in enumerate(rng.sample(_OUTLETS, rng.randint(2, 4))):
            hour = 6 + 3 * k if rng.random() < 0.8 else 6
            figure = killed + (k if rng.random() < 0.5 else 0)
            text = (
                f"Russian {weapon} struck {city} overnight on {day:%d %B %Y}, killing "
                f"{rng.choice(('', 'at least '))}{figure} people, {rng.choice(_SOURCES)} said. "
                f"The attack hit {rng.choice(_TARGETS)} in {region}. "
                f"Ukraine's air force said Russia launched {launched + k} {weapon} at the region. "
                f"{outlet} report number {j}-{k}."
            )
            out.append(
                {
                    "id": f"outlet-{seed}-{j}-{k}",
                    "title": f"{city} strike ({outlet})",
                    "published": f"{day + dt.timedelta(days=1)}T{hour:02d}:00:00+00:00",
                    "source": outlet,
                    "url": f"https://{outlet.lower().replace(' ', '-')}.example/{seed}/{j}-{k}",
                    "text": text,
                }
            )
    return out


@pytest.fixture
def outlet_reports() -> Callable[..., list[dict[str, Any]]]:
    """``outlet_reports(n, seed=0)``: n strikes reported by several outlets each (see ``outlet_report_set``)."""
    return outlet_report_set


def canonical_fingerprint_of(db: str | Path) -> dict[str, dict[str, Any]]:
    """The stored canonical events of a database as comparable data: id → the stored record
    without the database row ids of its reports (which depend on insertion order and on
    rolled-back inserts), so two stores holding the same articles compare equal."""
    from peacewatch.store import open_store

    with open_store(str(db), create=False) as store:
        out: dict[str, dict[str, Any]] = {}
        for c in store.canonical_events():
            data = json.loads(json.dumps(c.data))
            for m in data.get("mentions", []):
                m.pop("event_id", None)
            data["n_members"] = len(c.event_ids)
            out[c.id] = data
        return out


@pytest.fixture
def canonical_fingerprint() -> Callable[[str | Path], dict[str, dict[str, Any]]]:
    """``canonical_fingerprint(db)``: the stored canonical events, comparable across stores."""
    return canonical_fingerprint_of


# --- the web app on a real loopback port, and Chromium (browser tests) ----------------------------------

CHROMIUM = Path("/usr/bin/chromium")
# the flags of TECH-NOTES: headless, no sandbox (root in CI), and nothing that phones home
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def serve_app(app: Any, name: str = "uvicorn") -> Iterator[str]:
    """uvicorn in a daemon thread on a free loopback port; yields the base URL, stops it after."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
