"""Readers' comments under an article in a page copy.

A thread is told apart from the story by its furniture, not its prose: a label
("12 Comments", "Leave a reply"), or reply buttons and timestamps that come
back every few lines ("Reply", "Report", "2 days ago", "Ann Lee March 3, 2019
at 4:15 pm"), once an article's worth of prose has gone by.
"""
from __future__ import annotations

import re

from .article_end import COMMENT_LABELS
from .copylines import Line
from .pagecopy_meta import line_date

# A blog's thread opens on "10 thoughts on “<the post's title>”", "One response to “…”": the quoted title tells it
# from a story's own "One response to the plan has been anger".
_LABEL = re.compile(rf"^\W*(?:{COMMENT_LABELS}|reader comments|discussion)|(?:\d+|one)\s+(?:thoughts?|responses?|"
                    r"repl(?:y|ies)|reactions?)\s+(?:on|to)\s+[“‘«'\x22].*)\W*$", re.IGNORECASE)
COMMENTS_AFTER_WORDS = 100
THREAD_AFTER_WORDS = 50  # buttons and timestamps are better evidence than a label, and need less article above
# The buttons under each comment.
_BUTTONS = re.compile(
    r"^(?:reply|report|report abuse|flag|like|permalink|upvote|downvote|recommend|"
    r"\d+\s+(?:likes?|repl(?:y|ies)|points?|votes?))(?:\s*[·|•]\s*\w+(?: abuse)?)*$",
    re.IGNORECASE,
)
_AGO = re.compile(r"^(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$", re.I)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?", re.I)
THREAD_WINDOW = 12  # lines in which ...
THREAD_MARKS = 3  # ... this many buttons and timestamps make a thread
STAMP_WORDS = 12
DATELINE_WORDS = 15
_RUN_TOGETHER = re.compile(r"([a-z])([A-Z])")


def comments_start(lines: list[Line], article_from: int | None = None) -> int | None:
    """Where readers' comments begin, or None when the page shows none after its article.

    A label counts after an article's worth of prose from the top; buttons and timestamps only once the
    article is known to start (at ``article_from``), since lists of stories above it carry timestamps too.
    """
    marks = [_is_button(line) or _is_stamp(line) for line in lines] if article_from is not None else []
    prose_words, article_words = 0, 0
    for i, line in enumerate(lines):
        if (prose_words >= COMMENTS_AFTER_WORDS and _LABEL.match(line.text) and not _is_count(lines, i + 1)
                and not _under_dateline(lines, i)):
            return i
        if article_words >= THREAD_AFTER_WORDS and marks[i] and sum(marks[i : i + THREAD_WINDOW]) >= THREAD_MARKS:
            named = _is_stamp(line) and lines[i - 1].n_words <= 4 and not lines[i - 1].prose
            return i - 1 if named else i  # a commenter's name stands just above the timestamp
        if line.prose:
            prose_words += line.n_words
            article_words += line.n_words if article_from is not None and i >= article_from else 0
    return None


def _under_dateline(lines: list[Line], i: int) -> bool:
    """A count of comments set with the byline and the date ("Associated Press, December 2, 2016", "11
    Comments") belongs to the article's header: the article follows it, not a thread."""
    # A copy may run the agency into the date ("Associated PressDecember 2, 2016").
    return any(lines[j].n_words <= DATELINE_WORDS and line_date(_RUN_TOGETHER.sub(r"\1 \2", lines[j].text))
               for j in range(max(0, i - 2), i))


def _is_count(lines: list[Line], i: int) -> bool:
    """A number alone: what a statistic's label ("Comments:", "1664") stands over, not a thread."""
    return i < len(lines) and lines[i].text.replace(",", "").replace(".", "").isdigit()


def _is_button(line: Line) -> bool:
    return bool(_BUTTONS.match(line.text))


def _is_stamp(line: Line) -> bool:
    """"2 days ago", or a commenter's name with the date and time of the comment."""
    text = line.text
    if _AGO.match(text):
        return True
    return line.n_words <= STAMP_WORDS and not line.prose and bool(_CLOCK.search(text)) and bool(line_date(text))
