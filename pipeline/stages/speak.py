"""speak: synthesise every utterance of a Script."""
from __future__ import annotations

from collections.abc import Callable

from ..model import Clip, Script, Speech, SpokenChapter
from ..tts import Engine

Progress = Callable[[int, int], None]


def speak(script: Script, engine: Engine, progress: Progress | None = None) -> Speech:
    """A clip per utterance, in script order, each in the voice for its language and role.

    ``progress(done, total)`` is called after each utterance.
    """
    total = sum(len(c.utterances) for c in script.chapters)
    done = 0
    chapters = []
    for chapter in script.chapters:
        clips = []
        for utterance in chapter.utterances:
            engine.use(utterance.language or script.language, utterance.voice)
            clips.append(Clip(utterance, engine.synthesize(utterance.text)))
            done += 1
            if progress:
                progress(done, total)
        chapters.append(SpokenChapter(chapter.title, tuple(clips)))
    return Speech(sample_rate=engine.sample_rate, chapters=tuple(chapters))
