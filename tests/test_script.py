"""script: the exact words and pauses of the edition."""
from pipeline import Article, Quote, Section, script
from pipeline.stages.script import (
    PAUSE_CHAPTER, PAUSE_HEADLINE, PAUSE_PARAGRAPH, PAUSE_SENTENCE, speakable, spoken_date,
)


def test_seed_chapters_in_listening_order(seed_article):
    s = script(seed_article)
    assert [c.title for c in s.chapters] == [
        "Headline", "Summary", "Story", "EU mission", "Quote: Vuk Jeremic", "Quote: Vladimir Putin",
    ]
    assert [u.text for u in s.chapters[0].utterances] == [
        "BBC News", "Friday, 15 February 2008, 00:27 GMT", "Serbia urges UN action on Kosovo",
    ]
    story = [u.text for u in s.chapters[2].utterances]
    assert story[0].startswith("Vuk Jeremic said Serbia")
    assert s.chapters[3].utterances[0].text == "EU mission"  # the crosshead is read out


def test_each_quote_is_a_chapter_introduced_by_its_speaker_with_brackets_read_as_words(seed_article):
    chapters = script(seed_article).chapters[-2:]
    assert [[u.text for u in c.utterances] for c in chapters] == [
        ["Vuk Jeremic said:", "Independence for Kosovo would lead to an uncontrolled cascade of secession"],
        ["Vladimir Putin said:", "a ready-made plan and we know what we are going to do"],
    ]


def test_a_quote_nobody_is_named_for_says_so():
    article = Article(headline="H", summary="S.", sections=(Section(None, ("P.",)),), quotes=(Quote("We are ready.", None),))
    chapter = script(article).chapters[-1]
    assert chapter.title == "Quote: speaker unknown"
    assert chapter.utterances[0].text == "Speaker unknown:"


def test_pauses_mark_the_structure(seed_article):
    chapters = script(seed_article).chapters
    assert PAUSE_SENTENCE < PAUSE_PARAGRAPH < PAUSE_CHAPTER < PAUSE_HEADLINE
    headline = chapters[0].utterances[-1]
    assert headline.pause_ms == PAUSE_HEADLINE
    for chapter in chapters[1:]:
        assert chapter.utterances[-1].pause_ms == PAUSE_CHAPTER
        assert all(u.pause_ms in (PAUSE_SENTENCE, PAUSE_PARAGRAPH) for u in chapter.utterances[:-1])


def test_every_sentence_of_the_body_is_spoken_once(seed_article):
    spoken = " ".join(u.text for c in script(seed_article).chapters for u in c.utterances)
    for section in seed_article.sections:
        for paragraph in section.paragraphs:
            assert spoken.count(paragraph) == 1


def test_helpers():
    assert speakable("[He] said  it\nagain") == "He said it again"
    assert spoken_date("2019-06-03") == "Monday, 3 June 2019"
    assert spoken_date("2019-06-03T14:05:00+01:00") == "Monday, 3 June 2019, 14:05 GMT+1"
    assert spoken_date("not a date") is None
