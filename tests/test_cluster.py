"""Many editions in one run: up-to-date skipping, input lists, and real Dask clusters that lose workers."""
import contextlib
import dataclasses
import functools
import http.server
import io
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import FIXTURES
from tone_engine import ToneEngine

from pipeline import BuildOptions, ClusterError, build_edition, build_many
from pipeline.cli import main
from pipeline.batch import Batch
from pipeline.errors import ExtractionError, InputError
from pipeline.text.lexicon import load_lexicon
from pipeline.tts import Request

distributed = pytest.importorskip("distributed")
import yaml  # noqa: E402  (Dask's dependency)
from pipeline import cluster  # noqa: E402  (needs distributed)

OPTIONS = BuildOptions(lexicon=load_lexicon(None))  # what `newscast build` uses by default
PAGES = [FIXTURES / "harbour.html", FIXTURES / "orchard.txt", FIXTURES / "mercado.txt"]
SIDECARS = (".mp3", ".json", ".chapters.json", ".vtt", ".txt")
# eSpeak's output varies by a few milliseconds between runs (MP3 frames are 52 ms); a sentence lost or spoken twice is
# a second or more.
SAME_AUDIO_S = 0.25


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def editions(folder: Path) -> dict[str, dict]:
    """Each complete edition in ``folder``: its JSON sidecar's edition record by stem."""
    found = {}
    for mp3 in folder.glob("*.mp3"):
        assert all(mp3.with_suffix(suffix).exists() for suffix in SIDECARS), f"{mp3.stem} is incomplete"
        found[mp3.stem] = json.loads(mp3.with_suffix(".json").read_text())["edition"]
    return found


def assert_same_audio(built: dict, reference) -> None:
    """Chapters by title and time, and duration, as the local build made them."""
    assert [c["title"] for c in built["chapters"]] == [c.title for c in reference.chapters]
    assert built["duration"] == pytest.approx(reference.duration, abs=SAME_AUDIO_S)
    for chapter, expected in zip(built["chapters"], reference.chapters):
        assert chapter["start"] / chapter["sample_rate"] == pytest.approx(expected.start / expected.sample_rate, abs=SAME_AUDIO_S)


@pytest.fixture(scope="module")
def local_build(tmp_path_factory) -> dict:
    """The three pages built here, by the local engine, one after another: what every cluster must match."""
    built = build_many(PAGES, tmp_path_factory.mktemp("local"), OPTIONS, workers=1).built
    assert len(built) == 3
    return {Path(edition.mp3).stem: edition for edition in built}


def test_the_batch_api_is_at_the_package_root_and_loads_neither_dask_nor_the_audio_stack():
    code = ("import sys; from pipeline import build_many, BuildOptions, BatchResult, ClusterError, read_input_list; "
            "print(sorted(m for m in ('distributed', 'pipeline.edition', 'numpy') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found == "[]\n"


@contextlib.contextmanager
def serving(folder: Path):
    """``folder`` over HTTP on loopback; yields the base URL."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def test_a_local_cluster_of_two_processes_builds_every_page_and_reports_the_bad_ones(tmp_path, local_build):
    menu = tmp_path / "menu.txt"
    menu.write_text("Home\nNews\nSport\nSign in\n")
    out = tmp_path / "out"
    seen = []
    options = dataclasses.replace(OPTIONS, allow_private=True)  # the URL is on loopback: the worker must be told
    with serving(FIXTURES) as base:
        url = base + "mercado.txt"  # fetched by a worker, its edition named by its headline
        result = build_many([*PAGES, url, menu, tmp_path / "gone.html"], out, options, scheduler="local", workers=2,
                            report=lambda outcome, tally: seen.append(tally))
        assert build_many([url], out, options).skipped == [url]
    built = editions(out)
    assert len(built) == 4 and set(local_build) < set(built)
    for stem, edition in local_build.items():
        assert_same_audio(built[stem], edition)
    assert [p for p in out.iterdir() if p.suffix not in (".mp3", ".json", ".vtt", ".txt")] == []  # nothing partial
    errors = {Path(source).name: error for source, error in result.failed}
    assert isinstance(errors["menu.txt"], ExtractionError)  # raised on a worker, reported here
    assert isinstance(errors["gone.html"], InputError) and "no such file" in str(errors["gone.html"])  # read here
    assert (seen[-1].done, seen[-1].total, seen[-1].failed, seen[-1].eta) == (6, 6, 2, 0)
    fingerprints = []
    for edition in result.built:  # the paths are the client's, not the worker's temporary folder
        record = json.loads(Path(edition.article_json).read_text())["edition"]
        assert record["mp3"] == edition.mp3 == str(out / Path(edition.mp3).name) and record["duration"] > 20
        fingerprints.append(record["fingerprint"])
    assert sorted(fingerprints) == sorted([OPTIONS.fingerprint(str(PAGES[0]))] * 3 + [OPTIONS.fingerprint(url)])

    again = build_many([*PAGES], out, OPTIONS, scheduler="tcp://127.0.0.1:9")  # no scheduler there: none needed
    assert len(again.skipped) == 3 and not again.built and not again.failed


def test_each_worker_process_keeps_one_engine_and_speaks_for_one_task_at_a_time(monkeypatch):
    made, speaking, overlaps = [], [], []

    class SlowTones(ToneEngine):
        def synthesize_batch(self, requests, progress=None):
            speaking.append(1)
            overlaps.append(len(speaking))
            time.sleep(0.02)
            speaking.pop()
            return super().synthesize_batch(requests, progress)

    monkeypatch.setattr(cluster, "make_engine", lambda name, workers, **settings: made.append(settings) or SlowTones())
    monkeypatch.setattr(cluster, "_engine", None)
    monkeypatch.setattr(cluster, "_engine_settings", None)
    tasks = [threading.Thread(target=cluster._ProcessEngine(OPTIONS).synthesize_batch, args=([Request("Hello.", "en", "narrator")],))
             for _ in range(4)]
    for task in tasks:
        task.start()
    for task in tasks:
        task.join()
    assert len(made) == 1 and max(overlaps) == 1
    cluster._ProcessEngine(dataclasses.replace(OPTIONS, rate=220)).synthesize_batch([Request("Hi.", "en", "narrator")])
    assert len(made) == 2 and made[-1]["rate"] == 220  # other settings: the one engine is replaced


def test_an_edition_made_from_a_url_is_up_to_date_unless_forced_or_options_change(tmp_path):
    url = "http://127.0.0.1:9/orchard"  # a loopback address, refused: only a skipped URL can succeed
    build_edition(FIXTURES / "orchard.txt", tmp_path, engine=ToneEngine(), fingerprint=OPTIONS.fingerprint(url))
    assert build_many([url], tmp_path, OPTIONS).skipped == [url]
    assert [s for s, _ in build_many([url], tmp_path, OPTIONS, force=True).failed] == [url]
    assert [s for s, _ in build_many([url], tmp_path, dataclasses.replace(OPTIONS, rate=200)).failed] == [url]
    assert [s for s, _ in build_many(["http://127.0.0.1:9/other"], tmp_path, OPTIONS).failed] == ["http://127.0.0.1:9/other"]


def test_an_input_list_without_a_scheduler(tmp_path):
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"# morning run\n\n{FIXTURES / 'orchard.txt'}\n  {tmp_path / 'gone.txt'}  \n")
    code, stdout, stderr = run("build", "--inputs", str(listing), "-o", str(tmp_path / "out"), "--workers", "1")
    assert code == 2 and "orchard.mp3" in stdout
    assert "[2/2] newscast: load:" in stderr and "1 of 2 inputs failed" in stderr
    code, _, stderr = run("build", "--inputs", str(tmp_path / "nothing.txt"), "-o", str(tmp_path / "out"))
    assert code == 2 and stderr == f"newscast: load: {tmp_path / 'nothing.txt'}: no such input list\n"


def test_an_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT_S", 1)
    code, _, stderr = run("build", str(FIXTURES / "orchard.txt"), "--scheduler", "tcp://127.0.0.1:9", "-o", str(tmp_path))
    assert code == 6 and stderr.startswith("newscast: cluster: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert stderr.count("\n") == 1 and list(tmp_path.iterdir()) == []


def lean_dask_folder(folder: Path) -> Path:
    """A Dask config folder holding cluster.LEAN_DASK as YAML: what the README has workers of one's own use."""
    nested: dict = {}
    for dotted, value in cluster.LEAN_DASK.items():
        *parents, key = dotted.split(".")
        place = nested
        for parent in parents:
            place = place.setdefault(parent, {})
        place[key] = value
    (folder / "dask").mkdir()
    (folder / "dask" / "newscast.yaml").write_text(yaml.safe_dump(nested))
    return folder / "dask"


@contextlib.contextmanager
def loopback_cluster(folder: Path, names):
    """`dask scheduler` and one `dask worker` process per name, on 127.0.0.1 only, lean; killed at the end."""
    started = []
    environment = {**os.environ, "DASK_CONFIG": str(lean_dask_folder(folder))}

    def start(*argv, log):
        started.append(subprocess.Popen([sys.executable, "-m", "dask", *argv], start_new_session=True, env=environment,
                                        stdout=subprocess.DEVNULL, stderr=(folder / log).open("wb")))
        return started[-1]

    address_file = folder / "scheduler.json"
    try:
        start("scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard", "--dashboard-address", "127.0.0.1:0", "--scheduler-file", str(address_file), log="scheduler.log")
        workers = {name: start("worker", "--scheduler-file", str(address_file), "--host", "127.0.0.1", "--nthreads", "1",
                               "--name", name, "--no-dashboard", "--dashboard-address", "127.0.0.1:0", log=f"{name}.log") for name in names}
        client = distributed.Client(scheduler_file=str(address_file), timeout=60)
        client.wait_for_workers(len(names), timeout=120)
        with client:
            yield client.scheduler.address, client, workers
    finally:
        for process in started:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def worker_names(client) -> dict[str, str]:
    return {address: info["name"] for address, info in client.scheduler_info(n_workers=-1)["workers"].items()}


def newscast(*argv) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "pipeline", *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = condition()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_an_edition_whose_worker_dies_before_it_is_collected_is_built_again(tmp_path):
    """A worker may die between finishing a task and the client taking its result: the result is lost, not
    the scheduler, and the edition is built again on another worker."""
    with loopback_cluster(tmp_path, ["left", "right"]) as (_address, client, workers):
        batch, out = Batch(1, None), tmp_path / "out"
        out.mkdir()
        run = cluster._Run(client, [str(PAGES[1])], out, OPTIONS, batch)
        run._fill()
        [future] = run.running
        distributed.wait(future)
        [holder] = client.who_has(future)[future.key]
        os.killpg(workers[worker_names(client)[holder]].pid, signal.SIGKILL)
        wait_for(lambda: future.status != "finished", 30)
        run.run()
    assert [Path(edition.mp3).name for edition in batch.result.built] == ["orchard.mp3"] and not batch.result.failed
    assert (out / "orchard.mp3").exists()


def test_a_loopback_cluster_loses_a_worker_mid_run_then_is_interrupted_then_loses_every_worker(tmp_path, monkeypatch,
                                                                                                   local_build):
    inputs = list(PAGES)
    reference = dict(local_build)
    for page in PAGES[:2]:  # five inputs: enough that a worker is still busy after the first edition
        inputs.append(tmp_path / f"{page.stem}-again{page.suffix}")
        inputs[-1].write_bytes(page.read_bytes())
        reference[inputs[-1].stem] = local_build[page.stem]  # the same page: the same edition
    listing = tmp_path / "inputs.txt"
    listing.write_text("".join(f"{source}\n" for source in inputs))

    out = tmp_path / "cluster"
    with loopback_cluster(tmp_path, ["left", "right"]) as (address, client, workers):
        # The README's worker configuration took: glibc's trimming left alone, no profiling.
        assert list(client.run(os.environ.get, "MALLOC_TRIM_THRESHOLD_").values()) == [None, None]
        assert list(client.run(lambda dask_worker: "profile" in dask_worker.periodic_callbacks).values()) == [False] * 2
        build = newscast("build", "--inputs", str(listing), "--scheduler", address, "-o", str(out))
        # Mid-run: an edition is written and a worker is building another. That worker goes, as a machine would.
        busy = wait_for(lambda: list(out.glob("*.json")) and [a for a, keys in client.processing().items() if keys])
        survivor = ({"left", "right"} - {worker_names(client)[busy[0]]}).pop()
        os.killpg(workers[worker_names(client)[busy[0]]].pid, signal.SIGKILL)
        stdout, stderr = build.communicate(timeout=300)
        assert build.returncode == 0, stderr
        assert list(worker_names(client).values()) == [survivor]  # the other really was gone
        built = editions(out)
        assert sorted(built) == sorted(reference)
        for stem, edition in built.items():
            assert_same_audio(edition, reference[stem])
        assert len(stdout.splitlines()) == 5 and "[5/5] built" in stderr

        # Ctrl-C: the run stops at once, with whole editions only, and its tasks are cancelled.
        stopped = tmp_path / "stopped"
        build = newscast("build", "--inputs", str(listing), "--scheduler", address, "-o", str(stopped))
        wait_for(lambda: list(stopped.glob("*.json")))
        build.send_signal(signal.SIGINT)
        _, stderr = build.communicate(timeout=60)
        assert build.returncode == 130 and "interrupted" in stderr and "Traceback" not in stderr
        assert [p.name for p in stopped.iterdir() if p.name.startswith(".")] == []  # no partial files
        assert 1 <= len(editions(stopped)) < 5
        wait_for(lambda: not any(client.processing().values()), 30)

        # Every worker lost: the client waits WORKERLESS_PATIENCE_S for one, then stops, saying what is left.
        os.killpg(workers[survivor].pid, signal.SIGKILL)
        wait_for(lambda: not client.nthreads(), 30)
        monkeypatch.setattr(cluster, "WORKERLESS_PATIENCE_S", 1.0)
        with pytest.raises(ClusterError, match=r"no Dask workers for 1 s: 0 editions written, 1 not built"):
            build_many([PAGES[0]], tmp_path / "none", OPTIONS, scheduler=address)
        assert list((tmp_path / "none").iterdir()) == []

    # The cluster is gone: a rerun finds every edition up to date before it would need one.
    code, stdout, stderr = run("build", "--inputs", str(listing), "--scheduler", address, "-o", str(out))
    assert code == 0 and stdout == "" and stderr.count("up to date") == 5
