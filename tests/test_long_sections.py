"""A long section is read as several chapters, so a listener can skip through it."""
import io
from dataclasses import replace

import pipeline
from pipeline.cli import main
from pipeline.model import Section
from pipeline.stages.script import MAX_CHAPTER_S, PAUSE_PARAGRAPH, _seconds


def seed_body(seed_article):
    return [p for section in seed_article.sections for p in section.paragraphs]


def test_a_long_section_is_split_between_paragraphs_into_parts_of_about_equal_length(seed_article):
    paragraphs = tuple(seed_body(seed_article) * 12)
    article = replace(seed_article, sections=(Section(None, paragraphs),))
    whole = pipeline.script(replace(seed_article, sections=(Section(None, paragraphs[:3]),)), wpm=175)
    assert [c.title for c in whole.chapters if c.title.startswith("Story")] == ["Story"]  # short: not split
    chapters = [c for c in pipeline.script(article, wpm=175).chapters if c.title.startswith("Story")]
    assert [c.title for c in chapters] == ["Story", "Story, part 2", "Story, part 3"]
    lengths = [_seconds(c.utterances, 175) for c in chapters]
    assert max(lengths) <= MAX_CHAPTER_S and max(lengths) - min(lengths) < 0.2 * max(lengths)
    for chapter in chapters[:-1]:
        assert chapter.utterances[-1].pause_ms >= PAUSE_PARAGRAPH  # cut where a paragraph ends
    spoken = [u.display for c in chapters for u in c.utterances]
    unsplit = pipeline.script(replace(seed_article, sections=(Section(None, paragraphs),)), wpm=175)
    assert len(spoken) == sum(len(c.utterances) for c in unsplit.chapters if c.title.startswith("Story"))


def test_one_enormous_paragraph_is_split_between_sentences(seed_article):
    article = replace(seed_article, sections=(Section("Transcript", (" ".join(seed_body(seed_article) * 12),)),))
    chapters = [c for c in pipeline.script(article, wpm=175).chapters if c.title.startswith("Transcript")]
    assert [c.title for c in chapters] == ["Transcript", "Transcript, part 2", "Transcript, part 3"]
    assert chapters[0].utterances[0].display == "Transcript"  # the crosshead is read once, at the start
    assert all(not c.utterances[0].continues for c in chapters)  # no sentence is cut in two
    assert max(_seconds(c.utterances, 175) for c in chapters) <= MAX_CHAPTER_S * 1.5


def test_the_script_command_shows_the_parts(tmp_path, seed_article):
    page = tmp_path / "long.txt"
    body = "\n\n".join(seed_body(seed_article) * 12)
    page.write_text(f"{seed_article.headline}\n\n{body}\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["script", str(page)], stdout=out, stderr=io.StringIO()) == 0
    assert "== Story, part 2" in out.getvalue()
