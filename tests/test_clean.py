"""clean: the article's blocks and metadata, from page copies and from HTML."""
from conftest import FIXTURES, SEED

from pipeline import clean, load
from pipeline.model import BLOCK_KINDS


def kinds(document, kind):
    return [b.text for b in document.blocks if b.kind == kind]


def test_seed_page_copy_keeps_the_article_and_drops_the_rest():
    doc = clean(load(SEED))
    assert kinds(doc, "headline") == ["Serbia urges UN action on Kosovo"]
    paragraphs = kinds(doc, "paragraph")
    assert paragraphs[0].startswith("Serbia's foreign minister has urged")
    assert paragraphs[1].startswith("Vuk Jeremic said Serbia would not use force")
    assert paragraphs[-1].endswith("Norway and Switzerland.")
    assert len(paragraphs) == 17
    assert kinds(doc, "heading") == ["EU mission"]
    assert kinds(doc, "caption") == [
        "A girl runs past graffiti reading Free Kosovo in the town of Mitrovica, Kosovo",
        "The US and many EU countries plan to recognise Kosovo's independence",
    ]
    [pull] = [b for b in doc.blocks if b.kind == "pullquote"]
    assert pull.speaker == "Vuk Jeremic"
    spoken = " ".join(b.text for b in doc.blocks)
    for boilerplate in ("BBC Home", "Explore the BBC", "Launch console", "Languages", "VIDEO AND AUDIO NEWS",
                        "Serbs on the declaration", "RELATED INTERNET LINKS", "not responsible", "FEATURES, VIEWS",
                        "housing bubble", "clove tree", "Polunin", "PRODUCTS & SERVICES", "Middle East", "map"):
        assert boilerplate not in spoken


def test_seed_metadata_from_the_text_alone():
    meta = clean(load(SEED)).meta
    assert meta.source == "BBC News"
    assert meta.published == "2008-02-15T00:27:00+00:00"
    assert meta.language == "en"


def test_page_copy_with_byline_crosshead_and_sidebar():
    doc = clean(load(FIXTURES / "orchard.txt"))
    assert doc.meta.headline == "Village orchard saved by community buy-out"
    assert doc.meta.authors == ("Maria Lopez",)
    assert doc.meta.published == "2019-06-03T14:05:00+01:00"
    assert doc.meta.source == "Valley Gazette"
    assert kinds(doc, "caption") == ["Volunteers picking apples in the orchard last autumn"]
    assert kinds(doc, "heading") == ["Next steps"]
    assert len(kinds(doc, "paragraph")) == 6
    spoken = " ".join(b.text for b in doc.blocks)
    assert "Most read" not in spoken and "lorry" not in spoken and "Skip to content" not in spoken


def test_html_page():
    doc = clean(load(FIXTURES / "harbour.html"))
    meta = doc.meta
    assert meta.headline == "Harbour wall to be rebuilt after storm"
    assert meta.source == "The Coastal Courier"
    assert meta.published == "2021-03-08T09:30:00+00:00"
    assert meta.authors == ("Ann Fisher",)
    assert meta.url == "https://courier.example/news/harbour-wall"
    assert kinds(doc, "standfirst")[0].startswith("The town council has approved")
    assert kinds(doc, "caption") == ["The collapsed section of the wall seen from the beach"]
    assert kinds(doc, "heading") == ["Funding questions"]
    assert kinds(doc, "pullquote") == ["The boats cannot wait another winter"]
    assert len(kinds(doc, "paragraph")) == 5
    spoken = " ".join(b.text for b in doc.blocks)
    for boilerplate in ("Home", "cookies", "Share on", "hidden", "Related stories", "Lifeboat", "Copyright"):
        assert boilerplate not in spoken


def test_every_block_has_a_documented_kind():
    for page in (SEED, FIXTURES / "orchard.txt", FIXTURES / "harbour.html", FIXTURES / "mercado.txt"):
        assert {b.kind for b in clean(load(page)).blocks} <= set(BLOCK_KINDS)
