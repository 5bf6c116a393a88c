"""Find the article in an HTML page.

The page is parsed once (lxml, as trafilatura parses it) and flattened into
blocks in reading order (paragraphs, headings, list items, captions, quotes,
data tables), after dropping what is never text: scripts, styles, form
controls, hidden elements.

Containers that usually hold furniture (nav, footer, aside, form, and class or
id names such as menu, share, sidebar, widget, comments) are not dropped
unread: a name is weak evidence (Blogger posts live in ``div.widget.Blog``,
ASP.NET pages inside one ``<form>``). Such a container is dropped unless it
holds most of the article text trafilatura found, or, when trafilatura finds
too little, most of the page's prose.

Two signals then choose the article's blocks. trafilatura's extraction (tuned
for precision) marks the blocks it keeps; blocks of prose at the same depth
under the same section of the page join them, which recovers the paragraphs
trafilatura drops after an inline ad or subscription box. When trafilatura
finds too little, the article is the run of blocks with the best balance of
prose against short and link-heavy blocks, as for a plain-text page copy.
When our blocks give much less than trafilatura's text, trafilatura's text is
read, with the kinds our blocks give the same lines. Our blocks give the
structure trafilatura's text lacks: the headline, standfirst, crossheads,
captions and pull quotes.
"""
from __future__ import annotations

import functools
import itertools
import re
from dataclasses import dataclass, replace

import trafilatura
from lxml.etree import Comment, Entity, ProcessingInstruction
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from ..model import Block, Document, Metadata
from .article_end import ARTICLE_END, COMMENT_END
from .language import detect_language
from .metadata import domain_in_words, navigation_words, read_stated
from .regions import densest_run
from .words import PAYWALL, SENTENCE_END, content_stems, word_count

_NEVER_TEXT = {
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select", "option",
    "input", "textarea", "head", "object", "embed", "video", "audio", "map",
}
_FURNITURE_TAGS = {"nav", "footer", "aside", "form"}
_FURNITURE_ROLES = {"navigation", "banner", "contentinfo", "complementary"}
_BOILERPLATE = re.compile(
    r"^(?:nav|navbar|navigation|menu|menus|footer|sidebar|share|sharing|social|cookie|cookies|consent|related|"
    r"recommended|recommendations|comments?|advert|advertisement|ad|ads|adslot|promo|newsletter|subscribe|"
    r"subscription|breadcrumbs?|popup|modal|banner|widget|toolbar|tags|tagcloud|outbrain|taboola|paywall|"
    r"signup|login|masthead|skip|skiplink|most|popular|trending|more|author-bio|disqus)$"
)
_WORDS = re.compile(r"\w+")
_NAME_PARTS = re.compile(r"[\s_-]+")
_PULL_QUOTE = re.compile(r"pull-?quote|pullout|quote-?box", re.I)
_STANDFIRST = re.compile(r"standfirst|dek|deck|subhead(?:line)?|sub-?title|summary|intro|lede|excerpt|strapline", re.I)
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "figcaption", "pre", "table", "dd", "dt", "caption", "address"}
_INLINE_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp",
    "small", "span", "strong", "sub", "sup", "time", "u", "var", "font", "big", "ins", "del", "label", "img", "picture",
}
_NESTING = ("p", "ul", "ol", "div", "h2", "h3", "h4")
_LAYOUT = ("table", "div", "ul", "ol", "h1", "h2", "h3")


@dataclass
class _HBlock:
    kind: str  # paragraph, heading, h1, caption, pullquote, quote, table, standfirst
    text: str
    link_chars: int
    path: tuple[int, ...] = ()  # numbers of the enclosing elements, outermost first
    furniture: tuple[int, ...] = ()  # numbers of the enclosing furniture-like containers
    guided: bool = False  # trafilatura kept this block

    @functools.cached_property
    def n_words(self) -> int:  # the text is never changed once the block is made
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
# Our densest run of prose is read instead of trafilatura's choice when the run's prose that trafilatura left
# out is this many times all the prose it kept.
GUIDE_OUTWEIGHED = 3
# How many levels up two blocks at the same depth must share an element to count as one section.
SECTION_LEVELS = 3
# A furniture-like container is the article's when it holds at least this share of the article's words.
ARTICLE_SHARE = 0.5
# When our blocks hold less than this share of trafilatura's words, trafilatura's text is read instead.
GUIDE_FALLBACK_SHARE = 0.5
# A heading longer than this is no crosshead: kept by trafilatura, it is read as a paragraph.
CROSSHEAD_WORDS = 20
# A heading right under the headline with this many words is the standfirst, not a crosshead.
DEK_WORDS = 12
# A paragraph of links trafilatura keeps is read when it has this many words ("Bug 1677080 – Add telemetry").
LINKED_ITEM_WORDS = 6
# An item of a list a paragraph announces ("… may either be:") is read with this many words, sentence or not,
# though trafilatura left it out; fewer ("Tags:" over single words) is a label.
LIST_ITEM_WORDS = 3
# This many linked headlines in a row close the chosen blocks: they are other stories' cards, not the article.
CARD_RUN = 2
# A label that closes the article ("Leave a Reply") has at most this many words.
LABEL_WORDS = 8
# An h1 or heading is the headline when it has this share of the stated title's words.
HEADLINE_SHARE = 0.5


def clean_html(html: str, url: str | None = None) -> Document:
    # trafilatura's loader refuses a lone fragment ("<p>…</p>"); wrapped in a body it is a page.
    tree = load_html(html)
    if tree is None:
        tree = load_html(f"<html><body>{html}</body></html>")
    if tree is None:
        return Document(blocks=(), meta=Metadata(url=url))
    meta, titles, summaries = read_stated(tree, url)
    _strip(tree)
    body = tree.find("body")
    root = body if body is not None else tree
    if PAYWALL.search(root.text_content()):
        meta = replace(meta, paywalled=True)
    blocks = _flatten(root)
    # trafilatura reads the same tree (and prunes it: it is not used after this). Its comparison
    # with other extractors (fast=False) costs a fifth of our time and changed no score on the bench.
    guide_text = trafilatura.extract(tree, include_comments=False, favor_precision=True, fast=True) or ""
    guide = _normalised(guide_text)
    for b in blocks:
        n = _normalised(b.text)
        b.guided = bool(n) and n in guide
    every_block, blocks = blocks, _without_furniture(blocks)
    if meta.source is None:
        meta = replace(meta, source=_shown_site(every_block))
    elif meta.source != (said := domain_in_words(meta.source, (b.text for b in every_block))):
        meta = replace(meta, source=said)
    # The page's <h1> is the headline, never body text, even where trafilatura keeps it.
    chosen = _without_trailing_cards(blocks, [i for i in _choose(blocks) if blocks[i].kind != "h1"])
    chosen = _below_headline(every_block, blocks, _before_article_end(blocks, chosen))
    out = (_headline_blocks(blocks[: chosen[0]], titles) + _body_blocks(blocks, chosen)) if chosen else []
    ours = sum(word_count(b.text) for b in out if b.kind in ("paragraph", "table"))
    if ours < GUIDE_FALLBACK_SHARE * _guide_words(guide, every_block):
        out = _guide_blocks(guide_text, every_block, titles)
    out = _headline_and_dek(out, titles, summaries)
    text = " ".join(b.text for b in out if b.kind == "paragraph")
    if not meta.language or meta.language == "en":
        meta = replace(meta, language=detect_language(text))
    return Document(blocks=tuple(out), meta=meta)


def _guide_words(guide: str, blocks: list[_HBlock]) -> int:
    """How many words of article trafilatura found: not those of the runs of links it kept (a fan-fiction
    page's list of 400 readers' names), which would make a whole chapter of ours look like too little."""
    return word_count(guide) - sum(b.n_words for b in blocks if b.guided and b.link_density >= 0.5)


def _shown_site(blocks: list[_HBlock]) -> str | None:
    """The site's name as the page shows it, when it states none for machines (no og:site_name, no title
    to take it from): its copyright line, "About …" link, masthead or domain, read as on a page copy; never what
    a menu or a button says ("Subscribe to Updates" names no site "Updates")."""
    from .copylines import Line
    from .pagecopy_meta import site_name  # the page-copy reader's patterns, compiled only for such a page

    name = site_name([Line(b.text, True, True) for b in blocks])
    return None if name is None or navigation_words(name) else name


def _normalised(text: str) -> str:
    return " ".join(_WORDS.findall(text.lower()))


def _strip(tree: HtmlElement) -> None:
    # Only elements with one of these attributes can be hidden: lxml finds them without a Python call per element.
    maybe_hidden = tree.xpath("descendant-or-self::*[@hidden or @aria-hidden or @style]")
    doomed = [*tree.iter(Comment, ProcessingInstruction, Entity, *_NEVER_TEXT), *filter(_hidden, maybe_hidden)]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps the text that follows it; an element inside one dropped before goes with it


def _hidden(el: HtmlElement) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or el.get("aria-hidden") == "true" or "display:none" in style or "visibility:hidden" in style


def _furniture_like(el: HtmlElement) -> bool:
    if el.tag in ("body", "html", "article", "main"):
        return False
    if el.tag in _FURNITURE_TAGS or el.get("role") in _FURNITURE_ROLES:
        return True
    return _boilerplate_names(_names(el))


@functools.lru_cache(maxsize=4096)
def _boilerplate_names(names: str) -> bool:
    # A page repeats a few class names on thousands of elements: each is split and matched once.
    return any(p and _BOILERPLATE.match(p) for p in _NAME_PARTS.split(names.lower()))


def _without_furniture(blocks: list[_HBlock]) -> list[_HBlock]:
    """Drop the blocks in furniture-like containers, except a container that holds the article."""
    guided = sum(b.n_words for b in blocks if b.guided and b.prose)
    evidence = (lambda b: b.guided) if guided >= MIN_GUIDE_WORDS else (lambda b: b.prose)
    total = sum(b.n_words for b in blocks if evidence(b))
    inside: dict[int, int] = {}
    for b in blocks:
        if evidence(b):
            for f in b.furniture:
                inside[f] = inside.get(f, 0) + b.n_words
    kept = {f for f, n in inside.items() if n >= ARTICLE_SHARE * total}
    return [b for b in blocks if all(f in kept for f in b.furniture)]


def _choose(blocks: list[_HBlock]) -> list[int]:
    """Indices of the article's blocks, in page order; trafilatura's own picks are flagged ``guided``."""
    # A short block is "kept by trafilatura" by chance ("Close" is in any text): only guided prose tells where the
    # article is, and which sections hold it (not a cookie notice's "Close" button).
    guided = sum(b.n_words for b in blocks if b.guided and b.prose)
    start, end = _article_span(blocks)
    if guided < MIN_GUIDE_WORDS:
        return _unguided(blocks, start, None if start is None else end + 1)
    stop = _unguided_article(blocks, start, end, guided)
    if stop is not None:
        return _unguided(blocks, start, stop)

    def section(b: _HBlock):
        return len(b.path), b.path[-SECTION_LEVELS] if len(b.path) >= SECTION_LEVELS else None

    sections = {section(b) for b in blocks if b.guided and b.prose}
    return [i for i, b in enumerate(blocks) if b.guided or (b.prose and b.link_density < 0.3 and section(b) in sections)]


def _unguided(blocks: list[_HBlock], start: int | None, stop: int | None) -> list[int]:
    """Our own choice of blocks, trafilatura's set aside."""
    for b in blocks:
        b.guided = False
    return [] if start is None else list(range(start, stop))


def _unguided_article(blocks: list[_HBlock], start: int | None, end: int | None, guided: int) -> int | None:
    """Where the densest run of prose ends (exclusive) when it is the article rather than what trafilatura kept:
    the prose of the run that trafilatura left out is several times all the prose it kept. Without a site's
    class names to go by, trafilatura may keep a page's comments or a notice and leave out a 5,000-word chapter.
    A label that closes an article ("Top Rated Comments"; a menu's "Trending" link is none) ends the run, and
    what trafilatura kept under it does not count: that is the comments."""
    def left_out(run: list[_HBlock]) -> int:
        return sum(b.n_words for b in run if b.prose and not b.guided)

    if start is None or left_out(blocks[start : end + 1]) < GUIDE_OUTWEIGHED * guided:
        return None
    stop = next((i for i, b in enumerate(blocks[: end + 1])
                 if b.n_words <= LABEL_WORDS and b.link_density < 0.5 and ARTICLE_END.match(b.text)), end + 1)
    kept = sum(b.n_words for b in blocks[:stop] if b.guided and b.prose)
    return stop if stop > start and left_out(blocks[start:stop]) >= GUIDE_OUTWEIGHED * kept else None


def _without_trailing_cards(blocks: list[_HBlock], chosen: list[int]) -> list[int]:
    """The chosen blocks without the other stories' cards that close them: at least CARD_RUN linked headlines,
    each maybe over its blurb, up to the end, and the label and headings just above them ("Other Opinion
    Columns"). A card is a pointer to another page; a listener cannot follow it."""
    cut, cards = len(chosen), 0
    while cut > 0:
        at = cut - 1
        if blocks[chosen[at]].kind in ("paragraph", "standfirst") and blocks[chosen[at]].link_density < 0.5 and at > 0:
            at -= 1  # the blurb under a card's headline
        head = blocks[chosen[at]]
        if not (head.kind == "heading" and head.link_density >= 0.5):
            break
        cut, cards = at, cards + 1
    if cards < CARD_RUN:
        return chosen
    while cut > 0 and blocks[chosen[cut - 1]].kind == "heading":
        cut -= 1
    return chosen[:cut]


def _before_article_end(blocks: list[_HBlock], chosen: list[int]) -> list[int]:
    """The chosen blocks up to a label that closes the article ("2 comments", "Leave a Reply", "You may also
    like") set under most of its prose: readers' comments and other stories follow it. On a site whose class
    names say nothing, the label is what shows where the article ends. A subheading such as "Related" or
    "Trending" over prose trafilatura kept is the article's own crosshead ("Trending: why the tide turned");
    a comment label closes the article whatever trafilatura kept, as comments read like prose to it."""
    if not chosen:
        return chosen
    total = sum(blocks[i].n_words for i in chosen if blocks[i].prose)
    picked = set(chosen)
    above = 0
    # The label need not be chosen itself: "2 comments" is no prose, and trafilatura leaves it out.
    for i in range(chosen[0], chosen[-1] + 1):
        b = blocks[i]
        if above >= ARTICLE_SHARE * total and b.n_words <= LABEL_WORDS and ARTICLE_END.match(b.text) \
                and (COMMENT_END.match(b.text) or not _kept_prose_below(blocks, [j for j in chosen if j > i])):
            return [j for j in chosen if j < i]
        above += b.n_words if b.prose and i in picked else 0
    return chosen


def _kept_prose_below(blocks: list[_HBlock], below: list[int]) -> bool:
    """Most of the prose below a label is prose trafilatura kept: the article goes on under it."""
    prose = [blocks[i] for i in below if blocks[i].prose]
    return 2 * sum(b.n_words for b in prose if b.guided) > sum(b.n_words for b in prose) > 0


def _below_headline(every_block: list[_HBlock], blocks: list[_HBlock], chosen: list[int]) -> list[int]:
    """The chosen blocks without those above the h1 that stands over the article's first prose (that h1 may
    sit in a furniture-like band): a drop cap's letter or a label trafilatura's text holds by chance ("U" is
    in any text) is not where the article begins."""
    first_prose = next((i for i in chosen if blocks[i].prose), None)
    if first_prose is None or first_prose == chosen[0]:
        return chosen
    at = {id(b): n for n, b in enumerate(every_block)}
    h1 = next((n for n in range(at[id(blocks[first_prose])] - 1, at[id(blocks[chosen[0]])], -1)
               if every_block[n].kind == "h1"), None)
    return chosen if h1 is None else [i for i in chosen if at[id(blocks[i])] > h1]


def _flatten(root: HtmlElement) -> list[_HBlock]:
    blocks: list[_HBlock] = []
    inline: list[str] = []
    inline_links = [0]
    path: list[int] = []
    furniture: list[int] = []
    numbers = itertools.count()

    def flush():
        text = " ".join("".join(inline).split())
        if text:
            blocks.append(_HBlock("paragraph", text, inline_links[0], tuple(path), tuple(furniture)))
        inline.clear()
        inline_links[0] = 0

    def visit(node: HtmlElement):
        number = next(numbers)
        path.append(number)
        marked = node is not root and _furniture_like(node)
        if marked:
            furniture.append(number)
        if node.text:
            inline.append(_visible(node.text))
        for child in node:
            tag = child.tag
            if tag == "br":
                flush()
            elif tag in _INLINE_TAGS and not _has(child, _BLOCK_TAGS):
                inline.append(_text(child))
                links = [child] if tag == "a" else child.iterdescendants("a")
                inline_links[0] += sum(len(" ".join(_text(a).split())) for a in links)
            elif tag in _BLOCK_TAGS and not (
                tag in ("li", "blockquote", "dd") and _has(child, _NESTING) or tag == "table" and _is_layout_table(child)
            ):
                flush()
                block = _block(child)
                if block:
                    block.path = tuple(path)
                    block.furniture = tuple(furniture) + ((next(numbers),) if _furniture_like(child) else ())
                    blocks.append(block)
            elif tag == "blockquote":
                flush()
                start = len(blocks)
                visit(child)
                flush()
                kind = "pullquote" if _pull_quote_names(_names(child)) else "quote"
                for b in blocks[start:]:
                    if b.kind == "paragraph":
                        b.kind = kind
            else:
                flush()
                visit(child)
                flush()
            if child.tail:
                inline.append(_visible(child.tail))
        if marked:
            furniture.pop()
        path.pop()

    visit(root)
    flush()
    return blocks


def _has(el: HtmlElement, tags) -> bool:
    return next(el.iterdescendants(*tags), None) is not None


def _names(el: HtmlElement) -> str:
    return (el.get("class") or "") + " " + (el.get("id") or "") + " " + (el.get("role") or "")


def _text(el: HtmlElement) -> str:
    """Text as a browser lays it out: inline elements joined as written ("<b>W</b>hile" is
    "While"), a space for each line break and each nested block."""
    parts: list[str] = []

    def walk(e: HtmlElement):
        if e.text:
            parts.append(e.text)
        for child in e:
            if child.tag == "br" or child.tag not in _INLINE_TAGS:
                parts.append(" ")
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return _visible("".join(parts))


# Soft hyphens and zero-width characters: typesetting hints, not text.
_INVISIBLE = {0xAD: None, 0x200B: None, 0x200C: None, 0x200D: None, 0x2060: None, 0xFEFF: None}


def _visible(text: str) -> str:
    return text if text.isascii() else text.translate(_INVISIBLE)  # most text is ASCII: no table walk


def _is_layout_table(table: HtmlElement) -> bool:
    """Old sites lay whole pages out in tables: a table holding sections, lists, tables or a cell of several
    paragraphs is a container. A data table's cell may hold one paragraph (a film's description)."""
    return (_has(table, _LAYOUT) or sum(1 for _ in table.iter("tr")) < 2
            or any(sum(1 for _ in cell.iter("p")) > 1 for cell in table.iter("td", "th")))


def _table_rows(table: HtmlElement) -> str:
    """One line per row, cells separated by commas, so it reads (and is spoken) row by row."""
    rows = []
    for tr in table.iter("tr"):
        cells = [" ".join(_text(td).split()) for td in tr.iter("td", "th")]
        cells = [c for c in cells if c]
        if cells:
            rows.append(", ".join(cells))
    return "\n".join(rows)


def _block(el: HtmlElement) -> _HBlock | None:
    text = _table_rows(el) if el.tag == "table" else " ".join(_text(el).split())
    if not text:
        return None
    links = sum(len(" ".join(_text(a).split())) for a in el.iterdescendants("a"))
    name, names = el.tag, _names(el)
    parent = el.getparent()
    if name == "h1":
        kind = "h1"
    elif name in ("h2", "h3", "h4", "h5", "h6", "dt"):
        kind = "standfirst" if _standfirst_names(names) else "heading"
    elif name in ("figcaption", "caption"):
        kind = "caption"
    elif name == "table":
        kind = "table"
    elif name == "blockquote":
        kind = "pullquote" if _pull_quote_names(names) else "quote"
    elif _pull_quote_names(names):
        kind = "pullquote"
    elif _standfirst_names(names) or (parent is not None and _standfirst_names(_names(parent))):
        kind = "standfirst"
    else:
        kind = "paragraph"
    if kind == "paragraph" and _bold_only(el) and word_count(text) <= 12 and not SENTENCE_END.search(text):
        kind = "heading"
    return _HBlock(kind, text, links)


@functools.lru_cache(maxsize=4096)
def _standfirst_names(names: str) -> bool:
    return bool(_STANDFIRST.search(names))


@functools.lru_cache(maxsize=4096)
def _pull_quote_names(names: str) -> bool:
    return bool(_PULL_QUOTE.search(names))


def _bold_only(el: HtmlElement) -> bool:
    """<p><strong>Crosshead</strong></p>: a paragraph that is all bold text is a crosshead."""
    children = list(el)
    return (
        len(children) == 1
        and children[0].tag in ("strong", "b")
        and not (el.text or "").strip()
        and not (children[0].tail or "").strip()
    )


def _score(block: _HBlock) -> float:
    if block.prose:
        return 2.0 + min(block.n_words, 60) / 5
    if block.kind in ("heading", "caption", "pullquote", "quote", "table", "h1"):
        return -0.2
    return -1.0 - 2 * block.link_density


def _article_span(blocks: list[_HBlock]) -> tuple[int | None, int | None]:
    return densest_run([_score(b) for b in blocks], lambda i: blocks[i].prose)


def _headline_blocks(before: list[_HBlock], titles: list[str]) -> list[Block]:
    """The headline (the h1 nearest the article) and any standfirst or captions between it and the body."""
    h1s = [i for i, b in enumerate(before) if b.kind == "h1"]
    out: list[Block] = []
    at = _headline_at(before, h1s, titles)
    if at is not None:
        out.append(Block("headline", _stated_form(before[at].text, titles)))
    if at is not None or h1s:
        rest = before[max(at if at is not None else -1, h1s[-1] if h1s else -1) + 1 :]
    else:
        rest = before[-6:]
    for b in rest:
        if b.kind == "standfirst" and b.n_words >= 6:
            out.append(Block("standfirst", b.text))
        elif b.kind == "caption":
            out.append(Block("caption", b.text))
    return out


def _headline_at(before: list[_HBlock], h1s: list[int], titles: list[str]) -> int | None:
    """Which block above the article is its headline.

    The h1 sharing most words with a title the page states (JSON-LD, og:title,
    <title>), else a heading that does, as on blogs whose h1 is the blog's name.
    When none shares half of a title's words the h1 is a masthead or a section
    name, and the stated title is used (None here).
    """
    if not titles:
        return h1s[-1] if h1s else None
    for title in titles:
        wanted = content_stems(title)
        shared = {i: len(content_stems(b.text) & wanted) for i, b in enumerate(before) if b.kind in ("h1", "heading")}
        matching = [i for i, n in shared.items() if wanted and n >= HEADLINE_SHARE * len(wanted)]
        for candidates in ([i for i in matching if i in h1s], matching):
            if candidates:
                return max(candidates, key=lambda i: (shared[i], i))
    return None


def _stated_form(shown: str, titles: list[str]) -> str:
    """The headline as the page states it (JSON-LD, og:title, …) when that says the same words as the heading
    shown: "Dropbox’s ATF - an async task framework" for "Dropbox ATF: an async task framework". The stated
    form is the site's deliberate one; when the words differ, the heading the reader sees is kept."""
    words = _title_words(shown)
    return next((t for t in titles if _title_words(t) == words), shown)


def _title_words(text: str) -> list[str]:
    # A possessive's "s" ("Dropbox’s") is a mark of punctuation here, not a word.
    return [w for w in re.findall(r"\w+", text.lower()) if w != "s"]


def _body_blocks(blocks: list[_HBlock], chosen: list[int]) -> list[Block]:
    """The chosen blocks as article blocks, with the crossheads, captions and pull quotes among them."""
    picked = set(chosen)
    out: list[Block] = []
    # A book's chapter or a wiki sets its sections' headings as <h1>s under the page's own (HTML5 sectioning):
    # one among the article's blocks, below the headline's h1, is a crosshead.
    sectioned = any(b.kind == "h1" for b in blocks[: chosen[0]])
    # A list a paragraph announces ("The services may either be:"): True right after it, then the path its first
    # item stands at, which the other items share (the same <ul>).
    announced: bool | tuple[int, ...] = False
    for i in range(chosen[0], chosen[-1] + 1):
        b = blocks[i]
        nxt = next((j for j in range(i + 1, chosen[-1] + 1) if blocks[j].kind not in ("caption", "pullquote")), None)
        item = (b.kind == "paragraph" and b.n_words >= LIST_ITEM_WORDS and b.link_density < 0.5
                and (announced is True or announced == b.path))
        announced = b.path if item else False
        if b.kind == "standfirst" and not any(o.kind == "paragraph" for o in out):
            out.append(Block("standfirst", b.text))
        elif b.kind in ("paragraph", "quote", "standfirst"):
            if b.link_density >= 0.5 and not (b.guided and b.n_words >= LINKED_ITEM_WORDS):
                continue  # a short paragraph that is all links is navigation, whoever picked it
            if item or b.guided or (i in picked and (b.prose or (b.n_words >= 3 and SENTENCE_END.search(b.text)))) \
                    or _short_line_of_the_story(blocks, picked, i):
                out.append(Block("paragraph", b.text))
                if not item and b.text.endswith(":"):
                    announced = True
        elif b.kind == "heading" or (b.kind == "h1" and sectioned):
            if b.n_words <= CROSSHEAD_WORDS and (b.guided or (nxt is not None and nxt in picked and blocks[nxt].prose)):
                out.append(Block("heading", b.text))
            elif b.n_words > CROSSHEAD_WORDS and b.guided and any(o.kind == "paragraph" for o in out):
                # A sentence set in a heading's type among the paragraphs: an interview's question (above them,
                # it is the standfirst a page's header band holds, which trafilatura keeps once the band is a <div>).
                out.append(Block("paragraph", b.text))
        elif b.kind == "pullquote":
            out.append(Block("pullquote", b.text.strip("\"'“”‘’ ")))
        elif b.kind == "caption":
            out.append(Block("caption", b.text))
        elif b.kind == "table" and i in picked:
            out.append(Block("table", b.text))
    return out


def _short_line_of_the_story(blocks: list[_HBlock], picked: set[int], i: int) -> bool:
    """A paragraph of a word or two that ends a sentence ("Haoyu snorted.", "“Gotcha.”"), between two of the
    article's paragraphs in the same container: a line of dialogue or a beat of the story, which trafilatura
    may leave out as too short."""
    b = blocks[i]
    return (b.kind == "paragraph" and b.link_chars == 0 and bool(SENTENCE_END.search(b.text))
            and not _PAGE_TALK.search(b.text)
            and 0 < i < len(blocks) - 1 and all(j in picked and blocks[j].kind == "paragraph"
                                                and blocks[j].path[:-1] == b.path[:-1] for j in (i - 1, i + 1)))


# A short line that speaks of the page, not the story: "Continue reading the main story.", "Share this:",
# "Photo: Reuters.", "Related: …" ("Con: money." in a story's list of pros and cons is the story's).
_PAGE_TALK = re.compile(r"^\W*(?:continue reading|story continues|click here|read more|advertisement)\b|"
                        r"^\W*(?:photo|image|picture|video|credit|source|related|see also)s?:|:$", re.I)


# Our kinds a line of trafilatura's text keeps when one of our blocks says the same.
_GUIDE_KINDS = {"heading": "heading", "caption": "caption", "pullquote": "pullquote", "table": "table"}


def _guide_blocks(guide_text: str, blocks: list[_HBlock], titles: list[str]) -> list[Block]:
    """trafilatura's lines as the article, each with the kind our block of the same text has."""
    kinds = {_normalised(b.text): b.kind for b in blocks}
    first = next((i for i, b in enumerate(blocks) if b.guided and b.kind != "h1"), len(blocks))
    out = _headline_blocks(blocks[:first], titles)
    headline = {_normalised(b.text) for b in out}
    for line in guide_text.splitlines():
        line = " ".join(line.split())
        key = _normalised(line)
        if not key or key in headline or kinds.get(key) == "h1":
            continue
        out.append(Block(_GUIDE_KINDS.get(kinds.get(key), "paragraph"), line.removeprefix("- ")))
    return out


def _headline_and_dek(out: list[Block], titles: list[str], summaries: list[str]) -> list[Block]:
    """Headings that repeat the headline or set out its standfirst, as pages put them above the body.

    A heading that says what the headline (or a title the page states) says is
    the headline: read once, never as a crosshead; one that says part of it is
    the headline's first line set apart, not read. The heading right under it
    is the standfirst when the page states it as its description or it is as
    long as a sentence; otherwise segment would join it to the next crosshead
    or read it as one.
    """
    headline = next((b.text for b in out if b.kind == "headline"), None)
    said = {_normalised(t) for t in [headline, *titles] if t}
    shown = headline or next(iter(titles), None)  # without a headline block, the page's stated title is read
    headline_stems = content_stems(shown) if shown else set()
    kept: list[Block] = []
    for b in out:
        if b.kind == "heading" and _normalised(b.text) in said:
            if headline is None:
                headline = b.text
                kept.insert(0, Block("headline", b.text))
            continue
        if b.kind == "heading" and _kicker(b, kept, headline_stems):
            continue
        kept.append(b)
    first = next((i for i, b in enumerate(kept) if b.kind not in ("headline", "caption")), None)
    if first is not None and kept[first].kind == "heading" and not any(b.kind == "standfirst" for b in kept):
        dek = kept[first]
        if _normalised(dek.text) in {_normalised(s) for s in summaries} or word_count(dek.text) >= DEK_WORDS:
            kept[first] = Block("standfirst", dek.text)
    return kept


def _kicker(heading: Block, above: list[Block], headline_stems: set[str]) -> bool:
    """A heading above the body all of whose words the headline says: the headline's first line set apart
    ("Lupita Nyong'o" over "… $150K Pearl Oscar Dress -- STOLEN!!!"), not a crosshead of the story."""
    stems = content_stems(heading.text)
    return bool(stems) and stems <= headline_stems and not any(b.kind in ("paragraph", "standfirst") for b in above)
