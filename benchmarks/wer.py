"""Word error rate for benchmarks/intelligibility.py: raw, and fair to the way things are written.

Raw: the written text and the recogniser's transcript both go through whisper-normalizer's
English normaliser, and jiwer counts the errors.

Fair: the same, and then both sides get the same extra steps, so that two ways of writing
what was said count as the same words:
- words in brackets are words: the normaliser drops them as a recogniser's "(music)" notes,
  but a script's "(Reporting by …)" or "[Independence for Kosovo]" is read aloud;
- a possessive is one word ("Browns" heard as "Brown's": the normaliser would read "'s" as "is");
- a scale written short is written out before normalising ("$1.5bn" -> "$1.5 billion": the
  normaliser turns "1.5 billion dollars" into digits, but mangles "1.5bn");
- a date has one word order ("the 19th of november", "november 19th", "19th november" ->
  "19 november"), so "19 November" read as "the nineteenth of November" is no error;
- letters spelt apart are one word ("u s" -> "us"), as the recogniser writes an initialism;
- a compound written as one word or as several is the same ("WeWork" heard as "we work",
  "anti-riot" as "antiriot"): words of the reference and of the transcript joined without
  spaces may match each other at no cost, anywhere in the alignment.
Nothing else is forgiven: a word misheard is an error in both figures.
"""
from __future__ import annotations

import re

_SCALES = {"bn": "billion", "m": "million", "mn": "million", "k": "thousand", "tn": "trillion"}
_BRACKETS = re.compile(r"[()\[\]{}]")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_SHORT_SCALE = re.compile(r"(?<=\d)\s?(bn|mn|tn|m|k)\b")
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_ORDINAL = r"(\d+)(?:st|nd|rd|th)?"
_DATES = (
    (re.compile(rf"\b(?:the )?{_ORDINAL} (?:of )?({_MONTHS})\b"), r"\1 \2"),
    (re.compile(rf"\b({_MONTHS}) (?:the )?(\d+)(?:st|nd|rd|th)\b"), r"\1 \2"),
)
_SPELT = re.compile(r"\b[a-z](?: [a-z]\b)+")
MAX_JOINED = 3  # words on either side that may make one compound


def raw_text(text: str, normalise) -> list[str]:
    return normalise(text).split()


def fair_text(text: str, normalise) -> list[str]:
    text = _BRACKETS.sub(" ", text)
    text = _POSSESSIVE.sub("s", text)
    text = _SHORT_SCALE.sub(lambda m: " " + _SCALES[m.group(1)], text)
    text = normalise(text)
    for pattern, replacement in _DATES:
        text = pattern.sub(replacement, text)
    return _SPELT.sub(lambda m: m.group(0).replace(" ", ""), text).split()


def errors(reference: list[str], hypothesis: list[str], compounds: bool = False) -> int:
    """Substitutions, deletions and insertions turning ``reference`` into ``hypothesis``.

    With ``compounds``, up to MAX_JOINED words on one side matching up to MAX_JOINED on the
    other once joined without spaces cost nothing.
    """
    n, m = len(reference), len(hypothesis)
    previous_rows: list[list[int]] = []
    row = list(range(m + 1))
    for i in range(1, n + 1):
        previous_rows = [row, *previous_rows[: MAX_JOINED - 1]]
        row = [i] + [0] * m
        for j in range(1, m + 1):
            same = reference[i - 1] == hypothesis[j - 1]
            best = min(previous_rows[0][j - 1] + (not same), previous_rows[0][j] + 1, row[j - 1] + 1)
            # The last words of a compound's two spellings end alike: a cheap test before joining.
            if compounds and not same and (reference[i - 1].endswith(hypothesis[j - 1]) or hypothesis[j - 1].endswith(reference[i - 1])):
                best = min(best, _joined(reference, hypothesis, i, j, previous_rows, row))
            row[j] = best
    return row[m]


def _joined(reference, hypothesis, i, j, previous_rows, row) -> int:
    """The cheapest way to end at (i, j) with a compound match of several words on one side."""
    best = 1 << 30
    for a in range(1, min(MAX_JOINED, i) + 1):
        ref = "".join(reference[i - a : i])
        for b in range(1, min(MAX_JOINED, j) + 1):
            if a == b == 1 or "".join(hypothesis[j - b : j]) != ref:
                continue
            before = previous_rows[a - 1] if a <= len(previous_rows) else None
            if before is not None:
                best = min(best, before[j - b])
    return best


def wer(references: list[list[str]], hypotheses: list[list[str]], compounds: bool = False) -> float:
    """Errors summed over all pages, over all reference words."""
    wrong = sum(errors(r, h, compounds) for r, h in zip(references, hypotheses))
    return wrong / max(1, sum(len(r) for r in references))
