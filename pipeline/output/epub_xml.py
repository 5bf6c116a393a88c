"""Text and attributes for the EPUB's XML files, escaped, without the characters XML forbids."""
from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

# Control characters other than tab and newlines, and the two non-characters: not allowed in XML 1.0.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")  # BCP 47's shape


def text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def attrs(**values: str | None) -> str:
    """' name="value"' for each value given (None is left out), in the order given."""
    return "".join(f" {name}={quoteattr(_NOT_XML.sub('', value))}" for name, value in values.items() if value is not None)


def language_tag(value: str) -> str:
    """``value`` if it has the shape of a language tag, else "und" (undetermined), which readers and EPUBCheck accept."""
    return value if _LANGUAGE_TAG.match(value or "") else "und"
