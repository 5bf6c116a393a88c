"""The speech verbs as a compact regex alternation, and the look-up of a verb at a place."""
from __future__ import annotations

import re

import pytest

from pipeline.text.speech_verbs import SPEECH_VERB_WORDS, SPEECH_VERBS, VERB, compact, speech_verb_after_space, speech_verb_at

WORDS = ("warned", "warns", "warning", "said", "says", "say", "posted", "pointed out", "e-mailed")


def test_a_compact_alternation_matches_the_words_and_nothing_else():
    pattern = re.compile(f"(?:{compact(WORDS)})")
    assert all(pattern.fullmatch(word) for word in WORDS)
    for other in ("warn", "warnings", "sai", "saying", "post", "pointed", "Warned", "emailed"):
        assert not pattern.fullmatch(other), other


def test_a_capitalised_compact_alternation_lets_only_the_first_letter_be_a_capital():
    pattern = re.compile(f"(?:{compact(WORDS, capitalised=True)})")
    assert pattern.fullmatch("Warned") and pattern.fullmatch("warned") and pattern.fullmatch("Pointed out")
    assert not pattern.fullmatch("WARNED") and not pattern.fullmatch("Pointed Out")


def test_the_verbs_alternation_matches_exactly_the_verb_list():
    pattern = re.compile(f"(?:{SPEECH_VERBS})")
    words = set(SPEECH_VERB_WORDS)
    assert all(pattern.fullmatch(word) for word in words)
    # Every stem and ending the compaction could combine: only words of the list match.
    near = {word[:cut] + ending for word in words for cut in range(2, len(word)) for ending in ("", "s", "ed", "ing", "d", "es")}
    assert [w for w in near - words if pattern.fullmatch(w)] == []
    assert len(SPEECH_VERBS) < 0.7 * len("|".join(SPEECH_VERB_WORDS))  # what makes it compile faster


def test_no_verb_is_another_followed_by_a_space_or_a_hyphen():
    # The compaction keeps the set of words, not the order of the branches: at a word boundary only one
    # branch can then match. "went" beside "went on" would break that.
    assert [(a, b) for a in SPEECH_VERB_WORDS for b in SPEECH_VERB_WORDS if b.startswith((a + " ", a + "-"))] == []


@pytest.mark.parametrize(
    ("text", "position", "verb"),
    [
        ("Lee said she would run.", 4, "said"),
        ("Lee pointed out that", 4, "pointed out"),
        ("according to Lee", 0, "according to"),
        ("Lee Said", 4, None),  # a capital: a name or a title, not the verb
        ("Lee saidso", 4, None),
        ("Lee said-so", 4, None),
        ("Lee nodded", 4, None),
    ],
)
def test_a_speech_verb_at_a_place(text, position, verb):
    found = speech_verb_at(text, position)
    assert (found.group(0) if found else None) == verb


def test_verb_finds_capitalised_verbs_that_open_a_clause():
    assert [m.group(0) for m in VERB.finditer("According to Lee, Kim said: “Said Bob.”")] == ["According to", "said", "Said"]


@pytest.mark.parametrize(
    "text, position, verb",
    [
        ("Lee said", 3, "said"),
        ("Lee \n  told", 3, "told"),
        ("Lee said", 4, None),  # no space first: speech_verb_at's place
        ("Lee, 59, said", 3, None),
        ("Lee nodded", 3, None),
    ],
)
def test_a_speech_verb_after_spaces(text, position, verb):
    found = speech_verb_after_space(text, position)
    assert (found.group(0) if found else None) == verb
