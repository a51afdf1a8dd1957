"""Fetch a web page for its preview, refusing anything but public web servers.

Every hop (the first address and each redirect) is resolved once, every address it resolves
to is checked, and the connection goes to the checked address itself (the ``Host`` header and
the TLS certificate check still use the name), so a name cannot resolve to a public address
for the check and to an internal one for the connection. Refused: private, loopback,
link-local, multicast, reserved, shared and unspecified addresses, IPv4 and IPv6 alike,
including IPv4 addresses carried inside IPv6 ones (mapped, compatible, 6to4, NAT64); ports
other than 80 and 443; user names in addresses. Limits: one deadline for the whole fetch,
``ESSAIM_LINK_PREVIEW_MAX_BYTES`` read at most, HTML only, ``ESSAIM_LINK_PREVIEW_MAX_REDIRECTS``
redirects at most.

The standard library's ``http.client`` is used because it lets the connection be opened to an
address chosen here while the request and the certificate name stay the page's host, which is
exactly what the rebinding rule needs; no redirect, proxy or retry happens behind our back.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from django.conf import settings

REDIRECTS = {301, 302, 303, 307, 308}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
CHUNK = 16 * 1024
NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


class Refused(Exception):
    """The page was not fetched; ``reason`` is a short code stored on the card."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Page:
    url: str  # after redirects
    body: bytes
    charset: str


def _embedded_v4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (mapped, 6to4, NAT64), judged in its
    place; Teredo and the old IPv4-compatible form are refused as they are."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if any(ip in net for net in NAT64):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def address_refusal(address: str) -> str | None:
    """Why a connection to ``address`` is refused, or None for a public unicast address."""
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(
            address.split("%", 1)[0])
    except ValueError:
        return "bad-address"
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in IPV4_COMPATIBLE and not ip.is_loopback:
            return "private-address"  # ``::a.b.c.d`` and ``::``: never a real server
        ip = _embedded_v4(ip) or ip
    if ip.is_loopback:
        return None if _loopback_allowed() else "private-address"
    if (ip.is_private or ip.is_link_local or ip.is_multicast or ip.is_reserved
            or ip.is_unspecified or not ip.is_global):
        return "private-address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return "private-address"
    return None


def _loopback_allowed() -> bool:
    """Only tests allow loopback (a page served by the test itself); never from the
    environment."""
    return bool(getattr(settings, "ESSAIM_LINK_PREVIEW_ALLOW_LOOPBACK", False))


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                   proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise Refused("unresolved") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def checked_target(url: str) -> tuple[str, str, int, str]:
    """(scheme, host, port, address to connect to) for ``url``, or Refused."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise Refused("bad-address") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise Refused("bad-address")
    if parts.username is not None or parts.password is not None:
        raise Refused("bad-address")
    port = port or (443 if scheme == "https" else 80)
    host = parts.hostname
    addresses = resolve(host, port)
    if not addresses:
        raise Refused("unresolved")
    for address in addresses:  # all of them: a name with one internal address is refused
        refusal = address_refusal(address)
        if refusal:
            raise Refused(refusal)
    if port not in tuple(settings.ESSAIM_LINK_PREVIEW_PORTS):  # 80 and 443 (tests add theirs)
        raise Refused("port")
    return scheme, host, port, addresses[0]


class _PinnedHTTP(http.client.HTTPConnection):
    """An HTTP connection to a given address, whatever the host name resolves to now."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address
        self.kept: socket.socket | None = None  # kept when the response takes the socket over

    def connect(self) -> None:
        self.sock = self.kept = socket.create_connection((self.address, self.port),
                                                         self.timeout)


class _PinnedHTTPS(_PinnedHTTP):
    default_port = 443

    def connect(self) -> None:
        super().connect()
        context = ssl.create_default_context()
        self.sock = self.kept = context.wrap_socket(self.sock, server_hostname=self.host)


class _Deadline:
    """One deadline for a whole fetch: each wait gets what is left, and a watchdog shuts the
    socket when it passes (a server trickling bytes cannot hold a worker)."""

    def __init__(self, seconds: float):
        self.end = time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise Refused("timeout")
        return remaining

    def guard(self, conn: _PinnedHTTP) -> threading.Timer:
        def stop() -> None:
            sock = conn.kept
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        timer = threading.Timer(self.left(), stop)
        timer.daemon = True
        timer.start()
        return timer


def _charset(content_type: str) -> str:
    for part in content_type.split(";")[1:]:
        name, _, value = part.strip().partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return ""


def _user_agent() -> str:
    return f"Essaim link preview (+https://{settings.DOMAIN}/)"


def _connection(url: str, deadline: _Deadline) -> tuple[_PinnedHTTP, str]:
    """A connection to the checked address of ``url``'s host, and the path to ask for."""
    scheme, host, port, address = checked_target(url)
    parts = urlsplit(url)
    path = parts.path or "/"
    if parts.query:
        path += "?" + parts.query
    kind = _PinnedHTTPS if scheme == "https" else _PinnedHTTP
    return kind(host, port, address, timeout=deadline.left()), path


def _ask(conn: _PinnedHTTP, path: str) -> http.client.HTTPResponse:
    conn.putrequest("GET", path, skip_accept_encoding=True)
    conn.putheader("User-Agent", _user_agent())
    conn.putheader("Accept", "text/html,application/xhtml+xml;q=0.9")
    conn.putheader("Accept-Encoding", "identity")
    conn.putheader("Accept-Language", "fr, en;q=0.8, *;q=0.5")
    conn.endheaders()
    return conn.getresponse()


def fetch_page(url: str) -> Page:
    """The start of the HTML page at ``url`` (following a few redirects), or Refused."""
    deadline = _Deadline(float(settings.ESSAIM_LINK_PREVIEW_TIMEOUT))
    for _hop in range(int(settings.ESSAIM_LINK_PREVIEW_MAX_REDIRECTS) + 1):
        conn, path = _connection(url, deadline)
        timer = deadline.guard(conn)
        response = None
        try:
            response = _ask(conn, path)
            if response.status in REDIRECTS:
                location = (response.getheader("Location") or "").strip()
                if not location:
                    raise Refused("http-error")
                url = urljoin(url, location)
                continue
            return _page(url, response, conn, deadline)
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if time.monotonic() >= deadline.end:
                raise Refused("timeout") from exc
            raise Refused("unreachable") from exc
        finally:
            timer.cancel()
            if response is not None:
                response.close()
            conn.close()
    raise Refused("too-many-redirects")


def _page(url: str, response: http.client.HTTPResponse, conn, deadline: _Deadline) -> Page:
    if not 200 <= response.status < 300:
        raise Refused(f"http-{response.status}")
    content_type = response.getheader("Content-Type") or ""
    if content_type.split(";")[0].strip().lower() not in HTML_TYPES:
        raise Refused("not-html")
    body = _read(response, conn, int(settings.ESSAIM_LINK_PREVIEW_MAX_BYTES), deadline)
    return Page(url=url, body=body, charset=_charset(content_type))


def _read(response, conn, limit: int, deadline: _Deadline) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size < limit:
        if conn.kept is not None:
            conn.kept.settimeout(deadline.left())
        chunk = response.read1(min(CHUNK, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    if time.monotonic() >= deadline.end:  # the watchdog cut the page short
        raise Refused("timeout")
    return b"".join(chunks)
