"""export's machinery: the MP3 and its tags, the sidecar files, and the other formats as plug-ins.

Only what is named here is for use outside this package.
"""
from .files import prepare_output, safe_name
from .formats import FORMATS, check_formats
from .mp3 import BITRATES, DEFAULT_BITRATE, encode_mp3
from .resample import SAMPLE_RATES
from .writer import write_edition

__all__ = ["FORMATS", "BITRATES", "DEFAULT_BITRATE", "SAMPLE_RATES", "check_formats", "encode_mp3", "prepare_output", "safe_name", "write_edition"]
