"""Fetch one URL safely: size cap, timeouts, content-type allow list, and an SSRF guard on every hop.

Redirects are followed here, not by httpx, so that each hop's host is resolved and checked
before anything is sent to it: a public page must not be able to redirect us to
``http://169.254.169.254/`` (cloud metadata) or to a service on the user's own network.

The connection is made to the address that was checked, never to a second resolution of the
name (``PinnedBackend``): a DNS server that answers "public" to the check and "127.0.0.1" a
moment later (DNS rebinding) would otherwise receive our GET on the private address before
the post-connect check could refuse it. The request keeps its URL, so the Host header, the TLS
server name (SNI) and certificate verification are still those of the name.

A host is read the way the C library will read it when the connection is made: the
numeric forms ``inet_aton`` accepts (``2130706433``, ``0x7f.1``, ``0177.0.0.1``, ``127.1``)
are addresses, not names handed to a resolver that may not know them; an IPv6 address
that carries an IPv4 one (mapped, compatible, NAT64, 6to4, Teredo) is judged by the IPv4
address too; ``localhost`` and the cloud metadata names are refused by name.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import unquote

import httpcore
import httpx

from peacewatch.errors import FetchError, ForbiddenAddress, TooLargeInput
from peacewatch.settings import DEFAULT_OPTIONS, Options

ALLOWED_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "text/plain",
        "application/rss+xml",
        "application/atom+xml",
        "application/xml",
        "text/xml",
    }
)
FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml"})
XML_TYPES = frozenset({"application/xml", "text/xml"})
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# A server that drips one byte per read timeout would hold us forever; cap the whole download.
_TOTAL_TIME_FACTOR = 4

Resolver = Callable[[str, int], list[str]]


@dataclass(frozen=True, slots=True)
class Fetched:
    """A response body read within the caps, with what is needed to parse it."""

    url: str  # the final URL, after redirects
    content_type: str  # lower-cased media type without parameters; "" when the server sent none
    charset: str | None
    body: bytes


def system_resolver(host: str, port: int) -> list[str]:
    """Every address the host name resolves to (all are checked, not just the first)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}") from None
    return sorted({str(info[4][0]) for info in infos})


# Names that are loopback or cloud metadata whatever a resolver says (RFC 6761; GCP, AWS).
_FORBIDDEN_NAMES = frozenset({"localhost", "metadata.google.internal", "metadata.goog", "instance-data"})
_FORBIDDEN_SUFFIXES = (".localhost", ".metadata.google.internal")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052 well-known prefix: the last 32 bits are IPv4
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215 local-use translation prefix
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated ::a.b.c.d (:: and ::1 are checked first)


def numeric_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The address of a host written in a numeric form ``inet_aton`` accepts, else None.

    Why: ``getaddrinfo`` (which the connection uses) reads ``2130706433``, ``0x7f.1`` and
    ``0177.0.0.1`` as 127.0.0.1, so checking them as DNS names would let them through an
    injected resolver that treats them as names. One to four parts, each decimal, octal
    (leading 0) or hex (0x); the last part fills the remaining bytes.
    """
    parts = host.rstrip(".").split(".") if host.strip(".") else []
    if not 1 <= len(parts) <= 4:
        return None
    values: list[int] = []
    for part in parts:
        low = part.lower()
        try:
            if low.startswith("0x"):
                values.append(int(low[2:] or "0", 16))
            elif len(low) > 1 and low.startswith("0"):
                values.append(int(low[1:], 8))
            elif low.isdigit():
                values.append(int(low, 10))
            else:
                return None
        except ValueError:
            return None
    *head, last = values
    if any(v > 255 for v in head) or last >= 256 ** (4 - len(head)):
        return None
    number = 0
    for v in head:
        number = number * 256 + v
    return ipaddress.IPv4Address(number * 256 ** (4 - len(head)) + last)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries and may be routed to, if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]  # (server, client): the client is where traffic ends up
    if ip in _NAT64 or ip in _NAT64_LOCAL or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _address_problem(address: str) -> str | None:
    """Why an address must not be fetched from, or None when it is a public unicast address."""
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "not an IP address"
    if isinstance(ip, ipaddress.IPv6Address) and not (ip.is_unspecified or ip.is_loopback):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            inner = _address_problem(str(embedded))
            if inner:
                return f"{inner} (IPv6 carrying {embedded})"
            if ip.ipv4_mapped is not None:
                return None  # ::ffff:a.b.c.d is that public IPv4 address itself
    if ip.is_unspecified:
        return "unspecified address"
    if ip.is_loopback:
        return "loopback address"
    if ip.is_link_local:
        return "link-local address (includes cloud metadata 169.254.169.254)"
    if ip.is_multicast:
        return "multicast address"
    if ip.is_private:
        return "private network address"
    if not ip.is_global:
        return "non-public address"
    return None


def check_host(url: httpx.URL, options: Options, resolver: Resolver) -> list[str] | None:
    """Refuse a URL whose host resolves to any loopback/private/link-local/metadata address.

    Returns the addresses checked, to connect to (None with ``allow_private``: no check, so
    the connection resolves the name itself)."""
    if url.scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {url.scheme!r} (only http and https)")
    host = url.host
    if not host:
        raise FetchError("URL has no host")
    if options.allow_private:
        return None
    port = url.port or (443 if url.scheme == "https" else 80)
    name = unquote(host).lower().rstrip(".")  # what a resolver would be asked for, decoded
    if name in _FORBIDDEN_NAMES or name.endswith(_FORBIDDEN_SUFFIXES):
        raise ForbiddenAddress(f"refused: {host} is a loopback or cloud metadata name")
    literal = True
    try:
        addresses = [str(ipaddress.ip_address(name))]
    except ValueError:
        numeric = numeric_ipv4(name)
        if numeric is not None:
            addresses = [str(numeric)]
        else:
            addresses, literal = resolver(host, port), False
    if not addresses:
        raise FetchError(f"host {host!r} resolves to no address")
    for address in addresses:
        problem = _address_problem(address)
        if problem:
            what = f"{host} is" if literal else f"{host} resolves to {address},"
            raise ForbiddenAddress(f"refused: {what} a {problem} (set allow_private to fetch it)")
    return addresses


class PinnedBackend(httpcore.NetworkBackend):
    """httpcore's network backend, connecting to the checked address of each host.

    ``pin(host, port, address)`` says where the next connection to ``host:port`` goes; a host
    that was not pinned is resolved as usual (``allow_private``, where nothing is checked).
    httpcore still passes the host name for TLS (``server_hostname``), so SNI and the
    certificate check are unchanged.
    """

    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()
        self._pins: dict[tuple[str, int], str] = {}
        self.connected: list[tuple[str, str, int]] = []  # (host, address, port) of each connection

    def pin(self, host: str, port: int, address: str | None) -> None:
        if address is None:
            self._pins.pop((host, port), None)
        else:
            self._pins[(host, port)] = address

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = self._pins.get((host, port), host)
        self.connected.append((host, address, port))
        return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def pinned_transport(backend: PinnedBackend) -> httpx.HTTPTransport:
    """httpx's own transport (TLS verified with its defaults, no proxies) over ``backend``."""
    transport = httpx.HTTPTransport(trust_env=False)
    transport._pool = httpcore.ConnectionPool(  # the pool httpx builds, with our backend
        ssl_context=httpx.create_ssl_context(trust_env=False),
        max_connections=100,
        max_keepalive_connections=20,
        keepalive_expiry=5.0,
        network_backend=backend,
    )
    return transport


def _peer_problem(response: httpx.Response, options: Options) -> str | None:
    """Check the address actually connected to (closes the gap of DNS answers that change)."""
    if options.allow_private:
        return None
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    peer = stream.get_extra_info("server_addr")
    if not peer:
        return None
    problem = _address_problem(str(peer[0]))
    return f"refused: connected to {peer[0]}, a {problem}" if problem else None


def _media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return parts[0].lower(), charset


class Fetcher:
    """One HTTP client for a run; ``transport`` and ``resolver`` can be swapped in tests."""

    def __init__(
        self,
        options: Options = DEFAULT_OPTIONS,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.options = options
        self.resolver = resolver or system_resolver
        # An injected transport (tests) connects by itself; ours connects to checked addresses.
        self.backend = PinnedBackend() if transport is None else None
        self.client = httpx.Client(
            transport=transport if self.backend is None else pinned_transport(self.backend),
            follow_redirects=False,
            # Proxies from the environment are ignored: the address guard must see the real target.
            trust_env=False,
            headers={"User-Agent": options.user_agent, "Accept": ", ".join(sorted(ALLOWED_TYPES))},
            timeout=httpx.Timeout(
                connect=options.connect_timeout,
                read=options.read_timeout,
                write=options.read_timeout,
                pool=options.connect_timeout,
            ),
        )

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def fetch(self, url: str) -> Fetched:
        """GET the URL within the caps; raises a FetchError (or TooLargeInput) naming the problem."""
        try:
            current = httpx.URL(url)
        except (httpx.InvalidURL, ValueError) as exc:
            raise FetchError(f"invalid URL: {exc}") from None
        for _hop in range(self.options.max_redirects + 1):
            addresses = check_host(current, self.options, self.resolver)
            if self.backend is not None:
                port = current.port or (443 if current.scheme == "https" else 80)
                self.backend.pin(current.raw_host.decode("ascii"), port, addresses[0] if addresses else None)
            try:
                result = self._get(current)
            except httpx.TimeoutException:
                raise FetchError(
                    f"timed out (connect {self.options.connect_timeout}s, read {self.options.read_timeout}s)"
                ) from None
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}") from None
            if isinstance(result, Fetched):
                return result
            current = result
        raise FetchError(f"too many redirects (more than {self.options.max_redirects})")

    def _get(self, url: httpx.URL) -> Fetched | httpx.URL:
        """One request: the body, or the next URL when the answer is a redirect."""
        cap = self.options.max_bytes
        deadline = (
            time.monotonic() + self.options.connect_timeout + _TOTAL_TIME_FACTOR * self.options.read_timeout
        )
        with self.client.stream("GET", url) as response:
            problem = _peer_problem(response, self.options)
            if problem:
                raise ForbiddenAddress(problem)
            if response.status_code in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {response.status_code} redirect without a Location header")
                try:
                    return url.join(location)
                except (httpx.InvalidURL, ValueError) as exc:
                    raise FetchError(f"bad redirect location {location!r}: {exc}") from None
            if not response.is_success:
                raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            media, charset = _media_type(response.headers.get("content-type"))
            if media and media not in ALLOWED_TYPES:
                raise FetchError(f"unsupported content type {media!r} (not an article or feed)")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > cap:
                raise TooLargeInput(
                    f"response is {int(declared):,} bytes, over the {cap:,}-byte cap (max_bytes)"
                )
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > cap:
                    raise TooLargeInput(f"response exceeds the {cap:,}-byte cap (max_bytes); stopped reading")
                if time.monotonic() > deadline:
                    raise FetchError("download too slow: gave up before the body was complete")
                chunks.append(chunk)
            return Fetched(url=str(response.url), content_type=media, charset=charset, body=b"".join(chunks))


def fetch(
    url: str,
    options: Options = DEFAULT_OPTIONS,
    *,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
) -> Fetched:
    """Fetch one URL with a client of its own (``Fetcher`` reuses one across a run)."""
    with Fetcher(options, transport=transport, resolver=resolver) as fetcher:
        return fetcher.fetch(url)
