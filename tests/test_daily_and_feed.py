"""Many articles: the daily edition and the podcast feed."""
import io
import json

import feedparser
import pytest
from conftest import FIXTURES, SEED, ffmpeg_chapters

from pipeline import InputError, build_daily
from pipeline.cli import main
from pipeline.feed import write_feed


@pytest.fixture(scope="module")
def editions(tmp_path_factory, engine):
    out = tmp_path_factory.mktemp("editions")
    daily = build_daily([SEED, FIXTURES / "orchard.txt"], out, title="Morning news", engine=engine)
    code = main(["build", str(FIXTURES / "harbour.html"), "-o", str(out), "--workers", "1"], stdout=io.StringIO(), stderr=io.StringIO())
    assert code == 0
    return out, daily


def test_daily_edition_chapters(editions):
    _, daily = editions
    titles = [c[0] for c in ffmpeg_chapters(daily.mp3)]
    assert titles[0] == "Contents"
    assert titles[1] == "Serbia urges UN action on Kosovo"
    assert "Serbia urges UN action on Kosovo — EU mission" in titles
    assert "Serbia urges UN action on Kosovo — Quote: Vladimir Putin" in titles
    assert "Village orchard saved by community buy-out" in titles
    assert titles[-1] == "Village orchard saved by community buy-out — Quote: Helen Barker"
    chapters = json.load(open(daily.chapters_json))["chapters"]
    assert [c["title"] for c in chapters] == titles
    contents = open(daily.transcript_txt, encoding="utf-8").read()
    assert "In this edition: 1. Serbia urges UN action on Kosovo 2. Village orchard saved by community buy-out" in contents


def test_feed_is_a_valid_podcast_feed(editions):
    folder, daily = editions
    path = write_feed(folder, "https://example.org/news", title="My news")
    feed = feedparser.parse(path.read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "My news"
    assert len(feed.entries) == 2
    by_title = {e.title: e for e in feed.entries}
    item = by_title["Harbour wall to be rebuilt after storm"]
    enclosure = item.enclosures[0]
    assert enclosure.href == "https://example.org/news/harbour.mp3"
    assert enclosure.type == "audio/mpeg"
    assert int(enclosure.length) == (folder / "harbour.mp3").stat().st_size
    assert item.published_parsed[:3] == (2021, 3, 8)
    assert item.summary.startswith("The town council has approved")
    assert int(item.itunes_duration) > 20
    raw = path.read_text(encoding="utf-8")
    assert '<podcast:chapters url="https://example.org/news/harbour.chapters.json" type="application/json+chapters"' in raw
    assert '<podcast:transcript url="https://example.org/news/harbour.vtt" type="text/vtt"' in raw


def test_feed_errors(tmp_path):
    with pytest.raises(InputError, match="no editions"):
        write_feed(tmp_path, "https://example.org/")
    with pytest.raises(InputError, match="no such folder"):
        write_feed(tmp_path / "missing", "https://example.org/")


def test_daily_and_feed_commands(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(["daily", str(FIXTURES / "orchard.txt"), str(FIXTURES / "mercado.txt"), "--title", "Local news",
                 "-o", str(tmp_path), "--workers", "1"], stdout=out, stderr=err)
    assert code == 0 and "local-news.mp3" in out.getvalue()
    out = io.StringIO()
    assert main(["feed", str(tmp_path), "--base-url", "https://example.org/"], stdout=out, stderr=io.StringIO()) == 0
    assert out.getvalue().strip().endswith("feed.xml")
