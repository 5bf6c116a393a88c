"""Speech engines: the protocol the speak stage needs, and the pyttsx3 engine."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Voice:
    id: str
    name: str
    languages: tuple[str, ...]


class Engine(Protocol):
    """Turns one utterance into 16-bit mono PCM at ``sample_rate``."""

    sample_rate: int

    def synthesize(self, text: str) -> bytes: ...

    def voices(self) -> list[Voice]: ...
