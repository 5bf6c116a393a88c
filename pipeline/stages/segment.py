"""segment: shape the cleaned blocks into an Article."""
from __future__ import annotations

import re

from ..errors import ExtractionError
from ..model import Article, Document, Quote, Section
from ..text.quotes import find_quotes, merge_pull_quotes
from ..text.sentences import split_sentences
from ..text.words import PAYWALL, SENTENCE_END, word_count, words

# Fewer words than this is a teaser, a login wall or a section front, not an article to read aloud.
MIN_ARTICLE_WORDS = 40
# A page that calls itself something other than an article needs this many words to be read as one.
MIN_WORDS_OFF_TYPE = 150
# A paywalled page with fewer words than this shows only its opening.
TEASER_WORDS = 350
# A brief's one paragraph of wire copy has at least this many words (PolNeAR's shortest has 12).
MIN_BRIEF_WORDS = 10
_ARTICLE_PAGE_TYPES = ("article", "news", "blog", "story", "newsarticle", "report")


def segment(document: Document) -> Article:
    """Headline, summary, sections split at crossheads, captions and quotes with speakers."""
    meta = document.meta
    paragraphs = [b.text for b in document.blocks if b.kind == "paragraph"]
    n_words = sum(word_count(p) for p in paragraphs)
    if n_words < MIN_ARTICLE_WORDS and (meta.paywalled or not _is_brief(document, paragraphs)):
        if meta.paywalled:
            raise ExtractionError("the article is behind a paywall: no article text is visible")
        raise ExtractionError("no article text found (is this a page with an article on it?)")
    page_type = (meta.page_type or "article").lower()
    if n_words < MIN_WORDS_OFF_TYPE and not any(t in page_type for t in _ARTICLE_PAGE_TYPES):
        raise ExtractionError(f"this page is a {page_type}, not an article (a section front or index page?)")
    notes = ()
    if meta.paywalled and n_words < TEASER_WORDS:
        notes = ("Only the opening of this article is available without a subscription.",)
    headline = next((b.text for b in document.blocks if b.kind == "headline"), None) or meta.headline
    # The standfirst when the page marks one, else the intro paragraph.
    summary = next((b.text for b in document.blocks if b.kind == "standfirst"), None)
    sections = _sections(document, skip_first=summary is None, headline=headline)
    if summary is None:
        summary = paragraphs[0]
    if headline is None:
        # No headline on the page: the summary's first sentence stands in for it.
        headline = split_sentences(summary)[0]
    pull = [Quote(b.text, b.speaker, kind="pull") for b in document.blocks if b.kind == "pullquote"]
    quotes = merge_pull_quotes(pull, find_quotes(paragraphs, headline=headline))
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
        notes=notes,
    )


def _is_brief(document: Document, paragraphs: list[str]) -> bool:
    """A headline and a paragraph of prose, however short, is an article (a news brief), not an empty page."""
    has_headline = document.meta.headline or any(b.kind == "headline" for b in document.blocks)
    return bool(has_headline) and any(
        word_count(p) >= MIN_BRIEF_WORDS and SENTENCE_END.search(p) and not PAYWALL.search(p) for p in paragraphs
    )


def _sections(document: Document, skip_first: bool, headline: str | None) -> list[Section]:
    """Paragraphs grouped under their crossheads; the first paragraph is held back as the summary when asked."""
    sections: list[Section] = []
    title: str | None = None
    current: list[str] = []
    skipped = not skip_first
    for block in document.blocks:
        if block.kind == "heading" and headline and _words(block.text) == _words(headline):
            continue  # the headline set again above the body is read once, as the headline
        if block.kind == "heading":
            if current:
                _add_section(sections, title, current)
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
        _add_section(sections, title, current)
    return sections


def _add_section(sections: list[Section], title: str | None, paragraphs: list[str]) -> None:
    """A crosshead whose section says no word its title does not ("Comments" over a link "comments") heads
    nothing a listener should hear: neither is read."""
    said = {w.lower() for p in paragraphs for w in words(p)}
    if title and not said - {w.lower() for w in words(title)}:
        return
    sections.append(Section(title, tuple(paragraphs)))


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
