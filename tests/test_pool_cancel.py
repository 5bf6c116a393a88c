"""A batch the caller stops taking is dropped from the speech pool's queue, even before its first clip:
an engine shared by several editions does not speak a failed edition's sentences."""
import time

import pipeline.tts.pool as pool
from pipeline.tts import Request
from pipeline.tts.pool import EnginePool

_record = None  # the file the workers note each sentence in; set before they fork


def _no_engine(*_settings) -> None:
    """The workers' start, without eSpeak: these workers only note what they are given."""


def _speak_slowly(requests: list[Request]) -> list[bytes]:
    time.sleep(0.02)
    with open(_record, "a", encoding="utf-8") as noted:
        noted.write("".join(f"{request.text}\n" for request in requests))
    return [b"\1\2" * 100 for _ in requests]


def test_a_batch_closed_before_its_first_clip_is_not_spoken(tmp_path, monkeypatch):
    global _record
    _record = tmp_path / "spoken.txt"
    monkeypatch.setattr(pool, "_start_worker", _no_engine)
    monkeypatch.setattr(pool, "_synthesize_chunk", _speak_slowly)
    monkeypatch.setattr(pool, "_start_method", lambda: "fork")  # the patched functions are the workers' own
    with EnginePool(1) as engine:
        dropped = engine.synthesize_stream([Request(f"dropped {i:02}", "en", "narrator") for i in range(40)])
        dropped.close()  # never iterated: the caller failed before it wanted a clip
        assert engine.synthesize_batch([Request("wanted", "en", "narrator")]) == [b"\1\2" * 100]
    spoken = _record.read_text(encoding="utf-8").split("\n")
    assert "wanted" in spoken
    # Only the groups already handed to the worker (one running, one waiting) are spoken.
    assert sum(line.startswith("dropped") for line in spoken) <= 2 * 40 // pool.TASKS_PER_WORKER
