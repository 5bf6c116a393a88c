"""Bounded work: hostile page shapes through load -> clean -> segment -> script, each timed in its own process.

    python benchmarks/bounded.py [--timeout S] [--only NAME ...]

Prints, for each shape: its size, seconds, peak memory (MiB, the whole
process) and how it ended (ok, refused with the message, TIMEOUT, CRASH).
The gzip bomb line is the load stage alone. Every input is at most 20 MB.
"""
from __future__ import annotations

import argparse
import multiprocessing
import resource
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MB = 1024 * 1024
SENTENCE = "The council said on Tuesday that the harbour wall would be rebuilt before the winter storms arrive. "


def _article(body: str) -> str:
    return f"<html><head><title>Harbour wall</title></head><body><h1>Harbour wall to be rebuilt</h1>{body}</body></html>"


def _bomb() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b" " * MB
    return b"".join(packer.compress(zeros) for _ in range(1900)) + packer.flush()  # 1.9 GB inflated


SHAPES = {
    "deep nesting, 200,000 divs (2 MB)": lambda: _article("<div>" * 200_000 + f"<p>{SENTENCE * 5}</p>" + "</div>" * 200_000),
    "deep nesting, 1,800,000 divs (20 MB)": lambda: _article("<div>" * 1_800_000 + f"<p>{SENTENCE}</p>"),
    "a million tiny elements": lambda: _article("<p>" + "<b>a</b>" * 1_000_000 + "</p>"),
    "a million paragraphs": lambda: _article("<p>Word.</p>" * 1_000_000),
    "one 20 MB line of text": lambda: SENTENCE * (20 * MB // len(SENTENCE) - 1),
    "one 20 MB line of HTML": lambda: _article(f"<p>{SENTENCE * (20 * MB // len(SENTENCE) - 2)}</p>"),
    "one 20 MB word": lambda: "Headline\n\n" + "a" * (20 * MB - 20),
    "10,000 unbalanced quotation marks": lambda: "Harbour wall to be rebuilt\n\n" + "\n\n".join(
        f'"{SENTENCE} said the mayor' for _ in range(10_000)),
    "10,000 unbalanced marks in one paragraph": lambda: "Harbour wall\n\n" + ('He said "' + SENTENCE) * 10_000,
    "mixed quotation marks, 100,000": lambda: "Harbour wall\n\n" + "“‘«„'\"" * 100_000 + SENTENCE,
    "a million short lines": lambda: "Harbour wall\n" + "Home\n" * 1_000_000,
    "20 MB of blank-line-separated paragraphs": lambda: "Harbour wall\n\n" + (SENTENCE * 3 + "\n\n") * (20 * MB // 310),
    "digits and separators": lambda: "Harbour wall\n\n" + ("1,0" * 500_000 + ". ") * 4,
    "dots and initials": lambda: "Harbour wall\n\n" + ("A. B. " * 300_000 + "Mr. ") * 4,
    "a URL-like run": lambda: "Harbour wall\n\n" + "http://" + "a." * 1_000_000 + "com",
    "brackets never closed": lambda: "Harbour wall\n\n" + ("[" + SENTENCE) * 50_000,
    "20 MB of whitespace and one word": lambda: " \t" * (10 * MB - 10) + "word",
    "a 200 kB sentence without stops": lambda: "Harbour wall\n\n" + ("word, " * 40_000 + "\n\n") * 20,
    "a gzip bomb (1.9 GB inflated)": _bomb,
    # Just inside the budget (pipeline/budget.py): these must be read, within the time.
    "edge: 255 levels deep": lambda: _article("<div>" * 253 + f"<p>{SENTENCE * 5}</p>" + "</div>" * 253),
    "edge: 59,000 tiny elements": lambda: _article("<p>" + "<b>a</b>" * 59_000 + f"</p><p>{SENTENCE * 5}</p>"),
    "edge: 7,500 paragraphs (90,000 words)": lambda: _article(f"<p>{SENTENCE[:62]}.</p>" * 7_500),
    "edge: 99,000 lines": lambda: "Harbour wall\n\n" + "Home\n" * 99_000 + SENTENCE * 5,
    "edge: 5,800 lines of prose (99,000 words)": lambda: "Harbour wall\n\n" + (SENTENCE + "\n\n") * 5_800,
    "edge: one line of 99,000 words": lambda: "Harbour wall\n\n" + SENTENCE * 5_800,
    "edge: 99,000 one-word sentences": lambda: "Harbour wall\n\n" + "Ab. " * 99_000,
    "edge: 99,000 one-word paragraphs": lambda: "Harbour wall\n\n" + "Ab.\n\n" * 49_000,
    "edge: 999,000 apostrophes, one word": lambda: "Harbour wall\n\n" + "’" * 999_000 + " " + SENTENCE,
    "edge: 100 unbalanced marks in each of 20 paragraphs": lambda: "Harbour wall\n\n" + ('He said "that ' * 100 + "\n\n") * 20,
    "edge: 100 quotes in each of 20 paragraphs": lambda: "Harbour wall\n\n" + ('"Yes, we will," Lee said. ' * 50 + "\n\n") * 20,
    "edge: 2,000 quotes in HTML paragraphs": lambda: _article(('<p>"Yes, we will," Lee said.</p>') * 1_000),
    "edge: 2,000 unbalanced marks in paragraphs": lambda: "Harbour wall\n\n" + '"Yes, he said.\n\n' * 2_000,
    "edge: 5 MB of spaces and tabs and a sentence": lambda: " \t" * (5_000_000 // 2 - 100) + SENTENCE,
    "edge: 18 MB of HTML indentation and a paragraph": lambda: _article(" \n" * (9 * MB) + f"<p>{SENTENCE * 5}</p>"),
    "edge: 999,000 characters in one word": lambda: "Harbour wall\n\n" + "a" * 999_000,
    "edge: 5,000 unclosed brackets": lambda: "Harbour wall\n\n" + ("[" + SENTENCE) * 5_000,
}


def _run(name: str, conn) -> None:
    from pipeline import NewscastError, clean, load, script, segment

    data = SHAPES[name]()
    raw = data if isinstance(data, bytes) else data.encode()
    began = time.perf_counter()
    try:
        page = load(name, data=raw)
        if not isinstance(data, bytes):
            script(segment(clean(page)), {})
        outcome = "ok"
    except NewscastError as exc:
        outcome = f"refused: {str(exc)[:90]}"
    except Exception as exc:  # a crash is what this benchmark looks for
        outcome = f"CRASH {type(exc).__name__}: {str(exc)[:80]}"
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    conn.send((len(raw), seconds, peak, outcome))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", nargs="*", help="shapes whose names contain these words")
    args = parser.parse_args()
    context = multiprocessing.get_context("fork")
    worst = 0.0
    print(f"{'shape':44} {'MB':>6} {'seconds':>8} {'peak MiB':>9}  outcome")
    for name in SHAPES:
        if args.only and not any(word in name for word in args.only):
            continue
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_run, args=(name, sender))
        process.start()
        if receiver.poll(args.timeout):
            size, seconds, peak, outcome = receiver.recv()
            worst = max(worst, seconds)
            print(f"{name:44} {size / MB:6.1f} {seconds:8.2f} {peak:9.0f}  {outcome}", flush=True)
        else:
            process.kill()
            print(f"{name:44} {'':6} {'>' + format(args.timeout, 'g'):>8} {'':9}  TIMEOUT", flush=True)
            worst = float("inf")
        process.join()
    print(f"slowest: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
