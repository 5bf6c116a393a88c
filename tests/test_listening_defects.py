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
