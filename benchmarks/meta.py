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
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import NewscastError, clean, load, segment  # noqa: E402


def ours(path: Path) -> dict:
    document = clean(load(path))
    try:
        article = segment(document)
        headline, authors, source, published = article.headline, article.authors, article.source, article.published
    except NewscastError:
        meta = document.meta
        headline, authors, source, published = meta.headline, meta.authors, meta.source, meta.published
    return {"headline": headline, "authors": list(authors), "source": source, "published": published}


def trafilatura_meta(path: Path) -> dict:
    import trafilatura

    html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    found = trafilatura.extract_metadata(html)
    if found is None:
        return {}
    return {"title": found.title, "author": found.author, "sitename": found.sitename, "date": found.date}


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
    scorer = next(p for p in (args.bench / "score_meta.py", args.bench.parent / "score_meta.py") if p.exists())
    gold = json.loads((args.bench / "gold.json").read_text())
    if not args.all:
        gold = {k: v for k, v in gold.items() if "lorem ipsum" not in (v.get("articleBody") or "").lower()}
    silver = not any("headline" in v for v in gold.values())
    if silver:
        for page_id, entry in gold.items():
            found = trafilatura_meta(args.bench / "html" / f"{page_id}.html.gz")
            entry.update({"headline": found.get("title"), "byline": found.get("author"),
                          "siteName": found.get("sitename"), "publishedTime": found.get("date")})
        print("metadata gold: silver, read from the HTML by trafilatura")
    gold_path = args.out / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False))
    pattern = "html/*.html*" if args.kind == "html" else "text/*.txt"
    paths = [p for p in sorted(args.bench.glob(pattern)) if p.name.split(".")[0] in gold]
    print(f"{args.kind}: {len(paths)} pages")
    mine = {p.name.split(".")[0]: ours(p) for p in paths}
    print("ours:\n" + score(scorer, gold_path, mine, args.out / f"ours-{args.kind}.json", args.by_id))
    if args.kind == "html" and not silver:
        theirs = {p.name.split(".")[0]: trafilatura_meta(p) for p in paths}
        print("trafilatura:\n" + score(scorer, gold_path, theirs, args.out / "trafilatura.json", args.by_id))


if __name__ == "__main__":
    main()
