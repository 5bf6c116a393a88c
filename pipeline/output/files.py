"""Where an edition's files go: the output folder, safe names, and files that appear only when all are written."""
from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from ..errors import OutputError

MAX_NAME = 80


def prepare_output(out_dir: str | Path) -> Path:
    """Create the output folder if needed and check it can be written to."""
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot create the output folder ({exc.strerror or exc})") from None
    if not os.access(out, os.W_OK):
        raise OutputError(f"{out}: the output folder is not writable")
    return out


def safe_name(name: str) -> str:
    """A file name that is safe on every common filesystem: ASCII words joined by dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", ascii_name).strip("-_.").lower()
    slug = slug[:MAX_NAME].rstrip("-_")
    return slug or "edition"


class Staging:
    """Temporary files beside their final names, renamed into place together when ``commit`` is reached.

    Used as a context manager: leaving it without ``commit()`` (an error, an
    interruption) removes every temporary file, so no half-written edition is
    ever left behind.
    """

    def __init__(self, out: Path, stem: str):
        self.out, self.stem = out, stem
        self._files: dict[str, tuple[Path, Path]] = {}  # suffix -> (temporary, final)

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *_exc) -> None:
        for tmp, _final in self._files.values():
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()

    def path(self, suffix: str) -> Path:
        """The temporary path that becomes ``<stem><suffix>``."""
        if suffix not in self._files:
            final = self.out / f"{self.stem}{suffix}"
            try:
                fd, name = tempfile.mkstemp(prefix=".newscast-", suffix=".part", dir=self.out)
            except OSError as exc:
                raise OutputError(f"{final}: cannot write ({exc.strerror or exc})") from None
            os.close(fd)
            self._files[suffix] = (Path(name), final)
        return self._files[suffix][0]

    def final(self, suffix: str) -> Path:
        return self.out / f"{self.stem}{suffix}"

    def write_json(self, suffix: str, data: dict) -> None:
        self.write_text(suffix, json.dumps(data, ensure_ascii=False, indent=2) + "\n")

    def write_text(self, suffix: str, text: str) -> None:
        try:
            self.path(suffix).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise OutputError(f"{self.final(suffix)}: cannot write ({exc.strerror or exc})") from None

    def commit(self) -> None:
        for tmp, final in self._files.values():
            try:
                tmp.chmod(0o644)  # mkstemp makes owner-only files; an edition is meant to be shared
                os.replace(tmp, final)
            except OSError as exc:
                raise OutputError(f"{final}: cannot write ({exc.strerror or exc})") from None
