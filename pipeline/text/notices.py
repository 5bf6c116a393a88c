"""Lines a page prints about itself rather than about the story: time stamps, sponsorship disclosures, embed credits,
comment rules, cookie notices.

All are read as story text when a page sets them as a paragraph ("Updated at
1:23 p.m." under the last paragraph, "This post has been compensated by …"
above the first), and a disclosure above the first paragraph became the
summary. The date already goes into the edition's disclosure; an advertiser's
notice is for the page's readers, not for a listener; the credit line under an
embedded post is the embed's furniture (the post's own words stay); a comment
section's rules ("You must be logged in to post a comment") speak to readers who
can comment, which a listener cannot; nor does a listener accept a site's cookies.
"""
from __future__ import annotations

import re

from .dates import MONTHS
from .lazy_pattern import LazyPattern
from .words import word_count

# The words a stamp starts with: "Updated", "Last updated", "Published", "Posted on", "First published".
_STAMP_START = re.compile(r"^\W*(?:(?:last|first|originally)\s+)?(?:updated|modified|published|posted|edited)\b", re.I)
# What else a stamp may say: times, dates, zones and how long ago.
_STAMP_WORDS = frozenset(
    "updated modified published posted edited last first originally at on in and the of by "
    "am pm a p m noon midnight today yesterday ago just now hour hours hr hrs minute minutes min mins day days "
    "week weeks st nd rd th et pt ct mt gmt utc bst cet cest est edt cst cdt mst mdt pst pdt aest ist z "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun".split()
) | frozenset(MONTHS)
# A stamp is short; "Updated at 1:23 p.m. | Published Nov. 19, 2019 at 9:00 a.m. ET" is about the longest.
MAX_STAMP_TOKENS = 20

# Sponsorship, advertiser and affiliate notices as bloggers and publishers word them.
_DISCLOSURE = LazyPattern(
    # The notice speaks of itself: "this post", "this shop", never "the video" of a news story.
    r"\bthis\s+(?:blog\s+)?(?:post|shop|article|review|content|video|recipe|episode|page|site)\s+"
    r"(?:(?:has|had|was|is)\s+(?:been\s+)?(?:compensated|sponsored|brought\s+to\s+you\s+by|paid\s+for\s+by)"
    r"|(?:may\s+)?contains?\s+affiliate\s+links?)\b"
    r"|\b(?:I|we)\s+(?:was|were|am|are|have\s+been)\s+compensated\s+for\s+(?:this|my|our)\s+(?:post|review|article|video|time)\b"
    r"|\ball\s+opinions\s+(?:expressed\s+)?(?:are|remain)\s+(?:100%\s+)?(?:mine|my\s+own|our\s+own|ours|those\s+of\s+the\s+author)\b"
    r"|^\W*(?:sponsored\s+(?:by|content|post)|paid\s+(?:content|post|partnership)|advertiser\s+content|partner\s+content)\b"
    r"|\bwe\s+may\s+(?:earn|receive|get)\s+(?:a\s+)?(?:small\s+)?(?:commission|compensation)\b"
    r"|\bas\s+an\s+amazon\s+associate\b"
    # "#ad" among the closing hashtags, not in a sentence about them ("tag paid posts with #ad, and …").
    r"|(?<![\w#])#(?:ad|sponsored|collectivebias|spon)\b(?=[\s.!]*(?:$|#))",
    re.I,
)
# The credit line under an embedded post, "— The Nigerian Senate (@NGRSenate) October 9, 2018" or
# "A post shared by Jo (@jo) on Mar 3, 2019 at 5:01pm PST": a name, a handle and a date, nothing else.
_EMBED_CREDIT = re.compile(r"^\s*(?:[—–-]|A post shared by)\s*[^()]{0,80}\(@\w{1,30}\)[\s\w,.:]{0,40}$")
# How sites word the rules of their comment section: who may comment, who answers for comments, moderation.
_COMMENT_POLICY = LazyPattern(
    r"\b(?:must|need\s+to|have\s+to|please)\s+(?:be\s+)?(?:log(?:ged)?|sign(?:ed)?)\s*in\b[^.]{0,20}\bto\s+"
    r"(?:post\s+|leave\s+|add\s+|write\s+)?(?:a\s+)?comments?\b"
    r"|^\W*(?:log|sign)\s*in\s+(?:to|and)\s+(?:post\s+|leave\s+|add\s+)?(?:a\s+)?comment"
    r"|\bonly\s+(?:registered\s+users|subscribers|members)\s+(?:can|may)\s+comment\b"
    r"|\bto\s+(?:post\s+|leave\s+)?(?:a\s+)?comment\b[^.]{0,30}\b(?:log|sign)\s*in\b"
    r"|\bcomments?\s+(?:are|is)\s+(?:moderated|closed|the\s+(?:sole\s+)?responsibility)\b"
    r"|\bpara\s+(?:poder\s+)?comentar\b|\blos\s+comentarios\s+publicados\b|\bcomentarios\b[^.]{0,40}\bresponsabilidad\b"
    r"|\bpour\s+(?:pouvoir\s+)?commenter\b|\bcommentaires\b[^.]{0,40}\b(?:responsabilité|modérés)\b"
    r"|\bcoment[áa]rios\b[^.]{0,100}\b(?:moderador|moderados|responsabilidade)\b"
    r"|\bum\s+(?:zu\s+)?kommentieren\b|\bkommentare\b[^.]{0,40}\bmoderiert\b",
    re.I,
)
# Words one of which each pattern's every match holds (lower-cased): a paragraph without one is let go before the
# pattern, which is then compiled only for a page that has such a paragraph.
_DISCLOSURE_WORDS = ("compen", "sponsor", "brought", "paid", "affiliate", "opinions", "advertiser", "partner",
                     "commission", "amazon", "#")
_COMMENT_POLICY_WORDS = ("omment", "coment")
# A site's cookie notice: it speaks of the site and its cookies, or of what using the site agrees to.
_COOKIE_NOTICE = LazyPattern(
    r"\b(?:our|this)\s+(?:web\s*)?site\s+uses\s+cookies\b|\bwe\s+(?:use|place)\s+cookies\s+(?:to|on|and)\b"
    r"|\bby\s+(?:continuing\s+to\s+(?:use|browse)|using|browsing)\s+(?:our|this)\s+(?:web\s*)?site\b[^.]{0,80}\bcookies\b",
    re.I,
)
# A longer paragraph about cookies is the story's (an article on online privacy).
MAX_COOKIE_NOTICE_WORDS = 80
# A comment rule is a sentence or two; a longer paragraph that speaks of comments is the story's.
MAX_COMMENT_POLICY_WORDS = 60
# A longer paragraph that mentions sponsorship is story text (an article about influencer marketing).
MAX_DISCLOSURE_WORDS = 80


def is_time_stamp(text: str) -> bool:
    """'Updated at 1:23 p.m.', 'Published Nov. 19, 2019 9:00 AM ET', 'Last updated 2 hours ago'."""
    if not _STAMP_START.search(text):
        return False
    tokens = re.findall(r"[^\W\d_]+|\d+", text.lower())
    return (
        len(tokens) <= MAX_STAMP_TOKENS
        and any(t.isdigit() or t in ("today", "yesterday", "now") for t in tokens)
        and all(t.isdigit() or t in _STAMP_WORDS for t in tokens)
    )


def is_disclosure(text: str) -> bool:
    """'This shop has been compensated by … All opinions are mine alone. #CollectiveBias'."""
    return (word_count(text) <= MAX_DISCLOSURE_WORDS and _holds_any(text, _DISCLOSURE_WORDS)
            and bool(_DISCLOSURE.search(text)))


def is_embed_credit(text: str) -> bool:
    """'— Jo Bloggs (@jo) November 4, 2019', 'A post shared by Jo (@jo) on Mar 3, 2019 at 5:01pm PST'."""
    return bool(_EMBED_CREDIT.match(text))


def is_comment_policy(text: str) -> bool:
    """'You must be logged in to post a comment.', 'Los comentarios publicados son de exclusiva responsabilidad …'."""
    return (word_count(text) <= MAX_COMMENT_POLICY_WORDS and _holds_any(text, _COMMENT_POLICY_WORDS)
            and bool(_COMMENT_POLICY.search(text)))


def is_cookie_notice(text: str) -> bool:
    """'Our website uses cookies to improve its performance and enhance your user experience.'"""
    return (word_count(text) <= MAX_COOKIE_NOTICE_WORDS and "cookie" in text.lower()
            and bool(_COOKIE_NOTICE.search(text)))


def _holds_any(text: str, parts: tuple[str, ...]) -> bool:
    low = text.lower()
    return any(part in low for part in parts)


def is_notice(text: str) -> bool:
    return (is_time_stamp(text) or is_disclosure(text) or is_embed_credit(text) or is_comment_policy(text)
            or is_cookie_notice(text))
