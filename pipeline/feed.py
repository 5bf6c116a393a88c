"""A podcast feed for a folder of editions, to serve as static files.

RSS 2.0 with the iTunes and Podcasting 2.0 namespaces: an item per edition
with its enclosure (URL, length, type), duration, publication date, the
summary as description, and podcast:chapters and podcast:transcript links.
"""
from __future__ import annotations

import json
import os
import tempfile
from datetime import datetime, timezone
from email.utils import format_datetime
from pathlib import Path
from xml.etree import ElementTree as ET

from .errors import InputError, OutputError

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST = "https://podcastindex.org/namespace/1.0"
ET.register_namespace("itunes", ITUNES)
ET.register_namespace("podcast", PODCAST)


def write_feed(folder: str | Path, base_url: str, title: str = "newscast editions", description: str | None = None) -> Path:
    """Write ``folder``/feed.xml listing every edition in ``folder``, newest first; return its path."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    base = base_url.rstrip("/") + "/"
    editions = sorted(_editions(folder), key=lambda e: e["published"], reverse=True)
    if not editions:
        raise InputError(f"{folder}: no editions to list (build some first)")
    rss = ET.Element("rss", {"version": "2.0"})
    channel = ET.SubElement(rss, "channel")
    _text(channel, "title", title)
    _text(channel, "link", base)
    _text(channel, "description", description or f"{len(editions)} narrated news editions made by newscast.")
    _text(channel, "language", editions[0]["language"])
    _text(channel, "lastBuildDate", format_datetime(datetime.now(timezone.utc)))
    _text(channel, "generator", "newscast")
    _text(channel, f"{{{ITUNES}}}explicit", "false")
    for edition in editions:
        item = ET.SubElement(channel, "item")
        _text(item, "title", edition["title"])
        _text(item, "description", edition["summary"])
        _text(item, "guid", base + edition["mp3"], isPermaLink="true")
        _text(item, "pubDate", format_datetime(edition["published"]))
        ET.SubElement(item, "enclosure", url=base + edition["mp3"], length=str(edition["bytes"]), type="audio/mpeg")
        _text(item, f"{{{ITUNES}}}duration", str(round(edition["duration"])))
        ET.SubElement(item, f"{{{PODCAST}}}chapters", url=base + edition["chapters"], type="application/json+chapters")
        for transcript, kind in ((edition["vtt"], "text/vtt"), (edition["txt"], "text/plain")):
            ET.SubElement(item, f"{{{PODCAST}}}transcript", url=base + transcript, type=kind, language=edition["language"])
    ET.indent(rss)
    target = folder / "feed.xml"
    data = ET.tostring(rss, encoding="utf-8", xml_declaration=True)
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".newscast-", suffix=".part")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target


def _editions(folder: Path):
    for sidecar in folder.glob("*.json"):
        if sidecar.name.endswith(".chapters.json"):
            continue
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8"))
            article, edition = data["article"], data["edition"]
            mp3 = folder / Path(edition["mp3"]).name
            size = mp3.stat().st_size
        except (OSError, ValueError, KeyError, TypeError):
            continue  # not an edition's sidecar, or its MP3 is gone
        yield {
            "title": article["headline"],
            "summary": article.get("summary") or article["headline"],
            "language": article.get("language") or "en",
            "published": _published(article.get("published"), mp3),
            "mp3": mp3.name,
            "bytes": size,
            "duration": edition["duration"],
            "chapters": Path(edition["chapters_json"]).name,
            "vtt": Path(edition["transcript_vtt"]).name,
            "txt": Path(edition["transcript_txt"]).name,
        }


def _published(iso: str | None, mp3: Path) -> datetime:
    try:
        moment = datetime.fromisoformat(iso) if iso else None
    except ValueError:
        moment = None
    if moment is None:
        return datetime.fromtimestamp(mp3.stat().st_mtime, timezone.utc)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _text(parent: ET.Element, tag: str, text: str, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = text
    return element
