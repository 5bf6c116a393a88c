"""Capitals and site names as people say them: a word when English could spell one, letters otherwise."""
import json
import re
import subprocess
import sys

import pytest

from pipeline.model import Article, Section
from pipeline.stages.script import script
from pipeline.text.spoken import speech_text


@pytest.mark.parametrize("written, spoken", [
    # Vowels in every syllable, clusters a word may begin and end with: said as a word (the engine reads it so).
    ("OPEC", "OPEC"), ("CERN", "CERN"), ("IKEA", "IKEA"), ("OSHA", "OSHA"), ("DARPA", "DARPA"), ("SPAC", "SPAC"),
    # No vowel, a cluster no word opens or closes on, or a lone vowel before two consonants: letters.
    ("BBC", "B B C"), ("HSBC", "H S B C"), ("ESPN", "E S P N"), ("OECD", "O E C D"), ("NCAA", "N C Eigh Eigh"),
    ("UCLA", "U C L Eigh"), ("ACLU", "Eigh C L U"), ("LAPD", "L Eigh P D"),
    # Three letters are spelt, pronounceable or not, as most three-letter names are said.
    ("TMZ", "T M Z"), ("IGN", "I G N"), ("ICE", "I C E"),
    # A letter no word opens with before a word: the letter, then the word; before no word, letters.
    ("CNET", "C Net"), ("GSYNC", "G Sync"), ("NCIS", "N C I S"), ("FDIC", "F D I C"), ("HKEX", "H K E X"),
    # English words that news writes in lower case, in capitals: the word, which eSpeak says right.
    ("NEWS", "NEWS"), ("VIDEO", "VIDEO"), ("WORLD", "WORLD"), ("DEBT", "DEBT"), ("KNOWS", "KNOWS"), ("EIGHT", "EIGHT"),
    ("USDA", "U S D Eigh"),
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
    spoken = [speech_text(f"The {written} said so.").removeprefix("The ").removesuffix(" said so.") for written in SPELT]
    assert espeak_phonemes(spoken) == list(SPELT.values())


def espeak_phonemes(texts: list[str]) -> list[str]:
    """Piper's eSpeak phonemes, without stress marks. It runs in its own process: a second eSpeak beside
    pyttsx3's in one process crashes."""
    program = (
        "import json, sys\n"
        "from piper.phonemize_espeak import EspeakPhonemizer\n"
        "p = EspeakPhonemizer()\n"
        "print(json.dumps([' '.join(''.join(s) for s in p.phonemize('en-us', t)) for t in json.load(sys.stdin)]))\n"
    )
    done = subprocess.run([sys.executable, "-c", program], input=json.dumps(texts), capture_output=True, text=True, check=True)
    return [re.sub("[ˈˌʲ]", "", phonemes) for phonemes in json.loads(done.stdout)]


def test_a_missing_space_before_a_word_like_a_domain_is_no_domain():
    assert speech_text("I got over.it in the end, unlike repubblica.it readers.") == (
        "I got over it in the end, unlike repubblica dot it readers.")


def test_a_lexicon_word_does_not_end_a_lines_shouting():
    # Spelling "YOU", "TO" and "JAM" once "NEED" had become "need" made a shouted headline letters.
    names = {"WHAT": "What", "NEED": "Need", "MAKE": "Make"}
    assert speech_text("WHAT YOU NEED TO MAKE JAM", lexicon=names) == "What YOU Need TO Make JAM"


def test_capitals_the_article_writes_as_a_name_are_said_as_the_name():
    article = Article(headline="OXFAM warns shoppers", summary=None, sections=(Section(None, (
        "SEOUL, South Korea — Oxfam said prices in Seoul rose. The USDA and ASDA did not comment.",)),))
    said = [u.text for chapter in script(article).chapters for u in chapter.utterances]
    assert "Oxfam warns shoppers" in said
    assert "Seoul, South Korea, Oxfam said prices in Seoul rose." in said
    assert "The U S D Eigh and Eigh S D Eigh did not comment." in said  # no evidence either way: letters


def test_capitals_said_as_words_sound_as_the_words_to_espeak():
    words = ["NEWS", "KNOWS", "DRAWN", "VIDEO", "WATCH"]
    spoken = [speech_text(f"The {w} said so.").removeprefix("The ").removesuffix(" said so.") for w in words]
    assert espeak_phonemes(spoken) == espeak_phonemes([w.lower() for w in words])
