"""Defects heard in editions of real pages, each as a small fixture of our own."""
import pytest

from pipeline.stages.script import spoken_date
from pipeline.text.spoken import speech_text


@pytest.mark.parametrize("written, spoken", [
    # An embedded tweet's photo link and a short link say nothing to a listener.
    ("Masks help pic.twitter.com/s96jjh8AlD — Jo Bloggs (@jo) November 4, 2019",
     "Masks help, Jo Bloggs (at jo) November fourth twenty nineteen"),
    ("Read it here: https://t.co/MYwRz9euaq.", "Read it here:."),
    ("The photo (https://example.com/media/cat.JPG) went viral.", "The photo went viral."),
])
def test_picture_embed_and_short_links_are_not_read(written, spoken):
    assert speech_text(written) == spoken


@pytest.mark.parametrize("written, spoken", [
    ("More at nytimes.com/2019/11/04/world/story.html.", "More at nytimes dot com."),
    ("See www.bbc.co.uk/news/uk-123, then leave.", "See bbc dot co dot uk, then leave."),
])
def test_a_link_without_a_scheme_reads_its_host_not_its_path(written, spoken):
    assert speech_text(written) == spoken


def test_a_slash_outside_a_link_is_still_or():
    assert speech_text("yes/no") == "yes or no"


@pytest.mark.parametrize("iso, spoken", [
    ("2019-06-03T14:05:00-05:00", "two oh five p m G M T minus five"),
    ("2019-06-03T14:05:00+05:30", "two oh five p m G M T plus five thirty"),
    ("2019-06-03T14:05:00+00:00", "two oh five p m G M T"),
])
def test_a_utc_offset_in_the_disclosure_is_read_with_its_sign(iso, spoken):
    assert speech_text(f"published {spoken_date(iso)}.").endswith(f"June twenty nineteen, {spoken}.")


def test_a_middle_initial_is_part_of_the_name_not_an_and():
    from pipeline.text.byline import byline_names

    assert byline_names("By Sarah E. Needleman") == ("Sarah E. Needleman",)
    assert byline_names("Por Ana Pérez y Juan Gómez") == ("Ana Pérez", "Juan Gómez")  # lower-case "y" still joins


@pytest.mark.parametrize("written, spoken", [
    ("It hit 100 km/h, then 30km/h.", "It hit one hundred kilometres per hour, then thirty kilometres per hour."),
    ("Speeds in km/h", "Speeds in kilometres per hour"),
    ("It pays $15/hour.", "It pays fifteen dollars per hour."),
    ("The U.S./Mexico border", "The U S or Mexico border"),
    ("open 24/7", "open twenty four/seven"),  # numbers either side: eSpeak reads the slash
])
def test_a_slash_in_a_rate_is_per_and_between_words_or(written, spoken):
    assert speech_text(written) == spoken


def test_a_slash_in_another_language_is_left_to_its_voice():
    assert speech_text("sim/não", "pt") == "sim/não"


def test_a_hashtag_is_read_word_by_word_even_glued_to_a_full_stop():
    assert speech_text("until the next day.#TodayInSenatePlenary") == "until the next day. hashtag Today In Senate Plenary"


def _spoken_body(article):
    from pipeline import script

    return [u.display for c in script(article).chapters[1:] for u in c.utterances]


def test_an_embedded_posts_credit_line_is_not_read():
    from pipeline import Article, Section

    body = ("Senate resolves to: observe a minute of silence.",
            "— The Nigerian Senate (@NGRSenate) October 9, 2018",
            "A post shared by Jo Bloggs (@jobloggs) on Mar 3, 2019 at 5:01pm PST",
            "The session then ended.")
    spoken = _spoken_body(Article("Senate adjourns", None, (Section(None, body),)))
    assert spoken == ["Senate resolves to: observe a minute of silence.", "The session then ended."]


def test_a_section_that_says_nothing_but_its_title_is_no_chapter():
    from pipeline import Article, Section, script

    article = Article("Senate adjourns", None, (Section(None, ("The session ended early.",)),
                                                Section("Comments", ("comments",))))
    assert [c.title for c in script(article).chapters] == ["Headline", "Story"]


def test_rt_hon_does_not_end_a_sentence():
    from pipeline.text.sentences import split_sentences

    assert split_sentences("He thanked the Rt. Hon. Jo Bloggs for it. Then he left.") == [
        "He thanked the Rt. Hon. Jo Bloggs for it.", "Then he left."]
