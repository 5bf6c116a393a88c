"""Build the list of short words that news text writes in lower case, which the speech rules say as words.

    python benchmarks/build_lower_case_words.py QUOTES.jsonl [--out pipeline/data/lower_case_words.txt]

Counts the words of three to five letters that PolNeAR's articles write in lower case in running text (after a
space, before a space or a sentence mark) at least MIN_LOWER times. Capitals that spell one of them ("NEWS",
"VIDEO", "WATCH:") are that word, not letters to spell out; an initialism is never written so ("usda", "fbi").
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MIN_LOWER = 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "pipeline" / "data" / "lower_case_words.txt")
    args = parser.parse_args()
    lower: Counter[str] = Counter()
    for row in args.gold.read_text(encoding="utf-8").splitlines():
        if row.strip():
            lower.update(re.findall(r"(?<= )[a-z]{3,5}(?=[ ,;!?]|\.(?:\s|$))", json.loads(row)["text"]))
    words = sorted(w for w, n in lower.items() if n >= MIN_LOWER)
    args.out.write_text(
        f"# Words of 3-5 letters written in lower case (PolNeAR train); see benchmarks/build_lower_case_words.py\n"
        + "\n".join(words) + "\n",
        encoding="utf-8",
    )
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
