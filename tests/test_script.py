"""script: the exact words, voices and pauses of the edition."""
import pytest

from pipeline import Article, Quote, Section, script
from pipeline.stages.script import (
    MAX_UTTERANCE_WORDS, PAUSE_BREATH, PAUSE_CHAPTER, PAUSE_HEADLINE, PAUSE_PARAGRAPH, PAUSE_QUOTE, PAUSE_SENTENCE,
    spoken_date,
)
from pipeline.text.lexicon import load_lexicon


@pytest.fixture(scope="module")
def seed_script(seed_article):
    return script(seed_article, load_lexicon(None))


def test_seed_chapters_in_listening_order(seed_script):
    assert [c.title for c in seed_script.chapters] == [
        "Headline", "Summary", "Story", "EU mission", "Quote: Vuk Jeremic", "Quote: Vladimir Putin",
    ]


def test_headline_chapter_discloses_the_synthetic_voice_source_date_and_length(seed_script):
    disclosure, headline = [u.text for u in seed_script.chapters[0].utterances]
    assert disclosure.startswith("This is a synthetic voice reading of an article from B B C News")
    assert "the fifteenth of February two thousand eight" in disclosure
    assert "It lasts about four minutes" in disclosure  # 3:38 heard
    assert headline == "Serbia urges U N action on Kosovo"


@pytest.mark.parametrize("authors, spoken", [
    (("Laura Winter",), "an article by Laura Winter from"),
    (("Laura Winter", "Ed Stone"), "an article by Laura Winter and Ed Stone from"),
    (("A Lee", "B Ray", "C Fox", "D Hale"), "an article by A Lee, B Ray, C Fox and others from"),
    (("BBC News",), "an article from BBC News,"),
    (("bbc news", "Laura Winter"), "an article by Laura Winter from BBC News,"),
])
def test_the_disclosure_names_the_authors(seed_article, authors, spoken):
    from dataclasses import replace

    disclosure = script(replace(seed_article, authors=authors)).chapters[0].utterances[0]
    assert spoken in disclosure.display


def test_each_quote_is_a_chapter_introduced_by_its_speaker_in_the_quote_voice(seed_script):
    chapters = seed_script.chapters[-2:]
    assert [[(u.display, u.voice) for u in c.utterances] for c in chapters] == [
        [("Vuk Jeremic said:", "narrator"), ("[Independence for Kosovo] would lead to an uncontrolled cascade of secession", "quote")],
        [("Vladimir Putin said:", "narrator"), ("a ready-made plan and we know what we are going to do", "quote")],
    ]
    # Editors' brackets are read as plain words, and the lexicon says the name right.
    assert chapters[0].utterances[1].text == "Independence for Kosovo would lead to an uncontrolled cascade of secession"
    assert chapters[0].utterances[0].text == "Vuk Yeremitch said:"


def test_quotations_in_the_body_are_voiced_apart_with_pauses_around(seed_script):
    story = seed_script.chapters[2].utterances
    i = next(i for i, u in enumerate(story) if u.voice == "quote")
    before, quote = story[i - 1], story[i]
    assert before.display.endswith("leading to")
    assert quote.display.startswith('"an uncontrolled cascade') and quote.continues
    assert before.pause_ms == PAUSE_QUOTE
    # A two-word scare quote stays in the narrator's voice.
    assert any('"special case"' in u.display and u.voice == "narrator" for u in story)


def test_a_quote_nobody_is_named_for_says_so():
    article = Article(headline="H", summary="S.", sections=(Section(None, ("P.",)),), quotes=(Quote("We are ready.", None),))
    chapter = script(article).chapters[-1]
    assert chapter.title == "Quote: speaker unknown"
    assert chapter.utterances[0].text == "Speaker unknown:"


def test_pauses_mark_the_structure(seed_script):
    chapters = seed_script.chapters
    assert PAUSE_BREATH < PAUSE_QUOTE < PAUSE_SENTENCE < PAUSE_PARAGRAPH < PAUSE_CHAPTER < PAUSE_HEADLINE
    assert chapters[0].utterances[-1].pause_ms == PAUSE_HEADLINE
    for chapter in chapters[1:]:
        assert chapter.utterances[-1].pause_ms == PAUSE_CHAPTER


def test_long_sentences_are_split_at_clauses():
    long = (
        "The council said on Monday that the new bridge across the river would be built next year, "
        "and that the work would close the main road for at least six months, while the old bridge "
        "would stay open to pedestrians and cyclists until the new one was finished in the spring."
    )
    utterances = script(Article(headline="H", summary=None, sections=(Section(None, (long,)),))).chapters[1].utterances
    assert len(utterances) > 1
    assert all(len(u.text.split()) <= MAX_UTTERANCE_WORDS for u in utterances)
    assert utterances[0].pause_ms == PAUSE_BREATH and all(u.continues for u in utterances[1:])
    assert " ".join(u.display for u in utterances) == long


def test_every_sentence_of_the_body_is_spoken_once(seed_script, seed_article):
    written = " ".join(u.display for c in seed_script.chapters for u in c.utterances)
    for section in seed_article.sections:
        for paragraph in section.paragraphs:
            for word in paragraph.split():
                assert word.strip('"') in written


def test_other_languages_are_named_and_get_an_english_disclosure():
    article = Article(headline="Mercado reabre", summary="O mercado reabriu hoje.", sections=(Section(None, ("Texto.",)),),
                      language="pt", published="2020-03-12")
    first = script(article).chapters[0].utterances
    assert first[0].language == "en" and "published Thursday" in first[0].text
    assert first[1].text == "Português"


def test_spoken_date():
    assert spoken_date("2019-06-03") == "Monday, 3 June 2019"
    assert spoken_date("2019-06-03T14:05:00+01:00") == "Monday, 3 June 2019, 14:05 GMT+1"
    assert spoken_date("not a date") is None


def test_quotes_are_introduced_in_the_articles_language_or_else_in_english():
    def intro(language):
        article = Article(headline="Título", summary=None, sections=(Section(None, ("Un párrafo con texto.",)),), language=language,
                          quotes=(Quote("Vamos a ganar.", "Carlos Pérez"),))
        first = script(article).chapters[-1].utterances[0]
        return first.display, first.language

    assert intro("es") == ("Carlos Pérez dijo:", None)
    assert intro("pl") == ("Carlos Pérez said:", "en")


def test_a_clock_time_is_not_split_at_its_colon():
    long = ("The league decided on Monday, after talks with both of the clubs, to move the teams' rematch in Pittsburgh "
            "from a 4:25 kickoff to a 1 p.m. start, the latest of the changes to a schedule that has already moved "
            "two other games this autumn.")
    utterances = script(Article(headline="H", summary=None, sections=(Section(None, (long,)),))).chapters[1].utterances
    assert any("from a 4:25 kickoff" in u.display for u in utterances)  # the only colon, yet no break
