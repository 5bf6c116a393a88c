"""Score article extraction on a bench folder of pages with gold bodies.

    python benchmarks/extract.py BENCH_DIR [--out DIR] [--by-id]

BENCH_DIR holds html/<id>.html.gz, text/<id>.txt and gold.json (like
shared/bench/extract). For each kind of input this runs load -> clean ->
segment, writes the Article's `text` per page in the format score_extract.py
reads ({id: {"articleBody": text}}), prints milliseconds per page, and runs the
scorer that sits beside BENCH_DIR when there is one.
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

from pipeline import NewscastError, clean, load, segment  # noqa: E402


def predict(paths: list[Path]) -> tuple[dict, float, int]:
    predictions, failures = {}, 0
    began = time.perf_counter()
    for path in paths:
        page_id = path.name.split(".")[0]
        try:
            text = segment(clean(load(path))).text
        except NewscastError:
            text, failures = "", failures + 1
        predictions[page_id] = {"articleBody": text}
    ms = (time.perf_counter() - began) * 1000 / max(1, len(paths))
    return predictions, ms, failures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newscast-extract")
    parser.add_argument("--by-id", action="store_true", help="also list the worst pages")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    scorer = next((p for p in (args.bench / "score_extract.py", args.bench.parent / "score_extract.py") if p.exists()), None)
    for kind, pattern in (("html", "html/*.html*"), ("text", "text/*.txt")):
        paths = sorted(args.bench.glob(pattern))
        if not paths:
            continue
        predictions, ms, failures = predict(paths)
        target = args.out / f"predictions-{kind}.json"
        target.write_text(json.dumps(predictions, ensure_ascii=False))
        print(f"{kind}: {len(paths)} pages, {ms:.1f} ms per page, {failures} refused as not an article -> {target}")
        if scorer:
            command = [sys.executable, str(scorer), str(args.bench / "gold.json"), str(target)]
            result = subprocess.run(command + (["--by-id"] if args.by_id else []), capture_output=True, text=True)
            print(result.stdout.rstrip())


if __name__ == "__main__":
    main()
