"""Fetch a page the user named by URL: the only network access newscast makes.

A service that narrates URLs sent by others must not become a way into its
own network, nor be held up or flooded by the server it asks: hosts that
resolve to loopback, private or link-local addresses are refused unless
allowed (on every redirect hop, and again for the address actually
connected to), redirects are followed by hand at most MAX_REDIRECTS times,
the whole fetch has one deadline, and the body is counted, and inflated,
as it streams in.

urllib.request and http.client (with email and ssl: about 20 ms) are imported
only when a page is fetched, so building a page file does not wait for them.
"""
from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import socket
import time
import urllib.parse
from dataclasses import dataclass

from .errors import InputError
from .inflate import ENCODINGS, Inflater

TIMEOUT_S = 20  # for the whole fetch: every hop and the body
MAX_REDIRECTS = 5
PIECE = 64 * 1024  # bytes read at a time
# Sites that refuse unknown clients still answer a browser.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36 newscast/0.1"
)
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
    "Accept-Encoding": "gzip, deflate",
    "Accept-Language": "en;q=0.9, *;q=0.5",
}
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
_REDIRECTS = (301, 302, 303, 307, 308)
_private_allowed = contextvars.ContextVar("newscast_private_urls_allowed", default=False)


@dataclass(frozen=True)
class Fetched:
    body: bytes
    charset: str | None
    url: str  # after redirects


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


@contextlib.contextmanager
def private_urls_allowed(allowed: bool = True):
    """Within this block, fetches that are not told otherwise may reach private addresses (the CLI's flag)."""
    token = _private_allowed.set(allowed)
    try:
        yield
    finally:
        _private_allowed.reset(token)


def fetch(url: str, max_bytes: int, timeout: float | None = None, allow_private: bool | None = None) -> Fetched:
    """GET ``url``, refusing non-pages, bodies over ``max_bytes`` and (unless allowed) private hosts."""
    import http.client
    import urllib.error

    timeout = TIMEOUT_S if timeout is None else timeout
    allow_private = _private_allowed.get() if allow_private is None else allow_private
    deadline = time.monotonic() + timeout
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        _check_target(url, current, allow_private)
        try:
            with _open(current, deadline, allow_private) as response:
                if response.status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise InputError(f"{url}: the server redirected nowhere ({response.status})")
                    current = urllib.parse.urljoin(current, location.strip())
                    continue
                return _body(url, response, max_bytes, deadline, timeout)
        except InputError:
            raise
        except urllib.error.HTTPError as exc:
            raise InputError(f"{url}: the server answered {exc.code} {exc.reason}") from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, InputError):
                raise reason from None
            if isinstance(reason, socket.gaierror):
                reason = "host not found (offline?)"
            elif isinstance(reason, (TimeoutError, socket.timeout)):
                reason = f"no answer within {timeout:g} s"
            raise InputError(f"{url}: cannot connect ({reason})") from None
        except (TimeoutError, socket.timeout):
            raise InputError(f"{url}: no answer within {timeout:g} s") from None
        except (OSError, ValueError, http.client.HTTPException) as exc:
            raise InputError(f"{url}: cannot fetch ({exc})") from None
    raise InputError(f"{url}: more than {MAX_REDIRECTS} redirects")


def _check_target(url: str, current: str, allow_private: bool) -> None:
    parts = urllib.parse.urlsplit(current)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: redirected to a {parts.scheme or 'relative'} URL; only http and https are fetched")
    if not parts.hostname:
        raise InputError(f"{url}: no host in {current}")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        return  # reported as "host not found" by the connection itself
    for info in infos:
        _refuse_private(url, parts.hostname, info[4][0])


def _refuse_private(url: str, host: str, address: str) -> None:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if not ip.is_global or ip.is_multicast:
        resolved = "" if host.strip("[]") == address else f" ({ip})"
        raise InputError(
            f"{url}: {host} is a private, loopback or link-local address{resolved}; "
            "pass --allow-private-urls (allow_private=True) to fetch it"
        )


def _open(url: str, deadline: float, allow_private: bool):
    from .web_guards import open_url

    return open_url(url, _HEADERS, allow_private, _remaining(deadline))


def _body(url: str, response, max_bytes: int, deadline: float, timeout: float) -> Fetched:
    content_type = response.headers.get_content_type()
    if content_type not in _ACCEPTED_TYPES:
        raise InputError(f"{url}: not a web page or text (the server sent {content_type})")
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ENCODINGS and encoding != "identity":
        raise InputError(f"{url}: the server sent an unsupported encoding ({encoding})")
    inflater = Inflater(encoding, max_bytes, url) if encoding in ENCODINGS else None
    received = bytearray()
    while True:
        _set_timeout(response, deadline, url, timeout)
        piece = response.read1(PIECE)  # what has arrived, not waiting for a full piece
        if not piece:
            break
        if inflater:
            inflater.feed(piece)
        else:
            received += piece
        if len(received) > max_bytes or (inflater and len(inflater.out) > max_bytes):
            raise InputError(f"{url}: the page is larger than the {max_bytes // 1024 // 1024} MB limit")
    body = inflater.finish() if inflater else bytes(received)
    return Fetched(body=body, charset=response.headers.get_content_charset(), url=response.geturl())


def _remaining(deadline: float) -> float:
    return max(0.001, deadline - time.monotonic())


def _set_timeout(response, deadline: float, url: str, timeout: float) -> None:
    """Each read may wait only until the whole fetch's deadline: a server dripping bytes cannot hold us."""
    if time.monotonic() >= deadline:
        raise InputError(f"{url}: the page did not arrive within {timeout:g} s")
    sock = getattr(getattr(response.fp, "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(_remaining(deadline))
