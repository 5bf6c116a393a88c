"""A regular expression compiled when first used, not when its module is imported.

Compiling the text stages' patterns was most of what a cold build's first sentence waited for (0.05-0.5 ms a
pattern; 0.2 ms for a character class with characters beyond Latin-1), and many patterns serve lines that most
pages never reach: a byline with a month glued to it, a copyright line, an inch mark after a number.
"""
from __future__ import annotations

import re


class LazyPattern:
    """Stands for ``re.compile(source, flags)``; the pattern is compiled at the first use of any attribute."""

    def __init__(self, source: str, flags: int = 0):
        self._source, self._flags = source, flags

    def __getattr__(self, name: str):
        # Python calls this only for names the instance does not hold yet: the compiled pattern's methods are
        # kept on the instance, so each is looked up here once.
        if name.startswith("__"):  # copy and pickle ask for these before __init__ has run
            raise AttributeError(name)
        if "_compiled" not in self.__dict__:
            self._compiled = re.compile(self._source, self._flags)
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value
