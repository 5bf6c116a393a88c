"""segment: the Article a listener hears, and its public JSON."""
import json

import pytest
from conftest import FIXTURES

from pipeline import Article, Block, Document, ExtractionError, Metadata, clean, load, segment


def test_seed_article(seed_article):
    a = seed_article
    assert a.headline == "Serbia urges UN action on Kosovo"
    assert a.source == "BBC News"
    assert a.published == "2008-02-15T00:27:00+00:00"
    assert a.summary == (
        "Serbia's foreign minister has urged the United Nations Security Council to oppose the province "
        "of Kosovo's expected declaration of independence."
    )
    assert [s.title for s in a.sections] == [None, "EU mission"]
    assert [len(s.paragraphs) for s in a.sections] == [11, 5]
    assert a.sections[0].paragraphs[0].startswith("Vuk Jeremic said Serbia would not use force")
    assert a.sections[1].paragraphs[-1].endswith("Norway and Switzerland.")
    assert a.captions == (
        "A girl runs past graffiti reading Free Kosovo in the town of Mitrovica, Kosovo",
        "The US and many EU countries plan to recognise Kosovo's independence",
    )


def test_seed_quotes(seed_article):
    quotes = [(q.text, q.speaker) for q in seed_article.quotes]
    assert quotes == [
        ("[Independence for Kosovo] would lead to an uncontrolled cascade of secession", "Vuk Jeremic"),
        ("a ready-made plan and we know what we are going to do", "Vladimir Putin"),
    ]
    assert seed_article.quotes[0].kind == "pull"
    # The pull quote is set apart: it is not part of the running text.
    assert "cascade of secession\n" not in seed_article.text
    assert "Independence for Kosovo]" not in seed_article.text


def test_text_is_the_running_text_in_page_order(seed_article):
    text = seed_article.text
    assert text.startswith("Serbia's foreign minister has urged")
    assert "\n\nEU mission\n\n" in text
    assert text.endswith("Norway and Switzerland.")
    assert "Serbia urges UN action" not in text  # no headline
    assert "A girl runs past graffiti" not in text  # no captions


def test_article_json_is_a_stable_public_interface(seed_article):
    data = json.loads(json.dumps(seed_article.to_dict()))
    for key in ("headline", "summary", "source", "published", "language", "sections", "captions", "quotes", "text"):
        assert key in data
    assert data["sections"][1] == {"title": "EU mission", "paragraphs": list(seed_article.sections[1].paragraphs)}
    assert set(data["quotes"][0]) >= {"text", "speaker"}
    assert Article.from_dict(data) == seed_article


def test_html_article_uses_the_standfirst_as_summary():
    a = segment(clean(load(FIXTURES / "harbour.html")))
    assert a.summary.startswith("The town council has approved")
    assert [s.title for s in a.sections] == [None, "Funding questions"]
    assert [(q.speaker, q.kind) for q in a.quotes] == [("Tom Pascoe", "pull")]


def test_page_without_an_article_is_refused():
    doc = Document(blocks=(Block("headline", "Home"), Block("paragraph", "Sign in to continue.")), meta=Metadata())
    with pytest.raises(ExtractionError, match="no article"):
        segment(doc)


def test_consecutive_crossheads_are_joined():
    para = "A sentence long enough to count as article prose for this test, ending properly."
    doc = Document(
        blocks=tuple([Block("headline", "H")] + [Block("paragraph", para)] * 2 + [Block("heading", "Part two"), Block("heading", "Details"), Block("paragraph", para)]),
        meta=Metadata(),
    )
    assert [s.title for s in segment(doc).sections] == [None, "Part two: Details"]


def test_a_headline_and_one_short_paragraph_is_a_brief_and_is_read():
    brief = "The city council approved the budget on Monday by a vote of nine to two."
    doc = Document(blocks=(Block("headline", "Council passes budget"), Block("paragraph", brief)), meta=Metadata())
    article = segment(doc)
    assert (article.headline, article.text) == ("Council passes budget", brief)


@pytest.mark.parametrize("paragraph", ["Subscribe to continue reading this story today.", "Latest news and videos"])
def test_a_headline_over_a_paywall_line_or_a_label_is_not_a_brief(paragraph):
    doc = Document(blocks=(Block("headline", "Council passes budget"), Block("paragraph", paragraph)), meta=Metadata())
    with pytest.raises(ExtractionError):
        segment(doc)
