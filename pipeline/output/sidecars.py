"""The files beside the MP3: Podcasting 2.0 JSON chapters, a WebVTT transcript and a readable one."""
from __future__ import annotations

from ..model import Article, ChapterMark, Timeline


def podcast_chapters(title: str, marks: list[ChapterMark], transcripts: list[dict] | None = None) -> dict:
    """Podcasting 2.0 JSON chapters (version 1.2.0), with the transcripts listed as podcast:transcript lists them."""
    doc = {
        "version": "1.2.0",
        "title": title,
        "chapters": [{"startTime": m.start_ms / 1000, "endTime": m.end_ms / 1000, "title": m.title} for m in marks],
    }
    if transcripts:
        doc["transcripts"] = transcripts
    return doc


def webvtt(timeline: Timeline) -> str:
    """A WebVTT transcript, one cue per sentence, timed by ``timeline`` (the decoded MP3's)."""

    def stamp(position: int) -> str:
        ms = round(position * 1000 / timeline.sample_rate)
        hours, rest = divmod(ms, 3_600_000)
        minutes, rest = divmod(rest, 60_000)
        seconds, millis = divmod(rest, 1000)
        return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"

    blocks = ["WEBVTT"]
    for number, cue in enumerate(timeline.cues, start=1):
        text = cue.text.replace("-->", "→")  # the only sequence a cue's text may not contain
        blocks.append(f"{number}\n{stamp(cue.start)} --> {stamp(cue.end)}\n{text}")
    return "\n\n".join(blocks) + "\n"


def readable_transcript(article: Article, timeline: Timeline) -> str:
    """The transcript as a reader wants it: chapter headings, then paragraphs."""
    lines = [article.headline, "=" * min(len(article.headline), 80), ""]
    for mark in timeline.chapters:
        inside = [c for c in timeline.cues if mark.start <= c.start < mark.end]
        if inside and inside[0].text == mark.title:
            inside = inside[1:]  # the spoken crosshead is already the heading
        lines += [mark.title, "-" * min(len(mark.title), 80)]
        paragraph: list[str] = []
        for cue in inside:
            paragraph.append(cue.text)
            if cue.ends_paragraph:
                lines += [" ".join(paragraph), ""]
                paragraph = []
        if paragraph:
            lines += [" ".join(paragraph), ""]
    return "\n".join(lines).rstrip() + "\n"
