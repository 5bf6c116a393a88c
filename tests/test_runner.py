"""The one runner: every edition goes through the stages in order, a chapter at a time, and the
stage-by-stage API gives the same edition as build_edition. A deterministic engine makes the audio
comparable with values stored before the runner existed."""
import hashlib
import json
from dataclasses import replace

import pytest
from conftest import FIXTURES, SEED
from tone_engine import ToneEngine

import pipeline
from pipeline import Article, Runner, Script, Speech, STAGES, assemble, build_daily, build_edition, export, speak
from pipeline.stages.speak import StreamingEngine, speak_chapters
from pipeline.tts.pool import EnginePool

STORED = json.loads((FIXTURES / "seed_tone_edition.json").read_text())
SEED_SCRIPT = Script.from_dict(json.loads((FIXTURES / "seed_script.json").read_text()))
SEED_ARTICLE = Article.from_dict(json.loads((FIXTURES / "seed_article.json").read_text()))
MP3_FRAME_S = 576 / 22050


def test_the_seed_still_says_what_it_said():
    """What the seed's edition says. A change that alters it updates tests/fixtures/seed_*.json, saying why."""
    article = pipeline.segment(pipeline.clean(pipeline.load(SEED)))
    assert article == SEED_ARTICLE
    assert pipeline.script(article) == SEED_SCRIPT


@pytest.fixture(scope="module")
def runner_edition(tmp_path_factory):
    out = tmp_path_factory.mktemp("runner")
    return Runner().edition(SEED_SCRIPT, SEED_ARTICLE, out, "seed", engine=ToneEngine())


def test_the_seeds_audio_is_as_before_the_runner(runner_edition):
    """Chapters, cue times and duration as stored before the change; each chapter's PCM bit for bit, at -16 LUFS."""
    assert runner_edition.duration == pytest.approx(STORED["duration"], abs=1e-6)
    assert [[c.title, c.start, c.end] for c in runner_edition.chapters] == STORED["chapters"]
    assert open(runner_edition.transcript_vtt, encoding="utf-8").read() == STORED["vtt"]
    speech = speak(SEED_SCRIPT, ToneEngine())
    for spoken, stored in zip(speech.chapters, STORED["assembled"], strict=True):
        track = assemble(Speech(speech.sample_rate, (spoken,)))
        assert hashlib.sha256(track.pcm).hexdigest() == stored["pcm_sha256"], spoken.title
        assert abs(stored["lufs"] + 16) < 0.1


def test_the_stage_by_stage_api_gives_the_same_edition(runner_edition, tmp_path):
    whole = export(assemble(speak(SEED_SCRIPT, ToneEngine())), SEED_ARTICLE, tmp_path, "seed")
    assert [c.title for c in whole.chapters] == [c.title for c in runner_edition.chapters]
    for mine, theirs in zip(whole.chapters, runner_edition.chapters):
        assert abs(mine.start - theirs.start) / 22050 < MP3_FRAME_S
    assert abs(whole.duration - runner_edition.duration) < MP3_FRAME_S
    assert open(whole.transcript_vtt).read() == open(runner_edition.transcript_vtt).read()


class Spy:
    """Stages that record each call, then run the real stage."""

    def __init__(self):
        self.calls = []

    def stages(self):
        return tuple((name, self._wrap(name, fn)) for name, fn in STAGES)

    def _wrap(self, name, fn):
        def stage(*args, **kwargs):
            first = args[0]
            if name == "speak":
                self.calls.append(("speak", tuple(c.title for c in first.chapters)))
            elif name == "assemble":
                self.calls.append(("assemble", tuple(c.title for c in first.chapters)))
            elif name == "export":
                return fn(self._seen(first), *args[1:], **kwargs)
            else:
                self.calls.append((name, None))
            return fn(*args, **kwargs)

        return stage

    def _seen(self, chapters):
        for chapter in chapters:
            self.calls.append(("export", chapter.chapters[0].title))
            yield chapter


def _check_order(calls, titles):
    speak_titles = [t for name, group in calls if name == "speak" for t in group]
    assembled = [group[0] for name, group in calls if name == "assemble"]
    exported = [title for name, title in calls if name == "export"]
    assert speak_titles == assembled == exported == titles
    # Each chapter is spoken before it is assembled, and assembled before export takes it.
    for title in titles:
        at = {name: next(i for i, (n, t) in enumerate(calls) if n == name and (t == title or (isinstance(t, tuple) and title in t)))
              for name in ("speak", "assemble", "export")}
        assert at["speak"] < at["assemble"] < at["export"]


def test_the_runner_calls_each_stage_in_order_chapter_by_chapter(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline.runner, "SENTENCES_PER_WORKER", 4)  # several batches even for a short page
    spy = Spy()
    monkeypatch.setattr(pipeline.edition, "STAGES", spy.stages())
    edition = build_edition(FIXTURES / "orchard.txt", tmp_path, engine=ToneEngine())
    assert [name for name, _ in spy.calls[:4]] == ["load", "clean", "segment", "script"]
    _check_order(spy.calls[4:], [c.title for c in edition.chapters])
    assert sum(1 for name, _ in spy.calls if name == "speak") > 1


def test_a_daily_edition_runs_through_the_same_stages(tmp_path, monkeypatch):
    spy = Spy()
    monkeypatch.setattr(pipeline.edition, "STAGES", spy.stages())
    edition = build_daily([FIXTURES / "orchard.txt", FIXTURES / "harbour.html"], tmp_path, title="Morning", engine=ToneEngine())
    text = [name for name, _ in spy.calls if name in ("load", "clean", "segment", "script")]
    assert text == ["load", "clean", "segment"] * 2 + ["script"] * 2
    _check_order([c for c in spy.calls if c[0] in ("speak", "assemble", "export")], [c.title for c in edition.chapters])


def test_an_error_while_speaking_leaves_no_files(tmp_path):
    class Failing(ToneEngine):
        calls = 0

        def synthesize_batch(self, requests, progress=None):
            Failing.calls += 1
            if Failing.calls > 1:
                raise pipeline.SpeechError("engine died")
            return super().synthesize_batch(requests, progress)

    import pipeline.runner as runner_module

    script = replace(SEED_SCRIPT)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner_module, "SENTENCES_PER_WORKER", 2)
        with pytest.raises(pipeline.SpeechError, match="engine died"):
            Runner().edition(script, SEED_ARTICLE, tmp_path, "seed", engine=Failing())
    assert list(tmp_path.iterdir()) == []


def test_a_failed_edition_stops_its_speaking_at_once(tmp_path):
    """The speak stage is closed when export fails, not when a kept traceback is freed: no sentences stay queued."""
    closed = []

    def speaking(*args, **kwargs):
        try:
            yield from speak_chapters(*args, **kwargs)
        finally:
            closed.append(True)

    def failing_export(chapters, *args, **kwargs):
        next(iter(chapters))
        raise pipeline.OutputError("disk full")

    stages = [(name, {"speak": speaking, "export": failing_export}.get(name, fn)) for name, fn in STAGES]
    with pytest.raises(pipeline.OutputError, match="disk full") as failure:
        Runner(stages).edition(SEED_SCRIPT, SEED_ARTICLE, tmp_path, "seed", engine=ToneEngine())
    assert closed and failure.value  # the traceback still held


class StreamingTones(ToneEngine):
    """Hands its clips over one at a time, as the speech pool does as its workers finish them."""

    def __init__(self):
        self.handed_over = 0

    def synthesize_stream(self, requests):
        clips = self.synthesize_batch(requests)

        def one_at_a_time():
            for i, clip in enumerate(clips):
                self.handed_over += 1
                yield [i], [clip]

        return one_at_a_time()


def test_each_chapter_is_given_as_soon_as_its_clips_are_spoken():
    engine = StreamingTones()
    given = [(chapter.title, engine.handed_over) for chapter in speak_chapters(SEED_SCRIPT, engine)]
    sizes = [len(chapter.utterances) for chapter in SEED_SCRIPT.chapters]
    assert given == [(c.title, sum(sizes[: i + 1])) for i, c in enumerate(SEED_SCRIPT.chapters)]
    assert speak(SEED_SCRIPT, StreamingTones()) == speak(SEED_SCRIPT, ToneEngine())


def test_sentences_handed_over_are_dropped_when_the_audio_stack_fails_to_load(tmp_path, monkeypatch):
    """Speaking starts before the audio stack is imported; a broken install (or Ctrl-C then) drops what is queued."""

    class Queued:
        closed = False

        def __iter__(self):
            return self

        def __next__(self):
            raise AssertionError("no clip is wanted once the build has failed")

        def close(self):
            self.closed = True

    class Engine(ToneEngine):
        def synthesize_stream(self, requests):
            self.queued = Queued()
            return self.queued

    def broken():
        raise ImportError("numpy is broken")

    monkeypatch.setattr(pipeline.runner, "_import_audio_stages", broken)
    engine = Engine()
    with pytest.raises(ImportError, match="numpy is broken"):
        Runner().edition(SEED_SCRIPT, SEED_ARTICLE, tmp_path, "seed", engine=engine)
    assert engine.queued.closed


def test_the_speech_pool_streams():
    assert isinstance(EnginePool(2), StreamingEngine)


def test_a_streamed_edition_is_the_same_edition(runner_edition, tmp_path):
    streamed = Runner().edition(SEED_SCRIPT, SEED_ARTICLE, tmp_path, "seed", engine=StreamingTones())
    assert open(streamed.mp3, "rb").read() == open(runner_edition.mp3, "rb").read()
