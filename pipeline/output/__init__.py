"""export's machinery: the MP3 and its tags, the sidecar files, and the other formats as plug-ins.

Only what is named here is for use outside this package.
"""
from .files import prepare_output, safe_name
from .formats import FORMATS, check_formats
from .mp3 import BITRATES, DEFAULT_BITRATE, encode_mp3
from .resample import SAMPLE_RATES

__all__ = ["FORMATS", "BITRATES", "DEFAULT_BITRATE", "SAMPLE_RATES", "check_formats", "encode_mp3", "prepare_output", "safe_name", "write_edition"]


def __getattr__(name: str):
    if name == "write_edition":  # with mutagen and the format writers: imported when an edition is written
        from .writer import write_edition

        return write_edition
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
