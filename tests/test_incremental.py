"""No work twice: the speech cache, up-to-date editions, parallel workers."""
import contextlib
import io
import os
import shutil
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, SEED, ffmpeg_chapters
from mutagen.mp3 import MP3

from pipeline import SpeechError, build_edition
from pipeline.cli import main
from pipeline.tts import Request, pool
from pipeline.tts.cache import SpeechCache
from pipeline.tts.pool import EnginePool


class CountingEngine:
    """The real engine, counting what it is asked to synthesise."""

    def __init__(self, engine):
        self.engine, self.spoken = engine, []
        self.sample_rate = engine.sample_rate

    def identity(self):
        return self.engine.identity()

    def synthesize_batch(self, requests, progress=None):
        self.spoken.extend(r.text for r in requests)
        return self.engine.synthesize_batch(requests, progress)


def test_unchanged_rebuild_speaks_nothing_and_an_edit_speaks_only_what_changed(engine, tmp_path):
    cache = SpeechCache(tmp_path / "cache")
    counting = CountingEngine(engine)
    first = build_edition(FIXTURES / "orchard.txt", tmp_path / "out", engine=counting, cache=cache)
    spoken_first = len(counting.spoken)
    assert spoken_first > 10 and cache.hits == 0
    counting.spoken.clear()
    again = build_edition(FIXTURES / "orchard.txt", tmp_path / "out", engine=counting, cache=cache)
    assert counting.spoken == []
    assert open(again.mp3, "rb").read() == open(first.mp3, "rb").read()
    edited = tmp_path / "orchard.txt"
    edited.write_text((FIXTURES / "orchard.txt").read_text().replace("a programme of events", "a summer fair"))
    build_edition(edited, tmp_path / "out", engine=counting, cache=cache)
    # The changed sentence, and the disclosure whose length estimate may move with it.
    assert any("summer fair" in text for text in counting.spoken)
    assert len(counting.spoken) <= 2


def test_cache_is_capped(tmp_path):
    cache = SpeechCache(tmp_path, cap_bytes=2500)
    for i in range(5):
        cache.put(cache.key("engine", Request(f"sentence {i}", "en", "narrator")), bytes(1000))
        time.sleep(0.01)
    cache.prune()
    assert len(list(tmp_path.glob("*/*.clip"))) == 2  # 1000 bytes of audio each, plus a checksum
    assert cache.get(cache.key("engine", Request("sentence 4", "en", "narrator"))) is not None
    assert cache.get(cache.key("engine", Request("sentence 0", "en", "narrator"))) is None


def test_pool_returns_clips_in_order_and_matches_one_engine(engine):
    # Lengths that differ a lot, so a clip out of order would show.
    requests = [Request(" ".join(["word"] * (1 + 4 * i)) + ".", "en", "quote" if i % 3 == 0 else "narrator") for i in range(9)]
    done = []
    clips = EnginePool(2).synthesize_batch(requests, progress=done.append)
    assert sum(done) == len(requests)
    # eSpeak's output varies by a few samples from run to run: compare lengths.
    for pooled, single in zip(clips, engine.synthesize_batch(requests)):
        assert abs(len(pooled) - len(single)) < 0.01 * len(single)  # a wrong rate would be 10% off


def hang(requests):
    time.sleep(3600)


def test_work_is_shared_in_runs_of_about_equal_text():
    lengths = [200, 10, 10, 180, 30, 30, 30, 30, 150, 20, 5, 5]
    chunks = pool._chunks(lengths, 4)
    assert [i for chunk in chunks for i in chunk] == list(range(len(lengths)))  # all, in order, once
    sizes = [sum(lengths[i] for i in chunk) for chunk in chunks]
    assert 3 <= len(chunks) <= 6 and max(sizes) <= 2 * sum(lengths) / 4
    assert pool._chunks([5], 8) == [[0]] and pool._chunks([], 8) == []


def test_a_hung_worker_is_reported_not_waited_on(monkeypatch):
    monkeypatch.setattr(pool, "_synthesize_chunk", hang)
    monkeypatch.setattr(pool, "TIMEOUT_BASE_S", 0.5)
    monkeypatch.setattr(pool, "TIMEOUT_PER_CHAR_S", 0.0)
    began = time.monotonic()
    with pytest.raises(SpeechError, match="failed twice"):
        EnginePool(2).synthesize_batch([Request("Hello there.", "en", "narrator")])
    assert time.monotonic() - began < 30


def test_unknown_voice_in_a_pool_is_a_clear_error():
    with pytest.raises(SpeechError, match="unknown voice"):
        EnginePool(2, voice="klingon-xyz").synthesize_batch([Request("Hello there.", "en", "narrator")])


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def test_up_to_date_editions_are_skipped_unless_forced_or_options_change(tmp_path):
    source = tmp_path / "orchard.txt"
    shutil.copy(FIXTURES / "orchard.txt", source)
    out = tmp_path / "out"
    assert run("build", str(source), "-o", str(out), "--workers", "1")[0] == 0
    code, stdout, err = run("build", str(source), "-o", str(out), "--workers", "1")
    assert code == 0 and stdout == "" and "up to date" in err
    code, stdout, _ = run("build", str(source), "-o", str(out), "--workers", "1", "--force")
    assert "orchard.mp3" in stdout
    code, stdout, _ = run("build", str(source), "-o", str(out), "--workers", "1", "--rate", "200")
    assert "orchard.mp3" in stdout  # other options: another edition
    os.utime(source, (time.time() + 10, time.time() + 10))
    code, stdout, _ = run("build", str(source), "-o", str(out), "--workers", "1", "--rate", "200")
    assert "orchard.mp3" in stdout  # a newer input


def test_many_inputs_continue_past_a_bad_one(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    code, stdout, err = run("build", str(FIXTURES / "orchard.txt"), str(bad), str(SEED), "-o", str(tmp_path / "out"))
    assert code == 2
    assert len(stdout.strip().splitlines()) == 2
    assert "[2/3] newscast: load:" in err and "1 of 3 inputs failed" in err
    assert "[3/3] spoke 000_88c1d4bd90c12416.txt" in err


def test_a_build_chapter_by_chapter_through_a_pool_with_m4b_and_another_rate(tmp_path):
    reported = []
    with EnginePool(2) as pool:
        edition = build_edition(FIXTURES / "orchard.txt", tmp_path, engine=pool, workers=2, formats=("m4b",), sample_rate=16000,
                                progress=lambda done, total: reported.append((done, total)))
    assert MP3(edition.mp3).info.sample_rate == 16000
    titles = [c.title for c in edition.chapters]
    assert [c[0] for c in ffmpeg_chapters(edition.m4b)] == [c[0] for c in ffmpeg_chapters(edition.mp3)] == titles
    for (_, m4b_start, _), (_, mp3_start, _) in zip(ffmpeg_chapters(edition.m4b), ffmpeg_chapters(edition.mp3)):
        # Each MP3 part brings its encoder's priming (silence in the pauses, which the MP3's own marks allow for).
        assert 0 <= mp3_start - m4b_start < 0.5
    total = reported[-1][1]
    assert reported[-1][0] == total and all(a[0] <= b[0] for a, b in zip(reported, reported[1:]))


class Counted:
    """A function of pipeline's, counting its calls."""

    def __init__(self, monkeypatch, module, name):
        self.calls, real = 0, getattr(module, name)

        def counted(*args, **kwargs):
            self.calls += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)


def test_a_rebuild_neither_measures_nor_encodes_an_unchanged_chapter(tmp_path, monkeypatch):
    from tone_engine import ToneEngine

    from pipeline.output import mp3
    from pipeline.stages import assemble

    plain = build_edition(FIXTURES / "orchard.txt", tmp_path / "plain", engine=ToneEngine())
    cache = SpeechCache(tmp_path / "cache")
    first = build_edition(FIXTURES / "orchard.txt", tmp_path / "first", engine=ToneEngine(), cache=cache)
    measured, encoded = Counted(monkeypatch, assemble, "measure"), Counted(monkeypatch, mp3.Mp3Stream, "_start_encoding")
    again = build_edition(FIXTURES / "orchard.txt", tmp_path / "again", engine=ToneEngine(), cache=cache)
    assert measured.calls == encoded.calls == 0
    for edition in (first, again):  # the same files as a build without the cache
        assert open(edition.mp3, "rb").read() == open(plain.mp3, "rb").read()
        assert open(edition.transcript_vtt).read() == open(plain.transcript_vtt).read()
    edited = tmp_path / "orchard.txt"
    edited.write_text((FIXTURES / "orchard.txt").read_text().replace("a programme of events", "a summer fair"))
    changed = build_edition(edited, tmp_path / "changed", engine=ToneEngine(), cache=cache)
    assert 1 <= measured.calls == encoded.calls <= 2 < len(changed.chapters)  # the edited chapter (and the disclosure's)


def _first_chapter_of_the_seed():
    import json

    from pipeline import Script

    script = Script.from_dict(json.loads((FIXTURES / "seed_script.json").read_text()))
    return Script(script.chapters[:1], script.language)


def test_a_chapters_key_changes_with_its_samples_its_joins_and_the_code(monkeypatch):
    from dataclasses import replace

    from tone_engine import ToneEngine

    from pipeline import speak
    from pipeline.stages import assemble

    chapter = speak(_first_chapter_of_the_seed(), ToneEngine()).chapters[0]
    key = assemble.chapter_key(chapter, 22050)
    quieter = replace(chapter, clips=(replace(chapter.clips[0], pcm=bytes(len(chapter.clips[0].pcm))), *chapter.clips[1:]))
    assert assemble.chapter_key(quieter, 22050) != key
    last = chapter.clips[-1]  # joined to the sentence before it: one cue less, so the MP3 may be cut elsewhere
    joined = replace(chapter, clips=(*chapter.clips[:-1], replace(last, utterance=replace(last.utterance, continues=not last.utterance.continues))))
    assert assemble.chapter_key(joined, 22050) != key
    monkeypatch.setattr(assemble, "code_identity", lambda *sources, packages=(): "another newscast")
    assert assemble.chapter_key(chapter, 22050) != key


def speak_or_die_once(requests):
    """A worker's chunk that kills the first worker to run it, and then is spoken (as its text).

    The marker file is named in the text: a retry may run in workers of a fork server started before this test.
    """
    marker = Path(requests[0].text.split()[0])
    with contextlib.suppress(FileExistsError):
        marker.touch(exist_ok=False)
        os._exit(1)
    return [request.text.encode() for request in requests]


def test_a_worker_that_dies_is_replaced_and_every_clip_still_comes(monkeypatch, tmp_path):
    monkeypatch.setattr(pool, "_synthesize_chunk", speak_or_die_once)
    requests = [Request(f"{tmp_path / 'died'} sentence {i}.", "en", "narrator") for i in range(6)]
    with EnginePool(2) as engines:
        assert engines.synthesize_batch(requests) == [r.text.encode() for r in requests]
    assert (tmp_path / "died").exists()


def spoken_as_text(requests):
    return [request.text.encode() for request in requests]


def test_a_stream_left_unread_keeps_the_workers_for_the_next_edition(monkeypatch):
    monkeypatch.setattr(pool, "_synthesize_chunk", spoken_as_text)
    requests = [Request(f"Sentence {i}.", "en", "narrator") for i in range(40)]
    with EnginePool(2) as engines:
        stream = engines.synthesize_stream(requests)
        next(stream)
        workers = engines._executor
        stream.close()  # as when an edition fails while its chapters are still being spoken
        assert engines.synthesize_batch(requests[:3]) == [r.text.encode() for r in requests[:3]]
        assert engines._executor is workers


def test_a_stopped_pool_leaves_no_thread_behind(monkeypatch):
    """The interpreter joins a pool's manager thread at exit: one left waiting hung a terminated build for ever."""
    monkeypatch.setattr(pool, "_synthesize_chunk", spoken_as_text)
    engines = EnginePool(2)
    engines.synthesize_batch([Request("One.", "en", "narrator"), Request("Two.", "en", "narrator")])
    manager = engines._executor._executor_manager_thread
    engines.close()
    assert not manager.is_alive()
