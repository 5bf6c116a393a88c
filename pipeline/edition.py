"""The whole pipeline: source in, edition out."""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from .model import Edition
from .stages.assemble import assemble
from .stages.clean import clean
from .stages.export import DEFAULT_BITRATE, export, prepare_output
from .stages.load import load
from .stages.script import script
from .stages.segment import segment
from .stages.speak import Progress, speak
from .text.lexicon import load_lexicon
from .tts import Engine
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
    progress: Progress | None = None,
    timings: dict[str, float] | None = None,
) -> Edition:
    """Run every stage on ``source`` and write the edition into ``out_dir``.

    ``name`` is the files' stem (default: the input's file name, or the
    headline for stdin and URLs). ``lexicon`` is a CSV file adding to the
    built-in pronunciations (or a ready dict). Pass ``timings`` (a dict) to
    receive each stage's wall time in seconds. ``voice``, ``quote_voice`` and
    ``rate`` configure the engine made when ``engine`` is not given.
    """
    clock = timings if timings is not None else {}

    def timed(stage: str, fn, *args, **kwargs):
        began = time.perf_counter()
        result = fn(*args, **kwargs)
        clock[stage] = clock.get(stage, 0.0) + time.perf_counter() - began
        return result

    prepare_output(out_dir)  # fail before minutes of work, not after
    words = lexicon if isinstance(lexicon, dict) else load_lexicon(lexicon)
    page = timed("load", load, source)
    document = timed("clean", clean, page)
    article = timed("segment", segment, document)
    spoken_script = timed("script", script, article, words, rate)
    if engine is None:
        engine = timed("speak", Pyttsx3Engine, voice=voice, rate=rate, quote_voice=quote_voice)
    speech = timed("speak", speak, spoken_script, engine, progress)
    track = timed("assemble", assemble, speech)
    stem = name or _default_name(str(source), article.headline)
    return timed("export", export, track, article, out_dir, stem, bitrate, sample_rate, m4b)


def _default_name(source: str, headline: str) -> str:
    if source == "-" or source.startswith(("http://", "https://")):
        return headline
    return Path(source).name.split(".")[0] or headline
