"""export: write the edition's files from its audio.

Files: ``name``.mp3 (CBR, ID3 chapters), ``name``.chapters.json (Podcasting
2.0 chapters), ``name``.json (the Article and the edition), ``name``.vtt (a
WebVTT transcript, one cue per sentence), ``name``.txt (the readable
transcript), and one file per further format asked for (``m4b``). Every file
is written under a temporary name and all are renamed into place only when
all were written, so a failure never leaves a half-written edition behind.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from ..output import DEFAULT_BITRATE, write_edition
from ..model import Article, Edition, Track
from ..tts.cache import SpeechCache


def export(
    audio: Track | Iterable[Track],
    article: Article,
    out_dir: str | Path,
    name: str,
    bitrate: int = DEFAULT_BITRATE,
    sample_rate: int | None = None,
    formats: Sequence[str] = ("mp3",),
    threads: int = 1,
    fingerprint: str | None = None,
    articles: tuple[Article, ...] = (),
    cache: SpeechCache | None = None,
) -> Edition:
    """Write the edition's files into ``out_dir`` and describe them.

    ``audio`` is the whole track, or its chapters one Track each as they are
    assembled (the runner streams them, so an edition is never held whole).
    A whole track is cut at its chapter marks and written the same way, so
    both give the same edition. ``threads``: MP3 encoders side by side.
    ``articles``: a daily edition's articles, for the formats that lay them out (EPUB).
    ``cache``: chapters encoded before are read from it, not encoded again.
    """
    chapters = audio.chapter_tracks() if isinstance(audio, Track) else audio
    return write_edition(chapters, article, out_dir, name, formats=formats, bitrate=bitrate,
                         sample_rate=sample_rate, threads=threads, fingerprint=fingerprint, articles=articles,
                         cache=cache)
