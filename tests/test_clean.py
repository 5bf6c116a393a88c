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


ARTICLE = [
    "Council approves new cycle lanes for the town centre",
    "",
    "The town council has approved plans for three new cycle lanes through the centre, after a consultation that drew more than two thousand replies from residents.",
    "",
    "Work on the first lane, along the high street, is due to begin in the spring and should take about four months, the council's transport officer said on Tuesday.",
    "",
    "Shop owners had worried that losing parking spaces would keep customers away, but the final plan keeps most of the spaces on the side streets nearby.",
    "",
    "The second and third lanes will link the railway station with the two secondary schools, and are expected to open before the next school year begins.",
    "",
    "Cyclists' groups welcomed the decision but asked for the lanes to be separated from traffic by kerbs rather than painted lines.",
    "",
    "The council said it would look again at the design of the busiest junctions once the first lane has been open for six months.",
    "",
    "Funding comes from a regional transport grant, which the council says covers the whole cost of the work without any increase in local taxes.",
    "",
]


def page_copy(tmp_path, lines):
    path = tmp_path / "page.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return clean(load(path))


def test_readers_comments_after_the_article_are_not_read(tmp_path):
    comments = ["[ 48 comments ]", "Top Rated Comments", ""]
    for n in range(6):
        comments += [f"reader{n}", "2 days ago at 07:52 am",
                     "I have cycled through this town for years and honestly think these lanes are long overdue, though the timing of the work could be better.",
                     "", f"Rating: {n + 3} Votes", ""]
    doc = page_copy(tmp_path, ARTICLE + comments)
    spoken = " ".join(kinds(doc, "paragraph"))
    assert spoken.startswith("The town council has approved") and spoken.endswith("local taxes.")
    assert "cycled through this town" not in spoken


def test_prose_far_below_the_article_is_not_joined_to_it(tmp_path):
    furniture = [f"Section {n}" for n in range(30)]
    policy = ["We care about your privacy and use cookies and similar technologies to run this site, to measure how it is used and to show you relevant offers.",
              ""] * 6
    doc = page_copy(tmp_path, ARTICLE + furniture + policy)
    spoken = " ".join(kinds(doc, "paragraph"))
    assert spoken.endswith("local taxes.") and "privacy" not in spoken


def test_lists_and_short_paragraphs_inside_the_article_are_read(tmp_path):
    lines = ARTICLE[:6] + [
        "Residents asked for three things:",
        "",
        "Wider pavements outside the primary school",
        "A crossing at the end of Mill Lane",
        "Lower speed limits on the ring road",
        "",
        "The council agreed to all three.",
        "",
    ] + ARTICLE[6:]
    paragraphs = kinds(page_copy(tmp_path, lines), "paragraph")
    at = paragraphs.index("Residents asked for three things:")
    assert paragraphs[at + 1 : at + 5] == [
        "Wider pavements outside the primary school", "A crossing at the end of Mill Lane",
        "Lower speed limits on the ring road", "The council agreed to all three.",
    ]
    assert paragraphs[-1].endswith("local taxes.")


def test_a_long_picture_caption_in_the_article_is_a_caption(tmp_path):
    caption = ("Cyclists ride along the high street during a trial closure of the road to traffic last summer, "
               "when the council first tested the idea. (Photo by Jane Smith/Getty Images)")
    doc = page_copy(tmp_path, ARTICLE[:4] + [caption, ""] + ARTICLE[4:])
    assert caption in kinds(doc, "caption")
    assert caption not in kinds(doc, "paragraph")


def test_the_sites_appeals_after_the_article_are_not_read(tmp_path):
    appeals = [
        "Get breaking local news delivered to your inbox every morning: subscribe to our free newsletter today and never miss a story.",
        "",
        "© 2019 Valley Gazette. All rights reserved. This material may not be published, broadcast or redistributed.",
        "",
    ]
    paragraphs = kinds(page_copy(tmp_path, ARTICLE + appeals), "paragraph")
    assert paragraphs[-1].endswith("local taxes.")


def test_headline_site_name_and_publisher_from_a_busy_page_copy(tmp_path):
    top = ["Skip to content", "News", "Breaking News", "Sport", "Weather", "",
           "Town centre to get three cycle lanes after consultation", "",
           "Share", "Tweet", "Email", "Print", "By Maria Lopez", "3 June 2019", "",
           "Advertisement", ""]
    bottom = ["", "About us", "Contact", "© 2019 Valley Gazette Media LLC. All rights reserved."]
    doc = page_copy(tmp_path, top + ARTICLE[2:] + bottom)
    assert doc.meta.headline == "Town centre to get three cycle lanes after consultation"
    assert doc.meta.source == "Valley Gazette"  # the brand, without the company's corporate word
    assert doc.meta.authors == ("Maria Lopez",)


def test_a_headline_above_a_long_share_panel_is_found(tmp_path):
    panel = []
    for site in ("Email", "Facebook", "Messenger", "Twitter", "Pinterest", "WhatsApp", "LinkedIn", "Reddit", "Telegram", "Flipboard", "Pocket"):
        panel += [site, f"Share this with {site}"]
    lines = ["Council approves three new cycle lanes for the town centre", "", "Media captionWhat the new lanes will look like", ""]
    doc = page_copy(tmp_path, lines + panel + [""] + ARTICLE[2:])
    assert doc.meta.headline == "Council approves three new cycle lanes for the town centre"
