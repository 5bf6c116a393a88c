"""Capitals and site names as people say them: a word when English could spell one, letters otherwise."""
import pytest

from pipeline.text.spoken import speech_text


@pytest.mark.parametrize("written, spoken", [
    # Vowels in every syllable, clusters a word may begin and end with: said as a word (the engine reads it so).
    ("OPEC", "OPEC"), ("CERN", "CERN"), ("IKEA", "IKEA"), ("OSHA", "OSHA"), ("DARPA", "DARPA"), ("SPAC", "SPAC"),
    # No vowel, a cluster no word opens or closes on, or a lone vowel before two consonants: letters.
    ("BBC", "B B C"), ("HSBC", "H S B C"), ("ESPN", "E S P N"), ("OECD", "O E C D"), ("NCAA", "N C A A"),
    ("UCLA", "U C L A"), ("ACLU", "A C L U"), ("LAPD", "L A P D"),
    # Three letters are spelt, pronounceable or not, as most three-letter names are said.
    ("TMZ", "T M Z"), ("IGN", "I G N"), ("ICE", "I C E"),
    # A letter no word opens with before a word: the letter, then the word.
    ("CNET", "C Net"), ("JSON", "J Son"),
    # Plurals keep their "s".
    ("SPACs", "SPACs"), ("NGOs", "N G Os"),
])
def test_capitals_are_a_word_only_when_english_could_spell_one(written, spoken):
    assert speech_text(f"It came from {written} today.") == f"It came from {spoken} today."


@pytest.mark.parametrize("site, said", [
    ("TMZ.com", "T M Z dot com"),
    ("CNET en Español", "C Net en Español"),
    ("Space.com", "Space dot com"),
    ("BBC News", "B B C News"),
])
def test_a_site_name_in_the_disclosure_is_said_as_people_say_it(site, said):
    sentence = "This is a synthetic voice reading of an article from {}, published today."
    assert speech_text(sentence.format(site)) == sentence.format(said)


@pytest.mark.parametrize("text", [
    "Version 2.0 shipped, see the README.md file.",  # a file name is no domain
    "It ended.Com Hem bought it.",  # a missing space before a capital is no domain either
])
def test_text_that_only_looks_like_a_domain_keeps_its_full_stops(text):
    assert " dot " not in speech_text(text)
