"""segment: shape the cleaned blocks into an Article."""
from __future__ import annotations

from ..errors import ExtractionError
from ..model import Article, Document, Quote, Section
from ..text.quotes import find_quotes, merge_pull_quotes
from ..text.words import word_count

# Fewer words than this is a teaser, a login wall or a section front, not an article to read aloud.
MIN_ARTICLE_WORDS = 40


def segment(document: Document) -> Article:
    """Headline, summary, sections split at crossheads, captions and quotes with speakers."""
    meta = document.meta
    paragraphs = [b.text for b in document.blocks if b.kind == "paragraph"]
    if sum(word_count(p) for p in paragraphs) < MIN_ARTICLE_WORDS:
        raise ExtractionError("no article text found (is this a page with an article on it?)")
    headline = next((b.text for b in document.blocks if b.kind == "headline"), None) or meta.headline
    # The standfirst when the page marks one, else the intro paragraph.
    summary = next((b.text for b in document.blocks if b.kind == "standfirst"), None)
    sections = _sections(document, skip_first=summary is None)
    if summary is None:
        summary = paragraphs[0]
    if headline is None:
        headline = summary if word_count(summary) <= 20 else " ".join(summary.split()[:12]) + "…"
    pull = [Quote(b.text, b.speaker, kind="pull") for b in document.blocks if b.kind == "pullquote"]
    quotes = merge_pull_quotes(pull, find_quotes(paragraphs))
    return Article(
        headline=headline,
        summary=summary,
        sections=tuple(sections),
        captions=tuple(b.text for b in document.blocks if b.kind == "caption"),
        quotes=tuple(quotes),
        source=meta.source,
        published=meta.published,
        language=meta.language,
        authors=meta.authors,
        url=meta.url,
    )


def _sections(document: Document, skip_first: bool) -> list[Section]:
    """Paragraphs grouped under their crossheads; the first paragraph is held back as the summary when asked."""
    sections: list[Section] = []
    title: str | None = None
    current: list[str] = []
    skipped = not skip_first
    for block in document.blocks:
        if block.kind == "heading":
            if current:
                sections.append(Section(title, tuple(current)))
                title = block.text
            else:
                # Two crossheads in a row: the first heads nothing and is kept with the second.
                title = f"{title}: {block.text}" if title else block.text
            current = []
        elif block.kind == "paragraph":
            if not skipped:
                skipped = True
                continue
            current.append(block.text)
        elif block.kind == "table":
            # A data table in the article is read row by row, where it stands.
            current.extend(row for row in block.text.split("\n") if row.strip())
    if current:
        sections.append(Section(title, tuple(current)))
    return sections
