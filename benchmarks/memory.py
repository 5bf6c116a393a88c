"""Peak memory of a build against the length of the edition.

    python benchmarks/memory.py [INPUT] [--lengths 1,4,16] [--shapes crossheads,flat]

Makes articles 1, 4 and 16 times as long as INPUT's (default: the seed's)
body, its paragraphs repeated under numbered crossheads ("crossheads") or in
one section with none ("flat": a long read or a transcript), builds each cold
with `newscast build --no-cache` in a fresh process with every core, and
prints audio length, chapters and the peak resident memory of the largest
process of the build (the command or a speech worker, measured from outside),
then the growth per minute of audio between the shortest and longest.
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


def long_page(article, times: int, crossheads: bool) -> str:
    parts = [f"<html><head><title>{html.escape(article.headline)}</title></head><body><article>",
             f"<h1>{html.escape(article.headline)}</h1>"]
    for n in range(times):
        if crossheads:
            parts.append(f"<h2>Part {n + 1}</h2>")
        parts += [f"<p>{html.escape(p)}</p>" for section in article.sections for p in section.paragraphs]
    parts.append("</article></body></html>")
    return "\n".join(parts)


def build(page: str, out: str) -> dict:
    """Build ``page`` in a child process; the largest peak RSS of any process it waited for is the figure."""
    script = f"""
import json, resource, subprocess, sys
command = [sys.executable, "-m", "pipeline", "build", {page!r}, "-o", {out!r}, "--no-cache", "--force"]
result = subprocess.run(command, capture_output=True, text=True, cwd={str(ROOT)!r})
if result.returncode:
    sys.exit(result.stderr)
edition = json.load(open({out!r} + "/" + {Path(page).stem!r} + ".json"))["edition"]
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"audio": edition["duration"], "chapters": len(edition["chapters"]), "rss": peak}}))
"""
    # Run from a fresh interpreter so this benchmark's own memory is not among the children measured.
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", default=str(ROOT / "seeds" / "000_88c1d4bd90c12416.txt"))
    parser.add_argument("--lengths", default="1,4,16")
    parser.add_argument("--shapes", default="crossheads,flat", help="crossheads, flat or both (comma-separated)")
    args = parser.parse_args()
    from pipeline import clean, load, segment

    article = segment(clean(load(args.input)))
    with tempfile.TemporaryDirectory() as work:
        for shape in args.shapes.split(","):
            runs = []
            for times in (int(n) for n in args.lengths.split(",")):
                page = Path(work) / f"long-{shape}-{times}.html"
                page.write_text(long_page(article, times, shape == "crossheads"), encoding="utf-8")
                run = build(str(page), str(Path(work) / "out"))
                runs.append(run)
                print(f"{shape:>10} {times:>3}x body: audio {run['audio'] / 60:6.1f} min in {run['chapters']:3d} chapters"
                      f"   peak memory {run['rss']:6.0f} MiB", flush=True)
            first, last = runs[0], runs[-1]
            minutes = (last["audio"] - first["audio"]) / 60
            if minutes > 0:
                print(f"{shape:>10} growth: {(last['rss'] - first['rss']) / minutes:.2f} MiB per minute of audio")


if __name__ == "__main__":
    main()
