"""Real signals to a real build: it stops within 2 s, with the right exit code, no files and no processes left.

Each test starts `python -m pipeline build` on a long article (half an hour of
speech, tens of seconds of work), waits until speech workers are running, then
signals it.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from process_tree import alive, catches, descendants, in_session

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the process tree from /proc")

STOP_WITHIN_S = 2.0
PATIENCE_S = 60  # generous: a hang, not a slow machine, fails these


TOWNS = ("Harwich", "Whitby", "Padstow", "Oban", "Tenby", "Kinsale", "Mevagissey", "Portree")


def long_article(path: Path, paragraphs: int = 150) -> Path:
    lines = ["Coastal towns count the cost of the winter storms", "", "By Ann Lee", ""]
    for n in range(paragraphs):
        lines += [
            f"In {TOWNS[n % len(TOWNS)]}, the harbour master said that repairs to wall number {n + 1} would take about "
            f"{n % 9 + 2} months and cost the council more than it had set aside, while residents asked for the work "
            "to start before the spring tides.",
            "",
        ]
    path.write_text("\n".join(lines))
    return path


def start_build(out: Path) -> tuple[subprocess.Popen, set[int]]:
    """A build in its own process group, once at least two speech workers are running."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    page = long_article(out.parent / "storms.txt")
    # A file, not a pipe: a worker left behind would hold a pipe open and hang the test.
    with (out.parent / "stderr").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build", str(page), "-o", str(out), "--no-cache", "--workers", "2"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log, start_new_session=True,
        )
    deadline = time.monotonic() + PATIENCE_S
    while time.monotonic() < deadline:
        workers = descendants(process.pid)
        if len(workers) >= 2:
            time.sleep(0.5)  # let them take work
            return process, descendants(process.pid)
        if process.poll() is not None:
            pytest.fail(f"the build ended before speaking: {stderr(out)}")
        time.sleep(0.05)
    process.kill()
    pytest.fail("no speech workers started")


def stderr(out: Path) -> str:
    return (out.parent / "stderr").read_text()


def assert_nothing_left(out: Path, processes: set[int]) -> None:
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in processes) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in processes if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "processes left running"
    assert not out.exists() or not any(out.iterdir()), sorted(p.name for p in out.iterdir())


@pytest.mark.parametrize(
    "signum, to_group, code",
    [
        (signal.SIGTERM, False, 143),
        (signal.SIGTERM, True, 143),
        (signal.SIGINT, True, 130),  # Ctrl-C in a terminal
    ],
    ids=["term-main", "term-group", "int-group"],
)
def test_a_signal_stops_the_build_cleanly(tmp_path, signum, to_group, code):
    out = tmp_path / "out"
    process, workers = start_build(out)
    sent = time.monotonic()
    (os.killpg if to_group else os.kill)(process.pid, signum)
    try:
        process.wait(timeout=PATIENCE_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        pytest.fail("the build did not stop")
    took = time.monotonic() - sent
    err = stderr(out)
    assert process.returncode == code, err
    assert took < STOP_WITHIN_S, f"stopped after {took:.2f} s"
    assert "Traceback" not in err and err.strip().endswith(("interrupted", "terminated"))
    assert_nothing_left(out, workers)


def test_workers_die_with_a_parent_killed_outright(tmp_path):
    out = tmp_path / "out"
    process, workers = start_build(out)
    process.kill()  # SIGKILL: the parent cannot stop anything itself
    process.wait(timeout=PATIENCE_S)
    deadline = time.monotonic() + STOP_WITHIN_S
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "speech workers outlived their parent"


# Milliseconds after the build's handlers are in place (None: the moment the first speech worker exists, as it
# forks): the workers fork about 20 ms after; some signals come before, many while they fork and start.
INTERRUPT_AT_MS = (None, None, None, None, 0, 5, 10, 15, 20, 25, 30, 40, 60, 100)
STOPS = [(signal.SIGINT, ms) for ms in INTERRUPT_AT_MS] + [(signal.SIGTERM, ms) for ms in (None, None, 10, 20, 30)]


@pytest.mark.parametrize("signum, at_ms", STOPS, ids=[f"{signal.Signals(signum).name}-{'fork' if ms is None else ms}-{i}"
                                                      for i, (signum, ms) in enumerate(STOPS)])
def test_a_signal_to_the_group_while_the_workers_start_stops_the_build_in_one_line(tmp_path, signum, at_ms):
    """Ctrl-C reaches every process of the terminal's group (a service manager's SIGTERM too): the workers,
    forked or forking, say nothing."""
    out = tmp_path / "out"
    page = long_article(tmp_path / "storms.txt")
    with (tmp_path / "stderr").open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline", "build", str(page), "-o", str(out), "--no-cache", "--workers", "4"],
            cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL, stderr=log,
            start_new_session=True,
        )
    deadline = time.monotonic() + PATIENCE_S
    # Before its handlers (SIGTERM's is the CLI's own) the interpreter is still starting: Python's own traceback.
    while not catches(process.pid, signal.SIGTERM) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    if at_ms is None:
        while not descendants(process.pid) and process.poll() is None and time.monotonic() < deadline:
            pass
    else:
        time.sleep(at_ms / 1000)
    os.killpg(process.pid, signum)
    try:
        process.wait(timeout=STOP_WITHIN_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        pytest.fail("a signal lost while the workers forked: the build ran on")
    err = (tmp_path / "stderr").read_text()
    # 130 to a shell either way: CPython (3.11) ends a `python -m` run by SIGINT itself when a KeyboardInterrupt
    # went through an exec() of a string (dataclasses make their methods so while the page code loads), caught or not.
    code, said = (130, "interrupted") if signum == signal.SIGINT else (143, "terminated")
    assert process.returncode in (code, -signal.SIGINT) and err == f"newscast: {said}\n", (process.returncode, err)
    deadline = time.monotonic() + 5
    while (left := in_session(process.pid)) and time.monotonic() < deadline:  # workers still leaving
        time.sleep(0.05)
    if left:
        os.killpg(process.pid, signal.SIGKILL)
    assert not left, "processes left running"
    assert not out.exists() or not any(out.iterdir()), sorted(p.name for p in out.iterdir())


def test_the_command_line_loads_newscast_only_once_its_handlers_are_in_place():
    """A Ctrl-C while the program's modules load is one line too: importing the command line (which happens
    before main() runs) loads none of them; main() loads them under its handlers."""
    code = "import sys, pipeline.cli; print(' '.join(sorted(m for m in sys.modules if m.startswith('pipeline'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert set(result.stdout.split()) <= {"pipeline", "pipeline.cli", "pipeline.errors", "pipeline.version"}
