"""Metadata from HTML pages: authors, dates and site names, one small page per source."""
import pytest

from pipeline import clean, load
from pipeline.text.byline import byline_names

PROSE = "".join(
    f"<p>{p}</p>"
    for p in (
        "The harbour authority said on Monday that the old lighthouse would reopen to visitors next spring.",
        "Repairs to the tower took three years and cost more than two million pounds, most of it raised locally.",
        "Volunteers will run guided tours on weekends, and a small museum will open in the keeper's cottage.",
    )
)


def meta(tmp_path, body, head=""):
    path = tmp_path / "page.html"
    path.write_text(f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>")
    return clean(load(path)).meta


@pytest.mark.parametrize(
    "text, names",
    [
        ("By Ann Lee and Tom Pascoe | 3 June 2019", ("Ann Lee", "Tom Pascoe")),
        ("Al Root, Staff Writer", ("Al Root",)),
        ("Martin Untersinger (avec Damien Leloup et Morgane Tual)", ("Martin Untersinger", "Damien Leloup", "Morgane Tual")),
        ("Written by Rob Ewaschuk Edited by Betsy Beyer", ("Rob Ewaschuk", "Betsy Beyer")),
        ("By Brenda Goodman, MA WebMD Health News", ("Brenda Goodman",)),
        ("By Lucas Nolan22 Dec 2016", ("Lucas Nolan",)),
        ("JOE HILDEBRAND", ("Joe Hildebrand",)),  # as people write it
        ("J J", ()),
        ("By Eric Song, IGN Staff", ("Eric Song",)),
        ("By Associated Press", ("Associated Press",)),
        ("By European Space Agency", ("European Space Agency",)),  # an organisation, not a person and a role
        ("Sarah Smith Staff Writer", ("Sarah Smith",)),
        ("By Matthew Digby, Minh Do on Monday, November 18th, 2019", ("Matthew Digby", "Minh Do")),
        ("Von Moritz Bachmann publiziert am 25. September 2018", ("Moritz Bachmann",)),
        ("Jack Ma", ("Jack Ma",)),
        ("Posted on March 3, 2019 by admin", ()),
        ("By Any Means Necessary", ()),  # a show's title in a menu
        ("By All Accounts", ()),
        ("Organization for Transformative Works", ("Organization for Transformative Works",)),
        ("Council of the European Union", ("Council of the European Union",)),
        ("By Ann Lee for The Guardian", ("Ann Lee",)),
        ("Anna de 3 June 2019", ("Anna",)),  # a name does not end on its connector
        ("Текст: Венера Ерофеева", ("Венера Ерофеева",)),  # a field's label
        ("Finian Cunningham. Sputnik International", ("Finian Cunningham",)),
        ("Carrie ArnoldNovember 15, 2019", ("Carrie Arnold",)),  # a month glued to the name
        ("By Jane DoeMarch 3, 2020", ("Jane Doe",)),
        ("Tom ReyesSeptember 9, 2018 at 4:00 pm", ("Tom Reyes",)),
        ("By Ana DeMarch", ("Ana DeMarch",)),  # a month inside a name: no day's number after it
        ("By Lee McAugust | 3 June 2019", ("Lee McAugust",)),
        ("By Jane Doe. Reuters", ("Jane Doe",)),  # a full stop after the name ends it
        ("By Prof. Jane Doe", ("Prof. Jane Doe",)),  # one before the name is a title's
        ("By Capt. Jane Doe and Sgt. Tom Lee", ("Capt. Jane Doe", "Sgt. Tom Lee")),
        ("By Institute of Physics", ("Institute of Physics",)),  # an organisation's name runs on past "of"
        ("By Society for Science", ("Society for Science",)),  # "Science" is its name's, not a desk
        ("By Tom Union of Springfield", ("Tom Union",)),  # a surname is no organisation's head
        ("By Jane Doe, Council on Foreign Relations", ("Jane Doe",)),
        ("Martin Luther King Jr.", ("Martin Luther King Jr.",)),
        ("By James Marchmont", ("James Marchmont",)),
        ("admin", ()),
    ],
)
def test_byline_names(text, names):
    assert byline_names(text) == names


def test_a_structured_authors_name_is_kept_as_stated_unless_it_holds_several(tmp_path):
    def ld(author):
        return ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Lighthouse to reopen\", "
                f"\"author\": {{\"@type\": \"Person\", \"name\": \"{author}\"}}}}</script>")
    body = f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>"
    assert meta(tmp_path, body, ld("Friends of the Harbour Lighthouse")).authors == ("Friends of the Harbour Lighthouse",)
    assert meta(tmp_path, body, ld("Ann Lee and Tom Pascoe")).authors == ("Ann Lee", "Tom Pascoe")


def test_a_by_line_in_running_text_needs_its_by():
    assert byline_names("Lighthouse Keeper", needs_lead=True) == ()
    assert byline_names("By Ann Lee", needs_lead=True) == ("Ann Lee",)


@pytest.mark.parametrize(
    "byline",
    [
        "<a rel='author' href='/staff/ann-lee'>Ann Lee</a>",
        "<span itemprop='author' itemscope><span itemprop='name'>Ann Lee</span></span>",
        "<div class='article-byline'>By Ann Lee, Political Correspondent</div>",
        "<p>By Ann Lee</p>",
    ],
)
def test_authors_from_what_the_reader_sees(tmp_path, byline):
    assert meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{byline}{PROSE}</article>").authors == ("Ann Lee",)


def test_authors_from_a_news_sites_meta_tag(tmp_path):
    head = "<meta name='parsely-author' content='Ann Lee'>"
    assert meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>", head).authors == ("Ann Lee",)


def test_commenters_are_not_authors(tmp_path):
    comments = "<div id='comments'><div class='comment'><span class='comment-author'>Bob Smith</span><p>Great news.</p></div></div>"
    assert meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>{comments}").authors == ()


def test_json_ld_in_a_cdata_section_is_read(tmp_path):
    head = (
        "<script type='application/ld+json'>//<![CDATA[\n{\"@type\": \"NewsArticle\", \"headline\": \"Lighthouse to reopen\","
        " \"datePublished\": \"2020-05-01T08:00:00Z\", \"author\": [{\"name\": \"Ann Lee\"}, {\"name\": \"Tom Pascoe\"}]}\n//]]></script>"
    )
    found = meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>", head)
    assert (found.published, found.authors) == ("2020-05-01T08:00:00+00:00", ("Ann Lee", "Tom Pascoe"))


def test_an_infobox_cards_date_and_a_citations_are_not_the_pages(tmp_path):
    card = ("<table class='infobox vcard'><tr><th>Founded</th><td>February 28, 1998"
            "<span style='display:none'>(<span class='bday dtstart published updated'>1998-02-28</span>)</span></td></tr></table>")
    cite = "<ol><li><cite class='citation'>\"The lighthouse\". Harbour News. Retrieved 2016-05-01.</cite></li></ol>"
    footer = "<div id='footer'>This page was last modified on 28 October 2016, at 06:56.</div>"
    assert meta(tmp_path, card + PROSE + cite + footer).published == "2016-10-28"


def test_a_visible_dateline_is_the_date_when_the_page_states_none(tmp_path):
    body = f"<article><h1>Lighthouse to reopen</h1><p class='date'>Published 14 March 2021</p>{PROSE}</article>"
    assert meta(tmp_path, body).published == "2021-03-14"


def test_the_site_is_the_part_of_the_title_that_spells_the_domain(tmp_path):
    head = "<title>Lighthouse to reopen - Harbour Times</title><link rel='canonical' href='https://www.harbourtimes.example/lighthouse'>"
    assert meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>", head).source == "Harbour Times"


def test_a_navigation_word_is_not_the_site_name(tmp_path):
    head = "<meta property='og:site_name' content='Home | Harbour Times'>"
    assert meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>", head).source == "Harbour Times"


def test_a_site_name_given_as_a_link_is_said_as_its_host(tmp_path):
    head = "<meta name='application-name' content='http://www.harbourtimes.example'>"
    assert meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>", head).source == "harbourtimes.example"


def test_a_site_name_given_as_a_link_is_said_as_the_page_writes_it(tmp_path):
    head = "<meta property='og:site_name' content='http://www.harbourtimes.example'>"
    body = f"<header><a href='/'>Harbour Times</a></header><article><h1>Lighthouse to reopen</h1>{PROSE}</article>"
    assert meta(tmp_path, body, head).source == "Harbour Times"


def test_a_menus_button_names_no_site(tmp_path):
    body = (f"<header><a href='/subscribe'>Subscribe to Updates</a></header><article><h1>Lighthouse to reopen</h1>"
            f"{PROSE}</article><footer><a href='/legal'>Notice Copyright</a></footer>")
    assert meta(tmp_path, body, head="<title>Lighthouse to reopen</title>").source is None


def test_a_headline_set_as_the_site_name_is_not_the_site(tmp_path):
    head = ("<meta property='og:site_name' content='The old lighthouse will reopen to visitors next spring, officials say'>"
            "<title>Lighthouse to reopen - Harbour Times</title><link rel='canonical' href='https://www.harbourtimes.example/a'>")
    assert meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>", head).source == "Harbour Times"


def test_a_title_in_another_script_that_names_the_domain_is_not_the_site(tmp_path):
    head = ("<title>Маяк снова откроется по версии Harbourtimes.example: список — www.harbourtimes.example</title>"
            "<link rel='canonical' href='https://www.harbourtimes.example/a'>")
    assert meta(tmp_path, f"<article><h1>Маяк снова откроется</h1>{PROSE}</article>", head).source == "harbourtimes.example"


def test_a_sites_software_account_is_no_author(tmp_path):
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Lighthouse to reopen", '
            '"author": {"@type": "Person", "name": "admin"}}</script>')
    assert meta(tmp_path, f"<article><h1>Lighthouse to reopen</h1>{PROSE}</article>", head).authors == ()


@pytest.mark.parametrize("byline", [
    "<h6><em>By </em><a href='/authors/ann-lee/'><span>Ann Lee</span></a></h6>",  # "By" alone in its element
    "<div>Written by <a href='/a/ann-lee'>Ann Lee</a></div>",
])
def test_a_by_line_without_class_names_gives_the_author(tmp_path, byline):
    assert meta(tmp_path, f"<h1>Lighthouse to reopen</h1>{byline}{PROSE}").authors == ("Ann Lee",)


def test_the_by_line_under_the_headline_beats_one_above_it(tmp_path):
    body = ("<p>by Taboola</p><h1>Lighthouse to reopen</h1>"
            f"<p>By Ann Lee</p>{PROSE}")
    assert meta(tmp_path, body).authors == ("Ann Lee",)


def test_by_and_a_verb_is_no_byline(tmp_path):
    assert meta(tmp_path, f"<h1>Lighthouse to reopen</h1><p>By clicking Accept you agree</p>{PROSE}").authors == ()


def test_a_site_stated_nowhere_for_machines_is_read_from_the_copyright_line(tmp_path):
    body = f"<h1>Lighthouse to reopen</h1>{PROSE}<p>© 2019 Harbour Gazette Media LLC. All rights reserved.</p>"
    assert meta(tmp_path, body, head="<title>Lighthouse to reopen</title>").source == "Harbour Gazette"
