"""Parallel synthesis: worker processes, each with its own eSpeak engine.

eSpeak allows one engine per process, so parallel speech means processes.
Requests go out in small chunks and come back in order. A worker that dies
or hangs past its chunk's time limit takes the pool down with it; the
unfinished chunks are tried once more in a fresh pool, and a second failure
is reported as a SpeechError, so nothing is waited on forever.

Workers never outlive the program: the parent stops them when it is
interrupted or terminated, and a worker ends itself when its parent dies,
even by SIGKILL (the kernel's parent-death signal on Linux, and everywhere
a thread that watches the pipe from the parent).
"""
from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
import weakref
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from ..errors import SpeechError
from . import DEFAULT_WPM, Closing, Request, pyttsx3_engine
from .pyttsx3_engine import SAMPLE_RATE, TIMEOUT_BASE_S, TIMEOUT_PER_CHAR_S, Pyttsx3Engine, engine_identity

TASKS_PER_WORKER = 4  # enough tasks that no worker is left with a long tail, few enough to amortise the messaging

_worker_engine: Pyttsx3Engine | None = None
_worker_error: SpeechError | None = None


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _start_worker(voice, rate, quote_voice, parent_death_signal: bool = False) -> None:
    global _worker_engine, _worker_error  # one engine per worker process, made once
    # The worker came with the parent's handlers and these signals held (_stop_signals_held): its own first.
    # Ctrl-C, or a service manager's SIGTERM to the whole group, is the parent's to handle: it stops the workers.
    # (A worker ended by it mid-sentence would break the pool, and the parent would start a fresh one to retry.)
    for signum in _STOP_SIGNALS:
        signal.signal(signum, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    _die_with_parent(parent_death_signal)
    try:
        _worker_engine = Pyttsx3Engine(voice=voice, rate=rate, quote_voice=quote_voice)
    except SpeechError as exc:
        _worker_error = exc  # reported with the first task: a failing initializer would only break the pool


def _die_with_parent(parent_death_signal: bool) -> None:
    if parent_death_signal:
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    parent = multiprocessing.parent_process()
    if parent is not None:  # also covers a parent that died before prctl took effect
        threading.Thread(target=_exit_when_gone, args=(parent.sentinel,), daemon=True).start()


def _exit_when_gone(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])  # readable only when the parent has gone
    os._exit(1)


def _ready() -> None:
    """The task ``EnginePool.start`` submits: the first task makes the pool fork its workers."""


def _synthesize_chunk(requests: list[Request]) -> list[bytes]:
    if _worker_error is not None:
        raise _worker_error
    return _worker_engine.synthesize_batch(requests)


# pyttsx3's eSpeak driver waits for each sentence in 10 ms sleeps, idle for about half
# of its time: a second engine on the same core fills those gaps.
ENGINES_PER_CORE = 2


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_workers(cores: int | None = None) -> int:
    """Speech processes for ``cores`` cores (default: all this process may use)."""
    return ENGINES_PER_CORE * (cores or available_cores())


class EnginePool:
    """Many Pyttsx3Engines in worker processes behind the Engine interface.

    The workers start with the first batch and serve every later one, so an
    edition spoken a chapter at a time, or many editions, start them once.
    ``close()`` (or leaving a ``with`` block) stops them; so does the pool
    being garbage-collected, or the program ending.
    """

    sample_rate = SAMPLE_RATE

    def __init__(self, workers: int, voice: str | None = None, rate: int = DEFAULT_WPM, quote_voice: str | None = None):
        self.workers = workers
        self._config = (voice, int(rate), quote_voice)
        self._executor: ProcessPoolExecutor | None = None
        self._finalizer: weakref.finalize | None = None

    def __enter__(self) -> EnginePool:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        if self._finalizer is not None:
            self._finalizer()  # stops the workers, once
        self._executor = self._finalizer = None

    def _workers(self) -> ProcessPoolExecutor:
        if self._executor is None:
            method = _start_method()
            # The kernel sends the parent-death signal when the thread that forked the worker ends:
            # safe from the main thread, or from the fork server, which lives as long as we do.
            death_signal = sys.platform.startswith("linux") and (
                method == "forkserver" or threading.current_thread() is threading.main_thread()
            )
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers, mp_context=multiprocessing.get_context(method),
                initializer=_start_worker, initargs=(*self._config, death_signal),
            )
            self._finalizer = weakref.finalize(self, _stop, self._executor)
        return self._executor

    def start(self) -> None:
        """Start the workers now, so their engines are ready when the first sentences come (nothing once started).

        Called before the page is read, the workers fork from a smaller process and start their engines
        (about 25 ms of CPU each) while the page is read, not beside the encoders. Where the pool cannot fork
        (spawn or a fork server), one task starts one worker, and the rest start with the first sentences.
        """
        if self._executor is None:
            with _stop_signals_held():
                self._workers().submit(_ready)

    @property
    def rate(self) -> int:
        """Words a minute."""
        return self._config[1]

    def identity(self) -> str:
        return engine_identity(self._config)

    def synthesize_batch(self, requests: list[Request], progress: Callable[[int], None] | None = None) -> list[bytes]:
        results: list[bytes | None] = [None] * len(requests)
        with contextlib.closing(self.synthesize_stream(requests)) as stream:  # a failing progress drops the rest
            for indices, clips in stream:
                for i, clip in zip(indices, clips):
                    results[i] = clip
                if progress:
                    progress(len(indices))
        return results

    def synthesize_stream(self, requests: list[Request]) -> Iterator[tuple[list[int], list[bytes]]]:
        """The clips in groups as the workers finish them, each group with its requests' indices.

        Every request is handed to the workers before this returns (starting
        them, by fork, from the calling thread), so they speak on while the
        caller uses the first clips.
        """
        chunks = _chunks([len(r.text) for r in requests], self.workers * TASKS_PER_WORKER)
        pending = self._submit(chunks, requests)

        def drop_queued() -> None:
            # On close, the sentences still queued go and the workers stay for the next batch, also when no
            # clip was taken yet (the caller failed to import what it needed next).
            for future in pending:
                future.cancel()

        return Closing(self._stream(requests, pending), drop_queued)

    def _submit(self, chunks: list[list[int]], requests: list[Request]) -> dict[Future, list[int]]:
        try:
            return self._submit_to(self._workers(), chunks, requests)
        except BrokenProcessPool:  # a worker died while idle (before the first batch, or between two): a fresh pool
            self.close()
        try:
            return self._submit_to(self._workers(), chunks, requests)
        except BrokenProcessPool:
            self.close()
            raise SpeechError("speech workers failed twice while starting") from None

    @staticmethod
    def _submit_to(executor: ProcessPoolExecutor, chunks, requests) -> dict[Future, list[int]]:
        with _stop_signals_held():
            return {executor.submit(_synthesize_chunk, [requests[i] for i in chunk]): chunk for chunk in chunks}

    def _stream(self, requests, pending) -> Iterator[tuple[list[int], list[bytes]]]:
        failed = yield from self._collect(requests, pending)
        if failed:  # tried once more, in a fresh pool
            failed = yield from self._collect(requests, self._submit(failed, requests))
        if failed:
            raise SpeechError(f"speech workers failed twice ({len(failed)} groups of sentences unspoken)")

    def _collect(self, requests, pending) -> Generator[tuple[list[int], list[bytes]], None, list[list[int]]]:
        """Clips as ``pending`` chunks finish; returns the chunks left unfinished when a worker broke or hung.

        A broken or hung pool is stopped, and the next submission starts a fresh one.
        """
        failed: list[list[int]] = []
        try:
            while pending:
                longest = max(sum(len(requests[i].text) for i in chunk) for chunk in pending.values())
                limit = (TIMEOUT_BASE_S + TIMEOUT_PER_CHAR_S * longest) * 2
                done, _ = wait(pending, timeout=limit, return_when=FIRST_COMPLETED)
                if not done:  # nothing finished in time: a worker hangs
                    break
                for future in done:
                    chunk = pending.pop(future)
                    try:
                        clips = future.result()
                    except BrokenProcessPool:
                        failed.append(chunk)
                        continue
                    except SpeechError:
                        raise
                    except Exception as exc:  # a worker's own error, reported with its message
                        raise SpeechError(f"a speech worker failed ({exc})") from None
                    yield chunk, clips
            failed.extend(pending.values())  # left by a hung worker
        except GeneratorExit:  # the caller stopped listening (its edition failed): drop what waits, keep the workers
            for future in pending:
                future.cancel()
            raise
        except BaseException:
            self.close()  # an error or an interruption leaves no worker running or queued
            raise
        if failed:
            self.close()
        return failed


def _chunks(lengths: list[int], count: int) -> list[list[int]]:
    """Consecutive runs of indices, about ``count`` of them, each with about the same amount of text."""
    share = max(1, sum(lengths) / count)
    chunks: list[list[int]] = [[]]
    filled = 0
    for i, length in enumerate(lengths):
        if chunks[-1] and filled + length / 2 > share:
            chunks.append([])
            filled = 0
        chunks[-1].append(i)
        filled += length
    return [chunk for chunk in chunks if chunk]


@contextlib.contextmanager
def _stop_signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait while workers are forked (submitting can fork them), and come after.

    A forked worker inherits the parent's handlers: a Ctrl-C before it set its own raised KeyboardInterrupt
    in it, a traceback per worker. And one raised in the parent while os.fork ran Python's at-fork hooks
    (logging's lock) was dropped there as unraisable, and the build ran on. Held, it reaches neither: the
    workers set their own handlers before letting these signals in, and the parent takes it after the fork.
    """
    if not hasattr(signal, "pthread_sigmask"):  # not POSIX: no fork either
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _start_method() -> str:
    """fork where it is safe (fast: no imports to repeat), a fresh interpreter elsewhere."""
    if not sys.platform.startswith("linux"):
        return "spawn"
    # A forked copy of a process running eSpeak, or any other thread (a retry while
    # chapters are being encoded), would inherit locks and state without their threads.
    return "forkserver" if pyttsx3_engine.espeak_started or threading.active_count() > 1 else "fork"


STOP_GRACE_S = 0.5  # an idle worker leaves at once when told; one still busy after this is killed


def _stop(executor: ProcessPoolExecutor) -> None:
    """Shut the pool down without waiting for a hung worker.

    Idle workers are told to leave and do; only those still running after
    STOP_GRACE_S are killed. Killing workers that were about to leave could
    leave the executor's manager thread waiting for ever, and the interpreter
    joins that thread at exit, so it is joined here, with a limit. A worker
    killed while sending its clips leaves half a message that the manager
    thread would wait for for ever: once every worker is gone, the pool's own
    end of the results pipe is closed, so the reader sees the pipe end.
    """
    # The only handles on the workers, the manager thread and the results pipe: shutdown() drops them.
    processes = list((executor._processes or {}).values())
    manager, results = executor._executor_manager_thread, executor._result_queue
    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + STOP_GRACE_S
    for process in processes:
        process.join(timeout=max(0.0, deadline - time.monotonic()))
    for process in processes:
        if process.is_alive():
            process.kill()
    for process in processes:
        process.join(timeout=5)
    if results is not None and not any(process.is_alive() for process in processes):
        with contextlib.suppress(OSError):
            results._writer.close()
    if manager is not None and manager is not threading.current_thread():
        manager.join(timeout=5)
