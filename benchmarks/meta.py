"""Score the metadata we read (headline, authors, site, date) against a bench's gold.

    python benchmarks/meta.py BENCH_DIR [--kind html|text] [--all] [--by-id] [--out DIR]

BENCH_DIR holds html/<id>.html.gz (or text/<id>.txt) and a gold.json with
headline, byline, siteName and publishedTime (like shared/bench/readability).
When gold.json has no metadata (shared/bench/extract), a silver standard is
read from the same page's HTML by trafilatura.extract_metadata, as
benchmarks/pagecopy.py does; trafilatura's own score is then 1.000 by
construction and is not printed.
Each page goes load -> clean -> segment; the Article's headline, authors,
source and published date are written as score_meta.py reads them and scored
by the score_meta.py beside BENCH_DIR, next to trafilatura's own metadata for
the same HTML pages. Lorem-ipsum markup fixtures are left out unless --all.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_pages import our_reading, page_html, real_articles, scorer_path, trafilatura_meta, with_silver_metadata


def score(scorer: Path, gold: Path, predictions: dict, target: Path, by_id: bool) -> str:
    target.write_text(json.dumps(predictions, ensure_ascii=False))
    command = [sys.executable, str(scorer), str(gold), str(target)] + (["--by-id"] if by_id else [])
    return subprocess.run(command, capture_output=True, text=True).stdout.rstrip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--kind", choices=("html", "text"), default="html")
    parser.add_argument("--all", action="store_true", help="keep the Lorem-ipsum markup fixtures")
    parser.add_argument("--by-id", action="store_true", help="list the mismatches")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newscast-meta")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    scorer = scorer_path(args.bench, "score_meta.py")
    gold = json.loads((args.bench / "gold.json").read_text())
    if not args.all:
        gold = real_articles(gold)
    silver = with_silver_metadata(args.bench, gold)
    if silver:
        print("metadata gold: silver, read from the HTML by trafilatura")
    gold_path = args.out / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False))
    pattern = "html/*.html*" if args.kind == "html" else "text/*.txt"
    paths = [p for p in sorted(args.bench.glob(pattern)) if p.name.split(".")[0] in gold]
    print(f"{args.kind}: {len(paths)} pages")
    mine = {p.name.split(".")[0]: our_reading(p)[1] for p in paths}
    print("ours:\n" + score(scorer, gold_path, mine, args.out / f"ours-{args.kind}.json", args.by_id))
    if args.kind == "html" and not silver:
        theirs = {p.name.split(".")[0]: trafilatura_meta(page_html(p)) for p in paths}
        print("trafilatura:\n" + score(scorer, gold_path, theirs, args.out / "trafilatura.json", args.by_id))


if __name__ == "__main__":
    main()
