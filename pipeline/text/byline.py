"""Read author names from a byline as pages print it: "By Ann Lee and Tom Pascoe | 3 June 2019".

Shared by the HTML metadata reader and page copies: a byline element's text
and a "By …" line are both read here.
"""
from __future__ import annotations

import re

# What introduces the names, in the languages dates.py reads.
_LEAD = re.compile(
    r"^\s*(?:(?:written|words|reported|text|story|posted|published)\s+)?(?:by|por|par|von|di|door|de)\s*[:\-]?\s+",
    re.I,
)
# Where the names end: a date, a time, a separator, a role or an update note.
_TAIL = re.compile(
    r"\s*(?:[|•·–—/]|\s-\s|\bupdated\b|\bpublished\b|\bposted\b|\bon\s+(?:\w+\s+)?\d|\d|\bfor\s+(?:the\s+)?[A-Z]|"
    r"\bin\s+[A-Z][a-z]+\b(?=\s*$)|@|\bhttps?:|\bemail\b|\bfollow\b|\bread more\b|\bview\b).*$",
    re.I,
)
_SPLIT = re.compile(
    r"\s*(?:[,;&()]|\b(?:(?:edited|photos?|photographs?|illustrations?|(?:additional\s+)?reporting)\s+by|"
    r"and|und|et|(?-i:y|e)|en|with|avec|con|mit)\b)\s*",  # "y", "e" lower-case: "Sarah E. Needleman" has an initial
    re.I,
)
# Words that say what someone does, not who they are.
_ROLES = re.compile(
    r"(?i:\b(?:staff|senior|chief|special|contributing|political|foreign|science|health|business|tech(?:nology)?|"
    r"sports?|news|associated|press|writer|reporter|correspondent|editor|columnist|contributor|photographer|"
    r"producer|analyst|author|team|desk|journalist|guest)\b)|\b(?:MA|MD|PhD|MSc|MPH|RN)\b",
)
_CONNECTORS = {"de", "van", "von", "da", "der", "den", "bin", "al", "la", "le", "di", "del", "du", "dos", "das", "ter"}
# Longest byline text worth reading: beyond it the element holds a biography, not a name.
MAX_BYLINE_CHARS = 160


def byline_names(text: str, *, needs_lead: bool = False) -> tuple[str, ...]:
    """The people a byline names, in order; () when it names none.

    ``needs_lead`` asks for a "By"-like word first, as in a line of running text.
    """
    text = " ".join(text.split())
    if not text or len(text) > MAX_BYLINE_CHARS:
        return ()
    lead = _LEAD.match(text)
    if needs_lead and not lead:
        return ()
    if lead:
        text = text[lead.end():]
    text = _TAIL.sub("", text)
    names = []
    for part in _SPLIT.split(text):
        part = part.strip(" .:,'\"“”")
        if _ROLES.search(part):
            part = _ROLES.split(part)[0].strip(" ,.-")
        if is_name(part) and part not in names:
            names.append(part)
    return tuple(names)


def is_name(text: str) -> bool:
    """One to five words, capitalised (or all capitals) but for connectors like "de" and "van"."""
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or len(text) > 60:
        return False
    if len(tokens) == 1 and (len(text) < 3 or not text[:1].isupper()):
        return False
    if max(len(t.strip(".")) for t in tokens) < 3:
        return False  # initials alone ("J J") name no one
    return all((t[:1].isupper() and any(c.isalpha() for c in t)) or t.lower() in _CONNECTORS for t in tokens)
