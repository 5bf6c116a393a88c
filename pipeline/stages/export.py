"""export: encode the track as a chaptered CBR MP3 and write the sidecar files.

Files: ``name``.mp3, ``name``.chapters.json (Podcasting 2.0 chapters),
``name``.json (the Article and the edition), ``name``.vtt (a WebVTT
transcript, one cue per sentence), ``name``.txt (the readable transcript) and,
on request, ``name``.m4b. Every file is written under a temporary name in the
output folder and all are renamed into place only when all were written, so a
failure never leaves a half-written edition behind.
"""
from __future__ import annotations

import contextlib
import json
import os
import re
import subprocess
import tempfile
import unicodedata
import wave
from math import gcd
from pathlib import Path

import lameenc
import numpy as np
from mutagen.id3 import COMM, CTOC, CHAP, ID3, TDRC, TIT2, TLAN, TPE1, CTOCFlags
from mutagen.id3._tags import save_frame
from mutagen.mp3 import MP3
from scipy.signal import resample_poly

from ..errors import OutputError
from ..model import Article, ChapterMark, Cue, Edition, Track

DEFAULT_BITRATE = 64  # kbit/s: transparent for a single speaking voice at 22.05 kHz mono
SAMPLE_RATES = (16000, 22050, 24000, 32000, 44100, 48000)
# LAME's encoder delay (576) plus the decoder's (529): without a gapless header
# every decoder outputs this much silence before the first encoded sample.
DECODER_DELAY_SAMPLES = 1105
MAX_NAME = 80


def export(
    track: Track,
    article: Article,
    out_dir: str | Path,
    name: str,
    bitrate: int = DEFAULT_BITRATE,
    sample_rate: int | None = None,
    m4b: bool = False,
) -> Edition:
    """Write the edition's files into ``out_dir`` and describe them."""
    out = prepare_output(out_dir)
    stem = safe_name(name)
    if sample_rate and sample_rate != track.sample_rate:
        track = resample(track, sample_rate)
    paths = {ext: out / f"{stem}{ext}" for ext in (".mp3", ".chapters.json", ".json", ".vtt", ".txt")}
    if m4b:
        paths[".m4b"] = out / f"{stem}.m4b"
    audio = encode_mp3(track, bitrate)
    with contextlib.ExitStack() as stack:
        tmp = {ext: stack.enter_context(_staged(path)) for ext, path in paths.items()}
        tmp[".mp3"].write_bytes(audio)
        duration = MP3(tmp[".mp3"]).info.length
        delay = DECODER_DELAY_SAMPLES / track.sample_rate
        marks = _file_chapters(track, duration, delay)
        _tag(tmp[".mp3"], article, marks)
        if m4b:
            encode_m4b(track, article, tmp[".m4b"], bitrate)
        tmp[".vtt"].write_text(webvtt(track.cues, track.sample_rate, delay), encoding="utf-8")
        tmp[".txt"].write_text(readable_transcript(article, track), encoding="utf-8")
        edition = Edition(
            mp3=str(paths[".mp3"]),
            chapters_json=str(paths[".chapters.json"]),
            article_json=str(paths[".json"]),
            transcript_vtt=str(paths[".vtt"]),
            transcript_txt=str(paths[".txt"]),
            m4b=str(paths[".m4b"]) if m4b else None,
            duration=duration,
            chapters=tuple(marks),
            headline=article.headline,
            notes=article.notes,
        )
        transcripts = [
            {"url": paths[".vtt"].name, "type": "text/vtt", "language": article.language},
            {"url": paths[".txt"].name, "type": "text/plain", "language": article.language},
        ]
        _write_json(tmp[".chapters.json"], podcast_chapters(article.headline, marks, transcripts))
        _write_json(tmp[".json"], {"article": article.to_dict(), "edition": edition.to_dict()})
    return edition


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


def resample(track: Track, rate: int) -> Track:
    """The track at another sample rate, chapter and cue positions moved with it."""
    if rate not in SAMPLE_RATES:
        raise OutputError(f"sample rate {rate} Hz is not one of {', '.join(map(str, SAMPLE_RATES))}")
    common = gcd(rate, track.sample_rate)
    samples = np.frombuffer(track.pcm, dtype=np.int16).astype(np.float64)
    out = resample_poly(samples, rate // common, track.sample_rate // common)
    pcm = np.clip(out, -32768, 32767).astype(np.int16).tobytes()

    def move(position: int) -> int:
        return round(position * rate / track.sample_rate)

    marks = tuple(ChapterMark(m.title, move(m.start), move(m.end), rate) for m in track.chapters)
    cues = tuple(Cue(c.text, move(c.start), move(c.end), c.ends_paragraph) for c in track.cues)
    return Track(sample_rate=rate, pcm=pcm, chapters=marks, cues=cues)


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


def encode_m4b(track: Track, article: Article, path: Path, bitrate: int) -> None:
    """AAC in an MP4 audiobook container with the same chapters, through the ffmpeg that imageio-ffmpeg ships."""
    try:
        import imageio_ffmpeg

        ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        raise OutputError("M4B output needs an AAC encoder: pip install imageio-ffmpeg (or newscast[m4b])") from None
    with tempfile.TemporaryDirectory(prefix="newscast-m4b-") as work:
        wav, meta = Path(work) / "track.wav", Path(work) / "chapters.txt"
        with wave.open(str(wav), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(track.sample_rate)
            out.writeframes(track.pcm)
        lines = [";FFMETADATA1", f"title={_ffescape(article.headline)}", f"artist={_ffescape(article.source or '')}"]
        for mark in track.chapters:
            lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={mark.start_ms}", f"END={mark.end_ms}", f"title={_ffescape(mark.title)}"]
        meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [ffmpeg, "-v", "error", "-y", "-i", str(wav), "-i", str(meta), "-map_metadata", "1",
                   "-map_chapters", "1", "-c:a", "aac", "-b:a", f"{bitrate}k", "-f", "mp4", str(path)]
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise OutputError(f"M4B encoding failed ({result.stderr.strip().splitlines()[-1:] or 'ffmpeg error'})")


def _ffescape(text: str) -> str:
    return re.sub(r"([=;#\\\n])", r"\\\1", text)


def _file_chapters(track: Track, duration: float, delay: float) -> list[ChapterMark]:
    """Chapter marks moved to where decoders place them; the first starts at 0, the last ends with the file."""
    rate = track.sample_rate
    shift = round(delay * rate)
    total = round(duration * rate)
    marks = []
    for i, mark in enumerate(track.chapters):
        start = 0 if i == 0 else mark.start + shift
        end = total if i == len(track.chapters) - 1 else mark.end + shift
        marks.append(ChapterMark(mark.title, start, end, rate))
    return marks


def webvtt(cues: tuple[Cue, ...], rate: int, delay: float) -> str:
    """A WebVTT transcript, one cue per sentence, timed as the decoded MP3 plays it."""

    def stamp(position: int) -> str:
        ms = round((position / rate + delay) * 1000)
        hours, rest = divmod(ms, 3_600_000)
        minutes, rest = divmod(rest, 60_000)
        seconds, millis = divmod(rest, 1000)
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"

    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, start=1):
        text = cue.text.replace("-->", "→")  # the only sequence a cue's text may not contain
        blocks.append(f"{number}\n{stamp(cue.start)} --> {stamp(cue.end)}\n{text}")
    return "\n\n".join(blocks) + "\n"


def readable_transcript(article: Article, track: Track) -> str:
    """The transcript as a reader wants it: chapter headings, then paragraphs."""
    lines = [article.headline, "=" * min(len(article.headline), 80), ""]
    for mark in track.chapters:
        inside = [c for c in track.cues if mark.start <= c.start < mark.end]
        lines += [mark.title, "-" * min(len(mark.title), 80)]
        paragraph: list[str] = []
        for cue in inside:
            paragraph.append(cue.text)
            if cue.ends_paragraph:
                lines += [" ".join(paragraph), ""]
                paragraph = []
        if paragraph:
            lines += [" ".join(paragraph), ""]
    return "\n".join(lines).rstrip() + "\n"


def podcast_chapters(title: str, marks: list[ChapterMark], transcripts: list[dict] | None = None) -> dict:
    """Podcasting 2.0 JSON chapters (version 1.2.0), with the transcripts listed as podcast:transcript lists them."""
    doc = {
        "version": "1.2.0",
        "title": title,
        "chapters": [{"startTime": m.start_ms / 1000, "endTime": m.end_ms / 1000, "title": m.title} for m in marks],
    }
    if transcripts:
        doc["transcripts"] = transcripts
    return doc


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
