"""Fetch a page the user named by URL: the only network access newscast makes."""
from __future__ import annotations

import gzip
import socket
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass

from .errors import InputError

TIMEOUT_S = 20
# Sites that refuse unknown clients still answer a browser.
USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Safari/537.36 newscast/0.1"
)
_ACCEPTED_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


@dataclass(frozen=True)
class Fetched:
    body: bytes
    charset: str | None
    url: str  # after redirects


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, max_bytes: int, timeout: float | None = None) -> Fetched:
    """GET ``url`` (redirects followed), refusing non-pages and bodies over ``max_bytes``."""
    timeout = TIMEOUT_S if timeout is None else timeout
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
            "Accept-Language": "en;q=0.9, *;q=0.5",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            if content_type not in _ACCEPTED_TYPES:
                raise InputError(f"{url}: not a web page (the server sent {content_type})")
            body = response.read(max_bytes + 1)
            encoding = (response.headers.get("Content-Encoding") or "").lower()
            charset = response.headers.get_content_charset()
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, socket.gaierror):
            reason = "host not found (offline?)"
        elif isinstance(reason, (TimeoutError, socket.timeout)):
            reason = f"no answer within {timeout:g} s"
        raise InputError(f"{url}: cannot connect ({reason})") from None
    except (TimeoutError, socket.timeout):
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch ({exc})") from None
    if len(body) > max_bytes:
        raise InputError(f"{url}: the page is larger than the {max_bytes // 1024 // 1024} MB limit")
    try:
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
    except (OSError, EOFError, zlib.error):
        raise InputError(f"{url}: the server sent damaged compressed data") from None
    return Fetched(body=body, charset=charset, url=final_url)
