"""The one runner over the stages, used by every edition: the text stages per source, the audio ones a chapter at a time.

    load -> clean -> segment -> script -> speak -> assemble -> export

``speak`` is called on batches of chapters (enough sentences to keep every
speech worker busy) and gives each chapter as soon as it is spoken,
``assemble`` is called on each spoken chapter, and ``export`` once, on the
stream of assembled chapters, which it encodes and writes as they come. Speaking happens on the calling thread while chapters are
assembled and exported on others, and at most CHAPTERS_IN_HAND assembled
chapters wait between them, so memory holds a batch and a few chapters, never
the edition.
"""
from __future__ import annotations

import contextlib
import importlib
import queue
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait

from .model import Article, Edition, Script, ScriptChapter, Speech, Track
from .stages.clean import clean
from .stages.load import load
from .stages.script import script
from .stages.segment import segment
from .stages.speak import Progress, speak_chapters
from .tts import Engine
from .tts.cache import SpeechCache

# The stages after speaking bring numpy, pydub and the encoders (about 0.1 s of imports): they are
# imported once the speech workers have their sentences, and load while the first ones are spoken.
_AUDIO_STAGES = {"assemble": ".stages.assemble", "export": ".stages.export"}


def _imported_when_called(name: str) -> Callable:
    def stage(*args, **kwargs):
        return getattr(importlib.import_module(_AUDIO_STAGES[name], __package__), name)(*args, **kwargs)

    stage.__name__ = stage.__qualname__ = name
    return stage


# The stages in the order they run: (name, function). Each takes the previous one's output.
STAGES: tuple[tuple[str, Callable], ...] = (
    ("load", load),
    ("clean", clean),
    ("segment", segment),
    ("script", script),
    ("speak", speak_chapters),
    ("assemble", _imported_when_called("assemble")),
    ("export", _imported_when_called("export")),
)
CHAPTERS_IN_HAND = 1  # assembled chapters waiting for export, at the most (the encoder holds a few more)
SENTENCES_PER_WORKER = 8  # sentences spoken in one batch, per speech worker: few idle workers between batches
_END, _ABORT = object(), object()


class _Aborted(Exception):
    """Raised inside export when speaking failed or was interrupted, so it stops and removes its files."""


class Runner:
    """Runs the stages of ``stages`` (default: STAGES), adding each one's wall time to ``timings``."""

    def __init__(self, stages: Sequence[tuple[str, Callable]] = STAGES, timings: dict[str, float] | None = None):
        self.stages: Mapping[str, Callable] = dict(stages)
        self.timings = timings if timings is not None else {}
        self._lock = threading.Lock()

    def run(self, stage: str, *args, **kwargs):
        """Stage ``stage`` of the table on these arguments."""
        return self.timed(stage, self.stages[stage], *args, **kwargs)

    def timed(self, label: str, fn: Callable, *args, **kwargs):
        """``fn`` on these arguments, its wall time added to ``timings[label]``."""
        began = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            self._add(label, time.perf_counter() - began)

    def _timed_each(self, label: str, items: Iterator):
        """The items of ``items``, the wall time of making each added to ``timings[label]``."""
        while True:
            began = time.perf_counter()
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                self._add(label, time.perf_counter() - began)
            yield item

    def _add(self, stage: str, seconds: float) -> None:
        with self._lock:
            self.timings[stage] = self.timings.get(stage, 0.0) + seconds

    def article(self, source, **load_options) -> Article:
        """load -> clean -> segment; ``load_options`` go to load."""
        return self.run("segment", self.run("clean", self.run("load", source, **load_options)))

    def script(self, article: Article, lexicon: Mapping[str, str], wpm: int) -> Script:
        return self.run("script", article, lexicon, wpm)

    def edition(
        self,
        spoken_script: Script,
        article: Article,
        out_dir,
        name: str,
        *,
        engine: Engine,
        cache: SpeechCache | None = None,
        progress: Progress | None = None,
        threads: int = 1,
        **export_options,
    ) -> Edition:
        """speak -> assemble -> export, a chapter at a time; ``export_options`` go to export.

        ``cache`` serves all three: clips are not spoken again, nor unchanged chapters measured or encoded again.
        """
        handoff: queue.Queue = queue.Queue(maxsize=CHAPTERS_IN_HAND)
        waited = 0.0

        def chapters() -> Iterator[Track]:
            nonlocal waited
            while True:
                began = time.perf_counter()
                item = handoff.get()
                waited += time.perf_counter() - began
                if item is _END:
                    return
                if item is _ABORT:
                    raise _Aborted
                yield item.result()

        def exporting() -> Edition:
            began = time.perf_counter()
            try:
                return self.stages["export"](chapters(), article, out_dir, name, threads=threads, cache=cache,
                                             **export_options)
            finally:
                self._add("export", time.perf_counter() - began - waited)

        assembler = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="newscast-assemble")
        exporter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newscast-export")
        written: Future | None = None

        def hand_over(item) -> None:
            nonlocal written
            if written is None:
                # Export has nothing to do before the first chapter. Starting its threads only now also keeps the fork
                # fast for a pool not started before the page was read (one given by a library caller): its workers
                # fork with the first batch, fast only from a process with one thread (else through a fork server).
                written = exporter.submit(exporting)
            _hand_over(handoff, item, written)

        try:
            total = sum(len(chapter.utterances) for chapter in spoken_script.chapters)
            done = 0
            for group in _batches(spoken_script.chapters, SENTENCES_PER_WORKER * getattr(engine, "workers", 1)):
                report = _offset_progress(progress, done, total)
                spoken_chapters = self.run("speak", Script(group, spoken_script.language), engine, report, cache)
                try:
                    _import_audio_stages()  # while the workers speak
                    for spoken in self._timed_each("speak", spoken_chapters):
                        one = Speech(engine.sample_rate, (spoken,))
                        hand_over(assembler.submit(self.run, "assemble", one, lazy=True, cache=cache))
                finally:
                    # Now, not when a kept traceback is freed: a failed edition leaves none of its sentences queued.
                    getattr(spoken_chapters, "close", lambda: None)()
                done += sum(len(chapter.utterances) for chapter in group)
            hand_over(_END)
            return written.result()
        except BaseException:
            if written is not None:
                _abort(handoff, written)
            raise
        finally:
            assembler.shutdown(wait=True, cancel_futures=True)
            exporter.shutdown(wait=True)


def _import_audio_stages() -> None:
    for module in _AUDIO_STAGES.values():
        importlib.import_module(module, __package__)


def _hand_over(handoff: queue.Queue, item, written: Future) -> None:
    """Queue ``item`` for export, waiting for room; if export has failed meanwhile, raise its error."""
    while True:
        try:
            handoff.put(item, timeout=0.1)
            return
        except queue.Full:
            if written.done():
                written.result()  # raises export's error
                raise RuntimeError("export stopped before the last chapter")


def _abort(handoff: queue.Queue, written: Future) -> None:
    """Make export stop (it removes its temporary files) and wait until it has."""
    with contextlib.suppress(queue.Empty):
        while True:
            handoff.get_nowait()
    handoff.put_nowait(_ABORT)  # there is room: only this thread puts
    wait([written])


def _batches(chapters: Sequence[ScriptChapter], sentences: int) -> Iterator[tuple[ScriptChapter, ...]]:
    """Runs of whole chapters with at least ``sentences`` sentences (but the last): enough to keep every worker busy."""
    group: list[ScriptChapter] = []
    for chapter in chapters:
        group.append(chapter)
        if sum(len(c.utterances) for c in group) >= sentences:
            yield tuple(group)
            group = []
    if group:
        yield tuple(group)


def _offset_progress(progress: Progress | None, before: int, total: int) -> Progress | None:
    """A batch's progress reported as the edition's."""
    if progress is None:
        return None
    return lambda done, _batch_total: progress(before + done, total)
