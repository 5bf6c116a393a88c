"""Hostile input, bad options and a damaged cache, through the real `newscast` command in its own process."""
from __future__ import annotations

import gzip
import io
import os
import subprocess
import sys
import time

import pytest
from conftest import FIXTURES, ROOT

from pipeline import InputError, clean, load, script, segment
from pipeline import budget
from pipeline.cli import main

PATIENCE_S = 60  # a hang, not a slow machine, fails these
SENTENCE = "The council said on Tuesday that the harbour wall would be rebuilt before the storms. "


def newscast(*args: str, env: dict | None = None) -> tuple[int, str, float]:
    began = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, text=True, timeout=PATIENCE_S,
        env=dict(os.environ, PYTHONPATH=str(ROOT), **(env or {})),
    )
    return done.returncode, done.stderr, time.monotonic() - began


def html(body: str) -> str:
    return f"<html><body><h1>Harbour wall to be rebuilt</h1>{body}</body></html>"


def test_a_page_nested_200000_deep_is_refused_at_once(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text(html("<div>" * 200_000 + f"<p>{SENTENCE * 4}</p>" + "</div>" * 200_000))
    code, err, seconds = newscast("segment", str(page))
    assert code == 2 and "over newscast's limit" in err and err.count("\n") == 1
    assert seconds < 10


def test_a_gzip_bomb_is_refused_without_inflating_it(tmp_path):
    bomb = tmp_path / "bomb.html.gz"
    member = gzip.compress(b" " * (10 << 20), compresslevel=9)
    bomb.write_bytes(member * 60)  # 600 MB inflated, from 600 kB: gzip members follow one another
    # The peak is read inside the command (VmHWM of its own memory after exec): a child's rusage also
    # counts the memory of the test process it was forked from.
    peak_file = tmp_path / "peak"
    command = (f"import atexit, runpy, sys\n"
               f"atexit.register(lambda: open({str(peak_file)!r}, 'w').write("
               f"open('/proc/self/status').read().split('VmHWM:')[1].split()[0]))\n"
               f"sys.argv = ['newscast', 'segment', {str(bomb)!r}]\n"
               f"runpy.run_module('pipeline', run_name='__main__')\n")
    began = time.monotonic()
    result = subprocess.run([sys.executable, "-c", command], cwd=ROOT, capture_output=True, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    code, err, seconds = result.returncode, result.stderr, time.monotonic() - began
    peak_mib = int(peak_file.read_text()) / 1024
    assert code == 2 and "inflates to more than the 20 MB limit" in err
    assert seconds < 10 and peak_mib < 300  # inflated whole, the bomb alone would be 600 MiB


def test_a_rate_out_of_range_is_a_usage_error_naming_the_range():
    code, err, _ = newscast("build", str(FIXTURES / "orchard.txt"), "--rate", "99999")
    assert code == 64 and "argument --rate: 99999 is out of range: 80–450 words a minute" in err


@pytest.mark.parametrize(
    "option, value, message",
    [
        ("--rate", "fast", "80–450 words a minute"),
        ("--rate", "79", "80–450 words a minute"),
        ("--workers", "0", "processes"),
        ("--workers", "100000", "processes"),
        ("--cache-size", "-1", "0 or more MB"),
    ],
)
def test_options_are_checked_when_parsed(capsys, option, value, message):
    assert main(["build", str(FIXTURES / "orchard.txt"), option, value], stdout=io.StringIO(), stderr=io.StringIO()) == 64
    err = capsys.readouterr().err  # argparse writes usage errors to sys.stderr
    assert f"argument {option}" in err and message in err


def test_a_truncated_cache_entry_is_spoken_again_with_a_warning(tmp_path):
    page, cache, out = tmp_path / "brief.txt", tmp_path / "cache", tmp_path / "out"
    page.write_text("Harbour wall to be rebuilt\n\n" + SENTENCE + "\n\n" + SENTENCE.replace("Tuesday", "Friday") + "\n")
    env = {"NEWSCAST_CACHE": str(cache)}
    assert newscast("build", str(page), "-o", str(out), "--workers", "1", env=env)[0] == 0
    entries = sorted(cache.rglob("*.clip"))
    entries[0].write_bytes(entries[0].read_bytes()[:1001])  # what a crash or a full disk leaves
    code, err, _ = newscast("build", str(page), "-o", str(out), "--workers", "1", "--force", env=env)
    assert code == 0, err
    assert "warning: dropped a damaged speech cache entry" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "page, kind, message",
    [
        (html("<b>a</b>" * (budget.MAX_ELEMENTS + 1)), "html", "elements"),
        (html("<div>" * (budget.MAX_DEPTH + 1) + "<p>Text.</p>"), "html", "nested more than 255 deep"),
        ("Headline\n" + "Home\n" * budget.MAX_LINES, "text", "lines"),
        ("Headline\r" + "Home\r" * budget.MAX_LINES, "text", "lines"),
        ("Headline\n\n" + "a" * (budget.MAX_TEXT_CHARS + 1), "text", "characters of text"),
        (" \t" * (budget.MAX_COPY_CHARS // 2) + "word", "text", "more than 5,000,000 characters"),
        ("Headline\n\n" + "ab " * (budget.MAX_WORDS + 1), "text", "words"),
        (html("<p>" + "ab " * (budget.MAX_WORDS + 1) + "</p>"), "html", "words"),
        ("Headline\n\n" + 'He said "that ' * 101, "text", "a paragraph with more than 100 quotation marks"),
        (html('<p>He said "that </p>' * 2001), "html", "more than 2,000 quotation marks"),
        (html("<p>" + "<i>“x</i> " * 101 + "</p>"), "html", "a paragraph with more than 100"),
    ],
)
def test_pages_over_the_budget_are_refused_by_load(page, kind, message):
    began = time.monotonic()
    with pytest.raises(InputError, match=message) as error:
        load("page", data=page.encode())
    assert "\n" not in str(error.value) and time.monotonic() - began < 5


@pytest.mark.parametrize(
    "page",
    [
        html("<div>" * 200 + f"<p>{SENTENCE * 4}</p><p>{SENTENCE * 3}</p>" + "</div>" * 200),  # deep, but read
        html("<p>unclosed" * 500 + f"<p>{SENTENCE * 4}</p>"),  # unclosed paragraphs do not nest
        html("<script>" + "<div>" * 1000 + "</script>" + f"<p>{SENTENCE * 4}</p>"),  # tags in a script are not elements
        html(" \n" * 2_000_000 + f"<p>{SENTENCE * 4}</p>"),  # indentation is not text
        html('<p>“We will,” Lee said. ’Tis the season’s end.</p>' * 40),
    ],
)
def test_pages_inside_the_budget_are_read(page):
    assert load("page", data=page.encode()).kind == "html"


def test_the_fixtures_are_inside_the_budget():
    for path in FIXTURES.iterdir():
        if path.is_file():
            load(path)


def test_a_paragraph_of_100000_characters_is_linear(tmp_path):
    """Sentence splitting searched the whole text before each full stop: 11 s for this page, now well under 2 s."""
    page = tmp_path / "long.txt"
    page.write_text("Harbour wall to be rebuilt\n\n" + SENTENCE * (100_000 // len(SENTENCE)))
    began = time.monotonic()
    spoken = script(segment(clean(load(page))), {})
    assert sum(len(c.utterances) for c in spoken.chapters) > 1000 and time.monotonic() - began < 5


def test_a_one_paragraph_brief_is_read():
    brief = "Harbour wall to be rebuilt\n\n" + SENTENCE + "Work starts in May and will take a year.\n"
    spoken = script(segment(clean(load("brief", data=brief.encode()))), {})
    assert any("Work starts in May" in u.text for c in spoken.chapters for u in c.utterances)
