"""The whole pipeline: source in, edition out."""
from __future__ import annotations

import contextlib
import hashlib
import json
import tempfile
import time
import wave
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from collections.abc import Callable
from pathlib import Path

from .daily import daily_article, daily_script
from .model import ChapterMark, Cue, Edition, Script, Speech, Track
from .version import __version__
from .stages.assemble import assemble
from .stages.clean import clean
from .stages.export import (
    DEFAULT_BITRATE, EncodedAudio, encode_mp3, export, open_wav, prepare_output, resample, safe_name, write_edition,
)
from .stages.load import load
from .stages.script import script
from .stages.segment import segment
from .stages.speak import Progress, speak
from .text.lexicon import load_lexicon
from .tts import Engine
from .tts.cache import SpeechCache
from .tts.pool import EnginePool, available_cores
from .tts.pyttsx3_engine import DEFAULT_RATE, Pyttsx3Engine

# The stages in the order they run: (name, function). Each takes the previous one's output.
STAGES: tuple[tuple[str, Callable], ...] = (
    ("load", load),
    ("clean", clean),
    ("segment", segment),
    ("script", script),
    ("speak", speak),
    ("assemble", assemble),
    ("export", export),
)


def build_edition(
    source: str | Path,
    out_dir: str | Path = "audio_out",
    *,
    name: str | None = None,
    voice: str | None = None,
    quote_voice: str | None = None,
    rate: int = DEFAULT_RATE,
    bitrate: int = DEFAULT_BITRATE,
    sample_rate: int | None = None,
    m4b: bool = False,
    lexicon: str | Path | dict[str, str] | None = None,
    engine: Engine | None = None,
    workers: int = 1,
    cache: SpeechCache | None = None,
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
    fingerprint: str | None = None,
) -> Edition:
    """Run every stage on ``source`` and write the edition into ``out_dir``.

    ``name`` is the files' stem (default: the input's file name, or the
    headline for stdin and URLs). ``lexicon`` is a CSV file adding to the
    built-in pronunciations (or a ready dict). Pass ``timings`` (a dict) to
    receive each stage's wall time in seconds. ``voice``, ``quote_voice`` and
    ``rate`` configure the engine made when ``engine`` is not given: one in
    this process, or a pool of ``workers`` processes. Clips found in
    ``cache`` are not spoken again.
    """
    timed = _stopwatch(timings)
    prepare_output(out_dir)  # fail before minutes of work, not after
    words = lexicon if isinstance(lexicon, dict) else load_lexicon(lexicon)
    page = timed("load", load, source)
    document = timed("clean", clean, page)
    article = timed("segment", segment, document)
    spoken_script = timed("script", script, article, words, rate)
    stem = name or _default_name(str(source), article.headline)
    return _voice(
        spoken_script, article, out_dir, stem, timed, engine=engine, workers=workers, cache=cache, progress=progress,
        settings=dict(voice=voice, rate=rate, quote_voice=quote_voice),
        bitrate=bitrate, sample_rate=sample_rate, m4b=m4b, fingerprint=fingerprint,
    )


def build_daily(
    sources: list[str | Path],
    out_dir: str | Path = "audio_out",
    *,
    title: str,
    name: str | None = None,
    rate: int = DEFAULT_RATE,
    bitrate: int = DEFAULT_BITRATE,
    sample_rate: int | None = None,
    lexicon: str | Path | dict[str, str] | None = None,
    engine: Engine | None = None,
    workers: int = 1,
    cache: SpeechCache | None = None,
    progress: Progress | None = None,
    voice: str | None = None,
    quote_voice: str | None = None,
) -> Edition:
    """One edition of several articles: a spoken contents list, then each article's chapters."""
    timed = _stopwatch(None)
    prepare_output(out_dir)
    words = lexicon if isinstance(lexicon, dict) else load_lexicon(lexicon)
    articles = [segment(clean(load(source))) for source in sources]
    spoken_script = daily_script(articles, title, words, rate)
    return _voice(
        spoken_script, daily_article(articles, title), out_dir, name or title, timed, engine=engine, workers=workers,
        cache=cache, progress=progress, settings=dict(voice=voice, rate=rate, quote_voice=quote_voice),
        bitrate=bitrate, sample_rate=sample_rate, m4b=False, fingerprint=None,
    )


ENCODER_PART_S = 20  # a chapter is split between encoders only in parts at least this long
CHAPTERS_IN_HAND = 2  # chapters spoken but not yet encoded, at the most, besides the batch being spoken
SENTENCES_PER_WORKER = 8  # sentences spoken in one batch, per speech worker: few idle workers between batches


def _voice(spoken_script, article, out_dir, stem, timed, *, engine, workers, cache, progress, settings,
           bitrate, sample_rate, m4b, fingerprint) -> Edition:
    """The audio half of a build, a chapter at a time: speak each chapter, then assemble and encode it.

    Chapters are spoken in batches big enough to keep the workers busy; each is
    assembled and encoded on another thread while the next batch is spoken,
    and the audio of at most a batch and CHAPTERS_IN_HAND more chapters is
    held at once (with the MP3 so far), so memory does not grow with the
    length of the edition. assemble levels each chapter on its own, so the
    result is the same as assembling the whole speech at once.
    """
    made_here = engine is None
    if made_here:
        engine = timed("speak", make_engine, workers, **settings)
    threads = _encoder_threads(workers)
    rate = sample_rate or engine.sample_rate
    chapters = spoken_script.chapters
    total = sum(len(chapter.utterances) for chapter in chapters)
    try:
        with contextlib.ExitStack() as stack:
            wav, wav_path = _wav_spool(stack, rate) if m4b else (None, None)
            # Chapters are finished side by side, but by one thread when the M4B's WAV must be written in order.
            finisher = stack.enter_context(ThreadPoolExecutor(max_workers=1 if wav else threads))

            def finish(speech: Speech) -> tuple[Track, EncodedAudio | None, int]:
                track = timed("assemble", assemble, speech)
                if track.sample_rate != rate:
                    track = timed("export", resample, track, rate)
                if wav:
                    wav.writeframes(track.pcm)
                parts = max(1, min(threads, int(track.duration // ENCODER_PART_S)))
                encoded = timed("export", encode_mp3, track, bitrate, parts) if track.pcm else None
                return replace(track, pcm=b""), encoded, len(track.pcm) // 2

            finished, done = [], 0
            for group in _batches(chapters, SENTENCES_PER_WORKER * getattr(engine, "workers", 1)):
                report = _offset_progress(progress, done, total)
                speech = timed("speak", speak, Script(group, spoken_script.language), engine, report, cache)
                done += sum(len(chapter.utterances) for chapter in group)
                for spoken in speech.chapters:
                    finished.append(finisher.submit(finish, Speech(speech.sample_rate, (spoken,))))
                del speech
                if len(finished) > CHAPTERS_IN_HAND:
                    finished[-1 - CHAPTERS_IN_HAND].result()  # wait: hold no more audio than that
            pieces: list[tuple[int, EncodedAudio]] = []
            marks: list[ChapterMark] = []
            cues: list[Cue] = []
            position = 0
            for chapter, future in zip(chapters, finished):
                timeline, encoded, size = future.result()
                if encoded:
                    pieces.append((position, encoded))
                marks.append(ChapterMark(chapter.title, position, position + size, rate))
                cues += [Cue(c.text, position + c.start, position + c.end, c.ends_paragraph) for c in timeline.cues]
                position += size
            if wav:
                wav.close()  # its header now gives the length
            timeline = Track(sample_rate=rate, pcm=b"", chapters=tuple(marks), cues=tuple(cues))
            return timed("export", write_edition, EncodedAudio.joined(pieces), timeline, article, out_dir, stem,
                         bitrate, wav_path, fingerprint)
    finally:
        if made_here and hasattr(engine, "close"):
            engine.close()


def _batches(chapters, sentences: int):
    """Runs of whole chapters with at least ``sentences`` sentences (but the last): enough to keep every worker busy."""
    group: list = []
    for chapter in chapters:
        group.append(chapter)
        if sum(len(c.utterances) for c in group) >= sentences:
            yield tuple(group)
            group = []
    if group:
        yield tuple(group)


def _offset_progress(progress: Progress | None, before: int, total: int) -> Progress | None:
    """A chapter's progress reported as the edition's."""
    if progress is None:
        return None
    return lambda done, _chapter_total: progress(before + done, total)


def _wav_spool(stack: contextlib.ExitStack, rate: int) -> tuple[wave.Wave_write, Path]:
    """A WAV file in a temporary folder that lasts as long as ``stack``, for the M4B encoder."""
    path = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="newscast-m4b-"))) / "edition.wav"
    wav = open_wav(path, rate)
    stack.callback(wav.close)
    return wav, path


def _stopwatch(timings: dict[str, float] | None):
    """A runner that adds each stage's wall time to ``timings``."""
    clock = timings if timings is not None else {}

    def timed(stage: str, fn, *args, **kwargs):
        began = time.perf_counter()
        result = fn(*args, **kwargs)
        clock[stage] = clock.get(stage, 0.0) + time.perf_counter() - began
        return result

    return timed


def _encoder_threads(workers: int) -> int:
    """As many MP3 encoders as cores the speech was allowed, never more than there are."""
    return max(1, min(workers, available_cores()))


def make_engine(workers: int = 1, **settings) -> Engine:
    """An engine in this process, or a pool of worker processes each with its own."""
    return Pyttsx3Engine(**settings) if workers <= 1 else EnginePool(workers, **settings)


def edition_stem(source: str | Path, headline: str | None = None) -> str | None:
    """The file stem an input's edition gets (None when it depends on a headline not yet known)."""
    source = str(source)
    if source == "-" or source.startswith(("http://", "https://")):
        return safe_name(headline) if headline else None
    return safe_name(_default_name(source, headline or ""))


def is_up_to_date(source: str | Path, out_dir: str | Path, fingerprint: str) -> bool:
    """True when ``source`` is a file whose edition in ``out_dir`` is newer and was built with the same options."""
    stem = edition_stem(source)
    if stem is None:
        return False
    mp3, sidecar = Path(out_dir) / f"{stem}.mp3", Path(out_dir) / f"{stem}.json"
    try:
        if mp3.stat().st_mtime < Path(source).stat().st_mtime:
            return False
        saved = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return saved.get("edition", {}).get("fingerprint") == fingerprint


def options_fingerprint(**options) -> str:
    """A short hash of everything besides the input that decides an edition's files."""
    material = json.dumps({"newscast": __version__, **options}, sort_keys=True, default=str)
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def _default_name(source: str, headline: str) -> str:
    if source == "-" or source.startswith(("http://", "https://")):
        return headline
    return Path(source).name.split(".")[0] or headline
