"""The pyttsx3 engine, made reliable enough to speak a whole edition.

On Linux pyttsx3 drives eSpeak NG, which the ``espeakng-loader`` wheel ships:
its library must be loaded and ESPEAK_DATA_PATH set before pyttsx3 starts,
or eSpeak calls exit(1) and takes Python down with it.

pyttsx3 2.99's eSpeak driver synthesises on eSpeak's own thread:
``runAndWait`` may return before the file is written, and several queued
``save_to_file`` calls keep only the last file. So this wrapper speaks one
utterance per run, waits for the finished-utterance event, checks that the
file holds audio, retries once, and otherwise raises SpeechError.
"""
from __future__ import annotations

import contextlib
import ctypes
import io
import os
import sys
import tempfile
import threading
import wave
from collections.abc import Callable
from pathlib import Path

from ..errors import SpeechError
from . import DEFAULT_WPM, Request, Voice, voice_for_language

# eSpeak NG writes 22.05 kHz, 16-bit mono; other drivers are converted to it.
SAMPLE_RATE = 22050
QUOTE_VARIANT = "m3"  # eSpeak NG's third male variant: another timbre, same language
# Synthesis runs at hundreds of times real time; this only stops a hung engine.
TIMEOUT_BASE_S = 20.0
TIMEOUT_PER_CHAR_S = 0.02


# Set once this process has started eSpeak: its synthesis thread would not survive a fork.
espeak_started = False
# pyttsx3 hands every engine of a process the same driver: the engine whose rate and voice it holds now.
_driver_holds: Pyttsx3Engine | None = None


def _prepare_espeak() -> ctypes.CDLL | None:
    """The eSpeak NG library pyttsx3's driver will use, loaded; None where it is not ours to load."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import espeakng_loader
    except ImportError:
        return None  # a system eSpeak NG may still serve
    os.environ.setdefault("ESPEAK_DATA_PATH", espeakng_loader.get_data_path())
    # Loaded globally under its soname, so pyttsx3's own dlopen("libespeak-ng.so.1") finds it.
    path = Path(espeakng_loader.get_library_path()).with_name("libespeak-ng.so.1")
    return ctypes.CDLL(str(path), mode=ctypes.RTLD_GLOBAL)


class Pyttsx3Engine:
    """One pyttsx3 engine; eSpeak allows one per process, so make one and reuse it."""

    sample_rate = SAMPLE_RATE

    def __init__(self, voice: str | None = None, rate: int = DEFAULT_WPM, quote_voice: str | None = None):
        """``voice``: the narrator (default: one for each article's language).
        ``quote_voice``: a voice for quotations, "off" to keep the narrator's; by
        default the narrator's voice with another eSpeak variant, so quotes
        are told apart by timbre while the language stays right."""
        espeak = _prepare_espeak()
        try:
            import pyttsx3

            driver = "espeak" if sys.platform.startswith("linux") else None
            self._engine = pyttsx3.init(driver)
            global espeak_started
            espeak_started = True
        except Exception as exc:  # pyttsx3 raises bare RuntimeError/OSError from its drivers
            raise SpeechError(f"cannot start the speech engine ({exc})") from None
        self._finished = 0
        self._changed = threading.Condition()
        self._engine.connect("finished-utterance", self._on_finished)
        # A new pyttsx3 engine holds settings back until its loop first runs, and each run
        # ends by cancelling eSpeak's queued commands, a rate change among them (the edition
        # would then be read at the driver's 200 words a minute). So: run a new engine's
        # loop once (an engine pyttsx3 hands out again is past that: running its loop with
        # nothing to say would never end), set the rate, and wait until eSpeak has taken it.
        if self._engine.isBusy():
            self._engine.runAndWait()
        self._espeak = espeak
        self._config = (voice, int(rate), quote_voice)
        self._current: str | None = None
        self._take_driver()
        self._voices: list[Voice] | None = None
        self._narrators: dict[str, str | None] = {}
        self._chosen_voice = self._voice_id(voice) if voice else None
        self._quote_voice = None if quote_voice in (None, "off") else self._voice_id(quote_voice)
        self._quotes_apart = quote_voice != "off"
        self.use("en", "narrator")

    def _take_driver(self) -> None:
        """Put this engine's rate and voice back into the driver another engine of this process may have changed
        (a second engine at another rate would otherwise read this one's sentences at its rate, and cache them so)."""
        global _driver_holds
        if _driver_holds is self:
            return
        self._engine.setProperty("rate", self._config[1])
        if self._current:
            self._engine.setProperty("voice", self._current)
        if self._espeak is not None:
            self._espeak.espeak_Synchronize()
        _driver_holds = self

    def _on_finished(self, name=None, completed=True):
        with self._changed:
            self._finished += 1
            self._changed.notify_all()

    def voices(self) -> list[Voice]:
        if self._voices is None:  # eSpeak lists its voices by reading its data files: slow enough to matter per sentence
            self._voices = self._list_voices()
        return self._voices

    def _list_voices(self) -> list[Voice]:
        found = []
        for v in self._engine.getProperty("voices"):
            langs = tuple(
                (l.decode("utf-8", "ignore") if isinstance(l, bytes) else str(l)).lstrip("\x05").strip()
                for l in (v.languages or ())
            )
            found.append(Voice(id=v.id, name=v.name, languages=langs))
        return found

    def _voice_id(self, voice: str) -> str:
        wanted = voice.lower()
        base, _, variant = wanted.partition("+")
        for v in self.voices():
            if base in (v.id.lower(), v.name.lower()) or base in (l.lower() for l in v.languages):
                return v.id + (f"+{variant}" if variant else "")
        raise SpeechError(f"unknown voice {voice!r} (see `newscast voices`)")

    def use(self, language: str, role: str) -> None:
        self._take_driver()
        narrator = self._chosen_voice or self._narrator_for(language)
        voice = narrator
        if role == "quote" and self._quotes_apart:
            voice = self._quote_voice or (f"{narrator.split('+')[0]}+{QUOTE_VARIANT}" if narrator else None)
        if voice and voice != self._current:
            self._engine.setProperty("voice", voice)
            self._current = voice

    def _narrator_for(self, language: str) -> str | None:
        # English pages get eSpeak's British voice whatever their region: measured at 150 and 160 words
        # a minute (benchmarks/intelligibility.py, two runs each), the American voice was no clearer on
        # the American pages (WER 0.191/0.267/0.146 against 0.177/0.230/0.170) nor on the British seed
        # (0.180 against 0.182), and variants m1, m7, klatt and f2 were no clearer than the default.
        if language not in self._narrators:
            found = voice_for_language(self.voices(), language) or voice_for_language(self.voices(), "en")
            self._narrators[language] = found.id if found else None
        return self._narrators[language]

    @property
    def rate(self) -> int:
        """Words a minute."""
        return self._config[1]

    def identity(self) -> str:
        return engine_identity(self._config)

    def synthesize_batch(self, requests: list[Request], progress: Callable[[int], None] | None = None) -> list[bytes]:
        clips = []
        for request in requests:
            self.use(request.language, request.role)
            clips.append(self.synthesize(request.text))
            if progress:
                progress(1)
        return clips

    def synthesize(self, text: str) -> bytes:
        problem = ""
        for _attempt in range(2):
            try:
                return self._synthesize_once(text)
            except SpeechError as exc:
                problem = str(exc)
        raise SpeechError(f"{problem.removeprefix('speak: ')} after a retry: {text[:60]!r}")

    def _synthesize_once(self, text: str) -> bytes:
        self._take_driver()
        timeout = TIMEOUT_BASE_S + TIMEOUT_PER_CHAR_S * len(text)
        fd, path = tempfile.mkstemp(prefix="newscast-", suffix=".wav")
        os.close(fd)
        try:
            with self._changed:
                expected = self._finished + 1
            # A stuck engine would keep runAndWait looping forever: a watchdog ends the loop.
            watchdog = threading.Timer(timeout, self._abort_run)
            # The eSpeak driver prints "Audio saved to …" on stdout; keep stdout for the user.
            with contextlib.redirect_stdout(io.StringIO()):
                watchdog.start()
                try:
                    self._engine.save_to_file(text, path)
                    self._engine.runAndWait()
                    with self._changed:
                        done = self._changed.wait_for(lambda: self._finished >= expected, timeout)
                finally:
                    watchdog.cancel()
            if not done:
                raise SpeechError(f"the speech engine did not finish within {timeout:.0f} s")
            try:
                pcm = _read_wav(path)
            except (OSError, EOFError, wave.Error) as exc:
                raise SpeechError(f"the speech engine wrote no readable audio ({exc})") from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(path)
        if not _has_sound(pcm):
            raise SpeechError("the speech engine produced silence")
        return pcm

    def _abort_run(self) -> None:
        with contextlib.suppress(Exception):  # best effort: the engine is already misbehaving
            self._engine.stop()
            self._engine.endLoop()


def engine_identity(config: tuple) -> str:
    """The engine, its version and the voice settings, as text: what besides the words decides the audio."""
    from ..version import package_version

    versions = [f"{package} {package_version(package)}" for package in ("pyttsx3", "espeakng-loader")]
    voice, rate, quote_voice = config
    return f"{'; '.join(versions)}; {sys.platform}; voice={voice}; quote={quote_voice}; rate={rate}; rate_hz={SAMPLE_RATE}"


def _read_wav(path: str) -> bytes:
    with wave.open(path, "rb") as wav:
        params = (wav.getnchannels(), wav.getsampwidth(), wav.getframerate())
        frames = wav.readframes(wav.getnframes())
    if params == (1, 2, SAMPLE_RATE):
        return frames
    from ..pydub_quiet import AudioSegment  # other platforms' drivers write other formats

    seg = AudioSegment(data=frames, channels=params[0], sample_width=params[1], frame_rate=params[2])
    return seg.set_channels(1).set_sample_width(2).set_frame_rate(SAMPLE_RATE).raw_data


def _has_sound(pcm: bytes) -> bool:
    # No numpy: speech workers start before the parent imports it, and each would import it again (0.1 s).
    # Speech is loud within its first slices, so only silence is scanned to the end.
    samples = memoryview(pcm)[: len(pcm) // 2 * 2].cast("h")
    if len(samples) <= SAMPLE_RATE // 50:
        return False
    return any(max(piece) > 300 or min(piece) < -300 for piece in (samples[i : i + 1024] for i in range(0, len(samples), 1024)))


def create(workers: int = 1, **settings) -> Pyttsx3Engine:
    """The registry's factory: an engine in this process, or a pool of ``workers`` processes each with its own."""
    if workers <= 1:
        return Pyttsx3Engine(**settings)
    from .pool import EnginePool

    return EnginePool(workers, **settings)


def list_voices() -> list[Voice]:
    return Pyttsx3Engine().voices()
