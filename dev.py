#!/usr/bin/env python3
"""Quick start: set up a local virtual environment, then build editions or run the tests.

    python3 dev.py edition [newscast build options]   # the seed's edition into audio_out/
    python3 dev.py test [pytest options]              # the test suite

The environment (.venv/) is created on first use and reinstalled whenever
pyproject.toml changes; nothing else on the machine is touched.
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".installed-from"


def ensure_environment() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text() == wanted:
        return
    if not PYTHON.exists():
        print("dev: creating .venv", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    print("dev: installing newscast and its dependencies into .venv", file=sys.stderr)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], check=True)
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "-e", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    commands = {
        "edition": [str(PYTHON), "-m", "pipeline", "build"],
        "test": [str(PYTHON), "-m", "pytest"],
    }
    if not argv or argv[0] not in commands:
        print(__doc__.strip(), file=sys.stderr)
        return 64
    try:
        ensure_environment()
    except subprocess.CalledProcessError as exc:
        print(f"dev: setting up .venv failed (exit {exc.returncode})", file=sys.stderr)
        return 1
    return subprocess.run(commands[argv[0]] + argv[1:], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
