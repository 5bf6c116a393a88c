"""Shared fixtures: the seed, one built edition of it, and an independent MP3 reader (ffmpeg)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import numpy as np
import pytest

import pipeline

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_88c1d4bd90c12416.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def engine():
    return pipeline.Pyttsx3Engine()


@pytest.fixture(scope="session")
def seed_article():
    return pipeline.segment(pipeline.clean(pipeline.load(SEED)))


@pytest.fixture(scope="session")
def seed_edition(tmp_path_factory, engine):
    out = tmp_path_factory.mktemp("edition")
    return pipeline.build_edition(SEED, out, engine=engine)


def _ffmpeg() -> str:
    imageio_ffmpeg = pytest.importorskip("imageio_ffmpeg")
    return imageio_ffmpeg.get_ffmpeg_exe()


def decode_mp3(path, rate: int = 22050) -> np.ndarray:
    """The MP3 decoded by ffmpeg (not by anything newscast uses), as float samples."""
    raw = subprocess.run(
        [_ffmpeg(), "-v", "error", "-i", str(path), "-f", "s16le", "-ac", "1", "-ar", str(rate), "-"],
        capture_output=True, check=True,
    ).stdout
    return np.frombuffer(raw, dtype=np.int16).astype(np.float64) / 32768.0


def ffmpeg_chapters(path) -> list[tuple[str, float, float]]:
    """(title, start s, end s) of each chapter as ffmpeg reads the ID3 CHAP frames, in its order."""
    text = subprocess.run(
        [_ffmpeg(), "-v", "error", "-i", str(path), "-f", "ffmetadata", "-"], capture_output=True, text=True, check=True
    ).stdout
    chapters = []
    for block in text.split("[CHAPTER]")[1:]:
        fields = dict(re.findall(r"^(\w+)=(.*)$", block, re.M))
        num, den = fields["TIMEBASE"].split("/")
        scale = int(num) / int(den)
        chapters.append((fields["title"], int(fields["START"]) * scale, int(fields["END"]) * scale))
    return chapters


@pytest.fixture(autouse=True, scope="session")
def private_speech_cache(tmp_path_factory):
    """The CLI caches speech under the user's cache folder: tests use their own."""
    import os

    previous = os.environ.get("NEWSCAST_CACHE")
    os.environ["NEWSCAST_CACHE"] = str(tmp_path_factory.mktemp("speech-cache"))
    yield
    if previous is None:
        os.environ.pop("NEWSCAST_CACHE", None)
    else:
        os.environ["NEWSCAST_CACHE"] = previous
