"""Small word-level tests shared by the cleaners and the quote finder."""
from __future__ import annotations

import re
from functools import cache
from importlib import resources

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# A line that ends like a sentence: full stop, question, exclamation, colon or
# ellipsis, optionally followed by closing quotes or brackets.
SENTENCE_END = re.compile(r"[.!?…:;。！？][\"'”’»)\]」』]*\s*$")
# Scripts written without spaces between words (Thai; Japanese kana; Chinese ideographs), as code-point ranges:
# as a regex class they cost every start-up 3-6 ms of compiling (re fills a 64K-entry map one character at a time).
_UNSPACED = ((0x0E00, 0x0E7F), (0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
STOPWORDS = frozenset(
    "a an and are as at be by for from has have he her his in is it its of on or our she "
    "that the their they this to was were will with would said says not but who which".split()
)


def words(text: str) -> list[str]:
    return WORD.findall(text)


def word_count(text: str) -> int:
    """Words in ``text``; in scripts without spaces, about one word per two characters."""
    unspaced = sum(map(_is_unspaced, _NON_ASCII.findall(text)))
    if not unspaced:
        return len(WORD.findall(text))
    return len(WORD.findall("".join(" " if _is_unspaced(c) else c for c in text))) + unspaced // 2


def _is_unspaced(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _UNSPACED)


def content_stems(text: str) -> set[str]:
    """Lower-cased word prefixes, a crude stem that lets "urges" meet "urged"."""
    return {w.lower()[:4] for w in words(text) if len(w) > 2 and w.lower() not in STOPWORDS}


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words and nothing else, like "Vuk Jeremic"."""
    tokens = text.strip().split()
    if not 2 <= len(tokens) <= 5 or len(text) > 60 or SENTENCE_END.search(text):
        return False
    connectors = {"de", "van", "von", "da", "bin", "al", "la", "le", "di", "del"}
    return all(is_capitalised(t) or t.lower() in connectors for t in tokens) and not text.isupper()


# What a page says when the rest of the article is behind a subscription.
PAYWALL = re.compile(
    r"subscribe (?:now )?to (?:continue|keep) reading|to continue reading|to read the full (?:story|article)|"
    r"already a subscriber|"
    r"subscribers? only|for subscribers|this (?:article|content) is (?:only )?(?:available|reserved) (?:to|for) subscribers|"
    r"sign in to (?:continue|read)|log in to (?:continue|read)|create a free account to (?:continue|read)",
    re.IGNORECASE,
)


@cache
def word_list(name: str) -> frozenset[str]:
    """The words of ``pipeline/data/<name>.txt``, one a line (lines opening with "#" say how it was built):
    common_words, the lower-case words that open sentences but never start a name
    (benchmarks/build_word_lists.py); lower_case_words, words of three to five letters that news text
    writes in lower case, so capitals that spell one are the word ("NEWS", "DEBT"), not an initialism."""
    text = resources.files("pipeline").joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))
