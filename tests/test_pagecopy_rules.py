"""One small page copy per rule: lists, readers' threads, sidebars, plain texts, headlines, bylines, datelines."""
import pytest

from pipeline import clean, load, segment

STORY = [
    "The regional council voted on Tuesday to extend the tram line to the northern suburbs by 2025, after a year of debate.",
    "Supporters said the extension would cut journey times and reduce traffic on the main roads into the city centre.",
    "Opponents argued that the money would be better spent on buses, which already serve most of the northern suburbs.",
    "The final cost of the tram extension will depend on a public consultation that opens next month, the council said.",
]
HEADLINE = "Council votes to extend tram line to northern suburbs"
MENU = ["Home", "News", "Sport", "Weather", "Contact us"]


def copy(tmp_path, lines):
    path = tmp_path / "copy.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return clean(load(path))


def spaced(paragraphs):
    return [line for p in paragraphs for line in (p, "")]


def paragraphs(doc):
    return [b.text for b in doc.blocks if b.kind == "paragraph"]


# Lists and list articles.

def test_a_list_announced_by_a_short_colon_line_is_read(tmp_path):
    items = ["New tasks for the whole family", "Harder questions for your opponent", "Better support for older phones"]
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY[:2]) + ["What is new in this version:", ""] + items + [""] + spaced(STORY[2:])
    assert paragraphs(copy(tmp_path, lines))[2:6] == ["What is new in this version:"] + items


def test_numbered_items_are_read(tmp_path):
    items = ["1. Buy a weekly pass before you travel", "2. Check the timetable for engineering works", "3. Keep your ticket until the end"]
    lines = [HEADLINE, ""] + spaced(STORY[:2]) + [items[0], items[1], items[2], ""] + spaced(STORY[2:])
    assert paragraphs(copy(tmp_path, lines))[2:5] == items


def test_a_deal_article_of_short_lines_is_read_whole(tmp_path):
    lines = MENU + ["", "The best tram and bus deals this week", ""]
    deals = []
    for n, (thing, shop) in enumerate([("Annual tram pass", "the city shop"), ("Family bus ticket", "the app"),
                                        ("Bike and tram bundle", "the depot"), ("Student rail card", "the station")]):
        blurb = f"This is the lowest price we have seen for the {thing.lower()} this year, and the offer ends on Sunday night."
        deals += [f"{thing} for ${20 + n}.99", "", blurb, "", f"Get it at {shop} for ${20 + n}.99"]
    deals += ["", "Prices were checked on Monday morning and may have changed since this article was published."]
    doc = copy(tmp_path, lines + deals + ["", "About us", "Privacy policy"])
    assert [b.text for b in doc.blocks if b.kind in ("paragraph", "heading")] == [line for line in deals[2:] if line]


def test_captions_between_news_paragraphs_are_not_read_as_a_list(tmp_path):
    caption = "Trams waiting at the depot on a winter morning last year"
    lines = [HEADLINE, ""] + spaced(STORY[:2]) + [caption, ""] + spaced(STORY[2:])
    doc = copy(tmp_path, lines)
    assert caption not in paragraphs(doc)


# Readers' threads.

def test_a_thread_without_a_label_is_known_by_its_reply_buttons_and_timestamps(tmp_path):
    thread = []
    for n in range(3):
        thread += [f"Reader Number{n}", f"March {n + 3}, 2019 at 4:15 pm", "",
                   "I have taken this tram every day for ten years and I think the extension is a terrible waste of money.",
                   "", "Reply", ""]
    doc = copy(tmp_path, MENU + ["", HEADLINE, ""] + spaced(STORY) + thread)
    assert paragraphs(doc) == STORY


def test_a_thread_with_relative_timestamps_and_report_links(tmp_path):
    thread = []
    for n in range(3):
        thread += [f"user{n}", f"{n + 2} hours ago", "",
                   "Honestly the buses are fine and nobody asked for a tram to the suburbs, this council never listens to anyone.",
                   "", "Like", "Report", ""]
    doc = copy(tmp_path, [HEADLINE, ""] + spaced(STORY) + thread)
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize("line", ["One response to the plan has been anger in the suburbs, where residents fear the works.",
                                  "3 responses to the plan"])
def test_a_story_line_about_responses_does_not_start_a_thread(tmp_path, line):
    story = STORY + [p.replace("council", "city") for p in STORY]  # enough words above the line for a thread's label
    doc = copy(tmp_path, MENU + ["", HEADLINE, ""] + spaced(story[:5] + [line] + story[5:]))
    assert paragraphs(doc)[-3:] == story[5:]


def test_a_comment_count_under_the_dateline_does_not_start_a_thread(tmp_path):
    # A privacy notice far above the story: enough prose for a label below it to be taken for a thread's.
    notice = ["We and our partners use cookies and similar technologies to store and access information on your device, "
              "to measure how our pages are used and to show advertising that is more relevant to you and your interests."] * 3
    header = [HEADLINE, "Sarah Needleman", "Associated PressDecember 2, 2016", "11 Comments", ""]
    doc = copy(tmp_path, spaced(notice) + MENU * 4 + [""] + header + spaced(STORY) + ["What to Read Next"])
    assert paragraphs(doc) == STORY


def test_a_tables_comment_column_does_not_end_the_article(tmp_path):
    table = ["Stop", "Opens", "Comment", "Depot Road", "2024", "Step-free", "Mill Lane", "2025", "Needs a new bridge"]
    doc = copy(tmp_path, MENU + ["", HEADLINE, ""] + spaced(STORY[:2]) + table + [""] + spaced(STORY[2:]))
    assert paragraphs(doc)[-2:] == STORY[2:]


def test_other_stories_cards_with_blurbs_bylines_and_dates_are_not_read(tmp_path):
    cards = []
    for n, (name, stamp) in enumerate([("Laura Bliss", "Apr 29, 2019"), ("John Metcalfe", "1:57 PM ET"),
                                      ("Matt Simon", "Oct 20, 2015"), ("Linda Poon", "Aug 23, 2017")]):
        cards += [f"Another city story number {n}", "",
                  f"A long blurb that sums up another story about buses, bridges and bicycles in a different city, number {n}.",
                  "", name, stamp, ""]
    doc = copy(tmp_path, MENU + ["", HEADLINE, ""] + spaced(STORY) + ["Most Popular", ""] + cards + ["About us"])
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize("label", ["Expand Comments +", "View all 12 comments", "Load comments"])
def test_a_button_that_opens_the_comments_ends_the_article(tmp_path, label):
    comment = "I have taken this tram every day for ten years and I think the extension is a terrible waste of our money."
    doc = copy(tmp_path, [HEADLINE, ""] + spaced(STORY) + [label, ""] + spaced([comment]))
    assert paragraphs(doc) == STORY


# A sidebar of prose.

def test_a_headed_article_beats_a_longer_sidebar_of_prose_far_below_it(tmp_path):
    sidebar = [
        "Our newsletter brings you the best of our journalism every morning, with recipes, puzzles and the weather for your area.",
        "Readers tell us it is the best way to start the day, and thousands of people have joined in the last few weeks alone.",
        "It takes a minute to join, and you can leave whenever you like by following the link at the bottom of every email.",
        "We will never share your address with anyone else, and we only write to you when we have something worth reading.",
        "Members also get invitations to our events, early access to our podcasts and a discount in the online shop all year.",
        "Thank you for reading and for supporting independent local reporting in the region, now more than ever before.",
    ]
    furniture = [f"Section {n}" for n in range(16)]
    doc = copy(tmp_path, MENU + ["", HEADLINE, ""] + spaced(STORY[:3]) + furniture + [""] + spaced(sidebar))
    assert paragraphs(doc) == STORY[:3]
    assert doc.meta.headline == HEADLINE


# Plain texts: a headline and paragraphs, nothing else.

def test_a_plain_text_brief_gives_its_headline_and_its_paragraph(tmp_path):
    brief = "Sanders wins the Wyoming caucuses, adding to a string of victories in western states on Saturday."
    doc = copy(tmp_path, ["Sanders wins in Wyoming.", "", brief])
    assert [(b.kind, b.text) for b in doc.blocks] == [("headline", "Sanders wins in Wyoming."), ("paragraph", brief)]


def test_a_plain_texts_first_line_is_its_headline_even_when_the_story_does_not_repeat_it(tmp_path):
    doc = copy(tmp_path, ["Game over. Will the mayor come down off the pique?", ""] + spaced(STORY))
    assert doc.meta.headline == "Game over. Will the mayor come down off the pique?"
    assert paragraphs(doc) == STORY


def test_a_plain_texts_long_opening_paragraph_is_not_a_headline(tmp_path):
    opening = ("The tram line will be extended. The council voted for it on Tuesday after a long debate in which "
               "members of every party spoke, and the vote was close.")
    doc = copy(tmp_path, spaced([opening] + STORY))
    assert doc.meta.headline is None
    assert paragraphs(doc)[0] == opening


# Headlines of page copies.

@pytest.mark.parametrize("noise", [
    "This is a modal window for the tram line vote.",
    "tram.line = council.vote('northern suburbs')",
    "Home News Tram Line Northern Suburbs",
    "Share this tram line story with the northern suburbs",
    "NORTHERN SUBURBS TRAM LINE VOTE",
])
def test_furniture_just_above_the_story_is_not_its_headline(tmp_path, noise):
    lines = MENU + ["", HEADLINE, "", noise, ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == HEADLINE


def test_a_headline_the_opening_does_not_repeat_is_found_above_its_byline(tmp_path):
    lines = MENU + ["", "So Many Ways to Travel, and to Pay", "", "By Sarah Needleman", "Nov. 19, 2019 8:03 am ET", ""] + spaced(STORY)
    doc = copy(tmp_path, lines)
    assert doc.meta.headline == "So Many Ways to Travel, and to Pay"
    assert doc.meta.authors == ("Sarah Needleman",)


def test_a_headline_over_its_subtitle(tmp_path):
    lines = MENU + ["", "Tram line to reach northern suburbs", "Council votes to extend the line by 2025 after debate",
                    "Published 11:26 pm EST, Tuesday, November 19, 2019", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Tram line to reach northern suburbs"


def test_a_kicker_over_the_headline_is_not_the_headline(tmp_path):
    # The section label repeats the story's words more than the headline does; the byline signs the headline.
    lines = MENU + ["", "Northern suburbs tram line", "Council vote: what the extension means for riders",
                    "By Sarah Needleman", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Council vote: what the extension means for riders"


def test_a_short_headline_over_a_plain_subtitle_and_a_byline_stays_the_headline(tmp_path):
    # Three to five words over a longer line, signed right under: the longer line is a subtitle when it is a
    # plain clause, a title only when it has a title's form (two parts, or the short line's words again).
    lines = MENU + ["", "Northern suburbs tram line approved", "Regional council says work starts in the new year",
                    "By Sarah Needleman", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Northern suburbs tram line approved"


@pytest.mark.parametrize("kicker, title", [
    ("Northern suburbs tram line", "Northern suburbs tram line 2 / Autumn pack"),
    ("Northern suburbs tram line", "Council vote — what the extension means for riders"),
])
def test_a_kicker_over_a_two_part_title_or_one_that_repeats_it_is_not_the_headline(tmp_path, kicker, title):
    lines = MENU + ["", kicker, title, "By Sarah Needleman", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == title


@pytest.mark.parametrize("noise", ["4.2 Tram line northern suburbs", "2. Tram line northern suburbs",
                                   "Council\tTram line vote\tNorthern suburbs"])
def test_a_contents_entry_or_a_table_row_is_not_the_headline(tmp_path, noise):
    lines = MENU + ["", noise, ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline is None


def test_a_title_that_opens_on_a_bare_number_is_still_a_headline(tmp_path):
    title = "10 things the tram extension means for the northern suburbs"
    assert copy(tmp_path, MENU + ["", title, ""] + spaced(STORY)).meta.headline == title


def test_a_one_word_title_the_article_keeps_repeating_is_its_headline(tmp_path):
    story = [p.replace("The tram", "Tramlink").replace("the tram", "Tramlink") + " Tramlink says so." for p in STORY]
    lines = ["Tramlink", "From the city encyclopedia", ""] + MENU + [""] + spaced(story)
    assert copy(tmp_path, lines).meta.headline == "Tramlink"


def test_a_plain_text_headline_is_not_read_twice(tmp_path):
    doc = copy(tmp_path, ["Council votes to extend the tram line to the northern suburbs.", ""] + spaced(STORY))
    assert segment(doc).summary == STORY[0]


# Bylines and datelines.

@pytest.mark.parametrize("line, authors, published", [
    ("By Al Root Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET", ("Al Root",), "2019-11-19"),
    ("Monday November 18, 2019 7:45 am PST by Joe Rossignol", ("Joe Rossignol",), "2019-11-18"),
    ("BY KASHMIRA GANDER ON 11/13/19 AT 4:00 PM EST", ("Kashmira Gander",), "2019-11-13"),
    ("By Jill Disis, CNN Business", ("Jill Disis",), None),
    ("By Ann Lee and Bo Chan | City Post", ("Ann Lee", "Bo Chan"), None),
    ("Von Moritz Bachmann publiziert am 25. September 2018", ("Moritz Bachmann",), "2018-09-25"),
    ("by Lighthouse Office ／ 2016.12.01", ("Lighthouse Office",), "2016-12-01"),
    ("PUBLISHED WED, NOV 20 20194:29 AM EST", (), "2019-11-20"),
    ("// By Arun Sai Krishnan • Nov 11, 2020", ("Arun Sai Krishnan",), "2020-11-11"),
    ("by: Laurie Oakes", ("Laurie Oakes",), None),
    ("By Alex Heath, a deputy editor and author of the Command Line newsletter. He has covered the tech industry "
     "for over a decade at The Information and other outlets.", ("Alex Heath",), None),
])
def test_bylines_and_datelines_under_the_headline(tmp_path, line, authors, published):
    doc = copy(tmp_path, MENU + ["", HEADLINE, line, ""] + spaced(STORY))
    assert doc.meta.authors == authors
    assert (doc.meta.published or "")[:10] == (published or "")
    assert doc.meta.headline == HEADLINE


@pytest.mark.parametrize("line", ["By subject", "Photos by Jane Smith", "Sponsored by Tram Makers Ltd", "Powered by WordPress"])
def test_what_is_not_a_byline(tmp_path, line):
    doc = copy(tmp_path, MENU + ["", HEADLINE, line, ""] + spaced(STORY))
    assert doc.meta.authors == ()


def test_a_blogs_signature_under_the_post_names_its_author(tmp_path):
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY) + ["Sarah Needleman — 2013-09-29 — in Transport — Permalink", "",
                                                        "Home", "Contact"]
    assert copy(tmp_path, lines).meta.authors == ("Sarah Needleman",)


def test_a_long_sentence_opening_with_by_is_no_byline(tmp_path):
    line = ("By Christmas the council expects every stop on the new line to have a shelter, a map and a screen showing "
            "when the next tram will arrive.")
    assert copy(tmp_path, MENU + ["", HEADLINE, line, ""] + spaced(STORY)).meta.authors == ()


def test_a_name_alone_under_the_headline_is_its_author(tmp_path):
    lines = MENU + ["", HEADLINE, "PUBLISHED WED, NOV 20 2019 4:29 AM EST", "Natasha Turak", "@NATASHATURAK", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.authors == ("Natasha Turak",)


def test_a_name_in_capitals_under_the_headline_is_its_author(tmp_path):
    lines = MENU + ["", HEADLINE, "NATALIYA VASILYEVA", "Associated PressDecember 2, 2016", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.authors == ("Nataliya Vasilyeva",)


def test_a_headline_ending_like_a_sentence_with_its_standfirst_and_byline_inside_the_article(tmp_path):
    headline = "Tram Line Vote: How the Council Will Pay for the Northern Suburbs Line in the U.S."
    lines = MENU + ["", headline, "", STORY[1], "", "Image", "By Corey Kilgannon", ""] + spaced(STORY)
    doc = copy(tmp_path, lines)
    assert doc.meta.headline == headline
    assert doc.meta.authors == ("Corey Kilgannon",)
    assert paragraphs(doc) == STORY


def test_a_picture_credit_under_the_headline_is_not_its_author(tmp_path):
    lines = MENU + ["", HEADLINE, "Image Credit: Tram Works", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.authors == ()


def test_timestamps_in_a_list_of_stories_above_the_article_do_not_end_it(tmp_path):
    latest = ["Latest"]
    for n in range(4):
        latest += [f"Bus fares in the region to rise again next spring, operator number {n} says.", f"{n + 1} hours ago", "Like"]
    doc = copy(tmp_path, MENU + latest + ["", HEADLINE, ""] + spaced(STORY))
    assert paragraphs(doc) == STORY


BULLETS = [
    "Thanks to a volunteer, riders can now see live arrival times at every stop on the line",
    "From next month it is possible to pay with a phone at the ticket machines",
    "The night service now runs until two in the morning on Fridays and Saturdays.",
    "Printing a timetable for a single stop is possible again from the website",
]


def test_a_bulleted_list_packed_between_paragraphs_is_read(tmp_path):
    lines = [HEADLINE, ""] + spaced(STORY[:2]) + BULLETS + [""] + spaced(STORY[2:])
    assert paragraphs(copy(tmp_path, lines)) == STORY[:2] + BULLETS + STORY[2:]


def test_a_packed_list_of_other_stories_headlines_is_not_read(tmp_path):
    others = ["Bus drivers in the region to strike over pay for the third time this year",
              "Cyclists welcome new lanes on the ring road after a long campaign by residents",
              "Rail fares set to rise by more than inflation again in the new year, say operators",
              "Airport expansion plans face fresh challenge in the courts from local campaigners"]
    lines = [HEADLINE, ""] + spaced(STORY) + ["Most read in Transport"] + others + ["", "About us"]
    assert paragraphs(copy(tmp_path, lines)) == STORY


def test_a_question_headline_long_enough_to_pass_for_prose_is_the_headline(tmp_path):
    question = "Will the new tram line to the northern suburbs cut journey times for the council's commuters?"
    lines = MENU + ["", "Sign up for a free account to follow the stories that matter to you and your family.", "",
                    question, "Published Thursday 27 July 2017", ""] + spaced(STORY)
    doc = copy(tmp_path, lines)
    assert doc.meta.headline == question
    assert doc.meta.published == "2017-07-27"
    assert paragraphs(doc) == STORY


def test_a_headline_signed_by_its_author_far_above_the_article(tmp_path):
    tags = [f"tag number {n}" for n in range(24)]
    lines = ["You can skip this ad in 5 seconds.", HEADLINE, "36", "Patrick Allan"] + tags + [""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == HEADLINE


@pytest.mark.parametrize("noise", ["Northern Suburbs Tram News", "Tram NewsCouncil VotesNorthern SuburbsSport"])
def test_a_masthead_or_a_run_together_menu_is_not_the_headline(tmp_path, noise):
    lines = MENU + [noise, "", "Tram line vote: what happens next", "Ann Lee", "3 June 2019", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Tram line vote: what happens next"


def test_a_list_of_marked_lines_is_read(tmp_path):
    items = ["+ Added a night service on Fridays and Saturdays", "+ Added live arrival times at every stop",
             "+ Added ticket machines that take phones", "+ Trams now stop at the new hospital"]
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY[:1]) + items + [""] + spaced(STORY[1:])
    assert paragraphs(copy(tmp_path, lines)) == STORY[:1] + items + STORY[1:]


def test_a_comments_count_is_a_statistic_not_the_start_of_a_thread(tmp_path):
    stats = ["Words:", "6,379", "Comments:", "1664", "Kudos:", "7142"]
    intro = "The story so far, as told by the people who ride the tram every day and by those who run it for the city."
    summary = spaced([intro, intro.replace("story", "tale"), intro.replace("tram", "bus"), intro.replace("city", "region"),
                      intro.replace("every day", "at night")])
    lines = MENU + [""] + summary + stats + ["", HEADLINE, ""] + spaced(STORY)
    assert paragraphs(copy(tmp_path, lines))[-4:] == STORY


def test_a_marked_menu_is_not_a_list(tmp_path):
    menu = ["- Home", "- News", "- Sport", "- Weather"]
    lines = [HEADLINE, ""] + spaced(STORY[:2]) + menu + [""] + spaced(STORY[2:])
    assert not set(menu) & set(paragraphs(copy(tmp_path, lines)))


def test_a_short_copy_under_a_sites_name_takes_the_title_nearest_the_text(tmp_path):
    lines = ["Tram News", "Powered by Tumblr", "Version 1.8 - The Bountiful Update", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Version 1.8 - The Bountiful Update"


def test_a_plain_texts_column_name_under_its_headline_is_not_the_headline(tmp_path):
    lines = ["Ugly election enters a final stretch; ", "Letter From The Suburbs.", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Ugly election enters a final stretch;"


# Code samples.

def test_a_code_sample_neither_ends_the_article_nor_is_read(tmp_path):
    code = ["function fare(zone) {", "var base = 2.5;", "return base * zone;", "}", "", "<div id=\"map\"></div>",
            "<script src=\"map.js\"></script>"]
    filler = ["if (zone > 3)", "}", "});"] * 5  # a sample longer than any run of furniture a story tolerates
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY[:2]) + code + filler + [""] + spaced(STORY[2:]) + ["", "About us"]
    doc = copy(tmp_path, lines)
    assert paragraphs(doc) == STORY


def test_a_sentence_ending_in_a_semicolon_is_not_code(tmp_path):
    lines = [HEADLINE, ""] + spaced(STORY[:2]) + ["Riders asked for three things: later trams, cheaper passes and more seats;",
                                                  ""] + spaced(STORY[2:])
    assert "Riders asked for three things: later trams, cheaper passes and more seats;" in paragraphs(copy(tmp_path, lines))


def test_a_list_article_opens_on_its_first_item(tmp_path):
    items = ["+ Added a night tram on Fridays", "+ Added step-free access at six stops", "+ Added bike racks at the depot",
             "+ Removed the paper timetable"]
    closing = "Riders can read every change in the new timetable, which the council will post to each household next week?"
    lines = MENU + ["", "Tram update: night trams and bike racks", ""] + items + [closing, "", "About us", "Privacy policy"]
    doc = copy(tmp_path, lines)
    assert paragraphs(doc) == items + [closing]
    assert doc.meta.headline == "Tram update: night trams and bike racks"


# The site's name.

def site(tmp_path, top, bottom):
    return copy(tmp_path, top + ["", HEADLINE, ""] + spaced(STORY) + bottom).meta.source


@pytest.mark.parametrize("top, bottom, name", [
    (["The Valley Courier homepage"] + MENU, ["© 2019 Courier Holdings Group LLC"], "The Valley Courier"),
    (["Welcome to Tram Talk"] + MENU, ["About us"], "Tram Talk"),
    (["Follow RailBlog Followed"] + MENU, [], "RailBlog"),
    (MENU, ["Sign up for CityRail Daily:", "CityRail is about how cities move.", "CityRail.com © 2019 The Transit Monthly Group"],
     "CityRail"),
    (MENU, ["Royal Tram® © 2024", "Terms of Service"], "Royal Tram"),
    (["m.valleycourier.com.au"] + MENU, [], "valleycourier"),
    (["facebook.com", "twitter.com"] + MENU, ["© 2019 Valley Courier Media. All rights reserved."], "Valley Courier"),
    (["valleycourier.com"] + MENU, ["Read the Valley Courier every morning"], "Valley Courier"),
    (["m.valleycourier.com.au"] + MENU, ["Subscribe now to access Valley Courier."], "Valley Courier"),
    (MENU, ["© 2015 TVP Productions, Inc. All rights reserved About TramNews.comHPMG SITEMAP"], "TramNews.com"),
    (MENU, ["© Tram Interactive Inc. / Derechos reservados.", "Acerca de TRAMNET Descarga nuestro app Política de privacidad"],
     "TRAMNET"),
    (MENU, ["Copyright 2017 SA LA GACETA | Todos los derechos reservados"], "LA GACETA"),
    (["Follow @TramInsider"] + MENU, ["© 2019, Quill Media, Inc., Contact Us"], "TramInsider"),
    (MENU, ["© TramAlert Pty Ltd. All rights reserved.", "Privacy", "© Reuters"], "TramAlert"),
    (MENU, ["© 2019 Food Network. All rights reserved."], "Food Network"),
    (MENU, ["© 2019 Cartoon Network"], "Cartoon Network"),
])
def test_the_brand_a_copy_shows(tmp_path, top, bottom, name):
    assert site(tmp_path, top, bottom) == name


def test_the_brand_the_copyright_line_agrees_with(tmp_path):
    bottom = ["Subscribe to Tram PRO", "About Tram", "© 2019 Tram LLC. All Rights Reserved."]
    assert site(tmp_path, MENU, bottom) == "Tram"


def test_a_label_in_capitals_or_a_picture_credit_names_no_site(tmp_path):
    bottom = ["FOLLOW TRAM POLITICS", "Image copyright EPA", "© 2019 Dow Jones & Company, Inc."]
    assert site(tmp_path, MENU, bottom) == "Dow Jones"


def test_a_teasers_about_names_no_site(tmp_path):
    bottom = ["Next mayor? A resignation raises questions About How Far Up This Goes", "© 2019 Courier Holdings Group LLC"]
    assert site(tmp_path, MENU, bottom) == "Courier"  # the company's name, all its corporate words gone


def test_a_copyright_line_keeps_the_domain_the_site_writes(tmp_path):
    assert site(tmp_path, MENU, ["© Tramways.fr | Mentions légales"]) == "Tramways.fr"


@pytest.mark.parametrize("line, published", [
    ("11.14.2019 09:00 AM", "2019-11-14"),
    ("Published Nov 18, 2019 at 4:07 PM | Updated at 5:36 PM CST on Nov 18, 2019, a day after the council's vote",
     "2019-11-18"),
    ("Текст: Анна Петрова · 24 сентября 2018", "2018-09-24"),
])
def test_datelines_in_other_forms(tmp_path, line, published):
    doc = copy(tmp_path, MENU + ["", HEADLINE, line, ""] + spaced(STORY))
    assert (doc.meta.published or "")[:10] == published


def test_a_quoted_sentence_over_the_headline_is_a_claim_not_the_headline(tmp_path):
    lines = MENU + ["", "\"The tram will pay for itself in ten years.\"", "— Mayor Ann Lee on Sunday, October 13th, 2019 on the radio",
                    "Will the northern tram line pay for itself?", "By Sarah Needleman on Monday, November 18th, 2019", ""]
    doc = copy(tmp_path, lines + spaced(STORY))
    assert doc.meta.headline == "Will the northern tram line pay for itself?"
    assert paragraphs(doc) == STORY


@pytest.mark.parametrize("line, name", [
    ("Copyright © 2002–2015 The Valley Courier Company LLC.", "Valley Courier"),
    ("© 2024 Tram Media, LLC. All Rights Reserved", "Tram"),
    ("© 2019 The Valley Courier", "The Valley Courier"),
])
def test_the_brand_in_a_copyright_lines_company(tmp_path, line, name):
    assert site(tmp_path, MENU, ["Contact", line]) == name


def test_a_topic_tag_above_a_headless_story_is_not_its_headline(tmp_path):
    story = [p + " Tramlink says so, Tramlink says." for p in STORY]
    lines = MENU + ["", "Trending", "Tramlink", ""] + spaced(story)
    assert copy(tmp_path, lines).meta.headline != "Tramlink"


def test_a_short_headline_over_a_short_subtitle_stays_the_headline(tmp_path):
    lines = MENU + ["", "Northern tram line approved", "Council backs northern suburbs plan", "By Sarah Needleman",
                    ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Northern tram line approved"


def test_a_letter_signed_and_dated_under_its_last_paragraph_is_read_whole(tmp_path):
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY) + ["Sarah Needleman", "March 3, 2019", "", "About us"]
    assert paragraphs(copy(tmp_path, lines)) == STORY


def test_a_comment_count_under_a_posts_closing_dateline_still_opens_its_thread(tmp_path):
    thread = []
    for n in range(3):
        thread += [f"Reader Number{n} March {n + 3}, 2019 at 4:15 pm", "",
                   "I have taken this tram every day for ten years and I think the extension is a terrible waste of money.",
                   "", "Reply", ""]
    lines = [HEADLINE, ""] + spaced(STORY) + ["Posted on March 2, 2019", "12 Comments", ""] + thread
    assert paragraphs(copy(tmp_path, lines)) == STORY


CARDS = ["Bus fares to rise", "The operator says fuel costs leave it no choice, and riders who use it every day are angry.",
         "Bridge closed for repairs", "Storm damage has closed the old bridge until the summer, the council said on Monday.",
         "Cycle lanes extended", "Three new lanes will open in the spring, linking the northern suburbs to the centre."]


def test_other_stories_cards_after_a_more_stories_label_are_not_read(tmp_path):
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY) + ["more stories", "Other Transport News"] + spaced(CARDS) + ["About us"]
    assert paragraphs(copy(tmp_path, lines)) == STORY


def test_cards_before_the_pages_footer_are_not_read(tmp_path):
    # The page's footer (a menu, then a cookie notice of prose) follows the cards: they still close the article.
    footer = MENU * 3 + ["", "We use cookies to improve your experience on our site, to measure how many people read each "
                          "page and to show you advertising that is relevant to you. You can change your choices at any "
                          "time in the settings at the foot of every page of this site."]
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY) + ["more stories", "Other Transport News"] + spaced(CARDS) + footer
    assert paragraphs(copy(tmp_path, lines)) == STORY


def test_a_related_label_over_the_headline_does_not_take_the_opening_for_cards(tmp_path):
    # "Related" over short lines and one-sentence paragraphs at the top: the article goes on past them.
    lines = (MENU + ["Related", HEADLINE, "", STORY[0], "", "Tram depot to move", STORY[1], ""] + spaced(STORY[2:])
             + spaced(STORY))
    assert paragraphs(copy(tmp_path, lines)) == STORY + STORY


def test_a_recommended_box_inside_the_article_does_not_end_it(tmp_path):
    # Paragraphs as short as blurbs, but one after another: the article's own.
    lines = (MENU + ["", HEADLINE, ""] + spaced(STORY[:2]) + ["Recommended", "Bus fares to rise", "Bridge closed", ""]
             + spaced(STORY[2:] + STORY[:2]))
    assert paragraphs(copy(tmp_path, lines)) == STORY + STORY[:2]


def test_an_encyclopedia_opening_above_its_contents_is_read_and_the_contents_are_not(tmp_path):
    contents = ["Contents", "1 History", "1.1 The first line", "1.2 Extensions", "2 Services", "2.1 Night trams",
                "3 Fares", "4 See also", "5 References", "6 External links"]
    sections = ["History[edit]", ""] + spaced(STORY[1:3]) + ["Services[edit]", ""] + spaced(STORY[3:])
    lines = (["Tramlink", "From the city encyclopedia", "See also: Buses in the city and Cycling in the city", "",
              STORY[0], ""] + contents + [""] + sections)
    doc = copy(tmp_path, lines)
    assert paragraphs(doc) == STORY
    assert doc.meta.headline != "See also: Buses in the city and Cycling in the city"


def test_a_fact_boxs_date_is_not_the_articles(tmp_path):
    box = ["Tramlink", "", "Type\tLight rail", "Opened\tMay 10, 2000", "Operator\tCity Transport", ""]
    doc = copy(tmp_path, box + spaced(STORY))
    assert doc.meta.published is None
    dated = copy(tmp_path, box[:-1] + ["Published\tNov 19, 2019", ""] + spaced(STORY))
    assert (dated.meta.published or "")[:10] == "2019-11-19"


def test_a_byline_whose_by_stands_on_its_own_line(tmp_path):
    lines = MENU + ["", "by", "Sleyca", HEADLINE, "Fiction Page", "Donate", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.authors == ("Sleyca",)


# Headlines among lists of titles, captions and links; short headlines.

def test_the_last_of_a_list_of_titles_on_the_same_subject_is_not_the_headline(tmp_path):
    titles = ["Bus fares rise again in the new year", "City hall roof repairs finished early",
              "Northern suburbs council votes on tram extension again"]
    lines = MENU + [""] + titles + ["More articles", "", "So Many Ways to Travel, and to Pay", "By Sarah Needleman",
                                    "Nov. 19, 2019 8:03 am ET", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "So Many Ways to Travel, and to Pay"


def test_a_headline_over_a_slideshows_captions(tmp_path):
    lines = MENU + ["", "Northern suburbs tram vote results", "Regional council tram vote count", "Supporters of the tram extension",
                    "Opponents of the tram extension", "Posted: Fri 6:45 PM, Feb 16, 2018 |", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Northern suburbs tram vote results"


def test_a_links_address_is_not_the_headline(tmp_path):
    lines = MENU + ["", "https://www.valleycourier.com/news/council-votes-to-extend-tram-line-northern-suburbs.php", HEADLINE,
                    "Published 11:26 pm EST, Tuesday, November 19, 2019", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == HEADLINE


def test_a_two_word_headline_over_its_byline(tmp_path):
    lines = MENU + ["", "Tram Reckoning", "By Sarah Needleman", "November 19, 2019 6:30 AM", ""] + spaced(STORY)
    doc = copy(tmp_path, lines)
    assert doc.meta.headline == "Tram Reckoning"
    assert doc.meta.authors == ("Sarah Needleman",)


@pytest.mark.parametrize("line", ["Sarah Needleman", "editor's picks"])
def test_a_two_word_name_or_tag_over_the_dateline_is_not_the_headline(tmp_path, line):
    lines = MENU + ["", HEADLINE, "Filed to: trams", line, "November 19, 2019", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == HEADLINE


# Authors beside a date, over the first paragraph, or further into the text.

@pytest.mark.parametrize("line, authors", [
    ("November 20, 2019 Emiliano Bellini", ("Emiliano Bellini",)),
    ("Текст: Анна Петрова · 24 сентября 2018", ("Анна Петрова",)),
    ("Updated at 5:36 PM CST on Nov 18, 2019", ()),
    ("Reuters November 18, 2019 11:03 PM", ("Reuters",)),
])
def test_a_dateline_that_names_its_author(tmp_path, line, authors):
    assert copy(tmp_path, MENU + ["", HEADLINE, line, ""] + spaced(STORY)).meta.authors == authors


def test_a_name_alone_over_the_first_paragraph_under_a_share_bar_is_its_author(tmp_path):
    # The copy names her again in the note under the post.
    lines = (MENU + ["", HEADLINE, "258 Shares", "Share", "Tweet", "Email", "Sarah Needleman", ""] + spaced(STORY)
             + ["Sarah Needleman writes about transport.", "Contact"])
    assert copy(tmp_path, lines).meta.authors == ("Sarah Needleman",)


def test_a_byline_under_the_standfirst_and_the_pictures_credit(tmp_path):
    lines = MENU + ["", HEADLINE, "", STORY[0], "Trams at the depot on a winter morning.", "Credit...",
                    "Jane Smith/The Valley Courier", "By Sarah Needleman", ""] + spaced(STORY[1:])
    assert copy(tmp_path, lines).meta.authors == ("Sarah Needleman",)


# Site names from copyright lines and domains.

@pytest.mark.parametrize("line, name", [
    ("Copyright 2019. Valley Courier. All Rights Reserved.", "Valley Courier"),
    ("Copyright © 2000- TramRumors.com, LLC.", "TramRumors.com"),
    ("© 2000 - 2019 Al Tramwa (www.altramwa.com)", "Al Tramwa"),
    ("© Tram.org 2003 - 2019 powered by Science X Network", "Tram.org"),
    ("©2019 FOX Tram Network, LLC. All rights reserved.", "FOX Tram"),
])
def test_copyright_lines_in_other_forms(tmp_path, line, name):
    assert site(tmp_path, MENU, ["Contact", line]) == name


@pytest.mark.parametrize("bottom, name", [
    (["About Courier", "Copyright 2019. Valley Courier. All Rights Reserved."], "Valley Courier"),
    (["About Valley Theater", "About Theater", "Copyright © 2016 Valley Theater. All rights reserved."], "Valley Theater"),
])
def test_the_whole_name_of_the_copyright_lines_owner_over_a_part_of_it(tmp_path, bottom, name):
    assert site(tmp_path, MENU, bottom) == name


def test_a_company_the_copy_calls_by_its_initials(tmp_path):
    top = MENU + ["CTN Business", "CTN Politics"]
    assert site(tmp_path, top, ["Watch CTN live", "© 2019 Cable Tram Network. All Rights Reserved."]) == "CTN"


def test_a_domain_the_copy_writes_in_words_elsewhere(tmp_path):
    assert site(tmp_path, ["CBSTrams.com"] + MENU, ["Read CBS Trams every morning"]) == "CBS Trams"


@pytest.mark.parametrize("note, name", [
    ("Ann Lee is a reporter for Valley News.", "Valley News"),
    ("Senior editor at Tramtalk.", "Tramtalk"),
    ("Ann Lee, a writer for partisan website Tramtalk.com, disagreed.", None),
    ("Ann Lee, who is a columnist for The Tribune, disagreed.", None),
])
def test_an_authors_note_names_the_publication_when_nothing_else_does(tmp_path, note, name):
    assert site(tmp_path, MENU, [note, "Contact"]) == name


def test_the_sites_own_words_come_before_an_authors_note(tmp_path):
    assert site(tmp_path, MENU, ["Ann Lee is a reporter for Valley News Tech.", "© 2019 Valley News"]) == "Valley News"


def test_the_posted_dateline_over_the_updated_one(tmp_path):
    lines = MENU + ["", HEADLINE, "Updated: 19 Nov 2019 9:38 pm", "Posted: 12 Nov 2019 8:11 pm", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.published[:10] == "2019-11-12"


def test_a_crosshead_over_the_opening_is_not_its_author(tmp_path):
    lines = MENU + ["", HEADLINE, "Share", "Tweet", "Email", "Northern Suburbs", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.authors == ()


@pytest.mark.parametrize("line, authors", [
    ("Author: Ann Lee", ("Ann Lee",)),
    ("Autor: Hans Meier", ("Hans Meier",)),
    ("Ann Lee and Bo Chan", ("Ann Lee", "Bo Chan")),
    ("Sport and Weather", ()),
])
def test_a_labelled_byline_or_a_line_of_names_under_the_headline(tmp_path, line, authors):
    doc = copy(tmp_path, MENU + ["", HEADLINE, line, "March 5, 2019", ""] + spaced(STORY))
    assert doc.meta.authors == authors


@pytest.mark.parametrize("top", [
    ["Most Recent Stories", "Nov. 18, 2019"],
    ["Most Recent Stories", "Bus fares rise again in the new year", "Nov. 18, 2019", "Roof repairs at city hall finished early",
     "Nov. 17, 2019"],
])
def test_a_list_label_and_the_titles_under_it_are_not_the_headline(tmp_path, top):
    assert copy(tmp_path, MENU + [""] + top + [""] + spaced(STORY)).meta.headline is None


def test_a_headline_its_byline_signs_under_a_more_articles_label(tmp_path):
    lines = MENU + ["", "More articles", "Previous articles", "Tram Reckoning Day", "By Sarah Needleman", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.headline == "Tram Reckoning Day"


@pytest.mark.parametrize("top, bottom, name", [
    ([], ["© 2019 Valley Courier Privacy Policy Terms of Service"], "Valley Courier"),
    (["Follow Valley Courier on Twitter"], [], "Valley Courier"),
    ([], ["Copyright 2019 Valley Courier Media Group, a division of Tram Holdings"], "Valley Courier"),
])
def test_site_names_without_the_footers_links_a_networks_name_or_corporate_words(tmp_path, top, bottom, name):
    assert site(tmp_path, top + MENU, bottom) == name


def test_two_names_under_a_headline_with_no_dateline_are_no_byline(tmp_path):
    lines = [HEADLINE, "", "Ann Lee and Bo Chan", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.authors == ()


# Pictures' file names and galleries' captions.

def test_a_pictures_file_name_is_not_read(tmp_path):
    items = ["Faster trams to the northern suburbs every ten minutes", "Later trams on Friday and Saturday nights",
             "Step-free stops at every station"]
    lines = ([HEADLINE, ""] + spaced(STORY[:2]) + ["What the new line brings:", ""] + items
             + ["tram_depot_01", "IMG_2041.jpg", ""] + spaced(STORY[2:]))
    read = paragraphs(copy(tmp_path, lines))
    assert items[2] in read
    assert "tram_depot_01" not in read and "IMG_2041.jpg" not in read


GALLERY = "2019 Valley Courier Tram Series [The Northern Line] Opening Day at the Depot in Pictures"


def test_a_gallerys_caption_under_every_picture_is_read_once(tmp_path):
    lines = [HEADLINE, ""] + [line for p in STORY for line in (p, "", "\u200b", GALLERY, "\u200b", "")]
    doc = copy(tmp_path, lines)
    assert [b.text for b in doc.blocks].count(GALLERY) == 1


def test_a_plans_repeated_lines_are_all_read(tmp_path):
    day = ["Eat one to two hours after your ride", "",
           "Tram Chicken Zoodles [1 cup zucchini noodles, 4 oz. cooked chicken, half a cup of edamame,", ""]
    lines = [HEADLINE, ""] + [line for p in STORY[:3] for line in [p, ""] + day] + [STORY[3]]
    doc = copy(tmp_path, lines)
    assert [b.text for b in doc.blocks].count(day[2]) == 3


@pytest.mark.parametrize("agency, said", [("REUTERS", "Reuters"), ("AP", "Associated Press"), ("AFP", "AFP")])
def test_a_news_agency_over_the_dateline_signs_the_story(tmp_path, agency, said):
    lines = MENU + ["", HEADLINE, agency, "19 NOV 2019", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.authors == (said,)


@pytest.mark.parametrize("dateline, authors", [("NORTHVILLE, Mich. (AP) — ", ("Associated Press",)), ("NORTHVILLE (Reuters) - ", ("Reuters",)),
                                               ("NORTHVILLE (CTN) — ", ()), ("The council said (AP) — ", ())])
def test_the_agency_in_the_openings_dateline_signs_an_unsigned_story(tmp_path, dateline, authors):
    lines = MENU + ["", HEADLINE, ""] + spaced([dateline + STORY[0]] + STORY[1:])
    assert copy(tmp_path, lines).meta.authors == authors


@pytest.mark.parametrize("label", [f"10 thoughts on “{HEADLINE}”", "One response to “Council votes”"])
def test_a_blogs_thread_opens_on_its_thoughts_on_label(tmp_path, label):
    thread = [label, "Gaye", "", "What a wonderful article, I have taken this tram every day for ten years and love it so much.", "",
              "Ann Lee", "", "Thanks so much for stopping by to read this long article, Gaye, and for leaving a comment too!"]
    story = STORY + [p.replace("council", "city") for p in STORY]  # a label counts under an article's worth of prose
    doc = copy(tmp_path, MENU + ["", HEADLINE, ""] + spaced(story) + thread)
    assert paragraphs(doc) == story


def test_a_run_of_facts_after_the_story_is_read(tmp_path):
    facts = ["Northville (Line A): 10th station", "Southville (Line A): Seventh station", "Eastfield (Line B): Third station",
             "Westfield (Line B): 11th station", "Oldtown (Line C): Fourth station", "Newtown (Line C): Second station"]
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY) + ["Stations so far"] + facts + ["Sarah Needleman", "Transport Writer", "",
                                                                                    "About us", "Privacy policy"]
    assert paragraphs(copy(tmp_path, lines))[-len(facts):] == facts


@pytest.mark.parametrize("titles", [
    ["Tram news: Council votes on the northern suburbs extension again", "Bus fares: City hall says prices will rise in the new year",
     "Roof repairs: The town hall reopens its doors after two long years", "Bike lanes: New routes open across the city centre",
     "Rail strike: Drivers walk out for the third time this winter"],
    ["Tram Guide: Fares", "Tram Guide: Routes", "Tram Guide: Night trams", "Tram Guide: Tickets", "Tram Guide: Accessibility"],
])
def test_a_list_of_titles_with_labels_after_the_story_is_not_read(tmp_path, titles):
    lines = MENU + ["", HEADLINE, ""] + spaced(STORY) + titles + ["", "About us", "Privacy policy"]
    assert paragraphs(copy(tmp_path, lines)) == STORY


def test_a_reporters_question_under_the_headline_signs_nothing(tmp_path):
    lines = MENU + ["", HEADLINE, "Reporter: Mr President, is the tram line going ahead?", ""] + spaced(STORY)
    assert copy(tmp_path, lines).meta.authors == ()


def test_a_contact_block_under_the_story_is_not_read_as_facts(tmp_path):
    contact = ["Phone: 555-0100", "Email: news@valley.example", "Fax: 555-0101", "Address: 1 Main Street", "Hours: 9 to 5"]
    doc = copy(tmp_path, MENU + ["", HEADLINE, ""] + spaced(STORY) + contact)
    assert paragraphs(doc) == STORY
