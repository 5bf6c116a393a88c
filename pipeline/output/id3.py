"""ID3v2.4 tags for the MP3: what the article is, and a table of contents of chapters players show."""
from __future__ import annotations

from pathlib import Path

from mutagen.id3 import COMM, CTOC, CHAP, ID3, TDRC, TIT2, TLAN, TPE1, CTOCFlags
from mutagen.id3._tags import save_frame

from ..model import Article, ChapterMark


class _OrderedID3(ID3):
    """ID3 that writes frames in the order they were added.

    mutagen sorts frames by size when saving, which scrambles CHAP frames; many
    readers (ffprobe among them) list chapters in file order.
    """

    def _write(self, config):
        return b"".join(save_frame(frame, config=config) for frame in self.values())


def tag_mp3(path: Path, article: Article, marks: list[ChapterMark]) -> None:
    tags = _OrderedID3()
    tags.add(TIT2(encoding=3, text=[article.headline]))
    if article.source:
        tags.add(TPE1(encoding=3, text=[article.source]))
    if article.published:
        tags.add(TDRC(encoding=3, text=[article.published[:19]]))
    if article.summary:
        tags.add(COMM(encoding=3, lang="eng", desc="", text=[article.summary]))
    tags.add(TLAN(encoding=3, text=[article.language]))
    ids = [f"chp{i}" for i in range(len(marks))]
    tags.add(
        CTOC(
            element_id="toc",
            flags=CTOCFlags.TOP_LEVEL | CTOCFlags.ORDERED,
            child_element_ids=ids,
            sub_frames=[TIT2(encoding=3, text=["Chapters"])],
        )
    )
    for element_id, mark in zip(ids, marks):
        tags.add(
            CHAP(
                element_id=element_id,
                start_time=mark.start_ms,
                end_time=mark.end_ms,
                sub_frames=[TIT2(encoding=3, text=[mark.title])],
            )
        )
    tags.save(path, v2_version=4)
