"""Patterns compiled only when needed, and the cheap tests in front of them, find what the plain patterns found."""
import re
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

from pipeline.text import spoken
from pipeline.text.dates import find_date
from pipeline.text.lazy_pattern import LazyPattern
from pipeline.text.notices import is_comment_policy, is_disclosure
from pipeline.text.words import word_count


def test_a_lazy_pattern_answers_as_the_compiled_one():
    source, text = r"(?P<n>\d+)\s?(?:km|kg)", "5 km and 12kg, not 3 m"
    lazy, plain = LazyPattern(source, re.I), re.compile(source, re.I)
    assert lazy.sub("#", text) == plain.sub("#", text)
    assert [m.group("n") for m in lazy.finditer(text)] == ["5", "12"]
    assert lazy.search("x 7 KM").group(0) == "7 KM"
    assert lazy.pattern == source


@pytest.mark.parametrize("text, iso", [
    ("the 4 Horsemen 2019, then on 5 May 2019", "2019-05-05"),  # a word in the month's place that is no month
    ("Word 5, 2019 then Jan 3, 2020", "2020-01-03"),
    ("12 März 2020 14:05 CET", "2020-03-12T14:05:00+01:00"),
    ("5 de marzo de 2019", "2019-03-05"),
    ("Posted Sept. 5, 2019 at 3:04 p.m. est", "2019-09-05T15:04:00-05:00"),
    ("5 Decembers 2019", None),
])
def test_a_date_needs_a_month_in_the_months_place(text, iso):
    assert find_date(text) == iso


@pytest.mark.parametrize("written, said", [
    ("On 5 May 2019 and 6 MAY", "On the fifth of May twenty nineteen and the sixth of May"),
    ("Gate 5 Mayday 2019", "Gate five Mayday twenty nineteen"),
    ("Chapter 5, 2019", "Chapter five, twenty nineteen"),
])
def test_a_spoken_date_needs_a_month(written, said):
    assert spoken.speech_text(written) == said


SAMPLES = [
    "£1.5bn at 00:27 GMT on 5 May 2019, e.g. a 5km run (see www.bbc.co.uk/news) & #TagLine @bbc",
    "UTC+5:30 yes/no 24/7 $100+ 50% of 15.6\" screens; 1990s, 2010-12, No. 10, Hon. Jo Lee, St Paul's",
    "the U.S. and NASA - and/or TMZ.com [1] a@b.com, 3.25pm, 4 p.m. EST, 100 km/h, $15/hour, 10/12/2019",
    "Room ３ is open from ١٠ to ١٢",  # digits beyond 0-9
]


def test_a_rule_is_let_go_only_when_it_could_not_match(monkeypatch):
    expected = [spoken.speech_text(text) for text in SAMPLES]
    for name in ("ENGLISH_RULES", "NEUTRAL_RULES"):
        monkeypatch.setattr(spoken, name, [rule._replace(needs="") for rule in getattr(spoken, name)])
    assert [spoken.speech_text(text) for text in SAMPLES] == expected


@pytest.mark.parametrize("text, count", [("東京は日本の首都です", 5), ("สวัสดีครับ ผม", 6), ("naïve “quote” café", 3), ("日本 abc def", 3)])
def test_words_in_scripts_without_spaces(text, count):
    assert word_count(text) == count


def test_notices_in_capitals_and_other_languages_pass_the_word_test():
    assert is_disclosure("THIS POST HAS BEEN SPONSORED BY ACME. ALL OPINIONS ARE MY OWN.")
    assert is_comment_policy("Kommentare werden moderiert und erscheinen später.")
    assert is_comment_policy("Para comentar debe iniciar sesión.")
    assert not is_disclosure("The partner paid for the dinner.")


def test_reading_html_loads_no_page_copy_code():
    code = (
        "import sys\n"
        "from pipeline import clean, load\n"
        f"clean(load({str(FIXTURES / 'harbour.html')!r}))\n"
        "print(' '.join(name for name in sys.modules if name.startswith('pipeline.text.')))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout.split()
    assert "pipeline.text.markup" in loaded
    assert not {"pipeline.text.pagecopy", "pipeline.text.pagecopy_meta", "pipeline.text.copylines"} & set(loaded)
