"""A deterministic speech engine for tests: speech-like tones whose length follows the text.

eSpeak's output varies slightly from run to run, so tests that compare an
edition with stored values speak through this engine instead: the same
request always gives the same samples.
"""
from __future__ import annotations

import hashlib

import numpy as np

RATE = 22050
SECONDS_PER_CHAR = 0.055  # about eSpeak's pace at 175 words a minute


class ToneEngine:
    sample_rate = RATE
    workers = 1

    def identity(self) -> str:
        return "tone-engine-1"

    def voices(self) -> list:
        return []

    def synthesize_batch(self, requests, progress=None) -> list[bytes]:
        clips = [tone(r.text, r.language, r.role) for r in requests]
        if progress:
            progress(len(clips))
        return clips


def tone(text: str, language: str = "en", role: str = "narrator") -> bytes:
    """Syllable-like bursts of a harmonic voice, with the engine's own silence at both ends."""
    digest = hashlib.sha256(f"{text}|{language}|{role}".encode()).digest()
    rng = np.random.default_rng(int.from_bytes(digest[:8], "little"))
    n = int((0.1 + SECONDS_PER_CHAR * len(text)) * RATE)
    t = np.arange(n) / RATE
    f0 = (110.0 if role == "narrator" else 170.0) * (1 + 0.05 * np.sin(2 * np.pi * 0.7 * t))
    phase = 2 * np.pi * np.cumsum(f0) / RATE
    voice = sum(np.sin(k * phase) / k for k in range(1, 8))
    syllables = np.clip(np.sin(2 * np.pi * (4.0 + rng.random()) * t), 0, None) ** 0.5
    level = (0.15 if role == "narrator" else 0.3) * (0.8 + 0.4 * rng.random())
    signal = level * voice * syllables + 0.002 * rng.standard_normal(n)
    silence = np.zeros(int(0.05 * RATE))
    pcm = np.concatenate([silence, signal, silence])
    return (np.clip(pcm, -1, 1) * 32767).astype(np.int16).tobytes()
