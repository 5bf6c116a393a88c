"""Is a short quoted phrase someone's words, or a scare quote, a title or a nickname?

A quoted phrase inside a sentence ("Cruz praised Bush as “a man who didn’t go
to the gutter”", "the show “Face the Nation”") carries no sure sign either
way. A small logistic model weighs the signs there are: the words just before
the opening mark ("called", "the", "that"), whether the phrase speaks in the
first person, whether a speech verb or a named subject stands in the
sentence, the phrase's length and capitals. Its weights
(``data/quote_gate.json``) were fitted on PolNeAR political news by
``benchmarks/train_quote_gate.py``; reading them is plain arithmetic, with
nothing to import.
"""
from __future__ import annotations

import json
import math
import re
from functools import cache
from importlib import resources

# Above this probability a phrase is taken as a quote: set for precision, as a scare
# quote read aloud as someone's words misleads more than a quote left in the text.
THRESHOLD = 0.75
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_FIRST_PERSON = frozenset("i i'm i’m me my we we're we’re us our you your".split())
_NAMING = frozenset("called calls calling dubbed dubs titled named nicknamed labeled labelled branded term word phrase slogan motto so-called".split())
_ARTICLES = frozenset("the a an this that his her their its our my".split())
_COPULAS = frozenset("is was are were be been being seems seemed".split())
_PREPOSITIONS = frozenset("of about for on to with from in into at by against over".split())


def features(text: str, before: str, after: str, speech_verb: bool, subject: bool) -> dict[str, float]:
    """The signs for and against ``text`` being someone's words, as named numbers."""
    words = _WORD.findall(text)
    lower = [w.lower() for w in words]
    prior = [w.lower() for w in _WORD.findall(before)][-2:]
    last = prior[-1] if prior else ""
    follows = after.lstrip()[:1]
    found = {
        "bias": 1.0,
        "one_word": float(len(words) == 1),
        "two_three_words": float(2 <= len(words) <= 3),
        "four_plus_words": float(len(words) >= 4),
        "log_words": math.log1p(len(words)),
        "capitalised": float(text[:1].isupper()),
        "title_case": float(len(words) > 1 and all(w[:1].isupper() for w in words if len(w) > 3)),
        "ends_sentence": float(bool(re.search(r"[.!?]$", text))),
        "ends_comma": float(text.endswith(",")),
        "first_person": float(any(w in _FIRST_PERSON for w in lower)),
        "after_naming": float(last in _NAMING or (len(prior) == 2 and prior[0] in _NAMING)),
        "after_article": float(last in _ARTICLES and last != "that"),
        "after_that": float(last == "that"),
        "after_copula": float(last in _COPULAS),
        "after_preposition": float(last in _PREPOSITIONS),
        "after_as": float(last in ("as", "like")),
        "after_colon": float(before.rstrip().endswith(":")),
        "opens_sentence": float(not before.strip()),
        "followed_by_word": float(follows.isalpha()),
        "in_brackets": float(before.rstrip().endswith("(")),
        "speech_verb": float(speech_verb),
        "named_subject": float(subject),
        "digits": float(any(ch.isdigit() for ch in text)),
    }
    return found


@cache
def _weights() -> dict[str, float]:
    data = resources.files("pipeline").joinpath("data/quote_gate.json").read_text(encoding="utf-8")
    return json.loads(data)["weights"]


def probability(signs: dict[str, float]) -> float:
    weights = _weights()
    z = sum(weights.get(name, 0.0) * value for name, value in signs.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def is_quote(signs: dict[str, float]) -> bool:
    return probability(signs) >= THRESHOLD
