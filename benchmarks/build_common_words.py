"""Build the list of common lower-case words that open sentences but never start a name.

    python benchmarks/build_common_words.py QUOTES.jsonl [--folds 1,2,3] [--out pipeline/data/common_words.txt]

Counts, over the articles of the chosen publisher folds, how often each word
is written in lower case inside sentences and how often capitalised there
(as names are). A word written in lower case at least MIN_LOWER times and
capitalised mid-sentence at most once in RATIO of those is common: "Instead",
"Latest" or "Wait" opening a sentence is not the start of a speaker's name.
The quote finder also keeps any word the article itself capitalises
mid-sentence, so "Will" stays a name in an article about George Will.
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--folds", default="1,2,3")
    parser.add_argument("--out", type=Path, default=ROOT / "pipeline" / "data" / "common_words.txt")
    args = parser.parse_args()
    folds = {int(f) for f in args.folds.split(",")}
    lower, capital = Counter(), Counter()
    for article in articles(args.gold, folds):
        text = article["text"]
        lower.update(re.findall(r"(?<=[a-z,;] )[a-z][a-z’'-]+(?![\w./@])", text))
        capital.update(w.lower() for w in re.findall(r"(?<=[a-z,;] )[A-Z][a-z’'-]+(?![\w./@])", text))
    words = sorted(w for w, n in lower.items() if n >= MIN_LOWER and capital[w] * RATIO <= n)
    args.out.write_text(
        f"# Common lower-case words (PolNeAR train, publisher folds {sorted(folds)}); see benchmarks/build_common_words.py\n"
        + "\n".join(words) + "\n",
        encoding="utf-8",
    )
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
