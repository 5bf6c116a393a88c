"""load: read a page from a file or stdin and decode it to text."""
from __future__ import annotations

import codecs
import re
import sys
from pathlib import Path

from ..budget import check as check_budget
from ..errors import InputError
from ..inflate import inflate
from ..model import Page
from ..web import fetch, is_url

MAX_BYTES = 20 * 1024 * 1024
CHUNK = 1024 * 1024  # compressed bytes handed to the inflater at a time

_HTML_SNIFF = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<(?:p|div|article|meta|title)[\s>]",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def load(source: str | Path, *, data: bytes | None = None, allow_private: bool | None = None) -> Page:
    """Read ``source`` (a path, an http(s) URL, or "-" for stdin) and return the decoded Page.

    Pass ``data`` to decode bytes you already hold; ``source`` then only names them.
    A URL whose host is on a loopback, private or link-local address is fetched
    only with ``allow_private=True`` (None: as ``web.private_urls_allowed`` says).
    """
    origin = str(source)
    http_charset = None
    if data is not None:
        raw = data
    elif is_url(origin):
        fetched = fetch(origin, MAX_BYTES, allow_private=allow_private)
        raw, http_charset = fetched.body, fetched.charset
    elif re.match(r"^[a-z][a-z0-9+.-]*://", origin, re.IGNORECASE):
        raise InputError(f"{origin}: only http and https URLs can be fetched")
    else:
        raw = _read(origin)
    if raw[:2] == b"\x1f\x8b":  # inflated a piece at a time, stopped at the cap: a gzip bomb costs nothing
        raw = inflate((raw[i:i + CHUNK] for i in range(0, len(raw), CHUNK)), "gzip", MAX_BYTES, origin)
    if len(raw) > MAX_BYTES:
        raise InputError(f"{origin}: {len(raw) // 1024 // 1024} MB is larger than the {MAX_BYTES // 1024 // 1024} MB limit")
    if not raw.strip():
        raise InputError(f"{origin}: the input is empty")
    is_html = _is_markup(raw)
    declared = http_charset or (_declared_charset(raw) if is_html else None)
    text, encoding = decode(raw, origin, declared=declared)
    check_budget(text, "html" if is_html else "text", origin)
    return Page(content=text, kind="html" if is_html else "text", origin=origin, encoding=encoding)


def _is_markup(raw: bytes) -> bool:
    """Whether the bytes are an HTML document rather than text that quotes some.

    A page's markup opens it (after a byte-order mark and blank space) or, when
    something was printed before it, closes it. A copy of a page that shows an
    HTML code sample has prose before the sample and lines of text after it.
    """
    if not _HTML_SNIFF.search(raw[:4096]):
        return False
    for bom, _ in _BOMS:
        if raw.startswith(bom):
            raw = raw[len(bom):]
            break
    return raw.lstrip()[:1] == b"<" or raw.rstrip()[-1:] == b">"


def _read(origin: str) -> bytes:
    if origin == "-":
        return sys.stdin.buffer.read(MAX_BYTES + 1)
    path = Path(origin)
    try:
        if path.is_dir():
            raise InputError(f"{origin}: is a folder, not a page")
        with path.open("rb") as fh:
            return fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"{origin}: no such file") from None
    except PermissionError:
        raise InputError(f"{origin}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{origin}: cannot read ({exc.strerror or exc})") from None


def _declared_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:8192])
    if not match:
        return None
    name = match.group(1).decode("ascii", "ignore")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(raw: bytes, origin: str = "input", declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes: BOM, then the declared charset (HTTP, then <meta>), then UTF-8, then cp1252.

    Binary data (NUL bytes or many control characters) is refused rather than
    read aloud as noise.
    """
    for bom, name in _BOMS:
        if raw.startswith(bom):
            return raw.decode(name, errors="replace"), name
    if _looks_binary(raw):
        raise InputError(f"{origin}: binary data, not a web page or text")
    # Valid UTF-8 with non-ASCII bytes is almost never an accident, while servers
    # often declare ISO-8859-1 by default: such bytes are read as UTF-8 whatever is declared.
    candidates = ["utf-8"] if _is_utf8(raw) else [c for c in (declared, "utf-8") if c]
    for name in candidates:
        try:
            return raw.decode(name), name
        except (UnicodeDecodeError, LookupError):
            continue
    # Legacy Western pages are far more common than any other 8-bit charset;
    # cp1252 maps almost every byte, and the rest become U+FFFD instead of a crash.
    text = raw.decode("cp1252", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 100):
        raise InputError(f"{origin}: cannot decode the text (not UTF-8 or a known charset)")
    return text, "cp1252"


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not raw.isascii()


def _looks_binary(raw: bytes) -> bool:
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls > len(sample) // 50
