"""assemble: join the clips into one track with natural pauses, chapter marks and transcript cues."""
from __future__ import annotations

import numpy as np

from ..loudness import normalise
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
    """
    rate = speech.sample_rate
    gains = _voice_gains(speech)
    parts: list[bytes] = []
    marks: list[ChapterMark] = []
    cues: list[Cue] = []
    position = 0
    for chapter in speech.chapters:
        start = position
        for clip in chapter.clips:
            utterance = clip.utterance
            trimmed = _trim(clip.pcm, rate, gains.get(utterance.voice, 1.0))
            segment = AudioSegment(data=trimmed, sample_width=2, frame_rate=rate, channels=1)
            audio = segment.fade_in(FADE_MS).fade_out(FADE_MS).raw_data
            pause = b"\x00\x00" * (rate * utterance.pause_ms // 1000)
            text = utterance.display or utterance.text
            end = position + len(audio) // 2
            paragraph_end = utterance.pause_ms >= PARAGRAPH_PAUSE_MS
            if utterance.continues and cues:
                cues[-1] = Cue(f"{cues[-1].text} {text}", cues[-1].start, end, paragraph_end)
            else:
                cues.append(Cue(text, position, end, paragraph_end))
            parts += (audio, pause)
            position += (len(audio) + len(pause)) // 2
        marks.append(ChapterMark(chapter.title, start, position, rate))
    pcm = _normalise(b"".join(parts), rate)
    return Track(sample_rate=rate, pcm=pcm, chapters=tuple(marks), cues=tuple(cues))


def _voice_gains(speech: Speech) -> dict[str, float]:
    """Linear gain per voice role that matches its speech level to the narrator's."""
    levels: dict[str, list[np.ndarray]] = {}
    for chapter in speech.chapters:
        for clip in chapter.clips:
            levels.setdefault(clip.utterance.voice, []).append(np.frombuffer(clip.pcm, dtype=np.int16))
    rms = {voice: _speech_rms(np.concatenate(chunks), speech.sample_rate) for voice, chunks in levels.items()}
    reference = rms.get("narrator") or next(iter(rms.values()), 0.0)
    return {voice: (reference / value if value and reference else 1.0) for voice, value in rms.items()}


def _speech_rms(samples: np.ndarray, rate: int) -> float:
    frame = rate // 50
    usable = samples[: samples.size // frame * frame].astype(np.float64).reshape(-1, frame)
    if usable.size == 0:
        return 0.0
    rms = np.sqrt((usable**2).mean(axis=1))
    active = rms[20 * np.log10(rms / 32768 + 1e-12) > ACTIVE_DB]
    return float(np.sqrt((active**2).mean())) if active.size else 0.0


def _trim(pcm: bytes, rate: int, gain: float = 1.0) -> bytes:
    samples = np.frombuffer(pcm, dtype=np.int16)
    loud = np.flatnonzero(np.abs(samples) > SILENCE_THRESHOLD)
    if loud.size:
        keep = rate * EDGE_KEEP_MS // 1000
        samples = samples[max(0, loud[0] - keep) : loud[-1] + keep]
    if gain != 1.0:
        samples = np.clip(samples.astype(np.float64) * gain, -32768, 32767).astype(np.int16)
    return samples.tobytes()


def _normalise(pcm: bytes, rate: int) -> bytes:
    # Single precision is ample for 16-bit audio, and halves the memory the edition's length costs.
    samples = np.frombuffer(pcm, dtype=np.int16).astype(np.float32) / np.float32(32768.0)
    out = normalise(samples, rate, TARGET_LUFS, TRUE_PEAK_CEILING_DBTP)
    return (np.clip(out, -1.0, 32767 / 32768) * 32768.0).astype(np.int16).tobytes()
