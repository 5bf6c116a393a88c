"""Lists in a page copy: lines too short to be prose that are still the article's text."""
from __future__ import annotations

import re

from .copylines import APPEAL, PHOTO_CREDIT, Line, run_together
from .lazy_pattern import LazyPattern
from .words import SENTENCE_END, word_count

# A sentence that announces a list ends like this ("Think about it:", "If you are …").
_LIST_INTRO = (":", "…", "...")
MAX_LIST_ITEMS = 15
MIN_ITEM_WORDS = 3  # on average: menus are lists too, of one or two words an entry
# "1. Pack light", "2) Book early", "3 – Go in May".
_NUMBERED = re.compile(r"^(\d{1,2})\s*[.):–—-]\s+\S")
NUMBERED_GAP_LINES = 12  # the most lines between one numbered item and the next
# "+ Added Slime Block", "• Wider pavements", "- Lower fares": a marker the browser copies as text.
_MARKED = re.compile(r"^([+*•·▪◦‣–—-])\s+\w")
MIN_MARKED_ITEMS = 3
# "England (Group A): 10th appearance": a label and a value after its colon.
_LABELLED = LazyPattern(r"^[^:]{2,60}:\s+\S")
MIN_LABELLED_ROWS = 5
# A row so labelled is the page's furniture (a contact block, a post's tags and counts), never a fact of the story.
_FURNITURE_LABELS = frozenset(["phone", "tel", "e-mail", "email", "fax", "address", "hours", "tags", "category",
                               "filed under", "posted in", "share", "views", "comments", "published", "updated", "source"])
MAX_FACT_WORDS = 4  # on average, after the colon
MIN_BULLETS = 3
BULLET_MEDIAN_WORDS = 8
BULLET_WORDS = 6
BULLETS_ENDED = 0.1
# In a deal, recipe or list article the short lines (an item's name, its price, "Get it on Amazon") are
# as many as the paragraphs; in a news story they are a few captions and labels between many paragraphs.
LISTING_SHORT_PER_PROSE = 1.0
LISTING_MIN_ENTRIES = 6


def list_items(lines: list[Line]) -> list[bool]:
    """Lines that are items of a list: announced by a line ending in a colon, numbered 1, 2, 3 …, or marked."""
    flags = [False] * len(lines)
    for i, line in enumerate(lines):
        if line.text.endswith(_LIST_INTRO) and not APPEAL.search(line.text):
            j = i + 1
            while j < len(lines) and j - i <= MAX_LIST_ITEMS and list_entry(lines[j]):
                j += 1
                if lines[j - 1].blank_after:
                    break
            items = lines[i + 1 : j]
            if (len(items) >= 2 and items[-1].blank_after
                    and sum(item.n_words for item in items) >= MIN_ITEM_WORDS * len(items)):
                flags[i + 1 : j] = [True] * len(items)
    for run in _numbered_runs(lines) + _marked_runs(lines) + _labelled_runs(lines):
        # Menus are numbered or marked too, with an entry of a word or two.
        if sum(lines[i].n_words for i in run) >= MIN_ITEM_WORDS * len(run) and all(list_entry(lines[i]) for i in run):
            for i in run:
                flags[i] = True
    return flags


def _marked_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of lines in a row that start with the same list marker ("+ Added Slime Block", "• …")."""
    runs: list[list[int]] = []
    current: list[int] = []
    marker = None
    for i, line in enumerate(lines):
        match = _MARKED.match(line.text)
        if match and match.group(1) == marker and current and current[-1] == i - 1:
            current.append(i)
            continue
        if len(current) >= MIN_MARKED_ITEMS:
            runs.append(current)
        current, marker = ([i], match.group(1)) if match else ([], None)
    if len(current) >= MIN_MARKED_ITEMS:
        runs.append(current)
    return runs


def _labelled_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of MIN_LABELLED_ROWS lines or more packed together, each a label and its value ("England (Group A):
    10th appearance", "Screen: 6.1 inches"): a list of facts, as a standings table or a spec sheet is copied."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        if _LABELLED.match(line.text) and not line.prose and (not current or not lines[i - 1].blank_after):
            current.append(i)
            continue
        if _fact_rows(lines, current):
            runs.append(current)
        current = [i] if _LABELLED.match(line.text) and not line.prose else []
    if _fact_rows(lines, current):
        runs.append(current)
    return runs


def _fact_rows(lines: list[Line], run: list[int]) -> bool:
    """Facts, not a list of titles: each label once (a series' titles repeat theirs: "iOS 13: Safari", "iOS 13:
    Reminders"), its value short (a headline's "Space race BOOST: New rocket which can …" is long)."""
    if len(run) < MIN_LABELLED_ROWS:
        return False
    labels, values = zip(*(lines[i].text.split(":", 1) for i in run))
    if any(label.strip().lower() in _FURNITURE_LABELS for label in labels):
        return False
    return len(set(labels)) == len(labels) and sum(word_count(v) for v in values) <= MAX_FACT_WORDS * len(run)


def _numbered_runs(lines: list[Line]) -> list[list[int]]:
    """Runs of lines numbered 1, 2, 3 … in order, each within a few lines of the one before."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, line in enumerate(lines):
        match = _NUMBERED.match(line.text)
        if not match:
            continue
        number = int(match.group(1))
        if current and number == len(current) + 1 and i - current[-1] <= NUMBERED_GAP_LINES:
            current.append(i)
        elif number == 1:
            if len(current) >= 2:
                runs.append(current)
            current = [i]
    if len(current) >= 2:
        runs.append(current)
    return runs


def bulleted(lines: list[Line]) -> list[bool]:
    """Long lines of a bulleted list: packed without blank lines, most of them a sentence's length, some
    ending like one. Menus are packed too, but of short lines; lists of other stories' headlines are as
    long, but their lines never end like sentences; teaser cards run their title into their blurb.
    """
    flags = [False] * len(lines)
    i = 0
    while i < len(lines):
        j = i + 1
        while j < len(lines) and not lines[j - 1].blank_after:
            j += 1
        block = lines[i:j]
        lengths = sorted(line.n_words for line in block)
        ended = sum(1 for line in block if SENTENCE_END.search(line.text))
        cards = sum(1 for line in block if run_together(line))
        if (len(block) >= MIN_BULLETS and lengths[len(lengths) // 2] >= BULLET_MEDIAN_WORDS
                and ended >= BULLETS_ENDED * len(block) and cards * 2 < len(block)):
            flags[i:j] = [line.n_words >= BULLET_WORDS for line in block]
        i = j
    return flags


def is_listing(lines: list[Line]) -> bool:
    """A deal or list article: as many short entries as prose paragraphs."""
    entries = sum(1 for line in lines if not line.prose and list_entry(line))
    prose = sum(1 for line in lines if line.prose)
    return entries >= LISTING_MIN_ENTRIES and entries >= LISTING_SHORT_PER_PROSE * prose


def list_entry(line: Line) -> bool:
    return line.n_words >= 2 and not (PHOTO_CREDIT.search(line.text) or APPEAL.search(line.text))


# A section's number before its title, as a table of contents lists it: "1 History", "3.7.1 NSS", "2.1. Pledge",
# "2. The Production Environment".
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?P<dots>(?:\.\d{1,2})+\.?|\.)?\s+\S")
_SUBSECTION = re.compile(r"^\d{1,2}\.\d")
_CONTENTS_TITLE = LazyPattern(r"^(?:table of )?contents|inhalt(?:sverzeichnis)?|sommaire|índice|contenidos$", re.I)
MIN_CONTENTS_ENTRIES = 5
CONTENTS_ENTRY_WORDS = 10


def contents_lines(lines: list[Line]) -> list[bool]:
    """The lines of an article's table of contents (and its "Contents" title): a run of short numbered entries,
    some of them subsections ("1.1 …"). It is the article's own furniture: it neither ends the article nor
    parts its opening from its sections, and it is not read (the crossheads it lists are)."""
    flags = [False] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _contents_entry(lines[j]):
            j += 1
        if j - i >= MIN_CONTENTS_ENTRIES and any(_SUBSECTION.match(line.text) for line in lines[i:j]):
            flags[i:j] = [True] * (j - i)
            if i > 0 and _CONTENTS_TITLE.fullmatch(lines[i - 1].text.strip()):
                flags[i - 1] = True
        i = max(j, i + 1)
    return flags


def _contents_entry(line: Line) -> bool:
    return (bool(_SECTION_NUMBER.match(line.text)) and line.n_words <= CONTENTS_ENTRY_WORDS
            and not SENTENCE_END.search(line.text))


def dotted_section_number(text: str) -> bool:
    """Whether a line opens with a section number that has a dot in it ("4.2 Mozilla Persona", "2. The Production
    Environment"), as a contents entry does. A bare number opens titles too ("10 Things to Do in May")."""
    match = _SECTION_NUMBER.match(text)
    return bool(match and match.group("dots"))
