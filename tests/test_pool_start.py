"""The speech workers can start before there is anything to say: a build starts them before it reads the page."""
import subprocess
import sys
import time

import pipeline.tts.pool as pool
from conftest import FIXTURES, ROOT
from pipeline.tts import Request
from pipeline.tts.pool import EnginePool
from pipeline.tts.registry import make_engine

_record = None  # the file each worker notes its engine's start in; set before they fork


class _SlowEngine:
    """Starts in 50 ms and notes that it did, as a worker's engine."""

    def __init__(self, **_settings):
        time.sleep(0.05)
        with open(_record, "a", encoding="utf-8") as noted:
            noted.write("started\n")

    def synthesize_batch(self, requests):
        return [b"\1\2" * 100 for _ in requests]


def test_started_workers_start_their_engines_before_any_sentence(tmp_path, monkeypatch):
    global _record
    _record = tmp_path / "engines.txt"
    monkeypatch.setattr(pool, "Pyttsx3Engine", _SlowEngine)
    monkeypatch.setattr(pool, "_start_method", lambda: "fork")  # the patched engine is the workers' own
    with EnginePool(3) as engine:
        engine.start()
        engine.start()  # started once
        deadline = time.monotonic() + 10
        while (not _record.exists() or len(_record.read_text().splitlines()) < 3) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _record.exists() and len(_record.read_text().splitlines()) == 3  # before the first sentence
        assert engine.synthesize_batch([Request("Hello.", "en", "narrator")]) == [b"\1\2" * 100]
    assert len(_record.read_text().splitlines()) == 3  # and only once


def test_an_engine_made_to_start_has_its_workers_ready_before_any_sentence(tmp_path, monkeypatch):
    global _record
    _record = tmp_path / "engines.txt"
    monkeypatch.setattr(pool, "Pyttsx3Engine", _SlowEngine)
    monkeypatch.setattr(pool, "_start_method", lambda: "fork")
    with make_engine("pyttsx3", 2, start=True) as engine:
        deadline = time.monotonic() + 10
        while (not _record.exists() or len(_record.read_text().splitlines()) < 2) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert _record.exists() and len(_record.read_text().splitlines()) == 2
    with make_engine("pyttsx3", 2) as engine:  # started with its first sentences instead
        time.sleep(0.2)
        assert len(_record.read_text().splitlines()) == 2 and isinstance(engine, EnginePool)


def test_a_build_starts_its_speech_workers_before_the_page_code_loads(tmp_path):
    code = f"""
import sys
sys.path.insert(0, {str(ROOT / 'tests')!r})
import pipeline.batch as batch
from tone_engine import ToneEngine

def make_engine(*args, start=False, **kwargs):
    print("started" if start else "made", " ".join(sorted({{"pipeline.edition", "pipeline.stages.segment"}} & set(sys.modules))) or "-")
    return ToneEngine()

batch.make_engine = make_engine
from pipeline.cli import main
main(["build", {str(FIXTURES / 'orchard.txt')!r}, "-o", {str(tmp_path)!r}, "--no-cache"])
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines()[0] == "started -" and (tmp_path / "orchard.mp3").exists()


def test_a_rebuild_whose_every_sentence_is_cached_starts_no_workers_before_the_page_is_read(tmp_path, monkeypatch):
    import pipeline.batch as batch
    from pipeline.cli import main
    from tone_engine import ToneEngine

    asked = []

    def make_engine(*_args, start=False, **_settings):
        asked.append(start)
        return ToneEngine()

    monkeypatch.setattr(batch, "make_engine", make_engine)
    monkeypatch.setenv("NEWSCAST_CACHE", str(tmp_path / "cache"))
    page = tmp_path / "orchard.txt"
    page.write_bytes((FIXTURES / "orchard.txt").read_bytes())
    build = ["build", str(page), "-o", str(tmp_path / "out"), "--force"]
    assert main(build) == 0 and main(build) == 0  # cold, then every sentence cached
    page.write_text(page.read_text(encoding="utf-8").replace(" the ", " the very ", 1), encoding="utf-8")
    assert main(build) == 0  # a sentence changed: it is spoken, so the workers start early again
    assert main(build + ["--bitrate", "96"]) == 0  # the same sentences, cached: only the encoding differs
    assert main(build + ["--rate", "170"]) == 0  # other sentences
    assert asked == [True, False, True, False, True] and (tmp_path / "out" / "orchard.mp3").exists()
