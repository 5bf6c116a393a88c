"""Find the article in an HTML page.

The page is flattened into blocks in reading order (paragraphs, headings, list
items, captions, quotes, data tables), after dropping what is never article
text: scripts, navigation, forms, hidden elements and containers whose class
or id names a menu, footer, share bar, cookie notice, related links, comments
or ads.

Two signals choose the article's blocks. trafilatura's extraction (tuned for
precision) marks the blocks it keeps; blocks of prose at the same depth under
the same section of the page join them, which recovers the paragraphs
trafilatura drops after an inline ad or subscription box. When trafilatura
finds too little, the article is the run of blocks with the best balance of
prose against short and link-heavy blocks, as for a plain-text page copy.
Our blocks then give the structure trafilatura's text lacks: the headline,
standfirst, crossheads, captions and pull quotes.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

import trafilatura
from bs4 import BeautifulSoup, Comment, NavigableString, Tag, XMLParsedAsHTMLWarning

from ..model import Block, Document, Metadata
from .language import detect_language
from .metadata import read_metadata
from .regions import densest_run
from .words import PAYWALL, SENTENCE_END, content_stems, word_count

_NEVER_TEXT = {
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "form", "button",
    "select", "input", "textarea", "nav", "footer", "aside", "head", "object", "embed", "video", "audio", "map",
}
_BOILERPLATE = re.compile(
    r"^(?:nav|navbar|navigation|menu|menus|footer|sidebar|share|sharing|social|cookie|cookies|consent|related|"
    r"recommended|recommendations|comments?|advert|advertisement|ad|ads|adslot|promo|newsletter|subscribe|"
    r"subscription|breadcrumbs?|popup|modal|banner|widget|toolbar|tags|tagcloud|outbrain|taboola|paywall|"
    r"signup|login|masthead|skip|skiplink|most|popular|trending|more|author-bio|disqus)$"
)
_PULL_QUOTE = re.compile(r"pull-?quote|pullout|quote-?box", re.I)
_STANDFIRST = re.compile(r"standfirst|dek|deck|subhead(?:line)?|sub-?title|summary|intro|lede|excerpt|strapline", re.I)
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "table", "dd", "dt", "caption", "address"}
_INLINE_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "u", "var", "font", "big", "ins", "del", "label", "img", "picture",
}


@dataclass
class _HBlock:
    kind: str  # paragraph, heading, h1, caption, pullquote, quote, table, standfirst
    text: str
    link_chars: int
    path: tuple[int, ...] = ()  # ids of the enclosing elements, outermost first
    guided: bool = False  # trafilatura kept this block

    @property
    def n_words(self) -> int:
        return word_count(self.text)

    @property
    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text))

    @property
    def prose(self) -> bool:
        n = self.n_words
        return self.kind in ("paragraph", "quote", "standfirst") and self.link_density < 0.4 and (
            (n >= 8 and bool(SENTENCE_END.search(self.text))) or n >= 20
        )


# Below this many words trafilatura's choice is not trusted and ours is used alone.
MIN_GUIDE_WORDS = 30
# How many levels up two blocks at the same depth must share an element to count as one section.
SECTION_LEVELS = 3


def clean_html(html: str, url: str | None = None) -> Document:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    meta = read_metadata(soup, url)
    if PAYWALL.search(soup.get_text(" ")):
        meta = _replace(meta, paywalled=True)
    guide = _normalised(trafilatura.extract(html, include_comments=False, favor_precision=True) or "")
    _strip(soup)
    blocks = _flatten(soup.body or soup)
    # The page's <h1> is the headline, never body text, even where trafilatura keeps it.
    chosen = [i for i in _choose(blocks, guide) if blocks[i].kind != "h1"]
    if not chosen:
        return Document(blocks=(), meta=meta)
    out = _headline_blocks(blocks[: chosen[0]], meta) + _body_blocks(blocks, chosen)
    text = " ".join(b.text for b in out if b.kind == "paragraph")
    if not meta.language or meta.language == "en":
        meta = _replace(meta, language=detect_language(text))
    return Document(blocks=tuple(out), meta=meta)


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _choose(blocks: list[_HBlock], guide: str) -> list[int]:
    """Indices of the article's blocks, in page order; trafilatura's own picks are flagged ``guided``."""
    marked = [bool(n) and n in guide for n in (_normalised(b.text) for b in blocks)]
    for b, m in zip(blocks, marked):
        b.guided = m
    if sum(b.n_words for b, m in zip(blocks, marked) if m) < MIN_GUIDE_WORDS:
        start, end = _article_span(blocks)
        return [] if start is None else list(range(start, end + 1))

    def section(b: _HBlock):
        return len(b.path), b.path[-SECTION_LEVELS] if len(b.path) >= SECTION_LEVELS else None

    sections = {section(b) for b, m in zip(blocks, marked) if m}
    return [
        i for i, (b, m) in enumerate(zip(blocks, marked))
        if m or (b.prose and b.link_density < 0.3 and section(b) in sections)
    ]


def _replace(meta: Metadata, **changes) -> Metadata:
    return Metadata(**{**meta.to_dict(), **changes, "authors": changes.get("authors", meta.authors)})


def _strip(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.parent is None:
            continue
        if tag.name in _NEVER_TEXT or _hidden(tag) or _is_boilerplate(tag):
            tag.decompose()


def _hidden(tag: Tag) -> bool:
    style = (tag.get("style") or "").replace(" ", "").lower()
    return (
        tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or "display:none" in style
        or "visibility:hidden" in style
    )


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in ("body", "html", "article", "main"):
        return False
    names = " ".join(tag.get("class") or []) + " " + (tag.get("id") or "") + " " + (tag.get("role") or "")
    parts = {p for p in re.split(r"[\s_-]+", names.lower()) if p}
    if tag.get("role") in ("navigation", "banner", "contentinfo", "complementary"):
        return True
    return any(_BOILERPLATE.match(p) for p in parts) and not _holds_article(tag)


def _holds_article(tag: Tag) -> bool:
    """A wrapper that merely has "share" or "ad" in its name but holds the story's paragraphs."""
    prose = 0
    for p in tag.find_all("p", limit=40):
        if len(p.get_text(" ", strip=True)) > 150:
            prose += 1
            if prose >= 3:
                return True
    return False


def _flatten(root: Tag) -> list[_HBlock]:
    blocks: list[_HBlock] = []
    inline: list[str] = []
    inline_links = [0]
    path: list[int] = []

    def flush():
        text = " ".join("".join(inline).split())
        if text:
            blocks.append(_HBlock("paragraph", text, inline_links[0], tuple(path)))
        inline.clear()
        inline_links[0] = 0

    def visit(node: Tag):
        path.append(id(node))
        for child in node.children:
            if isinstance(child, NavigableString):
                inline.append(str(child).translate(_INVISIBLE))
            elif not isinstance(child, Tag):
                continue
            elif child.name == "br":
                flush()
            elif child.name in _INLINE_TAGS and not child.find(_BLOCK_TAGS):
                inline.append(_text(child))
                links = [child] if child.name == "a" else child.find_all("a")
                inline_links[0] += sum(len(" ".join(_text(a).split())) for a in links)
            elif child.name in _BLOCK_TAGS and not (
                child.name in ("li", "blockquote", "dd") and child.find(["p", "ul", "ol", "div", "h2", "h3", "h4"])
                or child.name == "table" and _is_layout_table(child)
            ):
                flush()
                block = _block(child)
                if block:
                    block.path = tuple(path)
                    blocks.append(block)
            elif child.name == "blockquote":
                flush()
                start = len(blocks)
                visit(child)
                flush()
                kind = "pullquote" if _PULL_QUOTE.search(_names(child)) else "quote"
                for b in blocks[start:]:
                    if b.kind == "paragraph":
                        b.kind = kind
            else:
                flush()
                visit(child)
                flush()
        path.pop()

    visit(root)
    flush()
    return blocks


def _names(tag: Tag) -> str:
    return " ".join(tag.get("class") or []) + " " + (tag.get("id") or "")


def _text(tag: Tag) -> str:
    """Text as a browser lays it out: inline elements joined as written ("<b>W</b>hile" is
    "While"), a space for each line break and each nested block."""
    parts: list[str] = []
    for node in tag.descendants:
        if isinstance(node, NavigableString):
            if not isinstance(node, Comment):
                parts.append(str(node))
        elif node.name == "br" or node.name not in _INLINE_TAGS:
            parts.append(" ")
    return "".join(parts).translate(_INVISIBLE)


# Soft hyphens and zero-width characters: typesetting hints, not text.
_INVISIBLE = {0xAD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None}


def _is_layout_table(table: Tag) -> bool:
    """Old sites lay whole pages out in tables: a table holding paragraphs or tables is a container."""
    return table.find(["table", "p", "div", "ul", "ol", "h1", "h2", "h3"]) is not None or len(table.find_all("tr")) < 2


def _table_rows(table: Tag) -> str:
    """One line per row, cells separated by commas, so it reads (and is spoken) row by row."""
    rows = []
    for tr in table.find_all("tr"):
        cells = [" ".join(_text(td).split()) for td in tr.find_all(["td", "th"])]
        cells = [c for c in cells if c]
        if cells:
            rows.append(", ".join(cells))
    return "\n".join(rows)


def _block(tag: Tag) -> _HBlock | None:
    text = _table_rows(tag) if tag.name == "table" else " ".join(_text(tag).split())
    if not text:
        return None
    links = sum(len(" ".join(_text(a).split())) for a in tag.find_all("a"))
    name = tag.name
    if name == "h1":
        kind = "h1"
    elif name in ("h2", "h3", "h4", "h5", "h6", "dt"):
        kind = "standfirst" if _STANDFIRST.search(_names(tag)) else "heading"
    elif name in ("figcaption", "caption"):
        kind = "caption"
    elif name == "table":
        kind = "table"
    elif name == "blockquote":
        kind = "pullquote" if _PULL_QUOTE.search(_names(tag)) else "quote"
    elif _PULL_QUOTE.search(_names(tag)):
        kind = "pullquote"
    elif _STANDFIRST.search(_names(tag)) or (tag.parent is not None and _STANDFIRST.search(_names(tag.parent))):
        kind = "standfirst"
    else:
        kind = "paragraph"
    if kind == "paragraph" and _bold_only(tag) and word_count(text) <= 12 and not SENTENCE_END.search(text):
        kind = "heading"
    return _HBlock(kind, text, links)


def _bold_only(tag: Tag) -> bool:
    """<p><strong>Crosshead</strong></p>: a paragraph that is all bold text is a crosshead."""
    children = [c for c in tag.children if not (isinstance(c, NavigableString) and not c.strip())]
    return len(children) == 1 and isinstance(children[0], Tag) and children[0].name in ("strong", "b")


def _score(block: _HBlock) -> float:
    if block.prose:
        return 2.0 + min(block.n_words, 60) / 5
    if block.kind in ("heading", "caption", "pullquote", "quote", "table", "h1"):
        return -0.2
    return -1.0 - 2 * block.link_density


def _article_span(blocks: list[_HBlock]) -> tuple[int | None, int | None]:
    return densest_run([_score(b) for b in blocks], lambda i: blocks[i].prose)


def _headline_blocks(before: list[_HBlock], meta: Metadata) -> list[Block]:
    """The headline (the h1 nearest the article) and any standfirst or captions between it and the body."""
    h1s = [i for i, b in enumerate(before) if b.kind == "h1"]
    out: list[Block] = []
    if h1s:
        at = h1s[-1]
        if meta.headline:
            wanted = content_stems(meta.headline)
            scored = [(len(content_stems(before[i].text) & wanted), i) for i in h1s]
            best = max(scored)
            if best[0]:
                at = best[1]
        out.append(Block("headline", before[at].text))
        rest = before[at + 1 :]
    else:
        rest = before[-6:]
    for b in rest:
        if b.kind == "standfirst" and b.n_words >= 6:
            out.append(Block("standfirst", b.text))
        elif b.kind == "caption":
            out.append(Block("caption", b.text))
    return out


def _body_blocks(blocks: list[_HBlock], chosen: list[int]) -> list[Block]:
    """The chosen blocks as article blocks, with the crossheads, captions and pull quotes among them."""
    picked = set(chosen)
    out: list[Block] = []
    for i in range(chosen[0], chosen[-1] + 1):
        b = blocks[i]
        nxt = next((j for j in range(i + 1, chosen[-1] + 1) if blocks[j].kind not in ("caption", "pullquote")), None)
        if b.kind == "standfirst" and not any(o.kind == "paragraph" for o in out):
            out.append(Block("standfirst", b.text))
        elif b.kind in ("paragraph", "quote", "standfirst"):
            if b.link_density >= 0.5:
                continue  # a paragraph that is all links is navigation, whoever picked it
            if b.guided or (i in picked and (b.prose or (b.n_words >= 3 and SENTENCE_END.search(b.text)))):
                out.append(Block("paragraph", b.text))
        elif b.kind == "heading":
            if b.n_words <= 20 and (b.guided or (nxt is not None and nxt in picked and blocks[nxt].prose)):
                out.append(Block("heading", b.text))
        elif b.kind == "pullquote":
            out.append(Block("pullquote", b.text.strip("\"'“”‘’ ")))
        elif b.kind == "caption":
            out.append(Block("caption", b.text))
        elif b.kind == "table" and i in picked:
            out.append(Block("table", b.text))
    return out
