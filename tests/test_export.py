"""export: a CBR MP3 whose ID3 chapters land where their audio starts, plus sidecars."""
import json
import os

import numpy as np
import pytest
from conftest import decode_mp3, ffmpeg_chapters
from mutagen.id3 import ID3, CTOCFlags
from mutagen.mp3 import MP3

from pipeline import Article, ChapterMark, Cue, OutputError, Section, Track, export
from pipeline.output import encode_mp3, safe_name

RATE = 22050
ARTICLE = Article(
    headline="Test headline", summary="A summary.", sections=(Section(None, ("Body text.",)),),
    source="Test News", published="2020-01-02T03:04:00+00:00",
)


def tag_size(data: bytes) -> int:
    """The ID3v2 tag's size from its header (a syncsafe integer)."""
    assert data[:3] == b"ID3"
    return sum((b & 0x7F) << (7 * (3 - i)) for i, b in enumerate(data[6:10]))


def burst_track(starts_s, total_s):
    """Silence with a short loud burst exactly where each chapter starts."""
    x = np.zeros(int(total_s * RATE))
    for s in starts_s:
        i = int(s * RATE)
        x[i : i + 400] = 0.8 * np.sin(np.arange(400) * 0.3)
    marks = [
        ChapterMark(f"Chapter {n}", int(s * RATE), int(e * RATE), RATE)
        for n, (s, e) in enumerate(zip(starts_s, list(starts_s[1:]) + [total_s]))
    ]
    return Track(RATE, (x * 32767).astype(np.int16).tobytes(), tuple(marks))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    track = burst_track([0.0, 1.3, 2.77, 4.5, 6.01, 7.2, 8.6, 9.9, 11.3, 12.05, 13.4, 14.1], 15.0)
    return track, export(track, ARTICLE, out, "test"), out


def test_chapter_times_match_where_the_audio_starts_in_the_decoded_mp3(exported):
    _, edition, _ = exported
    audio = decode_mp3(edition.mp3)
    onsets = []
    loud = np.abs(audio) > 0.3
    i = 0
    while i < len(loud):
        if loud[i]:
            onsets.append(i / RATE)
            i += int(0.2 * RATE)
        i += 1
    chapters = ffmpeg_chapters(edition.mp3)
    assert len(onsets) == len(chapters)
    for (title, start, end), onset in zip(chapters[1:], onsets[1:]):
        assert abs(start - onset) < 0.030, title


def test_duration_by_mutagen_matches_the_decoded_audio(exported):
    _, edition, _ = exported
    decoded = len(decode_mp3(edition.mp3)) / RATE
    assert abs(MP3(edition.mp3).info.length - decoded) < 0.030
    assert abs(edition.duration - decoded) < 0.030
    assert abs(ffmpeg_chapters(edition.mp3)[-1][2] - decoded) < 0.030


def test_mp3_is_constant_bit_rate(exported):
    _, edition, _ = exported
    data = open(edition.mp3, "rb").read()
    start = 10 + tag_size(data)
    bitrates, pos = set(), start
    while pos + 4 <= len(data) and data[pos] == 0xFF and data[pos + 1] & 0xE0 == 0xE0:
        header = int.from_bytes(data[pos : pos + 4], "big")
        index, padding = (header >> 12) & 0xF, (header >> 9) & 1
        bitrates.add(index)
        pos += 72 * {8: 64, 6: 48, 4: 32, 10: 96, 12: 128}[index] * 1000 // RATE + padding
    assert pos == len(data)  # every byte after the tag is a frame of the same bit rate
    assert len(bitrates) == 1


def test_id3_tags_and_chapter_frames_in_order(exported):
    track, edition, _ = exported
    tags = ID3(edition.mp3)
    assert tags.version[:2] == (2, 4)
    assert str(tags["TIT2"]) == "Test headline"
    assert str(tags["TPE1"]) == "Test News"
    assert str(tags["TDRC"]) == "2020-01-02 03:04:00"
    assert tags.getall("COMM")[0].text == ["A summary."]
    toc = tags.getall("CTOC")[0]
    assert toc.flags & CTOCFlags.TOP_LEVEL and toc.flags & CTOCFlags.ORDERED
    assert toc.child_element_ids == [f"chp{i}" for i in range(len(track.chapters))]
    data = open(edition.mp3, "rb").read()
    raw = data[: 10 + tag_size(data)]
    in_file = [raw[i + 10 : raw.index(b"\0", i + 10)].decode() for i in range(len(raw)) if raw[i : i + 4] == b"CHAP"]
    assert in_file == toc.child_element_ids  # file order is chapter order
    assert [c[0] for c in ffmpeg_chapters(edition.mp3)] == [m.title for m in track.chapters]
    chaps = [tags[f"CHAP:{i}"] for i in toc.child_element_ids]
    assert chaps[0].start_time == 0
    assert all(a.end_time == b.start_time for a, b in zip(chaps, chaps[1:]))


def test_sidecars(exported):
    _, edition, out = exported
    chapters = json.loads(open(edition.chapters_json).read())
    assert chapters["version"] == "1.2.0"
    assert [c["title"] for c in chapters["chapters"]][:2] == ["Chapter 0", "Chapter 1"]
    assert chapters["chapters"][1]["startTime"] == pytest.approx(edition.chapters[1].start_ms / 1000)
    article = json.loads(open(edition.article_json).read())
    assert article["article"]["headline"] == "Test headline"
    assert len(article["edition"]["chapters"]) == len(edition.chapters)
    assert sorted(p.name for p in out.iterdir()) == ["test.chapters.json", "test.json", "test.mp3", "test.txt", "test.vtt"]
    assert oct(os.stat(edition.mp3).st_mode & 0o777) == "0o644"


def test_unwritable_folder_leaves_nothing_behind(tmp_path, monkeypatch):
    monkeypatch.setattr("os.access", lambda path, mode: False)  # as root, chmod alone would not stop us
    with pytest.raises(OutputError, match="not writable"):
        export(burst_track([0.0], 1.0), ARTICLE, tmp_path, "x")
    assert list(tmp_path.iterdir()) == []


def test_output_folder_that_cannot_be_created(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("in the way")
    with pytest.raises(OutputError, match="cannot create the output folder"):
        export(burst_track([0.0], 1.0), ARTICLE, blocker / "out", "x")


def test_a_failure_mid_export_leaves_no_partial_files(tmp_path, monkeypatch):
    import pathlib

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pathlib.Path, "write_text", broken)
    with pytest.raises(OutputError, match="No space left"):
        export(burst_track([0.0], 1.0), ARTICLE, tmp_path, "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Serbia urges UN action on Kosovo", "serbia-urges-un-action-on-kosovo"),
        ("../../etc/passwd", "etc-passwd"),
        (".hidden", "hidden"),
        ("Ça va? «Oui»!", "ca-va-oui"),
        ("", "edition"),
        ("한국어", "edition"),
        ("a" * 300, "a" * 80),
        ("CON:NUL/aux", "con-nul-aux"),
    ],
)
def test_safe_names(name, expected):
    assert safe_name(name) == expected


def test_other_sample_rates_keep_chapters_aligned(tmp_path):
    track = burst_track([0.0, 1.3, 2.77], 4.0)
    edition = export(track, ARTICLE, tmp_path, "hifi", sample_rate=44100)
    assert MP3(edition.mp3).info.sample_rate == 44100
    audio = decode_mp3(edition.mp3, rate=44100)
    for (_, start, _), expected in zip(ffmpeg_chapters(edition.mp3)[1:], (1.3, 2.77)):
        onset = (np.argmax(np.abs(audio[int((expected - 0.2) * 44100):]) > 0.3) / 44100) + expected - 0.2
        assert abs(start - onset) < 0.030


def test_unsupported_sample_rate(tmp_path):
    with pytest.raises(OutputError, match="not one of"):
        export(burst_track([0.0], 1.0), ARTICLE, tmp_path, "x", sample_rate=12345)
    assert list(tmp_path.iterdir()) == []


def test_m4b_has_the_same_chapters(tmp_path):
    pytest.importorskip("imageio_ffmpeg")
    track = burst_track([0.0, 1.3, 2.77], 4.0)
    edition = export(track, ARTICLE, tmp_path, "book", formats=("m4b",))
    chapters = ffmpeg_chapters(edition.m4b)
    assert [c[0] for c in chapters] == ["Chapter 0", "Chapter 1", "Chapter 2"]
    assert [round(c[1], 2) for c in chapters] == [0.0, 1.3, 2.77]


def test_m4b_without_an_encoder_is_a_clear_error(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_ffmpeg(name, *args, **kwargs):
        if name == "imageio_ffmpeg":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ffmpeg)
    with pytest.raises(OutputError, match="needs an AAC encoder"):
        export(burst_track([0.0], 1.0), ARTICLE, tmp_path, "x", formats=("m4b",))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("parts", [2, 3])
def test_parallel_encoding_keeps_chapters_where_their_audio_starts(tmp_path, parts):
    track = burst_track([0.0, 1.3, 2.77, 4.5, 6.01, 7.2, 8.6, 9.9], 11.0)
    edition = export(track, ARTICLE, tmp_path, "split", threads=parts)
    audio = decode_mp3(edition.mp3)
    assert abs(MP3(edition.mp3).info.length - len(audio) / RATE) < 0.030
    loud = np.flatnonzero(np.abs(audio) > 0.3)
    onsets = [loud[0] / RATE] + [loud[i] / RATE for i in range(1, loud.size) if loud[i] - loud[i - 1] > 0.2 * RATE]
    chapters = ffmpeg_chapters(edition.mp3)
    assert len(onsets) == len(chapters)
    for (title, start, _), onset in zip(chapters[1:], onsets[1:]):
        assert abs(start - onset) < 0.030, title


def test_parallel_encoding_cuts_between_sentences_and_keeps_the_transcript_in_time(tmp_path):
    """One long chapter: the encoder parts are cut at pauses inside it, and every cue still starts on its sentence."""
    starts = [0.0, 1.1, 2.35, 3.9, 5.2, 6.45, 7.8]
    track = burst_track(starts, 9.0)
    track = Track(RATE, track.pcm, (ChapterMark("Story", 0, len(track.pcm) // 2, RATE),),
                  tuple(Cue(f"Sentence {n}.", int(s * RATE), int(s * RATE) + 400) for n, s in enumerate(starts)))
    assert len(encode_mp3(track, parts=3).starts) == 3
    edition = export(track, ARTICLE, tmp_path, "split", threads=3)
    audio = decode_mp3(edition.mp3)
    loud = np.flatnonzero(np.abs(audio) > 0.3)
    onsets = [loud[0] / RATE] + [loud[i] / RATE for i in range(1, loud.size) if loud[i] - loud[i - 1] > 0.2 * RATE]
    vtt = open(edition.transcript_vtt, encoding="utf-8").read()
    cue_starts = [sum(float(p) * m for p, m in zip(line.split(" --> ")[0].split(":"), (3600, 60, 1)))
                  for line in vtt.splitlines() if "-->" in line]
    assert len(cue_starts) == len(onsets) == len(starts)
    for cue, onset in zip(cue_starts, onsets):
        assert abs(cue - onset) < 0.030
