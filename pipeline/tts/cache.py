"""A content-addressed cache of synthesised utterances, so nothing is spoken twice.

The key is a hash of the engine's identity (engine, versions, voice settings,
rate) and the request (words, language, voice role); the value is the PCM.
Files live under the user's cache folder, two hex digits a subfolder. When the
cache grows past its cap, the least recently used clips are deleted.

A crash or a full disk can leave an entry short or damaged, so every entry
carries its length and a checksum: a bad one is dropped with a warning and
its sentence spoken again. Entries are written under a temporary name and
renamed, and a cache that cannot be written costs only the caching.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import struct
import tempfile
import time
from pathlib import Path

from . import Request

DEFAULT_CAP_BYTES = 1024**3
SUFFIX = ".clip"
_MAGIC = b"NCS1"
_HEADER = struct.Struct("<4sQ16s")  # magic, payload length in bytes, BLAKE2b-128 of the payload
_STALE_PART_S = 3600  # a temporary file this old belongs to a build that died mid-write
# Logged warnings reach stderr as their bare message even when the program sets up no logging.
log = logging.getLogger("newscast.cache")


def _digest(pcm: bytes) -> bytes:
    return hashlib.blake2b(pcm, digest_size=16).digest()


def encode_entry(pcm: bytes) -> bytes:
    return _HEADER.pack(_MAGIC, len(pcm), _digest(pcm)) + pcm


def decode_entry(data: bytes) -> bytes | None:
    """The PCM an entry holds, or None when the entry is short, damaged or not 16-bit samples."""
    if len(data) < _HEADER.size:
        return None
    magic, length, digest = _HEADER.unpack_from(data)
    pcm = data[_HEADER.size:]
    if magic != _MAGIC or length != len(pcm) or length % 2 or _digest(pcm) != digest:
        return None
    return pcm


def default_cache_folder() -> Path:
    if os.environ.get("NEWSCAST_CACHE"):
        return Path(os.environ["NEWSCAST_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or (
        os.path.join(os.environ.get("LOCALAPPDATA", ""), "newscast") if os.name == "nt" else ""
    )
    return Path(base or Path.home() / ".cache") / "newscast" / "speech"


class SpeechCache:
    def __init__(self, folder: str | Path | None = None, cap_bytes: int = DEFAULT_CAP_BYTES):
        self.folder = Path(folder) if folder else default_cache_folder()
        self.cap_bytes = cap_bytes
        self.hits = self.misses = self.dropped = 0
        self._unwritable = False

    def key(self, identity: str, request: Request) -> str:
        material = "\x1f".join((identity, request.language, request.role, request.text))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}{SUFFIX}"

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        pcm = decode_entry(data)
        if pcm is None:
            self.misses += 1
            self.dropped += 1
            log.warning("newscast: warning: dropped a damaged speech cache entry (%s); its sentence is spoken again", path)
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept longest when the cache is pruned
        self.hits += 1
        return pcm

    def put(self, key: str, pcm: bytes) -> None:
        """Store a clip; a cache that cannot be written (read-only, full) is skipped, never an error."""
        if self._unwritable:
            return
        path = self._path(key)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
            with os.fdopen(fd, "wb") as fh:
                fh.write(encode_entry(pcm))
            os.replace(tmp, path)
        except OSError as exc:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self._unwritable = True  # one warning, and no more attempts this build
            log.warning("newscast: warning: the speech cache %s cannot be written (%s); continuing without it",
                        self.folder, exc.strerror or exc)

    def prune(self) -> int:
        """Delete least recently used clips until the cache is under its cap; return bytes freed."""
        files = []
        stale = time.time() - _STALE_PART_S
        with contextlib.suppress(OSError):
            for path in self.folder.glob("*/*"):
                with contextlib.suppress(OSError):
                    stat = path.stat()
                    if path.suffix == ".part" and stat.st_mtime < stale:
                        path.unlink()
                    elif path.suffix in (SUFFIX, ".pcm"):  # .pcm: entries from before checksums, never read
                        files.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in files)
        freed = 0
        for _, size, path in sorted(files):
            if total - freed <= self.cap_bytes:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                freed += size
        return freed
