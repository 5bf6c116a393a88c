"""Editions as Dask tasks: one task per input, results written here as they arrive.

Each task is a pure function of its input: the client sends a local file's
bytes (workers need not see its disk) and a URL as it is (the worker fetches
it); the task builds the edition in a temporary folder on the worker and
returns its files as bytes, which the client writes atomically as they come
(``as_completed``). Nothing depends on a shared filesystem, and a task lost
with its worker is simply run again elsewhere by Dask (up to Dask's
``allowed-failures``, 3, after which that input fails with KilledWorker).

Speech: each worker process keeps one engine across tasks, made on its first
task. eSpeak allows one engine per process, so the engine is behind a
per-process lock: a worker with several threads speaks for one task at a time
while its other threads read, assemble and encode. One thread per worker, and
two worker processes per core, is what "local" starts and what we recommend
(``dask worker --nthreads 1 --nworkers 2`` per core): pyttsx3 idles half its
time in its driver's sleeps, and a second process fills those gaps.

When every worker is lost, the scheduler keeps the unfinished tasks waiting
for a worker to join; the client waits WORKERLESS_PATIENCE_S for one, then
cancels them and stops with a ClusterError saying how many editions are left.
Editions already written stay, so a rerun builds only the rest.

Only imported for ``--scheduler``: Dask takes a second to import.
"""
from __future__ import annotations

import contextlib
import dataclasses
import itertools
import json
import logging
import signal
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import dask.config
from distributed import Client, Future, LocalCluster, as_completed
from distributed.scheduler import KilledWorker

from .batch import Batch, BuildOptions, ClusterError, fetching, read_source, write_files
from .edition import build_edition
from .errors import NewscastError
from .model import Edition
from .tts.pool import default_workers
from .tts.registry import make_engine

CONNECT_TIMEOUT_S = 20
WORKERLESS_PATIENCE_S = 120.0  # how long to wait for a worker to join when there are none
TASKS_PER_THREAD = 2  # submitted ahead per worker thread: no thread idles between tasks, few pages wait in memory
MIN_IN_FLIGHT = 4  # submitted before any worker has joined
POLL_S = 0.1  # how often the client looks for finished tasks: Ctrl-C is handled between looks
WATCH_S = 2.0  # how often it asks the scheduler how many worker threads there are
# Dask's defaults cost an edition half as much CPU again (2.2 CPU-s against 1.6 in one process, on 2 cores).
LEAN_DASK = {
    # Set, glibc's trim threshold also fixes the size above which memory is mapped afresh for each array (128 kB):
    # every chapter's audio buffers then fault in their pages anew. Unset, memory freed by a worker may stay in it.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    # Watching each process many times a second for the dashboard: 0.2 CPU-s a second on an idle LocalCluster of
    # four workers, a tenth more CPU on a busy one.
    "distributed.worker.profile.enabled": False,  # samples the running task's stack every 10 ms
    "distributed.admin.tick.interval": "1s",  # 20 ms: only to warn that the event loop was blocked
    "distributed.admin.system-monitor.interval": "2s",  # 0.5 s: CPU, network and disk figures for the dashboard
    "distributed.worker.memory.monitor-interval": "1s",  # 0.1 s: a worker's memory still kept under its limit
    # A LocalCluster's workers forked from a process that has imported Dask, not each a fresh interpreter: up 3 s sooner.
    "distributed.worker.multiprocessing-method": "forkserver",
}


@dataclass(frozen=True)
class Built:
    """What a task returns: the edition (its paths as the client will write them) and its files' bytes by name."""

    edition: Edition
    files: dict[str, bytes]


def build_on_cluster(address: str, sources: list[str], out: Path, options: BuildOptions, batch: Batch, *,
                     local_workers: int | None = None) -> None:
    """Build ``sources`` as tasks on the scheduler at ``address``, writing into ``out``.

    ``address`` "local" starts a LocalCluster of ``local_workers`` processes
    (default: two per core) of one thread each, for this run, with LEAN_DASK
    (which reaches its workers through their nannies); on a cluster of one's
    own, LEAN_DASK applies to this client only (see the README for workers).
    """
    with _dask_quiet(), dask.config.set(LEAN_DASK), _client(address, local_workers or default_workers()) as client:
        _Run(client, sources, out, options, batch).run()


class _Run:
    """One batch on a cluster: a window of tasks in flight, refilled as each finishes."""

    def __init__(self, client: Client, sources: list[str], out: Path, options: BuildOptions, batch: Batch):
        self.client, self.out, self.options, self.batch = client, out, options, batch
        self.waiting: Iterator[str] = iter(sources)
        self.running: dict[Future, str] = {}
        self.finished = as_completed()
        self.keys = (f"newscast-{uuid.uuid4().hex[:8]}-{n}" for n in itertools.count())  # unique to this run
        self.threads = 0
        self.watched = 0.0
        self.workerless_since: float | None = None

    def run(self) -> None:
        try:
            self._watch()
            self._fill()
            while self.running:
                if not self.finished.has_ready():
                    self._watch()
                    time.sleep(POLL_S)
                    continue
                for future in self.finished.next_batch(block=False):
                    self._collect(future, self.running.pop(future))
                self._fill()
        finally:
            if self.running:  # interrupted or stopped: nothing more is built, nothing half-written is left
                self.client.cancel(list(self.running))

    def _fill(self) -> None:
        while len(self.running) < max(MIN_IN_FLIGHT, TASKS_PER_THREAD * self.threads):
            source = next(self.waiting, None)
            if source is None:
                return
            try:
                data = read_source(source)
            except NewscastError as exc:
                self.batch.failed(source, exc)
                continue
            future = self.client.submit(build_task, source, data, str(self.out), self.options,
                                        key=next(self.keys), pure=False)
            self.running[future] = source
            self.finished.add(future)

    def _collect(self, future: Future, source: str) -> None:
        if future.status == "finished":
            built = future.result()
            write_files(self.out, built.files)
            self.batch.built(source, built.edition)
            return
        if future.status == "error":
            error = future.exception()
            if isinstance(error, NewscastError):
                self.batch.failed(source, error)
            elif isinstance(error, KilledWorker):
                self.batch.failed(source, ClusterError(f"{source}: every worker that built it died"))
            else:
                raise error
            return
        if future.status in ("lost", "pending"):  # its result was on a worker that died since: computed again
            self.running[future] = source
            self.finished.add(future)
            return
        self._lost_scheduler()

    def _lost_scheduler(self):
        raise ClusterError(f"lost the Dask scheduler: {len(self.batch.result.built)} editions written; "
                           "rerun to build the rest")

    def _watch(self) -> None:
        """Keep the count of worker threads fresh, and give up after WORKERLESS_PATIENCE_S without any."""
        now = time.monotonic()
        if now - self.watched < WATCH_S:
            return
        self.watched = now
        try:
            self.threads = sum(self.client.nthreads().values())
        except OSError:  # Dask's CommClosedError and timeouts among them
            self._lost_scheduler()
        if self.threads:
            self.workerless_since = None
            return
        self.workerless_since = self.workerless_since or now
        if now - self.workerless_since >= WORKERLESS_PATIENCE_S:
            left = len(self.running) + sum(1 for _ in self.waiting)
            raise ClusterError(f"no Dask workers for {WORKERLESS_PATIENCE_S:.0f} s: {len(self.batch.result.built)} editions "
                               f"written, {left} not built; start workers and rerun to build the rest")


@contextlib.contextmanager
def _client(address: str, local_workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``address``, or of a LocalCluster of ``local_workers`` processes for "local"."""
    try:
        if address == "local":
            with _ctrl_c_ignored_by_children():
                cluster = LocalCluster(n_workers=local_workers, threads_per_worker=1, processes=True,
                                       host="127.0.0.1", dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            cluster, client = None, Client(address, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


@contextlib.contextmanager
def _dask_quiet() -> Iterator[None]:
    """Dask's loggers silenced: it logs its view of a lost worker or scheduler with tracebacks; we report each in a line."""
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict) if name.split(".")[0] == "distributed"]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels):
            logger.setLevel(level)


@contextlib.contextmanager
def _ctrl_c_ignored_by_children() -> Iterator[None]:
    """Worker processes started in this block ignore SIGINT (an ignored signal stays ignored in a child).

    Ctrl-C at a terminal reaches every process of the group: only this one
    should act on it, cancelling the tasks and closing the cluster, rather than
    each worker dying with a traceback. A Ctrl-C while the workers start is lost.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def build_task(source: str, data: bytes | None, out_dir: str, options: BuildOptions) -> Built:
    """On a worker: the edition of ``source`` (``data`` its bytes, or None to fetch the URL) as files in memory."""
    with tempfile.TemporaryDirectory(prefix="newscast-task-") as folder, fetching(options):
        edition = build_edition(source, folder, data=data, engine=_ProcessEngine(options),
                                **options.edition_options(source))
        placed = _moved(edition, Path(folder), Path(out_dir))
        files = {path.name: path.read_bytes() for path in Path(folder).iterdir() if not path.name.startswith(".")}
    sidecar = Path(placed.article_json).name
    record = json.loads(files[sidecar])
    record["edition"] = placed.to_dict()  # the paths where the client writes the files, not the worker's
    files[sidecar] = (json.dumps(record, ensure_ascii=False, indent=2) + "\n").encode()
    return Built(placed, files)


def _moved(edition: Edition, folder: Path, out: Path) -> Edition:
    """``edition`` with every path in ``folder`` moved to ``out``."""
    paths = {name: str(out / Path(value).name) for name, value in edition.to_dict().items()
             if isinstance(value, str) and Path(value).parent == folder}
    return dataclasses.replace(edition, **paths)


_speaking = threading.Lock()  # eSpeak allows one engine per process: one task speaks at a time
_engine = None
_engine_settings: tuple | None = None


class _ProcessEngine:
    """This worker process's one speech engine, made by its first task and kept for the next ones.

    A task with other speech settings replaces it, between batches and under
    the lock, so tasks of different batches can share a cluster.
    """

    workers = 1

    def __init__(self, options: BuildOptions):
        self._name, self._settings = options.engine, options.engine_settings()

    def _shared(self, use: Callable):
        global _engine, _engine_settings
        wanted = (self._name, tuple(sorted(self._settings.items())))
        with _speaking:
            if _engine_settings != wanted:
                if _engine is not None and hasattr(_engine, "close"):
                    _engine.close()
                _engine, _engine_settings = None, None
                _engine = make_engine(self._name, 1, **self._settings)
                _engine_settings = wanted
            return use(_engine)

    @property
    def sample_rate(self) -> int:
        return self._shared(lambda engine: engine.sample_rate)

    def identity(self) -> str:
        return self._shared(lambda engine: engine.identity())

    def synthesize_batch(self, requests, progress=None) -> list[bytes]:
        return self._shared(lambda engine: engine.synthesize_batch(requests, progress))
