"""The structural budget: pages too big or too deep to read in bounded time are refused before any work.

Extraction and scripting cost grows with the number of elements, lines and
words; a hostile 20 MB page (a million elements, a million lines, a
megabyte-long paragraph) would take minutes. Real articles sit far inside
these limits: the largest news pages have a few tens of thousands of
elements, and 100,000 words is an eleven-hour reading. The scan is one
pass of regular expressions that never backtrack far, so refusing costs
well under a second even at the 20 MB cap.
"""
from __future__ import annotations

import re
from itertools import islice

from .errors import InputError

MAX_ELEMENTS = 60_000  # start tags in an HTML page
MAX_DEPTH = 255  # nesting the HTML parser keeps: deeper content is lost, so refused rather than half read
MAX_LINES = 100_000  # lines of a plain-text page
MAX_COPY_CHARS = 5_000_000  # characters of a plain-text page, spaces and tabs included (each tab starts a cell)
MAX_TEXT_CHARS = 1_000_000  # characters of text (not spaces) outside tags, scripts and styles
MAX_WORDS = 100_000
# Finding a quote's speaker looks around every quotation mark: hundreds in one paragraph cost minutes.
MAX_QUOTE_MARKS = 2_000  # in the page
MAX_PARAGRAPH_QUOTE_MARKS = 100  # in one paragraph (a line of text, or an HTML block)
_QUOTE_MARKS = '"“”«»„‘'  # not ’ or a bare ', which are mostly apostrophes
_SPACES = " \t\n\r\xa0"  # what a count of text characters leaves out

_START_TAG = re.compile(r"<[A-Za-z]")
# A tag ends at the next ">" or, unclosed, before the next "<": never a scan to the end of the page per "<".
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>?|<!--.*?(?:-->|(?=<))|<[!?][^<>]*>?", re.S)
_BLOCKS = frozenset(
    "p div li h1 h2 h3 h4 h5 h6 br td th tr blockquote section article header footer aside figure "
    "figcaption ul ol dl dt dd table pre hr main nav body".split()
)
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "noscript", "template"})
# Elements without content, or whose end tag a parser supplies itself: they add no nesting.
_FLAT = frozenset(
    "area base br col embed hr img input link meta param source track wbr "
    "p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp html head body".split()
)


def check(text: str, kind: str, origin: str) -> None:
    """Raise InputError (one line, naming the limit) when ``text`` is over the budget."""
    if kind == "html":
        if next(islice(_START_TAG.finditer(text), MAX_ELEMENTS, None), None) is not None:
            _refuse(origin, f"more than {MAX_ELEMENTS:,} elements")
        _walk(text, origin)
        return
    if len(text) > MAX_COPY_CHARS:
        _refuse(origin, f"more than {MAX_COPY_CHARS:,} characters")
    if max(text.count("\n"), text.count("\r")) >= MAX_LINES:  # LF, CR LF or old Mac CR endings
        _refuse(origin, f"more than {MAX_LINES:,} lines")
    _count_text(text, 0, origin)
    if len(text.split()) > MAX_WORDS:
        _refuse(origin, f"more than {MAX_WORDS:,} words")
    marks = _quote_marks(text)
    _check_marks(marks, 0, origin)
    if marks > MAX_PARAGRAPH_QUOTE_MARKS:
        for line in text.splitlines():
            _check_marks(0, _quote_marks(line), origin)


def _walk(html: str, origin: str) -> None:
    """Counts text, words and quotation marks outside tags, scripts and styles, and nesting, against the budget."""
    stack: list[str] = []
    open_count: dict[str, int] = {}
    visible = words = 0
    position = 0
    raw_until: str | None = None
    marks = block_marks = 0
    for match in _TAG.finditer(html):
        if raw_until is None:
            part = html[position:match.start()]
            # Most of a page's gaps between tags are indentation: they count nothing, so nothing is counted.
            if part.strip(_SPACES):
                visible += _count_text(part, visible, origin)
                words += len(part.split())
                found = _quote_marks(part)
                if found:  # the totals only grow here: unchanged, they were checked before
                    marks, block_marks = marks + found, block_marks + found
                    _check_marks(marks, block_marks, origin)
        position = match.end()
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:
            continue  # a comment, doctype or processing instruction
        if name in _BLOCKS:
            block_marks = 0
        if raw_until is not None:
            if closing and name == raw_until:
                raw_until = None
            continue
        if closing:
            if open_count.get(name):
                while stack:  # an end tag closes what was left open inside it, as a parser does
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _RAW_TEXT:
            raw_until = name
        elif name not in _FLAT and not html.startswith("/>", match.end() - 2):
            stack.append(name)
            open_count[name] = open_count.get(name, 0) + 1
            if len(stack) > MAX_DEPTH:
                _refuse(origin, f"elements nested more than {MAX_DEPTH} deep")
    if raw_until is None:
        rest = html[position:]
        visible += _count_text(rest, visible, origin)
        words += len(rest.split())
        found = _quote_marks(rest)
        _check_marks(marks + found, block_marks + found, origin)
    if words > MAX_WORDS:
        _refuse(origin, f"more than {MAX_WORDS:,} words")


def _count_text(text: str, so_far: int, origin: str) -> int:
    """Characters other than whitespace in text; refuses as soon as the page's total is over budget."""
    count = len(text) - sum(text.count(space) for space in _SPACES)
    if so_far + count > MAX_TEXT_CHARS:
        _refuse(origin, f"more than {MAX_TEXT_CHARS:,} characters of text")
    return count


def _quote_marks(text: str) -> int:
    return sum(text.count(mark) for mark in _QUOTE_MARKS) + text.count(" '")


def _check_marks(page: int, paragraph: int, origin: str) -> None:
    if page > MAX_QUOTE_MARKS:
        _refuse(origin, f"more than {MAX_QUOTE_MARKS:,} quotation marks")
    if paragraph > MAX_PARAGRAPH_QUOTE_MARKS:
        _refuse(origin, f"a paragraph with more than {MAX_PARAGRAPH_QUOTE_MARKS} quotation marks")


def _refuse(origin: str, what: str) -> None:
    raise InputError(f"{origin}: the page has {what}, over newscast's limit for one article")
