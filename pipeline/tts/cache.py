"""A content-addressed cache of synthesised utterances, so nothing is spoken twice.

The key is a hash of the engine's identity (engine, versions, voice settings,
rate) and the request (words, language, voice role); the value is the PCM.
Beside the clips it keeps what is derived from them, each kind under its own
suffix and keyed by a hash of its inputs: a chapter's loudness levels
(LEVELS) and its encoded MP3 (ENCODED), so a rebuild neither measures nor
encodes an unchanged chapter again.
Files live under the user's cache folder, two hex digits a subfolder. When the
cache grows past its cap, the least recently used entries are deleted.

A crash or a full disk can leave an entry short or damaged, so every entry
carries its length and a checksum: a bad one is dropped with a warning and
its sentence spoken again. Entries are written under a temporary name and
renamed, and a cache that cannot be written costs only the caching.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import struct
import tempfile
import time
from pathlib import Path

from . import Request

DEFAULT_CAP_BYTES = 1024**3
SUFFIX = ".clip"  # a clip: 16-bit PCM
LEVELS = ".levels"  # a chapter's voice gains and limiter gain curve (pipeline.stages.assemble)
ENCODED = ".mp3"  # a chapter's MP3 frames and where its parts start (pipeline.output.mp3)
# Empty: a page whose every sentence a build left cached, with the same speech settings (pipeline.batch).
SPOKEN = ".spoken"
KINDS = (SUFFIX, LEVELS, ENCODED, SPOKEN)
_MAGIC = b"NCS1"
_HEADER = struct.Struct("<4sQ16s")  # magic, payload length in bytes, BLAKE2b-128 of the payload
_STALE_PART_S = 3600  # a temporary file this old belongs to a build that died mid-write
# Logged warnings reach stderr as their bare message even when the program sets up no logging.
log = logging.getLogger("newscast.cache")


def _digest(*pieces: bytes | memoryview) -> bytes:
    digest = hashlib.blake2b(digest_size=16)
    for piece in pieces:
        digest.update(piece)
    return digest.digest()


def _entry_header(*pieces: bytes | memoryview) -> bytes:
    return _HEADER.pack(_MAGIC, sum(len(piece) for piece in pieces), _digest(*pieces))


def encode_entry(payload: bytes) -> bytes:
    return _entry_header(payload) + payload


def decode_entry(data: bytes) -> bytes | None:
    """The samples an entry holds, or None when the entry is short, damaged, or not 16-bit samples."""
    payload = _payload(data, samples=True)
    return None if payload is None else bytes(payload)


def _payload(data: bytes, samples: bool) -> memoryview | None:
    if len(data) < _HEADER.size:
        return None
    magic, length, digest = _HEADER.unpack_from(data)
    payload = memoryview(data)[_HEADER.size:]  # not copied: a chapter's entry can be megabytes
    if magic != _MAGIC or length != len(payload) or (samples and length % 2) or _digest(payload) != digest:
        return None
    return payload


@functools.cache
def code_identity(*sources: str | None, packages: tuple[str, ...] = ()) -> str:
    """A hash of these source files and of these packages' versions, for the keys of derived entries:
    changed code or a changed library never reuses what older code made. Read once per process.

    Where a source cannot be read (a frozen program), newscast's version stands in for it.
    """
    from ..version import package_version

    digest = hashlib.sha256()
    for package in packages:
        digest.update(f"{package} {package_version(package)}\n".encode())
    for source in sources:
        try:
            digest.update(Path(source).read_bytes())
        except (TypeError, OSError):
            from ..version import __version__

            digest.update(f"newscast {__version__}".encode())
    return digest.hexdigest()


_RECORD_LENGTH = struct.Struct("<I")


def record(header, body: bytes | memoryview) -> tuple[bytes, memoryview]:
    """A derived entry's pieces: a JSON ``header``, then a binary ``body`` (stored without being copied)."""
    text = json.dumps(header).encode()
    return _RECORD_LENGTH.pack(len(text)) + text, memoryview(body).cast("B")


def read_record(entry: memoryview) -> tuple[object, memoryview] | None:
    """The header and body of an entry made by ``record``, or None when it is not one."""
    if len(entry) < _RECORD_LENGTH.size:
        return None
    (length,) = _RECORD_LENGTH.unpack_from(entry)
    try:
        header = json.loads(bytes(entry[_RECORD_LENGTH.size : _RECORD_LENGTH.size + length]))
    except ValueError:
        return None
    return header, entry[_RECORD_LENGTH.size + length :]


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
        self.stored = 0  # entries written by this object
        self._unwritable = False

    def key(self, identity: str, request: Request) -> str:
        material = "\x1f".join((identity, request.language, request.role, request.text))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def _path(self, key: str, kind: str = SUFFIX) -> Path:
        return self.folder / key[:2] / f"{key}{kind}"

    def get(self, key: str, kind: str = SUFFIX) -> bytes | memoryview | None:
        """A clip's PCM, or an entry of another ``kind`` (a read-only view, not copied); None when missing
        or damaged. Hits and misses count clips."""
        clip = kind == SUFFIX
        path = self._path(key, kind)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += clip
            return None
        payload = _payload(data, samples=clip)
        if payload is None:
            self.misses += clip
            self.dropped += 1
            made_again = "its sentence is spoken again" if clip else "it is made again"
            log.warning("newscast: warning: dropped a damaged speech cache entry (%s); %s", path, made_again)
            with contextlib.suppress(OSError):
                path.unlink()
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept longest when the cache is pruned
        self.hits += clip
        return bytes(payload) if clip else payload

    def put(self, key: str, *pieces: bytes | memoryview, kind: str = SUFFIX) -> None:
        """Store a clip, or an entry of another ``kind`` made of ``pieces`` (written one after another, never joined).

        A cache that cannot be written (read-only, full) is skipped, never an error.
        """
        if self._unwritable:
            return
        path = self._path(key, kind)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
            with os.fdopen(fd, "wb") as fh:
                fh.write(_entry_header(*pieces))
                for piece in pieces:
                    fh.write(piece)
            os.replace(tmp, path)
            self.stored += 1
        except OSError as exc:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            self._unwritable = True  # one warning, and no more attempts this build
            log.warning("newscast: warning: the speech cache %s cannot be written (%s); continuing without it",
                        self.folder, exc.strerror or exc)

    def prune(self) -> int:
        """Delete least recently used entries until the cache is under its cap; return bytes freed.

        Only after something was stored: a cache that has not grown needs no pruning, and walking
        thousands of entries took longer than a whole warm rebuild (a lowered cap applies from the
        next build that stores anything).
        """
        if not self.stored:
            return 0
        files = []
        stale = time.time() - _STALE_PART_S
        with contextlib.suppress(OSError):
            for path in self.folder.glob("*/*"):
                with contextlib.suppress(OSError):
                    stat = path.stat()
                    if path.suffix == ".part" and stat.st_mtime < stale:
                        path.unlink()
                    elif path.suffix in (*KINDS, ".pcm"):  # .pcm: entries from before checksums, never read
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
