"""Guess a text's language from its script and its most common words."""
from __future__ import annotations

import re
import unicodedata

_STOPWORDS = {
    "en": "the of and to in is that for was on with said as by at from has have are it his be",
    "es": "el la de que y en los las del se por un una para con es al lo como más",
    "pt": "o a de que e do da em os as um uma para com não no na dos das ao",
    "fr": "le la les de des et en un une du est que pour dans qui sur au pas par",
    "de": "der die und das den von zu mit ist im nicht ein eine auf für sich dem des auch",
    "it": "il la di che e un una per del della con non sono nel gli le da al",
    "nl": "de het een van en in is dat op te zijn voor met niet aan er die",
    "sv": "och att det som en på är av för med till den har de inte om ett",
    "pl": "i w na z się nie do to że jest o jak po co ale od za",
    "id": "yang dan di ke dari ini itu dengan untuk pada adalah dalam tidak akan juga oleh",
}
_STOPSETS = {lang: set(words.split()) for lang, words in _STOPWORDS.items()}
# Scripts that name their language well enough for a voice choice.
_SCRIPTS = (
    ("HANGUL", "ko"), ("HIRAGANA", "ja"), ("KATAKANA", "ja"), ("CJK", "zh"),
    ("CYRILLIC", "ru"), ("ARABIC", "ar"), ("GREEK", "el"), ("HEBREW", "he"),
    ("DEVANAGARI", "hi"), ("THAI", "th"),
)
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str) -> str:
    """An ISO 639-1 code for ``text``; English when nothing stands out."""
    sample = text[:20000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return "en"
    counts: dict[str, int] = {}
    for char in letters[:5000]:
        if ord(char) < 0x250:
            continue
        name = unicodedata.name(char, "")
        for prefix, lang in _SCRIPTS:
            if name.startswith(prefix):
                counts[lang] = counts.get(lang, 0) + 1
                break
    if counts:
        lang, n = max(counts.items(), key=lambda kv: kv[1])
        if n > len(letters[:5000]) * 0.3:
            # Japanese text mixes kana with CJK ideographs: any kana decides it.
            return "ja" if lang == "zh" and counts.get("ja") else lang
    words = [w.lower() for w in _WORD.findall(sample)]
    scores = {lang: sum(w in stops for w in words) for lang, stops in _STOPSETS.items()}
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else "en"
