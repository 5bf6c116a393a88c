"""Find quoted spans: every quotation-mark style news uses, apostrophes told apart.

Double marks (“…”, "…", «…», „…“) are paired first, paragraph by paragraph. A
paragraph that opens a quote and never closes it continues into the next
paragraph when that one reopens the mark (the convention for quotes that run
over several paragraphs); otherwise the stray mark is ignored, so one
unbalanced mark never swallows the rest of the article. Single marks (‘…’ and
'…') count only where they cannot be apostrophes: they open after a space or
bracket, before a letter, and close before a space or punctuation — so
voters', didn't and '90s stay words. A quote nested inside another is part of
the outer one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = {"“": "”", "«": "»", "„": "“", '"': '"'}
_ALT_CLOSE = {"„": "”"}  # German pages close „ with either “ or ”
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘'](?=[^\W\d_])")
_SINGLE_CLOSE = re.compile(r"(?<=[^\s])[’'](?=[\s.,;:!?)\]—–-]|$)")
MAX_SINGLE_WORDS = 40
# A mark left open to the end of its paragraph quotes what follows when that is this many words;
# fewer is a stray mark.
MIN_OPEN_WORDS = 4
_TYPED_AS_CLOSE = re.compile(r"[^\s(\[].(?:[\s.,;:!?)\]—–-]|$)")
_HEIGHT = re.compile(r"\b\d['’]\d{1,2}$")
_LABEL_START = re.compile(r"^[\"“]\s*[A-Z][A-Z.'’ -]{1,30}:\s")


@dataclass(frozen=True)
class Span:
    """A quoted passage: where it starts and ends (paragraph index, offset), and its text.

    ``start`` is the offset of the opening mark in the first paragraph and
    ``end`` the offset just after the closing mark in the last one.
    """

    first: int
    start: int
    last: int
    end: int
    text: str


def find_spans(paragraphs: list[str]) -> list[Span]:
    spans: list[Span] = []
    carry: tuple[int, int, list[str], str] | None = None  # (first para, start, parts, closing mark)
    for index, paragraph in enumerate(paragraphs):
        position = 0
        if carry is not None:
            first, start, parts, closer = carry
            carry = None
            lead = paragraph.lstrip()
            if _LABEL_START.match(lead):
                # A transcript: each speaker's turn reopens the mark, and each turn is its own quote.
                spans.append(Span(first, start, index - 1, len(paragraphs[index - 1]), " ".join(p for p in parts if p)))
            elif lead[:1] in _OPEN and _OPEN[lead[:1]] == closer or lead[:1] == closer == '"':
                offset = len(paragraph) - len(lead) + 1
                close_at = _find_close(paragraph, offset, closer)
                if close_at is None:
                    carry = (first, start, parts + [paragraph[offset:].strip()], closer)
                    continue
                parts = parts + [paragraph[offset:close_at].strip()]
                spans.append(Span(first, start, index, close_at + 1, " ".join(p for p in parts if p)))
                position = close_at + 1
            elif len(" ".join(parts).split()) >= MIN_OPEN_WORDS:
                # Never closed nor reopened: the quote ran to the end of its paragraph.
                spans.append(Span(first, start, index - 1, len(paragraphs[index - 1]), " ".join(p for p in parts if p)))
        if position == 0 and paragraph.lstrip().startswith("”") and paragraph.count("”") >= 2:
            # A quote paragraph typed with a closing mark at both ends ("”…”").
            at = len(paragraph) - len(paragraph.lstrip())
            close_at = paragraph.find("”", at + 1)
            spans.append(Span(index, at, index, close_at + 1, paragraph[at + 1 : close_at].strip()))
            position = close_at + 1
        while True:
            opening = _next_open(paragraph, position)
            if opening is None:
                break
            at, mark = opening
            closer = _OPEN[mark]
            close_at = _find_close(paragraph, at + 1, closer, alt=_ALT_CLOSE.get(mark))
            if close_at is None:
                # Left open: it may go on in the next paragraph, which reopens the mark.
                carry = (index, at, [paragraph[at + 1 :].strip()], closer)
                break
            inner = paragraph[at + 1 : close_at]
            if inner.strip():
                spans.append(Span(index, at, index, close_at + 1, inner.strip()))
            position = close_at + 1
        taken = [s for s in spans if s.first <= index <= s.last]
        if carry is not None:
            taken.append(Span(index, carry[1], index, len(paragraph), ""))
        spans.extend(_single_spans(paragraph, index, taken))
    if carry is not None and (_LABEL_START.match(paragraphs[carry[0]].lstrip()) or len(" ".join(carry[2]).split()) >= MIN_OPEN_WORDS):
        first, start, parts, _closer = carry
        spans.append(Span(first, start, len(paragraphs) - 1, len(paragraphs[-1]), " ".join(p for p in parts if p)))
    return sorted(spans, key=lambda s: (s.first, s.start))


def _next_open(paragraph: str, position: int) -> tuple[int, str] | None:
    for i in range(position, len(paragraph)):
        if paragraph[i] in _OPEN and not (paragraph[i] == '"' and i and paragraph[i - 1].isdigit()):
            return i, paragraph[i]  # a straight mark after a digit is inches (a 34" monitor), not a quote
    return None


def _find_close(paragraph: str, position: int, closer: str, alt: str | None = None) -> int | None:
    """Where the quote opened before ``position`` closes: nested pairs of the same style are skipped."""
    depth = 0
    opener = next((o for o, c in _OPEN.items() if c == closer and o != closer), None)
    for i in range(position, len(paragraph)):
        ch = paragraph[i]
        if opener and ch == opener and closer != '"':
            if depth == 0 and _TYPED_AS_CLOSE.match(paragraph, i - 1) and i > position:
                return i  # "the best in the world“ and …": an opening mark typed where the quote closes
            depth += 1
        elif (ch == closer or ch == alt) and _HEIGHT.search(paragraph, 0, i):
            continue  # "he’s like 6’2”": feet and inches, not the end of the quote
        elif ch == closer or ch == alt:
            if depth == 0:
                return i
            depth -= 1
    return None


def _single_spans(paragraph: str, index: int, taken: list[Span]) -> list[Span]:
    """‘…’ and '…' quotes outside the double-quoted passages of this paragraph."""

    def inside_double(pos: int) -> bool:
        for span in taken:
            lo = span.start if span.first == index else 0
            hi = span.end if span.last == index else len(paragraph)
            if lo <= pos < hi:
                return True
        return False

    found: list[Span] = []
    position = 0
    while True:
        opening = _SINGLE_OPEN.search(paragraph, position)
        if not opening:
            return found
        at = opening.start()
        if inside_double(at):
            position = at + 1
            continue
        closing = _single_close(paragraph, at + 1, paragraph[at])
        if closing is None:
            position = at + 1
            continue
        inner = paragraph[at + 1 : closing].strip()
        if inner and len(inner.split()) <= MAX_SINGLE_WORDS:
            found.append(Span(index, at, index, closing + 1, inner))
        position = closing + 1


def _single_close(paragraph: str, position: int, opener: str) -> int | None:
    """The closing single mark; a plural possessive ("voters’ rights") is passed over when a better closer follows."""
    closer = "’" if opener == "‘" else "'"
    candidates = [m.start() for m in _SINGLE_CLOSE.finditer(paragraph, position) if paragraph[m.start()] == closer]
    for at in candidates:
        follows = paragraph[at + 1 : at + 3]
        possessive = paragraph[at - 1] == "s" and follows[:1] == " " and follows[1:2].islower()
        if not possessive:
            return at
    return None
