"""Labels that close an article on any site: its comments, or links to other stories ("2 comments", "Leave a
Reply", "You may also like"). Page copies and HTML pages both cut there; on HTML the label is the evidence left
when a site's class names ("comments", "related") say nothing."""
from __future__ import annotations

import re

from .lazy_pattern import LazyPattern

# Labels that open a comment section (keep the alternation's group open: its users add their own labels).
COMMENT_LABELS = (
    r"\d+\s+comment|(?:\d+\s+)?(?:comments|top rated comments|leave a (?:reply|comment)|add (?:a |your )?comment|"
    r"join the (?:conversation|discussion)"
)
# Every label of a comment section ARTICLE_END knows.
_COMMENTS = rf"{COMMENT_LABELS}|(?:show|view|expand|load|see|read)(?: all)?(?: \d+)? comments)"
ARTICLE_END = LazyPattern(
    rf"^\W*(?:{_COMMENTS}|"
    r"related(?: stories| articles| posts| coverage| content)?|"
    r"more (?:stories|from [\w ]+|on this story)|most (?:read|popular|viewed|shared)|"
    r"you (?:may|might) also (?:like|enjoy)|recommended(?: for you)?|trending(?: now)?|popular now)\W*$",
    re.IGNORECASE,
)
# The labels of ARTICLE_END that open readers' comments, not a list of other stories.
COMMENT_END = LazyPattern(rf"^\W*(?:{_COMMENTS})\W*$", re.IGNORECASE)
