"""Decompress gzip and deflate as a stream, stopping at a size cap.

A few megabytes of gzip can inflate to gigabytes: inflating the whole input
before checking its size costs seconds and gigabytes of memory. Here no
more than the cap (plus one 64 KiB piece) is ever held.
"""
from __future__ import annotations

import zlib
from collections.abc import Iterable

from .errors import InputError

_WBITS = {"gzip": 31, "x-gzip": 31, "deflate": 15}
ENCODINGS = frozenset(_WBITS)
PIECE = 64 * 1024  # bytes inflated at a time


class Inflater:
    """Feed compressed pieces in, get at most ``limit`` inflated bytes out; concatenated gzip members are joined."""

    def __init__(self, encoding: str, limit: int, origin: str):
        self.encoding, self.limit, self.origin = encoding, limit, origin
        self._wbits = _WBITS[encoding]
        self._inflater = zlib.decompressobj(self._wbits)
        self._started = False
        self.out = bytearray()

    def feed(self, data: bytes) -> None:
        while data:
            try:
                piece = self._inflater.decompress(data, PIECE)
            except zlib.error:
                if self.encoding == "deflate" and not self._started:  # servers that send raw deflate
                    self._wbits, self._inflater = -15, zlib.decompressobj(-15)
                    self._started = True
                    continue
                raise InputError(f"{self.origin}: damaged {self.encoding} data") from None
            self._started = True
            self.out += piece
            if len(self.out) > self.limit:
                raise InputError(
                    f"{self.origin}: inflates to more than the {self.limit // 1024 // 1024} MB limit"
                )
            data = self._inflater.unconsumed_tail
            if self._inflater.eof:
                data = self._inflater.unused_data
                if data.strip(b"\0") and self._wbits == 31:  # another gzip member follows
                    self._inflater = zlib.decompressobj(self._wbits)
                else:
                    data = b""

    def finish(self) -> bytes:
        if not self._inflater.eof:
            raise InputError(f"{self.origin}: damaged {self.encoding} data (cut short)")
        return bytes(self.out)


def inflate(pieces: Iterable[bytes], encoding: str, limit: int, origin: str) -> bytes:
    inflater = Inflater(encoding, limit, origin)
    for piece in pieces:
        inflater.feed(piece)
    return inflater.finish()
