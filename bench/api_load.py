"""Load on the REST API: N concurrent clients against /api/events, beside a trivial baseline.

    python bench/api_load.py [--clients 50] [--duration 30] [--db demo.db] [--path /api/events]

Starts ``peacewatch serve``'s app (uvicorn, one process) on a free loopback port over the
demo database (built in a temporary folder unless ``--db`` is given), then, for the baseline
(``/api/health``, no database work) and the target (``/api/events``, a page of 50 reports
from SQLite), runs ``--clients`` closed-loop clients for ``--duration`` seconds each, after a
short warm-up, and prints requests/s and latency percentiles side by side. The target of
issue 5 is p99 under 100 ms on the demo database with 50 clients.

The server keeps API answers while the database files are unchanged (``peacewatch.web.cache``),
as it does in use; ``--no-cache`` turns that off to measure every request reading the store.

Why a hand-written client: each client is an asyncio task on its own keep-alive HTTP/1.1
connection, sending a fixed request and reading exactly Content-Length bytes, so the client
costs little next to the server it measures (an httpx client would spend more CPU than the
server on this 2-core machine). Latency is from writing the request to reading the last byte.

``--mix a,b,c`` measures several endpoints at once, each client going round them (the
reliability load test's mix, say), and prints the p99 of each.

Traffic goes to 127.0.0.1 only (``--url`` must be loopback too); every phase is bounded in
time and the server is stopped at the end.

The client machinery is importable (``tests/test_reliability_load.py`` runs a mix of
endpoints beside an ingest with it): :func:`start_server`, :func:`wait_until_up`,
:func:`run_phase` (one path) and :func:`run_mix` (several, each client going round them),
and :class:`Phase` with its figures. An error is any answer that is not 2xx and any
connection that fails (the client then reconnects and goes on), each kept in
``Phase.problems`` (the first few) so a failing run says what went wrong.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SERVER = """
import sys, uvicorn
from peacewatch.web import create_app
app = create_app(sys.argv[1], token="", cache_seconds=float(sys.argv[3]))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


@dataclass
class Phase:
    """The figures of one run: latencies of the 2xx answers measured, errors, bytes."""

    path: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    bytes: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)  # the first few errors, described
    by_path: dict[str, list[float]] = field(default_factory=dict)  # latencies of each path of a mix

    def error(self, what: str) -> None:
        self.errors += 1
        if len(self.problems) < 20:
            self.problems.append(what)

    def path_p99_ms(self) -> dict[str, float]:
        """p99 latency of each path of a mix, in ms: which endpoint the tail comes from."""
        return {p: percentile(sorted(v), 0.99) for p, v in self.by_path.items()}

    def row(self) -> dict[str, float | int | str]:
        lat = sorted(self.latencies)
        n = len(lat)

        def pct(p: float) -> float:
            return percentile(lat, p)

        return {
            "path": self.path,
            "requests": n,
            "errors": self.errors,
            "req_per_s": n / self.seconds if self.seconds else 0.0,
            "p50_ms": pct(0.50),
            "p90_ms": pct(0.90),
            "p95_ms": pct(0.95),
            "p99_ms": pct(0.99),
            "max_ms": lat[-1] * 1000 if n else float("nan"),
            "mean_ms": statistics.fmean(lat) * 1000 if n else float("nan"),
            "bytes_per_response": self.bytes // n if n else 0,
        }


def percentile(ordered: list[float], p: float) -> float:
    """The ``p`` quantile of sorted latencies in seconds, in milliseconds (nan when empty)."""
    return ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000 if ordered else float("nan")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """Status and body of one response (Content-Length framing, as uvicorn sends these answers)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    lengths = [int(v) for k, _, v in (x.partition(":") for x in lines[1:]) if k.lower() == "content-length"]
    if not lengths:
        raise ValueError(f"HTTP {status} answer without Content-Length: {lines[1:]}")
    return status, await reader.readexactly(lengths[0])


def request_bytes(host: str, port: int, path: str) -> bytes:
    return f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode()


async def client(
    host: str,
    port: int,
    requests: list[tuple[str, bytes]],
    phase: Phase,
    stop_at: float,
    record_from: float,
    start: int = 0,
) -> None:
    """One closed-loop client on one keep-alive connection, going round ``requests`` from
    ``start``; a failed connection is counted as an error and replaced."""
    i = start
    while time.perf_counter() < stop_at:
        try:
            reader, writer = await asyncio.open_connection(host, port)
        except OSError as exc:
            phase.error(f"connect: {type(exc).__name__}: {exc}")
            await asyncio.sleep(0.05)
            continue
        try:
            while (now := time.perf_counter()) < stop_at:
                path, request = requests[i % len(requests)]
                i += 1
                writer.write(request)
                status, body = await read_response(reader)
                done = time.perf_counter()
                if now < record_from:
                    continue
                phase.statuses[status] += 1
                if 200 <= status < 300:
                    phase.latencies.append(done - now)
                    phase.by_path.setdefault(path, []).append(done - now)
                    phase.bytes += len(body)
                else:
                    phase.error(f"HTTP {status} on {path}: {body[:200]!r}")
        except (OSError, asyncio.IncompleteReadError, ValueError) as exc:
            if time.perf_counter() >= record_from:
                phase.error(f"connection: {type(exc).__name__}: {exc}")
        finally:
            writer.close()


async def run_mix(
    host: str, port: int, paths: list[str], clients: int, duration: float, warmup: float
) -> Phase:
    """``clients`` concurrent clients for ``warmup`` + ``duration`` seconds, each going round
    ``paths`` (client k starts at path k), measured after the warm-up."""
    phase = Phase(" + ".join(paths))
    requests = [(p, request_bytes(host, port, p)) for p in paths]
    start = time.perf_counter()
    record_from, stop_at = start + warmup, start + warmup + duration
    results = await asyncio.gather(
        *(client(host, port, requests, phase, stop_at, record_from, k) for k in range(clients)),
        return_exceptions=True,
    )
    for r in results:
        if isinstance(r, BaseException):
            phase.error(f"client crashed: {type(r).__name__}: {r}")
    phase.seconds = duration
    return phase


async def run_phase(host: str, port: int, path: str, clients: int, duration: float, warmup: float) -> Phase:
    """One endpoint under ``clients`` closed-loop clients (see :func:`run_mix`)."""
    return await run_mix(host, port, [path], clients, duration, warmup)


async def get_json(host: str, port: int, path: str) -> Any:
    """One GET on a connection of its own, the body read as JSON (not counted in any phase)."""
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(request_bytes(host, port, path))
        status, body = await read_response(reader)
        if status != 200:
            raise RuntimeError(f"HTTP {status} on {path}: {body[:200]!r}")
        return json.loads(body)
    finally:
        writer.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, timeout: float = 20.0, server: subprocess.Popen[bytes] | None = None) -> None:
    """Until ``url/api/health`` answers 200; fails early if ``server`` (its process) exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            raise RuntimeError(f"the server exited with code {server.returncode} before answering")
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server at {url} did not answer within {timeout:.0f} s")


def start_server(db: str, port: int, *, cache_seconds: float = 2.0) -> subprocess.Popen[bytes]:
    """``peacewatch serve``'s app in a process of its own (uvicorn, one worker) on 127.0.0.1,
    over ``db`` (a SQLite path or a PostgreSQL URL), answered once it is up."""
    server = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port), str(cache_seconds)])
    try:
        wait_until_up(f"http://127.0.0.1:{port}", server=server)
    except BaseException:
        stop_server(server)
        raise
    return server


def stop_server(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(10)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds measured per endpoint")
    ap.add_argument("--warmup", type=float, default=2.0, help="seconds run but not measured, per endpoint")
    ap.add_argument("--path", default="/api/events", help="the endpoint under test")
    ap.add_argument(
        "--mix",
        help="comma-separated endpoints each client goes round (instead of --path), e.g. the "
        "reliability load test's mix: /api/canonical?limit=20,/api/timeline,/charts",
    )
    ap.add_argument("--baseline", default="/api/health", help="the trivial endpoint beside it")
    ap.add_argument("--db", help="database to serve (default: the demo corpus in a temporary folder)")
    ap.add_argument("--url", help="an already running loopback server instead of starting one")
    ap.add_argument(
        "--no-cache",
        action="store_true",
        help="serve with the answer cache off: every request reads the store",
    )
    ap.add_argument("--json", action="store_true", help="also print one JSON object with every figure")
    args = ap.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="peacewatch-load-")
    server: subprocess.Popen[bytes] | None = None
    try:
        if args.url:
            url = args.url.rstrip("/")
            host = urlsplit(url).hostname or ""
            if host not in ("127.0.0.1", "localhost", "::1") and not host.startswith("127."):
                raise SystemExit(
                    "--url must be a loopback address: this benchmark never loads another machine"
                )
            port = urlsplit(url).port or 80
        else:
            db = args.db
            if db is None:
                from peacewatch import api

                db = str(Path(tmp.name) / "demo.db")
                t = time.perf_counter()
                api.demo(db)
                print(f"demo database built in {time.perf_counter() - t:.1f} s: {db}", file=sys.stderr)
            host, port = "127.0.0.1", free_port()
            url = f"http://{host}:{port}"
            server = start_server(db, port, cache_seconds=0 if args.no_cache else 2.0)
        print(
            f"{args.clients} clients, {args.duration:g} s per endpoint (+{args.warmup:g} s warm-up), {url}, "
            f"{os.cpu_count()} CPUs, answer cache {'off' if args.no_cache else 'on'}",
            file=sys.stderr,
        )
        rows = []
        tested = args.mix.split(",") if args.mix else [args.path]
        for paths in ([args.baseline], tested):
            phase = asyncio.run(run_mix(host, port, paths, args.clients, args.duration, args.warmup))
            rows.append(phase.row())
            if len(paths) > 1:
                print(f"p99 ms by endpoint: {phase.path_p99_ms()}", file=sys.stderr)
    finally:
        if server is not None:
            stop_server(server)
        tmp.cleanup()

    cols = (
        "path",
        "requests",
        "errors",
        "req_per_s",
        "p50_ms",
        "p90_ms",
        "p99_ms",
        "max_ms",
        "bytes_per_response",
    )
    print("  ".join(f"{c:>18}" if c != "path" else f"{c:<14}" for c in cols))
    for r in rows:
        cells = []
        for c in cols:
            v = r[c]
            cells.append(f"{v:<14}" if c == "path" else f"{v:>18.1f}" if isinstance(v, float) else f"{v:>18}")
        print("  ".join(cells))
    target = rows[-1]
    verdict = "PASS" if float(target["p99_ms"]) < 100 and not target["errors"] else "FAIL"
    print(f"target p99 < 100 ms on {target['path']}: {verdict} ({float(target['p99_ms']):.1f} ms)")
    if args.json:
        print(json.dumps({"clients": args.clients, "duration": args.duration, "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
