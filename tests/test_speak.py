"""The speech engine and the speak stage make real, complete audio."""
import subprocess
import sys

import numpy as np
import pytest

from pipeline import Script, ScriptChapter, SpeechError, Utterance, speak


def test_every_utterance_gets_real_audio_even_the_first(engine):
    long_text = " ".join(["The council met on Monday to discuss the harbour wall."] * 12)
    pcm = engine.synthesize(long_text)
    samples = np.frombuffer(pcm, dtype=np.int16)
    seconds = samples.size / engine.sample_rate
    # About 120 words at 175 words a minute: a truncated file would be far shorter.
    assert 30 < seconds < 70
    assert np.abs(samples).max() > 3000


def test_speak_keeps_order_and_reports_progress(engine):
    script = Script((
        ScriptChapter("One", (Utterance("Short.", 100), Utterance("A much longer second sentence to speak aloud.", 200))),
        ScriptChapter("Two", (Utterance("Third.", 300),)),
    ))
    seen = []
    speech = speak(script, engine, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    assert [c.title for c in speech.chapters] == ["One", "Two"]
    first, second = speech.chapters[0].clips
    assert len(second.pcm) > 2 * len(first.pcm)
    assert second.utterance.pause_ms == 200


def test_voices_are_listed_with_languages(engine):
    voices = engine.voices()
    assert len(voices) > 20
    assert any("en" in v.languages[0] for v in voices if v.languages)


def test_unknown_voice_is_a_clear_error(engine):
    with pytest.raises(SpeechError, match="unknown voice"):
        engine._voice_id("no-such-voice-xyz")


def test_quotes_get_a_distinct_voice_unless_turned_off(engine):
    from pipeline.tts.pyttsx3_engine import Pyttsx3Engine

    line = "The harbour will reopen in the spring, and the boats will return."
    engine.use("en", "narrator")
    narrator = np.frombuffer(engine.synthesize(line), dtype=np.int16)
    engine.use("en", "quote")
    quote = np.frombuffer(engine.synthesize(line), dtype=np.int16)
    engine.use("en", "narrator")
    assert engine._current == "gmw/en"
    # Another timbre: the same words, measurably different audio.
    assert narrator.size != quote.size or not np.array_equal(narrator, quote)
    plain = Pyttsx3Engine(quote_voice="off")
    plain.use("en", "quote")
    assert plain._current == "gmw/en"
    engine.use("en", "narrator")


def test_engines_made_one_after_another_in_a_process_start_and_keep_their_rates():
    # pyttsx3 hands the same engine out again; starting it twice once hung for ever.
    code = (
        "from pipeline import Pyttsx3Engine\n"
        "Pyttsx3Engine(rate=150)\n"
        "fast = Pyttsx3Engine(rate=200).synthesize('The same words, read twice.')\n"
        "slow = Pyttsx3Engine(rate=100).synthesize('The same words, read twice.')\n"
        "print(len(slow) / len(fast))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert 1.6 < float(result.stdout) < 2.4


def test_two_engines_in_one_process_each_speak_at_their_own_rate():
    # pyttsx3 gives both the same driver: the engine made last must not set the pace of the first.
    code = (
        "from pipeline import Pyttsx3Engine\n"
        "slow = Pyttsx3Engine(rate=100)\n"
        "fast = Pyttsx3Engine(rate=200)\n"
        "a = len(slow.synthesize('The same words, read twice.'))\n"
        "b = len(fast.synthesize('The same words, read twice.'))\n"
        "c = len(slow.synthesize('The same words, read twice.'))\n"
        "print(a / b, c / b)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for ratio in map(float, result.stdout.split()):
        assert 1.6 < ratio < 2.4
