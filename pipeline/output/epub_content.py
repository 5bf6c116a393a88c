"""The EPUB's text: the edition's chapters laid out as content documents, every transcript cue an element with an id.

The text is built from the transcript cues themselves (what was spoken,
sentence by sentence), so every cue has its place in the text; the article
gives the structure around them: the headline, the dateline, the quotes'
speakers, the language.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime

from ..model import Article, Timeline
from ..stages.script import LANGUAGE_NAMES, QUOTE_INTROS, spoken_date
from .epub_xml import attrs, text

QUOTE_PREFIX = "Quote: "  # a quote chapter's title (stages/script.py)
DAILY_SEPARATOR = " — "  # a daily edition's "Headline — Section" chapters (daily.py)
STYLESHEET = "style.css"


@dataclass(frozen=True)
class Passage:
    """One chapter of the edition, as a section of a content document."""

    title: str  # as the table of contents lists it
    anchor: str  # the section's id
    cues: tuple[int, ...]  # the transcript cues it holds, by their place in the timeline


@dataclass(frozen=True)
class ContentDoc:
    """One XHTML file of the book: a daily edition's contents page, or an article."""

    href: str
    title: str
    language: str
    article: Article | None  # None for the contents page
    passages: tuple[Passage, ...]


def content_docs(timeline: Timeline, article: Article, articles: tuple[Article, ...] = ()) -> list[ContentDoc]:
    """The edition's chapters as documents: one for an article; for a daily edition (``articles``) its contents, then one per article.

    A daily edition's article starts at the chapter titled with its headline
    and holds the chapters titled "Headline — …" that follow; whatever comes
    before the first article (the spoken contents) is the contents page.
    """
    held = cues_by_chapter(timeline)
    if not articles:
        passages = tuple(Passage(mark.title, f"c{n}", held[n - 1]) for n, mark in enumerate(timeline.chapters, 1))
        return [ContentDoc("article.xhtml", article.headline, article.language, article, passages)]
    groups: list[tuple[Article | None, list[Passage]]] = [(None, [])]
    for n, mark in enumerate(timeline.chapters, 1):
        following = len(groups) - 1
        if following < len(articles) and mark.title == articles[following].headline:
            groups.append((articles[following], []))
        owner, passages = groups[-1]
        title = mark.title
        if owner is not None and title.startswith(owner.headline + DAILY_SEPARATOR):
            title = title[len(owner.headline + DAILY_SEPARATOR):]
        passages.append(Passage(title, f"c{n}", held[n - 1]))
    docs = []
    for number, (owner, passages) in enumerate(groups):
        if not passages:
            continue
        if owner is None:
            docs.append(ContentDoc("contents.xhtml", article.headline, article.language, None, tuple(passages)))
        else:
            docs.append(ContentDoc(f"article-{number}.xhtml", owner.headline, owner.language, owner, tuple(passages)))
    return docs


def cues_by_chapter(timeline: Timeline) -> list[tuple[int, ...]]:
    """Each chapter's cues: those starting inside it (one before the first chapter counts as the first's)."""
    starts = [mark.start for mark in timeline.chapters]
    held: list[list[int]] = [[] for _ in starts]
    for index, cue in enumerate(timeline.cues):
        held[max(0, bisect.bisect_right(starts, cue.start) - 1)].append(index)
    return [tuple(cues) for cues in held]


def sentence_id(cue: int) -> str:
    """The id of the element holding cue number ``cue`` (from 0): "s1" is the WebVTT file's cue 1."""
    return f"s{cue + 1}"


def render(doc: ContentDoc, timeline: Timeline, listed: list[ContentDoc] = ()) -> str:
    """The document's XHTML; a contents page links its entries to ``listed``, the articles' documents in order."""
    body = []
    if doc.article is None:
        body += _contents_page(doc, timeline, listed)
    else:
        quotes = iter(doc.article.quotes)
        for position, passage in enumerate(doc.passages):
            if position == 0:
                body += _headline_section(passage, doc.article, timeline)
            elif passage.title.startswith(QUOTE_PREFIX):
                body += _quote_section(passage, doc.article, next(quotes, None), timeline)
            else:
                body += _section(passage, timeline)
    return "\n".join([
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<!DOCTYPE html>",
        f'<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"{attrs(lang=doc.language)}'
        f'{attrs(**{"xml:lang": doc.language})}>',
        "<head>",
        '<meta charset="UTF-8"/>',
        f"<title>{text(doc.title)}</title>",
        f'<link rel="stylesheet" type="text/css" href="{STYLESHEET}"/>',
        "</head>",
        "<body>",
        *body,
        "</body>",
        "</html>",
        "",
    ])


def _span(cue: int, timeline: Timeline, lang: str | None = None) -> str:
    return f'<span{attrs(id=sentence_id(cue), lang=lang, **{"xml:lang": lang})}>{text(timeline.cues[cue].text)}</span>'


def _paragraphs(cues, timeline: Timeline) -> list[str]:
    """Cues as paragraphs, broken where the narration paused for a new paragraph."""
    out, spans = [], []
    for cue in cues:
        spans.append(_span(cue, timeline))
        if timeline.cues[cue].ends_paragraph:
            out.append(f'<p>{" ".join(spans)}</p>')
            spans = []
    if spans:
        out.append(f'<p>{" ".join(spans)}</p>')
    return out


def _section(passage: Passage, timeline: Timeline) -> list[str]:
    """A section under an h2: the spoken section title when the chapter opens with it, else the chapter's title."""
    cues = passage.cues
    if cues and timeline.cues[cues[0]].text == passage.title:
        heading, cues = _span(cues[0], timeline), cues[1:]
    else:
        heading = text(passage.title)
    return [f'<section{attrs(id=passage.anchor)}>', f"<h2>{heading}</h2>", *_paragraphs(cues, timeline), "</section>"]


def _headline_section(passage: Passage, article: Article, timeline: Timeline) -> list[str]:
    """What is read before the headline (the disclosure, or a daily edition's source and date), the h1, the dateline, the notes."""
    cues = passage.cues
    at = next((i for i, cue in enumerate(cues) if timeline.cues[cue].text == article.headline), None)
    before, after = (cues, ()) if at is None else (cues[:at], cues[at + 1:])
    heading = text(article.headline) if at is None else _span(cues[at], timeline)
    english = None if article.language == "en" else "en"
    # Read in the article's language: its name and its source; the disclosure and a daily edition's date are English.
    native = {LANGUAGE_NAMES.get(article.language), article.source}
    intro = [_span(cue, timeline, None if timeline.cues[cue].text in native else english) for cue in before]
    out = [f'<section{attrs(id=passage.anchor, **{"epub:type": "titlepage"})}>']
    if intro:
        out.append(f'<p class="intro">{" ".join(intro)}</p>')
    out.append(f"<h1>{heading}</h1>")
    dateline = _dateline(article)
    if dateline:
        out.append(f'<p class="dateline">{dateline}</p>')
    out += [f'<p class="note"{attrs(lang=english, **{"xml:lang": english})}>{_span(cue, timeline)}</p>' for cue in after]
    return out + ["</section>"]


def _dateline(article: Article) -> str:
    """Source, authors and date, as the page gave them."""
    parts = []
    if article.source:
        parts.append(text(article.source))
    if article.authors:
        parts.append("By " + text(", ".join(article.authors)))
    when = _time(article.published)
    if when:
        parts.append(when)
    return " · ".join(parts)


def _time(published: str | None) -> str | None:
    """A <time> element for an ISO 8601 date; None when it does not parse."""
    try:
        moment = datetime.fromisoformat(published or "")
    except ValueError:
        return None
    machine = moment.date().isoformat() if "T" not in published else moment.isoformat(timespec="seconds")
    return f'<time datetime="{machine}">{text(spoken_date(published) or published)}</time>'


def _quote_section(passage: Passage, article: Article, quote, timeline: Timeline) -> list[str]:
    """The spoken introduction ("X said:") as the heading, the quotation as a blockquote, the speaker's role below."""
    cues = passage.cues
    english = None if article.language in QUOTE_INTROS else "en"  # the introduction is English then (stages/script.py)
    heading = _span(cues[0], timeline, english) if cues else text(passage.title)
    out = [f'<section{attrs(id=passage.anchor, **{"class": "quote"})}>', f"<h2>{heading}</h2>"]
    if cues[1:]:
        out += ["<blockquote>", *_paragraphs(cues[1:], timeline), "</blockquote>"]
    if quote is not None and quote.role:
        out.append(f'<p class="speaker">— {text(quote.attribution)}</p>')
    return out + ["</section>"]


def _contents_page(doc: ContentDoc, timeline: Timeline, listed: list[ContentDoc]) -> list[str]:
    """A daily edition's contents: its title, the spoken opening, then one entry per article, linked to it."""
    out = [f"<h1>{text(doc.title)}</h1>"]
    for passage in doc.passages:
        opening, entries = passage.cues[:1], passage.cues[1:]
        out += [f'<section{attrs(id=passage.anchor)}>', *_paragraphs(opening, timeline)]
        if entries:
            out.append('<ol class="contents">')
            for number, cue in enumerate(entries):
                target = listed[number] if number < len(listed) else None
                if target is None:
                    out.append(f"<li>{_span(cue, timeline)}</li>")
                else:
                    lang = None if target.language == doc.language else target.language
                    out.append(f'<li><a href="{target.href}">{_span(cue, timeline, lang)}</a></li>')
            out.append("</ol>")
        out.append("</section>")
    return out
