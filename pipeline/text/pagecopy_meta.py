"""Headline, byline, dateline and site name from the lines of a page copy.

A copy keeps no markup, so what the page says about its article is read from
where lines stand and what they look like: the headline is a title-like line
above the article that its opening repeats, or that sits just above a byline
or a dateline; the byline and the dateline are short lines near the headline.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from ..model import Block
from .byline import MAX_NAME_TOKENS, ROLES, byline_names, lead_byline, tidy_name
from .copylines import PHOTO_CREDIT, Line
from .copylists import dotted_section_number
from .dates import find_date
from .lazy_pattern import LazyPattern
from .words import STOPWORDS, content_stems, looks_like_name, word_count, words

# How many non-blank lines above the article may hold its headline and captions.
HEADER_LINES = 20
FAR_HEADER_LINES = 45  # a headline this far up is taken only when it matches the opening well, or is signed
FAR_HEADLINE_SHARE = 0.6
BODY_LINES_FOR_HEADLINE = 10
HEADLINE_SHARE = 0.3  # of a headline's content words that the article's opening repeats
# A headline stands at most this many lines above its byline or dateline (a standfirst may come between).
ANCHOR_LINES = 3
ANCHOR_BONUS = 0.5
# Bylines and datelines are looked for this many lines into the article too (under a standfirst).
META_LINES_INTO_BODY = 4
BYLINE_LINES_INTO_BODY = 6  # and a line that says "By" this many
# A line of a name alone under the headline is its author's: within two lines, or next to the dateline this close.
NAME_LINES_UNDER_HEADLINE = 4
MAX_META_WORDS = 25  # a byline or dateline longer than this is a sentence that happens to hold one
# The most lines from one story's card to the next.
CARD_LINES = 8
# How many lines under the article its author's signature may stand.
SIGNATURE_LINES = 2
# A text with no more than this many lines above its first paragraph is a plain text, not a web page: its
# first line is its headline.
PLAIN_TOP_LINES = 3
# A title of a word or two in the copy's first TOPIC_TOP_LINES is the article's topic when each of its words is
# among the TOPIC_STEMS the first TOPIC_BODY_LINES of the article repeat most, at least TOPIC_MIN_REPEATS times.
TOPIC_BODY_LINES = 40
TOPIC_TOP_LINES = 5
TOPIC_STEMS = 3
TOPIC_MIN_REPEATS = 5
# A kicker over a headline has at most KICKER_WORDS, and KICKER_SHORTER fewer than the headline.
KICKER_WORDS = 5
KICKER_SHORTER = 2
# A title in two parts, a label and its subject: "Council vote: what it means", "Pack 3 / October", "X — Y".
_TWO_PARTS = LazyPattern(r"\S\s*:\s|\s[/|–—-]\s|[«“\"]")
# A line under the headline this long is its standfirst, not a title.
DEK_WORDS = 12
SHORT_TITLE_WORDS = 20  # a headline may be two sentences ("Game over. Will Sanders come down?"), a long one is not

# A byline set on two lines, its "by" alone over the name ("by" / "Sleyca"), as some layouts copy.
_BY_ALONE = re.compile(r"^\s*(?:by|por|von|par|door)\s*:?\s*$", re.I)
_BY = re.compile(r"\b(?:by|por|von|par|di|door)\s*[:\-]?\s+", re.I)
# "By Alex Heath, a deputy editor and author of …": a byline that goes on to say who the author is.
# (?-i:[A-Za-z]) is any letter of a case-blind pattern, as in dates.py.
_BYLINE_WITH_BIO = re.compile(r"^(?:by|por|von|par)\s+(?:(?-i:[A-Za-z])[\w.'’-]*\s+){1,3}(?-i:[A-Za-z])[\w.'’-]*,\s+(?:an?|the)\s+(?-i:[A-Za-z])", re.I)
# What may stand before "by" on a byline ("Analysis by", "Posted by"); "Photos by" or "Sponsored by" name no author.
_BY_LEAD = LazyPattern(r"^(?:analysis|story|words|text|written|posted|reported|reporting|report|published|"
                      r"commentary|opinion|review|interview|article|updated|escrito|publicado|geschrieben|publiziert)$", re.I)

# A label over a list of other stories, and how many lines of such a list a headline may stand under. Not
# ARTICLE_END, which counts a comments count among the labels that end an article ("Comments:" in a fact box).
_LIST_LABEL = LazyPattern(r"^\W*(?:(?:most\s+)?(?:recent|latest|top|featured|popular|more|related|trending|recommended)\s+"
                          r"(?:\w+\s+)?(?:stories|news|articles|posts|headlines|videos|reads)|related|trending(?:\s+now)?|"
                          r"popular\s+now|recommended(?:\s+for\s+you)?|most\s+(?:read|popular|viewed|shared)|"
                          r"you\s+(?:may|might)\s+also\s+(?:like|enjoy))\W*$", re.I)
LABEL_LINES = 12
_WIRES = frozenset(["reuters", "associated press", "the associated press", "ap", "afp", "agence france-presse", "bloomberg",
                    "dpa", "upi", "press association", "efe", "ansa", "xinhua", "kyodo news", "kyodo"])
# How to say an agency a copy names by its initials: "AP" in full, the others letter by letter (never "Afp").
_WIRE_SAID = {"ap": "Associated Press", "afp": "AFP", "dpa": "dpa", "upi": "UPI", "efe": "EFE", "ansa": "ANSA"}
# A place in capitals, maybe its state ("ST. JOSEPH, Mich."), the agency in brackets, a dash.
_WIRE_DATELINE = LazyPattern(r"^(?:[A-Z][A-Z.' -]{0,40}(?:,\s+[A-Z][a-z.]+)?\s)?\(([A-Za-z][\w .-]{0,25})\)\s*[-—–]")
# A byline that labels its name instead of saying "by".
# Not "Reporter:", which opens a question in a transcript ("Reporter: Mr President, is the tram line going ahead?").
_AUTHOR_LABEL = LazyPattern(r"^(?:authors?|autor(?:es|in)?|auteurs?|verfasser(?:in)?|автор|words|writer)\s*:\s*\S", re.I)
_CLOCK_TIME = LazyPattern(r"^\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+(?-i:[A-Za-z]){1,4})?$", re.I)
# A year glued to the time after it ("NOV 20 20194:29 AM"), as copies of some layouts have it.
_GLUED_YEAR = re.compile(r"\b((?:19|20)\d{2})(?=\d{1,2}:\d{2})")
_NUMERIC_DATES = (
    (re.compile(r"(?<![\d/.])((?:19|20)\d{2})[./-](\d{1,2})[./-](\d{1,2})(?![\d/])"), "ymd"),
    (re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})/((?:19|20)?\d{2})(?![\d/])"), "mdy"),
    (re.compile(r"(?<![\d/.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?![\d.])"), "dmy"),
)
_UPDATED = LazyPattern(r"^\W*(?:last\s+)?(?:updated|modified|edited|aktualisiert|actualizado|mis à jour)\b", re.I)
# A line that stamps the article rather than titles it: "Published 1 day ago", "By …".
_STAMP = re.compile(r"^(?:by|published|updated|posted|last updated|modified)\b", re.I)
# A line of the site's navigation: a breadcrumb from "Home", a share, download or sign-in prompt, a wiki's
# pointer to other pages ("See also: …", "Main article: …").
_NAVIGATION = re.compile(r"^(?:home\s*[/>»›|:-]|home (?:news|blog|page)\b|(?:menu|skip|search|share|sign|log|subscribe|follow|download|advertisement|see also|main article|further information)\b)|\bshare (?:this|on)\b|\s[»›>](?:\s|$)", re.I)
_SECOND_SENTENCE = LazyPattern(r"\w\w[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")
_FULL_STOP = re.compile(r"(?<![.\s]\w)(?<!\.\w\w)\.[\"'”’]?$")
# Menu entries run together: "Últimas NoticiasSociedadPolíticaEl MundoOpinión".
_MENU_RUN = re.compile(r"(?:[a-zà-ÿ][A-ZÀ-Þ].*?){3}")
# The words after a dateline's last figure: "November 20, 2019 Emiliano Bellini".
_AFTER_DATE = LazyPattern(r"\d[^\d\s]*\s+([^\d]+)$")
# A link's address shown as text (a share box's "copy this link"), never a headline.
_ADDRESS = LazyPattern(r"^(?:https?://|www\.)\S*$")
# Code that a copy shows when a page's scripts are not run; never a headline.
_CODE = re.compile(r"[{}=<>]|\w\(\)|\bfunction\b|\bvar\s|\w+\.\w+\s*=")
# A masthead: "BBC News", "The Valley Gazette"; not a byline or a section ("Breaking News").
_NEWS_NAME = re.compile(
    r"^(?!(?i:by|breaking|latest|top|local|world|business|sports?|tech|technology|financial|"
    r"more|related|trending|science|health|entertainment|politics|weather|video)\s)"
    r"(?:The\s+)?(?:[A-Z][\w&.'’-]*\s+){1,3}(?:News|Times|Post|Journal|Herald|Guardian|Tribune|Telegraph|"
    r"Gazette|Chronicle|Independent|Express|Mirror|Observer|Reuters|Press|Today|Daily|Magazine|Review|Star)$"
)
# What follows a publisher's name in a copyright line without being part of it.
_LEGAL_TAIL = LazyPattern(r"(?:,?\s+(?:LLC|Inc|Ltd|Limited|Pty|PLC|Corp|GmbH|S\.?A|\d{4}(?:\s*[-–]\s*\d{4})?)\.?)+\s*$", re.I)
# A company's legal form set before its name: "SA LA NACION", "S.A. El Tiempo".
_LEGAL_HEAD = LazyPattern(r"^S\.?A\.?\s+(?=\S)")
# A copyright line that reserves rights is the site's own, not a credit.
_RIGHTS = LazyPattern(r"\brights\s+reserved\b|\bderechos\s+reservados\b|\bdroits\s+réservés\b|\brechte\s+vorbehalten\b", re.I)
# The years may be a range left open ("2000-") or end the sentence ("Copyright 2019. Washington Examiner."); the
# name ends at a full stop, a comma, its domain in brackets or the years set after it ("© Phys.org 2003 - 2019").
_COPYRIGHT = LazyPattern(r"(?:(?:©|\(c\)|copyright)\s*)+(?:\d{4}(?:\s*[-–]\s*(?:\d{4})?)?\.?\s*)?,?\s*(?:by\s+)?"
                         r"(?P<name>(?-i:[A-Za-z])[\w&.'’ -]{1,40}?)"
                         r"(?:\.(?!(?:com|org|net|co|fr|de)\b)|[,|]|\s+all rights|\s*\(|\s+\d{4}\b|$"
                         # the footer's links run on after the name: "© 2019 Valley Courier Privacy Policy Terms of Use"
                         r"|\s+(?:privacy|terms|contact|about us|site\s?map|cookies?|advertise|careers|help|legal)\b)", re.I)


@dataclass
class Header:
    blocks: list[Block]
    headline: str | None
    published: str | None
    authors: tuple[str, ...]


def read_header(lines: list[Line], start: int) -> Header:
    """The headline, byline, dateline and captions in the lines above the article that starts at ``start``."""
    first = max(0, start - FAR_HEADER_LINES)
    zone = lines[first:start]
    near = max(0, len(zone) - HEADER_LINES)  # where the lines just above the article begin
    below = lines[start : start + META_LINES_INTO_BODY]
    meta_kind = [_meta_kind(line) for line in zone + below]
    anchors = [i for i, kind in enumerate(meta_kind) if kind and i >= near]
    body_stems = content_stems(" ".join(l.text for l in lines[start : start + BODY_LINES_FOR_HEADLINE]))
    candidates: dict[int, tuple[bool, bool, bool, float, bool, int]] = {}
    matching: set[int] = set()

    for i, line in enumerate(zone):
        if meta_kind[i] or not (_title_like(line) or _short_title(zone, meta_kind, i)):
            continue
        share = _headline_share(line, body_stems)
        matches = share >= (HEADLINE_SHARE if i >= near or _signed(zone, meta_kind, i) else FAR_HEADLINE_SHARE)
        anchored = i >= near and (any(i < a <= i + ANCHOR_LINES for a in anchors) or (i > 0 and meta_kind[i - 1] == "byline"))
        signed = i >= near and i + 1 < len(zone) and (bool(meta_kind[i + 1]) or _person_name(zone[i + 1].text))
        # The third title in a row is an entry of a list of other stories' titles, however many of the
        # article's words it shares, unless a byline or a dateline signs it.
        listed = i >= 2 and not signed and all(_title_like(zone[j]) and not meta_kind[j] for j in (i - 1, i - 2))
        if meta_kind[i + 1] != "byline" and _under_list_label(zone, i):
            continue  # another story's title under "Most Recent Stories", dated like the article
        if (matches and not line.text.isupper()) or anchored:  # capitals alone: a menu or a section label
            candidates[i] = (i >= near, matches or signed, not listed,
                             round(share + (ANCHOR_BONUS if anchored else 0.0), 2), signed, i)
            if matches:
                matching.add(i)

    if not candidates and first == 0 and 0 < len(zone) <= PLAIN_TOP_LINES:
        # A plain text's headline, however little the text repeats it: the title-like line nearest the text
        # (under a site's name), else the first line however it ends.
        titled = [i for i, line in enumerate(zone)
                  if _title_like(line) and not meta_kind[i] and not _FULL_STOP.search(line.text)]
        if titled or opening_title(zone[0]):
            at = titled[-1] if titled else 0
            candidates = {at: (True, True, 1.0, False, at)}
    headline_at = None
    if candidates:
        # The nearby title-like line whose words the article repeats, or that its byline signs, the more
        # so next to a byline or dateline (on a tie the signed one, then the nearer); one that only stands
        # near a byline when none does; one further up only when none is near (a share panel between them)
        # and it matches well, or is signed.
        headline_at = max(candidates.values())[-1]
        if headline_at in matching and headline_at - 1 in matching and candidates[headline_at - 1][0]:
            # A headline over its subtitle, or over a slideshow's captions: all match, the headline comes first.
            while headline_at - 1 in matching and candidates[headline_at - 1][0]:
                headline_at -= 1
        elif _kicker_over(zone, meta_kind, candidates, headline_at):
            headline_at += 1  # a section label over the headline: the title is the line the byline signs
    meta_from = near if headline_at is None else min(headline_at + 1, near)
    apart = headline_at is None or first + headline_at < start - 1  # lines stand between the headline and the text
    authors = (_authors(zone + below, meta_kind, meta_from, headline_at) or _byline_further_in(lines, start)
               or _name_over_text(lines, start, apart))
    published = _published(zone + below, meta_kind, meta_from)
    blocks: list[Block] = []
    headline = None
    if headline_at is not None:
        headline = zone[headline_at].text
        blocks.append(Block("headline", headline))
        for i in range(max(headline_at + 1, near), len(zone)):
            if zone[i].n_words >= 5 and not meta_kind[i]:
                blocks.append(Block("caption", zone[i].text))
    elif not candidates:
        headline = _topic_title(lines, start)
        if headline:
            blocks.append(Block("headline", headline))
    return Header(blocks, headline, published, authors)


def _topic_title(lines: list[Line], start: int) -> str | None:
    """A title of a word or two at the top of the copy that names what the article is about: every content word
    of it among the words the article repeats most ("Mozilla" over an encyclopedia's article on Mozilla). Only
    the top: further down, a topic tag ("Trump") would pass too."""
    counts = Counter(w.lower()[:4] for line in lines[start : start + TOPIC_BODY_LINES] for w in words(line.text)
                     if len(w) > 2 and w.lower() not in STOPWORDS)
    top = {stem for stem, n in counts.most_common(TOPIC_STEMS) if n >= TOPIC_MIN_REPEATS}
    for line in lines[: min(start, TOPIC_TOP_LINES)]:
        stems = content_stems(line.text)
        if (1 <= line.n_words <= 2 and stems and stems <= top and line.cells == 1 and line.text[:1].isalpha()
                and not _NAVIGATION.search(line.text)):
            return line.text
    return None


def _kicker_over(zone: list[Line], kinds: list[str | None], candidates: dict, at: int) -> bool:
    """Whether line ``at`` is a kicker ("Sur vos écrans cette semaine") over a title that a byline or dateline
    signs right under it. A kicker is a few words and the title clearly longer; a standfirst (a long line, or one
    ending as a sentence) is no title, and a short headline over a short subtitle stays the headline. A longer
    line under a short one is as often a subtitle ("Mayor quits" over "Council to pick a successor next week"),
    so it is taken for the title only in a title's form: in two parts ("Screenshot : «Vape Wave»…", "Dare to
    Play 3 / October pack"), or naming the kicker's words again."""
    below = at + 1
    return (below in candidates and below + 1 < len(kinds) and bool(kinds[below + 1])
            and zone[at].n_words <= KICKER_WORDS and zone[at].n_words + KICKER_SHORTER <= zone[below].n_words < DEK_WORDS
            and not _FULL_STOP.search(zone[below].text)
            and (bool(_TWO_PARTS.search(zone[below].text)) or zone[below].text.lower().startswith(zone[at].text.lower())))


def after_opening_header(lines: list[Line], start: int, end: int) -> int:
    """Where the article's text starts when its first lines are its own header: a headline long enough to
    pass for prose ("How does the brain turn …?"), its byline or dateline a few lines under it (a standfirst,
    a picture between), repeated by the text."""
    for k in range(start, min(start + META_LINES_INTO_BODY, end)):
        if not (lines[k].prose and _title_like(lines[k])) or _FULL_STOP.search(lines[k].text):
            continue  # a caption's sentence ends with a full stop; a headline at most with an abbreviation's
        signature = next((j for j in range(k + 1, min(k + 2 + ANCHOR_LINES, end)) if _meta_kind(lines[j])), None)
        if signature is None:
            continue
        after = signature + 1
        while after < end and not lines[after].prose:
            after += 1
        body_stems = content_stems(" ".join(l.text for l in lines[after : after + BODY_LINES_FOR_HEADLINE]))
        if _headline_share(lines[k], body_stems) >= HEADLINE_SHARE:
            return after
    return start


def headed(lines: list[Line], start: int) -> bool:
    """Whether a title-like line just above ``start`` is repeated by the text that starts there, as a headline is."""
    body_stems = content_stems(" ".join(l.text for l in lines[start : start + BODY_LINES_FOR_HEADLINE]))
    return any(
        _title_like(line) and not line.text.isupper() and _headline_share(line, body_stems) >= HEADLINE_SHARE
        for line in lines[max(0, start - HEADER_LINES) : start]
    )


def _signed(zone: list[Line], kinds: list[str | None], i: int) -> bool:
    """Whether a byline, a dateline or a name alone follows line ``i`` within two lines, as under a headline."""
    return any(kinds[j] or _person_name(zone[j].text) for j in range(i + 1, min(i + 3, len(zone))))


def _meta_kind(line: Line) -> str | None:
    if signed_names(line.text):
        return "byline"
    if (line.n_words <= 15 or (_STAMP.match(line.text) and line.n_words <= MAX_META_WORDS)) and line_date(line.text):
        # A dateline ("Published Nov 18, 2019 at 4:07 PM | Updated …"); a longer line is a sentence, and a fact
        # box's row ("Founded, February 28, 1998") dates its subject.
        return "date" if _dates_page(line) else None
    return None


def _dates_page(line: Line) -> bool:
    """Whether a line's date is the page's: any line but a table row, which must say so ("Published", "Date")."""
    return line.cells == 1 or bool(_STAMP.match(line.text)) or line.text.lower().startswith("date")


def _authors(lines: list[Line], kinds: list[str | None], first: int, headline_at: int | None) -> tuple[str, ...]:
    for i in range(first, len(lines)):
        if kinds[i] == "byline":
            return signed_names(lines[i].text)
        if _BY_ALONE.match(lines[i].text) and i + 1 < len(lines) and lines[i + 1].n_words <= MAX_NAME_TOKENS:
            names = byline_names(f"{lines[i].text.strip()} {lines[i + 1].text}")  # "by" on a line, the name under it
            if names:
                return names
    for i in range(first, len(lines)):
        if kinds[i] == "date":
            names = dated_names(lines[i].text)
            if names:
                return names
    if headline_at is None:
        return ()
    for i in range(headline_at + 1, min(len(lines), headline_at + 1 + NAME_LINES_UNDER_HEADLINE)):
        next_to_date = "date" in (kinds[i - 1], kinds[i + 1] if i + 1 < len(kinds) else None)
        if (i <= headline_at + 2 or next_to_date) and _person_name(lines[i].text):
            return (tidy_name(lines[i].text),)
        if next_to_date and _wire(lines[i].text):
            return (_said_wire(lines[i].text),)
        if next_to_date:
            names = _names_alone(lines[i].text)
            if names:
                return names
    return ()


def _names_alone(text: str) -> tuple[str, ...]:
    """The people a line of names alone names: "Ann Lee and Bo Chan"; () for any other line. Only beside the
    dateline: under a headline alone, such a line is a caption or a heading ("Cruz and Trump")."""
    if not any(joiner in text for joiner in (" and ", " & ", ", ")):
        return ()
    names = byline_names(text)
    return names if len(names) >= 2 and all(map(_person_name, names)) else ()


def _byline_further_in(lines: list[Line], start: int) -> tuple[str, ...]:
    """A "By" line under the standfirst and the picture's caption and credit, a little further into the text."""
    for line in lines[start + META_LINES_INTO_BODY : start + BYLINE_LINES_INTO_BODY]:
        names = signed_names(line.text)
        if names:
            return names
    return ()


def _name_over_text(lines: list[Line], start: int, apart: bool) -> tuple[str, ...]:
    """A name alone over the first paragraph (under a share bar, ``apart`` from the headline) that the copy
    names the author by elsewhere too (at the top, in a note under the post); a crosshead over the opening
    ("Server Software") is written once."""
    if not (apart and start > 0 and _person_name(lines[start - 1].text)):
        return ()
    name = lines[start - 1].text
    if not any(name in line.text for k, line in enumerate(lines) if k != start - 1):
        return ()
    return (tidy_name(name),)


def _published(lines: list[Line], kinds: list[str | None], first: int) -> str | None:
    """The first dateline from the headline down, but the one that says when the story was posted over one that
    says when it was updated ("Updated: 18 Nov 2019" over "Posted: 12 Nov 2019"); else the last one above it."""
    dated = [(i, found) for i in range(first, len(lines)) if kinds[i] and (found := line_date(lines[i].text))]
    if dated:
        return next((found for i, found in dated if not _UPDATED.match(lines[i].text)), dated[0][1])
    for i in range(first - 1, -1, -1):
        if kinds[i] == "date":
            return line_date(lines[i].text)
    return None


def signed_names(text: str) -> tuple[str, ...]:
    """The names on a copy's byline line ("By Ann Lee and Bo Chan | City Post", "Posted by Vortex",
    "2/26/2015 7:11 AM PST BY TMZ STAFF"), or () when it is none. The "by" may follow a word that says what
    the piece is, a date or a time; "Photos by" or "Sponsored by" name no author."""
    if word_count(text) > MAX_META_WORDS and not _BYLINE_WITH_BIO.match(text):
        return ()
    if _AUTHOR_LABEL.match(text):
        return byline_names(text)  # "Author: Ann Lee", "Autor: Hans Meier"
    for match in _BY.finditer(text):
        lead = text[: match.start()].strip(" |•·-—–,:/")
        if lead and not (_BY_LEAD.match(lead) or line_date(lead) or re.search(r"\d:\d\d", lead)):
            continue
        names = lead_byline(text[match.start() :])
        if names:
            return names
    return ()


def dated_names(text: str) -> tuple[str, ...]:
    """The person a dateline names beside its date: "November 20, 2019 Emiliano Bellini", "Текст: Венера
    Ерофеева·24 сентября 2018"; () when its words are no one's name ("Updated 5:36 PM CST")."""
    names = byline_names(text)
    if not names:
        tail = _AFTER_DATE.search(text)
        names = byline_names(tail.group(1)) if tail else ()
    return names if len(names) == 1 and (_person_name(names[0]) or _wire(names[0])) else ()


def wire_dateline(text: str) -> tuple[str, ...]:
    """The news agency a story's opening credits in its dateline: "WASHINGTON (Reuters) - …", "LONDON (AP) — …";
    not a site's own mark ("(CNN)President …")."""
    match = _WIRE_DATELINE.match(text)
    if not (match and _wire(match.group(1))):
        return ()
    # Said in full: "by Associated Press", and two capitals would be found inside other words ("NAPA").
    return (_WIRE_SAID.get(match.group(1).lower(), match.group(1)),)


def _wire(name: str) -> bool:
    """A news agency, which signs the wire copy a site runs: "Reuters November 18, 2019", "REUTERS"."""
    return name.lower() in _WIRES


def _said_wire(name: str) -> str:
    return _WIRE_SAID.get(name.lower()) or (name.title() if name.isupper() else name)


def signature(lines: list[Line], end: int) -> tuple[str, ...]:
    """The author a blog signs under its post: "Nicolas Perriault — 2013-09-29 — in Code — Permalink", a name
    and the date on a line just after the article's text ends at ``end``."""
    for line in lines[end + 1 : end + 1 + SIGNATURE_LINES]:
        if line.n_words <= MAX_META_WORDS and line_date(line.text):
            names = byline_names(line.text)
            if len(names) == 1 and _person_name(names[0]):
                return names
    return ()


def card_blurbs(lines: list[Line]) -> list[bool]:
    """Prose lines that are another story's blurb on a card: an author's name and a date or a time right under it
    ("Laura Bliss", "Apr 29, 2019"), as on the cards around it. An article's paragraph is not signed and dated
    one by one; a post signed once at its foot is not a list of cards."""
    found = []
    for i in range(len(lines) - 2):
        if lines[i].prose and lines[i + 1].n_words <= 5 and lines[i + 2].n_words <= 6 and _person_name(lines[i + 1].text):
            stamp = lines[i + 2].text
            if _CLOCK_TIME.match(stamp) or line_date(stamp):
                found.append(i)
    flags = [False] * len(lines)
    for a, b in zip(found, found[1:]):
        if b - a <= CARD_LINES:
            flags[a] = flags[b] = True
    return flags


def _person_name(text: str) -> bool:
    tokens = text.split()
    return (looks_like_name(text.title() if text.isupper() else text) and not any(c in text for c in "0123456789:/|@")
            and not PHOTO_CREDIT.search(text)
            and not all(t.lower() in ROLES for t in tokens) and not _NEWS_NAME.match(text))


def line_date(text: str) -> str | None:
    """The date a short line gives, in words ("Nov. 19, 2019") or in figures ("11/13/19", "2016.12.01")."""
    text = _GLUED_YEAR.sub(r"\1 ", text)
    found = find_date(text)
    if found:
        return found
    for pattern, order in _NUMERIC_DATES:
        match = pattern.search(text)
        if match:
            parts = dict(zip(order, (int(g) for g in match.groups())))
            year = parts["y"] + 2000 if parts["y"] < 100 else parts["y"]
            month, day = parts["m"], parts["d"]
            if month > 12:
                month, day = day, month  # "13/11/19" is day first, "11.14.2019" month first
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    return None


def _title_like(line: Line, min_words: int = 3) -> bool:
    text = line.text
    if (not min_words <= line.n_words <= 30 or line.cells > 1 or text.endswith((":", ",", ";")) or _CODE.search(text)
            or _MENU_RUN.search(text) or _ADDRESS.match(text)):
        return False
    if _FULL_STOP.search(text) and not _title_case(text):
        return False  # a sentence: "This is a modal window."
    if dotted_section_number(text):
        return False  # an entry of a table of contents: "4.2 Mozilla Persona", "2. The Production Environment"
    return not (PHOTO_CREDIT.search(text) or _STAMP.match(text) or _NAVIGATION.search(text) or _NEWS_NAME.match(text))


def _under_list_label(zone: list[Line], i: int) -> bool:
    """Whether line ``i`` is the label of a list of other stories ("Most Recent Stories", "Related") or stands
    under one, no paragraph between."""
    for j in range(i, max(-1, i - LABEL_LINES), -1):
        if zone[j].prose:
            return False
        if _LIST_LABEL.match(zone[j].text):
            return True
    return False


def _short_title(zone: list[Line], kinds: list[str | None], i: int) -> bool:
    """A headline of two words ("The Impeachment Clock" has three) is told from a menu's entry by the dateline
    or byline right under it, and from the author's name under a headline by no title over it. Capitals alone
    are a section's label; a tag is written in small letters ("editor's picks")."""
    line = zone[i]
    return (line.n_words == 2 and kinds[i + 1] is not None and line.text[:1].isupper() and not line.text.isupper()
            and _title_like(line, min_words=2) and not (i > 0 and _title_like(zone[i - 1])))


def opening_title(line: Line) -> bool:
    """Whether the first line of a text, with nothing above it, reads as its headline: short, or one sentence."""
    text = line.text
    n = line.n_words
    return (2 <= n <= 30 and (n <= SHORT_TITLE_WORDS or not _SECOND_SENTENCE.search(text))
            and not (_CODE.search(text) or PHOTO_CREDIT.search(text) or _STAMP.match(text) or _NAVIGATION.search(text)))


def _title_case(text: str) -> bool:
    """Most longer words capitalised, as headlines in English are written."""
    long_words = [w for w in text.split() if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) >= 0.7 * len(long_words)


def _headline_share(line: Line, body_stems: set[str]) -> float:
    """How much of a title-like line's vocabulary the article's opening repeats."""
    stems = content_stems(line.text)
    shared = len(stems & body_stems)
    return shared / len(stems) if shared >= 2 else 0.0


def first_date(lines: list[Line]) -> str | None:
    """The first date near the top, when no dateline stands by the headline; not a fact box's row ("Founded
    February 28, 1998" in an encyclopedia's infobox), whose date is its subject's, unless the row says it
    dates the page ("Published", "Updated")."""
    for line in lines[:40]:
        if line.n_words <= 15 and _dates_page(line):
            found = line_date(line.text)
            if found:
                return found
    return None


def site_name(lines: list[Line]) -> str | None:
    """The site's brand as the copy shows it, else the company a copyright line names.

    A copy names its brand where the site speaks of itself: "Welcome to …", "Follow …", "About …", "… homepage",
    the name set before the copyright sign ("Royal Road® © 2024"), "About …" in the footer's run of links
    ("© 2015 EHM Productions, Inc. All rights reserved About TMZ.com"), a masthead, or its domain alone on a
    top line, said as the copy writes it in words ("m.heraldsun.com.au" is the Herald Sun). Of several, the one
    the copy mentions on the most lines. The copyright line's owner is the company ("Vox Media, LLC", "The
    Atlantic Monthly Group", "SA LA NACION"), said without its legal form or corporate word when nothing better
    shows: it may be a parent company ("EHM Productions" for TMZ), so the site's own words come first.
    """
    owner = _copyright_owner(lines)
    texts = [line.text.lower() for line in lines]
    found = [name for line in lines if line.n_words <= BRAND_LINE_WORDS for name in _brands(line.text)]
    found += [m.group(1) for line in lines[-FOOTER_LINES:] if any(w in line.text for w in _ABOUT_WORDS)
              for m in _FOOTER_ABOUT.finditer(line.text) if m.group(1).lower() not in _NOT_BRAND]
    found += [line.text for line in lines[:MASTHEAD_LINES] if _NEWS_NAME.match(line.text)]
    found += _domain_name(lines)
    if not (found or owner):
        # An author's note names the publication, or a section of it ("a reporter for Breitbart Tech"): the
        # site's own words come first.
        found = [name for line in lines if line.n_words <= BIO_WORDS and (name := _bio_brand(line.text))]
    if found:
        # The name the copyright line agrees with ("About CNBC" and "© 2019 CNBC LLC", not "Subscribe to CNBC
        # PRO"), the whole of it ("About Jeongdong Theater", not "About Theater"); else the one most lines
        # mention, else the longer.
        agreed = [name for name in found if owner and _mentions(name, owner.lower())]
        if agreed and not _CORPORATE.search(owner) and max(map(len, agreed)) < len(owner):
            return owner  # "About Examiner" is short for the "Washington Examiner" of the copyright line
        return max(found, key=lambda name: (name in agreed, len(name) if name in agreed else 0,
                                            sum(_mentions(name, t) for t in texts), len(name)))
    return (_initials(owner, texts) or _brand_of(owner)) if owner else None


def _initials(company: str, texts: list[str]) -> str | None:
    """The initials the copy calls a company by, on INITIALS_LINES lines at least ("CNN" for Cable News Network)."""
    capitals = [w[0] for w in company.split() if w[:1].isupper()]
    if len(capitals) < 2 or len(capitals) != len(company.split()):
        return None
    short = "".join(capitals)
    return short if sum(_mentions(short, t) for t in texts) >= INITIALS_LINES else None


def _domain_name(lines: list[Line]) -> list[str]:
    """The site's domain alone on a top line, as the copy spells it in words elsewhere ("m.heraldsun.com.au" is
    the Herald Sun), else as it stands. Several domains up there are links to other sites ("facebook.com",
    "twitter.com"), none of them the site's."""
    labels = [m.group(1) for line in lines[:DOMAIN_LINES] if (m := _DOMAIN_LINE.match(line.text))]
    if len(labels) != 1:
        return []
    label = labels[0]
    for line in lines:
        for match in _CAPITALISED_RUN.finditer(line.text):
            run = match.group(0).split()
            # Any words of the run ("Read CBS Sports"), but not the domain's own line: "CBSSports.com" is said
            # "CBS Sports".
            for a in range(len(run)):
                for b in range(a + 1, len(run) + 1):
                    words_of = " ".join(run[a:b])
                    if words_of != label and re.sub(r"\W", "", words_of).lower() == label.lower():
                        return [words_of]
    return [label]


def _brand_of(company: str) -> str:
    """"The Daring Fireball Company" is Daring Fireball, "Vox Media" is Vox: the company's name without its
    corporate word (and the article that went with it)."""
    brand = company
    while (shorter := _CORPORATE.sub("", brand).rstrip(" &")) and shorter != brand:
        if brand.endswith("Network") and " " not in shorter.removeprefix("The "):
            break  # "Food Network" is a channel's whole name, not the Food company's network
        brand = shorter  # "Valley Courier Media Group" is Valley Courier
    return brand.removeprefix("The ") if brand != company else brand


def _copyright_owner(lines: list[Line]) -> str | None:
    """The owner the page's copyright line names, the lowest one; but the site's own line, which reserves its
    rights or names a company ("© ScienceAlert Pty Ltd. All rights reserved."), over a bare credit under a
    story or a picture ("© Reuters")."""
    owners = []
    for line in reversed(lines[-30:]):
        match = _has_copyright_mark(line.text) and _COPYRIGHT.search(line.text)
        if match:
            raw = match.group("name")
            corporate = _LEGAL_TAIL.search(raw)
            name = _LEGAL_HEAD.sub("", raw[: corporate.start()] if corporate else raw).strip(" ,.-")
            if name and not name.lower().startswith("all rights"):
                owners.append((bool(corporate or _RIGHTS.search(line.text)), name))
    return max(owners, key=lambda owner: owner[0])[1] if owners else None


INITIALS_LINES = 3  # a company's initials on this many lines are what the copy calls it (see _initials)
# The most words a line that names the site has ("Sign up for CityLab Daily:", "Royal Road® © 2024").
BRAND_LINE_WORDS = 8
# How many lines from the top a masthead or a line of the domain alone may stand.
MASTHEAD_LINES = 15
DOMAIN_LINES = 5
# A brand's name: capitalised words, or one with a capital inside ("eHow", "CityLab"), then maybe its domain.
_BRAND = (r"((?:The\s+)?(?:[A-Z][\w&-]*|[a-z]+[A-Z][\w&-]*)(?:\s+(?:[A-Z][\w&-]*|of|and|&)){0,3}?"
          r"(?:\.(?:com|org|net|co\.uk|fr|de))?)(?:['’]s)?")
# An author's note: "<Name> is a <job> for <Brand>", or a job at the brand alone ("Science writer at Gizmodo and …").
BIO_WORDS = 30
_BIO_ROLES = ("editor", "writer", "reporter", "correspondent", "columnist", "producer", "contributor", "journalist")
# Anchored at the line's start, the note's own subject: a story's "Ann Lee, who is a columnist for The Tribune,
# disagreed" names no site.
_BIO = LazyPattern(r"^(?:(?:[A-Z][\w.'’-]*\s+){1,4}is\s+(?:an?|the)\s+)?(?:[\w-]+\s+){0,4}?(?i:" + "|".join(_BIO_ROLES) + r")s?\s+(?:at|for)\s+"
                   + _BRAND + r"(?=[.,;]|\s+(?:and|covering|based|who|since|where)\b|\s*$)")
# Each is tried only on a line that holds its words (see _brands): a pattern no line can match is never compiled.
_BRAND_LINES = (
    LazyPattern(r"^(?i:welcome to|follow|about|write for|subscribe to|sign up for)\s+@?" + _BRAND
               + r"(?:\s+(?i:daily|weekly|newsletters?|followed|following|on (?:twitter|facebook|instagram|linkedin|youtube)))?\W*$"),
    LazyPattern(r"^" + _BRAND + r"\s+(?i:home\s*page)\W*$"),
    LazyPattern(r"^" + _BRAND + r"\s*[®™]?\s*(?:©|\((?i:c)\)|(?i:copyright)\b)"),
)
_BRAND_LEADS = ("welcome to", "follow", "about", "write for", "subscribe to", "sign up for")
# What a menu's "About" or "Follow" is followed by that names no site.
_NOT_BRAND = frozenset("us our the this me my author site archive copyright from back blog home".split())
# The footer's "About TMZ.com" or "Acerca de CNET" among its run of links: one word, the site's domain or a mark
# with capitals inside ("Questions About How Far" in a teaser's headline names no site).
FOOTER_LINES = 30
_FOOTER_ABOUT = LazyPattern(r"(?:(?<=\s)|^)(?:About|Acerca de|À propos de|A propos de|Über|Sobre)\s+"
                           r"([A-Z][\w&-]*\.(?:com|org|net|co\.uk|fr|de|es)(?![a-z])|[A-Z][\w&-]*[A-Z][\w&-]*(?=\s+[A-Z]|\s*$))")
_ABOUT_WORDS = ("About", "Acerca de", "propos de", "Über", "Sobre")
# Up to four capitalised words in a row, that a domain's name may run together ("Herald Sun", "The Verge").
_CAPITALISED_RUN = LazyPattern(r"(?<!\w)[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,3}")
_DOMAIN_LINE = re.compile(r"^(?:www\.|m\.)?((?-i:[A-Za-z0-9-]){3,})\.(?:com|org|net|co\.uk|com\.au|fr|de|es|it)$", re.I)
_CORPORATE = LazyPattern(r"(?:\s+(?:&|and))?\s+(?:Company|Corporation|Group|Media|Productions|Interactive|Newspapers|Broadcasting|Holdings|Network|"
                        r"Publishing|Enterprises)$")


def _brands(text: str) -> list[str]:
    low = text.lower()
    possible = (low.startswith(_BRAND_LEADS), "home" in low, _has_copyright_mark(text))
    if not any(possible):
        return []  # none of the patterns can match: most lines are let go here, cheaply
    if len(text) > 80 or text.isupper() or PHOTO_CREDIT.search(text):
        return []  # a label in capitals ("FOLLOW CNN POLITICS") may name a section; a picture's credit names no site
    out = []
    for pattern, may_match in zip(_BRAND_LINES, possible):
        match = may_match and pattern.match(text)
        if match and match.group(1).removeprefix("The ").split()[0].lower() not in _NOT_BRAND:
            out.append(match.group(1))
    return out


def _bio_brand(text: str) -> str | None:
    """The publication an author's note names: "Phil Helsel is a reporter for NBC News.", "Senior editor at
    Gizmodo."; a sentence of the article ("a writer for partisan website Snopes.com") names no brand."""
    low = text.lower()
    if not any(role in low for role in _BIO_ROLES):
        return None
    match = _BIO.search(text)
    return match.group(1) if match else None


def _has_copyright_mark(text: str) -> bool:
    low = text.lower()
    return "©" in text or "(c)" in low or "copyright" in low


def _mentions(name: str, text: str) -> bool:
    return bool(re.search(r"(?<!\w)" + re.escape(name.lower()) + r"(?!\w)", text))
