"""EPUB 3: the article's text and the edition's MP3, synchronised sentence by sentence with Media Overlays.

The book holds the edition's own MP3, whole, so the overlays' clip times are
the very times of the WebVTT transcript. Per-chapter files could be cut from
it without re-encoding (each chapter is encoded as a stream of its own), but
each would need times of its own, and nothing has shown that reading systems
play those better.
"""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import replace
from pathlib import Path

from ..errors import OutputError
from ..model import Article, Track
from .epub_content import STYLESHEET, content_docs, render
from .epub_package import CONTAINER, NAV, ROOT, STYLE, book_time, nav, opf, smil_href, write_zip
from .epub_smil import overlay_ms, smil
from .epub_xml import language_tag
from .formats import Finished

AUDIO = "audio/edition.mp3"


class EpubWriter:
    suffix = ".epub"

    def add(self, chapter: Track) -> None:
        """Nothing to keep: the book takes the finished MP3, not the chapters' PCM."""

    def finish(self, edition: Finished, path: Path) -> None:
        article, articles = _tagged(edition.article), tuple(_tagged(a) for a in edition.articles)
        docs = content_docs(edition.timeline, article, articles)
        listed = [doc for doc in docs if doc.article is not None]
        heard = edition.mp3_timeline  # cues where the decoded MP3 plays them, as in the WebVTT file
        overlays = {doc.href: overlay_ms(doc, heard) for doc in docs if any(p.cues for p in doc.passages)}
        when = book_time(article)
        try:
            identifier = _identifier(edition)
            files = [
                ("META-INF/container.xml", CONTAINER),
                (f"{ROOT}/package.opf", opf(article, articles, identifier, when, docs, overlays, AUDIO)),
                (f"{ROOT}/{NAV}", nav(article, docs)),
                (f"{ROOT}/{STYLESHEET}", STYLE),
                *((f"{ROOT}/{doc.href}", render(doc, edition.timeline, listed)) for doc in docs),
                *((f"{ROOT}/{smil_href(doc.href)}", smil(doc, heard, AUDIO)) for doc in docs if doc.href in overlays),
            ]
            write_zip(path, when, files, (f"{ROOT}/{AUDIO}", edition.mp3))
        except OSError as exc:
            raise OutputError(f"cannot write the EPUB ({exc.strerror or exc})") from None  # ``path`` is a temporary name

    def close(self) -> None:
        """Nothing to free."""


def _tagged(article: Article) -> Article:
    """The article with a language tag the book can carry."""
    return replace(article, language=language_tag(article.language))


def _identifier(edition: Finished) -> str:
    """A UUID named by the article and the audio: the same edition keeps it, another reading of it gets its own."""
    digest = hashlib.sha256()
    with open(edition.mp3, "rb") as mp3:
        for block in iter(lambda: mp3.read(1 << 20), b""):
            digest.update(block)
    article = edition.article
    name = f"newscast:{article.url or article.headline}|{article.published or ''}|{digest.hexdigest()}"
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"
