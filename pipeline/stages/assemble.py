"""assemble: join the clips into one track with natural pauses, chapter marks and transcript cues."""
from __future__ import annotations

import numpy as np

from ..loudness import apply_gain, limiter_gain, measure
from ..model import ChapterMark, Cue, Speech, Track
from ..pydub_quiet import AudioSegment

FADE_MS = 8  # short fades at every clip edge so joins never click
SILENCE_THRESHOLD = 200  # sample amplitude below which a clip's edges count as silence
EDGE_KEEP_MS = 30  # silence kept at each clip edge so consonants are not clipped
TARGET_LUFS = -16.0  # the common podcast loudness
# Below the -1 dBTP limit with room for the peaks MP3 encoding adds.
TRUE_PEAK_CEILING_DBTP = -2.0
PARAGRAPH_PAUSE_MS = 700  # a pause this long ends a paragraph in the readable transcript
ACTIVE_DB = -40.0  # frames above this level count as speech when matching voices


def assemble(speech: Speech) -> Track:
    """One track: clips trimmed of the engine's own silences, our pauses between them, one join.

    Every voice is brought to the narrator's speech level before the whole
    track is normalised, so quotes are neither louder nor softer than the rest.
    The clips are copied once, into the track; loudness is then measured and
    applied a chunk at a time, so no float copy of the edition is made.
    """
    rate = speech.sample_rate
    gains = _voice_gains(speech)
    keep = rate * EDGE_KEEP_MS // 1000
    placed: list[tuple[int, np.ndarray, float]] = []
    marks: list[ChapterMark] = []
    cues: list[Cue] = []
    position = 0
    for chapter in speech.chapters:
        start = position
        for clip in chapter.clips:
            utterance = clip.utterance
            samples = _trimmed(np.frombuffer(clip.pcm, dtype=np.int16), keep)
            placed.append((position, samples, gains.get(utterance.voice, 1.0)))
            text = utterance.display or utterance.text
            end = position + samples.size
            paragraph_end = utterance.pause_ms >= PARAGRAPH_PAUSE_MS
            if utterance.continues and cues:
                cues[-1] = Cue(f"{cues[-1].text} {text}", cues[-1].start, end, paragraph_end)
            else:
                cues.append(Cue(text, position, end, paragraph_end))
            position = end + rate * utterance.pause_ms // 1000
        marks.append(ChapterMark(chapter.title, start, position, rate))
    track = np.zeros(position, dtype=np.int16)  # the pauses stay zero
    for at, samples, gain in placed:
        _place(track[at : at + samples.size], samples, gain, rate)
    apply_gain(track, limiter_gain(measure(track, rate), TARGET_LUFS, TRUE_PEAK_CEILING_DBTP))
    return Track(sample_rate=rate, pcm=track.tobytes(), chapters=tuple(marks), cues=tuple(cues))


def _voice_gains(speech: Speech) -> dict[str, float]:
    """Linear gain per voice role that matches its speech level to the narrator's."""
    power: dict[str, list[float]] = {}  # per voice: summed power and count of active frames
    for chapter in speech.chapters:
        for clip in chapter.clips:
            total = power.setdefault(clip.utterance.voice, [0.0, 0])
            frames = _active_frame_power(np.frombuffer(clip.pcm, dtype=np.int16), speech.sample_rate)
            total[0] += float(frames.sum())
            total[1] += frames.size
    rms = {voice: np.sqrt(total / count) if count else 0.0 for voice, (total, count) in power.items()}
    reference = rms.get("narrator") or next(iter(rms.values()), 0.0)
    return {voice: (reference / value if value and reference else 1.0) for voice, value in rms.items()}


def _active_frame_power(samples: np.ndarray, rate: int) -> np.ndarray:
    """Mean power of each 20 ms frame loud enough to be speech."""
    frame = rate // 50
    usable = samples[: samples.size // frame * frame].astype(np.float32).reshape(-1, frame)
    power = (usable**2).mean(axis=1)
    return power[10 * np.log10(power / 32768**2 + 1e-12) > ACTIVE_DB]


def _trimmed(samples: np.ndarray, keep: int) -> np.ndarray:
    loud = np.flatnonzero(np.abs(samples) > SILENCE_THRESHOLD)
    if not loud.size:
        return samples
    return samples[max(0, loud[0] - keep) : loud[-1] + keep]


def _place(out: np.ndarray, samples: np.ndarray, gain: float, rate: int) -> None:
    """Copy a clip into the track at its voice's gain, faded in and out at its edges."""
    if gain == 1.0:
        out[:] = samples
    else:
        out[:] = np.clip(np.rint(samples * np.float32(gain)), -32768, 32767)
    edge = min(rate * FADE_MS // 1000, out.size // 2)
    if edge:
        out[:edge] = _faded(out[:edge], rate, "in")
        out[-edge:] = _faded(out[-edge:], rate, "out")


def _faded(samples: np.ndarray, rate: int, direction: str) -> np.ndarray:
    segment = AudioSegment(data=samples.tobytes(), sample_width=2, frame_rate=rate, channels=1)
    faded = segment.fade_in(len(segment)) if direction == "in" else segment.fade_out(len(segment))
    return np.frombuffer(faded.raw_data, dtype=np.int16)[: samples.size]
