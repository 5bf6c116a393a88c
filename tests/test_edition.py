"""The seed, end to end: a real MP3, decoded and measured, its chapters read back by ffmpeg."""
import json

import numpy as np
import pyloudnorm
import pytest
from conftest import decode_mp3, ffmpeg_chapters
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

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
    assert 120 < decoded < 300  # about 2,500 characters read at 175 words a minute
    assert abs(MP3(seed_edition.mp3).info.length - decoded) < 0.030
    assert abs(seed_edition.duration - decoded) < 0.030


def test_chapters_as_another_tool_reads_them(seed_edition, audio):
    chapters = ffmpeg_chapters(seed_edition.mp3)
    assert [c[0] for c in chapters] == TITLES
    assert chapters[0][1] == 0
    for (_, _, end), (_, start, _) in zip(chapters, chapters[1:]):
        assert end == start  # no gaps, no overlaps
    assert abs(chapters[-1][2] - len(audio) / RATE) < 0.030
    assert [c.title for c in seed_edition.chapters] == TITLES
    assert json.load(open(seed_edition.chapters_json))["chapters"][3]["title"] == "EU mission"


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


def test_loudness_and_peak(audio):
    # Gain goes towards -16 LUFS but stops at a -1 dBFS peak (eSpeak's peaks are high for its loudness).
    loudness = pyloudnorm.Meter(RATE).integrated_loudness(audio)
    assert -24 < loudness < -15
    assert 20 * np.log10(np.abs(audio).max()) < -0.5


def test_tags_describe_the_article(seed_edition):
    tags = ID3(seed_edition.mp3)
    assert str(tags["TIT2"]) == "Serbia urges UN action on Kosovo"
    assert str(tags["TPE1"]) == "BBC News"
    assert str(tags["TDRC"]).startswith("2008-02-15")
    saved = json.load(open(seed_edition.article_json))
    assert saved["article"]["headline"] == "Serbia urges UN action on Kosovo"
