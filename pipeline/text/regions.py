"""The article as the densest run of a page's pieces, shared by the HTML and page-copy cleaners."""
from __future__ import annotations

from collections.abc import Callable, Sequence


def densest_run(scores: Sequence[float], is_prose: Callable[[int], bool]) -> tuple[int | None, int | None]:
    """(first, last) index of the maximum-sum run of ``scores``, moved to start on prose; (None, None) if none scores
    or the run holds no prose."""
    best, span = 0.0, (None, None)
    running, start = 0.0, 0
    for i, score in enumerate(scores):
        if running <= 0:
            running, start = 0.0, i
        running += score
        if running > best:
            best, span = running, (start, i)
    first, last = span
    if first is None:
        return None, None
    while first <= last and not is_prose(first):
        first += 1
    return (first, last) if first <= last else (None, None)
