"""Speech engines by name. Each is a module with ``create(workers, voice=, rate=, quote_voice=)`` and
``list_voices()``, imported only when that engine is used; adding one is its module plus a line here."""
from __future__ import annotations

import importlib

from ..errors import SpeechError
from . import Engine, Voice

ENGINES: dict[str, str] = {
    "pyttsx3": "pipeline.tts.pyttsx3_engine",
    "piper": "pipeline.tts.piper_engine",
}
DEFAULT_ENGINE = "pyttsx3"


def _module(name: str):
    if name not in ENGINES:
        raise SpeechError(f"unknown speech engine {name!r} (choose from {', '.join(ENGINES)})")
    try:
        return importlib.import_module(ENGINES[name])
    except ImportError as exc:
        raise SpeechError(f"the {name} engine is not installed ({exc}): pip install newscast[{name}]") from None


def make_engine(name: str = DEFAULT_ENGINE, workers: int = 1, **settings) -> Engine:
    """Engine ``name``, in this process or as a pool of ``workers`` processes."""
    return _module(name).create(workers, **settings)


def engine_voices(name: str) -> list[Voice]:
    return _module(name).list_voices()
