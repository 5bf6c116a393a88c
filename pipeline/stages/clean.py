"""clean: turn a Page into the article's blocks plus what the page says about it."""
from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, Document, Page
from ..text.byline import lead_byline
from ..text.notices import is_notice
from ..text.words import word_count

# Kinds of block a time stamp or a sponsorship notice is set as (a page copy may take one for a caption).
_NOTICE_KINDS = ("paragraph", "standfirst", "heading", "caption")
# A wiki's marks glued to the word they follow: a footnote ("law[3]", "[note 2]", "[a]"), "[citation needed]",
# a heading's "[edit]" link. Read aloud they become "law3" and "Historyedit"; an editor's "[sic]" or "[the mayor]"
# stands apart from the word before it and stays.
_REFERENCE_MARK = re.compile(r"(?<=[^\s\[])\[(?:\d{1,3}|[a-z]|note \d{1,3}|nb \d{1,3}|edit|citation needed)\]")
# How many blocks from the top a paragraph that is the byline, or a heading that is the column's label, may stand.
BYLINE_BLOCKS = 4
RUBRIC_WORDS = 6


def clean(page: Page) -> Document:
    """Keep the article's headline, paragraphs, crossheads, captions and pull quotes; drop the rest."""
    if page.kind == "html":
        from ..text.markup import clean_html  # trafilatura and lxml: a third of a second to import, for HTML only

        document = clean_html(page.content, url=page.origin if page.origin.startswith(("http://", "https://")) else None)
    else:
        from ..text.pagecopy import clean_page_copy  # its patterns take milliseconds to compile, for page copies only

        document = clean_page_copy(page.content)
    return _without_reference_marks(_without_notices(document))


def _without_notices(document: Document) -> Document:
    """Both cleaners keep a paragraph that is only a time stamp or an advertiser's notice; neither is the story.
    Nor is a paragraph without a word (a comment count, "0"), or the byline set as the article's first paragraph
    ("By Alex Heath, a deputy editor …"), which the disclosure already reads."""
    authors = set(document.meta.authors)
    # A column's label stands over the story; a crosshead after its first paragraph that names the author is the story's.
    first = next((i for i, b in enumerate(document.blocks) if b.kind == "paragraph"), len(document.blocks))
    blocks = tuple(
        b for i, b in enumerate(document.blocks)
        if not (b.kind in _NOTICE_KINDS and (is_notice(b.text) or not any(c.isalpha() for c in b.text)))
        and not (i < BYLINE_BLOCKS and (_is_byline(b, authors) or (i < first and _is_rubric(b, authors))))
    )
    return document if len(blocks) == len(document.blocks) else replace(document, blocks=blocks)


def _is_rubric(block: Block, authors: set[str]) -> bool:
    """A short heading over the story that names its author ("Opinion: Laurie Oakes") is the column's label,
    not a crosshead: it would open a chapter of its own."""
    return block.kind == "heading" and word_count(block.text) <= RUBRIC_WORDS and any(a in block.text for a in authors)


def _is_byline(block: Block, authors: set[str]) -> bool:
    return block.kind == "paragraph" and bool(authors) and bool(set(lead_byline(block.text)) & authors)


def _without_reference_marks(document: Document) -> Document:
    blocks = tuple(replace(b, text=_REFERENCE_MARK.sub("", b.text)) if "[" in b.text else b for b in document.blocks)
    return document if blocks == document.blocks else replace(document, blocks=blocks)
