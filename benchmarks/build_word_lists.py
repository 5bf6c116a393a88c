"""Build the two word lists in pipeline/data from PolNeAR's gold articles.

    python benchmarks/build_word_lists.py QUOTES.jsonl [--folds 1,2,3]

common_words.txt: common lower-case words that open sentences but never start a name. Counts, over the
articles of the chosen publisher folds, how often each word is written in lower case inside sentences and how
often capitalised there (as names are). A word written in lower case at least MIN_LOWER times and capitalised
mid-sentence at most once in RATIO of those is common: "Instead", "Latest" or "Wait" opening a sentence is not
the start of a speaker's name. The quote finder also keeps any word the article itself capitalises
mid-sentence, so "Will" stays a name in an article about George Will.

lower_case_words.txt: the words of three to five letters that every article writes in lower case in running
text (after a space, before a space or a sentence mark) at least MIN_SHORT_LOWER times. Capitals that spell
one of them ("NEWS", "VIDEO", "WATCH:") are that word, not letters to spell out; an initialism is never
written so ("usda", "fbi"). It serves speech, not speakers, so it reads every fold.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from quotes import articles  # noqa: E402

MIN_LOWER = 3
RATIO = 20
MIN_SHORT_LOWER = 2


def common_words(texts: list[str]) -> list[str]:
    lower, capital = Counter(), Counter()
    for text in texts:
        lower.update(re.findall(r"(?<=[a-z,;] )[a-z][a-z’'-]+(?![\w./@])", text))
        capital.update(w.lower() for w in re.findall(r"(?<=[a-z,;] )[A-Z][a-z’'-]+(?![\w./@])", text))
    return sorted(w for w, n in lower.items() if n >= MIN_LOWER and capital[w] * RATIO <= n)


def lower_case_words(texts: list[str]) -> list[str]:
    lower = Counter()
    for text in texts:
        lower.update(re.findall(r"(?<= )[a-z]{3,5}(?=[ ,;!?]|\.(?:\s|$))", text))
    return sorted(w for w, n in lower.items() if n >= MIN_SHORT_LOWER)


def write(name: str, note: str, words: list[str]) -> None:
    out = ROOT / "pipeline" / "data" / f"{name}.txt"
    out.write_text(f"# {note}; see benchmarks/build_word_lists.py\n" + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {out}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--folds", default="1,2,3", help="the publisher folds common_words is counted on")
    args = parser.parse_args()
    folds = sorted(int(f) for f in args.folds.split(","))
    write("common_words", f"Common lower-case words (PolNeAR train, publisher folds {folds})",
          common_words([a["text"] for a in articles(args.gold, set(folds))]))
    write("lower_case_words", "Words of 3-5 letters written in lower case (PolNeAR train)",
          lower_case_words([a["text"] for a in articles(args.gold)]))


if __name__ == "__main__":
    main()
