"""Audio at another sample rate, with its chapter and cue positions moved along."""
from __future__ import annotations

from ..errors import OutputError
from ..model import ChapterMark, Cue, Track

SAMPLE_RATES = (16000, 22050, 24000, 32000, 44100, 48000)


def resample(track: Track, rate: int) -> Track:
    """The track at another sample rate, chapter and cue positions moved with it.

    libsoxr (the soxr package) at its high quality: a C resampler that
    imports in milliseconds, where scipy.signal took a second.
    """
    if rate not in SAMPLE_RATES:
        raise OutputError(f"sample rate {rate} Hz is not one of {', '.join(map(str, SAMPLE_RATES))}")
    import numpy as np
    import soxr

    samples = np.frombuffer(track.pcm, dtype=np.int16)
    pcm = soxr.resample(samples, track.sample_rate, rate, quality="HQ").tobytes()  # 16-bit out, clipped by soxr

    def move(position: int) -> int:
        return round(position * rate / track.sample_rate)

    marks = tuple(ChapterMark(m.title, move(m.start), move(m.end), rate) for m in track.chapters)
    cues = tuple(Cue(c.text, move(c.start), move(c.end), c.ends_paragraph) for c in track.cues)
    return Track(sample_rate=rate, pcm=pcm, chapters=marks, cues=cues)
