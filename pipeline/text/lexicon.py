"""Pronunciation lexicons: a built-in one for common news names, and the user's own.

The file format is CSV with a header line ``written,spoken``; lines starting
with ``#`` are comments. A user lexicon adds to the built-in one and
overrides it where both have the same written form.
"""
from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path

from ..errors import InputError


def default_lexicon() -> dict[str, str]:
    text = resources.files("pipeline").joinpath("data/lexicon.csv").read_text(encoding="utf-8")
    return parse_lexicon(text, "built-in lexicon")


def load_lexicon(path: str | Path | None) -> dict[str, str]:
    """The built-in lexicon, with the entries of ``path`` (when given) added or overriding."""
    entries = default_lexicon()
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except OSError as exc:
            raise InputError(f"{path}: cannot read the lexicon ({exc.strerror or exc})") from None
        except UnicodeDecodeError:
            raise InputError(f"{path}: the lexicon is not UTF-8 text") from None
        entries.update(parse_lexicon(text, str(path)))
    return entries


def parse_lexicon(text: str, origin: str) -> dict[str, str]:
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    if not lines:
        return {}
    rows = list(csv.reader(io.StringIO("\n".join(lines))))
    header, *rows = rows
    if [h.strip().lower() for h in header] != ["written", "spoken"]:
        raise InputError(f"{origin}: the first line must be the header 'written,spoken'")
    entries = {}
    for number, row in enumerate(rows, start=2):
        if len(row) != 2 or not row[0].strip() or not row[1].strip():
            raise InputError(f"{origin}: entry {number} needs a written and a spoken form: {','.join(row)!r}")
        entries[row[0].strip()] = row[1].strip()
    return entries
