"""Media Overlays: one SMIL document per content document, one <par> per transcript cue, timed as the WebVTT file is."""
from __future__ import annotations

from ..model import Timeline
from .epub_content import ContentDoc, sentence_id
from .epub_xml import attrs


def cue_ms(timeline: Timeline, position: int) -> int:
    """A position in milliseconds, rounded as the WebVTT file's stamps are (sidecars.webvtt)."""
    return round(position * 1000 / timeline.sample_rate)


def clock(ms: int) -> str:
    """A SMIL full clock value, "01:02:03.456"."""
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def clip_ms(heard: Timeline, cue: int) -> tuple[int, int]:
    """Where cue number ``cue`` begins and ends, in ms; at least 1 ms long, as a clip must be (EPUBCheck MED-009)."""
    begin = cue_ms(heard, heard.cues[cue].start)
    return begin, max(begin + 1, cue_ms(heard, heard.cues[cue].end))


def overlay_ms(doc: ContentDoc, heard: Timeline) -> int:
    """How long the document's overlay plays: the sum of its clips."""
    return sum(end - begin for p in doc.passages for begin, end in (clip_ms(heard, c) for c in p.cues))


def smil(doc: ContentDoc, heard: Timeline, audio_href: str) -> str:
    """The overlay of ``doc``: a <seq> per chapter, a <par> per cue, its clip where the decoded MP3 speaks it."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<smil xmlns="http://www.w3.org/ns/SMIL" xmlns:epub="http://www.idpf.org/2007/ops" version="3.0">',
        "<body>",
    ]
    for passage in doc.passages:
        if not passage.cues:
            continue
        lines.append(f'<seq{attrs(id=f"seq-{passage.anchor}", **{"epub:textref": f"{doc.href}#{passage.anchor}"})}>')
        for cue in passage.cues:
            begin, end = clip_ms(heard, cue)
            lines += [
                f'<par id="par-{sentence_id(cue)}">',
                f'<text src="{doc.href}#{sentence_id(cue)}"/>',
                f'<audio{attrs(src=audio_href, clipBegin=clock(begin), clipEnd=clock(end))}/>',
                "</par>",
            ]
        lines.append("</seq>")
    lines += ["</body>", "</smil>", ""]
    return "\n".join(lines)
