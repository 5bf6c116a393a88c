"""Speech engines by name. Each is a module with ``create(workers, voice=, rate=, quote_voice=)`` and
``list_voices()``, imported only when that engine is used; adding one is its module plus a line in
ENGINES and in RATES."""
from __future__ import annotations

import importlib

from ..errors import SpeechError
from . import DEFAULT_WPM, Engine, Voice

ENGINES: dict[str, str] = {
    "pyttsx3": "pipeline.tts.pyttsx3_engine",
    "piper": "pipeline.tts.piper_engine",
}
DEFAULT_ENGINE = "pyttsx3"
# Each engine's words a minute when no --rate is given, chosen by measurement (benchmarks/intelligibility.py).
# eSpeak NG is heard best at 150. Piper's word error rate does not move with its rate, so it speaks at its
# voice's own pace (length_scale 1: piper_engine.NATURAL_WPM), and its editions are a sixth shorter than at 150.
RATES: dict[str, int] = {
    "pyttsx3": DEFAULT_WPM,
    "piper": 181,
}


def _module(name: str):
    if name not in ENGINES:
        raise SpeechError(f"unknown speech engine {name!r} (choose from {', '.join(ENGINES)})")
    try:
        return importlib.import_module(ENGINES[name])
    except ImportError as exc:
        raise SpeechError(f"the {name} engine is not installed ({exc}): pip install newscast[{name}]") from None


def make_engine(name: str = DEFAULT_ENGINE, workers: int = 1, *, start: bool = False, **settings) -> Engine:
    """Engine ``name``, in this process or as a pool of ``workers`` processes.

    With ``start``, a pool's workers start now, while the caller reads its pages, rather than with the
    first sentences: this is the one place an engine is started early.
    """
    engine = _module(name).create(workers, **settings)
    if start:
        getattr(engine, "start", lambda: None)()  # only a pool has workers to start
    return engine


def default_rate(engine: Engine | str) -> int:
    """Words a minute for ``engine`` when none is asked for: an engine object's own, so the script's
    length estimate and chapter cuts match what it speaks."""
    return RATES.get(engine, DEFAULT_WPM) if isinstance(engine, str) else getattr(engine, "rate", DEFAULT_WPM)


def engine_voices(name: str) -> list[Voice]:
    return _module(name).list_voices()
