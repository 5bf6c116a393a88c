"""The speech cache heals: damaged entries are dropped and spoken again; an unwritable cache costs only caching."""
import errno
import logging
import os

import pytest
from conftest import FIXTURES
from tone_engine import ToneEngine

from pipeline import build_edition
from pipeline.tts import Request
from pipeline.tts import cache as cache_module
from pipeline.tts.cache import LEVELS, SpeechCache, code_identity, decode_entry, encode_entry

REQUEST = Request("A sentence to keep.", "en", "narrator")
PCM = bytes(range(256)) * 8


@pytest.fixture
def cache(tmp_path):
    return SpeechCache(tmp_path / "speech")


def stored(cache):
    key = cache.key("engine", REQUEST)
    cache.put(key, PCM)
    return key, cache._path(key)


def test_an_entry_round_trips(cache):
    key, _ = stored(cache)
    assert cache.get(key) == PCM and cache.hits == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-1],  # truncated mid-sample (the old ValueError)
        lambda data: data[:-2],  # truncated on a sample boundary
        lambda data: data[:10],  # cut inside the header
        lambda data: b"",  # created but never written
        lambda data: data[:-3] + bytes([data[-3] ^ 1]) + data[-2:],  # one bit flipped
        lambda data: data[28:],  # raw PCM from before entries were checked
    ],
)
def test_a_damaged_entry_is_dropped_with_a_warning(cache, caplog, damage):
    key, path = stored(cache)
    path.write_bytes(damage(path.read_bytes()))
    with caplog.at_level(logging.WARNING, logger="newscast.cache"):
        assert cache.get(key) is None
    assert not path.exists() and cache.dropped == 1
    assert "damaged speech cache entry" in caplog.text
    cache.put(key, PCM)  # spoken again, stored again
    assert cache.get(key) == PCM


def test_decode_refuses_odd_lengths():
    assert decode_entry(encode_entry(b"abc")) is None
    assert decode_entry(encode_entry(b"ab")) == b"ab"


def test_a_build_over_a_damaged_entry_speaks_it_again(tmp_path, caplog):
    cache = SpeechCache(tmp_path / "speech")
    build_edition(FIXTURES / "orchard.txt", tmp_path / "one", engine=ToneEngine(), cache=cache)
    entries = sorted((tmp_path / "speech").glob("*/*.clip"))
    victim = entries[len(entries) // 2]
    victim.write_bytes(victim.read_bytes()[:1001])
    with caplog.at_level(logging.WARNING, logger="newscast.cache"):
        build_edition(FIXTURES / "orchard.txt", tmp_path / "two", engine=ToneEngine(), cache=cache)
    assert cache.dropped == 1 and victim.exists() and decode_entry(victim.read_bytes()) is not None
    assert (tmp_path / "one" / "orchard.mp3").read_bytes() == (tmp_path / "two" / "orchard.mp3").read_bytes()


def test_a_cache_folder_that_cannot_be_made_costs_only_the_caching(tmp_path, caplog):
    blocker = tmp_path / "speech"
    blocker.write_text("a file where the folder should be")
    cache = SpeechCache(blocker)
    with caplog.at_level(logging.WARNING, logger="newscast.cache"):
        for i in range(3):
            cache.put(cache.key("engine", Request(f"s{i}", "en", "narrator")), PCM)
        assert cache.get(cache.key("engine", REQUEST)) is None
    assert caplog.text.count("cannot be written") == 1  # warned once, not per sentence
    assert cache.prune() == 0


def test_a_full_disk_leaves_no_temporary_file(cache, monkeypatch, caplog):
    def full(*_args):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(cache_module.os, "replace", full)
    with caplog.at_level(logging.WARNING, logger="newscast.cache"):
        cache.put(cache.key("engine", REQUEST), PCM)
    assert "No space left on device" in caplog.text
    assert not [p for p in cache.folder.rglob("*") if p.is_file()]


def test_read_only_cache_is_read_and_never_fails(cache, monkeypatch):
    key, _ = stored(cache)
    fresh = SpeechCache(cache.folder)

    def read_only(*_args, **_kwargs):
        raise PermissionError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(cache_module.tempfile, "mkstemp", read_only)
    monkeypatch.setattr(cache_module.os, "utime", read_only)
    assert fresh.get(key) == PCM
    fresh.put(fresh.key("engine", Request("new", "en", "narrator")), PCM)
    assert fresh.get(fresh.key("engine", Request("new", "en", "narrator"))) is None


def test_prune_clears_stale_temporary_files(cache):
    _, path = stored(cache)
    part = path.parent / "left-by-a-crash.part"
    part.write_bytes(b"half")
    os.utime(part, (0, 0))
    cache.prune()
    assert not part.exists() and path.exists()


def test_derived_entries_are_checked_and_dropped_like_clips(cache, caplog):
    key = "ab" * 32
    cache.put(key, b"odd-length levels", kind=LEVELS)
    assert cache.get(key, LEVELS) == b"odd-length levels" and cache.hits == 0  # hits count clips only
    path = cache._path(key, LEVELS)
    path.write_bytes(path.read_bytes()[:-1])
    with caplog.at_level(logging.WARNING, logger="newscast.cache"):
        assert cache.get(key, LEVELS) is None
    assert not path.exists() and "it is made again" in caplog.text


def test_derived_keys_follow_the_code_and_libraries_that_made_them(tmp_path):
    one, other = tmp_path / "levels.py", tmp_path / "levels2.py"
    one.write_text("GAIN = 1\n")
    other.write_text("GAIN = 2\n")
    assert code_identity(str(one)) != code_identity(str(other))
    assert code_identity(str(one), packages=("numpy",)) not in (code_identity(str(one)), code_identity(str(one), packages=("lameenc",)))
    assert code_identity(None) == code_identity(str(tmp_path / "gone.py"))  # unreadable: the version stands in


def test_only_a_cache_that_grew_is_pruned(tmp_path):
    for i in range(3):
        SpeechCache(tmp_path).put(f"{i:02d}" * 32, PCM)
    unchanged = SpeechCache(tmp_path, cap_bytes=0)
    assert unchanged.prune() == 0 and len(list(tmp_path.glob("*/*.clip"))) == 3  # a warm rebuild walks nothing
    unchanged.put("ff" * 32, PCM)
    assert unchanged.prune() > 0 and not list(tmp_path.glob("*/*.clip"))


def test_every_kind_of_entry_is_pruned(tmp_path):
    cache = SpeechCache(tmp_path, cap_bytes=0)
    for i, kind in enumerate((".clip", ".levels", ".mp3", ".spoken")):  # .spoken: batch's warm-rebuild marks
        cache.put(f"{i:02d}" * 32, b"x" * 100, kind=kind)
    cache.prune()
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]
