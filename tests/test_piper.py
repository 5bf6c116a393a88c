"""The Piper engine: an edition of a short fixture, measured like the eSpeak one, and its voices."""
import json
import shutil
import subprocess
import sys

import numpy as np
import pyloudnorm
import pytest
from conftest import FIXTURES, decode_mp3, ffmpeg_chapters
from tone_engine import ToneEngine

pytest.importorskip("piper")

from pipeline import SpeechError, build_edition  # noqa: E402
from pipeline.cli import main  # noqa: E402
from pipeline.loudness import true_peak_db  # noqa: E402
from pipeline.tts import Request  # noqa: E402
from pipeline.tts.piper_engine import NATURAL_WPM, PiperEngine, length_scale  # noqa: E402
from pipeline.tts.piper_voices import DEFAULT_VOICE, find_voice, installed_voices  # noqa: E402
from pipeline.tts.registry import default_rate, make_engine  # noqa: E402

ORCHARD = FIXTURES / "orchard.txt"
SENTENCE = "The new community trust will hold its first meeting in July to plan the harvest."
# Piper's speech varies from run to run (its noise inputs): measure over two sentences.
TEXT = SENTENCE + " Serbia would not use force to stop the secession, but allowing it would give a green light to others."


@pytest.fixture(scope="module")
def piper():
    return make_engine("piper", 2)


@pytest.fixture(scope="module")
def edition(piper, tmp_path_factory):
    return build_edition(ORCHARD, tmp_path_factory.mktemp("piper"), engine=piper)


@pytest.fixture(scope="module")
def audio(edition):
    return decode_mp3(edition.mp3)


def pcm(clip: bytes) -> np.ndarray:
    return np.frombuffer(clip, dtype=np.int16).astype(np.float64) / 32768


def mean_f0(x: np.ndarray, rate: int) -> float:
    """Mean fundamental frequency of the voiced 40 ms frames, by autocorrelation (60-400 Hz)."""
    n, found = int(0.04 * rate), []
    loud = np.sqrt(np.mean(x ** 2)) * 0.5
    for start in range(0, len(x) - n, n // 2):
        frame = x[start:start + n] - x[start:start + n].mean()
        if np.sqrt(np.mean(frame ** 2)) < loud:
            continue
        ac = np.correlate(frame, frame, "full")[n - 1:]
        low, high = rate // 400, rate // 60
        lag = low + int(np.argmax(ac[low:high]))
        if ac[lag] > 0.5 * ac[0]:  # clearly periodic: voiced
            found.append(rate / lag)
    return float(np.mean(found))


def test_the_piper_edition_has_the_chapters_of_the_espeak_one(edition, tmp_path):
    tone = build_edition(ORCHARD, tmp_path, engine=ToneEngine())
    assert [c.title for c in edition.chapters] == [c.title for c in tone.chapters]
    assert [c[0] for c in ffmpeg_chapters(edition.mp3)] == [c.title for c in tone.chapters]


def test_every_chapter_and_cue_starts_where_its_speech_starts(edition, audio, piper):
    rate = piper.sample_rate
    starts = [s for _, s, _ in ffmpeg_chapters(edition.mp3)]
    vtt = open(edition.transcript_vtt, encoding="utf-8").read()
    starts += [sum(float(p) * m for p, m in zip(line.split(" --> ")[0].split(":"), (3600, 60, 1)))
               for line in vtt.splitlines() if "-->" in line]
    for start in sorted(set(starts)):
        if start > 0.15:
            before = audio[int((start - 0.15) * rate):int((start - 0.005) * rate)]
            assert np.abs(before).max() < 0.01, f"speech before the mark at {start:.2f} s"
        onset = np.argmax(np.abs(audio[int(start * rate):]) > 0.02) / rate
        assert onset < (0.080 if start > 0 else 0.15), f"speech starts {onset * 1000:.0f} ms after the mark at {start:.2f} s"


def test_broadcast_loudness_and_true_peak(audio, piper):
    assert abs(pyloudnorm.Meter(piper.sample_rate).integrated_loudness(audio) + 16) <= 1.0
    assert true_peak_db(audio) <= -1.0


def narrator_and_quote(engine, times: int = 3) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """``times`` clips of TEXT in each voice. Piper draws fresh noise for every clip, so one clip's pitch
    varies by a few per cent (the narrator against itself: 0.95-1.08); means over three hold still."""
    clips = [pcm(c) for c in engine.synthesize_batch(
        [Request(TEXT, "en", voice) for voice in ("narrator", "quote") for _ in range(times)])]
    return clips[:times], clips[times:]


def pitch_ratio(engine, narrator: list[np.ndarray], quote: list[np.ndarray]) -> float:
    return np.mean([mean_f0(c, engine.sample_rate) for c in quote]) / np.mean([mean_f0(c, engine.sample_rate) for c in narrator])


def test_quotes_are_spoken_higher_by_measured_pitch(piper):
    narrator, quote = narrator_and_quote(piper)
    assert pitch_ratio(piper, narrator, quote) >= 1.10  # single clips measured 1.12-1.29
    assert sum(map(len, quote)) == pytest.approx(sum(map(len, narrator)), rel=0.25)  # the pace is kept


def test_quotes_in_the_narrators_voice_when_asked():
    engine = PiperEngine(quote_voice="off")
    assert pitch_ratio(engine, *narrator_and_quote(engine)) == pytest.approx(1.0, abs=0.06)


def speaking_seconds(clip: bytes) -> float:
    spoken = np.flatnonzero(np.abs(pcm(clip)) > 0.01)
    return (spoken[-1] - spoken[0]) / 22050


def test_rate_is_the_pace_espeak_has_at_that_rate(engine):
    """Words a minute depend on the words; at the same --rate both engines take about as long."""
    espeak = speaking_seconds(engine.synthesize(TEXT))
    slow, usual, fast = (speaking_seconds(PiperEngine(rate=r).synthesize(Request(TEXT, "en", "narrator")))
                         for r in (120, 175, 240))
    assert usual == pytest.approx(espeak, rel=0.2)
    assert slow / fast == pytest.approx(2.0, rel=0.15)


def test_rate_stays_in_a_voices_range():
    assert length_scale(80) == 2.0 and length_scale(450) == 0.5  # the CLI's range stays within what a voice can do


def test_clips_come_back_in_order_with_progress(piper):
    texts = ["Yes.", SENTENCE + " " + SENTENCE, "No.", SENTENCE]
    done = []
    clips = piper.synthesize_batch([Request(t, "en", "narrator") for t in texts], done.append)
    lengths = [len(c) for c in clips]
    assert lengths[1] > lengths[3] > lengths[0] and lengths[3] > lengths[2]
    assert sum(done) == 4


def test_the_cache_identity_names_the_voice_file_the_versions_and_the_rate(tmp_path):
    voice = find_voice(DEFAULT_VOICE)
    base = PiperEngine(voice=DEFAULT_VOICE).identity()
    assert voice.digest() in base and "piper-tts" in base and "onnxruntime" in base
    assert PiperEngine(voice=DEFAULT_VOICE, rate=200).identity() != base
    assert PiperEngine(voice=DEFAULT_VOICE, quote_voice="off").identity() != base
    copy = tmp_path / "copy.onnx"
    shutil.copy(voice.model, copy)
    config = json.loads(voice.config.read_text())
    config["inference"]["noise_scale"] = 0.5  # another voice file: another identity
    (tmp_path / "copy.onnx.json").write_text(json.dumps(config))
    assert PiperEngine(voice=str(copy)).identity() != base


def test_a_voice_by_path_needs_its_config(tmp_path):
    model = tmp_path / "lonely.onnx"
    model.write_bytes(b"not a model")
    with pytest.raises(SpeechError, match="needs its config lonely.onnx.json"):
        PiperEngine(voice=str(model))
    with pytest.raises(SpeechError, match="no Piper voice model"):
        PiperEngine(voice=str(tmp_path / "missing.onnx"))
    with pytest.raises(SpeechError, match="unknown Piper voice 'nobody'"):
        PiperEngine(voice="nobody")


def test_installed_voice_packages_are_found_and_listed(capsys):
    assert DEFAULT_VOICE in [v.id for v in installed_voices()]
    assert find_voice("en").id == find_voice("en-us").id == DEFAULT_VOICE
    assert main(["voices"]) == 0
    assert any(line.split()[:2] == ["piper", DEFAULT_VOICE] for line in capsys.readouterr().out.splitlines())


def test_a_language_without_a_voice_is_read_with_its_own_phonemes(piper):
    # In a fresh process: piper-tts's eSpeak NG must not run beside the one pyttsx3 loaded here.
    code = """
from pipeline.tts.piper_engine import PiperEngine
from pipeline.tts.piper_voices import DEFAULT_VOICE, find_voice
engine, voice = PiperEngine(), find_voice(DEFAULT_VOICE)
print(engine._model(voice, "pt").phonemize("mercado") != engine._model(voice, "en").phonemize("mercado"),
      engine._model(voice, "pt").config.espeak_voice, engine._model(voice, "xx").config.espeak_voice)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["True", "pt", "en-us"]  # eSpeak NG knows no "xx": the voice's own language reads it
    clip = pcm(piper.synthesize(Request("O mercado municipal reabriu.", "pt", "narrator")))
    assert np.abs(clip).max() > 0.1


def test_piper_runs_beside_espeak_in_one_process(engine, piper):
    engine.synthesize("eSpeak NG is running in this process.")  # pyttsx3's eSpeak NG is loaded here now
    clips = piper.synthesize_batch([Request(SENTENCE, "en", "narrator")] * 2)
    assert all(np.abs(pcm(c)).max() > 0.1 for c in clips)


def test_the_quote_voice_needs_no_scipy():
    # In a fresh process: pyloudnorm has imported scipy into this one. The [piper] extra has no scipy.
    code = """
import sys
from pipeline.tts import Request
from pipeline.tts.piper_engine import PiperEngine
PiperEngine().synthesize(Request("Yes.", "en", "quote"))
print("scipy" in sys.modules)
"""
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split() == ["False"]


def test_piper_speaks_at_its_voices_own_pace_unless_asked():
    # Its word error rate does not move with rate (benchmarks/intelligibility.py), so no slower default.
    assert default_rate("piper") == NATURAL_WPM and length_scale(NATURAL_WPM) == 1.0
    assert PiperEngine().length_scale == 1.0 and PiperEngine(rate=150).length_scale > 1.0
    assert default_rate(PiperEngine()) == NATURAL_WPM and default_rate(PiperEngine(rate=150)) == 150
