"""clean: turn a Page into the article's blocks plus what the page says about it."""
from __future__ import annotations

from ..model import Document, Page
from ..text.markup import clean_html
from ..text.pagecopy import clean_page_copy


def clean(page: Page) -> Document:
    """Keep the article's headline, paragraphs, crossheads, captions and pull quotes; drop the rest."""
    if page.kind == "html":
        return clean_html(page.content, url=page.origin if page.origin.startswith(("http://", "https://")) else None)
    return clean_page_copy(page.content)
