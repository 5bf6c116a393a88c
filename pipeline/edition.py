"""Editions from sources: one article's, or a daily edition of several, both through the one runner."""
from __future__ import annotations

import contextlib
from collections.abc import Sequence
from pathlib import Path

from .daily import daily_article, daily_script
from .output import DEFAULT_BITRATE, prepare_output
from .model import Edition
from .runner import STAGES, Runner
from .stages.speak import Progress
from .text.lexicon import load_lexicon
from .tts import Engine
from .tts.cache import SpeechCache
from .tts.pool import available_cores
from .tts.registry import DEFAULT_ENGINE, default_rate, make_engine

__all__ = ["STAGES", "build_edition", "build_daily"]


def build_edition(
    source: str | Path,
    out_dir: str | Path = "audio_out",
    *,
    data: bytes | None = None,
    name: str | None = None,
    voice: str | None = None,
    quote_voice: str | None = None,
    rate: int | None = None,
    bitrate: int = DEFAULT_BITRATE,
    sample_rate: int | None = None,
    formats: Sequence[str] = ("mp3",),
    lexicon: str | Path | dict[str, str] | None = None,
    engine: Engine | str = DEFAULT_ENGINE,
    workers: int = 1,
    cache: SpeechCache | None = None,
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
    fingerprint: str | None = None,
) -> Edition:
    """Run every stage on ``source`` and write the edition into ``out_dir``.

    ``name`` is the files' stem (default: the input's file name, or the
    headline for stdin and URLs). ``formats`` adds files beside the MP3
    ("m4b"). ``data`` is the page's bytes when already read (``source`` then
    only names them), as a batch sends them to a worker. ``lexicon`` is a CSV
    file adding to the built-in pronunciations (or a ready dict). Pass ``timings`` (a dict) to receive each stage's wall
    time in seconds. ``engine`` is an Engine, or the name of one to make with
    ``voice``, ``quote_voice`` and ``rate`` (words a minute; default: the
    engine's own, tts.registry.RATES): in this process, or as a pool of
    ``workers`` processes. Clips found in ``cache`` are not spoken again.
    """
    rate = rate or default_rate(engine)
    runner = Runner(STAGES, timings)
    prepare_output(out_dir)  # fail before minutes of work, not after
    words = lexicon if isinstance(lexicon, dict) else load_lexicon(lexicon)
    with _engine(runner, engine, workers, voice=voice, rate=rate, quote_voice=quote_voice) as speaker:
        article = runner.article(source, data=data)
        spoken_script = runner.script(article, words, rate)
        stem = name or _default_name(str(source), article.headline)
        return runner.edition(spoken_script, article, out_dir, stem, engine=speaker, cache=cache, progress=progress,
                              threads=_encoder_threads(workers), bitrate=bitrate, sample_rate=sample_rate,
                              formats=formats, fingerprint=fingerprint)


def build_daily(
    sources: list[str | Path],
    out_dir: str | Path = "audio_out",
    *,
    title: str,
    name: str | None = None,
    rate: int | None = None,
    bitrate: int = DEFAULT_BITRATE,
    sample_rate: int | None = None,
    formats: Sequence[str] = ("mp3",),
    lexicon: str | Path | dict[str, str] | None = None,
    engine: Engine | str = DEFAULT_ENGINE,
    workers: int = 1,
    cache: SpeechCache | None = None,
    progress: Progress | None = None,
    voice: str | None = None,
    quote_voice: str | None = None,
    timings: dict[str, float] | None = None,
    fingerprint: str | None = None,
) -> Edition:
    """One edition of several articles: a spoken contents list, then each article's chapters."""
    rate = rate or default_rate(engine)
    runner = Runner(STAGES, timings)
    prepare_output(out_dir)
    words = lexicon if isinstance(lexicon, dict) else load_lexicon(lexicon)
    with _engine(runner, engine, workers, voice=voice, rate=rate, quote_voice=quote_voice) as speaker:
        articles = [runner.article(source) for source in sources]
        scripts = [runner.script(article, words, rate) for article in articles]
        spoken_script = daily_script(articles, scripts, title, words, rate)
        return runner.edition(spoken_script, daily_article(articles, title), out_dir, name or title, engine=speaker,
                              cache=cache, progress=progress, threads=_encoder_threads(workers), bitrate=bitrate,
                              sample_rate=sample_rate, formats=formats, fingerprint=fingerprint, articles=tuple(articles))


@contextlib.contextmanager
def _engine(runner: Runner, engine: Engine | str, workers: int, **settings):
    """The engine given (its workers started when its owner chose, or with the first sentences), or one made
    by name, its workers started now so they start while the pages are read (counted as speaking), and
    closed afterwards."""
    if not isinstance(engine, str):
        yield engine
        return
    made = runner.timed("speak", make_engine, engine, workers, start=True, **settings)
    try:
        yield made
    finally:
        if hasattr(made, "close"):
            made.close()


def _encoder_threads(workers: int) -> int:
    """As many MP3 encoders as cores the speech was allowed, never more than there are."""
    return max(1, min(workers, available_cores()))


def _default_name(source: str, headline: str) -> str:
    if source == "-" or source.startswith(("http://", "https://")):
        return headline
    return Path(source).name.split(".")[0] or headline
