"""speak: synthesise every utterance of a Script, each at most once."""
from __future__ import annotations

from collections.abc import Callable

from ..model import Clip, Script, Speech, SpokenChapter
from ..tts import Engine, Request
from ..tts.cache import SpeechCache

Progress = Callable[[int, int], None]


def speak(script: Script, engine: Engine, progress: Progress | None = None, cache: SpeechCache | None = None) -> Speech:
    """A clip per utterance, in script order, each in the voice for its language and role.

    Clips found in ``cache`` are not synthesised again; the rest go to the
    engine in one batch (in parallel when the engine is a pool) and are
    cached. ``progress(done, total)`` is called as clips arrive.
    """
    utterances = [u for chapter in script.chapters for u in chapter.utterances]
    requests = [Request(u.text, u.language or script.language, u.voice) for u in utterances]
    identity = engine.identity()
    keys = [cache.key(identity, r) for r in requests] if cache else []
    clips: list[bytes | None] = [cache.get(k) for k in keys] if cache else [None] * len(requests)
    missing = [i for i, clip in enumerate(clips) if clip is None]
    done = len(requests) - len(missing)
    if progress:
        progress(done, len(requests))

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, len(requests))

    if missing:
        for i, pcm in zip(missing, engine.synthesize_batch([requests[i] for i in missing], advance)):
            clips[i] = pcm
            if cache:
                cache.put(keys[i], pcm)
    chapters, position = [], 0
    for chapter in script.chapters:
        count = len(chapter.utterances)
        spoken = tuple(Clip(u, clips[position + j]) for j, u in enumerate(chapter.utterances))
        chapters.append(SpokenChapter(chapter.title, spoken))
        position += count
    return Speech(sample_rate=engine.sample_rate, chapters=tuple(chapters))
