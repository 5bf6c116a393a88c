"""A daily edition: several articles in one MP3, after a short spoken contents list."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from .model import Article, Script, ScriptChapter, Section, Utterance
from .stages.script import DEFAULT_WPM, PAUSE_CHAPTER, PAUSE_HEADLINE, PAUSE_SENTENCE, estimated_minutes, spoken_date
from .text.spoken import speech_text


def daily_script(articles: list[Article], scripts: list[Script], title: str,
                 lexicon: Mapping[str, str] | None = None, wpm: int = DEFAULT_WPM) -> Script:
    """Contents, then each article as a group of chapters: its headline, then "Headline — Section".

    ``scripts`` are the articles' own scripts, whose chapters after the
    Headline are read as they are.
    """
    groups: list[ScriptChapter] = []
    for article, own_script in zip(articles, scripts):
        own = own_script.chapters
        language = None if article.language == "en" else article.language
        lines = [Utterance(speech_text(article.source, article.language), PAUSE_SENTENCE, display=article.source, language=language)] if article.source else []
        when = spoken_date(article.published)
        if when:
            lines.append(Utterance(speech_text(when), PAUSE_SENTENCE, display=when, language="en" if language else None))
        lines.append(Utterance(speech_text(article.headline, article.language, lexicon), PAUSE_HEADLINE, display=article.headline, language=language))
        groups.append(ScriptChapter(article.headline, tuple(lines)))
        for chapter in own[1:]:
            utterances = tuple(replace(u, language=u.language or language) for u in chapter.utterances)
            groups.append(ScriptChapter(f"{article.headline} — {chapter.title}", utterances))
    minutes = estimated_minutes(groups, wpm, opening_words=25)  # the Contents chapter, made below
    length = "about one minute" if minutes <= 1 else f"about {minutes} minutes"
    count = "one article" if len(articles) == 1 else f"{len(articles)} articles"
    opening = f"{title}. This is a synthetic voice reading of {count}. It lasts {length}. In this edition:"
    contents = [Utterance(speech_text(opening), PAUSE_SENTENCE, display=opening)]
    for number, article in enumerate(articles, start=1):
        entry = f"{number}. {article.headline}"
        language = None if article.language == "en" else article.language
        contents.append(Utterance(speech_text(f"{number}.") + " " + speech_text(article.headline, article.language, lexicon),
                                  PAUSE_SENTENCE, display=entry, language=language))
    last = contents[-1]
    contents[-1] = replace(last, pause_ms=max(last.pause_ms, PAUSE_CHAPTER))
    return Script((ScriptChapter("Contents", tuple(contents)), *groups), language="en")


def daily_article(articles: list[Article], title: str) -> Article:
    """What the daily edition's tags and JSON describe: its title, contents and each article's summary."""
    return Article(
        headline=title,
        summary="; ".join(a.headline for a in articles),
        sections=tuple(Section(a.headline, (a.summary or "",)) for a in articles),
        source="newscast",
        published=date.today().isoformat(),
        language="en",
    )
