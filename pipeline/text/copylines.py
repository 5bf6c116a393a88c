"""The lines of a browser's plain-text copy of a page, with what the layout tells about each."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .words import SENTENCE_END, word_count


@dataclass(frozen=True)
class Line:
    text: str
    blank_before: bool
    blank_after: bool
    cells: int = 1  # tab-separated cells: browsers copy a table row as cells joined by tabs
    # Counted once: every rule asks.
    n_words: int = field(init=False)
    prose: bool = field(init=False)

    def __post_init__(self):
        n = word_count(self.text)
        object.__setattr__(self, "n_words", n)
        object.__setattr__(self, "prose", (n >= 8 and bool(SENTENCE_END.search(self.text))) or n >= 25)


# "HeadlineTeaser text": a card's title and blurb run together when copied.
_RUN_TOGETHER = re.compile(r"[a-z][A-Z]")


def run_together(line: Line) -> bool:
    return bool(_RUN_TOGETHER.search(line.text[:120]))


# A line of a code sample, as a copy shows a <pre> block: a tag (lower-case, as markup is written), a closing
# brace or bracket, a function.
_CODE_LINE = re.compile(
    r"^<(?:![A-Za-z]|/?[a-z][a-z0-9-]*)(?:(?:\s[^>]*)?>?$|[\s>].*>$)|^[})\]]+[;,)]*$"
    r"|</[a-z][a-z0-9-]*>$|\bfunction\s*\w*\s*\(|\)\s*=>"
)
# A statement or a block's opening ends so, but so may a sentence ("… our library;"): a statement is short and
# holds a symbol.
_STATEMENT_END = re.compile(r"[;{]$")
_CODE_SYMBOL = re.compile(r"[(){}=<>\"'\[\]*+]")
MAX_STATEMENT_WORDS = 10
MAX_CODE_WORDS = 25  # a longer line is a paragraph that mentions code
_CODE_MARK = re.compile(r"[<>{}();=\]]")


def code_lines(lines: list[Line]) -> list[bool]:
    """Lines of code: neither the article's prose nor the page's furniture, and not to be read aloud.

    A line between two lines of code with no blank line between is code too ("if (!target)").
    """
    flags = [_code_like(line) for line in lines]
    for i in range(1, len(lines) - 1):
        if (flags[i - 1] and flags[i + 1] and not lines[i].blank_before and not lines[i].blank_after
                and _CODE_SYMBOL.search(lines[i].text)):
            flags[i] = True
    return flags


def _code_like(line: Line) -> bool:
    text = line.text
    if line.n_words > MAX_CODE_WORDS or not _CODE_MARK.search(text):
        return False
    return bool(_CODE_LINE.search(text)) or bool(
        _STATEMENT_END.search(text) and _CODE_SYMBOL.search(text) and line.n_words <= MAX_STATEMENT_WORDS
    )


def copy_lines(content: str) -> list[Line]:
    """The non-blank lines, spaces collapsed, each knowing whether a blank line sets it apart."""
    originals = content.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    raw = [" ".join(line.split()) for line in originals]
    out = []
    for i, text in enumerate(raw):
        if text:
            before = i == 0 or not raw[i - 1]
            after = i == len(raw) - 1 or not raw[i + 1]
            cells = [c.strip() for c in originals[i].split("\t") if c.strip()]
            out.append(Line(", ".join(cells) if len(cells) > 1 else text, before, after, len(cells)))
    return out


def table_rows(lines: list[Line]) -> list[bool]:
    """Lines that belong to a table: runs of at least three rows of three or more cells."""
    rows = [line.cells >= 3 for line in lines]
    flags = [False] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and rows[j]:
            j += 1
        if j - i >= 3:
            flags[i:j] = [True] * (j - i)
        i = max(j, i + 1)
    return flags


# What only a picture's caption says: its credit, or where the picture is. ((?-i:[A-Za-z]) is a letter: see dates.py.)
PHOTO_CREDIT = re.compile(
    r"\b(?:credits?|image|photo|picture|photograph|illustration)(?: by)?\s*:|\((?:pictured|left|right)\)"
    r"|\bgetty images\b|\breuters/|\bAP Photo\b|/ ?(?:AFP|Getty|Reuters|AP)\b"
    r"|^(?:image|media|video|photo)\s*(?:caption|copyright|source|credit)"  # screen-reader labels
    r"|\((?:(?-i:[A-Za-z])[\w.&' -]*/)+(?-i:[A-Za-z])[\w.&' -]*\)\W*$",  # "(NASA/JPL/Space Science Institute)" at the end
    re.IGNORECASE,
)

# What a site says to its readers after an article: subscribe, sign up, follow us, who owns it.
APPEAL = re.compile(
    r"\b(?:subscribe|subscription|newsletters?|unsubscribe|follow us|join our|visit our|"
    r"download (?:our|the) app|all rights reserved|cookies|privacy policy|terms of (?:use|service)|no spam)\b",
    re.IGNORECASE,
)
