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


def _spoken_chapters(tmp_path, body_html):
    """The script of a small page, through the cleaner (which drops the embed's furniture) as a user's page goes."""
    from pipeline import clean, load, script, segment

    path = tmp_path / "page.html"
    path.write_text(f"<html><head><meta charset='utf-8'></head><body><article><h1>Senate adjourns</h1>{body_html}"
                    "</article></body></html>", encoding="utf-8")
    return script(segment(clean(load(path)))).chapters


SENATE = ("Senate resolves to observe a minute of silence for the victims of the floods in the north on Tuesday.",
          "The session then ended early, and senators left the chamber for the memorial service in the capital.")


def test_an_embedded_posts_credit_line_is_not_read(tmp_path):
    body = (f"<p>{SENATE[0]}</p><blockquote><p>We stand with the victims.</p>"
            "— The Nigerian Senate (@NGRSenate) October 9, 2018</blockquote>"
            "<p>A post shared by Jo Bloggs (@jobloggs) on Mar 3, 2019 at 5:01pm PST</p>"
            f"<p>{SENATE[1]}</p>")
    spoken = [u.display for c in _spoken_chapters(tmp_path, body)[1:] for u in c.utterances]
    assert "@" not in " ".join(spoken) and spoken[-1] == SENATE[1]


def test_a_section_that_says_nothing_but_its_title_is_no_chapter(tmp_path):
    body = "".join(f"<p>{p}</p>" for p in SENATE) + "<h2>Comments</h2><p>comments</p>"
    assert [c.title for c in _spoken_chapters(tmp_path, body)] == ["Headline", "Summary", "Story"]


def test_rt_hon_does_not_end_a_sentence():
    from pipeline.text.sentences import split_sentences

    assert split_sentences("He thanked the Rt. Hon. Jo Bloggs for it. Then he left.") == [
        "He thanked the Rt. Hon. Jo Bloggs for it.", "Then he left."]
