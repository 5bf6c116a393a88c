"""Each command imports only what it uses, so start-up stays short: checked in fresh interpreters."""
import subprocess
import sys

import pytest
from conftest import FIXTURES, ROOT

AUDIO = ("numpy", "scipy", "pyloudnorm", "pydub", "mutagen", "pyttsx3")


def loaded_after(argv: list[str]) -> set[str]:
    code = (
        "import io, sys\n"
        "from pipeline.cli import main\n"
        f"main({argv!r}, stdout=io.StringIO(), stderr=io.StringIO())\n"
    )
    return modules_loaded_by(code)


def modules_loaded_by(code: str) -> set[str]:
    """The top-level modules a fresh interpreter holds after running ``code``."""
    code += "\nprint(' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(result.stdout.split())


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["feed", "{tmp}", "--base-url", "https://example.org/"]])
def test_help_and_feed_load_no_page_or_audio_code(argv, tmp_path):
    loaded = loaded_after([arg.format(tmp=tmp_path) for arg in argv])
    assert not loaded & {*AUDIO, "trafilatura", "lxml"}


def test_listing_voices_loads_only_the_engines():
    assert not loaded_after(["voices"]) & {"numpy", "scipy", "pyloudnorm", "pydub", "mutagen", "trafilatura", "lxml"}


def test_reading_a_page_copy_loads_no_audio_code():
    for command in ("segment", "script"):
        assert not loaded_after([command, str(FIXTURES / "orchard.txt")]) & set(AUDIO)


def test_building_loads_no_scipy():
    """Loudness, limiting and resampling are numpy and soxr: scipy alone took a second to import."""
    code = "import sys, pipeline.edition, pipeline.batch, pipeline.output.writer; print('scipy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("count", [1, 2])
def test_missing_inputs_are_reported_before_the_audio_stack_loads(tmp_path, count):
    missing = [str(tmp_path / f"missing{i}.html") for i in range(count)]
    assert not loaded_after(["build", *missing, "-o", str(tmp_path / "out")]) & {*AUDIO, "trafilatura", "lameenc"}


def test_speech_workers_check_their_clips_for_sound_without_numpy():
    """Workers fork before the build imports numpy: their check of each clip must not import it."""
    code = (
        "import array, sys\n"
        "from pipeline.tts.pyttsx3_engine import _has_sound\n"
        "speech = array.array('h', [0] * 3000 + [(-1) ** i * 2000 for i in range(20000)]).tobytes()\n"
        "quiet = array.array('h', [(-1) ** i * 250 for i in range(50000)]).tobytes()\n"
        "print(_has_sound(speech), _has_sound(quiet), _has_sound(bytes(44100)), _has_sound(speech[:400]), 'numpy' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.split() == ["True", "False", "False", "False", "False"]


def test_a_build_hands_its_sentences_to_the_speech_workers_before_loading_the_audio_stack(tmp_path):
    """The workers speak while numpy, pydub and the encoders load (about 0.1 s), not after."""
    code = f"""
import sys
sys.path.insert(0, {str(ROOT / 'tests')!r})
from pipeline.edition import build_edition

class Pool:  # hands clips over as they come, as the speech worker pool does
    sample_rate, workers = 22050, 2
    def identity(self):
        return "probe"
    def synthesize_stream(self, requests):
        print(" ".join(sorted({{"numpy", "pydub", "lameenc", "mutagen"}} & set(sys.modules))) or "-")
        def clips():
            from tone_engine import tone
            yield list(range(len(requests))), [tone(r.text, r.language, r.role) for r in requests]
        return clips()

build_edition({str(FIXTURES / 'orchard.txt')!r}, {str(tmp_path)!r}, engine=Pool())
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    lines = result.stdout.splitlines()
    assert lines[0] == "-" and (tmp_path / "orchard.mp3").exists()


def test_a_page_copy_is_built_without_the_network_modules():
    """urllib.request and http.client (with email and ssl) are for URLs: a page copy's build does not wait for them.
    (An HTML page brings them with trafilatura.)"""
    code = (
        "import sys, pipeline.cli, pipeline.edition, pipeline.batch\n"
        "from pipeline import clean, load, script, segment\n"
        f"script(segment(clean(load({str(FIXTURES / 'orchard.txt')!r}))))\n"
    )
    assert not modules_loaded_by(code) & {"http", "email", "ssl"}
