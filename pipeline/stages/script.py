"""script: turn an Article into chapters of utterances, the exact words to speak."""
from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from ..model import Article, Script, ScriptChapter, Utterance
from ..tts import DEFAULT_WPM
from ..text.sentences import split_sentences
from ..text.spoken import speech_text
from ..text.words import word_count

# Silences that give the listener the article's shape, in milliseconds.
PAUSE_BREATH = 200  # inside a long sentence, at a clause boundary
PAUSE_QUOTE = 250  # before and after a quotation read in the quote voice
PAUSE_SENTENCE = 350
PAUSE_PARAGRAPH = 750
PAUSE_CHAPTER = 1500
PAUSE_HEADLINE = 1800
# Longer sentences are split at clause boundaries, so no utterance runs on.
MAX_UTTERANCE_WORDS = 35
# Quoted passages at least this long inside a sentence are read in the quote voice.
MIN_VOICED_QUOTE_WORDS = 4
# A section longer than this, spoken, is read as several chapters, so a listener can skip through it.
MAX_CHAPTER_S = 600
MAX_NAMED_AUTHORS = 3  # a disclosure that lists a whole newsroom is no longer short
ESPEAK_PACE = 1.1  # measured: words per minute spoken, over the rate asked for

# Each language named in itself, since the Headline chapter is read in the article's voice.
LANGUAGE_NAMES = {
    "ar": "العربية", "bg": "Български", "cs": "Čeština", "da": "Dansk", "de": "Deutsch", "el": "Ελληνικά",
    "es": "Español", "fi": "Suomi", "fr": "Français", "he": "עברית", "hi": "हिन्दी", "hu": "Magyar",
    "id": "Bahasa Indonesia", "it": "Italiano", "ja": "日本語", "ko": "한국어", "nl": "Nederlands",
    "no": "Norsk", "pl": "Polski", "pt": "Português", "ro": "Română", "ru": "Русский", "sv": "Svenska",
    "th": "ไทย", "tr": "Türkçe", "uk": "Українська", "vi": "Tiếng Việt", "zh": "中文",
}
_QUOTED = re.compile(r"“[^“”]+”|\"[^\"]+\"")
# A colon before a digit is a clock time or a score ("a 4:25 kickoff"), not a clause break.
_CLAUSE_BREAKS = re.compile(r"(?:;|:(?!\d)|,\s+(?=(?:and|but|or|while|which|who|although|because|so|yet)\b)|\s+[–—]\s+)")

# Capitals the article also writes as a name ("SEOUL, South Korea —" over "Seoul", "OXFAM" beside "Oxfam") are said
# as that name: the spelling test cannot tell them from initialisms ("ASDA" and "USDA" look alike). Only a
# capitalised word in running text counts: a tech page writes "http" in lower case, and says H T T P.
_CAPITALS = re.compile(r"\b[A-Z]{4,5}\b")
_AS_WORD = re.compile(r"(?<= )[A-Z][a-z]{3,4}(?=[ ,;:!?]|\.(?:\s|$))")

# How a quote is introduced, by the article's language: "{speaker} said:", and for no speaker.
QUOTE_INTROS = {
    "en": ("{} said:", "Speaker unknown:"),
    "es": ("{} dijo:", "Orador desconocido:"),
    "pt": ("{} disse:", "Autor desconhecido:"),
    "fr": ("{} a dit :", "Auteur inconnu :"),
    "de": ("{} sagte:", "Sprecher unbekannt:"),
    "it": ("{} ha detto:", "Autore sconosciuto:"),
    "nl": ("{} zei:", "Spreker onbekend:"),
}


def script(article: Article, lexicon: Mapping[str, str] | None = None, wpm: int = DEFAULT_WPM) -> Script:
    """Chapters in listening order: Headline, Summary, the body's sections, then one per quote.

    ``lexicon`` maps written words to how to say them; ``wpm`` (the speaking
    rate) only sets the length the opening disclosure announces.
    """
    say = _Sayer(article.language, {**_written_as_words(article), **(lexicon or {})})
    chapters = [ScriptChapter("Headline", ())]
    if article.summary:
        chapters.append(ScriptChapter("Summary", say.paragraphs([article.summary])))
    for number, section in enumerate(article.sections):
        title = section.title or ("Story" if number == 0 else f"Story, part {number + 1}")
        lead = say.line(section.title, PAUSE_PARAGRAPH) if section.title else ()
        chapters.extend(_navigable(ScriptChapter(title, lead + say.paragraphs(section.paragraphs)), wpm))
    said, unknown = QUOTE_INTROS.get(article.language, QUOTE_INTROS["en"])
    # In a language without its own words here, the English introduction is read by the English voice.
    intro_language = None if article.language in QUOTE_INTROS else "en"
    for quote in article.quotes:
        # One chapter per quote, so a listener can skip from quote to quote.
        intro = said.format(quote.speaker) if quote.speaker else unknown
        title = f"Quote: {quote.speaker or 'speaker unknown'}"
        lead = say.line(intro, PAUSE_QUOTE, intro_language)
        chapters.append(ScriptChapter(title, lead + say.paragraphs([quote.text], voice="quote")))
    # The Headline chapter itself counts: its disclosure names the source, authors and date (a quarter of a
    # minute), and saying "about 3 minutes" instead of "about 1 minute" adds a word at most.
    minutes = estimated_minutes([ScriptChapter("Headline", _headline(article, say, 1)), *chapters[1:]], wpm)
    chapters[0] = ScriptChapter("Headline", _headline(article, say, minutes))
    return Script(tuple(_with_chapter_pause(c) for c in chapters), language=article.language)


def _written_as_words(article: Article) -> dict[str, str]:
    """Lexicon entries for the capitals the article also writes as a word: "OXFAM" is said "Oxfam"."""
    if article.language != "en":
        return {}
    text = "\n".join([article.headline, *article.captions, article.text])
    words = {word.upper(): word for word in _AS_WORD.findall(text)}
    return {caps: words[caps] for caps in set(_CAPITALS.findall(text)) if caps in words}


class _Sayer:
    """Turns written text into utterances: speech-ready words, sentence by sentence."""

    def __init__(self, language: str, lexicon: Mapping[str, str]):
        self.language = language
        self.lexicon = dict(lexicon)

    def spoken(self, text: str, language: str | None = None) -> str:
        return speech_text(text, language or self.language, self.lexicon)

    def line(self, text: str, pause: int, language: str | None = None) -> tuple[Utterance, ...]:
        return (Utterance(self.spoken(text, language), pause, display=text, language=language),)

    def paragraphs(self, paragraphs, voice: str = "narrator") -> tuple[Utterance, ...]:
        out: list[Utterance] = []
        for paragraph in paragraphs:
            sentences = [s for s in split_sentences(paragraph) if s.strip()]
            for i, sentence in enumerate(sentences):
                pause = PAUSE_PARAGRAPH if i == len(sentences) - 1 else PAUSE_SENTENCE
                out.extend(self.sentence(sentence, pause, voice))
        return tuple(out)

    def sentence(self, sentence: str, pause: int, voice: str) -> list[Utterance]:
        """A sentence as one or more utterances: quotations in the quote voice, long clauses apart."""
        parts: list[tuple[str, str, int]] = []  # (written text, voice, pause after)
        position = 0
        if voice == "narrator":
            for m in _QUOTED.finditer(sentence):
                if word_count(m.group(0)) < MIN_VOICED_QUOTE_WORDS:
                    continue
                before = sentence[position : m.start()].strip()
                if before:
                    parts.append((before, "narrator", PAUSE_QUOTE))
                parts.append((m.group(0), "quote", PAUSE_QUOTE))
                position = m.end()
        rest = sentence[position:].strip()
        if rest and any(c.isalnum() for c in rest):
            parts.append((rest, voice, pause))
        elif parts:
            parts[-1] = (parts[-1][0] + rest, parts[-1][1], pause)
        out: list[Utterance] = []
        for written, part_voice, part_pause in parts:
            for chunk, chunk_pause in _clauses(written, part_pause):
                spoken = self.spoken(chunk)
                if spoken.strip(" .,;:!?\"“”'‘’"):
                    out.append(Utterance(spoken, chunk_pause, display=chunk, voice=part_voice, continues=bool(out)))
        return out


def _clauses(text: str, pause: int) -> list[tuple[str, int]]:
    """Split a run-on at the clause boundary nearest its middle, until every part is short enough."""
    if word_count(text) <= MAX_UTTERANCE_WORDS:
        return [(text, pause)]
    middle = len(text) / 2
    breaks = [m.end() for m in _CLAUSE_BREAKS.finditer(text) if 20 < m.end() < len(text) - 20]
    if not breaks:
        return [(text, pause)]
    cut = min(breaks, key=lambda b: abs(b - middle))
    return _clauses(text[:cut].strip(), PAUSE_BREATH) + _clauses(text[cut:].strip(), pause)


def _headline(article: Article, say: _Sayer, minutes: int) -> tuple[Utterance, ...]:
    lines: list[Utterance] = []
    # A site credited as its own author ("by BBC News from BBC News") is named once, as the source.
    authors = tuple(a for a in article.authors if a.casefold() != (article.source or "").casefold())
    source = f" by {_names(authors)}" if authors else ""
    source += f" from {article.source}" if article.source else ""
    when = spoken_date(article.published)
    dated = f", published {when}" if when else ""
    length = "about one minute" if minutes <= 1 else f"about {minutes} minutes"
    # The disclosure is English whatever the article's language, and read in an English voice.
    disclosure = f"This is a synthetic voice reading of an article{source}{dated}. It lasts {length}."
    lines.extend(say.line(disclosure, PAUSE_SENTENCE, language="en" if article.language != "en" else None))
    if article.language != "en":
        lines.extend(say.line(LANGUAGE_NAMES.get(article.language, article.language), PAUSE_SENTENCE))
    headline_pause = PAUSE_SENTENCE if article.notes else PAUSE_HEADLINE
    lines.extend(say.line(article.headline, headline_pause))
    for note in article.notes:
        lines.extend(say.line(note, PAUSE_HEADLINE, language="en" if article.language != "en" else None))
    return tuple(lines)


def _names(authors: tuple[str, ...]) -> str:
    """"A", "A and B", "A, B and C"; past three, "A, B, C and others"."""
    names = list(authors[:MAX_NAMED_AUTHORS])
    if len(authors) > MAX_NAMED_AUTHORS:
        names.append("others")
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def estimated_minutes(chapters: list[ScriptChapter], wpm: int, opening_words: int = 0) -> int:
    """The edition's length, from its words at ``wpm`` and its pauses, in whole minutes.

    ``opening_words`` counts an opening chapter not yet among ``chapters``.
    """
    utterances = [u for c in chapters for u in c.utterances]
    # The pause each chapter will end on, where it is not there yet.
    endings = sum(max(0, PAUSE_CHAPTER - c.utterances[-1].pause_ms) for c in chapters if c.utterances) / 1000
    return max(1, round((_seconds(utterances, wpm) + endings + opening_words / (wpm * ESPEAK_PACE) * 60) / 60))


def _seconds(utterances, wpm: int) -> float:
    """Speaking time of ``utterances`` at ``wpm``, pauses included."""
    # eSpeak NG speaks about a tenth faster than its nominal rate once its own silences are trimmed.
    speech_s = sum(word_count(u.text) for u in utterances) / (wpm * ESPEAK_PACE) * 60
    return speech_s + sum(u.pause_ms for u in utterances) / 1000


def _navigable(chapter: ScriptChapter, wpm: int) -> list[ScriptChapter]:
    """A chapter over MAX_CHAPTER_S cut into parts of about equal length, titled "Title", "Title, part 2", ….

    Cuts fall between paragraphs, or between sentences where one paragraph
    alone is too long, so a listener can skip through a long read, and no
    chapter holds more audio than a few minutes' worth.
    """
    utterances = chapter.utterances
    count = math.ceil(_seconds(utterances, wpm) / MAX_CHAPTER_S)
    if count <= 1:
        return [chapter]
    elapsed = list(itertools.accumulate(_seconds([u], wpm) for u in utterances))
    share = elapsed[-1] / count
    cuts: list[int] = []
    for boundary in (PAUSE_PARAGRAPH, PAUSE_SENTENCE):
        # After an utterance that ends a paragraph (or a sentence) and is not continued.
        places = [i + 1 for i, u in enumerate(utterances[:-1])
                  if u.pause_ms >= boundary and not utterances[i + 1].continues]
        cuts = sorted({min(places, key=lambda p: abs(elapsed[p - 1] - share * k)) for k in range(1, count)}) if places else []
        bounds = [0, *cuts, len(utterances)]
        longest = max(elapsed[b - 1] - (elapsed[a - 1] if a else 0) for a, b in zip(bounds, bounds[1:]))
        if longest <= MAX_CHAPTER_S * 1.5:
            break
    bounds = [0, *cuts, len(utterances)]
    return [
        ScriptChapter(chapter.title if n == 0 else f"{chapter.title}, part {n + 1}", utterances[a:b])
        for n, (a, b) in enumerate(zip(bounds, bounds[1:]))
    ]


def _with_chapter_pause(chapter: ScriptChapter) -> ScriptChapter:
    *rest, last = chapter.utterances
    return ScriptChapter(chapter.title, (*rest, replace(last, pause_ms=max(last.pause_ms, PAUSE_CHAPTER))))


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
