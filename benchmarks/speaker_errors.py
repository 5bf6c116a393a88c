"""Sort the speaker errors of chosen publisher folds into kinds, to see what to attack next.

    python benchmarks/speaker_errors.py QUOTES.jsonl [--folds 1,2,3] [--out errors.jsonl]

Runs the quote finder over the articles of the folds (see benchmarks/quotes.py:
tune on folds 1-3, never read the errors of folds 4-5) and, for every matched
quote whose gold speaker is named but ours is not accepted by the scorer,
tells the first kind that fits, our speaker being a name (wrong) or none:

  headline         the quote is in the headline
  gold_convention  the gold speaker is a description, a medium or a document ("the president",
                   "the Times", "a pool report", a stray "said") and we name someone
  span             we name someone sharing a capitalised word with the gold speaker
  pronoun          the pronoun we resolved ("he") is someone else
  other_paragraph  the gold speaker is named in another paragraph
  ranked_wrong     a rule proposed the right person, the ranker chose another or no one
  no_candidate     no rule proposed the right person

It prints the counts and writes each error, with every proposal and its chance, to --out.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline.text import speaker_rank  # noqa: E402
from pipeline.text.quotes import find_quotes  # noqa: E402
from pipeline.text.speaker_name import DETERMINERS, PRONOUNS  # noqa: E402
from quotes import articles, load_scorer, split  # noqa: E402


def paragraph_at(text: str, offset: int) -> int:
    """The number of the non-empty line (the headline is 0) that holds ``offset``."""
    return sum(1 for line in text[:offset].split("\n") if line.strip()) - (0 if text[:offset].endswith("\n") else 1)


def kind(gold: dict, said: str | None, chosen, right: list, text: str) -> str:
    speaker = gold["speaker"]
    tokens = speaker.split()
    described = tokens[0].lower() in DETERMINERS or speaker[:1].islower() or not any(t[:1].isupper() for t in tokens)
    ours = set(re.findall(r"\w+", (said or "").lower()))
    theirs = {t.lower() for t in re.findall(r"\w+", speaker) if t[:1].isupper()}
    if said and described:
        return "gold_convention"
    if said and ours & theirs:
        return "span"
    if said and chosen is not None and chosen.phrase.lower() in PRONOUNS:
        return "pronoun"
    if gold.get("speaker_start") is not None and paragraph_at(text, gold["speaker_start"]) != paragraph_at(text, gold["start"]):
        return "other_paragraph"
    return "ranked_wrong" if right else "no_candidate"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--folds", default="1,2,3", help="publisher folds, comma-separated (1-5)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if not args.gold.is_file():
        parser.error(f"{args.gold}: no such file")
    if not re.fullmatch(r"[1-5](?:,[1-5])*", args.folds):
        parser.error(f"--folds {args.folds}: give fold numbers 1-5, comma-separated")
    scorer = load_scorer(args.gold)
    asked = []
    real_choose = speaker_rank.choose

    def recording_choose(proposals, setting):
        chosen = real_choose(proposals, setting)
        asked.append((proposals, speaker_rank.probabilities(proposals, setting) if proposals else [], chosen))
        return chosen

    counts: Counter = Counter()
    rows, named = [], 0
    speaker_rank.choose = recording_choose
    try:
        for article in articles(args.gold, {int(f) for f in args.folds.split(",")}):
            headline, paragraphs = split(article)
            asked.clear()
            found = find_quotes(paragraphs, headline=headline)
            in_headline = len(found) - len(asked)  # headline quotes come first and ask no one
            gold = article["quotes"]
            for gi, pi, _f in scorer.match(gold, [{"text": q.text} for q in found]):
                if not scorer.is_named(gold[gi]):
                    continue
                named += 1
                said = found[pi].speaker
                if scorer.speaker_ok(said, gold[gi]["speaker"]):
                    continue
                proposals, chances, chosen = asked[pi - in_headline] if pi >= in_headline else ([], [], None)
                right = [p for p in proposals if scorer.speaker_ok(p.name, gold[gi]["speaker"])]
                what = "headline" if pi < in_headline else kind(gold[gi], said, chosen, right, article["text"])
                counts[what, "wrong name" if said else "none"] += 1
                rows.append({
                    "id": article["id"], "kind": what, "gold": gold[gi]["speaker"], "said": said, "quote": gold[gi]["text"][:100],
                    "proposals": [[p.finder, p.phrase, p.name, round(c, 2)] for p, c in zip(proposals, chances)],
                })
    finally:
        speaker_rank.choose = real_choose
    errors = sum(counts.values())
    print(f"folds {args.folds}: {named} matched quotes with a named gold speaker, {errors} speaker errors")
    for (what, said), n in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"  {what:<16} {said:<10} {n:>5}  {n / named:.3f}")
    if args.out:
        args.out.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
