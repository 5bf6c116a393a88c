"""Export formats beside the MP3, as plug-ins: a name, and the class that writes it.

A format is given the edition's audio a chapter at a time, as it is made, and
then the finished edition (its MP3, timelines and article) to complete its
file. Adding one is a module with such a class plus a line in FORMATS.
"""
from __future__ import annotations

import importlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from ..errors import NewscastError
from ..model import Article, Timeline, Track

# name -> "module:class", imported only when the format is asked for. The MP3 is always written.
FORMATS: dict[str, str | None] = {
    "mp3": None,
    "m4b": "pipeline.output.m4b:M4bWriter",
    "epub": "pipeline.output.epub:EpubWriter",
}


@dataclass(frozen=True)
class Finished:
    """What a format needs once every chapter is in."""

    article: Article
    timeline: Timeline  # chapters and cues in the audio the formats were given
    mp3_timeline: Timeline  # the same, where a decoder of the MP3 plays them
    mp3: Path  # the (staged) MP3 file
    bitrate: int
    articles: tuple[Article, ...] = ()  # a daily edition's articles, in order (empty for one article's edition)


class FormatWriter(Protocol):
    suffix: str  # the file's ending, ".m4b"

    def add(self, chapter: Track) -> None:
        """One chapter's audio, in order."""

    def finish(self, edition: Finished, path: Path) -> None:
        """Write the file to ``path``."""

    def close(self) -> None:
        """Free what ``add`` kept, whether or not ``finish`` ran."""


def check_formats(names: Sequence[str]) -> tuple[str, ...]:
    """The formats asked for, known ones only, without repeats, the MP3 first."""
    unknown = [name for name in names if name not in FORMATS]
    if unknown:
        raise NewscastError(f"unknown format {unknown[0]!r} (choose from {', '.join(FORMATS)})")
    return tuple(dict.fromkeys(["mp3", *names]))


def format_writer(name: str) -> FormatWriter:
    module, _, cls = FORMATS[name].partition(":")
    return getattr(importlib.import_module(module), cls)()
