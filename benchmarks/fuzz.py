"""Long mutation fuzzing: damaged pages through load -> clean -> segment -> script.

    python benchmarks/fuzz.py [PAGE ...] [--seconds 600] [--seed 1] [--save DIR]

Seeds are the given pages (default: tests/fixtures and seeds/). Prints cases
per second, crashes (anything but NewscastError), the slowest input and how
the cases ended. Each crash and the slowest input are saved to --save (default
fuzz_out/) so they can be replayed with `newscast script FILE`.
"""
from __future__ import annotations

import argparse
import collections
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from mutations import mutate  # noqa: E402

from pipeline import NewscastError, clean, load, script, segment  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--save", type=Path, default=Path("fuzz_out"))
    args = parser.parse_args()
    pages = args.pages or sorted(p for d in (ROOT / "tests" / "fixtures", ROOT / "seeds") for p in d.iterdir() if p.is_file())
    seeds = [p.read_bytes() for p in pages]
    rng = random.Random(args.seed)
    outcomes: collections.Counter[str] = collections.Counter()
    crashes: list[tuple[str, bytes]] = []
    slowest = (0.0, b"")
    began = time.perf_counter()
    cases = 0
    while time.perf_counter() - began < args.seconds:
        data = mutate(rng.choice(seeds), rng)
        start = time.perf_counter()
        try:
            script(segment(clean(load("fuzz", data=data))), {})
            outcomes["read"] += 1
        except NewscastError as exc:
            outcomes[str(exc).split(":")[0]] += 1
        except Exception:  # what the fuzzer is looking for
            crashes.append((traceback.format_exc(limit=3), data))
        took = time.perf_counter() - start
        if took > slowest[0]:
            slowest = (took, data)
        cases += 1
    elapsed = time.perf_counter() - began
    args.save.mkdir(parents=True, exist_ok=True)
    (args.save / "slowest.bin").write_bytes(slowest[1])
    for i, (trace, data) in enumerate(crashes):
        (args.save / f"crash-{i}.bin").write_bytes(data)
        (args.save / f"crash-{i}.txt").write_text(trace)
    print(f"cases: {cases} in {elapsed:.0f} s ({cases / elapsed:.1f} cases/s), seed {args.seed}, {len(seeds)} seed pages")
    print(f"crashes: {len(crashes)}" + (f" (first: {crashes[0][0].strip().splitlines()[-1]})" if crashes else ""))
    print(f"slowest: {slowest[0]:.2f} s, {len(slowest[1]):,} bytes, saved as {args.save / 'slowest.bin'}")
    print("outcomes: " + ", ".join(f"{name} {count}" for name, count in outcomes.most_common()))
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
