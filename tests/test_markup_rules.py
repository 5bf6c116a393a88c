"""HTML pages of shapes that once lost their article: one small page per rule."""
import pytest

from pipeline import clean, load, segment

STORY = [
    "The harbour authority said on Monday that the old lighthouse would reopen to visitors next spring.",
    "Repairs to the tower took three years and cost more than two million pounds, most of it raised locally.",
    "Volunteers will run guided tours on weekends, and a small museum will open in the keeper's cottage.",
    "The lighthouse was built in 1858 and guided ships into the harbour until it was replaced in 1994.",
]


def html(tmp_path, body, head=""):
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>")
    return clean(load(path))


def paragraphs(doc):
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


def test_a_blogger_post_in_a_widget_with_text_in_divs_and_line_breaks_is_read(tmp_path):
    post = "<br><br>".join(STORY)
    body = (
        "<div class='widget Blog' id='Blog1'><div class='post hentry'><h3 class='post-title'>Lighthouse to reopen</h3>"
        f"<div class='post-body entry-content'><div>{post}</div></div></div></div>"
        "<div class='widget LinkList'><h2>Links</h2><ul><li><a href='/a'>Archive</a></li></ul></div>"
    )
    assert paragraphs(html(tmp_path, body)) == STORY


def test_a_page_inside_one_form_is_read(tmp_path):
    ps = "".join(f"<p>{p}</p>" for p in STORY)
    body = (
        "<form name='aspnetForm' method='post' action='./story.aspx' id='aspnetForm'>"
        "<input type='hidden' name='__VIEWSTATE' value='abc'>"
        f"<div id='header'><a href='/'>Home</a></div><div id='content'><h1>Lighthouse to reopen</h1>{ps}</div></form>"
    )
    doc = html(tmp_path, body)
    assert paragraphs(doc) == STORY
    assert segment(doc).headline == "Lighthouse to reopen"


def test_a_story_in_a_layout_class_named_sidebar_is_read(tmp_path):
    ps = "".join(f"<p>{p}</p>" for p in STORY)
    body = f"<div class='l-wrapper'><h1>Lighthouse to reopen</h1><div class='c-entry-content l-sidebar-fixed'>{ps}</div></div>"
    assert paragraphs(html(tmp_path, body)) == STORY


def test_a_newsletter_form_and_a_sidebar_widget_beside_the_story_are_not_read(tmp_path):
    ps = "".join(f"<p>{p}</p>" for p in STORY)
    furniture = (
        "<form class='newsletter'><p>Get the best of our local news in your inbox every morning, free of charge.</p>"
        "<input type='email'><button>Sign up</button></form>"
        "<div class='widget'><p>Our readers also enjoyed this long story about a castle that is open at weekends.</p></div>"
    )
    body = f"<article><h1>Lighthouse to reopen</h1>{ps}</article>{furniture}"
    assert paragraphs(html(tmp_path, body)) == STORY


def test_the_headline_is_the_post_title_when_the_h1_is_the_blogs_name(tmp_path):
    ps = "".join(f"<p>{p}</p>" for p in STORY)
    body = f"<header><h1>Notes from the Coast</h1></header><h2>Old lighthouse to reopen next spring</h2>{ps}"
    doc = html(tmp_path, body, head="<title>Old lighthouse to reopen next spring | Notes from the Coast</title>")
    assert [b.text for b in doc.blocks if b.kind == "headline"] == ["Old lighthouse to reopen next spring"]
    assert segment(doc).headline == "Old lighthouse to reopen next spring"


def test_an_h1_naming_the_section_gives_way_to_the_stated_title(tmp_path):
    ps = "".join(f"<p>{p}</p>" for p in STORY)
    body = f"<h1>Travel and Leisure Centre</h1><div class='story'>{ps}</div>"
    doc = html(tmp_path, body, head="<meta property='og:title' content='Old lighthouse to reopen next spring'>")
    assert segment(doc).headline == "Old lighthouse to reopen next spring"


def test_a_list_of_linked_items_the_extractor_keeps_is_read(tmp_path):
    items = [
        "Bug 1677080 – Fullscreen video window is affected by switching the video source",
        "Bug 1677107 – Add telemetry for tracking how often several video windows are open",
    ]
    links = "".join(f"<li><a href='/b{i}'>{t}</a></li>" for i, t in enumerate(items))
    ps = "".join(f"<p>{p}</p>" for p in STORY)
    body = f"<article><h1>Lighthouse to reopen</h1>{ps}<h2>Fixed this week</h2><ul>{links}</ul><p>{STORY[0]}</p></article>"
    assert set(items) <= set(paragraphs(html(tmp_path, body)))


def test_a_short_menu_of_links_inside_the_article_is_not_read(tmp_path):
    ps = "".join(f"<p>{p}</p>" for p in STORY)
    body = f"<article><h1>Lighthouse to reopen</h1>{ps[:len(ps) // 2]}<p><a href='/n'>News</a> <a href='/s'>Sport</a></p>{ps[len(ps) // 2:]}</article>"
    assert "News Sport" not in paragraphs(html(tmp_path, body))


def test_trafilaturas_text_is_read_when_our_blocks_hold_little_of_it(tmp_path):
    # The story is split over three containers named like furniture: none holds most of it, so
    # our blocks keep little, and trafilatura's text is read, with our crosshead kept as one.
    thirds = [STORY[:2], STORY[2:], [p.replace("lighthouse", "tower") for p in STORY]]
    parts = "".join(
        f"<div class='widget'>{'<h2>The museum</h2>' if i == 1 else ''}{''.join(f'<p>{p}</p>' for p in ps)}</div>"
        for i, ps in enumerate(thirds)
    )
    doc = html(tmp_path, f"<div class='post'><h1>Lighthouse to reopen</h1>{parts}</div>")
    assert paragraphs(doc)[:4] == STORY
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["The museum"]


def test_a_lone_fragment_of_markup_is_read(tmp_path):
    path = tmp_path / "fragment.html"
    path.write_text("<p>" + " ".join(STORY) + "</p>")
    assert paragraphs(clean(load(path))) == [" ".join(STORY)]


def test_a_headline_is_said_in_the_pages_stated_form_when_the_words_are_the_same(tmp_path):
    head = "<meta property='og:title' content='Why the harbour’s lighthouse will reopen - a three-year repair'>"
    body = "<h1>Why the harbour lighthouse will reopen: a three-year repair</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
    doc = html(tmp_path, body, head)
    assert segment(doc).headline == "Why the harbour’s lighthouse will reopen - a three-year repair"


def test_a_headline_in_other_words_than_the_stated_title_is_said_as_shown(tmp_path):
    head = ("<meta property='og:title' content='Harbour lighthouse reopens after three-year repair'>"
            "<meta name='twitter:title' content='Why the old lighthouse is opening again next spring'>")
    body = "<h1>Why the old lighthouse is opening again next spring</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
    assert segment(html(tmp_path, body, head)).headline == "Why the old lighthouse is opening again next spring"


def test_a_file_name_before_a_titles_separator_is_not_the_headline(tmp_path):
    head = "<title>draft-harbour-lighthouse-04 - Lighthouse Reopening</title>"
    body = "<pre>" + "\n\n".join(STORY) + "</pre>"
    assert html(tmp_path, body, head).meta.headline == "Lighthouse Reopening"


def test_a_data_table_with_a_paragraph_in_a_cell_is_read_row_by_row(tmp_path):
    rows = "".join(f"<tr><td><a href='/y{y}'>Keeper {n}</a></td><td>{y}</td><td>{'<p>' if n == 1 else ''}Kept the light "
                   f"for {n + 9} years.{'</p>' if n == 1 else ''}</td></tr>" for n, y in ((1, 1858), (2, 1890), (3, 1921)))
    body = "".join(f"<p>{p}</p>" for p in STORY[:2]) + f"<table><tr><th>Keeper</th><th>From</th><th>Note</th></tr>{rows}</table>" + \
        "".join(f"<p>{p}</p>" for p in STORY[2:])
    tables = [b.text for b in html(tmp_path, body).blocks if b.kind == "table"]
    assert tables == ["Keeper, From, Note\nKeeper 1, 1858, Kept the light for 10 years.\nKeeper 2, 1890, Kept the light for 11 years.\n"
                      "Keeper 3, 1921, Kept the light for 12 years."]


def test_a_layout_table_with_a_cell_of_paragraphs_is_a_container(tmp_path):
    body = ("<table><tr><td><a href='/'>Harbour News</a></td></tr><tr><td>" + "".join(f"<p>{p}</p>" for p in STORY)
            + "</td></tr><tr><td><a href='/contact'>Contact us</a></td></tr></table>")
    assert paragraphs(html(tmp_path, body)) == STORY


def test_the_items_of_a_list_a_paragraph_announces_are_read():
    # trafilatura (favor_precision) leaves out some such lists: items that are no sentence, in their own <ul>.
    from pipeline.text.markup import _body_blocks, _HBlock

    lead = "Visitors will be offered two things:"
    items = ["Guided tours of the tower on weekend mornings", "A small museum in the keeper's cottage for families"]
    tags = ["Lighthouses", "Harbour news"]
    blocks = ([_HBlock("paragraph", STORY[0], 0, (1, 2), guided=True), _HBlock("paragraph", lead, 0, (1, 2), guided=True)]
              + [_HBlock("paragraph", t, 0, (1, 2, 3)) for t in items]
              + [_HBlock("paragraph", STORY[1], 0, (1, 2), guided=True), _HBlock("paragraph", "Read more:", 0, (1, 2), guided=True)]
              + [_HBlock("paragraph", t, 0, (1, 2, 4)) for t in tags]
              + [_HBlock("paragraph", STORY[2], 0, (1, 2), guided=True)])
    read = [b.text for b in _body_blocks(blocks, [0, 1, 4, 5, 8])]
    assert read == [STORY[0], lead, *items, STORY[1], "Read more:", STORY[2]]


def test_other_stories_cards_closing_the_article_are_not_read(tmp_path):
    cards = [("Ferry fares to rise", "The operator says fuel costs leave it no choice, and passengers are angry about it."),
             ("Pier closed for repairs", "Storm damage has closed the old pier until the summer, the council said today."),
             ("Beach wins award", "The town's main beach has kept its blue flag for a tenth year running, officials said.")]
    more = "".join(f"<h3><a href='/s{n}'>{h}</a></h3><p class='standfirst'>{p}</p>" for n, (h, p) in enumerate(cards))
    body = (f"<article><h1>Lighthouse to reopen</h1>{''.join(f'<p>{p}</p>' for p in STORY)}"
            f"<h2>More from the coast</h2>{more}</article>")
    doc = html(tmp_path, body)
    assert paragraphs(doc) == STORY and [b.text for b in doc.blocks if b.kind == "heading"] == []


def test_one_linked_heading_at_the_end_is_no_run_of_cards():
    from pipeline.text.markup import _HBlock, _without_trailing_cards

    blocks = [_HBlock("paragraph", p, 0) for p in STORY[:3]] + [_HBlock("heading", "Tours", 5), _HBlock("paragraph", STORY[3], 0)]
    assert _without_trailing_cards(blocks, list(range(5))) == list(range(5))
    blocks[1:1] = [_HBlock("heading", "A history", 9)]  # a second linked heading, but prose comes between
    assert _without_trailing_cards(blocks, list(range(6))) == list(range(6))


@pytest.mark.parametrize("line, read", [
    ("“No.”", True), ("Con: money.", True), ("Who pays the cost of a tariff?", True),
    ("Share this:", False), ("Continue reading the main story.", False), ("Photo: Reuters.", False),
    ("Related: Lighthouse to close.", False),
])
def test_a_short_line_between_the_storys_paragraphs_is_read_unless_it_speaks_of_the_page(line, read):
    from pipeline.text.markup import _body_blocks, _HBlock

    blocks = [_HBlock("paragraph", STORY[0], 0, (1, 2, 3)), _HBlock("paragraph", line, 0, (1, 2, 4)),
              _HBlock("paragraph", STORY[1], 0, (1, 2, 5))]
    assert (line in [b.text for b in _body_blocks(blocks, [0, 2])]) == read


def test_a_line_of_dialogue_between_the_storys_paragraphs_is_read():
    from pipeline.text.markup import _body_blocks, _HBlock

    beat, aside = "Haoyu snorted.", "Share"
    blocks = [_HBlock("paragraph", STORY[0], 0, (1, 2, 3)), _HBlock("paragraph", beat, 0, (1, 2, 4)),
              _HBlock("paragraph", STORY[1], 0, (1, 2, 5)), _HBlock("paragraph", aside, 0, (1, 9, 6)),
              _HBlock("paragraph", STORY[2], 0, (1, 2, 7))]
    assert [b.text for b in _body_blocks(blocks, [0, 2, 4])] == [STORY[0], beat, STORY[1], STORY[2]]


def test_a_label_that_closes_the_article_cuts_the_comments_under_it_without_class_names(tmp_path):
    comments = [
        "I made this today and it turned out really well, although the recipe could say how much fruit to use.",
        "Thanks for the feedback, I used a whole jar of pectin, which is my personal preference for a firm set.",
    ]
    body = (
        "<div class='q1'><h1>Lighthouse to reopen</h1>" + "".join(f"<p>{p}</p>" for p in STORY)
        + "<p>2 comments</p>" + "".join(f"<p>{c}</p>" for c in comments) + "</div>"
    )
    read = paragraphs(html(tmp_path, body))
    assert read[: len(STORY)] == STORY
    assert not set(comments) & set(read)


def blocks(*specs):
    """Flattened blocks: (text, words of prose or 0 for a label, kept by trafilatura, section number)."""
    from pipeline.text.markup import _HBlock

    out = []
    for text, words, guided, section in specs:
        sentence = " ".join([text] * words) + "." if words else text
        out.append(_HBlock("paragraph", sentence, 0, path=(0, 0, section, 0, 0), guided=guided))
    return out


def test_a_short_block_kept_by_chance_does_not_bring_its_sections_prose():
    from pipeline.text.markup import _choose

    page = blocks(*[("story", 40, True, 1)] * 3, ("cookies", 45, False, 2), ("Close", 0, True, 2))
    assert 3 not in _choose(page)  # the cookie notice shares a section only with a "Close" button


def test_a_long_run_of_prose_trafilatura_left_out_outweighs_the_little_it_kept():
    from pipeline.text.markup import _choose

    page = blocks(("nav", 0, True, 1), ("notice", 35, True, 1), *[("chapter", 60, False, 2)] * 6)
    assert {2, 3, 4, 5, 6, 7} <= set(_choose(page))


def test_a_long_comment_thread_under_a_short_story_does_not_outweigh_it():
    from pipeline.text.markup import _choose

    page = blocks(("story", 40, True, 1), ("12 comments", 0, False, 2), *[("comment", 60, False, 2)] * 6)
    assert _choose(page)[:1] == [0] and 3 not in _choose(page)


def test_comments_trafilatura_kept_under_a_closing_label_give_way_to_the_story_above_it():
    from pipeline.text.markup import _choose

    page = blocks(*[("story", 50, False, 1)] * 3, ("Top Rated Comments", 0, False, 2),
                  *[("comment", 45, True, 2)] * 2, *[("reply", 45, False, 2)] * 4)
    assert _choose(page) == [0, 1, 2]


def test_a_related_subheading_over_prose_trafilatura_kept_does_not_end_the_article():
    from pipeline.text.markup import _before_article_end

    page = blocks(*[("story", 40, True, 1)] * 3, ("Trending", 0, False, 1), *[("tide", 30, True, 1)] * 2)
    assert _before_article_end(page, list(range(6))) == list(range(6))
    other_stories = blocks(*[("story", 40, True, 1)] * 3, ("Trending", 0, False, 1), *[("ferry", 30, False, 1)] * 2)
    assert _before_article_end(other_stories, list(range(6))) == [0, 1, 2]
    comments = blocks(*[("story", 40, True, 1)] * 3, ("2 comments", 0, False, 1), *[("reply", 30, True, 1)] * 2)
    assert _before_article_end(comments, list(range(6))) == [0, 1, 2]


def test_a_sections_h1_under_the_pages_h1_is_a_crosshead(tmp_path):
    body = (f"<h1>Lighthouses of the coast</h1><section><p>{STORY[0]}</p><p>{STORY[1]}</p></section>"
            f"<section><h1>Guided tours</h1><p>{STORY[2]}</p><p>{STORY[3]}</p></section>")
    doc = html(tmp_path, body)
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Guided tours"]
    assert [b.text for b in doc.blocks if b.kind == "headline"] == ["Lighthouses of the coast"]


def test_the_headlines_first_line_set_apart_over_the_story_is_not_a_crosshead(tmp_path):
    body = f"<article><h2>Old lighthouse</h2>{''.join(f'<p>{p}</p>' for p in STORY)}<h2>Guided tours</h2><p>{STORY[0]}</p></article>"
    doc = html(tmp_path, body, head="<title>Old lighthouse to reopen next spring</title>")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Guided tours"]


def test_an_interviews_long_question_set_as_a_heading_is_read(tmp_path):
    question = ("Q: You have run the lighthouse tours for years, so when the tower closed for repairs, "
                "what did you and the other volunteers do with all that time?")
    body = f"<article><h1>Lighthouse to reopen</h1><p>{STORY[0]}</p><h3>{question}</h3><p>{STORY[1]}</p><p>{STORY[2]}</p></article>"
    assert question in paragraphs(html(tmp_path, body))


def test_what_stands_above_the_headline_is_not_the_articles_start(tmp_path):
    # A drop cap's letter is in any text trafilatura keeps ("U" in "Under"), so it is "kept" by chance.
    body = (f"<div class='cap'><p>U</p></div><div class='hero'><h1>Lighthouse to reopen</h1></div>"
            f"<article>{''.join(f'<p>{p}</p>' for p in STORY)}</article>")
    doc = html(tmp_path, body, head="<title>Lighthouse to reopen</title>")
    assert paragraphs(doc) == STORY


def test_a_long_heading_over_the_storys_paragraphs_is_not_read_as_one_of_them(tmp_path):
    dek = ("The old tower has been closed for three years of repairs, and the volunteers who ran its tours "
           "say they cannot wait to welcome visitors back")
    body = f"<article><h1>Lighthouse to reopen</h1><h2>{dek}</h2>{''.join(f'<p>{p}</p>' for p in STORY)}</article>"
    assert dek not in paragraphs(html(tmp_path, body))


def test_a_comment_label_left_out_of_the_chosen_blocks_still_ends_the_article():
    from pipeline.text.markup import _before_article_end

    page = blocks(*[("story", 40, True, 1)] * 3, ("2 comments", 0, False, 1), *[("reply", 30, True, 1)] * 2)
    assert _before_article_end(page, [0, 1, 2, 4, 5]) == [0, 1, 2]


def test_a_run_of_links_trafilatura_kept_is_not_counted_as_article_it_found():
    from pipeline.text.markup import _guide_words, _HBlock

    names = ", ".join(f"reader{n}" for n in range(150))
    kept = [_HBlock("paragraph", STORY[0], 0, guided=True), _HBlock("paragraph", names, len(names), guided=True)]
    guide = f"{STORY[0]}\n{names}"
    assert _guide_words(guide, kept) == len(STORY[0].split())
