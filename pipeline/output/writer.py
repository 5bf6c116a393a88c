"""Write an edition from its chapters as they come: the MP3 grows chapter by chapter, the rest follows at the end."""
from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from mutagen.mp3 import MP3

from ..errors import OutputError
from ..model import Article, ChapterMark, Cue, Edition, Timeline, Track
from ..tts.cache import SpeechCache
from .files import Staging, prepare_output, safe_name
from .formats import Finished, check_formats, format_writer
from .id3 import tag_mp3
from .mp3 import DEFAULT_BITRATE, Mp3Layout, Mp3Stream
from .resample import resample
from .sidecars import podcast_chapters, readable_transcript, webvtt


def write_edition(
    chapters: Iterable[Track],
    article: Article,
    out_dir: str | Path,
    name: str,
    *,
    formats: Sequence[str] = ("mp3",),
    bitrate: int = DEFAULT_BITRATE,
    sample_rate: int | None = None,
    threads: int = 1,
    fingerprint: str | None = None,
    articles: Sequence[Article] = (),
    cache: SpeechCache | None = None,
) -> Edition:
    """The edition's files from its chapters, each a Track of one chapter, in order.

    Each chapter is resampled when ``sample_rate`` asks, encoded (in parts on
    ``threads`` when long) and appended to the MP3, and handed to the other
    formats, then let go: memory holds one chapter, not the edition. Nothing
    appears in ``out_dir`` until every file is complete. Chapters already
    encoded at these settings are taken from ``cache`` (see Mp3Stream).
    """
    formats = check_formats(formats)
    out = prepare_output(out_dir)
    with contextlib.ExitStack() as stack:
        staging = stack.enter_context(Staging(out, safe_name(name)))
        writers = []
        for fmt in formats[1:]:
            writer = format_writer(fmt)
            stack.callback(writer.close)
            writers.append(writer)
        mp3_path = staging.path(".mp3")
        try:
            mp3_file = stack.enter_context(open(mp3_path, "wb"))
        except OSError as exc:
            raise OutputError(f"{staging.final('.mp3')}: cannot write ({exc.strerror or exc})") from None
        stream = stack.enter_context(Mp3Stream(mp3_file, bitrate, threads, cache))
        rate, marks, cues = sample_rate, [], []
        for chapter in chapters:
            if sample_rate and chapter.sample_rate != sample_rate:
                chapter = resample(chapter, sample_rate)
            rate = chapter.sample_rate
            at = stream.length
            stream.add(chapter)
            for writer in writers:
                writer.add(chapter)
            marks += [ChapterMark(m.title, at + m.start, at + m.end, rate) for m in chapter.chapters]
            cues += [Cue(c.text, at + c.start, at + c.end, c.ends_paragraph) for c in chapter.cues]
        stream.finish()
        mp3_file.close()
        timeline = Timeline(rate, stream.length, tuple(marks), tuple(cues))
        duration = MP3(mp3_path).info.length
        heard = _as_decoded(timeline, stream.layout, round(duration * rate))
        tag_mp3(mp3_path, article, list(heard.chapters))
        finished = Finished(article, timeline, heard, mp3_path, bitrate, tuple(articles))
        for writer in writers:
            writer.finish(finished, staging.path(writer.suffix))
        staging.write_text(".vtt", webvtt(heard))
        staging.write_text(".txt", readable_transcript(article, heard))
        edition = Edition(
            mp3=str(staging.final(".mp3")),
            chapters_json=str(staging.final(".chapters.json")),
            article_json=str(staging.final(".json")),
            transcript_vtt=str(staging.final(".vtt")),
            transcript_txt=str(staging.final(".txt")),
            m4b=str(staging.final(".m4b")) if "m4b" in formats else None,
            formats=tuple(str(staging.final(writer.suffix)) for writer in writers),
            duration=duration,
            chapters=heard.chapters,
            headline=article.headline,
            notes=article.notes,
            fingerprint=fingerprint,
        )
        transcripts = [
            {"url": staging.final(".vtt").name, "type": "text/vtt", "language": article.language},
            {"url": staging.final(".txt").name, "type": "text/plain", "language": article.language},
        ]
        staging.write_json(".chapters.json", podcast_chapters(article.headline, list(heard.chapters), transcripts))
        staging.write_json(".json", {"article": article.to_dict(), "edition": edition.to_dict()})
        staging.commit()
    return edition


def _as_decoded(timeline: Timeline, layout: Mp3Layout, length: int) -> Timeline:
    """The timeline where a decoder plays it: the first chapter from 0, the last to the end of the file."""
    rate = timeline.sample_rate
    decoded = layout.decoded_position
    starts = [0] + [decoded(m.start) for m in timeline.chapters[1:]]
    ends = starts[1:] + [length]
    marks = tuple(ChapterMark(m.title, s, e, rate) for m, s, e in zip(timeline.chapters, starts, ends))
    cues = tuple(Cue(c.text, decoded(c.start), decoded(c.end), c.ends_paragraph) for c in timeline.cues)
    return Timeline(rate, length, marks, cues)
