"""Many editions in one run, here or on a Dask cluster: one code path for what is skipped, failed and reported.

``build_many`` first drops every input whose edition is up to date, so a
rerun after a crash only does what is missing; then it builds the rest,
either one after another in this process (its speech worker pool shared by
all of them) or as one Dask task each (``scheduler=``, see cluster.py; Dask
is imported only then). A failing input is reported and the rest go on.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, NewscastError, OutputError
from .output import DEFAULT_BITRATE, prepare_output, safe_name
from .model import Edition
from .stages.load import _read as read_page_bytes  # the one reader of files and stdin: size cap, one-line errors
from .stages.speak import Progress
from .tts.cache import SPOKEN, SpeechCache
from .tts.pool import default_workers
from .tts.registry import DEFAULT_ENGINE, default_rate, make_engine
from .version import __version__
from .web import is_url, private_urls_allowed

# The fingerprint in an edition's JSON sidecar: read without parsing the article before it.
_SIDECAR_FINGERPRINT = re.compile(rb'"fingerprint": "([0-9a-f]+)"')


class ClusterError(NewscastError):
    """The Dask scheduler could not be reached, or every worker was lost."""

    stage = "cluster"
    exit_code = 6


@dataclass(frozen=True)
class BuildOptions:
    """Everything besides the input that decides an edition: the same for every input of a batch."""

    engine: str = DEFAULT_ENGINE
    voice: str | None = None
    quote_voice: str | None = None
    rate: int | None = None  # words a minute; None: the engine's own default
    bitrate: int = DEFAULT_BITRATE
    sample_rate: int | None = None
    formats: tuple[str, ...] = ("mp3",)
    lexicon: Mapping[str, str] = field(default_factory=dict)
    allow_private: bool = False  # fetch URLs on private addresses too (the same edition either way)

    def __post_init__(self) -> None:
        if self.rate is None:  # resolved here, so a fingerprint names the rate spoken at
            object.__setattr__(self, "rate", default_rate(self.engine))

    def engine_settings(self) -> dict:
        return {"voice": self.voice, "rate": self.rate, "quote_voice": self.quote_voice}

    def fingerprint(self, source: str) -> str:
        """What an edition's sidecar records; a URL's includes the URL, so its edition can be found by it."""
        material = dict(
            self.engine_settings(), engine=self.engine, bitrate=self.bitrate, sample_rate=self.sample_rate,
            formats=sorted(set(self.formats) - {"mp3"}), lexicon=dict(self.lexicon),
        )
        if is_url(source):
            material["url"] = source
        return options_fingerprint(**material)

    def edition_options(self, source: str) -> dict:
        """build_edition's keyword arguments for ``source``, but the engine."""
        return dict(rate=self.rate, bitrate=self.bitrate, sample_rate=self.sample_rate, formats=self.formats,
                    lexicon=dict(self.lexicon), fingerprint=self.fingerprint(source))


@dataclass(frozen=True)
class Tally:
    """Where a batch stands: inputs finished (built, skipped or failed) of all, failures, seconds left (None: unknown)."""

    done: int
    total: int
    failed: int
    eta: float | None


@dataclass(frozen=True)
class Outcome:
    """One input finished: its edition, or the error that stopped it, or skipped as up to date."""

    source: str
    edition: Edition | None = None
    error: NewscastError | None = None

    @property
    def skipped(self) -> bool:
        return self.edition is None and self.error is None


@dataclass
class BatchResult:
    built: list[Edition] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, NewscastError]] = field(default_factory=list)


Report = Callable[[Outcome, Tally], None]


class Batch:
    """Counts outcomes as they come, estimates the time left from the editions built so far, and reports each."""

    def __init__(self, total: int, report: Report | None):
        self.result = BatchResult()
        self.total = total
        self._report = report
        self._began = time.monotonic()
        self._to_build = total

    def skipped(self, source: str) -> None:
        self.result.skipped.append(source)
        self._to_build -= 1
        self._tell(Outcome(source))

    def built(self, source: str, edition: Edition) -> None:
        self.result.built.append(edition)
        self._tell(Outcome(source, edition=edition))

    def failed(self, source: str, error: NewscastError) -> None:
        self.result.failed.append((source, error))
        self._tell(Outcome(source, error=error))

    def start_building(self) -> None:
        """The clock for the estimate starts after the skipping, which is quick and says nothing of build speed."""
        self._began = time.monotonic()

    def _tell(self, outcome: Outcome) -> None:
        if self._report is None:
            return
        result = self.result
        done = len(result.built) + len(result.skipped) + len(result.failed)
        attempted = len(result.built) + len(result.failed)
        eta = None
        if attempted and not outcome.skipped:
            eta = (time.monotonic() - self._began) / attempted * (self._to_build - attempted)
        self._report(outcome, Tally(done, self.total, len(result.failed), eta))


def build_many(
    inputs: Iterable[str | Path],
    out_dir: str | Path = "audio_out",
    options: BuildOptions = BuildOptions(),
    *,
    scheduler: str | None = None,
    force: bool = False,
    workers: int | None = None,
    cache: SpeechCache | None = None,
    report: Report | None = None,
    speaking: Callable[[str], Progress | None] | None = None,
) -> BatchResult:
    """One edition per input (a path, a URL or "-"), skipping those up to date unless ``force``.

    Without ``scheduler`` the editions are made here, one after another, with
    ``workers`` speech processes (default: two per core) and speech ``cache``;
    ``speaking(source)`` may give a per-sentence progress callback. With
    ``scheduler`` (a Dask address such as ``tcp://host:8786``, or "local" for a
    LocalCluster of ``workers`` processes) each is a Dask task: see
    ``pipeline.cluster``. ``report`` is called
    with each input's Outcome and the batch's Tally as it finishes.
    A NewscastError costs only its input: it is in the result's ``failed``.
    """
    out = prepare_output(out_dir)
    sources = list(dict.fromkeys(str(source) for source in inputs))  # an input listed twice is built once
    batch = Batch(len(sources), report)
    made_from = set() if force else _url_fingerprints(out, sources)
    of_files = options.fingerprint("")  # the same for every file
    todo = []
    for source in sources:
        if not force and _up_to_date(source, out, options, of_files, made_from):
            batch.skipped(source)
        else:
            todo.append(source)
    batch.start_building()
    if not todo:
        return batch.result
    workers = workers or default_workers()
    if scheduler is None:
        _build_here(todo, out, options, workers, cache, batch, speaking)
    else:
        from .cluster import build_on_cluster  # Dask is a heavy import: only for a cluster build

        build_on_cluster(scheduler, todo, out, options, batch, local_workers=workers)
    return batch.result


def read_input_list(path: str | Path) -> list[str]:
    """The inputs listed in a file, one path or URL a line; blank lines and lines starting with # are skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such input list") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the input list ({getattr(exc, 'strerror', None) or exc})") from None
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _build_here(todo, out: Path, options: BuildOptions, workers: int, cache, batch: Batch, speaking) -> None:
    engine = None  # made on first need, then shared by every edition
    try:
        with fetching(options):
            for source in todo:
                try:
                    # Read first, once: a missing or unreadable file is reported before the page and audio code loads.
                    data = read_source(source)
                    spoken = _spoken_key(data, options) if cache is not None and data is not None else None
                    spoken_before = spoken is not None and cache.get(spoken, SPOKEN) is not None
                    if engine is None:
                        # Its workers start now, while the page code loads and the page is read, unless every
                        # sentence is likely cached: they would start for nothing (and otherwise start with the first).
                        engine = make_engine(options.engine, workers, start=not spoken_before,
                                             **options.engine_settings())
                    from .edition import build_edition

                    edition = build_edition(source, out, data=data, engine=engine, workers=workers, cache=cache,
                                            progress=speaking(source) if speaking else None,
                                            **options.edition_options(source))
                except NewscastError as exc:
                    batch.failed(source, exc)
                    continue
                if spoken is not None and not spoken_before:
                    cache.put(spoken, kind=SPOKEN)
                batch.built(source, edition)
    finally:
        if engine is not None and hasattr(engine, "close"):
            engine.close()


def _spoken_key(data: bytes, options: BuildOptions) -> str:
    """The key of the SPOKEN entry for a page's bytes spoken with these options' engine, voices, rate and lexicon
    (its bit rate or formats change no sentence)."""
    speech = options_fingerprint(engine=options.engine, lexicon=dict(options.lexicon), **options.engine_settings())
    return hashlib.sha256(speech.encode() + b"\0" + data).hexdigest()


def fetching(options: BuildOptions) -> contextlib.AbstractContextManager:
    """Private URLs allowed when the options say so, else as the caller's context says (the CLI sets both)."""
    return private_urls_allowed() if options.allow_private else contextlib.nullcontext()


def options_fingerprint(**options) -> str:
    """A short hash of everything besides the input that decides an edition's files."""
    material = json.dumps({"newscast": __version__, **options}, sort_keys=True, default=str)
    return hashlib.sha256(material.encode()).hexdigest()[:16]


def is_up_to_date(source: str | Path, out_dir: str | Path, fingerprint: str) -> bool:
    """True when ``source`` is a file whose edition in ``out_dir`` is newer and was built with the same options."""
    source = str(source)
    if source == "-" or is_url(source):
        return False  # stdin is new each time; a URL's edition is found by its fingerprint instead
    stem = safe_name(Path(source).name.split(".")[0])  # the name build_edition gives a file's edition
    mp3 = Path(out_dir) / f"{stem}.mp3"
    try:
        if mp3.stat().st_mtime < Path(source).stat().st_mtime:
            return False
    except OSError:
        return False
    return _fingerprint_of(mp3.with_suffix(".json")) == fingerprint


def _up_to_date(source: str, out: Path, options: BuildOptions, of_files: str, made_from: set[str]) -> bool:
    """A file's edition newer than it with the same options; a URL's, made from that URL with the same options."""
    if is_url(source):
        return options.fingerprint(source) in made_from
    return is_up_to_date(source, out, of_files)


def _url_fingerprints(out: Path, sources: list[str]) -> set[str]:
    """The fingerprints of the complete editions in ``out``: looked up only when there are URLs to skip."""
    if not any(is_url(source) for source in sources):
        return set()
    sidecars = (path for path in out.glob("*.json") if not path.name.endswith(".chapters.json"))
    return {found for path in sidecars if path.with_suffix(".mp3").exists() and (found := _fingerprint_of(path))}


def _fingerprint_of(sidecar: Path) -> str | None:
    """The options fingerprint an edition's JSON sidecar records, found without parsing the article before it."""
    try:
        matches = _SIDECAR_FINGERPRINT.findall(sidecar.read_bytes())
    except OSError:
        return None
    return matches[-1].decode() if matches else None


def read_source(source: str) -> bytes | None:
    """A local input's bytes, read here so that workers need not see this disk; None for a URL, which workers fetch."""
    return None if is_url(source) else read_page_bytes(source)


def write_files(out: Path, files: Mapping[str, bytes]) -> None:
    """Write an edition's files under temporary names and rename them into place, the JSON sidecar last.

    is_up_to_date reads the sidecar, so an edition interrupted between renames
    is built again; an interruption before them leaves nothing behind.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for name in sorted(files, key=lambda n: n.endswith(".json") and not n.endswith(".chapters.json")):
            fd, temporary = tempfile.mkstemp(prefix=".newscast-", suffix=".part", dir=out)
            staged.append((Path(temporary), out / name))
            with os.fdopen(fd, "wb") as fh:
                fh.write(files[name])
            os.chmod(temporary, 0o644)  # mkstemp makes owner-only files; an edition is meant to be shared
        for temporary, final in staged:
            os.replace(temporary, final)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write the edition ({exc.strerror or exc})") from None
    finally:
        for temporary, _final in staged:
            with contextlib.suppress(FileNotFoundError):
                temporary.unlink()
