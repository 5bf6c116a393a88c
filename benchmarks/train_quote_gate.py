"""Fit the quote gate: which quoted phrases inside sentences are someone's words.

    python benchmarks/train_quote_gate.py QUOTES.jsonl [--folds 1,2,3] [--out pipeline/data/quote_gate.json]

Runs the quote finder over the articles of the chosen publisher folds (see
benchmarks/quotes.py) with the gate open, keeps the signs of every phrase the
gate is asked about, labels a phrase a quote when a gold quote of its article
matches it (token-F1 >= 0.5, as the scorer matches), and fits a logistic model
with a small L2 penalty by gradient descent. Prints the fit's accuracy on the
phrases it saw and writes the weights as JSON. The other folds stay unseen, to
score the result on.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from pipeline.text import quote_gate  # noqa: E402
from pipeline.text.quotes import find_quotes  # noqa: E402
from quotes import articles, load_scorer, split  # noqa: E402

PENALTY = 0.01  # L2, per example
STEPS = 20000
RATE = 0.5


def examples(path: Path, folds: set[int]) -> list[tuple[dict[str, float], int]]:
    scorer = load_scorer(path)
    asked: list[tuple[str, dict[str, float]]] = []

    real_is_quote, real_features = quote_gate.is_quote, quote_gate.features

    def recording_features(text, *args):
        signs = real_features(text, *args)
        asked.append((text, signs))
        return signs

    quote_gate.is_quote, quote_gate.features = (lambda signs: True), recording_features
    try:
        found = []
        for article in articles(path, folds):
            headline, paragraphs = split(article)
            asked.clear()
            find_quotes(paragraphs, headline=headline)
            gold = [scorer.tokens(q["text"]) for q in article["quotes"]]
            for text, signs in asked:
                words = scorer.tokens(text)
                label = int(any(scorer.token_f1(words, g) >= 0.5 for g in gold))
                found.append((signs, label))
    finally:
        quote_gate.is_quote, quote_gate.features = real_is_quote, real_features
    return found


def fit(data: list[tuple[dict[str, float], int]]) -> dict[str, float]:
    names = sorted({name for signs, _ in data for name in signs})
    rows = np.array([[signs.get(n, 0.0) for n in names] for signs, _ in data])
    labels = np.array([label for _, label in data], dtype=float)
    penalty = np.array([0.0 if n == "bias" else PENALTY for n in names])
    weights = np.zeros(len(names))
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(rows @ weights, -30, 30)))
        weights -= RATE * (rows.T @ (p - labels) / len(rows) + penalty * weights)
    return {name: round(float(w), 4) for name, w in zip(names, weights)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--folds", default="1,2,3")
    parser.add_argument("--out", type=Path, default=ROOT / "pipeline" / "data" / "quote_gate.json")
    args = parser.parse_args()
    folds = {int(f) for f in args.folds.split(",")}
    data = examples(args.gold, folds)
    weights = fit(data)
    right = sum(
        (1.0 / (1.0 + math.exp(-sum(weights.get(n, 0.0) * v for n, v in signs.items()))) >= quote_gate.THRESHOLD) == bool(label)
        for signs, label in data
    )
    positives = sum(label for _, label in data)
    print(f"{len(data)} phrases ({positives} quotes) from folds {sorted(folds)}; fit accuracy {right / len(data):.3f}")
    args.out.write_text(
        json.dumps({"trained_on": f"PolNeAR train, publisher folds {sorted(folds)}", "phrases": len(data), "weights": weights}, indent=1) + "\n",
        encoding="utf-8",
    )
    print(f"-> {args.out}")


if __name__ == "__main__":
    main()
