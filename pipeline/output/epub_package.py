"""The EPUB's package: the OPF (metadata, manifest, spine), the navigation document, and the zip they go in."""
from __future__ import annotations

import re
import shutil
import zipfile
from collections.abc import Iterable
from datetime import date, datetime, time, timezone
from pathlib import Path

from ..model import Article
from .epub_content import ContentDoc
from .epub_smil import clock
from .epub_xml import attrs, text

ROOT = "EPUB"  # the folder inside the zip that holds the publication
NAV = "nav.xhtml"
ACTIVE_CLASS = "-epub-media-overlay-active"
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=timezone.utc)  # a zip entry can be dated no earlier
# W3CDTF, which dc:date should follow: a year, a month, a day, a time with its zone.
_W3CDTF = re.compile(r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$")
STYLE = """body { font-family: serif; line-height: 1.5; margin: 0 4%; }
h1 { font-size: 1.6em; margin: 0.4em 0; }
h2 { font-size: 1.25em; margin: 1.2em 0 0.4em; }
.intro, .dateline, .note, .speaker { font-size: 0.9em; }
blockquote { margin: 0.6em 1.5em; font-style: italic; }
ol.contents { list-style: none; padding-left: 0; }
/* The sentence being read: black on pale yellow, legible in any theme. */
.-epub-media-overlay-active { background-color: #fff1a8; color: #000; }
"""
CONTAINER = f"""<?xml version="1.0" encoding="UTF-8"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
<rootfiles>
<rootfile full-path="{ROOT}/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
"""
ACCESSIBILITY_SUMMARY = (
    "The text of a news article with its synthetic-voice narration, synchronised sentence by sentence with Media "
    "Overlays. Headings, a table of contents and landmarks give structural navigation. It has no images."
)


def book_time(article: Article) -> datetime:
    """The book's timestamp, in UTC: the article's publication time, else the day the edition is made (at midnight).

    Never the clock's time, so the same article and audio give the same bytes (for an undated article, on the same day).
    """
    try:
        moment = datetime.fromisoformat(article.published or "")
    except ValueError:
        moment = datetime.combine(date.today(), time(), timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return max(moment.astimezone(timezone.utc), ZIP_EPOCH)


def opf(article: Article, articles: tuple[Article, ...], identifier: str, when: datetime, docs: list[ContentDoc],
        overlays: dict[str, int], audio_href: str) -> str:
    """The package document. ``overlays`` maps each document with a Media Overlay to its length in ms."""
    total_ms = sum(overlays.values())  # the book's duration is its overlays' sum
    sources = articles or (article,)
    # Each article's authors, or its site when it names none.
    creators = dict.fromkeys(name for a in sources for name in (a.authors or ([a.source] if a.source else [])))
    languages = dict.fromkeys([article.language, *(a.language for a in articles)])
    meta = [
        f'<dc:identifier id="book-id">{text(identifier)}</dc:identifier>',
        f"<dc:title>{text(article.headline)}</dc:title>",
        *(f"<dc:language>{text(lang)}</dc:language>" for lang in languages),
        *(f"<dc:creator>{text(name)}</dc:creator>" for name in creators),
    ]
    if article.published and _W3CDTF.match(article.published):
        meta.append(f"<dc:date>{text(article.published)}</dc:date>")
    if article.source:
        meta.append(f"<dc:publisher>{text(article.source)}</dc:publisher>")
    meta += [f"<dc:source>{text(s.url)}</dc:source>" for s in sources if s.url]
    meta += [
        f'<meta property="dcterms:modified">{when:%Y-%m-%dT%H:%M:%SZ}</meta>',
        f'<meta property="media:duration">{clock(total_ms)}</meta>',
        *(f'<meta property="media:duration" refines="#{_smil_id(href)}">{clock(ms)}</meta>' for href, ms in overlays.items()),
        f'<meta property="media:active-class">{ACTIVE_CLASS}</meta>',
        '<meta property="schema:accessMode">textual</meta>',
        '<meta property="schema:accessMode">auditory</meta>',
        # Either alone carries the article: every sentence spoken is in the text, and the text has no images.
        '<meta property="schema:accessModeSufficient">textual</meta>',
        '<meta property="schema:accessModeSufficient">auditory</meta>',
        '<meta property="schema:accessibilityFeature">synchronizedAudioText</meta>',
        '<meta property="schema:accessibilityFeature">structuralNavigation</meta>',
        '<meta property="schema:accessibilityFeature">tableOfContents</meta>',
        '<meta property="schema:accessibilityHazard">none</meta>',
        f'<meta property="schema:accessibilitySummary">{text(ACCESSIBILITY_SUMMARY)}</meta>',
    ]
    manifest = [
        f'<item id="nav" href="{NAV}" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="css" href="style.css" media-type="text/css"/>',
        f'<item id="audio" href="{audio_href}" media-type="audio/mpeg"/>',
    ]
    for doc in docs:
        overlay = _smil_id(doc.href) if doc.href in overlays else None
        manifest.append(f'<item{attrs(id=_doc_id(doc.href), href=doc.href, **{"media-type": "application/xhtml+xml", "media-overlay": overlay})}/>')
    manifest += [f'<item id="{_smil_id(href)}" href="{smil_href(href)}" media-type="application/smil+xml"/>' for href in overlays]
    # The navigation document is in the spine, out of the reading order, so its landmark can point to it.
    spine = [f'<itemref idref="{_doc_id(doc.href)}"/>' for doc in docs] + ['<itemref idref="nav" linear="no"/>']
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id"{attrs(**{"xml:lang": article.language})}'
        ' prefix="media: http://www.idpf.org/epub/vocab/overlays/# schema: http://schema.org/">',
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">', *meta, "</metadata>",
        "<manifest>", *manifest, "</manifest>",
        "<spine>", *spine, "</spine>",
        "</package>", "",
    ])


def nav(article: Article, docs: list[ContentDoc]) -> str:
    """The navigation document: every chapter in the table of contents (a daily edition's nested under each article), and landmarks."""
    toc = []
    for doc in docs:
        first, *rest = doc.passages
        inner = [f'<li><a href="{doc.href}#{p.anchor}">{text(p.title)}</a></li>' for p in rest]
        if doc.article is not None and len(docs) > 1:
            # A daily edition: the article, then its chapters under it.
            nested = f"<ol>{''.join(inner)}</ol>" if inner else ""
            toc.append(f'<li><a href="{doc.href}#{first.anchor}">{text(doc.title)}</a>{nested}</li>')
        else:
            toc += [f'<li><a href="{doc.href}#{first.anchor}">{text(first.title)}</a></li>', *inner]
    body = next((d for d in docs if d.article is not None), docs[0])
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!DOCTYPE html>",
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"{attrs(lang=article.language)}'
        f'{attrs(**{"xml:lang": article.language})}>',
        "<head>", '<meta charset="UTF-8"/>', f"<title>{text(article.headline)}</title>",
        '<link rel="stylesheet" type="text/css" href="style.css"/>', "</head>",
        "<body>",
        '<nav epub:type="toc" id="toc" role="doc-toc">', "<h1>Contents</h1>", "<ol>", *toc, "</ol>", "</nav>",
        '<nav epub:type="landmarks" id="landmarks" hidden="">', "<h2>Landmarks</h2>", "<ol>",
        f'<li><a epub:type="toc" href="{NAV}#toc">Contents</a></li>',
        f'<li><a epub:type="bodymatter" href="{body.href}">{text(body.title)}</a></li>',
        "</ol>", "</nav>",
        "</body>", "</html>", "",
    ])


def smil_href(doc_href: str) -> str:
    return doc_href.rsplit(".", 1)[0] + ".smil"


def _doc_id(href: str) -> str:
    return "doc-" + href.rsplit(".", 1)[0]


def _smil_id(href: str) -> str:
    return "mo-" + href.rsplit(".", 1)[0]


def write_zip(path: Path, when: datetime, texts: Iterable[tuple[str, str]], audio: tuple[str, Path]) -> None:
    """The EPUB's zip: ``mimetype`` first and stored, then the text files compressed, then the audio stored.

    Every entry gets the same date and permissions, so the same book gives the same bytes.
    """
    stamp = (when.year, when.month, when.day, when.hour, when.minute, when.second)

    def entry(name: str, compress: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=stamp)
        info.compress_type = compress
        info.create_system = 3  # Unix, whatever the platform, for the same bytes everywhere
        info.external_attr = 0o644 << 16
        return info

    with zipfile.ZipFile(path, "w") as book:
        book.writestr(entry("mimetype", zipfile.ZIP_STORED), "application/epub+zip")
        for name, content in texts:
            book.writestr(entry(name, zipfile.ZIP_DEFLATED), content.encode("utf-8"), compresslevel=9)
        name, source = audio
        # MP3 does not compress further: stored, and copied without holding it in memory.
        with open(source, "rb") as mp3, book.open(entry(name, zipfile.ZIP_STORED), "w") as inside:
            shutil.copyfileobj(mp3, inside, 1 << 20)
