"""The Piper engine: a neural narrator (a VITS voice run by onnxruntime) that listeners understand.

Piper reads far more clearly than eSpeak NG (word error rate of a speech
recogniser on our bench: see benchmarks/intelligibility.py) at tens of times
real time on a CPU, but it needs a voice model per language (about 60 MB),
where eSpeak NG speaks 100+ languages. Voices come from installed packages or
paths (piper_voices.py); nothing is downloaded.

An article in a language with no installed voice is read by the narrator
voice with that language's phonemes (eSpeak NG, inside piper-tts, turns the
text into phonemes), so words are pronounced as the language spells them.
"""
from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from fractions import Fraction

from ..errors import SpeechError
from ..version import package_version
from . import Request, Voice, pyttsx3_engine
from .piper_voices import PiperVoiceFile, find_voice, installed_voices, voice_for

# A Piper voice's pace against its length_scale, measured for en_US-joe-medium on the seed's
# sentences (silence at their ends left out): words a minute = PACE_SCALED / scale + PACE_FIXED
# (scale 0.6: 265, 1.0: 181, 1.6: 127), so --rate N asks for scale PACE_SCALED / (N - PACE_FIXED).
PACE_SCALED = 125.0
PACE_FIXED = 56.0
NATURAL_WPM = round(PACE_SCALED + PACE_FIXED)  # length_scale 1, the pace the voice was trained at
LENGTH_SCALES = (0.5, 2.0)  # beyond these VITS voices slur or drawl
# Quotes without a voice of their own: the narrator four semitones up, timbre and all (spoken
# slower, then played faster: about the same pace, pitch and formants raised together).
# Measured: mean F0 rises by about a fifth (tests/test_piper.py).
QUOTE_PITCH = Fraction(5, 4)
SENTENCE_GAP_S = 0.25  # between the sentences Piper finds inside one utterance
SILENCE_S = 0.05  # an utterance with nothing to pronounce (only symbols)


class PiperEngine:
    """Piper voices behind the Engine protocol; ``workers`` utterances are synthesised at once.

    Each utterance runs on one onnxruntime thread, and ``workers`` Python threads share
    the loaded models (onnxruntime releases the GIL while it computes). Measured on the
    2-core machine while other jobs loaded it (benchmarks/intelligibility.py --parallel,
    medians of 3): two threads 3.5x real time at 0.099 CPU s per audio second; two
    processes 2.9x at 0.106; one utterance on 2 onnxruntime threads 2.6x at 0.137 (its
    threads spin while they wait); one thread 2.1x at 0.099.
    """

    def __init__(self, voice: str | None = None, rate: int = NATURAL_WPM, quote_voice: str | None = None, workers: int = 1):
        self.workers = max(1, workers)
        self._installed = installed_voices()
        self._chosen = find_voice(voice) if voice else None
        self._default = self._chosen or voice_for("en", self._installed) or next(iter(self._installed), None)
        if self._default is None:
            raise SpeechError("no Piper voice installed: pip install newscast[piper], or give --voice PATH.onnx")
        self.sample_rate = int(self._default.settings["audio"]["sample_rate"])
        self._quote = None if quote_voice in (None, "off") else find_voice(quote_voice)
        self._quotes_apart = quote_voice != "off"
        self.rate = int(rate)  # words a minute
        self.length_scale = length_scale(rate)
        self._models: dict[str, object] = {}
        self._loading = threading.Lock()
        self._settings = dict(voice=voice, rate=rate, quote_voice=quote_voice)
        self._apart: ProcessPoolExecutor | None = None

    def __enter__(self) -> PiperEngine:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        self._models.clear()
        if self._apart is not None:
            self._apart.shutdown(wait=True, cancel_futures=True)
            self._apart = None

    def identity(self) -> str:
        versions = "; ".join(f"{p} {package_version(p)}" for p in ("piper-tts", "onnxruntime"))
        narrator = self._chosen.digest() if self._chosen else "by language: " + ",".join(
            f"{v.id}={v.digest()}" for v in self._installed)
        quote = self._quote.digest() if self._quote else ("off" if not self._quotes_apart else f"pitch {QUOTE_PITCH}")
        return (f"piper; {versions}; narrator={narrator}; quote={quote}; rate={self.rate}; "
                f"length_scale={self.length_scale:.4f}; rate_hz={self.sample_rate}")

    def voices(self) -> list[Voice]:
        return [v.as_voice() for v in self._installed]

    def synthesize_batch(self, requests: list[Request], progress: Callable[[int], None] | None = None) -> list[bytes]:
        if pyttsx3_engine.espeak_started:
            return self._synthesize_apart(requests, progress)
        if self.workers == 1 or len(requests) == 1:
            clips = []
            for request in requests:
                clips.append(self.synthesize(request))
                if progress:
                    progress(1)
            return clips
        clips = []
        with ThreadPoolExecutor(self.workers, thread_name_prefix="newscast-piper") as pool:
            for pcm in pool.map(self.synthesize, requests):  # in order; progress on this thread
                clips.append(pcm)
                if progress:
                    progress(1)
        return clips

    def _synthesize_apart(self, requests: list[Request], progress: Callable[[int], None] | None) -> list[bytes]:
        """Synthesis in fresh processes: piper-tts's own eSpeak NG crashes beside the one pyttsx3 loaded here."""
        if self._apart is None:
            self._apart = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                              initializer=_start_apart, initargs=(self._settings,))
        clips = []
        try:
            for pcm in self._apart.map(_synthesize_apart, requests):
                clips.append(pcm)
                if progress:
                    progress(1)
        except BrokenProcessPool:
            self.close()
            raise SpeechError("a Piper worker process died") from None
        return clips

    def synthesize(self, request: Request) -> bytes:
        """One utterance as 16-bit PCM at ``sample_rate``."""
        if pyttsx3_engine.espeak_started:
            return self._synthesize_apart([request], None)[0]
        import numpy as np

        voice, pitch = self._voice_for(request)
        model = self._model(voice, request.language)
        audio = self._speak(model, request.text, self.length_scale * float(pitch))
        # Read as if made at ``pitch`` times the voice's rate: shorter by 1/pitch, so higher; and
        # brought to the engine's rate (a quote voice may have another) in the same pass.
        made_at = int(voice.settings["audio"]["sample_rate"]) * pitch
        if made_at != self.sample_rate:
            audio = _resample(audio, made_at, self.sample_rate)
        if audio.size == 0:
            audio = np.zeros(int(SILENCE_S * self.sample_rate), dtype=np.float32)
        return (np.clip(audio, -1.0, 1.0) * 32767).astype("<i2").tobytes()

    def _voice_for(self, request: Request) -> tuple[PiperVoiceFile, Fraction]:
        narrator = self._chosen or voice_for(request.language, self._installed) or self._default
        if request.role != "quote" or not self._quotes_apart:
            return narrator, Fraction(1)
        if self._quote is not None:
            return self._quote, Fraction(1)
        return narrator, QUOTE_PITCH

    def _model(self, voice: PiperVoiceFile, language: str):
        """The loaded voice, phonemising ``language`` when the voice is of another language."""
        base = language.lower().split("-")[0]
        phonemes = None if any(l.split("-")[0] == base for l in voice.languages) else base
        key = f"{voice.model}|{phonemes}"
        with self._loading:
            if key not in self._models:
                self._models[key] = _load(voice, phonemes, self._loaded(voice))
            return self._models[key]

    def _loaded(self, voice: PiperVoiceFile):
        """An onnxruntime session already made for ``voice`` (shared by its language variants), or None."""
        for key, model in self._models.items():
            if key.startswith(f"{voice.model}|"):
                return model.session
        return None

    def _speak(self, model, text: str, scale: float):
        import numpy as np
        from piper import SynthesisConfig

        settings = SynthesisConfig(length_scale=scale)
        gap = np.zeros(int(SENTENCE_GAP_S * model.config.sample_rate), dtype=np.float32)
        parts = []
        try:
            chunks = list(model.synthesize(text, syn_config=settings))
        except Exception as exc:  # onnxruntime raises its own exception types
            raise SpeechError(f"Piper could not speak {text[:60]!r} ({exc})") from None
        for chunk in chunks:
            if parts:
                parts.append(gap)
            parts.append(chunk.audio_float_array.astype(np.float32))
        return np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32)


_apart_engine: PiperEngine | None = None  # in a worker process of _synthesize_apart


def _start_apart(settings: dict) -> None:
    global _apart_engine
    _apart_engine = PiperEngine(**settings)


def _synthesize_apart(request: Request) -> bytes:
    return _apart_engine.synthesize(request)


def length_scale(rate: int) -> float:
    """Piper's length_scale for ``rate`` words a minute (a larger scale is slower speech)."""
    low, high = LENGTH_SCALES
    return min(high, max(low, PACE_SCALED / max(1.0, rate - PACE_FIXED)))


def _load(voice: PiperVoiceFile, phonemes: str | None, session=None):
    """A piper PiperVoice on one onnxruntime thread; ``phonemes``: another language's eSpeak NG voice."""
    import dataclasses

    import onnxruntime
    from piper import PiperConfig, PiperVoice

    config = PiperConfig.from_dict(voice.settings)
    if session is None:
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # parallelism comes from several utterances at once
        options.inter_op_num_threads = 1
        try:
            session = onnxruntime.InferenceSession(str(voice.model), sess_options=options, providers=["CPUExecutionProvider"])
        except Exception as exc:  # onnxruntime's own error types
            raise SpeechError(f"cannot load the Piper voice {voice.model} ({exc})") from None
    model = PiperVoice(session=session, config=config)
    if phonemes:
        model.config = dataclasses.replace(config, espeak_voice=phonemes)
        try:
            model.phonemize("a")
        except RuntimeError:  # eSpeak NG has no such language: the voice reads it in its own
            model.config = config
    return model


def _resample(audio, made_at: Fraction, rate: int):
    """``audio`` made at ``made_at`` Hz, at ``rate`` Hz: libsoxr at high quality, as --sample-rate uses."""
    import soxr

    return soxr.resample(audio, float(made_at), rate, quality="HQ").astype("float32")


def create(workers: int = 1, **settings) -> PiperEngine:
    """The registry's factory: one process, ``workers`` utterances synthesised at once (at most one per core)."""
    from .pool import available_cores

    return PiperEngine(workers=max(1, min(workers, available_cores())), **settings)


def list_voices() -> list[Voice]:
    return [v.as_voice() for v in installed_voices()]
