"""Find the article in a plain-text copy of a web page.

A browser copy keeps no markup, only lines. Article paragraphs are long lines
that end like sentences; navigation, sidebars and footers are runs of short
lines. The article is the stretch of lines with the best balance of the two
(a maximum-sum run), and the lines just above it hold the headline, date,
byline and image captions.
"""
from __future__ import annotations


import re
from collections import Counter

from ..model import Block, Document, Metadata
from .copylines import APPEAL, PHOTO_CREDIT, Line, code_lines, copy_lines, run_together, table_rows
from .article_end import ARTICLE_END
from .copycomments import comments_start
from .copylists import bulleted, contents_lines, is_listing, list_entry, list_items
from .language import detect_language
from .lazy_pattern import LazyPattern
from .pagecopy_meta import (after_opening_header, card_blurbs, first_date, headed, opening_title, read_header, signature,
                            site_name, wire_dateline)
from .regions import densest_run
from .words import PAYWALL, SENTENCE_END, looks_like_name


def clean_page_copy(content: str) -> Document:
    lines = copy_lines(content)
    start, end = _article_span(lines)
    if start is None:
        return Document(blocks=(), meta=Metadata(language=detect_language(content), paywalled=bool(PAYWALL.search(content))))
    if start == 0 and end > 0 and opening_title(lines[0]):
        start = 1  # a plain text of an article: the headline is its first line, however it ends
    start = after_opening_header(lines, start, end)
    header = read_header(lines, start)
    body = _body(lines[start : end + 1])
    blocks = tuple(header.blocks) + tuple(body)
    text = " ".join(b.text for b in body)
    meta = Metadata(
        headline=header.headline,
        source=site_name(lines),
        published=header.published or first_date(lines),
        language=detect_language(text),
        authors=header.authors or signature(lines, end) or wire_dateline(lines[start].text),
        paywalled=bool(PAYWALL.search(content)),
    )
    return Document(blocks=blocks, meta=meta)


# See _gallery_caption.
GALLERY_REPEATS = 3
GALLERY_CAPTION_WORDS = 10
# One word of letters, figures and underscores with an underscore in it, or an image's file name.
_FILE_NAME = LazyPattern(r"^(?:\w*_[\w-]*|[\w-]+\.(?:jpe?g|png|gif|webp|svg))$", re.I)
# A layout without blank lines between paragraphs still shows the article as a long run of prose.
LONG_PROSE_RUN = 8


ARTICLE_END_PENALTY = 8.0
LONG_GAP_LINES = 12  # furniture lines in a row beyond which each costs LONG_GAP_FACTOR times as much
LONG_GAP_FACTOR = 3.0
# A bulleted list's item: less than a paragraph, but not furniture either.
BULLET_SCORE = 0.5
# A headed run of prose at least this share of a headless one's score is the article.
RIVAL_SHARE = 0.3
# A data table's row or a list's item: content, though not prose.
TABLE_ROW_SCORE = 1.0
# Other stories' cards after a label: titles of at most CARD_TITLE_WORDS over blurbs of at most CARD_BLURB_WORDS.
CARD_TITLE_WORDS = 12
CARD_BLURB_WORDS = 40


def _scores(lines: list[Line], comments: int | None) -> list[float]:
    """How much each line looks like article text (positive) or page furniture (negative).

    Browsers set paragraphs apart with blank lines; prose packed between other
    lines is a teaser card or a sidebar blurb far more often than article text,
    unless it is one of many prose lines in a row.
    """
    runs = [0] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].prose:
            j += 1
        runs[i:j] = [j - i] * (j - i)
        i = max(j, i + 1)
    scores = []
    bullets = bulleted(lines)
    code = code_lines(lines)
    contents = contents_lines(lines)
    cards = _cards(lines)
    for i, (line, run, row, item) in enumerate(zip(lines, runs, table_rows(lines), list_items(lines))):
        isolated = line.blank_before or line.blank_after
        if comments is not None and i >= comments:
            scores.append(-1.0)
        elif code[i]:
            scores.append(0.0)  # a code sample sits inside a tech article: it neither ends it nor is read
        elif cards[i]:
            scores.append(-1.0)
        elif row or item:
            scores.append(TABLE_ROW_SCORE)
        elif contents[i]:
            scores.append(0.0)  # the contents part an encyclopedia's opening from its sections, and end neither
        elif ARTICLE_END.match(line.text):
            scores.append(-ARTICLE_END_PENALTY)
        elif not line.prose or (not isolated and (run_together(line) or run < LONG_PROSE_RUN)):
            scores.append(BULLET_SCORE if bullets[i] else -1.0)
        else:
            scores.append(2.0 + min(line.n_words, 60) / 5)
    return _widen_long_gaps(scores)


def _widen_long_gaps(scores: list[float]) -> list[float]:
    """Make a long stretch of page furniture cost more per line than a short one.

    An article's own furniture (a caption, a share bar, an inline link) is a
    few lines; dozens of lines in a row are the page around it, and the prose
    beyond them (a privacy policy, another story) is not the article's.
    """
    out, streak = [], 0
    for score in scores:
        streak = streak + 1 if score < 0 else 0
        out.append(score * LONG_GAP_FACTOR if streak > LONG_GAP_LINES else score)
    return out


def _article_span(lines: list[Line]) -> tuple[int | None, int | None]:
    """The maximum-sum run of line scores, trimmed to prose and to the article between the site's own appeals.

    A run with no headline above it gives way to a smaller one under a headline its opening repeats: a long
    sidebar of prose (an author's biography, a newsletter's pitch, another story) is not the article.
    """
    scores = _scores(lines, comments_start(lines))
    start, end = densest_run(scores, lambda i: lines[i].prose)
    if start is None:
        return None, None
    thread = comments_start(lines, article_from=start)
    if thread is not None and thread <= end:
        scores = _scores(lines, thread)
        start, end = densest_run(scores, lambda i: lines[i].prose)
    rival = _rival_run(scores, lines, start, end)
    if (rival and not headed(lines, start) and headed(lines, rival[0])
            and sum(scores[rival[0] : rival[1] + 1]) >= RIVAL_SHARE * sum(scores[start : end + 1])):
        start, end = rival
    while start < end and (APPEAL.search(lines[start].text) or not lines[start].prose):
        start += 1  # a cookie notice or a newsletter's pitch above the article is not its opening
    items = list_items(lines)
    while start > 0 and items[start - 1]:
        start -= 1  # a list article opens on its first item ("+ Added Slime Block"), not its first sentence
    tail = end
    while tail > start and (APPEAL.search(lines[tail].text) or not lines[tail].prose):
        tail -= 1
    appeals = [i for i in range(tail + 1, end + 1) if APPEAL.search(lines[i].text)]
    end = appeals[0] - 1 if appeals else end
    return start, end


def _cards(lines: list[Line]) -> list[bool]:
    """Other stories' cards: blurbs signed and dated one by one (``card_blurbs``), and the cards a label ("More
    stories", "Related") opens where the text ends: from the label to the last line, every line of prose is a
    blurb of a sentence or two under a card's title (a short line), at least two of them. The blurbs are prose,
    enough to outweigh the label's penalty and carry the article on past it; a "Recommended" box inside an
    article is followed by the article's own paragraphs. Over the article's span (``_body``), "the last line"
    is the span's: cards before the page's footer are found there."""
    flags = card_blurbs(lines)
    for i, line in enumerate(lines):
        if ARTICLE_END.match(line.text):
            last = _last_card(lines, i)
            if last is not None:
                flags[i + 1 : last + 1] = [True] * (last - i)
    return flags


def _last_card(lines: list[Line], label: int) -> int | None:
    last, titled = label, 0
    for k in range(label + 1, len(lines)):
        if lines[k].prose:
            if not (_card_title(lines[k - 1]) and lines[k].n_words <= CARD_BLURB_WORDS):
                return None
            last, titled = k, titled + 1
    return last if titled >= 2 else None


def _card_title(line: Line) -> bool:
    return line.n_words <= CARD_TITLE_WORDS and not SENTENCE_END.search(line.text)


def _rival_run(scores: list[float], lines: list[Line], start: int, end: int) -> tuple[int, int] | None:
    """The best run of line scores before or after the span ``start``..``end``."""
    best = None
    for first, last in ((0, start), (end + 1, len(scores))):
        s, e = densest_run(scores[first:last], lambda i: lines[first + i].prose)
        if s is not None and (best is None or sum(scores[first + s : first + e + 1]) > sum(scores[best[0] : best[1] + 1])):
            best = (first + s, first + e)
    return best


def _body(lines: list[Line]) -> list[Block]:
    blocks: list[Block] = []
    rows = table_rows(lines)
    listing = is_listing(lines)
    items = [item or bullet for item, bullet in zip(list_items(lines), bulleted(lines))]
    code = code_lines(lines)
    contents = contents_lines(lines)
    cards = _cards(lines)
    captions: set[str] = set()
    repeats = Counter(line.text for line in lines)
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if rows[i]:
            j = i
            while j < len(lines) and rows[j]:
                j += 1
            blocks.append(Block("table", "\n".join(l.text for l in lines[i:j])))
            i = j
            continue
        if code[i] or cards[i] or contents[i] or _FILE_NAME.match(line.text):
            # Code is shown, not said; another story's blurb is not this story; the contents list crossheads; a
            # picture's file name ("dp3_1_en", "IMG_2041.jpg") stands in for a caption its page never wrote.
            pass
        elif items[i]:
            blocks.append(Block("paragraph", line.text))  # a meal plan's list may name the same dish each day
        elif _gallery_caption(lines, i, repeats):
            if line.text not in captions:  # a gallery's caption, set under every picture: read once
                blocks.append(Block("caption", line.text))
                captions.add(line.text)
        elif line.prose and PHOTO_CREDIT.search(line.text):
            blocks.append(Block("caption", line.text))
        elif line.prose and not (nxt and _is_attribution(line, nxt)):
            blocks.append(Block("paragraph", line.text))
        elif nxt and _is_attribution(line, nxt):
            blocks.append(Block("pullquote", _strip_marks(line.text), speaker=nxt.text))
            i += 1
        elif _is_crosshead(line, nxt):
            blocks.append(Block("heading", line.text))
        elif line.blank_before and line.blank_after and line.n_words >= 2 and SENTENCE_END.search(line.text):
            blocks.append(Block("paragraph", line.text))  # a short paragraph of its own: "Now get prepping!"
        elif listing and list_entry(line):
            blocks.append(Block("paragraph", line.text))
        elif line.n_words >= 6 and not SENTENCE_END.search(line.text) and line.text not in captions:
            blocks.append(Block("caption", line.text))  # once: a gallery sets the same words under every picture
            captions.add(line.text)
        i += 1
    return blocks


def _gallery_caption(lines: list[Line], i: int, repeats: Counter) -> bool:
    """A gallery's caption, set word for word under each picture between the article's own paragraphs: a long
    line that is no sentence, held GALLERY_REPEATS times, its neighbours each said once. An interview's repeated
    question is a sentence; a meal plan repeats its dish with the lines around it ("Eat 1–2 hours after …")."""
    line = lines[i]
    if repeats[line.text] < GALLERY_REPEATS or line.n_words < GALLERY_CAPTION_WORDS or SENTENCE_END.search(line.text):
        return False
    # The nearest lines with words: a copy keeps a zero-width space as a line of its own.
    before = next((j for j in range(i - 1, -1, -1) if lines[j].n_words), None)
    after = next((j for j in range(i + 1, len(lines)) if lines[j].n_words), None)
    return all(repeats[lines[j].text] == 1 for j in (before, after) if j is not None)


def _is_attribution(quote: Line, name: Line) -> bool:
    """A pull quote box: the quote, then its speaker's name on the very next line."""
    return (
        not quote.blank_after
        and name.blank_after
        and quote.n_words >= 4
        and not quote.text.endswith(":")
        and looks_like_name(name.text)
    )


def _is_crosshead(line: Line, nxt: Line | None) -> bool:
    return (
        line.blank_before
        and line.blank_after
        and 1 <= line.n_words <= 12
        and line.text[:1].isupper()
        and not line.text.endswith((".", ",", ";"))
        and nxt is not None
        and nxt.prose
    )


def _strip_marks(text: str) -> str:
    return text.strip().strip("\"'“”‘’«»„").strip()


