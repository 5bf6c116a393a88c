"""export: encode the track as a chaptered CBR MP3 and write the sidecar files.

Every file is written under a temporary name in the output folder and renamed
into place, so a failure never leaves a half-written edition behind.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

import lameenc
from mutagen.id3 import COMM, CTOC, CHAP, ID3, TDRC, TIT2, TLAN, TPE1, CTOCFlags
from mutagen.id3._tags import save_frame
from mutagen.mp3 import MP3

from ..errors import OutputError
from ..model import Article, ChapterMark, Edition, Track

DEFAULT_BITRATE = 64  # kbit/s: transparent for a single speaking voice at 22.05 kHz mono
# LAME's encoder delay (576) plus the decoder's (529): without a gapless header
# every decoder outputs this much silence before the first encoded sample.
DECODER_DELAY_SAMPLES = 1105
MAX_NAME = 80


def export(track: Track, article: Article, out_dir: str | Path, name: str, bitrate: int = DEFAULT_BITRATE) -> Edition:
    """Write ``name``.mp3, ``name``.chapters.json and ``name``.json into ``out_dir``."""
    out = prepare_output(out_dir)
    stem = safe_name(name)
    mp3_path, chapters_path, json_path = (out / f"{stem}{ext}" for ext in (".mp3", ".chapters.json", ".json"))

    audio = encode_mp3(track, bitrate)
    # Nested stagings: all three files are renamed into place only when all were written.
    with _staged(mp3_path) as tmp_mp3, _staged(chapters_path) as tmp_chapters, _staged(json_path) as tmp_json:
        tmp_mp3.write_bytes(audio)
        duration = MP3(tmp_mp3).info.length
        marks = _file_chapters(track, duration)
        _tag(tmp_mp3, article, marks)
        edition = Edition(
            mp3=str(mp3_path),
            chapters_json=str(chapters_path),
            article_json=str(json_path),
            duration=duration,
            chapters=tuple(marks),
            headline=article.headline,
            notes=article.notes,
        )
        _write_json(tmp_chapters, podcast_chapters(article.headline, marks))
        _write_json(tmp_json, {"article": article.to_dict(), "edition": edition.to_dict()})
    return edition


def podcast_chapters(title: str, marks: list[ChapterMark]) -> dict:
    """Podcasting 2.0 JSON chapters (version 1.2.0)."""
    return {
        "version": "1.2.0",
        "title": title,
        "chapters": [{"startTime": m.start_ms / 1000, "endTime": m.end_ms / 1000, "title": m.title} for m in marks],
    }


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


def encode_mp3(track: Track, bitrate: int = DEFAULT_BITRATE) -> bytes:
    """Constant bit rate, so players can seek to a chapter by time without a seek table."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(track.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(5)  # LAME "good": transparent for speech at 64 kbit/s, three times faster than 2
    try:
        return bytes(encoder.encode(track.pcm) + encoder.flush())
    except Exception as exc:  # lameenc raises bare exceptions for bad settings
        raise OutputError(f"MP3 encoding failed ({exc})") from None


def _file_chapters(track: Track, duration: float) -> list[ChapterMark]:
    """Chapter marks moved to where decoders place them; the first starts at 0, the last ends with the file."""
    rate = track.sample_rate
    total = round(duration * rate)
    marks = []
    for i, mark in enumerate(track.chapters):
        start = 0 if i == 0 else mark.start + DECODER_DELAY_SAMPLES
        end = total if i == len(track.chapters) - 1 else mark.end + DECODER_DELAY_SAMPLES
        marks.append(ChapterMark(mark.title, start, end, rate))
    return marks


class _OrderedID3(ID3):
    """ID3 that writes frames in the order they were added.

    mutagen sorts frames by size when saving, which scrambles CHAP frames; many
    readers (ffprobe among them) list chapters in file order.
    """

    def _write(self, config):
        return b"".join(save_frame(frame, config=config) for frame in self.values())


def _tag(path: Path, article: Article, marks: list[ChapterMark]) -> None:
    tags = _OrderedID3()
    tags.add(TIT2(encoding=3, text=[article.headline]))
    if article.source:
        tags.add(TPE1(encoding=3, text=[article.source]))
    if article.published:
        tags.add(TDRC(encoding=3, text=[article.published[:19]]))
    if article.summary:
        tags.add(COMM(encoding=3, lang="eng", desc="", text=[article.summary]))
    tags.add(TLAN(encoding=3, text=[article.language]))
    ids = [f"chp{i}" for i in range(len(marks))]
    tags.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text=["Chapters"])],
        )
    )
    for element_id, mark in zip(ids, marks):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=mark.start_ms,
                end_time=mark.end_ms,
                sub_frames=[TIT2(encoding=3, text=[mark.title])],
            )
        )
    tags.save(path, v2_version=4)


def _write_json(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


@contextlib.contextmanager
def _staged(final: Path):
    """A temporary path beside ``final`` that replaces it only if the block succeeds."""
    fd, name = tempfile.mkstemp(prefix=".newscast-", suffix=".part", dir=final.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        tmp.chmod(0o644)  # mkstemp makes owner-only files; an edition is meant to be shared
        os.replace(tmp, final)
    except OSError as exc:
        raise OutputError(f"{final}: cannot write ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def safe_name(name: str) -> str:
    """A file name that is safe on every common filesystem: ASCII words joined by dashes."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9_]+", "-", ascii_name).strip("-_.").lower()
    slug = slug[:MAX_NAME].rstrip("-_")
    return slug or "edition"
