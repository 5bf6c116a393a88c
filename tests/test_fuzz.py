"""Property-based and mutation fuzzing: whatever the input, load -> clean -> segment -> script raises only NewscastError.

Hypothesis draws random Unicode text, random HTML trees and page-copy-like
line structures; the mutation fuzz damages the fixture pages. Both are
deterministic (fixed seeds) and bounded, about 20 s together; for long runs
use benchmarks/fuzz.py.
"""
from __future__ import annotations

import random
import time

from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mutations import mutate

from pipeline import NewscastError, clean, load, script, segment
from pipeline.model import Article, Document, Page, Script

FUZZ_SECONDS = 8  # the mutation fuzz's share of the suite's time
CI = settings(max_examples=80, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=400)
WORDS = st.sampled_from(
    "the council said harbour wall Mr. U.S. 3.5 £1.5bn “ ” \" ' « » — - … ! ? . , ; : ( ) [ ] Lee Kyiv 15 February 2008 "
    "https://example.com/a @handle #tag 10:30 BST 2010-12 No. 10 Dr Smith, told reporters".split()
)
PROSE = st.lists(st.one_of(WORDS, TEXT.map(lambda t: t[:12])), min_size=1, max_size=60).map(" ".join)
TAGS = st.sampled_from("div p span a b i h1 h2 h3 article section nav aside header footer figure figcaption "
                       "blockquote ul li table tr td script style time br".split())
ATTRIBUTES = st.sampled_from(['', ' class="nav"', ' class="byline"', ' id="comments"', ' hidden',
                              ' class="article-body"', ' itemprop="articleBody"', ' datetime="2019-06-03"'])


def _element(children):
    return st.tuples(TAGS, ATTRIBUTES, st.lists(children, max_size=5)).map(
        lambda t: f"<{t[0]}{t[1]}>{''.join(t[2])}</{t[0]}>"
    )


HTML_TREES = st.recursive(st.one_of(PROSE, TEXT), _element, max_leaves=40).map(
    lambda body: f"<html><head><title>T</title></head><body>{body}</body></html>"
)
LINE = st.one_of(
    PROSE,  # prose, headline-like or navigation
    st.sampled_from(["", "", "Home", "News", "By Ann Lee", "Published: 3 June 2019", "12 Comments", "Share",
                     "Advertisement", "Most read", "© 2019 Valley Gazette. All rights reserved."]),
    st.lists(WORDS, min_size=1, max_size=4).map("\t".join),  # table rows
)
PAGE_COPIES = st.lists(LINE, min_size=1, max_size=60).map("\n".join)


def through_every_stage(data: bytes) -> None:
    """Each stage returns its type or raises a NewscastError; anything else fails the test."""
    try:
        page = load("fuzzed", data=data)
        assert isinstance(page, Page)
        document = clean(page)
        assert isinstance(document, Document)
        article = segment(document)
        assert isinstance(article, Article)
        spoken = script(article, {})
        assert isinstance(spoken, Script)
        assert all(u.text.strip() for c in spoken.chapters for u in c.utterances)
    except NewscastError as exc:
        assert "\n" not in str(exc)


@CI
@given(TEXT)
def test_random_unicode_text(text):
    through_every_stage(text.encode("utf-8"))


@CI
@given(HTML_TREES)
def test_random_html_trees(page):
    through_every_stage(page.encode("utf-8"))


@CI
@given(PAGE_COPIES)
def test_page_copy_like_lines(page):
    through_every_stage(page.encode("utf-8"))


@CI
@given(st.binary(max_size=2000))
def test_random_bytes(data):
    through_every_stage(data)


def test_mutated_fixtures():
    rng = random.Random(13)
    seeds = [path.read_bytes() for path in sorted(FIXTURES.iterdir()) if path.is_file()]
    stop = time.monotonic() + FUZZ_SECONDS
    cases = 0
    while time.monotonic() < stop:
        data = mutate(rng.choice(seeds), rng)
        try:
            through_every_stage(data)
        except Exception as exc:
            raise AssertionError(f"case {cases} (random.Random(13)), input {data[:300]!r}...") from exc
        cases += 1
    assert cases > 10
