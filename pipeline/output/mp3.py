"""MP3 encoding: constant bit rate, in parts cut at pauses, and where each sample plays once decoded."""
from __future__ import annotations

import bisect
import collections
import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

from ..errors import OutputError
from ..model import Samples, Track
from ..tts.cache import ENCODED, SpeechCache, code_identity, read_record, record

DEFAULT_BITRATE = 64  # kbit/s: transparent for a single speaking voice at 22.05 kHz mono
BITRATES = (32, 48, 64, 96, 128)
# LAME's encoder delay (576) plus the decoder's (529): without a gapless header
# every decoder outputs this much silence before the first encoded sample.
ENCODER_DELAY_SAMPLES = 576
DECODER_DELAY_SAMPLES = 1105
ENCODE_PIECE = 1 << 16  # samples handed to LAME per call
CUT_PAUSE_MS = 150  # silence before a sentence wide enough to hide the extra priming of a part cut there
ENCODER_PART_S = 20  # a chapter is split between encoders only in parts at least this long


@dataclass(frozen=True)
class Mp3Layout:
    """Where each independently encoded part of an MP3 stream starts, and so where each sample plays.

    Each part starts with LAME's 576 samples of priming and ends padded to a
    whole frame; the decoder adds 529 samples of its own once. Parts are cut
    at chapter starts and at pauses before sentences, where the extra
    priming and padding are inaudible.
    """

    starts: tuple[int, ...] = ()  # each part's first sample in the track
    frames_before: tuple[int, ...] = ()  # MP3 frames of all the parts before it
    samples_per_frame: int = 576
    frames: int = 0  # in all

    def then(self, offset: int, other: Mp3Layout) -> Mp3Layout:
        """This stream followed by ``other``, whose sample 0 is the track's sample ``offset``."""
        return Mp3Layout(
            self.starts + tuple(offset + start for start in other.starts),
            self.frames_before + tuple(self.frames + count for count in other.frames_before),
            other.samples_per_frame,
            self.frames + other.frames,
        )

    def decoded_position(self, position: int) -> int:
        """Where the track's sample ``position`` plays in the decoded MP3."""
        part = max(0, bisect.bisect_right(self.starts, position) - 1)
        offset = self.frames_before[part] * self.samples_per_frame + ENCODER_DELAY_SAMPLES
        return DECODER_DELAY_SAMPLES - ENCODER_DELAY_SAMPLES + offset + position - self.starts[part]


@dataclass(frozen=True)
class EncodedAudio:
    data: bytes | memoryview
    layout: Mp3Layout

    @property
    def starts(self) -> tuple[int, ...]:
        return self.layout.starts

    def record(self) -> tuple[bytes, memoryview]:
        """As a cache entry's pieces."""
        layout = self.layout
        return record([layout.starts, layout.frames_before, layout.samples_per_frame, layout.frames], self.data)

    @classmethod
    def from_record(cls, entry: memoryview | None) -> EncodedAudio | None:
        """The encoded audio in a cache entry made by ``record``, or None when it holds none."""
        found = read_record(entry) if entry is not None else None
        if found is None:
            return None
        try:
            starts, before, samples_per_frame, frames = found[0]
            layout = Mp3Layout(tuple(starts), tuple(before), int(samples_per_frame), int(frames))
        except (TypeError, ValueError):
            return None
        return cls(found[1], layout) if frames else None  # the entry's own bytes, not copied


def encode_mp3(track: Samples, bitrate: int = DEFAULT_BITRATE, parts: int = 1) -> EncodedAudio:
    """Constant bit rate, so players can seek to a chapter by time without a seek table.

    With ``parts`` > 1 the track is cut into that many parts of about equal
    length, encoded side by side in threads (LAME releases the GIL) and
    joined: CBR frames concatenate into one valid stream. Cuts fall where a
    sentence starts after a pause, so each part's priming lands in silence.
    The samples are read a piece at a time, so a levelled track is rendered
    as it is encoded, never whole.
    """
    bounds = _part_bounds(track, parts)
    with ThreadPoolExecutor(max_workers=len(bounds)) as pool:
        encoded = list(pool.map(lambda b: _encode_part(track, b[0], b[1], bitrate), bounds))
    return _joined(track.sample_rate, bounds, encoded)


def _part_bounds(track: Track, parts: int) -> list[tuple[int, int]]:
    """Where ``parts`` parts of about equal length start and end, cut where a sentence starts after a pause."""
    size = track.size
    places = sorted(_cut_places(track))
    cuts = sorted({
        min(places, key=lambda s: abs(s - size * i / parts)) for i in range(1, parts)
    }) if parts > 1 and places else []
    starts = [0, *cuts]
    return list(zip(starts, [*cuts, size]))


def _joined(rate: int, bounds: list[tuple[int, int]], encoded: list[bytes]) -> EncodedAudio:
    """The parts' MP3 frames as one stream, and its layout."""
    spf = 1152 if rate >= 32000 else 576
    frames, before = 0, []
    for part in encoded:
        before.append(frames)
        frames += count_frames(part)
    return EncodedAudio(b"".join(encoded), Mp3Layout(tuple(start for start, _ in bounds), tuple(before), spf, frames))


class Mp3Stream:
    """An MP3 file written a chapter at a time, in order.

    Chapters are encoded on ``threads`` threads, a long one in parts side by
    side, each rendered as it is encoded, and appended as they finish in
    order. The parts wait in one queue, so a thread that finishes a part
    starts on the next at once, the next chapter's too. Besides the oldest
    chapter, about ENCODER_PART_S of audio per thread (or one chapter of any
    length) is in hand at once. Use it as a context manager, and call
    ``finish()`` before reading the file.

    With a ``cache``, a chapter that has a ``key`` (a hash of its samples: a
    LevelledTrack from a cached assembly) is encoded once: the same chapter
    at the same settings is read back, not rendered or encoded again.
    """

    def __init__(self, file: BinaryIO, bitrate: int = DEFAULT_BITRATE, threads: int = 1,
                 cache: SpeechCache | None = None):
        self.file, self.bitrate, self.threads, self.cache = file, bitrate, threads, cache
        self.layout = Mp3Layout()
        self.length = 0  # samples so far
        self._encoders = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="newscast-mp3")
        # (the chapter's MP3 when ready, the key to cache it under if newly encoded, first sample, samples)
        self._pending: collections.deque[tuple[Callable[[], EncodedAudio], str | None, int, int]] = collections.deque()

    def __enter__(self) -> Mp3Stream:
        return self

    def __exit__(self, *_exc) -> None:
        self._encoders.shutdown(wait=True, cancel_futures=True)

    def add(self, chapter: Samples) -> None:
        if not chapter.size:
            return
        parts = max(1, min(self.threads, int(chapter.duration // ENCODER_PART_S)))
        key = self._key(chapter, parts)
        cached = EncodedAudio.from_record(self.cache.get(key, ENCODED)) if key else None
        if cached:
            self._pending.append((lambda: cached, None, self.length, chapter.size))
        else:
            self._pending.append((self._start_encoding(chapter, parts), key, self.length, chapter.size))
        self.length += chapter.size
        # Its parts queue behind those of the chapters before it, so no encoder waits between chapters; then the
        # oldest are written until those after the oldest hold no more than about ENCODER_PART_S per thread, or
        # are one chapter: the caller's next chapter waits until then.
        budget = ENCODER_PART_S * self.threads * chapter.sample_rate
        while len(self._pending) > 1 and self._held - self._pending[0][3] > budget:
            self._write_oldest()

    def _start_encoding(self, chapter: Samples, parts: int) -> Callable[[], EncodedAudio]:
        """Queue the chapter's parts; what joins them once encoded (holding the parts, not the chapter)."""
        rate, bounds = chapter.sample_rate, _part_bounds(chapter, parts)
        futures = [self._encoders.submit(_encode_part, chapter, start, end, self.bitrate) for start, end in bounds]
        return lambda: _joined(rate, bounds, [future.result() for future in futures])

    def _key(self, chapter: Samples, parts: int) -> str | None:
        """A hash of all that decides the chapter's MP3: its samples and where its sentences start (its
        ``key`` fixes both), the settings, this code and LAME's version."""
        samples = getattr(chapter, "key", None)
        if self.cache is None or samples is None:
            return None
        material = f"{samples} {self.bitrate} {parts} {code_identity(__file__, packages=('lameenc',))}"
        return hashlib.sha256(material.encode()).hexdigest()

    def finish(self) -> None:
        while self._pending:
            self._write_oldest()

    @property
    def _held(self) -> int:
        return sum(size for *_, size in self._pending)

    def _write_oldest(self) -> None:
        result, key, offset, _size = self._pending.popleft()
        encoded = result()
        if key:
            self.cache.put(key, *encoded.record(), kind=ENCODED)
        try:
            self.file.write(encoded.data)
        except OSError as exc:
            raise OutputError(f"cannot write the MP3 ({exc.strerror or exc})") from None
        self.layout = self.layout.then(offset, encoded.layout)


def _cut_places(track: Track) -> set[int]:
    """Chapter starts, and sentence starts with at least CUT_PAUSE_MS of silence before them."""
    pause = track.sample_rate * CUT_PAUSE_MS // 1000
    places = {m.start for m in track.chapters[1:]}
    places.update(cue.start for previous, cue in zip(track.cues, track.cues[1:]) if cue.start - previous.end >= pause)
    return places


def _encode_part(track: Samples, start: int, end: int, bitrate: int) -> bytes:
    import lameenc  # here, not at the top: the command line imports this module for its bit rates alone

    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate)
    encoder.set_in_sample_rate(track.sample_rate)
    encoder.set_channels(1)
    encoder.set_quality(5)  # LAME "good": transparent for speech at 64 kbit/s
    try:
        # In pieces: LAME buffers a whole call's input as floats, several times the audio's size.
        encoded = [encoder.encode(track.read(i, min(i + ENCODE_PIECE, end))) for i in range(start, end, ENCODE_PIECE)]
        return b"".join([*encoded, encoder.flush()])
    except Exception as exc:  # lameenc raises bare exceptions for bad settings
        raise OutputError(f"MP3 encoding failed ({exc})") from None


_BITRATES = {1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
             2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160)}
_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def count_frames(data: bytes) -> int:
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
