"""One small page per cleaning rule and metadata source, HTML and page copies."""
import pytest

from pipeline import ExtractionError, clean, load, segment

PROSE = [
    "The regional council voted on Tuesday to extend the tram line to the northern suburbs by 2025.",
    "Supporters said the extension would cut journey times and reduce traffic on the main roads.",
    "Opponents argued that the money would be better spent on buses, which already serve the area.",
    "The final cost will depend on the outcome of a public consultation that opens next month.",
]


def page(body: str, head: str = "", tmp_path=None) -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def html_doc(tmp_path, body, head=""):
    path = tmp_path / "page.html"
    path.write_text(page(body, head), encoding="utf-8")
    return clean(load(path))


def paragraphs(doc):
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def article_html(extra_before="", extra_after="", inside=""):
    ps = "".join(f"<p>{p}</p>" for p in PROSE)
    return f"{extra_before}<article><h1>Tram line to be extended</h1>{ps}{inside}</article>{extra_after}"


@pytest.mark.parametrize(
    "furniture",
    [
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>",
        "<div class='cookie-consent'><p>We use cookies to make this site work better for everyone.</p></div>",
        "<div class='share-bar'><a>Share this story on Facebook</a></div>",
        "<aside><h3>Related</h3><p>Bus fares to rise again next year, the operator has warned today.</p></aside>",
        "<div class='comments'><p>What a waste of money this is, I will never ride the tram again.</p></div>",
        "<div style='display:none'><p>Hidden text that no reader of the page ever sees at all.</p></div>",
        "<div class='advert'><p>Buy the new phone today and save a lot of money with our offer.</p></div>",
        "<footer><p>All rights reserved. Contact us for reprints of any story on this site.</p></footer>",
        "<script>var text = 'script text that is not article text at all';</script>",
    ],
)
def test_furniture_is_dropped(tmp_path, furniture):
    doc = html_doc(tmp_path, article_html(extra_before=furniture, extra_after=furniture))
    assert paragraphs(doc) == PROSE


def test_headline_is_the_h1_not_the_title_with_site_suffix(tmp_path):
    doc = html_doc(tmp_path, article_html(), head="<title>Tram line to be extended | City Post</title>")
    assert [b.text for b in doc.blocks if b.kind == "headline"] == ["Tram line to be extended"]
    assert "Tram line to be extended" not in paragraphs(doc)


def test_drop_caps_and_soft_hyphens_are_joined(tmp_path):
    body = article_html(inside="<p><span class='dropcap'>W</span>ork will start in the sum\u00admer, the council con\u00adfirmed on Tuesday.</p>")
    assert paragraphs(html_doc(tmp_path, body))[-1] == "Work will start in the summer, the council confirmed on Tuesday."


def test_crossheads_captions_quotes_and_tables(tmp_path):
    inside = (
        "<figure><img src='a.jpg'><figcaption>A tram at the city terminus</figcaption></figure>"
        "<h2>Costs</h2><p>The line will cost about forty million pounds, paid for by the regional government.</p>"
        "<p><strong>Timetable</strong></p><p>Construction will take two years, with the first trams running in the spring.</p>"
        "<blockquote class='pull-quote'>This is the best news the north has had</blockquote>"
        "<table><tr><th>Stop</th><th>Minutes</th></tr><tr><td>Centre</td><td>0</td></tr><tr><td>North</td><td>12</td></tr></table>"
    )
    doc = html_doc(tmp_path, article_html(inside=inside))
    kinds = {b.kind: [] for b in doc.blocks}
    for b in doc.blocks:
        kinds[b.kind].append(b.text)
    assert kinds["caption"] == ["A tram at the city terminus"]
    assert kinds["heading"] == ["Costs", "Timetable"]
    assert kinds["pullquote"] == ["This is the best news the north has had"]
    assert kinds["table"] == ["Stop, Minutes\nCentre, 0\nNorth, 12"]


def test_layout_tables_are_containers_not_data(tmp_path):
    ps = "".join(f"<p>{p}</p>" for p in PROSE)
    body = f"<table><tr><td><a href='/'>Home</a></td><td><h1>Tram line to be extended</h1>{ps}</td></tr></table>"
    assert paragraphs(html_doc(tmp_path, body)) == PROSE


@pytest.mark.parametrize(
    "head, field, value",
    [
        ('<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},'
         '{"@type":"NewsArticle","headline":"Tram line","datePublished":"2020-05-01T08:00:00+01:00",'
         '"author":{"@type":"Person","name":"Jo Bloggs"},"publisher":{"@type":"Organization","name":"City Post"}}]}</script>',
         None, {"published": "2020-05-01T08:00:00+01:00", "authors": ("Jo Bloggs",), "source": "City Post"}),
        ('<meta property="og:site_name" content="City Post | News, Sport"><meta property="article:published_time" content="2020-05-02">'
         '<meta name="author" content="Ann Lee"><link rel="canonical" href="https://post.example/tram">',
         None, {"source": "City Post", "published": "2020-05-02", "authors": ("Ann Lee",), "url": "https://post.example/tram"}),
        ("", "<time datetime='2020-05-03T10:15:00Z'>3 May</time>", {"published": "2020-05-03T10:15:00+00:00"}),
    ],
)
def test_metadata_sources(tmp_path, head, field, value):
    doc = html_doc(tmp_path, article_html(extra_before=field or ""), head=head)
    for key, expected in value.items():
        assert getattr(doc.meta, key) == expected


def test_declared_language_wins(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(page(article_html()).replace("lang='en'", "lang='pt-BR'"), encoding="utf-8")
    assert clean(load(path)).meta.language == "pt"


def test_section_front_is_refused(tmp_path):
    teasers = "".join(f"<h2><a href='/{i}'>Story number {i} of the day</a></h2><p>A short blurb.</p>" for i in range(12))
    path = tmp_path / "front.html"
    path.write_text(page(teasers + f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>", head='<meta property="og:type" content="website">'))
    with pytest.raises(ExtractionError, match="not an article"):
        segment(clean(load(path)))


def test_paywall_teaser_is_read_with_a_note(tmp_path):
    body = article_html(extra_after="<div><p>Subscribe now to continue reading.</p></div>")
    path = tmp_path / "teaser.html"
    path.write_text(page(body))
    article = segment(clean(load(path)))
    assert article.notes == ("Only the opening of this article is available without a subscription.",)


def test_paywall_without_visible_text_is_refused(tmp_path):
    path = tmp_path / "wall.txt"
    path.write_text("Tram line to be extended\n\nTo read the full story, subscribe.\n\nSubscribe\nSign in\n")
    with pytest.raises(ExtractionError, match="paywall"):
        segment(clean(load(path)))


# Page copies.

def copy_doc(tmp_path, text):
    path = tmp_path / "copy.txt"
    path.write_text(text)
    return clean(load(path))


def test_copy_teaser_cards_are_not_article(tmp_path):
    teasers = "\n".join(
        f"Story {i} Headline Here{'A' if i % 2 else 'The'} council has said something that is long enough to count as prose today."
        for i in range(6)
    )
    text = "Menu\nHome\n\nTram line to be extended\n\n" + "\n\n".join(PROSE) + "\n\nMore news\n" + teasers + "\n"
    assert paragraphs(copy_doc(tmp_path, text)) == PROSE


def test_copy_comments_after_the_article_are_not_article(tmp_path):
    comments = "\n\n".join(f"user{i}\n2 days ago\nI completely disagree with the council about this tram, it is a waste." for i in range(3))
    text = "Tram line to be extended\n\n" + "\n\n".join(PROSE) + "\n\n12 Comments\n\n" + comments + "\n"
    assert paragraphs(copy_doc(tmp_path, text)) == PROSE


def test_copy_tables_from_tab_separated_rows(tmp_path):
    table = "Stop\tMinutes\tZone\nCentre\t0\tA\nPark\t6\tA\nNorth\t12\tB\n"
    text = "Tram line to be extended\n\n" + "\n\n".join(PROSE[:2]) + "\n\n" + table + "\n" + "\n\n".join(PROSE[2:]) + "\n"
    doc = copy_doc(tmp_path, text)
    assert [b.text for b in doc.blocks if b.kind == "table"] == ["Stop, Minutes, Zone\nCentre, 0, A\nPark, 6, A\nNorth, 12, B"]
    assert paragraphs(doc) == PROSE


def test_a_wikis_footnote_marks_and_edit_links_are_not_read(tmp_path):
    body = ("<article><h1>Tram line to be extended</h1>"
            f"<p>{PROSE[0][:-1]}.[3] {PROSE[1]}[citation needed]</p><h2>History[edit]</h2>"
            f"<p>{PROSE[2]} The mayor [Ann Lee] agreed.[a]</p><p>{PROSE[3]}</p></article>")
    doc = html_doc(tmp_path, body)
    assert paragraphs(doc)[:2] == [f"{PROSE[0]} {PROSE[1]}", f"{PROSE[2]} The mayor [Ann Lee] agreed."]
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["History"]


@pytest.mark.parametrize("text, notice", [
    ("Our website uses cookies to improve its performance and enhance your user experience.", True),
    ("By continuing to use this site you consent to our use of cookies.", True),
    ("Atenção: Comentários com textos ininteligíveis não serão aprovados pelo moderador.", True),
    ("The company said its website uses cookies to track visitors, which regulators said broke the law.", False),
    ("“We use cookies responsibly,” the company said.", False),
])
def test_a_sites_cookie_notice_and_comment_rules_are_not_the_story(tmp_path, text, notice):
    doc = html_doc(tmp_path, "<article><h1>Tram line to be extended</h1>"
                   + "".join(f"<p>{p}</p>" for p in [*PROSE[:3], text, PROSE[3]]) + "</article>")
    assert (text not in paragraphs(doc)) == notice
