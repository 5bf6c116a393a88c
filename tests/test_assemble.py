"""assemble: one track, pauses where the script says, chapter marks without gaps."""
import numpy as np
import pyloudnorm

from pipeline import Clip, Speech, SpokenChapter, Utterance, assemble

RATE = 22050


def tone(seconds, freq=220.0, amplitude=0.3, lead=0.1):
    """A vowel-like tone with silent edges, as an engine returns."""
    t = np.arange(int(seconds * RATE)) / RATE
    wave = amplitude * np.sin(2 * np.pi * freq * t) * (1 + 0.5 * np.sin(2 * np.pi * 3 * t))
    silence = np.zeros(int(lead * RATE))
    return (np.concatenate([silence, wave, silence]) * 32767).astype(np.int16).tobytes()


def speech():
    return Speech(RATE, (
        SpokenChapter("A", (Clip(Utterance("a", 500), tone(1.0)), Clip(Utterance("b", 1000), tone(0.5)))),
        SpokenChapter("B", (Clip(Utterance("c", 1500), tone(2.0)),)),
    ))


def test_chapters_are_contiguous_and_cover_the_track():
    track = assemble(speech())
    samples = len(track.pcm) // 2
    a, b = track.chapters
    assert a.start == 0 and a.end == b.start and b.end == samples
    # speech (trimmed of the engine's own silence, 30 ms kept each side) plus our pauses
    assert abs(a.end / RATE - (1.0 + 0.06 + 0.5 + 0.5 + 0.06 + 1.0)) < 0.01
    assert abs(track.duration - (a.end / RATE + 2.06 + 1.5)) < 0.01


def test_pauses_are_silent_and_joins_do_not_click():
    track = assemble(speech())
    x = np.frombuffer(track.pcm, dtype=np.int16).astype(float)
    pause = x[int(1.07 * RATE) : int(1.55 * RATE)]
    assert np.abs(pause).max() == 0
    # No jump between neighbouring samples bigger than the tone itself makes.
    assert np.abs(np.diff(x)).max() < 0.06 * 32768


def test_loudness_is_raised_towards_target_without_clipping():
    quiet = Speech(RATE, (SpokenChapter("A", (Clip(Utterance("a", 0), tone(3.0, amplitude=0.05)),)),))
    x = np.frombuffer(assemble(quiet).pcm, dtype=np.int16) / 32768.0
    loudness = pyloudnorm.Meter(RATE).integrated_loudness(x)
    assert -17.5 < loudness < -14.5 or 20 * np.log10(np.abs(x).max()) > -1.1
    assert np.abs(x).max() < 0.9


def test_cues_follow_the_utterances_and_sentences_stay_whole():
    speech = Speech(RATE, (
        SpokenChapter("A", (
            Clip(Utterance("one", 300, display="First part,"), tone(1.0)),
            Clip(Utterance("two", 800, display="second part.", continues=True), tone(0.5)),
            Clip(Utterance("three", 300, display="Next."), tone(0.5)),
        )),
    ))
    track = assemble(speech)
    assert [c.text for c in track.cues] == ["First part, second part.", "Next."]
    first, second = track.cues
    assert first.start == 0 and first.end < second.start and first.ends_paragraph
    assert abs(second.start / RATE - (1.06 + 0.3 + 0.56 + 0.8)) < 0.01


def test_quote_voice_is_brought_to_the_narrators_level():
    speech = Speech(RATE, (SpokenChapter("A", (
        Clip(Utterance("n", 300), tone(2.0, amplitude=0.3)),
        Clip(Utterance("q", 300, voice="quote"), tone(2.0, amplitude=0.1)),
    )),))
    x = np.frombuffer(assemble(speech).pcm, dtype=np.int16).astype(float)
    narrator, quote = x[int(0.2 * RATE) : int(1.8 * RATE)], x[int(2.6 * RATE) : int(4.2 * RATE)]
    rms = lambda a: np.sqrt((a ** 2).mean())
    assert abs(20 * np.log10(rms(narrator) / rms(quote))) < 0.5


def test_a_chapter_sounds_the_same_alone_as_in_the_whole_track():
    """Chapters are levelled one by one, which lets an edition be built a chapter at a time."""
    loud = SpokenChapter("Loud", (Clip(Utterance("a", 500), tone(2.0, amplitude=0.6)), Clip(Utterance("q", 300, voice="quote"), tone(1.0, amplitude=0.2))))
    soft = SpokenChapter("Soft", (Clip(Utterance("b", 800), tone(3.0, amplitude=0.05)),))
    whole = assemble(Speech(RATE, (loud, soft)))
    alone = [assemble(Speech(RATE, (chapter,))) for chapter in (loud, soft)]
    assert whole.pcm == alone[0].pcm + alone[1].pcm
    assert [c.start for c in whole.cues] == [c.start for c in alone[0].cues] + [len(alone[0].pcm) // 2 + c.start for c in alone[1].cues]
    # and both chapters reach the same loudness, however differently loud they were spoken
    levels = [pyloudnorm.Meter(RATE).integrated_loudness(np.frombuffer(t.pcm, dtype=np.int16) / 32768.0) for t in alone]
    assert abs(levels[0] - levels[1]) < 0.5


def test_a_lazy_track_renders_the_same_samples_window_by_window():
    """What the runner streams to export: any window of a levelled track equals the same window of the joined one."""
    def clip(n):
        return Clip(Utterance(f"s{n}", 350 + 100 * n, voice="quote" if n % 3 == 0 else "narrator"), tone(0.4 + 0.2 * n, 180 + 20 * n))

    speech = Speech(RATE, (SpokenChapter("One", tuple(clip(n) for n in range(6))), SpokenChapter("Two", (clip(9), clip(3)))))
    whole = np.frombuffer(assemble(speech).pcm, dtype=np.int16)
    lazy = assemble(speech, lazy=True)
    assert lazy.size == whole.size and lazy.chapters == assemble(speech).chapters
    for start, end in ((0, whole.size), (17, 4093), (whole.size // 2 - 5, whole.size // 2 + 40000), (whole.size - 3, whole.size)):
        assert np.array_equal(lazy.read(start, end), whole[start:end])
