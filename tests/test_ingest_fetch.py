"""URL fetching against a real local HTTP server, plus an injected transport for the SSRF hop checks."""

from __future__ import annotations

import contextlib
import re
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from peacewatch.errors import FetchError, ForbiddenAddress, TooLargeInput
from peacewatch.ingest import fetch as fetch_module
from peacewatch.ingest import read_sources
from peacewatch.ingest.fetch import Fetcher, check_host, fetch
from peacewatch.records import Article, Rejection
from peacewatch.settings import Options

DATA = Path(__file__).parent / "data" / "ingest"
PAGE = (DATA / "page.html").read_bytes()
FEED = (DATA / "feed_mixed.xml").read_bytes()
PLAIN = (
    b"Kherson shelled again\n"
    b"Russian artillery shelled the Dniprovskyi district of Kherson on Friday, wounding a woman, "
    b"the city administration said.\n"
)
BARE_PAGE = (
    b"<html><head><title>Night attack on Poltava</title></head>"
    b"<body><article><h1>Night attack on Poltava</h1>"
    b"<p>Russian drones struck an oil refinery in Kremenchuk in the Poltava region overnight, the regional "
    b"governor said, adding that firefighters had contained the blaze by morning and that no casualties "
    b"had been reported so far. Air defence units destroyed most of the drones over the region.</p>"
    b"<p>It was the third attack on the refinery this month, according to local officials, who said the "
    b"plant had been working at reduced capacity since the previous strike.</p></article></body></html>"
)


class Handler(BaseHTTPRequestHandler):
    """Routes for every way a server can answer; records what it was asked."""

    server: Server

    def log_message(self, format: str, *args: object) -> None:  # silence the test output
        pass

    def send(self, status: int, ctype: str | None, body: bytes, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (extra or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.requests.append((self.path, dict(self.headers)))
        # The client may stop reading on purpose (size cap, timeout).
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.route()

    def route(self) -> None:
        path = self.path
        if path == "/article":
            self.send(200, "text/html; charset=utf-8", BARE_PAGE)
        elif path == "/page":
            self.send(200, "text/html", PAGE)
        elif path == "/feed":
            self.send(200, "application/rss+xml", FEED)
        elif path == "/feed-as-xml":
            self.send(200, "text/xml", FEED)
        elif path == "/feed-as-html":
            self.send(200, "text/html", FEED)
        elif path == "/plain":
            self.send(200, "text/plain; charset=utf-8", PLAIN)
        elif path == "/png":
            self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100))
        elif path == "/missing":
            self.send(404, "text/html", b"<p>not here</p>")
        elif path == "/empty":
            self.send(200, "text/html", b"")
        elif path == "/slow":
            self.server.release.wait(5)
            self.send(200, "text/html", BARE_PAGE)
        elif path == "/declared-big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(10**9))
            self.end_headers()
        elif path == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no length: the body runs until the connection closes
            chunk = b"<p>" + b"x" * 8189 + b"</p>"
            while not self.server.release.is_set():
                self.wfile.write(chunk)
                self.server.sent += len(chunk)
        elif path == "/redirect":
            self.send(302, None, b"", {"Location": "/article"})
        elif path.startswith("/loop"):
            n = int(path.removeprefix("/loop") or 0)
            self.send(302, None, b"", {"Location": f"/loop{n + 1}"})
        elif path == "/redirect-no-location":
            self.send(302, None, b"")
        else:
            self.send(500, "text/plain", b"no such route")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.release = threading.Event()
        self.sent = 0

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up is expected in these tests

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    srv = Server()
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.release.set()
        srv.shutdown()
        srv.server_close()
        thread.join(5)


LOCAL = Options(allow_private=True, connect_timeout=2.0, read_timeout=2.0)


def one(url: str, options: Options = LOCAL) -> Article | Rejection:
    (result,) = list(read_sources([url], options))
    return result


def rejected(url: str, options: Options = LOCAL) -> Rejection:
    result = one(url, options)
    assert isinstance(result, Rejection), result
    assert result.source == url and "\n" not in result.reason
    return result


# --- the real path: a local server ---------------------------------------------------------------------


def test_html_page(server: Server) -> None:
    art = one(server.base + "/article")
    assert isinstance(art, Article)
    assert art.id == art.url == server.base + "/article"
    assert art.origin == server.base + "/article"
    assert art.title == "Night attack on Poltava"
    assert art.source == "127.0.0.1"  # no site name on the page: the host name
    assert "oil refinery in Kremenchuk" in art.text


def test_site_name_and_date_come_from_the_page(server: Server) -> None:
    art = one(server.base + "/page")
    assert isinstance(art, Article)
    assert art.source == "Slobozhanshchyna Herald" and art.published == "2025-11-18"
    assert "KAB-500" in art.text


def test_user_agent_from_options(server: Server) -> None:
    one(server.base + "/article", LOCAL.with_(user_agent="peacewatch-test/1.0"))
    path, headers = server.requests[-1]
    assert path == "/article" and headers["User-Agent"] == "peacewatch-test/1.0"


@pytest.mark.parametrize("route", ["/feed", "/feed-as-xml", "/feed-as-html"])
def test_feeds_by_content_type_or_content(server: Server, route: str) -> None:
    results = list(read_sources([server.base + route], LOCAL))
    assert [type(r).__name__ for r in results] == ["Article", "Rejection", "Rejection", "Article"]
    first, bad = results[0], results[1]
    assert isinstance(first, Article) and first.id == "https://wire.example/nikopol-shelling"
    assert first.origin == server.base + route
    assert isinstance(bad, Rejection) and bad.source == f"{server.base}{route}#2"


def test_plain_text(server: Server) -> None:
    art = one(server.base + "/plain")
    assert isinstance(art, Article)
    assert art.title == "Kherson shelled again"
    assert art.source == "127.0.0.1" and art.url == server.base + "/plain"


def test_redirect_is_followed_to_the_final_url(server: Server) -> None:
    art = one(server.base + "/redirect")
    assert isinstance(art, Article)
    assert art.id == server.base + "/article" and art.origin == server.base + "/redirect"


def test_404(server: Server) -> None:
    rej = rejected(server.base + "/missing")
    assert rej.code == "PW210" and "HTTP 404" in rej.reason


def test_wrong_content_type(server: Server) -> None:
    rej = rejected(server.base + "/png")
    assert rej.code == "PW210" and "unsupported content type 'image/png'" in rej.reason


def test_empty_body(server: Server) -> None:
    assert rejected(server.base + "/empty").code == "PW204"


@pytest.mark.timeout(20)
def test_timeout(server: Server) -> None:
    start = time.monotonic()
    rej = rejected(server.base + "/slow", LOCAL.with_(read_timeout=0.3))
    assert time.monotonic() - start < 3
    assert rej.code == "PW210" and "timed out" in rej.reason


def test_declared_length_over_the_cap(server: Server) -> None:
    rej = rejected(server.base + "/declared-big", LOCAL.with_(max_bytes=100_000))
    assert rej.code == "PW205" and "1,000,000,000 bytes" in rej.reason


@pytest.mark.timeout(20)
def test_streamed_body_stops_at_the_cap(server: Server) -> None:
    # The server would send forever: only a reader that stops at the cap returns.
    start = time.monotonic()
    rej = rejected(server.base + "/endless", LOCAL.with_(max_bytes=64 * 1024))
    assert time.monotonic() - start < 5
    assert rej.code == "PW205" and "stopped reading" in rej.reason


def test_too_many_redirects(server: Server) -> None:
    rej = rejected(server.base + "/loop", LOCAL.with_(max_redirects=3))
    assert rej.code == "PW210" and "too many redirects (more than 3)" in rej.reason
    loops = [p for p, _h in server.requests if p.startswith("/loop")]
    assert loops[-4:] == ["/loop", "/loop1", "/loop2", "/loop3"]


def test_redirect_without_location(server: Server) -> None:
    assert "without a Location" in rejected(server.base + "/redirect-no-location").reason


def test_loopback_is_refused_without_allow_private_and_nothing_is_sent(server: Server) -> None:
    before = len(server.requests)
    rej = rejected(server.base + "/article", Options())
    assert rej.code == "PW211" and "loopback" in rej.reason and rej.stage == "fetch"
    assert len(server.requests) == before


def test_localhost_name_is_refused() -> None:
    rej = rejected("http://localhost:9/x", Options())
    assert rej.code == "PW211"


def test_the_connected_address_is_checked_too(server: Server, monkeypatch: pytest.MonkeyPatch) -> None:
    # As if DNS said "public" to the check and "127.0.0.1" to the connection (DNS rebinding).
    monkeypatch.setattr(fetch_module, "check_host", lambda url, options, resolver: None)
    with pytest.raises(ForbiddenAddress, match=re.escape("connected to 127.0.0.1")):
        fetch(server.base + "/article", Options())


def test_connection_refused_is_a_fetch_error() -> None:
    with pytest.raises(FetchError):
        fetch("http://127.0.0.1:9/", LOCAL)


@pytest.mark.parametrize(
    "url",
    ["ftp://files.example/a.txt", "file:///etc/passwd", "javascript:alert(1)", "data:text/html,<p>x</p>"],
)
def test_other_schemes_are_rejected(url: str) -> None:
    rej = rejected(url, Options())
    assert rej.code == "PW210" and "unsupported URL scheme" in rej.reason


# --- the address guard ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "::1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "fe80::1",
        "0.0.0.0",
        "::",
        "::ffff:127.0.0.1",
        "100.64.0.1",
        "fd00::1",
        "224.0.0.1",
    ],
)
def test_forbidden_addresses(address: str) -> None:
    with pytest.raises(ForbiddenAddress):
        check_host(httpx.URL("http://news.example/"), Options(), lambda host, port: [address])


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:4700:4700::1111"])
def test_public_addresses_pass(address: str) -> None:
    check_host(httpx.URL("http://news.example/"), Options(), lambda host, port: [address])


def test_every_resolved_address_is_checked() -> None:
    with pytest.raises(ForbiddenAddress, match=re.escape("10.0.0.7")):
        check_host(httpx.URL("https://news.example/"), Options(), lambda h, p: ["93.184.216.34", "10.0.0.7"])


def test_ip_literal_hosts_are_checked_without_dns() -> None:
    def no_dns(host: str, port: int) -> list[str]:
        raise AssertionError("resolved an IP literal")

    with pytest.raises(ForbiddenAddress, match=re.escape("169.254.169.254 is a link-local")):
        check_host(httpx.URL("http://169.254.169.254/latest/meta-data/"), Options(), no_dns)
    with pytest.raises(ForbiddenAddress):
        check_host(httpx.URL("http://[::1]:8080/"), Options(), no_dns)


# --- an injected transport: redirects through public hosts to private ones --------------------------------

ZONE = {"news.example": "93.184.216.34", "cdn.example": "151.101.1.1", "metadata.example": "169.254.169.254"}


def resolver(host: str, port: int) -> list[str]:
    return [ZONE[host]]


def test_a_redirect_hop_to_a_private_address_is_refused() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://cdn.example/a"})
        if request.url.host == "cdn.example":
            return httpx.Response(301, headers={"Location": "http://metadata.example/latest/meta-data/"})
        return httpx.Response(200, text="secret credentials", headers={"Content-Type": "text/plain"})

    with pytest.raises(ForbiddenAddress, match=re.escape("metadata.example resolves to 169.254.169.254")):
        fetch(
            "http://news.example/story", Options(), transport=httpx.MockTransport(handler), resolver=resolver
        )
    assert seen == ["http://news.example/story", "http://cdn.example/a"]


def test_a_redirect_to_a_literal_metadata_address_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.host == "news.example", "the metadata address must never be contacted"
        return httpx.Response(307, headers={"Location": "http://169.254.169.254/"})

    with pytest.raises(ForbiddenAddress):
        fetch("http://news.example/", Options(), transport=httpx.MockTransport(handler), resolver=resolver)


def test_an_injected_transport_serves_a_page() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=BARE_PAGE, headers={"Content-Type": "text/html; charset=UTF-8"})

    with Fetcher(Options(), transport=httpx.MockTransport(handler), resolver=resolver) as fetcher:
        got = fetcher.fetch("https://news.example/poltava")
    assert got.url == "https://news.example/poltava"
    assert (got.content_type, got.charset, got.body) == ("text/html", "UTF-8", BARE_PAGE)


def test_an_injected_transport_timeout_is_a_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with pytest.raises(FetchError, match="timed out"):
        fetch("https://news.example/", Options(), transport=httpx.MockTransport(handler), resolver=resolver)


def test_an_oversized_mock_body_is_too_large() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"<p>" + b"x" * 5000, headers={"Content-Type": "text/html"})

    with pytest.raises(TooLargeInput):
        fetch(
            "https://news.example/",
            Options(max_bytes=1000),
            transport=httpx.MockTransport(handler),
            resolver=resolver,
        )


# --- DNS rebinding: the connection goes to the address that was checked ----------------------------------


class _Named(ThreadingHTTPServer):
    """A server that says who it is and records the Host header of each request."""

    daemon_threads = True

    def __init__(self, address: str, port: int, name: bytes) -> None:
        self.name = name
        self.hosts: list[str | None] = []
        server = self

        class Answer(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.hosts.append(self.headers.get("Host"))
                body = b"<html><head><title>" + server.name + b"</title></head><body><p>ok</p></body></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        super().__init__((address, port), Answer)


def test_dns_rebinding_connects_to_the_checked_address(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resolver that answers "good" to the check and "private" afterwards (DNS rebinding).

    127.0.0.2 stands for a public address here (the guard is told so); 127.0.0.1 is the private
    service the rebinding aims at, on the same port. The system resolver is rebound too, so a
    connection that resolved the name again would reach the private service. It must go to the
    address the check approved: the private service receives nothing.
    """
    good = _Named("127.0.0.2", 0, b"public")
    port = good.server_address[1]
    try:
        evil = _Named("127.0.0.1", port, b"private")
    except OSError:
        good.server_close()
        pytest.skip(f"port {port} is taken on 127.0.0.1")
    answers = iter(["127.0.0.2"])
    asked: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        asked.append(host)
        return [next(answers, "127.0.0.1")]  # public first, private ever after

    real_getaddrinfo = socket.getaddrinfo

    def system(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host == "news.rebind.example":
            return real_getaddrinfo(rebinding(host, 0)[0], *args, **kwargs)
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", system)
    real_problem = fetch_module._address_problem
    monkeypatch.setattr(
        fetch_module, "_address_problem", lambda a: None if a == "127.0.0.2" else real_problem(a)
    )
    for s in (good, evil):
        threading.Thread(target=s.serve_forever, daemon=True).start()
    try:
        with Fetcher(Options(), resolver=rebinding) as fetcher:
            got = fetcher.fetch(f"http://news.rebind.example:{port}/story")
            assert fetcher.backend is not None
            assert fetcher.backend.connected == [("news.rebind.example", "127.0.0.2", port)]
        assert b"public" in got.body
        assert asked == ["news.rebind.example"]  # resolved once, by the check
        assert good.hosts == [f"news.rebind.example:{port}"]  # the Host header still names the site
        assert evil.hosts == []  # nothing was sent to the private address
    finally:
        for s in (good, evil):
            s.shutdown()
            s.server_close()


def test_without_a_pin_the_rebound_name_is_caught_after_connecting(monkeypatch: pytest.MonkeyPatch) -> None:
    """The post-connect check stays as a second line: a connection that did reach a private
    address (here: no pin, as if resolved again) is refused."""
    server = _Named("127.0.0.1", 0, b"private")
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    real_getaddrinfo = socket.getaddrinfo
    monkeypatch.setattr(
        socket,
        "getaddrinfo",
        lambda host, *a, **k: real_getaddrinfo(
            "127.0.0.1" if host == "news.rebind.example" else host, *a, **k
        ),
    )
    monkeypatch.setattr(fetch_module, "check_host", lambda url, options, resolver: None)
    try:
        with pytest.raises(ForbiddenAddress, match=re.escape("connected to 127.0.0.1")):
            fetch(f"http://news.rebind.example:{port}/story", Options())
    finally:
        server.shutdown()
        server.server_close()
