"""The intelligibility benchmark's scorer (benchmarks/wer.py): fair to notation, and nothing more."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import wer  # noqa: E402
from whisper_normalizer import english as normaliser  # noqa: E402

NORMALISE = normaliser.EnglishTextNormalizer()


def fair(reference, heard):
    return wer.errors(wer.fair_text(reference, NORMALISE), wer.fair_text(heard, NORMALISE), compounds=True)


def raw(reference, heard):
    return wer.errors(wer.raw_text(reference, NORMALISE), wer.raw_text(heard, NORMALISE))


@pytest.mark.parametrize("reference, heard", [
    ("WeWork raised money", "we work raised money"),  # a compound, one word or two
    ("anti-riot police", "antiriot police"),
    ("on 19 November", "on the nineteenth of November"),  # one date, three word orders
    ("on November 19", "on November the nineteenth"),
    ("the U.S. said", "the US said"),  # letters spelt apart are the initialism
    ("it cost $1.5bn", "it cost 1.5 billion dollars"),
    ("the Browns defence", "the Brown's defence"),
    ("(Reporting by Jo Bloggs.) [Independence] would lead", "reporting by jo bloggs independence would lead"),  # a possessive sounds like a plural
])
def test_two_spellings_of_the_same_words_are_no_error(reference, heard):
    assert raw(reference, heard) > 0
    assert fair(reference, heard) == 0


@pytest.mark.parametrize("reference, heard, count", [
    ("Serbia urges UN action", "suburrogate is new action", 3),
    ("WeWork said", "we work set", 1),  # the compound forgiven, the misheard word not
    ("on 19 November", "on the twentieth of November", 1),
])
def test_a_misheard_word_is_still_an_error(reference, heard, count):
    assert fair(reference, heard) == count


def test_without_compounds_the_errors_are_levenshteins():
    assert wer.errors("a b c d".split(), "a x c d e".split()) == 2
    assert wer.wer([["a", "b"], ["c"]], [["a"], ["c"]]) == pytest.approx(1 / 3)
