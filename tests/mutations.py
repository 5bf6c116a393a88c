"""Mutations of real pages for fuzzing: each takes bytes and a random source and returns new bytes.

Shared by tests/test_fuzz.py (a bounded run in CI) and benchmarks/fuzz.py (long runs).
"""
from __future__ import annotations

import random
from collections.abc import Callable

SNIPPETS = [
    b"<div>", b"</div>", b"<p>", b"</p>", b"<script>", b"</script>", b"<!--", b"-->", b"<table><tr><td>",
    b"<h1>", b"</h1>", b"<br>", b"&amp;", b"&#x0;", b"&#1234567;", b"\xe2\x80\x9c", b"\xe2\x80\x9d", b'"', b"'",
    b"\xc2\xab", b"\xc2\xbb", b"\n\n", b"\r", b"\t", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"Mr. ", b"U.S. ",
    b"3.5", b"$1.5bn", b"said Lee.", b"By Ann Lee\n", b"15 February 2008", b"http://example.com/a?b=c",
    b"<meta charset=\"utf-16\">", b"<html lang=\"xx\">", b"\xf0\x9f\x98\x80", b"\xcc\x81" * 20, b"[", b"(", b"...",
]


def _flip(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return bytes([rng.randrange(256)])
    i = rng.randrange(len(data))
    return data[:i] + bytes([rng.randrange(256)]) + data[i + 1:]


def _insert(data: bytes, rng: random.Random) -> bytes:
    i = rng.randrange(len(data) + 1)
    return data[:i] + rng.choice(SNIPPETS) * rng.choice((1, 1, 2, 10, 100)) + data[i:]


def _delete(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    return data[:i] + data[i + rng.randrange(1, 200):]


def _duplicate(data: bytes, rng: random.Random) -> bytes:
    if not data:
        return data
    i = rng.randrange(len(data))
    piece = data[i:i + rng.randrange(1, 500)]
    return data[:i] + piece * rng.choice((2, 5, 20)) + data[i:]


def _truncate(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _splice(data: bytes, rng: random.Random) -> bytes:
    """Swap two halves at a random point: headlines below bodies, closing tags before opening ones."""
    i = rng.randrange(len(data) + 1)
    return data[i:] + data[:i]


def _lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    rng.shuffle(lines) if rng.random() < 0.3 else lines.insert(rng.randrange(len(lines) + 1), rng.choice(lines) * 3)
    return b"\n".join(lines)


MUTATORS: list[Callable[[bytes, random.Random], bytes]] = [_flip, _insert, _delete, _duplicate, _truncate, _splice, _lines]


def mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.choice((1, 1, 2, 3, 8))):
        data = rng.choice(MUTATORS)(data, rng)
    return data
