"""Peak memory of a build against the length of the edition.

    python benchmarks/memory.py [INPUT] [--lengths 1,4,16]

Makes articles 1, 4 and 16 times as long as INPUT's (default: the seed's)
body, its paragraphs repeated under numbered sections, builds each cold in a
fresh process with every core, and prints audio length and peak resident
memory, then the growth per minute of audio between the shortest and longest.
"""
from __future__ import annotations

import argparse
import html
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def long_page(article, times: int) -> str:
    parts = [f"<html><head><title>{html.escape(article.headline)}</title></head><body><article>",
             f"<h1>{html.escape(article.headline)}</h1>"]
    for n in range(times):
        parts.append(f"<h2>Part {n + 1}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for section in article.sections for p in section.paragraphs]
    parts.append("</article></body></html>")
    return "\n".join(parts)


def build(page: str, out: str) -> dict:
    code = f"""
import json, resource, sys
sys.path.insert(0, {str(ROOT)!r})
from pipeline import build_edition
from pipeline.tts.pool import default_workers
edition = build_edition({page!r}, {out!r}, workers=default_workers())
print(json.dumps({{"audio": edition.duration, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", default=str(ROOT / "seeds" / "000_88c1d4bd90c12416.txt"))
    parser.add_argument("--lengths", default="1,4,16")
    args = parser.parse_args()
    from pipeline import clean, load, segment

    article = segment(clean(load(args.input)))
    runs = []
    with tempfile.TemporaryDirectory() as work:
        for times in (int(n) for n in args.lengths.split(",")):
            page = Path(work) / f"long-{times}.html"
            page.write_text(long_page(article, times), encoding="utf-8")
            run = build(str(page), str(Path(work) / "out"))
            runs.append(run)
            print(f"{times:>3}x body: audio {run['audio'] / 60:6.1f} min   peak memory {run['rss']:6.0f} MiB")
    first, last = runs[0], runs[-1]
    minutes = (last["audio"] - first["audio"]) / 60
    if minutes > 0:
        print(f"growth: {(last['rss'] - first['rss']) / minutes:.1f} MiB per minute of audio")
    print(json.dumps(runs))


if __name__ == "__main__":
    main()
