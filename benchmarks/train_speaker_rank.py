"""Fit the speaker ranker: which of the speakers the rules propose said a quote.

    python benchmarks/train_speaker_rank.py QUOTES.jsonl [--folds 1,2,3] [--out pipeline/data/speaker_rank.json]

Runs the quote finder over the articles of the chosen publisher folds (see
benchmarks/quotes.py) with the rules' own order deciding, and keeps every
speaker proposal made for each quote with its signs. A proposal is right when
its quote matches a gold quote (token-F1 >= 0.5, as the scorer matches) and the
scorer accepts it for the gold speaker; where the gold speaker is a pronoun,
when it is the pronoun the gold names (a lesson about places only: whom "he"
means is not scored). A conditional logit (per quote, a softmax over its
proposals and "no one") with a small L2 penalty is fitted by gradient descent.
The script prints the speaker accuracy and wrong-name rate the fitted model
gives on the named quotes for a few thresholds, and writes the weights as
JSON. The other folds stay unseen, to score the result on.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline.text import speaker_rank  # noqa: E402
from pipeline.text.quotes import find_quotes  # noqa: E402
from quotes import articles, load_scorer, split  # noqa: E402

PENALTY = 0.001  # L2, per example
STEPS = 3000
RATE = 0.5

# One quote: the signs of each proposal, whether it is right and whom it names; the signs of "no one";
# whether the gold speaker is named (scored) or a pronoun (a lesson only: the rule that found "he" was right).
Quote = tuple[list[tuple[dict[str, float], int, str]], dict[str, float], bool]


def examples(path: Path, folds: set[int]) -> list[Quote]:
    scorer = load_scorer(path)
    asked: list[tuple[list[speaker_rank.Proposal], speaker_rank.Setting]] = []
    real_choose = speaker_rank.choose

    def recording_choose(proposals, setting):
        # The rules' own pick goes on, so that what the next quotes are asked does not hang on the
        # weights being fitted (the speaker of one quote is the "last speaker" of the next).
        asked.append((proposals, setting))
        return proposals[0] if proposals else None

    speaker_rank.choose = recording_choose
    quotes: list[Quote] = []
    try:
        for article in articles(path, folds):
            headline, paragraphs = split(article)
            asked.clear()
            found = find_quotes(paragraphs, headline=headline)
            body = found[len(found) - len(asked) :]  # headline quotes come first and ask no one
            gold = article["quotes"]
            for gi, pi, _f in scorer.match(gold, [{"text": q.text} for q in body]):
                named = scorer.is_named(gold[gi])
                if not named and not gold[gi].get("speaker"):
                    continue
                proposals, setting = asked[pi]

                def right(proposal, said=gold[gi]["speaker"], named=named):
                    return scorer.speaker_ok(proposal.name, said) if named else proposal.phrase.lower() == said.lower()

                rows = [(speaker_rank.features(p, proposals, setting), int(right(p)), speaker_rank.surname(p.name)) for p in proposals]
                if not named and not any(row[1] for row in rows):
                    continue  # whom "he" means, no rule found: nothing to learn about the places
                quotes.append((rows, speaker_rank.none_features(proposals, setting), named))
    finally:
        speaker_rank.choose = real_choose
    return quotes


def fit(quotes: list[Quote]) -> dict[str, float]:
    """A conditional logit: per quote, a softmax over its proposals and "no one", fitted to put the
    chance on the right proposals (on "no one" when none is right)."""
    names = sorted({name for rows, none, _ in quotes for signs in [row[0] for row in rows] + [none] for name in signs})
    matrix, right, starts = [], [], []
    for rows, none, _ in quotes:
        starts.append(len(matrix))
        for signs, label, _ in rows:
            matrix.append([signs.get(n, 0.0) for n in names])
            right.append(label)
        matrix.append([none.get(n, 0.0) for n in names])
        right.append(int(not any(row[1] for row in rows)))
    x = np.array(matrix)
    target = np.array(right, dtype=float)
    starts = np.array(starts)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(x))))
    penalty = np.array([0.0 if n in ("bias", "none") else PENALTY for n in names])
    weights = np.zeros(len(names))
    for _ in range(STEPS):
        scores = x @ weights
        scores -= np.maximum.reduceat(scores, starts)[group]
        exps = np.exp(scores)
        p = exps / np.add.reduceat(exps, starts)[group]
        q = p * target
        q /= np.add.reduceat(q, starts)[group]
        weights -= RATE * (x.T @ (p - q) / len(starts) + penalty * weights)
    return {name: round(float(w), 4) for name, w in zip(names, weights)}


def outcome(quotes: list[Quote], weights: dict[str, float] | None, threshold: float) -> tuple[float, float]:
    """(speaker accuracy, wrong-name rate): the likeliest proposal said when its chance reaches
    ``threshold``; with no weights, the first proposal (the rules' own order)."""
    right = wrong = 0
    quotes = [q for q in quotes if q[2]]
    for rows, none, _ in quotes:
        if not rows:
            continue
        if weights is None:
            best, chance = 0, 1.0
        else:
            scores = [sum(weights.get(n, 0.0) * v for n, v in signs.items()) for signs in [row[0] for row in rows] + [none]]
            best, chance = speaker_rank.likeliest([row[2] for row in rows], speaker_rank.shares(scores))
        if chance < threshold:
            continue
        right += rows[best][1]
        wrong += 1 - rows[best][1]
    return right / len(quotes), wrong / len(quotes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--folds", default="1,2,3")
    parser.add_argument("--held-out", default="4,5", help="folds only scored, never fitted on ('' for none)")
    parser.add_argument("--out", type=Path, default=ROOT / "pipeline" / "data" / "speaker_rank.json")
    args = parser.parse_args()
    folds = {int(f) for f in args.folds.split(",")}
    quotes = examples(args.gold, folds)
    weights = fit(quotes)
    named = [rows for rows, _, is_named in quotes if is_named]
    reachable = sum(any(row[1] for row in rows) for rows in named) / len(named)
    print(f"{len(quotes)} quotes ({len(named)} with a named gold speaker) from folds {sorted(folds)}; a right proposal for {reachable:.3f} of these")
    print("rules' order:        accuracy %.3f wrong %.3f" % outcome(quotes, None, 0.0))
    for threshold in (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75):
        accuracy, wrong = outcome(quotes, weights, threshold)
        # A wrong name costs a listener more than "Speaker unknown": the threshold is chosen by the last figure.
        print(f"fitted, at {threshold:.2f}:    accuracy {accuracy:.3f} wrong {wrong:.3f} accuracy-2*wrong {accuracy - 2 * wrong:.3f}")
    if args.held_out:
        held = {int(f) for f in args.held_out.split(",")}
        unseen = examples(args.gold, held)
        named = [rows for rows, _, is_named in unseen if is_named]
        reachable = sum(any(row[1] for row in rows) for rows in named) / len(named)
        print(f"held-out folds {sorted(held)}: {len(named)} named quotes, a right proposal for {reachable:.3f}")
        print("rules' order:        accuracy %.3f wrong %.3f" % outcome(unseen, None, 0.0))
        print("fitted, at %.2f:    accuracy %.3f wrong %.3f" % (speaker_rank.THRESHOLD, *outcome(unseen, weights, speaker_rank.THRESHOLD)))
    args.out.write_text(
        json.dumps({"trained_on": f"PolNeAR train, publisher folds {sorted(folds)}", "quotes": len(quotes), "weights": weights}, indent=1)
        + "\n",
        encoding="utf-8",
    )
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
