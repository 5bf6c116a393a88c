"""M4B: AAC in an MP4 audiobook container with the same chapters, through the ffmpeg imageio-ffmpeg ships."""
from __future__ import annotations

import re
import subprocess
import tempfile
import wave
from pathlib import Path

from ..errors import OutputError
from ..model import Track
from .formats import Finished


WAV_PIECE = 1 << 16  # samples written at a time: a levelled chapter is rendered as it is spooled


class M4bWriter:
    """Spools the chapters into a WAV file, then has ffmpeg encode it with the chapter list."""

    suffix = ".m4b"

    def __init__(self):
        self._ffmpeg = _ffmpeg()  # before any audio: a missing encoder is found at once
        self._work = tempfile.TemporaryDirectory(prefix="newscast-m4b-")
        self._wav_path = Path(self._work.name) / "edition.wav"
        self._wav: wave.Wave_write | None = None

    def add(self, chapter: Track) -> None:
        if self._wav is None:
            self._wav = wave.open(str(self._wav_path), "wb")
            self._wav.setnchannels(1)
            self._wav.setsampwidth(2)
            self._wav.setframerate(chapter.sample_rate)
        for start in range(0, chapter.size, WAV_PIECE):
            self._wav.writeframes(chapter.read(start, min(start + WAV_PIECE, chapter.size)).tobytes())

    def finish(self, edition: Finished, path: Path) -> None:
        self._wav.close()  # its header now gives the length
        article = edition.article
        meta = Path(self._work.name) / "chapters.txt"
        lines = [";FFMETADATA1", f"title={_escape(article.headline)}", f"artist={_escape(article.source or '')}"]
        for mark in edition.timeline.chapters:
            lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={mark.start_ms}", f"END={mark.end_ms}", f"title={_escape(mark.title)}"]
        meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [self._ffmpeg, "-v", "error", "-y", "-i", str(self._wav_path), "-i", str(meta), "-map_metadata", "1",
                   "-map_chapters", "1", "-c:a", "aac", "-b:a", f"{edition.bitrate}k", "-f", "mp4", str(path)]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise OutputError(f"M4B encoding failed ({result.stderr.strip().splitlines()[-1:] or 'ffmpeg error'})")

    def close(self) -> None:
        if self._wav is not None:
            self._wav.close()
        self._work.cleanup()


def _ffmpeg() -> str:
    try:
        import imageio_ffmpeg

        return imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        raise OutputError("M4B output needs an AAC encoder: pip install imageio-ffmpeg (or newscast[m4b])") from None


def _escape(text: str) -> str:
    return re.sub(r"([=;#\\\n])", r"\\\1", text)
