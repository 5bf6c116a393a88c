"""Time an edition build, stage by stage, against the speed floor of its tools.

    python benchmarks/edition.py [INPUT] [--repeat N]
    python benchmarks/edition.py [INPUT] --whole-process [--repeat N] [--page HTML] [--wait-idle] [--against DIR]

Prints, for INPUT (default: the seed):
- wall time per stage of a cold build (no speech cache) pinned to one core, with
  newscast's default speech workers for one core, and with one engine in-process;
- the floor: eSpeak NG called directly plus LAME encoding of the same words
  (benchmarks/floor.py, in its own process, one core), and newscast's ratio to it
  with one core and with every core;
- a warm rebuild (every sentence cached) and a rebuild after one paragraph changed;
- audio length, real-time factor and peak memory.
Each figure is the best of N runs.

With --whole-process it times what a user waits for instead: whole commands
from the shell, start-up included, each run alternating with the floor (a
plain Python process that speaks the same text with eSpeak NG's C library and
encodes it with LAME at newscast's settings, on one core), and prints medians of
the wall time and of the CPU seconds of each command's process tree (the steadier
figure on a shared machine): a cold build, a warm rebuild, a build of a missing
file, `newscast --help` and `newscast segment` of a page. With --wait-idle each
command waits (at most IDLE_PATIENCE_S) until the rest of a shared machine leaves
the cores idle, so the figures are of quiet moments. With --against DIR (another
checkout, such as a worktree of an older commit) its cold build and warm rebuild
run in the same rounds, so a change is measured under the same load.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.tts import DEFAULT_WPM  # noqa: E402  (the floor speaks at newscast's rate)


def build(source: str, out: str, cores: int, cache_dir: str | None, workers: int | None = None) -> dict:
    """One build in a fresh process pinned to ``cores`` cores, with ``workers`` speech
    processes (default: newscast's default for that many cores); its timings as a dict."""
    code = f"""
import json, os, sys, time
sys.path.insert(0, {str(ROOT)!r})
os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[:{cores}])
from pipeline import build_edition
from pipeline.tts.cache import SpeechCache
from pipeline.tts.pool import default_workers
timings = {{}}
began = time.perf_counter()
edition = build_edition({source!r}, {out!r}, workers={workers} or default_workers(), timings=timings,
                        cache=SpeechCache({cache_dir!r}) if {cache_dir!r} else None)
timings["total"] = time.perf_counter() - began
timings["audio"] = edition.duration
print(json.dumps(timings))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def floor_command(text_file: str, quality: int) -> list[str]:
    """benchmarks/floor.py on one core, at newscast's speaking rate."""
    code = (f"import os; os.sched_setaffinity(0, {{sorted(os.sched_getaffinity(0))[0]}}); import runpy, sys; "
            f"sys.argv = ['floor', {text_file!r}, '--quality', '{quality}', '--rate', '{DEFAULT_WPM}']; "
            f"runpy.run_path({str(ROOT / 'benchmarks' / 'floor.py')!r}, run_name='__main__')")
    return [sys.executable, "-c", code]


def floor(text_file: str, quality: int) -> dict:
    result = subprocess.run(floor_command(text_file, quality), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def timed(command: list[str], check: bool = True, root: Path = ROOT) -> tuple[float, float]:
    """Wall seconds of a whole process, from outside, and the CPU seconds (user + system) of its process tree.

    ``python -m pipeline`` runs the checkout at ``root``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    subprocess.run(command, capture_output=True, check=check, cwd=root, env=dict(os.environ, PYTHONPATH=str(root)))
    wall = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


IDLE_BUSY = 0.1  # share of all cores others may use for a moment to count as quiet
IDLE_PATIENCE_S = 30


def busy_share(seconds: float = 0.4) -> float:
    """The share of all cores' time spent busy over ``seconds`` (Linux /proc/stat)."""
    def read() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            ticks = [int(t) for t in stat.readline().split()[1:]]
        return sum(ticks) - ticks[3] - ticks[4], sum(ticks)  # idle and iowait are not busy

    busy, total = read()
    time.sleep(seconds)
    busy2, total2 = read()
    return (busy2 - busy) / max(1, total2 - total)


def wait_until_idle() -> float:
    """Wait until the machine is quiet (or IDLE_PATIENCE_S passed); the busy share when the command starts."""
    began = time.monotonic()
    while (share := busy_share()) > IDLE_BUSY and time.monotonic() - began < IDLE_PATIENCE_S:
        time.sleep(0.5)
    return share


def whole_process(source: str, page: str, repeat: int, wait_idle: bool = False, against: Path | None = None) -> None:
    newscast = [sys.executable, "-m", "pipeline"]
    with tempfile.TemporaryDirectory() as work:
        env_cache = os.path.join(work, "cache")
        os.environ["NEWSCAST_CACHE"] = env_cache
        # As installed, modules come with compiled bytecode (pip compiles it); a shell that forbids writing it
        # would have every command recompile newscast's sixty modules (about 0.1 s), which users do not pay.
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        from pipeline import clean, load, script, segment

        spoken = script(segment(clean(load(source))))
        text_file = os.path.join(work, "spoken.txt")
        Path(text_file).write_text("\n".join(u.text for c in spoken.chapters for u in c.utterances), encoding="utf-8")
        out = os.path.join(work, "out")
        commands = {  # name: (label, command)
            "floor": ("floor (eSpeak NG C library + LAME q5, one core)", floor_command(text_file, 5)),
            "cold": ("newscast build, cold (--no-cache)", newscast + ["build", source, "-o", out, "--no-cache", "--force"]),
            "warm": ("newscast build, warm rebuild (every clip cached)", newscast + ["build", source, "-o", out, "--force"]),
            "missing": ("newscast build of a missing file", newscast + ["build", os.path.join(work, "missing.html"), "-o", out]),
            "help": ("newscast --help", newscast + ["--help"]),
            "segment": (f"newscast segment {Path(page).name}", newscast + ["segment", page]),
        }
        roots = dict.fromkeys(commands, ROOT)
        if against:
            for name in ("cold", "warm"):
                label, command = commands[name]
                commands[f"{name}-against"] = (f"{label.split(',')[0]} of {against}," + label.split(",", 1)[1], command)
                roots[f"{name}-against"] = against
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for name in ("warm", "warm-against") if against else ("warm",):
            timed(commands[name][1], root=roots[name])  # fills the cache for the warm runs
        load = []  # the machine's load average before each round: other work on a shared machine skews the walls
        busy = []  # with wait_idle, the share of the cores in use just before each command
        for _ in range(repeat):
            load.append(os.getloadavg()[0])
            for name, (_, command) in commands.items():
                if wait_idle:
                    busy.append(wait_until_idle())
                runs[name].append(timed(command, check=name != "missing", root=roots[name]))  # a missing file fails
    wall = {name: statistics.median(w for w, _ in values) for name, values in runs.items()}
    cpu = {name: statistics.median(c for _, c in values) for name, values in runs.items()}
    print(f"whole processes, medians of {repeat} alternating runs: wall seconds, CPU seconds of the process tree "
          f"(load average {min(load):.2f}-{max(load):.2f}"
          + (f"; cores in use just before each command: median {statistics.median(busy):.2f}, at most {max(busy):.2f})" if busy else ")"))
    for name, (label, _) in commands.items():
        paired = statistics.median(w / f for (w, _), (f, _) in zip(runs[name], runs["floor"]))
        ratio = f"  = {wall[name] / wall['floor']:.2f}x the floor (median of each round's ratio {paired:.2f}x)" if name.startswith("cold") else ""
        print(f"  {label:<50} {wall[name]:6.3f}  cpu {cpu[name]:6.3f}{ratio}")


def best(runs: list[dict]) -> dict:
    return {key: min(run[key] for run in runs) for key in runs[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", nargs="?", default=str(ROOT / "seeds" / "000_88c1d4bd90c12416.txt"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--whole-process", action="store_true", help="time whole commands from the shell instead")
    parser.add_argument("--page", default=str(ROOT / "tests" / "fixtures" / "harbour.html"), help="the page --whole-process segments")
    parser.add_argument("--wait-idle", action="store_true", help="with --whole-process: start each command at a quiet moment")
    parser.add_argument("--against", type=Path, help="with --whole-process: also time the builds of this checkout, alternately")
    args = parser.parse_args()
    if args.whole_process:
        whole_process(args.input, args.page, args.repeat, args.wait_idle, args.against and args.against.resolve())
        return
    from pipeline import clean, load, script, segment
    from pipeline.text.lexicon import load_lexicon
    from pipeline.tts.pool import available_cores, default_workers

    cores = available_cores()
    with tempfile.TemporaryDirectory() as work:
        spoken = script(segment(clean(load(args.input))), load_lexicon(None))
        text_file = os.path.join(work, "spoken.txt")
        Path(text_file).write_text("\n".join(u.text for c in spoken.chapters for u in c.utterances), encoding="utf-8")
        out = os.path.join(work, "out")
        one = best([build(args.input, out, 1, None) for _ in range(args.repeat)])
        single = best([build(args.input, out, 1, None, workers=1) for _ in range(args.repeat)])
        many = best([build(args.input, out, cores, None) for _ in range(args.repeat)])
        floors = {q: best([floor(text_file, q) for _ in range(args.repeat)]) for q in (3, 5)}
        cache_dir = os.path.join(work, "cache")
        build(args.input, out, cores, cache_dir)
        warm = best([build(args.input, out, cores, cache_dir) for _ in range(args.repeat)])
        edited = os.path.join(work, Path(args.input).name)
        text = Path(args.input).read_text(encoding="utf-8")
        longest = max(text.splitlines(), key=len)  # a line of the article body
        Path(edited).write_text(text.replace(longest, longest.replace(" the ", " the very ", 1)), encoding="utf-8")
        changed = best([build(edited, out, cores, cache_dir) for _ in range(1)])

    print(f"input: {Path(args.input).name}   audio: {one['audio']:.1f} s   best of {args.repeat} runs")
    print(f"cold build on one core, {default_workers(1)} speech workers (wall seconds):")
    for stage in ("load", "clean", "segment", "script", "speak", "assemble", "export", "total"):
        print(f"  {stage:<9} {one[stage] * 1000:8.1f} ms")
    for quality, f in floors.items():
        total = f["synth_cpu"] + f["encode_cpu"]
        label = "LAME's default quality" if quality == 3 else "newscast's LAME quality"
        print(f"floor, eSpeak NG direct + LAME q{quality} ({label}): synthesis {f['synth_cpu']:.3f} s + encoding {f['encode_cpu']:.3f} s = {total:.3f} s")
        print(f"  newscast / floor: 1 core {one['total'] / total:.2f}x ({single['total'] / total:.2f}x with one engine in-process), "
              f"{cores} cores {many['total'] / total:.2f}x")
    print(f"cold build on one core with one engine in this process: {single['total']:.3f} s (speak {single['speak']:.3f})")
    print(f"cold build with {cores} cores, {default_workers(cores)} speech workers: {many['total']:.3f} s (speak {many['speak']:.3f}, assemble {many['assemble']:.3f}, export {many['export']:.3f})")
    print(f"warm rebuild (all speech cached), {cores} cores: {warm['total']:.3f} s (speak {warm['speak']:.3f} s)")
    print(f"rebuild after editing one sentence: {changed['total']:.3f} s (speak {changed['speak']:.3f} s)")
    print(f"real-time factor, cold, {cores} cores: {one['audio'] / many['total']:.0f}x")
    print(f"peak memory of a build process: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
