"""The seed, end to end: a real MP3, decoded and measured, its chapters read back by ffmpeg."""
import json

import numpy as np
import pyloudnorm
import pytest
from conftest import decode_mp3, ffmpeg_chapters
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from pipeline.loudness import true_peak_db

RATE = 22050
TITLES = ["Headline", "Summary", "Story", "EU mission", "Quote: Vuk Jeremic", "Quote: Vladimir Putin"]


@pytest.fixture(scope="module")
def audio(seed_edition):
    return decode_mp3(seed_edition.mp3)


def frame_db(x, ms=20):
    n = RATE * ms // 1000
    frames = x[: len(x) // n * n].reshape(-1, n)
    return 20 * np.log10(np.sqrt((frames ** 2).mean(axis=1)) + 1e-9)


def test_duration(seed_edition, audio):
    decoded = len(audio) / RATE
    assert 150 < decoded < 300  # about 2,500 characters read at 150 words a minute (218 s measured)
    assert abs(MP3(seed_edition.mp3).info.length - decoded) < 0.030
    assert abs(seed_edition.duration - decoded) < 0.030


def test_the_length_the_disclosure_announces_is_the_length_heard(seed_edition, audio):
    minutes = round(len(audio) / RATE / 60)
    vtt = open(seed_edition.transcript_vtt, encoding="utf-8").read()
    assert f"It lasts about {minutes} minutes." in vtt


def test_chapters_as_another_tool_reads_them(seed_edition, audio):
    chapters = ffmpeg_chapters(seed_edition.mp3)
    assert [c[0] for c in chapters] == TITLES
    assert chapters[0][1] == 0
    for (_, _, end), (_, start, _) in zip(chapters, chapters[1:]):
        assert end == start  # no gaps, no overlaps
    assert abs(chapters[-1][2] - len(audio) / RATE) < 0.030
    assert [c.title for c in seed_edition.chapters] == TITLES
    json_chapters = json.load(open(seed_edition.chapters_json))["chapters"]
    assert [(c["title"], c["startTime"], c["endTime"]) for c in json_chapters] == [
        (t, pytest.approx(s, abs=0.001), pytest.approx(e, abs=0.001)) for t, s, e in chapters
    ]


def test_every_chapter_is_speech_and_starts_where_its_speech_starts(seed_edition, audio):
    for title, start, end in ffmpeg_chapters(seed_edition.mp3):
        part = audio[int(start * RATE) : int(end * RATE)]
        levels = frame_db(part)
        active = levels > -45
        assert active.mean() > 0.35, f"{title}: mostly silent"
        assert levels[active].std() > 3, f"{title}: flat, not speech"
        onset = np.argmax(np.abs(part) > 0.02) / RATE
        assert onset < 0.080 if start > 0 else onset < 0.15, f"{title}: speech starts {onset * 1000:.0f} ms late"
        if start > 0:
            before = audio[int((start - 0.3) * RATE) : int((start - 0.005) * RATE)]
            assert np.abs(before).max() < 0.01, f"{title}: the previous chapter's speech runs into it"


def test_pauses_are_longer_between_chapters_than_between_sentences(seed_edition, audio):
    silent = frame_db(audio, ms=10) < -50
    gaps, run = [], 0
    for s in silent:
        if s:
            run += 1
        elif run:
            gaps.append(run * 10)
            run = 0
    long_gaps = [g for g in gaps if g >= 300]
    assert max(long_gaps) >= 1500 and min(long_gaps) < 800


def test_broadcast_loudness_and_true_peak(audio):
    assert abs(pyloudnorm.Meter(RATE).integrated_loudness(audio) + 16) <= 1.0
    assert true_peak_db(audio) <= -1.0


def test_level_is_consistent_across_chapters(seed_edition, audio):
    levels = []
    for title, start, end in ffmpeg_chapters(seed_edition.mp3):
        db = frame_db(audio[int(start * RATE) : int(end * RATE)])
        levels.append(np.median(db[db > -45]))
    assert max(levels) - min(levels) < 4.0


def test_transcript_cues_are_timed_to_the_speech(seed_edition, audio):
    cues = parse_vtt(open(seed_edition.transcript_vtt, encoding="utf-8").read())
    assert cues[0][2].startswith("This is a synthetic voice reading")
    assert any(text == "Serbia urges UN action on Kosovo" for _, _, text in cues)
    previous_end = 0.0
    for start, end, text in cues:
        assert previous_end <= start < end <= len(audio) / RATE
        onset = np.argmax(np.abs(audio[int(start * RATE) :]) > 0.02) / RATE
        assert onset < 0.050, f"speech starts {onset * 1000:.0f} ms after the cue {text!r}"
        before = audio[max(0, int((start - 0.05) * RATE)) : int(start * RATE)]
        assert np.abs(before).max(initial=0) < 0.02, f"speech before the cue {text!r}"
        previous_end = end
    chapters = json.load(open(seed_edition.chapters_json))
    assert chapters["transcripts"][0] == {"url": "000_88c1d4bd90c12416.vtt", "type": "text/vtt", "language": "en"}
    text = open(seed_edition.transcript_txt, encoding="utf-8").read()
    assert "EU mission\n----------\n" in text and "Norway and Switzerland." in text
    assert "EU mission\n----------\nEU mission" not in text  # the crosshead is the heading, not printed again


def parse_vtt(text: str) -> list[tuple[float, float, str]]:
    assert text.startswith("WEBVTT\n")
    cues = []
    for block in text.strip().split("\n\n")[1:]:
        _number, timing, *lines = block.splitlines()
        start, end = (sum(float(p) * f for p, f in zip(t.replace(".", ":").split(":"), (3600, 60, 1, 0.001))) for t in timing.split(" --> "))
        cues.append((start, end, " ".join(lines)))
    return cues


def test_tags_describe_the_article(seed_edition):
    tags = ID3(seed_edition.mp3)
    assert str(tags["TIT2"]) == "Serbia urges UN action on Kosovo"
    assert str(tags["TPE1"]) == "BBC News"
    assert str(tags["TDRC"]).startswith("2008-02-15")
    saved = json.load(open(seed_edition.article_json))
    assert saved["article"]["headline"] == "Serbia urges UN action on Kosovo"


def test_each_engine_has_its_own_default_rate():
    from pipeline.batch import BuildOptions
    from pipeline.tts import DEFAULT_WPM
    from pipeline.tts.registry import ENGINES, RATES, default_rate
    from tone_engine import ToneEngine

    assert set(RATES) == set(ENGINES) and default_rate("pyttsx3") == DEFAULT_WPM == 150
    assert default_rate(ToneEngine()) == DEFAULT_WPM  # an engine that does not say its rate: newscast's default
    # An engine object speaks at its own rate, so the script is timed and cut at that rate too.
    from pipeline.tts.registry import make_engine

    with make_engine("pyttsx3", 2, rate=200) as pool:
        assert default_rate(pool) == 200
    assert BuildOptions(engine="piper").rate == RATES["piper"] and BuildOptions(engine="piper", rate=200).rate == 200
    # Resolved before fingerprinting: editions built at 150 before stay up to date.
    assert BuildOptions().fingerprint("a.html") == BuildOptions(rate=150).fingerprint("a.html")
