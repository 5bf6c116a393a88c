"""Split running text into sentences without breaking at "Mr.", "U.S." or "3.5"."""
from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence (lower-cased, no dot).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt ft no nos vs etc gen col lt sgt capt cmdr adm gov sen rep "
    "rev hon rt jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp approx dept est "
    "fig vol pp op cf al e.g i.e a.m p.m u.s u.k u.n e.u".split()
)
# The look-behind starts a match only at the first mark of a run, so a run of
# thousands of dots is scanned once, not once from each of its positions.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9À-Þ])")
_TOKEN_BEFORE = re.compile(r"(\S+)$")
_TOKEN_WINDOW = 64  # characters looked back for the word before a full stop: longer than any abbreviation


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in ``text``, whitespace excluded."""
    spans, start = [], 0
    for m in _BOUNDARY.finditer(text):
        if _is_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def split_sentences(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in sentence_spans(text)]


def _is_abbreviation(text: str, dot: int) -> bool:
    if text[dot] != ".":
        return False
    # Only a window before the dot is searched: the whole text each time made long paragraphs quadratic.
    m = _TOKEN_BEFORE.search(text, max(0, dot - _TOKEN_WINDOW), dot)
    if not m:
        return False
    token = m.group(1).lstrip("\"'“‘(").lower()
    # Single initials ("J. Smith") and dotted initialisms ("U.S.") keep going.
    return token in ABBREVIATIONS or len(token) == 1 and token.isalpha() or bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", token))
