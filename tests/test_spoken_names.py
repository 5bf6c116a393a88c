"""Capitals and site names as people say them: a word when English could spell one, letters otherwise."""
import json
import re
import subprocess
import sys

import pytest

from pipeline.text.spoken import speech_text


@pytest.mark.parametrize("written, spoken", [
    # Vowels in every syllable, clusters a word may begin and end with: said as a word (the engine reads it so).
    ("OPEC", "OPEC"), ("CERN", "CERN"), ("IKEA", "IKEA"), ("OSHA", "OSHA"), ("DARPA", "DARPA"), ("SPAC", "SPAC"),
    # No vowel, a cluster no word opens or closes on, or a lone vowel before two consonants: letters.
    ("BBC", "B B C"), ("HSBC", "H S B C"), ("ESPN", "E S P N"), ("OECD", "O E C D"), ("NCAA", "N C Eigh Eigh"),
    ("UCLA", "U C L Eigh"), ("ACLU", "Eigh C L U"), ("LAPD", "L Eigh P D"),
    # Three letters are spelt, pronounceable or not, as most three-letter names are said.
    ("TMZ", "T M Z"), ("IGN", "I G N"), ("ICE", "I C E"),
    # A letter no word opens with before a word: the letter, then the word.
    ("CNET", "C Net"),
    # Plurals keep their "s", said as a plural after spelt letters.
    ("SPACs", "SPACs"), ("NGOs", "N G O's"),
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


SPELT = {"USA": "juː ɛs eɪ", "AP": "eɪ piː", "NGOs": "ɛn dʒiː oʊz", "MPs": "ɛm piːz"}


def test_spelt_letters_are_said_as_letter_names_by_espeak():
    # eSpeak reads a lone "A" as the article and a trailing "s" as the letter; the words given to it must not.
    # Piper's eSpeak runs in its own process: a second eSpeak beside pyttsx3's in one process crashes.
    spoken = [speech_text(f"The {written} said so.").removeprefix("The ").removesuffix(" said so.") for written in SPELT]
    program = (
        "import json, sys\n"
        "from piper.phonemize_espeak import EspeakPhonemizer\n"
        "p = EspeakPhonemizer()\n"
        "print(json.dumps([' '.join(''.join(s) for s in p.phonemize('en-us', t)) for t in json.load(sys.stdin)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], input=json.dumps(spoken), capture_output=True, text=True, check=True)
    said = [re.sub("[ˈˌʲ]", "", phonemes) for phonemes in json.loads(done.stdout)]
    assert said == list(SPELT.values())
