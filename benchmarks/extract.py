"""Score article extraction on a bench folder of pages with gold bodies.

    python benchmarks/extract.py BENCH_DIR [--out DIR] [--by-id] [--trafilatura] [--only html|text] [--real]

BENCH_DIR holds html/<id>.html.gz, text/<id>.txt and gold.json (like
shared/bench/extract). For each kind of input this runs load -> clean ->
segment, writes the Article's `text` per page in the format score_extract.py
reads ({id: {"articleBody": text}}), prints milliseconds per page (the median
of the pages, and the mean; wall clock, and the process's CPU time, which
other jobs on a shared machine disturb less), and runs the scorer that sits
beside BENCH_DIR when there is one.

--trafilatura also scores trafilatura alone (favor_precision=True) on the HTML
pages and lists every page where we score more than 0.05 below it. --real
leaves out the Lorem-ipsum markup fixtures (pages whose gold body says "lorem
ipsum"), as the readability set asks.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_pages import page_html, real_articles, scorer, scorer_path, trafilatura_body

from pipeline import NewscastError, clean, load, segment  # on the path bench_pages sets

# How far below trafilatura a page may score before it is listed.
BEHIND = 0.05


def predict(paths: list[Path]) -> tuple[dict, list[float], list[float], list[str]]:
    predictions, times, cpu_times, refused = {}, [], [], []
    for path in paths:
        page_id = path.name.split(".")[0]
        began, cpu_began = time.perf_counter(), time.process_time()
        try:
            text = segment(clean(load(path))).text
        except NewscastError as exc:
            text = ""
            refused.append(f"{page_id} ({exc})")
        times.append((time.perf_counter() - began) * 1000)
        cpu_times.append((time.process_time() - cpu_began) * 1000)
        predictions[page_id] = {"articleBody": text}
    return predictions, times, cpu_times, refused


def trafilatura_predict(paths: list[Path]) -> dict:
    return {path.name.split(".")[0]: {"articleBody": trafilatura_body(page_html(path))} for path in paths}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=Path)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "newscast-extract")
    parser.add_argument("--by-id", action="store_true", help="also list the worst pages")
    parser.add_argument("--trafilatura", action="store_true", help="also score trafilatura alone on the HTML pages")
    parser.add_argument("--only", choices=("html", "text"), help="score one kind of input")
    parser.add_argument("--real", action="store_true", help="leave out Lorem-ipsum markup fixtures")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    score_path = scorer_path(args.bench, "score_extract.py")
    gold = json.loads((args.bench / "gold.json").read_text())
    if args.real:
        gold = real_articles(gold)
    gold_path = args.out / "gold.json"
    gold_path.write_text(json.dumps(gold, ensure_ascii=False))
    for kind, pattern in (("html", "html/*.html*"), ("text", "text/*.txt")):
        paths = [p for p in sorted(args.bench.glob(pattern)) if p.name.split(".")[0] in gold]
        if not paths or (args.only and args.only != kind):
            continue
        predictions, times, cpu_times, refused = predict(paths)
        target = args.out / f"predictions-{kind}.json"
        target.write_text(json.dumps(predictions, ensure_ascii=False))
        print(f"{kind}: {len(paths)} pages, {statistics.median(times):.1f} ms per page median "
              f"({statistics.mean(times):.1f} mean), CPU {statistics.median(cpu_times):.1f} median "
              f"({statistics.mean(cpu_times):.1f} mean), {len(refused)} refused as not an article -> {target}")
        for line in refused:
            print(f"  refused: {line}")
        if not score_path:
            continue
        command = [sys.executable, str(score_path), str(gold_path), str(target)]
        result = subprocess.run(command + (["--by-id"] if args.by_id else []), capture_output=True, text=True)
        print(result.stdout.rstrip())
        if args.trafilatura and kind == "html":
            theirs = trafilatura_predict(paths)
            their_target = args.out / "predictions-trafilatura.json"
            their_target.write_text(json.dumps(theirs, ensure_ascii=False))
            result = subprocess.run(command[:-1] + [str(their_target)], capture_output=True, text=True)
            print("trafilatura (favor_precision):", result.stdout.rstrip().splitlines()[-1])
            score = scorer(args.bench, "score_extract.py")
            for page_id in sorted(gold):
                body = gold[page_id]["articleBody"]
                ours = score.page_scores(body, predictions[page_id]["articleBody"])
                them = score.page_scores(body, theirs[page_id]["articleBody"])
                if ours[2] < them[2] - BEHIND:
                    print(f"  behind trafilatura: {page_id} ours P={ours[0]:.2f} R={ours[1]:.2f} F1={ours[2]:.3f}"
                          f" | trafilatura P={them[0]:.2f} R={them[1]:.2f} F1={them[2]:.3f}")


if __name__ == "__main__":
    main()
