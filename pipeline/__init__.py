"""newscast: turn a news page into a narrated, chaptered audio edition.

Each stage is a plain function; run any prefix of the pipeline and inspect
what comes out::

    from pipeline import load, clean, segment
    article = segment(clean(load("seeds/000_88c1d4bd90c12416.txt")))

Many editions, here or on a Dask cluster::

    from pipeline import build_many, BuildOptions
    result = build_many(["a.html", "https://example.com/news/1"], "editions", BuildOptions(rate=180), scheduler="local")

Names are imported when first used, so reading a page does not load the audio
stack, and ``newscast --help`` loads nothing heavy at all.
"""
from __future__ import annotations

import importlib

from .errors import ExtractionError, InputError, NewscastError, OutputError, SpeechError
from .version import __version__

# name -> the module that defines it
_LAZY = {
    **dict.fromkeys(("build_edition", "build_daily"), "edition"),
    **dict.fromkeys(("build_many", "BuildOptions", "BatchResult", "Outcome", "Tally", "ClusterError", "read_input_list"), "batch"),
    **dict.fromkeys(("STAGES", "Runner"), "runner"),
    **dict.fromkeys((
        "Article", "Block", "ChapterMark", "Clip", "Cue", "Document", "Edition", "Metadata", "Page", "Quote",
        "Script", "ScriptChapter", "Section", "Speech", "SpokenChapter", "Timeline", "Track", "Utterance",
    ), "model"),
    **{stage: f"stages.{stage}" for stage in ("load", "clean", "segment", "script", "speak", "assemble", "export")},
    **dict.fromkeys(("Engine", "Voice"), "tts"),
    **dict.fromkeys(("ENGINES", "make_engine"), "tts.registry"),
    "Pyttsx3Engine": "tts.pyttsx3_engine",
}

__all__ = [
    *_LAZY, "NewscastError", "InputError", "ExtractionError", "SpeechError", "OutputError", "__version__",
]


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
