"""The typed data that flows between the stages.

Every class is a frozen dataclass that round-trips through JSON with
``to_dict()`` / ``from_dict()``, so any stage's output can be saved, inspected
and fed back in.
"""
from __future__ import annotations

import base64
import dataclasses
import types
import typing
from dataclasses import dataclass, field


def _encode(value):
    if dataclasses.is_dataclass(value):
        return value.to_dict()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    return value


def _decode(hint, value):
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(inner[0], value)
    if origin is tuple:
        (item, *_rest) = typing.get_args(hint)
        return tuple(_decode(item, v) for v in value)
    if hint is bytes:
        return base64.b64decode(value)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return hint.from_dict(value)
    return value


class Serializable:
    """JSON round-trip shared by every model class."""

    def to_dict(self) -> dict:
        return {f.name: _encode(getattr(self, f.name)) for f in dataclasses.fields(self)}

    @classmethod
    def from_dict(cls, data: dict):
        hints = typing.get_type_hints(cls)
        names = {f.name for f in dataclasses.fields(cls) if f.init}
        return cls(**{k: _decode(hints[k], v) for k, v in data.items() if k in names})


@dataclass(frozen=True)
class Page(Serializable):
    """Raw input after decoding: HTML markup or the plain text of a page copy."""

    content: str
    kind: str  # "html" or "text"
    origin: str  # file path, URL or "-" for stdin
    encoding: str = "utf-8"


@dataclass(frozen=True)
class Block(Serializable):
    """One piece of a cleaned page, in page order.

    kind is one of BLOCK_KINDS; speaker is set on pull quotes that name one.
    """

    kind: str
    text: str
    speaker: str | None = None


BLOCK_KINDS = ("headline", "standfirst", "paragraph", "heading", "caption", "pullquote", "table")


@dataclass(frozen=True)
class Metadata(Serializable):
    headline: str | None = None
    source: str | None = None
    published: str | None = None  # ISO 8601
    language: str = "en"
    authors: tuple[str, ...] = ()
    url: str | None = None
    page_type: str | None = None  # what the page declares itself: "article", "website", …
    paywalled: bool = False  # the page asks for a subscription to read on


@dataclass(frozen=True)
class Document(Serializable):
    """What ``clean`` returns: the article's blocks and what the page says about it."""

    blocks: tuple[Block, ...]
    meta: Metadata


@dataclass(frozen=True)
class Section(Serializable):
    title: str | None
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Quote(Serializable):
    text: str
    speaker: str | None
    kind: str = "direct"  # "direct" (in the running text) or "pull" (set apart)
    role: str | None = None  # the speaker's role as the article gives it ("Russian President")

    @property
    def attribution(self) -> str | None:
        """The speaker with their role: "Vuk Jeremic, Serbia's foreign minister"."""
        if self.speaker and self.role:
            return f"{self.speaker}, {self.role}"
        return self.speaker


@dataclass(frozen=True)
class Article(Serializable):
    headline: str
    summary: str | None
    sections: tuple[Section, ...]
    captions: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    source: str | None = None
    published: str | None = None
    language: str = "en"
    authors: tuple[str, ...] = ()
    url: str | None = None
    notes: tuple[str, ...] = ()  # what a listener should know, e.g. that only a teaser was visible
    text: str = field(init=False)

    def __post_init__(self):
        parts = [self.summary] if self.summary else []
        for section in self.sections:
            if section.title:
                parts.append(section.title)
            parts.extend(section.paragraphs)
        object.__setattr__(self, "text", "\n\n".join(parts))


@dataclass(frozen=True)
class Utterance(Serializable):
    """One sentence or phrase to speak, and the silence that follows it.

    ``text`` is what the engine says ("one point five billion pounds");
    ``display`` what the article wrote ("£1.5bn"), for the transcript.
    ``voice`` is a role, "narrator" or "quote"; ``language`` overrides the
    script's for this utterance. ``continues`` marks the rest of a sentence
    split for a voice change or a breath, so the transcript keeps one cue per
    sentence.
    """

    text: str
    pause_ms: int = 0
    display: str | None = None
    voice: str = "narrator"
    language: str | None = None
    continues: bool = False


@dataclass(frozen=True)
class ScriptChapter(Serializable):
    title: str
    utterances: tuple[Utterance, ...]


@dataclass(frozen=True)
class Script(Serializable):
    chapters: tuple[ScriptChapter, ...]
    language: str = "en"


@dataclass(frozen=True)
class Clip(Serializable):
    """Speech for one utterance: 16-bit mono PCM."""

    utterance: Utterance
    pcm: bytes


@dataclass(frozen=True)
class SpokenChapter(Serializable):
    title: str
    clips: tuple[Clip, ...]


@dataclass(frozen=True)
class Speech(Serializable):
    """What ``speak`` returns: a clip per utterance, grouped as the script's chapters."""

    sample_rate: int
    chapters: tuple[SpokenChapter, ...]


@dataclass(frozen=True)
class ChapterMark(Serializable):
    """A chapter's place in the track, in samples (exact) and milliseconds."""

    title: str
    start: int
    end: int
    sample_rate: int

    @property
    def start_ms(self) -> int:
        return round(self.start * 1000 / self.sample_rate)

    @property
    def end_ms(self) -> int:
        return round(self.end * 1000 / self.sample_rate)


@dataclass(frozen=True)
class Cue(Serializable):
    """One sentence of the transcript and where it is spoken, in samples."""

    text: str
    start: int
    end: int
    ends_paragraph: bool = False


class Samples(typing.Protocol):
    """A track read a window at a time: a Track, or a levelled track rendered as it is read."""

    sample_rate: int
    size: int  # samples
    chapters: tuple[ChapterMark, ...]
    cues: tuple[Cue, ...]

    def read(self, start: int, end: int):
        """Samples ``start`` to ``end``, a numpy int16 array."""


@dataclass(frozen=True)
class Timeline(Serializable):
    """Where chapters and transcript cues lie in ``length`` samples of audio, without the audio."""

    sample_rate: int
    length: int
    chapters: tuple[ChapterMark, ...]
    cues: tuple[Cue, ...] = ()

    @property
    def duration(self) -> float:
        return self.length / self.sample_rate


@dataclass(frozen=True)
class Track(Serializable):
    """One joined track of 16-bit mono PCM with its chapter marks and transcript cues."""

    sample_rate: int
    pcm: bytes
    chapters: tuple[ChapterMark, ...]
    cues: tuple[Cue, ...] = ()

    @property
    def duration(self) -> float:
        return len(self.pcm) / 2 / self.sample_rate

    @property
    def size(self) -> int:
        """Length in samples."""
        return len(self.pcm) // 2

    def read(self, start: int, end: int):
        """Samples ``start`` to ``end`` as a numpy int16 array (a view, not a copy)."""
        import numpy as np  # here, so the text stages never load numpy

        return np.frombuffer(self.pcm, dtype=np.int16)[start:end]

    @property
    def timeline(self) -> Timeline:
        return Timeline(self.sample_rate, self.size, self.chapters, self.cues)

    def chapter_tracks(self) -> list[Track]:
        """The track cut at its chapter marks, each piece with its own cues counted from its start.

        The pieces share the track's memory; audio before the first mark or
        after the last belongs to no chapter and is left out.
        """
        view = memoryview(self.pcm)
        pieces = []
        for mark in self.chapters:
            cues = tuple(
                Cue(c.text, c.start - mark.start, c.end - mark.start, c.ends_paragraph)
                for c in self.cues if mark.start <= c.start < mark.end
            )
            pcm = view[2 * mark.start : 2 * mark.end]
            length = mark.end - mark.start
            pieces.append(Track(self.sample_rate, pcm, (ChapterMark(mark.title, 0, length, self.sample_rate),), cues))
        return pieces


@dataclass(frozen=True)
class Edition(Serializable):
    """What ``export`` wrote."""

    mp3: str
    chapters_json: str
    article_json: str
    transcript_vtt: str
    transcript_txt: str
    duration: float
    chapters: tuple[ChapterMark, ...]
    headline: str
    notes: tuple[str, ...] = ()
    m4b: str | None = None
    formats: tuple[str, ...] = ()  # the files of the formats written beside the MP3 (.m4b, .epub)
    fingerprint: str | None = None  # the build options, to tell whether a rebuild would differ
