"""The newscast command, run in process: output, exit codes, and no traceback on bad input."""
import gc
import io
import json
import os
import shutil
import sys

import pytest
from conftest import FIXTURES, SEED

from pipeline.cli import main


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_segment_prints_the_article_as_json():
    code, out, _ = run("segment", str(SEED))
    assert code == 0
    article = json.loads(out)
    assert article["headline"] == "Serbia urges UN action on Kosovo"
    assert [len(s["paragraphs"]) for s in article["sections"]] == [11, 5]


def test_build_writes_the_edition_and_prints_a_summary_line(tmp_path):
    code, out, err = run("build", str(FIXTURES / "orchard.txt"), "-o", str(tmp_path), "--rate", "220")
    assert code == 0, err
    assert out.strip().endswith("chapters")
    assert "orchard.mp3" in out and " 5 chapters" in out
    assert "sentences" in err  # progress on stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "orchard.chapters.json", "orchard.json", "orchard.mp3", "orchard.txt", "orchard.vtt",
    ]


def test_build_without_inputs_builds_every_seed(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    shutil.copy(SEED, tmp_path / "seeds")
    shutil.copy(FIXTURES / "harbour.html", tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    code, out, err = run("build", "-o", "editions")
    assert code == 0, err
    assert len(out.strip().splitlines()) == 2
    assert {p.suffix for p in (tmp_path / "editions").iterdir()} == {".mp3", ".json", ".vtt", ".txt"}


def test_voices():
    code, out, _ = run("voices")
    assert code == 0 and len(out.splitlines()) > 20


def test_help(capsys):
    assert main(["--help"]) == 0
    assert "build" in capsys.readouterr().out
    assert main(["build", "--help"]) == 0
    assert "--voice" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such file"),
        (b"", "empty"),
        (bytes(range(256)) * 20, "binary"),
        (b"Home\nNews\nSport\nSign in\n", "no article"),
        (b"<html><body><nav><a href='/'>Home</a></nav><p>Log in</p></body></html>", "no article"),
    ],
)
def test_bad_input_is_one_line_and_leaves_no_files(tmp_path, content, message):
    source = tmp_path / "input.txt"
    if content is not None:
        source.write_bytes(content)
    out_dir = tmp_path / "out"
    code, out, err = run("build", str(source), "-o", str(out_dir))
    assert code != 0
    assert err.count("\n") == 1 and err.startswith("newscast: ") and message in err
    assert "Traceback" not in err
    assert not out_dir.exists() or list(out_dir.iterdir()) == []


def test_unknown_voice(tmp_path):
    code, _, err = run("build", str(SEED), "-o", str(tmp_path), "--voice", "klingon-xyz")
    assert code != 0 and "unknown voice" in err and list(tmp_path.iterdir()) == []


def test_output_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run("build", str(SEED), "-o", str(blocker / "sub"))
    assert code != 0 and "cannot create the output folder" in err


def test_usage_error_exit_code():
    assert run("frobnicate")[0] == 64


def test_quotes_command():
    code, out, _ = run("quotes", str(SEED))
    assert code == 0
    assert out.splitlines() == [
        "Vuk Jeremic: “[Independence for Kosovo] would lead to an uncontrolled cascade of secession”",
        "Vladimir Putin, Russian President: “a ready-made plan and we know what we are going to do”",
    ]
    code, out, _ = run("quotes", str(SEED), "--json")
    assert [q["speaker"] for q in json.loads(out)] == ["Vuk Jeremic", "Vladimir Putin"]


def test_script_command_prints_what_will_be_spoken():
    code, out, _ = run("script", str(SEED))
    assert code == 0
    assert out.startswith("== Headline\nThis is a synthetic voice reading")
    assert "== EU mission\nE U mission\n" in out
    assert "one thousand eight hundred staff" in out
    assert "[quote voice]" in out
    code, out, _ = run("script", str(SEED), "--json")
    data = json.loads(out)
    assert data["language"] == "en"
    assert {"text", "display", "pause_ms", "voice", "language", "continues"} <= set(data["chapters"][0]["utterances"][0])


def test_script_announces_the_length_the_chosen_engine_will_speak():
    def announced(*options):
        code, out, _ = run("script", str(SEED), *options)
        assert code == 0
        return out.split("It lasts about ", 1)[1].split(" minute", 1)[0]

    assert announced() == "four"  # eSpeak at 150 words a minute
    assert announced("--engine", "piper") == announced("--rate", "181") == "three"  # Piper's voices at 181
    assert announced("--engine", "piper", "--rate", "150") == "four"


def test_script_with_a_lexicon(tmp_path):
    lexicon = tmp_path / "names.csv"
    lexicon.write_text("written,spoken\nSerbia,Sir bia\n", encoding="utf-8")
    code, out, _ = run("script", str(SEED), "--lexicon", str(lexicon))
    assert code == 0 and "Sir bia urges U N action on Kosovo" in out
    code, _, err = run("script", str(SEED), "--lexicon", str(tmp_path / "missing.csv"))
    assert code != 0 and "cannot read the lexicon" in err


def test_the_program_keeps_numpy_to_one_blas_thread(monkeypatch, capsys):
    """OpenBLAS's spinning helper threads would take CPU from a build's speech workers and encoders."""
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    monkeypatch.setattr(sys, "argv", ["newscast", "--version"])
    monkeypatch.setattr(gc, "freeze", lambda: None)  # what the program does just before it exits
    assert main() == 0
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")  # a user's own setting is kept
    main()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"
