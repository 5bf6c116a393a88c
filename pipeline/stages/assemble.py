"""assemble: join the clips into one track with natural pauses and chapter marks."""
from __future__ import annotations

import numpy as np
import pyloudnorm

from ..model import ChapterMark, Speech, Track
from ..pydub_quiet import AudioSegment

FADE_MS = 8  # short fades at every clip edge so joins never click
SILENCE_THRESHOLD = 200  # sample amplitude below which a clip's edges count as silence
EDGE_KEEP_MS = 30  # silence kept at each clip edge so consonants are not clipped
TARGET_LUFS = -16.0
PEAK_CEILING_DBFS = -1.0


def assemble(speech: Speech) -> Track:
    """One track: clips trimmed of the engine's own silences, our pauses between them, one join."""
    rate = speech.sample_rate
    parts: list[bytes] = []
    marks: list[ChapterMark] = []
    position = 0
    for chapter in speech.chapters:
        start = position
        for clip in chapter.clips:
            segment = AudioSegment(data=_trim(clip.pcm, rate), sample_width=2, frame_rate=rate, channels=1)
            audio = segment.fade_in(FADE_MS).fade_out(FADE_MS).raw_data
            pause = b"\x00\x00" * (rate * clip.utterance.pause_ms // 1000)
            parts += (audio, pause)
            position += (len(audio) + len(pause)) // 2
        marks.append(ChapterMark(chapter.title, start, position, rate))
    pcm = _normalise(b"".join(parts), rate)
    return Track(sample_rate=rate, pcm=pcm, chapters=tuple(marks))


def _trim(pcm: bytes, rate: int) -> bytes:
    samples = np.frombuffer(pcm, dtype=np.int16)
    loud = np.flatnonzero(np.abs(samples) > SILENCE_THRESHOLD)
    if loud.size == 0:
        return pcm
    keep = rate * EDGE_KEEP_MS // 1000
    return samples[max(0, loud[0] - keep) : loud[-1] + keep].tobytes()


def _normalise(pcm: bytes, rate: int) -> bytes:
    """Gain towards TARGET_LUFS, never past the peak ceiling (no clipping, no limiter pumping)."""
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float64) / 32768.0
    if samples.size < rate // 2:
        return pcm
    loudness = pyloudnorm.Meter(rate).integrated_loudness(samples)
    peak = np.abs(samples).max()
    if not np.isfinite(loudness) or peak == 0:
        return pcm
    gain_db = min(TARGET_LUFS - loudness, PEAK_CEILING_DBFS - 20 * np.log10(peak))
    scaled = np.clip(samples * 10 ** (gain_db / 20) * 32768.0, -32768, 32767)
    return scaled.astype(np.int16).tobytes()
