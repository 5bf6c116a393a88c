"""Time each stage of an edition build and print the figures.

    python benchmarks/edition.py [INPUT] [--repeat N]

Prints wall seconds per stage (best of N runs), the audio length, the
real-time factor (audio seconds per wall second) and peak memory.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import Pyttsx3Engine, build_edition  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", default=str(ROOT / "seeds" / "000_88c1d4bd90c12416.txt"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    began = time.perf_counter()
    engine = Pyttsx3Engine()
    engine_start = time.perf_counter() - began
    runs = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.repeat):
            timings: dict[str, float] = {}
            began = time.perf_counter()
            edition = build_edition(args.input, out, engine=engine, timings=timings)
            timings["total"] = time.perf_counter() - began
            runs.append(timings)
    best = {stage: min(run[stage] for run in runs) for stage in runs[0]}
    print(f"input: {Path(args.input).name}   runs: {args.repeat} (best shown)   engine start: {engine_start:.3f} s")
    for stage, seconds in best.items():
        print(f"  {stage:<9} {seconds * 1000:9.1f} ms")
    print(f"audio: {edition.duration:.2f} s in {len(edition.chapters)} chapters")
    print(f"real-time factor: {edition.duration / best['total']:.0f}x (audio seconds per wall second)")
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak memory: {peak_kib / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
