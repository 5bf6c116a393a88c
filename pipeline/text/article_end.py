"""Labels that close an article on any site: its comments, or links to other stories ("2 comments", "Leave a
Reply", "You may also like"). Page copies and HTML pages both cut there; on HTML the label is the evidence left
when a site's class names ("comments", "related") say nothing."""
from __future__ import annotations

import re

from .lazy_pattern import LazyPattern

# Labels that open a comment section (ARTICLE_END's too: keep the alternation's group open).
COMMENT_LABELS = (
    r"\d+\s+comment|(?:\d+\s+)?(?:comments|top rated comments|leave a (?:reply|comment)|add (?:a |your )?comment|"
    r"join the (?:conversation|discussion)"
)
ARTICLE_END = LazyPattern(
    rf"^\W*(?:{COMMENT_LABELS}|"
    r"(?:show|view|expand|load|see|read)(?: all)?(?: \d+)? comments|related(?: stories| articles| posts| coverage| content)?|"
    r"more (?:stories|from [\w ]+|on this story)|most (?:read|popular|viewed|shared)|"
    r"you (?:may|might) also (?:like|enjoy)|recommended(?: for you)?|trending(?: now)?|popular now))\W*$",
    re.IGNORECASE,
)
