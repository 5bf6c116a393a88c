"""speak: synthesise every utterance of a Script, each at most once."""
from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from typing import Protocol, runtime_checkable

from ..model import Clip, Script, Speech, SpokenChapter
from ..tts import Closing, Engine, Request
from ..tts.cache import SpeechCache

Progress = Callable[[int, int], None]


@runtime_checkable
class StreamingEngine(Protocol):
    """An engine that hands clips over as they are made (the process pool), not only the whole batch."""

    def synthesize_stream(self, requests: list[Request]) -> Iterator[tuple[list[int], list[bytes]]]:
        """Groups of clips, each with its requests' indices, in any order."""


def speak(script: Script, engine: Engine, progress: Progress | None = None, cache: SpeechCache | None = None) -> Speech:
    """A clip per utterance, in script order, each in the voice for its language and role.

    Clips found in ``cache`` are not synthesised again; the rest go to the
    engine in one batch (in parallel when the engine is a pool) and are
    cached. ``progress(done, total)`` is called as clips arrive.
    """
    return Speech(sample_rate=engine.sample_rate, chapters=tuple(speak_chapters(script, engine, progress, cache)))


def speak_chapters(script: Script, engine: Engine, progress: Progress | None = None,
                   cache: SpeechCache | None = None) -> Iterator[SpokenChapter]:
    """As ``speak``, each chapter given as soon as all its clips are there, in order.

    The engine is handed every missing utterance before this returns, so a
    pool's workers (usually started before the page was read) speak on while
    the caller imports what it needs next and assembles the first chapters.
    A pool not started yet forks its workers here, before the caller starts
    any thread, while forking is fast.
    """
    utterances = [u for chapter in script.chapters for u in chapter.utterances]
    requests = [Request(u.text, u.language or script.language, u.voice) for u in utterances]
    identity = engine.identity() if cache else ""
    keys = [cache.key(identity, r) for r in requests] if cache else []
    clips: list[bytes | None] = [cache.get(k) for k in keys] if cache else [None] * len(requests)
    missing = [i for i, clip in enumerate(clips) if clip is None]
    done = len(requests) - len(missing)

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if progress:
            progress(done, len(requests))

    advance(0)
    wanted = [requests[i] for i in missing]
    # A streaming engine is handed the requests now, not when the first clip is wanted.
    stream = None
    if not wanted:
        arrivals = iter(())
    elif isinstance(engine, StreamingEngine):
        stream = engine.synthesize_stream(wanted)
        arrivals = _counted(stream, advance)
    else:
        arrivals = _whole_batch(engine, wanted, advance)
    # Closing the chapters also drops the engine's sentences still queued, even before the first chapter was taken.
    return Closing(_in_order(script, clips, missing, keys, cache, arrivals), getattr(stream, "close", lambda: None))


def _in_order(script: Script, clips: list[bytes | None], missing: list[int], keys: list[str], cache: SpeechCache | None,
              arrivals: Iterator[tuple[list[int], list[bytes]]]) -> Iterator[SpokenChapter]:
    """The chapters in order, each as soon as the clips arriving for the ``missing`` ones complete it."""
    position = 0
    pending = iter(script.chapters)
    chapter = next(pending, None)
    for found in itertools.chain([None], arrivals):  # None: the chapters cached whole go first
        for j, pcm in zip(*found) if found else ():
            clips[missing[j]] = pcm
            if cache:
                cache.put(keys[missing[j]], pcm)
        while chapter is not None and all(clips[position + j] is not None for j in range(len(chapter.utterances))):
            yield SpokenChapter(chapter.title, tuple(Clip(u, clips[position + j]) for j, u in enumerate(chapter.utterances)))
            position += len(chapter.utterances)
            chapter = next(pending, None)


def _counted(arrivals, advance: Callable[[int], None]):
    for indices, clips in arrivals:
        advance(len(indices))
        yield indices, clips


def _whole_batch(engine: Engine, requests: list[Request], advance: Callable[[int], None]):
    yield list(range(len(requests))), engine.synthesize_batch(requests, advance)
