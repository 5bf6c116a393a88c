"""assemble: join the clips into one track with natural pauses, chapter marks and transcript cues."""
from __future__ import annotations

import bisect
import hashlib
import io
import sys

import numpy as np

from .. import loudness
from ..loudness import BLOCK, gained, gained_window, limiter_gain, measure
from ..model import ChapterMark, Clip, Cue, Speech, SpokenChapter, Track
from ..pydub_quiet import AudioSegment
from ..tts.cache import LEVELS, SpeechCache, code_identity, read_record, record

FADE_MS = 8  # short fades at every clip edge so joins never click
SILENCE_THRESHOLD = 200  # sample amplitude below which a clip's edges count as silence
EDGE_KEEP_MS = 30  # silence kept at each clip edge so consonants are not clipped
TARGET_LUFS = -16.0  # the common podcast loudness
# Below the -1 dBTP limit with room for the peaks MP3 encoding adds.
TRUE_PEAK_CEILING_DBTP = -2.0
PARAGRAPH_PAUSE_MS = 700  # a pause this long ends a paragraph in the readable transcript
ACTIVE_DB = -40.0  # frames above this level count as speech when matching voices


def assemble(speech: Speech, lazy: bool = False, cache: SpeechCache | None = None) -> Track | LevelledTrack:
    """One track: clips trimmed of the engine's own silences, our pauses between them, one join.

    Each chapter is levelled on its own: its voices brought to the narrator's
    speech level, so quotes are neither louder nor softer than the rest, and
    then normalised, so every chapter plays at the same loudness. A chapter
    therefore sounds the same assembled alone as in the whole track, which
    lets an edition be built a chapter at a time. Loudness is measured on
    windows rendered from the clips, and the normalised windows are written
    once into the result.

    With ``lazy`` the result is a LevelledTrack: measured and levelled, but
    its samples rendered from the clips only when read, window by window, so
    an assembled chapter costs no more memory than its clips however long it
    is. Both give the same samples.

    With a ``cache``, each chapter's levels (voice gains and gain curve) are
    kept under a hash of everything that decides them, and an unchanged
    chapter is not measured again; the lazy track's ``key`` is that hash.
    """
    rate = speech.sample_rate
    parts: list[tuple[_Layout, np.ndarray]] = []
    marks: list[ChapterMark] = []
    cues: list[Cue] = []
    keys: list[str] = []
    start = 0
    for chapter in speech.chapters:
        key = chapter_key(chapter, rate) if cache else None
        levels = _cached_levels(cache, key) if cache else None
        gains = levels[0] if levels else _voice_gains(chapter.clips, rate)
        layout, chapter_cues = _chapter_layout(chapter, rate, gains)
        if levels and levels[1].size == -(-layout.size // BLOCK):
            curve = levels[1]
        else:
            curve = limiter_gain(measure(layout, rate), TARGET_LUFS, TRUE_PEAK_CEILING_DBTP)
            if cache:
                cache.put(key, *record({"gains": gains}, np.ascontiguousarray(curve, dtype=np.float32)), kind=LEVELS)
        parts.append((layout, curve))
        keys.append(key)
        marks.append(ChapterMark(chapter.title, start, start + layout.size, rate))
        cues += [Cue(c.text, start + c.start, start + c.end, c.ends_paragraph) for c in chapter_cues]
        start += layout.size
    key = (keys[0] if len(keys) == 1 else hashlib.sha256(" ".join(keys).encode()).hexdigest()) if cache else None
    levelled = LevelledTrack(rate, tuple(marks), tuple(cues), parts, key)
    return levelled if lazy else Track(sample_rate=rate, pcm=levelled.pcm, chapters=levelled.chapters, cues=levelled.cues)


def chapter_key(chapter: SpokenChapter, rate: int) -> str:
    """A hash of all that decides a chapter's levelled samples and where its sentences start: its clips,
    their voices, pauses and joins, and the code that levels them (pydub's fades and numpy included)."""
    fades = sys.modules[AudioSegment.__module__].__file__
    material = hashlib.sha256(code_identity(loudness.__file__, __file__, fades, packages=("numpy",)).encode())
    material.update(f"{rate} {TARGET_LUFS} {TRUE_PEAK_CEILING_DBTP}".encode())
    for clip in chapter.clips:
        utterance = clip.utterance
        material.update(f"\x1f{utterance.voice} {utterance.pause_ms} {utterance.continues} {len(clip.pcm)}\x1f".encode())
        material.update(clip.pcm)
    return material.hexdigest()


def _cached_levels(cache: SpeechCache, key: str) -> tuple[dict[str, float], np.ndarray] | None:
    entry = cache.get(key, LEVELS)
    found = read_record(entry) if entry is not None else None
    if found is None or not isinstance(found[0], dict) or not isinstance(found[0].get("gains"), dict) or len(found[1]) % 4:
        return None
    return found[0]["gains"], np.frombuffer(found[1], dtype=np.float32)


class LevelledTrack:
    """A track's chapters laid out and levelled, their samples rendered when read (the Audio protocol).

    ``key``, when set, is a hash of all that decides its samples (see ``chapter_key``).
    """

    def __init__(self, rate: int, chapters: tuple[ChapterMark, ...], cues: tuple[Cue, ...],
                 parts: list[tuple[_Layout, np.ndarray]], key: str | None = None):
        self.sample_rate, self.chapters, self.cues, self.key = rate, chapters, cues, key
        self._parts = parts
        self._starts = [mark.start for mark in chapters]
        self.size = sum(layout.size for layout, _ in parts)

    @property
    def duration(self) -> float:
        return self.size / self.sample_rate

    def read(self, start: int, end: int) -> np.ndarray:
        """Samples ``start`` to ``end``, levelled."""
        out = np.empty(end - start, dtype=np.int16)
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        position = start
        while position < end:
            layout, curve = self._parts[index]
            at = self._starts[index]
            stop = min(end, at + layout.size)
            out[position - start : stop - start] = gained_window(layout, curve, position - at, stop - at)
            position, index = stop, index + 1
        return out

    @property
    def pcm(self) -> bytes:
        """All the samples, rendered once into one buffer."""
        pcm = io.BytesIO()
        if self.size:  # sized once, so it never grows by copying and getvalue() shares its buffer
            pcm.seek(2 * self.size - 1)
            pcm.write(b"\0")
            pcm.seek(0)
        for layout, curve in self._parts:
            for chunk in gained(layout, curve):
                pcm.write(chunk.tobytes())
        return pcm.getvalue()


def _chapter_layout(chapter: SpokenChapter, rate: int, gains: dict[str, float]) -> tuple[_Layout, list[Cue]]:
    """A chapter's clips laid out with their pauses at their voices' ``gains``, and its transcript cues (from the chapter's start)."""
    keep = rate * EDGE_KEEP_MS // 1000
    layout = _Layout(rate)
    cues: list[Cue] = []
    for clip in chapter.clips:
        utterance = clip.utterance
        at = layout.size
        samples = _trimmed(np.frombuffer(clip.pcm, dtype=np.int16), keep)
        layout.add(samples, gains.get(utterance.voice, 1.0), rate * utterance.pause_ms // 1000)
        text = utterance.display or utterance.text
        end = at + samples.size
        paragraph_end = utterance.pause_ms >= PARAGRAPH_PAUSE_MS
        if utterance.continues and cues:
            cues[-1] = Cue(f"{cues[-1].text} {text}", cues[-1].start, end, paragraph_end)
        else:
            cues.append(Cue(text, at, end, paragraph_end))
    return layout, cues


class _Layout:
    """The track as clips at their places with silence between: any window of it, on demand."""

    def __init__(self, rate: int):
        self.rate = rate
        self.size = 0
        self._starts: list[int] = []
        self._clips: list[tuple[np.ndarray, float, np.ndarray, np.ndarray]] = []

    def add(self, samples: np.ndarray, gain: float, pause: int) -> None:
        """Place a clip at the end, at ``gain``, faded in and out, then ``pause`` samples of silence."""
        edge = min(self.rate * FADE_MS // 1000, samples.size // 2)
        head = _faded(_scaled(samples[:edge], gain), self.rate, "in")
        tail = _faded(_scaled(samples[samples.size - edge :], gain), self.rate, "out")
        self._starts.append(self.size)
        self._clips.append((samples, gain, head, tail))
        self.size += samples.size + pause

    def read(self, start: int, end: int) -> np.ndarray:
        out = np.zeros(end - start, dtype=np.int16)
        first = max(0, bisect.bisect_right(self._starts, start) - 1)
        for at, (samples, gain, head, tail) in zip(self._starts[first:], self._clips[first:]):
            if at >= end:
                break
            lo, hi = max(start, at), min(end, at + samples.size)
            if lo >= hi:
                continue
            window = out[lo - start : hi - start]
            window[:] = _scaled(samples[lo - at : hi - at], gain)
            for edge, offset in ((head, 0), (tail, samples.size - tail.size)):
                a, b = max(lo, at + offset), min(hi, at + offset + edge.size)
                if a < b:
                    window[a - lo : b - lo] = edge[a - at - offset : b - at - offset]
        return out


def _voice_gains(clips: tuple[Clip, ...], rate: int) -> dict[str, float]:
    """Linear gain per voice role that matches its speech level to the narrator's."""
    power: dict[str, list[float]] = {}  # per voice: summed power and count of active frames
    for clip in clips:
        total = power.setdefault(clip.utterance.voice, [0.0, 0])
        frames = _active_frame_power(np.frombuffer(clip.pcm, dtype=np.int16), rate)
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


def _scaled(samples: np.ndarray, gain: float) -> np.ndarray:
    if gain == 1.0:
        return samples
    return np.clip(np.rint(samples * np.float32(gain)), -32768, 32767).astype(np.int16)


def _faded(samples: np.ndarray, rate: int, direction: str) -> np.ndarray:
    if not samples.size:
        return samples
    segment = AudioSegment(data=samples.tobytes(), sample_width=2, frame_rate=rate, channels=1)
    faded = segment.fade_in(len(segment)) if direction == "in" else segment.fade_out(len(segment))
    return np.frombuffer(faded.raw_data, dtype=np.int16)[: samples.size]
