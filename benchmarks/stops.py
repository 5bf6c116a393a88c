"""How fast, and how cleanly, a build stops on a signal: real builds, real signals.

    python benchmarks/stops.py [--runs 3]

For SIGINT and SIGTERM to the main process and to its process group, and
SIGKILL to the main process: the median seconds from the signal until the
build (or, after SIGKILL, its last speech worker) is gone, the exit codes,
and whether any process or file was left behind.
"""
from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from process_tree import alive, descendants  # noqa: E402  (shared with the signal tests)

SENTENCE = ("In {town}, the harbour master said that repairs to wall number {n} would take months and cost "
            "the council more than it had set aside, while residents asked for the work to start soon.")


def one_stop(folder: Path, signum: int, group: bool) -> tuple[float, int, int, int]:
    """(seconds until everything stopped, exit code, processes left, files left)."""
    page = folder / "storms.txt"
    page.write_text("Coastal towns count the cost\n\n" + "\n\n".join(
        SENTENCE.format(town=("Whitby", "Oban", "Tenby")[n % 3], n=n) for n in range(150)))
    out = folder / "out"
    with (folder / "stderr").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build", str(page), "-o", str(out), "--no-cache", "--workers", "2"],
            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL, stderr=log,
            start_new_session=True,
        )
    while len(descendants(process.pid)) < 2:
        time.sleep(0.02)
    time.sleep(0.5)
    workers = descendants(process.pid)
    sent = time.monotonic()
    (os.killpg if group else os.kill)(process.pid, signum)
    process.wait()
    while any(alive(pid) for pid in workers) and time.monotonic() - sent < 10:
        time.sleep(0.01)
    took = time.monotonic() - sent
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    files = list(out.iterdir()) if out.exists() else []
    return took, process.returncode, len(left), len(files)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cases = [("SIGINT to the main process", signal.SIGINT, False), ("SIGINT to the group (Ctrl-C)", signal.SIGINT, True),
             ("SIGTERM to the main process", signal.SIGTERM, False), ("SIGTERM to the group", signal.SIGTERM, True),
             ("SIGKILL to the main process", signal.SIGKILL, False)]
    print(f"{'signal':32} {'median s':>9} {'max s':>6}  exit codes  processes left  files left")
    for name, signum, group in cases:
        results = []
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as folder:
                results.append(one_stop(Path(folder), signum, group))
        seconds = [r[0] for r in results]
        codes = sorted({r[1] for r in results})
        print(f"{name:32} {statistics.median(seconds):9.2f} {max(seconds):6.2f}  {str(codes):10}  "
              f"{sum(r[2] for r in results):14}  {sum(r[3] for r in results):10}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
