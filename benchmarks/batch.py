"""Editions per minute for a batch of pages: the local worker pool against a Dask LocalCluster.

    python benchmarks/batch.py BENCH/extract/html [--pages 50] [--repeat 3] [--cluster-workers 4,2]

Each run is `newscast build --inputs LIST --no-cache` in a fresh process, so
the figures are what a user sees: start-up (a LocalCluster's included) to exit,
every sentence spoken (cluster workers use no speech cache either). For each
way of building it prints the median over the runs of: wall time, editions
per minute, CPU-seconds (user + system of every process of the run, sampled
every 0.1 s with psutil, which `newscast[dask]` brings) per edition, the
audio made and the machine's load average as each run ends; then the time a rerun of the pages it built takes to find every
edition up to date (a page refused for having no article is tried again).
The ways take turns, so a change in the machine's load hits them alike;
medians, because this machine is shared.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent


def newscast(*argv: str) -> tuple[float, float, str]:
    """Run the command; its wall time, the CPU time of it and all its processes, and its stdout (stderr shown if it
    built nothing).

    CPU is sampled per process because speech workers started by a fork
    server, and Dask's workers, are not reaped by the command itself, so
    getrusage(RUSAGE_CHILDREN) would miss them.
    """
    with tempfile.TemporaryFile("w+") as stdout, tempfile.TemporaryFile("w+") as stderr:
        began = time.perf_counter()
        command = subprocess.Popen([sys.executable, "-m", "pipeline", *argv], stdout=stdout, stderr=stderr, cwd=ROOT)
        cpu: dict[tuple[int, float], float] = {}
        root = psutil.Process(command.pid)
        while command.poll() is None:
            with contextlib.suppress(psutil.Error):
                for process in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        times = process.cpu_times()
                        cpu[(process.pid, process.create_time())] = times.user + times.system
            time.sleep(0.1)
        wall = time.perf_counter() - began
        stdout.seek(0)
        stderr.seek(0)
        printed, problems = stdout.read(), stderr.read()
        if command.returncode and not printed and "up to date" not in problems:
            sys.exit(f"newscast {' '.join(argv)} failed:\n{problems[-2000:]}")
        return wall, sum(cpu.values()), printed


def audio_seconds(stdout: str) -> float:
    """The editions' total length from the summary lines ("file  m:ss  N chapters")."""
    total = 0.0
    for line in stdout.splitlines():
        minutes, seconds = line.split("  ")[1].split(":")
        total += int(minutes) * 60 + int(seconds)
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="a folder of pages, e.g. the bench's extract/html")
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cluster-workers", default="4", help="LocalCluster sizes to try, comma-separated (default: 4, two per core)")
    args = parser.parse_args()

    pages = sorted(str(p) for p in Path(args.folder).iterdir() if p.is_file())[: args.pages]
    ways = {"local pool (default: two speech workers per core)": []}
    ways.update({f"LocalCluster, {n} processes x 1 thread": ["--scheduler", "local", "--workers", n]
                 for n in args.cluster_workers.split(",")})
    print(f"{len(pages)} pages from {args.folder}, {os.cpu_count()} cores, median of {args.repeat} runs (a shared machine)")
    with tempfile.TemporaryDirectory() as scratch:
        listing = Path(scratch) / "inputs.txt"
        listing.write_text("".join(f"{page}\n" for page in pages))
        runs = {label: [] for label in ways}
        reruns = {label: [] for label in ways}
        for attempt in range(args.repeat):
            for number, (label, extra) in enumerate(ways.items()):
                out = Path(scratch) / f"out-{attempt}-{number}"
                wall, cpu, stdout = newscast("build", "--inputs", str(listing), "-o", str(out), "--no-cache", *extra)
                runs[label].append((wall, cpu, len(stdout.splitlines()), audio_seconds(stdout), os.getloadavg()[0]))
                built = Path(scratch) / f"built-{attempt}-{number}.txt"
                built.write_text("".join(f"{page}\n" for page in pages if (out / f"{Path(page).name.split('.')[0]}.mp3").exists()))
                reruns[label].append(newscast("build", "--inputs", str(built), "-o", str(out), *extra)[0])
                print(f"  run {attempt + 1}, {label}: {wall:.1f} s, {cpu / max(1, runs[label][-1][2]):.2f} CPU-s an edition, "
                      f"load {runs[label][-1][4]:.1f}", file=sys.stderr)
        for label in ways:
            wall, cpu, built, audio, load = (statistics.median(r[i] for r in runs[label]) for i in range(5))
            print(f"\n{label}")
            print(f"  built {built:.0f} of {len(pages)} ({len(pages) - built:.0f} refused: no article found)")
            print(f"  wall {wall:.1f} s (runs: {', '.join(f'{r[0]:.1f}' for r in runs[label])}) -> {built / wall * 60:.1f} editions a minute")
            print(f"  CPU {cpu:.1f} s -> {cpu / built:.2f} CPU-s an edition (runs: {', '.join(f'{r[1] / r[2]:.2f}' for r in runs[label])}); "
                  f"audio {audio / 60:.1f} min, {audio / wall:.0f}x real time")
            print(f"  load average (1 min) at the end of a run: median {load:.1f} (runs: {', '.join(f'{r[4]:.1f}' for r in runs[label])})")
            print(f"  rerun, every edition up to date: {statistics.median(reruns[label]):.1f} s")


if __name__ == "__main__":
    main()
