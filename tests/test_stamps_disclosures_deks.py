"""Page furniture that was read as story: time stamps, sponsorship notices, a headline and dek set as headings."""
import pytest

from pipeline import clean, load, segment
from pipeline.model import Block, Document, Metadata, Section
from pipeline.text.notices import is_comment_policy, is_disclosure, is_embed_credit, is_time_stamp

STORY = [
    "The city council voted 7-2 on Tuesday to approve a network of protected bike lanes across the downtown core.",
    "Supporters packed the chamber for the vote, and several business owners spoke in favour of the plan.",
    "Construction is expected to begin in the spring and finish before the end of next year, the city said.",
]
HEADLINE = "City council approves new bike lanes downtown"


def article(tmp_path, body, head=""):
    path = tmp_path / "page.html"
    path.write_text(
        f"<html><head><meta charset='utf-8'><title>{HEADLINE}</title>{head}</head><body><article>"
        f"<h1>{HEADLINE}</h1>{body}</article></body></html>"
    )
    return segment(clean(load(path)))


def copy(tmp_path, lines):
    path = tmp_path / "page.txt"
    path.write_text("\n\n".join(["Home  News  Local  Sign in", HEADLINE, *lines, "Share this article", "Copyright 2019 The Gazette"]) + "\n")
    return segment(clean(load(path)))


def paragraphs(text):
    return "".join(f"<p>{p}</p>" for p in text)


@pytest.mark.parametrize("stamp", ["Updated at 1:23 p.m.", "Last updated Nov. 19, 2019, 9:05 AM ET", "Published 2 hours ago"])
def test_a_paragraph_that_is_only_a_time_stamp_is_not_read(tmp_path, stamp):
    a = article(tmp_path, paragraphs(STORY + [stamp]))
    assert a.text.split("\n\n") == STORY


@pytest.mark.parametrize("line", [
    "Updated with comment from the mayor at 3 p.m.",
    "Published in the journal Nature on Monday, the study found 12 cases.",
    "Posted on May 5, 2019 by admin",
    "Updated",
])
def test_a_line_that_says_more_than_when_is_not_a_time_stamp(line):
    assert not is_time_stamp(line)


DISCLOSURE = ("This shop has been compensated by #CollectiveBias, Inc. and its advertisers. "
              "All opinions are mine alone. #TacoNight #CollectiveBias")


@pytest.mark.parametrize("notice", [
    DISCLOSURE,
    "This post contains affiliate links. As an Amazon Associate I earn from qualifying purchases.",
    "Sponsored by Acme Kitchens",
    "We may earn a commission when you buy through links on our site.",
])
def test_a_sponsorship_notice_is_neither_read_nor_the_summary(tmp_path, notice):
    a = article(tmp_path, "<p class='byline'>By Dana Cook</p>" + paragraphs([f"<em>{notice}</em>"] + STORY))
    assert a.summary == STORY[0]
    assert a.text.split("\n\n") == STORY


def test_a_page_copy_does_not_keep_a_sponsorship_notice_or_a_time_stamp(tmp_path):
    a = copy(tmp_path, ["By Dana Cook", DISCLOSURE, *STORY, "Updated at 1:23 p.m."])
    assert (a.summary, a.text.split("\n\n")) == (STORY[0], STORY)
    assert not any("compensated" in c for c in a.captions)


@pytest.mark.parametrize("sentence", [
    "The FTC says influencers must tag paid posts with #ad, and most do not.",
    "The race, sponsored by the city, drew 4,000 runners.",
    "The video was sponsored by the ministry, officials said in a statement on Friday.",
    "Victims have been compensated by the state.",
    '"We were compensated fairly," she said.',
])
def test_news_about_sponsorship_is_not_a_notice(sentence):
    assert not is_disclosure(sentence)


DEK = "One member of the council didn't hold back on Monday when asked about the vote on bike lanes"


def test_a_dek_under_a_repeated_headline_is_the_summary_not_a_crosshead(tmp_path):
    head = f"<meta name='description' content=\"{DEK}\">"
    a = article(tmp_path, f"<h2 class='article-subline'>{DEK}</h2>" + paragraphs(STORY), head)
    assert (a.headline, a.summary) == (HEADLINE, DEK)
    assert [s.title for s in a.sections] == [None]
    assert a.text.split("\n\n") == [DEK] + STORY


def test_a_headline_set_again_as_a_heading_is_read_once(tmp_path):
    body = f"<div class='title'><h2>{HEADLINE}</h2></div>" + paragraphs(STORY) + "<h2>What comes next</h2>" + paragraphs(STORY[:1])
    a = article(tmp_path, body)
    assert a.headline == HEADLINE
    assert [s.title for s in a.sections] == [None, "What comes next"]


def test_a_dek_of_a_sentences_length_is_the_summary_without_a_stated_description(tmp_path):
    a = article(tmp_path, f"<h2>{DEK}</h2>" + paragraphs(STORY))
    assert a.summary == DEK


def test_a_short_heading_under_the_headline_stays_a_crosshead(tmp_path):
    a = article(tmp_path, "<h2>The vote</h2>" + paragraphs(STORY) + "<h2>What comes next</h2>" + paragraphs(STORY[:1]))
    assert a.summary == STORY[0]
    assert [s.title for s in a.sections] == ["The vote", "What comes next"]


def test_segment_reads_a_heading_that_repeats_the_headline_once():
    doc = Document(
        blocks=(Block("headline", HEADLINE), Block("heading", HEADLINE.upper()), *(Block("paragraph", p) for p in STORY)),
        meta=Metadata(),
    )
    assert [s.title for s in segment(doc).sections] == [None]


def test_the_byline_set_as_the_first_paragraph_is_not_read(tmp_path):
    head = "<meta name='author' content='Ann Lee'>"
    byline = "By Ann Lee, a city hall reporter who has covered transport for a decade and writes the Commute newsletter."
    a = article(tmp_path, paragraphs([byline] + STORY), head)
    assert a.authors == ("Ann Lee",) and a.text.split("\n\n") == STORY


def test_a_first_paragraph_opening_with_by_is_read_when_it_names_no_author(tmp_path):
    head = "<meta name='author' content='Ann Lee'>"
    opening = "By Christmas Eve, the city hopes, the first of the new lanes will be open to riders across the downtown core."
    assert article(tmp_path, paragraphs([opening] + STORY), head).text.split("\n\n") == [opening] + STORY


def test_a_paragraph_without_a_word_is_not_read(tmp_path):
    assert article(tmp_path, paragraphs(STORY[:1] + ["0"] + STORY[1:])).text.split("\n\n") == STORY


TWEET_CREDITS = ["— The Nigerian Senate (@NGRSenate) October 9, 2018",
                 "A post shared by Jo Bloggs (@jobloggs) on Mar 3, 2019 at 5:01pm PST"]


def test_an_embedded_posts_credit_line_is_neither_the_text_nor_the_summary(tmp_path):
    # The credit first, where it would become the summary, and under the post's own words.
    body = (paragraphs([TWEET_CREDITS[1], STORY[0]]) + f"<blockquote><p>{STORY[1]}</p>{TWEET_CREDITS[0]}</blockquote>"
            + paragraphs(STORY[2:]))
    a = article(tmp_path, body)
    assert a.summary == STORY[0]
    assert a.text.split("\n\n") == STORY


@pytest.mark.parametrize("line", [
    "— Jo Bloggs (@jo) said the council had ignored the vote (@jo is her handle).",  # more than a credit
    "Ask the council (@citycouncil) what it plans for next year, and you will hear nothing at all about lanes.",
])
def test_a_sentence_naming_a_handle_is_no_embed_credit(line):
    assert not is_embed_credit(line)


def test_a_comments_heading_over_only_its_own_word_is_not_read(tmp_path):
    a = article(tmp_path, paragraphs(STORY) + "<h2>Comments</h2><p>comments</p>")
    assert [s.title for s in a.sections] == [None] and a.text.split("\n\n") == STORY


def test_a_page_copy_loses_an_embed_credit(tmp_path):
    a = copy(tmp_path, ["By Dana Cook", *STORY[:2], TWEET_CREDITS[0], STORY[2]])
    assert a.text.split("\n\n") == STORY and a.captions == ()  # the copy took it for a caption


def test_a_crosshead_over_a_real_section_stays():
    doc = Document(blocks=(Block("headline", HEADLINE), *(Block("paragraph", p) for p in STORY),
                           Block("heading", "Comments"), Block("paragraph", "Comments on the plan closed on Friday.")),
                   meta=Metadata())
    assert segment(doc).sections[-1] == Section("Comments", ("Comments on the plan closed on Friday.",))


@pytest.mark.parametrize("rule", [
    "You must be logged in to post a comment.",
    "Comments are moderated and may take a day to appear.",
    "Para poder comentar tenés que ingresar con tu usuario de La Gaceta.",
    "Los comentarios publicados son de exclusiva responsabilidad de sus autores.",
    "Pour commenter, connectez-vous à votre compte.",
])
def test_a_comment_sections_rules_are_not_read(tmp_path, rule):
    assert is_comment_policy(rule)
    assert article(tmp_path, paragraphs(STORY + [rule])).text.split("\n\n") == STORY


@pytest.mark.parametrize("sentence", [
    "The mayor declined to comment when reached by phone on Tuesday.",
    "Residents who signed in to the meeting were invited to comment on the plan.",
    "Para el intendente, los comentarios del concejo fueron injustos.",
])
def test_news_about_comments_is_no_comment_rule(sentence):
    assert not is_comment_policy(sentence)


@pytest.mark.parametrize("label", ["Opinion: Laurie Oakes", "Comment: Laurie Oakes", "Laurie Oakes"])
def test_a_columns_label_naming_its_author_is_no_crosshead(tmp_path, label):
    head = "<meta name='author' content='Laurie Oakes'>"
    a = article(tmp_path, f"<h2>{label}</h2>" + paragraphs(STORY), head)
    assert [s.title for s in a.sections] == [None] and a.authors == ("Laurie Oakes",)


def test_a_crosshead_naming_the_author_after_the_first_paragraph_stays(tmp_path):
    head = "<meta name='author' content='Laurie Oakes'>"
    a = article(tmp_path, paragraphs(STORY[:2]) + "<h2>What Laurie Oakes found</h2>" + paragraphs(STORY[2:]), head)
    assert [s.title for s in a.sections] == [None, "What Laurie Oakes found"]
