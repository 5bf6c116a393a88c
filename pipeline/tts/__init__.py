"""Speech engines: the protocol the speak stage needs, and the pyttsx3 engine."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Protocol

# Words per minute, chosen by measurement (benchmarks/intelligibility.py, Whisper tiny.en on the
# seed and four bench pages): eSpeak NG's word error rate 0.244 at 175, 0.214-0.217 at 160 and
# 0.194 (two runs) at 150. eSpeak speaks about a tenth faster than asked, so 150 is heard as about
# 165: still a newsreader's pace. Each engine has its own default (registry.RATES): Piper's WER does
# not move with rate, so it speaks at its voice's own pace.
DEFAULT_WPM = 150


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


@dataclass(frozen=True)
class Request:
    """One utterance to synthesise: its words, language and voice role ("narrator" or "quote")."""

    text: str
    language: str
    role: str


class Engine(Protocol):
    """Turns utterances into 16-bit mono PCM at ``sample_rate``, in order."""

    sample_rate: int

    def synthesize_batch(self, requests: list[Request], progress: Callable[[int], None] | None = None) -> list[bytes]:
        """A clip per request, in the same order; ``progress(n)`` after every n clips done."""

    def identity(self) -> str:
        """Everything besides a request that decides its audio (engine, version, voices, rate): for caching."""


# Codes pages declare that eSpeak NG knows under another name.
_LANGUAGE_ALIASES = {"zh": "cmn", "nb": "nb", "no": "nb", "he": "he", "iw": "he", "fil": "tl"}


def voice_for_language(voices: list[Voice], language: str) -> Voice | None:
    """The voice that best speaks ``language`` (an ISO 639-1 code, region allowed: "pt-BR")."""
    wanted = language.lower().replace("_", "-")
    base = _LANGUAGE_ALIASES.get(wanted.split("-")[0], wanted.split("-")[0])
    rules = (
        lambda v: wanted in (l.lower() for l in v.languages),  # the exact regional voice
        lambda v: v.id.lower().rsplit("/", 1)[-1] == base,  # the language's main voice ("roa/fr")
        lambda v: base in (l.lower() for l in v.languages),
        lambda v: any(l.lower().startswith(base + "-") for l in v.languages),
    )
    for rule in rules:
        for voice in voices:
            if rule(voice):
                return voice
    return None


class Closing:
    """An iterator whose ``close()`` closes the one it wraps and then runs ``then``. A generator that was
    never started runs no code when closed; what it handed out before its first item (sentences queued
    in speech workers) is let go by ``then``."""

    def __init__(self, items: Iterator, then: Callable[[], object]):
        self._items, self._then = items, then

    def __iter__(self) -> Closing:
        return self

    def __next__(self):
        return next(self._items)

    def close(self) -> None:
        self._items.close()
        self._then()
