"""Audio at another sample rate, with its chapter and cue positions moved along."""
from __future__ import annotations

from math import gcd

from ..errors import OutputError
from ..model import ChapterMark, Cue, Track

SAMPLE_RATES = (16000, 22050, 24000, 32000, 44100, 48000)


def resample(track: Track, rate: int) -> Track:
    """The track at another sample rate, chapter and cue positions moved with it."""
    if rate not in SAMPLE_RATES:
        raise OutputError(f"sample rate {rate} Hz is not one of {', '.join(map(str, SAMPLE_RATES))}")
    import numpy as np
    from scipy.signal import resample_poly  # only when asked for: scipy.signal takes half a second to import

    common = gcd(rate, track.sample_rate)
    samples = np.frombuffer(track.pcm, dtype=np.int16).astype(np.float64)
    out = resample_poly(samples, rate // common, track.sample_rate // common)
    pcm = np.clip(out, -32768, 32767).astype(np.int16).tobytes()

    def move(position: int) -> int:
        return round(position * rate / track.sample_rate)

    marks = tuple(ChapterMark(m.title, move(m.start), move(m.end), rate) for m in track.chapters)
    cues = tuple(Cue(c.text, move(c.start), move(c.end), c.ends_paragraph) for c in track.cues)
    return Track(sample_rate=rate, pcm=pcm, chapters=marks, cues=cues)
