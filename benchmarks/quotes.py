"""Score quote extraction and attribution on a bench of articles with gold quotes.

    python benchmarks/quotes.py QUOTES.jsonl [--out FILE] [--by-id]

Each line of QUOTES.jsonl is {"id", "text", ...}: an article's plain text, one
paragraph per line (the headline first). This runs newscast's quote stage on
each article, writes {"id", "quotes": [{"text", "speaker"}]} lines (the speaker
with the role the article gives, "Name, role"), prints
milliseconds per article and runs score_quotes.py when it sits beside the file.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.text.quotes import find_quotes  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newscast-quotes.jsonl")
    parser.add_argument("--by-id", action="store_true")
    args = parser.parse_args()
    articles = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    began = time.perf_counter()
    lines = []
    for article in articles:
        headline, *paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
        quotes = find_quotes(paragraphs, headline=headline)
        lines.append(json.dumps({"id": article["id"], "quotes": [{"text": q.text, "speaker": q.attribution} for q in quotes]}))
    ms = (time.perf_counter() - began) * 1000 / max(1, len(articles))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(articles)} articles, {ms:.2f} ms per article -> {args.out}")
    scorer = args.gold.parent.parent / "score_quotes.py"
    if scorer.exists():
        command = [sys.executable, str(scorer), str(args.gold), str(args.out)] + (["--by-id"] if args.by_id else [])
        print(subprocess.run(command, capture_output=True, text=True).stdout.rstrip())


if __name__ == "__main__":
    main()
