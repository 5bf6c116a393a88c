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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
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
ENCODER_DELAY_SAMPLES = 576
DECODER_DELAY_SAMPLES = 1105
MAX_NAME = 80
ENCODE_PIECE = 1 << 16  # samples handed to LAME per call
CUT_PAUSE_MS = 150  # silence before a sentence wide enough to hide the extra priming of a part cut there


def export(
    track: Track,
    article: Article,
    out_dir: str | Path,
    name: str,
    bitrate: int = DEFAULT_BITRATE,
    sample_rate: int | None = None,
    m4b: bool = False,
    threads: int = 1,
    fingerprint: str | None = None,
) -> Edition:
    """Write the edition's files into ``out_dir`` and describe them (``threads``: MP3 encoders side by side)."""
    prepare_output(out_dir)
    if sample_rate and sample_rate != track.sample_rate:
        track = resample(track, sample_rate)
    audio = encode_mp3(track, bitrate, parts=threads)
    timeline = replace(track, pcm=b"")
    if not m4b:
        return write_edition(audio, timeline, article, out_dir, name, fingerprint=fingerprint)
    with tempfile.TemporaryDirectory(prefix="newscast-m4b-") as work:
        wav = Path(work) / "track.wav"
        with open_wav(wav, track.sample_rate) as out:
            out.writeframes(track.pcm)
        return write_edition(audio, timeline, article, out_dir, name, bitrate, wav, fingerprint)


def open_wav(path: Path, rate: int) -> wave.Wave_write:
    """A 16-bit mono WAV file to write, such as the M4B encoder reads."""
    out = wave.open(str(path), "wb")
    out.setnchannels(1)
    out.setsampwidth(2)
    out.setframerate(rate)
    return out


def write_edition(
    audio: EncodedAudio,
    timeline: Track,
    article: Article,
    out_dir: str | Path,
    name: str,
    bitrate: int = DEFAULT_BITRATE,
    m4b_from: Path | None = None,
    fingerprint: str | None = None,
) -> Edition:
    """The edition's files from its encoded MP3 and its ``timeline`` (chapters and cues; no audio needed).

    With ``m4b_from`` (a WAV of the same audio) an M4B audiobook is written too.
    """
    out = prepare_output(out_dir)
    stem = safe_name(name)
    paths = {ext: out / f"{stem}{ext}" for ext in (".mp3", ".chapters.json", ".json", ".vtt", ".txt")}
    if m4b_from:
        paths[".m4b"] = out / f"{stem}.m4b"
    with contextlib.ExitStack() as stack:
        tmp = {ext: stack.enter_context(_staged(path)) for ext, path in paths.items()}
        tmp[".mp3"].write_bytes(audio.data)
        duration = MP3(tmp[".mp3"]).info.length
        marks = _file_chapters(timeline, duration, audio)
        _tag(tmp[".mp3"], article, marks)
        if m4b_from:
            encode_m4b(m4b_from, timeline.chapters, article, tmp[".m4b"], bitrate)
        tmp[".vtt"].write_text(webvtt(timeline.cues, timeline.sample_rate, audio.decoded_position), encoding="utf-8")
        tmp[".txt"].write_text(readable_transcript(article, timeline), encoding="utf-8")
        edition = Edition(
            mp3=str(paths[".mp3"]),
            chapters_json=str(paths[".chapters.json"]),
            article_json=str(paths[".json"]),
            transcript_vtt=str(paths[".vtt"]),
            transcript_txt=str(paths[".txt"]),
            m4b=str(paths[".m4b"]) if m4b_from else None,
            duration=duration,
            chapters=tuple(marks),
            headline=article.headline,
            notes=article.notes,
            fingerprint=fingerprint,
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


@dataclass(frozen=True)
class EncodedAudio:
    """An MP3 stream made of independently encoded parts, and where each part's audio plays.

    Each part starts with LAME's 576 samples of priming and ends padded to a
    whole frame; the decoder adds 529 samples of its own once. Parts are cut
    at chapter starts, inside the silence before a chapter, where the extra
    priming and padding are inaudible.
    """

    data: bytes
    starts: tuple[int, ...]  # each part's first sample in the track
    frames_before: tuple[int, ...]  # MP3 frames of all the parts before it
    samples_per_frame: int
    frames: int  # in all

    @staticmethod
    def joined(pieces: list[tuple[int, EncodedAudio]]) -> EncodedAudio:
        """One stream of pieces encoded apart, each given with the sample of the track it starts at."""
        data, starts, before, frames = [], [], [], 0
        for offset, piece in pieces:
            data.append(piece.data)
            starts += [offset + start for start in piece.starts]
            before += [frames + count for count in piece.frames_before]
            frames += piece.frames
        spf = pieces[0][1].samples_per_frame if pieces else 576
        return EncodedAudio(b"".join(data), tuple(starts), tuple(before), spf, frames)

    def decoded_position(self, position: int) -> int:
        """Where the track's sample ``position`` plays in the decoded MP3."""
        part = max(i for i, start in enumerate(self.starts) if start <= position)
        offset = self.frames_before[part] * self.samples_per_frame + ENCODER_DELAY_SAMPLES
        return DECODER_DELAY_SAMPLES - ENCODER_DELAY_SAMPLES + offset + position - self.starts[part]


def encode_mp3(track: Track, bitrate: int = DEFAULT_BITRATE, parts: int = 1) -> EncodedAudio:
    """Constant bit rate, so players can seek to a chapter by time without a seek table.

    With ``parts`` > 1 the track is cut into that many parts of about equal
    length, encoded side by side in threads (LAME releases the GIL) and
    joined: CBR frames concatenate into one valid stream. Cuts fall where a
    sentence starts after a pause, so each part's priming lands in silence.
    """
    samples = np.frombuffer(track.pcm, dtype=np.int16)
    places = sorted(_cut_places(track))
    cuts = sorted({
        min(places, key=lambda s: abs(s - samples.size * i / parts)) for i in range(1, parts)
    }) if parts > 1 and places else []
    starts = [0, *cuts]
    bounds = list(zip(starts, [*cuts, samples.size]))
    with ThreadPoolExecutor(max_workers=len(bounds)) as pool:
        encoded = list(pool.map(lambda b: _encode_part(samples[b[0] : b[1]], track.sample_rate, bitrate), bounds))
    spf = 1152 if track.sample_rate >= 32000 else 576
    frames, before = 0, []
    for part in encoded:
        before.append(frames)
        frames += _count_frames(part)
    return EncodedAudio(b"".join(encoded), tuple(starts), tuple(before), spf, frames)


def _cut_places(track: Track) -> set[int]:
    """Chapter starts, and sentence starts with at least CUT_PAUSE_MS of silence before them."""
    pause = track.sample_rate * CUT_PAUSE_MS // 1000
    places = {m.start for m in track.chapters[1:]}
    places.update(cue.start for previous, cue in zip(track.cues, track.cues[1:]) if cue.start - previous.end >= pause)
    return places


def _encode_part(pcm: np.ndarray, rate: int, bitrate: int) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(1)
    encoder.set_quality(5)  # LAME "good": transparent for speech at 64 kbit/s
    try:
        # In pieces: LAME buffers a whole call's input as floats, several times the audio's size.
        encoded = [encoder.encode(pcm[i : i + ENCODE_PIECE]) for i in range(0, pcm.size, ENCODE_PIECE)]
        return b"".join([*encoded, encoder.flush()])
    except Exception as exc:  # lameenc raises bare exceptions for bad settings
        raise OutputError(f"MP3 encoding failed ({exc})") from None


_BITRATES = {1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
             2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _count_frames(data: bytes) -> int:
    """MPEG audio layer III frames in ``data``, walked header by header."""
    position = frames = 0
    while position + 4 <= len(data):
        header = int.from_bytes(data[position : position + 4], "big")
        if header >> 21 != 0x7FF:
            raise OutputError("MP3 encoding produced a damaged stream")
        version = (header >> 19) & 3
        mpeg1 = version == 3
        kbps = _BITRATES[1 if mpeg1 else 2][(header >> 12) & 0xF]
        rate = _RATES[version][(header >> 10) & 3]
        padding = (header >> 9) & 1
        position += (144 if mpeg1 else 72) * kbps * 1000 // rate + padding
        frames += 1
    return frames


def encode_m4b(wav: Path, marks: tuple[ChapterMark, ...], article: Article, path: Path, bitrate: int) -> None:
    """AAC in an MP4 audiobook container with the same chapters, through the ffmpeg that imageio-ffmpeg ships."""
    try:
        import imageio_ffmpeg

        ffmpeg = imageio_ffmpeg.get_ffmpeg_exe()
    except (ImportError, RuntimeError):
        raise OutputError("M4B output needs an AAC encoder: pip install imageio-ffmpeg (or newscast[m4b])") from None
    with tempfile.TemporaryDirectory(prefix="newscast-m4b-") as work:
        meta = Path(work) / "chapters.txt"
        lines = [";FFMETADATA1", f"title={_ffescape(article.headline)}", f"artist={_ffescape(article.source or '')}"]
        for mark in marks:
            lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={mark.start_ms}", f"END={mark.end_ms}", f"title={_ffescape(mark.title)}"]
        meta.write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [ffmpeg, "-v", "error", "-y", "-i", str(wav), "-i", str(meta), "-map_metadata", "1",
                   "-map_chapters", "1", "-c:a", "aac", "-b:a", f"{bitrate}k", "-f", "mp4", str(path)]
        result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise OutputError(f"M4B encoding failed ({result.stderr.strip().splitlines()[-1:] or 'ffmpeg error'})")


def _ffescape(text: str) -> str:
    return re.sub(r"([=;#\\\n])", r"\\\1", text)


def _file_chapters(track: Track, duration: float, audio: EncodedAudio) -> list[ChapterMark]:
    """Chapter marks moved to where decoders place them; the first starts at 0, the last ends with the file."""
    rate = track.sample_rate
    total = round(duration * rate)
    starts = [0] + [audio.decoded_position(m.start) for m in track.chapters[1:]]
    ends = starts[1:] + [total]
    return [ChapterMark(m.title, start, end, rate) for m, start, end in zip(track.chapters, starts, ends)]


def webvtt(cues: tuple[Cue, ...], rate: int, decoded: Callable[[int], int]) -> str:
    """A WebVTT transcript, one cue per sentence, timed as the decoded MP3 plays it."""

    def stamp(position: int) -> str:
        ms = round(decoded(position) * 1000 / rate)
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
