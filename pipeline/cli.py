"""The `newscast` command: arguments in, Python API called, one line out.

Exactly one place (``main``) turns errors into a message and an exit code.
"""
from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import signal
import sys
import threading
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import NewscastError

# Everything else newscast's own is imported once main() has its signal handlers in place (a Ctrl-C while it
# loads is one line too): the audio settings the parser offers, and each command's code when it runs.

EXIT_OK = 0
EXIT_USAGE = 64
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143  # 128 + SIGTERM, what a shell reports for a terminated process
SEEDS = Path("seeds")
RATES = (80, 450)  # words a minute: what eSpeak can speak


def _in_range(low: int, high: int | None, unit: str):
    """An argparse type: an integer from ``low`` to ``high`` (no upper bound when None)."""
    span = f"{low} or more" if high is None else f"{low}–{high}"

    def check(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number ({span} {unit})") from None
        if value < low or (high is not None and value > high):
            raise argparse.ArgumentTypeError(f"{value} is out of range: {span} {unit}")
        return value

    return check


_rate = _in_range(*RATES, "words a minute")
_cache_size = _in_range(0, None, "MB")


def _workers(text: str) -> int:
    from .tts.pool import available_cores

    return _in_range(1, 4 * available_cores(), f"processes (4 per core on {available_cores()} cores)")(text)


def _formats(text: str) -> list[str]:
    """An argparse type: a comma-separated list of export formats."""
    from .output import FORMATS

    names = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in names if name not in FORMATS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"{text!r}: choose from {', '.join(FORMATS)}, comma-separated")
    return names


def _audio_options() -> argparse.ArgumentParser:
    """The options of every command that speaks: engine, voices, rate, pronunciations, output and workers."""
    from .output import BITRATES, DEFAULT_BITRATE, FORMATS, SAMPLE_RATES
    from .tts.registry import DEFAULT_ENGINE, ENGINES
    from .tts.registry import RATES as ENGINE_RATES

    audio = argparse.ArgumentParser(add_help=False)
    audio.add_argument("-o", "--out", default="audio_out", metavar="DIR", help="output folder (default: audio_out)")
    audio.add_argument("--engine", choices=tuple(ENGINES), default=DEFAULT_ENGINE, help=f"speech engine (default: {DEFAULT_ENGINE})")
    audio.add_argument("--voice", help="narrator voice: id, name or language (see `newscast voices`); default: one for the article's language")
    audio.add_argument("--quote-voice", metavar="VOICE", help="voice for quotations, or 'off' to use the narrator's (default: the narrator's voice in another timbre)")
    audio.add_argument("--rate", type=_rate, help=f"speaking rate in words per minute, {RATES[0]}-{RATES[1]} (default: the engine's, "
                       + ", ".join(f"{wpm} for {name}" for name, wpm in ENGINE_RATES.items()) + ")")
    audio.add_argument("--lexicon", metavar="FILE", help="CSV of pronunciations (written,spoken) adding to the built-in one")
    audio.add_argument("--bitrate", type=int, default=DEFAULT_BITRATE, choices=BITRATES, help=f"MP3 bit rate in kbit/s, constant (default: {DEFAULT_BITRATE})")
    audio.add_argument("--sample-rate", type=int, choices=SAMPLE_RATES, help="output sample rate in Hz (default: the engine's, 22050)")
    audio.add_argument("--format", type=_formats, action="extend", default=[], metavar="LIST",
                       help=f"files to write beside the MP3, comma-separated: {', '.join(f for f in FORMATS if f != 'mp3')} (m4b needs imageio-ffmpeg)")
    audio.add_argument("--workers", type=_workers, metavar="N", help="speech worker processes (default: two per core)")
    audio.add_argument("--no-cache", action="store_true", help="speak every sentence again instead of reusing cached speech")
    audio.add_argument("--cache-size", type=_cache_size, default=1024, metavar="MB", help="cap of the speech cache (default: 1024 MB)")
    return audio


def _parser() -> argparse.ArgumentParser:
    from .tts.registry import DEFAULT_ENGINE, ENGINES

    parser = argparse.ArgumentParser(
        prog="newscast", description="Turn a news page into a narrated, chaptered MP3 edition."
    )
    parser.add_argument("--version", action="version", version=f"newscast {__version__}")
    parser.add_argument("--traceback", action="store_true", help="show the full traceback on errors (for developers)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    audio = _audio_options()
    build = commands.add_parser("build", parents=[audio], help="make an MP3 edition of each input", description="Make an MP3 edition of each input.")
    build.add_argument("inputs", nargs="*", metavar="INPUT", help="page file (HTML or a text copy), URL, or - for stdin; default: every file in seeds/")
    build.add_argument("--inputs", dest="input_list", metavar="FILE", help="a file listing more inputs, one path or URL a line")
    build.add_argument("--force", action="store_true", help="rebuild editions that are up to date (newer than their input, or made from the URL, with the same options)")
    build.add_argument("--scheduler", metavar="ADDRESS", help="build on a Dask cluster: a scheduler address (tcp://host:8786), or 'local' for a LocalCluster of --workers processes (pip install newscast[dask])")

    daily = commands.add_parser("daily", parents=[audio], help="make one edition of several articles", description="Make one edition of several articles: a spoken contents list, then each article's chapters.")
    daily.add_argument("inputs", nargs="+", metavar="INPUT", help="page files or URLs, in the order to read them")
    daily.add_argument("--title", required=True, help="the edition's title, spoken first and used for its file name")

    feed = commands.add_parser("feed", help="write a podcast feed for a folder of editions", description="Write DIR/feed.xml, an RSS feed of the editions in DIR, for a static web folder.")
    feed.add_argument("folder", metavar="DIR", help="a folder of editions (as made by build or daily)")
    feed.add_argument("--base-url", required=True, metavar="URL", help="where DIR will be served, e.g. https://example.org/news/")
    feed.add_argument("--title", default="newscast editions", help="the podcast's title")
    feed.add_argument("--description", help="the podcast's description")

    spoken = commands.add_parser("script", help="print exactly what will be spoken, chapter by chapter", description="Print exactly what will be spoken, chapter by chapter, for proofreading.")
    spoken.add_argument("input", metavar="INPUT", help="page file, URL or - for stdin")
    spoken.add_argument("--lexicon", metavar="FILE", help="CSV of pronunciations adding to the built-in one")
    spoken.add_argument("--json", action="store_true", help="print the script as JSON: chapters of utterances with voices and pauses")
    # The opening announces the edition's length, which the engine's rate decides.
    spoken.add_argument("--engine", choices=tuple(ENGINES), default=DEFAULT_ENGINE, help=f"the engine that will speak it (default: {DEFAULT_ENGINE})")
    spoken.add_argument("--rate", type=_rate, help="its speaking rate in words per minute (default: the engine's)")

    seg = commands.add_parser("segment", help="print the article found in a page as JSON", description="Print the article found in a page as JSON.")
    seg.add_argument("input", metavar="INPUT", help="page file or - for stdin")

    quotes = commands.add_parser("quotes", help="print the quotes in a page with their speakers", description="Print the quotes in a page with their speakers.")
    quotes.add_argument("input", metavar="INPUT", help="page file, URL or - for stdin")
    quotes.add_argument("--json", action="store_true", help="print JSON: [{text, speaker, role, kind}]")

    commands.add_parser("voices", help="list the voices this machine can speak with", description="List the voices this machine can speak with.")
    for command in (build, daily, spoken, seg, quotes):
        command.add_argument("--allow-private-urls", action="store_true",
                             help="fetch URLs on loopback, private or link-local addresses (refused by default)")
    return parser


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command in ``argv`` (default: the program's own arguments, and the process then ends)."""
    if argv is None:
        # Loading numpy's OpenBLAS starts a thread per core that spins for a while (about 0.06 s of CPU,
        # taken from the speech workers and encoders of a build); nothing here multiplies matrices.
        os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    try:
        return _main(argv, stdout, stderr)
    finally:
        if argv is None:
            # The process is about to exit: the collections the interpreter makes while tearing down
            # its thousand modules took 0.2-0.8 s of a one-second rebuild; frozen objects are skipped.
            gc.freeze()


def _main(argv: list[str] | None, stdout: TextIO | None, stderr: TextIO | None) -> int:
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    args = None
    try:
        with _stop_on_signals():
            try:
                args = _parser().parse_args(argv)
            except SystemExit as exc:
                return EXIT_OK if exc.code in (0, None) else EXIT_USAGE
            from .web import private_urls_allowed

            with private_urls_allowed(getattr(args, "allow_private_urls", False)):
                return _run(args, stdout, stderr)
    except NewscastError as exc:
        if args is not None and args.traceback:
            raise
        print(f"newscast: {exc}", file=stderr)
        return exc.exit_code
    except Terminated:
        print("newscast: terminated", file=stderr)
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        print("newscast: interrupted", file=stderr)
        return EXIT_INTERRUPTED


class Terminated(KeyboardInterrupt):
    """SIGTERM (a service manager or container stopping us), unwound like Ctrl-C: workers stopped, no partial files."""


def _on_signal(signum, _frame) -> None:
    # A second signal while unwinding ends the process at once; the speech workers die with it.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()


@contextlib.contextmanager
def _stop_on_signals():
    """SIGINT and SIGTERM raise in the main thread while ``main`` runs; the caller's handlers come back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


# Each command imports what it uses when it runs: --help, voices and feed load no page or audio code,
# and segment or script of a page no audio code.
def _run(args, stdout: TextIO, stderr: TextIO) -> int:
    if args.command == "segment":
        article = _article(args.input)
        print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2), file=stdout)
        return EXIT_OK
    if args.command == "feed":
        from .feed import write_feed

        print(write_feed(args.folder, args.base_url, args.title, args.description), file=stdout)
        return EXIT_OK
    if args.command == "daily":
        from .edition import build_daily
        from .text.lexicon import load_lexicon
        from .tts.pool import default_workers

        workers = args.workers or default_workers()
        edition = build_daily(
            args.inputs, args.out, title=args.title, engine=args.engine, rate=args.rate, bitrate=args.bitrate,
            sample_rate=args.sample_rate, formats=args.format, lexicon=load_lexicon(args.lexicon), workers=workers,
            cache=_cache(args), voice=args.voice, quote_voice=args.quote_voice, progress=_progress("daily edition", "", stderr),
        )
        minutes, seconds = divmod(round(edition.duration), 60)
        print(f"{edition.mp3}  {minutes}:{seconds:02d}  {len(edition.chapters)} chapters", file=stdout)
        return EXIT_OK
    if args.command == "script":
        from .stages.script import script
        from .text.lexicon import load_lexicon
        from .tts.registry import default_rate

        spoken = script(_article(args.input), load_lexicon(args.lexicon), args.rate or default_rate(args.engine))
        if args.json:
            print(json.dumps(spoken.to_dict(), ensure_ascii=False, indent=2), file=stdout)
        else:
            for chapter in spoken.chapters:
                print(f"== {chapter.title}", file=stdout)
                for utterance in chapter.utterances:
                    voice = " [quote voice]" if utterance.voice == "quote" else ""
                    print(f"{utterance.text}{voice}", file=stdout)
                print(file=stdout)
        return EXIT_OK
    if args.command == "quotes":
        article = _article(args.input)
        if args.json:
            print(json.dumps([q.to_dict() for q in article.quotes], ensure_ascii=False, indent=2), file=stdout)
        else:
            for quote in article.quotes:
                print(f"{quote.attribution or 'Speaker unknown'}: “{quote.text}”", file=stdout)
        return EXIT_OK
    if args.command == "voices":
        from .tts.registry import ENGINES, engine_voices

        for name in ENGINES:
            try:
                voices = engine_voices(name)
            except NewscastError as exc:
                print(f"newscast: {exc}", file=stderr)
                continue
            for voice in voices:
                print(f"{name:<8} {voice.id:<24} {', '.join(voice.languages):<12} {voice.name}", file=stdout)
        return EXIT_OK
    return _build(args, stdout, stderr)


def _article(source: str):
    from .stages.clean import clean
    from .stages.load import load
    from .stages.segment import segment

    return segment(clean(load(source)))


def _build(args, stdout: TextIO, stderr: TextIO) -> int:
    from .batch import BuildOptions, Outcome, Tally, build_many, read_input_list
    from .text.lexicon import load_lexicon

    inputs = list(args.inputs) + (read_input_list(args.input_list) if args.input_list else [])
    if not inputs and not args.input_list:
        inputs = sorted(str(p) for p in SEEDS.iterdir() if p.is_file() and not p.name.startswith("."))
    if not inputs:
        raise NewscastError(f"{args.input_list}: the input list is empty" if args.input_list else "no input given and seeds/ is empty")
    options = BuildOptions(
        engine=args.engine, voice=args.voice, quote_voice=args.quote_voice, rate=args.rate, bitrate=args.bitrate,
        sample_rate=args.sample_rate, formats=tuple(args.format), lexicon=load_lexicon(args.lexicon),
        allow_private=args.allow_private_urls,
    )
    numbers = {source: number for number, source in enumerate(dict.fromkeys(inputs), start=1)}
    many = len(numbers) > 1
    cache = None if args.scheduler else _cache(args)  # cluster workers speak without one: see pipeline/cluster.py

    def report(outcome: Outcome, tally: Tally) -> None:
        counter = f"[{tally.done}/{tally.total}] " if many else ""
        label = _label(outcome.source)
        if outcome.skipped:
            print(f"{counter}{label}: up to date (use --force to rebuild)", file=stderr)
        elif outcome.error is not None:
            print(f"{counter}newscast: {outcome.error}", file=stderr)
        else:
            edition = outcome.edition
            for note in edition.notes:
                print(f"newscast: note: {note}", file=stderr)
            minutes, seconds = divmod(round(edition.duration), 60)
            print(f"{edition.mp3}  {minutes}:{seconds:02d}  {len(edition.chapters)} chapters", file=stdout)
            if many:
                left = "" if tally.eta is None else f", about {_duration(tally.eta)} left"
                print(f"{counter}built {label}, {tally.failed} failed{left}", file=stderr)

    def speaking(source: str):
        return _progress(_label(source), f"[{numbers[source]}/{len(numbers)}] " if many else "", stderr)

    result = build_many(inputs, args.out, options, scheduler=args.scheduler, force=args.force, workers=args.workers,
                        cache=cache, report=report, speaking=speaking)
    if cache:
        cache.prune()
    if not result.failed:
        return EXIT_OK
    if args.traceback:
        raise result.failed[0][1]
    if many:
        print(f"newscast: {len(result.failed)} of {len(numbers)} inputs failed", file=stderr)
    return result.failed[0][1].exit_code


def _label(source: str) -> str:
    return "stdin" if source == "-" else source if source.lower().startswith(("http://", "https://")) else Path(source).name


def _duration(seconds: float) -> str:
    minutes = round(seconds / 60)
    return f"{round(seconds)} s" if minutes < 2 else f"{minutes} min" if minutes < 120 else f"{minutes / 60:.1f} h"


def _cache(args):
    from .tts.cache import SpeechCache

    return None if args.no_cache else SpeechCache(cap_bytes=args.cache_size * 1024 * 1024)


def _progress(label: str, counter: str, stderr: TextIO):
    def progress(done: int, total: int) -> None:
        # A terminal gets a counter that rewrites itself; a log gets one line.
        if stderr.isatty():
            end = "\n" if done == total else ""
            print(f"\r{counter}speaking {label}: {done}/{total} sentences", end=end, file=stderr, flush=True)
        elif done == total:
            print(f"{counter}spoke {label}: {total} sentences", file=stderr)

    return progress
