"""script: turn an Article into chapters of utterances, the exact words to speak."""
from __future__ import annotations

import re
from datetime import datetime

from ..model import Article, Script, ScriptChapter, Utterance
from ..text.sentences import split_sentences

# Silences that give the listener the article's shape, in milliseconds.
PAUSE_SENTENCE = 350
PAUSE_PARAGRAPH = 750
PAUSE_HEADLINE = 1800
PAUSE_CHAPTER = 1500


def script(article: Article) -> Script:
    """Chapters in listening order: Headline, Summary, the body's sections, then one per quote."""
    chapters = [_headline(article)]
    if article.summary:
        chapters.append(ScriptChapter("Summary", _paragraphs([article.summary])))
    for number, section in enumerate(article.sections):
        title = section.title or ("Story" if number == 0 else f"Story, part {number + 1}")
        lead = [Utterance(speakable(section.title), PAUSE_PARAGRAPH)] if section.title else []
        chapters.append(ScriptChapter(title, tuple(lead) + _paragraphs(section.paragraphs)))
    for quote in article.quotes:
        # One chapter per quote, so a listener can skip from quote to quote.
        intro = f"{quote.speaker} said:" if quote.speaker else "Speaker unknown:"
        title = f"Quote: {quote.speaker or 'speaker unknown'}"
        chapters.append(ScriptChapter(title, (Utterance(speakable(intro), PAUSE_SENTENCE),) + _paragraphs([quote.text])))
    return Script(tuple(_with_chapter_pause(c) for c in chapters), language=article.language)


# Each language named in itself, since the Headline chapter is read in the article's voice.
LANGUAGE_NAMES = {
    "ar": "العربية", "bg": "Български", "cs": "Čeština", "da": "Dansk", "de": "Deutsch", "el": "Ελληνικά",
    "es": "Español", "fi": "Suomi", "fr": "Français", "he": "עברית", "hi": "हिन्दी", "hu": "Magyar",
    "id": "Bahasa Indonesia", "it": "Italiano", "ja": "日本語", "ko": "한국어", "nl": "Nederlands",
    "no": "Norsk", "pl": "Polski", "pt": "Português", "ro": "Română", "ru": "Русский", "sv": "Svenska",
    "th": "ไทย", "tr": "Türkçe", "uk": "Українська", "vi": "Tiếng Việt", "zh": "中文",
}


def _headline(article: Article) -> ScriptChapter:
    lines = []
    if article.source:
        lines.append(Utterance(speakable(article.source), PAUSE_SENTENCE))
    if article.language != "en":
        name = LANGUAGE_NAMES.get(article.language, article.language)
        lines.append(Utterance(name, PAUSE_SENTENCE))
    # English words for a date would be mispronounced by another language's voice: digits are read in any.
    when = spoken_date(article.published) if article.language == "en" else (article.published or "")[:10]
    if when:
        lines.append(Utterance(when, PAUSE_SENTENCE))
    lines.append(Utterance(speakable(article.headline), PAUSE_HEADLINE if not article.notes else PAUSE_SENTENCE))
    lines.extend(Utterance(note, PAUSE_HEADLINE) for note in article.notes)
    return ScriptChapter("Headline", tuple(lines))


def _paragraphs(paragraphs) -> tuple[Utterance, ...]:
    out: list[Utterance] = []
    for paragraph in paragraphs:
        sentences = [speakable(s) for s in split_sentences(paragraph)]
        sentences = [s for s in sentences if s]
        for i, sentence in enumerate(sentences):
            out.append(Utterance(sentence, PAUSE_PARAGRAPH if i == len(sentences) - 1 else PAUSE_SENTENCE))
    return tuple(out)


def _with_chapter_pause(chapter: ScriptChapter) -> ScriptChapter:
    *rest, last = chapter.utterances
    return ScriptChapter(chapter.title, (*rest, Utterance(last.text, max(last.pause_ms, PAUSE_CHAPTER))))


_EDITORIAL_BRACKETS = re.compile(r"\[([^\]]{1,80})\]")


def speakable(text: str) -> str:
    """Text as it should be read: editors' [brackets] become plain words, spacing tidied."""
    text = _EDITORIAL_BRACKETS.sub(r"\1", text)
    return " ".join(text.split())


def spoken_date(iso: str | None) -> str | None:
    """"2008-02-15T00:27:00+00:00" -> "Friday, 15 February 2008, 00:27 GMT"."""
    if not iso:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    day = f"{moment:%A}, {moment.day} {moment:%B %Y}"
    if "T" not in iso:
        return day
    zone = ""
    if moment.utcoffset() is not None:
        minutes = int(moment.utcoffset().total_seconds() // 60)
        zone = " GMT" if minutes == 0 else f" GMT{minutes // 60:+d}" + (f":{abs(minutes) % 60:02d}" if minutes % 60 else "")
    return f"{day}, {moment:%H:%M}{zone}"
