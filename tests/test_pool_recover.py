"""A speech worker that dies while idle (killed between two editions of a batch, or before the first
sentence) costs nothing: the next batch goes to a fresh pool, not a traceback."""
import os
import signal
import time

import pipeline.tts.pool as pool
from pipeline.tts import Request
from pipeline.tts.pool import EnginePool


def _no_engine(*_settings) -> None:
    """The workers' start, without eSpeak."""


def _speak(requests: list[Request]) -> list[bytes]:
    return [b"\1\2" * len(request.text) for request in requests]


def test_a_worker_killed_while_idle_is_replaced(monkeypatch):
    monkeypatch.setattr(pool, "_start_worker", _no_engine)
    monkeypatch.setattr(pool, "_synthesize_chunk", _speak)
    monkeypatch.setattr(pool, "_start_method", lambda: "fork")  # the patched functions are the workers' own
    with EnginePool(2) as engine:
        engine.start()
        assert engine.synthesize_batch([Request("Before.", "en", "narrator")]) == [b"\1\2" * 7]
        os.kill(next(iter(engine._executor._processes)), signal.SIGKILL)  # the OOM killer, say
        deadline = time.monotonic() + 10
        while not engine._executor._broken and time.monotonic() < deadline:
            time.sleep(0.01)
        assert engine.synthesize_batch([Request("After.", "en", "narrator")]) == [b"\1\2" * 6]
