"""Score quote extraction and attribution on benches of articles with gold quotes.

    python benchmarks/quotes.py QUOTES.jsonl [MORE.jsonl ...] [--folds] [--out DIR] [--by-id] [--no-timing]

Each line of a QUOTES.jsonl is {"id", "text", "quotes", ...}: an article's
plain text, one paragraph per line (the headline first), with gold quotes.
For each file this runs newscast's quote finder on every article, writes
{"id", "quotes": [{"text", "speaker"}]} lines to --out, and scores them with
score_quotes.py (the scorer beside the bench folder) twice: with the speaker
alone (the target) and with "Name, role" as a chapter title shows it.

Beside the scorer's figures it prints the wrong-name rate: over the matched
quotes whose gold speaker is named (not a pronoun), the share where we give a
different speaker rather than none. A listener is misled by a wrong name and
only uninformed by "Speaker unknown".

--folds also scores the file in 5 folds by publisher (the id's prefix; the
PolNeAR corpus has 7 publishers), and folds 1-3 and 4-5 pooled: rules and the
fitted models are tuned on folds 1-3, and folds 4-5 tell how they do on text
nobody looked at. Timing: milliseconds per article,
median and mean, for find_quotes alone and for the whole segment stage on a
Document made from the article's paragraphs (articles segment refuses are
counted).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import NewscastError, segment  # noqa: E402
from pipeline.model import Block, Document, Metadata  # noqa: E402
from pipeline.text.quotes import find_quotes  # noqa: E402

# Seven publishers in five folds of about the same number of quotes.
FOLDS = {
    "breitbart": 1, "west-journal": 1,
    "huff-post": 2, "usa-today": 2,
    "nyt": 3,
    "politico": 4,
    "wash-post": 5,
}


def publisher(article_id: str) -> str:
    return article_id.split("_")[0]


def articles(path: Path, folds: set[int] | None = None) -> list[dict]:
    """The articles of a JSONL gold file, only those of ``folds`` when given."""
    rows = [json.loads(row) for row in path.read_text(encoding="utf-8").splitlines() if row.strip()]
    return rows if folds is None else [a for a in rows if FOLDS.get(publisher(a["id"])) in folds]


def load_scorer(gold: Path):
    path = gold.resolve().parent.parent / "score_quotes.py"
    if not path.exists():
        raise SystemExit(f"{path}: the scorer is not beside the bench folder")
    spec = importlib.util.spec_from_file_location("score_quotes", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def split(article: dict) -> tuple[str, list[str]]:
    headline, *paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
    return headline, paragraphs


def predict(articles: list[dict]) -> tuple[dict, list[float]]:
    predictions, times = {}, []
    for article in articles:
        headline, paragraphs = split(article)
        began = time.perf_counter()
        predictions[article["id"]] = find_quotes(paragraphs, headline=headline)
        times.append((time.perf_counter() - began) * 1000)
    return predictions, times


def time_segment(articles: list[dict]) -> tuple[list[float], int]:
    times, refused = [], 0
    for article in articles:
        headline, paragraphs = split(article)
        blocks = (Block("headline", headline),) + tuple(Block("paragraph", p) for p in paragraphs)
        document = Document(blocks=blocks, meta=Metadata(headline=headline))
        began = time.perf_counter()
        try:
            segment(document)
        except NewscastError:
            refused += 1
        times.append((time.perf_counter() - began) * 1000)
    return times, refused


def score(scorer, gold: dict, pred: dict) -> dict:
    """The scorer's figures, and the wrong-name rate over the quotes speaker accuracy counts."""
    n_gold = n_pred = n_match = named = right = wrong = 0
    for key, gold_quotes in gold.items():
        pred_quotes = pred.get(key, [])
        pairs = scorer.match(gold_quotes, pred_quotes)
        n_gold, n_pred, n_match = n_gold + len(gold_quotes), n_pred + len(pred_quotes), n_match + len(pairs)
        for gi, pi, _f in pairs:
            if not scorer.is_named(gold_quotes[gi]):
                continue
            named += 1
            said = pred_quotes[pi].get("speaker")
            if scorer.speaker_ok(said, gold_quotes[gi]["speaker"]):
                right += 1
            elif said:
                wrong += 1
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    return {
        "n": len(gold), "quotes": n_gold, "P": p, "R": r, "F1": 2 * p * r / (p + r) if p + r else 0.0,
        "speaker_acc": right / named if named else 0.0, "wrong_name": wrong / named if named else 0.0,
    }


def line(name: str, figures: dict) -> str:
    return (
        f"{name:<24} articles={figures['n']:<4} quotes={figures['quotes']:<5} P={figures['P']:.3f} R={figures['R']:.3f} "
        f"F1={figures['F1']:.3f} speaker_acc={figures['speaker_acc']:.3f} wrong_name={figures['wrong_name']:.3f}"
    )


def report(path: Path, folds: bool, out_dir: Path, by_id: bool, timing: bool) -> None:
    gold_articles = articles(path)
    scorer = load_scorer(path)
    found, times = predict(gold_articles)
    gold = {a["id"]: a["quotes"] for a in gold_articles}
    alone = {k: [{"text": q.text, "speaker": q.speaker} for q in v] for k, v in found.items()}
    with_role = {k: [{"text": q.text, "speaker": q.attribution} for q in v] for k, v in found.items()}
    out = out_dir / f"newscast-quotes-{path.stem}.jsonl"
    out.write_text("".join(json.dumps({"id": k, "quotes": v}) + "\n" for k, v in alone.items()), encoding="utf-8")
    print(f"== {path} -> {out}")
    print(line("speaker alone", score(scorer, gold, alone)))
    print(line('"Name, role"', score(scorer, gold, with_role)))
    if folds:
        for fold in sorted(set(FOLDS.values())):
            members = sorted(p for p, f in FOLDS.items() if f == fold)
            part = {k: v for k, v in gold.items() if FOLDS.get(publisher(k)) == fold}
            print(line(f"fold {fold} {'+'.join(members)}", score(scorer, part, alone)))
        for name, group in (("folds 1-3 (tuned)", {1, 2, 3}), ("folds 4-5 (held out)", {4, 5})):
            part = {k: v for k, v in gold.items() if FOLDS.get(publisher(k)) in group}
            print(line(name, score(scorer, part, alone)))
    if by_id:
        worst = sorted((score(scorer, {k: gold[k]}, alone)["F1"], k) for k in gold if gold[k] or alone[k])[:10]
        print("worst articles: " + ", ".join(f"{k} {f:.2f}" for f, k in worst))
    if timing:
        segment_times, refused = time_segment(gold_articles)
        print(
            f"ms per article: find_quotes median {statistics.median(times):.2f} mean {statistics.mean(times):.2f}; "
            f"segment median {statistics.median(segment_times):.2f} mean {statistics.mean(segment_times):.2f} "
            f"({refused} articles refused by segment)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="+")
    parser.add_argument("--folds", action="store_true", help="also score 5 folds by publisher")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--by-id", action="store_true", help="list the 10 articles with the lowest quote F1")
    parser.add_argument("--no-timing", action="store_true")
    args = parser.parse_args()
    for path in args.gold:
        report(path, args.folds, args.out, args.by_id, not args.no_timing)


if __name__ == "__main__":
    main()
