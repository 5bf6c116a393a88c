"""A content-addressed cache of synthesised utterances, so nothing is spoken twice.

The key is a hash of the engine's identity (engine, versions, voice settings,
rate) and the request (words, language, voice role); the value is the PCM.
Files live under the user's cache folder, two hex digits a subfolder. When the
cache grows past its cap, the least recently used clips are deleted.
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from pathlib import Path

from . import Request

DEFAULT_CAP_BYTES = 1024**3


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
        self.hits = self.misses = 0

    def key(self, identity: str, request: Request) -> str:
        material = "\x1f".join((identity, request.language, request.role, request.text))
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pcm"

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: kept longest when the cache is pruned
        self.hits += 1
        return data

    def put(self, key: str, pcm: bytes) -> None:
        """Store a clip; a cache that cannot be written is skipped, never an error."""
        path = self._path(key)
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".part")
            with os.fdopen(fd, "wb") as fh:
                fh.write(pcm)
            os.replace(tmp, path)

    def prune(self) -> int:
        """Delete least recently used clips until the cache is under its cap; return bytes freed."""
        files = []
        with contextlib.suppress(OSError):
            for path in self.folder.glob("*/*.pcm"):
                with contextlib.suppress(OSError):
                    stat = path.stat()
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
