"""The speech workers can start before there is anything to say: a build starts them before it reads the page,
and their engines start one core short of all at a time, so they take the cores the page reading leaves idle."""
import subprocess
import sys
import time

import pipeline.tts.pool as pool
from conftest import FIXTURES, ROOT
from pipeline.tts import Request
from pipeline.tts.pool import EnginePool

_record = None  # the file each worker notes its engine's start and end in; set before they fork


class _SlowEngine:
    """Starts in 50 ms and notes when, as a worker's engine."""

    def __init__(self, **_settings):
        began = time.monotonic()
        time.sleep(0.05)
        with open(_record, "a", encoding="utf-8") as noted:
            noted.write(f"{began} {time.monotonic()}\n")

    def synthesize_batch(self, requests):
        return [b"\1\2" * 100 for _ in requests]


def test_started_workers_start_their_engines_before_any_sentence_one_core_short_of_all_at_once(tmp_path, monkeypatch):
    global _record
    _record = tmp_path / "engines.txt"
    monkeypatch.setattr(pool, "Pyttsx3Engine", _SlowEngine)
    monkeypatch.setattr(pool, "_start_method", lambda: "fork")  # the patched engine is the workers' own
    monkeypatch.setattr(pool, "available_cores", lambda: 2)  # so one engine starts at a time
    with EnginePool(3) as engine:
        engine.start()
        engine.start()  # started once
        deadline = time.monotonic() + 10
        while (not _record.exists() or len(_record.read_text().splitlines()) < 3) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert engine.synthesize_batch([Request("Hello.", "en", "narrator")]) == [b"\1\2" * 100]
    starts = sorted(tuple(map(float, line.split())) for line in _record.read_text().splitlines())
    assert len(starts) == 3  # every worker started its engine before the first sentence, and no more started
    assert all(end <= next_began for (_, end), (next_began, _) in zip(starts, starts[1:]))


def test_a_build_starts_its_speech_workers_before_the_page_code_loads(tmp_path):
    code = f"""
import sys
sys.path.insert(0, {str(ROOT / 'tests')!r})
import pipeline.batch as batch
from tone_engine import ToneEngine

class Pool(ToneEngine):
    def start(self):
        print("started", " ".join(sorted({{"pipeline.edition", "pipeline.stages.segment"}} & set(sys.modules))) or "-")

batch.make_engine = lambda *args, **kwargs: Pool()
from pipeline.cli import main
main(["build", {str(FIXTURES / 'orchard.txt')!r}, "-o", {str(tmp_path)!r}, "--no-cache"])
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines()[0] == "started -" and (tmp_path / "orchard.mp3").exists()
