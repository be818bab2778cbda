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

Traffic goes to 127.0.0.1 only (``--url`` must be loopback too); every phase is bounded in
time and the server is stopped at the end.
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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

SERVER = """
import sys, uvicorn
from peacewatch.web import create_app
app = create_app(sys.argv[1], token="", cache_seconds=float(sys.argv[3]))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[2]), log_level="warning", access_log=False)
"""


@dataclass
class Phase:
    path: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0
    bytes: int = 0

    def row(self) -> dict[str, float | int | str]:
        lat = sorted(self.latencies)
        n = len(lat)

        def pct(p: float) -> float:
            return lat[min(n - 1, int(p * n))] * 1000 if n else float("nan")

        return {
            "path": self.path,
            "requests": n,
            "errors": self.errors,
            "req_per_s": n / self.seconds if self.seconds else 0.0,
            "p50_ms": pct(0.50),
            "p90_ms": pct(0.90),
            "p99_ms": pct(0.99),
            "max_ms": lat[-1] * 1000 if n else float("nan"),
            "mean_ms": statistics.fmean(lat) * 1000 if n else float("nan"),
            "bytes_per_response": self.bytes // n if n else 0,
        }


async def read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    """Status and body length of one response (Content-Length framing, as uvicorn sends JSON)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next(
        int(v) for k, _, v in (x.partition(":") for x in lines[1:]) if k.lower() == "content-length"
    )
    await reader.readexactly(length)
    return status, length


async def client(
    host: str, port: int, request: bytes, phase: Phase, stop_at: float, record_from: float
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while (now := time.perf_counter()) < stop_at:
            writer.write(request)
            status, length = await read_response(reader)
            done = time.perf_counter()
            if now >= record_from:
                if status == 200:
                    phase.latencies.append(done - now)
                    phase.bytes += length
                else:
                    phase.errors += 1
    finally:
        writer.close()


async def run_phase(host: str, port: int, path: str, clients: int, duration: float, warmup: float) -> Phase:
    phase = Phase(path)
    request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: application/json\r\n\r\n".encode()
    start = time.perf_counter()
    record_from, stop_at = start + warmup, start + warmup + duration
    results = await asyncio.gather(
        *(client(host, port, request, phase, stop_at, record_from) for _ in range(clients)),
        return_exceptions=True,
    )
    phase.errors += sum(1 for r in results if isinstance(r, BaseException))
    phase.seconds = duration
    return phase


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/api/health", timeout=1) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"the server at {url} did not answer within {timeout:.0f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--duration", type=float, default=30.0, help="seconds measured per endpoint")
    ap.add_argument("--warmup", type=float, default=2.0, help="seconds run but not measured, per endpoint")
    ap.add_argument("--path", default="/api/events", help="the endpoint under test")
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
            cache = "0" if args.no_cache else "2.0"
            server = subprocess.Popen([sys.executable, "-c", SERVER, db, str(port), cache])
            wait_until_up(url)
        print(
            f"{args.clients} clients, {args.duration:g} s per endpoint (+{args.warmup:g} s warm-up), {url}, "
            f"{os.cpu_count()} CPUs, answer cache {'off' if args.no_cache else 'on'}",
            file=sys.stderr,
        )
        rows = []
        for path in (args.baseline, args.path):
            phase = asyncio.run(run_phase(host, port, path, args.clients, args.duration, args.warmup))
            rows.append(phase.row())
    finally:
        if server is not None:
            server.terminate()
            server.wait(10)
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
    print(f"target p99 < 100 ms on {args.path}: {verdict} ({float(target['p99_ms']):.1f} ms)")
    if args.json:
        print(json.dumps({"clients": args.clients, "duration": args.duration, "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
