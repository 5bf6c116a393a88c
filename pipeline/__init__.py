"""newscast: turn a news page into a narrated, chaptered audio edition.

Each stage is a plain function; run any prefix of the pipeline and inspect
what comes out::

    from pipeline import load, clean, segment
    article = segment(clean(load("seeds/000_88c1d4bd90c12416.txt")))
"""
from .edition import build_daily, build_edition
from .errors import ExtractionError, InputError, NewscastError, OutputError, SpeechError
from .runner import STAGES, Runner
from .model import (
    Article,
    Block,
    ChapterMark,
    Clip,
    Cue,
    Document,
    Edition,
    Metadata,
    Page,
    Quote,
    Script,
    ScriptChapter,
    Section,
    Speech,
    SpokenChapter,
    Timeline,
    Track,
    Utterance,
)
from .stages.assemble import assemble
from .stages.clean import clean
from .stages.export import export
from .stages.load import load
from .stages.script import script
from .stages.segment import segment
from .stages.speak import speak
from .tts import Engine, Voice
from .tts.registry import ENGINES, make_engine
from .tts.pyttsx3_engine import Pyttsx3Engine

from .version import __version__

__all__ = [
    "STAGES", "Runner", "build_edition", "build_daily", "load", "clean", "segment", "script", "speak", "assemble", "export",
    "Page", "Block", "Metadata", "Document", "Article", "Section", "Quote", "Utterance", "ScriptChapter",
    "Script", "Clip", "SpokenChapter", "Speech", "ChapterMark", "Cue", "Timeline", "Track", "Edition",
    "Engine", "Voice", "Pyttsx3Engine", "ENGINES", "make_engine",
    "NewscastError", "InputError", "ExtractionError", "SpeechError", "OutputError",
]
