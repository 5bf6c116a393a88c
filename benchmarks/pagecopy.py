"""Score the page-copy path (browser text copies): article body, headline, byline, site, date, ms/page.

    python benchmarks/pagecopy.py BENCH_DIR [--real] [--by-id] [--repeat N] [--out DIR]

BENCH_DIR holds text/<id>.txt and gold.json (like shared/bench/extract or
shared/bench/readability). Each copy goes load -> clean -> segment; the
Article's text is scored by score_extract.py and its headline, authors, source
and date by score_meta.py (both beside BENCH_DIR). A refused page scores an
empty body, and the metadata clean found for it.

When gold.json has no metadata (shared/bench/extract), a silver standard is
read from the same page's HTML by trafilatura.extract_metadata (og:title,
author, site name, date), so metadata rules can be tuned there and checked on
the other set. --real leaves out Lorem-ipsum markup fixtures. --repeat times
every page N times and reports the median of the per-page medians.
"""
from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import NewscastError, clean, load, segment  # noqa: E402


def read(path: Path) -> tuple[dict, dict, str | None]:
    """({articleBody}, {headline, authors, source, published}, refusal message or None)."""
    document = clean(load(path))
    try:
        article = segment(document)
    except NewscastError as exc:
        meta = document.meta
        return ({"articleBody": ""},
                {"headline": meta.headline, "authors": list(meta.authors), "source": meta.source, "published": meta.published},
                str(exc))
    return ({"articleBody": article.text},
            {"headline": article.headline, "authors": list(article.authors), "source": article.source,
             "published": article.published},
            None)


def silver_meta(html_path: Path) -> dict:
    import trafilatura

    html = gzip.decompress(html_path.read_bytes()).decode("utf-8", "replace")
    found = trafilatura.extract_metadata(html)
    if found is None:
        return {}
    return {"headline": found.title, "byline": found.author, "siteName": found.sitename, "publishedTime": found.date}


def timed(path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        try:
            segment(clean(load(path)))
        except NewscastError:
            pass
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def run(command: list[str]) -> str:
    return subprocess.run(command, capture_output=True, text=True).stdout.rstrip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--real", action="store_true", help="leave out Lorem-ipsum markup fixtures")
    parser.add_argument("--by-id", action="store_true", help="list the worst pages and the metadata misses")
    parser.add_argument("--repeat", type=int, default=1, help="time each page this many times")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newscast-pagecopy")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    scorers = args.bench if (args.bench / "score_extract.py").exists() else args.bench.parent
    gold = json.loads((args.bench / "gold.json").read_text())
    if args.real:
        gold = {k: v for k, v in gold.items() if "lorem ipsum" not in v["articleBody"].lower()}
    if not any("headline" in v for v in gold.values()):
        for page_id, entry in gold.items():
            entry.update(silver_meta(args.bench / "html" / f"{page_id}.html.gz"))
        print("metadata gold: silver, read from the HTML by trafilatura")
    gold_path = args.out / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False))
    paths = [p for p in sorted(args.bench.glob("text/*.txt")) if p.stem in gold]
    bodies, metas, refused = {}, {}, []
    for path in paths:
        bodies[path.stem], metas[path.stem], refusal = read(path)
        if refusal:
            refused.append(f"{path.stem} ({refusal})")
    times = [timed(p, args.repeat) for p in paths]
    print(f"text: {len(paths)} pages, {statistics.median(times):.1f} ms per page median "
          f"({statistics.mean(times):.1f} mean), {len(refused)} refused")
    for line in refused:
        print(f"  refused: {line}")
    flag = ["--by-id"] if args.by_id else []
    (args.out / "bodies.json").write_text(json.dumps(bodies, ensure_ascii=False))
    (args.out / "meta.json").write_text(json.dumps(metas, ensure_ascii=False))
    print(run([sys.executable, str(scorers / "score_extract.py"), str(gold_path), str(args.out / "bodies.json")] + flag))
    print(run([sys.executable, str(scorers / "score_meta.py"), str(gold_path), str(args.out / "meta.json")] + flag))


if __name__ == "__main__":
    main()
